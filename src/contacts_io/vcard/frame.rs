//! Where the cards of a vCard file are, by line.
//!
//! `calcard` reads a card's properties but tells nobody on which line anything was, and it
//! takes text, not bytes. So this pass, the one piece of the reader that is signaal's own, cuts
//! the file into cards at their `BEGIN:VCARD` and `END:VCARD` lines, reports what is wrong with
//! that frame (a card without end, a line outside any card, a `BEGIN:VCALENDAR`) by line, and
//! hands each card to the crate as UTF-8 text: a line that is not UTF-8 (Outlook writes vCard
//! 2.1 in the PC's own character set, raw) is decoded by its `CHARSET`, or as Windows-1252 when
//! it has none. Problems inside a card are reported at its `BEGIN:VCARD` line.

use encoding_rs::Encoding;

use super::super::{problem, text};
use super::shown;
use crate::problem::Problem;

/// One card's text, from its `BEGIN:VCARD` to its `END:VCARD` line, with CRLF line ends.
pub(super) struct CardText {
    /// The line of its `BEGIN:VCARD` (1-based).
    pub begin: usize,
    pub text: String,
}

/// A card being collected: its bytes and where each of its physical lines starts in them.
struct Open {
    begin: usize,
    bytes: Vec<u8>,
    /// Where each physical line that starts a line in `bytes` starts, and the `CHARSET` of its
    /// property, if it names one `encoding_rs` knows.
    starts: Vec<(usize, Option<&'static Encoding>)>,
    /// The `CHARSET` of the property being read.
    charset: Option<&'static Encoding>,
    /// The property being read is quoted-printable.
    quoted: bool,
    /// The last line ended in a quoted-printable soft line break (`=`).
    soft_break: bool,
}

impl Open {
    fn new(begin: usize) -> Open {
        Open {
            begin,
            bytes: Vec::new(),
            starts: Vec::new(),
            charset: None,
            quoted: false,
            soft_break: false,
        }
    }

    /// Adds a physical line. A folded line whose fold cuts a character in two (folding counts
    /// octets, and some writers fold inside a character) is joined to the line before here, on
    /// bytes, so that the card is UTF-8 again before the crate sees it.
    ///
    /// A tab that starts the line after a quoted-printable soft line break is a fold as well
    /// (some writers fold there too); `calcard` would keep it inside the value, a tab in a name.
    /// A space there is kept: quoted-printable writers break lines before a space.
    fn push(&mut self, line: &[u8]) {
        let after_soft_break = self.soft_break;
        let line = match line {
            [b'\t', rest @ ..] if after_soft_break => rest,
            _ => line,
        };
        let continued = after_soft_break || matches!(line.first(), Some(b' ' | b'\t'));
        if !continued {
            let head = line.split(|&b| b == b':').next().unwrap_or_default();
            self.quoted = head
                .windows(16)
                .any(|w| w.eq_ignore_ascii_case(b"QUOTED-PRINTABLE"));
            self.charset = charset(head);
        }
        self.soft_break = self.quoted && line.ends_with(b"=");
        let continues_character = matches!(line, [b' ' | b'\t', next, ..] if (0x80..0xC0).contains(next))
            && incomplete_tail(&self.bytes);
        if continues_character {
            self.bytes.truncate(self.bytes.len() - 2);
            self.bytes.extend_from_slice(&line[1..]);
        } else {
            self.starts.push((self.bytes.len(), self.charset));
            self.bytes.extend_from_slice(line);
        }
        self.bytes.extend_from_slice(b"\r\n");
    }

    /// The card as text: UTF-8 as it is, and each line that is not UTF-8 decoded by the
    /// `CHARSET` of its property, or as Windows-1252 (what Outlook on a Dutch or English PC
    /// writes) when it names none, or UTF-8, which the line is not.
    fn finish(self) -> CardText {
        let Open {
            begin,
            bytes,
            starts,
            ..
        } = self;
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                let bytes = err.into_bytes();
                let ends = starts.iter().skip(1).map(|(offset, _)| *offset);
                let mut text = String::with_capacity(bytes.len());
                for ((start, charset), end) in starts.iter().zip(ends.chain([bytes.len()])) {
                    let line = &bytes[*start..end];
                    match std::str::from_utf8(line) {
                        Ok(line) => text.push_str(line),
                        Err(_) => {
                            let encoding = charset.unwrap_or(encoding_rs::WINDOWS_1252);
                            text.push_str(&encoding.decode_without_bom_handling(line).0);
                        }
                    }
                }
                text
            }
        };
        CardText {
            begin,
            text: keep_lone_backslashes(&text),
        }
    }
}

