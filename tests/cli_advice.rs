//! Whom a coach's advice was for (`visits[].notes[].with`) through the real binary: the demo's
//! advice names staff, an older export without `with` imports, and one naming someone who is no
//! staff member is refused by `import`, saying which visit and id.

mod common {
    pub mod cli;
    pub mod demo;
}

use common::cli::{run_fails, run_ok, stderr, Db};
use common::demo::arr;
use serde_json::Value;

/// Every advice of the export.
fn notes(export: &mut Value) -> Vec<&mut Value> {
    let visits = export["visits"].as_array_mut().unwrap();
    let notes = visits
        .iter_mut()
        .flat_map(|v| v["notes"].as_array_mut().unwrap());
    notes.collect()
}

#[test]
fn advice_names_staff_and_an_older_export_without_with_imports() {
    let mut export = Db::demo(&[]).export();
    let staff: Vec<u64> = arr(&export, "staff")
        .iter()
        .map(|s| s["id"].as_u64().unwrap())
        .collect();
    let with: Vec<u64> = notes(&mut export)
        .iter()
        .flat_map(|n| n["with"].as_array().cloned().unwrap_or_default())
        .map(|id| id.as_u64().unwrap())
        .collect();
    assert!(!with.is_empty(), "the demo's advice names staff");
    assert!(with.iter().all(|id| staff.contains(id)), "{with:?}");

    for note in notes(&mut export) {
        note.as_object_mut().unwrap().remove("with");
    }
    let target = Db::empty();
    let file = target.file("older.json");
    std::fs::write(&file, export.to_string()).unwrap();
    run_ok(&["import", "--db", target.path(), file.to_str().unwrap()]);
    run_ok(&["check", "--db", target.path()]);
}

#[test]
fn advice_with_someone_who_is_no_staff_member_is_refused() {
    let mut export = Db::demo(&[]).export();
    let visit = arr(&export, "visits")[0]["id"].as_u64().unwrap();
    export["visits"][0]["notes"][0]["with"] = serde_json::json!([999_999]);
    let target = Db::empty();
    let file = target.file("stranger.json");
    std::fs::write(&file, export.to_string()).unwrap();
    let out = run_fails(&["import", "--db", target.path(), file.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(err.contains("stranger.json"), "names the file: {err}");
    assert!(
        err.contains(&format!(
            "visit {visit} has advice with staff member 999999, who does not exist"
        )),
        "{err}"
    );
}
