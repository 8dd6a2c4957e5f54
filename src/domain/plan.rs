//! Step plans: a plan template (the early-signalling plan, the Meldcode's five steps) and a
//! trajectory, one support question of one child worked through the template's stages.
//!
//! The stored trajectory has the shape of the export contract (DESIGN.md: `trajectories[]` with
//! `id`, `child_id`, `template`, `started`, `stages[]` of `stage`, `done`, `by`, `at`, `note`), so
//! the store and the export share one type. Plain types and rules only; the built-in plans live
//! in `crate::templates`.

use chrono::{DateTime, FixedOffset, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::form::Text;
use super::{Id, Invalid};

/// A step plan. `id` and `version` name one fixed wording; a trajectory keeps the version it was
/// started with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanTemplate {
    pub id: String,
    pub version: u32,
    pub name: Text,
    pub stages: Vec<StageTemplate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageTemplate {
    /// Stable within the plan: trajectories refer to it.
    pub id: String,
    pub title: Text,
    /// What to do in this stage, shown with the selected stage.
    pub help: Text,
    #[serde(default)]
    pub kind: StageKind,
    /// Questions answered yes or no in this stage (the afwegingskader's on the deciding steps).
    #[serde(default)]
    pub questions: Vec<Question>,
}

/// What a stage records besides being done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageKind {
    #[default]
    Plain,
    /// The conversation with the parents: records their consent to consulting the coach and to a
    /// warm handover to school.
    Parents,
    /// Asking the coach's advice about the child: needs the parents' consent first.
    Coach,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: Text,
    /// What follows from answering yes, and from answering no.
    pub yes: Consequence,
    pub no: Consequence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consequence {
    pub text: Text,
    /// This answer means a report to Veilig Thuis follows.
    #[serde(default)]
    pub report: bool,
    /// This answer ends the questions: none after it is answered (the afwegingskader's "no
    /// suspicion": close and record).
    #[serde(default)]
    pub ends: bool,
}

impl PlanTemplate {
    pub fn stage(&self, id: &str) -> Option<&StageTemplate> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// The plan's questions in the order they are asked, across its stages.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.stages.iter().flat_map(|s| &s.questions)
    }

    /// The 1-based number of the question with this id in the plan's order ("vraag 3").
    pub fn question_number(&self, id: &str) -> Option<usize> {
        self.questions().position(|q| q.id == id).map(|i| i + 1)
    }

    /// The question with this id and the stage it is asked in.
    pub fn question(&self, id: &str) -> Option<(&StageTemplate, &Question)> {
        self.stages
            .iter()
            .flat_map(|s| s.questions.iter().map(move |q| (s, q)))
            .find(|(_, q)| q.id == id)
    }
}

/// Whether a trajectory of the plan `template` (its id) names the observations that prompted
/// it: every plan's but the Meldcode's (see [`Trajectory::takes_prompts`]).
pub fn takes_prompts(template: &str) -> bool {
    !super::access::is_meldcode_plan(template)
}

/// A yes/no field after Space: yes, then no, then open (unanswered) again.
pub fn next_yes_no(current: Option<bool>) -> Option<bool> {
    match current {
        None => Some(true),
        Some(true) => Some(false),
        Some(false) => None,
    }
}

/// How far after today a review or an expected end may lie: two years. Support is reviewed
/// monthly and planned for months, not decades; a date further ahead is a typing error (2099).
pub const AHEAD_MAX: Months = Months::new(24);

/// A date of a trajectory, each with its own rule ([`Trajectory::check_date`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateField {
    Started,
    ExpectedEnd,
    Review,
    /// `meldcode.veilig_thuis_consulted`.
    VeiligThuisConsulted,
    /// `meldcode.reported_on`.
    ReportedOn,
    /// `closed.date`.
    Closed,
}

impl DateField {
    pub const ALL: [DateField; 6] = [
        DateField::Started,
        DateField::ExpectedEnd,
        DateField::Review,
        DateField::VeiligThuisConsulted,
        DateField::ReportedOn,
        DateField::Closed,
    ];

