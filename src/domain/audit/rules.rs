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

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::SecondsFormat;

use super::AuditEntry;
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
const BULK_LOADS: [&str; 2] = ["demo.load", "import"];

/// The word of a bulk load's `detail` that gives the highest id it loaded, followed by the id.
pub const MAX_ID: &str = "max_id=";

/// The ids of the records the trail is the history of, per kind (`staff`, `group`, `child`,
/// `observation`, `trajectory`, `visit`, `contact`; pinned contact cards never edited, id 0,
/// left out).
#[derive(Debug, Default)]
pub struct Records {
    ids: HashMap<&'static str, BTreeSet<Id>>,
}

impl Records {
    /// Adds the ids of one kind (one of the names above).
    pub fn add(&mut self, kind: &'static str, ids: impl IntoIterator<Item = Id>) {
        debug_assert!(KINDS.contains(&kind), "unknown record kind {kind}");
        self.ids.entry(kind).or_default().extend(ids);
    }

    fn has(&self, kind: &str, id: Id) -> bool {
        self.ids.get(kind).is_some_and(|ids| ids.contains(&id))
    }
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
    format!(
        "audit entry {} ({} by {} at {}, target {})",
        position + 1,
        entry.action,
        entry.by,
        entry.at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
        entry.target
    )
}

/// Everything in `trail` that disagrees with `records`, one sentence each (see the module
/// documentation for the rules). The hash chain is checked apart, by [`super::ChainVerifier`].
pub fn trail_problems(trail: &[AuditEntry], records: &Records) -> Vec<String> {
    let mut problems = Vec::new();
    let mut named_ids: HashSet<(&str, Id)> = HashSet::new();
    // The last position at which a child was purged, or a contact removed; and of any purge.
    let mut removed: HashMap<(&str, Id), usize> = HashMap::new();
    let mut last_purge = None;
    for (position, entry) in trail.iter().enumerate() {
        let target = named(entry);
        match (entry.action.as_str(), target) {
            ("child.purge", Some(("child", id))) => {
                removed.insert(("child", id), position);
                last_purge = Some(position);
            }
            ("contact.remove", Some(("contact", id))) => {
                removed.insert(("contact", id), position);
            }
            _ => {}
        }
        if let Some(target) = target {
            named_ids.insert(target);
        }
    }
    for (position, entry) in trail.iter().enumerate() {
        let Some((kind, id)) = named(entry) else {
            continue;
        };
        if kind == "observation" || records.has(kind, id) {
            if matches!(entry.action.as_str(), "child.purge" | "contact.remove") {
                problems.push(format!(
                    "{} says {kind} {id} was removed, but it is still there",
                    describe(position, entry)
                ));
            }
            continue;
        }
        let removal = match kind {
            "child" | "contact" => removed.get(&(kind, id)).copied(),
            "trajectory" => last_purge,
            _ => None,
        };
        if removal.is_none_or(|removed_at| removed_at < position) {
            problems.push(format!(
                "{} names {kind} {id}, which does not exist and was not removed later",
                describe(position, entry)
            ));
        }
    }
    // The highest id each bulk load brought in (`None`: it does not say, so it covers all).
    let loads: Vec<Option<Id>> = trail
        .iter()
        .filter(|e| BULK_LOADS.contains(&e.action.as_str()))
        .map(loaded_through)
        .collect();
    let loaded = |id: Id| loads.iter().any(|max| max.is_none_or(|max| id <= max));
    let contacts_imported = trail.iter().any(|e| e.action == "contact.import");
    let unaccounted: Vec<(&str, Id)> = KINDS
        .into_iter()
        .filter(|kind| !(*kind == "contact" && contacts_imported))
        .flat_map(|kind| {
            records
                .ids
                .get(kind)
                .into_iter()
                .flatten()
                .map(move |id| (kind, *id))
        })
        .filter(|record| !named_ids.contains(record) && !loaded(record.1))
        .collect();
    if let Some((kind, id)) = unaccounted.first() {
        let trail_is = if trail.is_empty() {
            "the audit trail is empty".to_string()
        } else {
            format!("none of the {} audit entries names it", trail.len())
        };
        problems.push(format!(
            "{kind} {id} has no history: {trail_is}, and no demo.load or import entry accounts \
             for it ({} records like it); the audit trail was emptied or cut short",
            unaccounted.len()
        ));
    }
    problems
}
