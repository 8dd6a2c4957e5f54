//! Every string a user sees, in Dutch and English. Screens ask for a [`T`] (fixed text) or call one
//! of the [`Lang`] methods (text with values in it); nothing visible is written anywhere else.

mod backup;
mod bench;
mod checks;
mod commands;
mod errors;
mod import;
mod lead;
mod pinned;
pub mod report;
mod store;
use crate::app::action::Action;
use crate::domain::child::Age;
use crate::domain::Role;
use crate::keymap::{Context, Key};
use crate::store::Recovered;
pub use commands::{ContactsImported, DemoCounts};
use crossterm::event::KeyCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    /// The default from the `LANG` value: Dutch for `nl*`, English for anything else.
    pub fn from_env_value(value: Option<&str>) -> Lang {
        match value {
            Some(v) if v.to_lowercase().starts_with("nl") => Lang::Nl,
            _ => Lang::En,
        }
    }

    pub fn get(self, text: T) -> &'static str {
        text.in_lang(self)
    }

    /// Text that comes with data (a form template's item), in this language.
    pub fn text(self, text: &crate::domain::form::Text) -> &str {
        match self {
            Lang::Nl => &text.nl,
            Lang::En => &text.en,
        }
    }

    pub(crate) fn pick(self, nl: String, en: String) -> String {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    pub fn age(self, age: Option<Age>) -> String {
        match age {
            Some(Age { years, months }) => self.pick(
                format!("{years} jr {months} mnd"),
                format!("{years} y {months} m"),
            ),
            None => self.get(T::UnknownAge).into(),
        }
    }

    /// A child shown under an alias (`domain::alias`): "Kind 3 · 2 jr 4 mnd", "Child 3 · 2 y 4 m".
    pub fn child_alias(self, number: usize, age: Option<Age>) -> String {
        let age = self.age(age);
        self.pick(
            format!("Kind {number} · {age}"),
            format!("Child {number} · {age}"),
        )
    }

    /// Dates as people write them: 17-04-2023 in Dutch, 2023-04-17 in English (ISO).
    pub fn date(self, date: chrono::NaiveDate) -> String {
        match self {
            Lang::Nl => date.format("%d-%m-%Y").to_string(),
            Lang::En => date.format("%Y-%m-%d").to_string(),
        }
    }

    pub fn group_title(self, name: &str) -> String {
        self.pick(format!("Groep {name}"), format!("Group {name}"))
    }

    pub fn too_small(self, width: u16, height: u16) -> String {
        self.pick(
            format!("Terminal te klein: minstens {width}×{height} nodig."),
            format!("Terminal too small: needs at least {width}×{height}."),
        )
    }

    /// What an empty list says: how to add something, when the person at the keyboard may
    /// (`add_key`), or only that it is empty.
    pub fn no_items_hint(self, add_key: Option<&str>) -> String {
        match add_key {
            Some(key) => self.pick(
                format!("Nog niets hier. Druk op {key} om iets toe te voegen."),
                format!("Nothing here yet. Press {key} to add something."),
            ),
            None => self.pick("Nog niets hier.".into(), "Nothing here yet.".into()),
        }
    }

    pub fn archived_status(self, name: &str, archived: bool) -> String {
        match archived {
            true => self.pick(
                format!("{name} is gearchiveerd."),
                format!("{name} is archived."),
            ),
            false => self.pick(
                format!("{name} is teruggezet."),
                format!("{name} is restored."),
            ),
        }
    }

    pub fn confirm_archive(self, name: &str, archived: bool) -> String {
        match archived {
            false => self.pick(format!("{name} archiveren?"), format!("Archive {name}?")),
            true => self.pick(format!("{name} terugzetten?"), format!("Restore {name}?")),
        }
    }

    /// Asked before a trajectory is closed.
    pub fn close_trajectory_question(self, plan: &str, outcome: &str, date: &str) -> String {
        self.pick(
            format!("Traject {plan} afsluiten op {date} met uitkomst {outcome}?"),
            format!("Close the trajectory {plan} on {date} with outcome {outcome}?"),
        )
    }

    /// Asked before an advice or follow-up of an open visit is removed, quoting it.
    pub fn remove_written(self, what: crate::domain::visit::Written, text: &str) -> String {
        use crate::domain::visit::Written;
        // Its first line, at most 60 characters: enough to know which one.
        let first = text.lines().next().unwrap_or("");
        let mut quoted: String = first.chars().take(60).collect();
        if quoted.len() < text.trim_end().len() {
            quoted.push('…');
        }
        let text = quoted;
        match what {
            Written::Advice => self.pick(
                format!("Dit advies weghalen? \"{text}\""),
                format!("Remove this advice? \"{text}\""),
            ),
            Written::FollowUp => self.pick(
                format!("Deze afspraak weghalen? \"{text}\""),
                format!("Remove this follow-up? \"{text}\""),
            ),
        }
    }

    /// Said once an advice or follow-up of an open visit is removed.
    pub fn removed_written(self, what: crate::domain::visit::Written) -> String {
        use crate::domain::visit::Written;
        match what {
            Written::Advice => self.pick(
                "Het advies is weggehaald.".into(),
                "The advice is removed.".into(),
            ),
            Written::FollowUp => self.pick(
                "De afspraak is weggehaald.".into(),
                "The follow-up is removed.".into(),
            ),
        }
    }

    /// Asked before a visit is closed, with the warning that it then stays as it is.
    pub fn close_visit_question(self, next: &str) -> String {
        self.pick(
            format!(
                "Bezoek afsluiten? Het volgende is op {next}. Een afgesloten bezoek kan niet \
                 meer veranderen: geen advies of afspraak meer erbij, wijzigen of weghalen."
            ),
            format!(
                "Close the visit? The next one is on {next}. A closed visit can no longer \
                 change: no advice or follow-up added, edited or removed."
            ),
        )
    }

    pub fn saved(self, name: &str) -> String {
        self.pick(
            format!("{name} is opgeslagen."),
            format!("{name} is saved."),
        )
    }

    /// The status line after `R`: where the report went.
    pub fn report_written(self, path: &std::path::Path) -> String {
        let path = path.display();
        self.pick(
            format!("Rapport geschreven: {path}"),
            format!("Report written: {path}"),
        )
    }

    /// This month as the month field shows it: MM-YYYY in Dutch, YYYY-MM in English.
    pub fn month(self, day: chrono::NaiveDate) -> String {
        match self {
            Lang::Nl => day.format("%m-%Y").to_string(),
            Lang::En => day.format("%Y-%m").to_string(),
        }
    }

    /// A quarter of a year, as the coaching per staff member heads it: "K4 2026", "Q4 2026".
    pub fn quarter(self, year: i32, quarter: u32) -> String {
        self.pick(format!("K{quarter} {year}"), format!("Q{quarter} {year}"))
    }

    pub fn pin_wrong(self, seconds: i64) -> String {
        self.pick(
            format!("Verkeerde pincode. Probeer het over {seconds} s opnieuw."),
            format!("Wrong PIN. Try again in {seconds} s."),
        )
    }

    pub fn pin_wait(self, seconds: i64) -> String {
        self.pick(
            format!("Nog {seconds} s wachten na een verkeerde pincode."),
            format!("Wait {seconds} s more after a wrong PIN."),
        )
    }

    /// What opening the database repaired (see [`Recovered`]), for the status line.
    pub fn recovered(self, r: &Recovered) -> String {
        let kept = r.damaged.display();
        self.pick(
            format!(
                "Het einde van de database was beschadigd en is hersteld; hooguit de laatste \
                 wijzigingen zijn verloren. De beschadigde bestanden staan in {kept}."
            ),
            format!(
                "The end of the database was damaged and has been repaired; at most the last \
                 changes are lost. The damaged files are kept in {kept}."
            ),
        )
    }

    pub fn pin_saved(self, name: &str, set: bool) -> String {
        match set {
            true => self.pick(
                format!("Pincode van {name} is ingesteld."),
                format!("{name}'s PIN is set."),
            ),
            false => self.pick(
                format!("{name} heeft geen pincode meer."),
                format!("{name} has no PIN any more."),
            ),
        }
    }

    /// Why something was refused: who may do it, from the rules in `domain::access`.
    pub fn only_for(self, roles: &[Role]) -> String {
        let names: Vec<&str> = roles.iter().map(|r| self.role(*r)).collect();
        let names = names.join(", ");
        self.pick(
            format!("Dit mag alleen: {names}."),
            format!("Only for: {names}."),
        )
    }

    pub fn unknown_group(self, name: &str) -> String {
        self.pick(
            format!("Er is geen groep \"{name}\"."),
            format!("There is no group \"{name}\"."),
        )
    }

    /// A Meldcode trajectory as staff who did not start it see it: open, and who coordinates it.
    pub fn meldcode_open(self, by: &str) -> String {
        self.pick(
            format!("open · coördinatie: {by}"),
            format!("open · coordinated by {by}"),
        )
    }

    /// On the lock screen: someone left unsaved input open (never what it says).
    pub fn draft_open(self, name: &str) -> String {
        self.pick(
            format!(
                "{name} liet niet-opgeslagen invoer open: die vervalt als iemand anders \
                 ontgrendelt."
            ),
            format!("{name} left unsaved input open: it is dropped if someone else unlocks."),
        )
    }

    /// After a hand-over: the unsaved input of the one before was dropped.
    pub fn draft_dropped(self, name: &str) -> String {
        self.pick(
            format!("Niet-opgeslagen invoer van {name} is weggegooid."),
            format!("Unsaved input of {name} was dropped."),
        )
    }

    pub fn user_not_found(self, name: &str) -> String {
        self.pick(
            format!("Geen medewerker heet \"{name}\"; kies jezelf."),
            format!("No staff member is called \"{name}\"; pick yourself."),
        )
    }

    pub fn key_hint(self, key: &str, text: T) -> String {
        format!("{key} {}", self.get(text))
    }

    /// The ages a form item is meant for, from its `min_months` and `max_months` (both
    /// inclusive): "0 t/m 11 maanden", "vanaf 24 maanden"; empty for an item for every age.
    pub fn item_ages(self, min: Option<u32>, max: Option<u32>) -> String {
        match (min, max) {
            (Some(min), Some(max)) => self.pick(
                format!("{min} t/m {max} maanden"),
                format!("{min} to {max} months"),
            ),
            (Some(min), None) => {
                self.pick(format!("vanaf {min} maanden"), format!("from {min} months"))
            }
            (None, Some(max)) => {
                self.pick(format!("t/m {max} maanden"), format!("up to {max} months"))
            }
            (None, None) => String::new(),
        }
    }

    pub fn mark(self, mark: Option<crate::domain::form::Mark>) -> &'static str {
        use crate::domain::form::Mark;
        self.get(match mark {
            None => T::MarkNotSeen,
            Some(Mark::Sometimes) => T::MarkSometimes,
            Some(Mark::Often) => T::MarkOften,
        })
    }

    /// The "saved" state in a form's header, with the time of the last write.
    pub fn saved_at(self, at: chrono::DateTime<chrono::FixedOffset>) -> String {
        let time = at.format("%H:%M:%S");
        self.pick(format!("opgeslagen {time}"), format!("saved {time}"))
    }

    /// "No note (n writes one)", naming the key the active keymap binds, if any.
    pub fn no_note(self, key: Option<String>) -> String {
        match key {
            Some(key) => self.pick(
                format!("Geen notitie ({key} schrijft er een)."),
                format!("No note ({key} writes one)."),
            ),
            None => self.get(T::NoNote).to_string(),
        }
    }

    pub fn unknown_template(self, id: &str) -> String {
        self.pick(
            format!("Het formulier {id} van deze observatie is onbekend in deze database."),
            format!("The form {id} of this observation is not known in this database."),
        )
    }

    /// How long ago a child's latest observation was, short for the list's column: "14 wk"
    /// reads as weeks in both languages.
    pub fn weeks_ago(self, weeks: i64) -> String {
        let _ = self;
        format!("{weeks} wk")
    }

    /// An observation as a list names it: "12-10-2026 · Anouk Jansen" (its date and observer).
    pub fn observation_label(self, date: chrono::NaiveDate, by: &str) -> String {
        format!("{} · {by}", self.date(date))
    }

    /// Which rule of the rhythm of practice asks for an observation, short for the children
    /// list, about as narrow as a date: "eerste obs", "jaarlijks", "traj. 8 wk".
    pub fn observation_due(self, due: crate::domain::rhythm::Due) -> String {
        use crate::domain::rhythm::Due;
        match due {
            Due::First => self.get(T::DueFirst).to_string(),
            Due::Yearly { .. } => self.get(T::DueYearly).to_string(),
            Due::Trajectory { weeks } => format!(
                "{} {}",
                self.get(T::DueTrajectory),
                self.weeks_ago(i64::from(weeks))
            ),
        }
    }

    pub fn compare_title(self, previous: chrono::NaiveDate, latest: chrono::NaiveDate) -> String {
        self.pick(
            format!(
                "Wat is veranderd: {} → {}",
                self.date(previous),
                self.date(latest)
            ),
            format!(
                "What changed: {} → {}",
                self.date(previous),
                self.date(latest)
            ),
        )
    }

    /// "12 markeringen, 3 vaak": marks on an observation and how many of them are "often".
    pub fn mark_count(self, marks: usize, often: usize) -> String {
        self.pick(
            match marks {
                1 => format!("1 markering, {often} vaak"),
                _ => format!("{marks} markeringen, {often} vaak"),
            },
            match marks {
                1 => format!("1 mark, {often} often"),
                _ => format!("{marks} marks, {often} often"),
            },
        )
    }

    pub fn confirm_remove(self, name: &str) -> String {
        self.pick(
            format!("{name} uit de contacten verwijderen?"),
            format!("Remove {name} from the contacts?"),
        )
    }

    pub fn removed(self, name: &str) -> String {
        self.pick(
            format!("{name} is verwijderd."),
            format!("{name} is removed."),
        )
    }

    /// After `l` on a card: linked to the child, or unlinked.
    pub fn linked(self, contact: &str, child: &str, linked: bool) -> String {
        match linked {
            true => self.pick(
                format!("{contact} is gekoppeld aan {child}."),
                format!("{contact} is linked to {child}."),
            ),
            false => self.pick(
                format!("{contact} is losgekoppeld van {child}."),
                format!("{contact} is unlinked from {child}."),
            ),
        }
    }

    /// The child screen's contacts panel while nobody is linked, naming the keys that link.
    pub fn no_contacts(self, keys: &str) -> String {
        self.pick(
            format!("Nog niemand gekoppeld ({keys})."),
            format!("Nobody linked yet ({keys})."),
        )
    }

    pub fn outcome(self, outcome: crate::domain::plan::Outcome) -> &'static str {
        use crate::domain::plan::Outcome;
        self.get(match outcome {
            Outcome::ContinuesInGroup => T::OutContinues,
            Outcome::CareRoute => T::OutCareRoute,
            Outcome::WarmHandover => T::OutHandover,
            Outcome::MeldcodeReport => T::OutMeldcode,
            Outcome::NoSuspicion => T::OutNoSuspicion,
            Outcome::HelpOrganised => T::OutHelpOrganised,
        })
    }

    /// A plan's question by its number, "Vraag 3", and when it is weighed together with
    /// Veilig Thuis (`Trajectory::with_veilig_thuis`) "Vraag 3, samen met Veilig Thuis".
    pub fn question_label(self, number: usize, with_veilig_thuis: bool) -> String {
        match with_veilig_thuis {
            true => self.pick(
                format!("Vraag {number}, samen met Veilig Thuis"),
                format!("Question {number}, together with Veilig Thuis"),
            ),
            false => self.pick(format!("Vraag {number}"), format!("Question {number}")),
        }
    }

    /// Where a trajectory stands: "4/8 Advies coach", or "8/8 klaar".
    pub fn progress(self, progress: crate::domain::plan::Progress) -> String {
        use crate::domain::plan::Progress;
        match progress {
            Progress::At { number, of, stage } => {
                format!("{number}/{of} {}", self.text(&stage.title))
            }
            Progress::AllDone { of } => format!("{of}/{of} {}", self.get(T::AllStagesDone)),
        }
    }

    /// Under a text field whose last key or paste did not fit: nothing of it was taken.
    pub fn too_long(self, max: usize) -> String {
        self.pick(
            format!("Past niet: dit veld neemt ten hoogste {max} tekens; er is niets ingevoegd."),
            format!("Does not fit: this field takes at most {max} characters; nothing was added."),
        )
    }

    /// A yes/no answer or consent; `unset` says what no answer yet is called.
    pub fn yes_no(self, value: Option<bool>, unset: T) -> &'static str {
        self.get(match value {
            Some(true) => T::Yes,
            Some(false) => T::No,
            None => unset,
        })
    }

    /// The parents' answer to one purpose: ja, nee, or nog niet gevraagd.
    pub fn consent_answer(self, answer: Option<crate::domain::ConsentAnswer>) -> &'static str {
        use crate::domain::ConsentAnswer;
        self.get(match answer {
            Some(ConsentAnswer::Yes) => T::Yes,
            Some(ConsentAnswer::No) => T::No,
            None => T::NotAsked,
        })
    }

    /// Under the handover form: the parents' answer on passing information to the school,
    /// read-only here, and where it is recorded (the child's consent, `t` by default). For a
    /// BSO child's talk with the school the same consent applies to what is shared.
    pub fn handover_consent_hint(
        self,
        answer: Option<crate::domain::ConsentAnswer>,
        bso: bool,
    ) -> String {
        let yes = answer == Some(crate::domain::ConsentAnswer::Yes);
        let answer = self.consent_answer(answer);
        let (nl, en) = match bso {
            true => ("delen met school", "sharing with the school"),
            false => ("overdracht aan school", "handover to the school"),
        };
        if yes {
            return self.pick(
                format!("Ouders gaven toestemming voor {nl} (t op het kind)."),
                format!("The parents consented to the {en} (t on the child)."),
            );
        }
        self.pick(
            format!(
                "Toestemming ouders voor {nl}: {answer}. Zonder ja gaat er niets naar school; \
                 vastleggen met 'toestemming' (t) op het kind."
            ),
            format!(
                "The parents' consent to the {en}: {answer}. Without a yes nothing goes to the \
                 school; record it with 'consent' (t) on the child."
            ),
        )
    }

    /// The children list's school column for a child going to school on `on` (`None`: shown
    /// under an alias, without the date that would give away the birthday), whether its
    /// handover is written, in one of three widths: 0 widest ("28-02-2027 ✓ overdracht"),
    /// 1 ("28-02-2027 ✓"), 2 narrowest ("28-02 ✓").
    pub fn to_school(self, on: Option<chrono::NaiveDate>, handover: bool, width: usize) -> String {
        let date = match (on, width) {
            (None, _) => self.get(T::ToSchoolSoon).to_string(),
            (Some(d), 0 | 1) => self.date(d),
            (Some(d), _) => match self {
                Lang::Nl => d.format("%d-%m").to_string(),
                Lang::En => d.format("%m-%d").to_string(),
            },
        };
        match (handover, width) {
            (false, _) => date,
            (true, 0) => format!("{date} ✓ {}", self.get(T::HandoverTag)),
            (true, _) => format!("{date} ✓"),
        }
    }

    /// When a consent was recorded and by whom: "vastgelegd 12-10-2026, Anouk Jansen".
    pub fn consent_given(self, given: &crate::domain::Given) -> String {
        let date = self.date(given.at.date_naive());
        let by = &given.by;
        self.pick(
            format!("vastgelegd {date}, {by}"),
            format!("recorded {date}, {by}"),
        )
    }

    /// "Afgevinkt door Anouk op 12-10-2026 09:14" for a stage's last change.
    pub fn changed_by(self, by: &str, at: chrono::DateTime<chrono::FixedOffset>) -> String {
        let (date, time) = (self.date(at.date_naive()), at.format("%H:%M"));
        self.pick(
            format!("Laatst gewijzigd door {by} op {date} {time}"),
            format!("Last changed by {by} on {date} {time}"),
        )
    }

    pub fn closed_on(
        self,
        outcome: crate::domain::plan::Outcome,
        date: chrono::NaiveDate,
    ) -> String {
        self.pick(
            format!("afgesloten {}: {}", self.date(date), self.outcome(outcome)),
            format!("closed {}: {}", self.date(date), self.outcome(outcome)),
        )
    }

    pub fn competency(self, competency: crate::domain::visit::Competency) -> &'static str {
        use crate::domain::visit::Competency;
        self.get(match competency {
            Competency::Development => T::CompDevelopment,
            Competency::Behaviour => T::CompBehaviour,
            Competency::OutsideHelp => T::CompOutsideHelp,
            Competency::Parents => T::CompParents,
        })
    }

    /// The competencies with the digit typed for each: "1 ontwikkeling  2 opvallend gedrag ...".
    pub fn competency_hint(self) -> String {
        let all = crate::domain::visit::Competency::ALL
            .map(|c| format!("{} {}", c.number(), self.competency(c)));
        all.join("  ")
    }

    /// Under the advice form: whom an advice can be for, the group's staff.
    pub fn advice_with_hint(self, names: &str) -> String {
        match names.is_empty() {
            true => self.pick(
                "Met wie: nog niemand werkt op deze groep.".into(),
                "With whom: nobody works on this group yet.".into(),
            ),
            false => self.pick(
                format!("Met wie, met komma's: {names}"),
                format!("With whom, with commas: {names}"),
            ),
        }
    }

    /// Behind an advice: whom it was for ("met Anna, Bram").
    pub fn advice_with(self, names: &str) -> String {
        self.pick(format!("met {names}"), format!("with {names}"))
    }

    pub fn bad_competency(self, typed: &str) -> String {
        self.pick(
            format!("\"{typed}\" is geen competentie: typ cijfers 1 tot 4, bijvoorbeeld 1 4."),
            format!("\"{typed}\" is not a competency: type digits 1 to 4, for example 1 4."),
        )
    }

    /// Why a child is high on the visit's list, short: "wacht op coach", "+2 vaak", "3× vaak",
    /// "! jaarlijks" (the rule of `rhythm::due` that asks for an observation).
    pub fn reason(self, reason: &crate::domain::visit::attention::Reason) -> String {
        use crate::domain::visit::attention::Reason;
        let often = self.get(T::MarkOften);
        match reason {
            Reason::WaitingOnCoach => self.get(T::ReasonWaitingOnCoach).to_string(),
            Reason::OverdueReview => self.get(T::ReasonOverdue).to_string(),
            Reason::NewOften(n) => format!("+{n} {often}"),
            Reason::ManyOften(n) => format!("{n}× {often}"),
            Reason::ObservationDue(due) => format!("! {}", self.observation_due(*due)),
        }
    }

    /// Why the coach should see a child, in a full sentence (the visit's detail pane), where
    /// [`Lang::reason`] gives it in short for the row: "Observatie nodig: de jaarlijkse, rond
    /// de 4e verjaardag."
    pub fn reason_in_full(self, reason: &crate::domain::visit::attention::Reason) -> String {
        use crate::domain::rhythm::{Due, FIRST_AFTER_MONTHS};
        use crate::domain::visit::attention::Reason;
        match reason {
            Reason::WaitingOnCoach => self.get(T::ReasonWaitingOnCoachFull).to_string(),
            Reason::OverdueReview => self.get(T::ReasonOverdueFull).to_string(),
            Reason::NewOften(1) => self.pick(
                "1 zorgitem nieuw op vaak sinds het vorige bezoek.".to_string(),
                "1 worry item newly often since the previous visit.".to_string(),
            ),
            Reason::NewOften(n) => self.pick(
                format!("{n} zorgitems nieuw op vaak sinds het vorige bezoek."),
                format!("{n} worry items newly often since the previous visit."),
            ),
            Reason::ManyOften(n) => self.pick(
                format!("{n} zorgitems vaak in de laatste observatie."),
                format!("{n} worry items marked often in the latest observation."),
            ),
            Reason::ObservationDue(Due::First) => self.pick(
                format!("Observatie nodig: de eerste, {FIRST_AFTER_MONTHS} maanden na de start in de groep."),
                format!("Observation due: the first, {FIRST_AFTER_MONTHS} months after the start in the group."),
            ),
            Reason::ObservationDue(Due::Yearly { years }) => self.pick(
                format!("Observatie nodig: de jaarlijkse, rond de {years}e verjaardag."),
                format!("Observation due: the yearly one, around turning {years}."),
            ),
            Reason::ObservationDue(Due::Trajectory { weeks }) => self.pick(
                format!("Observatie nodig: bij een open traject elke {weeks} weken."),
                format!("Observation due: with an open trajectory every {weeks} weeks."),
            ),
        }
    }

    /// The group's visits in a line: "Laatste bezoek 02-10-2026 · volgend 13-11-2026".
    pub fn visit_summary(
        self,
        last: Option<chrono::NaiveDate>,
        next: Option<chrono::NaiveDate>,
    ) -> String {
        let Some(last) = last else {
            return self.get(T::NoVisitYet).to_string();
        };
        let last = self.date(last);
        match next {
            Some(next) => {
                let next = self.date(next);
                self.pick(
                    format!("Laatste bezoek {last} · volgend {next}"),
                    format!("Last visit {last} · next {next}"),
                )
            }
            None => self.pick(
                format!("Laatste bezoek {last}"),
                format!("Last visit {last}"),
            ),
        }
    }

    pub fn changes_since(self, date: chrono::NaiveDate) -> String {
        let date = self.date(date);
        self.pick(
            format!("Sinds het vorige bezoek ({date}):"),
            format!("Since the previous visit ({date}):"),
        )
    }

    pub fn observed_on(self, dates: &[chrono::NaiveDate]) -> String {
        let dates: Vec<String> = dates.iter().map(|d| self.date(*d)).collect();
        let dates = dates.join(", ");
        self.pick(
            format!("Geobserveerd: {dates}"),
            format!("Observed: {dates}"),
        )
    }

    /// A follow-up's due date, and that it was carried over from an earlier visit.
    pub fn due(self, due: chrono::NaiveDate, carried: bool) -> String {
        let due = self.date(due);
        match carried {
            true => self.pick(
                format!("uiterlijk {due} · van een vorig bezoek"),
                format!("due {due} · from an earlier visit"),
            ),
            false => self.pick(format!("uiterlijk {due}"), format!("due {due}")),
        }
    }

    /// "Coachbezoek 20-11-2026 · Anna de Vries" with "afgesloten" once it is.
    pub fn visit_title(self, group: &str, date: chrono::NaiveDate, by: &str, open: bool) -> String {
        let title = format!(
            "{} · {} · {} · {by}",
            self.get(T::VisitTitle),
            self.group_title(group),
            self.date(date)
        );
        match open {
            true => title,
            false => format!("{title} · {}", self.get(T::PlanClosed)),
        }
    }

    /// The detail pane while no advice is written for the row yet.
    pub fn no_advice(self, key: Option<String>) -> String {
        match key {
            Some(key) => self.pick(
                format!("Nog geen advies ({key} schrijft het)."),
                format!("No advice yet ({key} writes it)."),
            ),
            None => self.pick("Nog geen advies.".into(), "No advice yet.".into()),
        }
    }

    pub fn role(self, role: Role) -> &'static str {
        self.get(match role {
            Role::Staff => T::RoleStaff,
            Role::Coach => T::RoleCoach,
            Role::CareCoordinator => T::RoleCareCoordinator,
            Role::Admin => T::RoleAdmin,
        })
    }

    /// A key's label for people: in Dutch the named keys get their Dutch names ("Omhoog",
    /// "Spatie"); letters and the names Dutch keyboards print as they are ("Enter", "Esc") stay.
    pub fn key(self, key: Key) -> String {
        key.label_with(|code| match self {
            Lang::En => None,
            Lang::Nl => match code {
                KeyCode::Up => Some("Omhoog"),
                KeyCode::Down => Some("Omlaag"),
                KeyCode::Left => Some("Links"),
                KeyCode::Right => Some("Rechts"),
                KeyCode::Char(' ') => Some("Spatie"),
                KeyCode::PageUp => Some("PgUp"),
                KeyCode::PageDown => Some("PgDn"),
                KeyCode::Delete => Some("Del"),
                KeyCode::Insert => Some("Ins"),
                _ => None,
            },
        })
    }

    pub fn context(self, context: Context) -> &'static str {
        self.get(match context {
            Context::Global => T::CtxGlobal,
            Context::List => T::CtxList,
            Context::Groups => T::CtxGroups,
            Context::Children => T::CtxChildren,
            Context::Child => T::CtxChild,
            Context::Observation => T::CtxObservation,
            Context::Trajectory => T::CtxTrajectory,
            Context::Visit => T::CtxVisit,
            Context::Coaching => T::CtxCoaching,
            Context::Lookup => T::CtxLookup,
            Context::Staff => T::StaffTitle,
            Context::Card => T::CtxCard,
            Context::Welcome => T::CtxWelcome,
            Context::Users => T::CtxUsers,
            Context::Form => T::CtxForm,
            Context::Filter => T::CtxFilter,
            Context::Help => T::CtxHelp,
        })
    }

    pub fn action(self, action: Action) -> &'static str {
        self.get(match action {
            Action::Quit => T::ActQuit,
            Action::Help => T::ActHelp,
            Action::Back => T::ActBack,
            Action::Up => T::ActUp,
            Action::Down => T::ActDown,
            Action::PageUp => T::ActPageUp,
            Action::PageDown => T::ActPageDown,
            Action::Top => T::ActTop,
            Action::Bottom => T::ActBottom,
            Action::Open => T::ActOpen,
            Action::Filter => T::ActFilter,
            Action::Add => T::ActAdd,
            Action::Edit => T::ActEdit,
            Action::Archive => T::ActArchive,
            Action::ShowArchived => T::ActShowArchived,
            Action::LoadDemo => T::ActLoadDemo,
            Action::StartEmpty => T::ActStartEmpty,
            Action::NextField => T::ActNextField,
            Action::PrevField => T::ActPrevField,
            Action::Submit => T::ActSubmit,
            Action::ChoiceNext => T::ActChoiceNext,
            Action::ChoicePrev => T::ActChoicePrev,
            Action::Observe => T::ActObserve,
            Action::Mark => T::ActMark,
            Action::Note => T::ActNote,
            Action::Compare => T::ActCompare,
            Action::Plan => T::ActPlan,
            Action::CloseTrajectory => T::ActCloseTrajectory,
            Action::Contacts => T::ActContacts,
            Action::Link => T::ActLink,
            Action::ServeGroup => T::ActServeGroup,
            Action::Remove => T::ActRemove,
            Action::Lock => T::ActLock,
            Action::Pin => T::ActPin,
            Action::Staff => T::ActStaff,
            Action::History => T::ActHistory,
            Action::Visit => T::ActVisit,
            Action::FollowUp => T::ActFollowUp,
            Action::CloseVisit => T::ActCloseVisit,
            Action::AddGuardian => T::ActAddGuardian,
            Action::EditGuardian => T::ActEditGuardian,
            Action::RemoveGuardian => T::ActRemoveGuardian,
            Action::Mentor => T::ActMentor,
            Action::Consent => T::ActConsent,
            Action::SafeguardingLead => T::ActSafeguardingLead,
            Action::Purge => T::ActPurge,
            Action::ParentsView => T::ActParentsView,
            Action::Report => T::ActReport,
            Action::Coaching => T::ActCoaching,
            Action::Handover => T::ActHandover,
            Action::PromptedBy => T::ActPromptedBy,
        })
    }
}

