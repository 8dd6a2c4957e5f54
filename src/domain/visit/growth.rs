//! The coaching a staff member received: the advice of the coach's visits that was for them
//! (`Advice::with`), counted per competency per quarter, newest quarter first, so that their
//! growth on the four competencies shows over time.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use super::{Advice, Competency, Visit};
use crate::domain::Id;

/// A quarter of a year: `quarter` 1 to 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    pub quarter: u32,
}

impl Quarter {
    /// The quarter `date` falls in.
    pub fn of(date: NaiveDate) -> Quarter {
        Quarter {
            year: date.year(),
            quarter: date.month0() / 3 + 1,
        }
    }
}

/// One advice a staff member received, with where and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// The date of the visit it was given in.
    pub date: NaiveDate,
    pub group_id: Id,
    pub visit_id: Id,
    pub child_id: Option<Id>,
    pub text: String,
    pub competencies: Vec<Competency>,
    /// The coach who gave it.
    pub by: String,
    pub at: DateTime<FixedOffset>,
}

/// A quarter of someone's coaching: how many advice per competency (in [`Competency::ALL`]'s
/// order; an advice with two competencies counts for both, one with none for none), and the
/// advice itself, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterGrowth {
    pub quarter: Quarter,
    pub counts: [usize; 4],
    pub advice: Vec<Received>,
}

/// The advice `person` received in `visits` (of any group, in any order), per quarter, newest
/// quarter first; quarters without advice for them are left out.
pub fn growth(person: Id, visits: &[Visit]) -> Vec<QuarterGrowth> {
    let mut received: Vec<Received> = visits
        .iter()
        .flat_map(|v| v.notes.iter().map(move |a| (v, a)))
        .filter(|(_, a)| a.with.contains(&person))
        .map(|(v, a)| received_in(v, a))
        .collect();
    received.sort_by_key(|a| std::cmp::Reverse((a.date, a.at)));
    let mut quarters: Vec<QuarterGrowth> = Vec::new();
    for advice in received {
        let quarter = Quarter::of(advice.date);
        if quarters.last().is_none_or(|q| q.quarter != quarter) {
            quarters.push(QuarterGrowth {
                quarter,
                counts: [0; 4],
                advice: Vec::new(),
            });
        }
        if let Some(q) = quarters.last_mut() {
            for c in &advice.competencies {
                q.counts[c.number() - 1] += 1;
            }
            q.advice.push(advice);
        }
    }
    quarters
}

fn received_in(visit: &Visit, advice: &Advice) -> Received {
    Received {
        date: visit.date,
        group_id: visit.group_id,
        visit_id: visit.id,
        child_id: advice.child_id,
        text: advice.text.clone(),
        competencies: advice.competencies.clone(),
        by: advice.by.clone(),
        at: advice.at,
    }
}
