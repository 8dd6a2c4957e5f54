use std::io::Read;
use std::path::Path;

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use tempfile::TempDir;

use super::*;
use crate::domain::AuditAction;
use crate::export::Export;

fn now() -> DateTime<FixedOffset> {
    Utc.with_ymd_and_hms(2026, 11, 29, 10, 15, 0)
        .unwrap()
        .fixed_offset()
}

/// A demo store in a temp dir, and the temp dir.
fn demo() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    let data = crate::demo::generate(&Default::default(), now());
    store.import(&data).unwrap();
    (dir, store)
}

fn json_of(path: &Path) -> Export {
    let mut text = String::new();
    export_reader(path)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn a_backup_is_the_export_and_its_header_has_the_counts() {
    let (tmp, store) = demo();
    let dir = tmp.path().join("db.backups");
    let (path, header) = make(&store, &dir, now()).unwrap();
    assert_eq!(path, dir.join("signaal-20261129T101500Z.json.gz"));
    let data = store.export(now()).unwrap();
    assert_eq!(header.children, data.children.len() as u64);
    assert_eq!(header.observations, data.observations.len() as u64);
    assert_eq!(header.trajectories, data.trajectories.len() as u64);
    assert!(header.children > 0 && header.observations > 0);
    assert_eq!(header.at, now().to_utc());
    assert_eq!(read_header(&path).unwrap(), header);
    assert_eq!(verify(&path).unwrap(), (header, true));
    let restored = json_of(&path);
    assert_eq!(restored.children, data.children);
    assert_eq!(restored.audit, data.audit);
    // Nothing left behind but the backup.
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(names.len(), 1);
}

#[test]
fn any_flipped_byte_fails_the_check() {
    let (tmp, store) = demo();
    let (path, _) = make(&store, &tmp.path().join("b"), now()).unwrap();
    let good = std::fs::read(&path).unwrap();
    // In the counts of the comment, in the compressed body and in gzip's trailer.
    let comment_digit = good.iter().position(|b| *b == b'=').unwrap() + 3;
    for at in [comment_digit, good.len() / 2, good.len() - 2] {
        let mut bad = good.clone();
        bad[at] ^= 0x04;
        std::fs::write(&path, &bad).unwrap();
        match verify(&path) {
            Ok((_, holds)) => assert!(!holds, "byte {at} of {}", good.len()),
            Err(BackupError::NotABackup(_)) => {}
            Err(other) => panic!("{other}"),
        }
    }
    std::fs::write(&path, &good[..good.len() - 100]).unwrap();
    assert!(!verify(&path).unwrap().1, "cut short");
}

#[test]
fn a_file_that_is_not_a_backup_says_so() {
    let tmp = TempDir::new().unwrap();
    let path = tmp.path().join("x.json.gz");
    for content in [&b""[..], b"{}", b"\x1f\x8b\x08\x00\0\0\0\0\0\xff"] {
        std::fs::write(&path, content).unwrap();
        assert!(matches!(verify(&path), Err(BackupError::NotABackup(_))));
    }
    assert!(matches!(
        read_header(&tmp.path().join("missing")),
        Err(BackupError::Io { .. })
    ));
}

#[cfg(unix)]
#[test]
fn backups_are_for_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, store) = demo();
    let dir = tmp.path().join("new").join("backups");
    let (path, _) = make(&store, &dir, now()).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&dir), 0o700);
}

/// A backup directory found in place is checked as the reports directory is: one of ours open to
/// others is made owner-only, a symbolic link is refused; and a symbolic link at the temporary
/// file's name (`.NAME.tmp`) is removed, never written through.
#[cfg(unix)]
#[test]
fn a_backup_directory_found_in_place_is_checked_and_links_are_not_followed() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, store) = demo();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tmp.path().join("backups");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let outside = tmp.path().join("outside.txt");
    std::fs::write(&outside, "not yours\n").unwrap();
    let temp = dir.join(format!(".{}.tmp", file_name(now().to_utc())));
    std::os::unix::fs::symlink(&outside, &temp).unwrap();

    let (path, _) = make(&store, &dir, now()).unwrap();
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "not yours\n");
    assert!(std::fs::symlink_metadata(&path)
        .unwrap()
        .file_type()
        .is_file());
    assert_eq!(mode(&path), 0o600);
    assert!(verify(&path).unwrap().1);
    assert!(
        std::fs::symlink_metadata(&temp).is_err(),
        "the link is gone"
    );

    let linked = tmp.path().join("linked");
    std::os::unix::fs::symlink(&dir, &linked).unwrap();
    let refused = make(&store, &linked, now()).unwrap_err();
    let BackupError::Io { error, .. } = &refused else {
        panic!("{refused}")
    };
    assert_eq!(unsafe_dir(error), Some(UnsafeDir::Symlink), "{refused}");
    assert!(refused.to_string().contains("symbolic link"), "{refused}");
}

