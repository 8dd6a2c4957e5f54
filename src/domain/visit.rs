//! The coach visit: the youth-care coach on the group, advising the staff per child and for the
//! group, tagging the advice with the competencies the staff grow in, and agreeing follow-ups.
//!
//! A visit is one record (`visits[]` in the export: `id`, `group_id`, `by`, `date`, `notes`, plus
//! `follow_ups`, `closed_at`, `next_visit`), rewritten whole on every change like a trajectory.
//! A closed visit never changes. Which children need the coach's attention first, and what
//! changed for them since the previous visit, is worked out in [`attention`].

pub mod attention;
pub mod growth;

use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Id, Invalid};

/// The four core competencies of the staff (DOMAIN.md), used to tag advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Competency {
    /// Knowledge of child development.
    Development,
    /// Dealing with noticeable behaviour.
    Behaviour,
    /// Calling in outside help when needed.
    OutsideHelp,
    /// Working with parents.
    Parents,
}

impl Competency {
    /// In the order DOMAIN.md numbers them: the digit typed for one is its place here plus one.
    pub const ALL: [Competency; 4] = [
        Competency::Development,
        Competency::Behaviour,
        Competency::OutsideHelp,
        Competency::Parents,
    ];

    pub fn number(self) -> usize {
        Competency::ALL.iter().position(|c| *c == self).unwrap_or(0) + 1
    }

    /// Competencies typed as their numbers ("1 4", "1,4", "14"), each once, in number order.
    /// Anything but the digits 1 to 4, spaces and commas is refused with what was wrong.
    ///
    /// # Errors
    /// [`Invalid::BadCompetency`] with the first character that is no competency's number.
    pub fn parse_numbers(text: &str) -> Result<Vec<Competency>, Invalid> {
        let mut found = Vec::new();
        for c in text.chars().filter(|c| !c.is_whitespace() && *c != ',') {
            let number = c.to_digit(10).map_or(0, |d| d as usize);
            match Competency::ALL.get(number.wrapping_sub(1)) {
                Some(competency) => found.push(*competency),
                None => return Err(Invalid::BadCompetency(c.to_string())),
            }
        }
        found.sort();
        found.dedup();
        Ok(found)
    }
}

/// Weeks to the next visit when no follow-up sets an earlier date.
pub const NEXT_VISIT_WEEKS: u64 = 6;
/// Weeks a new follow-up is due after, unless changed.
pub const FOLLOW_UP_WEEKS: u64 = 4;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub id: Id,
    pub group_id: Id,
    /// The coach's name, as every signed record has it.
    pub by: String,
    pub by_id: Id,
    pub date: NaiveDate,
    #[serde(default)]
    pub closed_at: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub next_visit: Option<NaiveDate>,
    /// The advice written in the visit, in the order written.
    #[serde(default)]
    pub notes: Vec<Advice>,
    #[serde(default)]
    pub follow_ups: Vec<FollowUp>,
}

/// Advice about one child, or (`child_id` null) about the group, given to the staff members in
/// `with`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Advice {
    pub child_id: Option<Id>,
    pub text: String,
    pub competencies: Vec<Competency>,
    /// The ids of the staff members the advice was for (`visits[].notes[].with`): the coaching
    /// follows them (`growth`). Empty in advice written before signaal asked, and then left out
    /// of the export.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<Id>,
    pub by: String,
    pub at: DateTime<FixedOffset>,
}

/// What the coach writes in a visit that can be corrected while it is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Advice,
    FollowUp,
}

/// Something agreed, about a child or the group, to be done by a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub child_id: Option<Id>,
    pub text: String,
    pub due: NaiveDate,
    pub done: bool,
    /// Of the last change (agreeing it, ticking it done or not).
    pub by: String,
    pub at: DateTime<FixedOffset>,
    /// The visit where it was agreed, when it was carried over from there because it was not
    /// done yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_visit: Option<Id>,
}

impl Visit {
    /// A new visit, starting from the follow-ups of `previous` that are not done: they keep their
    /// text, due date and the visit where they were agreed.
    pub fn start(
        id: Id,
        group_id: Id,
        coach: &super::Staff,
        date: NaiveDate,
        previous: Option<&Visit>,
    ) -> Visit {
        let carried = previous
            .into_iter()
            .flat_map(|p| p.follow_ups.iter().map(move |f| (p.id, f)))
            .filter(|(_, f)| !f.done)
            .map(|(from, f)| FollowUp {
                from_visit: Some(f.from_visit.unwrap_or(from)),
                ..f.clone()
            })
            .collect();
        Visit {
            id,
            group_id,
            by: coach.name.clone(),
            by_id: coach.id,
            date,
            closed_at: None,
            next_visit: None,
            notes: Vec::new(),
            follow_ups: carried,
        }
    }

    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }

    /// The children the visit's advice and follow-ups are about (one may come more than once).
    pub fn children(&self) -> impl Iterator<Item = Id> + '_ {
        let advice = self.notes.iter().map(|a| a.child_id);
        advice
            .chain(self.follow_ups.iter().map(|f| f.child_id))
            .flatten()
    }

    /// The staff members the visit's advice was for (one may come more than once).
    pub fn advised_staff(&self) -> impl Iterator<Item = Id> + '_ {
        self.notes.iter().flat_map(|a| a.with.iter().copied())
    }

    /// The advice about one child (`Some`) or the group (`None`).
    pub fn advice_about(&self, child_id: Option<Id>) -> impl Iterator<Item = &Advice> {
        self.notes.iter().filter(move |a| a.child_id == child_id)
    }

    /// Flips a follow-up between done and not done. False when there is no such follow-up.
    pub fn toggle_follow_up(&mut self, index: usize, by: &str, at: DateTime<FixedOffset>) -> bool {
        let Some(follow_up) = self.follow_ups.get_mut(index) else {
            return false;
        };
        follow_up.done = !follow_up.done;
        follow_up.by = by.to_string();
        follow_up.at = at;
        true
    }

    /// Takes away the advice or follow-up at `index` (of an open visit, corrected). False when
    /// there is no such one.
    pub fn remove(&mut self, what: Written, index: usize) -> bool {
        let len = match what {
            Written::Advice => self.notes.len(),
            Written::FollowUp => self.follow_ups.len(),
        };
        if index >= len {
            return false;
        }
        match what {
            Written::Advice => drop(self.notes.remove(index)),
            Written::FollowUp => drop(self.follow_ups.remove(index)),
        }
        true
    }

    /// The next visit proposed when closing: the earliest due date of an open follow-up that
    /// lies ahead, or [`NEXT_VISIT_WEEKS`] from `today`.
    pub fn proposed_next_visit(&self, today: NaiveDate) -> NaiveDate {
        self.follow_ups
            .iter()
            .filter(|f| !f.done && f.due > today)
            .map(|f| f.due)
            .min()
            .unwrap_or_else(|| weeks_after(today, NEXT_VISIT_WEEKS))
    }

    pub fn close(&mut self, next_visit: NaiveDate, at: DateTime<FixedOffset>) {
        self.next_visit = Some(next_visit);
        self.closed_at = Some(at);
    }
}

/// A date agreed in a visit (a follow-up's due date, the next visit): today or later.
///
/// # Errors
/// [`Invalid::PastDate`] for a date before `today`.
pub fn not_past(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Invalid> {
    match date < today {
        true => Err(Invalid::PastDate),
        false => Ok(date),
    }
}

pub fn weeks_after(date: NaiveDate, weeks: u64) -> NaiveDate {
    date.checked_add_days(Days::new(7 * weeks)).unwrap_or(date)
}

#[cfg(test)]
mod tests;
