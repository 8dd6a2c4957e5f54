//! Driving the app with key presses on a real store in a temp dir.

use tempfile::TempDir;

use super::test_support::{
    self, app, chr, fill_child_form, press, resize, signed_in as signed_in_as, type_text, User,
};
use super::*;
use crate::app::modal::Modal;
use crate::app::screens::groups::GroupForm;
use crate::domain::{Child, GroupKind, Invalid, Role};
use crate::i18n::T;

fn demo_app(user: Option<&str>) -> (TempDir, App) {
    app(true, Lang::En, user.map_or(User::Nobody, User::Named))
}

fn signed_in() -> (TempDir, App) {
    signed_in_as(Lang::En)
}

fn admin() -> (TempDir, App) {
    test_support::admin(Lang::En)
}

fn empty_app() -> (TempDir, App) {
    app(false, Lang::En, User::Nobody)
}

#[test]
fn unknown_user_gets_the_picker_with_the_name_typed() {
    let (_dir, app) = demo_app(Some("Nobody Here"));
    assert!(matches!(app.screen(), Screen::Users(s) if s.list.filter == "Nobody Here"));
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    assert!(app.user.is_none());
}

fn groups(app: &App) -> &GroupsScreen {
    match app.screen() {
        Screen::Groups(s) => s,
        other => panic!("expected the groups list, got {}", screen_name(other)),
    }
}

fn children(app: &App) -> &ChildrenScreen {
    match app.screen() {
        Screen::Children(s) => s,
        other => panic!("expected a children list, got {}", screen_name(other)),
    }
}

fn users(app: &App) -> &list::ListView<UserRow> {
    match app.screen() {
        Screen::Users(s) => &s.list,
        other => panic!("expected the picker, got {}", screen_name(other)),
    }
}

fn screen_name(screen: &Screen) -> &'static str {
    match screen {
        Screen::Welcome(_) => "welcome",
        Screen::Users(_) => "users",
        Screen::Groups(_) => "groups",
        Screen::Children(_) => "children",
        Screen::Child(_) => "child",
        Screen::Observe(_) => "observation form",
        Screen::PickForm(_) => "form picker",
        Screen::Compare(_) => "comparison",
        Screen::Plans(_) => "plans picker",
        Screen::Trajectory(_) => "trajectory",
        Screen::History(_) => "audit trail",
        Screen::Staff(_) => "staff",
        Screen::Visit(_) => "visit",
        Screen::Growth(_) => "coaching",
    }
}

fn visible_names(list: &list::ListView<ChildRow>) -> Vec<String> {
    list.visible().map(|row| row.child.full_name()).collect()
}

fn group_form(app: &App) -> &crate::app::fields::Form<GroupForm> {
    match &groups(app).modal {
        Some(Modal::Form(form)) => form,
        other => panic!("expected the group form, got {other:?}"),
    }
}

/// The popup of the shown children list or child screen: the child form or the archive question.
fn child_modal(app: &App) -> &Option<crate::app::screens::children::ChildModal> {
    match app.screen() {
        Screen::Children(s) => &s.modal,
        Screen::Child(s) => &s.modal,
        other => panic!(
            "expected a screen about children, got {}",
            screen_name(other)
        ),
    }
}

fn child_form(app: &App) -> &crate::app::fields::Form<crate::app::screens::children::ChildForm> {
    match child_modal(app) {
        Some(Modal::Form(form)) => form,
        other => panic!("expected the child form, got {other:?}"),
    }
}

fn staff_form(app: &App) -> &crate::app::fields::Form<crate::app::screens::staff::StaffForm> {
    match app.screen() {
        Screen::Staff(StaffScreen {
            modal: Some(Modal::Form(form)),
            ..
        }) => form,
        other => panic!("expected the staff form, got {}", screen_name(other)),
    }
}

/// Moves the selection of the staff screen onto the person at the keyboard; who that is.
fn select_me_on_the_staff_screen(app: &mut App) -> crate::domain::Staff {
    let me = app.user.clone().unwrap();
    let Screen::Staff(s) = app.screen() else {
        panic!("staff screen")
    };
    let at = s
        .list
        .visible()
        .position(|r| list::Row::id(r) == me.id)
        .unwrap();
    for _ in 0..at {
        press(app, "Down");
    }
    me
}

/// Whether the archive question about the child with `id` is open.
fn asks_to_archive(app: &App, id: u64) -> bool {
    matches!(child_modal(app), Some(Modal::Confirm(c)) if c.about.id == id)
}

/// Why the open form of the shown screen (a child's or a staff member's) was refused.
fn form_error(app: &App) -> Option<&str> {
    match matches!(app.screen(), Screen::Staff(_)) {
        true => staff_form(app).error.as_deref(),
        false => child_form(app).error.as_deref(),
    }
}

fn user_name(app: &App) -> String {
    app.user
        .as_ref()
        .expect("someone is signed in")
        .name
        .clone()
}

fn last_audit(app: &App) -> crate::domain::AuditEntry {
    app.store
        .audit()
        .unwrap()
        .last()
        .cloned()
        .expect("an audit entry")
}

fn audit_len(app: &App) -> usize {
    app.store.audit().unwrap().len()
}

fn all_children(app: &App) -> Vec<Child> {
    let mut all = Vec::new();
    for group in app.store.groups().unwrap() {
        all.extend(app.store.children_of(group.id).unwrap());
    }
    all
}

/// Moves the selection of the shown children list onto the child with `id`.
fn select_child(app: &mut App, id: u64) {
    super::test_support::select_child_where(app, |_, child| child.id == id);
}

/// Empties the focused text field of the open form.
fn clear_field(app: &mut App) {
    for _ in 0..40 {
        press(app, "Backspace");
    }
}

// ---------------------------------------------------------------------------------------------
// Lists and navigation.

