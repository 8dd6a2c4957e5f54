//! Consistent reads while another handle writes: a snapshot as of one moment, for exports and
//! backups.
//!
//! sled's iterators are not snapshots: a scan that runs while the app writes can see one half of
//! a change (an observation's new mark without its audit entry, or the reverse). sled has no
//! snapshot of its own; copying the database first would cost its whole size in time and space;
//! holding writes off while an export runs would keep a key press waiting for seconds (the
//! budget is 50 ms). Instead, while a snapshot is open, [`Store::apply`](super::Store) (the one way anything
//! is written) first records, for every key it is about to change, the value that key had before
//! (once per key and snapshot: the first value recorded is the one at the snapshot's start). A
//! reader takes each key from the tree unless the log has it, in which case the logged value wins;
//! a key logged as absent (created since) is skipped, and a key removed since is put back from
//! the log in its place in key order. Memory is bounded by what changed while the snapshot was
//! open, which for a backup of a few seconds is a handful of records.
//!
//! One mutex covers the logs and is held by `apply` from recording the old values until its
//! transaction is done, so a snapshot begins between two changes, never inside one. Readers take
//! it only to look a key range up, never while they decode or write, so the app waits for at most
//! one such lookup; a write while a snapshot is open costs one extra read per key it changes.

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::sync::{Arc, Mutex, MutexGuard};

use sled::{IVec, Tree};

use super::writes::{Op, Table};
use super::Result;

/// A table's key as logged: the table first, so one table's keys are one range.
type LogKey = (u8, Vec<u8>);
/// Per key, the value it had when the snapshot began (`None`: it did not exist).
type UndoLog = BTreeMap<LogKey, Option<IVec>>;

/// The undo logs of the snapshots open on one database, shared by every clone of its [`Store`].
#[derive(Clone, Default)]
pub(super) struct Snapshots {
    inner: Arc<Mutex<Open>>,
}

#[derive(Default)]
struct Open {
    next: u64,
    logs: HashMap<u64, UndoLog>,
}

/// Held by a write from before it records the old values until its transaction is done.
pub(super) struct WriteCut<'a> {
    _held: MutexGuard<'a, Open>,
}

impl Snapshots {
    fn lock(&self) -> MutexGuard<'_, Open> {
        // A thread that panicked while holding the lock left the logs whole (every update is
        // one map insert), so the poison carries no meaning here.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Called by `apply` before its transaction: records the current value of every key `ops`
    /// change in each open snapshot's log that lacks it. `trees` are the store's trees in
    /// [`Table`] order. Keep the returned guard until the transaction is done.
    pub(super) fn before_write(&self, trees: &[&Tree], ops: &[Op]) -> Result<WriteCut<'_>> {
        let mut open = self.lock();
        if !open.logs.is_empty() {
            for op in ops {
                let key = (op.table as u8, op.key.clone());
                let mut before = None;
                for log in open.logs.values_mut() {
                    if !log.contains_key(&key) {
                        if before.is_none() {
                            before = Some(trees[op.table as usize].get(&op.key)?);
                        }
                        log.insert(key.clone(), before.clone().flatten());
                    }
                }
            }
        }
        Ok(WriteCut { _held: open })
    }

    /// Opens a snapshot as of now: until it is dropped, every write logs what it changes.
    pub(super) fn begin(&self) -> Snapshot {
        let mut open = self.lock();
        let id = open.next;
        open.next += 1;
        open.logs.insert(id, UndoLog::new());
        Snapshot {
            snapshots: self.clone(),
            id,
        }
    }
}

/// The database as it was when [`Snapshots::begin`] was called; closed when dropped.
pub(super) struct Snapshot {
    snapshots: Snapshots,
    id: u64,
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        self.snapshots.lock().logs.remove(&self.id);
    }
}

impl Snapshot {
    /// Every `(key, value)` of `tree` (which is `table`) as it was when the snapshot began, in
    /// key order.
    ///
    /// Each step seeks the next key (`get_gt`) rather than running one sled iterator: sled counts
    /// page accesses in 256 batches of 64 before its cache evicts anything, so an iterator, which
    /// touches each page once, keeps some 16,000 pages (130 MB for 10,500 children) in memory
    /// whatever the cache size; a seek per record touches each page once per record in it, and
    /// the pages are let go as the scan moves on (50 MB), at no measurable cost in time.
    pub(super) fn scan<'a>(&'a self, table: Table, tree: &Tree) -> Scan<'a> {
        Scan {
            snapshot: self,
            table: table as u8,
            tree: tree.clone(),
            after: None,
            ready: Vec::new(),
            done: false,
        }
    }

    /// The logged values of this snapshot's keys in `table` after `after` (or from the first)
    /// up to `upto` (or to the last), in key order.
    fn logged(
        &self,
        table: u8,
        after: Option<&[u8]>,
        upto: Option<&[u8]>,
    ) -> Vec<(Vec<u8>, Option<IVec>)> {
        let open = self.snapshots.lock();
        let Some(log) = open.logs.get(&self.id).filter(|log| !log.is_empty()) else {
            return Vec::new();
        };
        let start = match after {
            Some(key) => Bound::Excluded((table, key.to_vec())),
            None => Bound::Included((table, Vec::new())),
        };
        let end = match upto {
            Some(key) => Bound::Included((table, key.to_vec())),
            None => Bound::Excluded((table + 1, Vec::new())),
        };
        log.range((start, end))
            .map(|((_, key), value)| (key.clone(), value.clone()))
            .collect()
    }
}

/// An iterator over one table as of a snapshot's start; see [`Snapshot::scan`].
pub(super) struct Scan<'a> {
    snapshot: &'a Snapshot,
    table: u8,
    tree: Tree,
    /// The last key taken from the tree.
    after: Option<IVec>,
    /// Entries found and not handed out yet, the next one last.
    ready: Vec<(IVec, IVec)>,
    done: bool,
}

impl Iterator for Scan<'_> {
    type Item = Result<(IVec, IVec)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(entry) = self.ready.pop() {
                return Some(Ok(entry));
            }
            if self.done {
                return None;
            }
            let next = match &self.after {
                Some(after) => self.tree.get_gt(after),
                None => self.tree.first(),
            };
            let current = match next {
                Ok(current) => current,
                Err(e) => return Some(Err(e.into())),
            };
            let upto = current.as_ref().map(|(key, _)| key.as_ref());
            // Keys the tree skipped (removed since) and this key itself, as the log has them.
            let logged = self
                .snapshot
                .logged(self.table, self.after.as_deref(), upto);
            let this_logged = upto.is_some_and(|key| logged.last().is_some_and(|(k, _)| k == key));
            let mut found: Vec<(IVec, IVec)> = logged
                .into_iter()
                .filter_map(|(key, value)| Some((IVec::from(key), value?)))
                .collect();
            match current {
                Some((key, value)) => {
                    if !this_logged {
                        found.push((key.clone(), value));
                    }
                    self.after = Some(key);
                }
                None => self.done = true,
            }
            found.reverse();
            self.ready = found;
        }
    }
}
