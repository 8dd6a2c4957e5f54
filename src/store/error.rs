use std::path::PathBuf;

/// What can go wrong with the database, each phrased so it can be shown to a user as is.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database {0} is in use by another signaal; close that one first")]
    InUse(PathBuf),
    #[error("the database {path} cannot be opened: {detail}")]
    CannotOpen { path: PathBuf, detail: String },
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
    #[error("the database refused the write: {0}")]
    Sled(#[from] sled::Error),
}

impl From<sled::transaction::TransactionError<StoreError>> for StoreError {
    fn from(e: sled::transaction::TransactionError<StoreError>) -> Self {
        match e {
            sled::transaction::TransactionError::Abort(inner) => inner,
            sled::transaction::TransactionError::Storage(inner) => StoreError::Sled(inner),
        }
    }
}
