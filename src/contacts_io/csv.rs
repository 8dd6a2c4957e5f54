//! CSV files (RFC 4180): fields separated by commas, or by semicolons or tabs when the header row
//! is (a spreadsheet with Dutch settings saves with semicolons); a field in double quotes may hold
//! separators, newlines and doubled quotes; CRLF or LF. The first row names the columns, in Dutch
//! or English, in any case and with or without accents, spaces and dashes; columns signaal does
//! not know are skipped.

use chrono::NaiveDate;

use super::problem;
use crate::domain::contact::{Contact, Help, Phone};
use crate::search::fold;
use crate::toml_spans::Problem;

/// Reads every row of a CSV file (without its byte order mark), or every problem of it.
pub(super) fn read(text: &str) -> Result<Vec<Contact>, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut problems = Vec::new();
    let records = records(text, separator(text), &mut problems);
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
    let contacts: Vec<Contact> = records
        .filter_map(|record| row(&record, &header, &columns, &mut problems))
        .collect();
    if problems.is_empty() {
        Ok(contacts)
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
fn separator(text: &str) -> char {
    let mut counts = [(',', 0), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
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
        .map_or(',', |(sep, _)| *sep)
}

/// Splits the text into rows of fields. A quote that is never closed ends the reading with a
/// problem on the line where its field started.
fn records(text: &str, separator: char, problems: &mut Vec<Problem>) -> Vec<Record> {
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let mut record = Record {
            line,
            fields: Vec::new(),
        };
        loop {
            let field_line = line;
            // Spaces before an opening quote are not part of the field.
            let mut ahead = chars.clone();
            let mut spaces = 0;
            while matches!(ahead.peek(), Some(' ' | '\t')) && separator != '\t' {
                ahead.next();
                spaces += 1;
            }
            let mut field = String::new();
            if ahead.peek() == Some(&'"') {
                for _ in 0..=spaces {
                    chars.next();
                }
                loop {
                    match chars.next() {
                        None => {
                            problems.push(problem(
                                field_line,
                                "a field that starts with a quote (\") here is never closed; \
                                 end it with a quote, and double every quote inside it (\"\")",
                            ));
                            record.fields.push(field);
                            records.push(record);
                            return records;
                        }
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some('\r') => {
                            if chars.peek() == Some(&'\n') {
                                chars.next();
                            }
                            field.push('\n');
                            line += 1;
                        }
                        Some('\n') => {
                            field.push('\n');
                            line += 1;
                        }
                        Some(c) => field.push(c),
                    }
                }
                while matches!(chars.peek(), Some(' ' | '\t')) && separator != '\t' {
                    chars.next();
                }
                if !matches!(chars.peek(), None | Some('\n' | '\r'))
                    && chars.peek() != Some(&separator)
                {
                    problems.push(problem(
                        line,
                        "text after the closing quote of a field; put the whole field in \
                         quotes and double every quote inside it (\"\")",
                    ));
                    while let Some(&c) = chars.peek() {
                        if c == separator || c == '\n' || c == '\r' {
                            break;
                        }
                        field.push(c);
                        chars.next();
                    }
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == separator || c == '\n' || c == '\r' {
                        break;
                    }
                    field.push(c);
                    chars.next();
                }
            }
            record.fields.push(field);
            match chars.next() {
                Some(c) if c == separator => continue,
                Some('\r') => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                }
                Some(_) => line += 1,
                None => {}
            }
            break;
        }
        records.push(record);
    }
    records
}

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    Name,
    Role,
    Organisation,
    /// A phone number, with the label its phones get.
    Phone(String),
    /// An email address; more than one column may have them.
    Email,
    Availability,
    Area,
    Topics,
    WhenToCall,
    Help,
    ConsentFirst,
    Verified,
    Notes,
    /// A column signaal has no field for.
    Other,
}

impl Column {
    /// What a header names, from the header folded to lowercase letters and digits.
    fn from_header(header: &str) -> Column {
        let words: Vec<String> = header
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(fold)
            .collect();
        let key: String = words
            .concat()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        match key.as_str() {
            "name" | "naam" | "fullname" | "volledigenaam" => Column::Name,
            "role" | "rol" | "functie" | "title" | "titel" | "jobtitle" => Column::Role,
            "organisation" | "organization" | "organisatie" | "org" | "company" | "bedrijf"
            | "instelling" => Column::Organisation,
            "email" | "emailadres" | "emailaddress" | "mail" | "mailadres" => Column::Email,
            "availability" | "bereikbaar" | "bereikbaarheid" | "beschikbaarheid" | "hours"
            | "openingstijden" => Column::Availability,
            "area" | "gebied" | "werkgebied" | "regio" | "region" => Column::Area,
            "topics" | "topic" | "onderwerpen" | "onderwerp" | "tags" | "categories"
            | "categorieen" => Column::Topics,
            "whentocall" | "wanneerbellen" | "belbij" | "wanneer" => Column::WhenToCall,
            "help" | "hulp" | "soorthulp" => Column::Help,
            "consentfirst" | "consent" | "toestemmingeerst" | "toestemming" => Column::ConsentFirst,
            "verified" | "lastverified" | "geverifieerd" | "gecontroleerd" | "gecheckt" => {
                Column::Verified
            }
            "notes" | "note" | "notities" | "notitie" | "opmerkingen" | "opmerking"
            | "comments" | "toelichting" => Column::Notes,
            _ => Column::phone(header, &words),
        }
    }