#[test]
fn old_backups_and_unfinished_ones_are_removed_other_files_stay() {
    let (tmp, store) = demo();
    let dir = tmp.path().join("b");
    std::fs::create_dir(&dir).unwrap();
    let old = Utc.with_ymd_and_hms(2026, 11, 29, 9, 0, 0).unwrap();
    // 25 backups a minute apart this morning: the oldest 5 go when a new one comes.
    for m in 0..25 {
        let at = old + chrono::Duration::minutes(m);
        std::fs::write(dir.join(file_name(at)), b"old").unwrap();
    }
    let leftover = dir.join(format!(".{}.tmp", file_name(old)));
    std::fs::write(&leftover, b"half").unwrap();
    std::fs::write(dir.join("notes.txt"), b"mine").unwrap();
    make(&store, &dir, now()).unwrap();
    let left = list(&dir).unwrap();
    assert_eq!(left.len(), 20);
    assert_eq!(left.last().unwrap().at, now().to_utc());
    assert!(!leftover.exists());
    assert!(dir.join("notes.txt").exists());
}

#[test]
fn the_newest_good_backup_is_found() {
    let (tmp, store) = demo();
    let dir = tmp.path().join("b");
    let (first, _) = make(&store, &dir, now()).unwrap();
    let later = now() + chrono::Duration::minutes(5);
    let (second, _) = make(&store, &dir, later).unwrap();
    assert_eq!(newest_verified(&dir).unwrap().unwrap().0.path, second);
    std::fs::write(&second, b"damaged").unwrap();
    assert_eq!(newest_verified(&dir).unwrap().unwrap().0.path, first);
    assert_eq!(newest_verified(&tmp.path().join("none")).unwrap(), None);
}

#[test]
fn the_backup_dir_is_the_setting_else_beside_the_database() {
    let given = Path::new("/media/usb/signaal");
    assert_eq!(dir_for(Path::new("/data/db"), Some(given)), given);
    assert_eq!(
        dir_for(Path::new("/data/db"), None),
        Path::new("/data/db.backups")
    );
    assert_eq!(
        dir_for(Path::new("/data/db/"), None),
        Path::new("/data/db.backups")
    );
    let relative = dir_for(Path::new("db"), None);
    assert!(relative.is_absolute() && relative.ends_with("db.backups"));
}

fn signature(minutes: i64) -> crate::store::Signature {
    crate::store::Signature {
        by: "Ingrid".into(),
        at: now() + chrono::Duration::minutes(minutes),
    }
}

#[test]
fn the_trail_is_compared_with_a_backups_entry_by_entry() {
    let (tmp, store) = demo();
    let (path, _) = make(&store, &tmp.path().join("b"), now()).unwrap();
    assert_eq!(first_difference(&store, &path).unwrap(), None);
    // Later entries are fine.
    let group = format!("group:{}", store.groups().unwrap()[0].id);
    store
        .record(AuditAction::GroupEdit, group.clone(), &signature(1))
        .unwrap();
    assert_eq!(first_difference(&store, &path).unwrap(), None);
    assert_eq!(last_restore(&store).unwrap(), None);

    // A backup of the same data whose second entry was rewritten, its chain sealed again.
    let mut rewritten = store.export(now()).unwrap();
    rewritten.audit[1].by = "Iemand Anders".into();
    crate::domain::audit::seal_all(&mut rewritten.audit);
    let other_dir = TempDir::new().unwrap();
    let other = Store::open(&other_dir.path().join("db")).unwrap();
    other.import(&rewritten).unwrap();
    let (other_backup, _) = make(&other, &tmp.path().join("c"), now()).unwrap();
    let difference = first_difference(&store, &other_backup).unwrap().unwrap();
    assert_eq!(difference.position, 2);
    let ours = store.audit().unwrap();
    assert_eq!(difference.database.as_ref(), Some(&ours[1]));
    assert_eq!(difference.backup.unwrap().by, "Iemand Anders");

    // The database's trail ends before the backup's.
    let (longer, _) = make(&store, &tmp.path().join("d"), now()).unwrap();
    let short_dir = TempDir::new().unwrap();
    let short = Store::open(&short_dir.path().join("db")).unwrap();
    let mut cut = json_of(&path);
    cut.audit.truncate(1);
    short.import(&cut).unwrap();
    let difference = first_difference(&short, &longer).unwrap().unwrap();
    assert_eq!(difference.position, 2);
    assert_eq!(difference.database, None);
}

#[test]
fn the_last_restore_is_found() {
    let (_tmp, store) = demo();
    let restore = AuditAction::Restore;
    store
        .record(restore, "backup:a".into(), &signature(1))
        .unwrap();
    let group = format!("group:{}", store.groups().unwrap()[0].id);
    store
        .record(AuditAction::GroupEdit, group, &signature(2))
        .unwrap();
    store
        .record(restore, "backup:b".into(), &signature(3))
        .unwrap();
    let trail = store.audit().unwrap();
    assert_eq!(last_restore(&store).unwrap(), Some(trail.len()));
}

#[test]
fn a_backup_that_is_not_an_export_is_unreadable_not_a_difference() {
    let (tmp, store) = demo();
    let path = tmp.path().join("signaal-20261129T101500Z.json.gz");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&path).unwrap(),
        flate2::Compression::fast(),
    );
    std::io::Write::write_all(&mut gz, b"{\"format\": ").unwrap();
    gz.finish().unwrap();
    let err = first_difference(&store, &path).unwrap_err();
    assert!(matches!(err, BackupError::Unreadable { .. }), "{err}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
}
