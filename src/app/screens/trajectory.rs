//! One trajectory of a child: its question and plan, its stages to tick with Space (asking why
//! first when the coach stage lacks the parents' consent), the afwegingskader's questions and the
//! parents' consent answered yes, no or open, a note per stage, and closing. Every change is one
//! flushed write (`saving::write_through`) before the screen shows it; a closed trajectory stays
//! readable but does not change.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::app::fields::{Date, Form, Text};
use crate::app::list::{ListView, Row};
use crate::app::modal::{first, Confirm, First, Modal, Step};
use crate::app::saving::{write_through, SaveState};
use crate::app::screens::child_record::{change_child, set_consent};
use crate::app::{About, Action, AppError, ChildLabel, Component, Ctx, Msg, Outcome};
use crate::domain::access::Permission;
use crate::domain::named::picked;
use crate::domain::plan::{
    next_yes_no, takes_prompts, DateField, MeldcodeRecord, Outcome as Ending, PlanTemplate,
    Progress, StageKind, Trajectory,
};
use crate::domain::{
    consent, AuditAction, Child, ConsentAnswer, Group, Id, Invalid, Observation, Staff,
};
use crate::i18n::{Lang, T};
use crate::keymap::Context;
use crate::store::Signature;

mod forms;

pub use forms::{
    CloseForm, Closing, DateEdit, GiverForm, NoteForm, PromptsForm, ReasonForm, TextEdit,
    TrajectoryForm,
};

/// How many of the child's latest observations the form of what prompted a trajectory offers
/// (besides those already named): the recent ones are what prompts a plan, and the list stays
/// within a small terminal.
pub const PROMPT_CHOICES: usize = 6;

#[derive(Debug, Clone)]
pub struct TrajectoryScreen {
    pub child: Child,
    /// How the person at the keyboard sees the child: its name, or its alias.
    pub label: ChildLabel,
    pub group: Group,
    /// The exact plan version the trajectory was started with.
    pub template: PlanTemplate,
    /// The trajectory as it is on disk.
    pub trajectory: Trajectory,
    pub saved: SaveState,
    /// Whether the child has any observation (read on every reload): a trajectory past its
    /// first stage without one warns (`Trajectory::warns_unobserved`).
    pub observed: bool,
    /// The child's observations as the person at the keyboard may know them (oldest first,
    /// read on every reload): what the trajectory names as prompting it is shown, and offered,
    /// only from these.
    pub observations: Vec<Observation>,
    pub list: ListView<TrajectoryRow>,
    /// One of the trajectory's forms, or the question whether to close it.
    pub modal: Option<Modal<TrajectoryForm, Closing>>,
}

#[derive(Debug, Clone)]
pub struct TrajectoryRow {
    pub index: usize,
    pub part: PlanPart,
    pub search: String,
}

impl Row for TrajectoryRow {
    fn id(&self) -> u64 {
        self.index as u64
    }
    fn search_text(&self) -> String {
        self.search.clone()
    }
}

/// What a row of the trajectory screen shows and changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanPart {
    Field(PlanField),
    Stage(String),
    /// The parents' consent, under the conversation-with-parents stage.
    Consent(ConsentTo),
    /// A question to answer yes or no, under its stage.
    Question(String),
    /// The observations that prompted the trajectory, under its first stage (not for a
    /// Meldcode trajectory: `plan::takes_prompts`).
    Prompts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanField {
    Question,
    Goals,
    Actions,
    /// What the parents see ("Wat ouders zien"), for their report.
    ParentsView,
    Started,
    ExpectedEnd,
    Review,
    /// The Meldcode's own fields (`domain::plan::MeldcodeRecord`).
    Meldcode(MeldcodeField),
}

/// A field of the Meldcode's own record: texts, two dates and whether the parents were told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeldcodeField {
    Signals,
    Consulted,
    VeiligThuisConsulted,
    VeiligThuisAdvice,
    ParentsTalk,
    Decision,
    ReportedOn,
    /// Yes, no or open with Space, like a question.
    ParentsTold,
    ParentsNotToldWhy,
}

impl PlanField {
    /// The fields of a trajectory of any plan but the Meldcode, in the screen's order.
    const SUPPORT: [PlanField; 7] = [
        PlanField::Question,
        PlanField::Goals,
        PlanField::Actions,
        PlanField::ParentsView,
        PlanField::Started,
        PlanField::ExpectedEnd,
        PlanField::Review,
    ];

