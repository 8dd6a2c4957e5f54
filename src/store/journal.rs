//! A write made whole without a sled transaction: the change is first stored as one record, the
//! journal, and replayed from it on the next open when the process died half-way.
//!
//! Why: every sled 0.34 transaction (and `apply_batch`) makes a separate synced log write of its
//! own (`pin_log`), which made a durable mark cost about twice a bare insert and flush. Plain
//! inserts followed by one flush do not; what they lack is being all or nothing, and that is
//! what the journal gives back.
//!
//! A write ([`write`]) is: (1) one insert of the whole change (every key of every tree it puts
//! or removes, with its new value) under [`JOURNAL_KEY`] in `meta`; (2) the changes themselves
//! as plain inserts and removes; (3) the removal of the journal record; then the caller's flush.
//! Opening the database (and reopening it after a failed write) calls [`replay`] before
//! anything reads: a journal record still there is applied again (putting a key to a value or
//! removing it twice is the same as once), then removed and flushed. A change whose record would
//! be larger than [`MAX_RECORD`] (an import's batch) is written in one sled transaction instead.
//!
//! Why this is right rests on one property of sled's log, read in sled 0.34.7's source: after a
//! crash, recovery keeps a *prefix* of the log, in the order writes were made. Every insert or
//! remove is one log message, reserved in order in the log (`pagecache/logger.rs`,
//! `Log::reserve_inner`, one thread's reservations get increasing LSNs) and carrying a CRC and
//! its segment number (`read_message`: a bad checksum, a foreign segment number or unwritten
//! bytes, whose kind reads as 0 = `MessageKind::Corrupted`, give `LogRead::Corrupted`). On
//! opening, `pagecache/iterator.rs` `raw_segment_iter_from` calls
//! `scan_segment_headers_and_tail`, whose `check_contiguity_in_unstable_tail` walks the tail of
//! the log beyond the last point the segment headers record as stable and stops at the first
//! missing segment or the first message that does not read (`LogIter::next`, "found a tear",
//! with `last_stage: false`); the replaying iterator is then bounded by that point (`max_lsn`).
//! So when I/O buffers are written concurrently and a later one reached the disk while an
//! earlier one did not, the later one lies past the tear and is not replayed. Hence: any of a
//! write's changes on disk means its journal record is on disk too (it came first), and the
//! journal's removal on disk means all the changes are. So after a crash the journal either is
//! absent (the write is wholly there or wholly not, the journal's own insert being one message)
//! or describes the last write, whose changes it completes.
//!
//! The rule that keeps a replay from undoing a later change: **a journal record is removed by
//! the write that made it**, in the same flush. Any later change, made by any path (an import's
//! markers, a migration, the id counter), comes after that removal in the log, so no prefix
//! holds both it and a journal record older than it. The one exception would be a write made by
//! another thread between a journal's insert and its removal, over keys the journal holds.
//! Writes through here hold the undo log's lock ([`WriteCut`], which [`write`] takes as proof)
//! from before the journal is written until it is removed, so they never interleave. The writes
//! that bypass the journal never touch a key one holds meanwhile: the id counter (`next_id`,
//! `reserve_ids_through`) is written under the writer's head lock, which every write storing
//! the counter through here holds as well; the schema's version and migration run while
//! opening, before the store is handed out; an import's marker is never in a journal, and its
//! clearing of the trees runs on the thread that then writes its batches. The app's other
//! threads (backups, the signal handler's) only read.
//!
//! Readers: a reader without a snapshot may see a write half done for the moment it takes.
//! The TUI is single-threaded and only reads between its own writes; the one reader on another
//! thread, the backup (and an export), reads through a snapshot (`undo.rs`), whose undo log is
//! filled before the write begins and cut by the same lock, so it still sees each change whole.
//!
//! The head (`head.rs`) is read from the database after opening and after a failed write, so it
//! reads the replayed ids and chain. A limit: sled writes log messages larger than a quarter of
//! a segment (128 KiB by default) to separate blob files without an fsync of their own
//! (`pagecache/blob_io.rs`, `write_blob`); after a kill -9 the operating system still writes
//! them, but a power cut could lose a large journal (an import's batch) whose log message
//! survived. That holds for every large value sled stores, journal or not.

