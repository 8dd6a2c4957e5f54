//! CSV files (RFC 4180), read by the `csv` crate: fields separated by commas, or by semicolons or
//! tabs when the header row is (a spreadsheet with Dutch settings saves with semicolons); a field
//! in double quotes may hold separators, newlines and doubled quotes; CRLF or LF. The first row
//! names the columns: the headers people type in a spreadsheet, in Dutch or English, or the header
//! rows of Google Contacts, Outlook and Thunderbird exports (see [`headers`]). Columns signaal
//! has no field for are not imported, and [`Read::unused`] names those that hold anything (not
//! what Outlook fills an empty column with).

mod headers;

use std::borrow::Cow;

use chrono::NaiveDate;

use super::{control_problem, problem, rules, shown};
use crate::domain::contact::{Contact, Help, Phone};
use crate::export::FieldPath;
use crate::problem::Problem;
use crate::search::fold;
use headers::{holds_something, label_word, resolve, Column, NAME_HEADERS};

/// What a CSV file gave: its contacts, and the headers of the columns that hold something but
/// were not imported, in the file's order.
#[derive(Debug, Default)]
pub(super) struct Read {
    pub contacts: Vec<Contact>,
    pub unused: Vec<String>,
}

/// Google joins two values of one field in one cell with this.
const MULTI: &str = " ::: ";

/// Reads every row of a CSV file (without its byte order mark), or every problem of it.
pub(super) fn read(text: &str) -> Result<Read, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut problems = Vec::new();
    let separator = separator(text);
    let records = records(text, separator, &mut problems);
    let mut records = records
        .into_iter()
        .filter(|record| record.fields.iter().any(|f| !f.trim().is_empty()));
    let Some(header) = records.next() else {
        problems.push(problem(
            0,
            "the file is empty; a CSV file starts with a row naming the columns, like \
             naam,telefoon,e-mail",
        ));
        return Err(problems);
    };
    let Some(columns) = columns(&header, &mut problems) else {
        return Err(problems);
    };
    let records: Vec<Record> = records.collect();
    let contacts: Vec<Contact> = records
        .iter()
        .filter_map(|record| row(record, &header, &columns, separator, &mut problems))
        .collect();
    let unused = columns
        .iter()
        .enumerate()
        .filter(|(i, column)| {
            **column == Column::Other
                && records
                    .iter()
                    .any(|r| r.fields.get(*i).is_some_and(|f| holds_something(f)))
        })
        .map(|(i, _)| match header.fields[i].trim() {
            // A column without a header is named by its place, counted from 1.
            "" => format!("column {}", i + 1),
            named => named.to_string(),
        })
        .collect();
    if problems.is_empty() {
        Ok(Read { contacts, unused })
    } else {
        Err(problems)
    }
}

/// One row and the line it starts on.
struct Record {
    line: usize,
    fields: Vec<String>,
}

/// The separator of the file: whichever of comma, semicolon and tab the first line (outside
/// quotes) has most of; a comma when it has none.
fn separator(text: &str) -> u8 {
    let mut counts = [(b',', 0), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(count) = counts.iter_mut().find(|(sep, _)| *sep == c) {
                    count.1 += 1;
                }
            }
            _ => {}
        }
    }
    // max_by_key keeps the last of equals; the comma must win a tie.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map_or(b',', |(sep, _)| *sep)
}

/// Splits the text into rows of fields with the `csv` crate. The crate reads on where a quote is
/// never closed or text follows a closing quote; those are problems here, on their line.
fn records(text: &str, separator: u8, problems: &mut Vec<Problem>) -> Vec<Record> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut read = Vec::new();
    let mut record = ::csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                let byte = record.position().map_or(0, |p| p.byte() as usize);
                let line = line_at(text, byte);
                // A line break inside a quoted field is a newline, whatever the file's.
                let fields = record
                    .iter()
                    .map(|f| f.replace("\r\n", "\n").replace('\r', "\n"))
                    .collect();
                read.push((line, byte, fields));
            }
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(problem(line, format!("this row cannot be read: {e}")));
                break;
            }
        }
    }
    let mut records = Vec::with_capacity(read.len());
    for i in 0..read.len() {
        let (line, start, _) = read[i];
        let end = read.get(i + 1).map_or(text.len(), |next| next.1);
        let raw = text.get(start..end).unwrap_or_default();
        if let Some((offset, message)) = quote_problem(raw, char::from(separator)) {
            problems.push(problem(line + offset, message));
            continue;
        }
        let fields = std::mem::take(&mut read[i].2);
        records.push(Record { line, fields });
    }
    records
}

