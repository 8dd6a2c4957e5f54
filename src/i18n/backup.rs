//! What the header says about automatic backups that failed or are late.

use chrono::{DateTime, FixedOffset, Utc};

use super::Lang;
use crate::backup::{BackupStatus, Failure};

impl Lang {
    /// "Backup failed: the disk of /media/usb is full." or "Last backup: 14:02 (12 min ago)";
    /// times in the time zone of `now`.
    pub fn backup_status(self, status: &BackupStatus, now: DateTime<FixedOffset>) -> String {
        match status {
            BackupStatus::Failed(failure) => {
                let why = match failure {
                    Failure::DiskFull(dir) => self.pick(
                        format!("de schijf van {} is vol", dir.display()),
                        format!("the disk of {} is full", dir.display()),
                    ),
                    Failure::NotAllowed(dir) => self.pick(
                        format!("geen toestemming om in {} te schrijven", dir.display()),
                        format!("no permission to write in {}", dir.display()),
                    ),
                    Failure::Missing(dir) => self.pick(
                        format!("map {} niet gevonden (USB-stick eruit?)", dir.display()),
                        format!("folder {} not found (USB stick removed?)", dir.display()),
                    ),
                    Failure::Unsafe(dir, why) => {
                        let (dir, why) = (dir.display(), self.unsafe_dir(*why));
                        self.pick(
                            format!("de map {dir} {why}"),
                            format!("the folder {dir} {why}"),
                        )
                    }
                    Failure::Other(text) => text.clone(),
                };
                self.pick(
                    format!("Back-up mislukt: {why}."),
                    format!("Backup failed: {why}."),
                )
            }
            BackupStatus::Late(None) => self.pick(
                "Nog geen back-up van de wijzigingen".into(),
                "No backup of the changes yet".into(),
            ),
            BackupStatus::Late(Some(at)) => self.last_backup(*at, now),
        }
    }

    fn last_backup(self, at: DateTime<Utc>, now: DateTime<FixedOffset>) -> String {
        let local = at.with_timezone(now.offset());
        let when = if local.date_naive() == now.date_naive() {
            local.format("%H:%M").to_string()
        } else {
            format!(
                "{} {}",
                self.date(local.date_naive()),
                local.format("%H:%M")
            )
        };
        let minutes = (now.to_utc() - at).num_minutes().max(0);
        self.pick(
            format!("Laatste back-up: {when} ({minutes} min geleden)"),
            format!("Last backup: {when} ({minutes} min ago)"),
        )
    }
}
