//! The child's record on its screen, driven by keys: parents and guardians added, changed and
//! removed (asked first), the mentor chosen, consent recorded with who gave it; each change one
//! audited store write, refused input keeps the form open, and only the group's own people may.

use super::access::allowed;
use super::fields::Field;
use super::screens::child_record::RecordForm;
use super::test_support::{child_screen, chr, now, on_new_child, press, type_text};
use super::*;
use crate::domain::{ConsentAnswer, ConsentTo, Id, Role};
use crate::i18n::Lang;
use crate::keymap::Context;

/// The demo app on the child screen of a child added just now (no guardians, no consent).
fn on_child_screen() -> (tempfile::TempDir, App, Id) {
    let (dir, mut app, child) = on_new_child(Lang::Nl);
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Child(_)), "the child screen");
    (dir, app, child.id)
}

fn stored(app: &App, child: Id) -> crate::domain::Child {
    app.store.child(child).unwrap().unwrap()
}

fn trail(app: &App) -> Vec<String> {
    app.store
        .audit()
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect()
}

/// Whether a form of the record is open, and its error.
fn record_form(app: &App) -> Option<(&RecordForm, Option<&String>)> {
    match &child_screen(app).record {
        Some(modal::Modal::Form(form)) => Some((&form.fields, form.error.as_ref())),
        _ => None,
    }
}

/// Fills the open guardian form: name, relation, gezag (Left/Right from yes), phones, e-mail.
fn fill_guardian(
    app: &mut App,
    name: &str,
    relation: &str,
    gezag: bool,
    phones: &str,
    email: &str,
) {
    type_text(app, name);
    press(app, "Tab");
    type_text(app, relation);
    press(app, "Tab");
    if !gezag {
        press(app, "Right");
    }
    press(app, "Tab");
    type_text(app, phones);
    press(app, "Tab");
    type_text(app, email);
}

#[test]
fn guardians_are_added_changed_and_removed_each_as_one_audited_write() {
    let (_dir, mut app, child) = on_child_screen();
    let before = trail(&app).len();
    chr(&mut app, 'a');
    fill_guardian(
        &mut app,
        "Mirjam Jansen",
        "moeder",
        true,
        "mobiel: 06-12340001; werk: 06-12340002",
        "mirjam@mail.example",
    );
    press(&mut app, "Enter");
    assert!(record_form(&app).is_none(), "saved and closed");
    let g = stored(&app, child).guardians;
    assert_eq!(g.len(), 1);
    assert_eq!(
        (g[0].name.as_str(), g[0].relation.as_str()),
        ("Mirjam Jansen", "moeder")
    );
    assert!(g[0].authority);
    let numbers: Vec<_> = g[0]
        .phones
        .iter()
        .map(|p| (p.label.as_str(), p.number.as_str()))
        .collect();
    assert_eq!(
        numbers,
        [("mobiel", "06-12340001"), ("werk", "06-12340002")]
    );
    assert_eq!(g[0].email, "mirjam@mail.example");
    assert_eq!(trail(&app)[before..], ["child.guardians"]);

    // A second one without gezag.
    chr(&mut app, 'a');
    fill_guardian(&mut app, "Bas Jansen", "vader", false, "06-12340003", "");
    press(&mut app, "Enter");
    let g = stored(&app, child).guardians;
    assert_eq!(g.len(), 2);
    assert!(!g[1].authority);

    // Refused: no name, a phone without digits. The form stays open with what was typed.
    chr(&mut app, 'a');
    press(&mut app, "Enter");
    assert!(
        record_form(&app).is_some_and(|(_, e)| e.is_some()),
        "a name is needed"
    );
    fill_guardian(&mut app, "Opa Jansen", "opa", false, "geen nummer", "");
    press(&mut app, "Enter");
    assert!(
        record_form(&app).is_some_and(|(_, e)| e.is_some()),
        "a phone needs a number"
    );
    press(&mut app, "Esc");
    assert_eq!(stored(&app, child).guardians.len(), 2, "nothing saved");

    // Change the second: Down selects it, `g` opens it with what it holds.
    press(&mut app, "Down");
    assert_eq!(child_screen(&app).guardian, 1);
    chr(&mut app, 'g');
    let Some((RecordForm::Guardian(form), _)) = record_form(&app) else {
        panic!("the guardian form")
    };
    assert_eq!(form.name.value, "Bas Jansen");
    for _ in 0..4 {
        press(&mut app, "Tab");
    }
    type_text(&mut app, "bas@mail.example");
    press(&mut app, "Enter");
    let g = stored(&app, child).guardians;
    assert_eq!((g.len(), g[1].email.as_str()), (2, "bas@mail.example"));

    // Remove asks first: n keeps, j removes.
    chr(&mut app, 'X');
    chr(&mut app, 'n');
    assert_eq!(stored(&app, child).guardians.len(), 2);
    chr(&mut app, 'X');
    chr(&mut app, 'j');
    let g = stored(&app, child).guardians;
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].name, "Mirjam Jansen");
    assert_eq!(child_screen(&app).guardian, 0, "the selection follows");
    let changes = trail(&app)[before..].to_vec();
    assert_eq!(changes, ["child.guardians"; 4], "add, add, change, remove");
}

