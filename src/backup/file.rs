//! One backup file: the export JSON, gzip-compressed (so `zcat` reads it), with the counts and a
//! SHA-256 in the gzip header's comment field.
//!
//! The comment has a fixed width, so it is first written with zeros, the export streamed after it
//! (never the whole export in memory), and then overwritten in place with the real values:
//!
//! ```text
//! signaal-backup 1 at=20261129T101500Z children=000000000012 observations=000000000180
//!   trajectories=000000000004 sha256=<64 hex digits>
//! ```
//! (one line, single spaces). `sha256` is SHA-256 over the comment up to and including `sha256=`,
//! followed by the SHA-256 of every byte after the header (the deflate stream and gzip's CRC and
//! length). So a changed count, time or compressed byte all fail the check, and `backups` reads
//! the counts from the first few hundred bytes without decompressing anything. gzip's own header
//! CRC (FHCRC) is not used: it would cover the comment before its final values are known.

use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;

use chrono::{DateTime, NaiveDateTime, Utc};
use flate2::{read::GzDecoder, Compression, GzBuilder};
use sha2::{Digest, Sha256};

use super::BackupError;
use crate::store::{Store, StoreError};

/// What a backup's header says: when it was made and what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// When the backup was made (to the second).
    pub at: DateTime<Utc>,
    pub children: u64,
    pub observations: u64,
    pub trajectories: u64,
    /// The checksum the file was written with.
    pub sha256: [u8; 32],
}

/// The first word of every backup's comment, and the format version.
const MAGIC: &str = "signaal-backup 1";
/// How `at=` is written: UTC, the same shape as in the file names.
pub(super) const TIME_FORMAT: &str = "%Y%m%dT%H%M%SZ";
/// What the temporary file of a backup being written adds to its name (after a leading dot).
pub(super) const TEMP_SUFFIX: &str = ".tmp";
/// The gzip header before the comment: magic, method, flags, mtime, extra flags, OS.
const FIXED: usize = 10;
/// gzip's flag for "a zero-terminated comment follows".
const FCOMMENT: u8 = 0x10;
/// A comment longer than this is not one of ours (ours is about 180 bytes).
const MAX_COMMENT: usize = 512;
/// gzip level: fast rather than small, because a backup runs every minute beside the TUI.
const LEVEL: u32 = 1;

impl Header {
    /// The comment up to and including `sha256=`: what the checksum covers besides the body.
    fn fields(&self) -> String {
        format!(
            "{MAGIC} at={} children={:012} observations={:012} trajectories={:012} sha256=",
            self.at.format(TIME_FORMAT),
            self.children,
            self.observations,
            self.trajectories
        )
    }

    fn comment(&self) -> String {
        format!("{}{}", self.fields(), hex(&self.sha256))
    }

    /// The checksum of a backup with these fields and a body whose SHA-256 is `body`.
    fn checksum(&self, body: &[u8]) -> [u8; 32] {
        let mut hasher = Sha256::new();
        hasher.update(self.fields().as_bytes());
        hasher.update(body);
        hasher.finalize().into()
    }

