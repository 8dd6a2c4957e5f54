//! Why a file did not read as an export, in terms a person can act on: where (line, column and
//! the JSON path, such as `children[3].birth_date`) and what, as a [`Why`] that `i18n` words in
//! Dutch and English. serde_json says what went wrong in short English (`expected u64`, chrono's
//! `input is out of range`); [`Unreadable::from_json`] sorts those messages into [`Why`], whose
//! forms are serde's own (`invalid type: {found}, expected {expected}`, `missing field `x``) and
//! stable. What it cannot sort keeps serde_json's words ([`Why::Other`]).

use std::fmt;

/// Where and why reading an export stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Line (1-based) of the place reading stopped; 0 when the input could not be read at all.
    pub line: usize,
    /// Column (1-based, in bytes) of that place.
    pub column: usize,
    /// The JSON path of the value at fault (`children[3].birth_date`); empty for the file as a
    /// whole (not JSON, trailing data).
    pub path: String,
    pub why: Why,
}

/// What is wrong, one case per way of saying it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// The bytes are not JSON; what the JSON reader expected or found.
    Syntax(Syntax),
    /// The file ends in the middle of the export (cut off).
    EndsEarly,
    /// Reading the file failed (the I/O error's text).
    Io(String),
    /// A value of another kind than the field takes.
    WrongType { found: Found, expected: Expected },
    /// A value of the right kind that the field does not take (a negative id).
    WrongValue { found: Found, expected: Expected },
    /// A date (or date and time) in the right shape that is not in the calendar: 2024-02-30.
    NoSuchDate(String),
    /// A text where a date was expected that is not one in the shape the format has.
    BadDate { text: String, with_time: bool },
    /// A required field is not there.
    Missing(String),
    /// A field is there twice in one object.
    Duplicate(String),
    /// A word that is not one of the values the field takes (`"role": "boss"`).
    NotOneOf { found: String, allowed: Vec<String> },
    /// A name or other one-line text holds a control character (see `domain::text`).
    ControlChar(char),
    /// Anything else, in serde_json's words.
    Other(String),
    /// The file is text in another encoding than UTF-8, which JSON is.
    Encoding(Encoding),
}

/// The encodings a JSON file saved on Windows may be in instead of UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Notepad's "Unicode": a UTF-16 byte order mark, or a NUL byte beside each ASCII one.
    Utf16,
    /// Bytes that are not UTF-8: most likely Windows-1252 ("ANSI"), as Windows saves text.
    Windows1252,
}

impl Encoding {
    /// The encoding `start` (the first bytes of a file, after a UTF-8 byte order mark) is in
    /// when it is not UTF-8, and where (1-based line and column; 0 for the file as a whole).
    /// A character cut off at the end of `start` is no sign: the rest follows.
    pub fn of_start(start: &[u8]) -> Option<(Encoding, usize, usize)> {
        if start.starts_with(b"\xFF\xFE")
            || start.starts_with(b"\xFE\xFF")
            || start.get(..2).is_some_and(|two| two.contains(&0))
        {
            return Some((Encoding::Utf16, 0, 0));
        }
        let bad = match std::str::from_utf8(start) {
            Err(e) if e.error_len().is_some() => e.valid_up_to(),
            _ => return None,
        };
        let before = &start[..bad];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        Some((Encoding::Windows1252, line, column))
    }
}

/// The ways the bytes can fail to be JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// Nothing that starts a value (often a stray word, or a missing value after `:`).
    ExpectedValue,
    /// After a value in an object: neither `,` nor `}`.
    ExpectedCommaOrBrace,
    /// After a value in a list: neither `,` nor `]`.
    ExpectedCommaOrBracket,
    ExpectedColon,
    /// A field name without double quotes.
    KeyNotText,
    /// A comma right before `}` or `]`.
    TrailingComma,
    /// More after the export's closing `}`.
    TrailingData,
    /// A number that is not one (or too large).
    BadNumber,
    /// A text with a raw control character (a line break not written as `\n`).
    RawControlInText,
    /// A backslash sequence JSON does not have.
    BadEscape,
    /// Something else serde_json refused.
    Other,
}

/// What was found, as serde names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Text(String),
    Number(String),
    Bool(bool),
    Null,
    List,
    Object,
    Other(String),
}

/// What the field takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// 0, 1, 2, ... (an id, a version).
    WholeNumber,
    Number,
    Text,
    Bool,
    List,
    Object,
    Date,
    DateTime,
    /// serde's own words for it.
    Other(String),
}

