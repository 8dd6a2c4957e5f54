//! Reading one keymap file into bindings per context, collecting every problem with its line.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::{Binding, Context, Key, Problem};
use crate::app::action::Action;

// `toml::Spanned` fails outright on a key or value the parser has no span for (the implicit
// `global` of `[global.sub]`, a date), which would hide every other problem of the file. `At` asks
// for a span the same way `toml::Spanned` does but also accepts a value that comes without one.
const SPANNED_NAME: &str = "$__serde_spanned_private_Spanned";
const SPANNED_FIELDS: &[&str] = &[
    "$__serde_spanned_private_start",
    "$__serde_spanned_private_end",
    "$__serde_spanned_private_value",
];
const DATETIME_KEY: &str = "$__toml_private_datetime";

/// A value with its byte span in the file, when the parser knows it.
#[derive(Debug)]
struct At<T> {
    span: Option<Range<usize>>,
    value: T,
}

impl<T> At<T> {
    fn bare(value: T) -> At<T> {
        At { span: None, value }
    }
}

/// A TOML value that keeps the span of every key and value inside it, so that a problem anywhere
/// in the file can be reported with its line.
#[derive(Debug)]
enum Node {
    Str(String),
    Table(Vec<(At<String>, At<Node>)>),
    Array(Vec<At<Node>>),
    Other(&'static str),
}

impl Node {
    fn kind(&self) -> &'static str {
        match self {
            Node::Str(_) => "a string",
            Node::Table(_) => "a table",
            Node::Array(_) => "an array",
            Node::Other(kind) => kind,
        }
    }
}

/// Reads the rest of a spanned value after its start field.
fn finish_spanned<'de, A, T>(mut map: A, start: usize) -> Result<At<T>, A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    let mut end = start;
    let mut value = None;
    while let Some(field) = map.next_key::<String>()? {
        if field == SPANNED_FIELDS[1] {
            end = map.next_value()?;
        } else if field == SPANNED_FIELDS[2] {
            value = Some(map.next_value()?);
        } else {
            map.next_value::<IgnoredAny>()?;
        }
    }
    match value {
        Some(value) => Ok(At {
            span: Some(start..end.max(start)),
            value,
        }),
        None => Err(de::Error::missing_field(SPANNED_FIELDS[2])),
    }
}

/// The entries of a table, the first key already read. A date comes as a one-entry table.
fn table<'de, A: MapAccess<'de>>(mut map: A, first: Option<At<String>>) -> Result<Node, A::Error> {
    let mut entries = Vec::new();
    let mut next = first;
    if next.is_none() {
        next = map.next_key()?;
    }
    while let Some(key) = next {
        if key.value == DATETIME_KEY {
            map.next_value::<IgnoredAny>()?;
            return Ok(Node::Other("a date"));
        }
        let value = map.next_value::<At<Node>>()?;
        entries.push((key, value));
        next = map.next_key()?;
    }
    Ok(Node::Table(entries))
}