    /// A phone column: a phone word ("telefoon", "phone", "tel"), a label word ("mobiel", "werk",
    /// "thuis", "fax") or both, with an optional number ("Telefoon 2"). Other words after a phone
    /// word become the label as written ("Telefoon na kantoortijd": "na kantoortijd").
    fn phone(header: &str, words: &[String]) -> Column {
        const PHONE: [&str; 8] = [
            "phone",
            "telefoon",
            "tel",
            "telephone",
            "telefoonnummer",
            "phonenumber",
            "nummer",
            "number",
        ];
        fn label(word: &str) -> Option<&'static str> {
            match word {
                "mobiel" | "mobile" | "gsm" | "cell" | "cellphone" | "mobielnummer" => {
                    Some("mobiel")
                }
                "werk" | "work" | "zakelijk" | "business" => Some("werk"),
                "thuis" | "home" | "prive" => Some("thuis"),
                "fax" => Some("fax"),
                _ => None,
            }
        }
        let words: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
            .collect();
        let phone_word = |w: &str| PHONE.contains(&w);
        match words.as_slice() {
            [] => Column::Other,
            // "nummer" alone could be any number.
            [only] if phone_word(only) && !matches!(*only, "nummer" | "number") => {
                Column::Phone(String::new())
            }
            [only] => match label(only) {
                Some(label) => Column::Phone(label.into()),
                None => Column::Other,
            },
            [first, second] if label(first).is_some() && phone_word(second) => {
                Column::Phone(label(first).unwrap_or_default().into())
            }
            [first, rest @ ..] if phone_word(first) && !matches!(*first, "nummer" | "number") => {
                if let [one] = rest {
                    if let Some(label) = label(one) {
                        return Column::Phone(label.into());
                    }
                }
                if rest
                    .iter()
                    .any(|w| matches!(*w, "type" | "soort" | "label"))
                {
                    return Column::Other;
                }
                // The label as written: the header after its first word, without numbers.
                let after = header
                    .trim()
                    .split_once(|c: char| !c.is_alphanumeric())
                    .map_or("", |(_, after)| after);
                let label: Vec<String> = after
                    .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
                    .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
                    .map(str::to_lowercase)
                    .collect();
                Column::Phone(label.join(" "))
            }
            _ => Column::Other,
        }
    }

    /// Whether the field may have one column only.
    fn single(&self) -> bool {
        !matches!(self, Column::Phone(_) | Column::Email | Column::Other)
    }
}

/// The columns of the header row, or `None` when the rows cannot be read by them (no name column,
/// or a field in two columns).
fn columns(header: &Record, problems: &mut Vec<Problem>) -> Option<Vec<Column>> {
    let columns: Vec<Column> = header
        .fields
        .iter()
        .map(|h| Column::from_header(h))
        .collect();
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
    if !columns.contains(&Column::Name) {
        problems.push(problem(
            header.line,
            "no name column: the first row names the columns, and one must be \"naam\" (or \
             \"name\")",
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
                 a comma in quotes",
                record.fields.len(),
                columns.len()
            ),
        ));
        return None;
    }
    let mut contact = Contact::named(0, "");
    let mut emails = Vec::new();
    for ((column, field), header) in columns.iter().zip(&record.fields).zip(&header.fields) {
        let value = field.trim();
        let header = header.trim();
        match column {
            Column::Name => contact.name = value.to_string(),
            Column::Role => contact.role = value.to_string(),
            Column::Organisation => contact.organisation = value.to_string(),
            Column::Phone(label) => {
                if !value.is_empty() {
                    contact.phones.push(Phone {
                        label: label.clone(),
                        number: value.to_string(),
                    });
                }
            }
            Column::Email => {
                if !value.is_empty() {
                    emails.push(value.to_string());
                }
            }
            Column::Availability => contact.availability = value.to_string(),
            Column::Area => contact.area = value.to_string(),
            Column::Topics => {
                contact.topics = value
                    .split([';', ','])
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
                        "\"{header}\" is \"{value}\"; it must be advies or verwijzing (or \
                         empty)"
                    ),
                )),
            },
            Column::ConsentFirst => match yes_no(value) {
                Some(yes) => contact.consent_first = yes,
                None => problems.push(problem(
                    line,
                    format!("\"{header}\" is \"{value}\"; it must be ja or nee (or empty)"),
                )),
            },
            Column::Verified => match date(value) {
                Ok(date) => contact.verified = date,
                Err(()) => problems.push(problem(
                    line,
                    format!(
                        "\"{header}\" is \"{value}\", which is not a date; write it as \
                         2024-03-31 or 31-03-2024"
                    ),
                )),
            },
            Column::Notes => contact.notes = value.to_string(),
            Column::Other => {}
        }
    }
    if contact.name.is_empty() {
        problems.push(problem(line, "this row has no name"));
    }
    let mut emails = emails.into_iter();
    contact.email = emails.next().unwrap_or_default();
    for email in emails {
        if !contact.notes.is_empty() {
            contact.notes.push('\n');
        }
        contact.notes.push_str(&format!("E-mail: {email}"));
    }
    (problems.len() == before).then_some(contact)
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
