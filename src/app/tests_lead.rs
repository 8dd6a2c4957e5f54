//! The aandachtsfunctionaris (safeguarding lead) and the retention term, driven by keys on the
//! real store: an admin flags a lead on the staff screen (audited), the lead's line and number
//! reach the lookup and the card, an admin without a lead hears so once a session, a lead who
//! did not start a Meldcode trajectory reads it, and the children past the retention term are
//! counted and removed from the groups list.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use super::test_support::{app as start, now, press, type_text, User};
use super::*;
use crate::domain::plan::Answer;
use crate::domain::{AuditAction, Child, Id, Role};
use crate::store::Signature;

/// The whole screen as text, as the terminal would show it.
fn shown(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = crate::ui::Theme::monochrome();
    terminal.draw(|f| crate::ui::draw(f, app, &theme)).unwrap();
    terminal.backend().to_string()
}

fn status(app: &App) -> Option<String> {
    app.status.as_ref().map(|s| s.text.clone())
}

fn staff_named(app: &App, name: &str) -> Staff {
    let staff = app.store.staff().unwrap();
    staff.into_iter().find(|s| s.name == name).unwrap()
}

fn first_with(app: &App, role: Role) -> Staff {
    let staff = app.store.staff().unwrap();
    staff.into_iter().find(|s| s.role == role).unwrap()
}

/// On the staff screen, moves the selection onto `person`.
fn select_on_staff_screen(app: &mut App, person: &Staff) {
    press(app, "Home");
    for _ in 0..50 {
        let Screen::Staff(s) = app.screen() else {
            panic!("the staff screen")
        };
        if s.selected_person().is_some_and(|p| p.id == person.id) {
            return;
        }
        press(app, "Down");
    }
    panic!("{} is not on the staff screen", person.name);
}

/// Hands the keyboard to `person` (no PIN in the demo): the lock, their name, Enter.
fn hand_over(app: &mut App, person: &Staff) {
    press(app, "u");
    type_text(app, &person.name);
    press(app, "Enter");
    assert_eq!(app.user.as_ref().map(|u| u.id), Some(person.id));
}

#[test]
fn an_admin_makes_someone_the_lead_with_l_and_the_audit_trail_says_so() {
    let (_dir, mut app) = start(true, Lang::En, User::FirstWith(Role::Admin));
    press(&mut app, "S");
    assert!(matches!(app.screen(), Screen::Staff(_)));
    let worker = first_with(&app, Role::Staff);
    assert!(!worker.safeguarding_lead);
    select_on_staff_screen(&mut app, &worker);

    press(&mut app, "L");
    assert!(staff_named(&app, &worker.name).safeguarding_lead);
    let said = status(&app).unwrap();
    assert!(
        said.contains(&worker.name) && said.contains("now the safeguarding lead"),
        "{said}"
    );
    // The demo's pedagogisch medewerkers have no phone on record: the card would show none.
    assert!(worker.phone.is_empty());
    assert!(said.contains("without a phone number"), "{said}");
    let last = app.store.audit().unwrap().pop().unwrap();
    assert_eq!(last.action, AuditAction::StaffLeadSet.as_str());
    assert_eq!(last.target, format!("staff:{}", worker.id));
    assert_eq!(last.by, app.user.as_ref().unwrap().name);
    let row = shown(&app)
        .lines()
        .find(|l| l.contains(&worker.name))
        .unwrap()
        .to_string();
    assert!(row.contains(&format!("{} AF", worker.name)), "{row}");

    press(&mut app, "L");
    assert!(!staff_named(&app, &worker.name).safeguarding_lead);
    let last = app.store.audit().unwrap().pop().unwrap();
    assert_eq!(last.action, AuditAction::StaffLeadCleared.as_str());

    // The outside coach cannot be made one; nothing is written.
    let coach = first_with(&app, Role::Coach);
    select_on_staff_screen(&mut app, &coach);
    let entries = app.store.audit().unwrap().len();
    press(&mut app, "L");
    assert!(!staff_named(&app, &coach.name).safeguarding_lead);
    assert_eq!(app.store.audit().unwrap().len(), entries);
    assert!(app.status.as_ref().unwrap().error);
}

