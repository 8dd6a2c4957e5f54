//! Contacts as vCard 4.0 (RFC 6350), built as `calcard` cards and written by it: CRLF line
//! ends, lines folded at 75 octets (never inside a character), values escaped.

use calcard::vcard::{
    VCard, VCardEntry, VCardParameter, VCardParameterValue, VCardProperty, VCardType, VCardValue,
    VCardVersion,
};

use super::fields::{self, Field};
use crate::contacts_io::uid::uids;
use crate::domain::contact::{Contact, Pinned};

/// The contacts as vCard 4.0, one card each, in order. Every card has a `UID`: the contact's
/// stored one, or one made as [`uids`] says, so the same directory gives the same bytes each
/// time, and so does the directory an export was imported into (the import keeps the `UID`s).
/// What vCard has a property for goes there (`FN`, `N`, `ORG`, `TITLE`, `TEL`, `EMAIL`, `NOTE`,
/// `CATEGORIES`); the rest of the card goes in `X-SIGNAAL-*` properties. A phone label that
/// vCard has a TYPE for (mobiel, werk, thuis, fax, pieper) becomes that TYPE; any other label
/// goes along as an Apple `X-ABLabel` in the phone's group, which macOS, iOS and khard show and
/// [`super::super::read`] reads back, with the TYPE FAX when a word of it is "fax" ("fax
/// werk"), VOICE otherwise. A card whose name is its organisation is written as the card of that
/// organisation: `KIND:org`, with no `N`.
pub fn write_vcard(contacts: &[Contact]) -> String {
    let mut out = String::new();
    for (contact, uid) in contacts.iter().zip(uids(contacts)) {
        card(contact, uid)
            .write_to(&mut out, VCardVersion::V4_0)
            .expect("writing to a String does not fail");
    }
    out
}

fn card(contact: &Contact, uid: String) -> VCard {
    let mut entries = vec![text(VCardProperty::Uid, &uid)];
    let name = contact.name.trim();
    let organisation = contact.organisation.trim();
    let is_organisation = is_organisation(contact);
    if is_organisation {
        // In lower case, as RFC 6350 writes it: calcard's `VCardKind::Org` writes `ORG`, which
        // the standard allows but khard then shows as an unknown kind.
        entries.push(text(VCardProperty::Kind, "org"));
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
        // Its units, as the reader stored them: "; " between them (a comma is the name's own).
        let units = organisation.split("; ").map(|unit| text_value(unit.trim()));
        entries.push(VCardEntry::new(VCardProperty::Org).with_values(units.collect()));
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
                // A fax with a label of its own ("fax werk") is still a fax to a phone.
                let kind = match phone
                    .label
                    .to_lowercase()
                    .split_whitespace()
                    .any(|w| w == "fax")
                {
                    true => VCardType::Fax,
                    false => VCardType::Voice,
                };
                entries.push(
                    text(VCardProperty::Tel, number)
                        .with_params(vec![type_param(kind)])
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
        Field::Pinned => contact.pinned.map(Pinned::export_name).unwrap_or_default(),
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
    VCardEntry::new(property).with_value(text_value(value))
}

/// A text value with its line ends as `\n`.
fn text_value(value: &str) -> VCardValue {
    VCardValue::Text(value.replace("\r\n", "\n").replace('\r', "\n"))
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

/// Splits a full name into (family name, given names) for N.
///
/// The family name starts at the first word that is a tussenvoegsel written in lowercase, so
/// every tussenvoegsel and every word after it belongs to it ("Anouk van den Berg" → "van den
/// Berg", "Anouk"; "van Dijk" → "van Dijk", ""). A name without one ends in its family name: the
/// last word, with the tussenvoegsels before it that are capitalised as some families write them
/// ("Fatima El Amrani" → "El Amrani"), but never the first word ("Al Pacino" → "Pacino").
///
/// A name with a comma is not split: it may be "family, given" as an address book sorts, or
/// "organisation, department" ("GGD Lindewaard, infectieziekten"), and guessing wrong would
/// show a made-up name. The whole name becomes the family name and the given name stays empty,
/// so a tool that builds the name from N shows exactly what FN says.
pub(in crate::contacts_io) fn split_name(name: &str) -> (String, String) {
    if name.contains(',') {
        return (
            name.split_whitespace().collect::<Vec<_>>().join(" "),
            String::new(),
        );
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = words.len().checked_sub(1) else {
        return (String::new(), String::new());
    };
    let start = words
        .iter()
        .position(|word| particle(word) && lowercase(word))
        .filter(|&at| at < last)
        .unwrap_or_else(|| {
            let mut start = last;
            while start > 1 && particle(words[start - 1]) {
                start -= 1;
            }
            start
        });
    (words[start..].join(" "), words[..start].join(" "))
}

/// Dutch tussenvoegsels that `named::PARTICLES` leaves out (it matches names, where these
/// common words would do harm): "Jan uit den Bogaard", "Els aan de Stegge", "Piet bij de Vaate".
const MORE_PARTICLES: [&str; 3] = ["aan", "bij", "uit"];

/// Whether a card is the card of an organisation (or a service, a team, a function) rather
/// than of a person. Its name
/// - is its organisation's ("Veilig Thuis"), or starts with it and goes on after a space or
///   punctuation ("GGD Lindewaard, infectieziekten" of "GGD Lindewaard");
/// - starts with the first word of its role, which names what it is, not who ("Wijkteam
///   Lindewaard-Oost", a Wijkteam; "Huisartsen Zeeweg", Huisarts; "Vertrouwensinspecteur");
/// - has no letter ("112");
/// - or has a word in lowercase that is no tussenvoegsel ("GGD toezicht kinderopvang"), which
///   a person's name has not.
///
/// Such a card is written as `KIND:org`, without an `N`: a made-up family name would only
/// mislead.
fn is_organisation(contact: &Contact) -> bool {
    let name = contact.name.trim();
    let organisation = contact.organisation.trim();
    let starts_with_organisation = !organisation.is_empty()
        && name
            .strip_prefix(organisation)
            .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()));
    let first_word = |text: &str| {
        let word = text.split_whitespace().next().unwrap_or_default();
        crate::search::fold(word)
    };
    let role = first_word(&contact.role);
    // Five letters at least: a shorter first word of a role ("Arts") could start a name.
    let names_the_role = role.chars().count() >= 5 && first_word(name).starts_with(&role);
    let lowercase_word = name
        .split_whitespace()
        .any(|word| word.chars().any(char::is_alphabetic) && lowercase(word) && !particle(word));
    starts_with_organisation
        || names_the_role
        || !name.chars().any(char::is_alphabetic)
        || lowercase_word
}

/// Whether a word is a tussenvoegsel (or its kin elsewhere), in any case.
fn particle(word: &str) -> bool {
    let word = word.to_lowercase();
    crate::domain::named::PARTICLES.contains(&word.as_str())
        || MORE_PARTICLES.contains(&word.as_str())
}

/// Whether a word has no capital letter.
fn lowercase(word: &str) -> bool {
    word.chars().all(|c| !c.is_uppercase())
}
