//! End-to-end test of issue 14, acceptance 2: a note written today on a stage ticked in an
//! earlier month leaves that month's care-team report as it was. The real `signaal` binary in a
//! pseudo-terminal on the demo's export with one trajectory added whose first stage was ticked
//! last month by an older signaal (no `done_at`, only `at`: the record the tester had); the note
//! is written with `n` as a user does, then `report --care-team --month` runs.
//!
//! Names are read from the export, never hard-coded.

mod common {
    pub mod cli;
    pub mod demo;
    pub mod pty;
    pub mod screens;
}

use chrono::{Datelike, Days, NaiveDate};
use common::cli::{ok, seal_audit, Db};
use common::demo::{arr, first_staff, kids, max_id, plan_with_untouched_stages, s, today, Kid};
use common::pty::framed;
use common::screens::{quit, selected_row, start_on_child};
use serde_json::{json, Value};

/// The demo's export with every child's parents consenting to the care-team meeting (so the
/// report names them), and a child of `user`'s first group without a trajectory.
fn export_and_kid(user: &str) -> (Value, Kid) {
    let mut ex = Db::demo(&[]).export();
    for child in ex["children"].as_array_mut().unwrap() {
        child["consent"]["care_team"] = json!({
            "answer": "yes", "at": "2026-09-01T10:00:00+02:00", "by": "Anouk Jansen",
            "given_by": "",
        });
    }
    let person = arr(&ex, "staff").iter().find(|m| s(m, "name") == user);
    let group = arr(person.unwrap(), "groups")[0].as_u64().unwrap();
    let with_plan = |k: &Kid| {
        arr(&ex, "trajectories")
            .iter()
            .any(|t| t["child_id"] == k.id)
    };
    let kid = kids(&ex)
        .into_iter()
        .find(|k| k.group_id == group && !with_plan(k))
        .expect("a child of the user's group without a trajectory");
    (ex, kid)
}

/// Adds an early-signalling trajectory of `kid` started on `started`, its first stage ticked
/// on `ticked` as an older signaal wrote it (no `done_at`); returns the first stage's title.
fn add_ticked(ex: &mut Value, kid: &Kid, started: NaiveDate, ticked: NaiveDate) -> String {
    let (plan, mut stages) = plan_with_untouched_stages(ex, "vroegsignalering");
    stages[0]["done"] = json!(true);
    stages[0]["by"] = json!("Anouk Jansen");
    stages[0]["at"] = json!(format!("{ticked}T10:00:00+02:00"));
    let id = max_id(ex) + 1;
    let trajectory = json!({
        "id": id, "child_id": kid.id, "template": "vroegsignalering",
        "version": plan["version"], "started": started.to_string(), "by": "Anouk Jansen",
        "question": "Hoe komt het kind tot rust", "stages": stages,
    });
    ex["trajectories"].as_array_mut().unwrap().push(trajectory);
    ex["audit"].as_array_mut().unwrap().push(json!({
        "at": format!("{started}T09:00:00+02:00"), "by": "Anouk Jansen",
        "action": "trajectory.start", "target": format!("trajectory:{id}"),
    }));
    seal_audit(ex);
    plan["stages"][0]["title"]["en"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The stage cell ("2/8 ...") of `name`'s row in the Markdown care-team report.
fn stage_cell<'a>(report: &'a str, name: &str) -> Option<&'a str> {
    let row = report
        .lines()
        .find(|l| l.starts_with(&format!("| {name} |")))?;
    row.split(" | ").nth(4)
}

#[test]
fn a_note_written_today_leaves_last_months_care_team_report_as_it_was() {
    let first_of_this = NaiveDate::from_ymd_opt(today().year(), today().month(), 1).unwrap();
    let end = first_of_this - Days::new(1);
    let (started, ticked) = (end - Days::new(20), end - Days::new(10));
    let user = first_staff(&Db::demo(&[]).export());
    let (mut ex, kid) = export_and_kid(&user);
    let stage = add_ticked(&mut ex, &kid, started, ticked);
    let db = Db::import(&ex);
    let month = end.format("%Y-%m").to_string();
    let report = |db: &Db| ok(&db.report(&["--care-team", "--month", &month, "--lang", "en"]));
    let before = report(&db);
    let cell = stage_cell(&before, &kid.name).unwrap_or_else(|| panic!("{before}"));
    assert!(cell.starts_with("2/8 "), "stage 1 done last month: {cell}");

    // The trajectory, its first stage selected, `n`, a note, Enter.
    let mut t = start_on_child(&db, &ex, &kid, &user);
    t.send("p");
    t.expect_until("the plans picker", |s| s.contains("· Step plan"));
    t.key("Enter");
    t.expect_until("the trajectory", |s| {
        s.contains(&format!("{} · 2/8", kid.name))
    });
    // It opens on its current stage, the second: Up, one row at a time, to the first.
    let mut screen = t.screen();
    for _ in 0..10 {
        let row = selected_row(&screen).map(str::to_string);
        if row.as_deref().is_some_and(|l| l.contains(&stage)) {
            break;
        }
        t.key("Up");
        screen = t.expect_until("the selection moved up", |s| {
            selected_row(s).map(str::to_string) != row
        });
    }
    assert!(
        selected_row(&screen).is_some_and(|l| l.contains(&stage)),
        "the first stage selected:\n{}",
        framed(&screen)
    );
    assert!(!screen.contains('✎'), "no note yet:\n{}", framed(&screen));
    t.send("n");
    t.expect_until("the note form", |s| s.contains("Note on the stage"));
    t.send("Gesprek met de mentor gepland");
    t.key("Enter");
    t.expect_until("the note saved", |s| {
        s.contains('✎') && !s.contains("Note on the stage")
    });
    quit(&mut t);

    let after = report(&db);
    assert_eq!(stage_cell(&after, &kid.name), Some(cell), "{after}");
    let back = db.export();
    let entry = &arr(&back, "trajectories")
        .iter()
        .find(|t| t["child_id"] == kid.id)
        .unwrap()["stages"][0];
    assert_eq!(entry["note"], "Gesprek met de mentor gepland", "{entry}");
    assert_eq!(
        entry["done_at"],
        json!(format!("{ticked}T10:00:00+02:00")),
        "{entry}"
    );
}
