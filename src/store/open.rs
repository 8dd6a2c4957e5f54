//! Opening the database: owner-only permissions, the lock held by another process, damaged files,
//! and the schema version.

use std::path::Path;
use std::sync::Arc;

use super::guard::Guard;
use super::live::{Live, Trees};
use super::recover;
use super::{leftovers, schema, Result, Store, StoreError};
use crate::domain::AuditAction;

pub fn open(dir: &Path) -> Result<Store> {
    if dir.exists() && !dir.is_dir() {
        return Err(StoreError::NotADirectory(dir.to_path_buf()));
    }
    // Before anything is created or any permission changed.
    if found_at(dir) == Found::OtherFiles {
        return Err(StoreError::NotADatabase(dir.to_path_buf()));
    }
    #[cfg(unix)]
    private_from_now_on();
    create_private_dir(dir).map_err(|e| cannot_open(dir, e.to_string()))?;

    leftovers::clear(dir, leftovers::wait_for(dir))?;
    let guard = Guard::take(dir);
    let (db, recovered) = match open_sled(dir) {
        // Only files exactly as they were can be compared with a repaired copy, and kept.
        Err(StoreError::DamagedFiles(_)) if guard.restore() => {
            let (db, recovered) = recover::repair(dir)?;
            (db, Some(recovered))
        }
        opened => (opened?, None),
    };
    let store = Store {
        path: dir.to_path_buf(),
        live: Arc::new(Live::new(Trees::open(db)?)),
        recovered,
        snapshots: Default::default(),
        writer: Default::default(),
        changes: Default::default(),
        directory_changes: Default::default(),
        overview_changes: Default::default(),
    };
    schema::ensure_current(&store)?;
    if store.recovered.is_some() {
        // The trail says the history went on from here without the writes given up, so a
        // backup that still holds them is not taken for a rewritten history.
        let sig = super::Signature {
            by: "signaal".into(),
            at: chrono::Local::now().fixed_offset(),
        };
        store.record(AuditAction::Repair, "database".into(), &sig)?;
    }
    Ok(store)
}

/// What is at a database path before it is opened (see [`found_at`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Nothing: opening creates the database.
    Nothing,
    /// An empty folder: opening creates the database in it.
    EmptyFolder,
    /// A folder with sled's `db` or `conf` file in it; also anything only opening can judge (a
    /// file, a folder that cannot be read), so that opening reports it.
    Database,
    /// A folder with other files in it and neither of sled's: not a database, never made one.
    OtherFiles,
}

/// What is at `dir`: sled keeps a database as a folder with a `conf` and a `db` file in it (and
/// `snap.*` files and a `blobs` folder), and writes `conf` first, so a folder with either is a
/// database, however damaged.
pub fn found_at(dir: &Path) -> Found {
    let mut entries = match std::fs::read_dir(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Found::Nothing,
        Err(_) => return Found::Database,
        Ok(entries) => entries,
    };
    if entries.next().is_none() {
        Found::EmptyFolder
    } else if dir.join("db").exists() || dir.join("conf").exists() {
        Found::Database
    } else {
        Found::OtherFiles
    }
}

/// Children's data is sensitive: every file and directory signaal creates from now on is for its
/// owner only (umask 077).
///
/// A umask rather than a chmod of the files after opening, and one that stays rather than one set
/// around the open: sled goes on creating files for as long as the database is open, from its own
/// threads (a `blobs/N` file for each large value, new `snap.*` snapshots), and a chmod or a
/// restored umask would miss those. The umask is the process's, but signaal writes no other files
/// (exports and reports go to stdout), so nothing else is affected.
#[cfg(unix)]
fn private_from_now_on() {
    use rustix::fs::Mode;
    rustix::process::umask(Mode::RWXG | Mode::RWXO);
}

/// The directory, readable by its owner only. A database made before signaal set the umask (or
/// copied in with other modes) is brought in line: the files in it lose any group and other
/// permissions.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    owner_only(dir)?;
    Ok(())
}

/// Takes the group and other permissions away from `path` and, for a directory, everything in
/// it. Symbolic links are left alone (their target is not the database's).
#[cfg(unix)]
fn owner_only(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::symlink_metadata(path)?;
    if meta.file_type().is_symlink() {
        return Ok(());
    }
    let mode = meta.permissions().mode();
    if mode & 0o077 != 0 {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o700))?;
    }
    if meta.is_dir() {
        for entry in std::fs::read_dir(path)? {
            owner_only(&entry?.path())?;
        }
    }
    Ok(())
}

fn cannot_open(dir: &Path, detail: String) -> StoreError {
    StoreError::CannotOpen {
        path: dir.to_path_buf(),
        detail,
    }
}

/// What sled may keep of the database in memory. Its default (1 GiB) let an export or import of a
/// large database grow the process by hundreds of megabytes; a screen needs a few pages.
const CACHE_BYTES: u64 = 32 << 20;

/// sled reports a lock held by another process as an `Other` I/O error whose text carries
/// "could not acquire lock" (from the underlying `WouldBlock`), and it can panic on files it cannot
/// parse; both become errors a user can act on. So does a full disk (sled writes a snapshot as it
/// opens).
pub(super) fn open_sled(dir: &Path) -> Result<sled::Db> {
    let opened = quietly(|| {
        sled::Config::new()
            .path(dir)
            .cache_capacity(CACHE_BYTES)
            .open()
    });

    match opened {
        Ok(Ok(db)) => Ok(db),
        Ok(Err(sled::Error::Io(e)))
            if e.kind() == std::io::ErrorKind::WouldBlock
                || e.to_string().contains("could not acquire lock") =>
        {
            Err(StoreError::InUse(dir.to_path_buf()))
        }
        Ok(Err(sled::Error::Io(e))) if super::error::is_full(&e) => Err(StoreError::DiskFull),
        Ok(Err(sled::Error::Io(e))) => Err(cannot_open(dir, e.to_string())),
        Ok(Err(sled::Error::Corruption { .. })) | Err(_) => {
            Err(StoreError::DamagedFiles(dir.to_path_buf()))
        }
        Ok(Err(e)) => Err(cannot_open(dir, e.to_string())),
    }
}

thread_local! {
    /// Set while this thread opens sled: a panic then is caught and becomes an error, and its
    /// message is not printed.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, catching a panic without printing it. The panic hook is the process's, so it is
/// wrapped once, for good, by one that stays silent only on a thread inside `quietly`: swapping
/// the hook around each call would also silence (or lose) the panics of other threads meanwhile.
fn quietly<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    static WRAP: std::sync::Once = std::sync::Once::new();
    WRAP.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|quiet| quiet.get()) {
                previous(info);
            }
        }));
    });
    QUIET.with(|quiet| quiet.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|quiet| quiet.set(false));
    result
}
