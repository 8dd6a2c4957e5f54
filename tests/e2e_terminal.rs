//! End-to-end tests of the terminal itself, the real `signaal` binary in a pseudo-terminal on a
//! demo database: a signal gives the terminal back as `q` does (raw mode off, alternate screen
//! left, nothing of the children on it) with exit status 128 + the signal; the TUI refuses to run
//! without a terminal; idle on the groups list, the app writes nothing.

mod common {
    pub mod cli;
    pub mod demo;
    pub mod pty;
    pub mod screens;
}

use std::time::{Duration, Instant};

use common::cli::{run_into, Db};
use common::demo::{first_group_names, fresh_demo, group_name};
use common::pty::{after_last_frame, framed, rfind, Tui, TIMEOUT};
use common::screens::{big, open_group, open_tui};

/// Leaving the alternate screen (xterm's mode 1049).
const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";
/// Showing the cursor.
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// No child of `names` is named anywhere on `screen`.
fn no_child_shown(screen: &str, names: &[String]) -> bool {
    names.iter().all(|name| !screen.contains(name.as_str()))
}

/// Whether `stty -a` output shows the terminal out of raw mode: lines are edited and echoed,
/// and Ctrl-C is a signal again.
fn cooked(stty: &str) -> bool {
    let words: Vec<&str> = stty.split([' ', ';', '\n']).collect();
    ["icanon", "echo", "isig"]
        .iter()
        .all(|flag| words.contains(flag))
}

#[test]
fn each_stop_signal_gives_the_terminal_back_clean_with_128_plus_the_signal() {
    let (db, ex, user) = fresh_demo(&[]);
    let (group, names) = first_group_names(&ex);
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2), ("QUIT", 3)] {
        let mut t = open_tui(&db, &user);
        open_group(&mut t, &group_name(&ex, group));
        t.expect(&names[0]);
        let pid = t.pid().expect("the TUI's pid").to_string();
        // Only the process this test started, by its id.
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .expect("run kill");
        assert!(sent.success(), "kill -{signal} {pid}");

        let code = t.expect_exit();
        assert_eq!(code, 128 + number, "SIG{signal} ends with 128 + {number}");
        assert!(t.wait_eof(TIMEOUT), "SIG{signal}: the output ends");

        let out = t.output();
        let last_frame = after_last_frame(&out).expect("frames were drawn");
        let left = rfind(&out, LEAVE_ALTERNATE_SCREEN)
            .unwrap_or_else(|| panic!("SIG{signal}: the alternate screen is never left"));
        assert!(
            left >= last_frame,
            "SIG{signal}: the alternate screen is left before the last frame, not after it"
        );
        assert!(
            rfind(&out, SHOW_CURSOR).is_some_and(|at| at >= last_frame),
            "SIG{signal}: the cursor is shown again after the last frame"
        );
        // The alternate screen as it was when it was left (a terminal without one keeps it).
        let alternate = t.screen_after(&out[..left]);
        assert!(
            no_child_shown(&alternate, &names),
            "SIG{signal}: a child's name stays on the alternate screen:\n{}",
            framed(&alternate)
        );
        let shown = t.screen();
        assert!(
            no_child_shown(&shown, &names),
            "SIG{signal}: a child's name on the screen after the exit:\n{}",
            framed(&shown)
        );
        let stty = t.stty();
        assert!(
            cooked(&stty),
            "SIG{signal}: the terminal stays raw:\n{stty}"
        );
    }
}

#[test]
fn without_a_terminal_the_screens_refuse_with_one_sentence() {
    let db = Db::empty();
    let file = db.file("screens.txt");
    let into = std::fs::File::create(&file).expect("create the output file");
    // stdin is /dev/null (as `command` starts every process), stdout the file.
    let out = run_into(&["--db", db.path(), "--lang", "en"], into);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "exit 2; stderr: {stderr}");
    assert_eq!(
        stderr.trim_end(),
        "signaal: the screens need a terminal, but neither standard input nor standard output is \
         one; to write data to a file use `signaal export`"
    );
    let written = std::fs::read(&file).expect("read the output file");
    assert!(
        written.is_empty(),
        "nothing goes into the file: {:?}",
        String::from_utf8_lossy(&written)
    );
    assert!(!db.exists(), "no database is made before the refusal");
}

#[test]
fn idle_on_the_groups_list_the_app_writes_nothing_for_10_seconds() {
    /// How long the app is watched: the acceptance's number.
    const IDLE: Duration = Duration::from_secs(10);
    // Backups come every second after a change, so a backup notice would show within the watch.
    let (db, ex, user) = fresh_demo(&[]);
    let args = ["--db", db.path(), "--user", &user, "--backup-after", "1"];
    let mut t = Tui::spawn_with(&args, big());
    t.expect(&group_name(&ex, first_group_names(&ex).0));
    // The groups list is drawn whole (the harness shows only whole frames) and nothing waits to
    // be written: from here on, every byte is one the app wrote while idle.
    let before = t.bytes_written();
    let start = Instant::now();
    // The wait ends at the first byte written, or after the 10 s.
    let wrote = t.writes_within(before, IDLE);
    assert!(
        !wrote,
        "idle for {:?}, the app wrote:\n{:?}",
        start.elapsed(),
        String::from_utf8_lossy(&t.output()[before..])
    );
    assert!(t.is_alive(), "{}", framed(&t.screen()));
}
