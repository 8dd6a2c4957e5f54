//! Control characters in the names and other one-line texts of an export's records (the rule is
//! `domain::text`'s): which field holds one, and where in the file that field's value is.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::Record;
use crate::domain::contact::{Contact, Phone};
use crate::domain::text::{first_control_char, first_control_char_in_text};

/// One step of a path into a record: a field, or a place in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Field(&'static str),
    Index(usize),
}

/// A path into a record, `guardians[0].name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldPath(pub Vec<Step>);

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Field(name) if i == 0 => f.write_str(name)?,
                Step::Field(name) => write!(f, ".{name}")?,
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// The first of the record's names and one-line texts (a phone's number and label, an e-mail
/// address, a group's location) that holds a control character, else the first of its free
/// texts (notes) that holds one other than a line break or tab: its path in the record and the
/// character.
pub fn first_in(record: Record<'_>) -> Option<(FieldPath, char)> {
    let mut lines: Vec<(Vec<Step>, &str)> = Vec::new();
    let mut free: Vec<(Vec<Step>, &str)> = Vec::new();
    let field = |name| vec![Step::Field(name)];
    match record {
        Record::Staff(s) => lines.extend([
            (field("name"), s.name.as_str()),
            (field("phone"), s.phone.as_str()),
        ]),
        Record::Group(g) => lines.extend([
            (field("name"), g.name.as_str()),
            (field("location"), g.location.as_str()),
        ]),
        Record::Child(c) => {
            lines.extend([
                (field("first_name"), c.first_name.as_str()),
                (field("last_name"), c.last_name.as_str()),
            ]);
            for (i, g) in c.guardians.iter().enumerate() {
                let at = |name| vec![Step::Field("guardians"), Step::Index(i), Step::Field(name)];
                lines.extend([
                    (at("name"), g.name.as_str()),
                    (at("relation"), g.relation.as_str()),
                    (at("email"), g.email.as_str()),
                ]);
                lines.extend(phones(at("phones"), &g.phones));
            }
        }
        Record::Contact(c) => {
            lines.extend([
                (field("name"), c.name.as_str()),
                (field("role"), c.role.as_str()),
                (field("organisation"), c.organisation.as_str()),
                (field("email"), c.email.as_str()),
                (field("area"), c.area.as_str()),
                (field("uid"), c.uid.as_str()),
            ]);
            lines.extend(phones(field("phones"), &c.phones));
            let topics = c.topics.iter().enumerate();
            lines.extend(
                topics.map(|(i, t)| (vec![Step::Field("topics"), Step::Index(i)], t.as_str())),
            );
            free.extend([
                (field("availability"), c.availability.as_str()),
                (field("when_to_call"), c.when_to_call.as_str()),
                (field("notes"), c.notes.as_str()),
            ]);
        }
        Record::Observation(o) => {
            free.push((field("parents_view"), o.parents_view.as_str()));
            let at = |list, i| vec![Step::Field(list), Step::Index(i), Step::Field("note")];
            free.extend(
                o.marks
                    .iter()
                    .enumerate()
                    .map(|(i, m)| (at("marks", i), m.note.as_str())),
            );
            free.extend(
                o.notes
                    .iter()
                    .enumerate()
                    .map(|(i, n)| (at("notes", i), n.note.as_str())),
            );
        }
        _ => {}
    }
    let found = |rule: fn(&str) -> Option<char>| {
        move |(path, text): (Vec<Step>, &str)| rule(text).map(|c| (FieldPath(path), c))
    };
    let in_lines = lines.into_iter().find_map(found(first_control_char));
    in_lines.or_else(|| free.into_iter().find_map(found(first_control_char_in_text)))
}

/// [`first_in`] for one contact card: the field of `contact` that holds a control character it
/// may not have, and the character. A contacts file's readers and the store refuse a card by the
/// rule the JSON import refuses one by.
pub fn in_contact(contact: &Contact) -> Option<(FieldPath, char)> {
    first_in(Record::Contact(contact))
}