/// The line (1-based) of the row that starts at byte `start`. The crate's own line count is one
/// short after a CRLF (it counts the `\n` of the row before only when it reads on), so the line
/// is counted here: the line breaks before the row's first character.
fn line_at(text: &str, start: usize) -> usize {
    let head = text.get(..start).unwrap_or(text);
    let rest = &text[head.len()..];
    let breaks = rest.len() - rest.trim_start_matches(['\r', '\n']).len();
    let before = &text[..head.len() + breaks];
    1 + before.matches('\n').count()
}

/// How a problem names the file's separator.
fn separator_name(separator: u8) -> &'static str {
    match separator {
        b';' => "a semicolon (;)",
        b'\t' => "a tab",
        _ => "a comma (,)",
    }
}

/// A quote that is never closed (on the line its field starts) or text after a closing quote
/// (on its line), in the raw text of one row: the line counted from the row's first.
fn quote_problem(raw: &str, separator: char) -> Option<(usize, &'static str)> {
    let mut line = 0;
    let mut field_line = 0;
    let (mut start, mut quoted, mut closed) = (true, false, false);
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => (quoted, closed) = (false, true),
                '\n' => line += 1,
                _ => {}
            }
        } else if c == separator || c == '\n' || c == '\r' {
            (start, closed) = (true, false);
            if c == '\n' {
                line += 1;
            }
        } else if closed {
            if c != ' ' && c != '\t' {
                return Some((
                    line,
                    "text after the closing quote of a field; put the whole field in \
                     quotes and double every quote inside it (\"\")",
                ));
            }
        } else if start && c == '"' {
            (start, quoted, field_line) = (false, true, line);
        } else {
            start = false;
        }
    }
    quoted.then_some((
        field_line,
        "a field that starts with a quote (\") here is never closed; end it with a quote, \
         and double every quote inside it (\"\")",
    ))
}

/// The columns of the header row, or `None` when the rows cannot be read by them (no name column,
/// or a field in two columns).
fn columns(header: &Record, problems: &mut Vec<Problem>) -> Option<Vec<Column>> {
    let columns = resolve(&header.fields);
    let mut fine = true;
    for (i, column) in columns.iter().enumerate() {
        if !column.single() {
            continue;
        }
        if let Some(j) = columns[..i].iter().position(|c| c == column) {
            problems.push(problem(
                header.line,
                format!(
                    "the columns \"{}\" and \"{}\" are for the same field; keep one",
                    header.fields[j].trim(),
                    header.fields[i].trim()
                ),
            ));
            fine = false;
        }
    }
    let named = columns
        .iter()
        .any(|c| matches!(c, Column::Name | Column::GivenName | Column::FamilyName));
    if !named {
        let found: Vec<&str> = header
            .fields
            .iter()
            .map(|f| f.trim())
            .filter(|f| !f.is_empty())
            .collect();
        problems.push(problem(
            header.line,
            format!(
                "no name column: the first row names the columns, and one must be \"naam\" \
                 (or \"name\"); this file has {}; a name is read from {NAME_HEADERS}",
                found.join(", ")
            ),
        ));
        fine = false;
    }
    fine.then_some(columns)
}

