//! Contact cards in and out of address books: reading vCard (2.1, 3.0 and 4.0) and CSV files into
//! [`Contact`]s, and writing contacts as vCard 4.0.
//!
//! Pure: the caller reads the file and passes its text (or bytes) in, and writes what
//! [`write_vcard`] returns. [`read`] reports every problem of the file with its line, like the
//! template and keymap readers, and returns nothing unless the whole file is right: an import never
//! half happens. The contacts it returns have id 0; the store hands out the ids.
//!
//! A file whose first line that is not blank is `BEGIN:VCARD` is a vCard file, and so is any file
//! named `.vcf` or `.vcard` (an empty one, or one that is no vCard at all, gets a vCard message,
//! not one about CSV headers); anything else is read as CSV.

mod csv;
mod rules;
#[cfg(test)]
mod tests;
mod text;
pub mod uid;
mod vcard;

use crate::domain::text::{control_char_name, visible_controls};
use crate::domain::Contact;
use crate::export::FieldPath;
use crate::problem::{FileProblems, Problem};

pub use vcard::write_vcard;

/// The two formats [`read`] understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    VCard,
    Csv,
}

/// Which format `bytes` are in: vCard when the first line that is not blank (after an optional
/// UTF-8 byte order mark) starts with `BEGIN:VCARD` in any case, CSV otherwise.
pub fn format_of(bytes: &[u8]) -> Format {
    let bytes = bytes.strip_prefix(text::BOM).unwrap_or(bytes);
    let first = bytes
        .split(|&b| b == b'\n')
        .find(|line| !line.iter().all(u8::is_ascii_whitespace));
    match first.map(<[u8]>::trim_ascii) {
        Some(line) if line.len() >= 11 && line[..11].eq_ignore_ascii_case(b"BEGIN:VCARD") => {
            Format::VCard
        }
        _ => Format::Csv,
    }
}

/// Reads a whole vCard or CSV file (see [`format_of`]). `file_name` is only used to name the file
/// in the problems. Every problem of the file is reported, each with its line; the contacts come
/// back only when there is none.
pub fn read(file_name: &str, text: &str) -> Result<Vec<Contact>, ContactsError> {
    read_bytes(file_name, text.as_bytes())
}

/// [`read`] for a file as it is on disk, which need not be UTF-8 as a whole: a vCard file folded
/// in the middle of a character (folding counts octets, and some writers cut a character in two)
/// is unfolded before it is decoded, a quoted-printable or base64 vCard value is decoded by its
/// `CHARSET` (ISO-8859-1 when it has none), any other vCard line that is not UTF-8 is decoded by
/// its `CHARSET` (Windows-1252 when it has none), and a CSV file that is not UTF-8 is read as
/// Windows-1252, which is what a spreadsheet on Windows saves as plain "CSV". A file with a
/// UTF-16 byte order mark is decoded as UTF-16 first.
pub fn read_bytes(file_name: &str, bytes: &[u8]) -> Result<Vec<Contact>, ContactsError> {
    read_file(file_name, bytes).map(|read| read.contacts)
}

/// What [`read_file`] read from a file: its contacts, and (of a CSV file) the headers of the
/// columns that hold something signaal has no field for, which the import names in its summary.
#[derive(Debug, Default)]
pub struct ReadFile {
    pub contacts: Vec<Contact>,
    pub unused_columns: Vec<String>,
}

/// [`read_bytes`] with the columns that were not imported. A file with a UTF-16 byte order mark
/// (Excel's "Unicode text") is decoded first; a CSV file is UTF-8 (with or without byte order
/// mark) when it is valid UTF-8, and Windows-1252 otherwise (`encoding_rs`).
pub fn read_file(file_name: &str, bytes: &[u8]) -> Result<ReadFile, ContactsError> {
    let utf16 = text::utf16(bytes);
    let bytes = utf16.as_deref().map_or(bytes, str::as_bytes);
    let format = match is_vcard_name(file_name) {
        true => Format::VCard,
        false => format_of(bytes),
    };
    let read = match format {
        Format::VCard => vcard::read(bytes).map(|contacts| ReadFile {
            contacts,
            unused_columns: Vec::new(),
        }),
        Format::Csv => csv::read(&text::decode_csv(bytes)).map(|read| ReadFile {
            contacts: read.contacts,
            unused_columns: read.unused,
        }),
    };
    read.map_err(|problems| ContactsError::new(file_name, problems))
}

/// What makes two cards the same contact for signaal: the name (case and accents aside, spaces
/// collapsed) and the phone numbers (only their digits and a leading +), in order. An import
/// skips a card whose identity the directory has already, and the vCard export makes a card's
/// `UID` from it.
pub fn identity(contact: &Contact) -> (String, Vec<String>) {
    let name = crate::search::fold(&contact.name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let numbers = contact
        .phones
        .iter()
        .map(|p| rules::number_key(&p.number))
        .filter(|n| !n.is_empty())
        .collect();
    (name, numbers)
}

/// Why a card read from a file cannot be imported when one of its names or other one-line texts
/// holds a control character, or one of its notes a control character other than a line break
/// or tab (the rule the JSON import and `check` go by, `export::contact_control_char`): the
/// field, the card's name as a terminal may show it, and the character in words. A terminal
/// would take the character as a command, and the database would fail `check` with it.
fn control_problem(contact: &Contact) -> Option<(FieldPath, char, String)> {
    let (field, c) = crate::export::contact_control_char(contact)?;
    let message = format!(
        "{field} of \"{}\" holds a control character ({}), which a terminal would take as a \
         command (a name or number is one line; notes may have line breaks and tabs); remove it \
         and import the file again",
        shown(&contact.name),
        control_char_name(c)
    );
    Some((field, c, message))
}

/// Text from the file as a problem shows it, on one line: control characters made visible
/// ([`visible_controls`]: an escape sequence must not reach the terminal), a line break and a
/// tab too (`^J`, `^I`), at most 40 characters.
fn shown(text: &str) -> String {
    let text = visible_controls(text.trim())
        .replace('\n', "^J")
        .replace('\t', "^I");
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text,
    }
}

/// Whether a file's name says it is a vCard file: `.vcf` or `.vcard`, in any case.
fn is_vcard_name(file_name: &str) -> bool {
    std::path::Path::new(file_name)
        .extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            extension.eq_ignore_ascii_case("vcf") || extension.eq_ignore_ascii_case("vcard")
        })
}

/// Every problem found in one contacts file, with its line.
pub type ContactsError = FileProblems;

/// A problem on one line (1-based; 0 for the file as a whole).
fn problem(line: usize, message: impl Into<String>) -> Problem {
    Problem {
        line,
        message: message.into(),
    }
}
