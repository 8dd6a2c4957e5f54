//! The retention term: how long the data of a child who left (was archived) is kept before it is
//! removed for good, as privacy law asks (`retention_years` in the config file).

use chrono::{Months, NaiveDate};

/// The day a retention term of `years` that runs until `today` began: a child archived before it
/// is past the term. A term that reaches before the calendar's start began at its start.
pub fn term_start(today: NaiveDate, years: u32) -> NaiveDate {
    today
        .checked_sub_months(Months::new(years.saturating_mul(12)))
        .unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_term_counts_whole_years_back_from_today() {
        assert_eq!(term_start(d("2026-11-20"), 2), d("2024-11-20"));
        assert_eq!(term_start(d("2028-02-29"), 1), d("2027-02-28"), "no 29th");
        assert_eq!(term_start(d("2026-11-20"), u32::MAX), NaiveDate::MIN);
    }
}