impl Unreadable {
    /// Sorts serde_json's error (with the path `serde_path_to_error` found) into a [`Why`];
    /// `text` is the JSON text (string) that ends where the error is, which a date's error
    /// does not repeat.
    pub fn from_json(e: &serde_json::Error, path: String, text: Option<String>) -> Self {
        use serde_json::error::Category;
        // serde_json's text is the message, then " at line L column C".
        let full = e.to_string();
        let message = full
            .strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
            .unwrap_or(&full);
        let leaf = path.rsplit(['.', '[']).next().unwrap_or_default();
        let with_time = leaf == "at" || leaf.ends_with("_at") || leaf == "last_failure";
        let why = match e.classify() {
            Category::Io => Why::Io(message.to_string()),
            Category::Eof => Why::EndsEarly,
            Category::Syntax => Why::Syntax(syntax(message)),
            Category::Data => data(message, text, with_time),
        };
        // The file as a whole is at fault, not the value the path names.
        let path = match why {
            Why::Syntax(_) | Why::EndsEarly | Why::Io(_) => String::new(),
            _ => path,
        };
        Unreadable {
            line: e.line(),
            column: e.column(),
            path,
            why,
        }
    }
}

fn syntax(message: &str) -> Syntax {
    match message {
        "expected value" | "expected ident" => Syntax::ExpectedValue,
        "expected `,` or `}`" => Syntax::ExpectedCommaOrBrace,
        "expected `,` or `]`" => Syntax::ExpectedCommaOrBracket,
        "expected `:`" => Syntax::ExpectedColon,
        "key must be a string" | "expected `\"`" => Syntax::KeyNotText,
        "trailing comma" => Syntax::TrailingComma,
        "trailing characters" => Syntax::TrailingData,
        "invalid number" | "number out of range" => Syntax::BadNumber,
        m if m.starts_with("control character") => Syntax::RawControlInText,
        m if m.contains("escape") || m.contains("unicode") || m.contains("surrogate") => {
            Syntax::BadEscape
        }
        _ => Syntax::Other,
    }
}

/// The text between the first pair of backticks in `s`.
fn quoted(s: &str) -> Option<&str> {
    let start = s.find('`')? + 1;
    let len = s[start..].find('`')?;
    Some(&s[start..start + len])
}

fn data(message: &str, text: Option<String>, with_time: bool) -> Why {
    let other = || Why::Other(message.to_string());
    let date_text = || text.clone().unwrap_or_default();
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return match rest.rsplit_once(", expected ") {
            Some((found, expected)) => Why::WrongType {
                found: found_value(found),
                expected: expected_kind(expected),
            },
            None => other(),
        };
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        return match rest.rsplit_once(", expected ") {
            Some((found, expected)) => Why::WrongValue {
                found: found_value(found),
                expected: expected_kind(expected),
            },
            None => other(),
        };
    }
    let field = || quoted(message).unwrap_or_default().to_string();
    match message {
        m if m.starts_with("missing field ") => Why::Missing(field()),
        m if m.starts_with("duplicate field ") => Why::Duplicate(field()),
        m if m.starts_with("unknown variant ") => {
            let allowed = m
                .split_once("expected ")
                .map(|(_, list)| {
                    list.split('`')
                        .skip(1)
                        .step_by(2)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            Why::NotOneOf {
                found: field(),
                allowed,
            }
        }
        // chrono's words for a date in the right shape that the calendar does not have.
        "input is out of range" => Why::NoSuchDate(date_text()),
        // chrono's words for a text that is not a date in the format's shape.
        "input contains invalid characters"
        | "premature end of input"
        | "trailing input"
        | "no possible date and time matching input"
        | "input is not enough for unique date and time" => Why::BadDate {
            text: date_text(),
            with_time,
        },
        _ => other(),
    }
}

/// serde's `Unexpected`, as written: `string "x"`, `integer `-3``, `boolean `true``, `null`,
/// `sequence`, `map`, `floating point `1.5``.
fn found_value(found: &str) -> Found {
    if let Some(text) = found.strip_prefix("string ") {
        return Found::Text(serde_json::from_str(text).unwrap_or_else(|_| text.to_string()));
    }
    match found {
        "null" | "unit value" => Found::Null,
        "sequence" => Found::List,
        "map" => Found::Object,
        "boolean `true`" => Found::Bool(true),
        "boolean `false`" => Found::Bool(false),
        f if f.starts_with("integer ") || f.starts_with("floating point ") => {
            Found::Number(quoted(f).unwrap_or(f).to_string())
        }
        f => Found::Other(f.to_string()),
    }
}

/// A visitor's `expecting`, as serde and chrono write it.
fn expected_kind(expected: &str) -> Expected {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            Expected::WholeNumber
        }
        "f32" | "f64" => Expected::Number,
        "a string" | "a borrowed string" | "a character" => Expected::Text,
        "a boolean" => Expected::Bool,
        // `export::read` reads each array of records as a sequence.
        "a sequence" | "an array of records" => Expected::List,
        "a map" => Expected::Object,
        e if e.starts_with("struct ") || e.starts_with("a signaal export") => Expected::Object,
        e if e.contains("date and time") || e.contains("datetime") => Expected::DateTime,
        e if e.contains("date") => Expected::Date,
        e => Expected::Other(e.to_string()),
    }
}