/// Declares the fixed texts: one variant each, with its Dutch and English wording side by side so
/// that a missing translation is a compile error, not a blank on screen.
/// One enum per part of the program (`T` for the TUI), each checked by the same test.
macro_rules! texts {
    (enum $enum:ident; $($name:ident => $nl:literal, $en:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $enum { $($name),* }

        impl $enum {
            pub const ALL: &'static [$enum] = &[$($enum::$name),*];

            pub fn in_lang(self, lang: $crate::i18n::Lang) -> &'static str {
                match (self, lang) {
                    $(($enum::$name, $crate::i18n::Lang::Nl) => $nl,
                      ($enum::$name, $crate::i18n::Lang::En) => $en,)*
                }
            }
        }
    };
}
pub(crate) use texts;

impl T {
    /// The label of the parents' consent to `to` in a form or a trajectory: for a BSO child
    /// (`bso`), who already goes to school, consent to school is to pass information to it,
    /// not a warm handover.
    pub fn consent(to: crate::domain::ConsentTo, bso: bool) -> T {
        use crate::domain::ConsentTo;
        match to {
            ConsentTo::Coach => T::ConsentCoach,
            ConsentTo::CareTeam => T::ConsentCareTeam,
            ConsentTo::School if bso => T::ConsentSchoolBso,
            ConsentTo::School => T::ConsentSchool,
        }
    }
}

