//! Audit entries for things done to the database as a whole, which change no record.

use super::{Result, Signature, Store};
use crate::domain::AuditAction;

impl Store {
    /// Records `action` on `target` in the audit trail (such as `restore` of a backup file), in
    /// the same way as every other write.
    pub fn record(&self, action: AuditAction, target: String, sig: &Signature) -> Result<()> {
        self.commit(Vec::new(), sig, action, target)
    }
}