    /// The field as the export names it, for `import` and `check`.
    pub fn name(self) -> &'static str {
        match self {
            DateField::Started => "started",
            DateField::ExpectedEnd => "expected_end",
            DateField::Review => "review",
            DateField::VeiligThuisConsulted => "meldcode.veilig_thuis_consulted",
            DateField::ReportedOn => "meldcode.reported_on",
            DateField::Closed => "closed.date",
        }
    }

    /// A date planned ahead (review, expected end), not of something that happened.
    fn planned(self) -> bool {
        matches!(self, DateField::ExpectedEnd | DateField::Review)
    }
}

/// One support question of one child, worked through a plan's stages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trajectory {
    pub id: Id,
    pub child_id: Id,
    /// The plan's id; `version` is the version it had when the trajectory started.
    pub template: String,
    pub version: u32,
    pub started: NaiveDate,
    /// Who started the trajectory.
    pub by: String,
    /// The child's question: "welke vraag heeft dit kind?"
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub goals: String,
    /// The actions and who does what.
    #[serde(default)]
    pub actions: String,
    /// What the parents see of this trajectory, in their words or agreed with them ("Wat ouders
    /// zien"): shown in the parents' report. Empty when nothing was written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub parents_view: String,
    /// The observations that prompted the trajectory (ids of this child's observations, in
    /// ascending order), named on its first stage; empty, and then not written, while none is
    /// named. A Meldcode trajectory names none ([`Trajectory::takes_prompts`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prompted_by: Vec<Id>,
    #[serde(default)]
    pub expected_end: Option<NaiveDate>,
    #[serde(default)]
    pub review: Option<NaiveDate>,
    /// One entry per stage of the template, in its order.
    pub stages: Vec<StageEntry>,
    /// What an older signaal recorded here; the child's `consent` holds it now (moved there on
    /// import and when the store is migrated), so it is no longer written.
    #[serde(default, skip_serializing_if = "Consent::is_empty")]
    pub consent: Consent,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<Answer>,
    /// What a Meldcode trajectory records in place of the child's question and goals; empty
    /// (and not written) for other plans.
    #[serde(default, skip_serializing_if = "MeldcodeRecord::is_empty")]
    pub meldcode: MeldcodeRecord,
    #[serde(default)]
    pub closed: Option<Closing>,
}

/// The Meldcode's own record of a trajectory (export: `trajectories[].meldcode`), what its five
/// steps ask to be written down. Every field is optional; empty ones are not written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeldcodeRecord {
    /// The signals, each with its date: what was seen and heard (step 1).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub signals: String,
    /// Who was consulted, when, and with what advice (step 2).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub consulted: String,
    /// The day Veilig Thuis was asked for advice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veilig_thuis_consulted: Option<NaiveDate>,
    /// Veilig Thuis's advice.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub veilig_thuis_advice: String,
    /// The talk with the parents: their reaction, or why it was skipped for safety (step 3).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub parents_talk: String,
    /// The decision and its reasons (step 5).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub decision: String,
    /// The day of the report to Veilig Thuis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_on: Option<NaiveDate>,
    /// Whether the parents were told of the report beforehand; `None`: not recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parents_told: Option<bool>,
    /// Why the parents were not told beforehand (their safety, the child's, the contact).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub parents_not_told_why: String,
}

impl MeldcodeRecord {
    /// True when nothing is recorded (every trajectory of another plan).
    pub fn is_empty(&self) -> bool {
        *self == MeldcodeRecord::default()
    }
}

/// A stage of a trajectory. `by` and `at` are of the last change (tick, untick or note);
/// `done_at` is when it was ticked done, which a later note leaves as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageEntry {
    pub stage: String,
    pub done: bool,
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub at: Option<DateTime<FixedOffset>>,
    /// When the stage was ticked done (export: `stages[].done_at`); `None` while it is not done,
    /// and on a record from before signaal kept it, where `at` stands in for it
    /// ([`StageEntry::ticked_at`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub note: String,
    /// Why the coach was asked without the parents' consent (see [`StageKind::Coach`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub without_consent: String,
}

impl StageEntry {
    /// Stage `stage` as a new trajectory has it: not done, no note.
    pub fn untouched(stage: &str) -> StageEntry {
        StageEntry {
            stage: stage.to_string(),
            done: false,
            by: String::new(),
            at: None,
            done_at: None,
            note: String::new(),
            without_consent: String::new(),
        }
    }