#[test]
fn filter_enter_keeps_the_best_match_and_esc_clears() {
    let (_dir, mut app) = signed_in();
    let uilen = app
        .store
        .groups()
        .unwrap()
        .into_iter()
        .find(|g| g.name.contains("Uilen"))
        .unwrap();
    let total = groups(&app).list.visible_len();

    chr(&mut app, '/');
    assert!(groups(&app).list.filtering);
    type_text(&mut app, "uil");
    assert_eq!(
        groups(&app).list.selected().unwrap().group.id,
        uilen.id,
        "best match selected"
    );
    press(&mut app, "Enter");
    let list = &groups(&app).list;
    assert!(!list.filtering, "Enter stops typing");
    assert_eq!(list.filter, "uil", "Enter keeps the filter");
    assert_eq!(
        list.selected().unwrap().group.id,
        uilen.id,
        "Enter keeps the best match"
    );

    // A second Enter opens it (acceptance 2: `/` + name + Enter + Enter).
    press(&mut app, "Enter");
    assert_eq!(children(&app).group.id, uilen.id);
    press(&mut app, "Esc");

    // Back on the groups list the kept filter is still there; Esc clears it.
    assert_eq!(groups(&app).list.filter, "uil");
    press(&mut app, "Esc");
    let list = &groups(&app).list;
    assert!(list.filter.is_empty() && !list.filtering);
    assert_eq!(list.visible_len(), total);

    // Esc while typing clears at once too.
    chr(&mut app, '/');
    type_text(&mut app, "vlin");
    assert!(groups(&app).list.visible_len() < total);
    press(&mut app, "Esc");
    let list = &groups(&app).list;
    assert!(list.filter.is_empty() && !list.filtering);
    assert_eq!(list.visible_len(), total);
    assert!(!app.quit);
}

#[test]
fn filter_keys_are_text_while_typing() {
    let (_dir, mut app) = signed_in();
    chr(&mut app, '/');
    // `q`, `a` and `?` are keymap keys elsewhere; while filtering they are letters.
    type_text(&mut app, "qa?");
    assert!(!app.quit);
    assert!(app.popup.is_none());
    assert_eq!(groups(&app).list.filter, "qa?");
    press(&mut app, "Backspace");
    assert_eq!(groups(&app).list.filter, "qa");
}

#[test]
fn opening_a_group_lists_its_children_sorted_by_name() {
    let (_dir, mut app) = signed_in();
    let first = groups(&app).list.selected().unwrap().clone();
    press(&mut app, "Enter");
    let screen = children(&app);
    assert_eq!(screen.group.id, first.group.id);
    let names = visible_names(&screen.list);
    assert_eq!(
        names.len(),
        first.children,
        "every child of the group, as counted on the groups list"
    );
    assert_eq!(
        names.len(),
        app.store
            .group_summary(first.group.id)
            .unwrap()
            .active_children
    );
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| crate::search::fold(n));
    assert_eq!(
        names, sorted,
        "sorted by name, ignoring case and diacritics"
    );
    assert_eq!(screen.list.selected_index(), 0);
}

#[test]
fn children_list_filters_too() {
    let (_dir, mut app) = signed_in();
    press(&mut app, "Enter");
    let last = children(&app).list.visible().last().unwrap().child.clone();
    chr(&mut app, '/');
    type_text(&mut app, &last.full_name());
    press(&mut app, "Enter");
    assert_eq!(children(&app).list.selected().unwrap().child.id, last.id);
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Child(s) if s.child.id == last.id));
}

#[test]
fn back_returns_to_the_previous_screen() {
    let (_dir, mut app) = signed_in();
    press(&mut app, "Down");
    let group = groups(&app).list.selected().unwrap().group.clone();
    press(&mut app, "Enter");
    press(&mut app, "Down");
    let child = children(&app).list.selected().unwrap().child.clone();
    press(&mut app, "Enter");
    match app.screen() {
        Screen::Child(s) => {
            assert_eq!(s.child.id, child.id);
            assert_eq!(s.group.id, group.id);
        }
        other => panic!("expected the child screen, got {}", screen_name(other)),
    }
    press(&mut app, "Esc");
    assert_eq!(children(&app).group.id, group.id);
    assert_eq!(
        children(&app).list.selected().unwrap().child.id,
        child.id,
        "selection kept"
    );
    press(&mut app, "Esc");
    assert_eq!(
        groups(&app).list.selected().unwrap().group.id,
        group.id,
        "selection kept"
    );
    // Esc on the first screen goes nowhere and does not quit.
    press(&mut app, "Esc");
    assert_eq!(app.screens.len(), 1);
    assert!(!app.quit);
    chr(&mut app, 'q');
    assert!(!app.quit, "q asks first");
    chr(&mut app, 'y');
    assert!(app.quit);
}

#[test]
fn quit_asks_and_only_j_or_y_stops() {
    let (_dir, mut app) = signed_in();
    press(&mut app, "Enter");
    let shown = app.screens.len();
    for no in ["n", "Esc", "Enter", "q", "Ctrl-c", "Down", "x"] {
        chr(&mut app, 'q');
        assert!(matches!(&app.question, Some(Question { text }) if text == "Stop signaal?"));
        press(&mut app, no);
        assert!(app.question.is_none(), "{no} answers");
        assert!(!app.quit, "{no} is no");
        assert_eq!(app.screens.len(), shown, "{no} does nothing else");
        assert!(app.popup.is_none());
    }
    press(&mut app, "Ctrl-c");
    chr(&mut app, 'j');
    assert!(app.quit, "j stops");
}

#[test]
fn quit_confirm_off_quits_at_once() {
    let (_dir, mut app) = signed_in();
    app.quit_confirm = false;
    chr(&mut app, 'q');
    assert!(app.quit && app.question.is_none());
}

