//! The journal (`journal.rs`): a write cut off half-way, by a killed process or a full disk, is
//! completed from its journal record when the database is opened again, and a journal never
//! undoes what was written after it; on the real database.

use super::journal::{crash, JOURNAL_KEY};
use super::tests::{date, fresh, sig};
use super::*;
use crate::domain::audit::verify_chain;
use crate::domain::form::{FormTemplate, Mark};
use crate::domain::{AuditAction, GroupKind, Observation};

fn kdv() -> FormTemplate {
    crate::templates::builtin().into_iter().next().unwrap()
}

/// A group, a child and a new observation of it; the observation, unsaved.
fn observation(store: &Store) -> Observation {
    let g = store.add_group("A", GroupKind::Kdv, "", &sig()).unwrap();
    let child = store
        .add_child(g.id, "Sem", "Visser", date("2022-06-30"), &sig())
        .unwrap();
    let id = store.new_observation_id().unwrap();
    Observation::new(id, child.id, &kdv(), date("2026-03-02"), "Anouk")
}

/// Saves `obs` with its first item marked `mark`: the observation, its audit entry and the id
/// counter (the template too, the first time), as Space on the form writes them.
fn mark(store: &Store, obs: &mut Observation, mark: Mark) -> Result<()> {
    let template = kdv();
    let item = template.items().next().unwrap().1.id.clone();
    obs.set_mark(&item, Some(mark), &sig().by, sig().at);
    store.save_observation(obs, &template, AuditAction::ObservationMark, &item, &sig())
}

/// Every key and value of every tree, tree by tree.
fn contents(store: &Store) -> Vec<(sled::IVec, Vec<(sled::IVec, sled::IVec)>)> {
    let trees = store.trees().unwrap();
    let mut names = trees.db.tree_names();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let tree = trees.db.open_tree(&name).unwrap();
            let records = tree.iter().collect::<std::result::Result<_, _>>().unwrap();
            (name, records)
        })
        .collect()
}

fn reopened(store: Store) -> Store {
    let path = store.path().to_path_buf();
    store.close().unwrap();
    Store::open(&path).unwrap()
}

fn no_journal(store: &Store) -> bool {
    store
        .trees()
        .unwrap()
        .meta
        .get(JOURNAL_KEY)
        .unwrap()
        .is_none()
}

/// The database after the setup and two marks, both written whole.
fn whole() -> Vec<(sled::IVec, Vec<(sled::IVec, sled::IVec)>)> {
    let (_dir, store) = fresh();
    let mut obs = observation(&store);
    mark(&store, &mut obs, Mark::Often).unwrap();
    mark(&store, &mut obs, Mark::Sometimes).unwrap();
    contents(&store)
}

#[test]
fn a_write_killed_half_way_is_completed_on_opening_as_if_written_whole() {
    let expected = whole();
    // A mark's changes: the id counter, the observation, its audit entry. 0: none of them
    // applied, only the journal record; 3: all, the journal not yet removed.
    for applied in 0..=3 {
        let (_dir, store) = fresh();
        let mut obs = observation(&store);
        mark(&store, &mut obs, Mark::Often).unwrap();
        crash::next_write_after(applied, false);
        assert!(mark(&store, &mut obs, Mark::Sometimes).is_err());
        assert!(!no_journal(&store), "the killed write left its journal");

        let store = reopened(store);
        assert!(no_journal(&store), "replayed and removed");
        assert_eq!(contents(&store), expected, "after {applied} changes");
        assert_eq!(store.check().unwrap(), Vec::new());
        assert_eq!(verify_chain(&store.audit().unwrap()), Ok(()));

        // The head reads the replayed ids and chain: the next write chains on and its id is new.
        let before = store.audit().unwrap().len();
        let g = store.add_group("B", GroupKind::Bso, "", &sig()).unwrap();
        assert!(g.id > obs.id);
        assert_eq!(verify_chain(&store.audit().unwrap()), Ok(()));
        assert_eq!(store.audit().unwrap().len(), before + 1);
    }
}

#[test]
fn a_write_failing_half_way_on_a_full_disk_is_whole_after_the_reopen_never_half() {
    let expected = whole();
    let (_dir, store) = fresh();
    let mut obs = observation(&store);
    mark(&store, &mut obs, Mark::Often).unwrap();
    crash::next_write_after(1, true);
    assert!(
        mark(&store, &mut obs, Mark::Sometimes).is_err_and(|e| matches!(e, StoreError::DiskFull))
    );
    // The failed write reopened the database, which completed the write from its journal.
    assert!(no_journal(&store));
    assert_eq!(contents(&store), expected);
    mark(&store, &mut obs, Mark::Often).unwrap();
    assert_eq!(store.check().unwrap(), Vec::new());
    assert_eq!(verify_chain(&store.audit().unwrap()), Ok(()));
}

#[test]
fn a_journal_is_gone_once_its_write_is_done_so_no_replay_undoes_a_later_change() {
    let (_dir, store) = fresh();
    let mut obs = observation(&store);
    mark(&store, &mut obs, Mark::Often).unwrap();
    assert!(no_journal(&store));
    // Written without the journal: the id counter (as after an import) and the schema version.
    let stored_next = |store: &Store| {
        let bytes = store.trees().unwrap().meta.get(head::NEXT_ID_KEY).unwrap();
        u64::from_be_bytes(bytes.unwrap().as_ref().try_into().unwrap())
    };
    let reserved = stored_next(&store) + 100;
    store.reserve_ids_through(reserved).unwrap();
    let store = reopened(store);
    assert_eq!(stored_next(&store), reserved + 1);
    assert!(store.new_observation_id().unwrap() > reserved);
    // And a later write through the journal over the same keys as an earlier one wins.
    mark(&store, &mut obs, Mark::Sometimes).unwrap();
    let store = reopened(store);
    let template = kdv();
    let item = template.items().next().unwrap().1.id.clone();
    let stored = store.observations_of(obs.child_id).unwrap().pop().unwrap();
    assert_eq!(stored.mark(&item), Some(Mark::Sometimes));
}

#[test]
fn an_unreadable_journal_is_refused_not_replayed_nor_dropped() {
    let (dir, store) = fresh();
    let path = dir.path().join("db");
    store
        .trees()
        .unwrap()
        .meta
        .insert(JOURNAL_KEY, &[99, 1, 2])
        .unwrap();
    store.close().unwrap();
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::Damaged(Damage::Unreadable { .. }))
    ));
    let db = sled::open(&path).unwrap();
    assert!(db
        .open_tree("meta")
        .unwrap()
        .get(JOURNAL_KEY)
        .unwrap()
        .is_some());
}
