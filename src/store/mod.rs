//! The only module that touches sled.
//!
//! Layout (one sled tree per record kind, keys big-endian so sled's byte order is numeric order;
//! each record is stored as its JSON, compressed: see `codec`):
//! - `meta`: `schema_version` and `next_id` (u64 BE)
//! - `groups`: group id -> Group
//! - `children`: group id ++ child id -> Child, so a group's children are one prefix scan
//! - `child_group`: child id -> group id, to find a child by id without a full scan
//! - `staff`: staff id -> Staff
//! - `audit`: entry id -> AuditEntry (append-only; each entry's `hash` chains it to the one before,
//!   see `domain::audit`, and is computed in the write that appends it)
//! - `observations`: child id ++ observation id -> Observation, so a child's observations are one
//!   prefix scan, oldest first
//! - `form_templates`: template id ++ 0 ++ version (u32 BE) -> FormTemplate: every template an
//!   observation was made with, and every template imported with `forms import`
//! - `trajectories`: child id ++ trajectory id -> Trajectory
//! - `plan_templates`: like `form_templates`, for the step plans trajectories were started with
//! - `contacts`: contact id -> Contact (the pinned cards only once edited)
//! - `pins`: staff id -> PinRecord (argon2 hash and wrong tries); never exported
//! - `visits`: group id ++ visit id -> Visit, so a group's visits are one prefix scan
//! - `group_summary`, `archived_on` and `newest_observation`: derived data (active children and
//!   visit dates per group, the day each child was archived, each child's newest observation
//!   without its text), written with every write that changes it and never exported; see
//!   `summary.rs`
//!
//! A purge (`purge.rs`) removes a child who left from `children`, `child_group`, `observations`
//! and `trajectories` for good; the audit keeps only ids, never what was removed.
//!
//! Every write is made all or nothing together with its audit entry (through a journal record,
//! `journal.rs`, rather than a sled transaction) and is flushed to disk before the method
//! returns, so whatever the screen shows as saved survives a `kill -9`.

pub mod baseline;
mod codec;
mod contacts;
mod error;
mod events;
mod guard;
mod handovers;
mod head;
mod import;
mod journal;
mod leftovers;
mod live;
mod observations;
mod open;
mod people;
mod plans;
mod purge;
mod recover;
mod schema;
mod snapshot;
mod summary;
mod undo;
mod visits;
mod writes;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use sled::Tree;

pub use codec::record_json;
pub use error::{is_full, Damage, Made, Named, StoreError};
pub use import::TrailChain;
pub use observations::TemplateAdded;
pub use open::{found_at, Found};
pub use people::PinTry;
pub use purge::Purged;
pub use recover::{beside, Recovered, MAX_LOSS};
pub use snapshot::ExportSummary;
pub use summary::{GroupSummary, VisitDates};
pub use writes::Signature;

use crate::domain::{AuditEntry, Child, Group, Id, Staff};
use codec::{decode, id_key};

pub type Result<T> = std::result::Result<T, StoreError>;

/// A handle on the database. Cloning is cheap and gives another handle on the same open
/// database, for a thread that reads while the app writes (backups). All clones share the open
/// sled database, so a reopen after a failed write (see `live`) serves every one of them.
#[derive(Clone)]
pub struct Store {
    path: PathBuf,
    live: Arc<live::Live>,
    recovered: Option<Recovered>,
    /// The undo logs of the exports running on any clone of this handle (undo.rs).
    snapshots: undo::Snapshots,
    /// The next id and the audit chain's last hash (`head`), held by each write that hands out
    /// ids or appends to the audit trail, from reading them until the write is stored (see
    /// `writes::append`).
    writer: Arc<Mutex<head::Head>>,
    /// How many writes this process has made (shared by the clones): automatic backups compare
    /// it to know whether anything changed.
    changes: Arc<std::sync::atomic::AtomicU64>,
    /// How many of those writes changed a contact card or a staff member: what the directory
    /// the lookup searches is made of (see [`Store::directory_changes`]).
    directory_changes: Arc<std::sync::atomic::AtomicU64>,
    /// Like `directory_changes`, for what the groups list is made of (see
    /// [`Store::overview_changes`]).
    overview_changes: Arc<std::sync::atomic::AtomicU64>,
}

/// The last handle on a database closes it; this process may open it again, and then waits for
/// sled's threads to let go of it (see `leftovers`).
impl Drop for Store {
    fn drop(&mut self) {
        if Arc::strong_count(&self.live) == 1 {
            leftovers::closed_here(&self.path);
        }
    }
}

impl Store {
    /// Opens (or creates) the database in `dir`. A database held by another running signaal gives
    /// [`StoreError::InUse`]; one written by a newer signaal gives [`StoreError::NewerSchema`].
    pub fn open(dir: &Path) -> Result<Store> {
        open::open(dir)
    }

    /// Closes the database and returns once it is really closed: sled's threads let go of its
    /// lock a moment after the last handle is dropped, so another process (or `Store::open`)
    /// that comes right after finds it free. Errors: another handle on it is still open in this
    /// process, or its lock stays held past a few seconds ([`StoreError::InUse`]).
    pub fn close(self) -> Result<()> {
        let path = self.path.clone();
        if Arc::strong_count(&self.live) > 1 {
            return Err(StoreError::InUse(path));
        }
        drop(self);
        leftovers::wait_closed(&path)
    }