    fn parse(comment: &str) -> Option<Header> {
        let rest = comment.strip_prefix(MAGIC)?.strip_prefix(' ')?;
        let mut fields = rest.split(' ').map(|f| f.split_once('='));
        let mut next = |key: &str| match fields.next() {
            Some(Some((k, v))) if k == key => Some(v),
            _ => None,
        };
        let at = NaiveDateTime::parse_from_str(next("at")?, TIME_FORMAT)
            .ok()?
            .and_utc();
        let children = next("children")?.parse().ok()?;
        let observations = next("observations")?.parse().ok()?;
        let trajectories = next("trajectories")?.parse().ok()?;
        let sha = next("sha256")?;
        if sha.len() != 64 {
            return None;
        }
        let mut sha256 = [0; 32];
        for (i, byte) in sha256.iter_mut().enumerate() {
            *byte = u8::from_str_radix(sha.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(Header {
            at,
            children,
            observations,
            trajectories,
            sha256,
        })
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes a backup of `store`, made at `at`, to `path`, atomically (see [`atomically`]). The file
/// is for its owner only. Errors name the file.
pub fn write(store: &Store, path: &Path, at: DateTime<Utc>) -> Result<Header, BackupError> {
    atomically(path, |temp| write_unsynced(store, temp, at))
}

/// Copies the backup `from` to `to`, atomically (see [`atomically`]).
pub fn copy(from: &Path, to: &Path) -> Result<(), BackupError> {
    let mut input = File::open(from).map_err(|e| BackupError::io(from, e))?;
    atomically(to, |temp| {
        let mut out = create_private(temp).map_err(|e| BackupError::io(temp, e))?;
        io::copy(&mut input, &mut out).map_err(|e| BackupError::io(temp, e))?;
        Ok(((), out))
    })
}

/// Makes `path` by `fill`ing a temporary file beside it, fsyncing that, renaming it over `path`
/// and fsyncing the directory: `path` is either the whole new file or what it was before. The
/// temporary file is removed when `fill` fails, and before: `fill` makes it new
/// ([`create_private`]). The rename replaces whatever is at `path`, a symbolic link itself,
/// never the file it points to.
fn atomically<T>(
    path: &Path,
    fill: impl FnOnce(&Path) -> Result<(T, File), BackupError>,
) -> Result<T, BackupError> {
    let io = |e| BackupError::io(path, e);
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = dir.join(format!(".{name}{TEMP_SUFFIX}"));
    // One left by an interrupted write (or put there): removing a symbolic link removes the link.
    match std::fs::remove_file(&temp) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(BackupError::io(&temp, e)),
        _ => {}
    }
    let filled = fill(&temp).and_then(|(made, file)| file.sync_all().map(|()| made).map_err(io));
    let made = match filled {
        Ok(made) => made,
        Err(e) => {
            // Only our own unfinished temporary file.
            let _ = std::fs::remove_file(&temp);
            // The user asked for `path`; the hidden temporary file means nothing to them.
            return Err(match e {
                BackupError::Io { path: at, error } if at == temp => BackupError::io(path, error),
                other => other,
            });
        }
    };
    std::fs::rename(&temp, path).map_err(io)?;
    sync_dir(dir).map_err(io)?;
    Ok(made)
}

/// Streams the export through gzip into `temp`, then puts the real comment in place.
fn write_unsynced(
    store: &Store,
    temp: &Path,
    at: DateTime<Utc>,
) -> Result<(Header, File), BackupError> {
    let io = |e| BackupError::io(temp, e);
    let at = DateTime::from_timestamp(at.timestamp(), 0).unwrap_or(at);
    let mut header = Header {
        at,
        children: 0,
        observations: 0,
        trajectories: 0,
        sha256: [0; 32],
    };
    let file = create_private(temp).map_err(io)?;
    let placeholder = header.comment();
    let body = BodyHasher::new(
        BufWriter::with_capacity(1 << 16, file),
        FIXED + placeholder.len() + 1,
    );
    let mut gz = GzBuilder::new()
        .comment(placeholder.as_bytes())
        .write(body, Compression::new(LEVEL));
    // Buffered before the compressor too: the export comes in many small writes, and each write
    // into a gzip encoder is a call into the compressor (at 10,500 children: 48 s instead of 3).
    let mut json = BufWriter::with_capacity(1 << 16, &mut gz);
    let summary = store
        .write_export(&mut json, at.fixed_offset())
        .map_err(|e| match e {
            // Writing the backup file failed (a full disk, a USB stick pulled out), not reading
            // the database: said as such, so the header can say why in words.
            StoreError::Write(source) => io(source),
            other => BackupError::Store(other),
        })?;
    json.flush().map_err(io)?;
    drop(json);
    let (out, body_sha) = gz.finish().map_err(io)?.finish();
    let mut file = out.into_inner().map_err(|e| io(e.into_error()))?;
    header.children = summary.children as u64;
    header.observations = summary.observations as u64;
    header.trajectories = summary.trajectories as u64;
    header.sha256 = header.checksum(&body_sha);
    file.seek(SeekFrom::Start(FIXED as u64)).map_err(io)?;
    file.write_all(header.comment().as_bytes()).map_err(io)?;
    Ok((header, file))
}

/// A new file readable and writable by its owner only. Made new (`O_CREAT | O_EXCL`): anything
/// at `path` already, a symbolic link that points elsewhere included, is an error and left
/// alone, never written through.
pub(crate) fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Writes `bytes` to the owner-only file `path` whole or not at all ([`atomically`]): a report
/// from the TUI. A file at `path` is replaced; a symbolic link there is replaced itself.
///
/// # Errors
/// The file cannot be written (a full disk, no permission).
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let written = atomically(path, |temp| {
        let mut file = create_private(temp).map_err(|e| BackupError::io(temp, e))?;
        file.write_all(bytes)
            .map_err(|e| BackupError::io(temp, e))?;
        Ok(((), file))
    });
    written.map_err(|e| match e {
        BackupError::Io { error, .. } => error,
        other => io::Error::other(other.to_string()),
    })
}

/// Makes a rename in `dir` durable (fsync of the directory; nothing to do off Unix).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    Ok(())
}

/// A writer that hashes everything after its first `skip` bytes (the gzip header).
struct BodyHasher<W> {
    inner: W,
    skip: usize,
    hasher: Sha256,
}

impl<W: Write> BodyHasher<W> {
    fn new(inner: W, skip: usize) -> Self {
        BodyHasher {
            inner,
            skip,
            hasher: Sha256::new(),
        }
    }

