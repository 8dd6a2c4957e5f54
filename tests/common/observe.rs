//! The observation form as a user fills it in (open it, move, mark) and the observations and
//! forms in a database's export, for the tests that mark items and check what was kept.
//!
//! Names of children, staff, items and forms are read from the export, never hard-coded.

// Each tests/*.rs is a crate of its own and uses only some of these helpers.
#![allow(dead_code)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::Value;
use signaal::domain::child::age_between;
use signaal::domain::form::FormTemplate;

use super::cli::Db;
use super::demo::{arr, date_of, fresh_demo, group, id, s, today, uniquely_named_kids, ymd, Kid};
use super::pty::Tui;
use super::screens::{detail, head, press_moves, selected_row, start_on_child};

// ---------------------------------------------------------------------------------------------
// The export: forms and observations
// ---------------------------------------------------------------------------------------------

/// The one form a group observes with (the demo has one per kind of group).
pub fn template_for_group(ex: &Value, group_id: u64) -> &Value {
    template_for_kind(ex, s(group(ex, group_id), "kind"))
}

/// The one form in the export's `form_templates` for groups of this kind.
pub fn template_for_kind<'a>(ex: &'a Value, kind: &str) -> &'a Value {
    let forms: Vec<&Value> = arr(ex, "form_templates")
        .iter()
        .filter(|t| arr(t, "kinds").iter().any(|k| k == kind))
        .collect();
    assert_eq!(
        forms.len(),
        1,
        "one form for a {kind} group (else a picker would come first)"
    );
    forms[0]
}

/// An item of a form: a row of the observation form.
#[derive(Clone, Debug)]
pub struct Item {
    pub id: String,
    /// The English wording.
    pub text: String,
    /// The id of its section.
    pub section: String,
    /// A worry (`concern = true`) rather than a strength.
    pub concern: bool,
}

impl Item {
    /// How the comparison shows this item marked before and not now: (the change, its kind). A
    /// strength was not marked this time; a worry is no longer seen.
    pub fn gone(&self) -> (&'static str, &'static str) {
        match self.concern {
            true => ("→ not seen", "no longer seen"),
            false => ("→ not marked", "not this time"),
        }
    }
}

/// The items of a form in form order, for every age.
pub fn form_items(template: &Value) -> Vec<Item> {
    let items: Vec<Item> = arr(template, "sections")
        .iter()
        .flat_map(|section| {
            arr(section, "items")
                .iter()
                .map(move |item| (section, item))
        })
        .map(|(section, item)| Item {
            id: s(item, "id").to_string(),
            text: s(&item["text"], "en").to_string(),
            section: s(section, "id").to_string(),
            concern: item["concern"] == true,
        })
        .collect();
    // The tests find an item on the screen by the start of its text.
    for (i, item) in items.iter().enumerate() {
        assert!(
            items[..i].iter().all(|o| head(&o.text) != head(&item.text)),
            "two items of {} start with {:?}",
            s(template, "id"),
            head(&item.text)
        );
    }
    items
}

/// The rows of the observation form of `kid` on `day`: the form's items for the child's age
/// that day (the app's own rule, `Item::fits_age`), in form order (section titles are not rows).
pub fn form_rows(template: &Value, kid: &Kid, day: NaiveDate) -> Vec<Item> {
    let form: FormTemplate = serde_json::from_value(template.clone()).expect("a form template");
    let born: NaiveDate = kid.birth.parse().expect("a birth date YYYY-MM-DD");
    let months = age_between(born, day).map(|age| age.in_months());
    let fits = |id: &str| {
        let (_, item) = form.item(id).expect("an item of the form");
        months.is_none_or(|months| item.fits_age(months))
    };
    form_items(template)
        .into_iter()
        .filter(|item| fits(&item.id))
        .collect()
}

/// The form template with this id.
pub fn template_by_id<'a>(ex: &'a Value, template: &str) -> &'a Value {
    arr(ex, "form_templates")
        .iter()
        .find(|t| t["id"] == template)
        .unwrap_or_else(|| panic!("no form template {template:?} in the export"))
}

/// A child's observations, oldest first (by date, then id).
pub fn observations_of(ex: &Value, child_id: u64) -> Vec<Value> {
    let mut all: Vec<Value> = arr(ex, "observations")
        .iter()
        .filter(|o| o["child_id"].as_u64() == Some(child_id))
        .cloned()
        .collect();
    all.sort_by(|a, b| (s(a, "date"), id(a)).cmp(&(s(b, "date"), id(b))));
    all
}

/// item -> mark of an observation.
pub fn marks(observation: &Value) -> BTreeMap<String, String> {
    arr(observation, "marks")
        .iter()
        .map(|m| (s(m, "item").to_string(), s(m, "mark").to_string()))
        .collect()
}

/// The mark entry (item, mark, note, by, at) of `item` in an observation, if it is marked.
pub fn mark_entry<'a>(observation: &'a Value, item: &str) -> Option<&'a Value> {
    arr(observation, "marks").iter().find(|m| m["item"] == item)
}

/// The observations of a child dated `date`.
pub fn observations_on(ex: &Value, child_id: u64, date: &str) -> Vec<Value> {
    observations_of(ex, child_id)
        .into_iter()
        .filter(|o| o["date"] == date)
        .collect()
}

/// The one observation of this child made today; checks its date and observer.
pub fn todays_observation(ex: &Value, kid: &Kid, days: &[NaiveDate], user: &str) -> Value {
    let mut days = days.to_vec();
    days.sort();
    days.dedup();
    let found: Vec<Value> = days
        .iter()
        .flat_map(|d| observations_on(ex, kid.id, &ymd(*d)))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one observation of {} today ({days:?}): {:#}",
        kid.name,
        Value::Array(observations_of(ex, kid.id))
    );
    let o = found.into_iter().next().unwrap();
    assert_eq!(s(&o, "by"), user, "the observation is by the user: {o:#}");
    o
}