/// The contact of one row, or `None` (with its problems) when the row is not right.
fn row(
    record: &Record,
    header: &Record,
    columns: &[Column],
    separator: u8,
    problems: &mut Vec<Problem>,
) -> Option<Contact> {
    let line = record.line;
    let before = problems.len();
    let extra = record.fields.get(columns.len()..).unwrap_or_default();
    if extra.iter().any(|f| !f.trim().is_empty()) {
        problems.push(problem(
            line,
            format!(
                "this row has {} fields but the first row names {} columns; put a field with \
                 {} in quotes",
                record.fields.len(),
                columns.len(),
                separator_name(separator)
            ),
        ));
        return None;
    }
    let mut contact = Contact::named(0, "");
    let mut emails = Vec::new();
    // What phone cells hold that is no number ("geen", "-"), for the notes.
    let mut not_numbers = Vec::new();
    let mut parts = [String::new(), String::new(), String::new()];
    let mut nickname = String::new();
    let google_label = |n: u32| -> Vec<String> {
        columns
            .iter()
            .zip(&record.fields)
            .find(|(c, _)| **c == Column::PhoneLabel(n))
            .map(|(_, f)| split(f).into_iter().map(phone_label).collect())
            .unwrap_or_default()
    };
    for ((column, field), header) in columns.iter().zip(&record.fields).zip(&header.fields) {
        let value = cell(column, field);
        let value = value.as_ref();
        let header = shown(header);
        match column {
            Column::Name => contact.name = value.to_string(),
            Column::GivenName => parts[0] = value.to_string(),
            Column::MiddleName => parts[1] = value.to_string(),
            Column::FamilyName => parts[2] = value.to_string(),
            Column::Nickname => nickname = value.to_string(),
            Column::Role => contact.role = value.to_string(),
            Column::Organisation => contact.organisation = value.to_string(),
            Column::Phone(label) => {
                let (numbers, texts) = numbers(value);
                not_numbers.extend(texts.into_iter().map(|text| format!("{header}: {text}")));
                for number in numbers {
                    contact.phones.push(Phone {
                        label: label.clone(),
                        number,
                    });
                }
            }
            Column::PhoneValue(n) => {
                let labels = google_label(*n);
                let (numbers, texts) = numbers(value);
                not_numbers.extend(texts.into_iter().map(|text| format!("{header}: {text}")));
                for (i, number) in numbers.into_iter().enumerate() {
                    let label = labels.get(i).or(labels.first()).cloned();
                    contact.phones.push(Phone {
                        label: label.unwrap_or_default(),
                        number,
                    });
                }
            }
            Column::Email => emails.extend(split(value)),
            Column::Availability => contact.availability = value.to_string(),
            Column::Area => contact.area = value.to_string(),
            Column::Topics => {
                contact.topics = value
                    .split([';', ',', '\n'])
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            Column::WhenToCall => contact.when_to_call = value.to_string(),
            Column::Help => match help(value) {
                Some(help) => contact.help = help,
                None => problems.push(problem(
                    line,
                    format!(
                        "\"{header}\" is \"{}\"; it must be advies or verwijzing (or \
                         empty)",
                        shown(value)
                    ),
                )),
            },
            Column::ConsentFirst => match yes_no(value) {
                Some(yes) => contact.consent_first = yes,
                None => problems.push(problem(
                    line,
                    format!(
                        "\"{header}\" is \"{}\"; it must be ja or nee (or empty)",
                        shown(value)
                    ),
                )),
            },
            Column::Verified => match date(value) {
                Ok(date) => contact.verified = date,
                Err(()) => problems.push(problem(
                    line,
                    format!(
                        "\"{header}\" is \"{}\", which is not a date; write it as \
                         2024-03-31 or 31-03-2024",
                        shown(value)
                    ),
                )),
            },
            Column::Notes => contact.notes = value.to_string(),
            Column::Title | Column::PhoneLabel(_) | Column::EmailLabel | Column::Other => {}
        }
    }
    if contact.name.is_empty() {
        let parts: Vec<&str> = parts
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect();
        contact.name = parts.join(" ");
    }
    // A row of an organisation (Outlook's "Company", Google's "Organization Name" and a
    // number) is that organisation, as a vCard of an organisation is.
    if contact.name.is_empty() {
        contact.name = contact.organisation.clone();
    }
    let (email, other_emails) = rules::emails(emails);
    // Else the row is shown by its nickname, or else by its e-mail address, as Google shows
    // such a contact; a nickname beside a name is kept in the notes.
    let mut nickname_note = None;
    match (contact.name.is_empty(), nickname.trim()) {
        (_, "") => {}
        (true, nickname) => contact.name = nickname.to_string(),
        (false, nickname) => nickname_note = Some(format!("Bijnaam: {nickname}")),
    }
    if contact.name.is_empty() {
        contact.name = email.clone();
    }
    if contact.name.is_empty() {
        problems.push(problem(line, "this row has no name"));
    }
    contact.email = email;
    contact.phones.sort_by_key(|phone| call_order(&phone.label));
    let (phones, faxes) = rules::phones(std::mem::take(&mut contact.phones));
    contact.phones = phones;
    let notes = not_numbers.into_iter().chain(nickname_note).chain(faxes);
    for note in notes.chain(other_emails) {
        if !contact.notes.is_empty() {
            contact.notes.push('\n');
        }
        contact.notes.push_str(&note);
    }
    if let Some((field, c, message)) = control_problem(&contact) {
        let column = columns
            .iter()
            .zip(&record.fields)
            .position(|(column, value)| fills(column, &field) && value.contains(c));
        let message = match column {
            Some(i) => format!(
                "column {} (\"{}\"): {message}",
                i + 1,
                shown(&header.fields[i])
            ),
            None => message,
        };
        problems.push(problem(line, message));
    }
    (problems.len() == before).then_some(contact)
}

/// Whether a column's values go into the contact's field at `path` (its first step): where a
/// field's control character came from.
fn fills(column: &Column, path: &FieldPath) -> bool {
    let field = path.to_string();
    let field = field.split(['.', '[']).next().unwrap_or_default();
    match column {
        Column::Name
        | Column::GivenName
        | Column::MiddleName
        | Column::FamilyName
        | Column::Nickname => matches!(field, "name" | "notes"),
        Column::Role => field == "role",
        Column::Organisation => field == "organisation",
        Column::Phone(_) | Column::PhoneValue(_) | Column::PhoneLabel(_) => field == "phones",
        // The first address is the e-mail, the others go into the notes.
        Column::Email => matches!(field, "email" | "notes"),
        Column::Availability => field == "availability",
        Column::Area => field == "area",
        Column::Topics => field == "topics",
        Column::WhenToCall => field == "when_to_call",
        Column::Notes => field == "notes",
        Column::Title
        | Column::EmailLabel
        | Column::Help
        | Column::ConsentFirst
        | Column::Verified
        | Column::Other => false,
    }
}

/// A cell's text, trimmed. A cell of a one-line field (a name or part of one, role,
/// organisation, area) has its lines joined by a single space, each trimmed: Excel keeps a line
/// break typed with Alt+Enter ("Logopedist" and "en stottertherapeut" in one cell), which is no
/// command to a terminal. Any other control character stays, for the control-character check.
fn cell<'a>(column: &Column, field: &'a str) -> Cow<'a, str> {
    let one_line = matches!(
        column,
        Column::Name
            | Column::GivenName
            | Column::MiddleName
            | Column::FamilyName
            | Column::Nickname
            | Column::Role
            | Column::Organisation
            | Column::Area
    );
    match one_line && field.contains('\n') {
        true => {
            let lines = field.split('\n').map(str::trim).filter(|l| !l.is_empty());
            Cow::Owned(lines.collect::<Vec<_>>().join(" "))
        }
        false => Cow::Borrowed(field.trim()),
    }
}