use serde::{Deserialize, Serialize};
use sled::transaction::ConflictableTransactionError;
use sled::{IVec, Transactional, Tree};

use super::live::Trees;
use super::undo::WriteCut;
use super::{Damage, Result, StoreError};

/// The `meta` key of the journal record (present only while a write is under way, or after a
/// crash in one).
pub(super) const JOURNAL_KEY: &[u8] = b"journal";

/// The first byte of a journal record: its format (postcard after it). A journal is transient,
/// so a change of format needs no migration, only a new tag.
const FORMAT: u8 = 1;

/// The largest journal record written (bytes); a larger change (an import's batch, a purge of
/// many children) is written in one sled transaction instead, as before the journal, at the
/// cost of its extra synced log write. sled 0.34 writes a log message over a quarter of a segment
/// (128 KiB) to a blob file of its own, and when that write fails (a full disk) it leaves the
/// log buffer reserved for it unfinished, so that every later flush waits forever
/// (`pagecache/logger.rs`, `Log::reserve_inner`, `encapsulate(..)?` after the reservation):
/// an import on a full disk hung that way.
const MAX_RECORD: usize = 64 * 1024;

/// Writes `changes` in one sled transaction over the trees they name (all or nothing by sled's
/// own means). Errors: sled's.
fn transaction(changes: &[Change]) -> Result<()> {
    // Each tree once, in the order the changes first name it; `at[i]` is change i's tree's place.
    let mut named: Vec<&Tree> = Vec::new();
    let at: Vec<usize> = changes
        .iter()
        .map(
            |c| match named.iter().position(|t| t.name() == c.tree.name()) {
                Some(i) => i,
                None => {
                    named.push(c.tree);
                    named.len() - 1
                }
            },
        )
        .collect();
    named.as_slice().transaction(|named| {
        for (change, &i) in changes.iter().zip(&at) {
            match change.value {
                Some(value) => named[i].insert(change.key, value)?,
                None => named[i].remove(change.key)?,
            };
        }
        Ok::<(), ConflictableTransactionError<StoreError>>(())
    })?;
    Ok(())
}

/// One key to put (`Some` value) or remove (`None`) in one tree, as [`write`] takes it.
pub(super) struct Change<'a> {
    pub tree: &'a Tree,
    pub key: &'a [u8],
    pub value: Option<&'a [u8]>,
}

/// A [`Change`] as stored in the journal: the tree by its sled name, so that a replay needs no
/// table list (and any tree added later is replayed as well).
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    tree: &'a [u8],
    key: &'a [u8],
    value: Option<&'a [u8]>,
}

/// Writes `changes` through the journal (see the module documentation): the journal record,
/// the changes, the record's removal (or, for a large change, a transaction). Not flushed: the
/// caller flushes once after it. `_cut`, the undo log's lock, keeps other writes through here
/// out until the journal is removed.
/// Errors: sled's (a full disk above all); the database may then hold the journal and part of
/// the changes, which the reopen after a failed write replays.
pub(super) fn write(trees: &Trees, changes: &[Change], _cut: &WriteCut) -> Result<()> {
    let record = encode(changes);
    if record.len() > MAX_RECORD {
        return transaction(changes);
    }
    trees.meta.insert(JOURNAL_KEY, record)?;
    for change in changes {
        #[cfg(test)]
        crash::point(trees)?;
        apply(change.tree, change.key, change.value)?;
    }
    #[cfg(test)]
    crash::point(trees)?;
    trees.meta.remove(JOURNAL_KEY)?;
    Ok(())
}

