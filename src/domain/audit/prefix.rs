//! Whether a database's trail still begins with a backup's: the history a backup saw may only
//! have been added to since, never rewritten. Compared one pair of entries at a time, so that a
//! trail of any length is read from the database and from a backup file side by side, in
//! bounded memory.
//!
//! signaal itself forks the history in two ways: `signaal restore` puts back the restored
//! backup's trail and appends a `restore` entry after it, and opening a database whose end was
//! torn repairs it at the cost of its last writes and appends a `repair` entry. The entries that
//! followed in the database before (and in the backups of it made meanwhile) are an abandoned
//! history, not a rewritten one. See [`TrailDifference::after_restore`]; "restore" there stands
//! for both.

use super::{AuditAction, AuditEntry};

/// Whether an entry with `action` starts a new history (a restore or a repair), after which the
/// database's trail may rightly part from older backups'.
pub fn replaces_history(action: &str) -> bool {
    matches!(
        AuditAction::parse(action),
        Some(AuditAction::Restore | AuditAction::Repair)
    )
}

/// Where a database's trail stops agreeing with a backup's: `position` (1 for the first entry)
/// and the entry each has there (`None` where one trail has ended).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrailDifference {
    pub position: usize,
    pub database: Option<AuditEntry>,
    pub backup: Option<AuditEntry>,
}

/// Compares a backup's trail with the database's, oldest first, one pair at a time; keeps only
/// how many pairs it has seen.
#[derive(Debug, Default, Clone)]
pub struct PrefixCheck {
    compared: usize,
}

impl PrefixCheck {
    pub fn new() -> PrefixCheck {
        PrefixCheck::default()
    }

    /// Takes the backup's next entry and the database's entry at the same place (`None` when the
    /// database's trail has already ended). Returns the difference when they are not the same
    /// entry (compared whole, hash included); the first one returned is the first difference.
    pub fn push(
        &mut self,
        database: Option<&AuditEntry>,
        backup: &AuditEntry,
    ) -> Option<TrailDifference> {
        self.compared += 1;
        (database != Some(backup)).then(|| TrailDifference {
            position: self.compared,
            database: database.cloned(),
            backup: Some(backup.clone()),
        })
    }
}

/// The first entry where `database` does not begin with `backup`'s trail, or `None` when it
/// does: a backup is older, so the database may only have added entries after the backup's.
/// Entries are compared whole, hash included. For trails in memory; [`PrefixCheck`] streams.
pub fn first_difference(database: &[AuditEntry], backup: &[AuditEntry]) -> Option<TrailDifference> {
    let mut check = PrefixCheck::new();
    backup
        .iter()
        .enumerate()
        .find_map(|(i, entry)| check.push(database.get(i), entry))
}

impl TrailDifference {
    /// Whether a restore explains this difference, so that the backup saw a history that was
    /// abandoned rather than rewritten. `last_restore` is the position (1 for the first entry) of
    /// the database's last `restore` entry, if it has one.
    ///
    /// Histories only fork where one of them has a `restore` entry right after their common
    /// part (the restored backup's trail): either the database's entry here is that `restore`
    /// (the backup was made after the restored one, in the history the restore replaced), or the
    /// backup's is and the database has a `restore` later on (the backup saw a restore that was
    /// itself undone by restoring a backup from before it). Any other difference, including a
    /// database trail that ends before the backup's, was made behind signaal's back.
    pub fn after_restore(&self, last_restore: Option<usize>) -> bool {
        let is_restore = |entry: &Option<AuditEntry>| {
            entry.as_ref().is_some_and(|e| replaces_history(&e.action))
        };
        is_restore(&self.database)
            || (is_restore(&self.backup) && last_restore.is_some_and(|r| r > self.position))
    }

    /// One sentence naming the entry that differs and what each side has there, e.g.
    /// "audit entry 12 differs from backup NAME: the database has child.edit by Ingrid at
    /// 2026-03-02T09:30:00+01:00, target child:3; the backup has …".
    pub fn describe(&self, backup_name: &str) -> String {
        let side = |entry: &Option<AuditEntry>, owner: &str| match entry {
            Some(entry) => format!("the {owner} has {}", entry.summary()),
            None => format!("the {owner}'s trail ends before it"),
        };
        let why = match self.database {
            // Nothing differs, the database just has less: lost (or cut off on purpose).
            None => {
                "the database lacks what the backup holds from there on: it was lost, or cut \
                     off behind signaal's back; restoring the backup brings it back"
            }
            Some(_) => "the database's audit trail was changed behind signaal's back",
        };
        format!(
            "audit entry {} differs from backup {backup_name}: {}; {} ({why})",
            self.position,
            side(&self.database, "database"),
            side(&self.backup, "backup"),
        )
    }
}
