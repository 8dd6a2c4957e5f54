//! An observation: one observer's marks on one child's form, on one day. The stored record has
//! the shape of the export contract (DESIGN.md: `observations[]` with `marks[]` of `item`, `mark`,
//! `note`, `by`, `at`), so the store and the export share one type.
//!
//! "Not seen" is the absence of a mark, and the contract keeps unmarked items out of `marks[]`.
//! A note on an item that is not marked (or no longer is) is still worth keeping, so it lives in
//! `notes[]` (`item`, `note`, `by`, `at`); a later mark takes the note along.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::form::{FormTemplate, Mark};
use super::Id;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub id: Id,
    pub child_id: Id,
    /// The template's id; `version` is the version it had, so a changed template never rewrites
    /// what was observed with an older one.
    pub template: String,
    pub version: u32,
    pub date: NaiveDate,
    /// Who started the observation (each mark is signed on its own too).
    pub by: String,
    pub marks: Vec<MarkEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<ItemNote>,
    /// What the parents see, written after the observation talk with them ("Wat ouders zien"):
    /// shown in the parents' report. Empty when nothing was written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub parents_view: String,
}

/// A marked item. `by` and `at` are of the last change to the mark or its note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkEntry {
    pub item: String,
    pub mark: Mark,
    #[serde(default)]
    pub note: String,
    pub by: String,
    pub at: DateTime<FixedOffset>,
}

/// A note on an item that has no mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemNote {
    pub item: String,
    pub note: String,
    pub by: String,
    pub at: DateTime<FixedOffset>,
}

impl Observation {
    /// The observation without what was written in words: the notes on marks and items (the
    /// notes' items and signatures stay) and the parents' view. What a list shows of a child's
    /// newest observation (when, by whom, what was marked) needs no more, and the store keeps
    /// this copy of each child's newest one beside the records (`store::summary`) without
    /// repeating free text that may name people.
    pub fn without_text(mut self) -> Observation {
        for mark in &mut self.marks {
            mark.note.clear();
        }
        for note in &mut self.notes {
            note.note.clear();
        }
        self.parents_view.clear();
        self
    }

    pub fn new(
        id: Id,
        child_id: Id,
        template: &FormTemplate,
        date: NaiveDate,
        by: &str,
    ) -> Observation {
        Observation {
            id,
            child_id,
            template: template.id.clone(),
            version: template.version,
            date,
            by: by.to_string(),
            marks: Vec::new(),
            notes: Vec::new(),
            parents_view: String::new(),
        }
    }

    pub fn mark(&self, item: &str) -> Option<Mark> {
        self.marks.iter().find(|m| m.item == item).map(|m| m.mark)
    }

    /// Who last wrote on an item (its mark or its note); `None` when nothing is written on it.
    pub fn written_by(&self, item: &str) -> Option<&str> {
        let marked = self.marks.iter().find(|m| m.item == item).map(|m| &m.by);
        let noted = self.notes.iter().find(|n| n.item == item).map(|n| &n.by);
        marked.or(noted).map(String::as_str)
    }

    /// The note on an item, marked or not ("" when there is none).
    pub fn note(&self, item: &str) -> &str {
        let marked = self.marks.iter().find(|m| m.item == item);
        let unmarked = self.notes.iter().find(|n| n.item == item);
        marked
            .map(|m| m.note.as_str())
            .or(unmarked.map(|n| n.note.as_str()))
            .unwrap_or("")
    }

    /// Sets (or with `None` removes) an item's mark, keeping its note either way. A mark that
    /// changes keeps its place in `marks`, so the list stays in the order items were first marked.
    pub fn set_mark(
        &mut self,
        item: &str,
        mark: Option<Mark>,
        by: &str,
        at: DateTime<FixedOffset>,
    ) {
        let note = self.note(item).to_string();
        self.put(item, mark, note, by, at);
    }

    /// Sets an item's note (trimmed; an empty note removes it), keeping its mark.
    pub fn set_note(&mut self, item: &str, note: &str, by: &str, at: DateTime<FixedOffset>) {
        let mark = self.mark(item);
        self.put(item, mark, note.trim().to_string(), by, at);
    }

