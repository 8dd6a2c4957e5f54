//! The words of `signaal report`: a document that parents read, so the wording is plain and kind.
//! It speaks of what staff saw, never of what a child "has" (DOMAIN.md: no labels).

use chrono::NaiveDate;

use super::Lang;
use crate::domain::child::Age;
use crate::domain::form::{ChangeKind, Mark};

super::texts! {
    enum R;
    Intro => "Dit overzicht laat zien wat de pedagogisch medewerkers in de groep hebben gezien. Het is geen diagnose of oordeel, maar een begin van het gesprek: uw kijk op uw kind hoort erbij.", "This overview shows what the staff of the group have seen. It is not a diagnosis or a judgement but a start for the conversation: your view of your child belongs in it too.";
    Scale => "Bij elk punt staat hoe vaak het in de groep gezien is: soms of vaak. Wat niet genoemd wordt, is niet gezien.", "Each point says how often it was seen in the group: sometimes or often. What is not mentioned was not seen.";
    Group => "Groep", "Group";
    BirthDate => "Geboortedatum", "Date of birth";
    Observations => "Observaties", "Observations";
    Latest => "Laatste observatie", "Latest observation";
    Date => "Datum", "Date";
    Observer => "Geobserveerd door", "Observed by";
    Form => "Formulier", "Form";
    Sometimes => "soms", "sometimes";
    Often => "vaak", "often";
    NotSeen => "niet gezien", "not seen";
    Attention => "aandachtspunt", "point of attention";
    Note => "Notitie", "Note";
    NothingMarked => "Bij deze observatie is niets aangekruist.", "Nothing was ticked at this observation.";
    NoEarlier => "Er is nog geen eerdere observatie om mee te vergelijken.", "There is no earlier observation to compare with yet.";
    NoChanges => "Er is niets veranderd: alles is gezien zoals de vorige keer.", "Nothing changed: everything was seen as it was last time.";
    NotObserved => "Dit kind is nog niet geobserveerd.", "This child has not been observed yet.";
    Unknown => "onbekend", "unknown";
    Archived => "heeft de opvang verlaten", "has left the group";
}

impl Lang {
    pub fn report(self, text: R) -> &'static str {
        text.in_lang(self)
    }

    pub fn report_title(self, name: &str) -> String {
        self.pick(
            format!("{name}: observaties voor het oudergesprek"),
            format!("{name}: observations for the talk with parents"),
        )
    }

    /// An age for parents, in words: "2 jaar en 3 maanden", "1 year and 1 month".
    pub fn report_age(self, age: Option<Age>) -> String {
        let Some(Age { years, months }) = age else {
            return self.report(R::Unknown).to_string();
        };
        let (year, month) = match self {
            Lang::Nl => ("jaar", if months == 1 { "maand" } else { "maanden" }),
            Lang::En => (
                if years == 1 { "year" } else { "years" },
                if months == 1 { "month" } else { "months" },
            ),
        };
        let and = self.pick("en".into(), "and".into());
        match (years, months) {
            (0, _) => format!("{months} {month}"),
            (_, 0) => format!("{years} {year}"),
            _ => format!("{years} {year} {and} {months} {month}"),
        }
    }

    /// "3 observaties, de laatste op 01-11-2026".
    pub fn report_observation_count(self, count: usize, latest: Option<NaiveDate>) -> String {
        let date = latest.map(|d| self.date(d)).unwrap_or_default();
        match (count, latest) {
            (0, _) | (_, None) => self.pick("nog geen".into(), "none yet".into()),
            (1, Some(_)) => self.pick(format!("1, op {date}"), format!("1, on {date}")),
            (n, Some(_)) => self.pick(
                format!("{n}, de laatste op {date}"),
                format!("{n}, the latest on {date}"),
            ),
        }
    }

    pub fn report_changed_since(self, date: NaiveDate) -> String {
        let date = self.date(date);
        self.pick(
            format!("Wat is veranderd sinds {date}"),
            format!("What changed since {date}"),
        )
    }

    pub fn report_mark(self, mark: Option<Mark>) -> &'static str {
        self.report(match mark {
            Some(Mark::Sometimes) => R::Sometimes,
            Some(Mark::Often) => R::Often,
            None => R::NotSeen,
        })
    }

    /// How an item changed, after its text: "nu vaak (was soms)".
    pub fn report_change(self, kind: ChangeKind) -> String {
        let (now, before) = match kind {
            ChangeKind::Appeared(mark) => (Some(mark), None),
            ChangeKind::Disappeared(mark) => (None, Some(mark)),
            ChangeKind::Changed { from, to } => (Some(to), Some(from)),
        };
        let (now, before) = (self.report_mark(now), self.report_mark(before));
        self.pick(
            format!("nu {now} (was {before})"),
            format!("now {now} (was {before})"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_report_text_is_filled_in_both_languages() {
        for text in R::ALL {
            assert!(!text.in_lang(Lang::Nl).trim().is_empty(), "{text:?} nl");
            assert!(!text.in_lang(Lang::En).trim().is_empty(), "{text:?} en");
        }
    }

    #[test]
    fn ages_are_written_out() {
        let age = |years, months| Some(Age { years, months });
        assert_eq!(Lang::Nl.report_age(age(2, 3)), "2 jaar en 3 maanden");
        assert_eq!(Lang::Nl.report_age(age(1, 1)), "1 jaar en 1 maand");
        assert_eq!(Lang::En.report_age(age(1, 1)), "1 year and 1 month");
        assert_eq!(Lang::En.report_age(age(0, 5)), "5 months");
        assert_eq!(Lang::En.report_age(age(4, 0)), "4 years");
    }

    #[test]
    fn changes_read_as_now_and_before() {
        let changed = ChangeKind::Changed {
            from: Mark::Sometimes,
            to: Mark::Often,
        };
        assert_eq!(Lang::Nl.report_change(changed), "nu vaak (was soms)");
        assert_eq!(
            Lang::En.report_change(ChangeKind::Appeared(Mark::Sometimes)),
            "now sometimes (was not seen)"
        );
        assert_eq!(
            Lang::Nl.report_change(ChangeKind::Disappeared(Mark::Often)),
            "nu niet gezien (was vaak)"
        );
    }
}
