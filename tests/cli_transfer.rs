//! `export` and `import` through the real binary, streamed: an export another tool rewrote with
//! its arrays in another order imports; a refused import into a new directory leaves none behind.

mod common {
    pub mod cli;
    pub mod demo;
}

use common::cli::{run_fails, run_ok, stderr, without_exported_at, Db};
use common::demo::arr;
use serde_json::Value;

/// `export` as JSON text with its fields in reverse alphabetical order: the visits,
/// trajectories and observations before the children and groups they belong to.
fn backwards(export: &Value) -> String {
    let fields: Vec<String> = export
        .as_object()
        .unwrap()
        .iter()
        .rev()
        .map(|(key, value)| format!("{key:?}: {value}"))
        .collect();
    format!("{{\n{}\n}}\n", fields.join(",\n"))
}

#[test]
fn an_export_with_its_arrays_in_another_order_imports_whole() {
    let source = Db::demo(&[]);
    let export = source.export();
    let target = Db::empty();
    let file = target.file("backwards.json");
    std::fs::write(&file, backwards(&export)).unwrap();
    run_ok(&["import", "--db", target.path(), file.to_str().unwrap()]);
    run_ok(&["check", "--db", target.path()]);
    let mut copy = without_exported_at(target.export());
    let mut original = without_exported_at(export);
    // The import adds its own audit entry; everything else is as it was.
    let own = copy["audit"].as_array_mut().unwrap().pop().unwrap();
    assert_eq!(own["action"], "import");
    original.as_object_mut().unwrap().remove("audit");
    copy.as_object_mut().unwrap().remove("audit");
    assert!(original == copy, "the import holds what was exported");
}

#[test]
fn a_refused_import_into_a_new_directory_leaves_none_behind() {
    let mut export = Db::demo(&[]).export();
    let last = arr(&export, "observations").len() - 1;
    export["observations"][last]["child_id"] = 999_999.into();
    let target = Db::empty();
    let file = target.file("orphan.json");
    std::fs::write(&file, backwards(&export)).unwrap();
    let out = run_fails(&["import", "--db", target.path(), file.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(err.contains("orphan.json"), "names the file: {err}");
    assert!(err.contains("child 999999, which does not exist"), "{err}");
    assert!(!target.exists(), "no database directory left behind");
}

/// `export` as a signaal from before the audit hash chain wrote it: no `hash` and no `detail` on
/// any audit entry. Trail entries of several kinds, so that sealing has a chain to build.
fn from_before_the_chain() -> (Value, Db) {
    let source = Db::demo(&[]);
    let group = arr(&source.export(), "groups")[0]["id"].to_string();
    run_ok(&[
        "forms",
        "--db",
        source.path(),
        "use",
        "--group",
        &group,
        "--all",
    ]);
    let mut export = source.export();
    for entry in export["audit"].as_array_mut().unwrap() {
        let entry = entry.as_object_mut().unwrap();
        entry.remove("hash");
        entry.remove("detail");
    }
    (export, source)
}

#[test]
fn an_export_from_before_the_chain_is_imported_only_when_asked_and_says_so() {
    let (old, _source) = from_before_the_chain();
    let target = Db::empty();
    let file = target.file("old.json");
    std::fs::write(&file, old.to_string()).unwrap();
    let file = file.to_str().unwrap();

    // Without the option: refused, saying how to take such a file, and nothing is left behind.
    let err = stderr(&run_fails(&["import", "--db", target.path(), file]));
    assert!(err.contains("has no hash"), "{err}");
    assert!(err.contains("--unverified-trail"), "{err}");
    assert!(!target.exists());

    run_ok(&["import", "--db", target.path(), "--unverified-trail", file]);
    run_ok(&["check", "--db", target.path()]);
    let imported = target.export();
    let audit = arr(&imported, "audit");
    assert_eq!(audit.len(), arr(&old, "audit").len() + 1);
    let own = audit.last().unwrap();
    assert_eq!(own["action"], "import");
    assert!(
        own["detail"].as_str().unwrap().contains("trail=unverified"),
        "the trail says its start was not verified: {own}"
    );
    // The old entries are there as they were, now sealed.
    for (was, now) in arr(&old, "audit").iter().zip(audit) {
        for field in ["at", "by", "action", "target"] {
            assert_eq!(was[field], now[field]);
        }
        assert_eq!(now["hash"].as_str().unwrap().len(), 64);
    }
}

#[test]
fn the_unverified_trail_option_takes_no_file_with_hashes() {
    let source = Db::demo(&[]);
    let target = Db::empty();
    let file = target.file("sealed.json");
    std::fs::write(&file, source.export().to_string()).unwrap();
    let err = stderr(&run_fails(&[
        "import",
        "--db",
        target.path(),
        "--unverified-trail",
        file.to_str().unwrap(),
    ]));
    assert!(err.contains("carries a hash"), "{err}");
    assert!(!target.exists());

    // Hashes stripped from some entries only: not an old export, so refused both ways.
    let (mut mixed, _old) = from_before_the_chain();
    let sealed = source.export();
    mixed["audit"][0]["hash"] = sealed["audit"][0]["hash"].clone();
    std::fs::write(&file, mixed.to_string()).unwrap();
    for extra in [&[][..], &["--unverified-trail"][..]] {
        let mut args = vec!["import", "--db", target.path()];
        args.extend(extra);
        args.push(file.to_str().unwrap());
        let err = stderr(&run_fails(&args));
        assert!(err.contains("hash"), "{extra:?}: {err}");
        assert!(!target.exists());
    }
}

#[test]
fn a_backup_given_to_import_is_pointed_to_restore() {
    let source = Db::demo(&[]);
    let file = source.file("backup.json.gz");
    run_ok(&[
        "backup",
        "--db",
        source.path(),
        "--to",
        file.to_str().unwrap(),
    ]);
    let target = Db::empty();
    let err = stderr(&run_fails(&[
        "import",
        "--db",
        target.path(),
        file.to_str().unwrap(),
    ]));
    assert!(err.contains("compressed"), "{err}");
    assert!(
        err.contains(&format!("signaal restore --db {}", target.path())),
        "{err}"
    );
    assert!(!target.exists(), "nothing made");
}
