//! Why a value typed into a form is refused: the domain's validation errors. Each is shown to
//! people only through `i18n` (`Lang::invalid`), in their language.

use chrono::NaiveDate;

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
    #[error("the birth date lies in the future")]
    FutureBirthDate,
    #[error("the date lies before the trajectory started")]
    BeforeStart,
    #[error("the date lies in the past")]
    PastDate,
    #[error("a reason is required")]
    ReasonRequired,
    #[error("the advice is empty")]
    AdviceRequired,
    /// A competency typed as something else than its digit (1 to 4); what was typed.
    #[error("not a competency: {0:?}")]
    BadCompetency(String),
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
    /// A group typed by name that does not exist.
    #[error("no group called {0:?}")]
    UnknownGroup(String),
}

/// A date as people type it: `DD-MM-YYYY` (as the Dutch screens show dates; `/` and `.` work as
/// well) or ISO `YYYY-MM-DD`. Surrounding spaces do not count.
///
/// # Errors
/// [`Invalid::BadDate`] with the text when it is neither.
pub fn parse_date(text: &str) -> Result<NaiveDate, Invalid> {
    let text = text.trim();
    let unified = text.replace(['/', '.'], "-");
    ["%d-%m-%Y", "%Y-%m-%d"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(&unified, format).ok())
        // chrono takes "17-04-23" as the year 23 with %Y: only four-digit years count.
        .filter(|date| (1000..=9999).contains(&chrono::Datelike::year(date)))
        .ok_or_else(|| Invalid::BadDate(text.to_string()))
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
        for text in [
            "",
            "17-04-23",
            "2023-13-01",
            "31-02-2023",
            "morgen",
            "04-17-2023",
        ] {
            assert_eq!(
                parse_date(text),
                Err(Invalid::BadDate(text.trim().to_string())),
                "{text}"
            );
        }
        assert_eq!(parse_optional_date("  "), Ok(None));
        assert_eq!(required("  Zoë ", Invalid::NameRequired), Ok("Zoë".into()));
        assert_eq!(
            required(" ", Invalid::NameRequired),
            Err(Invalid::NameRequired)
        );
    }
}
