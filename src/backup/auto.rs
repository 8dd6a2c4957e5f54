//! The TUI's automatic backups: at most `backup_after` after a change, on a thread of their own
//! with a clone of the store, so a key press never waits for one; one more when signaal stops.
//!
//! The app calls [`AutoBackup::tick`] often (on each key and each idle tick of the event loop);
//! that only reads the store's change counter and the clock, and starts or collects the thread.

use std::io::ErrorKind;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, SubsecRound, TimeDelta, Utc};

use super::{BackupError, Header};
use crate::store::Store;

type Made = Result<(PathBuf, Header), BackupError>;

/// Automatic backups of one open database. A handle: clones share one state, so the thread that
/// handles SIGTERM can make the last backup when the event loop cannot (see `commands`).
#[derive(Clone)]
pub struct AutoBackup(Arc<Mutex<State>>);

struct State {
    store: Store,
    dir: PathBuf,
    after: TimeDelta,
    /// The store's change count the newest backup includes; `None` while the database holds
    /// changes no backup has (made before this start, by a signaal that was killed before its
    /// backup), so that the first tick schedules one.
    covered: Option<u64>,
    /// Since when changes are waiting for a backup (when a tick first saw them).
    pending_since: Option<DateTime<FixedOffset>>,
    /// The running backup: when it started, the change count it includes, its thread. Never more
    /// than one.
    running: Option<Running>,
    /// When the newest backup in the directory was made (found at start, then each one made).
    last_made: Option<DateTime<Utc>>,
    /// Why the latest attempt failed, until one succeeds.
    failure: Option<Failure>,
}

struct Running {
    started: DateTime<FixedOffset>,
    covered: u64,
    thread: JoinHandle<Made>,
}

/// Why an automatic backup failed, in kinds a user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// No room left on the disk of the backup directory.
    DiskFull(PathBuf),
    /// The backup directory may not be written (or is on a read-only disk).
    NotAllowed(PathBuf),
    /// The backup directory (or the disk it is on, such as a USB stick) is not there.
    Missing(PathBuf),
    /// The backup directory found in place is not safe to use (a symbolic link, another
    /// user's): the directory and why.
    Unsafe(PathBuf, super::UnsafeDir),
    /// Anything else, as the system says it.
    Other(String),
}

impl Failure {
    fn of(error: &BackupError) -> Failure {
        match error {
            BackupError::Io { path, error } => {
                if let Some(why) = super::unsafe_dir(error) {
                    return Failure::Unsafe(path.clone(), why);
                }
                let dir = path.parent().unwrap_or(path).to_path_buf();
                match error.kind() {
                    _ if crate::store::is_full(error) => Failure::DiskFull(dir),
                    ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
                        Failure::NotAllowed(dir)
                    }
                    ErrorKind::NotFound => Failure::Missing(dir),
                    _ => Failure::Other(error.to_string()),
                }
            }
            other => Failure::Other(other.to_string()),
        }
    }
}

/// What the header says about backups, when there is something to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupStatus {
    /// The latest attempt failed.
    Failed(Failure),
    /// Changes have waited longer than expected; the last backup was made then (`None`: never).
    Late(Option<DateTime<Utc>>),
}

impl AutoBackup {
    /// Backups of `store` into `dir`, at most `after` after a change (`after` is not zero).
    pub fn new(store: Store, dir: PathBuf, after: Duration) -> AutoBackup {
        let last_made = super::list(&dir)
            .ok()
            .and_then(|found| found.last().map(|e| e.at));
        // The newest change is the trail's last entry: newer than the newest backup (or there is
        // none yet), and this session backs it up even if it changes nothing itself.
        let unbacked = match store.last_audit() {
            // A backup's time is whole seconds: a change in the second it was made counts as
            // in it (at worst that change waits for the next one).
            Ok(Some(entry)) => {
                last_made.is_none_or(|made| entry.at.to_utc().trunc_subsecs(0) > made)
            }
            Ok(None) => false,
            // Unreadable now: a backup will tell.
            Err(_) => true,
        };
        AutoBackup(Arc::new(Mutex::new(State {
            covered: (!unbacked).then(|| store.changes()),
            store,
            dir,
            after: TimeDelta::from_std(after).unwrap_or(TimeDelta::MAX),
            pending_since: None,
            running: None,
            last_made,
            failure: None,
        })))
    }