    /// Waits until no one holds the lock of the database in `dir`, up to a few seconds: for a
    /// tool (or a test) that opened it with sled directly and dropped that handle, whose
    /// threads let go of the lock a moment later, before another process opens it. Errors:
    /// the lock is still held after that ([`StoreError::InUse`]).
    pub fn wait_released(dir: &Path) -> Result<()> {
        leftovers::wait_closed(dir)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A count that grows with every write through this store or its clones; equal counts mean
    /// nothing was written in between.
    pub fn changes(&self) -> u64 {
        self.changes.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// A count that grows with every write through this store or its clones that changes a
    /// contact card or a staff member, which is all [`Store::directory_with_leads`] reads: equal
    /// counts mean the directory is as it was (a mark leaves it alone).
    pub fn directory_changes(&self) -> u64 {
        self.directory_changes
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// A count that grows with every write through this store or its clones that changes a
    /// group, a child's record or group, a staff member (who sees which groups), a coach visit,
    /// or the tallies derived from them, which is all the groups list reads (its rows and the
    /// admin's count of children past the retention term): equal counts mean the list is as it
    /// was. An observation, a step or a contact leaves it alone.
    pub fn overview_changes(&self) -> u64 {
        self.overview_changes
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// What opening repaired, if anything: sled's files were damaged at the end of its log, the
    /// damaged ones were moved aside and at most the last write or few were lost. The user is to
    /// be told (commands on stderr, the TUI on its status line).
    pub fn recovered(&self) -> Option<&Recovered> {
        self.recovered.as_ref()
    }

    /// True when nothing has been stored yet: the first-run screen offers demo data then.
    /// A database that cannot be read at the moment (a reopen failed) counts as not empty.
    pub fn is_empty(&self) -> bool {
        self.trees().is_ok_and(|t| {
            t.groups.is_empty()
                && t.staff.is_empty()
                && t.children.is_empty()
                && t.observations.is_empty()
                && t.trajectories.is_empty()
                && t.contacts.is_empty()
                && t.visits.is_empty()
                && t.handovers.is_empty()
        })
    }

    pub fn groups(&self) -> Result<Vec<Group>> {
        decode_all(&self.trees()?.groups)
    }

    pub fn group(&self, id: Id) -> Result<Option<Group>> {
        decode_one(&self.trees()?.groups, &id_key(id))
    }

    /// A group's children (archived ones included; screens decide what to show), by a prefix scan.
    pub fn children_of(&self, group_id: Id) -> Result<Vec<Child>> {
        decode_under(&self.trees()?.children, group_id)
    }

    pub fn child(&self, id: Id) -> Result<Option<Child>> {
        let Some(group) = self.trees()?.child_group.get(id_key(id))? else {
            return Ok(None);
        };
        let group_id = codec::decode_id(&group)?;
        decode_one(&self.trees()?.children, &codec::pair_key(group_id, id))
    }

    pub fn staff(&self) -> Result<Vec<Staff>> {
        decode_all(&self.trees()?.staff)
    }

    /// The staff member with `id`, if there is one (a child's mentor).
    pub fn staff_member(&self, id: Id) -> Result<Option<Staff>> {
        decode_one(&self.trees()?.staff, &id_key(id))
    }

    pub fn audit(&self) -> Result<Vec<AuditEntry>> {
        self.audit_entries()?.collect()
    }

    /// The audit trail's newest entry (the database's last change), if any.
    pub fn last_audit(&self) -> Result<Option<AuditEntry>> {
        let last = self.trees()?.audit.last()?;
        last.map(|(key, value)| decode(&key, &value)).transpose()
    }

    /// The audit trail, oldest first, decoded one entry at a time as it is iterated: memory
    /// holds one entry whatever the trail's length. Entries appended while it is iterated may or
    /// may not be seen. Errors: an entry that cannot be read or decoded.
    pub fn audit_entries(&self) -> Result<impl Iterator<Item = Result<AuditEntry>>> {
        Ok(self.trees()?.audit.iter().map(|entry| {
            let (key, value) = entry?;
            decode(&key, &value)
        }))
    }
}

fn decode_all<T: serde::de::DeserializeOwned>(tree: &Tree) -> Result<Vec<T>> {
    tree.iter()
        .map(|entry| {
            let (key, value) = entry?;
            decode(&key, &value)
        })
        .collect()
}

/// The records keyed `parent ++ id` under one parent, in id order.
fn decode_under<T: serde::de::DeserializeOwned>(tree: &Tree, parent: Id) -> Result<Vec<T>> {
    tree.scan_prefix(id_key(parent))
        .map(|entry| {
            let (key, value) = entry?;
            decode(&key, &value)
        })
        .collect()
}

fn decode_one<T: serde::de::DeserializeOwned>(tree: &Tree, key: &[u8]) -> Result<Option<T>> {
    tree.get(key)?.map(|value| decode(key, &value)).transpose()
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_audit;
#[cfg(test)]
mod tests_codec;
#[cfg(test)]
mod tests_contacts;
#[cfg(test)]
mod tests_damage;
#[cfg(test)]
mod tests_handovers;
#[cfg(test)]
mod tests_head;
#[cfg(test)]
mod tests_journal;
#[cfg(test)]
mod tests_observations;
#[cfg(test)]
mod tests_place;
#[cfg(test)]
mod tests_plans;
#[cfg(test)]
mod tests_snapshot;
#[cfg(test)]
mod tests_summary;
#[cfg(test)]
mod tests_visits;
