//! The database is for its owner's eyes only: no file or directory in it can be read by the group
//! or others, including the ones sled writes while the database is open.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use super::tests::{fresh, sig};
use super::*;
use crate::domain::GroupKind;

/// Every file and directory under `dir` (itself included) that the group or others may read,
/// write or enter, with its mode.
fn not_owner_only(dir: &Path) -> Vec<(PathBuf, u32)> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(path) = todo.pop() {
        let meta = std::fs::symlink_metadata(&path).unwrap();
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            found.push((path.clone(), mode));
        }
        if meta.is_dir() {
            todo.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        }
    }
    found
}

#[test]
fn every_file_sled_writes_is_owner_only() {
    let (dir, store) = fresh();
    // A value this large goes to a blob file of its own, written by sled while the database is
    // open, not when it is opened.
    let location = "Lindelaan ".repeat(100_000);
    store
        .add_group("De Vlinders", GroupKind::Kdv, &location, &sig())
        .unwrap();
    store.db.flush().unwrap();
    let db = dir.path().join("db");
    assert!(db.join("blobs").read_dir().unwrap().next().is_some());
    drop(store);
    assert_eq!(not_owner_only(&db), vec![]);
}

#[test]
fn an_older_database_is_made_owner_only_when_opened() {
    let dir = tempfile::TempDir::new().unwrap();
    let db = dir.path().join("db");
    drop(Store::open(&db).unwrap());
    for path in [db.clone(), db.join("conf"), db.join("db")] {
        let mode = if path.is_dir() { 0o755 } else { 0o644 };
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    assert_eq!(not_owner_only(&db).len(), 3);
    drop(Store::open(&db).unwrap());
    assert_eq!(not_owner_only(&db), vec![]);
}
