//! End-to-end tests: the real `signaal` binary, driven through a pseudo-terminal (for the TUI) or as
//! a plain process (for the commands), checked by what the screen, stdout, stderr and exit code show.
//!
//! Each test has its own temporary database. Names of groups, children and staff are read from the
//! database's export, never hard-coded, so the demo data may change without breaking these tests.
//! Waits are bounded by generous timeouts; only acceptance 4 ("a second instance exits within 2
//! seconds") measures time.

mod common {
    pub mod cli;
    pub mod demo;
    pub mod pty;
    pub mod screens;
}

use chrono::{Datelike, NaiveDate};
use common::cli::{describe, run_fails, run_ok, run_within, stderr, without_exported_at, Db};
use common::demo::{arr, first_staff, first_with_role, fresh_demo, full_name, kids, s, Kid};
use common::pty::{framed, lines_with, write_file, Options, Tui, TIMEOUT};
use common::screens::{open_group, open_tui_with, start_filter};
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The demo's BSO group: (id, name).
fn bso_group(ex: &Value) -> (u64, String) {
    arr(ex, "groups")
        .iter()
        .find(|g| g["kind"] == "bso")
        .map(|g| (g["id"].as_u64().unwrap(), s(g, "name").to_string()))
        .expect("the demo has a BSO group")
}

/// The (not archived) children of a group, as the export has them.
fn children_of(ex: &Value, group_id: u64) -> Vec<Kid> {
    kids(ex)
        .into_iter()
        .filter(|k| k.group_id == group_id)
        .collect()
}

/// Completed years and months from `birth` to `today`, when that is unambiguous (birth day <= 28:
/// every month has that day); None otherwise.
fn age(birth: &str, today: NaiveDate) -> Option<(i32, i32)> {
    let b = NaiveDate::parse_from_str(birth, "%Y-%m-%d").expect("birth_date is YYYY-MM-DD");
    if b.day() > 28 {
        return None;
    }
    let mut months = (today.year() - b.year()) * 12 + today.month() as i32 - b.month() as i32;
    if today.day() < b.day() {
        months -= 1;
    }
    Some((months / 12, months % 12))
}

/// The list row of a child: a line inside the list's frame, indented as rows are (two spaces, or
/// the selection marker), that has the name. The header, the status line and the filter line may
/// name the child too, but are not rows.
fn row<'a>(screen: &'a str, name: &str) -> Option<&'a str> {
    screen.lines().find(|l| {
        l.trim_start()
            .strip_prefix('│')
            .is_some_and(|r| (r.starts_with("  ") || r.starts_with("▶ ")) && r.contains(name))
    })
}

/// Starts the TUI on `db` as `user`, in `lang`, in an 80x24 terminal, and waits for the groups
/// list.
fn open_tui_in(db: &Db, lang: &str, user: &str) -> Tui {
    open_tui_with(db, lang, user, Options::default())
}

/// A child whose first name nobody else in the group has, so the filter finds only them.
fn uniquely_named(kids: &[Kid]) -> &Kid {
    kids.iter()
        .find(|k| kids.iter().filter(|o| o.first == k.first).count() == 1)
        .expect("a child with a unique first name")
}

/// In a children list: `/` + the child's name, until the child's row is the selected one.
fn select_with_filter(t: &mut Tui, kid: &Kid) {
    start_filter(t);
    t.send(&kid.name);
    t.expect_until("the child selected", |s| {
        row(s, &kid.name).is_some_and(|l| l.contains('▶'))
    });
}

/// The help line that binds `key` to something described by `what` (case-insensitive): a line
/// where `key` is one of the listed keys ("?, F1   Show the keys").
fn binding_line<'a>(screen: &'a str, key: &str, what: &str) -> Option<&'a str> {
    let what = what.to_lowercase();
    screen.lines().find(|l| {
        let inner = l
            .split('│')
            .find(|part| part.to_lowercase().contains(&what));
        inner.is_some_and(|part| {
            let keys = part.trim_start().split("  ").next().unwrap_or("");
            keys.split(", ").any(|k| k.trim() == key)
        })
    })
}

