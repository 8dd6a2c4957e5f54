//! The yardstick of a durable mark: a bare sled insert and flush of as many bytes as the
//! observation record a mark writes, in a sled database of its own opened as the store opens
//! its own. `signaal bench` holds the app's mark against it in the same process and run, so
//! that the machine's disk and load count alike for both. Here because only `store` knows sled.

use std::path::Path;
use std::time::{Duration, Instant};

use super::codec::encode;
use super::open::open_sled;
use super::Result;
use crate::domain::Observation;

/// The bytes of `observation`'s record as the store writes it (its value, without the key).
pub fn record_len(observation: &Observation) -> usize {
    encode(observation).len()
}

/// A bare sled database beside the store's, for [`Bare::insert_and_flush`].
pub struct Bare {
    db: sled::Db,
    written: u64,
}

impl Bare {
    /// Opens (or makes) a sled database at `dir`, as `Store::open` opens one. Errors: sled
    /// cannot open it ([`super::StoreError`]).
    pub fn open(dir: &Path) -> Result<Bare> {
        Ok(Bare {
            db: open_sled(dir)?,
            written: 0,
        })
    }

    /// One insert of a value of `len` bytes under a new 16-byte key (a parent id and an id, as
    /// an observation's), then a flush: how long the two took. Errors: sled fails to write.
    pub fn insert_and_flush(&mut self, len: usize) -> Result<Duration> {
        // Bytes that vary, as a record's do, in case anything below compresses.
        let value: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
        let mut key = [0u8; 16];
        key[..8].copy_from_slice(&1u64.to_be_bytes());
        key[8..].copy_from_slice(&self.written.to_be_bytes());
        self.written += 1;
        let start = Instant::now();
        self.db.insert(key, value)?;
        self.db.flush()?;
        Ok(start.elapsed())
    }
}
