//! Keeps what sled may overwrite when it opens a damaged database, so the damaged files can be
//! kept exactly as they were.
//!
//! sled replays its log from the start of the segment its newest snapshot points into. When it
//! finds a bad message there, it overwrites ("shreds") the rest of that segment before it notices
//! that the log now ends before the snapshot and refuses the database. Without this guard, the
//! first failed open would destroy what followed the damage (and `recover` could no longer tell
//! how much a repair loses). So before sled opens, the segment it may shred is read into memory,
//! and put back if sled refuses.
//!
//! Finding the segment takes two facts of sled 0.34's file format, both checked by the tests
//! (a damaged database is kept byte for byte): a snapshot file is named `snap.<lsn in hex>`, and
//! each 512 KiB segment of the `db` file begins with a header whose bytes 4..12 hold the segment's
//! first lsn, little-endian, xor `0x7FFF_FFFF_FFFF_FFFF`.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// sled's segment size (its default; signaal never sets another).
const SEGMENT: u64 = 512 * 1024;
const LSN_XOR: i64 = 0x7FFF_FFFF_FFFF_FFFF;

/// What sled may overwrite during one open, kept to put back.
pub(super) enum Guard {
    /// No snapshot yet: sled refuses such a database without writing to it.
    Nothing,
    /// The segment sled replays from, and the file's length (a shred can extend it).
    Segment {
        db: PathBuf,
        offset: u64,
        bytes: Vec<u8>,
        len: u64,
    },
    /// A snapshot exists but its segment was not found: what sled overwrites cannot be put back.
    Unknown,
}

impl Guard {
    /// Reads the segment of the newest snapshot in the database directory `dir`.
    pub fn take(dir: &Path) -> Guard {
        match newest_snapshot_lsn(dir) {
            Ok(None) => Guard::Nothing,
            Ok(Some(lsn)) => {
                read_segment(&dir.join("db"), lsn - lsn % SEGMENT as i64).unwrap_or(Guard::Unknown)
            }
            Err(_) => Guard::Unknown,
        }
    }

    /// Puts the kept bytes back. True when the `db` file is again as it was before the open.
    pub fn restore(&self) -> bool {
        match self {
            Guard::Nothing => true,
            Guard::Unknown => false,
            Guard::Segment {
                db,
                offset,
                bytes,
                len,
            } => (|| -> io::Result<()> {
                let mut file = OpenOptions::new().write(true).open(db)?;
                file.seek(SeekFrom::Start(*offset))?;
                file.write_all(bytes)?;
                file.set_len(*len)?;
                file.sync_all()
            })()
            .is_ok(),
        }
    }
}

/// The lsn of the snapshot sled reads: the last `snap.*` name in sort order (as sled picks it).
/// `Err` when that name is not `snap.<hex>`.
fn newest_snapshot_lsn(dir: &Path) -> Result<Option<i64>, ()> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|_| ())?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with("snap.") && !name.ends_with(".in___motion"))
        .collect();
    names.sort();
    match names.pop() {
        None => Ok(None),
        Some(name) => i64::from_str_radix(&name["snap.".len()..], 16)
            .map(Some)
            .map_err(|_| ()),
    }
}

/// The segment of `db` whose header names `base` as its first lsn.
fn read_segment(db: &Path, base: i64) -> Option<Guard> {
    let mut file = File::open(db).ok()?;
    let len = file.metadata().ok()?.len();
    let mut read_at = |offset: u64, buf: &mut [u8]| {
        file.seek(SeekFrom::Start(offset))
            .and_then(|_| file.read_exact(buf))
            .is_ok()
    };
    let offset = (0..len.div_ceil(SEGMENT))
        .map(|k| k * SEGMENT)
        .find(|&offset| {
            let mut header = [0u8; 12];
            read_at(offset, &mut header)
                && i64::from_le_bytes(header[4..12].try_into().unwrap_or_default()) ^ LSN_XOR
                    == base
        })?;
    let mut bytes = vec![0; SEGMENT.min(len - offset) as usize];
    if !read_at(offset, &mut bytes) {
        return None;
    }
    Some(Guard::Segment {
        db: db.to_path_buf(),
        offset,
        bytes,
        len,
    })
}