    /// True when nothing is marked or noted and no parents' view is written: such an
    /// observation is not worth keeping.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.notes.is_empty() && self.parents_view.is_empty()
    }

    /// The marks as item id -> mark, the shape [`super::form::compare`] takes.
    pub fn mark_map(&self) -> BTreeMap<String, Mark> {
        self.marks
            .iter()
            .map(|m| (m.item.clone(), m.mark))
            .collect()
    }

    /// Number of marks per section of `template`, in the template's order.
    pub fn marks_per_section(&self, template: &FormTemplate) -> Vec<usize> {
        template
            .sections
            .iter()
            .map(|section| {
                section
                    .items
                    .iter()
                    .filter(|item| self.mark(&item.id).is_some())
                    .count()
            })
            .collect()
    }

    /// How many worry items (see [`super::form::Item::concern`]) are marked "often": the number the
    /// group overview shows. Strengths seen often are good news, not counted.
    pub fn concerns_often(&self, template: &FormTemplate) -> usize {
        self.concern_items_often(template).count()
    }

    /// The worry items marked "often", in the order they were marked.
    pub fn concern_items_often<'o, 't>(
        &'o self,
        template: &'t FormTemplate,
    ) -> impl Iterator<Item = &'o str> + use<'o, 't> {
        self.marks
            .iter()
            .filter(|m| m.mark == Mark::Often)
            .filter(|m| template.item(&m.item).is_some_and(|(_, item)| item.concern))
            .map(|m| m.item.as_str())
    }

    /// Puts an item's mark and note where they belong: a marked item in `marks` (in place when it
    /// was marked already), a note on an unmarked item in `notes`, nothing for neither.
    fn put(
        &mut self,
        item: &str,
        mark: Option<Mark>,
        note: String,
        by: &str,
        at: DateTime<FixedOffset>,
    ) {
        self.notes.retain(|n| n.item != item);
        let existing = self.marks.iter().position(|m| m.item == item);
        match (mark, existing) {
            (Some(mark), Some(at_index)) => {
                self.marks[at_index] = MarkEntry {
                    item: item.to_string(),
                    mark,
                    note,
                    by: by.to_string(),
                    at,
                }
            }
            (Some(mark), None) => self.marks.push(MarkEntry {
                item: item.to_string(),
                mark,
                note,
                by: by.to_string(),
                at,
            }),
            (None, existing) => {
                if let Some(index) = existing {
                    self.marks.remove(index);
                }
                if !note.is_empty() {
                    self.notes.push(ItemNote {
                        item: item.to_string(),
                        note,
                        by: by.to_string(),
                        at,
                    });
                }
            }
        }
    }
}

