//! Finding one's way in the TUI as a user does: starting it on a database, the filter, opening a
//! group, selecting a child, moving a list's selection, quitting; and reading list rows and the
//! detail pane off the screen.

// Each tests/*.rs is a crate of its own and uses only some of these helpers.
#![allow(dead_code)]

use serde_json::Value;

use super::cli::Db;
use super::demo::{first_group_names, group_name, Kid};
use super::pty::{framed, Options, Tui, TIMEOUT};

/// A terminal with room for a whole group, a whole form section or trajectory, and the detail
/// pane.
pub fn big() -> Options {
    Options {
        rows: 50,
        cols: 120,
        ..Options::default()
    }
}

/// Starts the TUI on `db` as `user`, in `lang`, in a terminal of `opts`, and waits for the groups
/// list.
pub fn open_tui_with(db: &Db, lang: &str, user: &str, opts: Options) -> Tui {
    let mut t = Tui::spawn_with(&["--db", db.path(), "--lang", lang, "--user", user], opts);
    t.expect(if lang == "nl" { "Groepen" } else { "Groups" });
    t
}

/// Starts the TUI in English as `user` in a `big` terminal and waits for the groups list.
pub fn open_tui(db: &Db, user: &str) -> Tui {
    open_tui_with(db, "en", user, big())
}

/// The filter line of a list ("Filter: text", the same word in both languages), if shown.
pub fn filter_line(screen: &str) -> Option<String> {
    screen
        .lines()
        .find(|l| l.contains("Filter:"))
        .map(|l| l.to_string())
}

/// Presses `/` and waits until the filter takes text: a filter line appears, or the one already
/// there changes (it gets a cursor). Typing before that would run commands instead.
pub fn start_filter(t: &mut Tui) {
    let before = filter_line(&t.screen());
    t.send("/");
    t.expect_until("the filter to take text", |s| {
        let now = filter_line(s);
        now.is_some() && now != before
    });
}

/// From the groups list: `/` + the group's name + Enter (keep the match) + Enter (open).
pub fn open_group(t: &mut Tui, name: &str) {
    start_filter(t);
    t.send(name);
    t.expect(name);
    t.key("Enter");
    t.key("Enter");
    // The children screen's title names the group ("Group X" / "Groep X").
    t.expect_until(&format!("the children of {name}"), |s| {
        s.contains(&format!("Group {name}")) || s.contains(&format!("Groep {name}"))
    });
}

/// Starts signaal with `args` (a demo database, English, a user and a short idle time) in a `big`
/// terminal, opens the first group of the demo's export `ex`, then waits without a key for the
/// idle lock and checks that none of that group's children is named on the lock screen. Returns
/// the locked TUI, the lock screen and the names of the group's children.
pub fn idle_until_locked(args: &[&str], ex: &Value) -> (Tui, String, Vec<String>) {
    let (group, names) = first_group_names(ex);
    let mut t = Tui::spawn_with(args, big());
    t.expect("Groups");
    open_group(&mut t, &group_name(ex, group));
    t.expect(&names[0]);
    let screen = t.expect_until("the idle lock", |s| s.contains("Locked"));
    assert!(
        names.iter().all(|name| !screen.contains(name.as_str())),
        "a child's name on the lock screen:\n{}",
        framed(&screen)
    );
    (t, screen, names)
}

/// The children list row of a child (the name column starts the row, a gap follows the name).
pub fn child_row<'a>(screen: &'a str, name: &str) -> Option<&'a str> {
    let plain = format!("│  {name}  ");
    let selected = format!("│▶ {name}  ");
    screen
        .lines()
        .find(|l| l.starts_with(&plain) || l.starts_with(&selected))
}

/// On a children list: `/` + the child's name + Enter, until the child's row is selected and the
/// filter no longer takes text (so letters are commands again).
pub fn select_child(t: &mut Tui, kid: &Kid) {
    start_filter(t);
    t.send(&kid.name);
    t.expect_until(&format!("{} selected", kid.name), |s| {
        child_row(s, &kid.name).is_some_and(|l| l.contains('▶'))
    });
    // Enter keeps the match selected and ends the typing, so letters are commands again.
    t.key("Enter");
    t.expect_until("the filter to stop taking text", |s| {
        child_row(s, &kid.name).is_some_and(|l| l.contains('▶'))
            && filter_line(s).is_some_and(|l| !l.contains('▏'))
    });
}

/// Starts the TUI (`open_tui`), opens the child's group and selects the child: the children list
/// with the child selected.
pub fn start_on_child(db: &Db, ex: &Value, kid: &Kid, user: &str) -> Tui {
    let mut t = open_tui(db, user);
    open_group(&mut t, &group_name(ex, kid.group_id));
    select_child(&mut t, kid);
    t
}

/// Enter on the selected child of a children list: waits for the child's screen.
pub fn open_child_screen(t: &mut Tui, kid: &Kid) {
    t.key("Enter");
    t.expect_until("the child screen", |s| {
        s.contains(&format!("› {}", kid.name))
    });
}

/// The detail pane under a list: the lines between the rule and the bottom border, joined with
/// spaces (long text wraps over several lines).
pub fn detail(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let Some(rule) = lines
        .iter()
        .rposition(|l| l.starts_with("│──") && l.trim_end().ends_with("─│"))
    else {
        return String::new();
    };
    lines[rule + 1..]
        .iter()
        .take_while(|l| !l.starts_with('╰'))
        .map(|l| l.trim_matches('│').trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The start of a text: enough to tell rows apart, short enough never to be cut off.
pub fn head(text: &str) -> String {
    text.chars().take(28).collect()
}

/// The selected row of a list (the one with the marker).
pub fn selected_row(screen: &str) -> Option<&str> {
    screen.lines().find(|l| l.starts_with("│▶ "))
}

/// Presses Up or Down (`vim`: k or j) as often as it takes to move a list's selection from row
/// `from` to row `to`; waiting for the result is up to the caller.
pub fn press_moves(t: &mut Tui, from: usize, to: usize, vim: bool) {
    let (down, up) = if vim { ("j", "k") } else { ("Down", "Up") };
    for _ in to..from {
        if vim {
            t.send(up)
        } else {
            t.key(up)
        }
    }
    for _ in from..to {
        if vim {
            t.send(down)
        } else {
            t.key(down)
        }
    }
}

/// The quit question is on the screen (either language).
pub fn asks_to_quit(screen: &str) -> bool {
    screen.contains("Stop signaal?") || screen.contains("signaal stoppen?")
}

/// `q`, `y` to "Stop signaal?", and the app ends with 0. (On the welcome screen of an empty
/// database `q` quits without the question.)
pub fn quit(t: &mut Tui) {
    quit_with(t, "q");
}

/// Like [`quit`], with the key that the keymap binds to `quit` (sent as typed text).
pub fn quit_with(t: &mut Tui, key: &str) {
    t.send(key);
    let asked = t.wait_until("the quit question or the end", TIMEOUT, asks_to_quit);
    if asked.is_ok() {
        t.send("y");
    }
    let code = t.expect_exit();
    assert_eq!(code, 0, "{key} exits 0; screen:\n{}", framed(&t.screen()));
}
