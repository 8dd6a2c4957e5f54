//! Acceptance 1 of issue 11, with the real binary: the TUI, started with `--backup-after 2`, marks
//! three items and backs them up by itself while it runs; `kill -9`; the `db` file is damaged in
//! the middle of its records; every command, and the TUI, then names that backup and the exact
//! restore command; `signaal restore` brings the three marks back and keeps the damaged files
//! beside the database.
//!
//! Nothing waits a fixed time: "wait 4 s" is a wait, bounded by a generous limit, for a backup
//! that holds the three marks.

mod common {
    pub mod backups;
    pub mod cli;
    pub mod demo;
    pub mod observe;
    pub mod pty;
    pub mod screens;
}

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use common::backups::{backup_dir, backup_json, backups, kept_aside};
use common::cli::{fails, run, run_ok, stderr, without_exported_at, Db, DEADLINE};
use common::demo::{group_name, id, today, ymd, Kid};
use common::observe::{
    assert_signed, mark_entry, mark_rows, marks, observations_of, open_form, shows, sometimes,
    start, three_rows, todays_observation,
};
use common::pty::{framed, poll_until, Tui};
use common::screens::{big, open_group, select_child};
use serde_json::Value;

/// How many bytes of the `db` file the damage inverts: several of signaal's records at once, so
/// that it cannot pass for one torn write.
const DAMAGE: usize = 8 * 1024;

/// The part of sled's `db` file that holds its records: up to its last byte that is not 0. (The
/// file is a whole 512 KiB segment, or more, whose records fill only the first part; the rest
/// is zeros.)
fn written_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .rposition(|&b| b != 0)
        .map_or(0, |last| last + 1)
}

/// Inverts [`DAMAGE`] bytes in the middle of the records of the database's `db` file: damage in
/// the middle, with far more sound records after it than one torn last write would leave, as a
/// bad disk block makes. Returns the damaged file's bytes.
fn damage_the_middle(db: &Db) -> Vec<u8> {
    let file = Path::new(db.path()).join("db");
    let mut bytes = std::fs::read(&file).unwrap();
    let written = written_len(&bytes);
    let start = written.saturating_sub(DAMAGE) / 2;
    let after = written.saturating_sub(start + DAMAGE);
    assert!(
        after >= 8 * DAMAGE,
        "only {after} bytes of records after the damage: that is the tail, not the middle"
    );
    for b in &mut bytes[start..start + DAMAGE] {
        *b ^= 0xff;
    }
    std::fs::write(&file, &bytes).unwrap();
    bytes
}

/// Whether `export` has an observation of `kid`, dated one of `days`, with exactly the marks
/// `want`.
fn has_marks(
    export: &Value,
    kid: &Kid,
    days: &[NaiveDate],
    want: &BTreeMap<String, String>,
) -> bool {
    observations_of(export, kid.id)
        .iter()
        .any(|o| days.iter().any(|d| o["date"] == ymd(*d).as_str()) && marks(o) == *want)
}

/// The newest backup in `dir` and the export inside it, if there is one.
fn newest_backup(dir: &Path) -> Option<(PathBuf, Value)> {
    let file = backups(dir).pop()?;
    let json = backup_json(&file);
    let export = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("{} holds no export: {e}", file.display()));
    Some((file, export))
}

/// An export without its time of writing and with its audit trail's last entry taken off and
/// returned: what `restore` adds to what it restored.
fn without_last_audit(export: Value) -> (Value, Value) {
    let mut export = without_exported_at(export);
    let last = export["audit"].as_array_mut().unwrap().pop().unwrap();
    (export, last)
}

/// Starts the TUI on `db` as `user`, in English, backing up `after` seconds after a change, and
/// opens `kid`'s observation form of today, on its first item.
fn form_with_backups(db: &Db, ex: &Value, kid: &Kid, user: &str, after: &str) -> Tui {
    let args = ["--db", db.path(), "--lang", "en", "--user", user];
    let mut t = Tui::spawn_with(&[&args[..], &["--backup-after", after]].concat(), big());
    t.expect("Groups");
    open_group(&mut t, &group_name(ex, kid.group_id));
    select_child(&mut t, kid);
    open_form(&mut t, kid, user);
    t
}

