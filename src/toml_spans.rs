//! Reading a TOML file into a tree of values that keeps the span of every key and value, so that
//! a problem anywhere in the file can be reported with its line; and the [`Problem`] list that the
//! keymap and template readers report, with the way it is printed.
//!
//! Both readers read the file into a [`Node`] first and then check it field by field, so that one
//! run reports every problem of the file.

use std::fmt;
use std::ops::Range;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// One thing wrong with a file (a keymap or a template). `line` is 1-based; 0 means the file as a
/// whole (it cannot be read, or there is no such preset or file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// How a problem of the file as a whole (line 0) is printed.
#[derive(Debug, Clone, Copy)]
pub(crate) enum WholeFile {
    /// Just the message (it names the file itself where that matters).
    Bare,
    /// `FILE: message`.
    Named,
}

/// The problems of one file for stderr as is: one problem a line, `FILE:LINE: message`, and a
/// problem of the file as a whole as `whole_file` says.
pub(crate) struct Listing<'a> {
    file: &'a str,
    problems: &'a [Problem],
    whole_file: WholeFile,
}

impl<'a> Listing<'a> {
    pub(crate) fn new(file: &'a str, problems: &'a [Problem], whole_file: WholeFile) -> Self {
        Listing {
            file,
            problems,
            whole_file,
        }
    }
}

impl fmt::Display for Listing<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            match (problem.line, self.whole_file) {
                (0, WholeFile::Bare) => f.write_str(&problem.message)?,
                (0, WholeFile::Named) => write!(f, "{}: {}", self.file, problem.message)?,
                (line, _) => write!(f, "{}:{}: {}", self.file, line, problem.message)?,
            }
        }
        Ok(())
    }
}

// `toml::Spanned` fails outright on a key or value the parser has no span for (the implicit `a`
// of `[a.b]`, a date), which would hide every other problem of the file. `At` asks for a span the
// way `toml::Spanned` does (by the struct and field names serde_spanned 0.6 uses internally) but
// also accepts a value that comes without one.
const SPANNED_NAME: &str = "$__serde_spanned_private_Spanned";
const SPANNED_FIELDS: &[&str] = &[
    "$__serde_spanned_private_start",
    "$__serde_spanned_private_end",
    "$__serde_spanned_private_value",
];
const DATETIME_KEY: &str = "$__toml_private_datetime";

/// A value with its byte span in the file, when the parser knows it.
#[derive(Debug)]
pub(crate) struct At<T> {
    pub(crate) span: Option<Range<usize>>,
    pub(crate) value: T,
}

impl<T> At<T> {
    fn bare(value: T) -> At<T> {
        At { span: None, value }
    }
}

/// A TOML value that keeps the span of every key and value inside it.
#[derive(Debug)]
pub(crate) enum Node {
    Str(String),
    Int(i64),
    Bool(bool),
    /// A number with a fraction or exponent.
    Float,
    Table(Vec<(At<String>, At<Node>)>),
    Array(Vec<At<Node>>),
    Other(&'static str),
}

impl Node {
    /// What the value is, for messages like "must be a string, not a table".
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Node::Str(_) => "a string",
            Node::Int(_) => "a number",
            Node::Bool(_) => "a boolean",
            Node::Float => "a decimal number",
            Node::Table(_) => "a table",
            Node::Array(_) => "an array",
            Node::Other(kind) => kind,
        }
    }
}

/// Reads a whole file: its top-level table, or the syntax error as one problem.
pub(crate) fn read(text: &str, lines: &LineIndex) -> Result<Node, Problem> {
    toml::from_str::<Node>(text).map_err(|err| syntax_problem(&err, lines))
}

/// A TOML syntax error as one problem on one line: the parser's message may span several.
fn syntax_problem(err: &toml::de::Error, lines: &LineIndex) -> Problem {
    let line = err.span().map(|span| lines.line(span.start)).unwrap_or(1);
    let message: Vec<&str> = err
        .message()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    Problem {
        line,
        message: format!("invalid TOML: {}", message.join(", ")),
    }
}