#[test]
fn the_mentor_is_chosen_among_the_groups_staff_or_none() {
    let (_dir, mut app, child) = on_child_screen();
    let group = stored(&app, child).group_id;
    chr(&mut app, 'm');
    press(&mut app, "Right");
    press(&mut app, "Enter");
    let mentor = stored(&app, child).mentor.expect("a mentor");
    let staff = app.store.staff_member(mentor).unwrap().unwrap();
    assert_eq!(staff.role, Role::Staff);
    assert!(staff.groups.contains(&group));
    assert_eq!(
        child_screen(&app).mentor.as_ref().map(|s| s.id),
        Some(mentor)
    );
    assert_eq!(trail(&app).last().unwrap(), "child.mentor");
    chr(&mut app, 'm');
    press(&mut app, "Left");
    press(&mut app, "Enter");
    assert_eq!(stored(&app, child).mentor, None, "none again");
}

#[test]
fn consent_is_recorded_per_purpose_given_by_a_guardian_with_gezag() {
    let (_dir, mut app, child) = on_child_screen();
    chr(&mut app, 'a');
    fill_guardian(&mut app, "Mirjam Jansen", "moeder", true, "06-12340001", "");
    press(&mut app, "Enter");
    chr(&mut app, 'a');
    fill_guardian(&mut app, "Bas Jansen", "vader", false, "06-12340003", "");
    press(&mut app, "Enter");
    let before = trail(&app).len();

    chr(&mut app, 't');
    let Some((RecordForm::Consent(form), _)) = record_form(&app) else {
        panic!("the consent form")
    };
    // Only the guardian with gezag can be the giver: not recorded, or Mirjam.
    let mut givers = form.coach_by.clone();
    let mut seen = vec![givers.value().cloned().unwrap()];
    givers.cycle(1);
    seen.push(givers.value().cloned().unwrap());
    givers.cycle(1);
    assert_eq!(
        givers.value().cloned().unwrap(),
        seen[0],
        "two choices only"
    );
    assert_eq!(seen, ["", "Mirjam Jansen"]);
    // A yes without who gave it is refused: nothing is written, the form stays with its error.
    press(&mut app, "Right");
    press(&mut app, "Enter");
    assert!(record_form(&app).is_some(), "the form stays open");
    assert_eq!(trail(&app).len(), before, "nothing written");
    // Coach: yes, by Mirjam; care team: no, by Mirjam; school: not asked.
    press(&mut app, "Tab");
    press(&mut app, "Right");
    press(&mut app, "Tab");
    press(&mut app, "Left");
    press(&mut app, "Tab");
    press(&mut app, "Right");
    press(&mut app, "Enter");
    let consent = stored(&app, child).consent;
    let coach = consent.get(ConsentTo::Coach).unwrap();
    assert_eq!(coach.answer, ConsentAnswer::Yes);
    assert_eq!(coach.given_by, "Mirjam Jansen");
    assert_eq!(coach.at, now());
    assert_eq!(coach.by, app.user.as_ref().unwrap().name);
    let care = consent.get(ConsentTo::CareTeam).unwrap();
    assert_eq!(
        (care.answer, care.given_by.as_str()),
        (ConsentAnswer::No, "Mirjam Jansen")
    );
    assert_eq!(consent.get(ConsentTo::School), None);
    assert_eq!(trail(&app)[before..], ["child.consent"]);

    // Saved again unchanged: nothing written.
    chr(&mut app, 't');
    press(&mut app, "Enter");
    assert_eq!(trail(&app).len(), before + 1);
    assert_eq!(stored(&app, child).consent, consent);
}

