//! `signaal backup`, `backups` and `restore`, and what every command says about a damaged
//! database, run as a user runs them: the real binary on temp databases.

mod common {
    pub mod backups;
    pub mod cli;
    pub mod demo;
}

use std::path::Path;

use common::backups::{backup_dir, backups, kept_aside};
use common::cli::{
    fails, ok, run, run_fails, run_into_closed_pipe, run_into_full_disk, run_ok, run_with_env,
    stderr, Db,
};
use common::demo::arr;
use serde_json::Value;
use signaal::store::Store;

/// Damages the sled `db` file beyond repair: its first half inverted. (Its middle is not enough:
/// after a close the file is a whole segment with the records in its first part only.)
fn damage(db: &Db) {
    let file = Path::new(db.path()).join("db");
    let mut bytes = std::fs::read(&file).unwrap();
    let half = bytes.len() / 2;
    for b in &mut bytes[..half] {
        *b ^= 0xff;
    }
    std::fs::write(&file, bytes).unwrap();
}

fn count(export: &Value, key: &str) -> usize {
    arr(export, key).len()
}

#[test]
fn a_damaged_database_is_restored_from_its_backup_and_kept_aside() {
    let db = Db::demo(&[]);
    let before = db.content();
    let out = run_ok(&["backup", "--db", db.path()]);
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(said.contains("backup written to"), "{said}");
    assert_eq!(backups(&backup_dir(&db)).len(), 1);

    damage(&db);
    // Every command that opens the database names the backup and the exact restore command.
    let restore = format!("signaal restore --db {}", db.path());
    for command in ["check", "export", "purge"] {
        let mut args = vec![command, "--db", db.path()];
        if command == "purge" {
            args.extend(["--left-before", "2026-01-01", "--yes"]);
        }
        let err = fails(&run_fails(&args), 1);
        assert!(err.contains("damaged"), "{command}: {err}");
        assert!(
            err.contains("signaal-"),
            "{command} names the backup: {err}"
        );
        assert!(err.contains(&restore), "{command}: {err}");
    }

    // The emergency numbers are still found, with the same advice beside them.
    let out = run_ok(&["contacts", "--db", db.path(), "find", "112"]);
    let note = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(note.contains(&restore), "{note}");

    let out = run_ok(&["restore", "--db", db.path()]);
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(said.contains("children"), "what it holds: {said}");
    assert!(said.contains("just now") || said.contains("ago"), "{said}");
    run_ok(&["check", "--db", db.path()]);
    let mut after = db.content();
    // The restore itself is in the audit trail, after everything the backup held.
    let audit = after["audit"].as_array_mut().unwrap();
    let last = audit.pop().unwrap();
    assert_eq!(last["action"], "restore");
    assert_eq!(last["by"], "signaal restore");
    let without = |mut v: Value| {
        v.as_object_mut().unwrap().remove("audit");
        v
    };
    assert_eq!(without(after.clone()), without(before.clone()));
    assert_eq!(count(&after, "audit"), count(&before, "audit"));

    let aside = kept_aside(&db);
    assert_eq!(aside.len(), 1, "the damaged copy is kept");
    assert!(aside[0].join("db").exists());
}

#[test]
fn a_healthy_database_is_only_replaced_with_force() {
    let db = Db::demo(&[]);
    run_ok(&["backup", "--db", db.path()]);
    let err = fails(&run(&["restore", "--db", db.path()]), 1);
    assert!(
        err.contains("not damaged") && err.contains("--force"),
        "{err}"
    );
    assert!(kept_aside(&db).is_empty(), "nothing moved");

    run_ok(&["restore", "--db", db.path(), "--force"]);
    assert_eq!(
        kept_aside(&db).len(),
        1,
        "the healthy one is kept aside too"
    );
    run_ok(&["check", "--db", db.path()]);
}

