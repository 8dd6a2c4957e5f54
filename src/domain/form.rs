//! Observation forms: a template (sections of items, each item in Dutch and English) and the marks
//! an observer gives its items. Plain types and rules only; the built-in templates and the reading
//! of template files live in `crate::templates`.
//!
//! The scale is "not seen / sometimes / often": a [`Mark`] is sometimes or often, and "not seen" is
//! the absence of a mark. Marks are kept per item id, so an observation of a template is a
//! `BTreeMap<String, Mark>` (item id -> mark) plus who, when and notes.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::{Deserialize, Serialize};

use super::GroupKind;

/// A text in both languages of the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub nl: String,
    pub en: String,
}

impl Text {
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            nl: nl.into(),
            en: en.into(),
        }
    }
}

/// An observation form: sections (domains such as "taal en communicatie") of items. `id` and
/// `version` together name one fixed wording: an observation keeps the version it was made with,
/// so a changed template gets a new version and never rewrites history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormTemplate {
    pub id: String,
    pub version: u32,
    pub name: Text,
    /// The kinds of group this template is meant for.
    pub kinds: Vec<GroupKind>,
    pub sections: Vec<Section>,
}

/// One domain of a form, with its items in the order they are shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub items: Vec<Item>,
}

/// One observable thing. `id` is stable and unique within its template (e.g.
/// "welbevinden.afscheid"): marks refer to it. `meldcode` marks a context item that is a signal in
/// the sense of the Meldcode huiselijk geweld en kindermishandeling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub text: Text,
    /// True when seeing the item often is a worry, a signal to act on ("withdraws or is noticeably
    /// quiet"); false for a strength or a neutral observation ("comes in at ease"). The group
    /// overview and the coach views count "often" marks on concern items only. Every `meldcode`
    /// item is also a concern (template files are checked for that).
    #[serde(default)]
    pub concern: bool,
    #[serde(default)]
    pub meldcode: bool,
    /// The youngest age, in whole months the child has completed, the item is meant for; `None`
    /// for no lower bound. In the export only when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_months: Option<u32>,
    /// The oldest age, in whole completed months and inclusive (`Some(11)`: the first year), the
    /// item is meant for; `None` for no upper bound. In the export only when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_months: Option<u32>,
}

impl Item {
    /// Whether the item is meant for a child of `months` whole months. An item without an age
    /// range is meant for every age.
    pub fn fits_age(&self, months: u32) -> bool {
        self.min_months.is_none_or(|min| months >= min)
            && self.max_months.is_none_or(|max| months <= max)
    }
}

impl FormTemplate {
    /// The item with this id and the section it is in.
    pub fn item(&self, id: &str) -> Option<(&Section, &Item)> {
        self.items().find(|(_, item)| item.id == id)
    }

    /// Every item with its section, in form order.
    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> + '_ {
        self.sections
            .iter()
            .flat_map(|section| section.items.iter().map(move |item| (section, item)))
    }

    pub fn item_count(&self) -> usize {
        self.sections
            .iter()
            .map(|section| section.items.len())
            .sum()
    }

    /// Whether this template is meant for a group of this kind.
    pub fn fits(&self, kind: GroupKind) -> bool {
        self.kinds.contains(&kind)
    }
}

/// A mark on an item: seen sometimes or often. "Not seen" is no mark at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    Sometimes,
    Often,
}

impl Mark {
    /// The name used in the export ("sometimes", "often").
    pub fn name(self) -> &'static str {
        match self {
            Mark::Sometimes => "sometimes",
            Mark::Often => "often",
        }
    }
}

/// The next mark when an item is ticked: not seen -> sometimes -> often -> not seen.
pub fn cycle(current: Option<Mark>) -> Option<Mark> {
    match current {
        None => Some(Mark::Sometimes),
        Some(Mark::Sometimes) => Some(Mark::Often),
        Some(Mark::Often) => None,
    }
}

/// How one item differs between two observations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// Not seen before, marked now.
    Appeared(Mark),
    /// Marked before, not seen now.
    Disappeared(Mark),
    /// Marked both times, differently (e.g. sometimes -> often).
    Changed { from: Mark, to: Mark },
}

