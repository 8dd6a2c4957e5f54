//! Coach visits in the store.

use super::tests::{date, fresh, sig};
use super::*;
use crate::domain::visit::{Advice, Competency, FollowUp, Visit};
use crate::domain::AuditAction;
use crate::domain::{GroupKind, Role};

fn coach() -> Staff {
    Staff {
        id: 99,
        name: "Test Medewerker".into(),
        role: Role::Coach,
        groups: Vec::new(),
        safeguarding_lead: false,
        phone: String::new(),
    }
}

/// A group with one child, in `store`.
fn group_with_child(store: &Store) -> (Id, Id) {
    let group = store
        .add_group("De Uilen", GroupKind::Kdv, "", &sig())
        .unwrap();
    let child = store
        .add_child(group.id, "Daan", "Bakker", date("2024-09-12"), &sig())
        .unwrap();
    (group.id, child.id)
}

fn start(store: &Store, group: Id, previous: Option<&Visit>) -> Visit {
    let id = store.new_visit_id().unwrap();
    let visit = Visit::start(id, group, &coach(), date("2026-03-02"), previous);
    store
        .save_visit(&visit, AuditAction::VisitStart, &sig())
        .unwrap();
    visit
}

fn advice(child: Option<Id>, text: &str) -> Advice {
    Advice {
        child_id: child,
        text: text.into(),
        competencies: vec![Competency::Development, Competency::Parents],
        with: Vec::new(),
        by: sig().by,
        at: sig().at,
    }
}

fn follow_up(child: Option<Id>) -> FollowUp {
    FollowUp {
        child_id: child,
        text: "Overdracht bespreken".into(),
        due: date("2026-04-01"),
        done: false,
        by: sig().by,
        at: sig().at,
        from_visit: None,
    }
}

#[test]
fn a_saved_advice_survives_reopening_and_is_audited() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("db");
    let visit = {
        let store = Store::open(&path).unwrap();
        let (group, child) = group_with_child(&store);
        let mut visit = start(&store, group, None);
        visit
            .notes
            .push(advice(Some(child), "Benoem wat je ziet, ĳverig"));
        store
            .save_visit(&visit, AuditAction::VisitAdvice, &sig())
            .unwrap();
        visit
        // Dropped without anything else: the write was flushed when save_visit returned.
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.visits_of(visit.group_id).unwrap(),
        vec![visit.clone()]
    );
    let last = store.audit().unwrap().pop().unwrap();
    assert_eq!(last.action, "visit.advice");
    assert_eq!(last.target, format!("visit:{}", visit.id));
}

#[test]
fn one_open_visit_per_group_and_a_closed_one_stays_as_it_is() {
    let (_dir, store) = fresh();
    let (group, child) = group_with_child(&store);
    let mut first = start(&store, group, None);
    let second = Visit::start(
        store.new_visit_id().unwrap(),
        group,
        &coach(),
        date("2026-03-03"),
        None,
    );
    let refused = store.save_visit(&second, AuditAction::VisitStart, &sig());
    assert!(refused.unwrap_err().to_string().contains("open visit"));

    first.follow_ups.push(follow_up(Some(child)));
    first.close(date("2026-04-01"), sig().at);
    store
        .save_visit(&first, AuditAction::VisitClose, &sig())
        .unwrap();
    first.notes.push(advice(None, "te laat"));
    let refused = store.save_visit(&first, AuditAction::VisitAdvice, &sig());
    assert!(refused.unwrap_err().to_string().contains("closed"));

    // Now a new one may start, newest first in the list, carrying the open follow-up.
    let next = start(&store, group, Some(&first));
    let visits = store.visits_of(group).unwrap();
    assert_eq!(
        visits.iter().map(|v| v.id).collect::<Vec<_>>(),
        [next.id, first.id]
    );
    assert_eq!(visits[0].follow_ups[0].from_visit, Some(first.id));
}