#[test]
fn backups_lists_the_counts_and_a_bad_checksum() {
    let db = Db::demo(&[]);
    let export = db.export();
    run_ok(&["backup", "--db", db.path()]);
    let list = ok(&run(&["backups", "--db", db.path()]));
    let row = list.lines().last().unwrap();
    for key in ["children", "observations", "trajectories"] {
        assert!(
            row.contains(&format!(" {} ", count(&export, key))),
            "{key} in {row:?}"
        );
    }
    assert!(row.contains(" ok "), "{list}");

    // One flipped byte in the middle of the file.
    let file = &backups(&backup_dir(&db))[0];
    let mut bytes = std::fs::read(file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    std::fs::write(file, bytes).unwrap();
    let list = ok(&run(&["backups", "--db", db.path()]));
    assert!(list.lines().last().unwrap().contains("BAD"), "{list}");
    // And restore will not take it.
    damage(&db);
    let err = fails(&run(&["restore", "--db", db.path()]), 1);
    assert!(err.contains("no backup whose checksum holds"), "{err}");
    let err = fails(&run(&["check", "--db", db.path()]), 1);
    assert!(
        err.contains("no good backup") && err.contains("export"),
        "{err}"
    );
}

#[test]
fn while_signaal_holds_the_database_backup_to_copies_the_newest_automatic_one() {
    let db = Db::demo(&[]);
    run_ok(&["backup", "--db", db.path()]);
    let running = Store::open(Path::new(db.path())).expect("hold the database as the TUI does");

    let err = fails(&run(&["backup", "--db", db.path()]), 1);
    assert!(err.contains("in use") && err.contains("--to"), "{err}");

    let copy = db.file("copy.json.gz");
    let out = run_ok(&["backup", "--db", db.path(), "--to", copy.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(said.contains("in use") && said.contains("made"), "{said}");
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        std::fs::read(&backups(&backup_dir(&db))[0]).unwrap()
    );
    // `backups` reads no database, so it works while signaal runs.
    ok(&run(&["backups", "--db", db.path()]));
    drop(running);
}

#[test]
fn the_backup_dir_setting_is_honoured_by_every_backup_command() {
    let db = Db::demo(&[]);
    let usb = db.file("usb");
    let usb_text = usb.to_str().unwrap();
    run_ok(&["backup", "--db", db.path(), "--backup-dir", usb_text]);
    assert_eq!(backups(&usb).len(), 1);
    assert!(!backup_dir(&db).exists());

    let env = [("SIGNAAL_BACKUP_DIR", usb_text)];
    let list = ok(&run_with_env(&["backups", "--db", db.path()], &env));
    assert!(list.contains(usb_text), "{list}");

    let config = db.file("config.toml");
    std::fs::write(&config, "backup_dir = \"usb\"\n").unwrap();
    let config_text = config.to_str().unwrap();
    run_ok(&["config", "check", config_text]);
    damage(&db);
    let err = fails(
        &run(&["--config", config_text, "check", "--db", db.path()]),
        1,
    );
    assert!(err.contains(usb_text), "{err}");
    run_ok(&["--config", config_text, "restore", "--db", db.path()]);
    run_ok(&["check", "--db", db.path()]);
}

#[test]
fn backup_to_a_file_writes_one_zcat_reads() {
    let db = Db::demo(&[]);
    let file = db.file("now.json.gz");
    run_ok(&["backup", "--db", db.path(), "--to", file.to_str().unwrap()]);
    let mut json = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(std::fs::File::open(&file).unwrap()),
        &mut json,
    )
    .unwrap();
    let inside: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        common::cli::without_exported_at(inside),
        db.content(),
        "the export, whole"
    );
    // A named backup file can be restored.
    damage(&db);
    run_ok(&["restore", "--db", db.path(), file.to_str().unwrap()]);
    run_ok(&["check", "--db", db.path()]);
}

#[test]
fn a_restore_that_cannot_be_done_changes_nothing() {
    let db = Db::demo(&[]);
    run_ok(&["backup", "--db", db.path()]);
    damage(&db);
    let damaged = std::fs::read(Path::new(db.path()).join("db")).unwrap();
    let not_a_backup = db.file("notes.json.gz");
    std::fs::write(&not_a_backup, b"{}").unwrap();
    let err = fails(
        &run(&["restore", "--db", db.path(), not_a_backup.to_str().unwrap()]),
        1,
    );
    assert!(err.contains("is not a signaal backup"), "{err}");
    let err = fails(&run(&["restore", "--db", db.path(), "no-such-backup"]), 1);
    assert!(err.contains("no-such-backup"), "{err}");
    // The damaged database is where it was, as it was, and nothing was left beside it.
    assert_eq!(
        std::fs::read(Path::new(db.path()).join("db")).unwrap(),
        damaged
    );
    let beside: Vec<String> = std::fs::read_dir(db.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("db."))
        .collect();
    assert_eq!(beside, vec!["db.backups".to_string()]);
}