/// Waits (at most [`DEADLINE`]) until the newest backup in `dir` satisfies `holds`, while the TUI
/// runs; returns that backup and its export. Fails if the TUI ends first.
fn wait_for_backup(t: &mut Tui, dir: &Path, holds: impl Fn(&Value) -> bool) -> (PathBuf, Value) {
    poll_until(
        "a backup that holds the marks",
        DEADLINE,
        || {
            assert!(
                t.is_alive(),
                "signaal ended before the backup:\n{}",
                framed(&t.screen())
            );
            newest_backup(dir).filter(|(_, export)| holds(export))
        },
        || format!("{:?}", backups(dir)),
    )
}

/// Checks that every command that opens the damaged database `db` (and the TUI, started as
/// `user`) fails, naming the file `backup` and the exact restore command.
fn every_command_names(db: &Db, user: &str, backup: &Path) {
    let named = backup.display().to_string();
    let restore = format!("signaal restore --db {}", db.path());
    let says_what_to_do =
        |said: &str| said.contains("damaged") && said.contains(&named) && said.contains(&restore);
    for command in [
        &["check"][..],
        &["export"],
        &["report", "--care-team"],
        &["backup"],
    ] {
        let args = [&[command[0], "--db", db.path()], &command[1..]].concat();
        let err = fails(&run(&args), 1);
        assert!(
            says_what_to_do(&err),
            "{command:?} names {named} and {restore}: {err}"
        );
    }

    // The TUI says it before it takes over the terminal, and ends.
    let mut t = Tui::spawn_with(&["--db", db.path(), "--lang", "en", "--user", user], big());
    let screen = t.expect_until("the TUI's message about the damage", says_what_to_do);
    assert_eq!(t.expect_exit(), 1, "{}", framed(&screen));
    // The terminal is left as it was: the normal screen, the cursor shown.
    t.with_screen(|s| {
        assert!(!s.alternate_screen(), "left in the alternate screen");
        assert!(!s.hide_cursor(), "the cursor left hidden");
    });
}

#[test]
fn a_crash_and_a_damaged_db_file_are_undone_by_restore_from_the_automatic_backup() {
    let (db, ex, user, day0, kid, items) = start();
    let rows = three_rows(&items);
    let want = sometimes(&items, &rows);
    let holds_the_marks = |export: &Value| has_marks(export, &kid, &[day0, today()], &want);

    // Three marks in the TUI, which backs up 2 s after a change.
    let mut t = form_with_backups(&db, &ex, &kid, &user, "2");
    t.expect_until("a fresh form on its first item", |s| {
        s.contains("nothing marked yet") && shows(s, &items[0], "not seen")
    });
    mark_rows(&mut t, &items, &rows);

    // "Wait 4 s": until a backup holds the three marks. signaal still runs after that backup was
    // seen, so it is an automatic one, not the one on the way out. Then no way out at all.
    let dir = backup_dir(&db);
    wait_for_backup(&mut t, &dir, holds_the_marks);
    assert!(t.is_alive(), "the backup was made while signaal ran");
    t.kill();
    drop(t);
    let (backup, backed_up) = newest_backup(&dir).unwrap();
    assert!(holds_the_marks(&backed_up), "{}", backup.display());
    // The backup is the database as the kill left it.
    let at_kill = db.content();
    assert_eq!(without_exported_at(backed_up.clone()), at_kill);

    let damaged = damage_the_middle(&db);
    every_command_names(&db, &user, &backup);
    // Refused, not repaired: no command moved the damaged files aside to put a repair in place.
    assert!(kept_aside(&db).is_empty(), "{:?}", kept_aside(&db));

    // Restore: the newest backup takes the database's place, the damaged one is kept beside it.
    let out = run_ok(&["restore", "--db", db.path()]);
    let said = stderr(&out);
    assert!(said.contains("children"), "what the backup holds: {said}");
    run_ok(&["check", "--db", db.path()]);

    let (restored, last) = without_last_audit(db.export());
    assert_eq!(last["action"], "restore", "{last}");
    assert_eq!(
        restored, at_kill,
        "everything the backup held, and only that"
    );
    let o = todays_observation(&restored, &kid, &[day0, today()], &user);
    assert_eq!(marks(&o), want, "the three marks are back: {o:#}");
    for &row in &rows {
        assert_signed(mark_entry(&o, &items[row].id).unwrap(), &o, &user);
    }
    let backed_up_o = todays_observation(&backed_up, &kid, &[day0, today()], &user);
    assert_eq!(id(&o), id(&backed_up_o), "the same observation");

    let aside = kept_aside(&db);
    assert_eq!(aside.len(), 1, "the damaged database is kept: {aside:?}");
    assert!(
        std::fs::read(aside[0].join("db")).unwrap() == damaged,
        "the damaged db file is kept as it was damaged: the commands changed not one byte"
    );
}
