//! Contacts as vCard 4.0 (RFC 6350), built as `calcard` cards and written by it: CRLF line
//! ends, lines folded at 75 octets (never inside a character), values escaped.

use calcard::vcard::{
    VCard, VCardEntry, VCardKind, VCardParameter, VCardParameterValue, VCardProperty, VCardType,
    VCardValue, VCardVersion,
};

use std::collections::HashMap;

use uuid::Uuid;

use super::fields::{self, Field};
use crate::contacts_io::identity;
use crate::domain::contact::Contact;

/// The contacts as vCard 4.0, one card each, in order. Every card has a `UID` (see [`Uids`]), so
/// the same directory gives the same bytes each time, and so does the directory an export was
/// imported into. What vCard
/// has a property for goes there (`FN`, `N`, `ORG`, `TITLE`, `TEL`, `EMAIL`, `NOTE`,
/// `CATEGORIES`); the rest of the card goes in `X-SIGNAAL-*` properties. A phone label that
/// vCard has a TYPE for (mobiel, werk, thuis, fax, pieper) becomes that TYPE; any other label
/// goes along as an Apple `X-ABLabel` in the phone's group, which macOS, iOS and khard show and
/// [`super::super::read`] reads back. A card whose name is its organisation is written as the
/// card of that organisation: `KIND:org`, with no `N`.
pub fn write_vcard(contacts: &[Contact]) -> String {
    let mut out = String::new();
    let mut uids = Uids::default();
    for contact in contacts {
        card(contact, uids.next(contact))
            .write_to(&mut out, VCardVersion::V4_0)
            .expect("writing to a String does not fail");
    }
    out
}

/// The `UID`s of one export: name-based `urn:uuid:`s (version 5, RFC 9562) in signaal's own
/// namespace, of the contact's [`identity`] (its name and numbers), or of a pinned card's kind.
///
/// Not of the contact's id: ids are the store's, so an export imported into another database
/// would come back with other ids and other UIDs. The identity is what the import itself takes
/// for the same contact, so the UID stays while notes, role or topics change; two cards of one
/// identity in one export (typed twice by hand) are told apart by their count.
#[derive(Default)]
struct Uids {
    seen: HashMap<String, usize>,
}

/// signaal's namespace for its name-based UIDs (a random UUID, fixed once).
const NAMESPACE: Uuid = Uuid::from_u128(0x5169_aa1e_3c0e_4b7e_9d2a_61f0_c4e8_b237);

impl Uids {
    fn next(&mut self, contact: &Contact) -> String {
        let mut name = match contact.pinned {
            // By the name the JSON export gives the pinned card (a contract: never renamed).
            Some(pinned) => format!(
                "pinned {}",
                serde_json::to_value(pinned).unwrap_or_default()
            ),
            None => {
                let (name, numbers) = identity(contact);
                format!("{name}\n{}", numbers.join("\n"))
            }
        };
        let count = self.seen.entry(name.clone()).or_default();
        if *count > 0 {
            name.push_str(&format!("\n#{count}"));
        }
        *count += 1;
        Uuid::new_v5(&NAMESPACE, name.as_bytes()).urn().to_string()
    }
}

