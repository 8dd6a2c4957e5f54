//! `signaal purge`, run as a user runs it: the real binary on temp databases.
//!
//! Children who left are made by editing a demo export and importing it: a child set
//! `archived: true` with a `child.archive` audit entry dated before or after the cutoff, one
//! archived, restored and archived again, and (in one test) one archived with no archive entry.

mod common {
    pub mod cli;
    pub mod demo;
}

use std::io::Write;
use std::process::{Output, Stdio};
use std::sync::mpsc;
use std::thread;

use common::cli::{
    command, describe, fails, ok, run, run_into_full_disk, seal_audit, Db, DEADLINE,
};
use common::demo::{arr, first_staff, full_name, id, s};
use serde_json::{json, Value};

/// The cutoff the tests purge with.
const CUTOFF: &str = "2026-06-01";

/// A crafted database and the ids of the children that matter.
struct Crafted {
    db: Db,
    /// Archived on 2026-01-10: left before the cutoff. Has observations and a trajectory.
    left: u64,
    /// Archived on 2026-07-01: after the cutoff. Has observations.
    later: u64,
    /// Archived on 2026-01-05, restored on 2026-01-20, archived again on 2026-08-01.
    again: u64,
}

fn audit_entry(export: &Value, at: &str, action: &str, child: u64) -> Value {
    json!({
        "at": at,
        "by": first_staff(export),
        "action": action,
        "target": format!("child:{child}"),
    })
}

fn observation_count(export: &Value, child: u64) -> usize {
    arr(export, "observations")
        .iter()
        .filter(|o| o["child_id"] == child)
        .count()
}

fn trajectory_count(export: &Value, child: u64) -> usize {
    arr(export, "trajectories")
        .iter()
        .filter(|t| t["child_id"] == child)
        .count()
}

fn child_mut(export: &mut Value, child: u64) -> &mut Value {
    export["children"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["id"] == child)
        .unwrap()
}

/// A demo export with the three children of [`Crafted`] archived; `unknown` also archives one
/// more child without any archive entry in the audit trail, and returns its id.
fn crafted_export(unknown: bool) -> (Value, [u64; 3], Option<u64>) {
    let mut export = Db::demo(&[]).export();
    let with_observations: Vec<u64> = arr(&export, "children")
        .iter()
        .map(id)
        .filter(|&c| observation_count(&export, c) > 0)
        .collect();
    assert!(with_observations.len() >= 4, "the demo observes children");
    // The child who left: one with observations, preferably one with a trajectory too.
    let left = with_observations
        .iter()
        .copied()
        .find(|&c| trajectory_count(&export, c) > 0)
        .unwrap_or(with_observations[0]);
    if trajectory_count(&export, left) == 0 {
        let mut copy = arr(&export, "trajectories")[0].clone();
        let max = arr(&export, "trajectories").iter().map(id).max().unwrap();
        let max = max.max(arr(&export, "observations").iter().map(id).max().unwrap());
        copy["id"] = json!(max + 1000);
        copy["child_id"] = json!(left);
        export["trajectories"].as_array_mut().unwrap().push(copy);
        // Its start in the trail too: a record after the demo's load needs an entry naming it.
        let mut start = audit_entry(&export, "2026-01-02T10:00:00+01:00", "trajectory.start", 0);
        start["target"] = json!(format!("trajectory:{}", max + 1000));
        export["audit"].as_array_mut().unwrap().push(start);
    }
    let others: Vec<u64> = with_observations
        .iter()
        .copied()
        .filter(|&c| c != left)
        .collect();
    let (later, again) = (others[0], others[1]);
    let unknown = unknown.then(|| others[2]);
    for child in [Some(left), Some(later), Some(again), unknown]
        .into_iter()
        .flatten()
    {
        child_mut(&mut export, child)["archived"] = json!(true);
    }
    let entries = [
        audit_entry(&export, "2026-01-05T10:00:00+01:00", "child.archive", again),
        audit_entry(&export, "2026-01-10T10:00:00+01:00", "child.archive", left),
        audit_entry(&export, "2026-01-20T10:00:00+01:00", "child.restore", again),
        audit_entry(&export, "2026-07-01T10:00:00+02:00", "child.archive", later),
        audit_entry(&export, "2026-08-01T10:00:00+02:00", "child.archive", again),
    ];
    export["audit"].as_array_mut().unwrap().extend(entries);
    seal_audit(&mut export);
    (export, [left, later, again], unknown)
}

fn crafted() -> Crafted {
    let (export, [left, later, again], _) = crafted_export(false);
    Crafted {
        db: Db::import(&export),
        left,
        later,
        again,
    }
}

/// `signaal purge --db DB --left-before DATE EXTRA...`, with stdin closed.
fn purge(db: &Db, date: &str, extra: &[&str]) -> Output {
    let mut args = vec!["purge", "--db", db.path(), "--left-before", date];
    args.extend_from_slice(extra);
    run(&args)
}

