//! Derived data kept beside the records, so that the groups list reads one key per group instead
//! of decoding every child and visit, and the retention count reads a small index instead of the
//! whole audit trail:
//! - `group_summary`: group id -> [`Stored`], the number of its children that are not archived
//!   and the newest visit and the newest visit that agreed a next one (a group with none of these
//!   has no entry);
//! - `archived_on`: child id -> the day of the child's last `child.archive` audit entry not
//!   undone by a later `child.restore` or `child.purge` (what the retention term counts from);
//! - `newest_observation`: child id -> the child's newest observation (the highest key under
//!   the child in `observations`) without its text ([`Observation::without_text`]), so that a
//!   group's children list reads one small key per child instead of walking back through a
//!   large tree (a child without observations has no entry).
//!
//! It is derived only: never exported, never imported. [`derived_ops`] keeps it exact: the one
//! way anything is written (`Store::transact`) works out the derived changes of a write before
//! it is made and writes them with it, all or nothing, an import's included. The 4 -> 5
//! migration builds it for an older database (the 5 -> 6 one adds `newest_observation` the same
//! way), and `check` compares it with a rebuild from the records ([`Store::derived_problems`]);
//! `signaal check` then rebuilds it ([`Store::rebuild_derived`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Bound;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sled::Tree;

use super::codec::{decode, decode_id, encode, id_key};
use super::writes::{Op, Table};
use super::{Result, Store};
use crate::domain::visit::Visit;
use crate::domain::{AuditAction, AuditEntry, Child, Id, Observation};
use crate::export::Inconsistency;

/// When the coach last came to a group, and when next.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VisitDates {
    /// The date of the newest visit (the highest id), open or closed.
    pub last: Option<NaiveDate>,
    /// The next visit agreed when the newest closed visit was closed.
    pub next: Option<NaiveDate>,
}

/// What the groups list shows of a group besides its own record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GroupSummary {
    /// Its children that are not archived.
    pub active_children: usize,
    pub visits: VisitDates,
}

/// One group's entry in `group_summary`, as stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Stored {
    active: u64,
    #[serde(default)]
    last: Option<Seen>,
    #[serde(default)]
    next: Option<Seen>,
}

/// A visit's id with a date of it: the id tells which visit is newer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Seen {
    visit: Id,
    date: NaiveDate,
}

impl Stored {
    /// Takes in `visit` as stored now. False when that cannot be done from this entry alone:
    /// the visit that agreed the next visit no longer agrees one (then the one before it must be
    /// looked up). Visits are newest by id, so an older visit changes nothing.
    fn saw(&mut self, visit: &Visit) -> bool {
        let seen = |date| {
            Some(Seen {
                visit: visit.id,
                date,
            })
        };
        if self.last.is_none_or(|l| visit.id >= l.visit) {
            self.last = seen(visit.date);
        }
        match visit.next_visit {
            Some(next) if self.next.is_none_or(|n| visit.id >= n.visit) => self.next = seen(next),
            None if self.next.is_some_and(|n| n.visit == visit.id) => return false,
            _ => {}
        }
        true
    }

    /// Whether taking `removed` out needs the visits before it looked up.
    fn names(&self, removed: Id) -> bool {
        self.last.is_some_and(|l| l.visit == removed)
            || self.next.is_some_and(|n| n.visit == removed)
    }
}

/// The derived data, in memory: as stored, or as the records say it should be.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Derived {
    groups: BTreeMap<Id, Stored>,
    archived: BTreeMap<Id, NaiveDate>,
    newest: BTreeMap<Id, Observation>,
    /// The groups and children whose stored entry cannot be read (never in a rebuild): derived
    /// data is rebuilt, not restored, so such an entry is one more difference to mend.
    unreadable_groups: BTreeSet<Id>,
    unreadable_children: BTreeSet<Id>,
    unreadable_newest: BTreeSet<Id>,
    /// The derived trees holding a key that is not an id.
    bad_keys: BTreeSet<&'static str>,
}

/// The records a write reads and the derived entries it changes, as they stand part-way through
/// the write: its earlier changes over what the trees hold.
struct View<'a> {
    trees: &'a [&'a Tree],
    pending: BTreeMap<(usize, Vec<u8>), Option<Vec<u8>>>,
}

