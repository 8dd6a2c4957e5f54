//! Leftovers of an interrupted sled snapshot, cleared before sled opens the database.
//!
//! sled writes a snapshot at every open (when its log moved on) as `snap.<lsn>.generating`, fsyncs
//! it and renames it to `snap.<lsn>`. Killed or out of disk space before the rename, it leaves
//! the `.generating` file behind, often empty; sled's next open reads the newest `snap.*` file,
//! which is that one (`snap.X.generating` sorts after `snap.X`), and refuses the whole database
//! as damaged. Such a file is incomplete by definition and nothing refers to it: the snapshot
//! before it and the log hold everything, and sled itself removes every other `snap.*` file once
//! a new snapshot is in place. So it is removed here.
//!
//! The same lock tells when a database this process closed is really closed (see [`CLOSING`]).
//!
//! Other damage to sled's own files (an empty or corrupt `snap.X`, a half-written `conf`) is
//! repaired on a copy by `recover`, which can tell how much it would cost.

use std::fs::{self, File, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

use super::{Result, StoreError};

/// How long sled may take to let go of a database this process has closed: its background
/// threads finish their last writes and release the file lock shortly after the last handle is
/// dropped. Generous; the wait ends as soon as the lock is free.
pub(super) const CLOSING: Duration = Duration::from_secs(5);

/// The databases this process has closed (the last handle on them dropped): opening one of
/// them again waits for sled's threads to let go of it (see [`CLOSING`]) instead of taking the
/// lock they still hold for "in use by another signaal".
static CLOSED_HERE: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Notes that this process closed the database in `dir`.
pub(super) fn closed_here(dir: &Path) {
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut closed = CLOSED_HERE.lock().unwrap_or_else(|e| e.into_inner());
    if !closed.contains(&dir) {
        closed.push(dir);
    }
}

/// How long opening `dir` may wait for its lock: [`CLOSING`] when this process closed it
/// before, else nothing (a lock held elsewhere is another signaal's).
pub(super) fn wait_for(dir: &Path) -> Duration {
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let closed = CLOSED_HERE.lock().unwrap_or_else(|e| e.into_inner());
    match closed.contains(&dir) {
        true => CLOSING,
        false => Duration::ZERO,
    }
}

/// Removes `snap.*.generating` files from the database directory `dir`, holding the database's
/// lock (the one sled takes) while doing so: a running signaal that is writing a snapshot right
/// now keeps its file, and this open then reports [`StoreError::InUse`] as sled would.
///
/// `wait` is how long a lock held elsewhere may take to be released: zero for a first open
/// (another signaal is running), a few seconds after this process closed the database itself
/// (sled's own threads let go of a closed database a moment later, not at once).
pub(super) fn clear(dir: &Path, wait: Duration) -> Result<()> {
    // sled's lock is an exclusive `flock` on its `db` file; without that file there is no
    // database yet, so nobody can be writing a snapshot into it.
    let _lock = match File::open(dir.join("db")) {
        Ok(file) => Some(lock(file, dir, wait)?),
        Err(_) => None,
    };
    for entry in fs::read_dir(dir).map_err(|e| cannot_clear(dir, e))? {
        let path = entry.map_err(|e| cannot_clear(dir, e))?.path();
        if is_unfinished_snapshot(&path) {
            fs::remove_file(&path).map_err(|e| cannot_clear(dir, e))?;
        }
    }
    Ok(())
}

fn lock(file: File, dir: &Path, wait: Duration) -> Result<File> {
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(10))
            }
            Err(TryLockError::WouldBlock) => return Err(StoreError::InUse(dir.to_path_buf())),
            Err(TryLockError::Error(e)) => return Err(cannot_clear(dir, e)),
        }
    }
}

/// Waits, up to [`CLOSING`], until no one holds the lock of the database in `dir` (one this
/// process has just closed).
pub(super) fn wait_closed(dir: &Path) -> Result<()> {
    match File::open(dir.join("db")) {
        Ok(file) => lock(file, dir, CLOSING).map(drop),
        Err(_) => Ok(()),
    }
}

fn is_unfinished_snapshot(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with("snap.") && name.ends_with(".generating"))
}

fn cannot_clear(dir: &Path, e: std::io::Error) -> StoreError {
    StoreError::CannotOpen {
        path: dir.to_path_buf(),
        detail: e.to_string(),
    }
}
