//! The config file: the settings someone would otherwise type on every start.
//!
//! `config.toml` in the platform config directory (`~/.config/signaal/config.toml` on Linux), or
//! the file `--config` or `SIGNAAL_CONFIG` names. Its keys are `lock_after`, `lang`, `keymap`,
//! `observe_weeks`, `db`, `backup_dir` and `backup_after`, each the same as the option of that
//! name, `quit_confirm` (whether `q` asks "Stop signaal?" first), `retention_years` (years
//! after archiving before a child's data is past the retention term) and `reports_dir` (where
//! `R` in the TUI writes reports; default `reports` beside the database); relative paths in it are
//! taken from the file's folder. [`layer`] decides every setting from the command line, the
//! environment, the file and the built-in defaults.
//!
//! The file is read and checked whole before anything else happens: a mistake in it is reported
//! with its line (`FILE:LINE: message`), and the database is not touched.

pub mod defaults;
mod parse;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::time::Duration;

use directories::ProjectDirs;

use crate::cli::Cli;
use crate::i18n::Lang;
use crate::problem::{FileProblems, Problem};
use defaults::{BACKUP_AFTER_SECONDS, LOCK_AFTER_SECONDS, OBSERVE_WEEKS, RETENTION_YEARS};

/// Every problem of one config file, for stderr as is.
pub type ConfigError = FileProblems;

/// What a config file says; a key it does not have is `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub lock_after: Option<u64>,
    pub lang: Option<Lang>,
    /// A preset name, or a keymap file (made absolute against the config file's folder).
    pub keymap: Option<String>,
    pub observe_weeks: Option<u32>,
    /// The database directory (made absolute against the config file's folder).
    pub db: Option<PathBuf>,
    /// The backup directory (made absolute against the config file's folder).
    pub backup_dir: Option<PathBuf>,
    /// Seconds after a change within which a backup is made; 0: no automatic backups.
    pub backup_after: Option<u64>,
    /// Whether `quit` asks "Stop signaal?" before it stops.
    pub quit_confirm: Option<bool>,
    /// Years after archiving before a child's data is past the retention term.
    pub retention_years: Option<u32>,
    /// Where `R` in the TUI writes reports (made absolute against the config file's folder).
    pub reports_dir: Option<PathBuf>,
}

/// What signaal runs with, every setting decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// `None`: the platform data directory.
    pub db: Option<PathBuf>,
    pub lang: Lang,
    /// `None`: the default keymap.
    pub keymap: Option<String>,
    /// Zero: never.
    pub lock_after: Duration,
    pub observe_weeks: u32,
    /// `None`: `D.backups` beside the database directory `D` (see [`crate::backup::dir_for`]).
    pub backup_dir: Option<PathBuf>,
    /// Zero: no automatic backups.
    pub backup_after: Duration,
    /// Whether `quit` asks first (default: yes; the config file only).
    pub quit_confirm: bool,
    /// Years after archiving before a child's data is past the retention term (default 2; the
    /// config file only).
    pub retention_years: u32,
    /// `None`: `reports` beside the database directory (see [`crate::report::files::dir_for`];
    /// the config file only).
    pub reports_dir: Option<PathBuf>,
}

/// Where signaal keeps its things by default: the data directory holds the database, the config
/// directory the config file. `None` when there is no home directory.
pub fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("nl", "signaal", "signaal")
}

/// The config file read when none is named.
pub fn default_path() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.config_dir().join("config.toml"))
}

/// The config file `given` (`--config`, else `SIGNAAL_CONFIG`; clap reads both), which must
/// exist; without one the default file, which may be missing (then every key is left out).
pub fn load(given: Option<&Path>) -> Result<Config, ConfigError> {
    match (given, default_path()) {
        (Some(path), _) => read_file(path),
        (None, Some(path)) => match std::fs::read_to_string(&path) {
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            read => checked(&path, read),
        },
        (None, None) => Ok(Config::default()),
    }
}

/// Reads and checks one config file (`signaal config check FILE`).
pub fn read_file(path: &Path) -> Result<Config, ConfigError> {
    checked(path, std::fs::read_to_string(path))
}

fn checked(path: &Path, read: std::io::Result<String>) -> Result<Config, ConfigError> {
    let name = path.display().to_string();
    let text = read.map_err(|err| {
        let message = match err.kind() {
            std::io::ErrorKind::NotFound => "there is no such config file".to_string(),
            _ => format!("cannot read the config file: {err}"),
        };
        FileProblems::new(&name, vec![Problem { line: 0, message }])
    })?;
    let folder = path.parent().unwrap_or(Path::new(""));
    let (config, problems) = parse::parse(&text, folder);
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(FileProblems::new(name, problems))
    }
}

/// Every setting from the strongest source that has it: the command line, then the environment,
/// then the config file, then the built-in default. clap has already put `SIGNAAL_DB` in `--db`
/// (and `SIGNAAL_BACKUP_DIR` in `--backup-dir`) when the option is not given. `locale` is `LANG`: it picks the language only when neither
/// `--lang` nor the config file does, because it is set on nearly every system and would
/// otherwise make `lang` in the config file useless.
pub fn layer(cli: &Cli, file: Config, locale: Option<&str>) -> Settings {
    Settings {
        db: cli.db.db.clone().or(file.db),
        lang: cli
            .lang
            .map(Lang::from)
            .or(file.lang)
            .unwrap_or_else(|| Lang::from_env_value(locale)),
        keymap: cli.keymap.clone().or(file.keymap),
        lock_after: Duration::from_secs(
            cli.lock_after
                .or(file.lock_after)
                .unwrap_or(LOCK_AFTER_SECONDS),
        ),
        observe_weeks: cli
            .observe_weeks
            .or(file.observe_weeks)
            .unwrap_or(OBSERVE_WEEKS),
        backup_dir: cli.backup_dir.clone().or(file.backup_dir),
        backup_after: Duration::from_secs(
            cli.backup_after
                .or(file.backup_after)
                .unwrap_or(BACKUP_AFTER_SECONDS),
        ),
        quit_confirm: file.quit_confirm.unwrap_or(true),
        retention_years: file.retention_years.unwrap_or(RETENTION_YEARS),
        reports_dir: file.reports_dir,
    }
}