impl View<'_> {
    fn get(&self, table: Table, key: &[u8]) -> Result<Option<Vec<u8>>> {
        match self.pending.get(&(table as usize, key.to_vec())) {
            Some(value) => Ok(value.clone()),
            None => Ok(self.trees[table as usize].get(key)?.map(|v| v.to_vec())),
        }
    }

    fn set(&mut self, table: Table, key: &[u8], value: Option<Vec<u8>>) {
        self.pending.insert((table as usize, key.to_vec()), value);
    }

    fn read_group(&self, group: Id) -> Result<Stored> {
        let key = id_key(group);
        match self.get(Table::GroupSummary, &key)? {
            Some(bytes) => decode(&key, &bytes),
            None => Ok(Stored::default()),
        }
    }

    /// The record with the highest key under `prefix` in `table`, with its value: the write's
    /// own changes over the committed tree.
    fn last_under(&self, table: Table, prefix: &[u8]) -> Result<Option<(Vec<u8>, Vec<u8>)>> {
        let t = table as usize;
        let pending = self
            .pending
            .range((t, prefix.to_vec())..)
            .take_while(|((pt, key), _)| *pt == t && key.starts_with(prefix))
            .filter_map(|((_, key), value)| Some((key.clone(), value.clone()?)))
            .last();
        // Most often nothing committed lies above the write's own newest (a mark on a child's
        // newest observation, a new one): a step forward says so, cheaper in sled than a walk
        // back from the prefix's end, which looks the key up from the root again.
        if let Some((newest, _)) = &pending {
            let above = (Bound::Excluded(newest.as_slice()), Bound::Unbounded);
            let next = self.trees[t].range::<&[u8], _>(above).keys().next();
            if !next.transpose()?.is_some_and(|key| key.starts_with(prefix)) {
                return Ok(pending);
            }
        }
        let mut committed = None;
        for entry in self.trees[t].scan_prefix(prefix).rev() {
            let (key, value) = entry?;
            if !self.pending.contains_key(&(t, key.to_vec())) {
                committed = Some((key.to_vec(), value.to_vec()));
                break;
            }
        }
        Ok(match (pending, committed) {
            (Some(p), Some(c)) => Some(if p.0 > c.0 { p } else { c }),
            (p, c) => p.or(c),
        })
    }

    /// Stores `stored` for `group`; an entry that says nothing is removed, as a rebuild has none.
    fn write_group(&mut self, group: Id, stored: &Stored) {
        let value = (*stored != Stored::default()).then(|| encode(stored));
        self.set(Table::GroupSummary, &id_key(group), value);
    }
}

/// The changes to the derived trees that `ops` make, worked out before they are written, so that
/// they are written with them, all or nothing (`Store::transact`). `trees` are the store's trees
/// in [`Table`] order; each op is followed with the ops before it in the same write applied (a
/// child added and then archived in one write counts once). The caller keeps other writes out
/// meanwhile.
pub(super) fn derived_ops(trees: &[&Tree], ops: &[Op]) -> Result<Vec<Op>> {
    let mut view = View {
        trees,
        pending: BTreeMap::new(),
    };
    let mut observed = BTreeSet::new();
    for op in ops {
        follow(&mut view, trees[Table::Visits as usize], op)?;
        if op.table == Table::Observations {
            observed.extend(parent(&op.key));
        }
        if matches!(
            op.table,
            Table::Children | Table::Visits | Table::Observations
        ) {
            view.set(op.table, &op.key, op.value().map(<[u8]>::to_vec));
        }
    }
    // Once per child whose observations the write changes (an import writes dozens of one
    // child's), after all of them: its newest as the write leaves it.
    for child in observed {
        let key = id_key(child);
        let newest = match view.last_under(Table::Observations, &key)? {
            Some((at, bytes)) => Some(newest_entry(&at, &bytes)?),
            None => None,
        };
        if view.get(Table::NewestObservation, &key)? != newest {
            view.set(Table::NewestObservation, &key, newest);
        }
    }
    let derived = view
        .pending
        .into_iter()
        .filter_map(|((table, key), value)| {
            let table = match table {
                t if t == Table::GroupSummary as usize => Table::GroupSummary,
                t if t == Table::ArchivedOn as usize => Table::ArchivedOn,
                t if t == Table::NewestObservation as usize => Table::NewestObservation,
                _ => return None,
            };
            Some(match value {
                Some(value) => Op::put(table, &key, value),
                None => Op::remove(table, &key),
            })
        });
    Ok(derived.collect())
}

