//! One card as `calcard` read it into a [`Contact`]: the standard properties where vCard has
//! them, signaal's own `X-SIGNAAL-*` for the rest (see [`super::fields`]).

use calcard::common::IanaString;
use calcard::vcard::{
    VCard, VCardEntry, VCardParameterName, VCardParameterValue, VCardProperty, VCardValue,
    VCardVersion,
};
use chrono::NaiveDate;
use mail_parser::decoders::charsets::map::charset_decoder;
use mail_parser::decoders::quoted_printable::quoted_printable_decode;

use super::fields::{self, Field};
use super::{rules, shown};
use crate::domain::contact::{Contact, Phone};

/// The contact of one card, or why the card is not one (said of the card as a whole).
pub(super) fn contact(card: &VCard) -> Result<Contact, String> {
    if let Some(entry) = card.property(&VCardProperty::Version) {
        let version = shown(&texts(entry).join(""));
        if !matches!(
            VCardVersion::try_parse(&version),
            Some(VCardVersion::V2_1 | VCardVersion::V3_0 | VCardVersion::V4_0)
        ) {
            return Err(format!(
                "this card has VERSION:{version}; signaal reads vCard 2.1, 3.0 and 4.0"
            ));
        }
    }
    // The units of an ORG (`ORG:Stichting Kleur\, Taal;Afdeling Tolken`) are joined by "; ", so
    // they stay apart from a comma in a unit's name, and the writer splits them there again.
    let organisation = card
        .property(&VCardProperty::Org)
        .map(|entry| {
            let parts: Vec<String> = components(entry)
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect();
            parts.join("; ")
        })
        .unwrap_or_default();
    let formatted = card
        .property(&VCardProperty::Fn)
        .map(single)
        .filter(|name| !name.is_empty());
    let from_n = card.property(&VCardProperty::N).map(|entry| {
        let parts = components(entry);
        let part = |i: usize| parts.get(i).map(String::as_str).unwrap_or("");
        // given, additional, family
        [part(1), part(2), part(0)]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    });
    // A card of an organisation has an ORG and, in the name, nothing or that organisation.
    let name = formatted
        .or(from_n.filter(|name| !name.is_empty()))
        .or_else(|| (!organisation.is_empty()).then(|| organisation.clone()))
        .ok_or("this card has no name: it needs FN (the name as shown), N or ORG")?;
    let mut contact = Contact::named(0, &name);
    // Any text: 4.0 wants a URI, but 3.0 writers use what they like. Control characters are
    // left out, so a UID never carries an escape sequence to a terminal or another tool.
    contact.uid = card
        .property(&VCardProperty::Uid)
        .map(|entry| single(entry).chars().filter(|c| !c.is_control()).collect())
        .unwrap_or_default();
    contact.organisation = organisation;
    contact.role = [VCardProperty::Title, VCardProperty::Role]
        .iter()
        .filter_map(|property| card.property(property))
        .map(single)
        .find(|role| !role.is_empty())
        .unwrap_or_default();
    let (phones, not_numbers) = phones(card);
    let (phones, faxes) = rules::phones(phones);
    contact.phones = phones;
    let mut emails: Vec<(u32, String)> = card
        .properties(&VCardProperty::Email)
        .map(|entry| (preference(entry), uri_less(&single(entry), "mailto:")))
        .filter(|(_, email)| !email.is_empty())
        .collect();
    emails.sort_by_key(|(preference, _)| *preference);
    let (email, other_emails) = rules::emails(emails.into_iter().map(|(_, email)| email).collect());
    contact.email = email;
    let mut notes: Vec<String> = card
        .properties(&VCardProperty::Note)
        .map(single)
        .filter(|note| !note.is_empty())
        .collect();
    notes.extend(not_numbers.into_iter().map(|text| format!("Tel: {text}")));
    notes.extend(faxes);
    notes.extend(other_emails);
    contact.notes = notes.join("\n");
    for entry in card.properties(&VCardProperty::Categories) {
        for topic in texts(entry) {
            let topic = topic.trim().to_string();
            if !topic.is_empty() && !contact.topics.contains(&topic) {
                contact.topics.push(topic);
            }
        }
    }
    contact.area = card
        .properties(&VCardProperty::Adr)
        .filter_map(|entry| components(entry).into_iter().nth(3))
        .find(|locality| !locality.is_empty())
        .unwrap_or_default();
    signaal_fields(card, &mut contact)?;
    Ok(contact)
}

