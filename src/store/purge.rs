//! Removing the data of children who left, as privacy law asks: an archived child's record, its
//! observations and its trajectories go for good, and so do the advice and follow-ups a coach
//! visit recorded about it. The audit trail records that it happened (`child.purge`,
//! `child:ID`) and keeps nothing of what was removed; its earlier entries hold only times, names
//! of staff, actions and ids, so they stay.

use chrono::NaiveDate;

use super::codec::{id_key, pair_key};
use super::writes::{Op, Table};
use super::{decode_all, Result, Signature, Store};
use crate::domain::AuditAction;
use crate::domain::{AuditEntry, Child};

/// What [`Store::purge_left_before`] removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub children: usize,
    pub observations: usize,
    pub trajectories: usize,
}

impl Store {
    /// The children [`Store::purge_left_before`] would remove, in key order (by group, then id):
    /// the archived children that were archived before `date` (the day of their last
    /// `child.archive` audit entry, in that entry's own offset, is earlier than `date`).
    ///
    /// An archived child whose archiving the audit trail does not show (imported archived, or
    /// restored and archived again by an edit outside the archive action) left at an unknown
    /// time. It is included: it is archived, so it no longer attends, and an organisation that
    /// purges wants the data of children who left gone; keeping it for want of a date would keep
    /// it for ever. Children that are not archived are never candidates.
    pub fn purge_candidates(&self, date: NaiveDate) -> Result<Vec<Child>> {
        let dates = self.archive_dates()?;
        let children: Vec<Child> = decode_all(&self.trees()?.children)?;
        Ok(children
            .into_iter()
            .filter(|c| c.archived)
            .filter(|c| dates.get(&c.id).is_none_or(|archived| *archived < date))
            .collect())
    }

    /// The archived children past a retention term that ended on `date`: archived (by the
    /// audit trail's last `child.archive` not undone) before it, in key order. Unlike
    /// [`Store::purge_candidates`], a child archived at an unknown time is left out: nobody can
    /// say that its term is over, so only `signaal purge` removes it.
    pub fn past_retention(&self, date: NaiveDate) -> Result<Vec<Child>> {
        // The index of archive days, not the trail: only the children it names are read.
        let mut children = Vec::new();
        for (id, archived) in self.archive_dates()? {
            if archived < date {
                children.extend(self.child(id)?.filter(|c| c.archived));
            }
        }
        children.sort_by_key(|c| (c.group_id, c.id));
        Ok(children)
    }

    /// Removes, for every child of [`Store::purge_candidates`]: the child's record and its index
    /// entry, all its observations and all its trajectories, its handover to school, and what
    /// visits say about it. One write for everything, all or nothing, with one audit entry per
    /// child (`child.purge`, target `child:ID`, by the signer) that holds no name and no
    /// content; flushed before this returns. Nothing to remove writes nothing.
    pub fn purge_left_before(&self, date: NaiveDate, sig: &Signature) -> Result<Purged> {
        self.purge(self.purge_candidates(date)?, sig)
    }

    /// Removes the children of [`Store::past_retention`] `date` as [`Store::purge_left_before`]
    /// does: what the admin's groups list counts and offers to remove.
    pub fn purge_past_retention(&self, date: NaiveDate, sig: &Signature) -> Result<Purged> {
        self.purge(self.past_retention(date)?, sig)
    }

