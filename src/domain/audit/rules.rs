//! What a trail must agree with besides its hash chain: the records it is the history of.
//!
//! The chain shows whether entries were changed, removed or inserted without recomputing the
//! hashes; these rules catch what the chain cannot: a trail emptied (or cut before the entries of
//! records that remain), and entries that speak of records that never were. They only use facts
//! that hold for every trail signaal writes:
//! - every record is created by a write that names it (`kind:ID`, or `kind:ID/part`), except the
//!   records a bulk load brings in: `demo.load` and `import` account for every record up to the
//!   highest id they loaded (ids are handed out in ascending order and never reused, and a load
//!   goes only into an empty database, so every later record has a higher id), and
//!   `contact.import` for contacts;
//! - groups, staff members and visits are never removed; a child only by a later `child.purge`
//!   naming it, a trajectory only by a later `child.purge` (of its child, whom the entry does not
//!   name), a contact only by a later `contact.remove` naming it. Observations are left out: one
//!   whose last mark is taken back goes without an entry of its own.

use std::collections::{BTreeMap, HashMap};

use super::{AuditAction, AuditEntry};
use crate::domain::Id;

/// The kinds of record a target can name, as written before the `:` of a target.
const KINDS: [&str; 7] = [
    "staff",
    "group",
    "child",
    "observation",
    "trajectory",
    "visit",
    "contact",
];

/// Actions that load many records at once and so account for every record they loaded: those
/// with an id up to the `max_id=N` word in their `detail` (every record when there is none).
const BULK_LOADS: [AuditAction; 2] = [AuditAction::DemoLoad, AuditAction::Import];

/// The word of a bulk load's `detail` that gives the highest id it loaded, followed by the id.
pub const MAX_ID: &str = "max_id=";

/// The ids of the records the trail is the history of, per kind (`staff`, `group`, `child`,
/// `observation`, `trajectory`, `visit`, `contact`; pinned contact cards never edited, id 0,
/// left out). Eight bytes and a flag a record, so that a streamed import can collect them.
#[derive(Debug, Default)]
pub struct Records {
    /// Per kind: id -> whether an entry has named it yet.
    ids: HashMap<&'static str, BTreeMap<Id, bool>>,
}

impl Records {
    /// Adds the ids of one kind (one of the names above).
    pub fn add(&mut self, kind: &'static str, ids: impl IntoIterator<Item = Id>) {
        debug_assert!(KINDS.contains(&kind), "unknown record kind {kind}");
        let known = self.ids.entry(kind).or_default();
        known.extend(ids.into_iter().map(|id| (id, false)));
    }

    /// The flag of a record that exists: whether an entry has named it.
    fn named_flag(&mut self, kind: &str, id: Id) -> Option<&mut bool> {
        self.ids.get_mut(kind)?.get_mut(&id)
    }
}

/// The rules of the module documentation, one entry at a time, oldest first: for a streamed
/// import as much as for a trail in memory ([`trail_problems`]). It keeps the records' ids and
/// the entries that still wait for a removal to explain them, never the whole trail.
#[derive(Debug)]
pub struct TrailCheck {
    records: Records,
    /// How many entries were pushed.
    pushed: usize,
    /// Records that do not exist yet were named, waiting for a later removal: the place and
    /// description of the last entry that named each.
    pending: HashMap<(&'static str, Id), (usize, String)>,
    /// The highest id each bulk load brought in (`None`: it does not say, so it covers all).
    loads: Vec<Option<Id>>,
    contacts_imported: bool,
    problems: Vec<String>,
}

impl TrailCheck {
    /// A check of the trail of `records`.
    pub fn new(records: Records) -> TrailCheck {
        TrailCheck {
            records,
            pushed: 0,
            pending: HashMap::new(),
            loads: Vec::new(),
            contacts_imported: false,
            problems: Vec::new(),
        }
    }

