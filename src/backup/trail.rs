//! Whether the database's audit trail still begins with a backup's: the backup's `audit` array
//! is read from the file one entry at a time (`export::read`) and compared with the database's
//! trail read alongside it, so memory holds one entry of each whatever their length.

use std::path::Path;

use super::{export_reader, BackupError};
use crate::domain::audit::{PrefixCheck, TrailDifference};
use crate::export::{self, ReadError, Record};
use crate::store::{Store, StoreError};

/// Why the reading of a backup's trail stopped early.
enum Stop {
    /// Boxed: the difference holds two whole entries.
    Differs(Box<TrailDifference>),
    Store(StoreError),
}

/// The first entry where `store`'s trail stops agreeing with the trail of the backup at `path`,
/// or `None` when the database's trail begins with the backup's (it may go on after it). Check
/// the backup with [`super::verify`] first: this does not. Errors: the file cannot be read or
/// is not an export ([`BackupError::Unreadable`]), or the database's trail cannot be read
/// ([`BackupError::Store`]).
pub fn first_difference(
    store: &Store,
    path: &Path,
) -> Result<Option<TrailDifference>, BackupError> {
    let mut database = store.audit_entries().map_err(BackupError::Store)?;
    let mut check = PrefixCheck::new();
    let read = export::read_arrays(export_reader(path)?, Some(&["audit"]), &mut |record| {
        let Record::Audit(entry) = record else {
            return Ok(());
        };
        let ours = database.next().transpose().map_err(Stop::Store)?;
        match check.push(ours.as_ref(), entry) {
            Some(difference) => Err(Stop::Differs(Box::new(difference))),
            None => Ok(()),
        }
    });
    match read {
        Ok(_) => Ok(None),
        Err(ReadError::Each(Stop::Differs(difference))) => Ok(Some(*difference)),
        Err(ReadError::Each(Stop::Store(e))) => Err(BackupError::Store(e)),
        Err(ReadError::Format(source)) => Err(BackupError::Unreadable {
            path: path.to_path_buf(),
            source: Box::new(source),
        }),
    }
}

/// The position (1 for the first entry) of the last `restore` entry in `store`'s trail, read
/// one entry at a time.
pub fn last_restore(store: &Store) -> Result<Option<usize>, StoreError> {
    let mut last = None;
    for (i, entry) in store.audit_entries()?.enumerate() {
        if crate::domain::audit::replaces_history(&entry?.action) {
            last = Some(i + 1);
        }
    }
    Ok(last)
}
