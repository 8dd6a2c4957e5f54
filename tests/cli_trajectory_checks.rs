//! What `import` and `check` verify of a trajectory beyond its plan, run as a user runs them: the
//! real binary on temp databases. The observations a trajectory names as prompting it
//! (`trajectories[].prompted_by`) are its own child's. Crafted by editing a demo export; `check`
//! is shown a database changed behind signaal's back, straight in its files.

mod common {
    pub mod cli;
    pub mod demo;
}

use common::cli::{fails, run, run_fails, run_ok, Db};
use common::demo::arr;
use serde_json::{json, Value};

/// The demo's export, an open trajectory of a child with observations (its index), that
/// child's latest observation and an observation of another child.
fn with_observations() -> (Value, usize, Value, Value) {
    let export = Db::demo(&[]).export();
    let observations = arr(&export, "observations");
    let observed = |t: &Value| observations.iter().any(|o| o["child_id"] == t["child_id"]);
    let index = arr(&export, "trajectories")
        .iter()
        .position(|t| t["closed"].is_null() && observed(t))
        .expect("the demo has an open trajectory of an observed child");
    let child = export["trajectories"][index]["child_id"].clone();
    let own = observations
        .iter()
        .filter(|o| o["child_id"] == child)
        .max_by_key(|o| o["date"].as_str().unwrap().to_string())
        .unwrap()["id"]
        .clone();
    let other = observations
        .iter()
        .find(|o| o["child_id"] != child)
        .expect("another child was observed")
        .clone();
    (export, index, own, other)
}

/// Writes `export` next to a fresh database and runs `signaal import` of it.
fn import(export: &Value) -> (Db, std::process::Output) {
    let db = Db::empty();
    let file = db.file("export.json");
    std::fs::write(&file, serde_json::to_vec(export).unwrap()).unwrap();
    let out = run(&["import", "--db", db.path(), file.to_str().unwrap()]);
    (db, out)
}

#[test]
fn prompted_by_round_trips_and_names_only_the_childs_own_observations() {
    let (mut export, index, own, other) = with_observations();
    export["trajectories"][index]["prompted_by"] = json!([own]);
    let db = Db::import(&export);
    let back = db.export();
    assert_eq!(back["trajectories"], export["trajectories"]);
    // Left out where none is named, as before the field existed.
    let unnamed = arr(&back, "trajectories")
        .iter()
        .filter(|t| t["id"] != export["trajectories"][index]["id"])
        .all(|t| t.get("prompted_by").is_none());
    assert!(unnamed, "empty prompted_by is not written");

    let t = &export["trajectories"][index];
    let expected = format!(
        "trajectory {} names observation {} in prompted_by, which is of child {}, not of its own \
         child {}",
        t["id"], other["id"], other["child_id"], t["child_id"]
    );
    let mut bad = export.clone();
    bad["trajectories"][index]["prompted_by"] = json!([other["id"]]);
    let (refused, out) = import(&bad);
    let message = fails(&out, 1);
    assert!(message.contains(&expected), "{message}");
    assert_eq!(message.trim().lines().count(), 1, "one sentence: {message}");
    assert!(!refused.exists(), "nothing is left of a refused import");

    // Changed behind signaal's back, straight in its files: `check` names it.
    run_ok(&["check", "--db", db.path()]);
    {
        let sled = sled::open(db.path()).unwrap();
        let tree = sled.open_tree("trajectories").unwrap();
        for entry in tree.iter() {
            let (key, value) = entry.unwrap();
            let mut stored: Value = serde_json::from_slice(&value).unwrap();
            if stored["id"] == t["id"] {
                stored["prompted_by"] = json!([other["id"]]);
                tree.insert(key, serde_json::to_vec(&stored).unwrap())
                    .unwrap();
            }
        }
        sled.flush().unwrap();
    }
    let out = run_fails(&["check", "--db", db.path()]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains(&expected), "{report}");
}
