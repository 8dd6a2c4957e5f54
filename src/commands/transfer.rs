//! `export`, `import` and `check`: the whole database as JSON, and its integrity.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{anyhow, Context, Result};
use sha2::{Digest, Sha256};

use crate::app::Clock;
use crate::export::Export;
use crate::store::{ImportRecord, Store};

pub fn export(store: &Store) -> Result<ExitCode> {
    let data = store.export(Clock::System.now())?;
    let mut out = std::io::stdout().lock();
    let written = serde_json::to_writer_pretty(&mut out, &data)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush());
    super::printed(written, "export")
}

pub fn read_export(file: &Path) -> Result<Export> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    serde_json::from_str(&text).map_err(|e| {
        anyhow!(
            "{}:{}:{}: not a signaal export: {e}",
            file.display(),
            e.line(),
            e.column()
        )
    })
}

pub fn import(store: &Store, file: &Path, data: &Export) -> Result<ExitCode> {
    let record = ImportRecord {
        sig: super::signature(&importer()),
        file_sha256: file_sha256(file)?,
    };
    store
        .import_recorded(data, &record)
        .map_err(|e| anyhow!("{} was not imported: {e}", file.display()))?;
    eprintln!(
        "signaal: imported {} groups, {} children, {} staff from {}",
        data.groups.len(),
        data.children.len(),
        data.staff.len(),
        file.display()
    );
    Ok(ExitCode::SUCCESS)
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

/// Lowercase hex SHA-256 of the bytes of `file`, read in pieces.
fn file_sha256(file: &Path) -> Result<String> {
    let mut hasher = Sha256::new();
    std::fs::File::open(file)
        .and_then(|mut f| std::io::copy(&mut f, &mut hasher))
        .with_context(|| format!("cannot read {}", file.display()))?;
    Ok(format!("{:x}", hasher.finalize()))
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