/// Quits with `q`, checks the exit code is 0 and that the terminal was given back (main screen,
/// visible cursor).
fn quit(t: &mut Tui) {
    common::screens::quit(t);
    assert!(t.wait_eof(TIMEOUT), "the pty reports the end of output");
    let (alternate, hidden) = t.with_screen(|s| (s.alternate_screen(), s.hide_cursor()));
    assert!(!alternate, "the alternate screen is left on exit");
    assert!(!hidden, "the cursor is shown again on exit");
}

// ---------------------------------------------------------------------------------------------
// Acceptance 2: the groups list, the filter, a group's children with ages, q quits
// ---------------------------------------------------------------------------------------------

#[test]
fn demo_groups_filter_opens_children_with_ages_and_q_quits() {
    let (db, ex, user) = fresh_demo(&[]);
    let mut t = open_tui_in(&db, "en", &user);

    for g in arr(&ex, "groups") {
        t.expect(s(g, "name"));
    }
    let screen = t.screen();
    assert!(
        screen.contains(&format!("User: {user}")),
        "the header names who is at the keyboard:\n{}",
        framed(&screen)
    );

    let (bso_id, bso) = bso_group(&ex);
    open_group(&mut t, &bso);
    let kids = children_of(&ex, bso_id);
    assert!(!kids.is_empty(), "the demo BSO group has children");
    for k in &kids {
        t.expect(&k.name);
    }
    let screen = t.screen();
    let today = chrono::Local::now().date_naive();
    for k in &kids {
        let line = row(&screen, &k.name).unwrap_or_else(|| {
            panic!(
                "no row for {} ({}) in:\n{}",
                k.name,
                k.birth,
                framed(&screen)
            )
        });
        assert!(
            line.contains(" y ") && line.contains(" m"),
            "the row of {} shows an age in years and months: {line:?}",
            k.name
        );
        if let Some((y, m)) = age(&k.birth, today) {
            assert!(
                line.contains(&format!("{y} y {m} m")),
                "{} born {} is {y} y {m} m today ({today}): {line:?}",
                k.name,
                k.birth
            );
        }
    }
    // Children of other groups are not listed.
    for c in arr(&ex, "children") {
        if c["group_id"].as_u64() != Some(bso_id) {
            let name = full_name(c);
            if kids.iter().all(|k| k.name != name) {
                assert!(
                    row(&screen, &name).is_none(),
                    "{name} is not in {bso}:\n{}",
                    framed(&screen)
                );
            }
        }
    }

    quit(&mut t);
}

// ---------------------------------------------------------------------------------------------
// Acceptance 3: help from the keymap; Dutch
// ---------------------------------------------------------------------------------------------

#[test]
fn help_shows_the_keymap_and_esc_closes_it() {
    let db = Db::demo(&[]);
    let ex = db.export();
    let mut t = open_tui_in(&db, "en", &first_staff(&ex));

    t.send("?");
    t.expect("Keys");
    // "Everywhere" comes after the screen's own keys and the lists': scrolled into view.
    for _ in 0..4 {
        t.key("Down");
    }
    let screen = t.expect("Quit signaal");
    let has_binding = |key: &str, what: &str| binding_line(&screen, key, what).is_some();
    assert!(
        has_binding("q", "quit"),
        "help lists q quit:\n{}",
        framed(&screen)
    );
    assert!(
        has_binding("/", "filter"),
        "help lists / filter:\n{}",
        framed(&screen)
    );

    t.key("Esc");
    t.expect_gone("Keys");
    let group = s(&arr(&ex, "groups")[0], "name").to_string();
    t.expect(&group);
    assert!(t.is_alive(), "Esc closes the help, it does not quit");
    quit(&mut t);
}

