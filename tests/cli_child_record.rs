//! The child's record (mentor, guardians, consent) through the real binary: `import` and `check`
//! refuse a mentor who is no staff member and a consent given by someone who is not one of the
//! child's guardians, one sentence naming the child and the field each; an export from an older
//! signaal, with the consent on a trajectory, imports with that consent on the child.

mod common {
    pub mod cli;
    pub mod demo;
}

use common::cli::{fails, run, run_fails, stderr, Db};
use common::demo::arr;
use serde_json::{json, Value};

/// The demo's export and the place in `children` of a child with a guardian with gezag.
fn demo_with_guardian() -> (Value, usize) {
    let export = Db::demo(&[]).export();
    let at = arr(&export, "children")
        .iter()
        .position(|c| {
            c["guardians"]
                .as_array()
                .is_some_and(|g| g.iter().any(|g| g["authority"] == true))
        })
        .expect("a demo child with a guardian with gezag");
    (export, at)
}

#[test]
fn import_refuses_a_bad_mentor_and_a_giver_who_is_no_guardian_and_leaves_nothing() {
    let (mut export, at) = demo_with_guardian();
    let child = &mut export["children"][at];
    let id = child["id"].as_u64().unwrap();
    child["mentor"] = json!(999_999);
    child["consent"]["school"] = json!({
        "answer": "yes", "at": "2026-09-01T10:00:00+02:00", "by": "Anouk Jansen",
        "given_by": "Iemand Anders",
    });
    child["guardians"][0]["phones"] = json!([{ "label": "mobiel", "number": " " }]);
    // A foster parent has no gezag and cannot give consent.
    let guardians = child["guardians"].as_array_mut().unwrap();
    guardians.push(json!({ "name": "Pleun Pleeg", "relation": "pleegouder", "authority": false }));
    child["consent"]["coach"] = json!({
        "answer": "yes", "at": "2026-09-01T10:00:00+02:00", "by": "Anouk Jansen",
        "given_by": "Pleun Pleeg",
    });
    let target = Db::empty();
    let file = target.file("record.json");
    std::fs::write(&file, serde_json::to_vec(&export).unwrap()).unwrap();
    let out = run_fails(&["import", "--db", target.path(), file.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(err.contains("record.json"), "names the file: {err}");
    for expected in [
        format!("child {id} has mentor 999999, which is not a staff member"),
        format!("child {id} has consent.school.given_by \"Iemand Anders\", who is not one of the child's guardians"),
        "(guardians[0].phones[0].number)".to_string(),
        format!("child {id} has consent.coach.given_by \"Pleun Pleeg\", who has no parental authority (gezag)"),
    ] {
        assert!(err.contains(&expected), "{expected}\nin: {err}");
    }
    assert!(!target.exists(), "no database directory left behind");
}

#[test]
fn import_refuses_a_start_in_the_group_before_birth_or_to_come() {
    let mut export = Db::demo(&[]).export();
    let children = arr(&export, "children");
    assert!(
        children.iter().all(|c| c["started"].is_string()),
        "every demo child has a start in the group"
    );
    let (early, late) = (
        children[0]["id"].as_u64().unwrap(),
        children[1]["id"].as_u64().unwrap(),
    );
    let born = children[0]["birth_date"].as_str().unwrap().to_string();
    export["children"][0]["started"] = json!("2000-01-01");
    export["children"][1]["started"] = json!("2999-01-01");
    let target = Db::empty();
    let file = target.file("started.json");
    std::fs::write(&file, serde_json::to_vec(&export).unwrap()).unwrap();
    let out = run_fails(&["import", "--db", target.path(), file.to_str().unwrap()]);
    let err = stderr(&out);
    for expected in [
        format!("child {early} has started 2000-01-01, before its birth date {born}"),
        format!("child {late} has started 2999-01-01, which lies in the future"),
    ] {
        assert!(err.contains(&expected), "{expected}\nin: {err}");
    }
    assert!(!target.exists(), "no database directory left behind");
}

/// Changes child `child` straight in `db`'s store, past the checks of import (as a bug or an
/// older signaal might have left it), audited as an edit.
fn change_in_database(db: &Db, child: u64, change: impl FnOnce(&mut signaal::domain::Child)) {
    use signaal::store::{Signature, Store};
    let store = Store::open(std::path::Path::new(db.path())).unwrap();
    let mut record = store.child(child).unwrap().unwrap();
    change(&mut record);
    let sig = Signature {
        by: "Anouk Jansen".into(),
        at: chrono::DateTime::parse_from_rfc3339("2026-09-01T10:00:00+02:00").unwrap(),
    };
    let action = signaal::domain::AuditAction::ChildEdit;
    store.save_child(&record, action, &sig).unwrap();
    // Closed for real before the next command opens it (sled lets go a moment after a drop).
    store.close().unwrap();
}

#[test]
fn check_names_a_mentor_and_a_giver_that_went_wrong_in_the_database() {
    let db = Db::demo(&[]);
    let export = db.export();
    let child = arr(&export, "children")[0]["id"].as_u64().unwrap();
    change_in_database(&db, child, |record| {
        record.mentor = Some(999_999);
        record.consent.coach = Some(signaal::domain::Given {
            answer: signaal::domain::ConsentAnswer::Yes,
            at: chrono::DateTime::parse_from_rfc3339("2026-09-01T10:00:00+02:00").unwrap(),
            by: "Anouk Jansen".into(),
            given_by: "Iemand Anders".into(),
        });
    });
    let out = run(&["check", "--db", db.path()]);
    let err = String::from_utf8_lossy(&out.stdout).into_owned() + &stderr(&out);
    fails(&out, 1);
    assert!(
        err.contains(&format!(
            "child {child} has mentor 999999, which is not a staff member"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "child {child} has consent.coach.given_by \"Iemand Anders\""
        )),
        "{err}"
    );
}

#[test]
fn an_older_export_with_consent_on_a_trajectory_imports_it_onto_the_child() {
    let mut export = Db::demo(&[]).export();
    let trajectory = &mut export["trajectories"][0];
    let child = trajectory["child_id"].clone();
    // As a signaal before the child record wrote it: the answers on the trajectory only.
    trajectory["consent"] = json!({
        "coach": true, "school": false, "by": "Anouk Jansen", "at": "2026-09-01T10:00:00+02:00",
    });
    for c in export["children"].as_array_mut().unwrap() {
        if c["id"] == child {
            c.as_object_mut().unwrap().remove("consent");
        }
    }
    let db = Db::import(&export);
    let copy = db.export();
    let child = arr(&copy, "children")
        .iter()
        .find(|c| c["id"] == child)
        .unwrap();
    assert_eq!(child["consent"]["coach"]["answer"], "yes");
    assert_eq!(child["consent"]["coach"]["by"], "Anouk Jansen");
    assert_eq!(child["consent"]["coach"]["given_by"], "");
    assert_eq!(child["consent"]["school"]["answer"], "no");
    assert!(child["consent"].get("care_team").is_none());
    let moved = &arr(&copy, "trajectories")[0];
    assert!(moved.get("consent").is_none(), "no longer written: {moved}");
}

/// The id of the first staff member in `export` for whom `wanted` holds.
fn staff_where(export: &Value, wanted: impl Fn(&Value) -> bool) -> u64 {
    arr(export, "staff")
        .iter()
        .find(|s| wanted(s))
        .and_then(|s| s["id"].as_u64())
        .expect("such a staff member in the demo")
}

#[test]
fn a_coach_is_no_mentor_but_a_mentor_of_another_group_is_fine() {
    let mut export = Db::demo(&[]).export();
    let coach = staff_where(&export, |s| s["role"] == "coach");
    let child = &arr(&export, "children")[0];
    let (id, group) = (child["id"].as_u64().unwrap(), child["group_id"].clone());
    let elsewhere = staff_where(&export, |s| {
        s["role"] == "staff" && !s["groups"].as_array().unwrap().contains(&group)
    });
    let expected = format!(
        "child {id} has mentor {coach}, who is a coach: a mentor is one of the group's staff"
    );

    // People move: a mentor who works on another group now imports and checks clean.
    export["children"][0]["mentor"] = json!(elsewhere);
    let moved = Db::import(&export);
    let out = run(&["check", "--db", moved.path()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // A coach is refused by import, naming the file, and nothing is left.
    export["children"][0]["mentor"] = json!(coach);
    let target = Db::empty();
    let file = target.file("mentor.json");
    std::fs::write(&file, serde_json::to_vec(&export).unwrap()).unwrap();
    let out = run_fails(&["import", "--db", target.path(), file.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(
        err.contains("mentor.json") && err.contains(&expected),
        "{err}"
    );
    assert!(!target.exists(), "no database directory left behind");

    // ... and by check, when it got into a database anyhow.
    change_in_database(&moved, id, |record| record.mentor = Some(coach));
    let out = run(&["check", "--db", moved.path()]);
    let said = String::from_utf8_lossy(&out.stdout).into_owned() + &stderr(&out);
    fails(&out, 1);
    assert!(said.contains(&expected), "{said}");
}