/// Takes in the `X-SIGNAAL-*` properties signaal writes for what vCard has no property for.
fn signaal_fields(card: &VCard, contact: &mut Contact) -> Result<(), String> {
    for entry in &card.entries {
        let VCardProperty::Other(name) = &entry.name else {
            continue;
        };
        let Some(field) = fields::by_name(name) else {
            continue;
        };
        let value = single(entry);
        let (name, shown_value) = (field.name(), shown(&value));
        match field {
            Field::Availability => contact.availability = value,
            Field::Area => contact.area = value,
            Field::WhenToCall => contact.when_to_call = value,
            Field::Help => {
                contact.help = fields::help(&value).ok_or_else(|| {
                    format!("{name} is \"{shown_value}\"; it is advice-only or referral")
                })?
            }
            Field::ConsentFirst => {
                contact.consent_first = fields::yes_no(&value)
                    .ok_or_else(|| format!("{name} is \"{shown_value}\"; it is TRUE or FALSE"))?
            }
            Field::Verified => {
                contact.verified = Some(
                    NaiveDate::parse_from_str(&value, "%Y-%m-%d")
                        .map_err(|_| format!("{name} is \"{shown_value}\", which is not a date"))?,
                )
            }
            Field::Pinned => {
                contact.pinned = Some(fields::pinned(&value).ok_or_else(|| {
                    format!(
                        "{name} is \"{shown_value}\"; signaal pins emergency, veilig_thuis, \
                         vertrouwensinspecteur and aandachtsfunctionaris"
                    )
                })?)
            }
            Field::Groups => {
                contact.groups = value
                    .split(',')
                    .map(str::trim)
                    .filter(|id| !id.is_empty())
                    .map(|id| {
                        id.parse().map_err(|_| {
                            format!(
                                "{name} holds \"{}\", which is not a group's number",
                                shown(id)
                            )
                        })
                    })
                    .collect::<Result<_, _>>()?
            }
        }
    }
    Ok(())
}

/// The `TEL`s, most preferred first, with a label from its TYPE or from the Apple `X-ABLabel`
/// in its group (faxes and numbers twice among them: [`rules::phones`] sorts them out); and the
/// text of a `TEL` that is no number (has no digit: "geen", "-"), for the notes.
fn phones(card: &VCard) -> (Vec<Phone>, Vec<String>) {
    let mut tels: Vec<(u32, Phone)> = Vec::new();
    let mut not_numbers = Vec::new();
    for entry in card.properties(&VCardProperty::Tel) {
        let number = number(&single(entry));
        if number.is_empty() {
            continue;
        }
        if !number.chars().any(|c| c.is_ascii_digit()) {
            if !not_numbers.contains(&number) {
                not_numbers.push(number);
            }
            continue;
        }
        let label = entry
            .group
            .as_deref()
            .and_then(|group| apple_label(card, group))
            .or_else(|| android_label(entry))
            .unwrap_or_else(|| type_labels(&types(entry)));
        tels.push((preference(entry), Phone { label, number }));
    }
    tels.sort_by_key(|(preference, _)| *preference);
    let phones = tels.into_iter().map(|(_, phone)| phone).collect();
    (phones, not_numbers)
}