#[test]
fn the_record_is_kept_by_the_groups_staff_care_coordinator_and_admin_never_the_coach() {
    let (_dir, mut app, child) = on_child_screen();
    let staff = app.store.staff().unwrap();
    let actions = [
        Action::AddGuardian,
        Action::EditGuardian,
        Action::RemoveGuardian,
        Action::Mentor,
        Action::Consent,
    ];
    for role in Role::ALL {
        let person = staff.iter().find(|s| s.role == role).unwrap();
        for action in actions {
            let may = allowed(Some(person), Context::Child, action);
            assert_eq!(may, role != Role::Coach, "{role:?} {action:?}");
        }
    }
    assert!(
        !allowed(None, Context::Child, Action::Consent),
        "nobody signed in"
    );
    // The coach at the keyboard: `a` opens nothing, says who may, and stores nothing.
    let coach = staff
        .iter()
        .find(|s| s.role == Role::Coach)
        .unwrap()
        .clone();
    app.user = Some(coach);
    chr(&mut app, 'a');
    assert!(record_form(&app).is_none());
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    chr(&mut app, 't');
    assert!(record_form(&app).is_none());
    assert!(stored(&app, child).guardians.is_empty());
}

/// The child screen as `app` draws it now, as text.
fn drawn(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|f| crate::ui::draw(f, app, &crate::ui::Theme::monochrome()))
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn a_coach_sees_guardians_and_consent_only_with_the_parents_coach_consent() {
    let (_dir, mut app, child) = on_child_screen();
    chr(&mut app, 'a');
    fill_guardian(&mut app, "Mirjam Jansen", "moeder", true, "06-12340001", "");
    press(&mut app, "Enter");
    chr(&mut app, 't');
    press(&mut app, "Tab");
    press(&mut app, "Tab");
    press(&mut app, "Right");
    press(&mut app, "Tab");
    press(&mut app, "Right");
    press(&mut app, "Enter");
    let text = drawn(&app);
    assert!(
        text.contains("Mirjam Jansen") && text.contains("Zorgteam: ja"),
        "{text}"
    );
    let coach = app
        .store
        .staff()
        .unwrap()
        .into_iter()
        .find(|s| s.role == Role::Coach)
        .unwrap();
    let show = |app: &mut App| {
        app.user = Some(coach.clone());
        app.reload();
        drawn(app)
    };
    let text = show(&mut app);
    assert!(
        !text.contains("Mirjam Jansen") && !text.contains("06-12340001"),
        "{text}"
    );
    assert!(!text.contains("Zorgteam: ja"), "{text}");
    assert!(text.contains("Niet zichtbaar zonder toestemming"), "{text}");
    // With the parents' consent to the coach, the coach sees them.
    let mut record = stored(&app, child);
    record.consent.coach = record.consent.care_team.clone();
    let sig = app.signature();
    let action = crate::domain::AuditAction::ChildConsent;
    app.store.save_child(&record, action, &sig).unwrap();
    let text = show(&mut app);
    assert!(
        text.contains("Mirjam Jansen") && text.contains("06-12340001"),
        "{text}"
    );
}

/// The coach at the keyboard on the children list and a child's screen: `a` and `e` open no
/// form and say who may; the children stay as they were (issue 13: a coach, a guest, could add
/// a child and rename or move a named one).
#[test]
fn a_coach_may_not_add_rename_or_move_children() {
    let (_dir, mut app) = super::test_support::app(
        true,
        Lang::En,
        super::test_support::User::FirstWith(Role::Coach),
    );
    press(&mut app, "Enter");
    let group = match app.screen() {
        Screen::Children(list) => list.group.id,
        _ => panic!("the children list"),
    };
    let before = app.store.children_of(group).unwrap();
    for key in ['a', 'e'] {
        app.status = None;
        chr(&mut app, key);
        let Screen::Children(list) = app.screen() else {
            panic!("the children list")
        };
        assert!(list.modal.is_none(), "{key}: no form");
        assert!(app.status.as_ref().is_some_and(|s| s.error), "{key}");
    }
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Child(_)), "the child screen");
    app.status = None;
    chr(&mut app, 'e');
    let Screen::Child(child) = app.screen() else {
        panic!("the child screen")
    };
    assert!(child.modal.is_none(), "no form");
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    assert_eq!(app.store.children_of(group).unwrap(), before);
}
