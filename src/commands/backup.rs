//! `backup`, `backups` and `restore`, the comparison of the audit trail with the backups that
//! `check` makes, and what every command says when the database's files are
//! damaged: which backup to restore, and how.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context as _, Result};
use chrono::{DateTime, Local, Utc};

use crate::app::Clock;
use crate::backup::{self, Header};
use crate::domain::AuditAction;
use crate::store::{self, Store, StoreError};

/// Where the backups of the database `db` are, and how the user set that (for the commands we
/// print): `setting` is `--backup-dir`, `SIGNAAL_BACKUP_DIR` or `backup_dir` of the config file.
pub struct Place<'a> {
    pub db: &'a Path,
    pub setting: Option<&'a Path>,
}

impl Place<'_> {
    fn dir(&self) -> PathBuf {
        backup::dir_for(self.db, self.setting)
    }

    /// The exact command that restores the newest good backup.
    fn restore_command(&self) -> String {
        let mut command = format!("signaal restore --db {}", quoted(self.db));
        if let Some(dir) = self.setting {
            command.push_str(&format!(" --backup-dir {}", quoted(dir)));
        }
        command
    }
}

/// `signaal backup [--to FILE]`.
pub fn backup(place: &Place, to: Option<&Path>) -> Result<ExitCode> {
    // Never over a file the user has: it might be anything (and a symlink points elsewhere).
    if let Some(file) = to.filter(|file| file.symlink_metadata().is_ok()) {
        bail!(
            "{} already exists; choose another name or remove it first",
            file.display()
        );
    }
    let dir = place.dir();
    let store = match super::open_existing(place.db) {
        Ok(store) => store,
        Err(e) => match (e.downcast_ref::<StoreError>(), to) {
            (Some(StoreError::InUse(_)), Some(file)) => return copy_newest(place, &dir, file),
            (Some(StoreError::InUse(_)), None) => bail!(
                "the database {} is in use by a running signaal, which makes its own backups in \
                 {} (unless its backup_after is 0); to copy the newest of those elsewhere, add \
                 --to FILE",
                place.db.display(),
                dir.display()
            ),
            _ => return Err(e),
        },
    };
    let now = Clock::System.now();
    let (path, header) = match to {
        Some(file) => (
            file.to_path_buf(),
            backup::write(&store, file, now.to_utc())?,
        ),
        None => backup::make(&store, &dir, now)?,
    };
    super::say(&format!(
        "backup written to {}: {}",
        path.display(),
        holds(&header)
    ));
    Ok(ExitCode::SUCCESS)
}

/// While a running signaal holds the database: its newest automatic backup, copied to `file`.
fn copy_newest(place: &Place, dir: &Path, file: &Path) -> Result<ExitCode> {
    let Some((entry, header)) = backup::newest_verified(dir)? else {
        bail!(
            "the database {} is in use by a running signaal, and there is no good automatic \
             backup in {} to copy yet",
            place.db.display(),
            dir.display()
        );
    };
    backup::copy(&entry.path, file)?;
    super::say(&format!(
        "the database {} is in use by a running signaal, so its newest automatic backup \
         was copied to {}: made {} ({}); {}",
        place.db.display(),
        file.display(),
        local(header.at),
        ago(header.at),
        holds(&header)
    ));
    Ok(ExitCode::SUCCESS)
}

/// `signaal backups`: a table on stdout, newest first. Needs no database, so it works while the
/// TUI runs and when the database is damaged.
pub fn list(place: &Place) -> Result<ExitCode> {
    let dir = place.dir();
    let found = backup::list(&dir)?;
    let text = match found.is_empty() {
        true => format!("no backups in {}\n", dir.display()),
        false => {
            let header = format!(
                "{:<16}  {:>9}  {:>8}  {:>12}  {:>12}  {:<8}  FILE",
                "WHEN", "SIZE", "CHILDREN", "OBSERVATIONS", "TRAJECTORIES", "CHECKSUM"
            );
            let rows = found.iter().rev().map(|entry| row(entry) + "\n");
            format!("backups in {}:\n{header}\n", dir.display()) + &rows.collect::<String>()
        }
    };
    // The directory's and the files' names may hold control characters: they are shown.
    super::print_user_text(&text, "list of backups")
}

