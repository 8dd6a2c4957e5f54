//! Every change to the database: the record and its audit entry written all or nothing (through
//! the journal, `journal.rs`), then a flush.

use std::sync::MutexGuard;

use super::codec::{encode, id_key, pair_key};
use super::head::{Head, NEXT_ID_KEY};
use super::journal::{self, Change};
use super::live::Trees;
use super::{Named, Result, Store, StoreError};
use crate::domain::AuditAction;
use crate::domain::{clean_name, AuditEntry, Child, Group, GroupKind, Id};
use chrono::{DateTime, FixedOffset, NaiveDate};

/// Who makes a change and when; every write is signed with it.
#[derive(Debug, Clone)]
pub struct Signature {
    pub by: String,
    pub at: DateTime<FixedOffset>,
}

/// How many [`Table`]s there are.
const TABLES: usize = 16;

/// The tables the lookup's directory is made of: a write to one moves
/// [`Store::directory_changes`].
const DIRECTORY: &[Table] = &[Table::Contacts, Table::Staff];
/// The tables the groups list is made of (its rows and the count past the retention term): a
/// write to one moves [`Store::overview_changes`].
const OVERVIEW: &[Table] = &[
    Table::Groups,
    Table::Children,
    Table::ChildGroup,
    Table::Staff,
    Table::Visits,
    Table::GroupSummary,
    Table::ArchivedOn,
];

/// The trees a write can touch; the discriminant indexes [`Trees::tables`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Table {
    Groups,
    Children,
    ChildGroup,
    Staff,
    Audit,
    Observations,
    FormTemplates,
    Trajectories,
    PlanTemplates,
    Contacts,
    Pins,
    Visits,
    Handovers,
    /// Derived (`summary`): written only with the write whose changes `summary::derived_ops`
    /// worked it out from, all or nothing.
    GroupSummary,
    /// Derived (`summary`), like [`Table::GroupSummary`].
    ArchivedOn,
    /// Derived (`summary`), like [`Table::GroupSummary`].
    NewestObservation,
}

/// One key to put (or, with `None`, to remove) in one table.
pub(super) struct Op {
    pub(super) table: Table,
    pub(super) key: Vec<u8>,
    value: Option<Vec<u8>>,
}

impl Op {
    pub(super) fn put(table: Table, key: &[u8], value: Vec<u8>) -> Op {
        Op {
            table,
            key: key.to_vec(),
            value: Some(value),
        }
    }
    pub(super) fn remove(table: Table, key: &[u8]) -> Op {
        Op {
            table,
            key: key.to_vec(),
            value: None,
        }
    }
    /// The value put, or `None` for a removal.
    pub(super) fn value(&self) -> Option<&[u8]> {
        self.value.as_deref()
    }
}

impl Store {
    /// The writer's head (see `head`), held by each write that hands out ids or appends to the
    /// audit trail.
    pub(super) fn head(&self) -> MutexGuard<'_, Head> {
        // A panic while holding it left at worst a hash to be read again: every change to the
        // head is one assignment after the write it describes.
        self.writer.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Hands out a fresh id. Ids are never reused: the counter is kept in memory, written to
    /// the database here (on disk with the next flush) and within every write of a record.
    pub(super) fn next_id(&self) -> Result<Id> {
        let mut head = self.head();
        self.write(|trees| {
            let id = head.take_id(trees)?;
            trees.meta.insert(NEXT_ID_KEY, &(id + 1).to_be_bytes())?;
            Ok(id)
        })
    }

    /// Makes sure ids handed out later are above `id` (after an import).
    pub(super) fn reserve_ids_through(&self, id: Id) -> Result<()> {
        let mut head = self.head();
        // Read again at the next use, as the larger of memory and this.
        head.forget();
        self.write(|trees| {
            trees.meta.update_and_fetch(NEXT_ID_KEY, |old| {
                let current = old
                    .and_then(|b| b.try_into().ok())
                    .map(u64::from_be_bytes)
                    .unwrap_or(1);
                Some(current.max(id + 1).to_be_bytes().to_vec())
            })?;
            Ok(())
        })
    }

