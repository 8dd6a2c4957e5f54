//! The rhythm of practice: when a child is due for an observation. A first observation about
//! three months after the child started in the group, then one a year around the birthday, and
//! for a child with an open trajectory one every `observe_weeks` weeks. The group list flags the
//! rule that is due; the rule lives here so that every screen and report asks the same question.

use chrono::{Months, NaiveDate};

use super::child::{age_between, Child};

/// How long after the start in the group the first observation is due.
pub const FIRST_AFTER_MONTHS: u32 = 3;

/// How long before the birthday an observation already counts as the yearly one.
pub const YEARLY_EARLY_MONTHS: u32 = 3;

/// Which rule asks for an observation now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Never observed, and the child started in the group at least [`FIRST_AFTER_MONTHS`]
    /// months ago (or when it started is not known).
    First,
    /// The birthday of `years` has come and no observation was made from
    /// [`YEARLY_EARLY_MONTHS`] months before it on.
    Yearly { years: u32 },
    /// An open trajectory, and no observation in the last `weeks` weeks (`observe_weeks`).
    Trajectory { weeks: u32 },
}

/// Whether an observation made on `date` is recent on `today`: no more than `observe_weeks`
/// weeks ago (exactly that many is still recent), as long as a child with an open trajectory
/// needs no new one. A trajectory started from the child names its latest observation as what
/// prompted it when it is recent.
pub fn recent(date: NaiveDate, today: NaiveDate, observe_weeks: u32) -> bool {
    (today - date).num_days() <= 7 * i64::from(observe_weeks)
}

/// What is due for `child` on `today`, whose latest observation was on `latest` (`None`: never)
/// and who has an open trajectory or not; `None` when nothing is. A trajectory's rhythm goes
/// first: it is the most frequent and the reason to look closely. Exactly `observe_weeks` weeks
/// ago is still in time.
pub fn due(
    child: &Child,
    latest: Option<NaiveDate>,
    open_trajectory: bool,
    today: NaiveDate,
    observe_weeks: u32,
) -> Option<Due> {
    let stale = |date: NaiveDate| !recent(date, today, observe_weeks);
    if open_trajectory && latest.is_none_or(stale) {
        return Some(Due::Trajectory {
            weeks: observe_weeks,
        });
    }
    let Some(latest) = latest else {
        let first = child
            .started
            .and_then(|s| s.checked_add_months(Months::new(FIRST_AFTER_MONTHS)));
        return first
            .is_none_or(|first| today >= first)
            .then_some(Due::First);
    };
    let years = age_between(child.birth_date, today)?.years;
    let birthday = child
        .birth_date
        .checked_add_months(Months::new(12 * years))?;
    let counts_from = birthday.checked_sub_months(Months::new(YEARLY_EARLY_MONTHS))?;
    (years > 0 && latest < counts_from).then_some(Due::Yearly { years })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Born 2024-03-10, in the group since `started`.
    fn child(started: Option<&str>) -> Child {
        Child {
            started: started.map(d),
            ..Child::new(1, 1, "Fenna", "Bakker", d("2024-03-10"))
        }
    }

    #[test]
    fn the_first_observation_is_due_three_months_after_the_start() {
        let c = child(Some("2024-09-15"));
        assert_eq!(due(&c, None, false, d("2024-12-14"), 8), None);
        assert_eq!(due(&c, None, false, d("2024-12-15"), 8), Some(Due::First));
        assert_eq!(
            due(&child(None), None, false, d("2024-04-01"), 8),
            Some(Due::First),
            "a start not known: due now"
        );
    }

    #[test]
    fn then_yearly_from_the_birthday_unless_observed_in_the_months_before_it() {
        let c = child(Some("2024-09-15"));
        let today = d("2026-03-10"); // the second birthday
        assert_eq!(due(&c, Some(d("2025-12-10")), false, today, 8), None);
        assert_eq!(
            due(&c, Some(d("2025-12-09")), false, today, 8),
            Some(Due::Yearly { years: 2 })
        );
        assert_eq!(
            due(&c, Some(d("2025-12-09")), false, d("2026-03-09"), 8),
            None,
            "not before the birthday"
        );
        assert_eq!(
            due(&c, Some(d("2024-12-20")), false, d("2025-03-09"), 8),
            None,
            "observed in the first year: nothing before the first birthday"
        );
        assert_eq!(
            due(&c, Some(d("2024-12-20")), false, d("2025-03-10"), 8),
            None,
            "the first observation counts for the first birthday when it is near"
        );
        assert_eq!(
            due(&c, Some(d("2024-10-01")), false, d("2025-03-10"), 8),
            Some(Due::Yearly { years: 1 })
        );
    }

    #[test]
    fn an_open_trajectory_asks_every_observe_weeks_weeks_and_goes_first() {
        let c = child(Some("2024-09-15"));
        let today = d("2026-03-10");
        let weeks = |n: u64| today.checked_sub_days(chrono::Days::new(7 * n));
        assert_eq!(
            due(&c, weeks(8), true, today, 8),
            None,
            "8 weeks is in time"
        );
        assert_eq!(
            due(&c, weeks(8).and_then(|d| d.pred_opt()), true, today, 8),
            Some(Due::Trajectory { weeks: 8 })
        );
        assert_eq!(
            due(&c, None, true, d("2024-09-20"), 6),
            Some(Due::Trajectory { weeks: 6 }),
            "never observed with a trajectory open: due whenever it started"
        );
        assert_eq!(
            due(&c, weeks(60), true, today, 8),
            Some(Due::Trajectory { weeks: 8 }),
            "before the yearly one"
        );
    }
}