    /// A Meldcode trajectory's fields: its own record instead of the child's question, goals,
    /// actions and what the parents see (the Meldcode never reaches the parents' report).
    const MELDCODE: [PlanField; 12] = [
        PlanField::Meldcode(MeldcodeField::Signals),
        PlanField::Meldcode(MeldcodeField::Consulted),
        PlanField::Meldcode(MeldcodeField::VeiligThuisConsulted),
        PlanField::Meldcode(MeldcodeField::VeiligThuisAdvice),
        PlanField::Meldcode(MeldcodeField::ParentsTalk),
        PlanField::Meldcode(MeldcodeField::Decision),
        PlanField::Meldcode(MeldcodeField::ReportedOn),
        PlanField::Meldcode(MeldcodeField::ParentsTold),
        PlanField::Meldcode(MeldcodeField::ParentsNotToldWhy),
        PlanField::Started,
        PlanField::ExpectedEnd,
        PlanField::Review,
    ];

    /// The fields a trajectory of the plan `template` (its id) shows, in order.
    pub fn of(template: &str) -> &'static [PlanField] {
        match crate::domain::access::is_meldcode_plan(template) {
            true => &PlanField::MELDCODE,
            false => &PlanField::SUPPORT,
        }
    }

    /// The trajectory's date this field edits, whose rule it follows; `None` for a text.
    fn date_field(self) -> Option<DateField> {
        match self {
            PlanField::Started => Some(DateField::Started),
            PlanField::ExpectedEnd => Some(DateField::ExpectedEnd),
            PlanField::Review => Some(DateField::Review),
            PlanField::Meldcode(MeldcodeField::VeiligThuisConsulted) => {
                Some(DateField::VeiligThuisConsulted)
            }
            PlanField::Meldcode(MeldcodeField::ReportedOn) => Some(DateField::ReportedOn),
            _ => None,
        }
    }

    /// How the field is named in the audit trail.
    fn part(self) -> &'static str {
        match self {
            PlanField::Question => "question",
            PlanField::Goals => "goals",
            PlanField::Actions => "actions",
            PlanField::ParentsView => "parents_view",
            PlanField::Started => "started",
            PlanField::ExpectedEnd => "expected_end",
            PlanField::Review => "review",
            PlanField::Meldcode(field) => match field {
                MeldcodeField::Signals => "meldcode.signals",
                MeldcodeField::Consulted => "meldcode.consulted",
                MeldcodeField::VeiligThuisConsulted => "meldcode.veilig_thuis_consulted",
                MeldcodeField::VeiligThuisAdvice => "meldcode.veilig_thuis_advice",
                MeldcodeField::ParentsTalk => "meldcode.parents_talk",
                MeldcodeField::Decision => "meldcode.decision",
                MeldcodeField::ReportedOn => "meldcode.reported_on",
                MeldcodeField::ParentsTold => "meldcode.parents_told",
                MeldcodeField::ParentsNotToldWhy => "meldcode.parents_not_told_why",
            },
        }
    }
}

/// The words for a field of the trajectory: its row, and the title of its form.
pub fn field_label(field: PlanField) -> T {
    match field {
        PlanField::Question => T::FieldQuestion,
        PlanField::Goals => T::FieldGoals,
        PlanField::Actions => T::FieldActions,
        PlanField::ParentsView => T::FieldParentsView,
        PlanField::Started => T::FieldStarted,
        PlanField::ExpectedEnd => T::FieldExpectedEnd,
        PlanField::Review => T::FieldReview,
        PlanField::Meldcode(field) => match field {
            MeldcodeField::Signals => T::FieldMcSignals,
            MeldcodeField::Consulted => T::FieldMcConsulted,
            MeldcodeField::VeiligThuisConsulted => T::FieldMcVtConsulted,
            MeldcodeField::VeiligThuisAdvice => T::FieldMcVtAdvice,
            MeldcodeField::ParentsTalk => T::FieldMcParentsTalk,
            MeldcodeField::Decision => T::FieldMcDecision,
            MeldcodeField::ReportedOn => T::FieldMcReportedOn,
            MeldcodeField::ParentsTold => T::FieldMcParentsTold,
            MeldcodeField::ParentsNotToldWhy => T::FieldMcNotToldWhy,
        },
    }
}