#[test]
fn a_lead_whose_role_becomes_coach_is_no_longer_the_lead() {
    let (_dir, mut app) = start(true, Lang::En, User::FirstWith(Role::Admin));
    let lead = first_with(&app, Role::CareCoordinator);
    assert!(lead.safeguarding_lead);
    press(&mut app, "S");
    select_on_staff_screen(&mut app, &lead);
    press(&mut app, "e");
    press(&mut app, "Tab");
    // The roles in order: staff, coach, care coordinator, admin.
    press(&mut app, "Left");
    press(&mut app, "Enter");
    let now_coach = staff_named(&app, &lead.name);
    assert_eq!(now_coach.role, Role::Coach);
    assert!(!now_coach.safeguarding_lead);
    assert!(app.store.check().unwrap().is_empty());
}

#[test]
fn only_an_admin_flags_a_lead() {
    let (_dir, mut app) = start(true, Lang::En, User::FirstStaff);
    let before = app.store.staff().unwrap();
    press(&mut app, "S");
    assert!(!matches!(app.screen(), Screen::Staff(_)), "not for staff");
    press(&mut app, "L");
    assert_eq!(app.store.staff().unwrap(), before);
}

#[test]
fn the_phone_typed_on_the_staff_form_is_stored_and_shown_for_the_lead() {
    let (_dir, mut app) = start(true, Lang::Nl, User::FirstWith(Role::Admin));
    press(&mut app, "S");
    let worker = first_with(&app, Role::Staff);
    select_on_staff_screen(&mut app, &worker);
    press(&mut app, "e");
    for _ in 0..3 {
        press(&mut app, "Tab");
    }
    type_text(&mut app, "geen");
    press(&mut app, "Enter");
    assert!(
        staff_named(&app, &worker.name).phone.is_empty(),
        "no digits, no number"
    );
    let Screen::Staff(s) = app.screen() else {
        panic!("the staff screen")
    };
    assert!(s.modal.is_some(), "the form stays open, saying why");
    for _ in 0..4 {
        press(&mut app, "Backspace");
    }
    type_text(&mut app, "06-87654321");
    press(&mut app, "Enter");
    assert_eq!(staff_named(&app, &worker.name).phone, "06-87654321");
    press(&mut app, "L");

    press(&mut app, "c");
    type_text(&mut app, "aandachtsfunctionaris");
    let text = shown(&app);
    let line = text.lines().find(|l| l.contains(&worker.name)).unwrap();
    assert!(line.contains("06-87654321"), "{line}");
}

