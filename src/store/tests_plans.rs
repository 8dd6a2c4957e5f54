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

/// Writes `t` after its prompting observations were named, as the trajectory screen does.
fn name_prompts(store: &Store, t: &Trajectory) {
    let part = "prompted_by";
    store
        .save_trajectory(t, &early(), AuditAction::TrajectoryEdit, part, &sig())
        .unwrap();
}

/// A trajectory names the observations that prompted it: they go through export and import,
/// and an import naming another child's observation, one that does not exist, or any for a
/// Meldcode trajectory is refused, naming the trajectory.
#[test]
fn the_observations_that_prompted_a_trajectory_are_this_childs_and_round_trip() {
    use super::tests_observations::{item, observe};
    use crate::domain::form::Mark;
    let (_dir, store, child) = with_child();
    let own = observe(&store, child, "2026-08-20", &[(&item(0), Mark::Often)]);
    let group = store.child(child).unwrap().unwrap().group_id;
    let other = store
        .add_child(group, "Noor", "Bakker", date("2018-05-01"), &sig())
        .unwrap();
    let theirs = observe(&store, other.id, "2026-08-21", &[(&item(0), Mark::Often)]);
    let mut t = start(&store, child);
    t.set_prompted_by([own.id, own.id]);
    assert_eq!(t.prompted_by, [own.id], "each once");
    name_prompts(&store, &t);
    let data = store.export(sig().at).unwrap();
    let json = serde_json::to_value(&data).unwrap();
    assert_eq!(
        json["trajectories"][0]["prompted_by"],
        serde_json::json!([own.id])
    );
    let copy = tempfile::TempDir::new().unwrap();
    let back = Store::open(&copy.path().join("db")).unwrap();
    back.import(&data).unwrap();
    assert_eq!(back.trajectories_of(child).unwrap(), vec![t.clone()]);
    assert!(back.check().unwrap().is_empty());

    let with = |ids: Vec<Id>, template: Option<&str>| {
        let mut bad = data.clone();
        bad.trajectories[0].prompted_by = ids;
        if let Some(template) = template {
            let meldcode = builtin_plans()
                .into_iter()
                .find(|p| p.id == template)
                .unwrap();
            let mut m = Trajectory::new(t.id, child, &meldcode, t.started, "x");
            m.prompted_by = bad.trajectories[0].prompted_by.clone();
            bad.trajectories[0] = m;
        }
        bad
    };
    let id = t.id;
    for (bad, expected) in [
        (
            with(vec![theirs.id], None),
            format!(
                "trajectory {id} names observation {} in prompted_by, which is of child {}, not \
                 of its own child {child}",
                theirs.id, other.id
            ),
        ),
        (
            with(vec![4242], None),
            format!("trajectory {id} names observation 4242 in prompted_by, which does not exist"),
        ),
        (
            with(vec![own.id], Some("meldcode")),
            format!(
                "trajectory {id} follows the Meldcode, which records its signals itself, yet \
                 names observations in prompted_by"
            ),
        ),
    ] {
        let target = tempfile::TempDir::new().unwrap();
        let fresh = Store::open(&target.path().join("db")).unwrap();
        let err = fresh.import(&bad).unwrap_err().to_string();
        assert!(err.contains(&expected), "{expected:?} not in {err}");
        assert!(fresh.trajectories().unwrap().is_empty());
    }
}

/// An observation whose last mark is taken back is removed, and with it its place among what
/// prompted a trajectory, in the same write: `check` finds nothing dangling.
#[test]
fn an_observation_emptied_leaves_the_trajectories_it_prompted() {
    use super::tests_observations::{item, observe};
    use crate::domain::form::Mark;
    let (_dir, store, child) = with_child();
    let kept = observe(&store, child, "2026-08-19", &[(&item(0), Mark::Often)]);
    let mut emptied = observe(&store, child, "2026-08-20", &[(&item(1), Mark::Often)]);
    let mut t = start(&store, child);
    t.set_prompted_by([kept.id, emptied.id]);
    name_prompts(&store, &t);
    emptied.set_mark(&item(1), None, &sig().by, sig().at);
    let form = crate::templates::builtin().into_iter().next().unwrap();
    store
        .save_observation(
            &emptied,
            &form,
            AuditAction::ObservationMark,
            &item(1),
            &sig(),
        )
        .unwrap();
    assert_eq!(
        store.trajectories_of(child).unwrap()[0].prompted_by,
        [kept.id]
    );
    assert!(store.check().unwrap().is_empty(), "{:?}", store.check());
    // The trajectory's change has its own entry, after the observation's, in the same write.
    let trail = store.audit().unwrap();
    let [.., mark, edit] = trail.as_slice() else {
        panic!("two entries at least")
    };
    assert_eq!(mark.action, "observation.mark");
    assert_eq!(
        mark.target,
        format!("observation:{}/{}", emptied.id, item(1))
    );
    assert_eq!(edit.action, "trajectory.edit");
    assert_eq!(edit.target, format!("trajectory:{}/prompted_by", t.id));
    assert_eq!((edit.at, &edit.by), (mark.at, &mark.by));
    assert!(
        crate::domain::audit::verify_chain(&trail).is_ok(),
        "the chain holds"
    );
}