/// The text of a Meldcode record's text field; `None` for its dates and its yes/no.
pub fn meldcode_text(record: &MeldcodeRecord, field: MeldcodeField) -> Option<&String> {
    match field {
        MeldcodeField::Signals => Some(&record.signals),
        MeldcodeField::Consulted => Some(&record.consulted),
        MeldcodeField::VeiligThuisAdvice => Some(&record.veilig_thuis_advice),
        MeldcodeField::ParentsTalk => Some(&record.parents_talk),
        MeldcodeField::Decision => Some(&record.decision),
        MeldcodeField::ParentsNotToldWhy => Some(&record.parents_not_told_why),
        MeldcodeField::VeiligThuisConsulted
        | MeldcodeField::ReportedOn
        | MeldcodeField::ParentsTold => None,
    }
}

/// The same text field, to write.
fn meldcode_text_mut(record: &mut MeldcodeRecord, field: MeldcodeField) -> Option<&mut String> {
    match field {
        MeldcodeField::Signals => Some(&mut record.signals),
        MeldcodeField::Consulted => Some(&mut record.consulted),
        MeldcodeField::VeiligThuisAdvice => Some(&mut record.veilig_thuis_advice),
        MeldcodeField::ParentsTalk => Some(&mut record.parents_talk),
        MeldcodeField::Decision => Some(&mut record.decision),
        MeldcodeField::ParentsNotToldWhy => Some(&mut record.parents_not_told_why),
        MeldcodeField::VeiligThuisConsulted
        | MeldcodeField::ReportedOn
        | MeldcodeField::ParentsTold => None,
    }
}

/// A Meldcode record's date field; `None` for the others.
fn meldcode_date_mut(
    record: &mut MeldcodeRecord,
    field: MeldcodeField,
) -> Option<&mut Option<NaiveDate>> {
    match field {
        MeldcodeField::VeiligThuisConsulted => Some(&mut record.veilig_thuis_consulted),
        MeldcodeField::ReportedOn => Some(&mut record.reported_on),
        _ => None,
    }
}

/// The consent rows read and write the child's own consent, one answer per purpose.
pub use crate::domain::ConsentTo;

/// A form of the screen, opened.
fn open(form: TrajectoryForm) -> Option<Modal<TrajectoryForm, Closing>> {
    Some(Modal::Form(Form::new(form)))
}

impl TrajectoryScreen {
    /// The screen of `trajectory`, started with `template`. A trajectory opened again that is
    /// still open shows its current stage (the first not done): staff come back to tick it.
    /// Otherwise it shows the question, which a new trajectory fills in first.
    pub fn new(
        ctx: &Ctx,
        (child, label): (Child, ChildLabel),
        group: Group,
        template: PlanTemplate,
        trajectory: Trajectory,
        reopened: bool,
    ) -> TrajectoryScreen {
        let mut list = rows(
            ctx.lang,
            &template,
            group.kind == crate::domain::GroupKind::Bso,
        );
        let current = match trajectory.progress(&template) {
            Progress::At { number, .. } if reopened && trajectory.is_open() => {
                number.checked_sub(1).and_then(|i| template.stages.get(i))
            }
            _ => None,
        };
        if let Some(stage) = current {
            let stage = PlanPart::Stage(stage.id.clone());
            let row = list.items().find(|r| r.part == stage).map(|r| r.index);
            if let Some(index) = row {
                list.select_id(index as u64);
            }
        }
        let saved = SaveState::Saved(latest_change(&trajectory, ctx.now()));
        TrajectoryScreen {
            child,
            label,
            group,
            template,
            trajectory,
            saved,
            // Until the first reload reads it: no warning rather than a wrong one.
            observed: true,
            observations: Vec::new(),
            list,
            modal: None,
        }
    }

    /// The selected row, once the trajectory may still change.
    ///
    /// # Errors
    /// [`AppError::TrajectoryClosed`] for a closed trajectory.
    fn selected_part(&self) -> Result<Option<PlanPart>, AppError> {
        let Some(row) = self.list.selected() else {
            return Ok(None);
        };
        match self.trajectory.is_open() {
            true => Ok(Some(row.part.clone())),
            false => Err(AppError::TrajectoryClosed),
        }
    }

