//! Handovers to school in the store: audited writes, export, import, `check`, purge.

use std::collections::BTreeMap;
use std::io::Cursor;

use super::tests::{date, fresh, sig};
use super::*;
use crate::domain::handover::Handover;
use crate::domain::{AuditAction, Child, GroupKind};

fn child(store: &Store) -> Child {
    let group = store
        .add_group("De Uilen", GroupKind::Kdv, "", &sig())
        .unwrap();
    store
        .add_child(group.id, "Daan", "Bakker", date("2022-06-12"), &sig())
        .unwrap()
}

fn handover(child_id: Id) -> Handover {
    Handover {
        child_id,
        school: "Basisschool De Linde, Hoorn".into(),
        development: BTreeMap::from([(
            "Taal".into(),
            "Vertelt in zinnen van vijf woorden.".into(),
        )]),
        interests: "Bouwen met blokken".into(),
        what_helps: "Een vaste plek in de kring".into(),
        parents_view: "Thuis zingt hij veel.".into(),
        warm_handover_on: Some(date("2026-05-20")),
        spoken_with: "Mevr. Visser (intern begeleider)".into(),
        by: "someone else".into(),
        at: sig().at,
    }
}

fn exported(store: &Store) -> Vec<u8> {
    let mut out = Vec::new();
    store.write_export(&mut out, sig().at).unwrap();
    out
}

#[test]
fn a_handover_is_saved_signed_and_audited_without_its_content() {
    let (_dir, store) = fresh();
    let c = child(&store);
    assert_eq!(store.handover(c.id).unwrap(), None);
    store.save_handover(&handover(c.id), &sig()).unwrap();
    let stored = store.handover(c.id).unwrap().unwrap();
    assert_eq!(stored.by, sig().by);
    assert_eq!(stored.school, "Basisschool De Linde, Hoorn");
    let entry = store.audit().unwrap().pop().unwrap();
    assert_eq!(entry.action, AuditAction::HandoverSave.as_str());
    assert_eq!(entry.target, format!("child:{}/handover", c.id));
    assert!(entry.detail.is_none_or(|d| !d.contains("blokken")));
    assert!(store.check().unwrap().is_empty(), "{:?}", store.check());
}

#[test]
fn a_handover_for_an_unknown_child_is_refused() {
    let (_dir, store) = fresh();
    let err = store.save_handover(&handover(4242), &sig()).unwrap_err();
    assert!(matches!(err, StoreError::UnknownChild(4242)), "{err}");
    assert!(store.handovers().unwrap().is_empty());
}

#[test]
fn handovers_go_out_with_the_export_and_come_back_with_an_import() {
    let (_dir, store) = fresh();
    let c = child(&store);
    store.save_handover(&handover(c.id), &sig()).unwrap();
    let json = exported(&store);
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(value["handovers"][0]["child_id"], c.id);
    assert_eq!(value["handovers"][0]["warm_handover_on"], "2026-05-20");
    assert_eq!(
        value["handovers"][0]["development"]["Taal"],
        "Vertelt in zinnen van vijf woorden."
    );

    let (_dir2, other) = fresh();
    other.import_from(|| Ok(Cursor::new(&json))).unwrap();
    assert_eq!(other.handovers().unwrap(), store.handovers().unwrap());
    assert!(exported(&other) == json);
}

#[test]
fn check_names_a_handover_of_a_missing_child_and_dates_before_the_birth() {
    let (_dir, store) = fresh();
    let c = child(&store);
    let mut value: serde_json::Value = serde_json::from_slice(&exported(&store)).unwrap();
    let mut early = handover(c.id);
    early.warm_handover_on = Some(date("2021-01-01"));
    value["handovers"] = serde_json::json!([handover(4242), early]);
    let export: crate::export::Export = serde_json::from_value(value).unwrap();
    let problems = export.problems().join("\n");
    assert!(
        problems.contains("a handover is about child 4242, which does not exist"),
        "{problems}"
    );
    assert!(
        problems.contains("warm handover before the child was born"),
        "{problems}"
    );
}

#[test]
fn a_purged_child_takes_its_handover_along() {
    let (_dir, store) = fresh();
    let c = child(&store);
    store.save_handover(&handover(c.id), &sig()).unwrap();
    let archived = Child {
        archived: true,
        ..c.clone()
    };
    store
        .save_child(&archived, AuditAction::ChildArchive, &sig())
        .unwrap();
    let purged = store.purge_left_before(date("2100-01-01"), &sig()).unwrap();
    assert_eq!(purged.children, 1);
    assert!(store.handovers().unwrap().is_empty());
    assert!(store.check().unwrap().is_empty(), "{:?}", store.check());
}
