//! Backups: the whole database as a compressed, checksummed export file (`file`), where they are
//! kept and which are kept (`retention`), the TUI's automatic ones (`auto`), and whether the
//! database's audit trail still begins with theirs (`trail`).
//!
//! A backup directory holds files named `signaal-YYYYMMDDTHHMMSSZ.json.gz` (UTC, so names sort by
//! time); nothing else in it is touched, except signaal's own unfinished temporary files.

mod auto;
mod file;
mod private;
mod retention;
#[cfg(test)]
mod tests;
mod trail;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};

pub use auto::{AutoBackup, BackupStatus, Failure};
pub(crate) use file::write_whole;
pub use file::{copy, export_reader, read_header, sync_dir, verify, write, Header};
pub(crate) use private::create_private_dir;
pub use private::{unsafe_dir, UnsafeDir};
pub use retention::kept;
pub use trail::{first_difference, last_restore};

use crate::store::{Store, StoreError};

/// What can go wrong with a backup, each a sentence naming the file or directory.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// `error` is said in the message and is deliberately not the error's `source`: a chain
    /// printed with `{:#}` would say it twice.
    #[error("cannot write or read {path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{0} is not a signaal backup")]
    NotABackup(PathBuf),
    /// A backup whose content does not read as an export (its checksum may still hold: it was
    /// written so).
    #[error("{path} does not read as a signaal export: {source}")]
    Unreadable {
        path: PathBuf,
        source: Box<crate::export::Unreadable>,
    },
    #[error("the database could not be read for the backup: {0}")]
    Store(StoreError),
}

impl BackupError {
    fn io(path: &Path, error: std::io::Error) -> BackupError {
        BackupError::Io {
            path: path.to_path_buf(),
            error,
        }
    }
}

/// The backup directory: `setting` (`--backup-dir`, `SIGNAAL_BACKUP_DIR` or `backup_dir` in the
/// config file) when given, else `D.backups` beside the database directory `D`.
pub fn dir_for(db: &Path, setting: Option<&Path>) -> PathBuf {
    if let Some(dir) = setting {
        return dir.to_path_buf();
    }
    // `--db .` or `--db some/db/` have no plain last part to add `.backups` to.
    let db = std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf());
    match db.file_name() {
        Some(name) => db.with_file_name(format!("{}.backups", name.to_string_lossy())),
        None => db.join("..").join("signaal.backups"),
    }
}

/// One backup file found in a backup directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    /// When it was made, from its name.
    pub at: DateTime<Utc>,
}

const PREFIX: &str = "signaal-";
const SUFFIX: &str = ".json.gz";

/// The name of a backup made at `at`.
pub fn file_name(at: DateTime<Utc>) -> String {
    format!("{PREFIX}{}{SUFFIX}", at.format(file::TIME_FORMAT))
}

/// When the backup named `name` was made; `None` for a name that is not a backup's.
fn time_of(name: &str) -> Option<DateTime<Utc>> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    NaiveDateTime::parse_from_str(stamp, file::TIME_FORMAT)
        .ok()
        .map(|t| t.and_utc())
}

/// The backups in `dir`, oldest first; none when `dir` does not exist.
pub fn list(dir: &Path) -> Result<Vec<Entry>, BackupError> {
    let entries = match std::fs::read_dir(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        other => other.map_err(|e| BackupError::io(dir, e))?,
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| BackupError::io(dir, e))?;
        let name = entry.file_name();
        if let Some(at) = name.to_str().and_then(time_of) {
            found.push(Entry {
                path: entry.path(),
                at,
            });
        }
    }
    found.sort_by_key(|e| e.at);
    Ok(found)
}

/// The newest backup in `dir` whose checksum holds, with its header.
pub fn newest_verified(dir: &Path) -> Result<Option<(Entry, Header)>, BackupError> {
    for entry in list(dir)?.into_iter().rev() {
        if let Ok((header, true)) = verify(&entry.path) {
            return Ok(Some((entry, header)));
        }
    }
    Ok(None)
}

/// Makes a backup of `store` in `dir` (created owner-only if missing; one found there is
/// checked and made owner-only, see `private`), named for `at`, then
/// removes the backups the retention rule no longer keeps (see [`kept`]). Returns the new file.
pub fn make(
    store: &Store,
    dir: &Path,
    at: DateTime<FixedOffset>,
) -> Result<(PathBuf, Header), BackupError> {
    create_private_dir(dir).map_err(|e| BackupError::io(dir, e))?;
    let path = dir.join(file_name(at.to_utc()));
    let header = write(store, &path, at.to_utc())?;
    prune(dir, at)?;
    Ok((path, header))
}

/// Removes the backups in `dir` that [`kept`] does not keep at `now`, and the temporary files of
/// backups that were interrupted (a `kill -9`, a full disk).
fn prune(dir: &Path, now: DateTime<FixedOffset>) -> Result<(), BackupError> {
    for entry in std::fs::read_dir(dir).map_err(|e| BackupError::io(dir, e))? {
        let path = entry.map_err(|e| BackupError::io(dir, e))?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let unfinished = name
            .strip_prefix('.')
            .and_then(|n| n.strip_suffix(file::TEMP_SUFFIX))
            .is_some_and(|n| time_of(n).is_some());
        if unfinished {
            std::fs::remove_file(&path).map_err(|e| BackupError::io(&path, e))?;
        }
    }
    let backups = list(dir)?;
    let times: Vec<_> = backups.iter().map(|e| e.at).collect();
    for (entry, keep) in backups.iter().zip(kept(&times, now)) {
        if !keep {
            std::fs::remove_file(&entry.path).map_err(|e| BackupError::io(&entry.path, e))?;
        }
    }
    Ok(())
}
