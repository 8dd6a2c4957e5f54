//! The schema version and the steps that migrate an older database to the current one.
//!
//! Each step upgrades from version `n` to `n + 1` and runs before the app sees any data. Version 1
//! is the first layout. A step is added here, never by editing old ones.

use super::codec::{compress, decode, encode, is_compressed};
use super::{Damage, Result, Store, StoreError};
use crate::domain::AuditEntry;

pub const CURRENT: u32 = 6;
const VERSION_KEY: &[u8] = b"schema_version";

/// `MIGRATIONS[i]` upgrades a database from version `i + 1` to `i + 2`.
const MIGRATIONS: &[fn(&Store) -> Result<()>] = &[
    seal_audit_chain,
    consent_to_children,
    compress_records,
    summarise_groups,
    index_newest_observations,
];

/// How many audit entries [`seal_audit_chain`] rewrites in one batch: bounded memory on a large
/// trail.
const SEAL_BATCH: usize = 10_000;

/// 1 -> 2: the audit trail gets its hash chain ([`AuditEntry::hash`]), computed once over the
/// entries as they are, oldest first. A crash halfway is harmless: the version is written only
/// after this step, and a rerun computes the same hashes (the hash does not cover itself).
fn seal_audit_chain(store: &Store) -> Result<()> {
    let mut previous = String::new();
    let mut batch = sled::Batch::default();
    let mut pending = 0;
    let trees = store.trees()?;
    for item in trees.audit.iter() {
        let (key, value) = item?;
        let mut entry: AuditEntry = decode(&key, &value)?;
        previous = entry.seal(&previous).to_string();
        batch.insert(key, encode(&entry));
        pending += 1;
        if pending == SEAL_BATCH {
            trees.audit.apply_batch(std::mem::take(&mut batch))?;
            pending = 0;
        }
    }
    trees.audit.apply_batch(batch)?;
    trees.db.flush()?;
    Ok(())
}

/// 2 -> 3: the parents' consent moves from the trajectories onto their children
/// (`ChildConsent::adopt_from`: an answer the child has already wins), one child and its
/// trajectory per write. A rerun after a crash finds only what was not moved yet.
fn consent_to_children(store: &Store) -> Result<()> {
    let trajectories = store.trees()?.trajectories.iter();
    for item in trajectories {
        let (key, value) = item?;
        let mut trajectory: crate::domain::plan::Trajectory = decode(&key, &value)?;
        if trajectory.consent.is_empty() {
            continue;
        }
        let mut ops = Vec::new();
        if let Some(mut child) = store.child(trajectory.child_id)? {
            child.consent.adopt_from(&mut trajectory);
            ops.extend(super::writes::child_ops(&child));
        }
        trajectory.consent = Default::default();
        ops.push(super::plans::trajectory_op(&trajectory));
        store.apply(&ops)?;
    }
    store.trees()?.db.flush()?;
    Ok(())
}

/// How many records [`compress_records`] rewrites in one batch: a megabyte or so of JSON, so memory
/// stays bounded on a large database while the flushes stay few.
const COMPRESS_BATCH: usize = 1024;

/// 3 -> 4: every record is rewritten in the compact codec (`codec::compress`): its JSON exactly as
/// it was, compressed, so no record is reinterpreted on the way (one that does not read before
/// reports the same damage after). A batch is applied whole or not at all, and a value already
/// compressed is passed over, so a rerun after a crash finishes the job; meanwhile the database
/// reads, as `codec::decode` reads both codecs.
fn compress_records(store: &Store) -> Result<()> {
    let trees = store.trees()?;
    for tree in trees.records() {
        let mut batch = sled::Batch::default();
        let mut pending = 0;
        for item in tree.iter() {
            let (key, value) = item?;
            if is_compressed(&value) {
                continue;
            }
            batch.insert(key, compress(&value));
            pending += 1;
            if pending == COMPRESS_BATCH {
                tree.apply_batch(std::mem::take(&mut batch))?;
                pending = 0;
            }
        }
        tree.apply_batch(batch)?;
    }
    trees.db.flush()?;
    Ok(())
}

/// 4 -> 5: the derived data of `summary` (active children and visit dates per group, the day
/// each child was archived) is built from the records, once; from then on every write keeps it.
/// A rerun after a crash builds it again from the same records.
fn summarise_groups(store: &Store) -> Result<()> {
    store.rebuild_derived()?;
    Ok(())
}

/// 5 -> 6: `summary`'s third tree, each child's newest observation without its text, is built
/// from the records, once, like the 4 -> 5 step (a rebuild also checks the other two).
fn index_newest_observations(store: &Store) -> Result<()> {
    store.rebuild_derived()?;
    Ok(())
}

pub fn ensure_current(store: &Store) -> Result<()> {
    let found = read_version(store)?;
    match found {
        None => write_version(store, CURRENT),
        Some(v) if v > CURRENT => Err(StoreError::NewerSchema {
            found: v,
            supported: CURRENT,
        }),
        Some(v) => migrate(store, v),
    }
}

fn migrate(store: &Store, mut version: u32) -> Result<()> {
    while version < CURRENT {
        let step = MIGRATIONS
            .get(version as usize - 1)
            .ok_or_else(|| StoreError::Damaged(Damage::NoMigration(version)))?;
        step(store)?;
        version += 1;
        write_version(store, version)?;
    }
    Ok(())
}

pub fn read_version(store: &Store) -> Result<Option<u32>> {
    let Some(bytes) = store.trees()?.meta.get(VERSION_KEY)? else {
        return Ok(None);
    };
    let array: [u8; 4] = bytes
        .as_ref()
        .try_into()
        .map_err(|_| StoreError::Damaged(Damage::SchemaVersionLength(bytes.len())))?;
    Ok(Some(u32::from_be_bytes(array)))
}

fn write_version(store: &Store, version: u32) -> Result<()> {
    store
        .trees()?
        .meta
        .insert(VERSION_KEY, &version.to_be_bytes())?;
    store.trees()?.db.flush()?;
    Ok(())
}