#[test]
fn the_welcome_screen_of_an_empty_database_quits_at_once() {
    let (_dir, mut app) = empty_app();
    chr(&mut app, 'q');
    assert!(app.quit);
}

#[test]
fn the_lock_screen_asks_before_quitting_and_a_lock_answers_no() {
    let (_dir, mut app) = signed_in();
    press(&mut app, "Ctrl-l");
    press(&mut app, "Ctrl-c");
    assert!(app.question.is_some() && !app.quit);
    press(&mut app, "n");
    assert!(app.question.is_none() && app.locked.is_some() && !app.quit);
    press(&mut app, "Ctrl-c");
    chr(&mut app, 'y');
    assert!(app.quit);

    // A question open when the idle lock comes is answered no.
    let (_dir, mut app) = signed_in();
    app.lock_after = Some(std::time::Duration::from_secs(1));
    chr(&mut app, 'q');
    app.update(Msg::Tick {
        idle: std::time::Duration::from_secs(2),
    });
    assert!(app.question.is_none() && app.locked.is_some() && !app.quit);
}

// ---------------------------------------------------------------------------------------------
// Adding, editing, archiving.

#[test]
fn add_group_via_the_form_writes_it_signed_by_the_user() {
    let (_dir, mut app) = admin();
    let before = app.store.groups().unwrap().len();
    chr(&mut app, 'a');
    assert!(group_form(&app).fields.editing.is_none());
    type_text(&mut app, "De Bijtjes");
    press(&mut app, "Tab");
    press(&mut app, "Right"); // KDV -> Peuteropvang
    press(&mut app, "Tab");
    type_text(&mut app, "Locatie Zeeweg");
    press(&mut app, "Enter");

    assert!(groups(&app).modal.is_none(), "the form closes on save");
    assert!(app
        .status
        .as_ref()
        .is_some_and(|s| !s.error && s.text.contains("De Bijtjes")));
    let stored = app.store.groups().unwrap();
    assert_eq!(stored.len(), before + 1);
    let group = stored
        .iter()
        .find(|g| g.name == "De Bijtjes")
        .expect("stored");
    assert_eq!(group.kind, GroupKind::Peuteropvang);
    assert_eq!(group.location, "Locatie Zeeweg");
    assert!(!group.archived);

    let entry = last_audit(&app);
    assert_eq!(entry.by, user_name(&app));
    assert_eq!(entry.action, "group.add");
    assert_eq!(entry.target, format!("group:{}", group.id));
    assert_eq!(entry.at, app.clock.now());

    // The list shows it at once.
    assert!(groups(&app).list.visible().any(|r| r.group.id == group.id));
}

#[test]
fn an_empty_group_name_is_refused_and_nothing_is_written() {
    let (_dir, mut app) = admin();
    let groups_before = app.store.groups().unwrap();
    let audit_before = audit_len(&app);
    chr(&mut app, 'a');
    press(&mut app, "Enter");
    let refused = Some(Lang::En.get(T::ErrNameRequired));
    assert_eq!(group_form(&app).error.as_deref(), refused);
    // Spaces only are no name either; the typed values stay in the form.
    type_text(&mut app, "   ");
    press(&mut app, "Tab");
    press(&mut app, "Tab");
    type_text(&mut app, "Locatie Molenhof");
    press(&mut app, "Enter");
    assert_eq!(group_form(&app).error.as_deref(), refused);
    assert_eq!(group_form(&app).fields.location.value, "Locatie Molenhof");
    assert_eq!(app.store.groups().unwrap(), groups_before);
    assert_eq!(audit_len(&app), audit_before);
}

#[test]
fn esc_in_a_form_cancels_without_writing() {
    let (_dir, mut app) = signed_in();
    let groups_before = app.store.groups().unwrap();
    let audit_before = audit_len(&app);
    chr(&mut app, 'a');
    type_text(&mut app, "Half getypt");
    press(&mut app, "Esc");
    assert!(groups(&app).modal.is_none());
    assert!(
        matches!(app.screen(), Screen::Groups(_)),
        "Esc closes the form, not the screen"
    );
    assert_eq!(app.store.groups().unwrap(), groups_before);
    assert_eq!(audit_len(&app), audit_before);

    // The same for a child's edit form.
    press(&mut app, "Enter");
    let child = children(&app).list.selected().unwrap().child.clone();
    chr(&mut app, 'e');
    clear_field(&mut app);
    type_text(&mut app, "Anders");
    press(&mut app, "Esc");
    assert!(app.popup.is_none());
    assert_eq!(app.store.child(child.id).unwrap().unwrap(), child);
    assert_eq!(audit_len(&app), audit_before);
}

#[test]
fn edit_group_renames_it() {
    let (_dir, mut app) = admin();
    let group = groups(&app).list.selected().unwrap().group.clone();
    chr(&mut app, 'e');
    assert_eq!(group_form(&app).fields.name.value, group.name);
    assert_eq!(group_form(&app).fields.location.value, group.location);
    clear_field(&mut app);
    type_text(&mut app, "De Rupsjes");
    press(&mut app, "Enter");
    assert!(groups(&app).modal.is_none());
    let stored = app.store.group(group.id).unwrap().unwrap();
    assert_eq!(stored.name, "De Rupsjes");
    assert_eq!(stored.kind, group.kind, "untouched fields stay");
    assert_eq!(stored.location, group.location);
    let entry = last_audit(&app);
    assert_eq!(
        (entry.action.as_str(), entry.by),
        ("group.edit", user_name(&app))
    );
    press(&mut app, "Enter");
    assert_eq!(children(&app).group.name, "De Rupsjes");
}

