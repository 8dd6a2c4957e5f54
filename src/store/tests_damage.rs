//! Damaged leftovers, a torn tail and a full disk (issue 11): the real sled files in a temp dir.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::tests::sig;
use super::*;
use crate::domain::GroupKind;

/// Every file under `dir` with its bytes, to see that damaged files are kept as they were.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut all = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            for (sub, bytes) in files(&path) {
                all.insert(Path::new(path.file_name().unwrap()).join(sub), bytes);
            }
        } else {
            all.insert(path.file_name().unwrap().into(), fs::read(&path).unwrap());
        }
    }
    all
}

/// A database in `dir/db` with `n` groups, each added in a write of its own, closed and then
/// opened once more, so that sled wrote a snapshot at the end of its log.
fn with_groups(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("db");
    let store = Store::open(&path).unwrap();
    for i in 0..n {
        store
            .add_group(&format!("Groep {i}"), GroupKind::Kdv, "", &sig())
            .unwrap();
    }
    drop(store);
    drop(Store::open(&path).unwrap());
    (dir, path)
}

fn group_names(store: &Store) -> Vec<String> {
    store
        .groups()
        .unwrap()
        .into_iter()
        .map(|g| g.name)
        .collect()
}

fn expected(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("Groep {i}")).collect()
}

/// The names in `dir`'s parent other than `dir` itself: where damaged files were moved.
fn beside(path: &Path) -> Vec<String> {
    let mut names: Vec<_> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "db")
        .collect();
    names.sort();
    names
}

/// The lsn sled's newest snapshot was written at (its name, in hex): how far the log was sound.
fn snapshot_lsn(path: &Path) -> u64 {
    let names = fs::read_dir(path).unwrap().filter_map(|e| {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        name.strip_prefix("snap.").map(str::to_string)
    });
    let newest = names.max().expect("sled wrote a snapshot");
    u64::from_str_radix(&newest, 16).unwrap()
}

#[test]
fn an_empty_unfinished_snapshot_does_not_stop_opening() {
    let (_dir, path) = with_groups(3);
    let leftover = path.join(format!("snap.{:016X}.generating", snapshot_lsn(&path) + 1));
    fs::write(&leftover, b"").unwrap();

    let store = Store::open(&path).unwrap();
    assert_eq!(group_names(&store), expected(3));
    assert!(!leftover.exists(), "the leftover is cleared");
    assert_eq!(store.recovered(), None, "nothing needed repairing");
}

#[test]
fn a_leftover_is_not_touched_while_another_signaal_holds_the_database() {
    let (_dir, path) = with_groups(1);
    let holder = Store::open(&path).unwrap();
    let leftover = path.join("snap.00000000000FFFFF.generating");
    fs::write(&leftover, b"").unwrap();
    assert!(matches!(Store::open(&path), Err(StoreError::InUse(_))));
    assert!(leftover.exists());
    drop(holder);
}

#[test]
fn an_empty_snapshot_or_conf_costs_nothing_and_the_damaged_files_are_kept() {
    for damage in ["snap", "conf"] {
        let (_dir, path) = with_groups(4);
        let target = match damage {
            "snap" => path.join(format!("snap.{:016X}", snapshot_lsn(&path))),
            _ => path.join("conf"),
        };
        let keep = fs::read(&target).unwrap();
        // An empty snapshot, or half a conf file (sled treats an empty one as missing).
        fs::write(
            &target,
            &keep[..keep.len() / 2 * usize::from(damage == "conf")],
        )
        .unwrap();
        let before = files(&path);

        let store = Store::open(&path).unwrap();
        assert_eq!(group_names(&store), expected(4), "{damage}");
        let recovered = store.recovered().expect("repaired").clone();
        assert_eq!(recovered.lost_bytes, 0, "{damage}");
        assert_eq!(
            files(&recovered.damaged),
            before,
            "{damage}: kept as they were"
        );
        assert_eq!(
            beside(&path),
            [recovered.damaged.file_name().unwrap().to_string_lossy()]
        );
    }
}