#[test]
fn the_lookup_finds_every_lead_and_the_pinned_card_lists_them_with_their_numbers() {
    let (_dir, mut app) = start(true, Lang::Nl, User::FirstStaff);
    let coordinator = first_with(&app, Role::CareCoordinator);
    assert!(coordinator.safeguarding_lead, "the demo's lead");
    // A second lead, without a number.
    let worker = first_with(&app, Role::Staff);
    let sig = app.signature();
    app.store
        .set_safeguarding_lead(&worker, true, &sig)
        .unwrap();

    press(&mut app, "c");
    type_text(&mut app, "aandachtsfunctionaris");
    let Some(Popup::Lookup(lookup)) = &app.popup else {
        panic!("the lookup")
    };
    let found: Vec<&str> = lookup
        .found
        .iter()
        .map(|i| lookup.contacts()[*i].name.as_str())
        .collect();
    for name in ["Aandachtsfunctionaris", &coordinator.name, &worker.name] {
        assert!(found.contains(&name), "{name} not in {found:?}");
    }
    let text = shown(&app);
    let line = text
        .lines()
        .find(|l| l.contains(&coordinator.name))
        .unwrap();
    assert!(line.contains("06-12345678"), "{line}");

    // The pinned card itself, first found: both leads on it.
    assert_eq!(found[0], "Aandachtsfunctionaris");
    press(&mut app, "Enter");
    let text = shown(&app);
    for lead in [&coordinator.name, &worker.name] {
        let on_card = |l: &&str| l.contains(lead.as_str()) && l.contains("Aandachtsfunctionaris");
        assert!(text.lines().any(|l| on_card(&l)), "{lead} not on {text}");
    }
    let line = text
        .lines()
        .find(|l| l.contains(&coordinator.name))
        .unwrap();
    assert!(line.contains("06-12345678"), "{line}");

    // A lead's own line only closes: it changes on the staff screen.
    press(&mut app, "Esc");
    press(&mut app, "c");
    type_text(&mut app, &coordinator.name);
    press(&mut app, "Enter");
    let Some(Popup::Card(card)) = &app.popup else {
        panic!("the lead's card")
    };
    assert_eq!(card.offers(app.user.as_ref()), [Action::Back]);
    let contacts = app.store.contacts().unwrap();
    press(&mut app, "e");
    assert_eq!(
        status(&app).as_deref(),
        Some(Lang::Nl.get(crate::i18n::T::ErrLeadLine))
    );
    assert_eq!(app.store.contacts().unwrap(), contacts, "nothing stored");
}

#[test]
fn without_a_lead_an_admin_on_the_groups_list_is_told_once_a_session() {
    let (_dir, mut app) = start(true, Lang::Nl, User::FirstWith(Role::Admin));
    assert_eq!(status(&app), None, "the demo has a lead");
    let lead = first_with(&app, Role::CareCoordinator);
    let sig = app.signature();
    app.store.set_safeguarding_lead(&lead, false, &sig).unwrap();

    press(&mut app, "Down");
    let notice = Lang::Nl.get(crate::i18n::T::NoLeadNotice);
    assert_eq!(status(&app).as_deref(), Some(notice));
    assert!(shown(&app).contains("Er is geen aandachtsfunctionaris aangewezen"));
    press(&mut app, "Down");
    assert_eq!(status(&app), None, "once");
    press(&mut app, "S");
    press(&mut app, "Esc");
    press(&mut app, "Up");
    assert_eq!(status(&app), None, "not again this session");

    // Someone who is no admin is never told.
    let (_dir, mut app) = start(true, Lang::Nl, User::FirstStaff);
    let lead = first_with(&app, Role::CareCoordinator);
    let sig = app.signature();
    app.store.set_safeguarding_lead(&lead, false, &sig).unwrap();
    press(&mut app, "Down");
    assert_eq!(status(&app), None);
}

/// A child of `group` with a Meldcode trajectory started by `starter` (`tests_meldcode`), who
/// also wrote a note on its first stage and answered a question. The child's id and the note.
fn meldcode_child(app: &App, group: Id, starter: &Staff) -> (Id, String) {
    let child = tests_meldcode::signalled(app, group, starter);
    let mut t = app.store.trajectories_of(child).unwrap().remove(0);
    let plan = app.plans.find(&t.template, t.version).unwrap().clone();
    let note = "Blauwe plek op de bovenarm, uitleg past er niet bij".to_string();
    t.stages[0].note = note.clone();
    let question = plan
        .stages
        .iter()
        .find_map(|s| s.questions.first())
        .unwrap();
    t.answers.push(Answer {
        question: question.id.clone(),
        yes: true,
        by: starter.name.clone(),
        at: now(),
    });
    let sig = Signature {
        by: starter.name.clone(),
        at: now(),
    };
    let action = AuditAction::TrajectoryNote;
    app.store
        .save_trajectory(&t, &plan, action, "", &sig)
        .unwrap();
    (child, note)
}