impl ChangeKind {
    /// Whether this change on `item` is a strength that was simply not marked this time: an
    /// unticked strength does not say the child no longer does it, so it reads as "deze keer
    /// niet aangekruist" and never as a loss. A worry no longer seen is a real change.
    pub fn not_marked_this_time(self, item: &Item) -> bool {
        !item.concern && matches!(self, ChangeKind::Disappeared(_))
    }
}

/// One item that differs between two observations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub item: String,
    pub kind: ChangeKind,
}

/// What changed from the `previous` observation's marks to the `latest` one's, made with
/// `template` (the latest's form): one [`Change`] per item whose mark differs, none for an item
/// that stayed the same. Changes come in the template's item order; an item marked now that the
/// template does not know comes last, sorted by id. An item marked only before that the template
/// does not ask (another version's, or another form's) is no change: it was not asked this
/// time, so "not marked this time" would tell the parents something that did not happen.
pub fn compare(
    template: &FormTemplate,
    previous: &BTreeMap<String, Mark>,
    latest: &BTreeMap<String, Mark>,
) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut known: HashSet<&str> = HashSet::new();
    for (_, item) in template.items() {
        if known.insert(item.id.as_str()) {
            push_change(&mut changes, &item.id, previous, latest);
        }
    }
    let rest: BTreeSet<&String> = latest
        .keys()
        .filter(|id| !known.contains(id.as_str()))
        .collect();
    for id in rest {
        push_change(&mut changes, id, previous, latest);
    }
    changes
}