#[test]
fn add_child_refuses_a_bad_or_future_birth_date() {
    let (_dir, mut app) = signed_in();
    press(&mut app, "Enter");
    let group = children(&app).group.clone();
    let before = app.store.children_of(group.id).unwrap();
    let audit_before = audit_len(&app);
    chr(&mut app, 'a');
    fill_child_form(&mut app, "Noor", "Jansen", "2024-13-45");
    press(&mut app, "Enter");
    // The shape is right, the day is not in the calendar: said so.
    let no_such = |typed: &str| Lang::En.invalid(&Invalid::NoSuchDate(typed.into()));
    assert_eq!(form_error(&app), Some(no_such("2024-13-45").as_str()));

    clear_field(&mut app);
    type_text(&mut app, "04-20-2024");
    press(&mut app, "Enter");
    assert_eq!(
        form_error(&app),
        Some(no_such("04-20-2024").as_str()),
        "the month goes in the middle"
    );

    clear_field(&mut app);
    type_text(&mut app, "20 november");
    press(&mut app, "Enter");
    let bad = Lang::En.invalid(&Invalid::BadDate("20 november".into()));
    assert_eq!(form_error(&app), Some(bad.as_str()), "no date at all");

    clear_field(&mut app);
    type_text(&mut app, "2026-11-21"); // tomorrow on the fixed clock
    press(&mut app, "Enter");
    assert_eq!(form_error(&app), Some(Lang::En.get(T::ErrFutureDate)));
    assert_eq!(
        app.store.children_of(group.id).unwrap(),
        before,
        "nothing written"
    );
    assert_eq!(audit_len(&app), audit_before);

    // Born today is fine, written as the Dutch screens show dates too; the child lands in the
    // shown group.
    clear_field(&mut app);
    type_text(&mut app, "20-11-2026");
    press(&mut app, "Enter");
    assert!(
        child_modal(&app).is_none(),
        "saved: {:?}",
        child_modal(&app)
    );
    let after = app.store.children_of(group.id).unwrap();
    assert_eq!(after.len(), before.len() + 1);
    let noor = after
        .iter()
        .find(|c| c.full_name() == "Noor Jansen")
        .expect("stored");
    assert_eq!(
        noor.birth_date,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
    );
    let entry = last_audit(&app);
    assert_eq!(
        (entry.action.as_str(), entry.by),
        ("child.add", user_name(&app))
    );
    assert!(children(&app).list.visible().any(|c| c.child.id == noor.id));
}

#[test]
fn add_child_requires_a_first_name() {
    let (_dir, mut app) = signed_in();
    press(&mut app, "Enter");
    let count = all_children(&app).len();
    chr(&mut app, 'a');
    press(&mut app, "Tab");
    type_text(&mut app, "Jansen");
    press(&mut app, "Tab");
    type_text(&mut app, "2024-04-20");
    press(&mut app, "Enter");
    assert_eq!(
        form_error(&app),
        Some(Lang::En.get(T::ErrFirstNameRequired))
    );
    assert_eq!(all_children(&app).len(), count);
}

#[test]
fn the_start_in_the_group_is_optional_and_lies_between_birth_and_today() {
    let (_dir, mut app) = signed_in();
    press(&mut app, "Enter");
    let count = all_children(&app).len();
    chr(&mut app, 'a');
    fill_child_form(&mut app, "Noor", "Jansen", "2024-04-20");
    press(&mut app, "Tab");
    type_text(&mut app, "2024-04-19");
    press(&mut app, "Enter");
    assert_eq!(
        form_error(&app),
        Some(Lang::En.get(T::ErrStartedBeforeBirth))
    );
    clear_field(&mut app);
    type_text(&mut app, "2026-11-21"); // tomorrow on the fixed clock
    press(&mut app, "Enter");
    assert_eq!(form_error(&app), Some(Lang::En.get(T::ErrFutureStart)));
    assert_eq!(all_children(&app).len(), count, "nothing written");

    clear_field(&mut app);
    type_text(&mut app, "01-09-2024");
    press(&mut app, "Enter");
    assert!(child_modal(&app).is_none(), "saved");
    let noor = all_children(&app)
        .into_iter()
        .find(|c| c.full_name() == "Noor Jansen")
        .expect("stored");
    assert_eq!(noor.started, chrono::NaiveDate::from_ymd_opt(2024, 9, 1));

    // Emptied on edit, it is no longer known.
    select_child(&mut app, noor.id);
    chr(&mut app, 'e');
    for _ in 0..3 {
        press(&mut app, "Tab");
    }
    clear_field(&mut app);
    press(&mut app, "Enter");
    assert!(child_modal(&app).is_none(), "saved");
    assert_eq!(app.store.child(noor.id).unwrap().unwrap().started, None);
}

#[test]
fn edit_child_moves_it_to_another_group() {
    let (_dir, mut app) = signed_in();
    let all_groups = app.store.groups().unwrap();
    press(&mut app, "Enter");
    let from = children(&app).group.clone();
    let child = children(&app).list.selected().unwrap().child.clone();
    chr(&mut app, 'e');
    let fields = &child_form(&app).fields;
    assert!(matches!(&fields.editing, Some(c) if c.id == child.id));
    assert_eq!(fields.first_name.value, child.first_name);
    assert_eq!(
        fields.birth_date.text.value,
        Lang::En.date(child.birth_date)
    );
    assert_eq!(fields.group.value(), Some(&from.id), "on the child's group");
    for _ in 0..4 {
        press(&mut app, "Tab"); // past the names, the birth date and the start in the group
    }
    press(&mut app, "Right");
    let to = *child_form(&app).fields.group.value().unwrap();
    assert_ne!(to, from.id);
    assert!(all_groups.iter().any(|g| g.id == to));
    press(&mut app, "Enter");
    assert!(child_modal(&app).is_none());

    let stored = app.store.child(child.id).unwrap().unwrap();
    assert_eq!(stored.group_id, to);
    assert_eq!(
        Child {
            group_id: from.id,
            ..stored.clone()
        },
        child,
        "nothing else changed"
    );
    assert!(app
        .store
        .children_of(from.id)
        .unwrap()
        .iter()
        .all(|c| c.id != child.id));
    assert!(app
        .store
        .children_of(to)
        .unwrap()
        .iter()
        .any(|c| c.id == child.id));
    assert!(
        children(&app)
            .list
            .visible()
            .all(|c| c.child.id != child.id),
        "gone from the old list"
    );
    let entry = last_audit(&app);
    assert_eq!(entry.action, "child.edit");
    assert_eq!(entry.target, format!("child:{}", child.id));
    assert_eq!(entry.by, user_name(&app));
}