#[test]
fn a_lead_who_did_not_start_a_meldcode_reads_it_a_colleague_sees_only_that_it_is_open() {
    let (_dir, mut app) = start(true, Lang::Nl, User::FirstStaff);
    let starter = app.user.clone().unwrap();
    let group = starter.groups[0];
    let (child, note) = meldcode_child(&app, group, &starter);
    let workers: Vec<Staff> = app
        .store
        .staff()
        .unwrap()
        .into_iter()
        .filter(|s| s.role == Role::Staff && s.id != starter.id)
        .take(2)
        .collect();
    // Both work on the group; the admin makes the first one the lead on the staff screen.
    for worker in &workers {
        let mut linked = worker.clone();
        linked.groups = vec![group];
        app.store.update_staff(&linked, &app.signature()).unwrap();
    }
    let (lead, colleague) = (workers[0].clone(), workers[1].clone());
    let admin = first_with(&app, Role::Admin);
    hand_over(&mut app, &admin);
    press(&mut app, "S");
    select_on_staff_screen(&mut app, &lead);
    press(&mut app, "L");
    press(&mut app, "Esc");

    // The lead, signed in as stored (with the flag), opens it: notes and answers show.
    hand_over(&mut app, &lead);
    assert!(app.user.as_ref().unwrap().safeguarding_lead);
    tests_meldcode::open_meldcode(&mut app, child);
    let Screen::Trajectory(t) = app.screen() else {
        panic!("the lead opens the trajectory, status {:?}", status(&app))
    };
    assert_eq!(t.trajectory.stages[0].note, note);
    assert_eq!(t.trajectory.answers.len(), 1);
    let text = shown(&app);
    assert!(text.contains("Blauwe plek"), "{text}");

    // A plain colleague of the group: only that it is open, and who coordinates it.
    hand_over(&mut app, &colleague);
    tests_meldcode::open_meldcode(&mut app, child);
    assert!(matches!(app.screen(), Screen::Plans(_)), "not opened");
    let said = status(&app).unwrap();
    assert!(
        said.contains(&starter.name) && said.contains("moet weten"),
        "{said}"
    );
    assert!(!shown(&app).contains("Blauwe plek"));
}

fn at(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap()
}

/// Archives `child` with an audit entry dated `when` (as `D` on the child would have then).
fn archive_at(app: &App, child: &Child, when: &str) {
    let archived = Child {
        archived: true,
        ..child.clone()
    };
    let sig = Signature {
        by: "Kees Jacobs".into(),
        at: at(when),
    };
    let action = AuditAction::ChildArchive;
    app.store.save_child(&archived, action, &sig).unwrap();
}

fn groups_screen(app: &App) -> &screens::GroupsScreen {
    match app.screen() {
        Screen::Groups(s) => s,
        _ => panic!("the groups list"),
    }
}

