//! Who sees the Meldcode, per role, on the screens: a Meldcode trajectory and a mark on a
//! Meldcode-flagged item reach the care coordinator, the admin and who started or made them;
//! other staff of the group see that a Meldcode is open and who coordinates it; the coach sees
//! nothing of it (`domain::access::meldcode_view`).

use super::test_support::{app, chr, meldcode_plan, now, press, type_text, User};
use super::*;
use crate::domain::access::{self, MeldcodeView};
use crate::domain::form::Mark;
use crate::domain::plan::Trajectory;
use crate::domain::{AuditAction, Observation, Role, Staff};

/// A child of `group` with a Meldcode trajectory started by `starter`, who also marked a
/// Meldcode-flagged item "often" on today's observation. The child's id.
pub(super) fn signalled(app: &App, group: crate::domain::Id, starter: &Staff) -> crate::domain::Id {
    let sig = crate::store::Signature {
        by: starter.name.clone(),
        at: now(),
    };
    let born = now().date_naive() - chrono::Duration::days(900);
    let child = app
        .store
        .add_child(group, "Mila", "Signaal", born, &sig)
        .unwrap();
    let plan = meldcode_plan(app);
    let id = app.store.new_trajectory_id().unwrap();
    let t = Trajectory::new(id, child.id, &plan, now().date_naive(), &starter.name);
    let action = AuditAction::TrajectoryStart;
    app.store
        .save_trajectory(&t, &plan, action, "", &sig)
        .unwrap();
    let group = app.store.group(group).unwrap().unwrap();
    let form = app.catalogue.for_group(&group)[0].clone();
    let flagged = form.items().find(|(_, i)| i.meldcode).unwrap().1.id.clone();
    let id = app.store.new_observation_id().unwrap();
    let mut observation = Observation::new(id, child.id, &form, now().date_naive(), &starter.name);
    observation.set_mark(&flagged, Some(Mark::Often), &starter.name, now());
    let action = AuditAction::ObservationMark;
    app.store
        .save_observation(&observation, &form, action, &flagged, &sig)
        .unwrap();
    child.id
}

/// As the person at the keyboard: opens the child's step plan and Enter on its Meldcode
/// trajectory.
pub(super) fn open_meldcode(app: &mut App, child: crate::domain::Id) {
    app.screens.truncate(1);
    let ctx = ctx_of!(app);
    let screen = screens::ChildScreen::load(&ctx, child).unwrap().unwrap();
    app.screens.push(Screen::Child(screen));
    press(app, "p");
    let Screen::Plans(plans) = app.screen() else {
        panic!("the plans picker")
    };
    let at = plans
        .list
        .visible()
        .position(|r| matches!(&r.choice, PlanChoice::Existing(t) if access::is_meldcode_plan(&t.template)))
        .expect("the Meldcode trajectory is listed");
    for _ in 0..at {
        press(app, "Down");
    }
    press(app, "Enter");
}

/// The demo with its first staff member at the keyboard, who signalled a child of their group
/// (see [`signalled`]), and a colleague who works on that group too: (dir, app, the one who
/// signalled, the child, the colleague).
fn with_a_colleague() -> (tempfile::TempDir, App, Staff, crate::domain::Id, Staff) {
    let (dir, app) = app(true, Lang::Nl, User::FirstStaff);
    let starter = app.user.clone().unwrap();
    let group = starter.groups[0];
    let child = signalled(&app, group, &starter);
    let staff = app.store.staff().unwrap();
    let mut colleague = staff
        .iter()
        .find(|s| s.role == Role::Staff && s.id != starter.id)
        .unwrap()
        .clone();
    colleague.groups.push(group);
    app.store
        .update_staff(&colleague, &app.signature())
        .unwrap();
    (dir, app, starter, child, colleague)
}

/// What `person` sees of the signalled child: (the Meldcode trajectory's view on the child's
/// screen, whether the flagged mark is counted there, whether the plans picker lists it).
fn seen_by(app: &mut App, person: &Staff, child: crate::domain::Id) -> (Option<bool>, bool, bool) {
    app.lock();
    type_text(app, &person.name);
    press(app, "Enter");
    assert_eq!(app.user.as_ref().map(|u| u.id), Some(person.id));
    let ctx = ctx_of!(app);
    let screen = screens::ChildScreen::load(&ctx, child).unwrap().unwrap();
    let meldcode = screen
        .trajectories
        .iter()
        .find(|t| access::is_meldcode_plan(&t.template))
        .map(|t| ctx.trajectory_view(t) == MeldcodeView::Details);
    let marked = screen.observations.iter().any(|o| !o.marks.is_empty());
    let Screen::Plans(plans) =
        screens::PlansScreen::open(&ctx, screen.child.clone(), screen.group.clone()).unwrap()
    else {
        panic!("the plans picker")
    };
    let listed = plans.list.items().any(|row| {
        matches!(&row.choice, PlanChoice::Existing(t) if access::is_meldcode_plan(&t.template))
    });
    (meldcode, marked, listed)
}