/// In English, for logs and the store's own `Display`; people get `Lang::unreadable`.
impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::Lang::En.unreadable(self))
    }
}

impl std::error::Error for Unreadable {}

#[cfg(test)]
mod tests {

    #[test]
    fn the_start_of_a_file_tells_utf_16_and_windows_1252_from_utf_8() {
        assert_eq!(Encoding::of_start(b"{\"format\": \"Zo\xC3\xAB\"}"), None);
        // A character cut off by the end of the buffer: the rest follows.
        assert_eq!(Encoding::of_start(b"{\"a\": \"Zo\xC3"), None);
        assert_eq!(Encoding::of_start(b""), None);
        for utf16 in [&b"\xFF\xFE{\0"[..], b"\xFE\xFF\0{", b"{\0\"\0", b"\0{\0\""] {
            assert_eq!(Encoding::of_start(utf16), Some((Encoding::Utf16, 0, 0)));
        }
        let ansi = b"{\n  \"last_name\": \"\xD6zt\xFCrk\"}";
        assert_eq!(
            Encoding::of_start(ansi),
            Some((Encoding::Windows1252, 2, 17))
        );
    }

    use super::*;

    fn read(json: &str) -> Unreadable {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Child {
            id: u64,
            birth_date: chrono::NaiveDate,
            role: crate::domain::Role,
        }
        let de = &mut serde_json::Deserializer::from_str(json);
        let e = serde_path_to_error::deserialize::<_, Vec<Child>>(de).unwrap_err();
        let path = e.path().to_string();
        // The text that ends where the error is (the tests' JSON is one line).
        let upto = &json[..e.inner().column().min(json.len())];
        let text = upto.rsplit('"').nth(1).map(str::to_string);
        Unreadable::from_json(e.inner(), path, text)
    }

    #[test]
    fn serde_json_messages_become_whys_with_the_path() {
        let child = |id: &str, born: &str, role: &str| {
            format!(r#"[{{"id": {id}, "birth_date": "{born}", "role": "{role}"}}]"#)
        };
        let e = read(&child("\"x\"", "2024-02-28", "staff"));
        assert_eq!((e.path.as_str(), e.line, e.column), ("[0].id", 1, 11));
        assert_eq!(
            e.why,
            Why::WrongType {
                found: Found::Text("x".into()),
                expected: Expected::WholeNumber
            }
        );
        let e = read(&child("-3", "2024-02-28", "staff"));
        assert_eq!(
            e.why,
            Why::WrongValue {
                found: Found::Number("-3".into()),
                expected: Expected::WholeNumber
            }
        );
        let e = read(&child("1", "2024-02-30", "staff"));
        assert_eq!(e.path, "[0].birth_date");
        assert_eq!(e.why, Why::NoSuchDate("2024-02-30".into()));
        let e = read(&child("1", "30-01-2024", "staff"));
        let bad = Why::BadDate {
            text: "30-01-2024".into(),
            with_time: false,
        };
        assert_eq!(e.why, bad);
        let e = read(&child("1", "2024-01-30", "boss"));
        let Why::NotOneOf { found, allowed } = &e.why else {
            panic!("{e:?}")
        };
        assert_eq!(found, "boss");
        assert!(allowed.contains(&"coach".to_string()), "{allowed:?}");
        let e = read(r#"[{"id": 1, "birth_date": "2024-01-30"}]"#);
        assert_eq!(
            (e.path.as_str(), e.why),
            ("[0]", Why::Missing("role".into()))
        );
        let e = read(r#"[{"id": 1 "#);
        assert_eq!((e.path.as_str(), e.why), ("", Why::EndsEarly));
        let e = read(r#"[{"id": 1,}]"#);
        assert_eq!(e.why, Why::Syntax(Syntax::TrailingComma));
        let e = read(r#"[{"id": 1 "role": "x"}]"#);
        assert_eq!(e.why, Why::Syntax(Syntax::ExpectedCommaOrBrace));
        let e = read(r#"[{id: 1}]"#);
        assert_eq!(e.why, Why::Syntax(Syntax::KeyNotText));
    }
}
