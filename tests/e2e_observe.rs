//! End-to-end tests of observing a child: the real `signaal` binary in a pseudo-terminal on a real
//! database in a temp dir. The observation form (`o`, Space, `n`, Esc, `q`), that each mark shown as
//! saved survives kill -9, notes with Dutch characters, what changed between two observations (`w`)
//! and the Observed column of the children list. What the screen shows is checked against
//! `signaal export`.
//!
//! Names of children, staff, items and forms are read from the database's export, never
//! hard-coded. Waits are bounded by generous timeouts; nothing measures time.

#[path = "common/pty.rs"]
mod pty;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::thread;

use chrono::{DateTime, Local, NaiveDate};
use pty::{framed, Options, Tui, TIMEOUT};
use serde_json::Value;
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Databases and the export
// ---------------------------------------------------------------------------------------------

/// A temporary directory holding a database directory `db`.
struct Db {
    _dir: TempDir,
    path: PathBuf,
}

impl Db {
    fn path(&self) -> &str {
        self.path.to_str().expect("utf-8 temp path")
    }
}

/// A database filled by `signaal demo` with extra arguments.
fn demo_db(extra: &[&str]) -> Db {
    let dir = TempDir::new().expect("temp dir");
    let path = dir.path().join("db");
    let db = Db { _dir: dir, path };
    let mut args = vec!["demo", "--db", db.path()];
    args.extend_from_slice(extra);
    run_ok(&args);
    db
}

fn describe(args: &[&str], out: &Output) -> String {
    format!(
        "signaal {args:?}: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Runs a command to the end; a hang fails the test instead of stalling it.
fn run_ok(args: &[&str]) -> Output {
    let child = Command::new(pty::bin())
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("SIGNAAL_DB")
        .env_remove("NO_COLOR")
        .env_remove("RUST_BACKTRACE")
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn signaal");
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out = match rx.recv_timeout(TIMEOUT * 3) {
        Ok(out) => out.expect("wait for signaal"),
        Err(_) => {
            // Only the process this helper started, by its id.
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("signaal {args:?} still runs after {:?}", TIMEOUT * 3);
        }
    };
    assert!(
        out.status.success(),
        "expected success: {}",
        describe(args, &out)
    );
    out
}

fn export(db: &Db) -> Value {
    let args = ["export", "--db", db.path()];
    let out = run_ok(&args);
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("export is not JSON ({e}): {}", describe(&args, &out)))
}

fn arr<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("no array {key:?} in {v}"))
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("field {key:?} is not a string in {v}"))
}

fn id(v: &Value) -> u64 {
    v["id"]
        .as_u64()
        .unwrap_or_else(|| panic!("no numeric id in {v}"))
}

/// The first staff member with the plain staff role.
fn first_staff(ex: &Value) -> String {
    arr(ex, "staff")
        .iter()
        .find(|m| m["role"] == "staff")
        .map(|m| s(m, "name").to_string())
        .expect("the demo has a staff member with role \"staff\"")
}

#[derive(Clone, Debug)]
struct Kid {
    id: u64,
    first: String,
    name: String,
    group_id: u64,
}

/// The children that are not archived, as the export has them.
fn kids(ex: &Value) -> Vec<Kid> {
    arr(ex, "children")
        .iter()
        .filter(|c| c["archived"] != true)
        .map(|c| Kid {
            id: id(c),
            first: s(c, "first_name").to_string(),
            name: format!("{} {}", s(c, "first_name"), s(c, "last_name")),
            group_id: c["group_id"].as_u64().expect("child has a group_id"),
        })
        .collect()
}

/// Whether no other (not archived) child of the same group has this child's first name, so that
/// the filter finds only them.
fn uniquely_named(all: &[Kid], kid: &Kid) -> bool {
    all.iter()
        .filter(|o| o.group_id == kid.group_id && o.first == kid.first)
        .count()
        == 1
}

fn group(ex: &Value, group_id: u64) -> &Value {
    arr(ex, "groups")
        .iter()
        .find(|g| id(g) == group_id)
        .unwrap_or_else(|| panic!("no group {group_id} in the export"))
}

fn group_name(ex: &Value, group_id: u64) -> String {
    s(group(ex, group_id), "name").to_string()
}

/// The one form a group observes with (the demo has one per kind of group).
fn template_for_group(ex: &Value, group_id: u64) -> &Value {
    template_for_kind(ex, s(group(ex, group_id), "kind"))
}

/// The one form in the export's `form_templates` for groups of this kind.
fn template_for_kind<'a>(ex: &'a Value, kind: &str) -> &'a Value {
    let forms: Vec<&Value> = arr(ex, "form_templates")
        .iter()
        .filter(|t| arr(t, "kinds").iter().any(|k| k == kind))
        .collect();
    assert_eq!(
        forms.len(),
        1,
        "one form for a {kind} group (else a picker would come first)"
    );
    forms[0]
}

#[derive(Clone, Debug)]
struct Item {
    id: String,
    /// The English wording.
    text: String,
}

