//! The step plan: picking or starting a child's trajectory, ticking stages (with the consent
//! check before the coach is asked), answering the afwegingskader's questions, recording the
//! parents' consent, editing the question and plan, and closing. Every change is one flushed
//! write before the screen shows it.

use chrono::NaiveDate;

use super::form::{Field, Form};
use super::list::ListView;
use super::saving::SaveState;
use super::screen::{
    ConsentTo, PlanChoice, PlanField, PlanPart, PlanRow, PlansScreen, Screen, TrajectoryRow,
    TrajectoryScreen,
};
use super::{App, FormKind, Popup};
use crate::domain::plan::{Outcome, PlanTemplate, Progress, StageKind, Trajectory};
use crate::domain::AuditAction;
use crate::i18n::{Lang, T};
use crate::store::Signature;

impl App {
    /// `p`: the child's trajectories (open ones first) and the plans to start a new one with;
    /// with no trajectory yet only the plans, the early-signalling plan first.
    pub(super) fn open_plans(&mut self) {
        let Some((child, group)) = self.chosen_child() else {
            return;
        };
        let Some(trajectories) = self.ok(self.store.trajectories_of(child.id)) else {
            return;
        };
        let lang = self.lang;
        let current = self.plans.current();
        let plan_name = |id: &str| {
            current
                .iter()
                .find(|p| p.id == id)
                .map_or(id.to_string(), |p| lang.text(&p.name).to_string())
        };
        let (open, closed): (Vec<Trajectory>, Vec<Trajectory>) = trajectories
            .into_iter()
            .rev()
            .partition(Trajectory::is_open);
        let mut choices: Vec<(PlanChoice, String)> = Vec::new();
        for t in &open {
            choices.push((PlanChoice::Existing(t.clone()), plan_name(&t.template)));
        }
        for &template in &current {
            if !open.iter().any(|t| t.template == template.id) {
                let name = lang.text(&template.name).to_string();
                choices.push((PlanChoice::New(template.clone()), name));
            }
        }
        for t in closed {
            let name = plan_name(&t.template);
            choices.push((PlanChoice::Existing(t), name));
        }
        let rows = choices
            .into_iter()
            .enumerate()
            .map(|(index, (choice, search))| PlanRow {
                index,
                choice,
                search,
            })
            .collect();
        let list = ListView::of(rows);
        self.screens
            .push(Screen::Plans(PlansScreen { child, group, list }));
    }

    /// Enter in the plans picker: open the trajectory, or start one with the plan. The picker
    /// makes way, so Esc goes back to where `p` was pressed.
    pub(super) fn pick_plan(&mut self) {
        let Screen::Plans(s) = self.screen() else {
            return;
        };
        let Some(row) = s.list.selected() else { return };
        let (child, group, choice) = (s.child.clone(), s.group.clone(), row.choice.clone());
        let reopened = matches!(choice, PlanChoice::Existing(_));
        let (template, trajectory) = match choice {
            PlanChoice::Existing(t) => match self.plans.find(&t.template, t.version) {
                Some(template) => (template.clone(), t),
                None => return self.complain(self.lang.unknown_template(&t.template)),
            },
            PlanChoice::New(template) => {
                let sig = self.signature();
                let Some(id) = self.ok(self.store.new_trajectory_id()) else {
                    return;
                };
                let t = Trajectory::new(id, child.id, &template, self.today(), &sig.by);
                let saved = self.store.save_trajectory(
                    &t,
                    &template,
                    AuditAction::TrajectoryStart,
                    "",
                    &sig,
                );
                if self.ok(saved).is_none() {
                    return;
                }
                (template, t)
            }
        };
        self.screens.pop();
        let mut list = trajectory_rows(self.lang, &template);
        // Staff come back to tick the next stage: an open trajectory opens on it. A new one
        // opens on the question, which is filled in first.
        if let (true, Progress::At { number, .. }) = (
            reopened && trajectory.is_open(),
            trajectory.progress(&template),
        ) {
            let stage = PlanPart::Stage(template.stages[number - 1].id.clone());
            let row = list.items().find(|r| r.part == stage).map(|r| r.index);
            if let Some(index) = row {
                list.select_id(index as u64);
            }
        }
        let saved = SaveState::Saved(latest_change(&trajectory, self.clock.now()));
        self.screens.push(Screen::Trajectory(TrajectoryScreen {
            child,
            group,
            template,
            trajectory,
            saved,
            list,
        }));
    }

