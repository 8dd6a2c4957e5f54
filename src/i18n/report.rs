//! The words of `signaal report`: a document that parents read, so the wording is plain and kind.
//! It speaks of what staff saw, never of what a child "has" (DOMAIN.md: no labels). The
//! care-team overview (`report --care-team`) is for professionals and says things plainly.

use chrono::{Datelike, NaiveDate};

use super::Lang;
use crate::domain::child::Age;
use crate::domain::form::{ChangeKind, Mark};
use crate::domain::plan::Outcome;

super::texts! {
    enum R;
    Intro => "Dit overzicht laat zien wat de pedagogisch medewerkers in de groep hebben gezien. Het is geen diagnose of oordeel, maar een begin van het gesprek: uw kijk op uw kind hoort erbij.", "This overview shows what the staff of the group have seen. It is not a diagnosis or a judgement but a start for the conversation: your view of your child belongs in it too.";
    Scale => "Bij elk punt staat hoe vaak het in de groep gezien is: soms of vaak. Wat niet genoemd wordt, is deze keer niet aangekruist.", "Each point says how often it was seen in the group: sometimes or often. What is not mentioned was not marked this time.";
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
    NotMarked => "deze keer niet aangekruist", "not marked this time";
    Attention => "aandachtspunt", "point of attention";
    Note => "Notitie", "Note";
    NothingMarked => "Bij deze observatie is niets aangekruist.", "Nothing was ticked at this observation.";
    NoEarlier => "Er is nog geen eerdere observatie om mee te vergelijken.", "There is no earlier observation to compare with yet.";
    NoEarlierOnForm => "Er is nog geen eerdere observatie met dit formulier om mee te vergelijken.", "There is no earlier observation with this form to compare with yet.";
    NoChanges => "Er is niets veranderd: alles is gezien zoals de vorige keer.", "Nothing changed: everything was seen as it was last time.";
    NotObserved => "Dit kind is nog niet geobserveerd.", "This child has not been observed yet.";
    Unknown => "onbekend", "unknown";
    Archived => "heeft de opvang verlaten", "has left the group";
    PlansTitle => "Stappenplan", "Step plan";
    PlansIntro => "Als een kind iets extra's vraagt van de groep, zetten we samen met u de stappen van een stappenplan. Hieronder staat wat we hebben afgesproken en welke stappen al gezet zijn.", "When a child asks something extra of the group, we take the steps of a step plan together with you. Below is what we agreed on and which steps have been taken.";
    Question => "Vraag van het kind", "The child's question";
    ColSignals => "Signalen", "Signals";
    Goals => "Doelen", "Goals";
    Actions => "Wat we doen", "What we do";
    Started => "Gestart", "Started";
    ExpectedEnd => "Verwacht einde", "Expected end";
    Now => "Waar we nu staan", "Where we are now";
    StepsTaken => "Gezette stappen", "Steps taken";
    NoStepsYet => "Er is nog geen stap afgerond.", "No step has been completed yet.";
    NotTakenYet => "nog niet gezet", "not taken yet";
    AllStepsDone => "alle stappen zijn gezet", "all steps have been taken";
    ContinuesInGroup => "uw kind gaat verder in de groep, met de aanpak die we samen hebben gevonden", "your child carries on in the group, with the approach we found together";
    CareRoute => "we hebben samen passende hulp gezocht buiten de groep", "together we found fitting help outside the group";
    WarmHandover => "de school is met uw toestemming bij de overstap betrokken (warme overdracht)", "with your consent, the school was involved in the move (warm handover)";
    CareTeamNone => "Er zijn geen open trajecten.", "There are no open trajectories.";
    ColChild => "Kind", "Child";
    ColPlan => "Plan", "Plan";
    ColStage => "Stap", "Stage";
    ColReview => "Evaluatie", "Review";
    ColDaysOpen => "Dagen open", "Days open";
    ColOverdue => "Te laat", "Overdue";
    StageDone => "klaar", "done";
    OverdueReview => "evaluatie", "review";
    OverdueEnd => "einde", "end";
    OverdueTitle => "Te laat", "Overdue";
    Left => "vertrokken", "left";
    Mentor => "Mentor", "Mentor";
    NoMentor => "nog niet gekozen", "not chosen yet";
    Guardians => "Ouders en verzorgers", "Parents and carers";
    ParentsViewTitle => "Wat ouders zien", "What the parents see";
    ParentsViewEmpty => "Hier is nog niets opgeschreven. Wat ziet u thuis?", "Nothing has been written here yet. What do you see at home?";
    AgreeTitle => "Wat we samen afspreken", "What we agree on together";
    AgreeIntro => "Wat we in de groep doen en wat u thuis kunt doen. Op de lege regels schrijven we samen op wat we vandaag afspreken.", "What we do in the group and what you can do at home. On the empty lines we write down together what we agree on today.";
    SignTitle => "Datum en handtekeningen", "Date and signatures";
    Guardian => "Ouder of verzorger", "Parent or carer";
    MentorRole => "mentor", "mentor";
    StaffMember => "Pedagogisch medewerker", "Childcare worker";
    ColConsent => "Toestemming", "Consent";
    ColActions => "Wat we doen", "What is being done";
    ColCoach => "Coach", "Coach";
    ColAskedBy => "Gevraagd door", "Asked by";
    ColCoordinates => "Wie coördineert", "Coordinated by";
    ColQuestions => "Afwegingsvragen", "Questions answered";
    ReportFollows => "melden", "report";
    ColVeiligThuisConsulted => "Veilig Thuis geraadpleegd", "Veilig Thuis consulted";
    ColDecision => "Besluit", "Decision";
    ColReportedOn => "Gemeld op", "Reported on";
    StartedTitle => "Gestart", "Started";
    ClosedTitle => "Afgesloten", "Closed";
    NoneThisMonth => "Geen.", "None.";
    ByStaffTitle => "Per medewerker: de kinderen die zij inbrengen", "Per staff member: the children they bring";
    NameLeftOut => "[naam]", "[name]";
    HandoverSchoolIntro => "Dit overdrachtsdocument is met de ouders besproken en gaat met hun toestemming naar de school.", "This handover document was discussed with the parents and goes to the school with their consent.";
    HandoverParentsIntro => "Dit is wat wij de school willen vertellen over uw kind. Klopt er iets niet of wilt u iets toevoegen, zeg het ons: pas met uw toestemming gaat het naar de school.", "This is what we would like to tell the school about your child. If something is not right or you want to add something, tell us: it goes to the school only with your consent.";
    HandoverSchoolIntroBso => "Dit is het verslag van ons overleg met de intern begeleider van de school over dit kind. Het gaat met toestemming van de ouders naar de school.", "This is the record of our talk with the school's intern begeleider (the special needs coordinator) about this child. It goes to the school with the parents' consent.";
    HandoverParentsIntroBso => "Dit is het verslag van ons overleg met de intern begeleider van de school over uw kind. Klopt er iets niet of wilt u iets toevoegen, zeg het ons: pas met uw toestemming gaat het naar de school.", "This is the record of our talk with the intern begeleider (the special needs coordinator) of your child's school. If something is not right or you want to add something, tell us: it goes to the school only with your consent.";
    HandoverNone => "Er is nog geen overdracht naar de basisschool voor uw kind geschreven. Zodra die er is, lezen en bespreken we hem eerst met u.", "No handover to primary school has been written for your child yet. Once there is one, we read and discuss it with you first.";
    HandoverNoneBso => "Er is nog geen overleg met de school van uw kind vastgelegd.", "No talk with your child's school has been recorded yet.";
    HandoverDossierTitle => "Overdracht naar de basisschool", "Handover to primary school";
    HandoverDossierTitleBso => "Overleg met school (intern begeleider)", "Talk with the school (intern begeleider)";
    SchoolPlanTitle => "Extra ondersteuning in de groep", "Extra support in the group";
    SchoolPlanIntro => "In de groep loopt voor dit kind een plan voor extra ondersteuning. Dit is de vraag van het kind, wat we willen bereiken en wat we daarvoor doen.", "In the group, this child has a plan for extra support: the child's question, what we aim for and what we do for it.";
    HandoverSchool => "School", "School";
    HandoverDevelopment => "Ontwikkeling", "Development";
    HandoverInterests => "Interesses", "Interests";
    HandoverWhatHelps => "Wat helpt", "What helps";
    HandoverParentsView => "De kijk van de ouders", "The parents' view";
    HandoverWarm => "Warme overdracht", "Warm handover";
    HandoverSpokenWith => "gesproken met", "spoken with";
    HandoverNotYet => "nog niet", "not yet";
    HandoverTalkAgreed => "Besproken en afgesproken", "Discussed and agreed";
    HandoverTalkOn => "Overleg met school", "Talk with the school";
    DossierIntro => "Dit is alles wat wij in signaal over uw kind hebben vastgelegd en wat u mag inzien (uw recht op inzage). Klopt er iets niet, zeg het ons: dan passen we het aan of schrijven we uw kijk erbij.", "This is everything we recorded about your child in signaal that you may see (your right of access). If something is not right, tell us: we will correct it or add your view.";
    NoneRecorded => "Niets vastgelegd.", "Nothing recorded.";
    Authority => "gezag", "parental authority";
    Phone => "telefoon", "phone";
    Email => "E-mail", "Email";
    ConsentTitle => "Toestemming", "Consent";
    ConsentToCoach => "De coach raadplegen over uw kind, bij naam", "Consulting the coach about your child, by name";
    ConsentToCareTeam => "Uw kind bij naam bespreken in het zorgoverleg", "Discussing your child by name in the care-team meeting";
    ConsentToSchool => "Informatie doorgeven aan de school", "Passing information to the school";
    UnknownForm => "Dit formulier kent deze database niet meer; wat erop staat, kunnen we u op papier laten zien.", "This database no longer knows this form; we can show you what is on it on paper.";
    AuditTitle => "Wijzigingen", "Changes";
    AuditIntro => "Wie wanneer iets over uw kind vastlegde of veranderde (datum, tijd, wie, wat).", "Who recorded or changed something about your child, and when (date, time, who, what).";
    ChildRecord => "De gegevens van uw kind", "Your child's details";
    ConsentYes => "ja", "yes";
    ConsentNo => "nee", "no";
    ConsentNotAsked => "niet gevraagd", "not asked";
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

    /// "stap 4 van 8 (Advies coach)".
    pub fn report_plan_now(self, number: usize, of: usize, title: &str) -> String {
        self.pick(
            format!("stap {number} van {of} ({title})"),
            format!("step {number} of {of} ({title})"),
        )
    }

    /// "Stap 3", "Step 3".
    pub fn report_step(self, number: usize) -> String {
        self.pick(format!("Stap {number}"), format!("Step {number}"))
    }

    /// How a trajectory ended, for parents. A Meldcode outcome is not named (the report for
    /// parents says nothing about the Meldcode), only the date.
    pub fn report_closed(self, date: NaiveDate, outcome: Outcome) -> String {
        let date = self.date(date);
        let how = match outcome {
            Outcome::ContinuesInGroup => Some(R::ContinuesInGroup),
            Outcome::CareRoute => Some(R::CareRoute),
            Outcome::WarmHandover => Some(R::WarmHandover),
            Outcome::MeldcodeReport | Outcome::NoSuspicion | Outcome::HelpOrganised => None,
        };
        match how.map(|r| self.report(r)) {
            Some(how) => self.pick(
                format!("Afgesloten op {date}: {how}"),
                format!("Closed on {date}: {how}"),
            ),
            None => self.pick(format!("Afgesloten op {date}"), format!("Closed on {date}")),
        }
    }

    /// The heading of one trajectory: the plan's name and when it started.
    pub fn report_plan_heading(self, plan: &str, started: NaiveDate) -> String {
        let date = self.date(started);
        self.pick(
            format!("{plan} (gestart op {date})"),
            format!("{plan} (started on {date})"),
        )
    }

    /// `report --month` with a month still to come (`month`, its first day), on `today`: the
    /// report looks back. The English text is the one signaal always wrote.
    pub fn month_to_come(self, month: NaiveDate, today: NaiveDate) -> String {
        let (month, now) = (month.format("%Y-%m"), today.format("%Y-%m"));
        self.pick(
            format!(
                "\"{month}\" moet nog komen; het overzicht kijkt terug, dus noem deze maand ({now}) \
                 of een eerdere"
            ),
            format!(
                "\"{month}\" is still to come; the report looks back, so name this month ({now}) or \
                 an earlier one"
            ),
        )
    }

    /// `report --handover CHILD` (for the school) of child `id` named `name` that has no
    /// handover yet.
    pub fn handover_not_written(self, id: crate::domain::Id, name: &str) -> String {
        self.pick(
            format!(
                "kind {id} ({name}) heeft nog geen overdracht naar school: schrijf die eerst met s \
                 op het scherm van het kind in signaal"
            ),
            format!(
                "child {id} ({name}) has no handover to school yet: write it first with s on the \
                 child's screen in signaal"
            ),
        )
    }

    /// `report --handover CHILD` (for the school) of a handover that names no school.
    pub fn handover_without_school(self, id: crate::domain::Id, name: &str) -> String {
        self.pick(
            format!(
                "de overdracht van kind {id} ({name}) noemt geen school: vul eerst de school in met \
                 s op het scherm van het kind in signaal"
            ),
            format!(
                "the handover of child {id} ({name}) names no school: fill in the school first \
                 with s on the child's screen in signaal"
            ),
        )
    }

    /// `report --handover CHILD` (for the school) of child `id` whose parents did not consent
    /// to passing information to the school.
    pub fn handover_without_consent(self, id: crate::domain::Id, name: &str) -> String {
        self.pick(
            format!(
                "de ouders van kind {id} ({name}) hebben geen toestemming gegeven om informatie \
                 aan de school door te geven (consent.school is niet ja), dus de overdracht voor \
                 de school is niet geschreven; --for-parents schrijft die voor hen"
            ),
            format!(
                "the parents of child {id} ({name}) have not consented to passing information to \
                 the school (consent.school is not yes), so the handover for the school is not \
                 written; --for-parents writes it for them"
            ),
        )
    }

    /// The aandachtsfunctionaris' overview: the open Meldcode trajectories, confidential.
    pub fn meldcode_title(self, day: NaiveDate) -> String {
        let day = self.date(day);
        self.pick(
            format!("Meldcode: open trajecten op {day} (vertrouwelijk)"),
            format!("Meldcode: open trajectories on {day} (confidential)"),
        )
    }

    pub fn care_team_title(self, day: NaiveDate) -> String {
        let day = self.date(day);
        self.pick(
            format!("Zorgoverleg: open trajecten op {day}"),
            format!("Care-team meeting: open trajectories on {day}"),
        )
    }

    /// "3 open trajecten, waarvan 1 te laat."
    pub fn care_team_count(self, open: usize, overdue: usize) -> String {
        let nl = match open {
            1 => "1 open traject".to_string(),
            n => format!("{n} open trajecten"),
        };
        let en = match open {
            1 => "1 open trajectory".to_string(),
            n => format!("{n} open trajectories"),
        };
        match overdue {
            0 => self.pick(
                format!("{nl}, geen te laat."),
                format!("{en}, none overdue."),
            ),
            k => self.pick(
                format!("{nl}, waarvan {k} te laat."),
                format!("{en}, {k} overdue."),
            ),
        }
    }

    /// The heading of what started and closed in the month of `first`: "Gestart en afgesloten in
    /// september 2026", "Started and closed in September 2026".
    pub fn care_team_month_title(self, first: NaiveDate) -> String {
        const NL: [&str; 12] = [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let (month, year) = (first.month0() as usize, first.year());
        self.pick(
            format!("Gestart en afgesloten in {} {year}", NL[month]),
            format!("Started and closed in {} {year}", EN[month]),
        )
    }

    /// A trajectory started this month: "gestart 03-09-2026, gevraagd door Sandra Martens".
    pub fn care_team_started(self, date: NaiveDate, by: &str) -> String {
        let date = self.date(date);
        self.pick(
            format!("gestart {date}, gevraagd door {by}"),
            format!("started {date}, asked by {by}"),
        )
    }

    /// A trajectory closed this month: "afgesloten 18-09-2026: blijft in de groep, na 52 dagen".
    pub fn care_team_closed(self, date: NaiveDate, outcome: Outcome, days: i64) -> String {
        let (date, outcome) = (self.date(date), self.outcome(outcome));
        let (nl, en) = match days {
            1 => ("dag", "day"),
            _ => ("dagen", "days"),
        };
        self.pick(
            format!("afgesloten {date}: {outcome}, na {days} {nl}"),
            format!("closed {date}: {outcome}, after {days} {en}"),
        )
    }

    /// A child the care-team report may not name: "Kind A (2 jr 3 mnd)", "Child B (1 y 0 m)".
    /// `index` counts from 0 in the order of the report; after Z come AA, AB, ...
    pub fn care_team_alias(self, index: usize, age: &str) -> String {
        let mut letters = Vec::new();
        let mut n = index + 1;
        while n > 0 {
            n -= 1;
            letters.push(char::from(b'A' + (n % 26) as u8));
            n /= 26;
        }
        let letters: String = letters.into_iter().rev().collect();
        self.pick(
            format!("Kind {letters} ({age})"),
            format!("Child {letters} ({age})"),
        )
    }

    /// Where the parents' view of an observation talk came from: "Observatiegesprek van 02-11-2026".
    pub fn report_observation_talk(self, date: NaiveDate) -> String {
        let date = self.date(date);
        self.pick(
            format!("Observatiegesprek van {date}"),
            format!("Observation talk of {date}"),
        )
    }

    /// The handover's title: "Zoë de Vries: overdracht naar de basisschool".
    pub fn handover_title(self, name: &str, bso: bool) -> String {
        match bso {
            true => self.pick(
                format!("{name}: overleg met school"),
                format!("{name}: talk with the school"),
            ),
            false => self.pick(
                format!("{name}: overdracht naar de basisschool"),
                format!("{name}: handover to primary school"),
            ),
        }
    }

    /// The dossier's title: "Zoë de Vries: dossier voor de ouders".
    pub fn dossier_title(self, name: &str) -> String {
        self.pick(
            format!("{name}: dossier voor de ouders"),
            format!("{name}: file for the parents"),
        )
    }

    /// A consent answer for the parents: "ja, op 01-09-2026, gegeven door ..., vastgelegd door
    /// ..." or "niet gevraagd".
    pub fn dossier_consent(self, given: Option<&crate::domain::Given>) -> String {
        let Some(given) = given else {
            return self.report(R::ConsentNotAsked).to_string();
        };
        let answer = self.report(match given.answer {
            crate::domain::ConsentAnswer::Yes => R::ConsentYes,
            crate::domain::ConsentAnswer::No => R::ConsentNo,
        });
        let date = self.date(given.at.date_naive());
        let by = given.by.trim();
        match given.given_by.trim() {
            "" => self.pick(
                format!("{answer}, op {date}, vastgelegd door {by}"),
                format!("{answer}, on {date}, recorded by {by}"),
            ),
            from => self.pick(
                format!("{answer}, op {date}, gegeven door {from}, vastgelegd door {by}"),
                format!("{answer}, on {date}, given by {from}, recorded by {by}"),
            ),
        }
    }

    /// An observation named in the dossier's audit entries: "Observatie van 02-10-2026".
    pub fn dossier_observation_of(self, date: NaiveDate) -> String {
        let date = self.date(date);
        self.pick(
            format!("Observatie van {date}"),
            format!("Observation of {date}"),
        )
    }

    /// An audit entry's action in words for the parents ("child.edit": "gegevens gewijzigd");
    /// an action this version has no words for keeps its name.
    pub fn dossier_action(self, action: &str) -> String {
        use crate::domain::AuditAction as A;
        let (nl, en) = match A::parse(action) {
            Some(A::ChildAdd) => ("ingeschreven", "enrolled"),
            Some(A::ChildEdit) => ("gegevens gewijzigd", "details changed"),
            Some(A::ChildContacts) => ("contactpersonen gewijzigd", "contacts changed"),
            Some(A::ChildArchive) => ("vertrokken", "left"),
            Some(A::ChildRestore) => ("teruggezet", "brought back"),
            Some(A::ChildGuardians) => (
                "ouders en verzorgers bijgewerkt",
                "parents and guardians updated",
            ),
            Some(A::ChildMentor) => ("mentor gekozen", "mentor chosen"),
            Some(A::ChildConsent) => ("toestemming vastgelegd", "consent recorded"),
            // A mark set, changed or taken away: the entry does not say which.
            Some(A::ObservationMark) => ("markering bijgewerkt", "mark updated"),
            Some(A::ObservationNote) => ("notitie geschreven", "note written"),
            Some(A::TrajectoryStart) => ("stappenplan gestart", "step plan started"),
            Some(A::TrajectoryAnswer) => ("vraag beantwoord", "question answered"),
            Some(A::TrajectoryConsent) => ("toestemming vastgelegd", "consent recorded"),
            Some(A::TrajectoryStage | A::TrajectoryStageWithoutConsent) => {
                ("stap bijgewerkt", "step updated")
            }
            Some(A::TrajectoryNote) => ("notitie bij een stap", "note on a step"),
            Some(A::TrajectoryEdit) => ("stappenplan gewijzigd", "step plan changed"),
            Some(A::TrajectoryClose) => ("stappenplan afgesloten", "step plan closed"),
            Some(A::HandoverSave) => (
                "overdracht naar school bijgewerkt",
                "handover to school updated",
            ),
            _ => return action.to_string(),
        };
        self.pick(nl.to_string(), en.to_string())
    }

    /// One observation's heading in the dossier.
    pub fn dossier_observation(self, date: NaiveDate, form: &str, by: &str) -> String {
        let date = self.date(date);
        self.pick(
            format!("Observatie van {date} ({form}, door {by})"),
            format!("Observation of {date} ({form}, by {by})"),
        )
    }

    /// "8/8 klaar" or "4/8 Advies coach".
    pub fn care_team_stage(self, number: usize, of: usize, title: Option<&str>) -> String {
        let title = title.unwrap_or(self.report(R::StageDone));
        format!("{number}/{of} {title}")
    }

    /// What is late about one trajectory: each date that has passed.
    pub fn care_team_late(self, review: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
        let review = review.map(|d| {
            let d = self.date(d);
            self.pick(
                format!("evaluatie was gepland op {d}"),
                format!("the review was due on {d}"),
            )
        });
        let end = end.map(|d| {
            let d = self.date(d);
            self.pick(
                format!("verwacht einde {d} is voorbij"),
                format!("the expected end {d} has passed"),
            )
        });
        [review, end]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// How an item changed, after its text: "nu vaak (was soms)"; a strength that was not
    /// marked this time (`ChangeKind::not_marked_this_time`) says so, not that it is gone:
    /// "deze keer niet aangekruist (was vaak)".
    pub fn report_change(self, kind: ChangeKind, not_marked_this_time: bool) -> String {
        if let (ChangeKind::Disappeared(before), true) = (kind, not_marked_this_time) {
            let (now, before) = (self.report(R::NotMarked), self.report_mark(Some(before)));
            return self.pick(
                format!("{now} (was {before})"),
                format!("{now} (was {before})"),
            );
        }
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
    fn care_team_aliases_count_in_letters() {
        assert_eq!(
            Lang::Nl.care_team_alias(0, "2 jr 3 mnd"),
            "Kind A (2 jr 3 mnd)"
        );
        assert_eq!(Lang::En.care_team_alias(1, "1 y 0 m"), "Child B (1 y 0 m)");
        assert_eq!(Lang::En.care_team_alias(25, "x"), "Child Z (x)");
        assert_eq!(Lang::En.care_team_alias(26, "x"), "Child AA (x)");
        assert_eq!(Lang::En.care_team_alias(27, "x"), "Child AB (x)");
    }

    #[test]
    fn care_team_counts_and_stages_read_naturally() {
        assert_eq!(
            Lang::Nl.care_team_count(1, 0),
            "1 open traject, geen te laat."
        );
        assert_eq!(
            Lang::Nl.care_team_count(9, 2),
            "9 open trajecten, waarvan 2 te laat."
        );
        assert_eq!(
            Lang::En.care_team_count(1, 1),
            "1 open trajectory, 1 overdue."
        );
        assert_eq!(
            Lang::Nl.care_team_stage(4, 8, Some("Advies coach")),
            "4/8 Advies coach"
        );
        assert_eq!(Lang::Nl.care_team_stage(8, 8, None), "8/8 klaar");
        assert_eq!(Lang::En.care_team_stage(8, 8, None), "8/8 done");
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(
            Lang::Nl.care_team_title(day),
            "Zorgoverleg: open trajecten op 30-11-2026"
        );
        assert_eq!(
            Lang::En.care_team_title(day),
            "Care-team meeting: open trajectories on 2026-11-30"
        );
        assert_eq!(
            Lang::En.care_team_late(Some(day), Some(day)),
            "the review was due on 2026-11-30; the expected end 2026-11-30 has passed"
        );
    }

    #[test]
    fn outcomes_for_parents_are_kind_and_keep_the_meldcode_out() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        for outcome in Outcome::ALL {
            for lang in [Lang::Nl, Lang::En] {
                let text = lang.report_closed(day, outcome).to_lowercase();
                assert!(
                    !text.contains("meld") && !text.contains("veilig thuis"),
                    "{text}"
                );
            }
        }
        assert_eq!(
            Lang::Nl.report_closed(day, Outcome::CareRoute),
            "Afgesloten op 30-11-2026: we hebben samen passende hulp gezocht buiten de groep"
        );
    }

    #[test]
    fn changes_read_as_now_and_before() {
        let changed = ChangeKind::Changed {
            from: Mark::Sometimes,
            to: Mark::Often,
        };
        assert_eq!(Lang::Nl.report_change(changed, false), "nu vaak (was soms)");
        assert_eq!(
            Lang::En.report_change(ChangeKind::Appeared(Mark::Sometimes), false),
            "now sometimes (was not seen)"
        );
        assert_eq!(
            Lang::Nl.report_change(ChangeKind::Disappeared(Mark::Often), false),
            "nu niet gezien (was vaak)"
        );
        // A strength not marked this time is not a loss.
        assert_eq!(
            Lang::Nl.report_change(ChangeKind::Disappeared(Mark::Often), true),
            "deze keer niet aangekruist (was vaak)"
        );
        assert_eq!(
            Lang::En.report_change(ChangeKind::Disappeared(Mark::Sometimes), true),
            "not marked this time (was sometimes)"
        );
    }
}
