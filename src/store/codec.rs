//! Key and value encoding. Values are JSON, deflated: JSON is tolerant of added and missing
//! fields, which keeps migrations small, and stays readable when something goes wrong (inflate a
//! value and it is the record's JSON); deflating each record makes the database about a third of
//! its size (an observation repeats its keys, author and times in every mark), which keeps it
//! within twice its export on disk (issue 16). A value is one [`DEFLATED`] byte, then the raw
//! deflate stream of the record's JSON. Values written before (schema 3 and older) are plain JSON,
//! which never starts with that byte; [`decode`] reads both, so a migration cut off halfway leaves
//! a database that still reads (see `schema::deflate_records`).

use std::borrow::Cow;
use std::io::{Read, Write};

use flate2::{read::DeflateDecoder, write::DeflateEncoder, Compression};
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

/// The first byte of a value in the compact codec: deflated JSON follows. JSON text starts with
/// whitespace or a value (`{`, `[`, `"`, a digit, `-`, `t`, `f`, `n`), never with this control
/// byte, so a value stored as plain JSON is told apart by its first byte.
const DEFLATED: u8 = 0x01;

/// A record as stored: its JSON, deflated (see the module documentation).
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // Serializing our own plain structs to JSON cannot fail: no maps with non-string keys, no
    // custom serializers that error.
    deflate(&serde_json::to_vec(value).expect("domain types serialize to JSON"))
}

/// `json` as stored in the compact codec. The fastest level: the next one up saved 4% on the
/// demo's observations, for a slower write on every mark.
pub fn deflate(json: &[u8]) -> Vec<u8> {
    let mut encoder = DeflateEncoder::new(vec![DEFLATED], Compression::fast());
    // Writing to a Vec cannot fail.
    encoder.write_all(json).expect("deflate into memory");
    encoder.finish().expect("deflate into memory")
}

/// True when `value` is stored in the compact codec, false for plain JSON (schema 3 and older).
pub fn is_deflated(value: &[u8]) -> bool {
    value.first() == Some(&DEFLATED)
}

/// The JSON of a record as sled holds it (a value of any tree but `meta` and `child_group`),
/// inflated when it is deflated: for a tool or test that reads the files with sled directly.
/// Errors: a deflate stream that is damaged (cut off, or not deflate at all), with the
/// inflater's words.
pub fn record_json(value: &[u8]) -> std::io::Result<Cow<'_, [u8]>> {
    match value.split_first() {
        Some((&DEFLATED, deflated)) => {
            // Records are a few kilobytes; a third of the JSON is a fair first guess.
            let mut json = Vec::with_capacity(deflated.len() * 3);
            DeflateDecoder::new(deflated).read_to_end(&mut json)?;
            Ok(Cow::Owned(json))
        }
        _ => Ok(Cow::Borrowed(value)),
    }
}

/// The record stored under `key`, in either codec. Errors: [`Damage::Unreadable`] naming the key
/// when the value does not inflate or its JSON is not a `T`.
pub fn decode<T: DeserializeOwned>(key: &[u8], value: &[u8]) -> Result<T> {
    let unreadable = |detail: String| {
        StoreError::Damaged(Damage::Unreadable {
            key: hex(key),
            detail,
        })
    };
    let json = record_json(value).map_err(|e| unreadable(e.to_string()))?;
    serde_json::from_slice(&json).map_err(|e| unreadable(e.to_string()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