/// The number of a TEL value: without `tel:`, and an extension (`;ext=12`, in a `tel:` URI or
/// typed after the number) written after it as " ext. 12" rather than glued into the number.
fn number(value: &str) -> String {
    let value = uri_less(value, "tel:");
    let mut parts = value.split(';');
    let number = parts.next().unwrap_or_default().trim().to_string();
    let extension = parts.find_map(|part| {
        let (key, value) = part.split_once('=')?;
        key.trim().eq_ignore_ascii_case("ext").then(|| value.trim())
    });
    match extension {
        Some(extension) if !extension.is_empty() => format!("{number} ext. {extension}"),
        _ => number,
    }
}

/// The label of the Apple `X-ABLabel` in `group`: Apple's own labels look like `_$!<Mobile>!$_`,
/// and one typed by a person is kept as written; a label that is only vCard types
/// (`WORK;VOICE;PREF`, as some converters write) is read as those types.
fn apple_label(card: &VCard, group: &str) -> Option<String> {
    let entry = card.entries.iter().find(|entry| {
        entry
            .group
            .as_deref()
            .is_some_and(|g| g.eq_ignore_ascii_case(group))
            && matches!(&entry.name, VCardProperty::Other(name) if name.eq_ignore_ascii_case("X-ABLABEL"))
    })?;
    let text = single(entry);
    let text = text
        .strip_prefix("_$!<")
        .and_then(|l| l.strip_suffix(">!$_"))
        .unwrap_or(&text);
    let words: Vec<String> = text
        .split([';', ','])
        .map(|word| word.trim().to_ascii_lowercase())
        .filter(|word| !word.is_empty())
        .collect();
    let only_types = words.iter().all(|word| is_type(word));
    Some(match only_types {
        true => type_labels(&words),
        false => text.trim().to_string(),
    })
    .filter(|label| !label.is_empty() || only_types)
}

/// The label Android writes for a phone of a kind a person named:
/// `TEL;X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,Na 17 uur):...`, the label last and
/// quoted-printable when it says so. `calcard` reads the parentheses as parameters named
/// `X-CUSTOM(CHARSET` with the values "UTF-8", "ENCODING=QUOTED-PRINTABLE" and "Na 17 uur)";
/// the label is decoded with `mail-parser`, the decoders `calcard` uses itself.
fn android_label(entry: &VCardEntry) -> Option<String> {
    let custom: Vec<(&str, &str)> = entry
        .params
        .iter()
        .filter_map(|param| match (&param.name, &param.value) {
            (VCardParameterName::Other(name), VCardParameterValue::Text(text))
                if name
                    .get(..9)
                    .is_some_and(|h| h.eq_ignore_ascii_case("X-CUSTOM(")) =>
            {
                Some((name.as_str(), text.as_str()))
            }
            _ => None,
        })
        .collect();
    let &(name, first) = custom.first()?;
    let charset = name[9..].eq_ignore_ascii_case("CHARSET").then_some(first);
    let encoding = |text: &str| {
        text.get(..9)
            .is_some_and(|h| h.eq_ignore_ascii_case("ENCODING="))
    };
    let quoted = custom
        .iter()
        .any(|(_, text)| text.eq_ignore_ascii_case("ENCODING=QUOTED-PRINTABLE"));
    let label: Vec<&str> = custom
        .iter()
        .skip(usize::from(charset.is_some()))
        .map(|(_, text)| *text)
        .filter(|text| !encoding(text))
        .collect();
    let label = label.join(",");
    let label = label.strip_suffix(')')?;
    let label = match quoted {
        false => label.to_string(),
        true => {
            let bytes = quoted_printable_decode(label.as_bytes())?;
            match charset.and_then(|charset| charset_decoder(charset.as_bytes())) {
                Some(decode) => decode(&bytes),
                None => String::from_utf8_lossy(&bytes).into_owned(),
            }
        }
    };
    Some(label.trim().to_string()).filter(|label| !label.is_empty())
}

