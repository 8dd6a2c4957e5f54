use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Parser;

use super::*;

/// The config of `text`, read as if the file were in /etc/signaal.
fn config(text: &str) -> Config {
    let (config, problems) = parse::parse(text, Path::new("/etc/signaal"));
    assert_eq!(problems, vec![], "{text}");
    config
}

/// The problems of `text`, as (line, message).
fn problems(text: &str) -> Vec<(usize, String)> {
    let (_, problems) = parse::parse(text, Path::new("/etc/signaal"));
    assert!(!problems.is_empty(), "{text} should have problems");
    problems.into_iter().map(|p| (p.line, p.message)).collect()
}

/// The command line `args`, without whatever `SIGNAAL_DB` or `SIGNAAL_BACKUP_DIR` the
/// environment of the test has.
fn cli(args: &[&str]) -> Cli {
    let mut cli = Cli::try_parse_from(std::iter::once("signaal").chain(args.iter().copied()))
        .unwrap_or_else(|err| panic!("{err}"));
    if !args.contains(&"--db") {
        cli.db.db = None;
    }
    if !args.contains(&"--backup-dir") {
        cli.backup_dir = None;
    }
    cli
}

fn full() -> Config {
    config(
        "lock_after = 60\nlang = \"nl\"\nkeymap = \"mine.toml\"\nobserve_weeks = 12\n\
         db = \"data\"\nbackup_dir = \"usb\"\nbackup_after = 30\nquit_confirm = false\n\
         retention_years = 7\n\
         reports_dir = \"verslagen\"\n",
    )
}

#[test]
fn every_key_is_read_and_relative_paths_are_the_files_folder() {
    assert_eq!(
        full(),
        Config {
            lock_after: Some(60),
            lang: Some(Lang::Nl),
            keymap: Some("/etc/signaal/mine.toml".into()),
            observe_weeks: Some(12),
            db: Some(PathBuf::from("/etc/signaal/data")),
            backup_dir: Some(PathBuf::from("/etc/signaal/usb")),
            backup_after: Some(30),
            quit_confirm: Some(false),
            retention_years: Some(7),
            reports_dir: Some(PathBuf::from("/etc/signaal/verslagen")),
        }
    );
    let absolute = config("keymap = \"/home/x/keys.toml\"\ndb = \"/srv/db\"\nlock_after = 0\n");
    assert_eq!(absolute.keymap.as_deref(), Some("/home/x/keys.toml"));
    assert_eq!(absolute.db, Some(PathBuf::from("/srv/db")));
    assert_eq!(absolute.lock_after, Some(0), "0 is never, not a mistake");
    assert_eq!(config("keymap = \"vim\"").keymap.as_deref(), Some("vim"));
    assert_eq!(config("# nothing set\n"), Config::default());
}

#[test]
fn without_a_file_or_options_the_built_in_defaults_and_lang_count() {
    let settings = layer(&cli(&[]), Config::default(), Some("nl_NL.UTF-8"));
    assert_eq!(
        settings,
        Settings {
            db: None,
            lang: Lang::Nl,
            keymap: None,
            lock_after: Duration::from_secs(300),
            observe_weeks: 8,
            backup_dir: None,
            backup_after: Duration::from_secs(60),
            quit_confirm: true,
            retention_years: 2,
            reports_dir: None,
        }
    );
    assert_eq!(layer(&cli(&[]), Config::default(), None).lang, Lang::En);
}

#[test]
fn the_file_beats_the_defaults_and_lang() {
    let settings = layer(&cli(&[]), full(), Some("en_US.UTF-8"));
    assert_eq!(
        settings,
        Settings {
            db: Some(PathBuf::from("/etc/signaal/data")),
            lang: Lang::Nl,
            keymap: Some("/etc/signaal/mine.toml".into()),
            lock_after: Duration::from_secs(60),
            observe_weeks: 12,
            backup_dir: Some(PathBuf::from("/etc/signaal/usb")),
            backup_after: Duration::from_secs(30),
            quit_confirm: false,
            retention_years: 7,
            reports_dir: Some(PathBuf::from("/etc/signaal/verslagen")),
        }
    );
}

#[test]
fn options_beat_the_file() {
    let args = [
        "--db",
        "/tmp/other",
        "--lang",
        "en",
        "--keymap",
        "vim",
        "--lock-after",
        "0",
        "--observe-weeks",
        "4",
        "--backup-dir",
        "/media/stick",
        "--backup-after",
        "0",
    ];
    let settings = layer(&cli(&args), full(), Some("nl_NL.UTF-8"));
    assert_eq!(
        settings,
        Settings {
            db: Some(PathBuf::from("/tmp/other")),
            lang: Lang::En,
            keymap: Some("vim".into()),
            lock_after: Duration::ZERO,
            observe_weeks: 4,
            backup_dir: Some(PathBuf::from("/media/stick")),
            backup_after: Duration::ZERO,
            quit_confirm: false,
            retention_years: 7,
            reports_dir: Some(PathBuf::from("/etc/signaal/verslagen")),
        }
    );
}

#[test]
fn signaal_db_beats_the_file() {
    // clap puts SIGNAAL_DB where --db goes; what it read is all `layer` sees.
    let mut from_env = cli(&[]);
    from_env.db.db = Some(PathBuf::from("/from/env"));
    let settings = layer(&from_env, full(), None);
    assert_eq!(settings.db, Some(PathBuf::from("/from/env")));
}

