//! What every command does with a `--db` that is not a signaal database: a folder of other files
//! is refused untouched, a read finds no database in a missing or empty folder, and a database
//! that was lost beside its backups is not started afresh. The real binary, as a user runs it.

mod common {
    pub mod backups;
    pub mod cli;
    pub mod pty;
}

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::backups::{backup_dir, backups};
use common::cli::{command, fails, run, run_ok, Db};
use common::pty::{framed, Options, Tui, TIMEOUT};

/// The screens (no subcommand) in a terminal wide enough for any message on one line, started in
/// `cwd`: they must refuse at once, exit 1 and say `said`. (Without a terminal they refuse
/// before they look at `--db`.)
fn screens_refuse(args: &[&str], cwd: &Path, said: &str) {
    let wide = Options {
        cols: 400,
        cwd: Some(cwd.to_path_buf()),
        ..Options::default()
    };
    let mut t = Tui::spawn_with(args, wide);
    let code = t.expect_exit();
    t.wait_eof(TIMEOUT);
    let screen = t.screen();
    assert_eq!(code, 1, "signaal {args:?}:\n{}", framed(&screen));
    assert!(
        screen.contains(said),
        "signaal {args:?}:\n{}",
        framed(&screen)
    );
}

/// A folder holding a text file and a subfolder, with the usual modes (0644, 0755).
fn folder_of_other_files(db: &Db) -> PathBuf {
    let dir = db.file("q");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("notes.txt"), "hi\n").unwrap();
    for (path, mode) in [(&dir, 0o755), (&dir.join("sub"), 0o755)] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    std::fs::set_permissions(
        dir.join("notes.txt"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    dir
}

/// Every path in `dir` (and `dir` itself) with its mode.
fn modes(dir: &Path) -> BTreeMap<PathBuf, u32> {
    let mut found = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(path) = todo.pop() {
        let meta = std::fs::symlink_metadata(&path).unwrap();
        if meta.is_dir() {
            todo.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        }
        found.insert(path, meta.permissions().mode());
    }
    found
}

/// An export file beside the database, made from a demo database of its own.
fn export_file(db: &Db) -> String {
    let source = Db::demo(&["--groups", "1", "--children-per-group", "3"]);
    let file = db.file("export.json");
    std::fs::write(&file, serde_json::to_vec(&source.export()).unwrap()).unwrap();
    file.to_str().unwrap().to_owned()
}

#[test]
fn a_folder_of_other_files_is_refused_by_every_command_and_keeps_its_files_and_modes() {
    let db = Db::empty();
    let dir = folder_of_other_files(&db);
    let before = modes(&dir);
    let path = dir.to_str().unwrap();
    let export = export_file(&db);
    let refused = "is a folder with other files in it, not a signaal database; choose another --db";
    screens_refuse(&["--db", path], db.dir(), refused);
    assert_eq!(modes(&dir), before, "the screens changed the folder");
    let runs: [(&[&str], &str); 7] = [
        (&["demo", "--db", path], refused),
        (&["import", "--db", path, &export], refused),
        (&["check", "--db", path], "there is no database at"),
        (&["export", "--db", path], "there is no database at"),
        (
            &["report", "--db", path, "--care-team"],
            "there is no database at",
        ),
        (&["backup", "--db", path], "there is no database at"),
        (&["restore", "--db", path], "there is no backup"),
    ];
    for (args, said) in runs {
        let err = fails(&run(args), 1);
        assert!(err.contains(said), "signaal {args:?} said: {err}");
        assert_eq!(modes(&dir), before, "signaal {args:?} changed the folder");
    }
}

#[test]
fn the_current_folder_of_other_files_is_refused_as_dot() {
    let db = Db::empty();
    let dir = folder_of_other_files(&db);
    let before = modes(&dir);
    screens_refuse(&["--db", "."], &dir, "not a signaal database");
    assert_eq!(modes(&dir), before, "the screens changed the folder");
    for args in [&["demo", "--db", "."][..], &["check", "--db", "."]] {
        let out = command(args).current_dir(&dir).output().unwrap();
        let err = fails(&out, 1);
        assert!(
            err.contains("not a signaal database") || err.contains("there is no database at ."),
            "signaal {args:?} said: {err}"
        );
        assert_eq!(modes(&dir), before, "signaal {args:?} changed the folder");
    }
}

#[test]
fn a_read_of_an_empty_folder_finds_no_database_and_creates_none() {
    let db = Db::empty();
    std::fs::create_dir(db.path()).unwrap();
    for args in [
        &["check", "--db", db.path()][..],
        &["export", "--db", db.path()],
    ] {
        let err = fails(&run(args), 1);
        assert!(
            err.contains(&format!("there is no database at {}", db.path())),
            "signaal {args:?} said: {err}"
        );
        assert_eq!(std::fs::read_dir(db.path()).unwrap().count(), 0);
    }
}

/// A demo database of one group of three children at `db`.
fn small_demo(db: &Db) {
    run_ok(&[
        "demo",
        "--db",
        db.path(),
        "--groups",
        "1",
        "--children-per-group",
        "3",
    ]);
}

#[test]
fn an_empty_folder_takes_a_new_database() {
    let db = Db::empty();
    std::fs::create_dir(db.path()).unwrap();
    small_demo(&db);
    run_ok(&["check", "--db", db.path()]);
}

/// How a database is lost in these tests.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Lost {
    /// The folder is gone.
    Folder,
    /// The folder is there, empty.
    Files,
    /// sled's files are there but hold nothing, as when sled recovers a damaged log to nothing.
    Records,
}

