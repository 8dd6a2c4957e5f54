//! vCard files: reading 2.1, 3.0 (RFC 2426) and 4.0 (RFC 6350), writing 4.0, through Stalwart's
//! `calcard` crate (the one its CardDAV server reads and writes cards with).
//!
//! Reading goes in two steps: [`frame`] cuts the file into cards by line, then `calcard` reads
//! each card (unfolding, quoted-printable and base64, character sets, escapes, parameters) and
//! [`read`] makes a [`Contact`] of it. Properties signaal has no place for (`PHOTO`, `BDAY`,
//! other `X-...`) are skipped. Writing builds `calcard` cards ([`write`]).

mod fields;
mod frame;
mod read;
#[cfg(test)]
mod tests_books;
mod write;

use calcard::vcard::VCard;

use super::{control_problem, problem, rules, shown};
use crate::domain::Contact;
use crate::problem::Problem;

#[cfg(test)]
pub(super) use write::split_name;
pub use write::write_vcard;

/// Reads every card of a vCard file, or every problem of it: those of the frame by line, those
/// inside a card at the line of its `BEGIN:VCARD`.
pub(super) fn read(bytes: &[u8]) -> Result<Vec<Contact>, Vec<Problem>> {
    if bytes.contains(&0) {
        // UTF-16 with a byte order mark was decoded before; without one it is bytes and NULs.
        return Err(vec![problem(
            1,
            "this file holds NUL bytes, as UTF-16 text without a byte order mark does; save the \
             contacts as UTF-8 (vCard 4.0) and import them again",
        )]);
    }
    let (cards, mut problems) = frame::cards(bytes);
    let mut contacts = Vec::new();
    for card in cards {
        let read = VCard::parse(&card.text)
            .map_err(|_| "this card could not be read as a vCard".to_string())
            .and_then(|vcard| read::contact(&vcard))
            .and_then(|contact| match control_problem(&contact) {
                Some((_, _, message)) => Err(message),
                None => Ok(contact),
            });
        match read {
            Ok(contact) => contacts.push(contact),
            Err(message) => problems.push(problem(card.begin, message)),
        }
    }
    if contacts.is_empty() && problems.is_empty() {
        problems.push(problem(
            1,
            "this vCard file holds no card: a card starts with BEGIN:VCARD",
        ));
    }
    problems.sort_by_key(|problem| problem.line);
    match problems.is_empty() {
        true => Ok(contacts),
        false => Err(problems),
    }
}
