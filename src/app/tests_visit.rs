//! The coach visit, driven with key presses on a real store with the demo data: who may lead
//! one, the order of the children, advice with competencies, follow-ups, closing, and that the
//! next visit starts from the open follow-ups.

use tempfile::TempDir;

use super::modal::Modal;
use super::screens::visit::{VisitForm, VisitQuestion};
use super::test_support::{app, chr, now, press, type_text, write_advice, User};
use super::*;
use crate::domain::visit::attention::Reason;
use crate::domain::visit::{weeks_after, Competency, Visit, FOLLOW_UP_WEEKS};
use crate::domain::{Role, Staff};

/// The demo app signed in as the first person with `role`, on the groups list.
fn as_role(role: Role) -> (TempDir, App) {
    app(true, Lang::En, User::FirstWith(role))
}

fn visit(app: &App) -> &VisitScreen {
    let Screen::Visit(s) = app.screen() else {
        panic!("expected the visit")
    };
    s
}

/// The visit's open form.
fn form(app: &App) -> &fields::Form<VisitForm> {
    match &visit(app).modal {
        Some(Modal::Form(form)) => form,
        other => panic!("expected a form of the visit, got {other:?}"),
    }
}

fn stored(app: &App) -> Vec<Visit> {
    app.store.visits_of(visit(app).group.id).unwrap()
}

/// Moves onto the first row for which `wanted` holds.
fn select(app: &mut App, wanted: impl Fn(&VisitScreen, VisitPart) -> bool) {
    press(app, "Home");
    for _ in 0..60 {
        let s = visit(app);
        if s.list.selected().is_some_and(|r| wanted(s, r.part)) {
            return;
        }
        press(app, "Down");
    }
    panic!("no such row");
}

#[test]
fn a_coach_starts_a_visit_with_the_child_waiting_on_the_coach_first() {
    let (_dir, mut app) = as_role(Role::Coach);
    chr(&mut app, 'v');
    let s = visit(&app);
    assert!(s.writable_by(app.user.as_ref()));
    assert_eq!(s.visit.date, now().date_naive());
    let visits = stored(&app);
    assert_eq!(
        visits.len(),
        1,
        "only the demo's closed visit: nothing written yet"
    );
    // The demo visit's open follow-up is carried over, on top.
    assert_eq!(s.visit.follow_ups.len(), 1);
    assert_eq!(s.visit.follow_ups[0].from_visit, Some(visits[0].id));
    assert!(matches!(
        s.list.selected().unwrap().part,
        VisitPart::FollowUp(0)
    ));
    let first_child = s
        .list
        .visible()
        .find_map(|r| match r.part {
            VisitPart::Child(i) => Some(&s.children[i]),
            _ => None,
        })
        .unwrap();
    assert_eq!(first_child.reasons.first(), Some(&Reason::WaitingOnCoach));

    // Only looking leaves nothing behind.
    let group = visit(&app).group.id;
    press(&mut app, "Esc");
    assert_eq!(app.store.visits_of(group).unwrap().len(), 1);

    // The first change writes the start and the change; after that the same open visit goes
    // on.
    chr(&mut app, 'v');
    select(&mut app, |_, p| matches!(p, VisitPart::FollowUp(_)));
    chr(&mut app, ' ');
    let visits = stored(&app);
    assert_eq!(visits.len(), 2, "the demo's closed visit and the new one");
    assert_eq!(visits[0], visit(&app).visit);
    let audit = app.store.audit().unwrap();
    let actions: Vec<&str> = audit[audit.len() - 2..]
        .iter()
        .map(|e| e.action.as_str())
        .collect();
    assert_eq!(actions, ["visit.start", "visit.follow_up"]);
    press(&mut app, "Esc");
    chr(&mut app, 'v');
    assert_eq!(visit(&app).visit.id, visits[0].id);
    assert_eq!(stored(&app).len(), 2);
}

