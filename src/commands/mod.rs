//! What `main` runs: the TUI or one of the non-interactive subcommands (DESIGN.md, "Command line").
//! Errors come back as one sentence naming the file or thing at fault; `main` prints them.

mod backup;
pub mod contacts;
pub mod forms;
pub mod purge;
pub mod report;
mod staging;
mod stop;
#[cfg(test)]
pub(crate) mod test_support;
mod transfer;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, Context as _, Result};

use crate::app::{App, Clock, Options};
use crate::backup::AutoBackup;
use crate::cli::{Cli, Command, ConfigCommand, ContactsCommand, FormsCommand, KeymapCommand};
use crate::config;
use crate::domain::text::visible_controls;
use crate::i18n::Lang;
use crate::keymap::{self, Keymap};
use crate::store::{Found, Signature, Store, StoreError, TrailChain};
use crate::ui::Theme;

pub fn run(cli: Cli) -> Result<ExitCode> {
    // The config file is read here, but its problems only stop the commands that use a setting,
    // each before it touches the database. The checks of a file use none: a broken config file
    // should not stop anyone from checking a fixed one.
    let settings = config::load(cli.config.as_deref())
        .map(|file| config::layer(&cli, file, std::env::var("LANG").ok().as_deref()));
    let backup_setting = settings.as_ref().ok().and_then(|s| s.backup_dir.clone());
    let db = settings
        .as_ref()
        .ok()
        .and_then(|s| database_dir(s.db.clone()).ok());
    let lang = match &settings {
        Ok(settings) => settings.lang,
        Err(_) => Lang::from_env_value(std::env::var("LANG").ok().as_deref()),
    };
    // Whichever command found the database damaged, the user is told which backup to restore
    // and how.
    dispatch(cli, settings)
        .map_err(|e| backup::explain_damage(e, db.as_deref(), backup_setting.as_deref()))
        .map_err(|e| in_lang(e, lang))
}

/// A refusal by the store, as it is, in `lang`: the store's own `Display` gives the English
/// words, so Dutch gets [`Lang::store_error`]'s, as the clause `main` prints after "signaal: ".
/// An error that carries more (a context, a backup to restore) stays as it is.
fn in_lang(error: anyhow::Error, lang: Lang) -> anyhow::Error {
    match error.downcast_ref::<StoreError>() {
        Some(e) if lang == Lang::Nl && error.chain().nth(1).is_none() => {
            anyhow!(clause(&lang.store_error(e)))
        }
        _ => error,
    }
}

/// A sentence (capital, full stop) as a clause that follows a colon: "De database is in
/// gebruik." becomes "de database is in gebruik".
fn clause(sentence: &str) -> String {
    let sentence = sentence.strip_suffix('.').unwrap_or(sentence);
    let mut chars = sentence.chars();
    chars
        .next()
        .map(|c| c.to_lowercase())
        .into_iter()
        .flatten()
        .chain(chars)
        .collect()
}