#[test]
fn damage_found_while_reading_names_the_backup_too() {
    let db = Db::demo(&[]);
    run_ok(&["backup", "--db", db.path()]);
    // sled's files are sound, but one record in them cannot be read: damage that shows only
    // when the record is read, as a bad checksum in an older part of the log does.
    db.in_sled(|sled| {
        let groups = sled.open_tree("groups").unwrap();
        let (key, _) = groups.first().unwrap().unwrap();
        groups.insert(key, b"{ not json".to_vec()).unwrap();
    });
    let restore = format!("signaal restore --db {}", db.path());
    for command in ["check", "export"] {
        let err = fails(&run_fails(&[command, "--db", db.path()]), 1);
        assert!(err.contains("cannot be read"), "{command}: {err}");
        assert!(
            err.contains("signaal-"),
            "{command} names the backup: {err}"
        );
        assert!(err.contains(&restore), "{command}: {err}");
    }
}

#[test]
fn a_backup_after_beyond_one_day_is_refused_on_the_command_line_and_in_the_config_file() {
    let db = Db::empty();
    let err = fails(
        &run(&["--db", db.path(), "--backup-after", "9223372036854775807"]),
        2,
    );
    assert!(err.contains("--backup-after"), "{err}");
    assert!(err.contains("0..=86400"), "{err}");
    let help = ok(&run(&["--help"]));
    assert!(help.contains("at most 86400, one day"), "{help}");

    let file = db.file("config.toml");
    std::fs::write(&file, "backup_after = 9223372036854775807\n").unwrap();
    let file = file.display().to_string();
    let err = fails(&run(&["config", "check", &file]), 1);
    assert!(
        err.contains(&format!(
            "{file}:1: backup_after must be a whole number of seconds from 0 (never) to 86400 \
             (one day)"
        )),
        "{err}"
    );
}

#[test]
fn output_into_a_closed_pipe_is_a_quiet_success_and_into_a_full_disk_one_sentence() {
    let db = Db::demo(&[]);
    run_ok(&["backup", "--db", db.path()]);
    let commands: [&[&str]; 5] = [
        &["backups", "--db", db.path()],
        &["check", "--db", db.path()],
        &["forms", "--db", db.path(), "list"],
        &[
            "purge",
            "--db",
            db.path(),
            "--left-before",
            "1990-01-01",
            "--yes",
        ],
        &["config", "check", "/dev/null"],
    ];
    for args in commands {
        let out = run_into_closed_pipe(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}: quiet");

        let err = fails(&run_into_full_disk(args), 1);
        assert!(err.contains("cannot write the"), "{args:?}: {err}");
        assert!(err.contains("No space left on device"), "{args:?}: {err}");
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "{args:?}: one sentence: {err}"
        );
    }
}

#[test]
fn a_missing_backup_or_folder_is_said_once_naming_the_file_the_user_gave() {
    let db = Db::demo(&[]);
    run_ok(&["backup", "--db", db.path()]);
    // A name is looked for here and in the backup folder; the message says both.
    let err = fails(
        &run_fails(&["restore", "--db", db.path(), "nonexist.json.gz", "--force"]),
        1,
    );
    assert!(err.contains("there is no backup nonexist.json.gz"), "{err}");
    let folder = backup_dir(&db).display().to_string();
    assert!(err.contains(&format!("backup folder {folder}")), "{err}");

    // The OS's reason once, and the file asked for, not the hidden temporary one.
    let to = db.file("nodir").join("x.json.gz");
    let to = to.display().to_string();
    let err = fails(&run_fails(&["backup", "--db", db.path(), "--to", &to]), 1);
    assert!(
        err.contains(&format!("cannot write or read {to}: ")),
        "{err}"
    );
    assert_eq!(err.matches("os error 2").count(), 1, "{err}");
    assert!(!err.contains(".x.json.gz.tmp"), "{err}");
}

#[test]
fn backup_to_an_existing_file_is_refused_and_the_file_kept() {
    let db = Db::demo(&[]);
    let file = db.file("notes.txt");
    std::fs::write(&file, "my notes\n").unwrap();
    let to = file.display().to_string();
    let err = fails(&run_fails(&["backup", "--db", db.path(), "--to", &to]), 1);
    assert!(
        err.contains(&format!(
            "{to} already exists; choose another name or remove it first"
        )),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "my notes\n");
}