#[test]
fn advice_with_competencies_is_saved_and_a_bad_digit_keeps_what_was_typed() {
    let (_dir, mut app) = as_role(Role::Coach);
    chr(&mut app, 'v');
    select(&mut app, |_, p| matches!(p, VisitPart::Child(_)));
    let child = visit(&app).selected_about().unwrap();
    chr(&mut app, 'n');
    type_text(&mut app, "Benoem wat je ziet");
    press(&mut app, "Tab");
    type_text(&mut app, "1 5");
    press(&mut app, "Enter");
    let form = form(&app);
    assert!(form.error.as_deref().unwrap().contains("\"5\""));
    let VisitForm::Advice(advice) = &form.fields else {
        panic!("the advice form stays open")
    };
    assert_eq!(advice.advice.value, "Benoem wat je ziet", "nothing lost");
    press(&mut app, "Backspace");
    chr(&mut app, '4');
    press(&mut app, "Enter");
    // For nobody is refused while the group has staff.
    let refused = super::tests_visit::form(&app).error.clone().unwrap();
    assert_eq!(refused, app.lang.get(crate::i18n::T::ErrWithRequired));
    let anna = visit(&app).staff[0].clone();
    press(&mut app, "Tab");
    type_text(&mut app, &anna.name);
    press(&mut app, "Enter");
    assert!(visit(&app).modal.is_none());
    let saved = &stored(&app)[0];
    let advice = saved.notes.last().unwrap();
    assert_eq!(advice.child_id, child);
    assert_eq!(advice.text, "Benoem wat je ziet");
    assert_eq!(
        advice.competencies,
        [Competency::Development, Competency::Parents]
    );
    assert_eq!(visit(&app).visit, *saved, "the screen shows what is stored");
    assert!(matches!(visit(&app).saved, SaveState::Saved(_)));

    // On the group row, the advice is about the group.
    select(&mut app, |_, p| p == VisitPart::Group);
    chr(&mut app, 'n');
    type_text(&mut app, "Dagritme zichtbaar");
    press(&mut app, "Tab");
    press(&mut app, "Tab");
    type_text(&mut app, &anna.name);
    press(&mut app, "Enter");
    assert_eq!(stored(&app)[0].notes.last().unwrap().child_id, None);
}

#[test]
fn advice_is_for_the_group_staff_typed_by_name_up_to_case_and_accents() {
    let (_dir, mut app) = as_role(Role::Coach);
    chr(&mut app, 'v');
    let staff = visit(&app).staff.clone();
    assert!(staff.len() >= 2, "the demo group has two staff: {staff:?}");
    assert!(staff.iter().all(|s| s.role != Role::Coach));
    select(&mut app, |_, p| p == VisitPart::Group);
    write_advice(&mut app, "Benoem samen wat je ziet", "2", "Niemand Bekend");
    let refused = form(&app);
    assert!(
        refused
            .error
            .as_deref()
            .unwrap()
            .contains("\"Niemand Bekend\""),
        "{:?}",
        refused.error
    );
    for _ in 0.."Niemand Bekend".len() {
        press(&mut app, "Backspace");
    }
    let typed = format!(
        "{}, {}",
        crate::search::fold(&staff[1].name),
        staff[0].name.to_uppercase()
    );
    type_text(&mut app, &typed);
    press(&mut app, "Enter");
    assert!(visit(&app).modal.is_none(), "saved");
    let advice = stored(&app)[0].notes.last().unwrap().clone();
    assert_eq!(
        advice.with,
        [staff[1].id, staff[0].id],
        "in the order typed"
    );
}

