//! The schema version and the steps that migrate an older database to the current one.
//!
//! Each step upgrades from version `n` to `n + 1` and runs before the app sees any data. There are
//! no steps yet: version 1 is the first layout. A step is added here, never by editing old ones.

use super::{Result, Store, StoreError};

pub const CURRENT: u32 = 1;
const VERSION_KEY: &[u8] = b"schema_version";

/// `MIGRATIONS[i]` upgrades a database from version `i + 1` to `i + 2`.
const MIGRATIONS: &[fn(&Store) -> Result<()>] = &[];

pub fn ensure_current(store: &Store) -> Result<()> {
    let found = read_version(store)?;
    match found {
        None => write_version(store, CURRENT),
        Some(v) if v > CURRENT => Err(StoreError::NewerSchema {
            found: v,
            supported: CURRENT,
        }),
        Some(v) => migrate(store, v),
    }
}

fn migrate(store: &Store, mut version: u32) -> Result<()> {
    while version < CURRENT {
        let step = MIGRATIONS
            .get(version as usize - 1)
            .ok_or_else(|| StoreError::Damaged(format!("no migration from schema {version}")))?;
        step(store)?;
        version += 1;
        write_version(store, version)?;
    }
    Ok(())
}

pub fn read_version(store: &Store) -> Result<Option<u32>> {
    let Some(bytes) = store.trees()?.meta.get(VERSION_KEY)? else {
        return Ok(None);
    };
    let array: [u8; 4] = bytes.as_ref().try_into().map_err(|_| {
        StoreError::Damaged(format!(
            "the schema version has {} bytes instead of 4",
            bytes.len()
        ))
    })?;
    Ok(Some(u32::from_be_bytes(array)))
}

fn write_version(store: &Store, version: u32) -> Result<()> {
    store
        .trees()?
        .meta
        .insert(VERSION_KEY, &version.to_be_bytes())?;
    store.trees()?.db.flush()?;
    Ok(())
}