/// One line of `signaal backups`: when, size, what it holds, whether its checksum holds, name.
fn row(entry: &backup::Entry) -> String {
    let size = std::fs::metadata(&entry.path).map_or(0, |m| m.len());
    let (counts, checksum) = match backup::verify(&entry.path) {
        Ok((h, holds)) => (
            [h.children, h.observations, h.trajectories].map(|n| n.to_string()),
            if holds { "ok" } else { "BAD" },
        ),
        Err(backup::BackupError::NotABackup(_)) => (["-".into(), "-".into(), "-".into()], "BAD"),
        Err(_) => (["-".into(), "-".into(), "-".into()], "UNREADABLE"),
    };
    format!(
        "{:<16}  {:>9}  {:>8}  {:>12}  {:>12}  {:<8}  {}",
        local(entry.at),
        human_size(size),
        counts[0],
        counts[1],
        counts[2],
        checksum,
        entry.path.file_name().unwrap_or_default().to_string_lossy()
    )
}

/// `signaal restore [BACKUP] [--force]`.
pub fn restore(place: &Place, which: Option<&Path>, force: bool) -> Result<ExitCode> {
    let dir = place.dir();
    let (path, header) = chosen(&dir, which)?;
    let db = place.db;
    if db.exists() {
        refuse_if_healthy(db, force)?;
    }
    let temp = store::beside(db, "restoring");
    if let Err(e) = restore_into(&temp, &path) {
        // Only the directory this restore made; the database was not touched.
        let _ = std::fs::remove_dir_all(&temp);
        bail!(
            "{} could not be restored, and nothing was changed: {e:#}",
            path.display()
        );
    }
    let aside = if db.exists() {
        let aside = store::beside(db, "damaged");
        if let Err(e) = std::fs::rename(db, &aside) {
            let _ = std::fs::remove_dir_all(&temp);
            bail!(
                "cannot move {} aside to {}, so nothing was changed: {e}",
                db.display(),
                aside.display()
            );
        }
        Some(aside)
    } else {
        None
    };
    std::fs::rename(&temp, db)
        .with_context(|| format!("cannot move {} to {}", temp.display(), db.display()))?;
    if let Some(parent) = std::path::absolute(db)?.parent() {
        backup::sync_dir(parent).with_context(|| format!("cannot sync {}", parent.display()))?;
    }
    super::say(&format!(
        "restored {} from {}, made {} ({}): {}. Whatever was entered after that must be \
         entered again.",
        db.display(),
        path.display(),
        local(header.at),
        ago(header.at),
        holds(&header)
    ));
    if let Some(aside) = aside {
        super::say(&format!(
            "the database that was there is kept at {}",
            aside.display()
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// What comparing the database's audit trail with the backups found: `problems`, one sentence
/// per backup whose trail the database's no longer begins with; `notes`, one per backup that
/// could not be compared (its checksum fails, or it cannot be read), which says nothing about
/// the trail; and how many backups are from a history a restore replaced (`abandoned`).
#[derive(Debug, Default)]
pub struct TrailFindings {
    pub problems: Vec<String>,
    pub notes: Vec<String>,
    pub abandoned: usize,
}

/// Compares `store`'s audit trail with the trail of every backup in the place's directory whose
/// checksum holds, one backup and one entry at a time. A difference a restore explains (see
/// [`crate::domain::audit::TrailDifference::after_restore`]) is counted, not reported. Errors:
/// the database's trail cannot be read.
pub fn compare_trails(place: &Place, store: &Store) -> Result<TrailFindings> {
    let dir = place.dir();
    let mut findings = TrailFindings::default();
    let found = match backup::list(&dir) {
        Ok(found) => found,
        Err(e) => {
            findings.notes.push(format!(
                "{e}, so the audit trail was not compared with any backup"
            ));
            return Ok(findings);
        }
    };
    let last_restore = backup::last_restore(store)?;
    for entry in found {
        let path = &entry.path;
        let compared = match backup::verify(path) {
            Ok((_, true)) => backup::first_difference(store, path),
            Ok((_, false)) => {
                findings.notes.push(format!(
                    "the backup {} does not match its checksum (it is damaged), so the audit \
                     trail was not compared with it",
                    path.display()
                ));
                continue;
            }
            Err(e) => Err(e),
        };
        match compared {
            Ok(None) => {}
            Ok(Some(difference)) if difference.after_restore(last_restore) => {
                findings.abandoned += 1;
            }
            Ok(Some(difference)) => {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                findings.problems.push(difference.describe(&name));
            }
            Err(backup::BackupError::Store(e)) => return Err(e.into()),
            Err(e) => findings
                .notes
                .push(format!("{e}, so the audit trail was not compared with it")),
        }
    }
    Ok(findings)
}

/// The backup to restore: the one named (a file, or a name in `dir`), else the newest good one;
/// either way one whose checksum holds.
fn chosen(dir: &Path, which: Option<&Path>) -> Result<(PathBuf, Header)> {
    let Some(given) = which else {
        let (entry, header) = backup::newest_verified(dir)?.ok_or_else(|| {
            anyhow!(
                "there is no backup whose checksum holds in {}; `signaal backups` lists what is \
                 there",
                dir.display()
            )
        })?;
        return Ok((entry.path, header));
    };
    let in_dir = dir.join(given);
    let path = match (given.exists(), in_dir.exists()) {
        (true, _) => given.to_path_buf(),
        (false, true) => in_dir,
        (false, false) if in_dir == given => bail!("there is no backup {}", given.display()),
        (false, false) => bail!(
            "there is no backup {}, here or in the backup folder {}; `signaal backups` lists what \
             is there",
            given.display(),
            dir.display()
        ),
    };
    match backup::verify(&path)? {
        (header, true) => Ok((path, header)),
        (_, false) => bail!(
            "the backup {} does not match its checksum (it is damaged); `signaal backups` lists \
             the others",
            path.display()
        ),
    }
}

/// A healthy database (it opens, holds something and passes check) is only replaced with
/// `--force`; one in use is never.
fn refuse_if_healthy(db: &Path, force: bool) -> Result<()> {
    let healthy = match Store::open(db) {
        Ok(store) => !store.is_empty() && store.check().is_ok_and(|problems| problems.is_empty()),
        // A folder of other files is not moved aside to make room: it was never the database.
        Err(e @ (StoreError::InUse(_) | StoreError::NotADatabase(_))) => return Err(e.into()),
        Err(_) => false,
    };
    if healthy && !force {
        bail!(
            "the database {} is not damaged (it opens and passes check), so it is not replaced; \
             add --force to restore over it anyway (it is then kept aside, not deleted)",
            db.display()
        );
    }
    Ok(())
}

/// Loads the backup at `path` into a new database at `dir`, checks it and records the restore in
/// its audit trail, all while it is open this once: it is moved into place closed and not opened
/// again here, because sled's own threads let go of a closed database a moment after the last
/// handle is dropped, and an immediate reopen can then fail as "in use".
fn restore_into(dir: &Path, path: &Path) -> Result<()> {
    if dir.exists() {
        bail!("{} is in the way", dir.display());
    }
    let store = Store::open(dir)?;
    // Read twice by the import (to check, then to write), so opened afresh each time.
    store.import_from(|| backup::export_reader(path).map_err(std::io::Error::other))?;
    let problems = store.check()?;
    if !problems.is_empty() {
        bail!(
            "the restored database fails its check: {}",
            crate::i18n::Lang::En.inconsistencies(&problems)
        );
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    store.record(
        AuditAction::Restore,
        format!("backup:{name}"),
        &super::signature("signaal restore"),
    )?;
    // Closed for good before its directory is moved into place.
    store.close()?;
    Ok(())
}

/// Turns "the database is damaged" into what to do about it: the newest backup that verifies,
/// its age and the exact restore command, or, without one, an export to import. That covers
/// damage found on opening (sled's files, [`StoreError::DamagedFiles`]) and damage found while
/// reading (a bad checksum or an unreadable record, [`StoreError::Damaged`], for which `db`, the
/// database the command was given, says where). Any other error is returned as it is.
pub fn explain_damage(
    error: anyhow::Error,
    db: Option<&Path>,
    setting: Option<&Path>,
) -> anyhow::Error {
    let db = match error.downcast_ref::<StoreError>() {
        Some(StoreError::DamagedFiles(dir)) => dir.as_path(),
        Some(StoreError::Damaged(_)) => match db {
            Some(db) => db,
            None => return error,
        },
        _ => return error,
    };
    let place = Place { db, setting };
    let dir = place.dir();
    match newest_described(&dir) {
        Some(newest) => anyhow!(
            "{error}. The newest good backup is {newest}. Restore it with: {} (the damaged \
             database is kept aside)",
            place.restore_command()
        ),
        None => anyhow!(
            "{error}, and there is no good backup in {}. If you have an export, import it into a \
             new database with: signaal import --db NEW_DIR FILE",
            dir.display()
        ),
    }
}

/// Refuses to start a new database where one was most likely lost: the database is missing or
/// an empty folder while its backup folder holds a backup whose checksum holds. A new database
/// there would put a new history beside the old backups (and its first backup would become the
/// newest, the one a plain `restore` picks). Run by the commands that create a database from
/// nothing (`demo`, `import`; the TUI runs [`refuse_fresh_start_keeping`]) before they create
/// anything. Errors: such a database,
/// naming the newest good backup, the command that restores it, and how to start anew.
pub fn refuse_fresh_start(place: &Place) -> Result<()> {
    if let Some(store) = refuse_fresh_start_keeping(place)? {
        // Closed for good before the caller opens it again.
        let _ = store.close();
    }
    Ok(())
}

/// [`refuse_fresh_start`] for the TUI, which opens the database right after: when telling
/// needed the database opened (it exists and there are backups, the usual start), it is
/// handed back open instead of being closed and opened again (opening a large database is
/// tens of milliseconds of the first frame).
pub fn refuse_fresh_start_keeping(place: &Place) -> Result<Option<Store>> {
    let dir = place.dir();
    let (nothing_there, kept) = match store::found_at(place.db) {
        store::Found::Nothing | store::Found::EmptyFolder => (true, None),
        // Opened only when there are backups that could be meant: the usual start.
        store::Found::Database if backup::list(&dir).is_ok_and(|found| !found.is_empty()) => {
            match opened_unless_hollow(place.db) {
                Ok(store) => (false, store),
                Err(()) => (true, None),
            }
        }
        store::Found::Database | store::Found::OtherFiles => (false, None),
    };
    if !nothing_there {
        return Ok(kept);
    }
    let Some(newest) = newest_described(&dir) else {
        return Ok(None);
    };
    bail!(
        "the database {} is missing or empty, but there are backups of it in {}, so no new \
         database is started; the newest good backup is {newest}; restore it with: {}; to start \
         anew on purpose, choose another --db or move {} away",
        place.db.display(),
        dir.display(),
        place.restore_command(),
        dir.display()
    )
}

/// The database at `db`, opened; `Err` when it opens but holds nothing at all, not even an
/// audit entry (closed again then): sled can recover a damaged log to nothing without an error
/// (a database written once and never opened again has no snapshot that would tell it data is
/// missing). `Ok(None)` when it does not open: that is left for the caller's open to report.
fn opened_unless_hollow(db: &Path) -> std::result::Result<Option<Store>, ()> {
    let Ok(store) = Store::open(db) else {
        return Ok(None);
    };
    if store.is_empty() && matches!(store.last_audit(), Ok(None)) {
        // Closed for good before anything else opens it.
        let _ = store.close();
        return Err(());
    }
    Ok(Some(store))
}

/// The newest backup in `dir` whose checksum holds, for a user: "FILE, made WHEN (AGO): 40
/// children, …"; `None` when there is none (or `dir` cannot be read).
fn newest_described(dir: &Path) -> Option<String> {
    let (entry, header) = backup::newest_verified(dir).ok()??;
    Some(format!(
        "{}, made {} ({}): {}",
        entry.path.display(),
        local(header.at),
        ago(header.at),
        holds(&header)
    ))
}

/// "40 children, 180 observations, 12 trajectories".
fn holds(header: &Header) -> String {
    format!(
        "{} children, {} observations, {} trajectories",
        header.children, header.observations, header.trajectories
    )
}

/// A moment in local time, to the minute.
fn local(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// How long ago `at` was, roughly: "just now", "5 minutes ago", "3 hours ago", "2 days ago".
fn ago(at: DateTime<Utc>) -> String {
    let seconds = (Utc::now() - at).num_seconds();
    let (n, unit) = match seconds {
        s if s < 60 => return "just now".into(),
        s if s < 3600 => (s / 60, "minute"),
        s if s < 2 * 86400 => (s / 3600, "hour"),
        s => (s / 86400, "day"),
    };
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}

fn human_size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

/// A path as a shell takes it: as it is when that is safe, else in single quotes.
fn quoted(path: &Path) -> String {
    let text = path.display().to_string();
    let safe = |c: char| c.is_ascii_alphanumeric() || "/._-+:@%,=".contains(c);
    if !text.is_empty() && text.chars().all(safe) {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_quoted_for_the_shell_only_when_needed() {
        assert_eq!(quoted(Path::new("/data/db")), "/data/db");
        assert_eq!(quoted(Path::new("/my data/db")), "'/my data/db'");
        assert_eq!(quoted(Path::new("it's")), r"'it'\''s'");
    }

    #[test]
    fn ages_are_rough_and_plural_where_needed() {
        let now = Utc::now();
        assert_eq!(ago(now), "just now");
        assert_eq!(ago(now - chrono::Duration::seconds(61)), "1 minute ago");
        assert_eq!(ago(now - chrono::Duration::hours(5)), "5 hours ago");
        assert_eq!(ago(now - chrono::Duration::days(3)), "3 days ago");
    }
}
