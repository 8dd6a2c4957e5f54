//! The open sled database behind a [`Store`], and reopening it after a failed write.
//!
//! When sled fails to write (a full disk, above all), it records the error globally and fails
//! every later write of that open database, even once there is room again; its cache may also
//! hold the change that did not reach the disk. Only a new open clears both. So a write that fails
//! on I/O marks the open database stale, and it is replaced by a fresh open of the same files:
//! at once when no other thread is using it, else as soon as the last one is done. Like the first
//! open, the fresh one first completes from its journal a write that stopped half-way
//! (`journal`), so no one reads half of it.
//!
//! Every clone of a `Store` shares one [`Live`] slot, so a reopen done through one handle serves
//! all of them. sled allows one open per database (a file lock held until its last handle is
//! dropped), so a reopen first closes the stale one: the slot holds the only lasting reference,
//! and each store method only borrows the trees (an `Arc`) for as long as it runs. A thread in
//! the middle of a long read (a backup) goes on with the stale handles, which still read; the
//! reopen waits for it, and writes meanwhile keep failing as before.
//!
//! While the disk is still full the reopen itself fails (sled writes a snapshot as it opens):
//! then every use, read or write, reports [`StoreError::DiskFull`](super::StoreError::DiskFull)
//! and tries again, rather than show a cache that may hold what was not saved. Tried for real on
//! a 3 MB tmpfs: writes fail, reads fail, and once a file is removed the next write succeeds.

use std::path::Path;
use std::sync::{Arc, RwLock};

use sled::Tree;

use super::{journal, leftovers, open::open_sled, Result, Store};

/// The sled database and its trees (see the module documentation of `store` for the layout).
pub(super) struct Trees {
    pub db: sled::Db,
    pub meta: Tree,
    pub groups: Tree,
    pub children: Tree,
    pub child_group: Tree,
    pub staff: Tree,
    pub audit: Tree,
    pub observations: Tree,
    pub form_templates: Tree,
    pub trajectories: Tree,
    pub plan_templates: Tree,
    pub contacts: Tree,
    pub pins: Tree,
    pub visits: Tree,
    /// child id -> Handover
    pub handovers: Tree,
    /// Derived: group id -> summary (`summary`)
    pub group_summary: Tree,
    /// Derived: child id -> day archived (`summary`)
    pub archived_on: Tree,
    /// Derived: child id -> its newest observation without its text (`summary`)
    pub newest_observation: Tree,
}

impl Trees {
    /// The trees of `db`, just opened, with a write a crash (or a failed write) interrupted
    /// completed from its journal first (`journal`), before anything reads them.
    pub fn open(db: sled::Db) -> Result<Trees> {
        let trees = Trees::new(db)?;
        journal::replay(&trees)?;
        Ok(trees)
    }

    fn new(db: sled::Db) -> Result<Trees> {
        let tree = |name: &str| db.open_tree(name);
        Ok(Trees {
            meta: tree("meta")?,
            groups: tree("groups")?,
            children: tree("children")?,
            child_group: tree("child_group")?,
            staff: tree("staff")?,
            audit: tree("audit")?,
            observations: tree("observations")?,
            form_templates: tree("form_templates")?,
            trajectories: tree("trajectories")?,
            plan_templates: tree("plan_templates")?,
            contacts: tree("contacts")?,
            pins: tree("pins")?,
            visits: tree("visits")?,
            handovers: tree("handovers")?,
            group_summary: tree("group_summary")?,
            archived_on: tree("archived_on")?,
            newest_observation: tree("newest_observation")?,
            db,
        })
    }

    /// The trees whose values are records in the codec (`codec::encode`): every tree but `meta`
    /// and `child_group`, whose values are raw numbers, and the derived trees of `summary`, which
    /// came after the codec (the 3 -> 4 step compresses what was there before).
    pub fn records(&self) -> [&Tree; 12] {
        let [groups, children, _child_group, staff, audit, observations, form_templates, trajectories, plan_templates, contacts, pins, visits, handovers, _group_summary, _archived_on, _newest_observation] =
            self.tables();
        [
            groups,
            children,
            staff,
            audit,
            observations,
            form_templates,
            trajectories,
            plan_templates,
            contacts,
            pins,
            visits,
            handovers,
        ]
    }
}

/// The slot all clones of a store share.
pub(super) struct Live {
    slot: RwLock<Slot>,
    /// Test hook: the number of coming writes to fail as if the disk were full.
    #[cfg(test)]
    pub fail_writes: std::sync::atomic::AtomicUsize,
}

struct Slot {
    /// `None` after a reopen failed (the disk still full, say): the next use tries again.
    trees: Option<Arc<Trees>>,
    /// A write failed on I/O: the trees are to be replaced by a fresh open.
    stale: bool,
}

impl Live {
    pub fn new(trees: Trees) -> Live {
        Live {
            slot: RwLock::new(Slot {
                trees: Some(Arc::new(trees)),
                stale: false,
            }),
            #[cfg(test)]
            fail_writes: Default::default(),
        }
    }
}

impl Store {
    /// The open trees, reopening the database first when a failed write left it stale (and no
    /// other thread still uses it). Fails only when that reopen fails.
    pub(super) fn trees(&self) -> Result<Arc<Trees>> {
        {
            let slot = self.live.slot.read().unwrap_or_else(|e| e.into_inner());
            if let (Some(trees), false) = (&slot.trees, slot.stale) {
                return Ok(trees.clone());
            }
        }
        let mut slot = self.live.slot.write().unwrap_or_else(|e| e.into_inner());
        if slot.stale {
            if let Some(trees) = slot.trees.take() {
                match Arc::try_unwrap(trees) {
                    // The last reference: dropping it closes sled and releases its lock.
                    Ok(trees) => drop(trees),
                    Err(in_use) => {
                        slot.trees = Some(in_use.clone());
                        return Ok(in_use);
                    }
                }
            }
            slot.stale = false;
        }
        match &slot.trees {
            Some(trees) => Ok(trees.clone()),
            None => {
                let trees = Arc::new(reopen(&self.path)?);
                slot.trees = Some(trees.clone());
                Ok(trees)
            }
        }
    }

    /// After a write failed on I/O: the open database is to be replaced, and is at once when
    /// nothing else uses it, so that reads show what is on disk and the next write can succeed.
    pub(super) fn reopen_after_failure(&self) {
        self.live
            .slot
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .stale = true;
        // A failure here (the disk still full) is retried at the next use.
        let _ = self.trees();
    }

    /// Test hook: the next `n` writes fail as if the disk were full (before reaching sled).
    #[cfg(test)]
    pub(crate) fn fail_next_writes(&self, n: usize) {
        use std::sync::atomic::Ordering;
        self.live.fail_writes.store(n, Ordering::SeqCst);
    }

    /// Test hook: takes one of the failures [`Store::fail_next_writes`] asked for.
    #[cfg(test)]
    pub(super) fn injected_failure(&self) -> Result<()> {
        use std::sync::atomic::Ordering;
        let take = |n: usize| n.checked_sub(1);
        match self
            .live
            .fail_writes
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, take)
        {
            Ok(_) => Err(sled::Error::Io(std::io::ErrorKind::StorageFull.into()).into()),
            Err(_) => Ok(()),
        }
    }
}

/// A second open of the database in the same process: the leftovers of a snapshot the failed
/// open may have begun are cleared first. No repair: the files were sound a moment ago.
fn reopen(dir: &Path) -> Result<Trees> {
    leftovers::clear(dir, leftovers::CLOSING)?;
    Trees::open(open_sled(dir)?)
}