    /// Applies `change` to the trajectory, written and flushed before it shows.
    fn change(
        &mut self,
        ctx: &Ctx,
        action: AuditAction,
        part: &str,
        change: impl FnOnce(&mut Trajectory, &Signature) -> Result<(), AppError>,
    ) -> Result<(), AppError> {
        let sig = ctx.signature();
        let template = &self.template;
        write_through(
            &mut self.trajectory,
            &mut self.saved,
            sig.at,
            |t| change(t, &sig),
            |t| ctx.store.save_trajectory(t, template, action, part, &sig),
        )
    }

    /// Whether `user` (who is at the keyboard) may read free text written `by` someone on this
    /// trajectory (a note, the question, goals, actions): always, except under an alias,
    /// where only their own, for staff write the child's name in them.
    pub fn reads(&self, by: &str, user: Option<&Staff>) -> bool {
        !self.label.anonymous() || user.is_some_and(|u| u.name == by)
    }

    /// Refuses to open text someone else wrote that the person at the keyboard may not read
    /// (see [`TrajectoryScreen::reads`]): the form would show it, and saving would overwrite it.
    fn may_open_text(&self, ctx: &Ctx, text: &str, by: &str) -> Result<(), AppError> {
        match text.is_empty() || self.reads(by, ctx.user) {
            true => Ok(()),
            false => Err(AppError::Anonymous),
        }
    }

    fn act(&mut self, ctx: &Ctx, action: Action) -> Result<Outcome, AppError> {
        match action {
            Action::Mark => self.mark(ctx)?,
            // `n`, `e` and Enter all write on the row selected: a stage's note, a field's value.
            // Never nothing without a word: what is typed next would be taken for keys.
            Action::Note | Action::Edit | Action::Open => match self.selected_part()? {
                Some(PlanPart::Stage(stage)) => {
                    let entry = self.trajectory.entry(&stage);
                    let note = entry.map_or("", |e| &e.note);
                    self.may_open_text(ctx, note, entry.map_or("", |e| &e.by))?;
                    let note = Text::note(T::FieldNote, note);
                    self.modal = open(TrajectoryForm::Note(NoteForm { stage, note }));
                }
                Some(PlanPart::Field(PlanField::Meldcode(MeldcodeField::ParentsTold))) => {
                    return Err(AppError::AnswerWithMark)
                }
                Some(PlanPart::Field(field)) => {
                    let t = &self.trajectory;
                    let m = &t.meldcode;
                    let text = [&t.question, &t.goals, &t.actions, &m.signals, &m.consulted]
                        .map(String::as_str)
                        .concat();
                    self.may_open_text(ctx, &text, &t.by)?;
                    self.edit(ctx.lang, field)
                }
                Some(PlanPart::Consent(_) | PlanPart::Question(_)) => {
                    return Err(AppError::AnswerWithMark)
                }
                Some(PlanPart::Prompts) => self.open_prompts(ctx)?,
                None => {}
            },
            Action::PromptedBy => self.open_prompts(ctx)?,
            Action::CloseTrajectory => {
                if self.selected_part()?.is_some() {
                    self.modal = open(TrajectoryForm::Close(self.close_form(ctx)));
                }
            }
            Action::Back => return Ok(Outcome::Pop),
            _ => return Ok(Outcome::Ignored),
        }
        Ok(Outcome::Done)
    }