/// Whether a word is one of vCard's TYPE values for a phone (or Apple's for its own labels).
fn is_type(word: &str) -> bool {
    type_label(word).is_some() || matches!(word, "voice" | "pref" | "text" | "video" | "internet")
}

/// The label of a phone from its TYPE values: the ones that say something to a caller, in
/// Dutch, joined by ", "; voice, pref and the like say nothing and are left out.
fn type_labels(types: &[String]) -> String {
    let mut labels: Vec<&str> = Vec::new();
    for label in types.iter().filter_map(|kind| type_label(kind)) {
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels.join(", ")
}

/// The label of one TYPE value (lowercase).
fn type_label(kind: &str) -> Option<&'static str> {
    match kind {
        "cell" | "mobile" | "iphone" => Some("mobiel"),
        "work" => Some("werk"),
        "home" => Some("thuis"),
        "fax" | "homefax" | "workfax" => Some("fax"),
        "pager" => Some("pieper"),
        _ => None,
    }
}

/// The TYPE values of a property, lowercase: `TYPE=work,voice`, `TYPE="work,voice"`,
/// `TYPE=HOME\,VOICE` and vCard 2.1's bare `TEL;WORK;VOICE:` alike.
fn types(entry: &VCardEntry) -> Vec<String> {
    let mut types = Vec::new();
    for param in &entry.params {
        match (&param.name, &param.value) {
            (VCardParameterName::Type, VCardParameterValue::Type(kind)) => {
                types.push(kind.as_str().to_ascii_lowercase())
            }
            (VCardParameterName::Type, VCardParameterValue::Text(text))
            | (VCardParameterName::Other(text), VCardParameterValue::Null) => types.extend(
                text.split(',')
                    .map(|kind| kind.trim().to_ascii_lowercase())
                    .filter(|kind| !kind.is_empty()),
            ),
            _ => {}
        }
    }
    types
}

/// How preferred a value is: `PREF=1` (4.0, 1 is most) or the type `pref` (2.1, 3.0); lower is
/// more preferred, `u32::MAX` for neither.
fn preference(entry: &VCardEntry) -> u32 {
    let pref = entry
        .params
        .iter()
        .find_map(|param| match (&param.name, &param.value) {
            (VCardParameterName::Pref, VCardParameterValue::Integer(n)) => Some(*n),
            // vCard 2.1's bare `TEL;PREF;CELL:`.
            (VCardParameterName::Pref, VCardParameterValue::Null) => Some(1),
            _ => None,
        });
    pref.unwrap_or(match types(entry).iter().any(|kind| kind == "pref") {
        true => 1,
        false => u32::MAX,
    })
}

/// The text values of a property, as the crate split them (CATEGORIES at commas).
fn texts(entry: &VCardEntry) -> Vec<String> {
    entry
        .values
        .iter()
        .flat_map(|value| match value {
            VCardValue::Component(parts) => parts.clone(),
            other => other.as_text().map(str::to_string).into_iter().collect(),
        })
        .collect()
}

/// A one-valued property's text, trimmed, with line ends as `\n`.
fn single(entry: &VCardEntry) -> String {
    texts(entry)
        .join(",")
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_string()
}

/// The components of a structured value (N, ORG, ADR), each trimmed, with the values of a
/// component that has several (`N:Public;John;Quinlan,Q.`) joined by a space.
fn components(entry: &VCardEntry) -> Vec<String> {
    entry
        .values
        .iter()
        .map(|value| match value {
            VCardValue::Component(parts) => parts
                .iter()
                .map(|part| part.trim())
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            other => other.as_text().unwrap_or_default().trim().to_string(),
        })
        .collect()
}

/// `value` without a URI scheme such as `tel:` (in any case).
fn uri_less(value: &str, scheme: &str) -> String {
    match value.get(..scheme.len()) {
        Some(head) if head.eq_ignore_ascii_case(scheme) => value[scheme.len()..].trim(),
        _ => value.trim(),
    }
    .to_string()
}