/// A demo database with one backup in its default backup folder, then lost as `how`. Returns
/// the backup file's name.
fn lost_beside_a_backup(db: &Db, how: Lost) -> String {
    small_demo(db);
    run_ok(&["backup", "--db", db.path()]);
    if how == Lost::Records {
        db.in_sled(|sled| {
            for name in sled.tree_names() {
                sled.open_tree(name).unwrap().clear().unwrap();
            }
        });
    } else {
        std::fs::remove_dir_all(db.path()).unwrap();
    }
    if how == Lost::Files {
        std::fs::create_dir(db.path()).unwrap();
    }
    let found = backups(&backup_dir(db));
    assert_eq!(found.len(), 1);
    found[0].file_name().unwrap().to_str().unwrap().to_owned()
}

#[test]
fn a_lost_database_is_not_started_afresh_beside_its_backups() {
    let db = Db::empty();
    let export = export_file(&db);
    for how in [Lost::Folder, Lost::Files, Lost::Records] {
        let name = lost_beside_a_backup(&db, how);
        let before = backups(&backup_dir(&db));
        let runs: [&[&str]; 3] = [
            &["--db", db.path()],
            &["demo", "--db", db.path()],
            &["import", "--db", db.path(), &export],
        ];
        for args in runs {
            let err = fails(&run(args), 1);
            for said in [
                "is missing or empty, but there are backups of it",
                &name,
                "3 children",
                &format!("restore it with: signaal restore --db {};", db.path()),
                "choose another --db or move",
            ] {
                assert!(err.contains(said), "signaal {args:?} said: {err}");
            }
            assert_eq!(
                db.exists(),
                how != Lost::Folder,
                "signaal {args:?} created the database"
            );
            if how == Lost::Files {
                assert_eq!(std::fs::read_dir(db.path()).unwrap().count(), 0);
            }
            assert_eq!(backups(&backup_dir(&db)), before);
        }
        // The advice works: the restore brings the children back (a database that holds
        // nothing is not healthy, so no --force is needed).
        run_ok(&["restore", "--db", db.path()]);
        run_ok(&["check", "--db", db.path()]);
        std::fs::remove_dir_all(backup_dir(&db)).unwrap();
        std::fs::remove_dir_all(db.path()).unwrap();
    }
}

#[test]
fn the_advice_names_the_backup_dir_that_was_given() {
    let db = Db::empty();
    let elsewhere = db.file("elsewhere");
    let elsewhere = elsewhere.to_str().unwrap();
    small_demo(&db);
    run_ok(&["backup", "--db", db.path(), "--backup-dir", elsewhere]);
    std::fs::remove_dir_all(db.path()).unwrap();
    let err = fails(&run(&["--db", db.path(), "--backup-dir", elsewhere]), 1);
    let advice = format!(
        "signaal restore --db {} --backup-dir {elsewhere}",
        db.path()
    );
    assert!(err.contains(&advice), "said: {err}");
    assert!(!db.exists());
    // Without the setting, the default backup folder is empty: a new database is fine there.
    small_demo(&db);
}