fn card(contact: &Contact, uid: String) -> VCard {
    let mut entries = vec![text(VCardProperty::Uid, &uid)];
    let name = contact.name.trim();
    let organisation = contact.organisation.trim();
    let is_organisation = name == organisation;
    if is_organisation {
        entries.push(
            VCardEntry::new(VCardProperty::Kind).with_value(VCardValue::Kind(VCardKind::Org)),
        );
    }
    entries.push(text(VCardProperty::Fn, name));
    if !is_organisation {
        let (family, given) = split_name(name);
        entries.push(
            VCardEntry::new(VCardProperty::N).with_values(
                [family, given, String::new(), String::new(), String::new()]
                    .into_iter()
                    .map(VCardValue::Text)
                    .collect(),
            ),
        );
    }
    if !organisation.is_empty() {
        entries.push(text(VCardProperty::Org, organisation));
    }
    if !contact.role.trim().is_empty() {
        entries.push(text(VCardProperty::Title, contact.role.trim()));
    }
    let mut item = 0;
    for phone in &contact.phones {
        let number = phone.number.trim();
        if number.is_empty() {
            continue;
        }
        match phone_types(&phone.label) {
            Some(types) => entries.push(text(VCardProperty::Tel, number).with_params(types)),
            None => {
                item += 1;
                let group = Some(format!("item{item}"));
                entries.push(
                    text(VCardProperty::Tel, number)
                        .with_params(vec![type_param(VCardType::Voice)])
                        .with_group(group.clone()),
                );
                entries.push(
                    text(VCardProperty::Other("X-ABLabel".into()), phone.label.trim())
                        .with_group(group),
                );
            }
        }
    }
    if !contact.email.trim().is_empty() {
        entries.push(text(VCardProperty::Email, contact.email.trim()));
    }
    if !contact.notes.trim().is_empty() {
        entries.push(text(VCardProperty::Note, contact.notes.trim()));
    }
    let topics: Vec<VCardValue> = contact
        .topics
        .iter()
        .map(|topic| topic.trim())
        .filter(|topic| !topic.is_empty())
        .map(|topic| VCardValue::Text(topic.to_string()))
        .collect();
    if !topics.is_empty() {
        entries.push(VCardEntry::new(VCardProperty::Categories).with_values(topics));
    }
    for field in Field::ALL {
        let value = signaal_value(contact, field);
        if !value.is_empty() {
            entries.push(text(VCardProperty::Other(field.name().into()), &value));
        }
    }
    VCard { entries }
}

/// What `field` of the contact is written as; empty when it is not written.
fn signaal_value(contact: &Contact, field: Field) -> String {
    match field {
        Field::Availability => contact.availability.trim().to_string(),
        Field::Area => contact.area.trim().to_string(),
        Field::WhenToCall => contact.when_to_call.trim().to_string(),
        Field::Help => fields::help_value(contact.help)
            .unwrap_or_default()
            .to_string(),
        Field::ConsentFirst => match contact.consent_first {
            true => "TRUE".into(),
            false => String::new(),
        },
        Field::Verified => contact
            .verified
            .map(|date| date.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        Field::Groups => contact
            .groups
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(","),
    }
}

/// A property with one text value; line ends become `\n` as vCard writes them.
fn text(property: VCardProperty, value: &str) -> VCardEntry {
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    VCardEntry::new(property).with_value(VCardValue::Text(value))
}

fn type_param(kind: VCardType) -> VCardParameter {
    VCardParameter::typ(VCardParameterValue::Type(kind))
}

/// The TYPE parameters for a phone label, or `None` when a word of it has no TYPE.
fn phone_types(label: &str) -> Option<Vec<VCardParameter>> {
    let label = label.trim();
    if label.is_empty() {
        return Some(vec![type_param(VCardType::Voice)]);
    }
    label
        .split(',')
        .map(|word| match word.trim().to_lowercase().as_str() {
            "mobiel" => Some(type_param(VCardType::Cell)),
            "werk" => Some(type_param(VCardType::Work)),
            "thuis" => Some(type_param(VCardType::Home)),
            "fax" => Some(type_param(VCardType::Fax)),
            "pieper" => Some(type_param(VCardType::Pager)),
            _ => None,
        })
        .collect()
}

/// Splits a full name into (family name, given names) for N: the last word is the family name,
/// with the tussenvoegsels before it ("Özlem de Vries" → "de Vries", "Özlem"). The first word
/// stays a given name unless it is a tussenvoegsel written in lowercase ("van Dijk").
pub(in crate::contacts_io) fn split_name(name: &str) -> (String, String) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = words.len().checked_sub(1) else {
        return (String::new(), String::new());
    };
    let particle =
        |word: &str| crate::domain::named::PARTICLES.contains(&word.to_lowercase().as_str());
    let mut start = last;
    while start > 0 {
        let word = words[start - 1];
        let may_take = start > 1 || word.chars().all(|c| !c.is_uppercase());
        if particle(word) && may_take {
            start -= 1;
        } else {
            break;
        }
    }
    (words[start..].join(" "), words[..start].join(" "))
}