#[test]
fn the_admin_sees_the_children_past_retention_and_removes_them_after_a_yes() {
    let (_dir, mut app) = start(true, Lang::Nl, User::FirstWith(Role::Admin));
    let group = app.store.groups().unwrap()[0].id;
    let children = app.store.children_of(group).unwrap();
    // Two children, in key order, of which one has an open trajectory (the demo has both), and
    // a third.
    let has_open = |c: &Child| {
        let plans = app.store.trajectories_of(c.id).unwrap();
        plans.iter().any(|t| t.is_open())
    };
    let with = children
        .iter()
        .position(has_open)
        .expect("an open trajectory");
    let without = children.iter().position(|c| !has_open(c)).unwrap();
    let (long_ago, lately) = (&children[with.min(without)], &children[with.max(without)]);
    let unknown = children
        .iter()
        .find(|c| c.id != long_ago.id && c.id != lately.id)
        .unwrap();
    archive_at(&app, long_ago, "2024-06-01T10:00:00+02:00");
    archive_at(&app, lately, "2025-09-01T10:00:00+02:00");
    // Archived by an edit: when is unknown, so it is not counted.
    let edited = Child {
        archived: true,
        ..unknown.clone()
    };
    let sig = app.signature();
    app.store
        .save_child(&edited, AuditAction::ChildEdit, &sig)
        .unwrap();
    app.reload();
    // 2026-11-20 with 2 years: archived before 2024-11-20.
    assert_eq!(groups_screen(&app).past_retention, 1);
    let title = shown(&app).lines().nth(1).unwrap().to_string();
    assert!(
        title.contains("1 gearchiveerd kind voorbij de bewaartermijn"),
        "{title}"
    );

    // Time passes (an injected clock): the one archived lately is past the term too.
    app.clock = Clock::Fixed(
        Utc.with_ymd_and_hms(2027, 10, 1, 9, 0, 0)
            .unwrap()
            .fixed_offset(),
    );
    app.reload();
    assert_eq!(groups_screen(&app).past_retention, 2);
    // A longer term in the config file: none yet.
    app.retention_years = 5;
    app.reload();
    assert_eq!(groups_screen(&app).past_retention, 0);
    press(&mut app, "X");
    assert_eq!(
        status(&app).as_deref(),
        Some(Lang::Nl.get(crate::i18n::T::NothingPastRetention))
    );
    app.retention_years = 2;
    app.reload();

    // A no changes nothing.
    press(&mut app, "X");
    let Some(modal::Modal::Confirm(question)) = &groups_screen(&app).modal else {
        panic!("the question")
    };
    // Named, so the admin sees whom a yes removes, and an open trajectory is said.
    let open = [&long_ago, &lately]
        .iter()
        .filter(|c| {
            let plans = app.store.trajectories_of(c.id).unwrap();
            plans.iter().any(|t| t.is_open())
        })
        .count();
    assert_eq!(open, 1, "one of them left with a trajectory open");
    let expected = format!(
        "2 kinderen definitief verwijderen ({}, {})? Let op: 1 kind heeft nog een open traject.",
        long_ago.full_name(),
        lately.full_name()
    );
    assert_eq!(question.question, expected);
    press(&mut app, "n");
    assert!(app.store.child(long_ago.id).unwrap().is_some());

    let audit_before = app.store.audit().unwrap().len();
    press(&mut app, "X");
    press(&mut app, "j");
    for gone in [long_ago, lately] {
        assert_eq!(app.store.child(gone.id).unwrap(), None);
    }
    assert!(
        app.store.child(unknown.id).unwrap().is_some(),
        "unknown time: kept"
    );
    let said = status(&app).unwrap();
    assert!(
        said.starts_with("Definitief verwijderd: 2 kinderen"),
        "{said}"
    );
    assert_eq!(groups_screen(&app).past_retention, 0);
    let audit = app.store.audit().unwrap();
    let purges = &audit[audit_before..];
    assert_eq!(purges.len(), 2);
    for (entry, child) in purges.iter().zip([long_ago, lately]) {
        assert_eq!(entry.action, AuditAction::ChildPurge.as_str());
        assert_eq!(entry.target, format!("child:{}", child.id));
        let written = serde_json::to_string(entry).unwrap();
        assert!(!written.contains(&child.first_name), "{written}");
        assert!(!written.contains(&child.last_name), "{written}");
    }
}

#[test]
fn only_the_admin_sees_or_purges_the_children_past_retention() {
    let (_dir, mut app) = start(true, Lang::En, User::FirstWith(Role::CareCoordinator));
    let group = app.store.groups().unwrap()[0].id;
    let child = app.store.children_of(group).unwrap()[0].clone();
    archive_at(&app, &child, "2020-06-01T10:00:00+02:00");
    app.reload();
    assert_eq!(groups_screen(&app).past_retention, 0);
    press(&mut app, "X");
    assert!(groups_screen(&app).modal.is_none());
    assert!(app.status.as_ref().unwrap().error, "says who may");
    assert!(app.store.child(child.id).unwrap().is_some());
}