    /// The state; a panic elsewhere while it was held leaves nothing half-done in it.
    fn state(&self) -> MutexGuard<'_, State> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Collects a finished backup and starts one when changes have waited `after`. Cheap: never
    /// waits for a backup.
    pub fn tick(&self, now: DateTime<FixedOffset>) {
        self.state().tick(now)
    }

    /// What the header should say, if anything: a failure, or changes waiting much longer than
    /// `after` (the backup itself gets as long again, and at least half a minute).
    pub fn status(&self, now: DateTime<FixedOffset>) -> Option<BackupStatus> {
        self.state().status(now)
    }

    /// For when signaal stops: waits for a running backup, then makes one more if anything changed
    /// since. Returns the last one made, if any.
    pub fn finish(&self, now: DateTime<FixedOffset>) -> Option<Made> {
        self.state().finish(now)
    }
}

impl State {
    fn tick(&mut self, now: DateTime<FixedOffset>) {
        if self
            .running
            .as_ref()
            .is_some_and(|r| r.thread.is_finished())
        {
            self.collect();
        }
        if self.covered == Some(self.store.changes()) {
            return;
        }
        let since = *self.pending_since.get_or_insert(now);
        if self.running.is_none() && now - since >= self.after {
            self.start(now);
        }
    }

    fn status(&self, now: DateTime<FixedOffset>) -> Option<BackupStatus> {
        if let Some(failure) = &self.failure {
            return Some(BackupStatus::Failed(failure.clone()));
        }
        let grace = self.after.max(TimeDelta::seconds(30));
        // Saturating: an `after` near TimeDelta::MAX means "never late", not a panic.
        let limit = self.after.checked_add(&grace).unwrap_or(TimeDelta::MAX);
        let late = self.pending_since.is_some_and(|since| now - since > limit);
        late.then_some(BackupStatus::Late(self.last_made))
    }

    fn finish(&mut self, now: DateTime<FixedOffset>) -> Option<Made> {
        let mut last = self.collect();
        if self.covered != Some(self.store.changes()) {
            self.start(now);
            last = self.collect();
        }
        last
    }

    fn start(&mut self, now: DateTime<FixedOffset>) {
        let covered = self.store.changes();
        let (store, dir) = (self.store.clone(), self.dir.clone());
        let spawned = std::thread::Builder::new()
            .name("backup".into())
            .spawn(move || super::make(&store, &dir, now));
        match spawned {
            Ok(thread) => {
                self.running = Some(Running {
                    started: now,
                    covered,
                    thread,
                })
            }
            Err(e) => self.failure = Some(Failure::Other(e.to_string())),
        }
    }

    /// Waits for the running backup, if any, and takes in its outcome.
    fn collect(&mut self) -> Option<Made> {
        let running = self.running.take()?;
        let made = running.thread.join().unwrap_or_else(|_| {
            let stopped = std::io::Error::other("the backup stopped unexpectedly");
            Err(BackupError::io(&self.dir, stopped))
        });
        match &made {
            Ok((_, header)) => {
                self.covered = Some(running.covered);
                self.last_made = Some(header.at);
                self.failure = None;
                // Changes made while it ran have waited since it started.
                self.pending_since =
                    (self.covered != Some(self.store.changes())).then_some(running.started);
            }
            Err(error) => {
                self.failure = Some(Failure::of(error));
                // The next try comes `after` later, not on the next tick.
                self.pending_since = Some(running.started);
            }
        }
        Some(made)
    }
}