/// The values of one cell: Google joins more than one with " ::: ", Excel keeps a line break
/// typed between two; empty values are left out.
fn split(value: &str) -> Vec<String> {
    value
        .split(MULTI)
        .flat_map(str::lines)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect()
}

/// The numbers of a phone cell, and the text in it that is no number (has no digit: "geen",
/// "-"). A cell may hold more than one number: Google joins them with " ::: ", Excel keeps a
/// line break typed with Alt+Enter, and people put `;` or `/` between two whole numbers
/// ("030 123 4567 / 06 1234 5678", but not the area code of "030/1234567").
fn numbers(value: &str) -> (Vec<String>, Vec<String>) {
    let (mut numbers, mut texts) = (Vec::new(), Vec::new());
    for part in split(value).iter().flat_map(|value| value.lines()) {
        for piece in between_numbers(part.trim()) {
            match piece.chars().any(|c| c.is_ascii_digit()) {
                true => numbers.push(piece.to_string()),
                false if !piece.is_empty() => texts.push(piece.to_string()),
                false => {}
            }
        }
    }
    (numbers, texts)
}

/// `part` split at `;` or `/` when every piece is a whole number (eight digits at least, as
/// every Dutch number but 112 and the 14 0xx lines has), else `part` as it is.
fn between_numbers(part: &str) -> Vec<&str> {
    let whole = |piece: &str| piece.chars().filter(char::is_ascii_digit).count() >= 8;
    for separator in [';', '/'] {
        let pieces: Vec<&str> = part.split(separator).map(str::trim).collect();
        if pieces.len() > 1 && pieces.iter().all(|piece| whole(piece)) {
            return pieces;
        }
    }
    vec![part]
}

