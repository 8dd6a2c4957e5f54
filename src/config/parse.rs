//! Reading one config file, collecting every problem with its line.

use std::path::Path;

use clap::ValueEnum;

use super::defaults::{BACKUP_AFTER_MAX_SECONDS, OBSERVE_WEEKS_MAX, RETENTION_YEARS_MAX};
use super::Config;
use crate::cli::LangArg;
use crate::keymap::Keymap;
use crate::problem::{LineIndex, Problem};
use crate::toml_file;
use toml::de::DeValue;

/// The keys a config file may have, in the order the messages list them.
const KEYS: [&str; 10] = [
    "lock_after",
    "lang",
    "keymap",
    "observe_weeks",
    "db",
    "backup_dir",
    "backup_after",
    "quit_confirm",
    "retention_years",
    "reports_dir",
];

/// Reads a config file whose folder is `folder`. The config is only meant to be used when the
/// problem list is empty.
pub(super) fn parse(text: &str, folder: &Path) -> (Config, Vec<Problem>) {
    let lines = LineIndex::new(text);
    let mut config = Config::default();
    let mut problems = Vec::new();
    let entries = match toml_file::read(text, &lines) {
        Ok(entries) => entries,
        Err(problem) => return (config, vec![problem]),
    };
    for (key, value) in entries {
        let line = lines.line_of(&key);
        let value = value.into_inner();
        let checked = match key.get_ref().as_ref() {
            "lock_after" => seconds(&value, "lock_after").map(|v| config.lock_after = Some(v)),
            "backup_after" => backup_after(&value).map(|v| config.backup_after = Some(v)),
            "lang" => lang(&value).map(|v| config.lang = Some(v.into())),
            "keymap" => keymap(&value, folder).map(|v| config.keymap = Some(v)),
            "observe_weeks" => count(&value, "observe_weeks", "weeks", OBSERVE_WEEKS_MAX)
                .map(|v| config.observe_weeks = Some(v)),
            "quit_confirm" => yes_no(&value, "quit_confirm").map(|v| config.quit_confirm = Some(v)),
            "retention_years" => count(&value, "retention_years", "years", RETENTION_YEARS_MAX)
                .map(|v| config.retention_years = Some(v)),
            "db" => path(&value, "db", "the path of the database directory")
                .map(|v| config.db = Some(folder.join(v))),
            "backup_dir" => path(&value, "backup_dir", "the path of the backup directory")
                .map(|v| config.backup_dir = Some(folder.join(v))),
            "reports_dir" => path(&value, "reports_dir", "the path of the reports directory")
                .map(|v| config.reports_dir = Some(folder.join(v))),
            other => Err(format!(
                "unknown key \"{other}\" (known: {})",
                KEYS.join(", ")
            )),
        };
        if let Err(message) = checked {
            problems.push(Problem { line, message });
        }
    }
    (config, problems)
}

/// What a value is, for the messages: a string with its text, anything else by its kind.
fn shown(value: &DeValue) -> String {
    match value {
        DeValue::String(text) => format!("{text:?}"),
        DeValue::Integer(number) => number.to_string(),
        other => toml_file::kind(other).to_string(),
    }
}

/// Whole seconds, 0 meaning "never" (`key` names the setting in the message).
fn seconds(value: &DeValue, key: &str) -> Result<u64, String> {
    match value {
        DeValue::Integer(n) => toml_file::integer(n).and_then(|n| u64::try_from(n).ok()),
        _ => None,
    }
    .ok_or_else(|| {
        format!(
            "{key} must be a whole number of seconds, 0 for never, not {}",
            shown(value)
        )
    })
}

/// Whole seconds from 0 ("never") to [`BACKUP_AFTER_MAX_SECONDS`] (one day).
fn backup_after(value: &DeValue) -> Result<u64, String> {
    match value {
        DeValue::Integer(n) => toml_file::integer(n)
            .and_then(|n| u64::try_from(n).ok())
            .filter(|n| *n <= BACKUP_AFTER_MAX_SECONDS),
        _ => None,
    }
    .ok_or_else(|| {
        format!(
            "backup_after must be a whole number of seconds from 0 (never) to \
             {BACKUP_AFTER_MAX_SECONDS} (one day), not {}",
            shown(value)
        )
    })
}

/// `true` or `false` (`key` names the setting in the message).
fn yes_no(value: &DeValue, key: &str) -> Result<bool, String> {
    match value {
        DeValue::Boolean(b) => Ok(*b),
        other => Err(format!("{key} must be true or false, not {}", shown(other))),
    }
}

/// A whole number of `unit`s from 1 to `max` (`key` names the setting in the message):
/// `observe_weeks` (up to [`OBSERVE_WEEKS_MAX`]) and `retention_years` (up to
/// [`RETENTION_YEARS_MAX`]; 0 would make a child's data due for removal the day they leave).
fn count(value: &DeValue, key: &str, unit: &str, max: u32) -> Result<u32, String> {
    match value {
        DeValue::Integer(n) => toml_file::integer(n)
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (1..=max).contains(n)),
        _ => None,
    }
    .ok_or_else(|| {
        format!(
            "{key} must be a whole number of {unit} from 1 to {max}, not {}",
            shown(value)
        )
    })
}

fn lang(value: &DeValue) -> Result<LangArg, String> {
    match value {
        DeValue::String(text) => LangArg::from_str(text, false).ok(),
        _ => None,
    }
    .ok_or_else(|| {
        let names: Vec<String> = LangArg::value_variants()
            .iter()
            .filter_map(|lang| lang.to_possible_value())
            .map(|lang| format!("{:?}", lang.get_name()))
            .collect();
        format!("lang must be {}, not {}", names.join(" or "), shown(value))
    })
}

/// A preset name as it is; a file name made absolute against the config file's folder.
fn keymap(value: &DeValue, folder: &Path) -> Result<String, String> {
    let presets = Keymap::PRESETS.join(", ");
    let spec = path(
        value,
        "keymap",
        &format!("a preset ({presets}) or a keymap file"),
    )?;
    Ok(match Keymap::preset_source(spec) {
        Some(_) => spec.to_string(),
        None => folder.join(spec).display().to_string(),
    })
}

/// A non-empty string; `key` and `what` say what it must be in the message when it is not.
fn path<'a>(value: &'a DeValue<'_>, key: &str, what: &str) -> Result<&'a str, String> {
    match value {
        DeValue::String(text) if !text.trim().is_empty() => Ok(text),
        other => Err(format!("{key} must be {what}, not {}", shown(other))),
    }
}