/// Issue 14 (a tester): `hanneke, sandra` was refused with "werkt niet op deze groep" though
/// both do. A first name only one of the group's staff has is enough; one that names nobody
/// says so and lists who does work there.
#[test]
fn advice_is_for_staff_typed_by_first_name_and_an_unknown_one_lists_the_group() {
    let (_dir, mut app) = as_role(Role::Coach);
    app.lang = Lang::Nl;
    chr(&mut app, 'v');
    let staff = visit(&app).staff.clone();
    let first = |p: &Staff| p.name.split_whitespace().next().unwrap().to_string();
    let unique: Vec<&Staff> = staff
        .iter()
        .filter(|p| staff.iter().filter(|o| first(o) == first(p)).count() == 1)
        .collect();
    assert!(unique.len() >= 2, "two first names of their own: {staff:?}");
    select(&mut app, |_, p| p == VisitPart::Group);
    write_advice(&mut app, "Benoem samen wat je ziet", "2", "Nienke");
    let refused = form(&app).error.clone().unwrap();
    assert!(
        refused.starts_with("Niemand van deze groep heet \"Nienke\"; wel: "),
        "{refused}"
    );
    assert!(staff.iter().all(|p| refused.contains(&p.name)), "{refused}");
    for _ in 0.."Nienke".len() {
        press(&mut app, "Backspace");
    }
    let typed = format!(
        "{}, {}",
        crate::search::fold(&first(unique[0])),
        first(unique[1]).to_uppercase()
    );
    type_text(&mut app, &typed);
    press(&mut app, "Enter");
    assert!(visit(&app).modal.is_none(), "saved: {typed}");
    let advice = stored(&app)[0].notes.last().unwrap().clone();
    assert_eq!(advice.with, [unique[0].id, unique[1].id]);
}