fn push_change(
    changes: &mut Vec<Change>,
    id: &str,
    previous: &BTreeMap<String, Mark>,
    latest: &BTreeMap<String, Mark>,
) {
    let kind = match (previous.get(id).copied(), latest.get(id).copied()) {
        (None, Some(mark)) => ChangeKind::Appeared(mark),
        (Some(mark), None) => ChangeKind::Disappeared(mark),
        (Some(from), Some(to)) if from != to => ChangeKind::Changed { from, to },
        _ => return,
    };
    changes.push(Change {
        item: id.to_string(),
        kind,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str) -> Item {
        Item {
            id: id.into(),
            text: Text::new(format!("{id} nl"), format!("{id} en")),
            concern: false,
            meldcode: false,
            min_months: None,
            max_months: None,
        }
    }

    fn template() -> FormTemplate {
        FormTemplate {
            id: "test".into(),
            version: 1,
            name: Text::new("Test", "Test"),
            kinds: vec![GroupKind::Kdv, GroupKind::Peuteropvang],
            sections: vec![
                Section {
                    id: "b".into(),
                    title: Text::new("B", "B"),
                    items: vec![item("b.2"), item("b.1")],
                },
                Section {
                    id: "a".into(),
                    title: Text::new("A", "A"),
                    items: vec![item("a.1")],
                },
            ],
        }
    }

    fn marks(entries: &[(&str, Mark)]) -> BTreeMap<String, Mark> {
        entries
            .iter()
            .map(|(id, mark)| (id.to_string(), *mark))
            .collect()
    }

    fn change(item: &str, kind: ChangeKind) -> Change {
        Change {
            item: item.into(),
            kind,
        }
    }

    #[test]
    fn cycle_goes_not_seen_sometimes_often_not_seen() {
        assert_eq!(cycle(None), Some(Mark::Sometimes));
        assert_eq!(cycle(Some(Mark::Sometimes)), Some(Mark::Often));
        assert_eq!(cycle(Some(Mark::Often)), None);
        let mut mark = None;
        for _ in 0..3 {
            mark = cycle(mark);
        }
        assert_eq!(mark, None);
    }

    #[test]
    fn mark_serializes_lowercase() {
        assert_eq!(
            serde_json::to_string(&Mark::Sometimes).unwrap(),
            "\"sometimes\""
        );
        assert_eq!(serde_json::to_string(&Mark::Often).unwrap(), "\"often\"");
        assert_eq!(
            serde_json::from_str::<Mark>("\"often\"").unwrap(),
            Mark::Often
        );
        assert_eq!(Mark::Often.name(), "often");
        assert_eq!(Mark::Sometimes.name(), "sometimes");
    }

    #[test]
    fn compare_reports_appeared_disappeared_and_changed() {
        let previous = marks(&[("b.2", Mark::Sometimes), ("b.1", Mark::Often)]);
        let latest = marks(&[("b.2", Mark::Often), ("a.1", Mark::Sometimes)]);
        assert_eq!(
            compare(&template(), &previous, &latest),
            vec![
                change(
                    "b.2",
                    ChangeKind::Changed {
                        from: Mark::Sometimes,
                        to: Mark::Often
                    }
                ),
                change("b.1", ChangeKind::Disappeared(Mark::Often)),
                change("a.1", ChangeKind::Appeared(Mark::Sometimes)),
            ]
        );
    }

    #[test]
    fn compare_leaves_out_unchanged_items() {
        let previous = marks(&[("b.2", Mark::Often), ("a.1", Mark::Sometimes)]);
        let latest = marks(&[("b.2", Mark::Often), ("a.1", Mark::Often)]);
        assert_eq!(
            compare(&template(), &previous, &latest),
            vec![change(
                "a.1",
                ChangeKind::Changed {
                    from: Mark::Sometimes,
                    to: Mark::Often
                }
            )]
        );
        assert!(compare(&template(), &previous, &previous).is_empty());
        assert!(compare(&template(), &BTreeMap::new(), &BTreeMap::new()).is_empty());
    }

    #[test]
    fn compare_follows_template_order_then_unknown_items_marked_now_by_id() {
        let previous = marks(&[("a.1", Mark::Often)]);
        let latest = marks(&[
            ("a.1", Mark::Sometimes),
            ("b.1", Mark::Sometimes),
            ("zz.new", Mark::Often),
            ("b.2", Mark::Often),
            ("c.new", Mark::Sometimes),
        ]);
        let order: Vec<String> = compare(&template(), &previous, &latest)
            .into_iter()
            .map(|c| c.item)
            .collect();
        assert_eq!(order, ["b.2", "b.1", "a.1", "c.new", "zz.new"]);
    }

    /// Issue 15: an item of another form (or another version) marked before was not asked this
    /// time; it must not read as "deze keer niet aangekruist (was vaak)".
    #[test]
    fn an_item_the_latest_form_does_not_ask_is_no_change() {
        let previous = marks(&[("kdv.naam", Mark::Often), ("b.1", Mark::Often)]);
        let latest = marks(&[("b.2", Mark::Sometimes)]);
        assert_eq!(
            compare(&template(), &previous, &latest),
            vec![
                change("b.2", ChangeKind::Appeared(Mark::Sometimes)),
                change("b.1", ChangeKind::Disappeared(Mark::Often)),
            ]
        );
    }

    #[test]
    fn only_a_strength_gone_unmarked_is_not_marked_this_time() {
        let strength = item("a.1");
        let worry = Item {
            concern: true,
            ..item("a.2")
        };
        let gone = ChangeKind::Disappeared(Mark::Often);
        assert!(gone.not_marked_this_time(&strength));
        assert!(!gone.not_marked_this_time(&worry));
        let appeared = ChangeKind::Appeared(Mark::Often);
        assert!(!appeared.not_marked_this_time(&strength));
        let down = ChangeKind::Changed {
            from: Mark::Often,
            to: Mark::Sometimes,
        };
        assert!(!down.not_marked_this_time(&strength));
    }

    #[test]
    fn fits_matches_kinds() {
        let template = template();
        assert!(template.fits(GroupKind::Kdv));
        assert!(template.fits(GroupKind::Peuteropvang));
        assert!(!template.fits(GroupKind::Bso));
    }

    #[test]
    fn item_lookup_and_count() {
        let template = template();
        assert_eq!(template.item_count(), 3);
        let (section, item) = template.item("b.1").unwrap();
        assert_eq!(section.id, "b");
        assert_eq!(item.text.nl, "b.1 nl");
        assert_eq!(item.text.en, "b.1 en");
        assert!(template.item("nope").is_none());
        let ids: Vec<&str> = template.items().map(|(_, i)| i.id.as_str()).collect();
        assert_eq!(ids, ["b.2", "b.1", "a.1"]);
    }

    #[test]
    fn template_round_trips_through_json() {
        let template = template();
        let json = serde_json::to_value(&template).unwrap();
        assert_eq!(json["kinds"], serde_json::json!(["kdv", "peuteropvang"]));
        assert_eq!(json["sections"][0]["items"][0]["meldcode"], false);
        let back: FormTemplate = serde_json::from_value(json).unwrap();
        assert_eq!(back, template);
    }
}
