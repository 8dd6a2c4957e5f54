//! Fixtures shared by the tests of the commands (the reports and the demo): dates written as
//! text, signing times, the built-in plans and a group, so that every test builds them the same way.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::form::FormTemplate;
use crate::domain::plan::PlanTemplate;
use crate::domain::{Child, Group, GroupKind, Id};

/// A day written as `YYYY-MM-DD`.
pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// 10:00 (UTC+1) on the day written as `YYYY-MM-DD`: when a mark or a stage was signed.
pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("{s}T10:00:00+01:00")).unwrap()
}

/// The built-in step plan with this id.
pub fn plan(id: &str) -> PlanTemplate {
    crate::templates::builtin_plans()
        .into_iter()
        .find(|p| p.id == id)
        .unwrap()
}

/// A KDV group that is in use and chose no forms.
pub fn group(id: Id, name: &str) -> Group {
    Group {
        id,
        name: name.into(),
        kind: GroupKind::Kdv,
        location: String::new(),
        archived: false,
        forms: Vec::new(),
    }
}

/// The built-in observation form for 0 to 4 years.
pub fn kdv() -> FormTemplate {
    crate::templates::builtin()
        .into_iter()
        .find(|t| t.id == "kdv-0-4")
        .unwrap()
}

/// Zoë de Vries (id 20, born 2024-08-17) of group 10, without mentor, guardians or consent.
pub fn zoe() -> Child {
    Child::new(20, 10, "Zoë", "de Vries", d("2024-08-17"))
}