/// `signaal purge --db DB --left-before DATE` answering `answer` on stdin, within `DEADLINE`.
fn purge_answering(db: &Db, date: &str, answer: &str) -> Output {
    let args = ["purge", "--db", db.path(), "--left-before", date];
    let mut child = command(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn signaal");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answer.as_bytes())
        .unwrap();
    let pid = child.id();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(DEADLINE) {
        Ok(out) => out.expect("wait for signaal"),
        Err(_) => {
            // Only the process this test started, by its id.
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status();
            panic!("signaal {args:?} still runs after {DEADLINE:?}");
        }
    }
}

/// The records of `name` in `export` whose `child_id` is not `child`.
fn without_child(export: &Value, name: &str, child: u64) -> Vec<Value> {
    arr(export, name)
        .iter()
        .filter(|r| r["child_id"] != child)
        .cloned()
        .collect()
}

/// After purging `left`: it and its observations and trajectories are gone, everything else is
/// as `before`, and the audit trail has one more entry, a `child.purge` of `left` that names
/// neither the child nor anything of its data.
fn assert_purged_exactly(before: &Value, after: &Value, left: u64) {
    let child = arr(before, "children")
        .iter()
        .find(|c| id(c) == left)
        .unwrap();
    let children: Vec<Value> = arr(before, "children")
        .iter()
        .filter(|c| id(c) != left)
        .cloned()
        .collect();
    assert_eq!(arr(after, "children"), &children);
    assert_eq!(
        arr(after, "observations"),
        &without_child(before, "observations", left)
    );
    assert_eq!(
        arr(after, "trajectories"),
        &without_child(before, "trajectories", left)
    );
    assert_eq!(observation_count(after, left), 0);
    assert_eq!(trajectory_count(after, left), 0);
    for name in [
        "staff",
        "groups",
        "form_templates",
        "plan_templates",
        "contacts",
        "visits",
    ] {
        assert_eq!(after[name], before[name], "{name} must not change");
    }
    let (old, new) = arr(after, "audit").split_at(arr(before, "audit").len());
    assert_eq!(old, arr(before, "audit").as_slice(), "earlier entries stay");
    assert_eq!(new.len(), 1, "one entry for the purge: {new:?}");
    let entry = &new[0];
    assert_eq!(entry["action"], "child.purge");
    assert_eq!(entry["target"], format!("child:{left}"));
    assert_eq!(entry["by"], "signaal purge");
    let text = entry.to_string();
    for name in [s(child, "first_name"), s(child, "last_name")] {
        assert!(
            name.is_empty() || !text.contains(name),
            "the audit entry names {name:?}: {text}"
        );
    }
    assert!(!text.contains(s(child, "birth_date")), "{text}");
}

#[test]
fn purge_removes_the_child_who_left_before_the_date_and_keeps_everyone_else() {
    let c = crafted();
    let before = c.db.content();
    let observations = observation_count(&before, c.left);
    let trajectories = trajectory_count(&before, c.left);
    assert!(observations >= 1 && trajectories >= 1);
    // The others archived later still have data to keep.
    assert!(observation_count(&before, c.later) >= 1);
    assert!(observation_count(&before, c.again) >= 1);

    let out = purge(&c.db, CUTOFF, &["--yes"]);
    let stdout = ok(&out);
    // The listing names the one child, when it was archived, and what goes with it.
    let listed: Vec<&str> = stdout
        .lines()
        .filter(|l| l.trim_start().starts_with("child "))
        .collect();
    assert_eq!(listed.len(), 1, "{stdout}");
    let child = arr(&before, "children")
        .iter()
        .find(|ch| id(ch) == c.left)
        .unwrap();
    assert!(
        listed[0].contains(&format!("child {}:", c.left)),
        "{stdout}"
    );
    assert!(listed[0].contains(&full_name(child)), "{stdout}");
    assert!(listed[0].contains("archived on 2026-01-10"), "{stdout}");
    assert!(
        listed[0].contains(&format!("{observations} observation")),
        "{stdout}"
    );
    assert!(
        !stderr_of(&out).contains("Type yes"),
        "--yes asks nothing: {}",
        stderr_of(&out)
    );
    assert!(
        stdout.contains(&format!(
            "removed 1 children, {observations} observations, {trajectories} trajectories"
        )),
        "{stdout}"
    );

    let after = c.db.content();
    assert_purged_exactly(&before, &after, c.left);
    ok(&run(&["check", "--db", c.db.path()]));

    // Once more: nothing left to remove, nothing changes.
    let stdout = ok(&purge(&c.db, CUTOFF, &["--yes"]));
    assert!(stdout.contains("nothing to remove"), "{stdout}");
    assert_eq!(c.db.content(), after);
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn without_yes_only_a_yes_answer_purges() {
    let c = crafted();
    let before = c.db.content();
    for answer in ["no\n", "y\n", "\n", "nee\n"] {
        let out = purge_answering(&c.db, CUTOFF, answer);
        let stderr = fails(&out, 1);
        assert!(
            stderr.contains("Remove the data of these 1 children for good? Type yes to confirm: "),
            "{answer:?}: {stderr}"
        );
        assert!(stderr.contains("nothing was removed"), "{stderr}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(&format!("child {}:", c.left)),
            "the listing comes before the question: {}",
            describe(&[], &out)
        );
        assert_eq!(c.db.content(), before, "answer {answer:?} changes nothing");
    }
    // No answer at all (stdin closed) cancels too.
    fails(&purge(&c.db, CUTOFF, &[]), 1);
    assert_eq!(c.db.content(), before);

    let out = purge_answering(&c.db, CUTOFF, " Yes \n");
    let stdout = ok(&out);
    assert!(stdout.contains("removed 1 children"), "{stdout}");
    assert_purged_exactly(&before, &c.db.content(), c.left);
    ok(&run(&["check", "--db", c.db.path()]));
}

#[test]
fn ja_confirms_too_and_a_later_date_takes_the_later_leavers() {
    let c = crafted();
    let before = c.db.content();
    // After 2026-07-01 but not after 2026-08-01: the child archived again then stays.
    let out = purge_answering(&c.db, "2026-07-02", "ja\n");
    let stdout = ok(&out);
    assert!(stdout.contains("removed 2 children"), "{stdout}");
    let after = c.db.content();
    let kept: Vec<u64> = arr(&after, "children").iter().map(id).collect();
    assert!(!kept.contains(&c.left) && !kept.contains(&c.later));
    assert!(kept.contains(&c.again));
    assert_eq!(kept.len(), arr(&before, "children").len() - 2);
    assert_eq!(
        observation_count(&after, c.again),
        observation_count(&before, c.again)
    );
    let mut targets: Vec<&str> = arr(&after, "audit")
        .iter()
        .filter(|e| e["action"] == "child.purge")
        .map(|e| s(e, "target"))
        .collect();
    targets.sort();
    let mut expected = [format!("child:{}", c.left), format!("child:{}", c.later)];
    expected.sort();
    assert_eq!(targets, expected);
    ok(&run(&["check", "--db", c.db.path()]));
}

#[test]
fn a_date_before_every_archiving_removes_nothing() {
    let c = crafted();
    let before = c.db.content();
    // The day of archiving itself is not before it.
    for date in ["2026-01-01", "2026-01-10"] {
        let out = purge(&c.db, date, &["--yes"]);
        let stdout = ok(&out);
        assert!(
            stdout.contains(&format!(
                "no archived children left before {date}; nothing to remove"
            )),
            "{stdout}"
        );
        assert_eq!(c.db.content(), before);
    }
    // Without --yes nothing is asked either: there is nothing to confirm.
    let out = purge(&c.db, "2026-01-01", &[]);
    ok(&out);
    assert!(!stderr_of(&out).contains("Type yes"));
    assert_eq!(c.db.content(), before);
}

#[test]
fn an_archived_child_with_no_archive_entry_left_at_an_unknown_time_and_is_purged() {
    let (export, [left, ..], unknown) = crafted_export(true);
    let unknown = unknown.unwrap();
    let db = Db::import(&export);
    let before = db.content();
    // Before every dated archiving: only the child without a date is a candidate.
    let stdout = ok(&purge(&db, "2026-01-01", &["--yes"]));
    let line = stdout
        .lines()
        .find(|l| l.contains(&format!("child {unknown}:")))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(line.contains("archive date unknown"), "{line}");
    assert!(!stdout.contains(&format!("child {left}:")), "{stdout}");
    assert!(stdout.contains("removed 1 children"), "{stdout}");
    assert_purged_exactly(&before, &db.content(), unknown);
    ok(&run(&["check", "--db", db.path()]));
}

#[test]
fn a_bad_date_or_a_missing_database_is_refused() {
    let c = crafted();
    let before = c.db.content();
    for bad in ["2026-13-01", "01-06-2026", "2026-6-1", "tomorrow"] {
        let stderr = fails(&purge(&c.db, bad, &["--yes"]), 2);
        assert!(stderr.contains("YYYY-MM-DD"), "{bad}: {stderr}");
    }
    fails(
        &run(&["purge", "--db", c.db.path(), "--yes"]),
        2, // --left-before is required
    );
    assert_eq!(c.db.content(), before);

    let missing = Db::empty();
    let stderr = fails(&purge(&missing, CUTOFF, &["--yes"]), 1);
    assert!(stderr.contains("there is no database"), "{stderr}");
    assert!(!missing.exists(), "purge must not create a database");
}

#[test]
fn nothing_is_removed_when_the_list_of_children_cannot_be_written() {
    let c = crafted();
    let before = c.db.content();
    let args = [
        "purge",
        "--db",
        c.db.path(),
        "--left-before",
        CUTOFF,
        "--yes",
    ];
    let err = fails(&run_into_full_disk(&args), 1);
    assert!(
        err.contains("cannot write the list of children to remove, so nothing was removed"),
        "{err}"
    );
    assert_eq!(c.db.content(), before);
}
