//! `export`, `import` and `check`: the whole database as JSON, and its integrity.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{anyhow, Result};

use crate::app::Clock;
use crate::store::{Store, StoreError};

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

/// Imports `file` into the database at `dir`, which must be empty or new. A file that is refused
/// leaves no new database behind: a directory this command created is removed again.
pub fn import(dir: &Path, file: &Path) -> Result<ExitCode> {
    std::fs::File::open(file).map_err(|e| anyhow!("cannot read {}: {e}", file.display()))?;
    let existed = dir.exists();
    let store = super::open(dir)?;
    let imported = store.import_from(|| std::fs::File::open(file));
    let summary = match imported {
        Ok(summary) => summary,
        Err(e) => {
            drop(store);
            if !existed {
                // Only what this command made a moment ago: an empty database.
                let _ = std::fs::remove_dir_all(dir);
            }
            return Err(anyhow!("{} was not imported: {e}", file.display()));
        }
    };
    eprintln!(
        "signaal: imported {} groups, {} children, {} staff from {}",
        summary.groups,
        summary.children,
        summary.staff,
        file.display()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn check(store: &Store) -> Result<ExitCode> {
    let problems = store.check()?;
    if problems.is_empty() {
        println!("{}: ok", store.path().display());
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &problems {
        println!("{}: {problem}", store.path().display());
    }
    Ok(ExitCode::FAILURE)
}