/// The sentence `check` reports for a record with a control character in a name or text
/// ("child 12 has a control character (ESC) in last_name"), if it has one.
pub fn control_char_problem(record: Record<'_>) -> Option<String> {
    let (field, c) = first_in(record)?;
    let which = match record.id() {
        Some(("staff", id)) => format!("staff member {id}"),
        Some((kind, id)) => format!("{kind} {id}"),
        None => "a pinned contact".into(),
    };
    let name = crate::domain::text::control_char_name(c);
    Some(format!(
        "{which} has a control character ({name}) in {field}"
    ))
}

/// The number and label of each phone, under `list` (`guardians[0].phones`).
fn phones(list: Vec<Step>, phones: &[Phone]) -> impl Iterator<Item = (Vec<Step>, &str)> {
    phones.iter().enumerate().flat_map(move |(j, p)| {
        let at = |name| {
            let mut path = list.clone();
            path.extend([Step::Index(j), Step::Field(name)]);
            path
        };
        [
            (at("number"), p.number.as_str()),
            (at("label"), p.label.as_str()),
        ]
    })
}

/// The line and column (1-based) where the value at `path` begins in `json`, one record as
/// written; `None` when the record does not read as JSON or has no such value.
pub fn locate(json: &[u8], path: &FieldPath) -> Option<(usize, usize)> {
    let mut de = serde_json::Deserializer::from_slice(json);
    match Find(&path.0).deserialize(&mut de) {
        // serde_json places an error at the last byte it read: the one before the value.
        Err(e) if e.to_string().starts_with(FOUND) => Some((e.line(), e.column() + 1)),
        _ => None,
    }
}

/// The error [`Find`] stops with before the value it looks for, so that serde_json says where
/// that value begins (reading on, serde_json would place it after the record's `}`).
const FOUND: &str = "found here";

/// Walks down a path, skipping every other value.
struct Find<'p>(&'p [Step]);

impl<'de> DeserializeSeed<'de> for Find<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.0 {
            [] => Err(de::Error::custom(FOUND)),
            _ => d.deserialize_any(self),
        }
    }
}

impl<'de> Visitor<'de> for Find<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object or a list")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match self.0 {
                [Step::Field(name), rest @ ..] if *name == key => {
                    map.next_value_seed(Find(rest))?
                }
                _ => map.next_value::<IgnoredAny>().map(drop)?,
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            let more = match self.0 {
                [Step::Index(n), rest @ ..] if *n == i => seq.next_element_seed(Find(rest))?,
                _ => seq.next_element::<IgnoredAny>()?.map(drop),
            };
            if more.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_at_a_path_is_found_where_it_begins() {
        let json = br#"{"id": 3,
  "guardians": [
    {"name": "Ans"},
    {"name": "B\u001b[31m", "phones": []}
  ]}"#;
        let path = FieldPath(vec![
            Step::Field("guardians"),
            Step::Index(1),
            Step::Field("name"),
        ]);
        assert_eq!(path.to_string(), "guardians[1].name");
        assert_eq!(locate(json, &path), Some((4, 14)));
        let missing = FieldPath(vec![Step::Field("guardians"), Step::Index(2)]);
        assert_eq!(locate(json, &missing), None);
    }

    #[test]
    fn names_with_control_characters_are_named_by_record_and_field() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-29T10:15:00+01:00").unwrap();
        let mut data = crate::demo::generate(&Default::default(), now);
        let problems = |data: &crate::export::Export| -> Vec<String> {
            data.records().filter_map(control_char_problem).collect()
        };
        assert_eq!(problems(&data), Vec::<String>::new());
        let child = &mut data.children[2];
        child.last_name.push_str("\u{1b}[2J");
        let id = child.id;
        data.staff[1].name.push('\u{7}');
        let staff = data.staff[1].id;
        let group = &mut data.groups[0];
        group.location = "Hal\nB".into();
        let group = group.id;
        // A UID is written raw into a vCard export: it must be clean too.
        let contact = data.contacts.iter_mut().find(|c| c.id != 0).unwrap();
        contact.uid = "a\u{1b}[31mb".into();
        let contact = contact.id;
        assert_eq!(
            problems(&data),
            [
                format!("staff member {staff} has a control character (BEL) in name"),
                format!("group {group} has a control character (LF) in location"),
                format!("child {id} has a control character (ESC) in last_name"),
                format!("contact {contact} has a control character (ESC) in uid"),
            ]
        );
    }
}
