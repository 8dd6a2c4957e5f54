//! End-to-end test of what prompted a trajectory: the real `signaal` binary in a pseudo-terminal
//! on a demo database in a temp dir. A trajectory started with `p` names the child's recent
//! latest observation under its first stage (date and observer); `o` lists the child's
//! observations, numbered newest first, and picks another; `signaal export` then holds both in
//! `prompted_by`, and the audit trail the change.
//!
//! Names, dates and observers are read from the database's export, never hard-coded. Waits are
//! bounded by generous timeouts; nothing measures time.

mod common {
    pub mod cli;
    pub mod demo;
    pub mod pty;
    pub mod screens;
}

use chrono::NaiveDate;
use common::demo::{arr, fresh_demo, s, today, uniquely_named_kids, Kid};
use common::pty::framed;
use common::screens::{quit, start_on_child};
use serde_json::Value;

/// How a list names an observation in English: "2026-11-10 · Anouk Jansen".
fn label(observation: &Value) -> String {
    format!("{} · {}", s(observation, "date"), s(observation, "by"))
}

/// A child without a trajectory with two observations or more, the latest recent (within the
/// default 8 weeks); and its observations, oldest first.
fn observed_kid(ex: &Value) -> (Kid, Vec<Value>) {
    let with_plan = |kid: &Kid| {
        arr(ex, "trajectories")
            .iter()
            .any(|t| t["child_id"] == kid.id)
    };
    let recent = |o: &Value| {
        let date = NaiveDate::parse_from_str(s(o, "date"), "%Y-%m-%d").unwrap();
        (today() - date).num_days() <= 7 * 8
    };
    uniquely_named_kids(ex)
        .into_iter()
        .filter(|kid| !with_plan(kid))
        .find_map(|kid| {
            let mut own: Vec<Value> = arr(ex, "observations")
                .iter()
                .filter(|o| o["child_id"] == kid.id)
                .cloned()
                .collect();
            own.sort_by_key(|o| (s(o, "date").to_string(), o["id"].as_u64()));
            let fits = own.len() >= 2 && own.last().is_some_and(recent);
            fits.then_some((kid, own))
        })
        .expect("the demo has a child observed twice, lately, without a trajectory")
}

#[test]
fn a_new_trajectory_names_the_recent_observation_and_o_picks_another() {
    let (db, ex, user) = fresh_demo(&[]);
    let (kid, own) = observed_kid(&ex);
    let (latest, earlier) = (&own[own.len() - 1], &own[own.len() - 2]);
    let mut t = start_on_child(&db, &ex, &kid, &user);
    t.send("p");
    t.expect("Early-signalling step plan");
    t.key("Enter");
    let named = format!("Prompted by: {}", label(latest));
    t.expect_until("the recent observation named under stage 1", |s| {
        s.contains(&named) && s.contains("1/8")
    });

    t.send("o");
    let form = t.expect("Which observations prompted it?");
    // Newest first, numbered; what is named is filled in.
    for (number, o) in [(1, latest), (2, earlier)] {
        let line = format!("{number}  {}", label(o));
        assert!(form.contains(&line), "{line:?} in:\n{}", framed(&form));
    }
    t.send(" 2");
    t.key("Enter");
    let both = format!("Prompted by: {}, {}", label(earlier), label(latest));
    let screen = t.expect_until("both named", |s| {
        s.contains(&both) && !s.contains("Which observations")
    });
    assert!(screen.contains("saved"), "{}", framed(&screen));
    quit(&mut t);

    let after = db.export();
    let trajectory = arr(&after, "trajectories")
        .iter()
        .find(|t| t["child_id"] == kid.id)
        .expect("the new trajectory");
    let mut ids = vec![latest["id"].clone(), earlier["id"].clone()];
    ids.sort_by_key(|id| id.as_u64());
    assert_eq!(trajectory["prompted_by"], Value::Array(ids));
    let target = format!("trajectory:{}/prompted_by", trajectory["id"]);
    let audited = arr(&after, "audit")
        .iter()
        .any(|e| e["action"] == "trajectory.edit" && e["target"] == target.as_str());
    assert!(audited, "the change is in the audit trail as {target}");
}