fn dispatch(
    cli: Cli,
    settings: std::result::Result<config::Settings, config::ConfigError>,
) -> Result<ExitCode> {
    let db = || -> Result<PathBuf> { database_dir(settings.clone()?.db) };
    let lang = || -> Result<Lang> { Ok(settings.as_ref().map_err(Clone::clone)?.lang) };
    let backup_setting = settings.as_ref().ok().and_then(|s| s.backup_dir.clone());
    let place = |db| backup::Place {
        db,
        setting: backup_setting.as_deref(),
    };
    match cli.command {
        None => {
            let settings = settings?;
            // The keymap is checked before the database is touched: a typo in it should not
            // leave anyone wondering about their data.
            let keymap = Keymap::load(settings.keymap.as_deref())?;
            let dir = database_dir(settings.db.clone())?;
            let kept = backup::refuse_fresh_start_keeping(&place(&dir))?;
            // The screens in a file or a pipe would put children's names there: refuse before
            // the database is made or read and the terminal touched. What was only read so
            // far (the config file, the keymap, the database's place) is still reported first.
            if let Some(which) = crate::tui::not_a_terminal() {
                say(&format!(
                    "the screens need a terminal, but {which}; to write data to a file \
                     use `signaal export`"
                ));
                return Ok(ExitCode::from(2));
            }
            let store = match kept {
                Some(store) => told(store, &dir),
                None => open(&dir)?,
            };
            let options = Options {
                lang: settings.lang,
                keymap,
                clock: Clock::System,
                user: cli.user,
                observe_weeks: settings.observe_weeks,
                lock_after: Some(settings.lock_after),
            };
            let backups = (!settings.backup_after.is_zero()).then(|| {
                let backup_dir = crate::backup::dir_for(&dir, settings.backup_dir.as_deref());
                AutoBackup::new(store.clone(), backup_dir, settings.backup_after)
            });
            let stop = stop::on_signals(backups.clone())?;
            let mut app = App::new(store, options);
            app.reports_dir = crate::report::files::dir_for(&dir, settings.reports_dir.as_deref());
            app.backups = backups;
            app.quit_confirm = settings.quit_confirm;
            app.retention_years = settings.retention_years;
            let ran = crate::tui::run(&mut app, Theme::from_env(), &stop.requested)
                .context("the terminal failed");
            // Whatever ended the terminal, the last changes go into a backup before we exit.
            stop.finishing
                .store(true, std::sync::atomic::Ordering::SeqCst);
            if let Some(Err(e)) = app.finish_backups() {
                say(&format!("the last backup failed: {e}"));
            }
            ran.map(|ended| match ended {
                crate::tui::Ended::Quit => ExitCode::SUCCESS,
                crate::tui::Ended::Signal(signal) => ExitCode::from(stop::exit_status(signal)),
            })
        }
        Some(Command::Backup { to }) => backup::backup(&place(&db()?), to.as_deref()),
        Some(Command::Backups) => backup::list(&place(&db()?)),
        Some(Command::Restore { backup, force }) => {
            backup::restore(&place(&db()?), backup.as_deref(), force)
        }
        Some(Command::Demo(args)) => {
            let dir = db()?;
            backup::refuse_fresh_start(&place(&dir))?;
            let store = open(&dir)?;
            if !store.is_empty() {
                return Err(anyhow!(
                    "the database {} is not empty; demo data goes only into a new database",
                    dir.display()
                ));
            }
            let data = crate::demo::generate(&(&args).into(), Clock::System.now());
            store.import(&data)?;
            let counts = crate::i18n::DemoCounts {
                groups: data.groups.len(),
                children: data.children.len(),
                staff: data.staff.len(),
                observations: data.observations.len(),
                trajectories: data.trajectories.len(),
                contacts: data.stored_contacts().count(),
            };
            say(&lang()?.demo_written(&dir, &counts));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export) => transfer::export(&open_existing(&db()?)?),
        Some(Command::Import {
            file,
            unverified_trail,
        }) => {
            let chain = match unverified_trail {
                true => TrailChain::SealedOnImport,
                false => TrailChain::Verified,
            };
            let settings = settings?;
            let dir = database_dir(settings.db)?;
            backup::refuse_fresh_start(&place(&dir))?;
            transfer::import(&dir, &file, chain, settings.lang)
        }
        Some(Command::Check) => {
            let dir = db()?;
            transfer::check(&open_existing(&dir)?, &place(&dir), lang()?)
        }
        Some(Command::Report(args)) => {
            let report = args
                .report()
                .ok_or_else(|| anyhow!("say what to report on: --child ID or --care-team"))?;
            report::run(
                &open_existing(&db()?)?,
                report,
                settings.clone()?.lang,
                args.delimiter,
            )
        }
        Some(Command::Forms { command }) => match command {
            FormsCommand::Import { file } => {
                // Check the file first: a bad file changes nothing, not even a new database.
                let Some(template) = forms::read_template(&file)? else {
                    return Ok(ExitCode::FAILURE);
                };
                forms::import(&open(&db()?)?, &file, &template)
            }
            FormsCommand::List => forms::list(&open_existing(&db()?)?),
            FormsCommand::Use(args) => forms::use_forms(&open_existing(&db()?)?, &args),
        },
        Some(Command::Contacts { command }) => match command {
            // No database is created or required: the pinned cards are found without one. A
            // broken config file is still reported, not taken for a missing database.
            ContactsCommand::Find(args) => {
                let settings = settings?;
                let dir = database_dir(settings.db);
                contacts::find(dir, backup_setting.as_deref(), &args, settings.lang)
            }
            ContactsCommand::Import { file } => {
                // Check the whole file first: a bad file changes nothing, not even a new database.
                let Some(cards) = contacts::read_file(&file)? else {
                    return Ok(ExitCode::FAILURE);
                };
                contacts::import(&open(&db()?)?, &file, cards, lang()?)
            }
            ContactsCommand::Export(args) => contacts::export(&open_existing(&db()?)?, &args),
        },
        Some(Command::Purge(args)) => purge::run(&open_existing(&db()?)?, &args),
        Some(Command::Keymap {
            command: KeymapCommand::Check { file },
        }) => {
            keymap::check_file(&file)?;
            checked(&file)
        }
        Some(Command::Bench(args)) => crate::bench::run(&(&args).into(), lang()?),
        Some(Command::BenchFrame) => {
            let user = cli.user.as_deref().unwrap_or_default();
            crate::bench::frame::child(&db()?, user, lang()?)
        }
        Some(Command::Config {
            command: ConfigCommand::Check { file },
        }) => {
            // What the TUI would refuse at start: the keymap the file names is checked too.
            Keymap::load(config::read_file(&file)?.keymap.as_deref())?;
            checked(&file)
        }
    }
}

