//! Automatic backups of the real TUI in a pty: a change is in a backup `--backup-after` later
//! while signaal runs, and in one made on the way out when it stops (q, SIGTERM, SIGHUP, SIGINT,
//! SIGQUIT).

mod common {
    pub mod backups;
    pub mod cli;
    pub mod demo;
    pub mod pty;
    pub mod screens;
}

use std::path::{Path, PathBuf};

use common::backups::{backup_contents, backup_dir};
use common::cli::Db;
use common::demo::{first_with_role, fresh_demo};
use common::pty::{poll_until, Tui, TIMEOUT};
use common::screens::{big, quit};

/// A demo database, its default backup directory, and the TUI on it, started as the demo's admin
/// with `extra` options, that has just added the group "De Kikkers".
fn with_new_group(extra: &[&str]) -> (Db, PathBuf, Tui) {
    let (db, ex, _) = fresh_demo(&[]);
    let admin = first_with_role(&ex, "admin");
    let t = add_group(&db, &admin, extra, "De Kikkers");
    let dir = backup_dir(&db);
    (db, dir, t)
}

/// Starts the TUI as `admin` with `extra` options and adds the group `name`.
fn add_group(db: &Db, admin: &str, extra: &[&str], name: &str) -> Tui {
    let mut args = vec!["--db", db.path(), "--lang", "en", "--user", admin];
    args.extend_from_slice(extra);
    let mut t = Tui::spawn_with(&args, big());
    t.expect("Groups");
    t.send("a");
    t.expect("Add group");
    t.send(name);
    t.expect(name);
    t.key("Enter");
    t.expect("is saved");
    t
}

fn in_a_backup(dir: &Path, name: &str) -> bool {
    backup_contents(dir).iter().any(|json| json.contains(name))
}

#[test]
fn a_change_is_backed_up_while_signaal_runs() {
    let (_db, dir, mut t) = with_new_group(&["--backup-after", "1"]);
    poll_until(
        "a backup with the change",
        TIMEOUT,
        || in_a_backup(&dir, "De Kikkers").then_some(()),
        || format!("{:?}", backup_contents(&dir).len()),
    );
    t.kill();
}

#[test]
fn a_change_is_backed_up_when_signaal_quits() {
    // Far too long to come by itself: only the backup on the way out has the group.
    let (_db, dir, mut t) = with_new_group(&["--backup-after", "3600"]);
    assert!(!in_a_backup(&dir, "De Kikkers"));
    quit(&mut t);
    assert!(in_a_backup(&dir, "De Kikkers"));
}

#[test]
fn a_change_is_backed_up_when_signaal_is_told_to_stop() {
    // SIGTERM: a shutdown; SIGHUP: the terminal window was closed; SIGINT: `kill -INT`;
    // SIGQUIT: `kill -QUIT`.
    for signal in ["-TERM", "-HUP", "-INT", "-QUIT"] {
        let (_db, dir, mut t) = with_new_group(&["--backup-after", "3600"]);
        let pid = t.pid().expect("the TUI's pid").to_string();
        // Only the process this test started, by its id.
        std::process::Command::new("kill")
            .args([signal, &pid])
            .status()
            .unwrap();
        t.expect_exit();
        assert!(in_a_backup(&dir, "De Kikkers"), "{signal}");
    }
}

#[test]
fn no_automatic_backups_with_backup_after_0() {
    let (_db, dir, mut t) = with_new_group(&["--backup-after", "0"]);
    quit(&mut t);
    assert!(backup_contents(&dir).is_empty());
}