/// Checks a mark entry: who and when (today, in the observation's date).
pub fn assert_signed(entry: &Value, observation: &Value, user: &str) {
    assert_eq!(
        s(entry, "by"),
        user,
        "the mark is signed by the user: {entry}"
    );
    let date = NaiveDate::parse_from_str(s(observation, "date"), "%Y-%m-%d").unwrap();
    assert_eq!(
        date_of(s(entry, "at")),
        date,
        "the mark's `at` is on the observation's date: {entry}"
    );
}

// ---------------------------------------------------------------------------------------------
// Screens
// ---------------------------------------------------------------------------------------------

/// The observation form's title: child, date, observer.
pub fn form_title(kid: &Kid, date: NaiveDate, user: &str) -> String {
    format!("{} · {} · Observer: {user}", kid.name, ymd(date))
}

/// Presses `o` on a children list or child screen and waits for the child's form of today.
pub fn open_form(t: &mut Tui, kid: &Kid, user: &str) -> String {
    t.send("o");
    t.expect_until(&format!("the observation form of {}", kid.name), |s| {
        s.contains(&form_title(kid, today(), user))
    })
}

/// Start, group, child, `o`: today's form of the child is shown.
pub fn start_on_form(db: &Db, ex: &Value, kid: &Kid, user: &str) -> Tui {
    let mut t = start_on_child(db, ex, kid, user);
    open_form(&mut t, kid, user);
    t
}

/// The form's row of an item (not the detail pane's line about it).
pub fn item_row<'a>(screen: &'a str, item: &Item) -> Option<&'a str> {
    let text = head(&item.text);
    screen
        .lines()
        .find(|l| (l.starts_with("│  ") || l.starts_with("│▶ ")) && l.contains(&text))
}

/// Whether the form's row of `item` shows `mark` ("sometimes", "often").
pub fn row_shows(screen: &str, item: &Item, mark: &str) -> bool {
    item_row(screen, item).is_some_and(|l| l.contains(&format!(" {mark} ")))
}

/// Whether the form shows `item` selected with `mark` ("not seen", "sometimes", "often") in the
/// detail pane.
pub fn shows(screen: &str, item: &Item, mark: &str) -> bool {
    let text = head(&item.text);
    detail(screen).starts_with(&format!("{mark}: {text}"))
        && selected_row(screen).is_some_and(|l| l.contains(&text))
}

/// Moves the form's selection from row `from` to row `to` with Down/Up (or j/k) and waits until
/// `to` is selected.
pub fn move_to(t: &mut Tui, items: &[Item], from: usize, to: usize, vim: bool) {
    press_moves(t, from, to, vim);
    let text = head(&items[to].text);
    t.expect_until(&format!("item {to} ({:?}) selected", items[to].id), |s| {
        selected_row(s).is_some_and(|l| l.contains(&text)) && detail(s).contains(&text)
    });
}

/// Presses Space on the selected item and waits until the screen shows `mark` for it, with the
/// "saved" state in the title bar.
pub fn mark(t: &mut Tui, item: &Item, mark: &str) -> String {
    t.send(" ");
    t.expect_until(&format!("{:?} marked {mark} and saved", item.id), |s| {
        shows(s, item, mark) && s.contains("✓ saved ")
    })
}

/// A child with a first name unique in its group (so the filter finds only them), satisfying
/// `pred`.
pub fn pick_kid(ex: &Value, pred: impl Fn(&Kid) -> bool) -> Kid {
    uniquely_named_kids(ex)
        .into_iter()
        .find(|k| pred(k))
        .expect("a child for this test in the demo")
}

/// What a test of a new observation starts from: a fresh demo database, its export and the user
/// (`fresh_demo`), the day the test starts (`day0`), a child (`pick_kid`) with no observation
/// dated `day0` or the day after (so that a test that runs across midnight still makes a new
/// one), and the items of the form of the child's group.
pub fn start() -> (Db, Value, String, NaiveDate, Kid, Vec<Item>) {
    let (db, ex, user) = fresh_demo(&[]);
    let day0 = today();
    let kid = pick_kid(&ex, |k| {
        observations_on(&ex, k.id, &ymd(day0)).is_empty()
            && observations_on(&ex, k.id, &ymd(day0.succ_opt().unwrap())).is_empty()
    });
    let items = form_rows(template_for_group(&ex, kid.group_id), &kid, day0);
    (db, ex, user, day0, kid, items)
}

/// Three rows of a child's form (its `rows`, from [`form_rows`]) to mark: the first item, one
/// further on in the first section, one in the second section (moving down skips the section
/// titles).
pub fn three_rows(rows: &[Item]) -> [usize; 3] {
    let first_section = rows
        .iter()
        .take_while(|item| item.section == rows[0].section)
        .count();
    [0, 2, first_section + 1]
}

/// On a form with its first item selected: marks each of `rows` "sometimes", in order, waiting
/// each time until the screen shows it saved. Returns the row selected at the end.
pub fn mark_rows(t: &mut Tui, items: &[Item], rows: &[usize]) -> usize {
    let mut at = 0;
    for &row in rows {
        move_to(t, items, at, row, false);
        at = row;
        mark(t, &items[row], "sometimes");
    }
    at
}

/// item -> "sometimes" for each of `rows`: the marks `mark_rows` makes.
pub fn sometimes(items: &[Item], rows: &[usize]) -> BTreeMap<String, String> {
    rows.iter()
        .map(|&r| (items[r].id.clone(), "sometimes".to_string()))
        .collect()
}
