//! Every change to the database: one transaction for the record and its audit entry, then a flush.

use chrono::{DateTime, FixedOffset, NaiveDate};
use sled::transaction::{ConflictableTransactionError, TransactionalTree};
use sled::Transactional;

use super::codec::{decode_id, encode, id_key, pair_key};
use super::live::Trees;
use super::{Named, Result, Store, StoreError};
use crate::domain::AuditAction;
use crate::domain::{clean_name, AuditEntry, Child, Group, GroupKind, Id};

/// Who makes a change and when; every write is signed with it.
#[derive(Debug, Clone)]
pub struct Signature {
    pub by: String,
    pub at: DateTime<FixedOffset>,
}

const NEXT_ID_KEY: &[u8] = b"next_id";

/// The trees a write can touch; the discriminant indexes [`Trees::tables`].
#[derive(Clone, Copy)]
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
    /// Derived (`summary`): written only by `summary::follow`, inside `apply`'s transaction.
    GroupSummary,
    /// Derived (`summary`), like [`Table::GroupSummary`].
    ArchivedOn,
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
    /// Hands out a fresh id. Ids are never reused; a crash between handing one out and using it
    /// only leaves a gap.
    pub(super) fn next_id(&self) -> Result<Id> {
        self.write(|trees| {
            let bumped = trees.meta.update_and_fetch(NEXT_ID_KEY, |old| {
                let current = old
                    .and_then(|b| b.try_into().ok())
                    .map(u64::from_be_bytes)
                    .unwrap_or(1);
                Some((current + 1).to_be_bytes().to_vec())
            })?;
            let next = bumped.map(|b| decode_id(&b)).transpose()?.unwrap_or(2);
            Ok(next - 1)
        })
    }

    /// Makes sure ids handed out later are above `id` (after an import).
    pub(super) fn reserve_ids_through(&self, id: Id) -> Result<()> {
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

    /// Applies `ops` and appends the audit entry in one transaction, then flushes.
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
    /// (after the last stored entry), in one transaction, then flushes: every writer of audit
    /// entries goes through here. Writes are serialised so that no two chain onto one entry.
    pub(super) fn append(&self, mut ops: Vec<Op>, entries: Vec<AuditEntry>) -> Result<()> {
        let _one_writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let mut previous = self.last_audit()?.map(|e| e.hash).unwrap_or_default();
        for mut entry in entries {
            previous = entry.seal(&previous).to_string();
            let key = id_key(self.next_id()?);
            ops.push(Op::put(Table::Audit, &key, encode(&entry)));
        }
        self.apply(&ops)
    }

    /// Applies `ops` in one transaction (all or nothing), then flushes: the one way anything is
    /// written.
    pub(super) fn apply(&self, ops: &[Op]) -> Result<()> {
        self.write(|trees| {
            #[cfg(test)]
            self.injected_failure()?;
            let tables = trees.tables();
            // What the changed keys held before, for exports running meanwhile (undo.rs).
            let cut = self.snapshots.before_write(&tables, ops)?;
            tables.as_slice().transaction(|trees| {
                for op in ops {
                    super::summary::follow(trees, &tables, op)?;
                    let tree: &TransactionalTree = &trees[op.table as usize];
                    match &op.value {
                        Some(value) => tree.insert(op.key.as_slice(), value.as_slice())?,
                        None => tree.remove(op.key.as_slice())?,
                    };
                }
                Ok::<(), ConflictableTransactionError<StoreError>>(())
            })?;
            drop(cut);
            self.changes
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            trees.db.flush()?;
            Ok(())
        })
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
    pub(super) fn tables(&self) -> [&sled::Tree; 15] {
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
