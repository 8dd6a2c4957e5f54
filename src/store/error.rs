use std::path::PathBuf;

/// What can go wrong with the database, each phrased so it can be shown to a user as is.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database {0} is in use by another signaal; close that one first")]
    InUse(PathBuf),
    #[error("the database {path} cannot be opened: {detail}")]
    CannotOpen { path: PathBuf, detail: String },
    /// The path names a folder that holds other files and no database: opening it would make it
    /// one (and take its files' group and other permissions away), so it is refused untouched.
    #[error("{0} is a folder with other files in it, not a signaal database; choose another --db")]
    NotADatabase(PathBuf),
    /// sled found its files damaged (a bad checksum, a snapshot that does not fit the log). The
    /// commands add which backup to restore and how.
    #[error("the database {0} cannot be opened: its files are damaged")]
    DamagedFiles(PathBuf),
    #[error("the database was written by a newer signaal (schema {found}, this one knows up to {supported}); update signaal")]
    NewerSchema { found: u32, supported: u32 },
    #[error("the database is damaged: {0}")]
    Damaged(String),
    #[error("{0}")]
    Invalid(String),
    #[error("there is already a staff member called {0}")]
    DuplicateStaff(String),
    /// Writing an export or backup to its destination failed (not the database itself).
    #[error("cannot write: {0}")]
    Write(std::io::Error),
    /// The disk (or the user's quota) is full: the write did not happen. Once there is room
    /// again the next write can succeed; the store reopens sled for it.
    #[error("the disk is full: nothing was saved; free some space and try again")]
    DiskFull,
    #[error("the database refused the write: {0}")]
    Sled(sled::Error),
}

impl StoreError {
    /// True for a failure of sled's own reading or writing of its files (as opposed to a
    /// refusal of the data): after one, sled fails every later write of that open database, and
    /// the store reopens it (see `store::live`).
    pub(super) fn is_io(&self) -> bool {
        matches!(
            self,
            StoreError::DiskFull | StoreError::Sled(sled::Error::Io(_))
        )
    }
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        match e {
            sled::Error::Io(io) if is_full(&io) => StoreError::DiskFull,
            // Damage sled meets while reading (in a part of its log it does not replay on
            // opening): the database opened, but this record cannot be read.
            sled::Error::Corruption { .. } => StoreError::Damaged(
                "sled found a bad checksum in its files; restore a backup".into(),
            ),
            other => StoreError::Sled(other),
        }
    }
}

/// No space left on the device (`ENOSPC`) or over the user's quota (`EDQUOT`): what signaal
/// calls a full disk, for the database and for backups alike. sled passes its I/O errors on as
/// copies that keep only the kind, so the kind is what is looked at.
pub fn is_full(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::{QuotaExceeded, StorageFull};
    matches!(e.kind(), StorageFull | QuotaExceeded)
}

impl From<sled::transaction::TransactionError<StoreError>> for StoreError {
    fn from(e: sled::transaction::TransactionError<StoreError>) -> Self {
        match e {
            sled::transaction::TransactionError::Abort(inner) => inner,
            sled::transaction::TransactionError::Storage(inner) => inner.into(),
        }
    }
}
