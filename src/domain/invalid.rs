//! Why a value typed into a form is refused: the domain's validation errors. Each is shown to
//! people only through `i18n` (`Lang::invalid`), in their language.

use chrono::{Datelike as _, NaiveDate};

/// A value that does not pass the domain's rules. The form stays open with what was typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("a name is required")]
    NameRequired,
    #[error("a first name is required")]
    FirstNameRequired,
    /// Not a date in either accepted shape (DD-MM-YYYY or YYYY-MM-DD).
    #[error("not a date: {0:?}")]
    BadDate(String),
    /// A date in the right shape that does not exist (31-02-2024).
    #[error("no such date: {0:?}")]
    NoSuchDate(String),
    /// A date that must be filled in is empty.
    #[error("a date is required")]
    DateRequired,
    #[error("the birth date lies in the future")]
    FutureBirthDate,
    /// A child's start in the group before its birth date.
    #[error("the child started in the group before it was born")]
    StartedBeforeBirth,
    /// A child's start in the group after today.
    #[error("the start in the group lies in the future")]
    FutureStart,
    #[error("the date lies before the trajectory started")]
    BeforeStart,
    /// A date of something that happened (a trajectory's start, a report) after today.
    #[error("the date lies in the future")]
    DateInFuture,
    /// A date of something about a child before it was born.
    #[error("the date lies before the child was born")]
    BeforeBirth,
    /// A date planned too far ahead (a review, an expected end); the last day allowed.
    #[error("the date lies more than two years ahead, after {0}")]
    TooFarAhead(NaiveDate),
    /// A warm handover to school (or a talk with the school) dated before the child was born.
    #[error("the handover to school lies before the child was born")]
    HandoverBeforeBirth,
    /// A BSO child's talk with the school dated before the child was born.
    #[error("the talk with the school lies before the child was born")]
    TalkBeforeBirth,
    /// A warm handover (or talk with the school) more than a year after today.
    #[error("the handover to school lies more than a year ahead")]
    HandoverTooFarAhead,
    #[error("the date lies in the past")]
    PastDate,
    #[error("a reason is required")]
    ReasonRequired,
    #[error("the advice is empty")]
    AdviceRequired,
    /// A competency typed as something else than its digit (1 to 4); what was typed.
    #[error("not a competency: {0:?}")]
    BadCompetency(String),
    /// A number typed to pick from a numbered list (1 to `of`) that is not one of them; what
    /// was typed.
    #[error("not a number from 1 to {of}: {typed:?}")]
    BadPick { typed: String, of: usize },
    #[error("what was agreed is empty")]
    FollowUpRequired,
    #[error("a PIN is 4 to 6 digits")]
    PinShape,
    #[error("the two PINs differ")]
    PinMismatch,
    #[error("one admin must remain")]
    LastAdmin,
    #[error("phone numbers are written as label: number; ...")]
    BadPhone,
    /// A pinned emergency card keeps at least one phone number.
    #[error("a pinned card needs a phone number")]
    PinnedNeedsNumber,
    /// A youth-care coach made aandachtsfunctionaris (`access::may_be_safeguarding_lead`).
    #[error("a coach cannot be the aandachtsfunctionaris")]
    CoachAsLead,
    /// A consent answer recorded without the parent or guardian who gave it.
    #[error("consent needs the guardian who gave it")]
    ConsentGiverRequired,
    /// Consent given by someone who is not one of the child's guardians (the name given).
    #[error("{0:?} is not one of the child's guardians")]
    GiverNotAGuardian(String),
    /// Consent given by a guardian without parental authority (gezag) (the name given).
    #[error("{0:?} has no parental authority (gezag)")]
    GiverWithoutAuthority(String),
    /// Not a month in either accepted shape (MM-YYYY or YYYY-MM); what was typed.
    #[error("not a month: {0:?}")]
    BadMonth(String),
    /// A month after the current one (its first day) for a report that looks back.
    #[error("the month {0} is still to come")]
    FutureMonth(NaiveDate),
    /// A plan's question answered before an earlier one (its 1-based number): the
    /// afwegingskader's questions are answered in order.
    #[error("question {0} is answered first")]
    AnswerEarlierFirst(usize),
    /// A plan's question answered after an earlier answer (its question's 1-based number) that
    /// ends the questions, such as "no suspicion".
    #[error("the answer to question {0} ends the questions")]
    AnsweredToAnEnd(usize),
    /// A plan's answer given or changed while a later question (its 1-based number) is
    /// answered: that answer is taken back first (taking back is always allowed).
    #[error("question {0} is answered already; take that answer back first")]
    LaterAnswered(usize),
    /// A group typed by name that does not exist.
    #[error("no group called {0:?}")]
    UnknownGroup(String),
    /// A staff member typed by name (whom an advice was for) who is none of the group's staff
    /// (`names`: theirs, to choose from).
    #[error("no staff member of the group called {typed:?}")]
    UnknownStaff { typed: String, names: Vec<String> },
    /// A first name typed (whom an advice was for) that more of the group's staff have
    /// (`names`: their full names).
    #[error("more than one staff member of the group is called {typed:?}")]
    AmbiguousStaff { typed: String, names: Vec<String> },
    /// An advice for nobody, in a group that has staff.
    #[error("name whom the advice is for")]
    WithRequired,
}

