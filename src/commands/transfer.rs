//! `export`, `import` and `check`: the whole database as JSON, and its integrity.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{anyhow, Result};

use super::backup;
use crate::app::Clock;
use crate::i18n::Lang;
use crate::store::{Store, StoreError, TrailChain};

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
/// its own; `chain` says how the trail's hash chain is taken. A file that is refused leaves no
/// new database behind: a directory this command created is removed again. Why a file is
/// refused is said in `lang`.
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
    // An empty directory (made beforehand with mkdir) is left empty again, as one that was not
    // there is left absent.
    let was_empty = std::fs::read_dir(dir).map(|mut entries| entries.next().is_none());
    let existed = dir.exists();
    let store = super::open(dir)?;
    let sig = super::signature(&importer());
    let imported = store.import_from_recorded(|| std::fs::File::open(file), &sig, chain);
    let summary = match imported {
        Ok(summary) => summary,
        Err(e) => {
            // Really closed before its directory may go: sled's threads let go a moment later.
            let _ = store.close();
            // Only what this command made a moment ago: an empty database.
            if !existed {
                let _ = std::fs::remove_dir_all(dir);
            } else if was_empty.unwrap_or(false) {
                empty_again(dir);
            }
            return Err(anyhow!(refused(lang, file, &e)));
        }
    };
    super::say(&lang.export_imported(summary.groups, summary.children, summary.staff, file));
    Ok(ExitCode::SUCCESS)
}

/// Removes everything in `dir`, which was empty before this command opened a database in it.
fn empty_again(dir: &Path) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let _ = match entry.file_type().is_ok_and(|t| t.is_dir()) {
            true => std::fs::remove_dir_all(&path),
            false => std::fs::remove_file(&path),
        };
    }
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
pub fn check(store: &Store, place: &backup::Place, lang: Lang) -> Result<ExitCode> {
    let mut problems = store.check()?;
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
