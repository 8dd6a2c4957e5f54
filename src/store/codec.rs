//! Key and value encoding. Values are JSON: readable when something goes wrong, and tolerant of
//! added fields, which keeps migrations small.

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

pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // Serializing our own plain structs to JSON cannot fail: no maps with non-string keys, no
    // custom serializers that error.
    serde_json::to_vec(value).expect("domain types serialize to JSON")
}

pub fn decode<T: DeserializeOwned>(key: &[u8], value: &[u8]) -> Result<T> {
    serde_json::from_slice(value).map_err(|e| {
        StoreError::Damaged(Damage::Unreadable {
            key: hex(key),
            detail: e.to_string(),
        })
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