/// The items of a form in form order: the rows of the observation form (section titles are
/// not rows).
fn form_items(template: &Value) -> Vec<Item> {
    let items: Vec<Item> = arr(template, "sections")
        .iter()
        .flat_map(|section| arr(section, "items").iter())
        .map(|item| Item {
            id: s(item, "id").to_string(),
            text: s(&item["text"], "en").to_string(),
        })
        .collect();
    // The tests find an item on the screen by the start of its text.
    for (i, item) in items.iter().enumerate() {
        assert!(
            items[..i].iter().all(|o| head(&o.text) != head(&item.text)),
            "two items of {} start with {:?}",
            s(template, "id"),
            head(&item.text)
        );
    }
    items
}

fn template_by_id<'a>(ex: &'a Value, template: &str) -> &'a Value {
    arr(ex, "form_templates")
        .iter()
        .find(|t| t["id"] == template)
        .unwrap_or_else(|| panic!("no form template {template:?} in the export"))
}

/// A child's observations, oldest first (by date, then id).
fn observations_of(ex: &Value, child_id: u64) -> Vec<Value> {
    let mut all: Vec<Value> = arr(ex, "observations")
        .iter()
        .filter(|o| o["child_id"].as_u64() == Some(child_id))
        .cloned()
        .collect();
    all.sort_by(|a, b| (s(a, "date"), id(a)).cmp(&(s(b, "date"), id(b))));
    all
}

/// item -> mark of an observation.
fn marks(observation: &Value) -> BTreeMap<String, String> {
    arr(observation, "marks")
        .iter()
        .map(|m| (s(m, "item").to_string(), s(m, "mark").to_string()))
        .collect()
}

fn mark_entry<'a>(observation: &'a Value, item: &str) -> Option<&'a Value> {
    arr(observation, "marks").iter().find(|m| m["item"] == item)
}

/// The observations of a child dated `date`.
fn observations_on(ex: &Value, child_id: u64, date: &str) -> Vec<Value> {
    observations_of(ex, child_id)
        .into_iter()
        .filter(|o| o["date"] == date)
        .collect()
}

/// Today as the app sees it (local time). Taken before and after a test's actions, a test that
/// runs across midnight accepts either day.
fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn ymd(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The date part of an RFC 3339 time, in its own offset.
fn date_of(at: &str) -> NaiveDate {
    DateTime::parse_from_rfc3339(at)
        .unwrap_or_else(|e| panic!("{at:?} is not RFC 3339: {e}"))
        .date_naive()
}

/// The one observation of this child made today; checks its date and observer.
fn todays_observation(ex: &Value, kid: &Kid, days: &[NaiveDate], user: &str) -> Value {
    let mut days = days.to_vec();
    days.sort();
    days.dedup();
    let found: Vec<Value> = days
        .iter()
        .flat_map(|d| observations_on(ex, kid.id, &ymd(*d)))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one observation of {} today ({days:?}): {:#}",
        kid.name,
        Value::Array(observations_of(ex, kid.id))
    );
    let o = found.into_iter().next().unwrap();
    assert_eq!(s(&o, "by"), user, "the observation is by the user: {o:#}");
    o
}

/// Checks a mark entry: who and when (today, in the observation's date).
fn assert_signed(entry: &Value, observation: &Value, user: &str) {
    assert_eq!(
        s(entry, "by"),
        user,
        "the mark is signed by the user: {entry}"
    );
    let date = NaiveDate::parse_from_str(s(observation, "date"), "%Y-%m-%d").unwrap();
    assert_eq!(
        date_of(s(entry, "at")),
        date,
        "the mark's `at` is on the observation's date: {entry}"
    );
}

// ---------------------------------------------------------------------------------------------
// Screens
// ---------------------------------------------------------------------------------------------

/// A terminal with room for a whole form section and the detail pane.
fn big() -> Options {
    Options {
        rows: 50,
        cols: 120,
        ..Options::default()
    }
}

/// Starts the TUI in English as `user` and waits for the groups list.
fn open_tui(db: &Db, user: &str) -> Tui {
    open_tui_in(db, "en", user)
}

fn open_tui_in(db: &Db, lang: &str, user: &str) -> Tui {
    let mut t = Tui::spawn_with(&["--db", db.path(), "--lang", lang, "--user", user], big());
    t.expect(if lang == "nl" { "Groepen" } else { "Groups" });
    t
}

fn ok<T>(r: Result<T, String>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

fn filter_line(screen: &str) -> Option<String> {
    screen
        .lines()
        .find(|l| l.contains("Filter:"))
        .map(|l| l.to_string())
}

/// Presses `/` and waits until the filter takes text.
fn start_filter(t: &mut Tui) {
    let before = filter_line(&t.screen());
    t.send("/");
    ok(t.wait_until("the filter to take text", TIMEOUT, |s| {
        let now = filter_line(s);
        now.is_some() && now != before
    }));
}

/// From the groups list: `/` + the group's name + Enter (keep the match) + Enter (open).
fn open_group(t: &mut Tui, name: &str) {
    start_filter(t);
    t.send(name);
    t.expect(name);
    t.key("Enter");
    t.key("Enter");
    ok(
        t.wait_until(&format!("the children of {name}"), TIMEOUT, |s| {
            s.contains(&format!("Group {name}")) || s.contains(&format!("Groep {name}"))
        }),
    );
}

/// The children list row of a child (the name column starts the row, a gap follows the name).
fn child_row<'a>(screen: &'a str, name: &str) -> Option<&'a str> {
    let plain = format!("│  {name}  ");
    let selected = format!("│▶ {name}  ");
    screen
        .lines()
        .find(|l| l.starts_with(&plain) || l.starts_with(&selected))
}