#[test]
fn dutch_shows_the_same_screens_in_dutch() {
    let db = Db::demo(&[]);
    let ex = db.export();
    let mut t = open_tui_in(&db, "nl", &first_staff(&ex));
    let screen = t.expect("Medewerker");
    assert!(screen.contains("Groepen"), "{}", framed(&screen));

    t.send("?");
    t.expect("Toetsen");
    t.key("Esc");
    t.expect_gone("Toetsen");

    let (bso_id, bso) = bso_group(&ex);
    open_group(&mut t, &bso);
    let kids = children_of(&ex, bso_id);
    // The whole list, not its first row: the screen may be read while a frame is half drawn.
    let screen = t.expect_until("every child of the group", |s| {
        kids.iter().all(|k| s.contains(&k.name))
    });
    for k in &kids {
        let line = screen
            .lines()
            .find(|l| l.contains(&k.name))
            .unwrap_or_else(|| panic!("no row for {}:\n{}", k.name, framed(&screen)));
        assert!(
            line.contains(" jr ") && line.contains(" mnd"),
            "Dutch age in jaren en maanden for {}: {line:?}",
            k.name
        );
        assert!(!line.contains(" y "), "no English in Dutch: {line:?}");
    }
    quit(&mut t);
}

// ---------------------------------------------------------------------------------------------
// Acceptance 4: the database is in use
// ---------------------------------------------------------------------------------------------

#[test]
fn second_instance_says_in_use_and_gives_up() {
    let db = Db::demo(&[]);
    let ex = db.export();
    let mut first = open_tui_in(&db, "en", &first_staff(&ex));

    // A command while the TUI holds the database: it gives up (within the harness's TIMEOUT, a
    // bound against a hang, not a timing: the bench measures time, tests behaviour) and says
    // why, with the exit code of a failure.
    let args = ["--db", db.path(), "export"];
    let (out, _) = run_within(&args, TIMEOUT);
    assert_eq!(out.status.code(), Some(1), "{}", describe(&args, &out));
    assert!(stderr(&out).contains("in use"), "{}", describe(&args, &out));
    assert!(
        out.stdout.is_empty(),
        "no export: {}",
        describe(&args, &out)
    );

    // A second TUI in a terminal of its own (without one it refuses before it looks at the
    // database: e2e_terminal.rs) gives up too, non-zero.
    let mut second = Tui::spawn(&["--db", db.path(), "--lang", "en"]);
    let code = second.wait_exit(TIMEOUT);
    let code =
        code.unwrap_or_else(|| panic!("second TUI still runs:\n{}", framed(&second.screen())));
    assert_eq!(code, 1, "second TUI exits with a failure");
    second.wait_eof(TIMEOUT);
    let screen = second.screen();
    assert!(
        screen.contains("in use"),
        "the terminal shows why:\n{}",
        framed(&screen)
    );

    // The first one is unharmed.
    assert!(first.is_alive());
    first.send("?");
    first.expect("Keys");
    first.key("Esc");
    first.expect_gone("Keys");
    quit(&mut first);

    // And once it is closed, the database opens again.
    run_ok(&["--db", db.path(), "export"]);
}

// ---------------------------------------------------------------------------------------------
// Acceptance 5: keymap files
// ---------------------------------------------------------------------------------------------

const BAD_KEYMAP: &str = r#"[global]
keymap = [
  { on = ["x"], run = "frobnicate", desc = "nothing" },
]
"#;

const QUIT_ON_X: &str = r#"[global]
keymap = [
  { on = ["x"], run = "quit", desc = "Leave signaal" },
]
"#;

#[test]
fn keymap_check_names_line_3_of_an_unknown_action() {
    let db = Db::empty();
    let file = write_file(db.dir(), "bad.toml", BAD_KEYMAP);
    let file = file.to_str().unwrap();
    let out = run_fails(&["keymap", "check", file]);
    let err = stderr(&out);
    assert!(
        err.contains(":3:"),
        "names line 3: {}",
        describe(&["keymap", "check"], &out)
    );
    assert!(err.contains("frobnicate"), "names the action: {err}");
    assert!(err.contains("bad.toml"), "names the file: {err}");
}

