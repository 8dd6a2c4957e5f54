//! The derived data of `summary` stays what a rebuild from the records says, whatever is written:
//! children added, archived, restored, moved and purged, visits started, written in and closed,
//! observations made, marked and emptied, imports, and databases from before it (the 4 -> 5 and
//! 5 -> 6 migrations). `check` finds it tampered with.

use std::collections::BTreeSet;

use chrono::{DateTime, Days};

use super::tests::{date, fresh, sig};
use super::tests_observations::{item, observe};
use super::*;
use crate::domain::form::Mark;
use crate::domain::visit::{Advice, Visit};
use crate::domain::{AuditAction, GroupKind, Role};

/// Deterministic stand-in for chance: the same walk through the writes on every run.
struct Walk(u64);

impl Walk {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize % n.max(1)
    }
}

/// A signature `days` after the first of January 2026.
fn sig_on(days: u64) -> Signature {
    let start = DateTime::parse_from_rfc3339("2026-01-01T09:00:00+01:00").unwrap();
    Signature {
        by: sig().by,
        at: start.checked_add_days(Days::new(days)).unwrap(),
    }
}

/// The group's summary worked out the slow way, from its records.
fn by_hand(store: &Store, group: Id) -> GroupSummary {
    let children = store.children_of(group).unwrap();
    let mut visits = VisitDates::default();
    for visit in store.visits_of(group).unwrap() {
        visits.last.get_or_insert(visit.date);
        if visit.next_visit.is_some() {
            visits.next = visit.next_visit;
            break;
        }
    }
    GroupSummary {
        active_children: children.iter().filter(|c| !c.archived).count(),
        visits,
    }
}

fn assert_exact(store: &Store, groups: &[Id]) {
    assert_eq!(
        store.derived_stored().unwrap(),
        store.derived_from_records().unwrap()
    );
    for group in groups {
        assert_eq!(store.group_summary(*group).unwrap(), by_hand(store, *group));
    }
}

fn set_archived(store: &Store, child: &Child, archived: bool, action: AuditAction, on: u64) {
    let changed = Child {
        archived,
        ..child.clone()
    };
    store.save_child(&changed, action, &sig_on(on)).unwrap();
}

/// Every kind of write, a few hundred times in a mixed order, keeps the summary exact.
#[test]
fn every_write_keeps_the_summary_equal_to_a_rebuild() {
    let (_dir, store) = fresh();
    let coach = store
        .add_staff("Coach Kim", Role::Coach, &[], &sig())
        .unwrap();
    let groups: Vec<Id> = ["Uilen", "Vossen", "Egels"]
        .iter()
        .map(|name| {
            store
                .add_group(name, GroupKind::Kdv, "", &sig())
                .unwrap()
                .id
        })
        .collect();
    let mut walk = Walk(16);
    for step in 0..300u64 {
        let group = groups[walk.below(groups.len())];
        let children = store.children_of(group).unwrap();
        let child = (!children.is_empty()).then(|| children[walk.below(children.len())].clone());
        match (walk.below(10), child) {
            (0 | 1, _) | (_, None) => {
                let name = format!("Kind{step}");
                store
                    .add_child(group, &name, "Test", date("2024-01-01"), &sig_on(step))
                    .unwrap();
            }
            (2, Some(c)) => set_archived(&store, &c, true, AuditAction::ChildArchive, step),
            (3, Some(c)) => set_archived(&store, &c, false, AuditAction::ChildRestore, step),
            // Archived or brought back by an edit: the count follows, the archive day does not.
            (4, Some(c)) => set_archived(&store, &c, !c.archived, AuditAction::ChildEdit, step),
            (5, Some(c)) => {
                let to = groups[walk.below(groups.len())];
                let moved = Child {
                    group_id: to,
                    ..c.clone()
                };
                store
                    .save_child(&moved, AuditAction::ChildEdit, &sig_on(step))
                    .unwrap();
            }
            (6, Some(c)) => write_in_a_visit(&store, &coach, group, c.id, step),
            (7 | 8, Some(c)) => mark_in_an_observation(&store, c.id, &mut walk, step),
            (_, Some(_)) => {
                store
                    .purge_past_retention(date("2026-03-01"), &sig_on(step))
                    .unwrap();
            }
        }
        assert_exact(&store, &groups);
    }
    assert!(store.check().unwrap().is_empty());
    // The walk did reach every kind of change.
    assert!(!store.archive_dates().unwrap().is_empty());
    assert!(groups
        .iter()
        .any(|g| store.group_summary(*g).unwrap().visits.next.is_some()));
    assert!(store
        .audit()
        .unwrap()
        .iter()
        .any(|e| e.action == "child.purge"));
    let trail = store.audit().unwrap();
    assert!(trail.iter().any(|e| e.action == "observation.mark"));
    // Some observation lost its last mark, and went.
    let observed = trail
        .iter()
        .filter(|e| e.target.starts_with("observation:"))
        .filter_map(|e| e.target.strip_prefix("observation:")?.split('/').next())
        .filter_map(|id| id.parse::<Id>().ok())
        .collect::<BTreeSet<_>>();
    let kept = store.trees().unwrap().observations.len();
    assert!(
        observed.len() > kept,
        "{} made, {kept} kept",
        observed.len()
    );
}

