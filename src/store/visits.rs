//! Coach visits. Like a trajectory, a visit is one record rewritten whole on every change (a
//! piece of advice, a follow-up, closing), with its audit entry in the same transaction.

use super::codec::{decode, encode, id_key, pair_key};
use super::writes::{Op, Table};
use super::{decode_all, decode_one, Result, Signature, Store, StoreError};
use crate::domain::visit::Visit;
use crate::domain::AuditAction;
use crate::domain::Id;

impl Store {
    /// A group's visits, newest first (ids grow with time).
    pub fn visits_of(&self, group_id: Id) -> Result<Vec<Visit>> {
        self.visits_newest_first(group_id).collect()
    }

    /// A group's visits, newest first, read one at a time: the groups list wants only the
    /// newest one or two of what may be years of visits.
    pub fn visits_newest_first(&self, group_id: Id) -> impl Iterator<Item = Result<Visit>> + '_ {
        let (entries, unreadable) = match self.trees() {
            Ok(trees) => (Some(trees.visits.scan_prefix(id_key(group_id)).rev()), None),
            Err(e) => (None, Some(Err(e))),
        };
        let visits = entries.into_iter().flatten().map(|entry| {
            let (key, value) = entry?;
            decode(&key, &value)
        });
        unreadable.into_iter().chain(visits)
    }

    /// Every visit of every group (for the export).
    pub fn visits(&self) -> Result<Vec<Visit>> {
        decode_all(&self.trees()?.visits)
    }

    pub fn new_visit_id(&self) -> Result<Id> {
        self.next_id()
    }

    /// Writes a visit after one change, with its audit entry (`visit.start`, `visit.advice`,
    /// `visit.follow_up`, `visit.edit`, `visit.remove`, `visit.close`; target `visit:ID`), flushed before this returns. A visit
    /// that was closed stays as it is, and a group has at most one open visit: both are refused.
    pub fn save_visit(&self, visit: &Visit, action: AuditAction, sig: &Signature) -> Result<()> {
        if self.group(visit.group_id)?.is_none() {
            return Err(StoreError::UnknownGroup(visit.group_id));
        }
        for child in visit.children() {
            self.child_exists(child)?;
        }
        let key = pair_key(visit.group_id, visit.id);
        let stored: Option<Visit> = decode_one(&self.trees()?.visits, &key)?;
        if stored.is_some_and(|v| !v.is_open()) {
            return Err(StoreError::VisitClosed(visit.id));
        }
        if visit.is_open() {
            let other = self.visits_of(visit.group_id)?;
            if let Some(other) = other.iter().find(|v| v.id != visit.id && v.is_open()) {
                return Err(StoreError::OpenVisitExists {
                    group: visit.group_id,
                    open: other.id,
                });
            }
        }
        let op = visit_op(visit);
        self.commit(vec![op], sig, action, format!("visit:{}", visit.id))
    }

    /// The visits that mention any of `children`, rewritten without their advice and follow-ups
    /// (for a purge: what was written about a child who left goes with the child, closed visit
    /// or not). All children at once, so that one visit is rewritten once.
    pub(super) fn visits_without(&self, children: &[Id]) -> Result<Vec<Op>> {
        let about = |child: Option<Id>| child.is_some_and(|c| children.contains(&c));
        let mut ops = Vec::new();
        for mut visit in self.visits()? {
            let before = visit.notes.len() + visit.follow_ups.len();
            visit.notes.retain(|a| !about(a.child_id));
            visit.follow_ups.retain(|f| !about(f.child_id));
            if visit.notes.len() + visit.follow_ups.len() != before {
                ops.push(visit_op(&visit));
            }
        }
        Ok(ops)
    }
}

pub(super) fn visit_op(visit: &Visit) -> Op {
    Op::put(
        Table::Visits,
        &pair_key(visit.group_id, visit.id),
        encode(visit),
    )
}
