//! End-to-end tests of the lock of the shared terminal: the real `signaal` binary in a
//! pseudo-terminal on a demo database. After `--lock-after` idle seconds, or at once with Ctrl-L,
//! the screen shows no child's name, only the lock, the emergency numbers and the picker; picking
//! yourself brings back the screen you were on.

mod common {
    pub mod cli;
    pub mod demo;
    pub mod pty;
    pub mod screens;
}

use common::demo::{first_group_names, first_with_role, fresh_demo, group_name};
use common::pty::{framed, poll_until, Tui, TIMEOUT};
use common::screens::{big, idle_until_locked, open_group, quit};

/// No child of the group is named anywhere on `screen`.
fn no_child_shown(screen: &str, names: &[String]) -> bool {
    names.iter().all(|name| !screen.contains(name.as_str()))
}

#[test]
fn idle_time_locks_and_ctrl_l_locks_at_once() {
    let (db, ex, user) = fresh_demo(&[]);
    let args = [
        "--db",
        db.path(),
        "--lang",
        "en",
        "--user",
        user.as_str(),
        "--lock-after",
        "2",
    ];
    // After the 2 seconds the screen is locked (the wait allows 10).
    let (mut t, screen, names) = idle_until_locked(&args, &ex);
    for number in ["112", "0800-2000", "0900-1113111"] {
        assert!(screen.contains(number), "{number} on the lock screen");
    }

    // Picking yourself unlocks: the children list is back.
    t.send(&user);
    t.key("Enter");
    t.expect_until("the list again", |s| {
        s.contains(&names[0]) && !s.contains("Locked")
    });

    // Ctrl-L locks at once.
    t.key("Ctrl-L");
    let screen = t.expect_until("the lock at once", |s| s.contains("Locked"));
    assert!(no_child_shown(&screen, &names), "{}", framed(&screen));
    assert!(screen.contains("0800-2000"));
    t.send(&user);
    t.key("Enter");
    t.expect(&names[0]);
    quit(&mut t);
}

/// Sets the PIN of the person at the keyboard with `P`: typed, Tab, typed again, Enter.
fn set_pin(t: &mut Tui, pin: &str) {
    t.send("P");
    t.expect("Set PIN");
    t.send(pin);
    t.key("Tab");
    t.send(pin);
    t.key("Enter");
    t.expect("PIN is set");
}

#[test]
fn a_pin_is_asked_and_a_wrong_one_does_not_unlock() {
    let (db, ex, user) = fresh_demo(&[]);
    let (first_group, names) = first_group_names(&ex);
    let args = ["--db", db.path(), "--lang", "en", "--user", user.as_str()];
    let mut t = Tui::spawn_with(&args, big());
    t.expect("Groups");
    set_pin(&mut t, "2580");
    open_group(&mut t, &group_name(&ex, first_group));
    t.expect(&names[0]);

    t.key("Ctrl-L");
    t.expect("Locked");
    t.send(&user);
    t.key("Enter");
    t.expect_until("the PIN asked", |s| {
        s.contains("PIN") && s.contains("Locked")
    });
    t.send("0000");
    t.key("Enter");
    let screen = t.expect("Wrong PIN");
    assert!(screen.contains("Locked"), "{}", framed(&screen));
    assert!(no_child_shown(&screen, &names), "{}", framed(&screen));
    assert!(!screen.contains("0000"), "a PIN is never shown");

    // After the wait (1 s after the first wrong try) the right PIN unlocks. Until then each try
    // is turned away with "Wait ... more" and the field emptied: try again until it unlocks.
    let unlocked = |s: &str| s.contains(&names[0]) && !s.contains("Locked");
    poll_until(
        "the right PIN to unlock after the wait",
        TIMEOUT,
        || {
            t.send("2580");
            t.expect_until("the PIN typed", |s| s.contains("••••") || unlocked(s));
            t.key("Enter");
            let screen = t.expect_until("the PIN tried", |s| {
                unlocked(s) || (s.contains("more after a wrong PIN") && !s.contains("••••"))
            });
            unlocked(&screen).then_some(())
        },
        || "still locked".to_string(),
    );
    quit(&mut t);

    // `--user` names the person, but the PIN is still asked before anything shows.
    let mut t = Tui::spawn_with(&args, big());
    let screen = t.expect_until("the PIN asked at start", |s| s.contains("PIN"));
    assert!(
        !screen.contains("De "),
        "no group shows before the PIN:\n{}",
        framed(&screen)
    );
    t.send("2580");
    t.key("Enter");
    t.expect("Groups");
    quit(&mut t);
}

#[test]
fn marks_after_switching_user_are_signed_by_the_new_user() {
    let (db, ex, user) = fresh_demo(&[]);
    let other = first_with_role(&ex, "coach");
    let (first_group, _) = first_group_names(&ex);
    let args = ["--db", db.path(), "--lang", "en", "--user", user.as_str()];
    let mut t = Tui::spawn_with(&args, big());
    t.expect("Groups");
    open_group(&mut t, &group_name(&ex, first_group));

    // `u` hands over: the picker, the coach's name, Enter.
    t.send("u");
    t.expect("Locked");
    t.send(&other);
    t.key("Enter");
    t.expect_until("signed in as the coach", |s| {
        s.contains(&format!("User: {other}")) && !s.contains("Locked")
    });
    t.send("o");
    t.expect("Observer");
    t.key("Space");
    t.expect("saved");
    t.key("Esc");
    // Wait for the list before `q`: an Esc straight before a key reads as Alt and that key.
    t.expect_gone("Observation form");
    quit(&mut t);

    let ex = db.export();
    let marks: Vec<&serde_json::Value> = ex["observations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["marks"].as_array().unwrap())
        .filter(|m| m["by"] == other.as_str())
        .collect();
    assert_eq!(marks.len(), 1, "one mark by {other}");
    let audit = ex["audit"].as_array().unwrap();
    let last = audit.last().unwrap();
    assert_eq!(last["action"], "observation.mark");
    assert_eq!(last["by"], other.as_str());
}