/// On a children list: `/` + the child's name + Enter, until the child's row is selected.
fn select_child(t: &mut Tui, kid: &Kid) {
    start_filter(t);
    t.send(&kid.name);
    ok(
        t.wait_until(&format!("{} selected", kid.name), TIMEOUT, |s| {
            child_row(s, &kid.name).is_some_and(|l| l.contains('▶'))
        }),
    );
    // Enter keeps the match selected and ends the typing, so letters are commands again.
    t.key("Enter");
    ok(
        t.wait_until("the filter to stop taking text", TIMEOUT, |s| {
            child_row(s, &kid.name).is_some_and(|l| l.contains('▶'))
                && filter_line(s).is_some_and(|l| !l.contains('▏'))
        }),
    );
}

/// The observation form's title: child, date, observer.
fn form_title(kid: &Kid, date: NaiveDate, user: &str) -> String {
    format!("{} · {} · Observer: {user}", kid.name, ymd(date))
}

/// Presses `o` on a children list or child screen and waits for the child's form of today.
fn open_form(t: &mut Tui, kid: &Kid, user: &str) -> String {
    t.send("o");
    ok(t.wait_until(
        &format!("the observation form of {}", kid.name),
        TIMEOUT,
        |s| s.contains(&form_title(kid, today(), user)),
    ))
}

/// Start, group, child, `o`: today's form of the child is shown.
fn start_on_form(db: &Db, ex: &Value, kid: &Kid, user: &str) -> Tui {
    let mut t = open_tui(db, user);
    open_group(&mut t, &group_name(ex, kid.group_id));
    select_child(&mut t, kid);
    open_form(&mut t, kid, user);
    t
}

/// The detail pane under a list: the lines between the rule and the bottom border, joined with
/// spaces (long text wraps over several lines).
fn detail(screen: &str) -> String {
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

/// The start of an item's text: enough to tell items apart, short enough never to be cut off.
fn head(text: &str) -> String {
    text.chars().take(28).collect()
}

/// The selected row of a list (the one with the marker).
fn selected_row(screen: &str) -> Option<&str> {
    screen.lines().find(|l| l.starts_with("│▶ "))
}

/// The form's row of an item (not the detail pane's line about it).
fn item_row<'a>(screen: &'a str, item: &Item) -> Option<&'a str> {
    let text = head(&item.text);
    screen
        .lines()
        .find(|l| (l.starts_with("│  ") || l.starts_with("│▶ ")) && l.contains(&text))
}

/// Whether the form's row of `item` shows `mark` ("sometimes", "often").
fn row_shows(screen: &str, item: &Item, mark: &str) -> bool {
    item_row(screen, item).is_some_and(|l| l.contains(&format!(" {mark} ")))
}

/// Whether the form shows `item` selected with `mark` ("not seen", "sometimes", "often") in the
/// detail pane.
fn shows(screen: &str, item: &Item, mark: &str) -> bool {
    let text = head(&item.text);
    detail(screen).starts_with(&format!("{mark}: {text}"))
        && selected_row(screen).is_some_and(|l| l.contains(&text))
}

/// Moves the form's selection from row `from` to row `to` with Down/Up (or j/k) and waits until
/// `to` is selected.
fn move_to(t: &mut Tui, items: &[Item], from: usize, to: usize, vim: bool) {
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
    let text = head(&items[to].text);
    ok(t.wait_until(
        &format!("item {to} ({:?}) selected", items[to].id),
        TIMEOUT,
        |s| selected_row(s).is_some_and(|l| l.contains(&text)) && detail(s).contains(&text),
    ));
}

/// Presses Space on the selected item and waits until the screen shows `mark` for it, with the
/// "saved" state in the title bar.
fn mark(t: &mut Tui, item: &Item, mark: &str) -> String {
    t.send(" ");
    ok(t.wait_until(
        &format!("{:?} marked {mark} and saved", item.id),
        TIMEOUT,
        |s| shows(s, item, mark) && s.contains("✓ saved "),
    ))
}

/// `q`, and the app ends with 0.
fn quit(t: &mut Tui) {
    t.send("q");
    let code = t.expect_exit();
    assert_eq!(code, 0, "q exits 0; screen:\n{}", framed(&t.screen()));
}

/// A child with a first name unique in its group (so the filter finds only them), satisfying
/// `pred`.
fn pick_kid(ex: &Value, pred: impl Fn(&Kid) -> bool) -> Kid {
    let all = kids(ex);
    all.iter()
        .find(|k| uniquely_named(&all, k) && pred(k))
        .cloned()
        .expect("a child for this test in the demo")
}

// ---------------------------------------------------------------------------------------------
// 1. Acceptance: three marks on a new observation
// ---------------------------------------------------------------------------------------------

