//! End-to-end test of the coach visit: the real `signaal` binary in a pseudo-terminal on a demo
//! database, signed in as the demo's coach. `v` on a group lists first a child whose step plan
//! waits on the coach (checked against `signaal export`); advice with the competencies "1 4", a
//! follow-up and closing the visit end up in the export's `visits[]`.
//!
//! Names are read from the database's export, never hard-coded.

mod common {
    pub mod cli;
    pub mod demo;
    pub mod pty;
    pub mod screens;
}

use std::collections::HashSet;

use common::demo::{arr, fresh_demo, group_name, id, kids, s};
use common::pty::framed;
use common::screens::{open_group, open_tui, quit};
use serde_json::Value;

/// The name of the first person with `role` in the export.
fn staff_with_role(ex: &Value, role: &str) -> String {
    arr(ex, "staff")
        .iter()
        .find(|m| m["role"] == role)
        .map(|m| s(m, "name").to_string())
        .unwrap_or_else(|| panic!("the demo has a {role}"))
}

/// The children whose open trajectory stands at its plan's coach stage with the parents'
/// consent to asking the coach: the first not-done stage is the one of kind "coach".
fn waiting_on_coach(ex: &Value) -> HashSet<u64> {
    let coach_stage = |t: &Value| {
        arr(ex, "plan_templates")
            .iter()
            .find(|p| p["id"] == t["template"] && p["version"] == t["version"])
            .and_then(|p| arr(p, "stages").iter().find(|st| st["kind"] == "coach"))
            .map(|st| s(st, "id").to_string())
    };
    // The consent is the child's.
    let consented = |t: &Value| {
        arr(ex, "children")
            .iter()
            .find(|c| c["id"] == t["child_id"])
            .is_some_and(|c| c["consent"]["coach"]["answer"] == "yes")
    };
    arr(ex, "trajectories")
        .iter()
        .filter(|t| t["closed"].is_null() && consented(t))
        .filter(|t| {
            let first_open = arr(t, "stages").iter().find(|e| e["done"] != true);
            let first_open = first_open.map(|e| s(e, "stage").to_string());
            first_open.is_some() && first_open == coach_stage(t)
        })
        .map(|t| t["child_id"].as_u64().unwrap())
        .collect()
}

/// How the coach's screens begin a child's row: its name with the parents' `coach` consent, else
/// its alias "Child N ·", N its place in its group in id order, archived children included.
fn shown_to_coach(ex: &Value, kid: &common::demo::Kid) -> String {
    let child = arr(ex, "children")
        .iter()
        .find(|c| id(c) == kid.id)
        .unwrap();
    if child["consent"]["coach"]["answer"] == "yes" {
        return kid.name.clone();
    }
    let before = arr(ex, "children")
        .iter()
        .filter(|c| c["group_id"].as_u64() == Some(kid.group_id) && id(c) < kid.id)
        .count();
    format!("Child {} ·", before + 1)
}

/// The screen's rows, one a line (the screen's text joins a full-width row to the next).
fn rows(t: &common::pty::Tui) -> String {
    t.with_screen(|screen| {
        let (_, cols) = screen.size();
        screen.rows(0, cols).collect::<Vec<_>>().join("\n")
    })
}

/// The name on the first row under the children's section title, and the whole row.
fn first_child_row(screen: &str) -> Option<(String, String)> {
    let mut lines = screen
        .lines()
        .skip_while(|l| !l.contains("Children, most urgent first"));
    let row = lines.nth(1)?;
    let name = row
        .trim_start_matches('│')
        .get(2..)?
        .split("  ")
        .next()?
        .trim();
    Some((name.to_string(), row.to_string()))
}

