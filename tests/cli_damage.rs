//! Damaged sled files, as a user meets them: the real binary on a demo database whose files were
//! damaged the way an interrupted snapshot, a power cut or a bad disk damages them (issue 11).

mod common {
    pub mod cli;
    pub mod demo;
}

use std::fs;
use std::path::{Path, PathBuf};

use common::cli::{fails, ok, run, run_ok, stderr, Db};
use common::demo::arr;
use serde_json::Value;

/// The lsn of the newest sled snapshot (its name, in hex): where the log ended at the last open.
fn snapshot_lsn(db: &Path) -> u64 {
    fs::read_dir(db)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            u64::from_str_radix(name.strip_prefix("snap.")?, 16).ok()
        })
        .max()
        .expect("sled wrote a snapshot")
}

fn contact_names(export: &Value) -> Vec<String> {
    let mut names: Vec<String> = arr(export, "contacts")
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

/// Adds one contact per `signaal contacts import` (one write each).
fn add_contact(db: &Db, name: &str) {
    let file = db.file(&format!("{name}.vcf"));
    let card = format!("BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nTEL:0612345678\nEND:VCARD\n");
    fs::write(&file, card).unwrap();
    ok(&db.contacts(&["import", file.to_str().unwrap()]));
}

/// The names beside the database directory that begin with `db.damaged-`.
fn damaged_copies(db: &Db) -> Vec<PathBuf> {
    fs::read_dir(db.dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("db.damaged-")
        })
        .collect()
}

/// A demo database with three contacts added in a write each ("Een", "Twee", then "Drie"), and
/// its contact names; exporting them opened it, so sled wrote a snapshot at the end of its log.
fn with_three_contacts() -> (Db, Vec<String>) {
    let db = Db::demo(&[]);
    for name in ["Een", "Twee", "Drie"] {
        add_contact(&db, name);
    }
    let names = contact_names(&db.export());
    (db, names)
}

/// `names` without the contact added last.
fn without_last(names: &[String]) -> Vec<String> {
    names.iter().filter(|n| *n != "Drie").cloned().collect()
}

fn cut_to(file: &Path, len: u64) {
    fs::OpenOptions::new()
        .write(true)
        .open(file)
        .unwrap()
        .set_len(len)
        .unwrap();
}

#[test]
fn an_empty_unfinished_snapshot_does_not_stop_any_command() {
    let db = Db::demo(&[]);
    let before = db.content();
    let path = Path::new(db.path());
    let leftover = path.join(format!("snap.{:016X}.generating", snapshot_lsn(path) + 1));
    fs::write(&leftover, b"").unwrap();

    run_ok(&["check", "--db", db.path()]);
    assert_eq!(db.content(), before);
    assert!(!leftover.exists());
    assert!(damaged_copies(&db).is_empty(), "nothing needed repairing");
}

#[test]
fn the_last_100_bytes_cut_off_lose_at_most_the_last_write() {
    let (db, before) = with_three_contacts();
    let file = Path::new(db.path()).join("db");
    let len = fs::metadata(&file).unwrap().len();
    cut_to(&file, len - 100);

    run_ok(&["check", "--db", db.path()]);
    let after = contact_names(&db.export());
    assert!(
        after == before || after == without_last(&before),
        "{after:?}"
    );
}

#[test]
fn a_repair_begins_a_history_of_its_own_that_check_accepts_beside_older_backups() {
    // A backup holds every write; the tear then gives up the last one(s).
    let (db, before) = with_three_contacts();
    let entries = db.export()["audit"].as_array().unwrap().len();
    run_ok(&["backup", "--db", db.path()]);
    let path = Path::new(db.path());
    cut_to(&path.join("db"), snapshot_lsn(path) - 100);

    // The repair is in the trail, so the backup that still holds what was given up is a history
    // the repair replaced, not a rewritten one; the user is told where that work may still be.
    let out = run(&["check", "--db", db.path()]);
    let said = stderr(&out);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(0), "{said}{stdout}");
    assert!(said.contains("signaal restore --db"), "{said}");
    let trail = db.export()["audit"].as_array().unwrap().clone();
    assert_eq!(trail.last().unwrap()["action"], "repair");
    let after = contact_names(&db.export());
    assert!(
        after == before || after == without_last(&before),
        "{after:?}"
    );
    // What the tear cost may be a write of sled's own (opening writes one); when it cost audit
    // entries, the backup holding them is the replaced history.
    if trail.len() - 1 < entries {
        assert!(
            said.contains("1 backup(s) hold a history that a restore or repair replaced"),
            "{said}"
        );
    }

    // Work goes on after the repair: still no false alarm.
    add_contact(&db, "Vier");
    let out = run(&["check", "--db", db.path()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_torn_last_write_is_repaired_said_and_the_damaged_files_kept() {
    // Cutting 100 bytes before the end of the log tears the last write ("Drie"), as a power cut
    // does to a file that ends there; sled alone refuses such a database.
    let (db, before) = with_three_contacts();
    let path = Path::new(db.path());
    let file = path.join("db");
    cut_to(&file, snapshot_lsn(path) - 100);
    let damaged = fs::read(&file).unwrap();

    let out = run(&["check", "--db", db.path()]);
    ok(&out);
    let said = stderr(&out);
    assert!(
        said.contains("was damaged") && said.contains("db.damaged-"),
        "{said}"
    );
    // The torn write is lost, or completed from its journal record when that came before the
    // tear; never half there.
    let names = contact_names(&db.export());
    assert!(
        names == without_last(&before) || names == before,
        "{names:?}"
    );
    let kept = damaged_copies(&db);
    assert_eq!(kept.len(), 1);
    assert_eq!(
        fs::read(kept[0].join("db")).unwrap(),
        damaged,
        "kept as it was"
    );
}

#[test]
fn a_flipped_byte_in_the_middle_is_refused_and_left_as_it_was() {
    let db = Db::demo(&[]);
    run_ok(&["check", "--db", db.path()]);
    let path = Path::new(db.path());
    let file = path.join("db");
    let mut bytes = fs::read(&file).unwrap();
    bytes[snapshot_lsn(path) as usize / 2] ^= 0xff;
    fs::write(&file, &bytes).unwrap();

    let out = run(&["check", "--db", db.path()]);
    assert!(fails(&out, 1).contains("damaged"), "{}", stderr(&out));
    assert_eq!(fs::read(&file).unwrap(), bytes, "not one byte changed");
    assert!(damaged_copies(&db).is_empty());
}

/// The groups list's tallies (derived data) wrong on disk: `check` says so in the user's
/// language and exits 1, rebuilds them from the records, and passes the next time.
#[test]
fn check_rebuilds_a_wrong_group_tally() {
    let db = Db::demo(&[]);
    db.in_sled(|sled| {
        let tallies = sled.open_tree("group_summary").unwrap();
        let (first, _) = tallies
            .first()
            .unwrap()
            .expect("the demo's groups have tallies");
        tallies.remove(first).unwrap();
    });
    let out = run(&["check", "--db", db.path()]);
    fails(&out, 1);
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(said.contains("the tally of group"), "{said}");
    assert!(said.contains("signaal check rebuilds it"), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    run_ok(&["check", "--db", db.path()]);
}
