//! Handovers to school: one record per child (key: the child's id), rewritten whole on every
//! change, with its audit entry in the same transaction.

use super::codec::{encode, id_key};
use super::writes::{Op, Table};
use super::{decode_all, decode_one, Result, Signature, Store};
use crate::domain::handover::Handover;
use crate::domain::{AuditAction, Id};

impl Store {
    /// The child's handover, if one was written.
    pub fn handover(&self, child_id: Id) -> Result<Option<Handover>> {
        decode_one(&self.trees()?.handovers, &id_key(child_id))
    }

    /// Every handover, by child id (for the export and the group list).
    pub fn handovers(&self) -> Result<Vec<Handover>> {
        decode_all(&self.trees()?.handovers)
    }

    /// Writes a child's handover, with its audit entry (`handover.save`, target
    /// `child:ID/handover`, no content), flushed before this returns. `by` and `at` are set from
    /// the signature. Errors: an unknown child ([`super::StoreError::UnknownChild`]).
    pub fn save_handover(&self, handover: &Handover, sig: &Signature) -> Result<()> {
        self.child_exists(handover.child_id)?;
        let mut signed = handover.clone();
        signed.by.clone_from(&sig.by);
        signed.at = sig.at;
        self.commit(
            vec![handover_op(&signed)],
            sig,
            AuditAction::HandoverSave,
            format!("child:{}/handover", handover.child_id),
        )
    }
}

pub(super) fn handover_op(handover: &Handover) -> Op {
    Op::put(
        Table::Handovers,
        &id_key(handover.child_id),
        encode(handover),
    )
}
