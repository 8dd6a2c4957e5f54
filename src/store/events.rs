//! Audit entries for things done to the database as a whole, which change no record.

use super::{Result, Signature, Store};

impl Store {
    /// Records `action` on `target` in the audit trail (such as `restore` of a backup file), in
    /// the same way as every other write.
    pub fn record(&self, action: &str, target: String, sig: &Signature) -> Result<()> {
        self.commit(Vec::new(), sig, action, target)
    }
}