/// A new observation of `child` with one mark, or a mark of one of its observations (older or
/// newest) changed or taken back; the last one taken back removes the observation.
fn mark_in_an_observation(store: &Store, child: Id, walk: &mut Walk, step: u64) {
    let observations = store.observations_of(child).unwrap();
    let item = item(walk.below(4));
    if observations.is_empty() || walk.below(2) == 0 {
        let day = sig_on(step).at.date_naive().to_string();
        observe(store, child, &day, &[(&item, Mark::Often)]);
        return;
    }
    let mut obs = observations[walk.below(observations.len())].clone();
    let mark = match obs.marks.iter().any(|m| m.item == item) {
        true => None,
        false => Some(Mark::Sometimes),
    };
    let sig = sig_on(step);
    obs.set_mark(&item, mark, &sig.by, sig.at);
    let template = crate::templates::builtin().into_iter().next().unwrap();
    store
        .save_observation(&obs, &template, AuditAction::ObservationMark, &item, &sig)
        .unwrap();
}

/// Starts a visit in `group` when none is open, else writes advice about `child` in the open
/// one, or closes it with a next visit agreed.
fn write_in_a_visit(store: &Store, coach: &Staff, group: Id, child: Id, step: u64) {
    let sig = sig_on(step);
    let day = sig.at.date_naive();
    let visits = store.visits_of(group).unwrap();
    let Some(mut open) = visits.iter().find(|v| v.is_open()).cloned() else {
        let id = store.new_visit_id().unwrap();
        let visit = Visit::start(id, group, coach, day, visits.first());
        store
            .save_visit(&visit, AuditAction::VisitStart, &sig)
            .unwrap();
        return;
    };
    if open.notes.len() < 2 {
        open.notes.push(Advice {
            child_id: Some(child),
            text: "Samen voorlezen".into(),
            competencies: Vec::new(),
            with: Vec::new(),
            by: sig.by.clone(),
            at: sig.at,
        });
        store
            .save_visit(&open, AuditAction::VisitAdvice, &sig)
            .unwrap();
    } else {
        open.close(day.checked_add_days(Days::new(42)).unwrap(), sig.at);
        store
            .save_visit(&open, AuditAction::VisitClose, &sig)
            .unwrap();
    }
}

