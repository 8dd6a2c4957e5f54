//! The screens: one module per screen, each a [`Component`](super::Component) that owns its
//! state, its forms and questions, and how messages change them. Their views live in
//! `ui::screens`, under the same names.

pub mod child;
pub mod children;
pub mod compare;
pub mod groups;
pub mod history;
pub mod observe;
pub mod pick_form;
pub mod staff;
pub mod users;
pub mod welcome;

use chrono::NaiveDate;

use crate::domain::Id;
use crate::store::{Result, Store};

/// When the coach last came to a group, and when next.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VisitDates {
    /// The date of the newest visit, open or closed.
    pub last: Option<NaiveDate>,
    /// The next visit agreed when the newest closed visit was closed.
    pub next: Option<NaiveDate>,
}

/// When the group's newest visit was, and the next one agreed.
///
/// # Errors
/// When a visit cannot be read.
pub fn visit_dates(store: &Store, group: Id) -> Result<VisitDates> {
    let mut dates = VisitDates::default();
    for visit in store.visits_newest_first(group) {
        let visit = visit?;
        dates.last.get_or_insert(visit.date);
        if visit.next_visit.is_some() {
            dates.next = visit.next_visit;
            break;
        }
    }
    Ok(dates)
}