    /// The selected row of the shown trajectory, and whether the trajectory may still change.
    fn selected_part(&mut self) -> Option<PlanPart> {
        let Some(Screen::Trajectory(s)) = self.screens.last() else {
            return None;
        };
        let part = s.list.selected()?.part.clone();
        if !s.trajectory.is_open() {
            self.complain(self.lang.get(T::TrajectoryClosedErr));
            return None;
        }
        Some(part)
    }

    /// Space: tick a stage (asking why first when the coach stage lacks the parents' consent),
    /// or cycle an answer or a consent through yes, no and open.
    pub(super) fn trajectory_mark(&mut self) {
        let Some(part) = self.selected_part() else {
            return;
        };
        let result = match &part {
            PlanPart::Stage(stage) => {
                if self.needs_consent(stage) {
                    return self.ask_reason(stage.clone());
                }
                self.change_trajectory(AuditAction::TrajectoryStage, stage, |t, sig| {
                    t.toggle(stage, &sig.by, sig.at);
                    Ok(())
                })
            }
            PlanPart::Question(question) => {
                self.change_trajectory(AuditAction::TrajectoryAnswer, question, |t, sig| {
                    let next = next_answer(t.answer(question));
                    t.set_answer(question, next, &sig.by, sig.at);
                    Ok(())
                })
            }
            PlanPart::Consent(to) => {
                self.change_trajectory(AuditAction::TrajectoryConsent, "consent", |t, sig| {
                    let slot = match to {
                        ConsentTo::Coach => &mut t.consent.coach,
                        ConsentTo::School => &mut t.consent.school,
                    };
                    *slot = next_answer(*slot);
                    t.consent.by = sig.by.clone();
                    t.consent.at = Some(sig.at);
                    Ok(())
                })
            }
            PlanPart::Field(_) => return self.trajectory_edit(),
        };
        if let Err(message) = result {
            self.complain(message);
        }
    }

    fn needs_consent(&self, stage: &str) -> bool {
        match self.screen() {
            Screen::Trajectory(s) => s.trajectory.needs_consent(&s.template, stage),
            _ => false,
        }
    }

    /// The consent warning: the coach stage is ticked only with a reason written down.
    fn ask_reason(&mut self, stage: String) {
        let form = Form::new(
            FormKind::CoachWithoutConsent { stage },
            T::FormCoachWithoutConsent,
            vec![Field::text(T::FieldReason, "")],
        )
        .with_warning(self.lang.get(T::ConsentWarning));
        self.popup = Some(Popup::Form(form));
    }

    /// `n`: the selected stage's note.
    pub(super) fn trajectory_note(&mut self) {
        let Some(PlanPart::Stage(stage)) = self.selected_part() else {
            return;
        };
        let Some(Screen::Trajectory(s)) = self.screens.last() else {
            return;
        };
        let note = s
            .trajectory
            .entry(&stage)
            .map_or("", |e| &e.note)
            .to_string();
        self.popup = Some(Popup::Form(Form::new(
            FormKind::StageNote { stage },
            T::FormStageNote,
            vec![Field::text(T::FieldNote, &note)],
        )));
    }

    /// `e` or Enter on a field: a one-field form with its value.
    pub(super) fn trajectory_edit(&mut self) {
        let Some(PlanPart::Field(field)) = self.selected_part() else {
            return;
        };
        let Some(Screen::Trajectory(s)) = self.screens.last() else {
            return;
        };
        let t = &s.trajectory;
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let value = match field {
            PlanField::Question => t.question.clone(),
            PlanField::Goals => t.goals.clone(),
            PlanField::Actions => t.actions.clone(),
            PlanField::Started => t.started.to_string(),
            PlanField::ExpectedEnd => date(t.expected_end),
            PlanField::Review => date(t.review),
        };
        let label = match field {
            PlanField::Question | PlanField::Goals | PlanField::Actions => field_label(field),
            PlanField::Started => T::FieldCloseDate,
            PlanField::ExpectedEnd | PlanField::Review => T::FieldDateOrEmpty,
        };
        self.popup = Some(Popup::Form(Form::new(
            FormKind::TrajectoryField { field },
            field_label(field),
            vec![Field::text(label, &value)],
        )));
    }