texts! {
    enum T;
    AppName => "signaal", "signaal";
    UserLabel => "Medewerker", "User";
    NobodyYet => "nog niemand", "nobody yet";
    WelcomeTitle => "Welkom bij signaal", "Welcome to signaal";
    WelcomeBody => "signaal helpt de groep om vroeg te zien welk kind extra steun nodig heeft: observeren, het stappenplan volgen, ouders betrekken en weten wie je belt. Deze database is nog leeg.", "signaal helps a childcare group see early which child needs extra support: observe, follow the step plan, involve parents and know whom to call. This database is still empty.";
    WelcomeWhere => "De nieuwe database komt in:", "The new database goes in:";
    WelcomeDemo => "demodata laden (fictieve groepen, kinderen en medewerkers)", "load demo data (fictional groups, children and staff)";
    WelcomeEmpty => "leeg beginnen", "start empty";
    UsersTitle => "Wie ben je?", "Who are you?";
    UsersHint => "Typ je naam, kies met pijltjes, Enter bevestigt.", "Type your name, choose with the arrows, Enter confirms.";
    UsersNew => "+ nieuwe medewerker", "+ new staff member";
    GroupsTitle => "Groepen", "Groups";
    ColName => "Naam", "Name";
    ColKind => "Soort", "Kind";
    ColLocation => "Locatie", "Location";
    ColChildren => "Kinderen", "Children";
    ColAge => "Leeftijd", "Age";
    ColBirthDate => "Geboortedatum", "Birth date";
    ArchivedTag => "gearchiveerd", "archived";
    UnknownAge => "onbekend", "unknown";
    ChildDetails => "Gegevens", "Details";
    ChildGroup => "Groep", "Group";
    ChildObservations => "Observaties", "Observations";
    ChildNoObservations => "Nog geen observaties.", "No observations yet.";
    ChildPlan => "Stappenplan", "Step plan";
    ChildNoPlan => "Geen traject.", "No trajectory.";
    FilterLabel => "Filter", "Filter";
    FilterNoMatch => "Niets gevonden.", "No matches.";
    ShowingArchived => "ook gearchiveerde", "archived shown";
    FormAddGroup => "Groep toevoegen", "Add group";
    FormEditGroup => "Groep bewerken", "Edit group";
    FormAddChild => "Kind toevoegen", "Add child";
    FormEditChild => "Kind bewerken", "Edit child";
    FormAddStaff => "Medewerker toevoegen", "Add staff member";
    FieldName => "Naam", "Name";
    FieldKind => "Soort", "Kind";
    FieldLocation => "Locatie", "Location";
    FieldFirstName => "Voornaam", "First name";
    FieldLastName => "Achternaam", "Last name";
    FieldBirthDate => "Geboortedatum", "Birth date";
    FieldInGroupSince => "In groep sinds", "In group since";
    FieldGroup => "Groep", "Group";
    FieldRole => "Rol", "Role";
    ErrNameRequired => "Vul een naam in.", "Please enter a name.";
    ErrFirstNameRequired => "Vul een voornaam in.", "Please enter a first name.";
    ErrAnswerWithMark => "Een vraag of toestemming beantwoord je met Spatie: ja, nee of open.", "Answer a question or a consent with Space: yes, no or open.";
    ErrDateRequired => "Vul een datum in.", "Please enter a date.";
    DateHint => "Datum: DD-MM-JJJJ of JJJJ-MM-DD", "Date: YYYY-MM-DD or DD-MM-YYYY";
    ErrFutureDate => "De geboortedatum ligt in de toekomst.", "The birth date lies in the future.";
    ErrStartedBeforeBirth => "De startdatum in de groep ligt vóór de geboortedatum.",
        "The start in the group lies before the birth date.";
    ErrFutureStart => "De startdatum in de groep ligt in de toekomst.",
        "The start in the group lies in the future.";
    ErrDuplicateStaff => "Er is al een medewerker met die naam.", "There is already a staff member with that name.";
    DiskFull => "De schijf is vol: niets opgeslagen. Maak ruimte vrij en probeer opnieuw.", "The disk is full: nothing was saved. Free some space and try again.";
    ErrNoGroup => "Maak eerst een groep aan.", "Create a group first.";
    ConfirmTitle => "Bevestigen", "Confirm";
    QuitQuestion => "signaal stoppen?", "Stop signaal?";
    ConfirmKeys => "j = ja, n = nee", "y = yes, n = no";
    DemoLoaded => "Demodata geladen.", "Demo data loaded.";
    HelpTitle => "Toetsen", "Keys";
    HelpFooter => "Deze lijst komt uit de actieve toetsenkaart.", "This list comes from the active keymap.";
    RoleStaff => "pedagogisch medewerker", "childcare staff";
    RoleCoach => "jeugdhulpcoach", "youth-care coach";
    RoleCareCoordinator => "zorgcoördinator", "care coordinator";
    RoleAdmin => "beheerder", "admin";
    CtxGlobal => "Overal", "Everywhere";
    CtxList => "Lijsten", "Lists";
    CtxGroups => "Groepen", "Groups";
    CtxChildren => "Kinderen van een groep", "A group's children";
    CtxChild => "Kind", "Child";
    CtxWelcome => "Welkom", "Welcome";
    CtxUsers => "Wie ben je?", "Who are you?";
    CtxForm => "Formulier", "Form";
    CtxFilter => "Filter typen", "Typing a filter";
    CtxHelp => "Hulp", "Help";
    ActQuit => "stoppen", "quit";
    ActHelp => "alle toetsen", "all keys";
    ActBack => "terug", "back";
    ActUp => "een regel omhoog", "up";
    ActDown => "een regel omlaag", "down";
    ActPageUp => "pagina omhoog", "page up";
    ActPageDown => "pagina omlaag", "page down";
    ActTop => "naar het begin", "to the top";
    ActBottom => "naar het eind", "to the bottom";
    ActOpen => "openen", "open";
    ActFilter => "filteren", "filter";
    ActAdd => "toevoegen", "add";
    ActEdit => "bewerken", "edit";
    ActArchive => "archiveren/terugzetten", "archive/restore";
    ActShowArchived => "gearchiveerde tonen of verbergen", "show or hide archived";
    ActLoadDemo => "demodata laden", "load demo data";
    ActStartEmpty => "leeg beginnen", "start empty";
    ActNextField => "volgend veld", "next field";
    ActPrevField => "vorig veld", "previous field";
    ActSubmit => "bevestigen", "confirm";
    ActChoiceNext => "volgende keuze", "next choice";
    ActChoicePrev => "vorige keuze", "previous choice";
    ActObserve => "observeren", "observe";
    ActMark => "markeren", "mark";
    ActNote => "notitie", "note";
    ActCompare => "wat is veranderd", "what changed";
    CtxObservation => "Observatieformulier", "Observation form";
    ColObserved => "Geobserveerd", "Observed";
    ColConcernsOften => "Vaak", "Often";
    NoObservationYet => "nog geen observatie van dit kind", "no observation of this child yet";
    DueFirst => "eerste obs", "first obs";
    DueYearly => "jaarlijks", "yearly";
    DueTrajectory => "traj.", "traj.";
    MarkSometimes => "soms", "sometimes";
    MarkOften => "vaak", "often";
    MarkNotSeen => "niet gezien", "not seen";
    MeldcodeHidden => "verborgen", "hidden";
    OutsideAge => "Buiten leeftijd", "Outside the age range";
    ForWhoMustKnow => "alleen voor wie het moet weten", "only for who must know";
    MeldcodeTag => "Meldcode", "Meldcode";
    FormNote => "Notitie bij het item", "Note on the item";
    FieldNote => "Notitie", "Note";
    SaveNothing => "nog niets gemarkeerd", "nothing marked yet";
    SaveFailed => "NIET opgeslagen", "NOT saved";
    ObserverLabel => "Observator", "Observer";
    ErrNoFormForGroup => "Deze groep heeft geen observatieformulier; kies er een met `signaal forms use`.", "This group has no observation form; choose one with `signaal forms use`.";
    NotObservedYet => "Dit kind is nog niet geobserveerd.", "This child has not been observed yet.";
    NoObservationBeforeStart => "Er is geen observatie van voor de start van dit traject: de latere kunnen niet de aanleiding zijn.", "There is no observation from before this trajectory started: later ones cannot have prompted it.";
    OnlyOneObservation => "Er is nog maar één observatie met dit formulier: vergelijken kan na de volgende.", "There is only one observation with this form so far: comparing is possible after the next one.";
    NoChanges => "Geen verschillen: alles is hetzelfde gemarkeerd.", "No differences: everything is marked the same.";
    ChangeAppeared => "nieuw", "new";
    ChangeDisappeared => "niet meer gezien", "no longer seen";
    MarkNotMarked => "niet aangekruist", "not marked";
    ChangeNotMarked => "deze keer niet", "not this time";
    NotMarkedMeans => "Deze keer niet aangekruist: dat zegt niet dat het kind het niet meer doet.", "Not marked this time: that does not mean the child no longer does it.";
    ChangeChanged => "veranderd", "changed";
    PickFormTitle => "Welk formulier?", "Which form?";
    ActPlan => "stappenplan", "step plan";
    ActCloseTrajectory => "traject afsluiten", "close trajectory";
    CtxTrajectory => "Traject (stappenplan)", "Trajectory (step plan)";
    PlansTitle => "Stappenplan", "Step plan";
    PlanNew => "nieuw traject", "new trajectory";
    PlanOpen => "open", "open";
    PlanClosed => "afgesloten", "closed";
    PlanFields => "Hulpvraag en plan", "Question and plan";
    MeldcodeFields => "Meldcode: vastlegging", "Meldcode record";
    ReportUnrecorded => "Let op: de melding is nog niet vastgelegd (geen stap afgevinkt, of \"Gemeld op\" leeg).", "Note: the report is not recorded yet (no stage ticked, or \"Reported on\" empty).";
    PlanStages => "Stappen", "Stages";
    FieldQuestion => "Vraag van het kind", "The child's question";
    FieldGoals => "Doelen", "Goals";
    FieldActions => "Acties, wie doet wat", "Actions, who does what";
    FieldParentsView => "Wat ouders zien", "What the parents see";
    FieldMcSignals => "Signalen, met datum", "Signals, with their dates";
    FieldMcConsulted => "Geraadpleegd (wie, wanneer, advies)", "Consulted (who, when, advice)";
    FieldMcVtConsulted => "Veilig Thuis geraadpleegd op", "Veilig Thuis consulted on";
    FieldMcVtAdvice => "Advies Veilig Thuis", "Veilig Thuis's advice";
    FieldMcParentsTalk => "Gesprek ouders (reactie, of waarom niet)", "Talk with parents (reaction, or why not)";
    FieldMcDecision => "Besluit en redenen", "Decision and reasons";
    FieldMcReportedOn => "Gemeld op", "Reported on";
    FieldMcParentsTold => "Ouders vooraf ingelicht", "Parents told beforehand";
    FieldMcNotToldWhy => "Waarom niet ingelicht", "Why not told";
    FormCareTeamReport => "Rapport voor het zorgoverleg", "Care-team report";
    FieldMonth => "Maand (MM-JJJJ)", "Month (YYYY-MM)";
    FieldStarted => "Gestart", "Started";
    FieldExpectedEnd => "Verwacht einde", "Expected end";
    FieldReview => "Evaluatiedatum", "Review date";
    FieldDateOrEmpty => "Datum (leeg: geen)", "Date (empty: none)";
    FieldOutcome => "Uitkomst", "Outcome";
    FieldCloseDate => "Datum", "Date";
    FieldReason => "Reden", "Reason";
    FormCloseTrajectory => "Traject afsluiten", "Close the trajectory";
    FormStageNote => "Notitie bij de stap", "Note on the stage";
    FormCoachWithoutConsent => "Coach zonder toestemming?", "Coach without consent?";
    ConsentWarning => "Let op: de ouders hebben (nog) geen toestemming gegeven om de jeugdhulpcoach over hun kind te raadplegen. Bespreek het eerst met hen. Wil je deze stap toch vastleggen, schrijf dan waarom.", "Note: the parents have not (yet) consented to consulting the youth-care coach about their child. Talk it over with them first. To record this stage anyway, write down why.";
    ErrBeforeStart => "Die datum ligt voor de start van het traject.", "That date lies before the trajectory started.";
    ErrDateInFuture => "Die datum ligt in de toekomst: vul dit in als het gebeurd is.", "That date lies in the future: fill this in once it has happened.";
    ErrBeforeBirth => "Die datum ligt voor de geboorte van het kind.", "That date lies before the child was born.";
    ErrReasonRequired => "Schrijf op waarom, of Esc om af te breken.", "Write down why, or Esc to cancel.";
    ConsentExplained => "Vastgelegd in het gesprek met de ouders. Spatie: ja, nee, nog niet. Zonder toestemming wordt de coach niet over dit kind geraadpleegd en gaat er niets naar school.", "Recorded in the conversation with the parents. Space: yes, no, not yet. Without consent the coach is not consulted about this child and nothing goes to school.";
    ConsentCoachShort => "Coach", "Coach";
    ConsentSchoolShort => "School", "School";
    ConsentCoach => "Toestemming: coach raadplegen", "Consent: consult the coach";
    ConsentSchool => "Toestemming: warme overdracht school", "Consent: warm handover to school";
    ConsentSchoolBso => "Toestemming: informatie delen met school", "Consent: passing information to the school";
    Yes => "ja", "yes";
    No => "nee", "no";
    Unanswered => "open", "open";
    OutContinues => "blijft in de groep", "continues in the group";
    OutCareRoute => "passende zorg (verwijzing)", "fitting care route (referral)";
    OutHandover => "warme overdracht naar school", "warm handover to school";
    OutMeldcode => "melding Veilig Thuis", "report to Veilig Thuis";
    OutNoSuspicion => "geen vermoeden (afgesloten, vastgelegd)", "no suspicion (closed, recorded)";
    OutHelpOrganised => "hulp georganiseerd, geen melding", "help organised, no report";
    TrajectoryClosedErr => "Dit traject is afgesloten en blijft zoals het is.", "This trajectory is closed and stays as it is.";
    WithVeiligThuis => "Een eerder antwoord betekent een melding: beantwoord deze vraag samen met Veilig Thuis (0800-2000).", "An earlier answer means a report: answer this question together with Veilig Thuis (0800-2000).";
    OutOfOrder => "Afgevinkt voor een eerdere stap (mag, maar let op).", "Ticked before an earlier stage (allowed, but note it).";
    AnsweredOutOfOrder => "Buiten de volgorde beantwoord (een ouder of ingelezen traject):", "Answered out of order (an older or imported trajectory):";
    AllStagesDone => "klaar", "done";
    ReviewPassed => "evaluatiedatum verstreken", "review date passed";
    EndPassed => "verwacht einde verstreken", "expected end passed";
    ColPlan => "Stappenplan", "Step plan";
    ColPlanShort => "Plan", "Plan";
    ActContacts => "wie bel ik?", "who to call?";
    ActLink => "koppelen", "link";
    ActServeGroup => "voor deze groep", "this group";
    ActRemove => "verwijderen", "remove";
    ActLock => "vergrendelen / wisselen", "lock / switch user";
    ActPin => "pincode", "PIN";
    FormPin => "Pincode", "PIN";
    FieldPin => "Pincode", "PIN";
    FormSetPin => "Pincode instellen", "Set PIN";
    FieldNewPin => "Nieuwe pincode (leeg: geen)", "New PIN (empty: none)";
    FieldPinAgain => "Nog een keer", "Once more";
    ErrPinShape => "Een pincode is 4 tot 6 cijfers.", "A PIN is 4 to 6 digits.";
    ErrPinMismatch => "De twee pincodes verschillen.", "The two PINs differ.";
    ActHistory => "logboek", "audit trail";
    HistoryTitle => "Logboek", "Audit trail";
    NoHistory => "Nog niets vastgelegd.", "Nothing recorded yet.";
    ColDate => "Wanneer", "When";
    ColObserver => "Door", "By";
    ColAction => "Wat", "What";
    ColRecord => "Waaraan", "Record";
    LockedTitle => "Vergrendeld", "Locked";
    LockedHint => "Dit scherm is vergrendeld: er is geen kindgegeven te zien. Typ je naam, kies jezelf met Enter en typ je pincode als je er een hebt.", "This screen is locked: no child's data shows. Type your name, pick yourself with Enter and type your PIN if you have one.";
    EmergencyTitle => "Bij nood", "In an emergency";
    CtxLookup => "Wie bel ik? (zoeken)", "Who to call? (lookup)";
    StaffTitle => "Medewerkers", "Staff";
    ActStaff => "medewerkers", "staff";
    ColGroups => "Groepen", "Groups";
    ColPin => "Pincode", "PIN";
    FieldGroups => "Groepen (met komma's)", "Groups (commas between)";
    FormEditStaff => "Medewerker bewerken", "Edit staff member";
    ErrLastAdmin => "Er moet een beheerder blijven: maak eerst iemand anders beheerder.", "One admin must remain: make someone else admin first.";
    AllGroups => "alle", "all";
    CtxCard => "Contactkaart", "Contact card";
    LookupTitle => "Wie bel ik?", "Who to call?";
    LookupNew => "+ nieuw contact", "+ new contact";
    LookupNothing => "+ nieuw contact (niets gevonden)", "+ new contact (nothing found)";
    FormAddContact => "Contact toevoegen", "Add contact";
    FormEditContact => "Contact bewerken", "Edit contact";
    FieldRoleText => "Functie", "Role";
    FieldOrganisation => "Organisatie", "Organisation";
    FieldPhones => "Telefoon (label: nummer; ...)", "Phone (label: number; ...)";
    FieldEmail => "E-mail", "Email";
    FieldAvailability => "Bereikbaar", "Available";
    FieldArea => "Werkgebied", "Area";
    FieldTopics => "Onderwerpen (komma's)", "Topics (commas)";
    FieldWhenToCall => "Bel bij", "Call when";
    FieldHelp => "Advies of verwijzing", "Advice or referral";
    FieldConsentFirst => "Eerst toestemming ouders", "Parents' consent first";
    FieldVerified => "Gecontroleerd", "Checked";
    FieldNotes => "Notities", "Notes";
    HelpUnknown => "onbekend", "unknown";
    HelpAdvice => "alleen advies", "advice only";
    HelpReferral => "verwijzing", "referral";
    PinnedTag => "vast", "pinned";
    Phone => "Telefoon", "Phone";
    Topics => "Onderwerpen", "Topics";
    ErrPinnedNeedsNumber => "Een vaste kaart houdt een telefoonnummer: dit nummer lezen mensen in nood.", "A pinned card keeps a phone number: people read it in an emergency.";
    ErrAnonymous => "Zonder toestemming van de ouders blijft dit kind voor de coach anoniem.", "Without the parents' consent this child stays anonymous to the coach.";
    ErrPinned => "Een vaste kaart kan niet weg; een beheerder kan hem wel bewerken.", "A pinned card cannot be removed; an admin can edit it.";
    ErrNoChild => "Koppelen kan vanaf een kind: open eerst het kind.", "Linking works from a child: open the child first.";
    ErrNoGroup2 => "Open eerst een groep.", "Open a group first.";
    ErrBadPhone => "Schrijf telefoonnummers met cijfers, als label: nummer, gescheiden door ;", "Write phone numbers with digits, as label: number, separated by ;";
    ChildContacts => "Betrokken", "Involved";

    NoNote => "Geen notitie.", "No note.";
    CtxVisit => "Coachbezoek", "Coach visit";
    CtxCoaching => "Coaching per medewerker", "Coaching per staff member";
    ActVisit => "coachbezoek", "coach visit";
    ActFollowUp => "afspraak maken", "agree a follow-up";
    ActCloseVisit => "bezoek afsluiten", "close the visit";
    ActParentsView => "wat ouders zien", "parents' view";
    ActReport => "rapport", "report";
    ActCoaching => "coachadvies", "coaching";
    AdviceAbout => "Over", "About";
    AboutTheGroup => "de groep", "the group";
    AboutAChild => "een kind (niet meer in signaal)", "a child (no longer in signaal)";
    ActHandover => "overdracht school", "handover to school";
    FormHandover => "Overdracht naar school", "Handover to school";
    FormSchoolTalk => "Overleg met school (intern begeleider)", "Talk with the school (intern begeleider)";
    FieldSchool => "School", "School";
    FieldInterests => "Interesses", "Interests";
    FieldWhatHelps => "Wat helpt", "What helps";
    FieldWarmHandover => "Warme overdracht op", "Warm handover on";
    FieldSpokenWith => "Gesproken met", "Spoken with";
    FieldTalkOn => "Datum overleg", "Date of the talk";
    FieldTalkWith => "Met wie (intern begeleider)", "With whom (intern begeleider)";
    FieldTalkAgreed => "Besproken en afgesproken", "Discussed and agreed";
    ColToSchool => "Naar school", "To school";
    ColSchoolShort => "School", "School";
    HandoverTag => "overdracht", "handover";
    ToSchoolSoon => "ja", "yes";
    ChildHandover => "Overdracht", "Handover";
    ChildSchoolTalk => "Overleg school", "School talk";
    ChildWarm => "Warm gesproken", "Warm handover";
    ChildTalkOn => "Overleg op", "Talk on";
    HandoverNotWritten => "nog niet geschreven", "not written yet";
    HandoverWarmNotYet => "nog niet", "not yet";
    HandoverNoSchool => "nog geen school", "no school yet";
    HandoverPlanned => "gepland op", "planned on";
    HandoverNothingSaved => "Niets ingevuld: er is niets opgeslagen.", "Nothing filled in: nothing was saved.";
    ErrTalkBeforeBirth => "De datum van het overleg met school ligt vóór de geboortedatum.", "The date of the talk with the school lies before the birth date.";
    ErrHandoverTooFarAhead => "Die datum ligt meer dan een jaar vooruit: kies een datum binnen een jaar.", "That date lies more than a year ahead: pick a date within a year.";
    ErrHandoverBeforeBirth => "De datum van de overdracht ligt vóór de geboortedatum.", "The date of the handover lies before the birth date.";
    ActPromptedBy => "aanleiding", "prompted by";
    FieldPromptedBy => "Aanleiding", "Prompted by";
    FieldPromptNumbers => "Observaties (nummers)", "Observations (numbers)";
    FormPromptedBy => "Welke observaties waren de aanleiding?", "Which observations prompted it?";
    PromptsNone => "nog geen observatie genoemd", "no observation named yet";
    PromptsHowTo => "Typ de nummers, gescheiden door spaties; leeg: geen.", "Type the numbers, separated by spaces; empty: none.";
    ErrMeldcodeNoPrompts => "Een Meldcode-traject legt zijn signalen zelf vast, met hun datum: bij Signalen.", "A Meldcode trajectory records its signals itself, with their dates: under Signals.";
    GrowthTitle => "Coaching", "Coaching";
    NoCoaching => "Nog geen advies met deze medewerker.", "No advice with this staff member yet.";
    ColVisit => "Bezoek", "Visit";
    VisitTitle => "Coachbezoek", "Coach visit";
    VisitFollowUps => "Afspraken", "Follow-ups";
    VisitChildren => "Kinderen, wie eerst", "Children, most urgent first";
    VisitGroupSection => "Groep", "Group";
    VisitGroupRow => "De groep als geheel", "The group as a whole";
    VisitReadOnly => "alleen lezen", "read only";
    NoVisitYet => "nog geen coachbezoek", "no visit yet";
    NoVisitToShow => "Deze groep heeft nog geen coachbezoek gehad.", "This group has had no coach visit yet.";
    ReasonWaitingOnCoach => "wacht op coach", "waiting on coach";
    ReasonOverdue => "! evaluatie", "! review";
    ReasonWaitingOnCoachFull => "Wacht op de coach: een traject staat bij de stap van de coach.", "Waiting on the coach: a trajectory is at the coach's step.";
    ReasonOverdueFull => "Evaluatie of einddatum van een traject is voorbij.", "A trajectory's review date or end has passed.";
    NoPreviousVisit => "Eerste bezoek: nog niets om mee te vergelijken.", "First visit: nothing to compare with yet.";
    NothingChanged => "Niets veranderd sinds het vorige bezoek.", "Nothing changed since the previous visit.";
    ChangeNowOften => "Nu vaak", "Now often";
    ChangeStageDone => "Stap gedaan", "Stage done";
    ChangeStarted => "Traject gestart", "Trajectory started";
    ChangeClosed => "Traject afgesloten", "Trajectory closed";
    AdviceHeading => "Advies in dit bezoek", "Advice in this visit";
    FormAdvice => "Advies", "Advice";
    FieldAdvice => "Advies", "Advice";
    FieldCompetencies => "Competenties (cijfers)", "Competencies (digits)";
    FieldAdviceWith => "Met wie (namen)", "With whom (names)";
    ErrWithRequired => "Met wie was dit advies? Typ een of meer namen van de groep, met komma's.", "Whom was this advice for? Type one or more names of the group's staff, with commas.";
    ErrAdviceRequired => "Schrijf het advies, of Esc om af te breken.", "Write the advice, or Esc to cancel.";
    FormFollowUp => "Afspraak", "Follow-up";
    FieldFollowUp => "Wat is afgesproken", "What was agreed";
    FieldDue => "Klaar op", "Due";
    ErrFollowUpRequired => "Schrijf wat er is afgesproken, of Esc om af te breken.", "Write what was agreed, or Esc to cancel.";
    ErrPastDate => "Die datum ligt in het verleden.", "That date lies in the past.";
    FormCloseVisit => "Bezoek afsluiten", "Close the visit";
    FieldNextVisit => "Volgend bezoek", "Next visit";
    VisitClosedErr => "Dit bezoek is afgesloten en blijft zoals het is.", "This visit is closed and stays as it is.";
    SelectFollowUp => "Kies een afspraak om af te vinken.", "Select a follow-up to tick.";
    SelectWritten => "Kies een advies of een afspraak.", "Select an advice or a follow-up.";
    CompDevelopment => "ontwikkeling", "development";
    CompBehaviour => "opvallend gedrag", "noticeable behaviour";
    CompOutsideHelp => "hulp van buiten", "outside help";
    CompParents => "ouders", "parents";
    ColItems => "Items", "Items";
    ChildGuardians => "Ouders en verzorgers", "Parents and guardians";
    ChildNoGuardians => "Nog geen ouders of verzorgers vastgelegd.", "No parents or guardians recorded yet.";
    ChildConsent => "Toestemming ouders", "Parents' consent";
    ChildMentor => "Mentor", "Mentor";
    NoMentor => "geen mentor", "no mentor";
    HiddenWithoutConsent => "Niet zichtbaar zonder toestemming van de ouders.", "Not shown without the parents' consent.";
    Authority => "gezag", "authority";
    NoAuthority => "geen gezag", "no authority";
    ConsentCareTeam => "Toestemming: bespreken in het zorgteam", "Consent: discuss in the care team";
    ConsentCareTeamShort => "Zorgteam", "Care team";
    NotAsked => "nog niet gevraagd", "not asked yet";
    GivenByNobody => "(niet vastgelegd)", "(not recorded)";
    FormAddGuardian => "Ouder of verzorger toevoegen", "Add a parent or guardian";
    FormEditGuardian => "Ouder of verzorger wijzigen", "Change a parent or guardian";
    FormMentor => "Mentor van het kind", "The child's mentor";
    FormConsent => "Toestemming van de ouders", "The parents' consent";
    ConsentFormHint => "Links/rechts kiest. Gegeven door: een ouder of verzorger met gezag. Een gewijzigd antwoord wordt nu vastgelegd, op jouw naam.", "Left/right chooses. Given by: a parent or guardian with parental authority. A changed answer is recorded now, in your name.";
    FieldRelation => "Relatie (moeder, vader, ...)", "Relation (mother, father, ...)";
    FieldAuthority => "Gezag", "Parental authority";
    FieldMentor => "Mentor", "Mentor";
    FieldGivenBy => "  gegeven door", "  given by";
    ErrChildGone => "Dit kind staat niet meer in de database.", "This child is no longer in the database.";
    ErrNoGuardian => "Er is nog geen ouder of verzorger: voeg er eerst een toe.", "There is no parent or guardian yet: add one first.";
    ActAddGuardian => "ouder toevoegen", "add parent";
    ActEditGuardian => "ouder wijzigen", "change parent";
    ActRemoveGuardian => "ouder verwijderen", "remove parent";
    ActMentor => "mentor kiezen", "set mentor";
    ActConsent => "toestemming", "consent";
    ActSafeguardingLead => "aandachtsfunctionaris", "safeguarding lead";
    ActPurge => "bewaartermijn voorbij: verwijderen", "past retention: remove";
    LeadTag => "AF", "AF";
    LeadTagExplained => "AF = aandachtsfunctionaris", "AF = safeguarding lead (aandachtsfunctionaris)";
    FieldStaffPhone => "Telefoon (leeg: geen)", "Phone (empty: none)";
    LeadLabel => "Aandachtsfunctionaris", "Safeguarding lead";
    NoLeadNotice => "Er is geen aandachtsfunctionaris aangewezen: stel er een in op het personeelsscherm.", "No safeguarding lead (aandachtsfunctionaris) has been appointed: set one on the staff screen.";
    FormConsentGiver => "Wie gaf dit antwoord? (een ouder of verzorger met gezag)", "Who gave this answer? (a parent or guardian with parental authority)";
    ErrConsentGiverRequired => "Kies wie de toestemming gaf: een ouder of verzorger met gezag. Staat die er nog niet bij, voeg hem of haar dan eerst toe (a op het scherm van het kind); daar legt t de toestemming vast.", "Choose who gave the consent: a parent or guardian with parental authority. If they are not listed yet, add them first (a on the child's screen); t there records the consent.";
    ErrCoachAsLead => "Een jeugdhulpcoach komt van buiten en kan geen aandachtsfunctionaris zijn.", "A youth-care coach comes from outside and cannot be the safeguarding lead.";
    ErrLeadLine => "Deze regel komt van het personeelsscherm: daar stelt een beheerder de aandachtsfunctionaris en het nummer in.", "This line comes from the staff screen: an admin sets the safeguarding lead and number there.";
    NothingPastRetention => "Geen gearchiveerde kinderen voorbij de bewaartermijn.", "No archived children past their retention term.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_mark_is_singular_in_both_languages() {
        assert_eq!(Lang::Nl.mark_count(1, 0), "1 markering, 0 vaak");
        assert_eq!(Lang::En.mark_count(1, 1), "1 mark, 1 often");
        assert_eq!(Lang::Nl.mark_count(12, 3), "12 markeringen, 3 vaak");
        assert_eq!(Lang::En.mark_count(2, 0), "2 marks, 0 often");
    }

    #[test]
    fn key_names_are_dutch_in_dutch_and_as_they_were_in_english() {
        let label = |lang: Lang, key: &str| lang.key(Key::parse(key).unwrap());
        for (key, nl, en) in [
            ("Up", "Omhoog", "Up"),
            ("Down", "Omlaag", "Down"),
            ("Space", "Spatie", "Space"),
            ("PageUp", "PgUp", "PageUp"),
            ("PageDown", "PgDn", "PageDown"),
            ("Enter", "Enter", "Enter"),
            ("Esc", "Esc", "Esc"),
            ("Shift-Tab", "Shift-Tab", "Shift-Tab"),
            ("Ctrl-l", "Ctrl-L", "Ctrl-L"),
            ("Alt-Left", "Alt-Links", "Alt-Left"),
            ("k", "k", "k"),
            ("F1", "F1", "F1"),
        ] {
            assert_eq!(label(Lang::Nl, key), nl, "{key}");
            assert_eq!(label(Lang::En, key), en, "{key}");
            assert_eq!(Key::parse(key).unwrap().to_string(), en, "{key}");
        }
    }

    #[test]
    fn lang_from_env() {
        assert_eq!(Lang::from_env_value(Some("nl_NL.UTF-8")), Lang::Nl);
        assert_eq!(Lang::from_env_value(Some("en_GB.UTF-8")), Lang::En);
        assert_eq!(Lang::from_env_value(Some("C.UTF-8")), Lang::En);
        assert_eq!(Lang::from_env_value(None), Lang::En);
    }

    #[test]
    fn every_text_is_filled_in_both_languages() {
        for text in T::ALL {
            assert!(!text.in_lang(Lang::Nl).trim().is_empty(), "{text:?} nl");
            assert!(!text.in_lang(Lang::En).trim().is_empty(), "{text:?} en");
        }
        for action in Action::ALL {
            assert_ne!(
                Lang::Nl.action(action),
                Lang::En.action(action),
                "{action:?}"
            );
        }
    }

    #[test]
    fn ages_read_naturally() {
        let age = Some(Age {
            years: 2,
            months: 3,
        });
        assert_eq!(Lang::Nl.age(age), "2 jr 3 mnd");
        assert_eq!(Lang::En.age(age), "2 y 3 m");
    }
}
