//! Trajectories in the store.

use super::tests::{date, fresh, sig};
use super::*;
use crate::domain::plan::{Outcome, PlanTemplate, Trajectory};
use crate::domain::AuditAction;
use crate::domain::GroupKind;
use crate::templates::builtin_plans;

fn early() -> PlanTemplate {
    builtin_plans().into_iter().next().unwrap()
}

fn with_child() -> (tempfile::TempDir, Store, Id) {
    let (dir, store) = fresh();
    let group = store
        .add_group("De Uilen", GroupKind::Bso, "", &sig())
        .unwrap();
    let child = store
        .add_child(group.id, "Daan", "Bakker", date("2018-09-12"), &sig())
        .unwrap();
    (dir, store, child.id)
}

fn start(store: &Store, child: Id) -> Trajectory {
    let plan = early();
    let id = store.new_trajectory_id().unwrap();
    let t = Trajectory::new(id, child, &plan, date("2026-09-01"), &sig().by);
    store
        .save_trajectory(&t, &plan, AuditAction::TrajectoryStart, "", &sig())
        .unwrap();
    t
}

#[test]
fn a_trajectory_is_saved_signed_and_read_back() {
    let (_dir, store, child) = with_child();
    let mut t = start(&store, child);
    let first = early().stages[0].id.clone();
    t.toggle(&first, &sig().by, sig().at);
    store
        .save_trajectory(&t, &early(), AuditAction::TrajectoryStage, &first, &sig())
        .unwrap();
    assert_eq!(store.trajectories_of(child).unwrap(), vec![t.clone()]);
    assert_eq!(store.trajectories().unwrap(), vec![t.clone()]);
    let last = store.audit().unwrap().pop().unwrap();
    assert_eq!(last.action, "trajectory.stage");
    assert_eq!(last.target, format!("trajectory:{}/{first}", t.id));
    assert_eq!(store.plan_templates().unwrap(), vec![early()]);
}

#[test]
fn one_open_trajectory_per_plan_per_child() {
    let (_dir, store, child) = with_child();
    let mut first = start(&store, child);
    let plan = early();
    let second = Trajectory::new(
        store.new_trajectory_id().unwrap(),
        child,
        &plan,
        date("2026-10-01"),
        "x",
    );
    let err = store
        .save_trajectory(&second, &plan, AuditAction::TrajectoryStart, "", &sig())
        .unwrap_err();
    assert!(
        err.to_string().contains("already has an open trajectory"),
        "{err}"
    );
    // Once the first is closed, a new one may start; the closed one stays readable.
    first.close(Outcome::ContinuesInGroup, date("2026-09-30"), "x");
    store
        .save_trajectory(&first, &plan, AuditAction::TrajectoryClose, "", &sig())
        .unwrap();
    store
        .save_trajectory(&second, &plan, AuditAction::TrajectoryStart, "", &sig())
        .unwrap();
    assert_eq!(store.trajectories_of(child).unwrap().len(), 2);
}

#[test]
fn trajectories_round_trip_through_export_and_bad_ones_are_refused() {
    let (_dir, store, child) = with_child();
    let mut t = start(&store, child);
    t.question = "Hoe komt Daan tot rust na school?".into();
    t.set_note(&early().stages[1].id, "ë ĳ", "x", sig().at);
    store
        .save_trajectory(
            &t,
            &early(),
            AuditAction::TrajectoryEdit,
            "question",
            &sig(),
        )
        .unwrap();
    let data = store.export(sig().at).unwrap();
    assert_eq!(data.trajectories, vec![t.clone()]);
    let plans: Vec<&str> = data.plan_templates.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(plans, ["vroegsignalering", "meldcode"]);

    let copy = tempfile::TempDir::new().unwrap();
    let other = Store::open(&copy.path().join("db")).unwrap();
    other.import(&data).unwrap();
    assert_eq!(other.trajectories_of(child).unwrap(), vec![t.clone()]);
    assert!(other.check().unwrap().is_empty());
    assert!(other.new_trajectory_id().unwrap() > t.id);

    let mut orphan = data.clone();
    orphan.trajectories[0].child_id = 4242;
    let mut stages = data.clone();
    stages.trajectories[0].stages.pop();
    let mut twice = data.clone();
    let mut again = twice.trajectories[0].clone();
    again.id = 99_999;
    twice.trajectories.push(again);
    let mut unknown = data.clone();
    unknown.trajectories[0].version = 9;
    for (bad, expected) in [
        (orphan, "does not exist"),
        (stages, "has the stages"),
        (twice, "more than one open trajectory"),
        (unknown, "neither in the export nor built in"),
    ] {
        let target = tempfile::TempDir::new().unwrap();
        let fresh = Store::open(&target.path().join("db")).unwrap();
        let err = fresh.import(&bad).unwrap_err().to_string();
        assert!(err.contains(expected), "{expected:?} not in {err}");
        assert!(fresh.trajectories().unwrap().is_empty());
    }
}

#[test]
fn opening_a_version_2_database_moves_the_trajectories_consent_onto_the_child() {
    use crate::domain::{ConsentAnswer, ConsentTo};
    let (dir, store, child) = with_child();
    let mut t = start(&store, child);
    // What a signaal of schema 2 wrote: the answers on the trajectory.
    t.consent.coach = Some(true);
    t.consent.school = Some(false);
    t.consent.by = "Anouk Jansen".into();
    t.consent.at = Some(sig().at);
    let trees = store.trees().unwrap();
    trees
        .trajectories
        .insert(
            codec::pair_key(child, t.id),
            serde_json::to_vec(&t).unwrap(),
        )
        .unwrap();
    trees
        .meta
        .insert("schema_version", &2u32.to_be_bytes())
        .unwrap();
    trees.db.flush().unwrap();
    drop(trees);
    drop(store);

    let store = Store::open(&dir.path().join("db")).unwrap();
    assert_eq!(schema::read_version(&store).unwrap(), Some(schema::CURRENT));
    let consent = store.child(child).unwrap().unwrap().consent;
    assert_eq!(consent.answer(ConsentTo::Coach), Some(ConsentAnswer::Yes));
    assert_eq!(consent.answer(ConsentTo::School), Some(ConsentAnswer::No));
    let coach = consent.get(ConsentTo::Coach).unwrap();
    assert_eq!((coach.by.as_str(), coach.at), ("Anouk Jansen", sig().at));
    assert_eq!(consent.get(ConsentTo::CareTeam), None);
    assert!(store.trajectories_of(child).unwrap()[0].consent.is_empty());
    assert!(store.check().unwrap().is_empty(), "{:?}", store.check());
}