    /// `x`: close with an outcome and a date (today by default). A Meldcode trajectory whose
    /// answers mean a report proposes that outcome.
    pub(super) fn trajectory_close(&mut self) {
        if self.selected_part().is_none() {
            return;
        }
        let Some(Screen::Trajectory(s)) = self.screens.last() else {
            return;
        };
        let reports = !s.trajectory.reports(&s.template).is_empty();
        let proposed = if reports {
            Outcome::MeldcodeReport
        } else {
            Outcome::ContinuesInGroup
        };
        let index = Outcome::ALL
            .iter()
            .position(|o| *o == proposed)
            .unwrap_or(0);
        let outcomes = Outcome::ALL
            .iter()
            .map(|o| self.lang.outcome(*o).to_string())
            .collect();
        self.popup = Some(Popup::Form(Form::new(
            FormKind::CloseTrajectory,
            T::FormCloseTrajectory,
            vec![
                Field::choice(T::FieldOutcome, outcomes, index),
                Field::text(T::FieldCloseDate, &self.today().to_string()),
            ],
        )));
    }

    /// Saves one of the trajectory's forms; what was saved, or why not (the form stays open).
    pub(super) fn submit_trajectory_form(
        &mut self,
        form: &Form<FormKind>,
    ) -> Result<String, String> {
        let lang = self.lang;
        let text = form.text(0).trim().to_string();
        match &form.kind {
            FormKind::StageNote { stage } => {
                self.change_trajectory(AuditAction::TrajectoryNote, stage, |t, sig| {
                    t.set_note(stage, &text, &sig.by, sig.at);
                    Ok(())
                })?;
                Ok(lang.get(T::FieldNote).to_string())
            }
            FormKind::CoachWithoutConsent { stage } => {
                if text.is_empty() {
                    return Err(lang.get(T::ErrReasonRequired).to_string());
                }
                self.change_trajectory(
                    AuditAction::TrajectoryStageWithoutConsent,
                    stage,
                    |t, sig| {
                        t.tick_without_consent(stage, &text, &sig.by, sig.at);
                        Ok(())
                    },
                )?;
                Ok(self.stage_title(stage))
            }
            FormKind::TrajectoryField { field } => {
                let field = *field;
                let date = match field {
                    PlanField::Started | PlanField::ExpectedEnd | PlanField::Review => {
                        parse_date(lang, &text)?
                    }
                    PlanField::Question | PlanField::Goals | PlanField::Actions => None,
                };
                let part = field_part(field);
                self.change_trajectory(AuditAction::TrajectoryEdit, part, |t, _| {
                    match field {
                        PlanField::Question => t.question = text.clone(),
                        PlanField::Goals => t.goals = text.clone(),
                        PlanField::Actions => t.actions = text.clone(),
                        PlanField::Started => {
                            t.started = date.ok_or_else(|| lang.get(T::ErrBadDate).to_string())?
                        }
                        PlanField::ExpectedEnd => t.expected_end = date,
                        PlanField::Review => t.review = date,
                    }
                    // A plan ends and is reviewed after it starts.
                    let dates = [t.expected_end, t.review];
                    if dates.into_iter().flatten().any(|d| d < t.started) {
                        return Err(lang.get(T::ErrBeforeStart).to_string());
                    }
                    Ok(())
                })?;
                Ok(lang.get(field_label(field)).to_string())
            }
            FormKind::CloseTrajectory => {
                let (outcome, date) = self.checked_close(form)?;
                self.change_trajectory(AuditAction::TrajectoryClose, "", |t, sig| {
                    t.close(outcome, date, &sig.by);
                    Ok(())
                })?;
                Ok(self.plan_name())
            }
            _ => Ok(String::new()),
        }
    }

    /// The outcome and date of the close form, or why they do not do (a close before the
    /// start).
    fn checked_close(&self, form: &Form<FormKind>) -> Result<(Outcome, NaiveDate), String> {
        let lang = self.lang;
        let outcome = Outcome::ALL[form.choice(0).min(Outcome::ALL.len() - 1)];
        let date = parse_date(lang, form.text(1).trim())?
            .ok_or_else(|| lang.get(T::ErrBadDate).to_string())?;
        match self.screen() {
            Screen::Trajectory(s) if date < s.trajectory.started => {
                Err(lang.get(T::ErrBeforeStart).to_string())
            }
            _ => Ok((outcome, date)),
        }
    }

