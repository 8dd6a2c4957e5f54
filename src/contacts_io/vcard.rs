//! vCard files: reading 2.1, 3.0 (RFC 2426) and 4.0 (RFC 6350), writing 4.0.
//!
//! Reading goes in three steps. The physical lines are unfolded into logical lines, each keeping
//! the number of its first physical line for the problems: a line that starts with a space or tab
//! continues the one before (on bytes, so a fold in the middle of a character is fine), and so
//! does the line after a quoted-printable value that ends in a soft line break `=`. Each logical
//! line is then split into group, name, parameters and value. Last, the properties between
//! `BEGIN:VCARD` and `END:VCARD` fill one [`Contact`]; properties signaal has no place for (`PHOTO`,
//! `X-...`, `BDAY`, ...) are skipped.

use std::borrow::Cow;
use std::collections::HashMap;

use super::problem;
use super::text::{self, escape, split_unescaped, unescape};
use crate::domain::contact::{Contact, Phone};
use crate::problem::Problem;

/// Reads every card of a vCard file, or every problem of it.
pub(super) fn read(bytes: &[u8]) -> Result<Vec<Contact>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut contacts = Vec::new();
    let mut open: Option<Card> = None;
    // A run of lines outside any card is reported once, at its first line.
    let mut outside_reported = false;
    for line in logical_lines(bytes) {
        if line.bytes.trim_ascii().is_empty() {
            continue;
        }
        let property = match Property::parse(&line) {
            Ok(property) => property,
            Err(message) => {
                problems.push(problem(line.number, message));
                continue;
            }
        };
        match property.name.as_str() {
            "BEGIN" => {
                let what = String::from_utf8_lossy(property.value).trim().to_string();
                if !what.eq_ignore_ascii_case("VCARD") {
                    problems.push(problem(
                        line.number,
                        format!("BEGIN:{what} is not a vCard; only BEGIN:VCARD can be read here"),
                    ));
                    continue;
                }
                if let Some(card) = open.take() {
                    problems.push(problem(
                        card.begin,
                        format!(
                            "this card has no END:VCARD: the next BEGIN:VCARD (line {}) comes \
                             first",
                            line.number
                        ),
                    ));
                }
                open = Some(Card::new(line.number));
                outside_reported = false;
            }
            "END" => {
                let what = String::from_utf8_lossy(property.value).trim().to_string();
                if !what.eq_ignore_ascii_case("VCARD") {
                    problems.push(problem(
                        line.number,
                        format!("END:{what} does not close a card; a card ends with END:VCARD"),
                    ));
                    continue;
                }
                match open.take() {
                    Some(card) => {
                        let (begin, name_unreadable) = (card.begin, card.name_unreadable);
                        match card.finish() {
                            Ok(contact) => contacts.push(contact),
                            // Its FN or N is a problem already.
                            Err(_) if name_unreadable => {}
                            Err(message) => problems.push(problem(begin, message)),
                        }
                    }
                    None => problems.push(problem(
                        line.number,
                        "END:VCARD without a BEGIN:VCARD before it",
                    )),
                }
                outside_reported = false;
            }
            _ => match open.as_mut() {
                Some(card) => {
                    if let Err(message) = card.add(&property) {
                        problems.push(problem(line.number, message));
                        if matches!(property.name.as_str(), "FN" | "N") {
                            card.name_unreadable = true;
                        }
                    }
                }
                None if !outside_reported => {
                    problems.push(problem(
                        line.number,
                        format!(
                            "{} is outside a card: every line belongs between BEGIN:VCARD and \
                             END:VCARD",
                            property.name
                        ),
                    ));
                    outside_reported = true;
                }
                None => {}
            },
        }
    }
    if let Some(card) = open {
        problems.push(problem(
            card.begin,
            "this card has no END:VCARD: the file ends first",
        ));
    }
    if problems.is_empty() {
        Ok(contacts)
    } else {
        Err(problems)
    }
}

/// One logical line: physical lines joined by unfolding, with the number of the first.
struct Line {
    number: usize,
    bytes: Vec<u8>,
}

