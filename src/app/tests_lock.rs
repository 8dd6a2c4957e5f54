//! The lock of the shared terminal: Ctrl-L and idle time lock, picking yourself unlocks, and what
//! is done afterwards is signed with the name picked.

use std::time::Duration;

use super::test_support::{chr, on_new_child, press, resize, type_text};
use super::*;
use crate::i18n::T;

fn ctrl_l(app: &mut App) {
    press(app, "Ctrl-l");
}

#[test]
fn ctrl_l_locks_and_picking_yourself_unlocks_where_you_were() {
    let (_dir, mut app, child) = on_new_child(Lang::En);
    press(&mut app, "Enter");
    ctrl_l(&mut app);
    let locked = app.locked.as_ref().expect("locked");
    assert!(locked
        .emergency
        .iter()
        .any(|c| c.phone().is_some_and(|p| p.number == "0800-2000")));
    // Letters are the name being typed, not keys: `c` and `q` do nothing else.
    type_text(&mut app, "cq");
    assert!(app.locked.is_some() && !app.quit && app.popup.is_none());
    press(&mut app, "Esc");
    let other = app
        .store
        .staff()
        .unwrap()
        .into_iter()
        .find(|s| Some(s.id) != app.user.as_ref().map(|u| u.id))
        .unwrap();
    type_text(&mut app, &other.name);
    press(&mut app, "Enter");
    assert!(app.locked.is_none());
    assert_eq!(app.user.as_ref().map(|u| u.id), Some(other.id));
    assert!(matches!(app.screen(), Screen::Child(s) if s.child.id == child.id));

    // A mark made now is signed with the person who unlocked.
    chr(&mut app, 'o');
    chr(&mut app, ' ');
    let observation = &app.store.observations_of(child.id).unwrap()[0];
    assert_eq!(observation.marks[0].by, other.name);
}

#[test]
fn idle_time_locks_only_after_lock_after() {
    let (_dir, mut app, _child) = on_new_child(Lang::En);
    app.update(Msg::Tick {
        idle: Duration::from_secs(600),
    });
    assert!(app.locked.is_none(), "no --lock-after, no idle lock");
    app.lock_after = Some(Duration::from_secs(2));
    app.update(Msg::Tick {
        idle: Duration::from_millis(1900),
    });
    assert!(app.locked.is_none());
    app.update(Msg::Tick {
        idle: Duration::from_secs(2),
    });
    assert!(app.locked.is_some());
}

#[test]
fn the_child_screen_shows_its_audit_trail_newest_first() {
    let (_dir, mut app, child) = on_new_child(Lang::En);
    chr(&mut app, 'o');
    chr(&mut app, ' ');
    press(&mut app, "Esc");
    press(&mut app, "Enter"); // the child screen
    chr(&mut app, 'A');
    let Screen::History(s) = app.screen() else {
        panic!("the audit trail")
    };
    let actions: Vec<&str> = s.list.visible().map(|r| r.entry.action.as_str()).collect();
    assert_eq!(
        actions,
        ["observation.mark", "child.add"],
        "newest first, only this child"
    );
    assert_eq!(
        s.list.visible().last().unwrap().entry.target,
        format!("child:{}", child.id)
    );
    press(&mut app, "Esc");
    assert!(matches!(app.screen(), Screen::Child(_)));
}

/// The person at the keyboard sets a PIN with `P`: typed twice, 4 to 6 digits.
fn set_own_pin(app: &mut App, pin: &str) {
    chr(app, 'P');
    type_text(app, pin);
    press(app, "Tab");
    type_text(app, pin);
    press(app, "Enter");
}

fn pin_error(app: &App) -> Option<String> {
    app.locked.as_ref()?.pin.as_ref()?.error.clone()
}

