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

impl Child {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
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