/// Keeps the derived entries in `view` in step with `op`, before `op` is applied (the record's
/// old value is read from `view`). `visits` is the visits tree as committed.
fn follow(view: &mut View, visits: &Tree, op: &Op) -> Result<()> {
    match op.table {
        Table::Children => {
            let Some(group) = parent(&op.key) else {
                return Ok(());
            };
            let old = view.get(Table::Children, &op.key)?;
            let active = |bytes: Option<&[u8]>| -> Result<u64> {
                match bytes {
                    Some(bytes) => Ok(u64::from(!decode::<Child>(&op.key, bytes)?.archived)),
                    None => Ok(0),
                }
            };
            let (was, is) = (active(old.as_deref())?, active(op.value())?);
            if was != is {
                let mut stored = view.read_group(group)?;
                stored.active = (stored.active + is).saturating_sub(was);
                view.write_group(group, &stored);
            }
        }
        Table::Visits => {
            let Some(group) = parent(&op.key) else {
                return Ok(());
            };
            let visit = op
                .value()
                .map(|bytes| decode::<Visit>(&op.key, bytes))
                .transpose()?;
            let changed = decode_id(&op.key[8..])?;
            let mut stored = view.read_group(group)?;
            let followed = match &visit {
                Some(visit) => stored.saw(visit),
                None => !stored.names(changed),
            };
            if !followed {
                // Not reachable through the store's writes (a visit that agreed a next visit is
                // closed and never changes; visits are never removed one by one), but exact all
                // the same: the group's other visits, as committed, decide.
                let fresh = visits_without(visits, group, changed)?;
                stored.last = fresh.last;
                stored.next = fresh.next;
                if let Some(visit) = &visit {
                    stored.saw(visit);
                }
            }
            view.write_group(group, &stored);
        }
        Table::Audit => {
            let Some(bytes) = op.value() else {
                return Ok(());
            };
            let entry: AuditEntry = decode(&op.key, bytes)?;
            match archive_change(&entry) {
                Some((child, Some(day))) => {
                    view.set(Table::ArchivedOn, &id_key(child), Some(encode(&day)))
                }
                Some((child, None)) => view.set(Table::ArchivedOn, &id_key(child), None),
                None => {}
            }
        }
        _ => {}
    }
    Ok(())
}

/// The `newest_observation` entry for the observation stored at `key` as `bytes`.
fn newest_entry(key: &[u8], bytes: &[u8]) -> Result<Vec<u8>> {
    Ok(encode(&decode::<Observation>(key, bytes)?.without_text()))
}

/// The parent id a `parent ++ id` key starts with; `None` for a key of another shape.
fn parent(key: &[u8]) -> Option<Id> {
    (key.len() == 16)
        .then(|| decode_id(&key[..8]).ok())
        .flatten()
}

/// The visit part of a group's entry from its committed visits, all but `left_out`.
fn visits_without(visits: &Tree, group: Id, left_out: Id) -> Result<Stored> {
    let mut stored = Stored::default();
    for entry in visits.scan_prefix(id_key(group)) {
        let (key, value) = entry?;
        let visit: Visit = decode(&key, &value)?;
        if visit.id != left_out {
            stored.saw(&visit);
        }
    }
    Ok(stored)
}

/// What an audit entry changes in `archived_on`: the child, and its archive day (`None`: no
/// longer archived, or purged). `None` for any other entry.
fn archive_change(entry: &AuditEntry) -> Option<(Id, Option<NaiveDate>)> {
    let child = entry.target.strip_prefix("child:")?.parse::<Id>().ok()?;
    match AuditAction::parse(&entry.action)? {
        AuditAction::ChildArchive => Some((child, Some(entry.at.date_naive()))),
        AuditAction::ChildRestore | AuditAction::ChildPurge => Some((child, None)),
        _ => None,
    }
}

