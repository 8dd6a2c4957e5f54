//! Where `import` builds a database before it is one: a sibling directory of `--db`,
//! `<db>.import-<pid>` (same parent, so the same file system), renamed to `--db` only when the
//! whole file is in and checked. An import that is refused, or killed halfway (the terminal
//! closed, SIGKILL), leaves nothing at `--db`: no database that looks complete but holds part of
//! the data. rename(2) replaces an existing empty directory in one step.
//!
//! The sibling of an import that was killed stays behind; the next import into the same `--db`
//! removes every `<db>.import-<pid>` whose process no longer runs.

use std::io;
use std::path::{Path, PathBuf};

/// The sibling directory one import builds its database in, and what it made to have one.
pub struct Staging {
    /// `--db`, with its last component as given (no `.` or `..` at its end).
    target: PathBuf,
    /// `<db>.import-<pid>`.
    sibling: PathBuf,
    /// The parent directories this import created, outermost first: removed again when the
    /// import is refused, so that a refused import into `nest/a/b` leaves no `nest/a`.
    made: Vec<PathBuf>,
}

impl Staging {
    /// Makes the parent of `target` if it is missing and removes the siblings of dead imports;
    /// the sibling itself is made by the store when it opens the database there. Fails when
    /// `target` has no name of its own (`/`) or its parent cannot be made or read.
    pub fn begin(target: &Path) -> io::Result<Staging> {
        let absolute = std::path::absolute(target)?;
        let (Some(parent), Some(name)) = (absolute.parent(), absolute.file_name()) else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "it names no directory of its own",
            ));
        };
        let made = make_parents(parent)?;
        let prefix = format!("{}.import-", name.to_string_lossy());
        remove_dead_imports(parent, &prefix)?;
        Ok(Staging {
            target: parent.join(name),
            sibling: parent.join(format!("{prefix}{}", std::process::id())),
            made,
        })
    }

    /// The directory to build the database in.
    pub fn path(&self) -> &Path {
        &self.sibling
    }

    /// Puts the finished database (closed) at `--db`: replaces an empty directory there, or,
    /// with `replace_database`, an empty database (which the caller found empty), and makes the
    /// rename durable.
    pub fn finish(self, replace_database: bool) -> io::Result<()> {
        if replace_database {
            std::fs::remove_dir_all(&self.target)?;
        }
        std::fs::rename(&self.sibling, &self.target)?;
        if let Some(parent) = self.target.parent() {
            std::fs::File::open(parent)?.sync_all()?;
        }
        Ok(())
    }

    /// Removes the sibling and the parents this import made: nothing of a refused import stays.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.sibling);
        for dir in self.made.iter().rev() {
            // Only while empty: whatever someone else put there meanwhile stays.
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// Creates `dir` and its missing ancestors; the ones it created, outermost first.
fn make_parents(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let missing: Vec<PathBuf> = dir
        .ancestors()
        .take_while(|d| !d.exists())
        .map(Path::to_path_buf)
        .collect();
    std::fs::create_dir_all(dir)?;
    Ok(missing.into_iter().rev().collect())
}

/// Removes every `<prefix><pid>` directory in `parent` whose process no longer runs (or is this
/// one, which has made none yet): the database of an import that was killed halfway.
fn remove_dead_imports(parent: &Path, prefix: &str) -> io::Result<()> {
    for entry in std::fs::read_dir(parent)? {
        let entry = entry?;
        let name = entry.file_name();
        let pid = name
            .to_str()
            .and_then(|name| name.strip_prefix(prefix))
            .and_then(|pid| pid.parse::<u32>().ok());
        let Some(pid) = pid else { continue };
        if entry.file_type()?.is_dir() && !running(pid) {
            std::fs::remove_dir_all(entry.path())?;
        }
    }
    Ok(())
}

/// Whether another process with id `pid` runs (one of another user counts: it may not be
/// signalled, but it runs).
#[cfg(unix)]
fn running(pid: u32) -> bool {
    use rustix::io::Errno;
    use rustix::process::{test_kill_process, Pid};
    if pid == std::process::id() {
        return false;
    }
    let Some(pid) = i32::try_from(pid).ok().and_then(Pid::from_raw) else {
        return false;
    };
    !matches!(test_kill_process(pid), Err(Errno::SRCH))
}

/// Without a way to ask, every other import is taken to run: nothing is removed.
#[cfg(not(unix))]
fn running(pid: u32) -> bool {
    pid != std::process::id()
}
