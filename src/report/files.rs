//! Reports written from the TUI (`R`) go into the reports directory as owner-only files: they
//! hold children's names and what staff saw, on a shared group terminal. The directory is
//! `reports_dir` in the config file, else `reports` beside the database directory (for the
//! default database: under the data directory). Made 0700 when signaal makes it, each file
//! 0600 (the private files of [`crate::backup`]). File names hold the date, the kind and, for a
//! child, its id; never a name.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::Id;

/// The reports directory: `setting` (`reports_dir` in the config file) when given, else
/// `reports` beside the database directory `db`.
pub fn dir_for(db: &Path, setting: Option<&Path>) -> PathBuf {
    if let Some(dir) = setting {
        return dir.to_path_buf();
    }
    let db = std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf());
    // `--db .` or `--db some/db/` have no plain last part: beside it is its parent still.
    let db = db.components().collect::<PathBuf>();
    match db.parent() {
        Some(parent) => parent.join("reports"),
        None => db.join("reports"),
    }
}

/// When a report was written, as its file name starts: "2026-11-29-1015". The time keeps a
/// morning's report (perhaps already printed and signed) from being replaced by the afternoon's.
fn stamp(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d-%H%M").to_string()
}

/// "2026-11-29-1015-parents-report-child-20.md": the parents' report of child `child`, written
/// at `at` (local time).
pub fn parents_report_name(at: NaiveDateTime, child: Id) -> String {
    format!("{}-parents-report-child-{child}.md", stamp(at))
}

/// "2026-11-29-1015-care-team-2026-11.md": the care-team report of `month` (its first day),
/// written at `at` (local time).
pub fn care_team_name(at: NaiveDateTime, month: NaiveDate) -> String {
    format!("{}-care-team-{}.md", stamp(at), month.format("%Y-%m"))
}

/// Writes `text` to the owner-only file `name` in `dir` (made owner-only when it is made; a
/// file of that name, written earlier the same minute, is replaced), flushed to disk; its path.
///
/// # Errors
/// The directory cannot be made or the file cannot be written.
pub fn write_private(dir: &Path, name: &str, text: &str) -> io::Result<PathBuf> {
    crate::backup::create_private_dir(dir)?;
    let path = dir.join(name);
    let mut file = crate::backup::create_private(&path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(unix)]
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_default_is_reports_beside_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db");
        assert_eq!(dir_for(&db, None), dir.path().join("reports"));
        assert_eq!(
            dir_for(&dir.path().join("db/"), None),
            dir.path().join("reports")
        );
        let set = dir.path().join("elders");
        assert_eq!(dir_for(&db, Some(&set)), set);
    }

    #[test]
    fn names_hold_date_time_kind_and_id_only() {
        let at = NaiveDate::from_ymd_opt(2026, 11, 29)
            .and_then(|d| d.and_hms_opt(9, 5, 30))
            .unwrap();
        assert_eq!(
            parents_report_name(at, 20),
            "2026-11-29-0905-parents-report-child-20.md"
        );
        let month = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        assert_eq!(
            care_team_name(at, month),
            "2026-11-29-0905-care-team-2026-10.md"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_directory_and_file_are_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let reports = dir.path().join("reports");
        let path = write_private(&reports, "a.md", "# A\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "# A\n");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&reports), 0o700);
        // Again the same day: replaced, still owner-only.
        let again = write_private(&reports, "a.md", "# B\n").unwrap();
        assert_eq!(std::fs::read_to_string(&again).unwrap(), "# B\n");
        assert_eq!(mode(&again), 0o600);
    }
}