impl Store {
    /// A group's count of active children and its visit dates, read from one key (derived data,
    /// see `store::summary`). A group without children or visits, or no group at all, has the
    /// default. An entry that cannot be decoded is worked out from the group's children and
    /// visits instead (`signaal check` rebuilds it). Errors: the tree or those records cannot be
    /// read.
    pub fn group_summary(&self, group: Id) -> Result<GroupSummary> {
        let key = id_key(group);
        let stored: Stored = match self.trees()?.group_summary.get(key)? {
            Some(bytes) => match decode(&key, &bytes) {
                Ok(stored) => stored,
                Err(_) => self.group_from_records(group)?,
            },
            None => Stored::default(),
        };
        Ok(GroupSummary {
            active_children: usize::try_from(stored.active).unwrap_or(usize::MAX),
            visits: VisitDates {
                last: stored.last.map(|s| s.date),
                next: stored.next.map(|s| s.date),
            },
        })
    }

    /// The day each child was archived, for every child whose last `child.archive` entry in the
    /// audit trail is not followed by a `child.restore` (or a `child.purge`). A child archived
    /// without such an entry (imported archived, say) is not in the map: it left at an unknown
    /// time. Read from the derived index, not the trail; an entry that cannot be read is left
    /// out (its child is not taken for past the retention term; `signaal check` rebuilds it).
    pub fn archive_dates(&self) -> Result<HashMap<Id, NaiveDate>> {
        let mut dates = HashMap::new();
        for entry in self.trees()?.archived_on.iter() {
            let (key, value) = entry?;
            if let (Ok(child), Ok(day)) = (decode_id(&key), decode(&key, &value)) {
                dates.insert(child, day);
            }
        }
        Ok(dates)
    }

    /// One group's entry as its records say it should be: its children and visits decoded.
    fn group_from_records(&self, group: Id) -> Result<Stored> {
        // Ids start at 1, so leaving out 0 leaves out none.
        let mut stored = visits_without(&self.trees()?.visits, group, 0)?;
        let children = self.children_of(group)?;
        stored.active = children.iter().filter(|c| !c.archived).count() as u64;
        Ok(stored)
    }

    /// The derived data as the records say it should be: every child, visit and audit entry
    /// decoded once. Errors: a record that cannot be read.
    pub(super) fn derived_from_records(&self) -> Result<Derived> {
        let trees = self.trees()?;
        let mut derived = Derived::default();
        for entry in trees.children.iter() {
            let (key, value) = entry?;
            let child: Child = decode(&key, &value)?;
            if let (false, Some(group)) = (child.archived, parent(&key)) {
                derived.groups.entry(group).or_default().active += 1;
            }
        }
        for entry in trees.visits.iter() {
            let (key, value) = entry?;
            if let Some(group) = parent(&key) {
                derived
                    .groups
                    .entry(group)
                    .or_default()
                    .saw(&decode(&key, &value)?);
            }
        }
        for entry in self.audit_entries()? {
            match archive_change(&entry?) {
                Some((child, Some(day))) => drop(derived.archived.insert(child, day)),
                Some((child, None)) => drop(derived.archived.remove(&child)),
                None => {}
            }
        }
        // In key order: each child's last one is its newest, the only one decoded.
        let mut last: BTreeMap<Id, (sled::IVec, sled::IVec)> = BTreeMap::new();
        for entry in trees.observations.iter() {
            let (key, value) = entry?;
            if let Some(child) = parent(&key) {
                last.insert(child, (key, value));
            }
        }
        for (child, (key, value)) in last {
            let observation: Observation = decode(&key, &value)?;
            derived.newest.insert(child, observation.without_text());
        }
        Ok(derived)
    }

    /// The derived data as stored.
    pub(super) fn derived_stored(&self) -> Result<Derived> {
        let trees = self.trees()?;
        let mut derived = Derived::default();
        let d = &mut derived;
        let bad = &mut d.bad_keys;
        read_entries(
            &trees.group_summary,
            &mut d.groups,
            &mut d.unreadable_groups,
            bad,
        )?;
        read_entries(
            &trees.archived_on,
            &mut d.archived,
            &mut d.unreadable_children,
            bad,
        )?;
        let newest = &trees.newest_observation;
        read_entries(newest, &mut d.newest, &mut d.unreadable_newest, bad)?;
        Ok(derived)
    }