/// Completes the write a crash (or a failed write) interrupted, if any: applies the journal
/// record's changes again, removes it and flushes. To be called on the freshly opened trees
/// before anything reads or writes. Returns whether there was a journal. Errors: sled's, or a
/// journal that does not decode ([`Damage::Unreadable`]), left in place.
pub(super) fn replay(trees: &Trees) -> Result<bool> {
    let Some(record) = trees.meta.get(JOURNAL_KEY)? else {
        return Ok(false);
    };
    let stored = decode(&record)?;
    for change in stored {
        let tree = trees.db.open_tree(change.tree)?;
        apply(&tree, change.key, change.value)?;
    }
    trees.meta.remove(JOURNAL_KEY)?;
    trees.db.flush()?;
    Ok(true)
}

/// The journal record of `changes`: [`FORMAT`], then the changes in postcard.
pub(super) fn encode(changes: &[Change]) -> Vec<u8> {
    let names: Vec<IVec> = changes.iter().map(|c| c.tree.name()).collect();
    let stored: Vec<Stored> = changes
        .iter()
        .zip(&names)
        .map(|(c, name)| Stored {
            tree: name,
            key: c.key,
            value: c.value,
        })
        .collect();
    // Writing plain byte slices into a Vec cannot fail.
    postcard::to_extend(&stored, vec![FORMAT]).expect("postcard writes to a Vec")
}

fn apply(tree: &Tree, key: &[u8], value: Option<&[u8]>) -> Result<()> {
    match value {
        Some(value) => tree.insert(key, value)?,
        None => tree.remove(key)?,
    };
    Ok(())
}

/// The changes of a journal record. Errors: an unknown format tag or a record that does not
/// decode (neither can come from this version's writes: the record is written in one insert).
fn decode(record: &[u8]) -> Result<Vec<Stored<'_>>> {
    let unreadable = |detail: String| {
        StoreError::Damaged(Damage::Unreadable {
            key: JOURNAL_KEY.iter().map(|b| format!("{b:02x}")).collect(),
            detail,
        })
    };
    match record.split_first() {
        Some((&FORMAT, body)) => postcard::from_bytes(body).map_err(|e| unreadable(e.to_string())),
        Some((tag, _)) => Err(unreadable(format!("unknown journal format {tag}"))),
        None => Err(unreadable("empty journal".into())),
    }
}

/// Test hook: a write that stops half-way, as a process killed there leaves the database.
#[cfg(test)]
pub(super) mod crash {
    use std::cell::Cell;

    use super::super::live::Trees;
    use super::super::{Damage, Result, StoreError};

    thread_local! {
        /// The next write's stop on this thread: after how many changes, and whether it then
        /// fails as on a full disk (the store reopens the database) or as a killed process.
        static NEXT: Cell<Option<(usize, bool)>> = const { Cell::new(None) };
    }

    /// The next write through the journal on this thread stops after `applied` of its changes
    /// (its journal record written), flushed as far as it got: with `io`, it fails as on a full
    /// disk; else with an error that leaves the open database alone, as if the process died.
    pub fn next_write_after(applied: usize, io: bool) {
        NEXT.with(|next| next.set(Some((applied, io))));
    }

    /// Called by `write` before each change and before removing the journal: stops the write
    /// when as many changes as asked are applied.
    pub(in super::super) fn point(trees: &Trees) -> Result<()> {
        match NEXT.with(|next| next.get()) {
            Some((0, io)) => {
                NEXT.with(|next| next.set(None));
                trees.db.flush()?;
                Err(if io {
                    sled::Error::Io(std::io::ErrorKind::StorageFull.into()).into()
                } else {
                    StoreError::Damaged(Damage::Unreadable {
                        key: "crash".into(),
                        detail: "killed in the middle of a write".into(),
                    })
                })
            }
            Some((applied, io)) => {
                NEXT.with(|next| next.set(Some((applied - 1, io))));
                Ok(())
            }
            None => Ok(()),
        }
    }
}