/// What a check of a file prints when the file is sound.
fn checked(file: &Path) -> Result<ExitCode> {
    print_user_text(&format!("{}: ok\n", file.display()), "result")
}

/// Tells the user on stderr how a command went or what it noticed (`signaal: TEXT`), with the
/// control characters of any name or file name in `text` shown ([`visible_controls`]). Every
/// such line of a command goes through here, as every error goes through `main`'s, so that none
/// drives the terminal it is printed on.
fn say(text: &str) {
    eprintln!("signaal: {}", visible_controls(text));
}

/// Prints `text`, which holds user data (names, notes), to stdout with its control characters
/// shown ([`visible_controls`]): a name holding ESC must not drive the terminal it is printed
/// on. Line breaks and tabs are kept. The outcome as [`printed`] gives it for `what`.
fn print_user_text(text: &str, what: &str) -> Result<ExitCode> {
    let shown = visible_controls(text);
    printed(to_stdout(|out| out.write_all(shown.as_bytes())), what)
}

/// Runs `write` on a locked stdout and flushes it: a command's output, whose outcome goes to
/// [`printed`]. (`println!` would panic on a closed pipe or a full disk.)
fn to_stdout(
    write: impl FnOnce(&mut std::io::StdoutLock) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    write(&mut out).and_then(|()| out.flush())
}

/// The outcome of writing `what` (the report, the export) to stdout. A reader that stops early
/// (`| head`) is not an error of ours, so a broken pipe counts as success; the commands that
/// print a document share this so that they all treat it alike.
fn printed(written: std::io::Result<()>, what: &str) -> Result<ExitCode> {
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        other => other
            .map(|()| ExitCode::SUCCESS)
            .with_context(|| format!("cannot write the {what}")),
    }
}

/// How a write from the command line is signed: by the command (`by`), now.
fn signature(by: &str) -> Signature {
    Signature {
        by: by.into(),
        at: Clock::System.now(),
    }
}

/// Opens the database; when opening had to repair it, says so on stderr (and goes on).
fn open(dir: &Path) -> Result<Store> {
    Ok(told(Store::open(dir)?, dir))
}

/// The database opened from `dir`; when opening had to repair it, says so on stderr.
fn told(store: Store, dir: &Path) -> Store {
    if let Some(r) = store.recovered() {
        say(&format!(
            "the end of the database {} was damaged (a torn last write) and has been \
             repaired, giving up {} bytes of its log (at most the last few changes); the damaged \
             files are kept in {}; a backup made before the damage may still hold those changes \
             (signaal backups --db {0} lists them, signaal restore --db {0} --force BACKUP brings \
             one back)",
            dir.display(),
            r.lost_bytes,
            r.damaged.display()
        ));
    }
    store
}

/// For commands that only read: a mistyped path, an emptied folder or a folder of other files
/// should be an error, not a new empty database.
fn open_existing(dir: &Path) -> Result<Store> {
    match crate::store::found_at(dir) {
        Found::Database => open(dir),
        Found::Nothing | Found::EmptyFolder | Found::OtherFiles => {
            Err(StoreError::NoDatabase(dir.to_path_buf()).into())
        }
    }
}

/// The database directory the settings name (`--db`, `SIGNAAL_DB` or the config file's `db`), else
/// the platform's data directory.
fn database_dir(given: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = given {
        return Ok(dir);
    }
    config::project_dirs()
        .map(|dirs| dirs.data_dir().join("db"))
        .ok_or_else(|| anyhow!("no home directory to keep the database in; pass --db DIR"))
}
