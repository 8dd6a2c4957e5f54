//! The backups beside a test's database, as a user finds them: the files in the backup
//! directory, what is inside them, and the damaged databases `restore` kept aside.

// Each tests/*.rs is a crate of its own and uses only some of these helpers.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};

use super::cli::Db;

/// The default backup directory of `db` (`D.backups` beside the database directory `D`).
pub fn backup_dir(db: &Db) -> PathBuf {
    db.file("db.backups")
}

/// The backup files in `dir`, oldest first (none when there is no such dir). Unfinished
/// temporary files (`.signaal-….json.gz.tmp`) are not backups.
pub fn backups(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".json.gz"))
        .collect();
    found.sort();
    found
}

/// The JSON inside a backup file (an export, gzip-compressed).
pub fn backup_json(file: &Path) -> String {
    let mut json = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(file).unwrap())
        .read_to_string(&mut json)
        .unwrap_or_else(|e| panic!("{} is not gzip: {e}", file.display()));
    json
}

/// The JSON inside each backup in `dir`, oldest first.
pub fn backup_contents(dir: &Path) -> Vec<String> {
    backups(dir).iter().map(|f| backup_json(f)).collect()
}

/// The `db.damaged-*` directories beside the database.
pub fn kept_aside(db: &Db) -> Vec<PathBuf> {
    std::fs::read_dir(db.dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("db.damaged-"))
        .collect()
}
