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

use common::demo::{fresh_demo, group_name, kids};
use common::pty::{framed, Tui};
use common::screens::{big, open_group, quit};

/// No child of the group is named anywhere on `screen`.
fn no_child_shown(screen: &str, names: &[String]) -> bool {
    names.iter().all(|name| !screen.contains(name.as_str()))
}

#[test]
fn idle_time_locks_and_ctrl_l_locks_at_once() {
    let (db, ex, user) = fresh_demo(&[]);
    let all = kids(&ex);
    let first_group = all[0].group_id;
    let names: Vec<String> = all
        .iter()
        .filter(|k| k.group_id == first_group)
        .map(|k| k.name.clone())
        .collect();
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
    let mut t = Tui::spawn_with(&args, big());
    t.expect("Groups");
    open_group(&mut t, &group_name(&ex, first_group));
    t.expect(&names[0]);

    // Idle: after the 2 seconds the screen is locked (the wait allows 10).
    let screen = t.expect_until("the idle lock", |s| s.contains("Locked"));
    assert!(
        no_child_shown(&screen, &names),
        "a child's name on the lock screen:\n{}",
        framed(&screen)
    );
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