#[test]
fn a_follow_up_is_due_in_four_weeks_never_in_the_past_and_ticks_done() {
    let (_dir, mut app) = as_role(Role::CareCoordinator);
    chr(&mut app, 'v');
    select(&mut app, |_, p| p == VisitPart::Group);
    chr(&mut app, 'f');
    let VisitForm::FollowUp(follow_up) = &form(&app).fields else {
        panic!("the follow-up form")
    };
    let due = weeks_after(now().date_naive(), FOLLOW_UP_WEEKS);
    assert_eq!(follow_up.due.date(), Ok(due));
    type_text(&mut app, "Oudergesprek plannen");
    press(&mut app, "Tab");
    for _ in 0..10 {
        press(&mut app, "Backspace");
    }
    type_text(&mut app, "2020-01-01");
    press(&mut app, "Enter");
    assert_eq!(
        form(&app).error.as_deref(),
        Some(app.lang.get(crate::i18n::T::ErrPastDate)),
        "a date in the past is refused"
    );
    for _ in 0..10 {
        press(&mut app, "Backspace");
    }
    // The Dutch shape works in English too.
    type_text(&mut app, &due.format("%d-%m-%Y").to_string());
    press(&mut app, "Enter");
    assert!(visit(&app).modal.is_none());
    let added = stored(&app)[0].follow_ups.len() - 1;
    assert_eq!(
        stored(&app)[0].follow_ups[added].text,
        "Oudergesprek plannen"
    );

    select(&mut app, |_, p| p == VisitPart::FollowUp(added));
    chr(&mut app, ' ');
    assert!(stored(&app)[0].follow_ups[added].done);
    // Space elsewhere explains itself and changes nothing.
    select(&mut app, |_, p| p == VisitPart::Group);
    chr(&mut app, ' ');
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn closing_sets_the_next_visit_and_nothing_changes_after() {
    let (_dir, mut app) = as_role(Role::Coach);
    chr(&mut app, 'v');
    chr(&mut app, 'x');
    let VisitForm::Close(close) = &form(&app).fields else {
        panic!("the close form")
    };
    // The carried-over follow-up's due date has passed: six weeks then.
    let proposed = visit(&app).visit.proposed_next_visit(now().date_naive());
    assert_eq!(close.next.date(), Ok(proposed));
    press(&mut app, "Enter");
    let Some(Modal::Confirm(question)) = &visit(&app).modal else {
        panic!("the close is asked")
    };
    assert!(
        question.question.contains(&proposed.to_string()),
        "{}",
        question.question
    );
    let VisitQuestion::Close(closing) = &question.about else {
        panic!("the question is about closing")
    };
    assert_eq!(closing.next, proposed);
    assert!(question.question.contains("can no longer change"));
    press(&mut app, "Esc");
    assert!(visit(&app).visit.is_open(), "Esc is no");
    assert_ne!(
        app.store.audit().unwrap().last().unwrap().action,
        "visit.close"
    );
    let VisitForm::Close(_) = &form(&app).fields else {
        panic!("the form is back")
    };
    // Enter and `n` are no as well; only `j` or `y` closes.
    press(&mut app, "Enter");
    chr(&mut app, 'n');
    assert!(visit(&app).visit.is_open(), "n is no");
    press(&mut app, "Enter");
    chr(&mut app, 'y');
    let closed = &stored(&app)[0];
    assert!(!closed.is_open());
    assert_eq!(closed.next_visit, Some(proposed));
    assert_eq!(
        app.store.audit().unwrap().last().unwrap().action,
        "visit.close"
    );
    for key in ['n', 'e', 'D'] {
        select(&mut app, |_, p| matches!(p, VisitPart::FollowUp(_)));
        chr(&mut app, key);
        assert!(
            visit(&app).modal.is_none(),
            "a closed visit takes no advice and no correction: {key}"
        );
        assert!(app.status.as_ref().is_some_and(|s| s.error));
    }

    // The next v starts a new visit.
    press(&mut app, "Esc");
    chr(&mut app, 'v');
    assert!(visit(&app).visit.is_open());
    assert_eq!(
        stored(&app).len(),
        2,
        "started, written with its first change"
    );
}

#[test]
fn staff_see_the_latest_visit_read_only_and_cannot_write() {
    let (_dir, mut app) = as_role(Role::Staff);
    chr(&mut app, 'v');
    let s = visit(&app);
    assert!(!s.visit.is_open(), "the demo's closed visit");
    assert!(!s.writable_by(app.user.as_ref()));
    let before = app.store.visits().unwrap();
    for key in ['n', 'f', 'x'] {
        chr(&mut app, key);
        assert!(visit(&app).modal.is_none(), "{key} opens nothing");
    }
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    assert_eq!(app.store.visits().unwrap(), before);
    assert!(!may_lead_visit(app.user.as_ref()));
}

#[test]
fn handing_a_coachs_open_visit_over_to_staff_leaves_it_read_only() {
    let (_dir, mut app) = as_role(Role::Coach);
    chr(&mut app, 'v');
    assert!(visit(&app).visit.is_open());
    // The coach hands the keyboard to a pedagogisch medewerker, the visit still on screen.
    let worker = app
        .store
        .staff()
        .unwrap()
        .into_iter()
        .find(|s| s.role == Role::Staff)
        .unwrap();
    chr(&mut app, 'u');
    type_text(&mut app, &worker.name);
    press(&mut app, "Enter");
    assert_eq!(app.user.as_ref().map(|u| u.id), Some(worker.id));
    assert!(matches!(app.screen(), Screen::Visit(_)));
    let before = app.store.visits().unwrap();
    for key in ['n', 'f', 'x'] {
        chr(&mut app, key);
        assert!(visit(&app).modal.is_none(), "{key} opens nothing for staff");
    }
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    assert_eq!(app.store.visits().unwrap(), before);
}

#[test]
fn without_any_visit_staff_are_told_so() {
    let (_dir, mut app) = as_role(Role::Staff);
    let sig = app.signature();
    let group = app
        .store
        .add_group("De Nieuwe", crate::domain::GroupKind::Kdv, "", &sig)
        .unwrap();
    // Staff see the groups they work on: this one too.
    let mut me = app.user.clone().unwrap();
    me.groups.push(group.id);
    app.user = Some(app.store.update_staff(&me, &sig).unwrap());
    app.reload();
    chr(&mut app, 'G');
    let Screen::Groups(s) = app.screen() else {
        panic!("groups")
    };
    assert_eq!(s.list.selected().unwrap().group.id, group.id);
    chr(&mut app, 'v');
    assert!(matches!(app.screen(), Screen::Groups(_)));
    let status = app.status.clone().unwrap();
    assert_eq!(status.text, app.lang.get(crate::i18n::T::NoVisitToShow));
}

#[test]
fn the_children_list_shows_the_last_and_next_visit() {
    let (_dir, mut app) = as_role(Role::Coach);
    press(&mut app, "Enter");
    let Screen::Children(s) = app.screen() else {
        panic!("children")
    };
    let demo = &app.store.visits_of(s.group.id).unwrap()[0];
    assert_eq!(s.visits.last, Some(demo.date));
    assert_eq!(s.visits.next, demo.next_visit);
    chr(&mut app, 'v');
    assert!(matches!(app.screen(), Screen::Visit(_)));
    // Enter on a child opens it; Esc comes back to the visit.
    select(&mut app, |_, p| matches!(p, VisitPart::Child(_)));
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Child(_)));
    press(&mut app, "Esc");
    assert!(matches!(app.screen(), Screen::Visit(_)));

    // Once today's visit holds something, it is the last visit; the next one stays the date
    // agreed at the visit before, until today's is closed.
    let demo = demo.clone();
    select(&mut app, |_, p| matches!(p, VisitPart::FollowUp(_)));
    chr(&mut app, ' ');
    press(&mut app, "Esc");
    let Screen::Children(s) = app.screen() else {
        panic!("children")
    };
    assert_eq!(s.visits.last, Some(now().date_naive()));
    assert_eq!(s.visits.next, demo.next_visit);
}