#[test]
fn three_marks_make_a_new_observation_signed_today() {
    let db = demo_db(&[]);
    let ex = export(&db);
    let user = first_staff(&ex);
    let day0 = today();
    let kid = pick_kid(&ex, |k| {
        observations_on(&ex, k.id, &ymd(day0)).is_empty()
            && observations_on(&ex, k.id, &ymd(day0.succ_opt().unwrap())).is_empty()
    });
    let before = observations_of(&ex, kid.id).len();
    let items = form_items(template_for_group(&ex, kid.group_id));
    let all_before = arr(&ex, "observations").len();
    // The first item, one further on in the first section, one in the second section: moving
    // down skips the section titles.
    let first_section = arr(
        &template_for_group(&ex, kid.group_id)["sections"][0],
        "items",
    )
    .len();
    let rows = [0, 2, first_section + 1];

    let mut t = start_on_form(&db, &ex, &kid, &user);
    // The form opens on the first item, not seen, with nothing marked.
    ok(
        t.wait_until("a fresh form on its first item", TIMEOUT, |s| {
            s.contains("nothing marked yet") && shows(s, &items[0], "not seen")
        }),
    );

    let mut at = 0;
    for &row in &rows {
        move_to(&mut t, &items, at, row, false);
        at = row;
        mark(&mut t, &items[row], "sometimes");
    }
    // Each row shows its mark; the title bar no longer says nothing is marked.
    ok(t.wait_until("the three rows marked", TIMEOUT, |s| {
        !s.contains("nothing marked yet")
            && rows.iter().all(|&r| row_shows(s, &items[r], "sometimes"))
    }));
    // Back up across the section title: the detail pane shows that item's mark.
    move_to(&mut t, &items, at, rows[1], false);
    ok(
        t.wait_until("an earlier mark in the detail pane", TIMEOUT, |s| {
            shows(s, &items[rows[1]], "sometimes")
        }),
    );
    quit(&mut t);
    let day1 = today();

    let ex = export(&db);
    assert_eq!(
        observations_of(&ex, kid.id).len(),
        before + 1,
        "one new observation"
    );
    assert_eq!(
        arr(&ex, "observations").len(),
        all_before + 1,
        "no other observation changed in number"
    );
    let o = todays_observation(&ex, &kid, &[day0, day1], &user);
    let want: BTreeMap<String, String> = rows
        .iter()
        .map(|&r| (items[r].id.clone(), "sometimes".to_string()))
        .collect();
    assert_eq!(marks(&o), want, "exactly the three marks: {o:#}");
    for &row in &rows {
        let entry = mark_entry(&o, &items[row].id).unwrap();
        assert_signed(entry, &o, &user);
        assert_eq!(s(entry, "note"), "", "no note: {entry}");
    }
    assert!(
        o["notes"].as_array().is_none_or(|n| n.is_empty()),
        "no notes on unmarked items: {o:#}"
    );
    assert_eq!(
        s(&o, "template"),
        s(template_for_group(&ex, kid.group_id), "id")
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Durability: each mark the screen shows as saved survives kill -9
// ---------------------------------------------------------------------------------------------

#[test]
fn every_mark_shown_as_saved_survives_kill_9() {
    let db = demo_db(&[]);
    let ex = export(&db);
    let user = first_staff(&ex);
    let day0 = today();
    let kid = pick_kid(&ex, |k| {
        observations_on(&ex, k.id, &ymd(day0)).is_empty()
            && observations_on(&ex, k.id, &ymd(day0.succ_opt().unwrap())).is_empty()
    });
    let before = observations_of(&ex, kid.id).len();
    let items = form_items(template_for_group(&ex, kid.group_id));
    let rounds = 5;
    let rows: Vec<usize> = (0..rounds).map(|i| i * 4).collect();
    assert!(rows[rounds - 1] < items.len());

    let mut observation_id = None;
    for (round, &row) in rows.iter().enumerate() {
        let mut t = start_on_form(&db, &ex, &kid, &user);
        if round == 0 {
            t.expect("nothing marked yet");
        } else {
            // Today's observation is continued: the marks of the earlier rounds are there.
            let prev = &items[rows[round - 1]];
            ok(t.wait_until(
                &format!("round {round}: today's observation continued"),
                TIMEOUT,
                |s| s.contains("✓ saved ") && row_shows(s, prev, "sometimes"),
            ));
        }
        move_to(&mut t, &items, 0, row, round % 2 == 1);
        ok(t.wait_until("the item not seen yet", TIMEOUT, |s| {
            shows(s, &items[row], "not seen")
        }));
        mark(&mut t, &items[row], "sometimes");
        // Immediately: no chance to write anything more.
        t.kill();
        drop(t);

        let ex = export(&db);
        assert_eq!(
            observations_of(&ex, kid.id).len(),
            before + 1,
            "round {round}: one observation for today, continued each round"
        );
        let o = todays_observation(&ex, &kid, &[day0, today()], &user);
        match observation_id {
            None => observation_id = Some(id(&o)),
            Some(was) => assert_eq!(id(&o), was, "round {round}: the same observation"),
        }
        let want: BTreeMap<String, String> = rows[..=round]
            .iter()
            .map(|&r| (items[r].id.clone(), "sometimes".to_string()))
            .collect();
        assert_eq!(
            marks(&o),
            want,
            "round {round}: every mark shown as saved is in the database: {o:#}"
        );
        assert_signed(mark_entry(&o, &items[row].id).unwrap(), &o, &user);
    }
    let out = run_ok(&["check", "--db", db.path()]);
    assert!(out.status.success());
}

// ---------------------------------------------------------------------------------------------
// 3. Notes, with Dutch characters; a note on an unmarked item
// ---------------------------------------------------------------------------------------------

const NOTE: &str = "Zoë is ĳverig bezig";
const LOOSE_NOTE: &str = "Alleen bij het ophalen, één keer";

/// `n`, the text, Enter: waits until the detail pane shows the note.
fn write_note(t: &mut Tui, text: &str) {
    t.send("n");
    t.expect("Note on the item");
    t.send(text);
    t.expect(text);
    t.key("Enter");
    ok(t.wait_until("the note saved", TIMEOUT, |s| {
        !s.contains("Note on the item") && detail(s).contains(&format!("Note: {text}"))
    }));
}

#[test]
fn notes_with_dutch_characters_are_saved_on_marked_and_unmarked_items() {
    let db = demo_db(&[]);
    let ex = export(&db);
    let user = first_staff(&ex);
    let day0 = today();
    let kid = pick_kid(&ex, |k| {
        observations_on(&ex, k.id, &ymd(day0)).is_empty()
            && observations_on(&ex, k.id, &ymd(day0.succ_opt().unwrap())).is_empty()
    });
    let items = form_items(template_for_group(&ex, kid.group_id));
    let (marked, loose, cancelled) = (1, 3, 2);

    let mut t = start_on_form(&db, &ex, &kid, &user);
    move_to(&mut t, &items, 0, marked, true);
    mark(&mut t, &items[marked], "sometimes");
    write_note(&mut t, NOTE);
    // The note keeps the mark; the row shows there is a note.
    ok(t.wait_until("the marked item with its note", TIMEOUT, |s| {
        shows(s, &items[marked], "sometimes")
            && row_shows(s, &items[marked], "sometimes")
            && item_row(s, &items[marked]).is_some_and(|l| l.contains('✎'))
            && s.contains("✓ saved ")
    }));

    // `n` again: the field holds the note; Esc cancels an edit.
    t.send("n");
    t.expect("Note on the item");
    t.send(" (niet bewaren)");
    t.expect("(niet bewaren)");
    t.key("Esc");
    ok(
        t.wait_until("the note form closed, the saved note kept", TIMEOUT, |s| {
            !s.contains("Note on the item")
                && !s.contains("niet bewaren")
                && detail(s).contains(&format!("Note: {NOTE}"))
        }),
    );

    // A note on an item that is not marked.
    move_to(&mut t, &items, marked, loose, false);
    write_note(&mut t, LOOSE_NOTE);
    ok(t.wait_until("a note that marks nothing", TIMEOUT, |s| {
        shows(s, &items[loose], "not seen")
            && item_row(s, &items[loose]).is_some_and(|l| l.contains('✎'))
    }));

    // Esc on a new note writes nothing; `q` in the note is text, it does not quit.
    move_to(&mut t, &items, loose, cancelled, true);
    t.send("n");
    t.expect("Note on the item");
    t.send("quasi weg ermee");
    t.expect("quasi weg ermee");
    t.key("Esc");
    ok(t.wait_until("the note form closed", TIMEOUT, |s| {
        !s.contains("Note on the item")
    }));
    quit(&mut t);

    let ex = export(&db);
    let o = todays_observation(&ex, &kid, &[day0, today()], &user);
    let want: BTreeMap<String, String> =
        [(items[marked].id.clone(), "sometimes".to_string())].into();
    assert_eq!(marks(&o), want, "a note marks nothing: {o:#}");
    let entry = mark_entry(&o, &items[marked].id).unwrap();
    assert_eq!(
        s(entry, "note"),
        NOTE,
        "the exact note, UTF-8 intact: {entry}"
    );
    assert_signed(entry, &o, &user);

    let notes = arr(&o, "notes");
    assert_eq!(notes.len(), 1, "one note on an unmarked item: {o:#}");
    let n = &notes[0];
    assert_eq!(s(n, "item"), items[loose].id);
    assert_eq!(s(n, "note"), LOOSE_NOTE);
    assert_eq!(s(n, "by"), user);
    assert_eq!(
        date_of(s(n, "at")),
        NaiveDate::parse_from_str(s(&o, "date"), "%Y-%m-%d").unwrap(),
        "{n}"
    );
    let all = serde_json::to_string(&o).unwrap();
    assert!(!all.contains("weg ermee") && !all.contains("niet bewaren"));
    assert!(
        mark_entry(&o, &items[cancelled].id).is_none()
            && notes
                .iter()
                .all(|n| n["item"] != items[cancelled].id.as_str()),
        "{o:#}"
    );
}

#[test]
fn the_form_in_dutch_says_opgeslagen_and_keeps_a_dutch_note() {
    let db = demo_db(&[]);
    let ex = export(&db);
    let user = first_staff(&ex);
    let day0 = today();
    let kid = pick_kid(&ex, |k| {
        observations_on(&ex, k.id, &ymd(day0)).is_empty()
            && observations_on(&ex, k.id, &ymd(day0.succ_opt().unwrap())).is_empty()
    });
    let template = template_for_group(&ex, kid.group_id);
    let first = &arr(&template["sections"][0], "items")[0];
    let (item, text) = (s(first, "id"), head(s(&first["text"], "nl")));

    let mut t = open_tui_in(&db, "nl", &user);
    open_group(&mut t, &group_name(&ex, kid.group_id));
    select_child(&mut t, &kid);
    t.send("o");
    let title = format!(
        "{} · {} · Observator: {user}",
        kid.name,
        day0.format("%d-%m-%Y")
    );
    ok(t.wait_until("het observatieformulier", TIMEOUT, |s| {
        s.contains(&title)
            && s.contains("nog niets gemarkeerd")
            && detail(s).starts_with(&format!("niet gezien: {text}"))
    }));
    t.send(" ");
    ok(t.wait_until("soms, opgeslagen", TIMEOUT, |s| {
        s.contains("✓ opgeslagen ")
            && !s.contains("nog niets gemarkeerd")
            && detail(s).starts_with(&format!("soms: {text}"))
    }));
    t.send("n");
    t.expect("Notitie bij het item");
    t.send(NOTE);
    t.expect(NOTE);
    t.key("Enter");
    ok(t.wait_until("de notitie opgeslagen", TIMEOUT, |s| {
        !s.contains("Notitie bij het item") && detail(s).contains(&format!("Notitie: {NOTE}"))
    }));
    quit(&mut t);

    let ex = export(&db);
    let o = todays_observation(&ex, &kid, &[day0, today()], &user);
    let entry = mark_entry(&o, item).unwrap_or_else(|| panic!("{item} marked: {o:#}"));
    assert_eq!(s(entry, "mark"), "sometimes", "{entry}");
    assert_eq!(s(entry, "note"), NOTE, "{entry}");
    assert_eq!(marks(&o).len(), 1, "{o:#}");
}

// ---------------------------------------------------------------------------------------------
// 4. What changed
// ---------------------------------------------------------------------------------------------

/// The list line of a comparison row for an item.
fn change_line<'a>(screen: &'a str, item: &Item) -> Option<&'a str> {
    let text = head(&item.text);
    screen
        .lines()
        .find(|l| l.contains(&text) && l.contains(" → "))
}