#[test]
fn edit_on_the_child_screen_shows_the_new_details() {
    let (_dir, mut app) = signed_in();
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    let Screen::Child(s) = app.screen() else {
        panic!("child screen")
    };
    let id = s.child.id;
    chr(&mut app, 'e');
    press(&mut app, "Tab");
    clear_field(&mut app);
    type_text(&mut app, "Bakker");
    press(&mut app, "Enter");
    assert!(child_modal(&app).is_none());
    assert_eq!(app.store.child(id).unwrap().unwrap().last_name, "Bakker");
    assert!(matches!(app.screen(), Screen::Child(s) if s.child.last_name == "Bakker"));
    press(&mut app, "Esc");
    assert!(children(&app)
        .list
        .visible()
        .any(|c| c.child.id == id && c.child.last_name == "Bakker"));
}

#[test]
fn archive_show_archived_and_restore_a_child() {
    let (_dir, mut app) = admin();
    let group_id = groups(&app).list.selected().unwrap().group.id;
    let count = groups(&app).list.selected().unwrap().children;
    press(&mut app, "Enter");
    press(&mut app, "Down");
    let child = children(&app).list.selected().unwrap().child.clone();

    chr(&mut app, 'D');
    assert!(asks_to_archive(&app, child.id));
    // Esc says no, and so do Enter, `n` and any other key: only `j` or `y` says yes.
    press(&mut app, "Esc");
    assert!(child_modal(&app).is_none() && app.popup.is_none());
    for no in ["Enter", "n", "Left", "D", "J", "Ctrl-c"] {
        chr(&mut app, 'D');
        assert!(asks_to_archive(&app, child.id));
        // Every key answers, Ctrl-c (which no form binds) too; only `j` or `y` is a yes.
        press(&mut app, no);
        assert!(child_modal(&app).is_none(), "{no} answers");
        assert!(
            !app.store.child(child.id).unwrap().unwrap().archived,
            "{no} is no"
        );
    }
    // A paste is no answer at all, not even a pasted `y`.
    chr(&mut app, 'D');
    app.update(Msg::Paste("y".into()));
    assert!(asks_to_archive(&app, child.id));
    press(&mut app, "Esc");

    chr(&mut app, 'D');
    chr(&mut app, 'j');
    assert!(child_modal(&app).is_none() && app.popup.is_none());
    let stored = app.store.child(child.id).unwrap().unwrap();
    assert!(stored.archived, "archived, not deleted");
    assert_eq!(last_audit(&app).action, "child.archive");
    assert_eq!(last_audit(&app).by, user_name(&app));
    assert!(
        children(&app)
            .list
            .visible()
            .all(|c| c.child.id != child.id),
        "hidden"
    );
    assert_eq!(
        app.store.group_summary(group_id).unwrap().active_children,
        count - 1
    );

    chr(&mut app, 'H');
    assert!(children(&app).show_archived);
    assert!(
        children(&app)
            .list
            .visible()
            .any(|c| c.child.id == child.id && c.child.archived),
        "shown again"
    );
    select_child(&mut app, child.id);
    chr(&mut app, 'D');
    press(&mut app, "Enter");
    assert!(app.store.child(child.id).unwrap().unwrap().archived);
    chr(&mut app, 'D');
    chr(&mut app, 'y');
    assert!(
        !app.store.child(child.id).unwrap().unwrap().archived,
        "restored"
    );
    assert_eq!(last_audit(&app).action, "child.restore");
    chr(&mut app, 'H');
    assert!(children(&app)
        .list
        .visible()
        .any(|c| c.child.id == child.id));

    press(&mut app, "Esc");
    let row = groups(&app)
        .list
        .visible()
        .find(|r| r.group.id == group_id)
        .unwrap()
        .clone();
    assert_eq!(row.children, count);
}

#[test]
fn archive_and_restore_a_group() {
    let (_dir, mut app) = admin();
    let total = groups(&app).list.visible_len();
    let group = groups(&app).list.selected().unwrap().group.clone();
    chr(&mut app, 'D');
    press(&mut app, "Enter");
    assert!(
        !app.store.group(group.id).unwrap().unwrap().archived,
        "Enter answers no"
    );
    chr(&mut app, 'D');
    chr(&mut app, 'j');
    assert!(app.store.group(group.id).unwrap().unwrap().archived);
    assert_eq!(last_audit(&app).action, "group.archive");
    assert_eq!(groups(&app).list.visible_len(), total - 1);
    // An archived group is not offered for a new child.
    press(&mut app, "Enter");
    chr(&mut app, 'a');
    for _ in 0..3 {
        press(&mut app, "Tab");
    }
    let mut offered = Vec::new();
    for _ in 0..total + 1 {
        offered.extend(child_form(&app).fields.group.value().copied());
        press(&mut app, "Right");
    }
    assert!(!offered.is_empty() && !offered.contains(&group.id));
    press(&mut app, "Esc");
    press(&mut app, "Esc");

    chr(&mut app, 'H');
    assert_eq!(groups(&app).list.visible_len(), total);
    press(&mut app, "Home");
    for _ in 0..10 {
        if groups(&app).list.selected().unwrap().group.id == group.id {
            break;
        }
        press(&mut app, "Down");
    }
    assert_eq!(groups(&app).list.selected().unwrap().group.id, group.id);
    chr(&mut app, 'D');
    chr(&mut app, 'y');
    assert!(!app.store.group(group.id).unwrap().unwrap().archived);
    assert_eq!(last_audit(&app).action, "group.restore");
}