#[test]
fn signaal_backup_dir_beats_the_file_and_the_option_beats_both() {
    // clap puts SIGNAAL_BACKUP_DIR where --backup-dir goes, as it does for SIGNAAL_DB.
    let mut from_env = cli(&[]);
    from_env.backup_dir = Some(PathBuf::from("/from/env"));
    assert_eq!(
        layer(&from_env, full(), None).backup_dir,
        Some(PathBuf::from("/from/env"))
    );
    let given = cli(&["--backup-dir", "/given"]);
    assert_eq!(
        layer(&given, full(), None).backup_dir,
        Some(PathBuf::from("/given"))
    );
    // Without any, `backup::dir_for` puts them beside the database.
    assert_eq!(layer(&cli(&[]), Config::default(), None).backup_dir, None);
}

#[test]
fn each_bad_value_is_reported_on_its_line() {
    let cases = [
        (
            "lock_after = -1",
            "lock_after must be a whole number of seconds, 0 for never, not -1",
        ),
        (
            "lock_after = \"5\"",
            "lock_after must be a whole number of seconds, 0 for never, not \"5\"",
        ),
        (
            "lock_after = 2.5",
            "lock_after must be a whole number of seconds, 0 for never, not a decimal number",
        ),
        ("lang = \"fr\"", "lang must be \"nl\" or \"en\", not \"fr\""),
        (
            "lang = true",
            "lang must be \"nl\" or \"en\", not a boolean",
        ),
        (
            "keymap = 3",
            "keymap must be a preset (default, vim) or a keymap file, not 3",
        ),
        (
            "keymap = \" \"",
            "keymap must be a preset (default, vim) or a keymap file, not \" \"",
        ),
        (
            "observe_weeks = 0",
            "observe_weeks must be a whole number of weeks from 1 to 104, not 0",
        ),
        (
            "observe_weeks = 105",
            "observe_weeks must be a whole number of weeks from 1 to 104, not 105",
        ),
        (
            "backup_after = -3",
            "backup_after must be a whole number of seconds from 0 (never) to 86400 (one day), \
             not -3",
        ),
        (
            "backup_after = 86401",
            "backup_after must be a whole number of seconds from 0 (never) to 86400 (one day), \
             not 86401",
        ),
        (
            "backup_after = 9223372036854775807",
            "backup_after must be a whole number of seconds from 0 (never) to 86400 (one day), \
             not 9223372036854775807",
        ),
        (
            "backup_dir = 7",
            "backup_dir must be the path of the backup directory, not 7",
        ),
        (
            "quit_confirm = \"no\"",
            "quit_confirm must be true or false, not \"no\"",
        ),
        (
            "quit_confirm = 0",
            "quit_confirm must be true or false, not 0",
        ),
        (
            "retention_years = 0",
            "retention_years must be a whole number of years from 1 to 30, not 0",
        ),
        (
            "retention_years = \"2\"",
            "retention_years must be a whole number of years from 1 to 30, not \"2\"",
        ),
        (
            "retention_years = 31",
            "retention_years must be a whole number of years from 1 to 30, not 31",
        ),
        (
            "db = []",
            "db must be the path of the database directory, not an array",
        ),
        (
            "colour = \"red\"",
            "unknown key \"colour\" (known: lock_after, lang, keymap, observe_weeks, db, \
             backup_dir, backup_after, quit_confirm, retention_years, reports_dir)",
        ),
        (
            "[lang]\nvalue = \"nl\"",
            "lang must be \"nl\" or \"en\", not a table",
        ),
    ];
    for (line, message) in cases {
        let text = format!("# signaal\n\n{line}\n");
        assert_eq!(problems(&text), vec![(3, message.to_string())], "{text}");
    }
}

#[test]
fn every_problem_of_a_file_is_reported_at_once() {
    let lines: Vec<usize> = problems("lang = \"fr\"\nlock_after = 10\nsize = 3\ndb = 1\n")
        .into_iter()
        .map(|(line, _)| line)
        .collect();
    assert_eq!(lines, vec![1, 3, 4]);
}

#[test]
fn a_syntax_error_is_one_problem_with_its_line() {
    let found = problems("lang = \"nl\"\nlock_after = \n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 2);
    assert!(found[0].1.starts_with("invalid TOML: "), "{found:?}");
    let twice = problems("lang = \"nl\"\nlang = \"en\"\n");
    assert_eq!(twice[0].0, 2, "{twice:?}");
}

#[test]
fn a_file_named_must_exist_and_its_problems_name_it() {
    let dir = tempfile::TempDir::new().unwrap();
    let missing = dir.path().join("config.toml");
    let err = load(Some(&missing)).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}: there is no such config file", missing.display())
    );

    std::fs::write(&missing, "lang = \"en\"\nlock_after = -5\n").unwrap();
    let err = read_file(&missing).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}:2: lock_after must be a whole number of seconds, 0 for never, not -5",
            missing.display()
        )
    );

    std::fs::write(&missing, "keymap = \"keys/mine.toml\"\n").unwrap();
    let read = load(Some(&missing)).unwrap();
    assert_eq!(
        read.keymap,
        Some(dir.path().join("keys/mine.toml").display().to_string())
    );
}

#[test]
fn the_help_tells_the_defaults_there_are() {
    use clap::CommandFactory;
    let help = Cli::command().render_long_help().to_string();
    assert!(
        help.contains(&format!("else {}", super::defaults::LOCK_AFTER_SECONDS)),
        "{help}"
    );
    assert!(
        help.contains(&format!("else {}", super::defaults::OBSERVE_WEEKS)),
        "{help}"
    );
    assert!(help.contains("SIGNAAL_CONFIG"), "{help}");
}