impl<'de> Deserialize<'de> for At<Node> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<At<Node>, D::Error> {
        deserializer.deserialize_struct(SPANNED_NAME, SPANNED_FIELDS, NodeVisitor { spanned: true })
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        deserializer
            .deserialize_any(NodeVisitor { spanned: false })
            .map(|at| at.value)
    }
}

/// Reads a value (or a key: keys come as strings); with `spanned`, a map may be the parser's span
/// wrapper around the value.
struct NodeVisitor {
    spanned: bool,
}

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = At<Node>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TOML value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<At<Node>, E> {
        Ok(At::bare(Node::Bool(value)))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<At<Node>, E> {
        Ok(At::bare(Node::Int(value)))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<At<Node>, E> {
        Ok(At::bare(
            i64::try_from(value).map_or(Node::Other("a number"), Node::Int),
        ))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<At<Node>, E> {
        Ok(At::bare(Node::Float))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<At<Node>, E> {
        Ok(At::bare(Node::Str(value.to_string())))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<At<Node>, E> {
        Ok(At::bare(Node::Str(value)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<At<Node>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<At<Node>>()? {
            items.push(item);
        }
        Ok(At::bare(Node::Array(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<At<Node>, A::Error> {
        let first = map.next_key::<At<Node>>()?.map(key);
        match first {
            Some(field) if self.spanned && field.value == SPANNED_FIELDS[0] => {
                let start: usize = map.next_value()?;
                let mut end = start;
                let mut value = None;
                while let Some(field) = map.next_key::<String>()? {
                    if field == SPANNED_FIELDS[1] {
                        end = map.next_value()?;
                    } else if field == SPANNED_FIELDS[2] {
                        value = Some(map.next_value::<Node>()?);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                let value = value.ok_or_else(|| de::Error::missing_field(SPANNED_FIELDS[2]))?;
                Ok(At {
                    span: Some(start..end.max(start)),
                    value,
                })
            }
            first => Ok(At::bare(table(map, first)?)),
        }
    }
}

/// A key read as a node: keys are always strings.
fn key(node: At<Node>) -> At<String> {
    let value = match node.value {
        Node::Str(text) => text,
        other => other.kind().to_string(),
    };
    At {
        span: node.span,
        value,
    }
}

/// The entries of a table, the first key already read. A date comes as a one-entry table.
fn table<'de, A: MapAccess<'de>>(mut map: A, first: Option<At<String>>) -> Result<Node, A::Error> {
    let mut entries = Vec::new();
    let mut next = first;
    while let Some(field) = next {
        if field.value == DATETIME_KEY {
            map.next_value::<IgnoredAny>()?;
            return Ok(Node::Other("a date"));
        }
        let value = map.next_value::<At<Node>>()?;
        entries.push((field, value));
        next = map.next_key::<At<Node>>()?.map(key);
    }
    Ok(Node::Table(entries))
}

/// Byte offset -> line.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 1-based line of a byte offset.
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }

    /// The line of a key or value; `fallback` (the line of what contains it) when the parser
    /// gave no span.
    pub(crate) fn line_of<T>(&self, at: &At<T>, fallback: usize) -> usize {
        at.span
            .as_ref()
            .map_or(fallback, |span| self.line(span.start))
    }
}

/// Every problem found in one file (a form template, a contacts file). Its Display is meant for
/// stderr as is: one problem a line, `FILE:LINE: message` (`FILE: message` for a problem of the
/// file as a whole, line 0).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", Listing::new(&self.file, &self.problems, WholeFile::Named))]
pub struct FileProblems {
    file: String,
    problems: Vec<Problem>,
}

impl FileProblems {
    pub fn new(file: impl Into<String>, mut problems: Vec<Problem>) -> FileProblems {
        problems.sort_by_key(|p| p.line);
        FileProblems {
            file: file.into(),
            problems,
        }
    }

    /// The file the problems are about, as named in the messages.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The problems, by line.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}