    /// Takes the next entry of the trail into account.
    pub fn push(&mut self, entry: &AuditEntry) {
        let position = self.pushed;
        self.pushed += 1;
        // An action this version does not know (from a newer signaal) loads and removes nothing.
        let action = AuditAction::parse(&entry.action);
        if action.is_some_and(|a| BULK_LOADS.contains(&a)) {
            self.loads.push(loaded_through(entry));
        }
        self.contacts_imported |= action == Some(AuditAction::ContactImport);
        if action == Some(AuditAction::ChildPurge) {
            // A purge takes the trajectories of its child, whom the entry does not name.
            self.pending.retain(|(kind, _), _| *kind != "trajectory");
        }
        let Some((kind, id)) = named(entry) else {
            return;
        };
        let removal = matches!(
            (action, kind),
            (Some(AuditAction::ChildPurge), "child")
                | (Some(AuditAction::ContactRemove), "contact")
        );
        if let Some(named) = self.records.named_flag(kind, id) {
            *named = true;
            if removal {
                self.problems.push(format!(
                    "{} says {kind} {id} was removed, but it is still there",
                    describe(position, entry)
                ));
            }
        } else if removal {
            self.pending.remove(&(kind, id));
        } else if kind != "observation" {
            self.pending
                .insert((kind, id), (position, describe(position, entry)));
        }
    }

    /// Every problem found, one sentence each: those seen entry by entry, the entries about
    /// records no later removal explains, and the first record that has no history.
    pub fn finish(mut self) -> Vec<String> {
        let mut waiting: Vec<_> = self.pending.into_iter().collect();
        waiting.sort_by_key(|(_, (position, _))| *position);
        for ((kind, id), (_, entry)) in waiting {
            self.problems.push(format!(
                "{entry} names {kind} {id}, which does not exist and was not removed later"
            ));
        }
        let loads = self.loads;
        let loaded = |id: Id| loads.iter().any(|max| max.is_none_or(|max| id <= max));
        let contacts_imported = self.contacts_imported;
        let records = &self.records.ids;
        let unaccounted: Vec<(&str, Id)> = KINDS
            .into_iter()
            .filter(|kind| !(*kind == "contact" && contacts_imported))
            .flat_map(|kind| {
                let ids = records.get(kind).into_iter().flatten();
                ids.filter(|(_, named)| !**named)
                    .map(move |(id, _)| (kind, *id))
            })
            .filter(|(_, id)| !loaded(*id))
            .collect();
        if let Some((kind, id)) = unaccounted.first() {
            let trail_is = if self.pushed == 0 {
                "the audit trail is empty".to_string()
            } else {
                format!("none of the {} audit entries names it", self.pushed)
            };
            self.problems.push(format!(
                "{kind} {id} has no history: {trail_is}, and no demo.load or import entry \
                 accounts for it ({} records like it); the audit trail was emptied or cut short",
                unaccounted.len()
            ));
        }
        self.problems
    }
}

/// Everything in `trail` that disagrees with `records`, one sentence each (see the module
/// documentation for the rules). The hash chain is checked apart, by [`super::ChainVerifier`].
pub fn trail_problems(trail: &[AuditEntry], records: Records) -> Vec<String> {
    let mut check = TrailCheck::new(records);
    trail.iter().for_each(|entry| check.push(entry));
    check.finish()
}

/// The record an entry's target names: `kind:ID` or `kind:ID/part`, kind one of [`KINDS`].
fn named(entry: &AuditEntry) -> Option<(&'static str, Id)> {
    let (kind, rest) = entry.target.split_once(':')?;
    let kind = KINDS.into_iter().find(|k| *k == kind)?;
    let id = rest.split('/').next()?.parse().ok()?;
    Some((kind, id))
}

/// The highest id a bulk load brought in, from the `max_id=N` word of its `detail`; `None` when
/// it has none (a `demo.load` from before the chain).
fn loaded_through(entry: &AuditEntry) -> Option<Id> {
    entry
        .detail
        .as_deref()?
        .split(' ')
        .find_map(|word| word.strip_prefix(MAX_ID)?.parse().ok())
}

/// How an entry is named in a message: its place (1 for the first) and what it says.
fn describe(position: usize, entry: &AuditEntry) -> String {
    format!("audit entry {} ({})", position + 1, entry.summary())
}
