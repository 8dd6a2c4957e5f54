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
