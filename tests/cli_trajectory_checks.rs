//! What `import` and `check` verify of a trajectory beyond its plan, run as a user runs them: the
//! real binary on temp databases. The observations a trajectory names as prompting it
//! (`trajectories[].prompted_by`) are its own child's; a Meldcode trajectory's answers given out
//! of the order the screen keeps are kept, not refused. Crafted by editing a demo export; `check` is shown a
//! database changed behind signaal's back, straight in its files.

mod common {
    pub mod cli;
    pub mod demo;
}

use common::cli::{fails, run, run_fails, run_ok, seal_audit, Db};
use common::demo::{arr, max_id, plan_with_untouched_stages};
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

/// Changes the stored trajectory `id` of the database `db` with `change`, straight in its files
/// (no signaal involved, so no audit entry).
fn change_stored(db: &Db, id: &Value, change: impl Fn(&mut Value)) {
    db.in_sled(|sled| {
        let tree = sled.open_tree("trajectories").unwrap();
        for entry in tree.iter() {
            let (key, value) = entry.unwrap();
            let json = signaal::store::record_json(&value).unwrap();
            let mut stored: Value = serde_json::from_slice(&json).unwrap();
            if &stored["id"] == id {
                change(&mut stored);
                tree.insert(key, serde_json::to_vec(&stored).unwrap())
                    .unwrap();
            }
        }
    });
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
    change_stored(&db, &t["id"], |stored| {
        stored["prompted_by"] = json!([other["id"]])
    });
    let out = run_fails(&["check", "--db", db.path()]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains(&expected), "{report}");
}

/// An answer as the trajectory screen records it.
fn answer(question: &str, yes: bool) -> Value {
    json!({"question": question, "yes": yes, "by": "Anouk", "at": "2026-10-02T10:00:00+02:00"})
}

/// The demo's export with a Meldcode trajectory added for its first child (with its start in
/// the audit trail, as the app writes it) whose answers are `answers`; and its id.
fn with_meldcode(answers: Vec<Value>) -> (Value, Value) {
    let mut export = Db::demo(&[]).export();
    let (meldcode, stages) = plan_with_untouched_stages(&export, "meldcode");
    let id = json!(max_id(&export) + 1);
    let child = export["children"][0]["id"].clone();
    let trajectory = json!({
        "id": id, "child_id": child, "template": "meldcode", "version": meldcode["version"],
        "started": "2026-10-01", "by": "Anouk", "stages": stages, "answers": answers,
    });
    export["trajectories"]
        .as_array_mut()
        .unwrap()
        .push(trajectory);
    export["audit"].as_array_mut().unwrap().push(json!({
        "at": "2026-10-01T10:00:00+02:00", "by": "Anouk", "action": "trajectory.start",
        "target": format!("trajectory:{id}"),
    }));
    seal_audit(&mut export);
    (export, id)
}

/// The screen keeps the afwegingskader's questions in order (question 2 only after 1, none after
/// "no suspicion", which ends them), but a trajectory from before it did, or from another tool,
/// may hold answers out of order. Like a stage ticked early, they are kept (and marked on the
/// screen), never refused: `import` takes them, `check` passes, and the export gives them back,
/// so a backup from then still restores.
#[test]
fn meldcode_answers_out_of_order_are_kept_not_refused() {
    // Question 1 answered "no": no suspicion, which ends the questions; yet question 2 is too.
    let ended = vec![answer("afweging.1", false), answer("afweging.2", true)];
    let (export, id) = with_meldcode(ended);
    let db = Db::import(&export);
    run_ok(&["check", "--db", db.path()]);
    let back = db.export();
    let trajectory = arr(&back, "trajectories")
        .iter()
        .find(|t| t["id"] == id)
        .expect("the trajectory came in");
    let answered: Vec<&Value> = arr(trajectory, "answers")
        .iter()
        .map(|a| &a["question"])
        .collect();
    assert_eq!(answered, [&json!("afweging.1"), &json!("afweging.2")]);
}

/// Issue 14 (a tester): `import` and `check` took a second answer to the same question, and the
/// Meldcode's own fields on a trajectory of another plan. Each is refused in one sentence naming
/// the trajectory.
#[test]
fn a_second_answer_and_meldcode_fields_outside_the_meldcode_are_refused() {
    let twice = vec![answer("afweging.1", true), answer("afweging.1", false)];
    let (export, id) = with_meldcode(twice);
    let (refused, out) = import(&export);
    let message = fails(&out, 1);
    let expected = format!("trajectory {id} answers question \"afweging.1\" more than once");
    assert!(message.contains(&expected), "{message}");
    assert_eq!(message.trim().lines().count(), 1, "one sentence: {message}");
    assert!(!refused.exists(), "nothing is left of a refused import");

    let (mut export, index, _, _) = with_observations();
    assert_eq!(
        export["trajectories"][index]["template"],
        "vroegsignalering"
    );
    let id = export["trajectories"][index]["id"].clone();
    export["trajectories"][index]["meldcode"] = json!({"decision": "melden"});
    let (_, out) = import(&export);
    let message = fails(&out, 1);
    let expected = format!(
        "trajectory {id} follows plan vroegsignalering, not the Meldcode, yet has Meldcode \
         fields (meldcode)"
    );
    assert!(message.contains(&expected), "{message}");

    // Changed behind signaal's back, straight in its files: `check` names it.
    export["trajectories"][index]
        .as_object_mut()
        .unwrap()
        .remove("meldcode");
    let db = Db::import(&export);
    change_stored(&db, &id, |stored| {
        stored["meldcode"] = json!({"decision": "melden"})
    });
    let out = run_fails(&["check", "--db", db.path()]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains(&expected), "{report}");
}

/// Issue 14: a trajectory's dates make sense. What happened (started, Veilig Thuis consulted,
/// reported, closed) is not after today nor before the child's birth or the start; `import`
/// refuses otherwise and `check` finds a database changed behind signaal's back, one sentence
/// per date naming the trajectory and the field.
#[test]
fn trajectory_dates_that_cannot_be_are_refused_and_found() {
    let (mut export, id) = with_meldcode(Vec::new());
    let index = arr(&export, "trajectories")
        .iter()
        .position(|t| t["id"] == id)
        .unwrap();
    let mut bad = export.clone();
    bad["trajectories"][index]["meldcode"] =
        json!({"veilig_thuis_consulted": "2999-01-01", "reported_on": "1900-01-01"});
    let (refused, out) = import(&bad);
    let message = fails(&out, 1);
    for expected in [
        format!(
            "trajectory {id} has meldcode.veilig_thuis_consulted 2999-01-01: the date lies in \
             the future"
        ),
        format!(
            "trajectory {id} has meldcode.reported_on 1900-01-01: the date lies before the \
             trajectory started"
        ),
    ] {
        assert!(message.contains(&expected), "{expected}: {message}");
    }
    assert!(!refused.exists(), "nothing is left of a refused import");

    export["trajectories"][index]["meldcode"] = json!({"reported_on": "2026-10-02"});
    let db = Db::import(&export);
    run_ok(&["check", "--db", db.path()]);
    change_stored(&db, &id, |stored| stored["started"] = json!("2999-01-01"));
    let out = run_fails(&["check", "--db", db.path()]);
    let report = String::from_utf8_lossy(&out.stdout);
    let expected = format!("trajectory {id} has started 2999-01-01: the date lies in the future");
    assert!(report.contains(&expected), "{report}");
}
