//! What is at a database path before it is opened, and that a folder of other files is refused
//! before anything in it changes.

use std::os::unix::fs::PermissionsExt;

use tempfile::TempDir;

use super::*;

#[test]
fn what_is_at_a_path_is_told_apart() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("db");
    assert_eq!(found_at(&db), Found::Nothing);
    std::fs::create_dir(&db).unwrap();
    assert_eq!(found_at(&db), Found::EmptyFolder);
    std::fs::write(db.join("notes.txt"), "hi").unwrap();
    assert_eq!(found_at(&db), Found::OtherFiles);
    std::fs::remove_file(db.join("notes.txt")).unwrap();
    Store::open(&db).unwrap().close().unwrap();
    assert_eq!(found_at(&db), Found::Database);
}

#[test]
fn a_folder_of_other_files_is_refused_untouched() {
    let dir = TempDir::new().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "hi").unwrap();
    std::fs::set_permissions(&notes, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();

    let refused = Store::open(dir.path()).err().expect("refused");
    assert!(matches!(&refused, StoreError::NotADatabase(p) if p == dir.path()));
    assert!(refused.to_string().contains("not a signaal database"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["notes.txt"]);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&notes), 0o644);
    assert_eq!(mode(dir.path()), 0o755);
}
