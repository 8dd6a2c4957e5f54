//! Plain types and rules of the domain. No I/O lives here: the store persists these types and the
//! app changes them, so every rule (an age, a valid name) is written once and tested without a disk.

pub mod access;
pub mod alias;
pub mod audit;
pub mod catalogue;
pub mod child;
pub mod consent;
pub mod contact;
pub mod form;
pub mod group;
pub mod handover;
pub mod invalid;
pub mod named;
pub mod observation;
pub mod pin;
pub mod plan;
pub mod retention;
pub mod rhythm;
pub mod staff;
pub mod text;
pub mod visit;

pub use audit::{AuditAction, AuditEntry};
pub use catalogue::Catalogue;
pub use child::{Child, Guardian};
pub use consent::{ChildConsent, ConsentAnswer, ConsentTo, Given};
pub use contact::Contact;
pub use group::{Group, GroupKind};
pub use invalid::Invalid;
pub use observation::Observation;
pub use staff::{Role, Staff};

/// Every stored record is addressed by a number handed out by the store. Big-endian encoding of this
/// number keeps sled's key order equal to creation order.
pub type Id = u64;

/// Trims a name and rejects an empty one; shared by every record that has a name.
pub fn clean_name(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_name_trims_and_rejects_blank() {
        assert_eq!(clean_name("  Zoë  ").as_deref(), Some("Zoë"));
        assert_eq!(clean_name(" \t "), None);
    }
}