/// The character set a property's `CHARSET` parameter names, from the part of its line before
/// the first colon (`FN;CHARSET=Windows-1252`); `None` when it names none, UTF-8, or one that is
/// not a superset of ASCII (the line around the value is ASCII).
fn charset(head: &[u8]) -> Option<&'static Encoding> {
    head.split(|&b| b == b';').find_map(|param| {
        let (name, value) = param.split_at(param.iter().position(|&b| b == b'=')?);
        let value = value[1..].trim_ascii();
        let value = value
            .strip_prefix(b"\"")
            .and_then(|v| v.strip_suffix(b"\""))
            .unwrap_or(value);
        name.trim_ascii()
            .eq_ignore_ascii_case(b"CHARSET")
            .then(|| Encoding::for_label(value))
            .flatten()
            .filter(|encoding| *encoding != encoding_rs::UTF_8 && encoding.is_ascii_compatible())
    })
}

/// The card with every backslash that starts no vCard escape (`\n`, `\,`, `\;`, `\:`, `\\`)
/// doubled. vCard leaves such a backslash undefined, and people type them in notes (`C:\temp`);
/// `calcard` drops them, so the note would lose its backslash. (A fold right after a backslash
/// is the crate's to unfold.)
fn keep_lone_backslashes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '\\' {
            match chars.next() {
                Some(next @ ('n' | 'N' | ',' | ';' | ':' | '\\' | '\r' | '\n')) => out.push(next),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            }
        }
    }
    out
}

/// Whether `bytes` (a line and its CRLF) end in the first octets of a character whose last
/// octets are still to come.
fn incomplete_tail(bytes: &[u8]) -> bool {
    let Some(line) = bytes.strip_suffix(b"\r\n") else {
        return false;
    };
    let tail = &line[line.len().saturating_sub(3)..];
    match std::str::from_utf8(tail) {
        Ok(_) => false,
        Err(err) => err.error_len().is_none(),
    }
}

/// The cards of a vCard file, or every problem of its frame by line.
pub(super) fn cards(bytes: &[u8]) -> (Vec<CardText>, Vec<Problem>) {
    let bytes = bytes.strip_prefix(text::BOM).unwrap_or(bytes);
    let mut cards = Vec::new();
    let mut problems = Vec::new();
    let mut open: Option<Open> = None;
    // A run of lines outside any card is reported once, at its first line.
    let mut outside_reported = false;
    for (index, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = index + 1;
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if line.trim_ascii().is_empty() {
            continue;
        }
        match marker(line) {
            Some(("BEGIN", what)) if what.eq_ignore_ascii_case("VCARD") => {
                if let Some(card) = open.take() {
                    problems.push(problem(
                        card.begin,
                        format!(
                            "this card has no END:VCARD: the next BEGIN:VCARD (line {number}) \
                             comes first"
                        ),
                    ));
                }
                let mut card = Open::new(number);
                card.push(line);
                open = Some(card);
                outside_reported = false;
            }
            Some(("BEGIN", what)) => problems.push(problem(
                number,
                format!("BEGIN:{what} is not a vCard; only BEGIN:VCARD can be read here"),
            )),
            Some(("END", what)) if what.eq_ignore_ascii_case("VCARD") => {
                match open.take() {
                    Some(mut card) => {
                        card.push(line);
                        cards.push(card.finish());
                    }
                    None => {
                        problems.push(problem(number, "END:VCARD without a BEGIN:VCARD before it"))
                    }
                }
                outside_reported = false;
            }
            Some(("END", what)) => problems.push(problem(
                number,
                format!("END:{what} does not close a card; a card ends with END:VCARD"),
            )),
            _ => match open.as_mut() {
                Some(card) => card.push(line),
                None if !outside_reported => {
                    let text = String::from_utf8_lossy(line);
                    let name = shown(text.split([':', ';']).next().unwrap_or_default())
                        .to_ascii_uppercase();
                    problems.push(problem(
                        number,
                        format!(
                            "{name} is outside a card: every line belongs between BEGIN:VCARD \
                             and END:VCARD"
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
    (cards, problems)
}

/// `("BEGIN", what)` or `("END", what)` for a `BEGIN:...` or `END:...` line (in any case).
fn marker(line: &[u8]) -> Option<(&'static str, String)> {
    let line = std::str::from_utf8(line).ok()?.trim_end();
    let (name, what) = line.split_once(':')?;
    let name = ["BEGIN", "END"]
        .into_iter()
        .find(|marker| name.eq_ignore_ascii_case(marker))?;
    Some((name, shown(what)))
}