fn has_change(screen: &str, item: &Item, change: &str, kind: &str) -> bool {
    change_line(screen, item).is_some_and(|l| l.contains(change) && l.contains(kind))
}

/// Waits for the comparison titled `title` with these rows: (item, change, kind of change).
fn expect_changes(t: &mut Tui, title: &str, rows: &[(&Item, &str, &str)]) -> String {
    let what = rows
        .iter()
        .map(|(item, change, kind)| format!("{:?}: {change:?} {kind:?}", item.id))
        .collect::<Vec<_>>()
        .join(", ");
    ok(
        t.wait_until(&format!("{title:?} with {what}"), TIMEOUT, |s| {
            s.contains(title)
                && rows
                    .iter()
                    .all(|(item, change, kind)| has_change(s, item, change, kind))
        }),
    )
}

#[test]
fn what_changed_between_the_demo_observations() {
    let db = demo_db(&[]);
    let ex = export(&db);
    let user = first_staff(&ex);

    // A child whose two latest observations with the same form have an item that went from
    // sometimes to often and one that is no longer seen.
    let all = kids(&ex);
    let found = all
        .iter()
        .filter(|k| uniquely_named(&all, k))
        .find_map(|k| {
            let obs = observations_of(&ex, k.id);
            let latest = obs.last()?;
            let previous = obs
                .iter()
                .rev()
                .skip(1)
                .find(|o| o["template"] == latest["template"])?;
            let (was, now) = (marks(previous), marks(latest));
            let up = was
                .iter()
                .find(|(i, m)| *m == "sometimes" && now.get(*i).is_some_and(|n| n == "often"))?;
            let gone = was.keys().find(|i| !now.contains_key(*i))?;
            Some((
                k.clone(),
                previous.clone(),
                latest.clone(),
                up.0.clone(),
                gone.clone(),
            ))
        });
    let Some((kid, previous, latest, up, gone)) = found else {
        panic!("the demo has a child with a mark sometimes -> often and one no longer seen");
    };
    let items = form_items(template_by_id(&ex, s(&latest, "template")));
    let item = |id: &str| items.iter().find(|i| i.id == id).unwrap().clone();
    let appeared: Vec<Item> = marks(&latest)
        .keys()
        .filter(|i| !marks(&previous).contains_key(*i))
        .map(|i| item(i))
        .collect();
    let title = format!(
        "{} · What changed: {} → {}",
        kid.name,
        s(&previous, "date"),
        s(&latest, "date")
    );

    let mut t = open_tui(&db, &user);
    open_group(&mut t, &group_name(&ex, kid.group_id));
    select_child(&mut t, &kid);

    // From the children list.
    t.send("w");
    let (up, gone) = (item(&up), item(&gone));
    let mut want = vec![
        (&up, "sometimes → often", "changed"),
        (&gone, "→ not seen", "no longer seen"),
    ];
    if let Some(new) = appeared.first() {
        want.push((new, "not seen → ", "new"));
    }
    let screen = expect_changes(&mut t, &title, &want);
    // Items with the same mark both times are not listed.
    let (was, now) = (marks(&previous), marks(&latest));
    if let Some((same, _)) = was.iter().find(|(i, m)| now.get(*i) == Some(*m)) {
        assert!(
            change_line(&screen, &item(same)).is_none(),
            "{same:?} did not change:\n{}",
            framed(&screen)
        );
    }
    t.key("Esc");
    ok(t.wait_until("back on the children list", TIMEOUT, |s| {
        !s.contains("What changed") && child_row(s, &kid.name).is_some()
    }));

    // From the child screen.
    t.key("Enter");
    ok(t.wait_until("the child screen", TIMEOUT, |s| {
        s.contains(&format!("› {}", kid.name))
    }));
    t.send("w");
    expect_changes(&mut t, &title, &want);
    quit(&mut t);
}