#[test]
fn a_visit_names_only_a_group_and_children_that_exist() {
    let (_dir, store) = fresh();
    let (group, _) = group_with_child(&store);
    let nowhere = Visit::start(1000, group + 500, &coach(), date("2026-03-02"), None);
    assert!(store
        .save_visit(&nowhere, AuditAction::VisitStart, &sig())
        .is_err());
    let mut visit = Visit::start(1001, group, &coach(), date("2026-03-02"), None);
    visit.notes.push(advice(Some(4242), "wie?"));
    assert!(store
        .save_visit(&visit, AuditAction::VisitAdvice, &sig())
        .is_err());
    assert!(store.visits().unwrap().is_empty());
}

#[test]
fn visits_round_trip_through_export_and_import_and_are_checked() {
    let (_dir, store) = fresh();
    let (group, child) = group_with_child(&store);
    let mut visit = start(&store, group, None);
    visit.notes.push(advice(Some(child), "Rustig begroeten"));
    visit.notes.push(advice(None, "Vaste dagritmekaarten"));
    visit.follow_ups.push(follow_up(None));
    visit.close(date("2026-04-13"), sig().at);
    store
        .save_visit(&visit, AuditAction::VisitClose, &sig())
        .unwrap();

    let data = store.export(sig().at).unwrap();
    assert_eq!(data.visits, vec![visit.clone()]);
    let json = serde_json::to_value(&data).unwrap();
    let exported = &json["visits"][0];
    for field in [
        "id",
        "group_id",
        "by",
        "date",
        "notes",
        "follow_ups",
        "closed_at",
    ] {
        assert!(exported.get(field).is_some(), "missing {field}");
    }
    assert_eq!(exported["next_visit"], "2026-04-13");
    assert_eq!(exported["notes"][1]["child_id"], serde_json::Value::Null);
    assert_eq!(
        exported["notes"][0]["competencies"],
        serde_json::json!(["development", "parents"])
    );

    let (_copy_dir, copy) = fresh();
    copy.import(&data).unwrap();
    assert_eq!(copy.visits_of(group).unwrap(), vec![visit.clone()]);
    assert!(copy.check().unwrap().is_empty());

    // What the import refuses: a second open visit of a group, a child that is not there.
    let mut broken = data.clone();
    let mut open = visit.clone();
    open.closed_at = None;
    broken.visits = vec![open.clone(), Visit { id: 5000, ..open }];
    broken.visits[1].notes[0].child_id = Some(4242);
    let problems = broken.problems().join("\n");
    assert!(problems.contains("more than one open visit"), "{problems}");
    assert!(problems.contains("child 4242"), "{problems}");
    let (_other_dir, other) = fresh();
    assert!(other.import(&broken).is_err());
}

#[test]
fn a_purge_takes_what_visits_say_about_the_child_along() {
    let (_dir, store) = fresh();
    let (group, child) = group_with_child(&store);
    let mut visit = start(&store, group, None);
    visit.notes.push(advice(Some(child), "over Daan"));
    visit.notes.push(advice(None, "over de groep"));
    visit.follow_ups.push(follow_up(Some(child)));
    visit.close(date("2026-04-13"), sig().at);
    store
        .save_visit(&visit, AuditAction::VisitClose, &sig())
        .unwrap();
    let mut gone = store.child(child).unwrap().unwrap();
    gone.archived = true;
    store
        .save_child(&gone, AuditAction::ChildArchive, &sig())
        .unwrap();

    let purged = store.purge_left_before(date("2030-01-01"), &sig()).unwrap();
    assert_eq!(purged.children, 1);
    let kept = &store.visits_of(group).unwrap()[0];
    assert_eq!(kept.notes.len(), 1);
    assert_eq!(kept.notes[0].child_id, None);
    assert!(kept.follow_ups.is_empty());
    assert!(store.check().unwrap().is_empty());
}
