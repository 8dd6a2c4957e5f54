//! The audit trail's hash chain, through the real binary: `import` refuses an emptied or forged
//! trail and records itself; `check` sees a trail changed behind signaal's back, and one
//! rewritten with its chain sealed again, against the backups.

mod common {
    pub mod cli;
    pub mod demo;
}

use std::path::Path;

use common::cli::{run, run_fails, run_ok, run_with_env, seal_audit, stderr, Db};
use common::demo::arr;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use signaal::domain::audit::seal_all;
use signaal::domain::{AuditAction, AuditEntry};
use signaal::store::{Signature, Store};

/// A demo database's export, written to a file next to a new, empty database; the file's path.
fn demo_export_file(edit: impl FnOnce(&mut Value)) -> (Db, String) {
    let mut export = Db::demo(&[]).export();
    edit(&mut export);
    let target = Db::empty();
    let file = target.file("export.json");
    std::fs::write(&file, serde_json::to_vec_pretty(&export).unwrap()).unwrap();
    let file = file.to_str().unwrap().to_string();
    (target, file)
}

/// `import` of `file` into `db` fails, naming `says`, and leaves no data in the database.
fn refused(db: &Db, file: &str, says: &str) {
    let out = run_fails(&["import", "--db", db.path(), file]);
    let err = stderr(&out);
    assert!(err.contains(file), "names the file: {err}");
    assert!(err.contains(says), "says {says:?}: {err}");
    if db.exists() {
        let left = db.export();
        for key in ["staff", "groups", "children", "observations", "audit"] {
            assert!(arr(&left, key).is_empty(), "no {key} left behind: {left:#}");
        }
    }
}

fn invented(target: &str) -> Value {
    json!({
        "at": "2020-02-03T10:00:00+01:00",
        "by": "Onbekende Medewerker",
        "action": "observation.mark",
        "target": target,
        "hash": "00".repeat(32),
    })
}

#[test]
fn an_emptied_trail_is_refused() {
    let (db, file) = demo_export_file(|export| export["audit"] = json!([]));
    refused(&db, &file, "the audit trail is empty");
}

#[test]
fn an_invented_entry_is_refused_naming_it() {
    let (db, file) = demo_export_file(|export| {
        let observation = arr(export, "observations")[0]["id"].clone();
        let entry = invented(&format!("observation:{observation}/x"));
        export["audit"].as_array_mut().unwrap().push(entry);
    });
    refused(
        &db,
        &file,
        "audit entry 2 (observation.mark by Onbekende Medewerker at 2020-02-03T10:00:00+01:00",
    );
}

#[test]
fn an_invented_entry_with_a_recomputed_chain_about_a_missing_record_is_refused() {
    let (db, file) = demo_export_file(|export| {
        let mut entry = invented("child:987654");
        entry["action"] = json!("child.edit");
        export["audit"].as_array_mut().unwrap().push(entry);
        seal_audit(export);
    });
    refused(
        &db,
        &file,
        "audit entry 2 (child.edit by Onbekende Medewerker at 2020-02-03T10:00:00+01:00, target \
         child:987654) names child 987654, which does not exist",
    );
}