#[test]
fn what_changed_after_marking_today_on_the_form() {
    let db = demo_db(&[]);
    let ex = export(&db);
    let user = first_staff(&ex);
    let day0 = today();

    // A child whose latest observation (before today) has a "sometimes" mark and another mark.
    let all = kids(&ex);
    let found = all
        .iter()
        .filter(|k| uniquely_named(&all, k))
        .find_map(|k| {
            let latest = observations_of(&ex, k.id).pop()?;
            if s(&latest, "date") >= ymd(day0).as_str() {
                return None;
            }
            let m = marks(&latest);
            let sometimes = m.iter().find(|(_, m)| *m == "sometimes")?.0.clone();
            let other = m.keys().find(|i| **i != sometimes)?.clone();
            Some((k.clone(), latest, sometimes, other))
        });
    let Some((kid, latest, sometimes, other)) = found else {
        panic!("the demo has an observed child with a mark \"sometimes\" and another mark");
    };
    let items = form_items(template_by_id(&ex, s(&latest, "template")));
    assert_eq!(
        s(template_for_group(&ex, kid.group_id), "id"),
        s(&latest, "template"),
        "the child's latest observation uses the group's form"
    );
    let row = items.iter().position(|i| i.id == sometimes).unwrap();

    // `o` on the child screen this time.
    let mut t = open_tui(&db, &user);
    open_group(&mut t, &group_name(&ex, kid.group_id));
    select_child(&mut t, &kid);
    t.key("Enter");
    ok(t.wait_until("the child screen", TIMEOUT, |s| {
        s.contains(&format!("› {}", kid.name))
    }));
    open_form(&mut t, &kid, &user);
    move_to(&mut t, &items, 0, row, false);
    mark(&mut t, &items[row], "sometimes");
    mark(&mut t, &items[row], "often");

    t.send("w");
    let other = items.iter().find(|i| i.id == other).unwrap();
    let title = format!("{} · What changed: {} → ", kid.name, s(&latest, "date"));
    let screen = expect_changes(
        &mut t,
        &title,
        &[
            (&items[row], "sometimes → often", "changed"),
            (other, "→ not seen", "no longer seen"),
        ],
    );
    let day1 = today();
    assert!(
        [day0, day1]
            .iter()
            .any(|d| screen.contains(&format!("{title}{}", ymd(*d)))),
        "compared with today's observation:\n{}",
        framed(&screen)
    );

    // Esc goes back to the form, which still shows the mark.
    t.key("Esc");
    ok(t.wait_until("back on the form", TIMEOUT, |s| {
        s.contains("Observer:") && shows(s, &items[row], "often")
    }));
    quit(&mut t);

    let ex = export(&db);
    let o = todays_observation(&ex, &kid, &[day0, day1], &user);
    let want: BTreeMap<String, String> = [(sometimes.clone(), "often".to_string())].into();
    assert_eq!(marks(&o), want, "{o:#}");
}