/// Unfolds the physical lines (ending in CRLF or LF) into logical lines.
fn logical_lines(bytes: &[u8]) -> Vec<Line> {
    let bytes = bytes.strip_prefix(text::BOM).unwrap_or(bytes);
    let mut lines: Vec<Line> = Vec::new();
    for (index, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if let Some(last) = lines.last_mut() {
            // A soft line break: the `=` goes, the next line follows as it is.
            if last.bytes.ends_with(b"=") && is_quoted_printable(&last.bytes) {
                last.bytes.pop();
                last.bytes.extend_from_slice(raw);
                continue;
            }
            if let Some(rest) = raw.strip_prefix(b" ").or_else(|| raw.strip_prefix(b"\t")) {
                last.bytes.extend_from_slice(rest);
                continue;
            }
        }
        lines.push(Line {
            number: index + 1,
            bytes: raw.to_vec(),
        });
    }
    lines
}

/// Whether a (logical) line's value is quoted-printable, by its parameters.
fn is_quoted_printable(line: &[u8]) -> bool {
    let Some(colon) = value_start(line) else {
        return false;
    };
    line[..colon]
        .windows(16)
        .any(|w| w.eq_ignore_ascii_case(b"QUOTED-PRINTABLE"))
}

/// Where the value starts: the first `:` that is not inside a quoted parameter value.
fn value_start(line: &[u8]) -> Option<usize> {
    let mut quoted = false;
    for (i, &b) in line.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// Splits at every `sep` that is not inside double quotes.
fn split_outside_quotes(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            parts.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts
}

/// A line as shown in a problem: at most 40 characters.
fn shown(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_string(),
    }
}

/// One content line: `[group.]NAME[;PARAM...]:value`.
struct Property<'a> {
    /// Lowercase, when there is one (`item1` of `item1.TEL`).
    group: Option<String>,
    /// Uppercase.
    name: String,
    /// (NAME in uppercase, value): one entry a value, so `TYPE=work,voice` is two. A 2.1 bare
    /// parameter (`TEL;WORK;VOICE:`) is a TYPE, or an ENCODING for the encodings' names.
    params: Vec<(String, String)>,
    /// The raw value, still encoded and escaped.
    value: &'a [u8],
}

