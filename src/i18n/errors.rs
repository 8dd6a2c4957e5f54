//! The app's and the domain's errors in words, in the language of the screen.

use super::{Lang, T};
use crate::app::AppError;
use crate::domain::Invalid;

impl Lang {
    /// Why something did not happen, for the status line or under a form.
    pub fn error(self, error: &AppError) -> String {
        let text = match error {
            AppError::Store(e) => return self.store_error(e),
            AppError::Invalid(e) => return self.invalid(e),
            AppError::OnlyFor(roles) => return self.only_for(roles),
            AppError::UnknownTemplate(id) => return self.unknown_template(id),
            AppError::UserNotFound(name) => return self.user_not_found(name),
            AppError::ReportNotWritten(why) => {
                return self.pick(
                    format!("Het rapport is niet geschreven: {why}"),
                    format!("The report was not written: {why}"),
                )
            }
            AppError::ReportsDirRefused(dir, why) => return self.reports_dir_refused(dir, *why),
            AppError::HiddenMark => {
                return self.pick(
                    "Wat hier staat is alleen voor wie het moet weten (Meldcode); een ander kan \
                     het niet wijzigen."
                        .to_string(),
                    "What is written here is only for who must know (Meldcode); nobody else can \
                     change it."
                        .to_string(),
                )
            }
            AppError::MeldcodeForWhoMustKnow(by) => {
                return self.pick(
                    format!(
                        "Een Meldcode-traject is alleen voor wie het moet weten; {by} coördineert \
                         het."
                    ),
                    format!(
                        "A Meldcode trajectory is only for who must know; {by} coordinates it."
                    ),
                )
            }
            AppError::NoFormForGroup => T::ErrNoFormForGroup,
            AppError::NotObservedYet => T::NotObservedYet,
            AppError::NoObservationBeforeStart => T::NoObservationBeforeStart,
            AppError::OnlyOneObservation => T::OnlyOneObservation,
            AppError::TrajectoryClosed => T::TrajectoryClosedErr,
            AppError::AnswerWithMark => T::ErrAnswerWithMark,
            AppError::VisitClosed => T::VisitClosedErr,
            AppError::NoVisitYet => T::NoVisitToShow,
            AppError::SelectFollowUp => T::SelectFollowUp,
            AppError::SelectWritten => T::SelectWritten,
            AppError::NoGroup => T::ErrNoGroup,
            AppError::OpenGroupFirst => T::ErrNoGroup2,
            AppError::OpenChildFirst => T::ErrNoChild,
            AppError::PinnedCard => T::ErrPinned,
            AppError::ChildGone => T::ErrChildGone,
            AppError::NoGuardian => T::ErrNoGuardian,
            AppError::LeadLine => T::ErrLeadLine,
            AppError::Anonymous => T::ErrAnonymous,
            AppError::MeldcodeNoPrompts => T::ErrMeldcodeNoPrompts,
        };
        self.get(text).to_string()
    }