    /// Space: ticks a stage (asking why first when the coach stage lacks the parents'
    /// consent), or moves an answer (in the plan's order of questions) or a consent on to yes,
    /// no and open again.
    fn mark(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        let Some(part) = self.selected_part()? else {
            return Ok(());
        };
        match part {
            PlanPart::Stage(stage)
                if self
                    .trajectory
                    .needs_consent(&self.template, &stage, &self.child.consent) =>
            {
                let reason = Text::new(T::FieldReason, "");
                self.modal = open(TrajectoryForm::Reason(ReasonForm { stage, reason }));
                Ok(())
            }
            PlanPart::Stage(stage) => {
                self.change(ctx, AuditAction::TrajectoryStage, &stage, |t, sig| {
                    t.toggle(&stage, &sig.by, sig.at);
                    Ok(())
                })
            }
            PlanPart::Question(question) => {
                // The afwegingskader's questions are answered in order; back to open always.
                let next = self.trajectory.next_answer(&self.template, &question)?;
                self.change(ctx, AuditAction::TrajectoryAnswer, &question, |t, sig| {
                    t.set_answer(&question, next, &sig.by, sig.at);
                    Ok(())
                })
            }
            PlanPart::Consent(to) => {
                // The child's consent, not the trajectory's: one answer per child and purpose.
                ctx.permit(Permission::EditChildRecord)?;
                // The child as stored: its guardians may have changed since the screen opened.
                self.child = ctx.store.child(self.child.id)?.ok_or(AppError::ChildGone)?;
                let Some(answer) = next_consent(self.child.consent.answer(to)) else {
                    return self.set_consent(ctx, to, None, String::new());
                };
                // Who gave it: the recorded giver or the only guardian with gezag; else asked.
                match consent::default_giver(&self.child, to) {
                    Some(given_by) => self.set_consent(ctx, to, Some(answer), given_by),
                    None => {
                        let form = GiverForm::new(&self.child, to, answer)
                            .ok_or(AppError::Invalid(Invalid::ConsentGiverRequired))?;
                        self.modal = open(TrajectoryForm::Giver(form));
                        Ok(())
                    }
                }
            }
            PlanPart::Field(PlanField::Meldcode(MeldcodeField::ParentsTold)) => {
                let part = PlanField::Meldcode(MeldcodeField::ParentsTold).part();
                self.change(ctx, AuditAction::TrajectoryEdit, part, |t, _| {
                    t.meldcode.parents_told = next_yes_no(t.meldcode.parents_told);
                    Ok(())
                })
            }
            PlanPart::Field(field) => {
                self.edit(ctx.lang, field);
                Ok(())
            }
            PlanPart::Prompts => self.open_prompts(ctx),
        }
    }

    /// `o` (or Enter on the row under the first stage): the form that names the observations
    /// that prompted the trajectory, with those named already filled in.
    ///
    /// # Errors
    /// [`AppError::TrajectoryClosed`], [`AppError::MeldcodeNoPrompts`] for a Meldcode
    /// trajectory, [`AppError::NotObservedYet`] when the person at the keyboard knows of no
    /// observation of the child, [`AppError::NoObservationBeforeStart`] when they all came after
    /// the start.
    fn open_prompts(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        let t = &self.trajectory;
        if !t.is_open() {
            return Err(AppError::TrajectoryClosed);
        }
        if !t.takes_prompts() {
            return Err(AppError::MeldcodeNoPrompts);
        }
        let offered = offered_prompts(&self.observations, &t.prompted_by, t.started);
        if offered.is_empty() {
            return Err(match self.observations.is_empty() {
                true => AppError::NotObservedYet,
                false => AppError::NoObservationBeforeStart,
            });
        }
        let numbers: Vec<String> = offered
            .iter()
            .enumerate()
            .filter(|(_, o)| t.prompted_by.contains(&o.id))
            .map(|(i, _)| (i + 1).to_string())
            .collect();
        let lang = ctx.lang;
        self.modal = open(TrajectoryForm::Prompts(PromptsForm {
            offered: offered
                .iter()
                .map(|o| (o.id, lang.observation_label(o.date, &o.by)))
                .collect(),
            numbers: Text::new(T::FieldPromptNumbers, &numbers.join(" ")),
        }));
        Ok(())
    }

    /// The observations the trajectory names as prompting it that the person at the keyboard
    /// may see, in the order of the child's observations.
    pub fn prompts(&self) -> impl Iterator<Item = &Observation> {
        let named = &self.trajectory.prompted_by;
        self.observations.iter().filter(|o| named.contains(&o.id))
    }

    /// A form with the field's value: text, or a date in the screen's language.
    fn edit(&mut self, lang: Lang, field: PlanField) {
        let t = &self.trajectory;
        // Every text of a trajectory may run to several dated lines (signals, a decision).
        let text = |value: &str| {
            let text = Text::note(field_label(field), value);
            TrajectoryForm::Text(TextEdit { field, text })
        };
        let date = |date: Date| TrajectoryForm::Date(DateEdit { field, date });
        let form = match field {
            PlanField::Question => text(&t.question),
            PlanField::Goals => text(&t.goals),
            PlanField::Actions => text(&t.actions),
            PlanField::ParentsView => text(&t.parents_view),
            PlanField::Started => date(Date::new(T::FieldCloseDate, lang, Some(t.started))),
            PlanField::ExpectedEnd => {
                date(Date::optional(T::FieldDateOrEmpty, lang, t.expected_end))
            }
            PlanField::Review => date(Date::optional(T::FieldDateOrEmpty, lang, t.review)),
            PlanField::Meldcode(MeldcodeField::VeiligThuisConsulted) => date(Date::optional(
                T::FieldDateOrEmpty,
                lang,
                t.meldcode.veilig_thuis_consulted,
            )),
            PlanField::Meldcode(MeldcodeField::ReportedOn) => date(Date::optional(
                T::FieldDateOrEmpty,
                lang,
                t.meldcode.reported_on,
            )),
            PlanField::Meldcode(m) => {
                text(meldcode_text(&t.meldcode, m).map_or("", String::as_str))
            }
        };
        self.modal = open(form);
    }