impl<'a> Property<'a> {
    fn parse(line: &'a Line) -> Result<Property<'a>, String> {
        let colon = value_start(&line.bytes).ok_or_else(|| {
            format!(
                "\"{}\" is not a vCard line: a line is NAME:value",
                shown(&line.bytes)
            )
        })?;
        let head = String::from_utf8_lossy(&line.bytes[..colon]);
        let mut parts = split_outside_quotes(&head, ';').into_iter();
        let full_name = parts.next().unwrap_or_default().trim();
        let (group, name) = match full_name.rsplit_once('.') {
            Some((group, name)) => (Some(group), name),
            None => (None, full_name),
        };
        let is_name =
            |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !is_name(name) || !group.is_none_or(is_name) {
            return Err(format!(
                "\"{}\" is not a vCard line: \"{full_name}\" is not a property name",
                shown(&line.bytes)
            ));
        }
        let mut params = Vec::new();
        for param in parts.map(str::trim).filter(|p| !p.is_empty()) {
            match param.split_once('=') {
                Some((key, values)) => {
                    let key = key.trim().to_ascii_uppercase();
                    for value in split_outside_quotes(values, ',') {
                        let value = value.trim();
                        let value = value
                            .strip_prefix('"')
                            .and_then(|v| v.strip_suffix('"'))
                            .unwrap_or(value);
                        // 4.0 quotes a list of types as one value: TYPE="voice,home".
                        if key == "TYPE" {
                            for kind in value.split(',').map(str::trim).filter(|k| !k.is_empty()) {
                                params.push((key.clone(), kind.to_string()));
                            }
                        } else {
                            params.push((key.clone(), value.to_string()));
                        }
                    }
                }
                None => {
                    let key = match param.to_ascii_uppercase().as_str() {
                        "QUOTED-PRINTABLE" | "BASE64" | "B" | "8BIT" | "7BIT" => "ENCODING",
                        _ => "TYPE",
                    };
                    params.push((key.to_string(), param.to_string()));
                }
            }
        }
        Ok(Property {
            group: group.map(str::to_ascii_lowercase),
            name: name.to_ascii_uppercase(),
            params,
            value: &line.bytes[colon + 1..],
        })
    }

    /// The values of one parameter.
    fn params<'p>(&'p self, key: &'p str) -> impl Iterator<Item = &'p str> + 'p {
        self.params
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn param(&self, key: &str) -> Option<String> {
        self.params(key).next().map(str::to_ascii_uppercase)
    }

    /// The value decoded (ENCODING, then CHARSET) but still escaped, with newlines as `\n`.
    fn text(&self) -> Result<String, String> {
        let name = &self.name;
        let encoding = self.param("ENCODING");
        let (bytes, decoded) = match encoding.as_deref() {
            None | Some("8BIT" | "7BIT") => (Cow::Borrowed(self.value), false),
            Some("QUOTED-PRINTABLE") => (Cow::Owned(text::quoted_printable(self.value)), true),
            Some("B" | "BASE64") => match text::base64(self.value) {
                Some(bytes) => (Cow::Owned(bytes), true),
                None => return Err(format!("the value of {name} is not valid base64")),
            },
            Some(other) => {
                return Err(format!(
                    "{name} has ENCODING={other}; signaal reads QUOTED-PRINTABLE and BASE64"
                ))
            }
        };
        let charset = self.param("CHARSET");
        let western = matches!(
            charset.as_deref(),
            Some("ISO-8859-1" | "ISO8859-1" | "LATIN1" | "WINDOWS-1252" | "CP1252")
        );
        let text = match std::str::from_utf8(&bytes) {
            // An encoded value is in its CHARSET; a plain one in UTF-8 when it is, even when a
            // CHARSET says otherwise (the file was already read as UTF-8).
            Ok(text) if !(decoded && western) => text.to_string(),
            _ if western => text::windows_1252(&bytes),
            _ => match charset.as_deref() {
                None | Some("UTF-8" | "UTF8" | "US-ASCII" | "ASCII") => {
                    return Err(format!("the value of {name} is not valid UTF-8"))
                }
                Some(other) => {
                    return Err(format!(
                        "{name} has CHARSET={other}, which signaal cannot read; save the \
                         contacts as UTF-8"
                    ))
                }
            },
        };
        Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
    }

    /// The value as one text: decoded, unescaped and trimmed.
    fn single(&self) -> Result<String, String> {
        Ok(unescape(&self.text()?).trim().to_string())
    }

    /// The components of a structured value (N, ORG, ADR), each unescaped and trimmed, with the
    /// values of a component that has several (`N:Public;John;Quinlan,Q.`) joined by a space.
    fn components(&self) -> Result<Vec<String>, String> {
        let text = self.text()?;
        Ok(split_unescaped(&text, ';')
            .into_iter()
            .map(|component| {
                let values: Vec<String> = split_unescaped(component, ',')
                    .into_iter()
                    .map(|v| unescape(v).trim().to_string())
                    .filter(|v| !v.is_empty())
                    .collect();
                values.join(" ")
            })
            .collect())
    }

    /// How preferred the value is: `PREF=1` (4.0, 1 is most) or `TYPE=pref` (2.1, 3.0); lower is
    /// more preferred, `u32::MAX` for neither.
    fn preference(&self) -> u32 {
        let pref = self
            .params("PREF")
            .find_map(|v| v.trim().parse::<u32>().ok());
        let typed = self.params("TYPE").any(|t| t.eq_ignore_ascii_case("pref"));
        pref.unwrap_or(if typed { 1 } else { u32::MAX })
    }
}

/// The label of a phone from one TYPE value, for the types that say something to a caller.
fn type_label(kind: &str) -> Option<&'static str> {
    match kind.to_ascii_lowercase().as_str() {
        "cell" | "mobile" | "iphone" => Some("mobiel"),
        "work" => Some("werk"),
        "home" => Some("thuis"),
        "fax" | "homefax" | "workfax" => Some("fax"),
        "pager" => Some("pieper"),
        _ => None,
    }
}

/// The label of an Apple `X-ABLabel`: its own labels look like `_$!<Mobile>!$_`, and one typed by a
/// person is kept as written.
fn apple_label(label: &str) -> String {
    match label
        .strip_prefix("_$!<")
        .and_then(|l| l.strip_suffix(">!$_"))
    {
        Some(builtin) => type_label(builtin).unwrap_or("").to_string(),
        None => label.to_string(),
    }
}

struct Tel {
    preference: u32,
    group: Option<String>,
    label: String,
    number: String,
}

