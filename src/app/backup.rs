//! The app's side of automatic backups: ticking them along and what the header says about them.
//! The backups themselves run on their own thread (`crate::backup::AutoBackup`).

use std::path::PathBuf;

use super::App;
use crate::backup::{BackupError, Header};

impl App {
    /// Lets the automatic backups start or collect one; cheap, never waits.
    pub(super) fn tick_backups(&self) {
        if let Some(backups) = &self.backups {
            backups.tick(self.clock.now());
        }
    }

    /// For when signaal stops: waits for a running backup and makes one more if anything
    /// changed since. `None` when there are no automatic backups or nothing needed one.
    pub fn finish_backups(&self) -> Option<Result<(PathBuf, Header), BackupError>> {
        self.backups.as_ref()?.finish(self.clock.now())
    }

    /// What the header says about backups, in words, when they failed or are late.
    pub fn backup_notice(&self) -> Option<String> {
        let status = self.backups.as_ref()?.status(self.clock.now())?;
        Some(self.lang.backup_status(&status, self.clock.now()))
    }
}
