//! The audit trail's hash chain, through the real binary: `import` refuses an emptied or forged
//! trail and records itself; `check` sees a trail changed behind signaal's back.

mod common {
    pub mod cli;
    pub mod demo;
}

use common::cli::{run_fails, run_ok, run_with_env, seal_audit, stderr, Db};
use common::demo::arr;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

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
    {
        // As someone with the files would: straight into sled, no signaal involved.
        let sled = sled::open(db.path()).unwrap();
        let audit = sled.open_tree("audit").unwrap();
        let (key, value) = audit.first().unwrap().expect("the demo.load entry");
        let mut entry: Value = serde_json::from_slice(&value).unwrap();
        entry["by"] = json!("Iemand Anders");
        audit
            .insert(key, serde_json::to_vec(&entry).unwrap())
            .unwrap();
        sled.flush().unwrap();
    }
    let out = run_fails(&["check", "--db", db.path()]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("audit entry 1 (demo.load by Iemand Anders"),
        "names the entry: {report}"
    );
}