#[test]
fn p_sets_a_pin_typed_twice_and_refuses_anything_else() {
    let (_dir, mut app, _child) = on_new_child(Lang::En);
    let me = app.user.clone().unwrap();
    chr(&mut app, 'P');
    type_text(&mut app, "123");
    press(&mut app, "Tab");
    type_text(&mut app, "123");
    press(&mut app, "Enter");
    let Some(Popup::Pin(pin)) = &app.popup else {
        panic!("the PIN form stays open")
    };
    assert_eq!(
        pin.form.error.as_deref(),
        Some(Lang::En.get(T::ErrPinShape))
    );
    press(&mut app, "Esc");

    chr(&mut app, 'P');
    type_text(&mut app, "1234");
    press(&mut app, "Tab");
    type_text(&mut app, "1243");
    press(&mut app, "Enter");
    let Some(Popup::Pin(pin)) = &app.popup else {
        panic!("the PIN form stays open")
    };
    assert_eq!(
        pin.form.error.as_deref(),
        Some(Lang::En.get(T::ErrPinMismatch))
    );
    press(&mut app, "Esc");
    assert!(!app.store.has_pin(me.id).unwrap());

    set_own_pin(&mut app, "2580");
    assert!(app.popup.is_none());
    assert!(app.store.has_pin(me.id).unwrap());
    let entry = app.store.audit().unwrap().pop().unwrap();
    assert_eq!(
        (entry.action.as_str(), entry.by.as_str()),
        ("staff.pin_set", me.name.as_str())
    );

    set_own_pin(&mut app, "");
    assert!(!app.store.has_pin(me.id).unwrap(), "both empty removes it");
}

#[test]
fn a_pin_is_asked_on_unlock_a_wrong_one_does_not_unlock_and_makes_you_wait() {
    let (_dir, mut app, _child) = on_new_child(Lang::En);
    let me = app.user.clone().unwrap();
    set_own_pin(&mut app, "2580");
    ctrl_l(&mut app);
    type_text(&mut app, &me.name);
    press(&mut app, "Enter");
    assert!(
        app.locked.as_ref().is_some_and(|l| l.pin.is_some()),
        "PIN asked"
    );

    type_text(&mut app, "0000");
    press(&mut app, "Enter");
    assert!(app.locked.is_some(), "a wrong PIN does not unlock");
    assert_eq!(pin_error(&app), Some(Lang::En.pin_wrong(1)));

    // Even the right PIN is not checked before the wait is over.
    type_text(&mut app, "2580");
    press(&mut app, "Enter");
    assert!(app.locked.is_some());
    assert_eq!(pin_error(&app), Some(Lang::En.pin_wait(1)));

    // Esc goes back to the picker, still locked, and nothing of the child shows.
    press(&mut app, "Esc");
    assert!(app.locked.as_ref().is_some_and(|l| l.pin.is_none()));

    app.clock = Clock::Fixed(app.clock.now() + chrono::Duration::seconds(1));
    press(&mut app, "Enter");
    type_text(&mut app, "2580");
    press(&mut app, "Enter");
    assert!(app.locked.is_none(), "{:?}", pin_error(&app));
    assert!(matches!(app.screen(), Screen::Children(_)));
}

#[test]
fn a_user_flag_for_someone_with_a_pin_still_asks_it() {
    let (dir, mut app) = super::test_support::signed_in(Lang::En);
    let me = app.user.clone().unwrap();
    set_own_pin(&mut app, "13579");
    drop(app);
    let store = crate::store::Store::open(&dir.path().join("db")).unwrap();
    let options = Options {
        lang: Lang::En,
        keymap: crate::keymap::Keymap::default(),
        clock: Clock::Fixed(super::test_support::now()),
        user: Some(me.name.clone()),
        observe_weeks: crate::config::defaults::OBSERVE_WEEKS,
        lock_after: None,
    };
    let mut app = App::new(store, options);
    resize(&mut app, 80, 24);
    assert!(app.user.is_none(), "not signed in before the PIN");
    assert!(app.locked.as_ref().is_some_and(|l| l.pin.is_some()));
    type_text(&mut app, "13579");
    press(&mut app, "Enter");
    assert_eq!(app.user.as_ref().map(|u| u.id), Some(me.id));
    assert!(matches!(app.screen(), Screen::Groups(_)), "picker gone");
}

#[test]
fn switching_user_puts_the_one_before_on_top_so_handing_back_is_two_keys() {
    let (_dir, mut app, _child) = on_new_child(Lang::En);
    let first = app.user.clone().unwrap();
    chr(&mut app, 'u');
    let other = app
        .store
        .staff()
        .unwrap()
        .into_iter()
        .find(|s| s.id != first.id)
        .unwrap();
    type_text(&mut app, &other.name);
    press(&mut app, "Enter");
    assert_eq!(app.user.as_ref().map(|u| u.id), Some(other.id));

    chr(&mut app, 'u');
    press(&mut app, "Enter");
    assert_eq!(
        app.user.as_ref().map(|u| u.id),
        Some(first.id),
        "u, Enter: back to the one before"
    );
}