#[test]
fn tui_refuses_a_bad_keymap_and_says_why() {
    let db = Db::demo(&[]);
    let file = write_file(db.dir(), "bad.toml", BAD_KEYMAP);
    let file = file.to_str().unwrap();

    let args = ["--db", db.path(), "--lang", "en", "--keymap", file];
    let out = run_fails(&args);
    let err = stderr(&out);
    assert!(
        err.contains(":3:") && err.contains("frobnicate"),
        "{}",
        describe(&args, &out)
    );

    // In a terminal: it never shows the groups list, exits non-zero, and the reason is visible.
    let mut t = Tui::spawn(&args);
    let code = t.expect_exit();
    assert_ne!(code, 0);
    t.wait_eof(TIMEOUT);
    let screen = t.screen();
    assert!(
        screen.contains("frobnicate") && screen.contains(":3:"),
        "the terminal shows the problem:\n{}",
        framed(&screen)
    );
    assert!(
        !screen.contains("Groups"),
        "the TUI did not start:\n{}",
        framed(&screen)
    );
    // Nothing was written (no second thought about the database either).
    run_ok(&["check", "--db", db.path()]);
}

#[test]
fn valid_keymap_override_passes_check_and_x_quits() {
    let db = Db::demo(&[]);
    let ex = db.export();
    let file = write_file(db.dir(), "mine.toml", QUIT_ON_X);
    let file = file.to_str().unwrap();
    let out = run_ok(&["keymap", "check", file]);
    assert!(stderr(&out).is_empty() || !stderr(&out).contains("error"));

    let user = first_staff(&ex);
    let mut t = Tui::spawn(&[
        "--db",
        db.path(),
        "--lang",
        "en",
        "--keymap",
        file,
        "--user",
        &user,
    ]);
    t.expect("Groups");

    // The help comes from the active keymap: x is now the quit key, with the file's description
    // (under "Everywhere", scrolled into view).
    t.send("?");
    t.expect("Keys");
    for _ in 0..4 {
        t.key("Down");
    }
    let screen = t.expect("Leave signaal");
    // The help shows either the action's name or the description the file gives it.
    let quit_line =
        binding_line(&screen, "x", "quit").or_else(|| binding_line(&screen, "x", "Leave signaal"));
    assert!(
        quit_line.is_some(),
        "help shows x for quit:\n{}",
        framed(&screen)
    );
    t.key("Esc");
    t.expect_gone("Keys");

    common::screens::quit_with(&mut t, "x");
}

// ---------------------------------------------------------------------------------------------
// Acceptance 6: resize
// ---------------------------------------------------------------------------------------------

#[test]
fn resize_to_tiny_and_back_keeps_running() {
    let db = Db::demo(&[]);
    let ex = db.export();
    let mut t = open_tui_in(&db, "en", &first_staff(&ex));
    let group = s(&arr(&ex, "groups")[0], "name").to_string();

    t.resize(6, 20);
    t.expect("too small");
    let screen = t.screen();
    assert!(
        screen.replace('\n', " ").contains("Terminal too small"),
        "{}",
        framed(&screen)
    );

    t.resize(24, 80);
    t.expect(&group);
    t.expect("Groups");
    t.expect_gone("too small");
    assert!(t.is_alive(), "resizing never ends the app");

    // And a few more sizes in a row, ending in a usable one.
    for (rows, cols) in [(16, 60), (5, 10), (40, 120), (24, 80)] {
        t.resize(rows, cols);
    }
    t.expect(&group);
    t.expect_gone("too small");
    assert!(t.is_alive());
    quit(&mut t);
}

#[test]
fn q_quits_while_the_terminal_is_too_small() {
    let db = Db::demo(&[]);
    let ex = db.export();
    let mut t = open_tui_in(&db, "en", &first_staff(&ex));
    t.resize(6, 20);
    t.expect("too small");
    quit(&mut t);

    // Started tiny, too.
    let opts = Options {
        rows: 6,
        cols: 20,
        ..Options::default()
    };
    let mut t = Tui::spawn_with(
        &[
            "--db",
            db.path(),
            "--lang",
            "en",
            "--user",
            &first_staff(&ex),
        ],
        opts,
    );
    t.expect("too small");
    quit(&mut t);
}

// ---------------------------------------------------------------------------------------------
// First run: welcome, demo data with one key, or start empty
// ---------------------------------------------------------------------------------------------