    /// Where the derived data differs from a rebuild from the records: one problem per group
    /// and per child. Errors: a record or entry that cannot be read.
    pub(super) fn derived_problems(&self) -> Result<Vec<Inconsistency>> {
        let (stored, rebuilt) = (self.derived_stored()?, self.derived_from_records()?);
        let mut groups: BTreeSet<Id> = differing(&stored.groups, &rebuilt.groups).collect();
        groups.extend(&stored.unreadable_groups);
        let mut children: BTreeSet<Id> = differing(&stored.archived, &rebuilt.archived).collect();
        children.extend(&stored.unreadable_children);
        let mut newest: BTreeSet<Id> = differing(&stored.newest, &rebuilt.newest).collect();
        newest.extend(&stored.unreadable_newest);
        let bad_keys = stored.bad_keys.iter().copied();
        Ok(groups
            .into_iter()
            .map(Inconsistency::GroupSummaryDiffers)
            .chain(children.into_iter().map(Inconsistency::ArchiveDateDiffers))
            .chain(
                newest
                    .into_iter()
                    .map(Inconsistency::NewestObservationDiffers),
            )
            .chain(bad_keys.map(|tree| Inconsistency::DerivedKeyUnreadable { tree }))
            .collect())
    }

    /// Rebuilds the derived data (group summaries, archive days and newest observations) from
    /// the records when it differs from them; true when it did. Written straight to its trees,
    /// without an audit entry: it holds nothing the records do not. For `signaal check` and the
    /// 4 -> 5 and 5 -> 6 migrations, on a database no one else is writing. Errors: a record that cannot be read,
    /// or a failed write.
    pub fn rebuild_derived(&self) -> Result<bool> {
        let rebuilt = self.derived_from_records()?;
        if self.derived_stored()? == rebuilt {
            return Ok(false);
        }
        let trees = self.trees()?;
        let mut groups = sled::Batch::default();
        for key in trees.group_summary.iter().keys() {
            groups.remove(key?);
        }
        for (group, stored) in &rebuilt.groups {
            groups.insert(&id_key(*group), encode(stored));
        }
        let mut archived = sled::Batch::default();
        for key in trees.archived_on.iter().keys() {
            archived.remove(key?);
        }
        for (child, day) in &rebuilt.archived {
            archived.insert(&id_key(*child), encode(day));
        }
        let mut newest = sled::Batch::default();
        for key in trees.newest_observation.iter().keys() {
            newest.remove(key?);
        }
        for (child, observation) in &rebuilt.newest {
            newest.insert(&id_key(*child), encode(observation));
        }
        trees.group_summary.apply_batch(groups)?;
        trees.archived_on.apply_batch(archived)?;
        trees.newest_observation.apply_batch(newest)?;
        trees.db.flush()?;
        Ok(true)
    }
}

/// Every entry of the derived `tree` (id -> value) into `read`, or its id into `unreadable`
/// when its value cannot be decoded, or the tree's name into `bad_keys` for a key that is not
/// an id. Errors: the tree cannot be read.
fn read_entries<V: serde::de::DeserializeOwned>(
    tree: &Tree,
    read: &mut BTreeMap<Id, V>,
    unreadable: &mut BTreeSet<Id>,
    bad_keys: &mut BTreeSet<&'static str>,
) -> Result<()> {
    for entry in tree.iter() {
        let (key, value) = entry?;
        let Ok(id) = decode_id(&key) else {
            bad_keys.insert(tree_name(tree));
            continue;
        };
        match decode(&key, &value) {
            Ok(value) => drop(read.insert(id, value)),
            Err(_) => drop(unreadable.insert(id)),
        }
    }
    Ok(())
}

/// The name of a derived tree, as `signaal check` says it.
fn tree_name(tree: &Tree) -> &'static str {
    match &*tree.name() {
        b"group_summary" => "group_summary",
        b"archived_on" => "archived_on",
        _ => "newest_observation",
    }
}

/// The keys whose values differ between `a` and `b` (missing on one side included), in order.
fn differing<'a, V: PartialEq>(
    a: &'a BTreeMap<Id, V>,
    b: &'a BTreeMap<Id, V>,
) -> impl Iterator<Item = Id> + 'a {
    let keys: BTreeSet<Id> = a.keys().chain(b.keys()).copied().collect();
    keys.into_iter().filter(|k| a.get(k) != b.get(k))
}
