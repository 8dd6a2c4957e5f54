use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::consent::ChildConsent;
use super::contact::Phone;
use super::{Id, Invalid};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Child {
    pub id: Id,
    pub group_id: Id,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: NaiveDate,
    /// The date the child began in the group (for the first observation, about 3 months later);
    /// `null` in the export when not known.
    #[serde(default)]
    pub started: Option<NaiveDate>,
    /// A child who left is archived, never deleted by the daily screens.
    #[serde(default)]
    pub archived: bool,
    /// The outside contacts involved with this child (the coach, the jeugdverpleegkundige...),
    /// linked by the staff.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Id>,
    /// The staff member (id) who is the child's mentor; the parents must be told who it is.
    /// `null` in the export when none is set.
    #[serde(default)]
    pub mentor: Option<Id>,
    /// The parents or other guardians: for a group the most-called people of all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guardians: Vec<Guardian>,
    /// The parents' consent to naming the child to the coach, the care team and the school.
    #[serde(default, skip_serializing_if = "ChildConsent::is_empty")]
    pub consent: ChildConsent,
}

/// A parent or other guardian of a child.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guardian {
    pub name: String,
    /// "moeder", "vader", "pleegouder", "voogd"...
    #[serde(default)]
    pub relation: String,
    /// Whether this person has parental authority (gezag): only they can give consent.
    #[serde(default)]
    pub authority: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
}

/// An age in whole years and remaining months, the way staff say it ("2 jaar en 3 maanden").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Age {
    pub years: u32,
    pub months: u32,
}

impl Age {
    /// The age in whole months: 2 years and 3 months is 27.
    pub fn in_months(self) -> u32 {
        self.years * 12 + self.months
    }
}

impl Child {
    /// A child of `group_id` as first recorded: no start date, mentor, guardians, linked
    /// contacts or consent yet, not archived. `id` is the store's to hand out (0 until stored).
    pub fn new(
        id: Id,
        group_id: Id,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
        birth_date: NaiveDate,
    ) -> Child {
        Child {
            id,
            group_id,
            first_name: first_name.into(),
            last_name: last_name.into(),
            birth_date,
            started: None,
            archived: false,
            contacts: Vec::new(),
            mentor: None,
            guardians: Vec::new(),
            consent: ChildConsent::default(),
        }
    }

    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// Puts `guardian` at `index` of the guardians (a new one at the end for `None` or a place
    /// past the end). A consent given by the guardian there under their old name follows the new
    /// one, so that `given_by` keeps naming one of the child's guardians.
    pub fn set_guardian(&mut self, index: Option<usize>, guardian: Guardian) {
        let Some(old) = index.and_then(|i| self.guardians.get_mut(i)) else {
            self.guardians.push(guardian);
            return;
        };
        let renamed = (old.name != guardian.name).then(|| old.name.clone());
        *old = guardian;
        if let Some(was) = renamed {
            let now = old.name.clone();
            self.name_givers(&was, &now);
        }
    }

    /// Removes the guardian at `index`, if there is one. A consent they gave keeps its answer;
    /// who gave it is then no longer recorded (`given_by` names only the child's guardians).
    pub fn remove_guardian(&mut self, index: usize) -> Option<Guardian> {
        if index >= self.guardians.len() {
            return None;
        }
        let gone = self.guardians.remove(index);
        self.name_givers(&gone.name, "");
        Some(gone)
    }

    /// Every consent given by `was` is given by `now` instead, unless a guardian is still
    /// called `was`.
    fn name_givers(&mut self, was: &str, now: &str) {
        if self.guardians.iter().any(|g| g.name == was) {
            return;
        }
        for to in super::ConsentTo::ALL {
            if let Some(given) = self.consent.slot(to).as_mut().filter(|g| g.given_by == was) {
                given.given_by = now.to_string();
            }
        }
    }

    /// The age on `today`, or `None` when the birth date lies in the future (a typo, not a child).
    pub fn age_on(&self, today: NaiveDate) -> Option<Age> {
        age_between(self.birth_date, today)
    }
}