    /// The close form: the plan's own outcomes (`Outcome::offered`: the Meldcode's are not the
    /// early-signalling plan's) on the one the answers point to, and today.
    fn close_form(&self, ctx: &Ctx) -> CloseForm {
        let t = &self.trajectory;
        let offered = Ending::offered(&t.template);
        CloseForm::new(
            ctx.lang,
            offered,
            t.proposed_outcome(&self.template),
            ctx.today(),
        )
    }

    /// Records the child's `answer` to `to`, given by `given_by` (the child's consent, not the
    /// trajectory's: one answer per child and purpose), audited as `child.consent`.
    fn set_consent(
        &mut self,
        ctx: &Ctx,
        to: ConsentTo,
        answer: Option<ConsentAnswer>,
        given_by: String,
    ) -> Result<(), AppError> {
        self.child = change_child(ctx, self.child.id, AuditAction::ChildConsent, |c, sig| {
            set_consent(&mut c.consent, to, answer, given_by, sig);
            Ok(())
        })?;
        Ok(())
    }

    /// Saves a submitted form; what to say about it.
    fn submit(&mut self, ctx: &Ctx, form: &TrajectoryForm) -> Result<String, AppError> {
        let lang = ctx.lang;
        let saved = match form {
            TrajectoryForm::Note(NoteForm { stage, note }) => {
                self.change(ctx, AuditAction::TrajectoryNote, stage, |t, sig| {
                    t.set_note(stage, &note.value, &sig.by, sig.at);
                    Ok(())
                })?;
                lang.get(T::FieldNote).to_string()
            }
            TrajectoryForm::Reason(ReasonForm { stage, reason }) => {
                let reason = reason.required(Invalid::ReasonRequired)?;
                let action = AuditAction::TrajectoryStageWithoutConsent;
                self.change(ctx, action, stage, |t, sig| {
                    t.tick_without_consent(stage, &reason, &sig.by, sig.at);
                    Ok(())
                })?;
                self.template
                    .stage(stage)
                    .map_or(stage.to_string(), |s| lang.text(&s.title).to_string())
            }
            TrajectoryForm::Text(TextEdit { field, text }) => {
                let value = text.trimmed().to_string();
                let field = *field;
                self.change(ctx, AuditAction::TrajectoryEdit, field.part(), |t, _| {
                    match field {
                        PlanField::Question => t.question = value,
                        PlanField::Goals => t.goals = value,
                        PlanField::Actions => t.actions = value,
                        PlanField::ParentsView => t.parents_view = value,
                        PlanField::Meldcode(m) => {
                            if let Some(text) = meldcode_text_mut(&mut t.meldcode, m) {
                                *text = value;
                            }
                        }
                        PlanField::Started | PlanField::ExpectedEnd | PlanField::Review => {}
                    }
                    Ok(())
                })?;
                lang.get(field_label(field)).to_string()
            }
            TrajectoryForm::Date(DateEdit { field, date }) => {
                let field = *field;
                let value = date.value()?;
                let (born, today) = (self.child.birth_date, ctx.today());
                self.change(ctx, AuditAction::TrajectoryEdit, field.part(), |t, _| {
                    match field {
                        PlanField::Started => t.started = date.date()?,
                        PlanField::ExpectedEnd => t.expected_end = value,
                        PlanField::Review => t.review = value,
                        PlanField::Meldcode(m) => {
                            if let Some(date) = meldcode_date_mut(&mut t.meldcode, m) {
                                *date = value;
                            }
                        }
                        PlanField::Question
                        | PlanField::Goals
                        | PlanField::Actions
                        | PlanField::ParentsView => {}
                    }
                    match field.date_field() {
                        Some(edited) => Ok(t.check_edited(edited, born, today)?),
                        None => Ok(()),
                    }
                })?;
                lang.get(field_label(field)).to_string()
            }
            TrajectoryForm::Giver(GiverForm { to, answer, giver }) => {
                let given_by = giver.value().cloned().unwrap_or_default();
                consent::check_giver(&given_by, &self.child.guardians)?;
                self.set_consent(ctx, *to, Some(*answer), given_by)?;
                lang.get(T::ChildConsent).to_string()
            }
            TrajectoryForm::Prompts(PromptsForm { offered, numbers }) => {
                let places = picked(&numbers.value, offered.len())?;
                let chosen = places.into_iter().filter_map(|i| offered.get(i));
                // What the person at the keyboard may not see stays named: nobody takes back
                // what they cannot see.
                let visible = |id: &Id| self.observations.iter().any(|o| o.id == *id);
                let hidden = self.trajectory.prompted_by.iter().filter(|id| !visible(id));
                let ids: Vec<Id> = chosen.map(|(id, _)| *id).chain(hidden.copied()).collect();
                let action = AuditAction::TrajectoryEdit;
                self.change(ctx, action, Trajectory::PROMPTED_BY, |t, _| {
                    t.set_prompted_by(ids);
                    Ok(())
                })?;
                lang.get(T::FieldPromptedBy).to_string()
            }
            // Checked, and written only after its question (`ask_close`).
            TrajectoryForm::Close(_) => String::new(),
        };
        Ok(lang.saved(&saved))
    }

