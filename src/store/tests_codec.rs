//! The compact record codec and the 3 -> 4 migration to it (issue 16): the real sled database in a
//! temp dir, with the demo's records of every kind.

use serde::{de::DeserializeOwned, Serialize};
use sled::Tree;

use super::codec::{self, compress, is_compressed, record_json};
use super::tests::{fresh, sig};
use super::*;
use crate::domain::pin::{Pin, PinRecord};
use crate::domain::{
    form::FormTemplate, handover::Handover, plan::PlanTemplate, plan::Trajectory, visit::Visit,
    Contact, GroupKind, Observation,
};

/// A database with the demo's records, a stored contact card and a PIN: every tree with records
/// holds some.
fn demo() -> (tempfile::TempDir, Store) {
    let (dir, store) = fresh();
    let data = crate::demo::generate(&Default::default(), sig().at);
    store.import(&data).unwrap();
    let staff = store.staff().unwrap()[0].id;
    store
        .set_pin(staff, Some(&Pin::parse("4711").unwrap()), &sig())
        .unwrap();
    for tree in store.trees().unwrap().records() {
        assert!(!tree.is_empty(), "the demo fills every tree");
    }
    (dir, store)
}

/// Every record of `tree` decodes as a `T`, and encoding that `T` gives the stored bytes back:
/// nothing of the record is lost on the way through the codec.
fn round_trips<T: Serialize + DeserializeOwned>(tree: &Tree) {
    for item in tree.iter() {
        let (key, value) = item.unwrap();
        assert!(is_compressed(&value), "stored compressed");
        let record: T = codec::decode(&key, &value).unwrap();
        assert_eq!(codec::encode(&record), value.to_vec());
    }
}

/// Each tree's values as the JSON they hold, whichever codec they are in.
fn contents(store: &Store) -> Vec<Vec<(Vec<u8>, serde_json::Value)>> {
    let trees = store.trees().unwrap();
    let json = |value: &[u8]| serde_json::from_slice(&record_json(value).unwrap()).unwrap();
    trees
        .records()
        .iter()
        .map(|tree| {
            let items = tree.iter().map(|item| item.unwrap());
            items.map(|(k, v)| (k.to_vec(), json(&v))).collect()
        })
        .collect()
}

/// Turns `store` into what schema 3 wrote: every record plain JSON, in the trees given by
/// `plain`'s answer for their index, and the version 3.
fn as_schema_3(store: &Store, plain: impl Fn(usize, usize) -> bool) {
    let trees = store.trees().unwrap();
    for (t, tree) in trees.records().into_iter().enumerate() {
        for (i, item) in tree.iter().enumerate() {
            let (key, value) = item.unwrap();
            if plain(t, i) {
                tree.insert(key, record_json(&value).unwrap().to_vec())
                    .unwrap();
            }
        }
    }
    let version = 3u32.to_be_bytes();
    trees.meta.insert("schema_version", &version).unwrap();
    trees.db.flush().unwrap();
}

fn reopened(dir: &tempfile::TempDir, store: Store) -> Store {
    store.close().unwrap();
    Store::open(&dir.path().join("db")).unwrap()
}

#[test]
fn every_record_type_round_trips_compressed() {
    let (_dir, store) = demo();
    let trees = store.trees().unwrap();
    round_trips::<Group>(&trees.groups);
    round_trips::<Child>(&trees.children);
    round_trips::<Staff>(&trees.staff);
    round_trips::<AuditEntry>(&trees.audit);
    round_trips::<Observation>(&trees.observations);
    round_trips::<FormTemplate>(&trees.form_templates);
    round_trips::<Trajectory>(&trees.trajectories);
    round_trips::<PlanTemplate>(&trees.plan_templates);
    round_trips::<Contact>(&trees.contacts);
    round_trips::<PinRecord>(&trees.pins);
    round_trips::<Visit>(&trees.visits);
    round_trips::<Handover>(&trees.handovers);
}

#[test]
fn compressing_makes_the_observations_less_than_half_their_json() {
    let (_dir, store) = demo();
    let trees = store.trees().unwrap();
    let (stored, json) = trees.observations.iter().fold((0, 0), |(s, j), item| {
        let (_, value) = item.unwrap();
        (s + value.len(), j + record_json(&value).unwrap().len())
    });
    assert!(
        stored * 2 < json,
        "{stored} bytes stored for {json} of JSON"
    );
}

#[test]
fn a_record_stored_as_plain_json_still_reads() {
    let (_dir, store) = fresh();
    let group = store
        .add_group("Vlinders", GroupKind::Kdv, "", &sig())
        .unwrap();
    let trees = store.trees().unwrap();
    // As schema 3 wrote it, and without the fields added since (they take their defaults).
    let old = serde_json::json!({"id": group.id, "name": "Rupsen", "kind": "kdv", "location": ""});
    let key = codec::id_key(group.id);
    trees
        .groups
        .insert(key, serde_json::to_vec(&old).unwrap())
        .unwrap();
    assert_eq!(store.group(group.id).unwrap().unwrap().name, "Rupsen");
}

#[test]
fn a_damaged_compressed_record_is_reported_with_its_key() {
    let (_dir, store) = fresh();
    let group = store
        .add_group("Vlinders", GroupKind::Kdv, "", &sig())
        .unwrap();
    let key = codec::id_key(group.id);
    let trees = store.trees().unwrap();
    let stored = trees.groups.get(key).unwrap().unwrap().to_vec();
    let cut = stored[..stored.len() / 2].to_vec();
    // The JSON's length (after the tag byte) told too short, and past any record.
    let mut short = stored.clone();
    short[1..5].copy_from_slice(&2u32.to_le_bytes());
    let mut huge = stored;
    huge[1..5].copy_from_slice(&u32::MAX.to_le_bytes());
    for damaged in [cut, short, huge, compress(b"{\"id\": ")] {
        trees.groups.insert(key, damaged).unwrap();
        match store.group(group.id) {
            Err(StoreError::Damaged(Damage::Unreadable { key: named, .. })) => {
                assert_eq!(named, format!("{:016x}", group.id))
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn migrating_a_schema_3_database_compresses_every_record_as_it_was() {
    let (dir, store) = demo();
    let before = contents(&store);
    as_schema_3(&store, |_, _| true);
    let stored = |s: &Store| s.trees().unwrap().observations.first().unwrap().unwrap().1;
    assert!(!is_compressed(&stored(&store)), "plain JSON before");

    let store = reopened(&dir, store);
    assert_eq!(schema::read_version(&store).unwrap(), Some(schema::CURRENT));
    for tree in store.trees().unwrap().records() {
        assert!(tree.iter().all(|item| is_compressed(&item.unwrap().1)));
    }
    assert_eq!(contents(&store), before);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn a_migration_cut_off_halfway_reads_and_a_rerun_finishes_it() {
    let (dir, store) = demo();
    let before = contents(&store);
    // Cut off in the middle of the observations: the trees before them done, every other
    // observation done (as a batch would be), the trees after them not begun.
    let observations = 4;
    as_schema_3(&store, |t, i| {
        t > observations || (t == observations && i % 2 == 1)
    });
    assert_eq!(contents(&store), before, "both codecs read meanwhile");

    let store = reopened(&dir, store);
    for tree in store.trees().unwrap().records() {
        assert!(tree.iter().all(|item| is_compressed(&item.unwrap().1)));
    }
    assert_eq!(contents(&store), before);
    assert!(store.check().unwrap().is_empty());
}
