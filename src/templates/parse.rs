//! Reading one template file into a [`FormTemplate`], collecting every problem with its line.
//!
//! The file is first read into the `toml` crate's tree of values that keeps the span of every key
//! and value (`crate::toml_file`), then checked field by field, so that one run reports every
//! problem of the file.

use std::collections::HashMap;

use serde::de::{self, Deserialize};

use crate::domain::form::{FormTemplate, Item, Section, Text};
use crate::domain::GroupKind;
use crate::problem::{LineIndex, Problem};
use crate::toml_file::{self, At};
use toml::de::{DeArray, DeTable, DeValue};

/// Reads one template file: the template, or every problem found (never both).
pub(super) fn parse(text: &str) -> Result<FormTemplate, Vec<Problem>> {
    let mut reader = Reader {
        lines: LineIndex::new(text),
        problems: Vec::new(),
        section_lines: HashMap::new(),
        item_lines: HashMap::new(),
    };
    let template = match toml_file::read(text, &reader.lines) {
        Ok(doc) => reader.document(doc),
        Err(problem) => {
            reader.problems.push(problem);
            None
        }
    };
    match template {
        Some(template) if reader.problems.is_empty() => Ok(template),
        _ => Err(reader.problems),
    }
}

/// A field of a table: its name, the line it is on, its value.
type Field<'a> = (String, usize, At<'a>);

/// A required field: `None` when the file does not have it, `Some(None)` when it has it but the
/// value is wrong (that problem is already reported).
type Slot<T> = Option<Option<T>>;

const KINDS: &str = "kdv, peuteropvang, bso";
const ITEM_EXAMPLE: &str = r#"{ id = "taal.naam", nl = "...", en = "..." }"#;
const TEXT_EXAMPLE: &str = r#"{ nl = "...", en = "..." }"#;
/// The highest age bound an item may have, in months: 18 years, well past any child in care.
const MAX_MONTHS: u32 = 216;

struct Reader<'a> {
    lines: LineIndex<'a>,
    problems: Vec<Problem>,
    /// Section id -> the line it was first given on.
    section_lines: HashMap<String, usize>,
    /// Item id -> the line it was first given on (item ids are unique in the whole template).
    item_lines: HashMap<String, usize>,
}

