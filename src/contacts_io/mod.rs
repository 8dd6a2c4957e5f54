//! Contact cards in and out of address books: reading vCard (2.1, 3.0 and 4.0) and CSV files into
//! [`Contact`]s, and writing contacts as vCard 4.0.
//!
//! Pure: the caller reads the file and passes its text (or bytes) in, and writes what
//! [`write_vcard`] returns. [`read`] reports every problem of the file with its line, like the
//! template and keymap readers, and returns nothing unless the whole file is right: an import never
//! half happens. The contacts it returns have id 0; the store hands out the ids.
//!
//! Which format a file is does not depend on its name: a file whose first line that is not blank
//! is `BEGIN:VCARD` is a vCard file, anything else is read as CSV.

mod csv;
#[cfg(test)]
mod tests;
mod text;
mod vcard;

use crate::domain::Contact;
use crate::toml_spans::{FileProblems, Problem};

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
/// is unfolded before it is decoded, a vCard value is decoded by its `CHARSET` (UTF-8, ISO-8859-1
/// or Windows-1252), and a CSV file that is not UTF-8 is read as Windows-1252, which is what a
/// spreadsheet on Windows saves as plain "CSV".
pub fn read_bytes(file_name: &str, bytes: &[u8]) -> Result<Vec<Contact>, ContactsError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let message = "the file is UTF-16 (\"Unicode text\"); save it as UTF-8 (\"CSV UTF-8\")";
        return Err(ContactsError::new(file_name, vec![problem(0, message)]));
    }
    let read = match format_of(bytes) {
        Format::VCard => vcard::read(bytes),
        Format::Csv => csv::read(&text::decode_csv(bytes)),
    };
    read.map_err(|problems| ContactsError::new(file_name, problems))
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
