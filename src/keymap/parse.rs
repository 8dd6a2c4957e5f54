//! Reading one keymap file into bindings per context, collecting every problem with its line.

use std::collections::HashMap;

use super::{Binding, Context, Key, Problem};
use crate::app::action::Action;
use crate::problem::LineIndex;
use crate::toml_file::{self, At};
use toml::de::{DeTable, DeValue};

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
    match toml_file::read(text, &reader.lines) {
        Ok(doc) => reader.document(doc),
        Err(problem) => reader.problems.push(problem),
    }
    (reader.sections, reader.problems)
}

struct Reader<'a> {
    lines: LineIndex<'a>,
    problems: Vec<Problem>,
    sections: Sections,
}

fn known_contexts() -> String {
    Context::ALL.map(Context::name).join(", ")
}

fn known_actions() -> String {
    Action::ALL.map(Action::name).join(", ")
}

/// What a value is, for the messages. Keymap messages call every number "a number" (the shared
/// reader says "a decimal number" for one with a fraction, as template messages do).
fn kind(value: &DeValue) -> &'static str {
    match value {
        DeValue::Float(_) => "a number",
        other => toml_file::kind(other),
    }
}

const ENTRY_EXAMPLE: &str = r#"{ on = ["q"], run = "quit", desc = "Quit" }"#;

impl Reader<'_> {
    fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            line,
            message: message.into(),
        });
    }

    fn document(&mut self, sections: DeTable) {
        for (name, value) in sections {
            let line = self.lines.line_of(&name);
            let name = name.into_inner();
            let DeValue::Table(fields) = value.into_inner() else {
                self.problem(
                    line,
                    format!(
                        "\"{name}\" must be a section such as [global] with a keymap = [...] array"
                    ),
                );
                continue;
            };
            let context = Context::from_name(&name);
            if context.is_none() {
                self.problem(
                    line,
                    format!("unknown context \"{name}\" (known: {})", known_contexts()),
                );
            }
            self.section(&name, line, context, fields);
        }
    }

    fn section(
        &mut self,
        name: &str,
        header_line: usize,
        context: Option<Context>,
        fields: DeTable,
    ) {
        let mut seen_keymap = false;
        let mut bindings: Vec<(Binding, usize)> = Vec::new();
        for (field, value) in fields {
            let line = self.lines.line_of(&field);
            if field.get_ref() != "keymap" {
                self.problem(
                    line,
                    format!(
                        "unknown field \"{}\" in [{name}] (expected keymap)",
                        field.get_ref()
                    ),
                );
                continue;
            }
            seen_keymap = true;
            let DeValue::Array(entries) = value.into_inner() else {
                self.problem(
                    line,
                    format!("keymap in [{name}] must be an array of tables like {ENTRY_EXAMPLE}"),
                );
                continue;
            };
            for entry in entries {
                let line = self.lines.line_of(&entry);
                match entry.into_inner() {
                    DeValue::Table(fields) => {
                        if let Some(binding) = self.entry(line, fields) {
                            bindings.push((binding, line));
                        }
                    }
                    other => self.problem(
                        line,
                        format!(
                            "a keymap entry must be a table like {ENTRY_EXAMPLE}, not {}",
                            kind(&other)
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
    fn entry(&mut self, entry_line: usize, fields: DeTable) -> Option<Binding> {
        let mut keys: Option<Vec<Key>> = None;
        let mut keys_line = entry_line;
        let mut keys_reported = false;
        let mut action: Option<Option<Action>> = None;
        let mut desc: Option<String> = None;
        for (field, value) in fields {
            let line = self.lines.line_of(&field);
            match field.get_ref().as_ref() {
                "on" => {
                    keys_line = line;
                    let before = self.problems.len();
                    keys = Some(self.keys(line, value));
                    keys_reported = self.problems.len() > before;
                }
                "run" => {
                    let value_line = self.lines.line_of(&value);
                    action = Some(match value.into_inner() {
                        DeValue::String(name) => {
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
                                    kind(&other)
                                ),
                            );
                            None
                        }
                    });
                }
                "desc" => match value.into_inner() {
                    DeValue::String(text) => desc = Some(text.into_owned()),
                    other => {
                        self.problem(line, format!("desc must be a string, not {}", kind(&other)))
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
    fn keys(&mut self, line: usize, value: At) -> Vec<Key> {
        let items = match value.into_inner() {
            DeValue::Array(items) => items,
            DeValue::String(name) => {
                return self.key(line, &name).into_iter().collect();
            }
            other => {
                self.problem(
                    line,
                    format!(
                        "on must be a list of keys, like on = [\"q\"], not {}",
                        kind(&other)
                    ),
                );
                return Vec::new();
            }
        };
        let mut keys = Vec::new();
        for item in items {
            let item_line = self.lines.line_of(&item);
            match item.into_inner() {
                DeValue::String(name) => {
                    if let Some(key) = self.key(item_line, &name) {
                        if !keys.contains(&key) {
                            keys.push(key);
                        }
                    }
                }
                other => self.problem(
                    item_line,
                    format!("a key must be a string like \"q\", not {}", kind(&other)),
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
