//! Where the next write goes on, kept in memory: the next id to hand out and the hash of the audit
//! trail's newest entry, so that a write (a mark above all) need not read them back from the
//! database, and the id counter is stored within the write that uses it instead of in a write of
//! its own.
//!
//! Held behind [`Store::writer`](super::Store), a mutex every write that hands out ids or appends
//! to the audit trail takes. The hash is read from the database when the head does not know it:
//! after opening, after anything wrote audit entries other than `writes::append` (an import, whose
//! clearing included), and after a write that failed (the database may then be reopened and
//! hold less than memory thought). The id counter only grows in memory: when it is read again the
//! larger of memory and the database wins, so an id handed out in this process is never handed
//! out again by it, whatever was lost.

use super::codec::decode;
use super::live::Trees;
use super::Result;
use crate::domain::{AuditEntry, Id};

/// The `meta` key of the next id to hand out (u64 BE).
pub(super) const NEXT_ID_KEY: &[u8] = b"next_id";

/// The writer's knowledge of the database's end; see the module documentation.
#[derive(Debug, Default)]
pub(super) struct Head {
    /// The next id to hand out, at least (0 before the database was first read).
    next_id: Id,
    /// The newest audit entry's hash ("" for an empty trail); `None`: to be read from the
    /// database before the next write.
    last_hash: Option<String>,
}

impl Head {
    /// The next id and the newest audit hash, read from `trees` first when not known. Errors:
    /// the newest audit entry cannot be read or decoded.
    pub fn current(&mut self, trees: &Trees) -> Result<(Id, String)> {
        let last_hash = match &self.last_hash {
            Some(hash) => hash.clone(),
            None => {
                // An unreadable counter counts as absent, as it always has (ids from 1).
                let stored = trees
                    .meta
                    .get(NEXT_ID_KEY)?
                    .and_then(|b| b.as_ref().try_into().ok())
                    .map(u64::from_be_bytes)
                    .unwrap_or(1);
                self.next_id = self.next_id.max(stored);
                let last = trees.audit.last()?;
                let last: Option<AuditEntry> = last.map(|(k, v)| decode(&k, &v)).transpose()?;
                let hash = last.map(|e| e.hash).unwrap_or_default();
                self.last_hash = Some(hash.clone());
                hash
            }
        };
        Ok((self.next_id, last_hash))
    }

    /// Takes the next id, reading the counter from `trees` first when not known.
    pub fn take_id(&mut self, trees: &Trees) -> Result<Id> {
        let (id, _) = self.current(trees)?;
        self.next_id = id + 1;
        Ok(id)
    }

    /// After a write: ids below `next_id` are used. With `last_hash`, the write succeeded and
    /// that is the newest audit hash; without, it is to be read again.
    pub fn advance(&mut self, next_id: Id, last_hash: Option<String>) {
        self.next_id = self.next_id.max(next_id);
        self.last_hash = last_hash;
    }

    /// The audit trail changed other than through the head (an import): read it again.
    pub fn forget(&mut self) {
        self.last_hash = None;
    }
}
