//! Reading a TOML file (a keymap, the config, a form template) into the `toml` crate's tree of
//! spanned keys and values, so that a reader can check it field by field, report every problem
//! of the file in one run, and name the line of each.

use toml::de::{DeInteger, DeTable, DeValue};
use toml::Spanned;

use crate::problem::{LineIndex, Problem};

/// A value of the tree with its byte span in the file (a key is a `Spanned<DeString>`).
pub(crate) type At<'a> = Spanned<DeValue<'a>>;

/// Reads a whole file: its top-level table, or the first syntax error as one problem on its
/// line, with the column in the message.
pub(crate) fn read<'a>(text: &'a str, lines: &LineIndex) -> Result<DeTable<'a>, Problem> {
    match DeTable::parse(text) {
        Ok(doc) => Ok(doc.into_inner()),
        Err(err) => Err(syntax_problem(&err, text, lines)),
    }
}

/// A syntax error in words: what the parser found wrong, the column, and the text at fault (a
/// duplicate key's name, a stray character) when it is short and on one line.
fn syntax_problem(err: &toml::de::Error, text: &str, lines: &LineIndex) -> Problem {
    let message = err
        .message()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let Some(span) = err.span() else {
        return Problem {
            line: 1,
            message: format!("invalid TOML: {message}"),
        };
    };
    let found = text
        .get(span.clone())
        .map(str::trim)
        .filter(|found| !found.is_empty() && found.chars().count() <= 40 && !found.contains('\n'))
        .map(|found| format!(", at `{found}`"))
        .unwrap_or_default();
    Problem {
        line: lines.line(span.start),
        message: format!(
            "invalid TOML: {message} (column {}{found})",
            lines.column(span.start)
        ),
    }
}

/// What a value is, for messages like "must be a string, not a table".
pub(crate) fn kind(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "a number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// The whole number, when it fits an `i64`.
pub(crate) fn integer(n: &DeInteger) -> Option<i64> {
    i64::from_str_radix(n.as_str(), n.radix()).ok()
}