// ---------------------------------------------------------------------------------------------
// 5. The Observed column of the children list
// ---------------------------------------------------------------------------------------------

#[test]
fn never_observed_child_shows_today_after_one_mark() {
    let db = demo_db(&["--observations-per-child", "0"]);
    let ex = export(&db);
    assert!(
        arr(&ex, "observations").is_empty(),
        "--observations-per-child 0 makes none"
    );
    let user = first_staff(&ex);
    let all = kids(&ex);
    let kid = pick_kid(&ex, |_| true);
    let other = all
        .iter()
        .find(|k| k.group_id == kid.group_id && k.id != kid.id && uniquely_named(&all, k))
        .expect("a second child in the group")
        .clone();
    // The export lists every form, observed with or not.
    let template = template_for_kind(&ex, s(group(&ex, kid.group_id), "kind"));
    let items = form_items(template);

    let mut t = open_tui(&db, &user);
    open_group(&mut t, &group_name(&ex, kid.group_id));
    let members: Vec<&Kid> = all.iter().filter(|k| k.group_id == kid.group_id).collect();
    ok(
        t.wait_until("every child of the group never observed", TIMEOUT, |s| {
            s.contains("Observed")
                && s.contains("Often")
                && members
                    .iter()
                    .all(|k| child_row(s, &k.name).is_some_and(|l| l.contains("! never")))
        }),
    );

    // `w` on a child never observed says so.
    select_child(&mut t, &other);
    t.send("w");
    t.expect("has not been observed yet");
    // A form opened and closed without a mark writes nothing.
    open_form(&mut t, &other, &user);
    t.expect("nothing marked yet");
    t.key("Esc");
    ok(
        t.wait_until("back on the list, still never observed", TIMEOUT, |s| {
            !s.contains("Observer:")
                && child_row(s, &other.name).is_some_and(|l| l.contains("! never"))
        }),
    );

    // One mark on the other child.
    t.key("Esc");
    ok(t.wait_until("the filter cleared", TIMEOUT, |s| {
        filter_line(s).is_none() && child_row(s, &kid.name).is_some()
    }));
    select_child(&mut t, &kid);
    ok(t.wait_until("the child never observed", TIMEOUT, |s| {
        child_row(s, &kid.name).is_some_and(|l| l.contains("! never"))
    }));
    open_form(&mut t, &kid, &user);
    mark(&mut t, &items[0], "sometimes");
    t.key("Esc");
    let day0 = today();
    let screen = ok(
        t.wait_until("today's date in the child's row", TIMEOUT, |s| {
            child_row(s, &kid.name).is_some_and(|l| {
                l.contains(&ymd(day0)) || l.contains(&ymd(day0.succ_opt().unwrap()))
            })
        }),
    );
    let line = child_row(&screen, &kid.name).unwrap();
    assert!(
        !line.contains('!'),
        "observed today stands out no more: {line:?}"
    );

    // With one observation there is nothing to compare yet.
    t.send("w");
    t.expect("only one observation");
    quit(&mut t);

    let ex = export(&db);
    let obs = arr(&ex, "observations");
    assert_eq!(
        obs.len(),
        1,
        "only the marked form was written, not the one opened and closed: {obs:#?}"
    );
    assert_eq!(obs[0]["child_id"].as_u64(), Some(kid.id));
    assert_eq!(
        marks(&obs[0]).get(&items[0].id).map(String::as_str),
        Some("sometimes")
    );
    assert_eq!(obs[0]["template"], template["id"]);
    assert!(
        arr(&ex, "form_templates")
            .iter()
            .any(|t| t["id"] == template["id"]),
        "the form the observation uses is in the export"
    );
}