/// A store with two groups, children (one archived) and a closed and an open visit.
fn filled() -> (tempfile::TempDir, Store, Vec<Id>) {
    let (dir, store) = fresh();
    let coach = store
        .add_staff("Coach Kim", Role::Coach, &[], &sig())
        .unwrap();
    let a = store
        .add_group("Uilen", GroupKind::Kdv, "", &sig())
        .unwrap()
        .id;
    let b = store
        .add_group("Vossen", GroupKind::Bso, "", &sig())
        .unwrap()
        .id;
    for (group, name) in [(a, "Anna"), (a, "Bram"), (b, "Cas")] {
        store
            .add_child(group, name, "Test", date("2024-01-01"), &sig())
            .unwrap();
    }
    let bram = store.children_of(a).unwrap()[1].clone();
    set_archived(&store, &bram, true, AuditAction::ChildArchive, 10);
    for step in [20, 21, 22, 23, 30] {
        write_in_a_visit(&store, &coach, a, bram.id, step);
    }
    let cas = store.children_of(b).unwrap()[0].id;
    observe(&store, cas, "2026-01-05", &[(&item(0), Mark::Often)]);
    observe(&store, cas, "2026-02-05", &[(&item(1), Mark::Sometimes)]);
    (dir, store, vec![a, b])
}

#[test]
fn a_group_summary_says_what_the_groups_list_shows() {
    let (_dir, store, groups) = filled();
    let uilen = store.group_summary(groups[0]).unwrap();
    assert_eq!(uilen.active_children, 1);
    assert_eq!(uilen.visits.last, Some(date("2026-01-31")));
    assert_eq!(uilen.visits.next, Some(date("2026-03-07")));
    let vossen = store.group_summary(groups[1]).unwrap();
    assert_eq!(vossen.active_children, 1);
    assert_eq!(vossen.visits, VisitDates::default());
    assert_eq!(store.group_summary(9_999).unwrap(), GroupSummary::default());
    let archived = store.archive_dates().unwrap();
    assert_eq!(archived.values().collect::<Vec<_>>(), [&date("2026-01-11")]);
}

#[test]
fn an_import_builds_the_summary_as_it_writes() {
    let (_dir, store, groups) = filled();
    let export = store.export(sig().at).unwrap();
    let (_other_dir, other) = fresh();
    other.import(&export).unwrap();
    assert_exact(&other, &groups);
    for group in &groups {
        assert_eq!(
            other.group_summary(*group).unwrap(),
            store.group_summary(*group).unwrap()
        );
    }
    assert_eq!(
        other.archive_dates().unwrap(),
        store.archive_dates().unwrap()
    );
    assert!(other.check().unwrap().is_empty());
}

#[test]
fn a_purge_takes_the_child_out_of_the_archive_days() {
    let (_dir, store, groups) = filled();
    assert_eq!(store.past_retention(date("2026-02-01")).unwrap().len(), 1);
    let purged = store
        .purge_past_retention(date("2026-02-01"), &sig_on(40))
        .unwrap();
    assert_eq!(purged.children, 1);
    assert!(store.archive_dates().unwrap().is_empty());
    assert!(store.past_retention(date("2100-01-01")).unwrap().is_empty());
    assert_exact(&store, &groups);
}

/// Takes the derived trees away and sets the version back, as a database from before them.
fn as_version_3(store: &Store) {
    let trees = store.trees().unwrap();
    trees.group_summary.clear().unwrap();
    trees.archived_on.clear().unwrap();
    trees.newest_observation.clear().unwrap();
    trees
        .meta
        .insert(b"schema_version", &3u32.to_be_bytes())
        .unwrap();
    trees.db.flush().unwrap();
}