impl<'de> Deserialize<'de> for At<String> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<At<String>, D::Error> {
        deserializer.deserialize_struct(SPANNED_NAME, SPANNED_FIELDS, KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = At<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<At<String>, E> {
        Ok(At::bare(value.to_string()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<At<String>, E> {
        Ok(At::bare(value))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<At<String>, A::Error> {
        match map.next_key::<String>()? {
            Some(field) if field == SPANNED_FIELDS[0] => {
                let start = map.next_value()?;
                finish_spanned(map, start)
            }
            _ => Err(de::Error::custom("expected a key")),
        }
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

/// Reads a value; with `spanned`, a map may be the parser's span wrapper around the value.
struct NodeVisitor {
    spanned: bool,
}

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = At<Node>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TOML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<At<Node>, E> {
        Ok(At::bare(Node::Other("a boolean")))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<At<Node>, E> {
        Ok(At::bare(Node::Other("a number")))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<At<Node>, E> {
        Ok(At::bare(Node::Other("a number")))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<At<Node>, E> {
        Ok(At::bare(Node::Other("a number")))
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
        let first = map.next_key::<At<String>>()?;
        match first {
            Some(key) if self.spanned && key.value == SPANNED_FIELDS[0] => {
                let start = map.next_value()?;
                finish_spanned(map, start)
            }
            first => Ok(At::bare(table(map, first)?)),
        }
    }
}

/// The bindings of one file, per context (indexed by `Context::index`), in file order.
pub(crate) type Sections = Vec<Vec<Binding>>;

/// Reads one keymap file. The bindings are returned even when there are problems (those that
/// could be read), but a caller should only use them when the problem list is empty.
pub(crate) fn parse(text: &str) -> (Sections, Vec<Problem>) {
    let mut reader = Reader {
        lines: LineIndex::new(text),
        problems: Vec::new(),
        sections: Context::ALL.iter().map(|_| Vec::new()).collect(),
    };
    match toml::from_str::<Node>(text) {
        Ok(doc) => reader.document(doc),
        Err(err) => {
            let line = err
                .span()
                .map(|span| reader.lines.line(span.start))
                .unwrap_or(1);
            // One problem, one line: the parser's message may span several.
            let message: Vec<&str> = err
                .message()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            reader.problem(line, format!("invalid TOML: {}", message.join(", ")));
        }
    }
    (reader.sections, reader.problems)
}

struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 1-based line of a byte offset.
    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }
}

struct Reader {
    lines: LineIndex,
    problems: Vec<Problem>,
    sections: Sections,
}

fn known_contexts() -> String {
    Context::ALL.map(Context::name).join(", ")
}

fn known_actions() -> String {
    Action::ALL.map(Action::name).join(", ")
}

const ENTRY_EXAMPLE: &str = r#"{ on = ["q"], run = "quit", desc = "Quit" }"#;

impl Reader {
    fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            line,
            message: message.into(),
        });
    }

    /// The line of a key or value; `fallback` (the line of what contains it) when the parser
    /// gave no span.
    fn line_of<T>(&self, at: &At<T>, fallback: usize) -> usize {
        at.span
            .as_ref()
            .map_or(fallback, |span| self.lines.line(span.start))
    }

    fn document(&mut self, doc: Node) {
        let Node::Table(sections) = doc else {
            self.problem(1, "a keymap file must consist of sections such as [global]");
            return;
        };
        for (name, value) in sections {
            let value_line = self.line_of(&value, 1);
            let line = self.line_of(&name, value_line);
            let Node::Table(fields) = value.value else {
                self.problem(
                    line,
                    format!(
                        "\"{}\" must be a section such as [global] with a keymap = [...] array",
                        name.value
                    ),
                );
                continue;
            };
            let context = Context::from_name(&name.value);
            if context.is_none() {
                self.problem(
                    line,
                    format!(
                        "unknown context \"{}\" (known: {})",
                        name.value,
                        known_contexts()
                    ),
                );
            }
            self.section(&name.value, line, context, fields);
        }
    }

    fn section(
        &mut self,
        name: &str,
        header_line: usize,
        context: Option<Context>,
        fields: Vec<(At<String>, At<Node>)>,
    ) {
        let mut seen_keymap = false;
        let mut bindings: Vec<(Binding, usize)> = Vec::new();
        for (field, value) in fields {
            let line = self.line_of(&field, header_line);
            if field.value != "keymap" {
                self.problem(
                    line,
                    format!(
                        "unknown field \"{}\" in [{name}] (expected keymap)",
                        field.value
                    ),
                );
                continue;
            }
            seen_keymap = true;
            let Node::Array(entries) = value.value else {
                self.problem(
                    line,
                    format!("keymap in [{name}] must be an array of tables like {ENTRY_EXAMPLE}"),
                );
                continue;
            };
            for entry in entries {
                let line = self.line_of(&entry, line);
                match entry.value {
                    Node::Table(fields) => {
                        if let Some(binding) = self.entry(line, fields) {
                            bindings.push((binding, line));
                        }
                    }
                    other => self.problem(
                        line,
                        format!(
                            "a keymap entry must be a table like {ENTRY_EXAMPLE}, not {}",
                            other.kind()
                        ),
                    ),
                }
            }
        }
        if !seen_keymap {
            self.problem(header_line, format!("[{name}] has no keymap = [...] array"));
        }
        if let Some(context) = context {
            let checked = self.conflicts(context, bindings);
            self.sections[context.index()] = checked;
        }
    }

    /// One `{ on, run, desc }` table. None when it cannot become a binding (the problem is
    /// recorded).
    fn entry(&mut self, entry_line: usize, fields: Vec<(At<String>, At<Node>)>) -> Option<Binding> {
        let mut keys: Option<Vec<Key>> = None;
        let mut keys_line = entry_line;
        let mut keys_reported = false;
        let mut action: Option<Option<Action>> = None;
        let mut desc: Option<String> = None;
        for (field, value) in fields {
            let line = self.line_of(&field, entry_line);
            match field.value.as_str() {
                "on" => {
                    keys_line = line;
                    let before = self.problems.len();
                    keys = Some(self.keys(line, value));
                    keys_reported = self.problems.len() > before;
                }
                "run" => {
                    let value_line = self.line_of(&value, line);
                    action = Some(match value.value {
                        Node::Str(name) => {
                            let found = Action::from_name(&name);
                            if found.is_none() {
                                self.problem(
                                    value_line,
                                    format!(
                                        "unknown action \"{name}\" (known: {})",
                                        known_actions()
                                    ),
                                );
                            }
                            found
                        }
                        other => {
                            self.problem(
                                value_line,
                                format!(
                                    "run must name an action, like run = \"quit\", not {}",
                                    other.kind()
                                ),
                            );
                            None
                        }
                    });
                }
                "desc" => match value.value {
                    Node::Str(text) => desc = Some(text),
                    other => {
                        self.problem(line, format!("desc must be a string, not {}", other.kind()))
                    }
                },
                other => self.problem(
                    line,
                    format!("unknown field \"{other}\" (expected on, run, desc)"),
                ),
            }
        }
        let action = match action {
            None => {
                self.problem(entry_line, "binding has no run = \"action\"");
                None
            }
            Some(action) => action,
        };
        let keys = keys.unwrap_or_default();
        if keys.is_empty() && !keys_reported {
            let message = match action {
                Some(action) => format!("binding for \"{}\" has no keys", action.name()),
                None => "binding has no keys".to_string(),
            };
            self.problem(keys_line, message);
        }
        let action = action?;
        if keys.is_empty() {
            return None;
        }
        Some(Binding {
            keys,
            action,
            desc: desc.unwrap_or_default(),
        })
    }

    /// The valid keys of an `on` value (a list of key names, or one name).
    fn keys(&mut self, line: usize, value: At<Node>) -> Vec<Key> {
        let items = match value.value {
            Node::Array(items) => items,
            Node::Str(name) => {
                return self.key(line, &name).into_iter().collect();
            }
            other => {
                self.problem(
                    line,
                    format!(
                        "on must be a list of keys, like on = [\"q\"], not {}",
                        other.kind()
                    ),
                );
                return Vec::new();
            }
        };
        let mut keys = Vec::new();
        for item in items {
            let item_line = self.line_of(&item, line);
            match item.value {
                Node::Str(name) => {
                    if let Some(key) = self.key(item_line, &name) {
                        if !keys.contains(&key) {
                            keys.push(key);
                        }
                    }
                }
                other => self.problem(
                    item_line,
                    format!("a key must be a string like \"q\", not {}", other.kind()),
                ),
            }
        }
        keys
    }

    fn key(&mut self, line: usize, name: &str) -> Option<Key> {
        let key = Key::parse(name);
        if key.is_none() {
            self.problem(
                line,
                format!(
                    "unknown key \"{name}\" (use one character, or Up, Down, Left, Right, Enter, \
                     Esc, Tab, BackTab, Backspace, Delete, Home, End, PageUp, PageDown, Space, \
                     Insert, F1..F12, optionally after Ctrl-, Alt-, Shift-)"
                ),
            );
        }
        key
    }

    /// Reports an action bound twice and a key bound to two actions in one context; returns the
    /// bindings that remain (a repeated action's keys are merged into its first binding).
    fn conflicts(&mut self, context: Context, bindings: Vec<(Binding, usize)>) -> Vec<Binding> {
        let mut result: Vec<Binding> = Vec::new();
        let mut action_lines: HashMap<Action, usize> = HashMap::new();
        let mut key_owner: HashMap<Key, (Action, usize)> = HashMap::new();
        for (binding, line) in bindings {
            let action = binding.action;
            if let Some(first) = action_lines.get(&action) {
                self.problem(
                    line,
                    format!(
                        "\"{}\" is bound twice in [{context}] (lines {first} and {line}); \
                         put all its keys in one on = [...]",
                        action.name()
                    ),
                );
            } else {
                action_lines.insert(action, line);
            }
            let mut keys = Vec::new();
            for key in binding.keys {
                match key_owner.get(&key) {
                    Some(&(other, other_line)) if other != action => self.problem(
                        line,
                        format!(
                            "key {key} is bound to both \"{}\" (line {other_line}) and \"{}\" \
                             (line {line}) in [{context}]",
                            other.name(),
                            action.name()
                        ),
                    ),
                    _ => {
                        key_owner.entry(key).or_insert((action, line));
                        keys.push(key);
                    }
                }
            }
            match result.iter_mut().find(|b| b.action == action) {
                Some(existing) => {
                    for key in keys {
                        if !existing.keys.contains(&key) {
                            existing.keys.push(key);
                        }
                    }
                }
                None if !keys.is_empty() => result.push(Binding {
                    keys,
                    action,
                    desc: binding.desc,
                }),
                None => {}
            }
        }
        result
    }
}