    /// "Close the trajectory <plan> on <date> with outcome <outcome>?", asked before the close
    /// form is saved; or why the form does not do.
    pub(super) fn close_trajectory_question(
        &self,
        form: &Form<FormKind>,
    ) -> Result<String, String> {
        let (outcome, date) = self.checked_close(form)?;
        let lang = self.lang;
        Ok(lang.close_trajectory_question(
            &self.plan_name(),
            lang.outcome(outcome),
            &lang.date(date),
        ))
    }

    /// The title of a stage of the shown trajectory, for the status line.
    fn stage_title(&self, stage: &str) -> String {
        match self.screen() {
            Screen::Trajectory(s) => s.template.stage(stage).map_or(stage.to_string(), |st| {
                self.lang.text(&st.title).to_string()
            }),
            _ => stage.to_string(),
        }
    }

    /// The name of the shown trajectory's plan, for the status line.
    fn plan_name(&self) -> String {
        match self.screen() {
            Screen::Trajectory(s) => self.lang.text(&s.template.name).to_string(),
            _ => String::new(),
        }
    }

    /// Applies `change` to a copy of the shown trajectory and writes it; the screen takes the
    /// copy only once the write is flushed.
    fn change_trajectory(
        &mut self,
        action: AuditAction,
        part: &str,
        change: impl FnOnce(&mut Trajectory, &Signature) -> Result<(), String>,
    ) -> Result<(), String> {
        let sig = self.signature();
        let Some(Screen::Trajectory(s)) = self.screens.last_mut() else {
            return Ok(());
        };
        let mut changed = s.trajectory.clone();
        change(&mut changed, &sig)?;
        match self
            .store
            .save_trajectory(&changed, &s.template, action, part, &sig)
        {
            Ok(()) => {
                s.trajectory = changed;
                s.saved = SaveState::Saved(sig.at);
                Ok(())
            }
            Err(e) => {
                s.saved = SaveState::Failed;
                Err(self.lang.store_error(&e))
            }
        }
    }
}

/// Yes, then no, then unanswered again.
fn next_answer(current: Option<bool>) -> Option<bool> {
    match current {
        None => Some(true),
        Some(true) => Some(false),
        Some(false) => None,
    }
}

/// A date as typed: empty is none, else YYYY-MM-DD.
fn parse_date(lang: Lang, text: &str) -> Result<Option<NaiveDate>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| lang.get(T::ErrBadDate).to_string())
}

pub fn field_label(field: PlanField) -> T {
    match field {
        PlanField::Question => T::FieldQuestion,
        PlanField::Goals => T::FieldGoals,
        PlanField::Actions => T::FieldActions,
        PlanField::Started => T::FieldStarted,
        PlanField::ExpectedEnd => T::FieldExpectedEnd,
        PlanField::Review => T::FieldReview,
    }
}

/// How a field is named in the audit trail.
fn field_part(field: PlanField) -> &'static str {
    match field {
        PlanField::Question => "question",
        PlanField::Goals => "goals",
        PlanField::Actions => "actions",
        PlanField::Started => "started",
        PlanField::ExpectedEnd => "expected_end",
        PlanField::Review => "review",
    }
}

/// The rows of a trajectory: its fields, then each stage followed by what it records (the
/// parents' consent, the questions it asks).
fn trajectory_rows(lang: Lang, template: &PlanTemplate) -> ListView<TrajectoryRow> {
    let mut parts: Vec<(PlanPart, String)> = PlanField::ALL
        .iter()
        .map(|f| (PlanPart::Field(*f), lang.get(field_label(*f)).to_string()))
        .collect();
    for stage in &template.stages {
        parts.push((
            PlanPart::Stage(stage.id.clone()),
            lang.text(&stage.title).to_string(),
        ));
        if stage.kind == StageKind::Parents {
            for (to, label) in [
                (ConsentTo::Coach, T::ConsentCoach),
                (ConsentTo::School, T::ConsentSchool),
            ] {
                parts.push((PlanPart::Consent(to), lang.get(label).to_string()));
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
fn latest_change(
    t: &Trajectory,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> chrono::DateTime<chrono::FixedOffset> {
    let stages = t.stages.iter().filter_map(|e| e.at);
    let answers = t.answers.iter().map(|a| a.at);
    stages
        .chain(answers)
        .chain(t.consent.at)
        .max()
        .unwrap_or(now)
}