impl Reader<'_> {
    /// The entries of a list that must hold something; a problem on the list's line
    /// (`not_a_list` given what the value is instead, or `empty`) and `None` otherwise.
    fn non_empty_list<'v>(
        &mut self,
        value: At<'v>,
        not_a_list: impl FnOnce(&str) -> String,
        empty: impl FnOnce() -> String,
    ) -> Option<DeArray<'v>> {
        let line = self.lines.line_of(&value);
        match value.into_inner() {
            DeValue::Array(entries) if entries.is_empty() => {
                self.problem(line, empty());
                None
            }
            DeValue::Array(entries) => Some(entries),
            other => {
                self.problem(line, not_a_list(toml_file::kind(&other)));
                None
            }
        }
    }

    fn problem(&mut self, line: usize, message: impl Into<String>) {
        self.problems.push(Problem {
            line,
            message: message.into(),
        });
    }

    /// The fields of a table with the line of each (its key's).
    fn fields<'v>(&self, entries: DeTable<'v>) -> Vec<Field<'v>> {
        entries
            .into_iter()
            .map(|(name, value)| {
                let line = self.lines.line_of(&name);
                (name.into_inner().into_owned(), line, value)
            })
            .collect()
    }

    /// Reports a missing required field.
    fn require<T>(
        &mut self,
        slot: Slot<T>,
        line: usize,
        missing: impl FnOnce() -> String,
    ) -> Option<T> {
        match slot {
            Some(value) => value,
            None => {
                self.problem(line, missing());
                None
            }
        }
    }

    fn document(&mut self, entries: DeTable) -> Option<FormTemplate> {
        let mut id = None;
        let mut version = None;
        let mut name = None;
        let mut kinds = None;
        let mut sections = None;
        for (field, line, value) in self.fields(entries) {
            match field.as_str() {
                "id" => id = Some(self.id("the template id", value)),
                "version" => version = Some(self.version(value)),
                "name" => name = Some(self.text("name", value)),
                "kinds" => kinds = Some(self.kinds(value)),
                "section" => sections = Some(self.sections(value)),
                other => self.problem(
                    line,
                    format!(
                        "unknown field \"{other}\" (expected id, version, name, kinds, section)"
                    ),
                ),
            }
        }
        let id = self.require(id, 1, || {
            "the template has no id; add one at the top, like id = \"kdv-0-4\"".into()
        });
        let version = self.require(version, 1, || {
            "the template has no version; add one at the top, like version = 1".into()
        });
        let name = self.require(name, 1, || {
            format!("the template has no name; add one at the top, like name = {TEXT_EXAMPLE}")
        });
        let kinds = self.require(kinds, 1, || {
            format!(
                "the template has no kinds; add the group kinds it is for, like \
                 kinds = [\"bso\"] (known: {KINDS})"
            )
        });
        let sections = self.require(sections, 1, || {
            "the template has no items; add at least one [[section]] with items".into()
        });
        Some(FormTemplate {
            id: id?,
            version: version?,
            name: name?,
            kinds: kinds?,
            sections: sections?,
        })
    }

    /// A string that must not be blank, trimmed.
    fn string(&mut self, what: &str, value: At) -> Option<String> {
        let line = self.lines.line_of(&value);
        match value.into_inner() {
            DeValue::String(text) if text.trim().is_empty() => {
                self.problem(line, format!("{what} is empty"));
                None
            }
            DeValue::String(text) => Some(text.trim().to_string()),
            other => {
                self.problem(
                    line,
                    format!(
                        "{what} must be a string in quotes, not {}",
                        toml_file::kind(&other)
                    ),
                );
                None
            }
        }
    }

    /// An id: lowercase letters, digits, '.', '-' and '_'.
    fn id(&mut self, what: &str, value: At) -> Option<String> {
        let value_line = self.lines.line_of(&value);
        let id = self.string(what, value)?;
        let valid = id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'));
        if !valid {
            self.problem(
                value_line,
                format!(
                    "{what} \"{id}\" may only contain lowercase letters, digits, '.', '-' and '_'"
                ),
            );
            return None;
        }
        Some(id)
    }

    fn version(&mut self, value: At) -> Option<u32> {
        let line = self.lines.line_of(&value);
        match value.into_inner() {
            DeValue::Integer(n) => match toml_file::integer(&n).and_then(|n| u32::try_from(n).ok())
            {
                Some(n) if n >= 1 => Some(n),
                _ => {
                    self.problem(
                        line,
                        format!("version must be a whole number from 1 up, not {n}"),
                    );
                    None
                }
            },
            other => {
                self.problem(
                    line,
                    format!(
                        "version must be a whole number like version = 1, not {}",
                        toml_file::kind(&other)
                    ),
                );
                None
            }
        }
    }

    /// A `{ nl = "...", en = "..." }` table.
    fn text(&mut self, what: &str, value: At) -> Option<Text> {
        let line = self.lines.line_of(&value);
        let entries = match value.into_inner() {
            DeValue::Table(entries) => entries,
            other => {
                self.problem(
                    line,
                    format!(
                        "{what} must be a table like {what} = {TEXT_EXAMPLE}, not {}",
                        toml_file::kind(&other)
                    ),
                );
                return None;
            }
        };
        let mut nl = None;
        let mut en = None;
        for (field, field_line, value) in self.fields(entries) {
            match field.as_str() {
                "nl" => nl = Some(self.string(&format!("the nl text of {what}"), value)),
                "en" => en = Some(self.string(&format!("the en text of {what}"), value)),
                other => self.problem(
                    field_line,
                    format!("unknown field \"{other}\" in {what} (expected nl, en)"),
                ),
            }
        }
        let nl = self.require(nl, line, || format!("{what} has no nl text"));
        let en = self.require(en, line, || format!("{what} has no en text"));
        Some(Text { nl: nl?, en: en? })
    }

    fn kinds(&mut self, value: At) -> Option<Vec<GroupKind>> {
        let entries = self.non_empty_list(
            value,
            |kind| {
                format!("kinds must be a list like kinds = [\"kdv\", \"peuteropvang\"], not {kind}")
            },
            || format!("kinds is empty; name the group kinds the template is for ({KINDS})"),
        )?;
        let mut kinds = Vec::new();
        let mut valid = true;
        for entry in entries {
            let entry_line = self.lines.line_of(&entry);
            let entry = entry.into_inner();
            let kind = match &entry {
                DeValue::String(name) => kind_named(name.trim()),
                _ => None,
            };
            match (kind, entry) {
                (Some(kind), _) => {
                    if !kinds.contains(&kind) {
                        kinds.push(kind);
                    }
                }
                (None, DeValue::String(name)) => {
                    valid = false;
                    self.problem(
                        entry_line,
                        format!("unknown group kind \"{name}\" (known: {KINDS})"),
                    );
                }
                (None, other) => {
                    valid = false;
                    self.problem(
                        entry_line,
                        format!(
                            "a group kind must be a string like \"bso\", not {}",
                            toml_file::kind(&other)
                        ),
                    );
                }
            }
        }
        valid.then_some(kinds)
    }

    /// The `[[section]]` tables.
    fn sections(&mut self, value: At) -> Option<Vec<Section>> {
        let line = self.lines.line_of(&value);
        let entries = match value.into_inner() {
            DeValue::Array(entries) => entries,
            DeValue::Table(_) => {
                self.problem(
                    line,
                    "a section starts with [[section]], in double brackets (one pair per section)",
                );
                return None;
            }
            other => {
                self.problem(
                    line,
                    format!(
                        "section must be a list of [[section]] tables, not {}",
                        toml_file::kind(&other)
                    ),
                );
                return None;
            }
        };
        if entries.is_empty() {
            self.problem(
                line,
                "the template has no items; add at least one [[section]] with items",
            );
            return None;
        }
        let mut sections = Vec::new();
        let mut valid = true;
        for entry in entries {
            let entry_line = self.lines.line_of(&entry);
            let section = match entry.into_inner() {
                DeValue::Table(fields) => self.section(entry_line, fields),
                other => {
                    self.problem(
                        entry_line,
                        format!(
                            "a section must be a [[section]] table, not {}",
                            toml_file::kind(&other)
                        ),
                    );
                    None
                }
            };
            match section {
                Some(section) => sections.push(section),
                None => valid = false,
            }
        }
        valid.then_some(sections)
    }

    fn section(&mut self, line: usize, entries: DeTable) -> Option<Section> {
        let mut id = None;
        let mut title = None;
        let mut items = None;
        let mut id_line = line;
        let mut fields = Vec::new();
        for (field, field_line, value) in self.fields(entries) {
            match field.as_str() {
                "id" => {
                    id_line = self.lines.line_of(&value);
                    id = Some(self.id("a section id", value));
                }
                // The items are read after the id, so that their problems can name the section.
                "items" => items = Some(value),
                _ => fields.push((field, field_line, value)),
            }
        }
        let id = self.require(id, line, || {
            "the section has no id; add one under [[section]], like id = \"taal\"".into()
        });
        let id = id.and_then(|id| self.unique(|r| &mut r.section_lines, "section", id_line, id));
        let name = match &id {
            Some(id) => format!("section \"{id}\""),
            None => "the section".to_string(),
        };
        for (field, field_line, value) in fields {
            match field.as_str() {
                "title" => title = Some(self.text(&format!("the title of {name}"), value)),
                other => {
                    let hint = if matches!(other, "version" | "name" | "kinds") {
                        "; the template's own fields go at the top, before the first [[section]]"
                    } else {
                        ""
                    };
                    self.problem(
                        field_line,
                        format!(
                            "unknown field \"{other}\" in {name} (expected id, title, items){hint}"
                        ),
                    );
                }
            }
        }
        let title = self.require(title, line, || {
            format!("{name} has no title; add one like title = {TEXT_EXAMPLE}")
        });
        let items = match items {
            Some(value) => self.items(&name, value),
            None => {
                self.problem(
                    line,
                    format!("{name} has no items; add items = [ {ITEM_EXAMPLE} ]"),
                );
                None
            }
        };
        Some(Section {
            id: id?,
            title: title?,
            items: items?,
        })
    }

    /// Records an id of `what` ("section", "item") given on `line` in `seen`; None (and a
    /// problem naming both lines) when an earlier line has it.
    fn unique(
        &mut self,
        seen: fn(&mut Self) -> &mut HashMap<String, usize>,
        what: &str,
        line: usize,
        id: String,
    ) -> Option<String> {
        if let Some(&first) = seen(self).get(&id) {
            self.problem(
                line,
                format!("{what} id \"{id}\" is used twice (lines {first} and {line})"),
            );
            return None;
        }
        seen(self).insert(id.clone(), line);
        Some(id)
    }

    fn items(&mut self, section: &str, value: At) -> Option<Vec<Item>> {
        let entries = self.non_empty_list(
            value,
            |kind| format!("the items of {section} must be a list like items = [ {ITEM_EXAMPLE} ], not {kind}"),
            || format!("{section} has no items"),
        )?;
        let mut items = Vec::new();
        let mut valid = true;
        for entry in entries {
            let entry_line = self.lines.line_of(&entry);
            let item = match entry.into_inner() {
                DeValue::Table(fields) => self.item(entry_line, fields),
                other => {
                    self.problem(
                        entry_line,
                        format!(
                            "an item must be a table like {ITEM_EXAMPLE}, not {}",
                            toml_file::kind(&other)
                        ),
                    );
                    None
                }
            };
            match item {
                Some(item) => items.push(item),
                None => valid = false,
            }
        }
        valid.then_some(items)
    }

    fn item(&mut self, line: usize, entries: DeTable) -> Option<Item> {
        let mut fields = self.fields(entries);
        // The id first, so that the other problems can name the item.
        let mut id_line = line;
        let id = match fields.iter().position(|(field, _, _)| field == "id") {
            Some(index) => {
                let (_, _, value) = fields.remove(index);
                id_line = self.lines.line_of(&value);
                Some(self.id("an item id", value))
            }
            None => None,
        };
        let id = self.require(id, line, || {
            format!("the item has no id; give every item one, like {ITEM_EXAMPLE}")
        });
        let id = id.and_then(|id| self.unique(|r| &mut r.item_lines, "item", id_line, id));
        let name = match &id {
            Some(id) => format!("item \"{id}\""),
            None => "the item".to_string(),
        };
        let mut nl = None;
        let mut en = None;
        let mut meldcode = Some(false);
        let mut meldcode_line = line;
        let mut concern = Some(false);
        // Each `None` (absent) or `Some(Some(months))`; `Some(None)` when the value is wrong.
        let mut min_months: Slot<u32> = None;
        let mut max_months: Slot<u32> = None;
        let mut max_line = line;
        for (field, field_line, value) in fields {
            match field.as_str() {
                "nl" => nl = Some(self.string(&format!("the nl text of {name}"), value)),
                "en" => en = Some(self.string(&format!("the en text of {name}"), value)),
                "meldcode" => {
                    meldcode_line = field_line;
                    meldcode = self.flag("meldcode", &name, value);
                }
                "concern" => concern = self.flag("concern", &name, value),
                "min_months" => {
                    min_months = Some(self.months("min_months", &name, value));
                }
                "max_months" => {
                    max_line = field_line;
                    max_months = Some(self.months("max_months", &name, value));
                }
                other => {
                    let hint = if other == "text" {
                        "; write the texts directly in the item, like nl = \"...\", en = \"...\""
                    } else {
                        ""
                    };
                    self.problem(
                        field_line,
                        format!(
                            "unknown field \"{other}\" in {name} \
                             (expected id, nl, en, concern, meldcode, min_months, max_months){hint}"
                        ),
                    );
                }
            }
        }
        // A Meldcode signal is always a worry. Only checked when both flags were read right: a
        // wrong value has its own problem already.
        if meldcode == Some(true) && concern == Some(false) {
            self.problem(
                meldcode_line,
                format!(
                    "{name} has meldcode = true but not concern = true; a Meldcode signal is \
                     always a worry, so add concern = true"
                ),
            );
            concern = None;
        }
        // An age range that holds no age at all is a slip: the item would never be asked.
        if let (Some(Some(min)), Some(Some(max))) = (min_months, max_months) {
            if min > max {
                self.problem(
                    max_line,
                    format!(
                        "{name} has min_months = {min} above max_months = {max}; the item is \
                         meant for children from min_months up to and including max_months"
                    ),
                );
                max_months = Some(None);
            }
        }
        let nl = self.require(nl, line, || format!("{name} has no nl text"));
        let en = self.require(en, line, || format!("{name} has no en text"));
        Some(Item {
            id: id?,
            text: Text { nl: nl?, en: en? },
            concern: concern?,
            meldcode: meldcode?,
            min_months: optional(min_months)?,
            max_months: optional(max_months)?,
        })
    }

    /// An optional age bound of an item (`min_months`, `max_months`): whole months from 0 to
    /// [`MAX_MONTHS`]; `None` (and a problem on the value's line) otherwise.
    fn months(&mut self, field: &str, item: &str, value: At) -> Option<u32> {
        let line = self.lines.line_of(&value);
        match value.into_inner() {
            DeValue::Integer(n) => match toml_file::integer(&n).and_then(|n| u32::try_from(n).ok())
            {
                Some(months) if months <= MAX_MONTHS => Some(months),
                _ => {
                    self.problem(
                        line,
                        format!(
                            "{field} of {item} must be an age in whole months from 0 to \
                             {MAX_MONTHS}, not {n}"
                        ),
                    );
                    None
                }
            },
            other => {
                self.problem(
                    line,
                    format!(
                        "{field} of {item} must be a whole number of months like {field} = 12 \
                         (without quotes), not {}",
                        toml_file::kind(&other)
                    ),
                );
                None
            }
        }
    }

    /// An optional true/false field of an item, such as `meldcode`: None (and a problem on the
    /// value's line) when it is not a boolean.
    fn flag(&mut self, field: &str, item: &str, value: At) -> Option<bool> {
        let line = self.lines.line_of(&value);
        match value.into_inner() {
            DeValue::Boolean(flag) => Some(flag),
            other => {
                self.problem(
                    line,
                    format!(
                        "{field} of {item} must be true or false (without quotes), not {}",
                        toml_file::kind(&other)
                    ),
                );
                None
            }
        }
    }
}

/// An optional field's value: `Some(None)` when the file leaves it out, `None` when its value is
/// wrong (that problem is already reported).
fn optional<T>(slot: Slot<T>) -> Option<Option<T>> {
    match slot {
        None => Some(None),
        Some(value) => value.map(Some),
    }
}

/// The group kind with this name, as spelled in a template file and the export ("bso").
fn kind_named(name: &str) -> Option<GroupKind> {
    use serde::de::IntoDeserializer;
    let name: de::value::StrDeserializer<'_, de::value::Error> = name.into_deserializer();
    GroupKind::deserialize(name).ok()
}