/// A birth date as the child form takes it: not after `today` (a date to come is a typo, not a
/// child).
///
/// # Errors
/// [`Invalid::FutureBirthDate`] for a date after `today`.
pub fn check_birth_date(born: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Invalid> {
    match born > today {
        true => Err(Invalid::FutureBirthDate),
        false => Ok(born),
    }
}

/// The date a child began in the group as the child form and `check` take it: not before the
/// birth date `born`, not after `today`.
///
/// # Errors
/// [`Invalid::StartedBeforeBirth`] or [`Invalid::FutureStart`].
pub fn check_started(
    started: NaiveDate,
    born: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, Invalid> {
    if started < born {
        return Err(Invalid::StartedBeforeBirth);
    }
    match started > today {
        true => Err(Invalid::FutureStart),
        false => Ok(started),
    }
}

/// Whole months from `born` to `today`: a month counts once its day of the month has been reached
/// (born 31 January, one month old on the last day of February is not yet counted; chrono's
/// calendar arithmetic keeps that rule in one place).
pub fn age_between(born: NaiveDate, today: NaiveDate) -> Option<Age> {
    if today < born {
        return None;
    }
    let mut months = (today.year() - born.year()) * 12 + today.month() as i32 - born.month() as i32;
    if today.day() < born.day() {
        months -= 1;
    }
    let months = months.max(0) as u32;
    Some(Age {
        years: months / 12,
        months: months % 12,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn who_gave_a_consent_follows_a_renamed_guardian_and_goes_with_a_removed_one() {
        use crate::domain::{ConsentAnswer, ConsentTo, Given};
        let guardian = |name: &str| Guardian {
            name: name.into(),
            authority: true,
            ..Guardian::default()
        };
        let mut child = Child {
            id: 1,
            group_id: 1,
            first_name: "Zoë".into(),
            last_name: "Jansen".into(),
            birth_date: d("2024-01-01"),
            started: None,
            archived: false,
            contacts: Vec::new(),
            mentor: None,
            guardians: vec![guardian("Mirjam Jansen"), guardian("Bas Jansen")],
            consent: Default::default(),
        };
        let at = chrono::DateTime::parse_from_rfc3339("2026-09-01T10:00:00+02:00").unwrap();
        for (to, giver) in [
            (ConsentTo::Coach, "Mirjam Jansen"),
            (ConsentTo::School, "Bas Jansen"),
        ] {
            *child.consent.slot(to) = Some(Given {
                answer: ConsentAnswer::Yes,
                at,
                by: "Anouk".into(),
                given_by: giver.into(),
            });
        }
        let giver = |child: &Child, to| child.consent.get(to).unwrap().given_by.clone();
        child.set_guardian(Some(0), guardian("Mirjam de Vries"));
        assert_eq!(giver(&child, ConsentTo::Coach), "Mirjam de Vries");
        child.set_guardian(None, guardian("Opa Jansen"));
        assert_eq!(child.guardians.len(), 3);
        assert_eq!(child.remove_guardian(1).unwrap().name, "Bas Jansen");
        assert_eq!(giver(&child, ConsentTo::School), "", "no longer recorded");
        assert!(child.consent.allows(ConsentTo::School), "the answer stays");
        assert_eq!(giver(&child, ConsentTo::Coach), "Mirjam de Vries");
        assert_eq!(child.remove_guardian(7), None);
    }

    #[test]
    fn a_start_in_the_group_lies_between_the_birth_date_and_today() {
        let (born, today) = (d("2024-03-10"), d("2026-11-21"));
        assert_eq!(check_started(born, born, today), Ok(born));
        assert_eq!(check_started(today, born, today), Ok(today));
        assert_eq!(
            check_started(d("2024-03-09"), born, today),
            Err(Invalid::StartedBeforeBirth)
        );
        assert_eq!(
            check_started(d("2026-11-22"), born, today),
            Err(Invalid::FutureStart)
        );
    }

    #[test]
    fn a_birth_date_may_be_today_but_not_later() {
        let today = d("2026-11-20");
        assert_eq!(check_birth_date(today, today), Ok(today));
        assert_eq!(
            check_birth_date(d("2026-11-21"), today),
            Err(Invalid::FutureBirthDate)
        );
    }

    #[test]
    fn age_counts_completed_months() {
        let age = age_between(d("2023-05-20"), d("2025-08-19")).unwrap();
        assert_eq!(
            age,
            Age {
                years: 2,
                months: 2
            }
        );
        let age = age_between(d("2023-05-20"), d("2025-08-20")).unwrap();
        assert_eq!(
            age,
            Age {
                years: 2,
                months: 3
            }
        );
        assert_eq!(age.in_months(), 27);
    }

    #[test]
    fn newborn_is_zero_and_future_is_none() {
        assert_eq!(
            age_between(d("2025-01-01"), d("2025-01-01")),
            Some(Age {
                years: 0,
                months: 0
            })
        );
        assert_eq!(age_between(d("2025-01-02"), d("2025-01-01")), None);
    }

    #[test]
    fn leap_day_birthday() {
        let age = age_between(d("2020-02-29"), d("2021-02-28")).unwrap();
        assert_eq!(
            age,
            Age {
                years: 0,
                months: 11
            }
        );
        let age = age_between(d("2020-02-29"), d("2021-03-01")).unwrap();
        assert_eq!(
            age,
            Age {
                years: 1,
                months: 0
            }
        );
    }
}