/// The observation the last of `observations` (oldest first) is compared with: the one before it
/// made with the same form, by template id (the versions of one form share their item ids), so
/// that an item of another form is never said to be "not marked this time". `None` when the
/// list is empty or no earlier observation used that form. The parents' report and the compare
/// screen (`w`) share it.
pub fn previous_on_same_form(observations: &[Observation]) -> Option<&Observation> {
    let (latest, earlier) = observations.split_last()?;
    earlier.iter().rev().find(|o| o.template == latest.template)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::form::{Item, Section, Text};
    use crate::domain::GroupKind;

    fn at(minute: u32) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2026-11-20T10:{minute:02}:00+01:00")).unwrap()
    }

    fn template() -> FormTemplate {
        let item = |id: &str, concern: bool| Item {
            id: id.into(),
            text: Text::new(id, id),
            meldcode: false,
            concern,
            min_months: None,
            max_months: None,
        };
        FormTemplate {
            id: "t".into(),
            version: 3,
            name: Text::new("T", "T"),
            kinds: vec![GroupKind::Kdv],
            sections: vec![
                Section {
                    id: "a".into(),
                    title: Text::new("A", "A"),
                    items: vec![item("a.strength", false), item("a.worry", true)],
                },
                Section {
                    id: "b".into(),
                    title: Text::new("B", "B"),
                    items: vec![item("b.worry", true)],
                },
            ],
        }
    }

    fn observation() -> Observation {
        let date = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
        Observation::new(7, 3, &template(), date, "Anouk")
    }

    #[test]
    fn new_keeps_the_template_version() {
        let obs = observation();
        assert_eq!((obs.template.as_str(), obs.version), ("t", 3));
        assert!(obs.marks.is_empty() && obs.notes.is_empty());
    }

    #[test]
    fn marks_are_set_replaced_and_removed() {
        let mut obs = observation();
        obs.set_mark("a.worry", Some(Mark::Sometimes), "Anouk", at(1));
        obs.set_mark("a.worry", Some(Mark::Often), "Bram", at(2));
        assert_eq!(obs.mark("a.worry"), Some(Mark::Often));
        assert_eq!(obs.marks.len(), 1);
        assert_eq!((obs.marks[0].by.as_str(), obs.marks[0].at), ("Bram", at(2)));
        obs.set_mark("a.worry", None, "Bram", at(3));
        assert_eq!(obs.mark("a.worry"), None);
        assert!(obs.marks.is_empty() && obs.notes.is_empty());
    }

    #[test]
    fn a_note_survives_unmarking_and_follows_a_new_mark() {
        let mut obs = observation();
        obs.set_mark("b.worry", Some(Mark::Often), "Anouk", at(1));
        obs.set_note(
            "b.worry",
            "  huilt bij afscheid, ĳverig getroost  ",
            "Anouk",
            at(2),
        );
        assert_eq!(obs.note("b.worry"), "huilt bij afscheid, ĳverig getroost");
        assert_eq!(obs.mark("b.worry"), Some(Mark::Often));

        obs.set_mark("b.worry", None, "Anouk", at(3));
        assert!(obs.marks.is_empty());
        assert_eq!(obs.notes.len(), 1);
        assert_eq!(obs.note("b.worry"), "huilt bij afscheid, ĳverig getroost");

        obs.set_mark("b.worry", Some(Mark::Sometimes), "Anouk", at(4));
        assert!(obs.notes.is_empty());
        assert_eq!(obs.marks[0].note, "huilt bij afscheid, ĳverig getroost");
    }

    #[test]
    fn a_changed_mark_keeps_its_place() {
        let mut obs = observation();
        obs.set_mark("a.strength", Some(Mark::Sometimes), "Anouk", at(1));
        obs.set_mark("b.worry", Some(Mark::Sometimes), "Anouk", at(2));
        obs.set_mark("a.strength", Some(Mark::Often), "Anouk", at(3));
        obs.set_note("a.strength", "Zoë", "Anouk", at(4));
        let order: Vec<&str> = obs.marks.iter().map(|m| m.item.as_str()).collect();
        assert_eq!(order, ["a.strength", "b.worry"]);
    }

    #[test]
    fn empty_until_something_is_marked_or_noted() {
        let mut obs = observation();
        assert!(obs.is_empty());
        obs.set_mark("a.worry", Some(Mark::Sometimes), "Anouk", at(1));
        assert!(!obs.is_empty());
        obs.set_mark("a.worry", None, "Anouk", at(2));
        assert!(obs.is_empty());
        obs.set_note("a.worry", "let op", "Anouk", at(3));
        assert!(!obs.is_empty());
    }

    #[test]
    fn an_empty_note_removes_the_note_only() {
        let mut obs = observation();
        obs.set_note("a.strength", "Zoë", "Anouk", at(1));
        assert_eq!(obs.notes.len(), 1);
        obs.set_note("a.strength", "   ", "Anouk", at(2));
        assert!(obs.notes.is_empty());
        obs.set_mark("a.worry", Some(Mark::Often), "Anouk", at(3));
        obs.set_note("a.worry", "", "Anouk", at(4));
        assert_eq!(obs.mark("a.worry"), Some(Mark::Often));
    }

    #[test]
    fn counts_per_section_and_worries_seen_often() {
        let mut obs = observation();
        obs.set_mark("a.strength", Some(Mark::Often), "Anouk", at(1));
        obs.set_mark("a.worry", Some(Mark::Sometimes), "Anouk", at(2));
        obs.set_mark("b.worry", Some(Mark::Often), "Anouk", at(3));
        assert_eq!(obs.marks_per_section(&template()), [2, 1]);
        assert_eq!(obs.concerns_often(&template()), 1);
        assert_eq!(obs.mark_map().len(), 3);
    }

    #[test]
    fn serializes_with_the_contract_field_names() {
        let mut obs = observation();
        obs.set_mark("a.worry", Some(Mark::Often), "Anouk", at(1));
        let json = serde_json::to_value(&obs).unwrap();
        for field in ["id", "child_id", "template", "date", "by", "marks"] {
            assert!(json.get(field).is_some(), "missing {field}");
        }
        assert_eq!(json["date"], "2026-11-20");
        assert!(json.get("notes").is_none(), "no empty notes array");
        let mark = &json["marks"][0];
        assert_eq!(mark["item"], "a.worry");
        assert_eq!(mark["mark"], "often");
        assert_eq!(mark["note"], "");
        assert_eq!(mark["by"], "Anouk");
        assert_eq!(mark["at"], "2026-11-20T10:01:00+01:00");
        let back: Observation = serde_json::from_value(json).unwrap();
        assert_eq!(back, obs);
    }
}