    /// A valid close form is not written yet but asked about once more; the question holds the
    /// form as typed.
    fn ask_close(
        &mut self,
        ctx: &Ctx,
        close: &CloseForm,
        form: Form<TrajectoryForm>,
    ) -> Result<(), AppError> {
        let lang = ctx.lang;
        let date = close.date.date()?;
        let born = self.child.birth_date;
        self.trajectory.check_close(date, born, ctx.today())?;
        let outcome = close
            .outcome
            .value()
            .copied()
            .unwrap_or(Ending::ContinuesInGroup);
        let mut question = lang.close_trajectory_question(
            lang.text(&self.template.name),
            lang.outcome(outcome),
            &lang.date(date),
        );
        if self.trajectory.report_unrecorded(outcome) {
            question = format!("{} {question}", lang.get(T::ReportUnrecorded));
        }
        let form = Box::new(form);
        let about = Closing {
            outcome,
            date,
            form,
        };
        self.modal = Some(Modal::Confirm(Confirm { question, about }));
        Ok(())
    }

    fn popup_step(&mut self, ctx: &Ctx, step: Step<TrajectoryForm, Closing>) -> Outcome {
        let refused = |form: Form<TrajectoryForm>, e: &AppError| {
            Some(Modal::Form(form.refused(ctx.lang.error(e))))
        };
        match step {
            Step::Stay | Step::Closed => Outcome::Done,
            // A "no" to the close brings the form back as it was typed.
            Step::No(closing) => {
                self.modal = Some(Modal::Form(*closing.form));
                Outcome::Done
            }
            Step::Submit(form) => {
                let checked = match &form.fields {
                    TrajectoryForm::Close(close) => {
                        let close = close.clone();
                        self.ask_close(ctx, &close, form.clone()).map(|()| None)
                    }
                    fields => self.submit(ctx, fields).map(Some),
                };
                match checked {
                    Ok(said) => said.map_or(Outcome::Done, Outcome::Say),
                    Err(e) => {
                        self.modal = refused(form, &e);
                        Outcome::Done
                    }
                }
            }
            Step::Yes(Closing {
                outcome,
                date,
                form,
            }) => {
                let closed = self.change(ctx, AuditAction::TrajectoryClose, "", |t, sig| {
                    t.close(outcome, date, &sig.by);
                    Ok(())
                });
                match closed {
                    Ok(()) => Outcome::Say(ctx.lang.saved(ctx.lang.text(&self.template.name))),
                    // The form comes back with why, nothing lost.
                    Err(e) => {
                        self.modal = refused(*form, &e);
                        Outcome::Done
                    }
                }
            }
        }
    }
}

