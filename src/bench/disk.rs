//! The database's size on disk against its export written without indentation.

use std::path::Path;

use anyhow::{Context as _, Result};

use super::budgets::{Figure, Row};

/// The disk row: the bytes the files under `db` take on disk over `export` bytes (the compact
/// export of the same database), both in the detail in megabytes. Errors: `db` cannot be read.
pub fn row(db: &Path, export: u64) -> Result<Row> {
    let disk = on_disk(db).with_context(|| format!("bench: cannot measure {}", db.display()))?;
    let mb = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
    let detail = format!("{:.1} MB / {:.1} MB", mb(disk), mb(export));
    Ok(Row::single(
        Figure::DiskRatio,
        disk as f64 / export.max(1) as f64,
        detail,
    ))
}

/// The bytes the files under `dir` take on disk (their allocated blocks where the system tells
/// them, else their lengths).
fn on_disk(dir: &Path) -> std::io::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        total += match meta.is_dir() {
            true => on_disk(&entry.path())?,
            false => allocated(&meta),
        };
    }
    Ok(total)
}

#[cfg(unix)]
fn allocated(meta: &std::fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.blocks() * 512
}

#[cfg(not(unix))]
fn allocated(meta: &std::fs::Metadata) -> u64 {
    meta.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_files_in_nested_folders() {
        let dir = tempfile::TempDir::new().unwrap();
        std::fs::write(dir.path().join("a"), vec![1u8; 10_000]).unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/b"), vec![2u8; 10_000]).unwrap();
        let size = on_disk(dir.path()).unwrap();
        assert!(size >= 20_000, "{size}");
        let row = row(dir.path(), size / 2).unwrap();
        assert!((row.p50 - 2.0).abs() < 0.01, "{row:?}");
        assert_eq!(row.passes(), Some(true));
    }
}
