//! `export`, `import` and `check`: the whole database as JSON, and its integrity.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{anyhow, Result};

use super::backup;
use super::staging::Staging;
use crate::app::Clock;
use crate::export::Inconsistency;
use crate::i18n::Lang;
use crate::store::{found_at, ExportSummary, Found, Store, StoreError, TrailChain};

/// Streams the export to stdout (`Store::write_export` buffers it), then a final newline.
pub fn export(store: &Store) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let written = match store.write_export(&mut out, Clock::System.now()) {
        Ok(_) => writeln!(out).and_then(|()| out.flush()),
        Err(StoreError::Write(e)) => Err(e),
        Err(e) => return Err(e.into()),
    };
    super::printed(written, "export")
}

/// Imports `file` into the database at `dir`, which must be empty or new, with an audit entry of
/// its own; `chain` says how the trail's hash chain is taken. The database is built beside
/// `dir` and moved there only when the whole file is in and checked ([`Staging`]): a file that
/// is refused, or an import that is killed, leaves nothing at `dir` (an empty directory there
/// stays as it was). Why a file is refused is said in `lang`.
pub fn import(dir: &Path, file: &Path, chain: TrailChain, lang: Lang) -> Result<ExitCode> {
    // Read the file first: one that cannot be read should not leave a new database behind.
    let mut start = [0u8; 2];
    let read = std::fs::File::open(file)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut start))
        .map_err(|e| anyhow!(lang.import_cannot_read(file, &e)))?;
    // gzip's magic bytes: a backup, which `restore` reads (and checks) rather than `import`.
    if start[..read] == [0x1f, 0x8b] {
        return Err(anyhow!(lang.import_given_a_backup(file, dir)));
    }
    let replace_database = match found_at(dir) {
        Found::Nothing | Found::EmptyFolder => false,
        Found::OtherFiles => return Err(StoreError::NotADatabase(dir.to_path_buf()).into()),
        // Opening says what is wrong with a file or a damaged database; an empty database (a
        // TUI opened and closed) is replaced, any other refused.
        Found::Database => {
            let store = super::open(dir)?;
            let empty = store.is_empty();
            store.close()?;
            if !empty {
                return Err(anyhow!(refused(
                    lang,
                    file,
                    &StoreError::NotEmpty(dir.into())
                )));
            }
            true
        }
    };
    let staging = Staging::begin(dir).map_err(|e| anyhow!(lang.import_cannot_stage(dir, &e)))?;
    let built = build(staging.path(), file, chain);
    let summary = match built {
        Ok(summary) => summary,
        Err(e) => {
            staging.abandon();
            return Err(match e.downcast::<StoreError>() {
                Ok(e) => anyhow!(refused(lang, file, &e)),
                Err(e) => e,
            });
        }
    };
    let into = staging.path().to_path_buf();
    staging
        .finish(replace_database)
        .map_err(|e| anyhow!(lang.import_cannot_move(&into, dir, &e)))?;
    super::say(&lang.export_imported(&summary, file));
    Ok(ExitCode::SUCCESS)
}

/// Imports `file` into a new database at `dir` and checks what was stored; closes it (really
/// closed: sled's threads let go a moment later) whatever the outcome, so that its directory
/// can be moved or removed. A refusal is a [`StoreError`] inside the error.
fn build(dir: &Path, file: &Path, chain: TrailChain) -> Result<ExportSummary> {
    let store = super::open(dir)?;
    let sig = super::signature(&importer());
    let imported = store
        .import_from_recorded(|| std::fs::File::open(file), &sig, chain)
        .and_then(|summary| match store.check()? {
            problems if problems.is_empty() => Ok(summary),
            problems => Err(StoreError::ExportProblems(problems)),
        });
    let closed = store.close();
    let summary = imported?;
    closed?;
    Ok(summary)
}

/// Why `file` was not imported, in `lang`: where in the file and what, for a file that is no
/// export; else the store's sentence after the file's name.
fn refused(lang: Lang, file: &Path, e: &StoreError) -> String {
    match e {
        StoreError::NotAnExport(unreadable) => lang.import_refused(file, unreadable),
        e => {
            // The store's sentence, as the second half of this one.
            let why = super::clause(&lang.store_error(e));
            lang.pick(
                format!("{} is niet geïmporteerd: {why}", file.display()),
                format!("{} was not imported: {why}", file.display()),
            )
        }
    }
}

/// Who the import's audit entry names: the user logged in to the computer (`USER`, else
/// `LOGNAME`), else the command.
fn importer() -> String {
    ["USER", "LOGNAME"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find_map(|user| crate::domain::clean_name(&user))
        .unwrap_or_else(|| "signaal import".into())
}

/// `signaal check`: the database's own problems, then whether its audit trail still begins with
/// the trail of every backup in the place's directory. Problems go to stdout, one line each,
/// in `lang`, and make the exit code 1; backups that could not be compared are noted on stderr.
/// Derived data that differs from the records (`Store::rebuild_derived`) is reported and then
/// rebuilt, so that the next check passes.
pub fn check(store: &Store, place: &backup::Place, lang: Lang) -> Result<ExitCode> {
    let mut problems = store.check()?;
    if problems.iter().any(Inconsistency::is_derived) {
        store.rebuild_derived()?;
    }
    let trails = backup::compare_trails(place, store)?;
    problems.extend(trails.problems.into_iter().map(Into::into));
    for note in &trails.notes {
        super::say(note);
    }
    if trails.abandoned > 0 {
        super::say(&format!(
            "{} backup(s) hold a history that a restore or repair replaced; they agree \
             with the audit trail up to that point (a newer one may hold work the repair gave \
             up: see signaal backups)",
            trails.abandoned
        ));
    }
    let path = store.path().display();
    let text: String = match problems.is_empty() {
        true => format!("{path}: ok\n"),
        false => problems
            .iter()
            .map(|p| format!("{path}: {}\n", lang.inconsistency(p)))
            .collect(),
    };
    // A reader that stopped early does not turn problems found into success.
    super::print_user_text(&text, "result of the check")?;
    Ok(match problems.is_empty() {
        true => ExitCode::SUCCESS,
        false => ExitCode::FAILURE,
    })
}