/// What the Observed column of a child should say.
#[derive(Debug)]
enum Observed {
    Never,
    /// How many whole weeks ago the latest observation was (more than 8 weeks: 56 days).
    Stale(i64),
    Recent(String),
}

#[test]
fn observed_column_flags_children_not_observed_for_8_weeks() {
    let db = demo_db(&[]);
    let ex = export(&db);
    let user = first_staff(&ex);
    let day = today();
    let all = kids(&ex);
    // Every group of the demo, each child's row against the export.
    let mut checked = (0, 0, 0);
    for g in arr(&ex, "groups").iter().filter(|g| g["archived"] != true) {
        let name = s(g, "name").to_string();
        let mut t = open_tui(&db, &user);
        open_group(&mut t, &name);
        let members: Vec<&Kid> = all.iter().filter(|k| k.group_id == id(g)).collect();
        // What each child's Observed column should say, from the export.
        let want: Vec<(&Kid, Observed)> = members
            .into_iter()
            .map(|k| {
                let want = match observations_of(&ex, k.id).last() {
                    None => Observed::Never,
                    Some(o) => {
                        let date = NaiveDate::parse_from_str(s(o, "date"), "%Y-%m-%d").unwrap();
                        if (day - date).num_days() > 56 {
                            Observed::Stale((day - date).num_weeks())
                        } else {
                            Observed::Recent(s(o, "date").to_string())
                        }
                    }
                };
                (k, want)
            })
            .collect();
        for (_, w) in &want {
            match w {
                Observed::Never => checked.0 += 1,
                Observed::Stale(..) => checked.1 += 1,
                Observed::Recent(_) => checked.2 += 1,
            }
        }
        let what = want
            .iter()
            .map(|(k, w)| format!("{}: {w:?}", k.name))
            .collect::<Vec<_>>()
            .join("; ");
        ok(
            t.wait_until(&format!("the Observed column: {what}"), TIMEOUT, |s| {
                want.iter().all(|(k, w)| {
                    child_row(s, &k.name).is_some_and(|l| match w {
                        Observed::Never => l.contains("! never"),
                        // How long ago, in weeks; the date itself is on the child's screen.
                        Observed::Stale(weeks) => l.contains(&format!("! {weeks} wk")),
                        // (A "!" further on the row may be the step plan's.)
                        Observed::Recent(date) => {
                            l.contains(date.as_str())
                                && !l.contains("! never")
                                && !l.contains(" wk")
                        }
                    })
                })
            }),
        );
        quit(&mut t);
    }
    assert!(
        checked.0 > 0 && checked.1 > 0 && checked.2 > 0,
        "the demo has children never observed, not for 8 weeks and recently: {checked:?}"
    );
}