    /// When a done stage was ticked: `done_at`, or on a record from before signaal kept it the
    /// last change `at` (the best the record tells). `None` for a stage not done, or done
    /// without any time.
    pub fn ticked_at(&self) -> Option<DateTime<FixedOffset>> {
        match self.done {
            true => self.done_at.or(self.at),
            false => None,
        }
    }
}

/// The parents' consent as an older signaal recorded it on a trajectory. `None`: not asked
/// yet. Read only to move it onto the child (`ChildConsent::adopt_legacy`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    /// To consulting the youth-care coach about the child.
    pub coach: Option<bool>,
    /// To a warm handover to school.
    pub school: Option<bool>,
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub at: Option<DateTime<FixedOffset>>,
}

impl Consent {
    /// True when it holds no answer (what a trajectory of this signaal has).
    pub fn is_empty(&self) -> bool {
        self.coach.is_none() && self.school.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub question: String,
    pub yes: bool,
    pub by: String,
    pub at: DateTime<FixedOffset>,
}

/// How a trajectory ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closing {
    pub outcome: Outcome,
    pub date: NaiveDate,
    pub by: String,
}

/// How a trajectory ended, as the export names it (`closed.outcome`, snake_case). The
/// early-signalling plan and the Meldcode each have their own ([`Outcome::offered`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The child goes on in the group, the worry resolved or handled there.
    ContinuesInGroup,
    /// A referral to fitting care.
    CareRoute,
    /// A warm handover to school.
    WarmHandover,
    /// A report to Veilig Thuis under the Meldcode.
    MeldcodeReport,
    /// Meldcode: no suspicion after all; closed, and what was seen, done and decided recorded.
    NoSuspicion,
    /// Meldcode: help offered or organised, no report needed.
    HelpOrganised,
}

impl Outcome {
    pub const ALL: [Outcome; 6] = [
        Outcome::ContinuesInGroup,
        Outcome::CareRoute,
        Outcome::WarmHandover,
        Outcome::MeldcodeReport,
        Outcome::NoSuspicion,
        Outcome::HelpOrganised,
    ];

    /// The outcomes of the early-signalling plan (and any plan but the Meldcode).
    const SUPPORT: [Outcome; 3] = [
        Outcome::ContinuesInGroup,
        Outcome::CareRoute,
        Outcome::WarmHandover,
    ];

    /// The Meldcode's own outcomes, as the afwegingskader ends.
    const MELDCODE: [Outcome; 3] = [
        Outcome::NoSuspicion,
        Outcome::HelpOrganised,
        Outcome::MeldcodeReport,
    ];

    /// The outcomes offered when closing a trajectory of the plan `template` (its id): the
    /// Meldcode's own for a Meldcode plan (`access::is_meldcode_plan`), else the support ones.
    /// A stored outcome outside these (from an older signaal) stays readable.
    pub fn offered(template: &str) -> &'static [Outcome] {
        match super::access::is_meldcode_plan(template) {
            true => &Outcome::MELDCODE,
            false => &Outcome::SUPPORT,
        }
    }
}

/// Where a trajectory stands: the first stage not done (1-based number and the stage), or
/// everything done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress<'t> {
    At {
        number: usize,
        of: usize,
        stage: &'t StageTemplate,
    },
    AllDone {
        of: usize,
    },
}

/// What is late about an open trajectory.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overdue {
    /// The review date has passed.
    pub review: bool,
    /// The expected end has passed.
    pub end: bool,
}

impl Overdue {
    pub fn any(self) -> bool {
        self.review || self.end
    }
}

