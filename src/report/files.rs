//! Reports written from the TUI (`R`) go into the reports directory as owner-only files: they
//! hold children's names and what staff saw, on a shared group terminal. The directory is
//! `reports_dir` in the config file, else `reports` beside the database directory (for the
//! default database: under the data directory). Made 0700 when signaal makes it (a directory
//! found there: see [`write_private`]), each file 0600 (the private files of [`crate::backup`]). File names hold the date, the kind and, for a
//! child, its id; never a name.

use std::io;
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

/// Writes `text` to the owner-only file `name` in `dir`, flushed to disk; its path. `dir` is
/// made owner-only, or, found in place, used only when it is a directory of the same user
/// (then made owner-only); the file is written new beside its name and renamed onto it, so a
/// file of that name (written earlier the same minute) is replaced and a symbolic link put there
/// is replaced itself, never written through (`crate::backup`'s private files).
///
/// # Errors
/// The directory cannot be made or is refused (the error carries a
/// [`crate::backup::UnsafeDir`]), or the file cannot be written.
pub fn write_private(dir: &Path, name: &str, text: &str) -> io::Result<PathBuf> {
    crate::backup::create_private_dir(dir)?;
    let path = dir.join(name);
    crate::backup::write_whole(&path, text.as_bytes())?;
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

    /// A symbolic link put at a report's name, pointing at a file elsewhere: that file stays as
    /// it was, and the report is a regular owner-only file of its own.
    #[cfg(unix)]
    #[test]
    fn a_symlink_at_the_reports_name_is_replaced_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let reports = dir.path().join("reports");
        std::fs::create_dir(&reports).unwrap();
        let outside = dir.path().join("outside.txt");
        std::fs::write(&outside, "not yours\n").unwrap();
        std::fs::set_permissions(&outside, std::fs::Permissions::from_mode(0o644)).unwrap();
        let name = "2026-11-29-1015-parents-report-child-20.md";
        std::os::unix::fs::symlink(&outside, reports.join(name)).unwrap();
        // And one at the temporary file's name too.
        std::os::unix::fs::symlink(&outside, reports.join(format!(".{name}.tmp"))).unwrap();

        let path = write_private(&reports, name, "# Rapport\n").unwrap();
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "not yours\n");
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&outside), 0o644);
        let meta = std::fs::symlink_metadata(&path).unwrap();
        assert!(meta.file_type().is_file(), "a regular file, no link");
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "# Rapport\n");
        let left: Vec<_> = std::fs::read_dir(&reports).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file or link left: {left:?}");
    }

    /// A reports directory of ours that anyone may enter is made owner-only; a symbolic link in
    /// its place is refused, and where it points gets nothing.
    #[cfg(unix)]
    #[test]
    fn an_open_reports_directory_is_tightened_and_a_linked_one_refused() {
        let dir = tempfile::tempdir().unwrap();
        let reports = dir.path().join("reports");
        std::fs::create_dir(&reports).unwrap();
        std::fs::set_permissions(&reports, std::fs::Permissions::from_mode(0o777)).unwrap();
        write_private(&reports, "a.md", "# A\n").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&reports), 0o700);

        let linked = dir.path().join("linked");
        std::os::unix::fs::symlink(&reports, &linked).unwrap();
        let refused = write_private(&linked, "b.md", "# B\n").unwrap_err();
        assert_eq!(
            crate::backup::unsafe_dir(&refused),
            Some(crate::backup::UnsafeDir::Symlink)
        );
        assert!(!reports.join("b.md").exists());
    }
}