#[test]
fn a_database_from_before_the_summary_gets_it_when_opened() {
    let (dir, store, groups) = filled();
    let expected: Vec<_> = groups
        .iter()
        .map(|g| store.group_summary(*g).unwrap())
        .collect();
    as_version_3(&store);
    assert_eq!(
        store.group_summary(groups[0]).unwrap(),
        GroupSummary::default()
    );
    store.close().unwrap();

    let store = Store::open(&dir.path().join("db")).unwrap();
    assert_eq!(schema::read_version(&store).unwrap(), Some(schema::CURRENT));
    let found: Vec<_> = groups
        .iter()
        .map(|g| store.group_summary(*g).unwrap())
        .collect();
    assert_eq!(found, expected);
    assert_eq!(store.archive_dates().unwrap().len(), 1);
    let cas = store.children_of(groups[1]).unwrap()[0].id;
    let newest = store.newest_observation(cas, |o| Some(o.date)).unwrap();
    assert_eq!(newest, Some(date("2026-02-05")));
    assert_eq!(store.trees().unwrap().newest_observation.len(), 1);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn check_finds_a_tampered_summary_and_a_rebuild_mends_it() {
    let (_dir, store, groups) = filled();
    let trees = store.trees().unwrap();
    // One group given the other's tally, the archive day of a child taken away.
    let wrong = store.group_summary(groups[1]).unwrap();
    let other = trees.group_summary.get(id_key(groups[0])).unwrap().unwrap();
    trees
        .group_summary
        .insert(id_key(groups[1]), other)
        .unwrap();
    let archived: Vec<Id> = store.archive_dates().unwrap().into_keys().collect();
    trees.archived_on.remove(id_key(archived[0])).unwrap();
    drop(trees);
    assert_ne!(store.group_summary(groups[1]).unwrap(), wrong);

    let problems = store.check().unwrap();
    assert_eq!(
        problems,
        [
            crate::export::Inconsistency::GroupSummaryDiffers(groups[1]),
            crate::export::Inconsistency::ArchiveDateDiffers(archived[0]),
        ]
    );
    assert!(problems.iter().all(|p| p.is_derived()));
    assert!(store.rebuild_derived().unwrap());
    assert!(store.check().unwrap().is_empty());
    assert_eq!(store.group_summary(groups[1]).unwrap(), wrong);
    // Nothing left to mend: nothing written.
    assert!(!store.rebuild_derived().unwrap());
}

#[test]
fn an_unreadable_summary_is_worked_out_from_the_records_and_a_rebuild_mends_it() {
    let (_dir, store, groups) = filled();
    let right = store.group_summary(groups[1]).unwrap();
    let archived: Vec<Id> = store.archive_dates().unwrap().into_keys().collect();
    let trees = store.trees().unwrap();
    trees
        .group_summary
        .insert(id_key(groups[1]), b"garbage{".to_vec())
        .unwrap();
    trees
        .archived_on
        .insert(id_key(archived[0]), b"zz".to_vec())
        .unwrap();
    drop(trees);
    // The groups list still shows the right tally; the retention count leaves the child out.
    assert_eq!(store.group_summary(groups[1]).unwrap(), right);
    assert!(!store.archive_dates().unwrap().contains_key(&archived[0]));

    let problems = store.check().unwrap();
    assert_eq!(
        problems,
        [
            crate::export::Inconsistency::GroupSummaryDiffers(groups[1]),
            crate::export::Inconsistency::ArchiveDateDiffers(archived[0]),
        ]
    );
    assert!(store.rebuild_derived().unwrap());
    assert!(store.check().unwrap().is_empty());
    assert!(store.archive_dates().unwrap().contains_key(&archived[0]));
}

#[test]
fn a_key_that_is_no_id_in_a_derived_tree_is_reported_and_rebuilt_away() {
    let (_dir, store, _groups) = filled();
    let trees = store.trees().unwrap();
    for tree in [
        &trees.group_summary,
        &trees.archived_on,
        &trees.newest_observation,
    ] {
        tree.insert([0x0d], vec![0x01, 0xde, 0xad]).unwrap();
    }
    drop(trees);
    let problems = store.check().unwrap();
    assert_eq!(
        problems,
        ["archived_on", "group_summary", "newest_observation"]
            .map(|tree| crate::export::Inconsistency::DerivedKeyUnreadable { tree })
    );
    assert!(problems.iter().all(|p| p.is_derived()));
    assert!(store.rebuild_derived().unwrap());
    assert!(store.check().unwrap().is_empty());
}