    /// Removes `candidates` (archived children) with everything about them, in one write with a
    /// `child.purge` entry each (see [`Store::purge_left_before`]).
    fn purge(&self, candidates: Vec<Child>, sig: &Signature) -> Result<Purged> {
        let mut purged = Purged::default();
        let mut ops = Vec::new();
        let mut entries = Vec::new();
        let ids: Vec<_> = candidates.iter().map(|c| c.id).collect();
        ops.extend(self.visits_without(&ids)?);
        let trees = self.trees()?;
        for child in candidates {
            ops.push(Op::remove(
                Table::Children,
                &pair_key(child.group_id, child.id),
            ));
            ops.push(Op::remove(Table::ChildGroup, &id_key(child.id)));
            ops.push(Op::remove(Table::Handovers, &id_key(child.id)));
            for (table, tree, count) in [
                (
                    Table::Observations,
                    &trees.observations,
                    &mut purged.observations,
                ),
                (
                    Table::Trajectories,
                    &trees.trajectories,
                    &mut purged.trajectories,
                ),
            ] {
                // Keys only: a record too damaged to read is removed all the same.
                for key in tree.scan_prefix(id_key(child.id)).keys() {
                    ops.push(Op::remove(table, &key?));
                    *count += 1;
                }
            }
            entries.push(AuditEntry::new(
                sig.at,
                &sig.by,
                AuditAction::ChildPurge,
                format!("child:{}", child.id),
            ));
            purged.children += 1;
        }
        if purged.children > 0 {
            self.append(ops, entries)?;
        }
        Ok(purged)
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::form::Mark;
    use crate::domain::plan::Trajectory;
    use crate::domain::{GroupKind, Id, Observation};
    use crate::templates;

    fn sig_at(at: &str) -> Signature {
        Signature {
            by: "Coördinator".into(),
            at: DateTime::parse_from_rfc3339(at).unwrap(),
        }
    }

    /// A fresh store with one group, and the signature of the day it was made.
    fn with_group() -> (tempfile::TempDir, Store, crate::domain::Group, Signature) {
        let dir = tempfile::TempDir::new().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let sig = sig_at("2026-01-01T09:00:00+01:00");
        let group = store
            .add_group("Rupsjes", GroupKind::Kdv, "", &sig)
            .unwrap();
        (dir, store, group, sig)
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// One observation with one mark and one trajectory for `child`.
    fn observe_and_plan(store: &Store, child: Id) {
        let sig = sig_at("2026-01-05T09:00:00+01:00");
        let form = templates::builtin().into_iter().next().unwrap();
        let item = form.items().next().unwrap().1.id.clone();
        let mut obs = Observation::new(
            store.new_observation_id().unwrap(),
            child,
            &form,
            d("2026-01-05"),
            &sig.by,
        );
        obs.set_mark(&item, Some(Mark::Often), &sig.by, sig.at);
        store
            .save_observation(&obs, &form, AuditAction::ObservationMark, &item, &sig)
            .unwrap();
        let plan = templates::builtin_plans().into_iter().next().unwrap();
        let id = store.new_trajectory_id().unwrap();
        let t = Trajectory::new(id, child, &plan, d("2026-01-05"), &sig.by);
        store
            .save_trajectory(&t, &plan, AuditAction::TrajectoryStart, "", &sig)
            .unwrap();
    }

    fn set_archived(store: &Store, child: &Child, archived: bool, action: AuditAction, at: &str) {
        let changed = Child {
            archived,
            ..child.clone()
        };
        store.save_child(&changed, action, &sig_at(at)).unwrap();
    }

    #[test]
    fn purges_only_children_archived_before_the_date() {
        let (_dir, store, group, sig) = with_group();
        let born = d("2024-03-01");
        let early = store
            .add_child(group.id, "Anna", "Early", born, &sig)
            .unwrap();
        let late = store
            .add_child(group.id, "Bram", "Late", born, &sig)
            .unwrap();
        let back = store
            .add_child(group.id, "Cas", "Back", born, &sig)
            .unwrap();
        let stays = store
            .add_child(group.id, "Dirk", "Stays", born, &sig)
            .unwrap();
        for child in [&early, &late, &stays] {
            observe_and_plan(&store, child.id);
        }
        set_archived(
            &store,
            &early,
            true,
            AuditAction::ChildArchive,
            "2026-02-01T10:00:00+01:00",
        );
        set_archived(
            &store,
            &late,
            true,
            AuditAction::ChildArchive,
            "2026-07-01T10:00:00+02:00",
        );
        set_archived(
            &store,
            &back,
            true,
            AuditAction::ChildArchive,
            "2026-02-01T10:00:00+01:00",
        );
        set_archived(
            &store,
            &back,
            false,
            AuditAction::ChildRestore,
            "2026-03-01T10:00:00+01:00",
        );

        let dates = store.archive_dates().unwrap();
        assert_eq!(dates.get(&early.id), Some(&d("2026-02-01")));
        assert_eq!(dates.get(&late.id), Some(&d("2026-07-01")));
        assert_eq!(dates.get(&back.id), None);

        let ids = |children: Vec<Child>| children.iter().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(
            ids(store.purge_candidates(d("2026-06-01")).unwrap()),
            [early.id]
        );
        // The day of archiving itself is not before it.
        assert!(store.purge_candidates(d("2026-02-01")).unwrap().is_empty());
        assert_eq!(
            ids(store.purge_candidates(d("2026-07-02")).unwrap()),
            [early.id, late.id]
        );

        let audit_before = store.audit().unwrap();
        let purge_sig = sig_at("2026-06-02T08:00:00+02:00");
        let purged = store
            .purge_left_before(d("2026-06-01"), &purge_sig)
            .unwrap();
        assert_eq!(
            purged,
            Purged {
                children: 1,
                observations: 1,
                trajectories: 1
            }
        );
        assert_eq!(store.child(early.id).unwrap(), None);
        assert!(store
            .children_of(group.id)
            .unwrap()
            .iter()
            .all(|c| c.id != early.id));
        assert!(store.observations_of(early.id).unwrap().is_empty());
        assert!(store.trajectories_of(early.id).unwrap().is_empty());
        for kept in [&late, &back, &stays] {
            assert!(store.child(kept.id).unwrap().is_some());
        }
        for kept in [&late, &stays] {
            assert_eq!(store.observations_of(kept.id).unwrap().len(), 1);
            assert_eq!(store.trajectories_of(kept.id).unwrap().len(), 1);
        }
        let audit = store.audit().unwrap();
        assert_eq!(audit[..audit_before.len()], audit_before[..]);
        let mut expected = AuditEntry::new(
            purge_sig.at,
            &purge_sig.by,
            AuditAction::ChildPurge,
            format!("child:{}", early.id),
        );
        expected.seal(&audit_before.last().unwrap().hash);
        assert_eq!(audit[audit_before.len()..], [expected]);
        assert!(store.check().unwrap().is_empty());

        // Once more: nothing left to remove, nothing written.
        let again = store
            .purge_left_before(d("2026-06-01"), &purge_sig)
            .unwrap();
        assert_eq!(again, Purged::default());
        assert_eq!(store.audit().unwrap(), audit);
    }

    #[test]
    fn an_archived_child_without_an_archive_entry_counts_as_left() {
        let (_dir, store, group, sig) = with_group();
        let child = store
            .add_child(group.id, "Eva", "Unknown", d("2024-03-01"), &sig)
            .unwrap();
        // Archived by an edit: the audit shows no archiving.
        set_archived(
            &store,
            &child,
            true,
            AuditAction::ChildEdit,
            "2026-05-01T10:00:00+02:00",
        );
        assert!(store.archive_dates().unwrap().is_empty());
        let candidates = store.purge_candidates(d("2000-01-01")).unwrap();
        assert_eq!(candidates.len(), 1);
        assert_eq!(candidates[0].id, child.id);
        // Past the retention term it is not: nobody knows when its term began.
        assert!(store.past_retention(d("2100-01-01")).unwrap().is_empty());
        let sig = sig_at("2026-06-02T08:00:00+02:00");
        let purged = store.purge_past_retention(d("2100-01-01"), &sig).unwrap();
        assert_eq!(purged, Purged::default());
        assert!(store.child(child.id).unwrap().is_some());
    }
}
