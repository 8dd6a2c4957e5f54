//! The writer's head (`head.rs`): ids and the audit chain as the database has them, whatever
//! happened in between (a reopen, a failed write, an import), on the real database.

use super::tests::{date, fresh, sig};
use super::*;
use crate::domain::audit::verify_chain;
use crate::domain::form::{FormTemplate, Mark};
use crate::domain::{AuditAction, GroupKind, Observation};

fn kdv() -> FormTemplate {
    crate::templates::builtin().into_iter().next().unwrap()
}

/// A group with one child; the child's id.
fn with_child(store: &Store) -> Id {
    let g = store.add_group("A", GroupKind::Kdv, "", &sig()).unwrap();
    store
        .add_child(g.id, "Sem", "Visser", date("2022-06-30"), &sig())
        .unwrap()
        .id
}

/// Marks an item of a new observation of `child` `marks` times (each mark written, as Space on
/// the form writes it); the observation's id.
fn marked(store: &Store, child: Id, marks: usize) -> Id {
    let template = kdv();
    let item = template.items().next().unwrap().1.id.clone();
    let id = store.new_observation_id().unwrap();
    let mut obs = Observation::new(id, child, &template, date("2026-03-02"), "Anouk");
    for n in 0..marks {
        let mark = [Mark::Sometimes, Mark::Often][n % 2];
        obs.set_mark(&item, Some(mark), &sig().by, sig().at);
        store
            .save_observation(&obs, &template, AuditAction::ObservationMark, &item, &sig())
            .unwrap();
    }
    id
}

/// The trail verifies, holds `len` entries, and the database is consistent.
fn chain_holds(store: &Store, len: usize) {
    let audit = store.audit().unwrap();
    assert_eq!(verify_chain(&audit), Ok(()));
    assert_eq!(audit.len(), len, "one entry per write, none overwritten");
    assert_eq!(store.check().unwrap(), Vec::new());
}

fn reopened(store: Store) -> Store {
    let path = store.path().to_path_buf();
    store.close().unwrap();
    Store::open(&path).unwrap()
}

#[test]
fn ids_only_grow_across_reopens_also_those_handed_out_and_never_used() {
    let (_dir, mut store) = fresh();
    let mut ids = Vec::new();
    for round in 0..3 {
        let child = with_child(&store);
        ids.push(child);
        ids.push(marked(&store, child, 2));
        // A form opened and left: its id is never written, and never handed out again.
        ids.push(store.new_observation_id().unwrap());
        let g = store.add_group("B", GroupKind::Bso, "", &sig()).unwrap();
        ids.push(g.id);
        chain_holds(&store, 5 * (round + 1));
        store = reopened(store);
    }
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, ids, "each id above the one before: {ids:?}");
    chain_holds(&store, 15);
}

#[test]
fn many_marks_keep_the_chain_and_a_reopened_store_chains_on() {
    let (_dir, store) = fresh();
    let child = with_child(&store);
    let obs = marked(&store, child, 150);
    chain_holds(&store, 152);
    let store = reopened(store);
    assert_eq!(store.observations_of(child).unwrap()[0].id, obs);
    marked(&store, child, 3);
    chain_holds(&store, 155);
}

#[test]
fn a_failed_write_uses_up_its_ids_and_the_next_chains_onto_what_is_stored() {
    let (_dir, store) = fresh();
    let child = with_child(&store);
    let before = store.new_observation_id().unwrap();
    store.fail_next_writes(1);
    let template = kdv();
    let item = template.items().next().unwrap().1.id.clone();
    let mut obs = Observation::new(before, child, &template, date("2026-03-02"), "Anouk");
    obs.set_mark(&item, Some(Mark::Often), &sig().by, sig().at);
    let failed =
        store.save_observation(&obs, &template, AuditAction::ObservationMark, &item, &sig());
    assert!(matches!(failed, Err(StoreError::DiskFull)), "{failed:?}");
    chain_holds(&store, 2);
    let after = store.new_observation_id().unwrap();
    // The failed write's audit entry took an id: the next one is above it.
    assert!(after > before + 1, "{after} after {before}");
    store
        .save_observation(&obs, &template, AuditAction::ObservationMark, &item, &sig())
        .unwrap();
    chain_holds(&store, 3);
    chain_holds(&reopened(store), 3);
}

#[test]
fn a_write_after_an_import_chains_onto_the_imported_trail_above_its_ids() {
    let (_dir, source) = fresh();
    let child = with_child(&source);
    marked(&source, child, 4);
    let data = source.export(sig().at).unwrap();
    let highest = data.max_id();

    let (_dir, store) = fresh();
    // The head is read before the import: an id handed out, on an empty trail.
    let early = store.new_observation_id().unwrap();
    store.import(&data).unwrap();
    chain_holds(&store, 6);
    let g = store.add_group("Na", GroupKind::Kdv, "", &sig()).unwrap();
    assert!(g.id > highest && g.id > early, "{} after {highest}", g.id);
    chain_holds(&store, 7);
}