#[test]

fn editing_a_child_in_an_archived_group_keeps_its_group() {
    let (_dir, mut app) = admin();
    let group = groups(&app).list.selected().unwrap().group.clone();
    chr(&mut app, 'D');
    press(&mut app, "Enter");
    chr(&mut app, 'H');
    press(&mut app, "Home");
    assert_eq!(groups(&app).list.selected().unwrap().group.id, group.id);
    press(&mut app, "Enter");
    let child = children(&app).list.selected().unwrap().child.clone();
    // Change only the last name.
    chr(&mut app, 'e');
    press(&mut app, "Tab");
    type_text(&mut app, "x");
    press(&mut app, "Enter");
    let stored = app.store.child(child.id).unwrap().unwrap();
    assert_eq!(
        stored.group_id, group.id,
        "the child was moved out of its group without asking"
    );
}

// ---------------------------------------------------------------------------------------------
// Help, terminal size.

#[test]
fn help_opens_and_closes() {
    let (_dir, mut app) = signed_in();
    chr(&mut app, '?');
    assert!(matches!(&app.popup, Some(Popup::Help(h)) if h.scroll == 0));
    press(&mut app, "Down");
    press(&mut app, "Down");
    assert!(matches!(&app.popup, Some(Popup::Help(h)) if h.scroll == 2));
    chr(&mut app, '?');
    assert!(app.popup.is_none());
    press(&mut app, "F1");
    assert!(matches!(app.popup, Some(Popup::Help(_))));
    press(&mut app, "Esc");
    assert!(app.popup.is_none());
    // `q` in the help closes the help; it does not quit.
    chr(&mut app, '?');
    chr(&mut app, 'q');
    assert!(app.popup.is_none());
    assert!(!app.quit);
    assert!(
        matches!(app.screen(), Screen::Groups(_)),
        "the screen under the help is unchanged"
    );
}

#[test]
fn when_too_small_only_quit_works() {
    let (_dir, mut app) = admin();
    let audit_before = audit_len(&app);
    resize(&mut app, 20, 6);
    assert!(app.too_small);
    for code in ["Enter", "Down", "?", "a", "/"] {
        press(&mut app, code);
    }
    for action in [Action::Open, Action::Add, Action::Archive, Action::Help] {
        app.update(Msg::Action(action));
    }
    assert!(app.popup.is_none());
    assert_eq!(app.screens.len(), 1);
    assert_eq!(groups(&app).list.selected_index(), 0);
    assert!(!groups(&app).list.filtering);
    assert_eq!(audit_len(&app), audit_before);
    assert!(!app.quit);

    // Back to a usable size: keys work again.
    resize(&mut app, 80, 24);
    assert!(!app.too_small);
    press(&mut app, "Down");
    assert_eq!(groups(&app).list.selected_index(), 1);

    // Too small while a form is open: the form stays, `q` quits rather than typing.
    chr(&mut app, 'a');
    resize(&mut app, 59, 15);
    assert!(app.too_small);
    press(&mut app, "Esc");
    assert!(groups(&app).modal.is_some());
    chr(&mut app, 'q');
    assert!(app.question.is_some(), "too small, q still asks");
    chr(&mut app, 'y');
    assert!(app.quit);
    assert_eq!(group_form(&app).fields.name.value, "", "q was not typed");
}

#[test]
fn min_size_is_not_too_small() {
    let (_dir, mut app) = signed_in();
    resize(&mut app, MIN_WIDTH, MIN_HEIGHT);
    assert!(!app.too_small);
    resize(&mut app, MIN_WIDTH - 1, MIN_HEIGHT);
    assert!(app.too_small);
    resize(&mut app, MIN_WIDTH, MIN_HEIGHT - 1);
    assert!(app.too_small);
}

// ---------------------------------------------------------------------------------------------
// Who is at the keyboard.

#[test]
fn picker_narrows_and_enter_signs_in() {
    let (_dir, mut app) = demo_app(None);
    assert!(app.user.is_none());
    let staff = app.store.staff().unwrap();
    assert_eq!(
        users(&app).visible_len(),
        staff.len(),
        "everyone, and no \"+ new\" once there is staff"
    );

    let person = staff
        .iter()
        .find(|s| s.role == Role::Coach)
        .expect("demo has a coach")
        .clone();
    let typed: String = person
        .name
        .chars()
        .take(5)
        .collect::<String>()
        .to_lowercase();
    type_text(&mut app, &typed);
    let list = users(&app);
    assert!(list.visible_len() < staff.len(), "typing narrows");
    assert!(
        matches!(list.selected(), Some(UserRow::Person(p)) if p.id == person.id),
        "best match first"
    );

    // Nonsense leaves nobody.
    type_text(&mut app, "zzqx");
    assert_eq!(users(&app).visible_len(), 0);
    for _ in 0..4 {
        press(&mut app, "Backspace");
    }
    assert!(matches!(users(&app).selected(), Some(UserRow::Person(p)) if p.id == person.id));

    press(&mut app, "Enter");
    assert_eq!(app.user.as_ref(), Some(&person));
    assert!(matches!(app.screen(), Screen::Groups(_)));
    assert_eq!(app.screens.len(), 1);
    assert!(!groups(&app).list.is_empty());
}