impl Trajectory {
    pub fn new(
        id: Id,
        child_id: Id,
        template: &PlanTemplate,
        started: NaiveDate,
        by: &str,
    ) -> Trajectory {
        Trajectory {
            id,
            child_id,
            template: template.id.clone(),
            version: template.version,
            started,
            by: by.to_string(),
            question: String::new(),
            goals: String::new(),
            actions: String::new(),
            parents_view: String::new(),
            prompted_by: Vec::new(),
            expected_end: None,
            review: None,
            stages: template
                .stages
                .iter()
                .map(|s| StageEntry::untouched(&s.id))
                .collect(),
            consent: Consent::default(),
            answers: Vec::new(),
            meldcode: MeldcodeRecord::default(),
            closed: None,
        }
    }

    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }

    pub fn entry(&self, stage: &str) -> Option<&StageEntry> {
        self.stages.iter().find(|e| e.stage == stage)
    }

    fn entry_mut(&mut self, stage: &str) -> Option<&mut StageEntry> {
        self.stages.iter_mut().find(|e| e.stage == stage)
    }

    /// Ticks a stage done or not done. Returns false for a stage this trajectory does not have.
    pub fn toggle(&mut self, stage: &str, by: &str, at: DateTime<FixedOffset>) -> bool {
        let Some(entry) = self.entry_mut(stage) else {
            return false;
        };
        entry.done = !entry.done;
        if !entry.done {
            entry.without_consent.clear();
        }
        entry.done_at = entry.done.then_some(at);
        entry.by = by.to_string();
        entry.at = Some(at);
        true
    }

    /// Ticks the coach stage although the parents did not consent, recording why.
    pub fn tick_without_consent(
        &mut self,
        stage: &str,
        reason: &str,
        by: &str,
        at: DateTime<FixedOffset>,
    ) -> bool {
        let Some(entry) = self.entry_mut(stage) else {
            return false;
        };
        entry.done = true;
        entry.without_consent = reason.trim().to_string();
        entry.done_at = Some(at);
        entry.by = by.to_string();
        entry.at = Some(at);
        true
    }

    /// Writes the note of a stage. The day it was ticked stays: a stage ticked before signaal
    /// kept `done_at` gets it from `at` here, before the note's time replaces that.
    pub fn set_note(&mut self, stage: &str, note: &str, by: &str, at: DateTime<FixedOffset>) {
        if let Some(entry) = self.entry_mut(stage) {
            entry.done_at = entry.ticked_at();
            entry.note = note.trim().to_string();
            entry.by = by.to_string();
            entry.at = Some(at);
        }
    }

    /// Whether ticking `stage` done now needs the consent warning: it is the coach stage, it is
    /// not done yet, and the parents have not consented (`consent`, the child's) to consulting
    /// the coach.
    pub fn needs_consent(
        &self,
        template: &PlanTemplate,
        stage: &str,
        consent: &super::consent::ChildConsent,
    ) -> bool {
        let is_coach = template
            .stage(stage)
            .is_some_and(|s| s.kind == StageKind::Coach);
        let done = self.entry(stage).is_some_and(|e| e.done);
        is_coach && !done && !consent.allows(super::consent::ConsentTo::Coach)
    }

    /// The answer to a question, if given.
    pub fn answer(&self, question: &str) -> Option<bool> {
        self.answers
            .iter()
            .find(|a| a.question == question)
            .map(|a| a.yes)
    }

    /// Sets (or with `None` takes back) the answer to a question.
    pub fn set_answer(
        &mut self,
        question: &str,
        yes: Option<bool>,
        by: &str,
        at: DateTime<FixedOffset>,
    ) {
        self.answers.retain(|a| a.question != question);
        if let Some(yes) = yes {
            self.answers.push(Answer {
                question: question.to_string(),
                yes,
                by: by.to_string(),
                at,
            });
        }
    }

    /// Whether an answer to `question` may be given or changed now: the plan's questions are
    /// answered in their order (the afwegingskader's question 2 only after 1), so every earlier
    /// question is answered, none of those answers ends the questions ([`Consequence::ends`]),
    /// and no later one is answered. Taking an answer back is always allowed
    /// ([`Trajectory::next_answer`]). An unknown question is left to the caller.
    ///
    /// # Errors
    /// [`Invalid::AnswerEarlierFirst`] with the number of the first earlier question without an
    /// answer; [`Invalid::AnsweredToAnEnd`] with the number of the earlier question whose answer
    /// ends them; [`Invalid::LaterAnswered`] with the number of the last later question answered.
    pub fn may_answer(&self, template: &PlanTemplate, question: &str) -> Result<(), Invalid> {
        let Some(number) = template.question_number(question) else {
            return Ok(());
        };
        let answered: Vec<bool> = template
            .questions()
            .map(|q| self.answer(&q.id).is_some())
            .collect();
        if let Some(i) = answered[..number - 1].iter().position(|a| !a) {
            return Err(Invalid::AnswerEarlierFirst(i + 1));
        }
        let ended = template
            .questions()
            .take(number - 1)
            .position(|q| self.consequence(q).is_some_and(|c| c.ends));
        if let Some(i) = ended {
            return Err(Invalid::AnsweredToAnEnd(i + 1));
        }
        match answered[number..].iter().rposition(|a| *a) {
            Some(i) => Err(Invalid::LaterAnswered(number + i + 1)),
            None => Ok(()),
        }
    }

    /// The answer Space gives `question` next: yes, no and open again in turn; open straight
    /// away for an answer given out of order ([`Trajectory::answers_out_of_order`]), so a record
    /// imported that way can be put right. Setting an answer back to open is always allowed;
    /// giving or changing one follows [`Trajectory::may_answer`].
    ///
    /// # Errors
    /// Those of [`Trajectory::may_answer`], when the next answer is yes or no.
    pub fn next_answer(
        &self,
        template: &PlanTemplate,
        question: &str,
    ) -> Result<Option<bool>, Invalid> {
        let out_of_order = self
            .answers_out_of_order(template)
            .iter()
            .any(|(q, _)| q.id == question);
        let next = match self.answer(question) {
            Some(_) if out_of_order => None,
            current => next_yes_no(current),
        };
        if next.is_some() {
            self.may_answer(template, question)?;
        }
        Ok(next)
    }

    /// The answers given out of the order [`Trajectory::may_answer`] keeps, as the question
    /// answered and why it could not have been: [`Invalid::AnswerEarlierFirst`] with the number
    /// of the first earlier question without an answer, or [`Invalid::AnsweredToAnEnd`] with the
    /// number of the earlier question whose answer ends them. Empty when the answers are in
    /// order. Only a record from before the screen kept the order (or one written by another
    /// tool) holds such answers: like a stage ticked early ([`Trajectory::out_of_order`]), they
    /// are kept and marked, never refused, so a backup or export from then still comes back in.
    pub fn answers_out_of_order<'t>(
        &self,
        template: &'t PlanTemplate,
    ) -> Vec<(&'t Question, Invalid)> {
        let mut found = Vec::new();
        let mut open: Option<usize> = None;
        let mut ended: Option<usize> = None;
        for (number, question) in (1..).zip(template.questions()) {
            if self.answer(&question.id).is_none() {
                open = open.or(Some(number));
                continue;
            }
            if let Some(earlier) = open {
                found.push((question, Invalid::AnswerEarlierFirst(earlier)));
            } else if let Some(earlier) = ended {
                found.push((question, Invalid::AnsweredToAnEnd(earlier)));
            }
            if self.consequence(question).is_some_and(|c| c.ends) {
                ended = ended.or(Some(number));
            }
        }
        found
    }

    /// Whether `question` is answered together with Veilig Thuis: an earlier question's answer
    /// means a report (after "acute or structural unsafety" the afwegingskader's questions 3 to
    /// 5 are weighed with Veilig Thuis).
    pub fn with_veilig_thuis(&self, template: &PlanTemplate, question: &str) -> bool {
        template.question_number(question).is_some()
            && template
                .questions()
                .take_while(|q| q.id != question)
                .any(|q| self.means_report(q))
    }

    /// What follows from the answer given to `question`; `None` while it is open.
    fn consequence<'q>(&self, question: &'q Question) -> Option<&'q Consequence> {
        match self.answer(&question.id)? {
            true => Some(&question.yes),
            false => Some(&question.no),
        }
    }

    /// Whether the answer given to `question` means a report to Veilig Thuis.
    fn means_report(&self, question: &Question) -> bool {
        self.consequence(question).is_some_and(|c| c.report)
    }

    /// The first stage not done, as "4 of 8" and the stage.
    pub fn progress<'t>(&self, template: &'t PlanTemplate) -> Progress<'t> {
        let of = template.stages.len();
        template
            .stages
            .iter()
            .enumerate()
            .find(|(_, s)| !self.entry(&s.id).is_some_and(|e| e.done))
            .map_or(Progress::AllDone { of }, |(i, stage)| Progress::At {
                number: i + 1,
                of,
                stage,
            })
    }

    /// Whether the trajectory has moved past its first stage: that stage, or any later one
    /// ticked ahead, is done. Such a trajectory for a child never observed warns: the first
    /// stage is noticing and observing, and the plan builds on what was observed.
    pub fn past_first_stage(&self, template: &PlanTemplate) -> bool {
        template
            .stages
            .iter()
            .any(|s| self.entry(&s.id).is_some_and(|e| e.done))
    }

    /// Whether this trajectory names the observations that prompted it: every plan's but the
    /// Meldcode's, which records its signals with their dates itself (and whose readers are not
    /// those of the observations).
    pub fn takes_prompts(&self) -> bool {
        takes_prompts(&self.template)
    }

    /// How the audit trail names a change of what prompted a trajectory
    /// (`trajectory:ID/prompted_by`), by hand or because a prompting observation was emptied.
    pub const PROMPTED_BY: &'static str = "prompted_by";

    /// Names the observations that prompted the trajectory: `ids`, in ascending order, each
    /// once (none: no longer any).
    pub fn set_prompted_by(&mut self, ids: impl IntoIterator<Item = Id>) {
        let mut ids: Vec<Id> = ids.into_iter().collect();
        ids.sort_unstable();
        ids.dedup();
        self.prompted_by = ids;
    }

    /// Whether to warn that the child has no observation (`observed` false) while this
    /// trajectory is past its first stage. Not for a Meldcode trajectory: it records its own
    /// signals with their dates.
    pub fn warns_unobserved(&self, template: &PlanTemplate, observed: bool) -> bool {
        !observed
            && !super::access::is_meldcode_plan(&self.template)
            && self.past_first_stage(template)
    }

    /// Stages ticked done while an earlier stage is not: allowed, but shown.
    pub fn out_of_order<'t>(&self, template: &'t PlanTemplate) -> Vec<&'t str> {
        let mut open_before = false;
        let mut early = Vec::new();
        for stage in &template.stages {
            match self.entry(&stage.id).is_some_and(|e| e.done) {
                true if open_before => early.push(stage.id.as_str()),
                true => {}
                false => open_before = true,
            }
        }
        early
    }

    /// What is late on `today`; a closed trajectory is never late.
    pub fn overdue(&self, today: NaiveDate) -> Overdue {
        if !self.is_open() {
            return Overdue::default();
        }
        Overdue {
            review: self.review.is_some_and(|d| d < today),
            end: self.expected_end.is_some_and(|d| d < today),
        }
    }

    /// The trajectory as it stood at the end of `day`, as far as the record tells (it keeps no
    /// history): not closed when it closed after `day`; a stage done only when it was ticked
    /// ([`StageEntry::ticked_at`], on the date of its own offset) on or before `day`, whatever
    /// notes came later (a done stage without a time counts as done; one unticked and ticked
    /// again counts from the last tick); the answers given on or before `day`. Dates, question
    /// and actions stay as they are now.
    pub fn as_on(&self, day: NaiveDate) -> Trajectory {
        let later = |at: &DateTime<FixedOffset>| at.date_naive() > day;
        let mut then = self.clone();
        then.closed = self.closed.clone().filter(|c| c.date <= day);
        for entry in &mut then.stages {
            if entry.ticked_at().as_ref().is_some_and(later) {
                entry.done = false;
            }
        }
        then.answers.retain(|a| !later(&a.at));
        then
    }

    /// Days from the start to `today` (or to the closing date).
    pub fn days_open(&self, today: NaiveDate) -> i64 {
        let end = self.closed.as_ref().map_or(today, |c| c.date);
        (end - self.started).num_days().max(0)
    }

    /// The answers that mean a report to Veilig Thuis follows, in the plan's order.
    pub fn reports<'t>(&self, template: &'t PlanTemplate) -> Vec<&'t Question> {
        template
            .questions()
            .filter(|q| self.means_report(q))
            .collect()
    }

    /// Whether closing with `outcome` leaves a report to Veilig Thuis unrecorded: the outcome
    /// is the report, yet no stage is ticked or the day of the report is not filled in. The
    /// close question then warns; closing stays possible (the record may follow).
    pub fn report_unrecorded(&self, outcome: Outcome) -> bool {
        let ticked = self.stages.iter().any(|e| e.done);
        outcome == Outcome::MeldcodeReport && (!ticked || self.meldcode.reported_on.is_none())
    }

    /// The outcome the close form proposes: a report to Veilig Thuis when an answer means one;
    /// for a Meldcode trajectory otherwise help organised once its first question (is there a
    /// suspicion?) is answered yes, else no suspicion; for other plans that the child continues
    /// in the group.
    pub fn proposed_outcome(&self, template: &PlanTemplate) -> Outcome {
        if !self.reports(template).is_empty() {
            return Outcome::MeldcodeReport;
        }
        if !super::access::is_meldcode_plan(&self.template) {
            return Outcome::ContinuesInGroup;
        }
        let suspicion = template
            .questions()
            .next()
            .is_some_and(|q| self.answer(&q.id) == Some(true));
        match suspicion {
            true => Outcome::HelpOrganised,
            false => Outcome::NoSuspicion,
        }
    }

    /// The date `field` holds; `None` when it is not set.
    pub fn date(&self, field: DateField) -> Option<NaiveDate> {
        match field {
            DateField::Started => Some(self.started),
            DateField::ExpectedEnd => self.expected_end,
            DateField::Review => self.review,
            DateField::VeiligThuisConsulted => self.meldcode.veilig_thuis_consulted,
            DateField::ReportedOn => self.meldcode.reported_on,
            DateField::Closed => self.closed.as_ref().map(|c| c.date),
        }
    }

    /// The rule of one date, `date` in `field`, for a child born on `born`, on `today`. What
    /// happened (the start, Veilig Thuis consulted, the report, the close) is not after today
    /// and not before the birth; all but the start not before the start either. A review or
    /// expected end lies on or after the start and at most [`AHEAD_MAX`] after today.
    ///
    /// # Errors
    /// [`Invalid::BeforeBirth`], [`Invalid::BeforeStart`], [`Invalid::DateInFuture`], or
    /// [`Invalid::TooFarAhead`] with the last day allowed.
    pub fn check_date(
        &self,
        field: DateField,
        date: NaiveDate,
        born: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), Invalid> {
        if field != DateField::Started && date < self.started {
            return Err(Invalid::BeforeStart);
        }
        if field.planned() {
            let last = today
                .checked_add_months(AHEAD_MAX)
                .unwrap_or(NaiveDate::MAX);
            return match date > last {
                true => Err(Invalid::TooFarAhead(last)),
                false => Ok(()),
            };
        }
        if date < born {
            return Err(Invalid::BeforeBirth);
        }
        match date > today {
            true => Err(Invalid::DateInFuture),
            false => Ok(()),
        }
    }

    /// The rule of `field` after it was set, as a form checks it: its own
    /// ([`Trajectory::check_date`]), and after a new start that no set date lies before it.
    ///
    /// # Errors
    /// Those of [`Trajectory::check_date`].
    pub fn check_edited(
        &self,
        field: DateField,
        born: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), Invalid> {
        if let Some(date) = self.date(field) {
            self.check_date(field, date, born, today)?;
        }
        let later = DateField::ALL
            .into_iter()
            .filter(|f| *f != DateField::Started);
        match field == DateField::Started
            && later.filter_map(|f| self.date(f)).any(|d| d < self.started)
        {
            true => Err(Invalid::BeforeStart),
            false => Ok(()),
        }
    }

    /// Every date that breaks its rule ([`Trajectory::check_date`]), with its field and why:
    /// what `import` and `check` report.
    pub fn date_problems(&self, born: NaiveDate, today: NaiveDate) -> Vec<(DateField, Invalid)> {
        DateField::ALL
            .into_iter()
            .filter_map(|f| {
                let date = self.date(f)?;
                self.check_date(f, date, born, today).err().map(|e| (f, e))
            })
            .collect()
    }

    /// A trajectory closes on `date` only when [`DateField::Closed`]'s rule holds.
    ///
    /// # Errors
    /// Those of [`Trajectory::check_date`].
    pub fn check_close(
        &self,
        date: NaiveDate,
        born: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), Invalid> {
        self.check_date(DateField::Closed, date, born, today)
    }

    pub fn close(&mut self, outcome: Outcome, date: NaiveDate, by: &str) {
        self.closed = Some(Closing {
            outcome,
            date,
            by: by.to_string(),
        });
    }
}

#[cfg(test)]
mod tests;
