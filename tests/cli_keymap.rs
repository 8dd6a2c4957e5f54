//! `signaal keymap check FILE` through the real binary on keymap files that are not valid TOML:
//! each is refused with one problem, on the line (and with the column) where the TOML parser
//! stops, in words.

mod common {
    pub mod cli;
}

use common::cli::{fails, run};
use tempfile::TempDir;

/// The one line of stderr of `signaal keymap check` on a file holding `text`, which must be
/// refused with exit code 1, without the `signaal: FILE:` before the line number.
fn refused(text: &str) -> String {
    let dir = TempDir::new().expect("a temp dir");
    let file = dir.path().join("keys.toml");
    std::fs::write(&file, text).expect("the keymap file is written");
    let file = file.to_str().expect("a UTF-8 path");
    let err = fails(&run(&["keymap", "check", file]), 1);
    assert_eq!(err.lines().count(), 1, "one problem: {err}");
    let prefix = format!("signaal: {file}:");
    err.trim_end()
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{err:?} starts with {prefix:?}"))
        .to_string()
}

#[test]
fn a_missing_comma_is_reported_on_its_line_and_column() {
    let problem = refused(
        "[global]\n\
         keymap = [\n  \
           { on = [\"q\"], run = \"quit\", desc = \"Quit\" },\n  \
           { on = [\"?\"], run = \"help\" desc = \"Show the keys\" },\n\
         ]\n",
    );
    assert_eq!(
        problem,
        "4: invalid TOML: missing comma between key-value pairs, expected `,` (column 30)"
    );
}

#[test]
fn a_key_given_twice_is_reported_on_the_second() {
    let problem = refused(
        "[global]\n\
         keymap = [\n  \
           { on = [\"q\"], run = \"quit\", desc = \"Quit\" },\n\
         ]\n\
         \n\
         [list]\n\
         keymap = [\n  \
           { on = [\"k\"], run = \"up\", run = \"down\" },\n\
         ]\n",
    );
    assert_eq!(
        problem,
        "8: invalid TOML: duplicate key (column 29, at `run`)"
    );
}

#[test]
fn a_section_given_twice_is_reported_on_the_second() {
    let problem = refused(
        "[global]\n\
         keymap = []\n\
         \n\
         # the same section again, further down\n\
         [global]\n\
         keymap = []\n",
    );
    assert_eq!(
        problem,
        "5: invalid TOML: duplicate key (column 2, at `global`)"
    );
}

#[test]
fn a_bad_escape_after_a_non_ascii_letter_counts_columns_in_characters() {
    // "Ça" is two characters but three bytes: the column counts characters, as an editor does.
    let problem = refused(
        "[global]\nkeymap = [\n  { on = [\"q\"], run = \"quit\", desc = \"Ça \\q\" },\n]\n",
    );
    assert!(
        problem.starts_with("3: invalid TOML: missing escaped value, expected "),
        "{problem}"
    );
    let column = "  { on = [\"q\"], run = \"quit\", desc = \"Ça \\"
        .chars()
        .count()
        + 1;
    assert!(
        problem.ends_with(&format!("(column {column})")),
        "{problem}"
    );
}