    /// Why a typed value was refused, shown under the form.
    pub fn invalid(self, error: &Invalid) -> String {
        let text = match error {
            Invalid::UnknownGroup(name) => return self.unknown_group(name),
            Invalid::UnknownStaff { typed, names } => {
                let names = names.join(", ");
                return self.pick(
                    format!("Niemand van deze groep heet \"{typed}\"; wel: {names}."),
                    format!("No one of this group is called \"{typed}\"; who is: {names}."),
                );
            }
            Invalid::AmbiguousStaff { typed, names } => {
                let names = names.join(", ");
                return self.pick(
                    format!("\"{typed}\" heten er meer in deze groep: {names}; typ de hele naam."),
                    format!(
                        "More of this group are called \"{typed}\": {names}; type the full name."
                    ),
                );
            }
            Invalid::BadDate(typed) => return self.bad_date(typed),
            Invalid::BadMonth(typed) => {
                return self.pick(
                    format!("Ongeldige maand \"{typed}\": schrijf MM-JJJJ, bijvoorbeeld 11-2026."),
                    format!("Invalid month \"{typed}\": write YYYY-MM, for example 2026-11."),
                )
            }
            Invalid::FutureMonth(month) => {
                let month = self.month(*month);
                return self.pick(
                    format!("De maand {month} moet nog komen: kies deze maand of een eerdere."),
                    format!(
                        "The month {month} is still to come: pick this month or an earlier one."
                    ),
                );
            }
            Invalid::NoSuchDate(typed) => return self.no_such_date(typed),
            Invalid::AnswerEarlierFirst(n) => {
                return self.pick(
                    format!(
                        "Beantwoord eerst vraag {n}: de vragen van het afwegingskader volgen op \
                         elkaar."
                    ),
                    format!(
                        "Answer question {n} first: the afwegingskader's questions are answered \
                         in order."
                    ),
                )
            }
            Invalid::AnsweredToAnEnd(n) => {
                return self.pick(
                    format!(
                        "Het antwoord op vraag {n} rondt het afwegingskader af: sluit het traject \
                         af, of zet dat antwoord eerst terug op open."
                    ),
                    format!(
                        "The answer to question {n} ends the afwegingskader: close the \
                         trajectory, or set that answer back to open first."
                    ),
                )
            }
            Invalid::LaterAnswered(n) => {
                return self.pick(
                    format!("Vraag {n} is al beantwoord: zet die eerst terug op open."),
                    format!("Question {n} is answered already: set it back to open first."),
                )
            }
            Invalid::GiverNotAGuardian(name) => {
                return self.pick(
                    format!("{name} staat niet bij de ouders en verzorgers van dit kind."),
                    format!("{name} is not one of this child's parents or guardians."),
                )
            }
            Invalid::GiverWithoutAuthority(name) => {
                return self.pick(
                    format!(
                    "{name} heeft geen gezag: toestemming geeft een ouder of verzorger met gezag."
                ),
                    format!(
                        "{name} has no parental authority: consent is given by a parent or \
                         guardian with parental authority."
                    ),
                )
            }
            Invalid::ConsentGiverRequired => T::ErrConsentGiverRequired,
            Invalid::DateRequired => T::ErrDateRequired,
            Invalid::BadCompetency(typed) => return self.bad_competency(typed),
            Invalid::BadPick { typed, of } => {
                return self.pick(
                    format!("\"{typed}\" staat niet in de lijst: typ nummers van 1 tot {of}."),
                    format!("\"{typed}\" is not in the list: type numbers from 1 to {of}."),
                )
            }
            Invalid::NameRequired => T::ErrNameRequired,
            Invalid::FirstNameRequired => T::ErrFirstNameRequired,
            Invalid::FutureBirthDate => T::ErrFutureDate,
            Invalid::StartedBeforeBirth => T::ErrStartedBeforeBirth,
            Invalid::FutureStart => T::ErrFutureStart,
            Invalid::BeforeStart => T::ErrBeforeStart,
            Invalid::DateInFuture => T::ErrDateInFuture,
            Invalid::BeforeBirth => T::ErrBeforeBirth,
            Invalid::TooFarAhead(last) => {
                let last = self.date(*last);
                return self.pick(
                    format!("Die datum ligt meer dan twee jaar vooruit: uiterlijk {last}."),
                    format!("That date lies more than two years ahead: {last} at the latest."),
                );
            }
            Invalid::HandoverBeforeBirth => T::ErrHandoverBeforeBirth,
            Invalid::TalkBeforeBirth => T::ErrTalkBeforeBirth,
            Invalid::HandoverTooFarAhead => T::ErrHandoverTooFarAhead,
            Invalid::PastDate => T::ErrPastDate,
            Invalid::ReasonRequired => T::ErrReasonRequired,
            Invalid::AdviceRequired => T::ErrAdviceRequired,
            Invalid::WithRequired => T::ErrWithRequired,
            Invalid::FollowUpRequired => T::ErrFollowUpRequired,
            Invalid::PinShape => T::ErrPinShape,
            Invalid::PinMismatch => T::ErrPinMismatch,
            Invalid::LastAdmin => T::ErrLastAdmin,
            Invalid::BadPhone => T::ErrBadPhone,
            Invalid::PinnedNeedsNumber => T::ErrPinnedNeedsNumber,
            Invalid::CoachAsLead => T::ErrCoachAsLead,
        };
        self.get(text).to_string()
    }

    /// "Ongeldige datum "31-02-2024": schrijf DD-MM-JJJJ ...", naming what was typed.
    fn bad_date(self, typed: &str) -> String {
        self.pick(
            format!(
                "Ongeldige datum \"{typed}\": schrijf DD-MM-JJJJ (of JJJJ-MM-DD), bijvoorbeeld \
                 17-04-2023."
            ),
            format!(
                "Invalid date \"{typed}\": write YYYY-MM-DD (or DD-MM-YYYY), for example \
                 2023-04-17."
            ),
        )
    }

    /// "31-02-2024 bestaat niet": the shape was right, the day is not in the calendar.
    fn no_such_date(self, typed: &str) -> String {
        self.pick(
            format!("De datum \"{typed}\" bestaat niet."),
            format!("There is no date \"{typed}\"."),
        )
    }

    /// `R` refused the reports directory: which and why, and what to do.
    fn reports_dir_refused(self, dir: &std::path::Path, why: crate::backup::UnsafeDir) -> String {
        let why = self.unsafe_dir(why);
        let dir = dir.display();
        self.pick(
            format!("Rapport niet geschreven: de rapportenmap {dir} {why}."),
            format!("The report was not written: the reports directory {dir} {why}."),
        )
    }

    /// Why a directory for private files (reports, backups) is not used, as the end of a
    /// sentence that names it ("... is a symbolic link; name the directory itself").
    pub(crate) fn unsafe_dir(self, why: crate::backup::UnsafeDir) -> String {
        use crate::backup::UnsafeDir;
        match why {
            UnsafeDir::Symlink => self.pick(
                "is een symbolische link; noem de map zelf".to_string(),
                "is a symbolic link; name the directory itself".to_string(),
            ),
            UnsafeDir::NotADirectory => {
                self.pick("is geen map".into(), "is not a directory".into())
            }
            UnsafeDir::Foreign { owner } => self.pick(
                format!("is van een andere gebruiker (gebruikers-id {owner}), die kan meelezen"),
                format!("belongs to another user (user id {owner}), who could read it"),
            ),
        }
    }

    /// The hint under a date field: which shapes it takes, the screen's own first.
    pub fn date_hint(self) -> &'static str {
        self.get(T::DateHint)
    }
}
