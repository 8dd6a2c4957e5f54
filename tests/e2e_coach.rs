//! End-to-end test of what a coach sees (issue 13, acceptance 3): the real `signaal` binary in a
//! pseudo-terminal, signed in as the demo's coach, on the demo's export with the parents'
//! answers written in and loaded with `import`: in the coach's group the first child has
//! `coach` consent, the second a no, the rest were not asked. A child without a yes is shown
//! under an alias ("Child 3 · 2 y 4 m"): neither its first nor its last name nor its birth date
//! is on the children list or the visit screen, and typing its name in the filter finds nothing;
//! the child with consent is named.
//!
//! Names are read from the export, never hard-coded.

mod common {
    pub mod cli;
    pub mod demo;
    pub mod pty;
    pub mod screens;
}

use common::cli::Db;
use common::demo::{arr, first_with_role, fresh_demo, group_name, id, kids, s, Kid};
use common::pty::framed;
use common::screens::{open_group, open_tui, quit, start_filter};
use serde_json::{json, Value};

/// Whether the parents of the child with `child` as id said yes to `coach` in the export.
fn coach_consent(ex: &Value, child: u64) -> bool {
    arr(ex, "children")
        .iter()
        .find(|c| id(c) == child)
        .is_some_and(|c| c["consent"]["coach"]["answer"] == "yes")
}

/// Writes the parents' answers to `coach` into the export `ex` for the children of `group`, in
/// id order: yes for the first, no for the second, not asked for the rest.
fn answer_coach_consent(ex: &mut Value, group: u64) {
    let children = ex["children"].as_array_mut().expect("children");
    let mut in_group: Vec<&mut Value> = children
        .iter_mut()
        .filter(|c| c["group_id"].as_u64() == Some(group))
        .collect();
    in_group.sort_by_key(|c| id(c));
    for (n, child) in in_group.into_iter().enumerate() {
        // Given by the child's first guardian, as `import` checks.
        let parent = child["guardians"][0]["name"].clone();
        let given = |answer| {
            json!({"coach": {"answer": answer, "at": "2026-09-01T10:00:00+02:00",
                             "by": "Anouk Jansen", "given_by": parent}})
        };
        child["consent"] = match n {
            0 => given("yes"),
            1 => given("no"),
            _ => json!({}),
        };
    }
}

/// The children's rows of a screen: the lines between `from` and `to` (section titles).
fn section<'a>(screen: &'a str, from: &str, to: &str) -> Vec<&'a str> {
    screen
        .lines()
        .skip_while(|l| !l.contains(from))
        .skip(1)
        .take_while(|l| !l.contains(to))
        .collect()
}

/// Asserts that no part of the name of any of `hidden` is on `screen`, and that the children
/// rows are aliases.
///
/// `staff` are the names of the staff (the mentor column shows them): a staff member may share a
/// last name with a child, so their names are taken out of a row before it is searched.
fn no_name_of(hidden: &[&Kid], staff: &[String], screen: &str, rows: &[&str], what: &str) {
    let rows: Vec<String> = rows
        .iter()
        .map(|r| {
            staff
                .iter()
                .fold(r.to_string(), |r, name| r.replace(name, ""))
        })
        .collect();
    for kid in hidden {
        let last = kid.name.trim_start_matches(&kid.first).trim();
        for part in [kid.name.as_str(), kid.first.as_str(), last] {
            let on_rows = rows.iter().any(|r| r.contains(part));
            assert!(!on_rows, "{what} names {part:?}:\n{}", framed(screen));
        }
        assert!(!screen.contains(&kid.name), "{what}:\n{}", framed(screen));
        assert!(!screen.contains(&kid.birth), "{what}:\n{}", framed(screen));
    }
}

#[test]
fn the_coach_sees_children_without_consent_only_under_an_alias() {
    let (_demo, mut ex, _) = fresh_demo(&[]);
    let coach = first_with_role(&ex, "coach");
    let person = arr(&ex, "staff")
        .iter()
        .find(|m| s(m, "name") == coach)
        .unwrap();
    let group_id = arr(person, "groups")[0]
        .as_u64()
        .expect("the coach has a group");
    answer_coach_consent(&mut ex, group_id);
    let db = Db::import(&ex);
    let in_group: Vec<Kid> = kids(&ex)
        .into_iter()
        .filter(|k| k.group_id == group_id)
        .collect();
    let (named, hidden): (Vec<&Kid>, Vec<&Kid>) =
        in_group.iter().partition(|k| coach_consent(&ex, k.id));
    assert_eq!(named.len(), 1, "one child with coach consent");
    assert!(hidden.len() >= 2, "a no and a not asked");

    let staff: Vec<String> = arr(&ex, "staff")
        .iter()
        .map(|m| s(m, "name").to_string())
        .collect();
    let mut t = open_tui(&db, &coach);
    open_group(&mut t, &group_name(&ex, group_id));
    let screen = t.expect("Child 2 ·");
    let rows: Vec<&str> = screen.lines().collect();
    no_name_of(&hidden, &staff, &screen, &rows, "the children list");
    for kid in &named {
        assert!(
            screen.contains(&kid.name),
            "{}:\n{}",
            kid.name,
            framed(&screen)
        );
    }

    // Typing a hidden child's first name finds nothing.
    start_filter(&mut t);
    t.send(&hidden[0].first);
    let screen = t.expect_until("the filter narrowed", |s| {
        s.contains(&format!("Filter: {}", hidden[0].first))
    });
    let filtered = section(&screen, "Name", "Filter:");
    assert!(
        filtered.iter().all(|r| !r.contains("Child ")),
        "an alias is found by the name:\n{}",
        framed(&screen)
    );
    t.key("Esc");
    t.expect_gone(&format!("Filter: {}", hidden[0].first));

    t.send("v");
    let screen = t.expect("Children, most urgent first");
    let rows = section(&screen, "Children, most urgent first", "Group");
    assert!(
        rows.iter()
            .any(|r| r.contains("Child ") && r.contains(" y ")),
        "an alias with the age:\n{}",
        framed(&screen)
    );
    no_name_of(&hidden, &staff, &screen, &rows, "the visit");
    let follow_ups = section(&screen, "Follow-ups", "Children, most urgent first");
    no_name_of(
        &hidden,
        &staff,
        &screen,
        &follow_ups,
        "the visit's follow-ups",
    );
    quit(&mut t);
}