#[test]
fn a_meldcode_reaches_exactly_who_must_know_for_every_role() {
    let (_dir, mut app) = app(true, Lang::Nl, User::FirstStaff);
    let starter = app.user.clone().unwrap();
    let group = starter.groups[0];
    let child = signalled(&app, group, &starter);
    let staff = app.store.staff().unwrap();
    let with_role = |role: Role, other_than: &Staff| {
        staff
            .iter()
            .find(|s| s.role == role && s.id != other_than.id)
            .unwrap_or_else(|| panic!("the demo has a {role:?}"))
            .clone()
    };
    // The coach and the colleague must see the group at all.
    let mut coach = with_role(Role::Coach, &starter);
    coach.groups.push(group);
    app.store.update_staff(&coach, &app.signature()).unwrap();
    let mut colleague = with_role(Role::Staff, &starter);
    colleague.groups.push(group);
    app.store
        .update_staff(&colleague, &app.signature())
        .unwrap();

    // (trajectory in full?, flagged mark shown?, listed in the plans picker?)
    let cases = [
        (starter.clone(), (Some(true), true, true)),
        (colleague, (Some(false), false, true)),
        (coach.clone(), (None, false, false)),
        (
            with_role(Role::CareCoordinator, &starter),
            (Some(true), true, true),
        ),
        (with_role(Role::Admin, &starter), (Some(true), true, true)),
    ];
    for (person, expected) in cases {
        assert_eq!(
            seen_by(&mut app, &person, child),
            expected,
            "{:?}",
            person.role
        );
    }

    // A colleague who picks it in the plans picker is told who coordinates it, no more.
    let Some(colleague) = staff
        .iter()
        .find(|s| s.role == Role::Staff && s.id != starter.id)
    else {
        unreachable!()
    };
    seen_by(&mut app, colleague, child);
    open_meldcode(&mut app, child);
    assert!(matches!(app.screen(), Screen::Plans(_)), "not opened");
    let said = app.status.clone().unwrap().text;
    assert!(
        said.contains(&starter.name) && said.contains("moet weten"),
        "{said}"
    );
    // The coach is not offered to start one either.
    seen_by(&mut app, &coach, child);
    let ctx = ctx_of!(app);
    let screen = screens::ChildScreen::load(&ctx, child).unwrap().unwrap();
    let Screen::Plans(plans) =
        screens::PlansScreen::open(&ctx, screen.child, screen.group).unwrap()
    else {
        panic!("the plans picker")
    };
    assert!(!plans
        .list
        .items()
        .any(|r| matches!(&r.choice, PlanChoice::New(p) if access::is_meldcode_plan(&p.id))));
}

#[test]
fn a_colleague_cannot_read_or_change_a_meldcode_mark_on_the_form_the_one_who_made_it_can() {
    let (_dir, mut app, starter, child, colleague) = with_a_colleague();
    // A plain mark beside the flagged one, so the observation is there for the colleague (one
    // of only hidden marks is not: their `o` starts one of their own, see `tests_leaks`).
    let mut observation = app.store.observations_of(child).unwrap().remove(0);
    let form = app
        .catalogue
        .find(&observation.template, observation.version)
        .unwrap()
        .clone();
    let (_, plain) = form.items().find(|(_, i)| !i.meldcode).unwrap();
    observation.set_mark(&plain.id, Some(Mark::Sometimes), &starter.name, now());
    let sig = crate::store::Signature {
        by: starter.name.clone(),
        at: now(),
    };
    let action = AuditAction::ObservationMark;
    app.store
        .save_observation(&observation, &form, action, &plain.id, &sig)
        .unwrap();
    // Taking the only mark back leaves no observation behind: then there are no marks.
    let stored = |app: &App| {
        let observations = app.store.observations_of(child).unwrap();
        observations
            .first()
            .map(|o| o.marks.clone())
            .unwrap_or_default()
    };
    let before = stored(&app);

    for (person, may) in [(colleague, false), (starter, true)] {
        seen_by(&mut app, &person, child);
        let ctx = ctx_of!(app);
        let screen = screens::ChildScreen::load(&ctx, child).unwrap().unwrap();
        let form = screens::ObserveScreen::open(&ctx, screen.child, screen.group).unwrap();
        app.screens.push(form);
        let Some(Screen::Observe(s)) = app.screens.last_mut() else {
            panic!("the observation form")
        };
        let (_, flagged) = s.template.items().find(|(_, i)| i.meldcode).unwrap();
        let row = s.list.items().find(|r| r.item == flagged.id).unwrap().index;
        s.list.select_id(row as u64);
        chr(&mut app, ' ');
        let said = app.status.clone();
        match may {
            false => {
                let said = said.unwrap();
                // Said to be for who must know, with no talk of a trajectory (there may be none).
                let expected = Lang::Nl.error(&AppError::HiddenMark);
                assert!(said.error && said.text == expected, "{}", said.text);
                assert_eq!(stored(&app), before, "nothing changed");
            }
            true => assert_ne!(stored(&app), before, "the one who marked it may change it"),
        }
        app.screens.pop();
    }
}