/// Where a phone goes among a CSV row's phones, by its label: the order a person calls them in
/// (the main number, mobile, work, home, any other), whatever the order of the columns (Outlook's
/// is alphabetical, so "Assistant's Phone" came first); pager, telex, ISDN and callback come
/// last (a fax is no phone: `rules::phones`). An unlabelled number ("Telefoon") is the main one.
fn call_order(label: &str) -> u8 {
    match label {
        "" | "hoofdnummer" => 0,
        "mobiel" => 1,
        "werk" | "bedrijf" => 2,
        "thuis" => 3,
        "pieper" | "telex" | "isdn" | "terugbellen" => 5,
        _ => 4,
    }
}

/// A phone label as a Google export writes it ("Mobile", "* Work", "Home Fax", "Opvang"):
/// the known ones as signaal labels its phones, others as written, in lower case.
fn phone_label(label: String) -> String {
    let label = label.trim_start_matches('*').trim();
    match label_word(&fold(label)) {
        Some(known) => known.to_string(),
        None => label.to_lowercase(),
    }
}

/// A value folded to lowercase letters and digits.
fn key(value: &str) -> String {
    fold(value)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn help(value: &str) -> Option<Help> {
    match key(value).as_str() {
        "" | "onbekend" | "unknown" => Some(Help::Unknown),
        "advies" | "advice" | "adviceonly" | "alleenadvies" | "adviesonly" => {
            Some(Help::AdviceOnly)
        }
        "verwijzing" | "verwijzen" | "doorverwijzing" | "referral" | "refer" => {
            Some(Help::Referral)
        }
        _ => None,
    }
}

fn yes_no(value: &str) -> Option<bool> {
    match key(value).as_str() {
        "yes" | "ja" | "true" | "waar" | "1" | "y" | "j" | "x" => Some(true),
        "" | "no" | "nee" | "false" | "onwaar" | "0" | "n" => Some(false),
        _ => None,
    }
}

/// YYYY-MM-DD or DD-MM-YYYY (with `-`, `/` or `.`); empty is no date.
fn date(value: &str) -> Result<Option<NaiveDate>, ()> {
    if value.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = value.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(());
    };
    let number = |s: &str| -> Result<u32, ()> {
        if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(());
        }
        s.parse().map_err(|_| ())
    };
    let (year, month, day) = match (a.len(), c.len()) {
        (4, 1 | 2) => (number(a)?, number(b)?, number(c)?),
        (1 | 2, 4) => (number(c)?, number(b)?, number(a)?),
        _ => return Err(()),
    };
    let year = i32::try_from(year).map_err(|_| ())?;
    NaiveDate::from_ymd_opt(year, month, day)
        .map(Some)
        .ok_or(())
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_rows;