/// What one card says so far.
struct Card {
    /// The line of its BEGIN:VCARD, where problems of the card as a whole are reported.
    begin: usize,
    formatted_name: Option<String>,
    name_from_n: Option<String>,
    organisation: Option<String>,
    title: Option<String>,
    role: Option<String>,
    phones: Vec<Tel>,
    emails: Vec<(u32, String)>,
    notes: Vec<String>,
    topics: Vec<String>,
    locality: Option<String>,
    /// X-ABLabel by group, the label of the phone in the same group.
    labels: HashMap<String, String>,
    /// Its FN or N could not be decoded (a problem of its own), so a missing name is no news.
    name_unreadable: bool,
}

impl Card {
    fn new(begin: usize) -> Card {
        Card {
            begin,
            formatted_name: None,
            name_from_n: None,
            organisation: None,
            title: None,
            role: None,
            phones: Vec::new(),
            emails: Vec::new(),
            notes: Vec::new(),
            topics: Vec::new(),
            locality: None,
            labels: HashMap::new(),
            name_unreadable: false,
        }
    }

    /// Takes in one property; the properties signaal has no place for are skipped unread.
    fn add(&mut self, property: &Property) -> Result<(), String> {
        let first = |slot: &mut Option<String>, value: String| {
            if slot.is_none() && !value.is_empty() {
                *slot = Some(value);
            }
        };
        match property.name.as_str() {
            "VERSION" => {
                let version = String::from_utf8_lossy(property.value).trim().to_string();
                if !matches!(version.as_str(), "2.1" | "3.0" | "4.0") {
                    return Err(format!(
                        "VERSION must be 2.1, 3.0 or 4.0, not \"{version}\""
                    ));
                }
            }
            "FN" => first(&mut self.formatted_name, property.single()?),
            "N" => {
                let parts = property.components()?;
                let part = |i: usize| parts.get(i).map(String::as_str).unwrap_or("");
                // given, additional, family
                let name: Vec<&str> = [part(1), part(2), part(0)]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect();
                first(&mut self.name_from_n, name.join(" "));
            }
            "ORG" => {
                let parts: Vec<String> = property
                    .components()?
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect();
                first(&mut self.organisation, parts.join(", "));
            }
            "TITLE" => first(&mut self.title, property.single()?),
            "ROLE" => first(&mut self.role, property.single()?),
            "TEL" => {
                let value = property.single()?;
                let number = strip_prefix_ignore_case(&value, "tel:").trim().to_string();
                if number.is_empty() {
                    return Ok(());
                }
                let mut labels: Vec<&str> = Vec::new();
                for kind in property.params("TYPE") {
                    if let Some(label) = type_label(kind) {
                        if !labels.contains(&label) {
                            labels.push(label);
                        }
                    }
                }
                self.phones.push(Tel {
                    preference: property.preference(),
                    group: property.group.clone(),
                    label: labels.join(", "),
                    number,
                });
            }
            "EMAIL" => {
                let value = property.single()?;
                let email = strip_prefix_ignore_case(&value, "mailto:")
                    .trim()
                    .to_string();
                if !email.is_empty() {
                    self.emails.push((property.preference(), email));
                }
            }
            "NOTE" => {
                let note = property.single()?;
                if !note.is_empty() {
                    self.notes.push(note);
                }
            }
            "CATEGORIES" => {
                let text = property.text()?;
                for topic in split_unescaped(&text, ',') {
                    let topic = unescape(topic).trim().to_string();
                    if !topic.is_empty() && !self.topics.contains(&topic) {
                        self.topics.push(topic);
                    }
                }
            }
            "ADR" => {
                let parts = property.components()?;
                if let Some(locality) = parts.into_iter().nth(3) {
                    first(&mut self.locality, locality);
                }
            }
            "X-ABLABEL" => {
                if let Some(group) = &property.group {
                    let label = apple_label(&property.single()?);
                    self.labels.insert(group.clone(), label);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The contact, or why the card is not one.
    fn finish(self) -> Result<Contact, String> {
        let name = self
            .formatted_name
            .or(self.name_from_n)
            .ok_or("this card has no name: it needs FN (the name as shown) or N")?;
        let mut contact = Contact::named(0, &name);
        contact.organisation = self.organisation.unwrap_or_default();
        contact.role = self.title.or(self.role).unwrap_or_default();
        let mut phones = self.phones;
        phones.sort_by_key(|tel| tel.preference);
        let labels = self.labels;
        contact.phones = phones
            .into_iter()
            .map(|tel| Phone {
                label: tel
                    .group
                    .and_then(|group| labels.get(&group).cloned())
                    .unwrap_or(tel.label),
                number: tel.number,
            })
            .collect();
        let mut emails = self.emails;
        emails.sort_by_key(|(preference, _)| *preference);
        let mut emails = emails.into_iter().map(|(_, email)| email);
        contact.email = emails.next().unwrap_or_default();
        let mut notes = self.notes;
        notes.extend(emails.map(|email| format!("E-mail: {email}")));
        contact.notes = notes.join("\n");
        contact.topics = self.topics;
        contact.area = self.locality.unwrap_or_default();
        Ok(contact)
    }
}

fn strip_prefix_ignore_case<'v>(value: &'v str, prefix: &str) -> &'v str {
    match value.get(..prefix.len()) {
        Some(head) if head.eq_ignore_ascii_case(prefix) => &value[prefix.len()..],
        _ => value,
    }
}

/// The contacts as vCard 4.0, one card each, in order: CRLF line endings, lines folded at 75
/// octets (never inside a character), values escaped. A phone label that vCard has a TYPE for
/// (mobiel, werk, thuis, fax, pieper) becomes that TYPE; any other label goes along as an Apple
/// `X-ABLabel` in the phone's group, which macOS and iOS show and [`super::read`] reads back.
pub fn write_vcard(contacts: &[Contact]) -> String {
    let mut out = String::new();
    for contact in contacts {
        write_card(&mut out, contact);
    }
    out
}

fn write_card(out: &mut String, contact: &Contact) {
    put(out, "BEGIN:VCARD");
    put(out, "VERSION:4.0");
    let name = contact.name.trim();
    put(out, &format!("FN:{}", escape(name)));
    let (family, given) = split_name(name);
    put(out, &format!("N:{};{};;;", escape(&family), escape(&given)));
    let organisation = contact.organisation.trim();
    if !organisation.is_empty() {
        put(out, &format!("ORG:{}", escape(organisation)));
    }
    let role = contact.role.trim();
    if !role.is_empty() {
        put(out, &format!("TITLE:{}", escape(role)));
    }
    let mut item = 0;
    for phone in &contact.phones {
        let number = escape(phone.number.trim());
        if number.is_empty() {
            continue;
        }
        match phone_types(&phone.label) {
            Some(types) => put(out, &format!("TEL;TYPE={types}:{number}")),
            None => {
                item += 1;
                put(out, &format!("item{item}.TEL;TYPE=voice:{number}"));
                put(
                    out,
                    &format!("item{item}.X-ABLabel:{}", escape(phone.label.trim())),
                );
            }
        }
    }
    let email = contact.email.trim();
    if !email.is_empty() {
        put(out, &format!("EMAIL:{}", escape(email)));
    }
    let note: Vec<&str> = [
        contact.notes.trim(),
        contact.when_to_call.trim(),
        contact.availability.trim(),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect();
    if !note.is_empty() {
        put(out, &format!("NOTE:{}", escape(&note.join("\n"))));
    }
    let topics: Vec<String> = contact
        .topics
        .iter()
        .map(|topic| topic.trim())
        .filter(|topic| !topic.is_empty())
        .map(escape)
        .collect();
    if !topics.is_empty() {
        put(out, &format!("CATEGORIES:{}", topics.join(",")));
    }
    put(out, "END:VCARD");
}

/// The TYPE values for a phone label, or `None` when a word of it has none.
fn phone_types(label: &str) -> Option<String> {
    let label = label.trim();
    if label.is_empty() {
        return Some("voice".into());
    }
    let types: Option<Vec<&str>> = label
        .split(',')
        .map(|word| match word.trim().to_lowercase().as_str() {
            "mobiel" => Some("cell"),
            "werk" => Some("work"),
            "thuis" => Some("home"),
            "fax" => Some("fax"),
            "pieper" => Some("pager"),
            _ => None,
        })
        .collect();
    types.map(|types| types.join(","))
}

/// Splits a full name into (family name, given names) for N: the last word is the family name,
/// with the tussenvoegsels before it ("Özlem de Vries" → "de Vries", "Özlem"). The first word
/// stays a given name unless it is a tussenvoegsel written in lowercase ("van Dijk").
pub(super) fn split_name(name: &str) -> (String, String) {
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

/// Appends one content line, folded: no physical line longer than 75 octets (CRLF not counted),
/// each continuation starting with a space, and never a character cut in two.
fn put(out: &mut String, line: &str) {
    let mut octets = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if octets + len > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += len;
    }
    out.push_str("\r\n");
}