    /// Applies `ops` and appends the audit entry, all or nothing, then flushes.
    pub(super) fn commit(
        &self,
        ops: Vec<Op>,
        sig: &Signature,
        action: AuditAction,
        target: String,
    ) -> Result<()> {
        let entry = AuditEntry::new(sig.at, &sig.by, action, target);
        self.append(ops, vec![entry])
    }

    /// Applies `ops` and appends `entries` to the audit trail, each sealed onto the hash chain
    /// (after the last stored entry) under a fresh id, all or nothing with the
    /// id counter, then flushes: every writer of audit entries goes through here. Writes are
    /// serialised (by the head's lock) so that no two chain onto one entry.
    pub(super) fn append(&self, mut ops: Vec<Op>, entries: Vec<AuditEntry>) -> Result<()> {
        let mut head = self.head();
        let mut next_id = None;
        let written = self.write(|trees| {
            let (mut id, mut previous) = head.current(trees)?;
            for mut entry in entries {
                previous = entry.seal(&previous).to_string();
                ops.push(Op::put(Table::Audit, &id_key(id), encode(&entry)));
                id += 1;
            }
            next_id = Some(id);
            self.transact(trees, &ops, Some(id))?;
            Ok(previous)
        });
        // The ids are used up either way; after a failure the trail's end is read again.
        let next_id = next_id.unwrap_or_default();
        let (last_hash, result) = match written {
            Ok(last_hash) => (Some(last_hash), Ok(())),
            Err(e) => (None, Err(e)),
        };
        head.advance(next_id, last_hash);
        result
    }

    /// Applies `ops` all or nothing, then flushes: the way anything but an
    /// audit entry of its own is written (pins, an import's batches, migrations).
    pub(super) fn apply(&self, ops: &[Op]) -> Result<()> {
        // Audit entries written other than by `append` (an import's): the head is to read the
        // trail's end again, and the write is kept apart from appends meanwhile.
        let mut head = ops
            .iter()
            .any(|op| matches!(op.table, Table::Audit))
            .then(|| self.head());
        let result = self.write(|trees| self.transact(trees, ops, None));
        if let Some(head) = head.as_mut() {
            head.forget();
        }
        result
    }