#[test]
fn the_coach_sees_the_waiting_child_first_writes_advice_and_closes_the_visit() {
    let (db, ex, _) = fresh_demo(&[]);
    let coach = staff_with_role(&ex, "coach");
    let waiting = waiting_on_coach(&ex);
    let group_id = id(&arr(&ex, "groups")[0]);
    let in_group: Vec<_> = kids(&ex)
        .into_iter()
        .filter(|k| k.group_id == group_id && waiting.contains(&k.id))
        .collect();
    assert!(
        !in_group.is_empty(),
        "the demo has a child waiting on the coach"
    );

    let mut t = open_tui(&db, &coach);
    open_group(&mut t, &group_name(&ex, group_id));
    t.send("v");
    t.expect("Children, most urgent first");
    let screen = rows(&t);
    let (name, row) = first_child_row(&screen).expect("a child row");
    let kid = in_group
        .iter()
        .find(|k| name.starts_with(&shown_to_coach(&ex, k)))
        .unwrap_or_else(|| panic!("{name} is not waiting on the coach:\n{}", framed(&screen)));
    assert!(row.contains("waiting on coach"), "{row}");

    // Onto the child's row, past the follow-ups carried over from the demo's visit.
    let follow_ups = screen
        .lines()
        .skip_while(|l| !l.contains("Follow-ups"))
        .skip(1)
        .take_while(|l| !l.contains("Children, most urgent first"))
        .count();
    for _ in 0..follow_ups {
        t.key("Down");
    }
    t.expect_until("the first child selected", |s| {
        s.contains(&format!("│▶ {name}  "))
    });

    t.send("n");
    t.expect("Competencies (digits)");
    t.send("Rustig benoemen wat je ziet");
    t.key("Tab");
    t.send("1 4");
    t.key("Enter");
    // Whom it is for is asked: a childcare staff member of the group, typed in lower case.
    t.expect("Whom was this advice for?");
    let (with_id, with_name) = arr(&ex, "staff")
        .iter()
        .find(|p| {
            p["role"] == "staff"
                && arr(p, "groups")
                    .iter()
                    .any(|g| g.as_u64() == Some(group_id))
        })
        .map(|p| (id(p), s(p, "name").to_lowercase()))
        .expect("the group has childcare staff");
    t.key("Tab");
    t.send(&with_name);
    t.key("Enter");
    t.expect("Advice is saved.");

    t.send("f");
    t.expect("What was agreed");
    t.send("Oudergesprek plannen");
    t.key("Enter");
    t.expect("Follow-up is saved.");

    t.send("x");
    t.expect("Next visit");
    t.expect("Date: YYYY-MM-DD or DD-MM-YYYY");
    t.key("Enter");
    t.expect("Close the visit?");
    // Enter is no: the close form comes back as it was; only `y` closes.
    t.key("Enter");
    t.expect_until("the close form back, the question gone", |s| {
        s.contains("Next visit") && !s.contains("Close the visit?")
    });
    t.key("Enter");
    t.expect("Close the visit?");
    t.send("y");
    t.expect("Coach visit is saved.");
    quit(&mut t);

    let after = db.export();
    let visits: Vec<&Value> = arr(&after, "visits")
        .iter()
        .filter(|v| v["group_id"].as_u64() == Some(group_id))
        .collect();
    let newest = visits.iter().max_by_key(|v| id(v)).expect("a visit");
    assert_eq!(s(newest, "by"), coach);
    assert!(newest["closed_at"].is_string(), "closed: {newest:#}");
    assert!(newest["next_visit"].is_string());
    let advice = arr(newest, "notes")
        .iter()
        .find(|a| a["text"] == "Rustig benoemen wat je ziet")
        .unwrap_or_else(|| panic!("the advice is exported: {newest:#}"));
    assert_eq!(advice["child_id"].as_u64(), Some(kid.id));
    assert_eq!(
        advice["competencies"],
        serde_json::json!(["development", "parents"])
    );
    assert_eq!(advice["with"], serde_json::json!([with_id]));
    assert!(arr(newest, "follow_ups")
        .iter()
        .any(|f| f["text"] == "Oudergesprek plannen" && f["child_id"].as_u64() == Some(kid.id)));
    let audit: Vec<&str> = arr(&after, "audit")
        .iter()
        .map(|e| s(e, "action"))
        .collect();
    for action in [
        "visit.start",
        "visit.advice",
        "visit.follow_up",
        "visit.close",
    ] {
        assert!(audit.contains(&action), "{action} audited");
    }
}
