//! The audit trail and its hash chain.
//!
//! Every entry carries `hash`: the lowercase hex SHA-256 (64 characters) of its content and the
//! previous entry's `hash`, so that an entry changed, removed, inserted or moved without
//! recomputing every later hash breaks the chain at that entry. Tools outside signaal verify it
//! as follows (see [`chain_hash`]). The hashed bytes are seven fields, in this order, each written
//! as a netstring: its length in bytes as a decimal number, `:`, the field's UTF-8 bytes, `,`
//! (so `signaal` is written `7:signaal,`):
//!
//! 1. the text `signaal-audit-1` (the version of this definition);
//! 2. the previous entry's `hash` as written in the export (the empty string for the first
//!    entry);
//! 3. `at` in RFC 3339 with the entry's own UTC offset, written `Z` when it is zero and `+HH:MM`
//!    or `-HH:MM` otherwise, seconds always, and a fraction of a second only when it is not zero,
//!    then with 3, 6 or 9 digits: exactly how an export writes it, e.g.
//!    `2026-03-02T09:30:00+01:00` or `2026-03-03T10:00:00.250Z` (chrono's
//!    `to_rfc3339_opts(SecondsFormat::AutoSi, true)`);
//! 4. `by`, 5. `action`, 6. `target`, as written;
//! 7. `detail`, or the empty string when the entry has none.
//!
//! In Python: `sha256(b"".join(b"%d:%s," % (len(f), f) for f in fields)).hexdigest()` with
//! `fields` the seven byte strings above.

mod action;
mod prefix;
mod rules;

use std::fmt;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use action::AuditAction;
pub use prefix::{first_difference, replaces_history, PrefixCheck, TrailDifference};
pub use rules::{trail_problems, Records, TrailCheck, MAX_ID};

/// One line of the audit trail: who changed what, and when. Entries are only ever appended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: DateTime<FixedOffset>,
    /// The staff member's name, as it was at the time.
    pub by: String,
    /// A stable verb such as `group.add` or `child.archive`: an [`AuditAction`]'s string, kept
    /// as text so that a trail from another version of signaal reads back as it was written.
    pub action: String,
    /// The record changed, as `kind:id`, e.g. `child:17`.
    pub target: String,
    /// More about the change where the four fields above do not say it all, e.g. for `import`
    /// the file's SHA-256 and the counts. Absent for most entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Lowercase hex SHA-256 over this entry and the previous entry's hash (see the module
    /// documentation); empty in a database or export from before the chain.
    #[serde(default)]
    pub hash: String,
}

/// The version tag that begins the hashed bytes; a new definition gets a new tag.
const CHAIN_TAG: &str = "signaal-audit-1";

impl AuditEntry {
    /// An entry without `detail`, not yet sealed (its `hash` is empty until it is appended).
    pub fn new(
        at: DateTime<FixedOffset>,
        by: &str,
        action: AuditAction,
        target: String,
    ) -> AuditEntry {
        AuditEntry {
            at,
            by: by.into(),
            action: action.as_str().into(),
            target,
            detail: None,
            hash: String::new(),
        }
    }

    /// Sets `hash` for this entry following `previous` (the previous entry's hash, or "" for the
    /// first entry), and returns it.
    pub fn seal(&mut self, previous: &str) -> &str {
        self.hash = chain_hash(previous, self);
        &self.hash
    }

    /// "ACTION by BY at AT, target TARGET", with `at` as an export writes it: how a message
    /// names an entry.
    pub fn summary(&self) -> String {
        format!(
            "{} by {} at {}, target {}",
            self.action,
            self.by,
            self.at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            self.target
        )
    }
}

/// The hash `entry` must carry when it follows an entry whose hash is `previous` ("" for the
/// first entry): lowercase hex SHA-256 of the bytes the module documentation defines. The
/// entry's own `hash` plays no part.
pub fn chain_hash(previous: &str, entry: &AuditEntry) -> String {
    let at = entry.at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
    let fields = [
        CHAIN_TAG,
        previous,
        &at,
        &entry.by,
        &entry.action,
        &entry.target,
        entry.detail.as_deref().unwrap_or(""),
    ];
    let mut hasher = Sha256::new();
    for field in fields {
        hasher.update(format!("{}:", field.len()));
        hasher.update(field);
        hasher.update(",");
    }
    format!("{:x}", hasher.finalize())
}

/// Seals `entries` into a chain of their own, the first following nothing: for data built in
/// memory (the demo, test fixtures) that is loaded as a whole.
pub fn seal_all(entries: &mut [AuditEntry]) {
    let mut previous = String::new();
    for entry in entries {
        previous = entry.seal(&previous).to_string();
    }
}

/// Checks a trail one entry at a time, oldest first, in bounded memory (it keeps only the
/// previous hash), so that a streamed import can check as it reads.
#[derive(Debug, Default, Clone)]
pub struct ChainVerifier {
    previous: String,
    count: usize,
}

/// Where a trail's chain breaks: the first entry whose hash is not what its content and the
/// entry before it give. Its `Display` is one sentence naming the entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainBreak {
    /// The entry's place in the trail, 1 for the first.
    pub position: usize,
    pub at: DateTime<FixedOffset>,
    pub by: String,
    pub action: String,
    pub target: String,
    /// True when the entry carries no hash at all (a trail from before the chain, or stripped).
    pub missing: bool,
}

impl ChainVerifier {
    pub fn new() -> ChainVerifier {
        ChainVerifier::default()
    }

    /// Checks the next entry of the trail. After a break the verifier goes on from the entry as
    /// it is, so later entries are judged against it (only the first break matters to a user).
    pub fn push(&mut self, entry: &AuditEntry) -> Result<(), ChainBreak> {
        self.count += 1;
        let expected = chain_hash(&self.previous, entry);
        self.previous.clone_from(&entry.hash);
        if entry.hash == expected {
            return Ok(());
        }
        Err(ChainBreak {
            position: self.count,
            at: entry.at,
            by: entry.by.clone(),
            action: entry.action.clone(),
            target: entry.target.clone(),
            missing: entry.hash.is_empty(),
        })
    }

    /// The hash of the last entry pushed ("" before the first): what the next entry follows.
    pub fn last_hash(&self) -> &str {
        &self.previous
    }

    /// How many entries were pushed.
    pub fn count(&self) -> usize {
        self.count
    }
}

/// The first break in `trail`, if any.
pub fn verify_chain(trail: &[AuditEntry]) -> Result<(), ChainBreak> {
    let mut verifier = ChainVerifier::new();
    trail.iter().try_for_each(|entry| verifier.push(entry))
}

impl fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "audit entry {} ({} by {} at {}, target {}) ",
            self.position,
            self.action,
            self.by,
            self.at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            self.target
        )?;
        if self.missing {
            write!(
                f,
                "has no hash, so the audit trail cannot be verified (it was written by a signaal \
                 from before the hash chain, or the hashes were removed; `signaal import \
                 --unverified-trail` takes an export from before the chain and records that its \
                 trail was not verified)"
            )
        } else {
            write!(
                f,
                "does not match its hash: it, or an entry before it, was changed, added or \
                 removed outside signaal"
            )
        }
    }
}

#[cfg(test)]
mod tests;
