//! What signaal writes, read by tools outside it: the README's Python recipe verifies an export's
//! audit chain (and notices a changed entry), and Python's own gzip and json read a backup file.
//! These are the readers a coordinator or an outside tool would use, so the tests run them for
//! real: python3 is part of every machine this project builds on.

mod common {
    pub mod cli;
}

use std::path::Path;
use std::process::Command;

use common::cli::{ok, run_ok, Db};
use serde_json::Value;

/// The README's Python script that verifies an export's audit chain, exactly as printed there.
fn readme_recipe() -> String {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let start = readme
        .find("```python\n")
        .expect("the README has a Python recipe")
        + "```python\n".len();
    let end = start + readme[start..].find("```").expect("the recipe ends");
    readme[start..end].to_string()
}

/// Runs python3 with `script` and `args`; its exit status and what it printed.
fn python(script: &str, args: &[&Path]) -> (bool, String) {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs (it is on every machine this project builds on)");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), said)
}

/// A database whose trail has entries of every shape the hash covers: one from the demo, one
/// `import` entry with a `detail`, and ordinary changes after it.
fn trail_with_details() -> (Db, tempfile::TempDir) {
    let demo = Db::demo(&[]);
    let files = tempfile::tempdir().unwrap();
    let export = files.path().join("demo.json");
    std::fs::write(&export, ok(&run_ok(&["export", "--db", demo.path()]))).unwrap();
    let db = Db::empty();
    run_ok(&["import", "--db", db.path(), export.to_str().unwrap()]);
    let group = db.export()["groups"][0]["id"].as_u64().unwrap().to_string();
    run_ok(&[
        "forms",
        "--db",
        db.path(),
        "use",
        "--group",
        &group,
        "--all",
    ]);
    (db, files)
}

#[test]
fn the_readme_recipe_verifies_an_export_and_catches_a_changed_entry() {
    let (db, files) = trail_with_details();
    let export = db.export();
    let audit = export["audit"].as_array().unwrap();
    assert!(audit.len() >= 3, "{audit:#?}");
    assert!(
        audit.iter().any(|e| e.get("detail").is_some()),
        "an entry with a detail is covered: {audit:#?}"
    );
    let file = files.path().join("export.json");
    std::fs::write(&file, serde_json::to_string_pretty(&export).unwrap()).unwrap();
    let (held, said) = python(&readme_recipe(), &[&file]);
    assert!(held, "the chain holds for Python: {said}");
    assert!(said.contains("holds"), "{said}");

    // One letter of one name changed: Python finds the entry.
    let mut changed: Value = export.clone();
    let by = changed["audit"][1]["by"].as_str().unwrap().to_string();
    changed["audit"][1]["by"] = Value::from(format!("{by}x"));
    std::fs::write(&file, serde_json::to_string(&changed).unwrap()).unwrap();
    let (held, said) = python(&readme_recipe(), &[&file]);
    assert!(
        !held,
        "a changed entry breaks the chain for Python too: {said}"
    );
    assert!(said.contains("audit entry 2"), "{said}");
}

#[test]
fn python_reads_a_backup_with_gzip_and_json() {
    let db = Db::demo(&[]);
    let file = db.file("by-hand.json.gz");
    run_ok(&["backup", "--db", db.path(), "--to", file.to_str().unwrap()]);
    let script = "import gzip, json, sys\n\
                  d = json.load(gzip.open(sys.argv[1]))\n\
                  print(d['format'], len(d['children']), len(d['observations']), len(d['audit']))";
    let (read, said) = python(script, &[&file]);
    assert!(read, "{said}");
    let export = db.export();
    let count = |key: &str| export[key].as_array().unwrap().len();
    assert_eq!(
        said.trim(),
        format!(
            "signaal-export {} {} {}",
            count("children"),
            count("observations"),
            count("audit")
        )
    );
}