#[test]
fn picker_esc_clears_the_typed_text_then_quits() {
    let (_dir, mut app) = demo_app(None);
    type_text(&mut app, "abc");
    press(&mut app, "Esc");
    assert!(users(&app).filter.is_empty());
    assert!(users(&app).filtering, "still takes text");
    assert!(!app.quit);
    press(&mut app, "Esc");
    assert!(!app.quit, "Esc with nothing typed asks, like q");
    chr(&mut app, 'j');
    assert!(app.quit);
}

#[test]
fn user_flag_picks_without_asking_ignoring_case_and_accents() {
    let (_dir, app) = demo_app(None);
    let staff = app.store.staff().unwrap();
    let person = staff
        .iter()
        .find(|s| !s.name.is_ascii())
        .unwrap_or(&staff[0])
        .clone();
    let App {
        store,
        lang,
        keymap,
        clock,
        ..
    } = app;
    let typed = crate::search::fold(&person.name).to_uppercase();
    let app = App::new(
        store,
        Options {
            lang,
            keymap,
            clock,
            user: Some(typed),
            observe_weeks: crate::config::defaults::OBSERVE_WEEKS,
            lock_after: None,
        },
    );
    assert_eq!(app.user.as_ref(), Some(&person));
    assert!(matches!(app.screen(), Screen::Groups(_)));
}

#[test]
fn once_there_is_staff_the_picker_offers_no_new_person() {
    let (_dir, mut app) = demo_app(None);
    let staff = app.store.staff().unwrap();
    type_text(&mut app, "Nieuwe Collega");
    assert!(
        !users(&app).items().any(|r| matches!(r, UserRow::New)),
        "adding people is an admin's job, on the staff screen"
    );
    press(&mut app, "Enter");
    assert!(app.popup.is_none(), "no form for someone nobody knows");
    assert_eq!(app.store.staff().unwrap(), staff);
    assert!(app.user.is_none());
}

#[test]
fn an_admin_adds_a_person_with_groups_but_never_a_second_name_alike() {
    let (_dir, mut app) = admin();
    chr(&mut app, 'S');
    assert!(matches!(app.screen(), Screen::Staff(_)));
    let staff = app.store.staff().unwrap();
    let group = app.store.groups().unwrap()[1].clone();

    chr(&mut app, 'a');
    type_text(&mut app, &staff[0].name.to_uppercase());
    press(&mut app, "Enter");
    assert!(form_error(&app).is_some_and(|e| e.starts_with(Lang::En.get(T::ErrDuplicateStaff))));
    assert_eq!(app.store.staff().unwrap(), staff);

    clear_field(&mut app);
    type_text(&mut app, "Noor Visser");
    press(&mut app, "Tab");
    press(&mut app, "Tab");
    type_text(&mut app, "Nergens");
    press(&mut app, "Enter");
    assert!(
        form_error(&app).is_some_and(|e| e.contains("Nergens")),
        "unknown group named"
    );
    for _ in 0.."Nergens".len() {
        press(&mut app, "Backspace");
    }
    type_text(&mut app, &group.name.to_lowercase());
    press(&mut app, "Enter");
    assert!(
        matches!(app.screen(), Screen::Staff(s) if s.modal.is_none()),
        "saved"
    );
    let noor = app
        .store
        .staff()
        .unwrap()
        .into_iter()
        .find(|s| s.name == "Noor Visser")
        .unwrap();
    assert_eq!(
        noor.role,
        Role::Staff,
        "after the first person, staff by default"
    );
    assert_eq!(noor.groups, vec![group.id]);
    assert_eq!(last_audit(&app).action, "staff.add");
    assert_eq!(last_audit(&app).by, user_name(&app));
}

#[test]
fn the_last_admin_stays_admin_and_staff_never_reach_the_staff_screen() {
    let (_dir, mut app) = admin();
    chr(&mut app, 'S');
    let me = select_me_on_the_staff_screen(&mut app);
    chr(&mut app, 'e');
    press(&mut app, "Tab");
    press(&mut app, "Right"); // admin -> staff
    press(&mut app, "Enter");
    assert_eq!(form_error(&app), Some(Lang::En.get(T::ErrLastAdmin)));
    assert_eq!(
        app.store.staff().unwrap().iter().find(|s| s.id == me.id),
        Some(&me)
    );

    let (_dir, mut app) = signed_in();
    chr(&mut app, 'S');
    assert!(
        matches!(app.screen(), Screen::Groups(_)),
        "staff stay on the groups list"
    );
    assert!(app.status.is_some(), "and are told who may");
}

#[test]
fn an_admin_who_renames_themself_is_signed_in_under_the_new_name() {
    let (_dir, mut app) = admin();
    chr(&mut app, 'S');
    let me = select_me_on_the_staff_screen(&mut app);
    chr(&mut app, 'e');
    assert_eq!(staff_form(&app).fields.name.value, me.name);
    type_text(&mut app, " Jr");
    press(&mut app, "Enter");
    let renamed = format!("{} Jr", me.name);
    assert_eq!(
        app.user.as_ref().map(|u| u.name.as_str()),
        Some(renamed.as_str())
    );
    assert_eq!(app.status.as_ref().map(|s| s.error), Some(false));
}

#[test]
fn the_first_persons_form_wants_a_name_and_esc_goes_back_to_the_picker() {
    let (_dir, mut app) = empty_app();
    press(&mut app, "Enter"); // start empty
    press(&mut app, "Enter"); // + new staff member
    press(&mut app, "Enter");
    let Screen::Users(UsersScreen {
        modal: Some(Modal::Form(form)),
        ..
    }) = app.screen()
    else {
        panic!("the staff form stays open")
    };
    assert_eq!(
        form.error.as_deref(),
        Some(Lang::En.get(T::ErrNameRequired))
    );
    press(&mut app, "Esc");
    assert!(matches!(app.screen(), Screen::Users(s) if s.modal.is_none()));
    assert!(app.store.staff().unwrap().is_empty());
    assert!(app.user.is_none());
}