#[test]
fn a_good_import_records_who_when_the_file_and_the_counts() {
    let (db, file) = demo_export_file(|_| {});
    let out = run_with_env(
        &["import", "--db", db.path(), &file],
        &[("USER", "jdevries")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let before: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let after = db.export();
    let audit = arr(&after, "audit");
    assert_eq!(audit[..audit.len() - 1], arr(&before, "audit")[..]);
    let own = audit.last().unwrap();
    assert_eq!(own["action"], "import");
    assert_eq!(own["by"], "jdevries");
    assert_eq!(own["target"], "database");
    assert!(own["at"].as_str().unwrap() > before["exported_at"].as_str().unwrap());
    let sha = format!("{:x}", Sha256::digest(std::fs::read(&file).unwrap()));
    let detail = own["detail"].as_str().unwrap();
    assert!(
        detail.starts_with(&format!("file_sha256={sha} ")),
        "{detail}"
    );
    let children = arr(&before, "children").len();
    assert!(
        detail.contains(&format!(" children={children} ")),
        "{detail}"
    );
    assert_eq!(own["hash"].as_str().unwrap().len(), 64);
    run_ok(&["check", "--db", db.path()]);

    // Exported again, the whole trail goes into another database, which adds its own entry.
    let again = Db::import(&after);
    let trail = arr(&again.export(), "audit").clone();
    assert_eq!(trail[..audit.len()], audit[..]);
    assert_eq!(trail.len(), audit.len() + 1);
}

#[test]
fn check_reports_a_trail_changed_behind_signaals_back() {
    let db = Db::demo(&[]);
    run_ok(&["check", "--db", db.path()]);
    // As someone with the files would: straight into sled, no signaal involved.
    db.in_sled(|sled| {
        let audit = sled.open_tree("audit").unwrap();
        let (key, value) = audit.first().unwrap().expect("the demo.load entry");
        let json = signaal::store::record_json(&value).unwrap();
        let mut entry: Value = serde_json::from_slice(&json).unwrap();
        entry["by"] = json!("Iemand Anders");
        audit
            .insert(key, serde_json::to_vec(&entry).unwrap())
            .unwrap();
    });
    let out = run_fails(&["check", "--db", db.path()]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("audit entry 1 (demo.load by Iemand Anders"),
        "names the entry: {report}"
    );
}

/// Work done through signaal between commands: one `group.edit` entry by `by`, written as the
/// TUI writes it (the database must not be held by anyone else).
fn work(db: &Db, by: &str) {
    let store = Store::open(Path::new(db.path())).expect("open the database");
    let group = store.groups().unwrap()[0].id;
    let sig = Signature {
        by: by.into(),
        at: chrono::Local::now().fixed_offset(),
    };
    store
        .record(AuditAction::GroupEdit, format!("group:{group}"), &sig)
        .unwrap();
    // Closed for good before the next command, which is another process.
    store.close().expect("close the database");
}

/// `signaal backup --to DIR/NAME`, NAME a backup's name for a time `second` seconds into a fixed
/// day, so that backups made within one second still get names of their own, in order.
fn backup_named(db: &Db, dir: &Path, second: u32) -> String {
    std::fs::create_dir_all(dir).unwrap();
    let name = format!("signaal-20261129T1015{second:02}Z.json.gz");
    let file = dir.join(&name);
    run_ok(&["backup", "--db", db.path(), "--to", file.to_str().unwrap()]);
    name
}

/// As someone with the files would: entry `index` of the trail changed by `change`, straight in
/// sled, and the whole chain sealed again so that it verifies.
fn rewrite_and_reseal(db: &Db, index: usize, change: impl FnOnce(&mut AuditEntry)) {
    db.in_sled(|sled| reseal(sled, index, change));
}

fn reseal(sled: &sled::Db, index: usize, change: impl FnOnce(&mut AuditEntry)) {
    let audit = sled.open_tree("audit").unwrap();
    let stored: Vec<_> = audit.iter().map(|e| e.unwrap()).collect();
    let mut trail: Vec<AuditEntry> = stored
        .iter()
        .map(|(_, value)| {
            serde_json::from_slice(&signaal::store::record_json(value).unwrap()).unwrap()
        })
        .collect();
    change(&mut trail[index]);
    seal_all(&mut trail);
    for ((key, _), entry) in stored.iter().zip(&trail) {
        audit
            .insert(key, serde_json::to_vec(entry).unwrap())
            .unwrap();
    }
}

/// `check` of `db` with `args` added: its exit code, stdout and stderr.
fn check(db: &Db, args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["check", "--db", db.path()];
    all.extend_from_slice(args);
    let out = run(&all);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.code(), stdout, stderr(&out))
}

#[test]
fn check_names_the_backup_a_rewritten_and_resealed_trail_differs_from() {
    let db = Db::demo(&[]);
    let usb = db.file("usb");
    let usb_text = usb.to_str().unwrap();
    work(&db, "Ingrid");
    work(&db, "Ingrid");
    let damaged = backup_named(&db, &usb, 1);
    let good = backup_named(&db, &usb, 2);
    work(&db, "Ingrid");
    let settings = ["--backup-dir", usb_text];
    let (code, out, err) = check(&db, &settings);
    assert_eq!(code, Some(0), "{out}{err}");

    // The older backup gets one flipped byte in its middle: it is reported, and skipped.
    let file = usb.join(&damaged);
    let mut bytes = std::fs::read(&file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    std::fs::write(&file, bytes).unwrap();
    let (code, out, err) = check(&db, &settings);
    assert_eq!(
        code,
        Some(0),
        "a damaged backup is no trail problem: {out}{err}"
    );
    assert!(
        err.contains(&damaged) && err.contains("does not match its checksum"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one line: {err}");

    rewrite_and_reseal(&db, 1, |entry| entry.by = "Iemand Anders".into());
    let (code, out, err) = check(&db, &settings);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(
        !out.contains("does not match its hash"),
        "the chain itself verifies: {out}"
    );
    assert!(
        out.contains(&format!(
            "audit entry 2 differs from backup {good}: the database has group.edit by Iemand \
             Anders at "
        )),
        "names the backup and the entry: {out}"
    );
    assert!(
        out.contains("the backup has group.edit by Ingrid at "),
        "{out}"
    );
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        err.contains(&damaged),
        "the damaged backup is still said: {err}"
    );

    // The backup directory is the one the other commands use: the environment's here; the
    // default directory beside the database holds no backup to compare with.
    let env = [("SIGNAAL_BACKUP_DIR", usb_text)];
    let out = run_with_env(&["check", "--db", db.path()], &env);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&good));
    run_ok(&["check", "--db", db.path()]);
}

#[test]
fn backups_of_a_history_a_restore_replaced_are_not_tampering() {
    let db = Db::demo(&[]);
    let dir = db.file("db.backups");
    work(&db, "Ingrid");
    let first = backup_named(&db, &dir, 1);
    work(&db, "Zoë");
    let second = backup_named(&db, &dir, 2);
    // Back to the first backup: the second one's last entry is now an abandoned history.
    run_ok(&["restore", "--db", db.path(), "--force", &first]);
    work(&db, "Ingrid");
    let third = backup_named(&db, &dir, 3);
    let (code, out, err) = check(&db, &[]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        err.contains("1 backup(s) hold a history that a restore or repair replaced"),
        "{err}"
    );

    // And back to the second at once: the third now holds a restore that was itself undone.
    // (Two restores in one second each get a directory of their own to move aside to.)
    run_ok(&["restore", "--db", db.path(), "--force", &second]);
    work(&db, "Zoë");
    let (code, out, err) = check(&db, &[]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(err.contains("1 backup(s) hold a history"), "{err}");

    // A rewrite before the restores is still found, against every backup.
    rewrite_and_reseal(&db, 1, |entry| entry.by = "Iemand Anders".into());
    let (code, out, err) = check(&db, &[]);
    assert_eq!(code, Some(1), "{out}{err}");
    for name in [&first, &second, &third] {
        assert!(
            out.contains(&format!("audit entry 2 differs from backup {name}:")),
            "{name}: {out}"
        );
    }
}
