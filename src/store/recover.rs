//! Damage at the end of sled's log (a torn last write), repaired at the cost of the writes in it.
//!
//! sled replays its log from its newest snapshot and stops at the first message whose checksum
//! fails; a torn write after the snapshot is dropped that way without any help. But the snapshot
//! records how far the log was sound when it was written, and sled refuses the whole database
//! when the log now ends before that point (or when the snapshot or `conf` file itself is
//! damaged). Then the log is replayed from its start on a copy, without the snapshots and `conf`
//! (sled writes both anew; signaal always uses sled's default settings). sled discards everything
//! after the damage and overwrites it ("shreds" it) in the copy, so comparing the copy's `db` file
//! with the original tells exactly how much of the log was given up. Up to [`MAX_LOSS`] bytes
//! that is the last write or the last few; the copy takes the database's place and the original
//! is kept beside it as `D.damaged-<timestamp>`. More than that means damage further back, where
//! replaying would lose work the user saw saved: then the original is left exactly as it was and
//! the answer is a backup ([`StoreError::DamagedFiles`]).

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use super::leftovers;
use super::open::open_sled;
use super::{Result, StoreError};

/// The most of sled's log (in bytes) a repair may give up. One signaal write, with its audit
/// entry, takes about 0.6 to 7 KiB of log, its change written twice, as its journal record
/// (`journal.rs`) and in place (measured: adding a group 644 bytes; a mark 6.4 KiB on average
/// over 40 marks on one form, which is rewritten whole each time; without the journal 342
/// bytes and 3.2 KiB), so this is one torn write with room to spare, or the last few: seconds of
/// work, well within the minute the backups allow. Damage further back than this is left for a
/// backup.
pub const MAX_LOSS: u64 = 32 * 1024;

/// What opening repaired: the database's files were damaged at the end of sled's log, and the
/// repaired copy took their place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// Where the damaged files were moved, untouched (`D.damaged-<timestamp>` beside `D`).
    pub damaged: PathBuf,
    /// How many bytes of sled's log were given up (at most [`MAX_LOSS`]; 0 when only a snapshot
    /// or `conf` file was damaged).
    pub lost_bytes: u64,
}

/// Repairs the database in `dir`, whose files sled refused as damaged, on a copy; see the module
/// documentation. Returns the repaired database, opened, and what was done; or
/// [`StoreError::DamagedFiles`] with `dir` left untouched.
pub(super) fn repair(dir: &Path) -> Result<(sled::Db, Recovered)> {
    let staging = beside(dir, "recovering");
    let lost = replay_copy(dir, &staging);
    let lost_bytes = match lost {
        Ok(lost) if lost <= MAX_LOSS => lost,
        _ => {
            // Only the copy made above is removed; the user's files were never touched.
            let _ = fs::remove_dir_all(&staging);
            return Err(StoreError::DamagedFiles(dir.to_path_buf()));
        }
    };
    let damaged = beside(dir, "damaged");
    swap_in(dir, &staging, &damaged).map_err(|e| StoreError::CannotOpen {
        path: dir.to_path_buf(),
        detail: format!(
            "its damaged files were repaired in {}, but they could not be put in place: {e}",
            staging.display()
        ),
    })?;
    let db = open_sled(dir)?;
    Ok((
        db,
        Recovered {
            damaged,
            lost_bytes,
        },
    ))
}

/// Copies `dir` to `staging`, replays the copy's log from the start and returns how many bytes
/// of the log the replay gave up.
fn replay_copy(dir: &Path, staging: &Path) -> Result<u64> {
    let io = |e: std::io::Error| StoreError::CannotOpen {
        path: staging.to_path_buf(),
        detail: e.to_string(),
    };
    copy_dir(dir, staging).map_err(io)?;
    for entry in fs::read_dir(staging).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with("snap.") || name == "conf" {
            fs::remove_file(&path).map_err(io)?;
        }
    }
    // Opening replays the log and shreds what follows the last sound message; the copy is
    // closed again (its lock released: sled is done writing) before it is compared and moved.
    let db = open_sled(staging)?;
    db.flush()?;
    drop(db);
    leftovers::clear(staging, leftovers::CLOSING)?;
    discarded_span(&dir.join("db"), &staging.join("db")).map_err(io)
}

/// The number of bytes from the first to the last byte in which `original` and `replayed`
/// differ, within the original's length: the part of the log the replay discarded (it overwrites
/// what it discards, and extends the file only with padding).
fn discarded_span(original: &Path, replayed: &Path) -> std::io::Result<u64> {
    const CHUNK: usize = 64 * 1024;
    let (mut a, mut b) = (File::open(original)?, File::open(replayed)?);
    let (mut buf_a, mut buf_b) = (vec![0; CHUNK], vec![0; CHUNK]);
    let (mut offset, mut first, mut last) = (0u64, None, 0u64);
    loop {
        let n = read_full(&mut a, &mut buf_a)?;
        let m = read_full(&mut b, &mut buf_b)?;
        let len = n.min(m);
        if let Some(i) = (0..len).find(|&i| buf_a[i] != buf_b[i]) {
            first.get_or_insert(offset + i as u64);
            let j = (0..len).rev().find(|&j| buf_a[j] != buf_b[j]).unwrap_or(i);
            last = offset + j as u64;
        }
        if n < CHUNK {
            break;
        }
        offset += CHUNK as u64;
    }
    Ok(first.map_or(0, |first| last - first + 1))
}

/// Reads until `buf` is full or the file ends; returns how many bytes were read.
fn read_full(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Moves `dir` aside to `damaged` and `staging` into its place, and makes both renames durable.
fn swap_in(dir: &Path, staging: &Path, damaged: &Path) -> std::io::Result<()> {
    fs::rename(dir, damaged)?;
    if let Err(e) = fs::rename(staging, dir) {
        // Put the original back rather than leave no database at `dir`.
        let _ = fs::rename(damaged, dir);
        return Err(e);
    }
    sync_dir(dir.parent().unwrap_or(Path::new(".")))
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    })?
    .sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// A fresh path beside the database directory `dir`, for what is moved aside or built next to
/// it: `D.<what>-<local time, YYYYmmdd-HHMMSS>`, with `-2`, `-3`, ... when that is taken (two in
/// one second). `D` is made absolute first, so that `--db .` or `--db db/` have a name to use.
pub fn beside(dir: &Path, what: &str) -> PathBuf {
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let base = format!("{name}.{what}-{stamp}");
    std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .map(|candidate| dir.with_file_name(candidate))
        .find(|path| !path.exists())
        .expect("some numbered name is free")
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