#[test]
fn start_empty_creates_the_first_staff_member_signed_by_themself() {
    let (_dir, mut app) = empty_app();
    assert!(matches!(app.screen(), Screen::Welcome(_)));
    press(&mut app, "Enter"); // start empty
    assert!(
        matches!(&app.screens[0], Screen::Groups(s) if s.list.is_empty()),
        "groups list below"
    );
    let list = users(&app);
    assert_eq!(list.visible_len(), 1);
    assert!(matches!(list.selected(), Some(UserRow::New)));

    type_text(&mut app, "Ingrid Bakker");
    assert!(
        matches!(users(&app).selected(), Some(UserRow::New)),
        "+ new stays offered"
    );
    press(&mut app, "Enter");
    let Screen::Users(UsersScreen {
        modal: Some(Modal::Form(form)),
        ..
    }) = app.screen()
    else {
        panic!("the staff form over the picker")
    };
    assert!(form.fields.editing.is_none());
    assert_eq!(form.fields.name.value, "Ingrid Bakker");
    assert_eq!(
        form.fields.role.value(),
        Some(&Role::Admin),
        "the first person sets the place up"
    );
    press(&mut app, "Enter");

    let staff = app.store.staff().unwrap();
    assert_eq!(staff.len(), 1);
    assert_eq!(staff[0].name, "Ingrid Bakker");
    assert_eq!(staff[0].role, Role::Admin);
    assert_eq!(app.user.as_ref(), Some(&staff[0]));
    let entry = last_audit(&app);
    assert_eq!(entry.action, "staff.add");
    assert_eq!(
        entry.by, "Ingrid Bakker",
        "the first person signs their own entry"
    );
    assert!(matches!(app.screen(), Screen::Groups(_)), "picker gone");
    assert_eq!(app.screens.len(), 1);

    // The empty groups list: `a` adds the first group, signed by her.
    chr(&mut app, 'a');
    type_text(&mut app, "De Vlinders");
    press(&mut app, "Enter");
    assert_eq!(app.store.groups().unwrap().len(), 1);
    assert_eq!(last_audit(&app).by, "Ingrid Bakker");
    assert_eq!(groups(&app).list.visible_len(), 1);

    // Its children list is empty: Enter does nothing there, `a` adds the first child to it.
    press(&mut app, "Enter");
    let group_id = children(&app).group.id;
    assert!(children(&app).list.is_empty());
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Children(_)));
    chr(&mut app, 'a');
    fill_child_form(&mut app, "Zoë", "de Vries", "2024-02-29");
    press(&mut app, "Enter");
    assert!(
        child_modal(&app).is_none(),
        "saved: {:?}",
        child_modal(&app)
    );
    let kids = app.store.children_of(group_id).unwrap();
    assert_eq!(kids.len(), 1);
    assert_eq!(kids[0].full_name(), "Zoë de Vries");
    assert_eq!(last_audit(&app).by, "Ingrid Bakker");
}

#[test]
fn archive_from_the_child_screen() {
    let (_dir, mut app) = admin();
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    let Screen::Child(s) = app.screen() else {
        panic!("child screen")
    };
    let id = s.child.id;
    chr(&mut app, 'D');
    assert!(asks_to_archive(&app, id));
    chr(&mut app, 'j');
    assert!(app.store.child(id).unwrap().unwrap().archived);
    assert!(
        matches!(app.screen(), Screen::Child(s) if s.child.archived),
        "the child screen shows it archived"
    );
    press(&mut app, "Esc");
    assert!(
        children(&app).list.visible().all(|c| c.child.id != id),
        "hidden from the list"
    );
}

#[test]
fn load_demo_from_the_welcome_screen() {
    let (_dir, mut app) = empty_app();
    chr(&mut app, 'd');
    assert!(!app.store.is_empty());
    assert_eq!(app.store.groups().unwrap().len(), 3);
    assert!(
        matches!(app.screen(), Screen::Users(_)),
        "then: who are you?"
    );
    assert!(app.status.as_ref().is_some_and(|s| !s.error));
}

#[test]
fn nothing_is_written_without_a_signature() {
    // Every audit entry the app writes names a person.
    let (_dir, mut app) = signed_in();
    chr(&mut app, 'a');
    type_text(&mut app, "De Mieren");
    press(&mut app, "Enter");
    assert!(app
        .store
        .audit()
        .unwrap()
        .iter()
        .all(|e| !e.by.trim().is_empty()));
}

/// Ctrl-C stops signaal from a text field too, as from anywhere else: after "Stop signaal?",
/// and a no keeps the form with what was typed (Ctrl-C types nothing).
#[test]
fn ctrl_c_in_a_form_asks_to_stop_and_a_no_keeps_what_was_typed() {
    let (_dir, mut app) = crate::app::test_support::admin(Lang::Nl);
    chr(&mut app, 'a');
    assert!(app.takes_text(), "the group form takes text");
    type_text(&mut app, "De Mol");
    press(&mut app, "Ctrl-c");
    assert!(app.question.is_some() && !app.quit, "asked first");
    press(&mut app, "n");
    assert!(app.question.is_none() && app.takes_text());
    let Screen::Groups(groups) = app.screen() else {
        panic!("still on the groups list")
    };
    let Some(crate::app::modal::Modal::Form(form)) = &groups.modal else {
        panic!("the form is still open")
    };
    assert_eq!(form.fields.name.value, "De Mol");
    press(&mut app, "Ctrl-c");
    chr(&mut app, 'j');
    assert!(app.quit);
}