/// Issue 13: within every section of the coach's visit (most urgent first) the names come in
/// alphabetical order and then the aliases by number, as in the children list; sorted by the
/// hidden names, "Kind 1" (Anna) would come before Bram and "Kind 3" (Carla) before Daan,
/// telling the coach where the hidden names fall.
#[test]
fn in_every_section_of_the_visit_an_alias_never_sits_where_its_name_would() {
    use crate::domain::form::Mark;
    use crate::domain::{AuditAction, ConsentAnswer, Given, GroupKind, Observation};
    use crate::store::{Signature, Store};
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("db");
    {
        let store = Store::open(&db).unwrap();
        let sig = Signature {
            by: "Gert Beheer".into(),
            at: now(),
        };
        let group = store
            .add_group("De Vlinders", GroupKind::Kdv, "Hoorn", &sig)
            .unwrap();
        store
            .add_staff("Gert Beheer", Role::Admin, &[], &sig)
            .unwrap();
        store
            .add_staff("Els Meijer", Role::Coach, &[group.id], &sig)
            .unwrap();
        let born = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        let form = crate::templates::builtin()[0].clone();
        // Anna and Carla without the parents' coach consent; Carla and Daan observed today
        // (nothing to see), Anna and Bram never: two sections of two.
        for (first, named, observed) in [
            ("Anna", false, false),
            ("Bram", true, false),
            ("Carla", false, true),
            ("Daan", true, true),
        ] {
            let mut child = store
                .add_child(group.id, first, "Test", born, &sig)
                .unwrap();
            if named {
                child.consent.coach = Some(Given {
                    answer: ConsentAnswer::Yes,
                    at: now(),
                    by: "Gert Beheer".into(),
                    given_by: "Ouder Test".into(),
                });
                store
                    .save_child(&child, AuditAction::ChildConsent, &sig)
                    .unwrap();
            }
            if observed {
                let id = store.new_observation_id().unwrap();
                let mut o =
                    Observation::new(id, child.id, &form, now().date_naive(), "Gert Beheer");
                let (_, item) = form.items().find(|(_, i)| !i.meldcode).unwrap();
                let item = item.id.clone();
                o.set_mark(&item, Some(Mark::Sometimes), "Gert Beheer", now());
                let mark = AuditAction::ObservationMark;
                store
                    .save_observation(&o, &form, mark, &item, &sig)
                    .unwrap();
            }
        }
    }
    let mut app = super::test_support::app_at(&db, false, Lang::Nl, User::Named("Els Meijer"));
    assert!(matches!(app.screen(), Screen::Groups(_)), "the groups list");
    press(&mut app, "Enter");
    press(&mut app, "v");
    let listed: Vec<(String, usize)> = visit(&app)
        .children
        .iter()
        .map(|c| (c.label.text.clone(), c.reasons.len()))
        .collect();
    assert_eq!(
        listed
            .iter()
            .map(|(l, _)| l.split(" · ").next().unwrap())
            .collect::<Vec<_>>(),
        ["Bram Test", "Kind 1", "Daan Test", "Kind 3"],
        "{listed:?}"
    );
    // Two sections: the never observed ones, then the others.
    assert!(listed[0].1 > 0 && listed[1].1 > 0, "{listed:?}");
    assert!(listed[2].1 == 0 && listed[3].1 == 0, "{listed:?}");
}