/// The observations the prompts form offers, newest first: the latest [`PROMPT_CHOICES`] of
/// `observations` (oldest first) made on or before the trajectory `started` (what came after
/// cannot have prompted it), and any other one among `named`, so that none already named is
/// lost.
fn offered_prompts<'o>(
    observations: &'o [Observation],
    named: &[Id],
    started: NaiveDate,
) -> Vec<&'o Observation> {
    let mut newest: Vec<&Observation> = observations.iter().collect();
    newest.sort_by_key(|o| std::cmp::Reverse((o.date, o.id)));
    let mut before = 0;
    newest
        .into_iter()
        .filter(|o| {
            let offered = o.date <= started && before < PROMPT_CHOICES;
            before += usize::from(offered);
            offered || named.contains(&o.id)
        })
        .collect()
}

/// The consent after Space: not asked, yes, no, not asked again.
fn next_consent(current: Option<ConsentAnswer>) -> Option<ConsentAnswer> {
    match current {
        None => Some(ConsentAnswer::Yes),
        Some(ConsentAnswer::Yes) => Some(ConsentAnswer::No),
        Some(ConsentAnswer::No) => None,
    }
}

/// The rows of a trajectory: its fields, then each stage followed by what it records (the
/// parents' consent, the questions it asks). `bso`: the child is in a BSO (`T::consent`).
fn rows(lang: Lang, template: &PlanTemplate, bso: bool) -> ListView<TrajectoryRow> {
    let mut parts: Vec<(PlanPart, String)> = PlanField::of(&template.id)
        .iter()
        .map(|f| (PlanPart::Field(*f), lang.get(field_label(*f)).to_string()))
        .collect();
    for (number, stage) in template.stages.iter().enumerate() {
        parts.push((
            PlanPart::Stage(stage.id.clone()),
            lang.text(&stage.title).to_string(),
        ));
        // Stage 1 (noticing, observing) names what prompted the trajectory.
        if number == 0 && takes_prompts(&template.id) {
            let label = lang.get(T::FieldPromptedBy).to_string();
            parts.push((PlanPart::Prompts, label));
        }
        if stage.kind == StageKind::Parents {
            for to in [ConsentTo::Coach, ConsentTo::CareTeam, ConsentTo::School] {
                let label = lang.get(T::consent(to, bso)).to_string();
                parts.push((PlanPart::Consent(to), label));
            }
        }
        for question in &stage.questions {
            parts.push((
                PlanPart::Question(question.id.clone()),
                lang.text(&question.text).to_string(),
            ));
        }
    }
    ListView::of(
        parts
            .into_iter()
            .enumerate()
            .map(|(index, (part, search))| TrajectoryRow {
                index,
                part,
                search,
            })
            .collect(),
    )
}

/// When a trajectory last changed, for the "saved" state of one that is opened again.
fn latest_change(t: &Trajectory, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let stages = t.stages.iter().filter_map(|e| e.at);
    let answers = t.answers.iter().map(|a| a.at);
    stages.chain(answers).max().unwrap_or(now)
}

impl Component for TrajectoryScreen {
    /// The label anew, for whoever is at the keyboard now, whether the child was observed and
    /// the observations they may know of (a hand-over; one who may not read a Meldcode
    /// trajectory does not get this screen at all, `app::access::may_see`).
    fn reload(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        self.label = ctx.child_label(&self.child)?;
        let observations = ctx.store.observations_of(self.child.id)?;
        self.observed = !observations.is_empty();
        self.observations = ctx.known_observations(observations);
        Ok(())
    }

    fn title(&self, lang: Lang) -> String {
        lang.text(&self.template.name).to_string()
    }

    fn screen_contexts(&self) -> Vec<Context> {
        vec![Context::Trajectory, Context::List, Context::Global]
    }

    fn hints(&self) -> &'static [Action] {
        use Action::*;
        match self.trajectory.takes_prompts() {
            true => &[
                Mark,
                Note,
                Edit,
                Back,
                Help,
                Quit,
                CloseTrajectory,
                PromptedBy,
            ],
            false => &[Mark, Note, Edit, Back, Help, Quit, CloseTrajectory],
        }
    }

    fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        match first(&mut self.modal, Some(&mut self.list), msg) {
            First::Popup(step) => self.popup_step(ctx, step),
            First::Action(action) => self.act(ctx, action).into(),
            First::Taken => Outcome::Done,
            First::NotMine => Outcome::Ignored,
        }
    }

    fn about(&self) -> About<'_> {
        About::child(&self.child)
    }

    crate::own_popup!();

    crate::filtered_list!();
}
