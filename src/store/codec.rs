//! Key and value encoding. Values are JSON, compressed: JSON is tolerant of added and missing
//! fields, which keeps migrations small, and stays readable when something goes wrong (decompress
//! a value and it is the record's JSON); compressing each record makes the database less than half
//! its size (an observation repeats its keys, author and times in every mark), which keeps it
//! within twice its export on disk (issue 16). LZ4 rather than deflate: deflate made the database
//! a fifth smaller still, but more than doubled the time to read a group's children or a child's
//! observations, which every list does on every key.
//!
//! A value is one [`COMPRESSED`] byte, then an LZ4 block with the JSON's length in front (4 bytes,
//! little-endian, as `lz4_flex::compress_prepend_size` writes it). Values written before (schema 3
//! and older) are plain JSON, which never starts with that byte; [`decode`] reads both, so a
//! migration cut off halfway leaves a database that still reads (see `schema::compress_records`).

use std::borrow::Cow;

use serde::{de::DeserializeOwned, Serialize};

use super::{Damage, Result, StoreError};
use crate::domain::Id;

pub fn id_key(id: Id) -> [u8; 8] {
    id.to_be_bytes()
}

/// A key under a parent record: `parent ++ id`, so the parent's records are one prefix scan in id
/// order (a group's children, a child's observations).
pub fn pair_key(parent: Id, id: Id) -> [u8; 16] {
    let mut key = [0u8; 16];
    key[..8].copy_from_slice(&parent.to_be_bytes());
    key[8..].copy_from_slice(&id.to_be_bytes());
    key
}

/// A template's key: its id, a 0 byte (ids never hold one), then the version, so all versions of
/// one template sort together, oldest first.
pub fn template_key(id: &str, version: u32) -> Vec<u8> {
    let mut key = id.as_bytes().to_vec();
    key.push(0);
    key.extend_from_slice(&version.to_be_bytes());
    key
}

pub fn decode_id(bytes: &[u8]) -> Result<Id> {
    let array: [u8; 8] = bytes
        .try_into()
        .map_err(|_| StoreError::Damaged(Damage::IdLength(bytes.len())))?;
    Ok(Id::from_be_bytes(array))
}

/// The first byte of a value in the compact codec: compressed JSON follows. JSON text starts with
/// whitespace or a value (`{`, `[`, `"`, a digit, `-`, `t`, `f`, `n`), never with this control
/// byte, so a value stored as plain JSON is told apart by its first byte.
const COMPRESSED: u8 = 0x01;

/// The longest JSON a stored value may claim to hold: far above any record (a child's dossier is
/// kilobytes), so that a damaged length is refused rather than allocated.
const MAX_JSON: usize = 64 << 20;

/// A record as stored: its JSON, compressed (see the module documentation).
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // Serializing our own plain structs to JSON cannot fail: no maps with non-string keys, no
    // custom serializers that error.
    compress(&serde_json::to_vec(value).expect("domain types serialize to JSON"))
}

/// `json` as stored in the compact codec.
pub fn compress(json: &[u8]) -> Vec<u8> {
    let mut value = Vec::with_capacity(json.len() / 2);
    value.push(COMPRESSED);
    value.extend_from_slice(&lz4_flex::compress_prepend_size(json));
    value
}

/// True when `value` is stored in the compact codec, false for plain JSON (schema 3 and older).
pub fn is_compressed(value: &[u8]) -> bool {
    value.first() == Some(&COMPRESSED)
}

/// The JSON of a record as sled holds it (a value of any tree but `meta` and `child_group`),
/// decompressed when it is compressed: for a tool or test that reads the files with sled
/// directly. Errors: a compressed value that is damaged (cut off, or a length past [`MAX_JSON`]),
/// in words for the damage report.
pub fn record_json(value: &[u8]) -> std::result::Result<Cow<'_, [u8]>, String> {
    let Some((&COMPRESSED, compressed)) = value.split_first() else {
        return Ok(Cow::Borrowed(value));
    };
    let (length, block) =
        lz4_flex::block::uncompressed_size(compressed).map_err(|e| e.to_string())?;
    if length > MAX_JSON {
        return Err(format!("claims {length} bytes of JSON"));
    }
    let json = lz4_flex::decompress(block, length).map_err(|e| e.to_string())?;
    Ok(Cow::Owned(json))
}

/// The record stored under `key`, in either codec. Errors: [`Damage::Unreadable`] naming the key
/// when the value does not decompress or its JSON is not a `T`.
pub fn decode<T: DeserializeOwned>(key: &[u8], value: &[u8]) -> Result<T> {
    let unreadable = |detail: String| {
        StoreError::Damaged(Damage::Unreadable {
            key: hex(key),
            detail,
        })
    };
    let json = record_json(value).map_err(unreadable)?;
    serde_json::from_slice(&json).map_err(|e| unreadable(e.to_string()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
