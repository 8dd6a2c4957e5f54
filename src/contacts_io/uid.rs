//! The `UID` of a contact: a vCard's name for "this card, wherever it is copied to". signaal
//! stores one per contact ([`Contact::uid`]); this module makes the ones that are not stored yet.
//!
//! A made UID is a name-based `urn:uuid:` (version 5, RFC 9562) in signaal's own namespace, of
//! the contact's [`identity`] (its name and numbers) at the moment it is made, or of a pinned
//! card's kind. Not of the contact's id: ids are the store's, so an export imported into another
//! database would come back with other ids. Once stored, a UID never changes, so it stays when a
//! number is edited.

use std::collections::HashSet;

use uuid::Uuid;

use super::identity;
use crate::domain::contact::Contact;

/// signaal's namespace for its name-based UIDs (a random UUID, fixed once).
const NAMESPACE: Uuid = Uuid::from_u128(0x5169_aa1e_3c0e_4b7e_9d2a_61f0_c4e8_b237);

/// The UID of every contact of `directory`, in order, as the vCard export writes them: the stored
/// one, or for a contact without one (stored before contacts had one, or a pinned card as signaal
/// ships it) one made by [`made_uid`], never one that another contact of `directory` has.
pub fn uids(directory: &[Contact]) -> Vec<String> {
    let mut taken: HashSet<String> = directory
        .iter()
        .filter(|c| !c.uid.is_empty())
        .map(|c| c.uid.clone())
        .collect();
    directory
        .iter()
        .map(|contact| match contact.uid.is_empty() {
            true => made_uid(contact, &mut taken),
            false => contact.uid.clone(),
        })
        .collect()
}

/// `directory` with every contact's UID as [`uids`] gives it: what the JSON export writes, so
/// that `contacts[].uid` is the vCard export's `UID` for every card.
pub fn with_uids(mut directory: Vec<Contact>) -> Vec<Contact> {
    let uids = uids(&directory);
    for (contact, uid) in std::iter::zip(&mut directory, uids) {
        contact.uid = uid;
    }
    directory
}

/// A new UID for `contact` made from its identity (see the module) that is not in `taken`, and
/// added to it: two cards of one identity (typed twice by hand) are told apart by a count.
pub fn made_uid(contact: &Contact, taken: &mut HashSet<String>) -> String {
    let base = match contact.pinned {
        // Quoted as JSON, as the first UIDs were made.
        Some(pinned) => format!("pinned \"{}\"", pinned.export_name()),
        None => {
            let (name, numbers) = identity(contact);
            format!("{name}\n{}", numbers.join("\n"))
        }
    };
    let mut count = 0;
    loop {
        let name = match count {
            0 => base.clone(),
            _ => format!("{base}\n#{count}"),
        };
        let uid = Uuid::new_v5(&NAMESPACE, name.as_bytes()).urn().to_string();
        if taken.insert(uid.clone()) {
            return uid;
        }
        count += 1;
    }
}