/// A date as people type it: `DD-MM-YYYY` (as the Dutch screens show dates; `/` and `.` work as
/// well) or ISO `YYYY-MM-DD`. Surrounding spaces do not count.
///
/// # Errors
/// [`Invalid::DateRequired`] for an empty text, [`Invalid::NoSuchDate`] for a date in one of
/// the shapes that does not exist (31-02-2024), [`Invalid::BadDate`] for anything else.
pub fn parse_date(text: &str) -> Result<NaiveDate, Invalid> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Invalid::DateRequired);
    }
    let unified = text.replace(['/', '.'], "-");
    let parts: Vec<&str> = unified.split('-').collect();
    let digits = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    // Only four-digit years count: chrono would take "17-04-23" as the year 23.
    let shaped = match parts.as_slice() {
        [day, month, year] if digits(year, 4..=4) => digits(day, 1..=2) && digits(month, 1..=2),
        [year, month, day] => digits(year, 4..=4) && digits(month, 1..=2) && digits(day, 1..=2),
        _ => false,
    };
    if !shaped {
        return Err(Invalid::BadDate(text.to_string()));
    }
    ["%d-%m-%Y", "%Y-%m-%d"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(&unified, format).ok())
        .ok_or_else(|| Invalid::NoSuchDate(text.to_string()))
}

/// A month typed as MM-YYYY (11-2026) or YYYY-MM (2026-11), as its first day.
///
/// # Errors
/// [`Invalid::BadMonth`] for anything else (an empty text, month 13, a two-digit year).
pub fn parse_month(text: &str) -> Result<NaiveDate, Invalid> {
    let bad = || Invalid::BadMonth(text.trim().to_string());
    let unified = text.trim().replace(['/', '.'], "-");
    // Through `parse_date` with the first day added, so both shapes are read as dates are.
    let day = match unified.split('-').collect::<Vec<_>>().as_slice() {
        [year, month] if year.len() == 4 => format!("{year}-{month}-01"),
        [month, year] if year.len() == 4 => format!("01-{month}-{year}"),
        _ => return Err(bad()),
    };
    parse_date(&day).map_err(|_| bad())
}

/// The month of a report that looks back (the care-team report: what was open at the end of
/// it, today for the current month): `month` (its first day) when it is the month of `today`
/// or an earlier one.
///
/// # Errors
/// [`Invalid::FutureMonth`] for a later month: its end has not come, nothing is known of it.
pub fn not_after_this_month(month: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Invalid> {
    if (month.year(), month.month()) > (today.year(), today.month()) {
        return Err(Invalid::FutureMonth(month));
    }
    Ok(month)
}

/// An optional date: empty is none.
///
/// # Errors
/// As [`parse_date`] for text that is not empty.
pub fn parse_optional_date(text: &str) -> Result<Option<NaiveDate>, Invalid> {
    match text.trim() {
        "" => Ok(None),
        text => parse_date(text).map(Some),
    }
}

/// A required text: trimmed, and `missing` when nothing is left.
///
/// # Errors
/// `missing` for an empty or blank text.
pub fn required(text: &str, missing: Invalid) -> Result<String, Invalid> {
    super::clean_name(text).ok_or(missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_month_is_this_month_or_an_earlier_one() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let today = d(2026, 11, 29);
        for month in [d(2026, 11, 1), d(2026, 10, 1), d(1999, 1, 1)] {
            assert_eq!(not_after_this_month(month, today), Ok(month));
        }
        for month in [d(2026, 12, 1), d(2027, 1, 1), d(2027, 11, 1)] {
            assert_eq!(
                not_after_this_month(month, today),
                Err(Invalid::FutureMonth(month))
            );
        }
    }

    #[test]
    fn months_are_read_in_either_shape() {
        let november = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        for text in ["11-2026", " 2026-11 ", "2026/11", "11.2026", "2026-11"] {
            assert_eq!(parse_month(text), Ok(november), "{text}");
        }
        for text in [
            "",
            "2026-13",
            "13-2026",
            "11-26",
            "november",
            "2026-11-01",
            "2026",
        ] {
            assert_eq!(
                parse_month(text),
                Err(Invalid::BadMonth(text.trim().to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn dates_are_read_in_the_dutch_and_the_iso_shape() {
        let day = NaiveDate::from_ymd_opt(2023, 4, 17).unwrap();
        for text in [
            "17-04-2023",
            " 17-4-2023 ",
            "17/04/2023",
            "17.04.2023",
            "2023-04-17",
        ] {
            assert_eq!(parse_date(text), Ok(day), "{text}");
        }
        for text in ["17-04-23", "morgen", "17-04-2023 9:00", "2023/4"] {
            assert_eq!(
                parse_date(text),
                Err(Invalid::BadDate(text.to_string())),
                "{text}"
            );
        }
        for text in ["2023-13-01", "31-02-2023", "04-17-2023"] {
            let no_such = Err(Invalid::NoSuchDate(text.to_string()));
            assert_eq!(parse_date(text), no_such, "{text}");
        }
        assert_eq!(parse_date("  "), Err(Invalid::DateRequired));
        assert_eq!(parse_optional_date("  "), Ok(None));
        assert_eq!(required("  Zoë ", Invalid::NameRequired), Ok("Zoë".into()));
        assert_eq!(
            required(" ", Invalid::NameRequired),
            Err(Invalid::NameRequired)
        );
    }
}