    /// The one way anything is written: `ops`, and with `next_id` the id counter, all or
    /// nothing through the journal (`journal`; sled's transactions each cost a synced log write
    /// of their own), then a flush.
    fn transact(&self, trees: &Trees, ops: &[Op], next_id: Option<Id>) -> Result<()> {
        #[cfg(test)]
        self.injected_failure()?;
        let tables = trees.tables();
        // What the changed keys held before, for exports running meanwhile (undo.rs); held
        // until the journal is removed, which keeps other writes out meanwhile.
        let cut = self.snapshots.before_write(&tables, ops)?;
        let derived = super::summary::derived_ops(&tables, ops)?;
        let next_id = next_id.map(Id::to_be_bytes);
        let counter = next_id.as_ref().map(|next_id| Change {
            tree: &trees.meta,
            key: NEXT_ID_KEY,
            value: Some(next_id.as_slice()),
        });
        let changes: Vec<Change> = counter
            .into_iter()
            .chain(ops.iter().chain(&derived).map(|op| Change {
                tree: tables[op.table as usize],
                key: &op.key,
                value: op.value.as_deref(),
            }))
            .collect();
        journal::write(trees, &changes, &cut)?;
        drop(cut);
        self.changes
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let counted = [
            (&self.directory_changes, DIRECTORY),
            (&self.overview_changes, OVERVIEW),
        ];
        for (count, tables) in counted {
            if ops
                .iter()
                .chain(&derived)
                .any(|op| tables.contains(&op.table))
            {
                count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
        }
        trees.db.flush()?;
        Ok(())
    }

    /// Runs a write on the open trees. One that fails on I/O (a full disk) leaves sled failing
    /// every later write, so the database is reopened for the next one (see `live`).
    fn write<T>(&self, write: impl FnOnce(&Trees) -> Result<T>) -> Result<T> {
        // The trees are released before a reopen, which needs them closed.
        let result = self.trees().and_then(|trees| write(&trees));
        if result.as_ref().is_err_and(StoreError::is_io) {
            self.reopen_after_failure();
        }
        result
    }

    pub fn add_group(
        &self,
        name: &str,
        kind: GroupKind,
        location: &str,
        sig: &Signature,
    ) -> Result<Group> {
        let group = Group {
            id: self.next_id()?,
            name: required(name, Named::Group)?,
            kind,
            location: location.trim().to_string(),
            archived: false,
            forms: Vec::new(),
        };
        self.save_group(&group, AuditAction::GroupAdd, sig)?;
        Ok(group)
    }

    /// Stores a changed group; `action` names the change in the audit trail.
    pub fn save_group(&self, group: &Group, action: AuditAction, sig: &Signature) -> Result<()> {
        required(&group.name, Named::Group)?;
        let op = Op::put(Table::Groups, &id_key(group.id), encode(group));
        self.commit(vec![op], sig, action, format!("group:{}", group.id))
    }

    pub fn add_child(
        &self,
        group_id: Id,
        first_name: &str,
        last_name: &str,
        birth_date: NaiveDate,
        sig: &Signature,
    ) -> Result<Child> {
        let child = Child::new(0, group_id, first_name, last_name, birth_date);
        self.insert_child(child, sig)
    }

    /// Stores `child` as a new child under a fresh id (its `id` is ignored), its names trimmed;
    /// the child as stored.
    pub fn insert_child(&self, child: Child, sig: &Signature) -> Result<Child> {
        let child = Child {
            id: self.next_id()?,
            first_name: required(&child.first_name, Named::Child)?,
            last_name: child.last_name.trim().to_string(),
            ..child
        };
        self.save_child(&child, AuditAction::ChildAdd, sig)?;
        Ok(child)
    }

    /// Stores a changed child, moving it between groups when its `group_id` changed.
    pub fn save_child(&self, child: &Child, action: AuditAction, sig: &Signature) -> Result<()> {
        required(&child.first_name, Named::Child)?;
        if self.group(child.group_id)?.is_none() {
            return Err(StoreError::UnknownGroup(child.group_id));
        }
        let mut ops = Vec::new();
        if let Some(old) = self.child(child.id)? {
            if old.group_id != child.group_id {
                ops.push(Op::remove(
                    Table::Children,
                    &pair_key(old.group_id, child.id),
                ));
            }
        }
        ops.extend(child_ops(child));
        self.commit(ops, sig, action, format!("child:{}", child.id))
    }
}

impl Trees {
    /// The trees in [`Table`] order.
    pub(super) fn tables(&self) -> [&sled::Tree; TABLES] {
        [
            &self.groups,
            &self.children,
            &self.child_group,
            &self.staff,
            &self.audit,
            &self.observations,
            &self.form_templates,
            &self.trajectories,
            &self.plan_templates,
            &self.contacts,
            &self.pins,
            &self.visits,
            &self.handovers,
            &self.group_summary,
            &self.archived_on,
            &self.newest_observation,
        ]
    }
}

/// A child's record under its group, and the index entry that finds its group by child id.
pub(super) fn child_ops(child: &Child) -> [Op; 2] {
    [
        Op::put(
            Table::Children,
            &pair_key(child.group_id, child.id),
            encode(child),
        ),
        Op::put(
            Table::ChildGroup,
            &id_key(child.id),
            id_key(child.group_id).to_vec(),
        ),
    ]
}

/// The cleaned name, or [`StoreError::NameRequired`] for a blank one.
pub(super) fn required(raw: &str, what: Named) -> Result<String> {
    clean_name(raw).ok_or(StoreError::NameRequired(what))
}