#[test]
fn a_cut_tail_loses_at_most_the_last_write() {
    let n = 12;
    let (_dir, path) = with_groups(n);
    let db = path.join("db");
    let len = fs::metadata(&db).unwrap().len();
    fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .unwrap()
        .set_len(len - 100)
        .unwrap();

    let store = Store::open(&path).unwrap();
    let names = group_names(&store);
    assert!(
        names == expected(n) || names == expected(n - 1),
        "{names:?}"
    );
}

#[test]
fn a_torn_last_write_before_the_snapshot_is_repaired_at_the_cost_of_that_write() {
    let n = 12;
    let (_dir, path) = with_groups(n);
    // The log (one segment: its lsn is its file offset) ends where the snapshot says; cutting
    // 100 bytes before that tears the last write, as a power cut does to a file that ends there.
    let db = path.join("db");
    let end = snapshot_lsn(&path);
    fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .unwrap()
        .set_len(end - 100)
        .unwrap();
    let before = files(&path);

    let store = Store::open(&path).unwrap();
    // The tear falls in the last write: it is lost, or completed from its journal record when
    // that came before the tear (`journal.rs`); never half there.
    let names = group_names(&store);
    assert!(
        names == expected(n) || names == expected(n - 1),
        "{names:?}"
    );
    assert_eq!(store.check().unwrap(), Vec::new());
    let recovered = store.recovered().expect("repaired").clone();
    assert!(
        recovered.lost_bytes > 0 && recovered.lost_bytes <= MAX_LOSS,
        "{recovered:?}"
    );
    assert_eq!(
        files(&recovered.damaged),
        before,
        "the damaged files are kept as they were"
    );
    // The repaired database is a sound one: it reopens without another repair and takes writes.
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.recovered(), None);
    store
        .add_group("Nieuw", GroupKind::Bso, "", &sig())
        .unwrap();
    assert_eq!(group_names(&store).len(), names.len() + 1);
}

#[test]
fn a_flipped_byte_in_the_middle_is_refused_and_the_files_are_left_untouched() {
    // Enough writes that two thirds of the log are well over `MAX_LOSS` (60 groups: 69 KiB).
    let (_dir, path) = with_groups(150);
    let db = path.join("db");
    let mut bytes = fs::read(&db).unwrap();
    let middle = snapshot_lsn(&path) as usize / 3;
    bytes[middle] ^= 0xff;
    fs::write(&db, &bytes).unwrap();
    let before = files(&path);

    match Store::open(&path) {
        Err(StoreError::DamagedFiles(at)) => assert_eq!(at, path),
        other => panic!(
            "expected DamagedFiles, got {:?}",
            other.map(|s| group_names(&s))
        ),
    }
    assert_eq!(files(&path), before, "not one byte changed");
    assert!(
        beside(&path).is_empty(),
        "no copy left behind: {:?}",
        beside(&path)
    );
}

#[test]
fn a_full_disk_fails_the_write_and_the_next_one_succeeds_in_the_same_session() {
    let (_dir, path) = with_groups(1);
    let store = Store::open(&path).unwrap();
    let reader = store.clone();

    store.fail_next_writes(1);
    let failed = store.add_group("Vol", GroupKind::Kdv, "", &sig());
    assert!(matches!(failed, Err(StoreError::DiskFull)), "{failed:?}");
    assert_eq!(group_names(&reader), expected(1), "nothing of it was saved");

    store
        .add_group("Ruimte", GroupKind::Kdv, "", &sig())
        .unwrap();
    assert_eq!(
        group_names(&reader),
        ["Groep 0", "Ruimte"],
        "a clone sees it too"
    );
    drop((store, reader));
    assert_eq!(
        group_names(&Store::open(&path).unwrap()),
        ["Groep 0", "Ruimte"]
    );
}

#[test]
fn a_reopen_waits_for_a_thread_that_still_reads() {
    let (_dir, path) = with_groups(1);
    let store = Store::open(&path).unwrap();
    let held = store.trees().unwrap();
    store.fail_next_writes(1);
    assert!(store.add_group("Vol", GroupKind::Kdv, "", &sig()).is_err());
    // The stale trees are still in use: reads go on with them.
    assert_eq!(group_names(&store), expected(1));
    drop(held);
    store
        .add_group("Ruimte", GroupKind::Kdv, "", &sig())
        .unwrap();
    assert_eq!(group_names(&store), ["Groep 0", "Ruimte"]);
}
