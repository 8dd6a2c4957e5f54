//! Contact cards. The four pinned cards exist without being stored; a pinned card that was
//! edited (the aandachtsfunctionaris's name and number) is stored like any other, and the
//! directory shows the stored version in its place.

use std::collections::HashSet;

use super::codec::{encode, id_key};
use super::writes::{Op, Table};
use super::{decode_all, decode_one, Named, Result, Signature, Store, StoreError};
use crate::contacts_io::uid;
use crate::domain::contact::{directory, with_leads, Contact};
use crate::domain::text::{control_char_name, visible_controls};
use crate::domain::AuditAction;
use crate::domain::{clean_name, Child, Id};
use crate::export::contact_control_char;

impl Store {
    /// Every stored card (pinned ones only when edited).
    pub fn contacts(&self) -> Result<Vec<Contact>> {
        decode_all(&self.trees()?.contacts)
    }

    /// The whole directory: the pinned cards first, then the rest, in the order stored.
    pub fn directory(&self) -> Result<Vec<Contact>> {
        Ok(directory(self.contacts()?))
    }

    /// The directory as people look it up (the lookup, the lock screen, `contacts find`): the
    /// stored cards of [`Store::directory`] with a line for every aandachtsfunctionaris among
    /// the staff right after the pinned aandachtsfunctionaris card (`contact::with_leads`).
    pub fn directory_with_leads(&self) -> Result<Vec<Contact>> {
        Ok(with_leads(self.directory()?, &self.staff()?))
    }

    pub fn contact(&self, id: Id) -> Result<Option<Contact>> {
        decode_one(&self.trees()?.contacts, &id_key(id))
    }

    /// Stores a new (id 0) or changed card; returns it with its id and UID. A pinned card keeps
    /// its place: only one stored version of each. A card without a UID gets the one its earlier
    /// version has in the export (so editing a number does not change it), or a new card one
    /// made from its name and numbers (see [`Contact::uid`]).
    pub fn save_contact(&self, contact: &Contact, sig: &Signature) -> Result<Contact> {
        let mut contact = checked(contact)?;
        let action = match contact.id {
            0 => AuditAction::ContactAdd,
            _ => AuditAction::ContactEdit,
        };
        let directory = self.directory()?;
        // An edited pinned card replaces its earlier version (stored, or as signaal ships it).
        let earlier = directory.iter().position(|c| match contact.id {
            0 => c.pinned.is_some() && c.pinned == contact.pinned,
            id => c.id == id,
        });
        if contact.uid.is_empty() {
            // Only then: making the UIDs of cards stored without one hashes each of them.
            let mut uids = uid::uids(&directory);
            contact.uid = match earlier {
                Some(at) => uids.swap_remove(at),
                None => uid::made_uid(&contact, &mut uids.into_iter().collect()),
            };
        }
        if contact.id == 0 {
            contact.id = match earlier.map(|at| directory[at].id) {
                Some(id) if id != 0 => id,
                _ => self.next_id()?,
            };
        }
        let op = Op::put(Table::Contacts, &id_key(contact.id), encode(&contact));
        self.commit(vec![op], sig, action, format!("contact:{}", contact.id))?;
        Ok(contact)
    }

    /// Removes a card, and its link from every child linked to it, in one write. A pinned card
    /// cannot be removed (its stored edits can be, by saving the original again).
    pub fn remove_contact(&self, id: Id, sig: &Signature) -> Result<()> {
        let Some(contact) = self.contact(id)? else {
            return Err(StoreError::UnknownContact(id));
        };
        if contact.pinned.is_some() {
            return Err(StoreError::PinnedContact(contact.name));
        }
        let mut ops = vec![Op::remove(Table::Contacts, &id_key(id))];
        // The children linked to it lose the link in the same write: a link to a card that is
        // gone would make `check` fail and the export unimportable.
        let children: Vec<Child> = decode_all(&self.trees()?.children)?;
        for mut child in children {
            if child.contacts.contains(&id) {
                child.contacts.retain(|&c| c != id);
                ops.extend(super::writes::child_ops(&child));
            }
        }
        self.commit(
            ops,
            sig,
            AuditAction::ContactRemove,
            format!("contact:{id}"),
        )
    }

    /// Adds many cards at once (an import), never as pinned cards: all or nothing, one
    /// transaction, one audit entry. A card keeps its UID unless it has none or another contact
    /// has it already: then it gets one made from its name and numbers (see [`Contact::uid`]),
    /// so no two contacts share one.
    pub fn add_contacts(&self, contacts: &[Contact], sig: &Signature) -> Result<Vec<Contact>> {
        let mut added = Vec::with_capacity(contacts.len());
        let mut ops = Vec::with_capacity(contacts.len());
        let mut taken: HashSet<String> = uid::uids(&self.directory()?).into_iter().collect();
        for contact in contacts {
            let mut contact = checked(contact)?;
            contact.id = self.next_id()?;
            contact.pinned = None;
            if contact.uid.is_empty() || !taken.insert(contact.uid.clone()) {
                contact.uid = uid::made_uid(&contact, &mut taken);
            }
            ops.push(Op::put(
                Table::Contacts,
                &id_key(contact.id),
                encode(&contact),
            ));
            added.push(contact);
        }
        let target = format!("contacts:{}", added.len());
        self.commit(ops, sig, AuditAction::ContactImport, target)?;
        Ok(added)
    }
}

/// The card as stored: with a name, trimmed, without a control character where
/// `export::contact_control_char` finds one, and, when pinned, with its national number
/// ([`Contact::missing_fixed_number`]): the last guard, whatever path a card comes by.
fn checked(contact: &Contact) -> Result<Contact> {
    let name = clean_name(&contact.name).ok_or(StoreError::NameRequired(Named::Contact))?;
    if let Some((field, c)) = contact_control_char(contact) {
        return Err(StoreError::ControlCharacter {
            name: visible_controls(&name).replace('\n', "^J"),
            field: field.to_string(),
            character: control_char_name(c),
        });
    }
    if let Some(number) = contact.missing_fixed_number() {
        return Err(StoreError::PinnedNumberMissing {
            name,
            number: number.to_string(),
        });
    }
    Ok(Contact {
        name,
        ..contact.clone()
    })
}
