//! Reading a database's export (`signaal export`, JSON) as the tests need it: fields, the staff,
//! groups and children of the demo, and dates.
//!
//! Names are read from the export, never hard-coded, so the demo data may change without breaking
//! the tests.

// Each tests/*.rs is a crate of its own and uses only some of these helpers.
#![allow(dead_code)]

use chrono::{DateTime, Local, NaiveDate};
use serde_json::Value;

use super::cli::Db;

/// What most tests start from: a fresh demo database (`Db::demo` with `extra` arguments), its
/// export, and the user the tests act as (`first_staff`).
pub fn fresh_demo(extra: &[&str]) -> (Db, Value, String) {
    let db = Db::demo(extra);
    let ex = db.export();
    let user = first_staff(&ex);
    (db, ex, user)
}

/// The array `key` of `v` (panics, showing `v`, if there is none).
pub fn arr<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("no array {key:?} in {v}"))
}

/// The string field `key` of `v` (panics, showing `v`, if it is not a string).
pub fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("field {key:?} is not a string in {v}"))
}

/// The numeric `id` of a record.
pub fn id(v: &Value) -> u64 {
    v["id"]
        .as_u64()
        .unwrap_or_else(|| panic!("no numeric id in {v}"))
}

/// A child record's first and last name, as the app shows them.
pub fn full_name(child: &Value) -> String {
    format!("{} {}", s(child, "first_name"), s(child, "last_name"))
}

/// The first staff member with the plain staff role ("pedagogisch medewerker").
pub fn first_staff(ex: &Value) -> String {
    first_with_role(ex, "staff")
}

/// The name of the first person of the export with this role (`staff`, `coach`,
/// `care_coordinator`, `admin`).
pub fn first_with_role(ex: &Value, role: &str) -> String {
    arr(ex, "staff")
        .iter()
        .find(|m| m["role"] == role)
        .map(|m| s(m, "name").to_string())
        .unwrap_or_else(|| panic!("the demo has someone with role {role:?}"))
}

/// A child, as the export has them.
#[derive(Clone, Debug)]
pub struct Kid {
    pub id: u64,
    pub first: String,
    /// First and last name.
    pub name: String,
    pub group_id: u64,
    /// YYYY-MM-DD.
    pub birth: String,
}

/// The children that are not archived, in the export's order.
pub fn kids(ex: &Value) -> Vec<Kid> {
    arr(ex, "children")
        .iter()
        .filter(|c| c["archived"] != true)
        .map(|c| Kid {
            id: id(c),
            first: s(c, "first_name").to_string(),
            name: full_name(c),
            group_id: c["group_id"].as_u64().expect("child has a group_id"),
            birth: s(c, "birth_date").to_string(),
        })
        .collect()
}

/// The group of the first child that is not archived, and the names of that group's children
/// (not archived), for a test that opens a group and looks for its children on the screen.
pub fn first_group_names(ex: &Value) -> (u64, Vec<String>) {
    let all = kids(ex);
    let group_id = all.first().expect("the demo has children").group_id;
    let names = all
        .into_iter()
        .filter(|k| k.group_id == group_id)
        .map(|k| k.name)
        .collect();
    (group_id, names)
}

/// The children that are not archived and whose first name no other such child of their group
/// has, so that the filter finds only them; in the export's order.
pub fn uniquely_named_kids(ex: &Value) -> Vec<Kid> {
    let all = kids(ex);
    all.iter()
        .filter(|kid| {
            all.iter()
                .filter(|o| o.group_id == kid.group_id && o.first == kid.first)
                .count()
                == 1
        })
        .cloned()
        .collect()
}

/// The group with this id.
pub fn group(ex: &Value, group_id: u64) -> &Value {
    arr(ex, "groups")
        .iter()
        .find(|g| id(g) == group_id)
        .unwrap_or_else(|| panic!("no group {group_id} in the export"))
}

/// The name of the group with this id.
pub fn group_name(ex: &Value, group_id: u64) -> String {
    s(group(ex, group_id), "name").to_string()
}

/// Today as the app sees it (local time). Taken before and after a test's actions, a test that
/// runs across midnight accepts either day.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// A date as the export writes it: YYYY-MM-DD.
pub fn ymd(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The date part of an RFC 3339 time, in its own offset.
pub fn date_of(at: &str) -> NaiveDate {
    DateTime::parse_from_rfc3339(at)
        .unwrap_or_else(|e| panic!("{at:?} is not RFC 3339: {e}"))
        .date_naive()
}

/// The highest record id of an export (staff, groups, children, observations, trajectories,
/// visits, contacts): a record added to it takes the next.
pub fn max_id(ex: &Value) -> u64 {
    let kinds = [
        "staff",
        "groups",
        "children",
        "observations",
        "trajectories",
        "visits",
        "contacts",
    ];
    kinds
        .iter()
        .flat_map(|kind| arr(ex, kind))
        .filter_map(|record| record["id"].as_u64())
        .max()
        .unwrap_or(0)
}

/// The plan template `id` as the export lists it, with a stage entry for each of its stages as
/// a trajectory just started has them (nothing done).
pub fn plan_with_untouched_stages(ex: &Value, id: &str) -> (Value, Vec<Value>) {
    let plan = arr(ex, "plan_templates")
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("the export lists the plan {id}"))
        .clone();
    let stages = plan["stages"]
        .as_array()
        .expect("a plan's stages")
        .iter()
        .map(|s| serde_json::json!({"stage": s["id"], "done": false, "by": "", "note": "", "at": null}))
        .collect();
    (plan, stages)
}