    fn finish(self) -> (W, [u8; 32]) {
        (self.inner, self.hasher.finalize().into())
    }
}

impl<W: Write> Write for BodyHasher<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        let skipped = n.min(self.skip);
        self.skip -= skipped;
        self.hasher.update(&buf[skipped..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Reads the header of the backup at `path` without reading the rest.
pub fn read_header(path: &Path) -> Result<Header, BackupError> {
    let mut input = open(path)?;
    header_of(&mut input, path)
}

/// Reads the whole backup at `path` and checks it against its checksum: `Ok(true)` when it holds.
/// Errors: the file cannot be read, or is not a signaal backup.
pub fn verify(path: &Path) -> Result<(Header, bool), BackupError> {
    let mut input = open(path)?;
    let header = header_of(&mut input, path)?;
    let mut hasher = Sha256::new();
    io::copy(&mut input, &mut hasher).map_err(|e| BackupError::io(path, e))?;
    let body: [u8; 32] = hasher.finalize().into();
    Ok((header, header.checksum(&body) == header.sha256))
}

/// The export JSON in the backup at `path`, decompressed as it is read. Check the file with
/// [`verify`] first: this does not.
pub fn export_reader(path: &Path) -> Result<impl Read, BackupError> {
    Ok(GzDecoder::new(open(path)?))
}

fn open(path: &Path) -> Result<BufReader<File>, BackupError> {
    let file = File::open(path).map_err(|e| BackupError::io(path, e))?;
    Ok(BufReader::with_capacity(1 << 16, file))
}

/// Parses the gzip header up to the end of the comment, leaving `input` at the body.
fn header_of(input: &mut impl BufRead, path: &Path) -> Result<Header, BackupError> {
    let not_ours = || BackupError::NotABackup(path.to_path_buf());
    let mut fixed = [0; FIXED];
    input.read_exact(&mut fixed).map_err(|_| not_ours())?;
    if fixed[..3] != [0x1f, 0x8b, 8] || fixed[3] != FCOMMENT {
        return Err(not_ours());
    }
    let mut comment = Vec::new();
    input
        .take(MAX_COMMENT as u64)
        .read_until(0, &mut comment)
        .map_err(|e| BackupError::io(path, e))?;
    if comment.pop() != Some(0) {
        return Err(not_ours());
    }
    std::str::from_utf8(&comment)
        .ok()
        .and_then(Header::parse)
        .ok_or_else(not_ours)
}
