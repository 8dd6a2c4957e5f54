//! The database is for its owner's eyes only: no file or directory in it can be read, written or
//! entered by the group or others, including the files sled writes while the database is open,
//! those of a database made before signaal saw to this, and those of the real
//! `signaal demo --db DIR`.

#![cfg(unix)]

mod common {
    pub mod cli;
}

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::Local;
use signaal::domain::GroupKind;
use signaal::store::{Signature, Store};
use tempfile::TempDir;

use common::cli::{Db, NO_CONFIG_HOME};

/// Every file and directory under `dir` (itself included) with a permission for the group or
/// others, with its mode.
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
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("db");
    let store = Store::open(&db).unwrap();
    // A value this large goes to a blob file of its own, which sled writes while the database is
    // open, not when it is opened. Every write is flushed before it returns. Numbers that do not
    // repeat, as records are stored compressed.
    let numbers = (0..100_000u64).map(|i| (i * 2_654_435_761 % 1_000_003).to_string());
    let location = numbers.collect::<Vec<_>>().join(" ");
    let sig = Signature {
        by: "Test".into(),
        at: Local::now().fixed_offset(),
    };
    store
        .add_group("De Vlinders", GroupKind::Kdv, &location, &sig)
        .unwrap();
    assert!(db.join("blobs").read_dir().unwrap().next().is_some());
    drop(store);
    assert_eq!(not_owner_only(&db), vec![]);
}

#[test]
fn an_older_database_is_made_owner_only_when_opened() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("db");
    Store::open(&db).unwrap().close().unwrap();
    for (path, mode) in [
        (db.clone(), 0o755),
        (db.join("conf"), 0o644),
        (db.join("db"), 0o644),
    ] {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    assert_eq!(not_owner_only(&db).len(), 3);
    drop(Store::open(&db).unwrap());
    assert_eq!(not_owner_only(&db), vec![]);
}

#[test]
fn demo_writes_a_database_only_its_owner_can_read() {
    let db = Db::empty();
    // Under the umask most systems start with (022), which would leave the files readable by
    // all; not under the one this process may have by now (the tests above open stores in it).
    let demo = Command::new("/bin/sh")
        .args(["-c", "umask 022 && exec \"$0\" demo --db \"$1\""])
        .args([env!("CARGO_BIN_EXE_signaal"), db.path()])
        .env_clear()
        .env("LANG", "C.UTF-8")
        .env("XDG_CONFIG_HOME", NO_CONFIG_HOME)
        .output()
        .unwrap();
    assert!(demo.status.success(), "{demo:?}");
    let dir = Path::new(db.path());
    assert!(dir.join("conf").is_file());
    assert_eq!(not_owner_only(dir), vec![]);
}
