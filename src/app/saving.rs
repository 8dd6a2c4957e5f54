//! The one way a screen changes the record it shows (an observation, a trajectory, a visit):
//! change a copy, write and flush it, and only then show the copy. A failed write leaves the
//! screen showing what is on disk, and says so.

use chrono::{DateTime, FixedOffset};

use super::AppError;
use crate::store::StoreError;

/// Whether the shown record's latest change reached the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing has been changed on this record yet.
    Nothing,
    /// The last change was written and flushed at this moment.
    Saved(DateTime<FixedOffset>),
    /// The last change could not be written; the screen shows the record as it is on disk.
    Failed,
}

/// Applies `change` to a copy of `record` and writes the copy with `write`; `record` takes the
/// copy only once the write is flushed, and `saved` says how it went (`at`: the moment of the
/// change).
///
/// # Errors
/// What `change` refused (nothing is written then, and `saved` stays as it was), or the store's
/// error when the write failed (`saved` becomes [`SaveState::Failed`]).
pub fn write_through<R: Clone>(
    record: &mut R,
    saved: &mut SaveState,
    at: DateTime<FixedOffset>,
    change: impl FnOnce(&mut R) -> Result<(), AppError>,
    write: impl FnOnce(&R) -> Result<(), StoreError>,
) -> Result<(), AppError> {
    let mut changed = record.clone();
    change(&mut changed)?;
    match write(&changed) {
        Ok(()) => {
            *record = changed;
            *saved = SaveState::Saved(at);
            Ok(())
        }
        Err(e) => {
            *saved = SaveState::Failed;
            Err(e.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Invalid;

    fn at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-20T10:00:00+01:00").unwrap()
    }

    fn bump(record: &mut i32) -> Result<(), AppError> {
        *record += 1;
        Ok(())
    }

    #[test]
    fn the_record_changes_only_once_written() {
        let (mut record, mut saved) = (1, SaveState::Nothing);
        let ok = write_through(&mut record, &mut saved, at(), bump, |_| Ok(()));
        assert!(ok.is_ok());
        assert_eq!((record, &saved), (2, &SaveState::Saved(at())));

        let failed = write_through(&mut record, &mut saved, at(), bump, |_| {
            Err(StoreError::DiskFull)
        });
        assert!(matches!(failed, Err(AppError::Store(StoreError::DiskFull))));
        assert_eq!(
            (record, &saved),
            (2, &SaveState::Failed),
            "the disk's version stays"
        );

        let refused = write_through(
            &mut record,
            &mut saved,
            at(),
            |_| Err(Invalid::BeforeStart.into()),
            |_| panic!("nothing is written"),
        );
        assert!(matches!(
            refused,
            Err(AppError::Invalid(Invalid::BeforeStart))
        ));
        assert_eq!((record, &saved), (2, &SaveState::Failed));
    }
}