/// The name on the selected line ("▶ NAME  role") of the who-are-you picker.
fn picked(screen: &str) -> Option<String> {
    let line = screen.lines().find(|l| l.contains('▶'))?;
    let after = line.split('▶').nth(1)?.trim_start();
    let name = after.split("  ").next()?.trim_end_matches('│').trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[test]
fn first_run_loads_demo_data_with_one_key() {
    let db = Db::empty();
    let mut t = Tui::spawn(&["--db", db.path(), "--lang", "en"]);
    t.expect("Welcome to signaal");
    t.send("d");
    t.expect("Who are you?");
    let screen = t.expect_until("a staff member in the picker", |s| {
        picked(s).is_some_and(|n| !n.starts_with('+'))
    });
    let name = picked(&screen).unwrap();
    let part = name.split_whitespace().last().unwrap().to_string();
    t.send(&part);
    t.expect(&format!("> {part}"));
    t.key("Enter");
    t.expect(&format!("User: {name}"));
    let screen = t.expect("Groups");
    quit(&mut t);

    let ex = db.export();
    let groups = arr(&ex, "groups");
    assert!(groups.len() >= 3, "demo has at least 3 groups");
    for g in groups {
        assert!(
            screen.contains(s(g, "name")),
            "group {} is listed:\n{}",
            s(g, "name"),
            framed(&screen)
        );
    }
    assert!(arr(&ex, "staff").iter().any(|m| m["name"] == name.as_str()));
}

#[test]
fn first_run_start_empty_then_staff_and_group_survive_kill_9() {
    let db = Db::empty();
    let mut t = Tui::spawn(&["--db", db.path(), "--lang", "en"]);
    t.expect("Welcome to signaal");
    t.key("Enter");
    t.expect("+ new staff member");

    t.send("Zoë Tester");
    t.expect("Zoë Tester");
    t.key("Enter");
    let screen = t.expect("Add staff member");
    assert!(
        lines_with(&screen, "Name")
            .iter()
            .any(|l| l.contains("Zoë Tester")),
        "the form has the typed name:\n{}",
        framed(&screen)
    );
    t.key("Enter");
    t.expect("User: Zoë Tester");
    t.expect("Press a to add");

    t.send("a");
    t.expect("Add group");
    t.send("De Kikkers");
    t.expect("De Kikkers");
    t.key("Enter");
    t.expect_gone("Add group");
    let screen = t.expect("is saved");
    assert!(
        screen
            .lines()
            .any(|l| l.contains("De Kikkers") && !l.contains("is saved")),
        "the group is in the list:\n{}",
        framed(&screen)
    );

    t.kill();
    let ex = db.export();
    assert!(
        arr(&ex, "groups").iter().any(|g| g["name"] == "De Kikkers"),
        "the group survives kill -9: {ex:#}"
    );
    assert!(
        arr(&ex, "staff").iter().any(|m| m["name"] == "Zoë Tester"),
        "the staff member survives kill -9: {ex:#}"
    );
    assert!(
        arr(&ex, "audit")
            .iter()
            .any(|a| a["action"] == "group.add" && a["by"] == "Zoë Tester"),
        "the change records who made it: {:#}",
        ex["audit"]
    );
}

// ---------------------------------------------------------------------------------------------
// Children: add (durable), a bad date, archive
// ---------------------------------------------------------------------------------------------

#[test]
fn add_child_is_durable_and_audited() {
    let (db, ex, user) = fresh_demo(&[]);
    let (bso_id, bso) = bso_group(&ex);
    let mut t = open_tui_in(&db, "en", &user);
    open_group(&mut t, &bso);

    t.send("a");
    t.expect("Add child");
    t.send("Tijmen");
    t.key("Tab");
    t.send("Testkind");
    t.key("Tab");
    t.send("2023-04-17");
    t.expect("2023-04-17");
    t.key("Enter");
    t.expect_gone("Add child");
    t.expect_until("the new child's row", |s| {
        row(s, "Tijmen Testkind").is_some()
    });
    t.kill();

    let ex = db.export();
    let child = arr(&ex, "children")
        .iter()
        .find(|c| c["first_name"] == "Tijmen" && c["last_name"] == "Testkind")
        .unwrap_or_else(|| panic!("the child survives kill -9: {:#}", ex["children"]));
    assert_eq!(child["birth_date"], "2023-04-17");
    assert_eq!(child["group_id"].as_u64(), Some(bso_id));
    assert_ne!(child["archived"], true);
    let target = format!("child:{}", child["id"]);
    assert!(
        arr(&ex, "audit").iter().any(|a| a["action"] == "child.add"
            && a["by"] == user.as_str()
            && a["target"] == target.as_str()),
        "audit has child.add of {target} by {user}: {:#}",
        ex["audit"]
    );

    // Reopened after the kill, the app shows it.
    let mut t = open_tui_in(&db, "en", &user);
    open_group(&mut t, &bso);
    t.expect("Tijmen Testkind");
    quit(&mut t);
}

#[test]
fn bad_birth_date_shows_an_error_and_writes_nothing() {
    let db = Db::demo(&[]);
    let ex = db.export();
    let before = without_exported_at(ex.clone());
    let (_, bso) = bso_group(&ex);
    let mut t = open_tui_in(&db, "en", &first_staff(&ex));
    open_group(&mut t, &bso);

    t.send("a");
    t.expect("Add child");
    t.send("Foutje");
    t.key("Tab");
    t.send("Datum");
    t.key("Tab");
    t.send("2023-13-45");
    t.expect("2023-13-45");
    t.key("Enter");
    // The shape of a date, but no such day: said so, naming it.
    let screen = t.expect("There is no date \"2023-13-45\"");
    assert!(
        screen.contains("Add child"),
        "the form stays open:\n{}",
        framed(&screen)
    );

    t.key("Esc");
    t.expect_gone("Add child");
    let screen = t.screen();
    assert!(
        !screen.contains("Foutje"),
        "no such child:\n{}",
        framed(&screen)
    );
    quit(&mut t);

    let after = db.content();
    assert!(before == after, "a refused form writes nothing");
}

#[test]
fn archive_hides_a_child_and_show_archived_brings_it_back() {
    let (db, ex, _) = fresh_demo(&[]);
    // Archiving a child who left is the care coordinator's (or an admin's) job.
    let user = first_with_role(&ex, "care_coordinator");
    let (bso_id, bso) = bso_group(&ex);
    let kids = children_of(&ex, bso_id);
    let kid = uniquely_named(&kids);
    let other = kids.iter().find(|k| k.id != kid.id).unwrap();

    let mut t = open_tui_in(&db, "en", &user);
    open_group(&mut t, &bso);
    t.expect(&other.name);

    select_with_filter(&mut t, kid);
    t.key("Enter");
    let before = t.screen();

    t.send("D");
    t.wait_change(&before, TIMEOUT)
        .unwrap_or_else(|e| panic!("{e}"));
    t.expect(&format!("Archive {}?", kid.name));
    // Only a typed j or y says yes (Enter is no).
    t.send("y");
    t.expect_until("the child's row to disappear", |s| {
        row(s, &kid.name).is_none() && !s.contains(&format!("Archive {}?", kid.name))
    });

    // Clear the filter: the others are back, the archived child is not.
    start_filter(&mut t);
    t.key("Esc");
    let screen = t.expect_until("the whole list again", |s| row(s, &other.name).is_some());
    assert!(
        row(&screen, &kid.name).is_none(),
        "archived child hidden:\n{}",
        framed(&screen)
    );

    // H shows archived children, tagged.
    t.send("H");
    let screen = t.expect_until("the archived child tagged", |s| {
        row(s, &kid.name).is_some_and(|l| l.contains("archived"))
    });
    assert!(row(&screen, &other.name).is_some_and(|l| !l.contains("archived")));
    quit(&mut t);

    let ex = db.export();
    let c = arr(&ex, "children")
        .iter()
        .find(|c| c["id"].as_u64() == Some(kid.id))
        .expect("an archived child is kept, not deleted");
    assert_eq!(c["archived"], true, "{c}");
    let target = format!("child:{}", kid.id);
    assert!(
        arr(&ex, "audit")
            .iter()
            .any(|a| a["by"] == user.as_str() && a["target"] == target.as_str()),
        "the archive is audited: {:#}",
        ex["audit"]
    );
}

#[test]
fn edit_child_then_open_the_child_screen() {
    let (db, ex, user) = fresh_demo(&[]);
    let (bso_id, bso) = bso_group(&ex);
    let kids = children_of(&ex, bso_id);
    let kid = uniquely_named(&kids);
    let old_last = kid.name[kid.first.len() + 1..].to_string();

    let mut t = open_tui_in(&db, "en", &user);
    open_group(&mut t, &bso);
    select_with_filter(&mut t, kid);
    t.key("Enter");

    t.send("e");
    let screen = t.expect("Edit child");
    assert!(
        lines_with(&screen, "Last name")
            .iter()
            .any(|l| l.contains(&old_last)),
        "the form is filled in:\n{}",
        framed(&screen)
    );
    t.key("Tab");
    for _ in 0..old_last.chars().count() {
        t.key("Backspace");
    }
    t.send("Veranderd");
    let new_name = format!("{} Veranderd", kid.first);
    t.key("Enter");
    t.expect_gone("Edit child");
    // The filter still holds the old name; clear it and find the new one.
    start_filter(&mut t);
    t.key("Esc");
    t.expect_until("the renamed child's row", |s| row(s, &new_name).is_some());

    // The child screen: details with the age.
    start_filter(&mut t);
    t.send(&new_name);
    t.expect_until("the renamed child selected", |s| {
        row(s, &new_name).is_some_and(|l| l.contains('▶'))
    });
    t.key("Enter");
    t.key("Enter");
    let screen = t.expect("Details");
    assert!(screen.contains(&new_name), "{}", framed(&screen));
    assert!(screen.contains(&kid.birth), "{}", framed(&screen));
    assert!(
        lines_with(&screen, "Age")
            .iter()
            .any(|l| l.contains(" y ") && l.contains(" m")),
        "the child screen shows the age:\n{}",
        framed(&screen)
    );
    t.key("Esc");
    t.expect_gone("Details");
    t.kill();

    let ex = db.export();
    let c = arr(&ex, "children")
        .iter()
        .find(|c| c["id"].as_u64() == Some(kid.id))
        .expect("the child is still there");
    assert_eq!(c["last_name"], "Veranderd", "{c}");
    assert_eq!(c["first_name"], kid.first.as_str(), "{c}");
    assert_eq!(c["birth_date"], kid.birth.as_str(), "{c}");
    let target = format!("child:{}", kid.id);
    assert!(
        arr(&ex, "audit")
            .iter()
            .any(|a| a["by"] == user.as_str() && a["target"] == target.as_str()),
        "the edit is audited: {:#}",
        ex["audit"]
    );
}

// ---------------------------------------------------------------------------------------------
// NO_COLOR
// ---------------------------------------------------------------------------------------------

/// How many cells have a colour (foreground or background) other than the terminal default.
fn coloured_cells(t: &Tui) -> usize {
    t.with_screen(|screen| {
        let (rows, cols) = screen.size();
        let mut n = 0;
        for r in 0..rows {
            for c in 0..cols {
                if let Some(cell) = screen.cell(r, c) {
                    if cell.fgcolor() != vt100::Color::Default
                        || cell.bgcolor() != vt100::Color::Default
                    {
                        n += 1;
                    }
                }
            }
        }
        n
    })
}

/// The row of the screen that shows the selection marker.
fn selected_row(screen: &str) -> Option<String> {
    screen
        .lines()
        .find(|l| l.contains('▶'))
        .map(|l| l.to_string())
}

#[test]
fn no_color_is_monochrome_and_the_selection_stays_visible() {
    let (db, ex, user) = fresh_demo(&[]);
    let groups: Vec<String> = arr(&ex, "groups")
        .iter()
        .map(|g| s(g, "name").to_string())
        .collect();

    // With colour, for contrast: the theme does use colour.
    let mut t = open_tui_in(&db, "en", &user);
    t.expect(&groups[0]);
    assert!(coloured_cells(&t) > 0, "the default theme has colour");
    quit(&mut t);

    let opts = Options {
        no_color: true,
        ..Options::default()
    };
    let mut t = open_tui_with(&db, "en", &user, opts);
    t.expect(&groups[0]);
    assert_eq!(
        coloured_cells(&t),
        0,
        "NO_COLOR: no colour at all:\n{}",
        framed(&t.screen())
    );
    let first = selected_row(&t.screen()).expect("a selection marker");
    t.key("Down");
    let screen = t.expect_until("the selection to move", |s| {
        selected_row(s).is_some_and(|r| r != first)
    });
    assert!(
        selected_row(&screen).unwrap().contains(&groups[1]),
        "Down selects the second group:\n{}",
        framed(&screen)
    );
    assert_eq!(coloured_cells(&t), 0);
    quit(&mut t);
}

// ---------------------------------------------------------------------------------------------
// Commands: version, export/import/check
// ---------------------------------------------------------------------------------------------

#[test]
fn version_and_help() {
    let out = run_ok(&["--version"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("signaal") && stdout.contains(env!("CARGO_PKG_VERSION")),
        "{stdout}"
    );
    let out = run_ok(&["--help"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    for word in [
        "--db", "--lang", "--keymap", "--user", "demo", "export", "import", "check",
    ] {
        assert!(stdout.contains(word), "--help mentions {word}:\n{stdout}");
    }
}

#[test]
fn export_import_check_round_trip() {
    let a = Db::demo(&[]);
    let out = run_ok(&["export", "--db", a.path()]);
    let original: Value = serde_json::from_slice(&out.stdout).expect("export is JSON");
    assert_eq!(original["format"], "signaal-export");
    assert!(original["version"].is_u64());
    assert!(original["exported_at"].is_string());
    for key in [
        "staff",
        "groups",
        "children",
        "form_templates",
        "observations",
        "plan_templates",
        "trajectories",
        "contacts",
        "visits",
        "audit",
    ] {
        assert!(original[key].is_array(), "export has the array {key}");
    }
    let file = a.file("export.json");
    std::fs::write(&file, &out.stdout).unwrap();
    let file = file.to_str().unwrap();

    let b = Db::empty();
    run_ok(&["import", "--db", b.path(), file]);
    run_ok(&["check", "--db", b.path()]);
    let copy = b.export();
    // The import records itself at the end of the audit trail; all else is the original.
    let mut imported = without_exported_at(copy.clone());
    let own = imported["audit"].as_array_mut().unwrap().pop().unwrap();
    assert_eq!(own["action"], "import", "{own}");
    assert!(
        without_exported_at(original) == imported,
        "the re-export equals the original except exported_at and the import's own entry"
    );

    // Only into an empty database.
    let out = run_fails(&["import", "--db", b.path(), file]);
    assert!(stderr(&out).contains("not empty"), "{}", stderr(&out));
    let again = b.export();
    assert!(
        without_exported_at(copy) == without_exported_at(again),
        "a refused import changes nothing"
    );
}

#[test]
fn import_of_broken_json_names_the_file_and_line() {
    let db = Db::empty();
    let file = write_file(
        db.dir(),
        "broken.json",
        "{\n  \"format\": \"signaal-export\",\n  \"version\": 1,,\n  \"staff\": []\n}\n",
    );
    let file = file.to_str().unwrap();
    let out = run_fails(&["import", "--db", db.path(), file]);
    let err = stderr(&out);
    assert!(err.contains("broken.json"), "names the file: {err}");
    assert!(
        err.contains(":3") || err.contains("line 3"),
        "names line 3: {err}"
    );

    // The failed import left the database empty: a good file still goes in.
    let src = Db::demo(&[]);
    let out = run_ok(&["export", "--db", src.path()]);
    let good = src.file("good.json");
    std::fs::write(&good, &out.stdout).unwrap();
    run_ok(&["import", "--db", db.path(), good.to_str().unwrap()]);
    run_ok(&["check", "--db", db.path()]);
}

#[test]
fn demo_refuses_a_non_empty_database() {
    let db = Db::demo(&[]);
    let before = db.content();
    let out = run_fails(&["demo", "--db", db.path()]);
    assert!(!stderr(&out).trim().is_empty(), "says why");
    assert!(before == db.content(), "and changes nothing");
}
