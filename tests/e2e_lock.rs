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

use common::demo::fresh_demo;
use common::pty::framed;
use common::screens::{idle_until_locked, quit};

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