#[test]
fn staff_see_only_the_groups_they_work_on() {
    let (_dir, app) = super::test_support::app(
        true,
        Lang::En,
        super::test_support::User::Named(&linked_to_one_group()),
    );
    let Screen::Groups(s) = app.screen() else {
        panic!("the groups list")
    };
    let me = app.user.as_ref().unwrap();
    let shown: Vec<_> = s.list.visible().map(|r| r.group.id).collect();
    assert_eq!(shown, me.groups);
    assert!(app.store.groups().unwrap().len() > 1);
}

/// A demo worker linked to exactly one group, found in the demo data itself.
fn linked_to_one_group() -> String {
    let data = crate::demo::generate(&Default::default(), super::test_support::now());
    data.staff
        .into_iter()
        .find(|s| s.role == crate::domain::Role::Staff && s.groups.len() == 1)
        .expect("the demo has someone on one group")
        .name
}

/// `u`, the name, Enter: the keyboard goes to `person` (who has no PIN).
fn hand_over(app: &mut App, person: &crate::domain::Staff) {
    chr(app, 'u');
    type_text(app, &person.name);
    press(app, "Enter");
    assert_eq!(app.user.as_ref().map(|u| u.id), Some(person.id));
}

#[test]
fn a_hand_over_closes_the_screens_the_new_person_may_not_see() {
    let (_dir, mut app) = super::test_support::admin(Lang::En);
    let one_group = linked_to_one_group();
    let worker = app
        .store
        .staff()
        .unwrap()
        .into_iter()
        .find(|s| s.name == one_group)
        .unwrap();
    // The admin is on a child of a group the worker does not work on, a form half filled.
    let other = app
        .store
        .groups()
        .unwrap()
        .into_iter()
        .find(|g| !worker.groups.contains(&g.id))
        .unwrap();
    type_text(&mut app, "/");
    type_text(&mut app, &other.name);
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Child(s) if s.group.id == other.id));
    chr(&mut app, 'e');
    assert!(matches!(app.screen(), Screen::Child(s) if s.modal.is_some()));

    // Idle, the screen locks with the form open; the worker picks themself.
    app.lock_after = Some(Duration::from_secs(1));
    app.update(Msg::Tick {
        idle: Duration::from_secs(2),
    });
    assert!(app.locked.is_some());
    type_text(&mut app, &worker.name);
    press(&mut app, "Enter");
    assert_eq!(app.user.as_ref().map(|u| u.id), Some(worker.id));
    assert!(
        matches!(app.screen(), Screen::Groups(_)),
        "back to the groups list"
    );
    assert_eq!(app.screens.len(), 1);
    assert!(app.popup.is_none());
    let Screen::Groups(s) = app.screen() else {
        unreachable!()
    };
    let shown: Vec<_> = s.list.visible().map(|r| r.group.id).collect();
    assert_eq!(
        shown, worker.groups,
        "the worker's own groups, and only those"
    );

    // The staff screen is an admin's: handing over on it closes it too.
    let admin = app
        .store
        .staff()
        .unwrap()
        .into_iter()
        .find(|s| s.role == crate::domain::Role::Admin)
        .unwrap();
    hand_over(&mut app, &admin);
    chr(&mut app, 'S');
    assert!(matches!(app.screen(), Screen::Staff(_)));
    hand_over(&mut app, &worker);
    assert!(matches!(app.screen(), Screen::Groups(_)));
}

/// The observation form of the new child, with a note half typed on its first item.
fn half_typed_note(app: &mut App) {
    chr(app, 'o');
    assert!(matches!(app.screen(), Screen::Observe(_)));
    chr(app, 'n');
    type_text(app, "Eerste concept");
    assert!(note_form(app).is_some());
}

fn note_form(app: &App) -> Option<&str> {
    let Screen::Observe(s) = app.screen() else {
        return None;
    };
    match &s.modal {
        Some(crate::app::modal::Modal::Form(form)) => Some(&form.fields.note.value),
        _ => None,
    }
}