#[test]
fn the_comparison_leaves_out_a_meldcode_mark_for_who_may_not_know_it() {
    let (_dir, mut app, starter, child, colleague) = with_a_colleague();
    // An earlier observation with the same form, without the flagged mark: the latest one's
    // mark is what changed.
    let latest = app.store.observations_of(child).unwrap().remove(0);
    let form = app
        .catalogue
        .find(&latest.template, latest.version)
        .unwrap()
        .clone();
    let plain = form
        .items()
        .find(|(_, i)| !i.meldcode)
        .unwrap()
        .1
        .id
        .clone();
    let id = app.store.new_observation_id().unwrap();
    let earlier = now().date_naive() - chrono::Duration::days(60);
    let mut before = Observation::new(id, child, &form, earlier, &starter.name);
    before.set_mark(&plain, Some(Mark::Sometimes), &starter.name, now());
    let sig = app.signature();
    let action = AuditAction::ObservationMark;
    app.store
        .save_observation(&before, &form, action, &plain, &sig)
        .unwrap();
    let flagged: Vec<String> = form
        .items()
        .filter(|(_, i)| i.meldcode)
        .map(|(_, i)| i.id.clone())
        .collect();
    for (person, shown) in [(colleague, false), (starter, true)] {
        seen_by(&mut app, &person, child);
        let ctx = ctx_of!(app);
        let the_child = app.store.child(child).unwrap().unwrap();
        // Of a latest observation that holds only the flagged mark, the colleague knows
        // nothing: one observation is left to them, nothing to compare.
        let any = match screens::CompareScreen::open(&ctx, the_child) {
            Ok(compare) => compare
                .list
                .items()
                .any(|r| flagged.contains(&r.change.item)),
            Err(e) => {
                assert!(matches!(e, AppError::OnlyOneObservation), "{e:?}");
                false
            }
        };
        assert_eq!(any, shown, "{}", person.name);
    }
}

#[test]
fn the_audit_trail_keeps_a_meldcode_mark_from_who_may_not_know_it() {
    let (_dir, mut app, starter, child, colleague) = with_a_colleague();
    for (person, shown) in [(colleague, false), (starter, true)] {
        seen_by(&mut app, &person, child);
        let ctx = ctx_of!(app);
        let screen = screens::ChildScreen::load(&ctx, child).unwrap().unwrap();
        let observations = screens::all_observations(&ctx, &screen.label, child).unwrap();
        let trail = screens::HistoryScreen::new(
            &ctx,
            screen.child.clone(),
            &observations,
            &screen.trajectories,
        )
        .unwrap();
        let actions: Vec<&str> = trail
            .list
            .items()
            .map(|r| r.entry.action.as_str())
            .collect();
        assert!(
            actions.contains(&"trajectory.start"),
            "that it is open: {actions:?}"
        );
        assert_eq!(
            actions.contains(&"observation.mark"),
            shown,
            "{}: {actions:?}",
            person.name
        );
    }
}

#[test]
fn the_child_screen_shows_the_childs_consent_to_all_and_the_meldcode_only_to_who_may_read_it() {
    let (_dir, mut app, starter, child, colleague) = with_a_colleague();
    // Consent is the child's (not a Meldcode matter): every colleague who sees the child reads it.
    let mut record = app.store.child(child).unwrap().unwrap();
    record.consent.coach = Some(crate::domain::Given {
        answer: crate::domain::ConsentAnswer::Yes,
        at: app.signature().at,
        by: starter.name.clone(),
        given_by: String::new(),
    });
    let sig = app.signature();
    app.store
        .save_child(&record, AuditAction::ChildConsent, &sig)
        .unwrap();
    for (person, shown) in [(colleague, false), (starter, true)] {
        seen_by(&mut app, &person, child);
        let ctx = ctx_of!(app);
        let screen = screens::ChildScreen::load(&ctx, child).unwrap().unwrap();
        app.screens.push(Screen::Child(screen));
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
        terminal
            .draw(|f| crate::ui::draw(f, &app, &crate::ui::Theme::monochrome()))
            .unwrap();
        let text: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(text.contains("Coach: ja"), "{}:\n{text}", person.name);
        assert!(text.contains("coördinatie") != shown, "{}", person.name);
        app.screens.pop();
    }
}