/// The last audit entry's action.
fn last_action(app: &App) -> String {
    app.store.audit().unwrap().last().unwrap().action.clone()
}

#[test]
fn while_the_visit_is_open_e_corrects_and_d_removes_an_advice_or_follow_up_audited() {
    let (_dir, mut app) = as_role(Role::Coach);
    chr(&mut app, 'v');
    let anna = visit(&app).staff[0].clone();
    select(&mut app, |_, p| p == VisitPart::Group);
    chr(&mut app, 'n');
    type_text(&mut app, "Dagritme zichtbaar");
    press(&mut app, "Tab");
    type_text(&mut app, "1");
    press(&mut app, "Tab");
    type_text(&mut app, &anna.name);
    press(&mut app, "Enter");
    assert_eq!(stored(&app)[0].notes.len(), 1);

    // `e` on a child is explained and opens nothing.
    select(&mut app, |_, p| matches!(p, VisitPart::Child(_)));
    chr(&mut app, 'e');
    assert!(visit(&app).modal.is_none());
    assert!(app.status.as_ref().is_some_and(|s| s.error));

    // `e` on the advice: its form, filled in; the correction replaces it.
    select(&mut app, |_, p| p == VisitPart::Advice(0));
    chr(&mut app, 'e');
    let VisitForm::Advice(advice) = &form(&app).fields else {
        panic!("the advice form")
    };
    assert_eq!(advice.advice.value, "Dagritme zichtbaar");
    assert_eq!(advice.competencies.value, "1");
    assert_eq!(advice.with.value, anna.name);
    type_text(&mut app, " met pictogrammen");
    press(&mut app, "Enter");
    let notes = stored(&app)[0].notes.clone();
    assert_eq!(notes.len(), 1, "corrected, not added");
    assert_eq!(notes[0].text, "Dagritme zichtbaar met pictogrammen");
    assert_eq!(notes[0].with, [anna.id]);
    assert_eq!(notes[0].child_id, None);
    assert_eq!(last_action(&app), "visit.edit");

    // A follow-up corrected, then removed: `D` asks, `n` keeps it, `j` removes it.
    select(&mut app, |_, p| p == VisitPart::Group);
    chr(&mut app, 'f');
    type_text(&mut app, "Pictogrammen ophangen");
    press(&mut app, "Enter");
    let added = stored(&app)[0].follow_ups.len() - 1;
    select(&mut app, |_, p| p == VisitPart::FollowUp(added));
    chr(&mut app, 'e');
    type_text(&mut app, " bij de deur");
    press(&mut app, "Enter");
    let follow_up = stored(&app)[0].follow_ups[added].clone();
    assert_eq!(follow_up.text, "Pictogrammen ophangen bij de deur");
    assert_eq!(last_action(&app), "visit.edit");
    select(&mut app, |_, p| p == VisitPart::FollowUp(added));
    chr(&mut app, 'D');
    let Some(Modal::Confirm(question)) = &visit(&app).modal else {
        panic!("removing is asked")
    };
    assert!(question.question.contains("Pictogrammen ophangen"));
    chr(&mut app, 'n');
    assert_eq!(stored(&app)[0].follow_ups.len(), added + 1, "n keeps it");
    chr(&mut app, 'D');
    chr(&mut app, 'j');
    assert_eq!(stored(&app)[0].follow_ups.len(), added, "j removes it");
    assert_eq!(last_action(&app), "visit.remove");

    select(&mut app, |_, p| p == VisitPart::Advice(0));
    chr(&mut app, 'D');
    chr(&mut app, 'y');
    assert!(stored(&app)[0].notes.is_empty());
    assert_eq!(
        visit(&app).visit,
        stored(&app)[0],
        "the screen shows what is stored"
    );
    assert!(
        !visit(&app)
            .list
            .items()
            .any(|r| matches!(r.part, VisitPart::Advice(_))),
        "no advice row left"
    );
}
