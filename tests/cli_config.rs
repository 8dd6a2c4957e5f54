//! The config file, through the real binary: `signaal config check FILE` on the fixtures in
//! tests/fixtures/config, a bad file refused before the database is touched, where the file is
//! looked for, what beats it, and `lock_after` from a file really locking the screen.

mod common {
    pub mod cli;
    pub mod demo;
    pub mod pty;
    pub mod screens;
}

use std::path::{Path, PathBuf};

use common::cli::{fails, ok, run, run_fails, run_with_env, Db};
use common::demo::fresh_demo;
use common::screens::{idle_until_locked, quit};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/config")
        .join(name)
}

fn text(path: &Path) -> String {
    path.to_str().expect("a UTF-8 path").to_string()
}

/// The stderr of a check of the fixture `name` that must fail, with every line in `expected`
/// (each `LINE: message`, after the file's path) in it, in order.
fn refused(name: &str, expected: &[&str]) {
    let file = text(&fixture(name));
    let err = fails(&run(&["config", "check", &file]), 1);
    let wanted: Vec<String> = expected.iter().map(|e| format!("{file}:{e}")).collect();
    let got: Vec<&str> = err
        .lines()
        .map(|line| line.strip_prefix("signaal: ").unwrap_or(line))
        .collect();
    assert_eq!(got.len(), wanted.len(), "{name}: {err}");
    for (got, wanted) in got.iter().zip(&wanted) {
        assert!(
            got.starts_with(wanted.as_str()),
            "{name}: {got:?} for {wanted:?}"
        );
    }
}

/// The stderr of `signaal ARGS`, which must fail with exit code 1.
fn stderr_of_failure(args: &[&str]) -> String {
    fails(&run_fails(args), 1)
}

#[test]
fn the_valid_fixture_passes_the_check() {
    let file = text(&fixture("valid.toml"));
    assert_eq!(
        ok(&run(&["config", "check", &file])),
        format!("{file}: ok\n")
    );
}

#[test]
fn each_bad_fixture_is_refused_with_every_problem_on_its_line() {
    refused("syntax_error.toml", &["2: invalid TOML: "]);
    refused(
        "unknown_key.toml",
        &[
            "3: unknown key \"lock-after\" (known: lock_after, lang, keymap, observe_weeks, db, \
           backup_dir, backup_after, quit_confirm, retention_years, reports_dir)",
        ],
    );
    refused(
        "wrong_type.toml",
        &[
            "1: lock_after must be a whole number of seconds, 0 for never, not \"five minutes\"",
            "2: observe_weeks must be a whole number of weeks from 1 to 104, not a decimal number",
        ],
    );
    refused(
        "out_of_range.toml",
        &[
            "2: lock_after must be a whole number of seconds, 0 for never, not -1",
            "3: lang must be \"nl\" or \"en\", not \"fr\"",
            "4: observe_weeks must be a whole number of weeks from 1 to 104, not 200",
        ],
    );
}

#[test]
fn a_retention_term_of_no_years_is_refused_on_its_line() {
    refused(
        "bad_retention.toml",
        &["3: retention_years must be a whole number of years from 1 to 30, not 0"],
    );
}

#[test]
fn the_check_looks_for_the_keymap_the_file_names_next_to_it() {
    let file = fixture("missing_keymap.toml");
    let err = fails(&run(&["config", "check", &text(&file)]), 1);
    let keymap = fixture("no-such-keymap.toml");
    assert!(
        err.contains(&format!(
            "no keymap preset or file called {}",
            keymap.display()
        )),
        "{err}"
    );
}

#[test]
fn a_bad_config_file_is_refused_before_the_database_is_touched() {
    let bad = text(&fixture("out_of_range.toml"));
    let db = Db::empty();
    for args in [
        vec!["--config", &bad, "--db", db.path()],
        vec!["--config", &bad, "demo", "--db", db.path()],
        vec!["--config", &bad, "export", "--db", db.path()],
    ] {
        let err = stderr_of_failure(&args);
        assert!(err.contains(&format!("{bad}:3: lang must be")), "{err}");
        assert!(!db.exists(), "{args:?} made a database");
    }
    let err = fails(
        &run_with_env(&["demo", "--db", db.path()], &[("SIGNAAL_CONFIG", &bad)]),
        1,
    );
    assert!(err.contains(&format!("{bad}:2: lock_after")), "{err}");
    assert!(!db.exists());
}

#[test]
fn a_config_file_that_is_named_must_exist() {
    let db = Db::empty();
    let missing = db.file("config.toml");
    let missing = text(&missing);
    let expected = format!("signaal: {missing}: there is no such config file\n");
    assert_eq!(
        stderr_of_failure(&["--config", &missing, "export", "--db", db.path()]),
        expected
    );
    let from_env = run_with_env(
        &["export", "--db", db.path()],
        &[("SIGNAAL_CONFIG", &missing)],
    );
    assert_eq!(fails(&from_env, 1), expected);
}

/// The default config file: `config.toml` in the platform config directory, which on Linux is
/// `$XDG_CONFIG_HOME/signaal`.
#[cfg(target_os = "linux")]
#[test]
fn the_default_file_is_read_and_options_and_signaal_db_beat_it() {
    let home = Db::empty();
    let folder = home.dir().join("signaal");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("config.toml"), "db = \"data\"\n").unwrap();
    let config_home = text(home.dir());
    let env = [("XDG_CONFIG_HOME", config_home.as_str())];

    // `db` from the file, relative to its folder.
    ok(&run_with_env(&["demo", "--groups", "1"], &env));
    assert!(folder.join("data").is_dir());
    let export = ok(&run_with_env(&["export"], &env));
    assert!(export.contains("\"children\""));

    // SIGNAAL_DB and --db come before the file.
    let other = text(&home.file("other"));
    let with_db = [env[0], ("SIGNAAL_DB", other.as_str())];
    let err = fails(&run_with_env(&["export"], &with_db), 1);
    assert!(
        err.contains(&format!("there is no database at {other}")),
        "{err}"
    );
    let err = fails(&run_with_env(&["export", "--db", &other], &env), 1);
    assert!(
        err.contains(&format!("there is no database at {other}")),
        "{err}"
    );

    // A broken default file stops the commands that use a setting, not the checks of a file.
    std::fs::write(folder.join("config.toml"), "db = 1\n").unwrap();
    let err = fails(&run_with_env(&["export"], &env), 1);
    let file = folder.join("config.toml");
    assert!(
        err.contains(&format!("{}:1: db must be", file.display())),
        "{err}"
    );
    let fixed = text(&fixture("valid.toml"));
    ok(&run_with_env(&["config", "check", &fixed], &env));
}

#[test]
fn lock_after_from_a_config_file_locks_the_screen() {
    let (db, ex, user) = fresh_demo(&[]);
    let config = db.file("config.toml");
    std::fs::write(&config, "lock_after = 2\nlang = \"en\"\n").unwrap();
    let config = text(&config);
    let args = ["--config", &config, "--db", db.path(), "--user", &user];
    // After the 2 seconds of the file the screen is locked (the wait allows 10; without the file
    // it would take 300).
    let (mut t, _, names) = idle_until_locked(&args, &ex);
    t.send(&user);
    t.key("Enter");
    t.expect(&names[0]);
    quit(&mut t);
}