#[test]
fn a_hand_over_to_someone_else_drops_unsaved_input_and_never_shows_it() {
    let (_dir, mut app, _child) = on_new_child(Lang::Nl);
    let me = app.user.clone().unwrap();
    let other = app
        .store
        .staff()
        .unwrap()
        .into_iter()
        .find(|s| s.id != me.id && s.role == crate::domain::Role::Staff)
        .unwrap();
    half_typed_note(&mut app);
    ctrl_l(&mut app);
    let locked = app.locked.as_ref().unwrap();
    assert_eq!(locked.draft_of.as_deref(), Some(me.name.as_str()));

    type_text(&mut app, &other.name);
    press(&mut app, "Enter");
    assert_eq!(app.user.as_ref().map(|u| u.id), Some(other.id));
    assert!(note_form(&app).is_none(), "the note form is gone");
    let status = app.status.clone().unwrap().text;
    assert_eq!(status, Lang::Nl.draft_dropped(&me.name));
    assert!(!status.contains("Eerste concept"));
    let Screen::Observe(s) = app.screen() else {
        panic!("the form itself stays: the new person may see it")
    };
    assert!(s.observation.notes.is_empty(), "nothing was saved");
    assert!(
        app.store.observations_of(s.child.id).unwrap().is_empty(),
        "nothing written"
    );
}

#[test]
fn the_same_person_unlocking_gets_their_unsaved_input_back() {
    let (_dir, mut app, _child) = on_new_child(Lang::Nl);
    let me = app.user.clone().unwrap();
    half_typed_note(&mut app);
    ctrl_l(&mut app);
    type_text(&mut app, &me.name);
    press(&mut app, "Enter");
    assert_eq!(
        note_form(&app),
        Some("Eerste concept"),
        "the note form is back"
    );
    assert!(app.status.is_none(), "nothing was dropped");
}

#[test]
fn a_signal_stops_without_asking_even_over_a_question_or_the_lock() {
    let (_dir, mut app, _child) = on_new_child(Lang::Nl);
    chr(&mut app, 'q');
    assert!(app.question.is_some(), "q asks");
    ctrl_l(&mut app);
    assert!(!app.update(Msg::Signal(15)), "nothing to draw");
    assert!(app.quit);
}

#[test]
fn an_admin_sets_the_pin_of_the_person_selected_on_the_staff_screen() {
    let (_dir, mut app) = crate::app::test_support::admin(Lang::En);
    let me = app.user.clone().unwrap();
    chr(&mut app, 'S');
    press(&mut app, "Home");
    let Screen::Staff(s) = app.screen() else {
        panic!("the staff screen")
    };
    let crate::app::UserRow::Person(forgot) = s.list.selected().unwrap().clone() else {
        panic!("a person first")
    };
    assert_ne!(forgot.id, me.id, "someone else");
    set_own_pin(&mut app, "1357");
    assert!(app.popup.is_none());
    assert!(app.store.has_pin(forgot.id).unwrap(), "theirs");
    assert!(!app.store.has_pin(me.id).unwrap(), "not mine");
    assert!(
        matches!(app.screen(), Screen::Staff(s) if s.pins.contains(&forgot.id)),
        "the screen shows it at once"
    );
    let said = app.status.clone().unwrap();
    assert_eq!(said.text, Lang::En.pin_saved(&forgot.name, true));
}

#[test]
fn a_half_typed_pin_is_dropped_on_a_hand_over_and_a_paste_types_into_it() {
    let (_dir, mut app, _child) = on_new_child(Lang::En);
    let other = linked_to_one_group();
    let other = app
        .store
        .staff()
        .unwrap()
        .into_iter()
        .find(|s| s.name == other)
        .unwrap();
    chr(&mut app, 'P');
    app.update(Msg::Paste("12\n34".into()));
    let Some(Popup::Pin(pin)) = &app.popup else {
        panic!("the PIN form")
    };
    assert_eq!(
        pin.form.fields.pin.value, "12 34",
        "a paste is text, never Enter"
    );
    // `u` would be typed into the field: Ctrl-L locks from inside it.
    ctrl_l(&mut app);
    type_text(&mut app, &other.name);
    press(&mut app, "Enter");
    assert_eq!(app.user.as_ref().map(|u| u.id), Some(other.id));
    assert!(app.popup.is_none(), "dropped");
}
