//! Runs `signaal::keymap::check_file` (what `signaal keymap check FILE` does) on the fixtures in
//! tests/fixtures/keymaps and checks the lines and messages it reports.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use signaal::app::action::Action;
use signaal::keymap::{check_file, Context, KeymapError};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/keymaps")
        .join(name)
}

fn fails(name: &str) -> KeymapError {
    match check_file(&fixture(name)) {
        Ok(_) => panic!("{name} should not pass the check"),
        Err(err) => err,
    }
}

fn lines(err: &KeymapError) -> Vec<usize> {
    err.problems().iter().map(|p| p.line).collect()
}

fn ch(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn valid_override_passes_and_changes_only_what_it_names() {
    let map = check_file(&fixture("valid_override.toml")).unwrap_or_else(|err| panic!("{err}"));
    let global = &[Context::Global];
    let list = &[Context::List, Context::Global];
    assert_eq!(map.action(global, ch('x')), Some(Action::Quit));
    assert_eq!(
        map.action(
            global,
            KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL)
        ),
        Some(Action::Quit)
    );
    assert_eq!(map.action(global, ch('q')), None);
    assert_eq!(map.action(list, ch(' ')), Some(Action::Open));
    assert_eq!(
        map.action(list, KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        None,
        "open now has only Space"
    );
    assert_eq!(
        map.action(
            list,
            KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL)
        ),
        Some(Action::PageDown)
    );
    // Not named by the file: still the default.
    assert_eq!(map.action(list, ch('j')), Some(Action::Down));
    assert_eq!(map.action(list, ch('/')), Some(Action::Filter));
    assert_eq!(map.action(global, ch('?')), Some(Action::Help));
    assert_eq!(map.bindings(Context::Global)[0].desc, "Leave signaal");
    assert_eq!(
        map.first_key_label(list, Action::Quit).as_deref(),
        Some("x")
    );
}

#[test]
fn unknown_action_is_reported_on_line_3() {
    let err = fails("unknown_action_line3.toml");
    assert_eq!(lines(&err), vec![3], "{err}");
    assert!(err.problems()[0]
        .message
        .starts_with("unknown action \"frobnicate\" (known: quit, help,"));
    let shown = err.to_string();
    assert!(
        shown.starts_with(&format!(
            "{}:3: unknown action \"frobnicate\"",
            fixture("unknown_action_line3.toml").display()
        )),
        "{shown}"
    );
}

#[test]
fn conflict_names_both_actions_and_both_lines() {
    let err = fails("conflict.toml");
    assert_eq!(lines(&err), vec![6], "{err}");
    let message = &err.problems()[0].message;
    assert!(message.contains("key k"), "{message}");
    assert!(message.contains("\"up\" (line 4)"), "{message}");
    assert!(message.contains("\"page_down\" (line 6)"), "{message}");
    assert!(message.contains("[list]"), "{message}");
}

#[test]
fn bad_key_is_reported_on_its_line() {
    let err = fails("bad_key.toml");
    assert_eq!(lines(&err), vec![4], "{err}");
    assert!(err.problems()[0]
        .message
        .starts_with("unknown key \"ArrowDown\""));
}

#[test]
fn syntax_error_is_reported_on_its_line() {
    let err = fails("syntax_error.toml");
    assert_eq!(lines(&err), vec![4], "{err}");
    assert!(err.problems()[0].message.starts_with("invalid TOML"));
    assert_eq!(err.to_string().lines().count(), 1);
}

#[test]
fn the_fixtures_exist() {
    for name in [
        "bad_key.toml",
        "conflict.toml",
        "syntax_error.toml",
        "unknown_action_line3.toml",
        "valid_override.toml",
    ] {
        assert!(fixture(name).is_file(), "missing fixture {name}");
    }
}

#[test]
fn missing_file_is_one_clear_sentence() {
    let err = fails("no_such_file.toml");
    assert_eq!(lines(&err), vec![0]);
    assert!(err.to_string().starts_with(&format!(
        "cannot read {}: ",
        fixture("no_such_file.toml").display()
    )));
}
