//! One child: its parents and guardians, mentor and consent, its observations, trajectories and
//! linked contacts. Editing and archiving the child (the form and question of `children.rs`), the
//! forms of its record (`child_record.rs`), and the ways on to its observation form, the
//! comparison and its audit trail start here.

use super::child_record::{self, ConsentForm, GuardianForm, MentorForm, RecordForm, RecordModal};
use super::children::{child_popup_step, edit_or_archive, observe_or_compare, ChildModal};
use super::handover::HandoverForm;
use super::history::HistoryScreen;
use crate::app::modal::{first, First};
use crate::app::screens::PlansScreen;
use crate::app::{
    About, Action, AppError, ChildLabel, Component, Ctx, Msg, Outcome, Screen, MIN_HEIGHT,
};
use crate::domain::access::Permission;
use crate::domain::handover::{to_school_on, Handover};
use crate::domain::plan::Trajectory;
use crate::domain::{Child, Contact, Group, Id, Observation, Staff};
use crate::i18n::Lang;
use crate::keymap::Context;
use chrono::NaiveDate;

#[derive(Debug, Clone)]
pub struct ChildScreen {
    /// The child; under an alias without its guardians (see [`ChildScreen::label`]).
    pub child: Child,
    /// How the person at the keyboard sees the child: by name, or under an alias, and then
    /// without birth date, guardians or the notes of others.
    pub label: ChildLabel,
    pub group: Group,
    /// The child's newest observations, newest first: as many as the terminal can show
    /// (`Ctx::rows`); [`all_observations`] has every one.
    pub observations: Vec<Observation>,
    /// The child's trajectories, open ones first, newest first.
    pub trajectories: Vec<Trajectory>,
    /// The outside contacts linked to the child.
    pub contacts: Vec<Contact>,
    /// The child form, or the question whether to archive (or bring back) the child.
    pub modal: Option<ChildModal>,
    /// The child's mentor, as stored (`None`: none set, or no longer in the database).
    pub mentor: Option<Staff>,
    /// The guardian selected (its place in `child.guardians`): the one changed or removed.
    pub guardian: usize,
    /// A form of the child's record, or whether to remove a guardian.
    pub record: Option<RecordModal>,
    /// The child's handover to school (for a BSO child: the talk with the school), for who may
    /// read it (`Permission::Handover`); `None` when none is written or they may not. Boxed:
    /// a screen on the stack stays small.
    pub handover: Option<Box<Handover>>,
    /// The 4th birthday of a KDV or peuteropvang child from 3 years 9 months
    /// (`handover::to_school_on`).
    pub to_school: Option<NaiveDate>,
}

impl ChildScreen {
    /// The screen of the child with `id`, read from the store; `None` when the child or its
    /// group is not there (any more).
    ///
    /// # Errors
    /// When the store cannot be read.
    pub fn load(ctx: &Ctx, id: Id) -> Result<Option<ChildScreen>, AppError> {
        let Some(child) = ctx.store.child(id)? else {
            return Ok(None);
        };
        let Some(group) = ctx.store.group(child.group_id)? else {
            return Ok(None);
        };
        ChildScreen::with_child(ctx, child, group).map(Some)
    }

    /// The screen of `child` of `group`, as just read from the store (a list's row): what else
    /// it shows is read now.
    ///
    /// # Errors
    /// When the store cannot be read.
    pub fn with_child(ctx: &Ctx, mut child: Child, group: Group) -> Result<ChildScreen, AppError> {
        let label = ctx.child_label(&child)?;
        if label.anonymous() {
            // Nothing on this screen may name the child; it writes no child record (editing one
            // under an alias is refused), so this copy is never saved.
            child.guardians.clear();
        }
        let observations = shown_observations(ctx, &label, child.id)?;
        // Open ones first, newest first.
        let trajectories = ctx.known_trajectories(ctx.store.trajectories_of(child.id)?);
        let mut trajectories = label.trajectories(ctx, trajectories);
        trajectories.reverse();
        trajectories.sort_by_key(|t| !t.is_open());
        // A link to a card removed since is left out.
        let mut contacts = Vec::new();
        for id in &child.contacts {
            // A pinned card (linked once edited) in the user's language.
            contacts.extend(ctx.store.contact(*id)?.map(|c| ctx.lang.contact(&c)));
        }
        let mentor = match child.mentor {
            Some(id) => ctx.store.staff_member(id)?,
            None => None,
        };
        let handover = match ctx.may(Permission::Handover) {
            true => ctx.store.handover(child.id)?.map(Box::new),
            false => None,
        };
        let to_school = to_school_on(group.kind, child.birth_date, ctx.today());
        Ok(ChildScreen {
            child,
            label,
            group,
            observations,
            trajectories,
            contacts,
            modal: None,
            mentor,
            guardian: 0,
            record: None,
            handover,
            to_school,
        })
    }

    /// Reads the observations again, as many as the terminal now shows (`Ctx::rows`): after it
    /// grew taller. Nothing else changes, a form being filled in included.
    ///
    /// # Errors
    /// When the store cannot be read; the screen keeps what it had.
    pub fn fit_observations(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        self.observations = shown_observations(ctx, &self.label, self.child.id)?;
        Ok(())
    }

    fn act(&mut self, ctx: &Ctx, action: Action) -> Result<Outcome, AppError> {
        ctx.permit_action(Context::Child, action)?;
        let (child, group) = (self.child.clone(), self.group.clone());
        if let Some(opened) = observe_or_compare(ctx, action, child.clone(), group.clone()) {
            return opened;
        }
        match action {
            Action::Back => Ok(Outcome::Pop),
            Action::Edit | Action::Archive => {
                self.modal = Some(edit_or_archive(ctx, action, child)?);
                Ok(Outcome::Done)
            }
            Action::History => {
                let observations = all_observations(ctx, &self.label, child.id)?;
                let trail = HistoryScreen::new(ctx, child, &observations, &self.trajectories)?;
                Ok(Outcome::Push(Screen::History(trail)))
            }
            Action::Plan => PlansScreen::open(ctx, child, group).map(Outcome::Push),
            Action::Report => crate::app::reports::parents_report(ctx, &child),
            _ => self.act_on_record(ctx, action),
        }
    }

    /// The keys of the child's record: select a guardian, add, change or remove one, set the
    /// mentor, record consent.
    fn act_on_record(&mut self, ctx: &Ctx, action: Action) -> Result<Outcome, AppError> {
        let lang = ctx.lang;
        let child = &self.child;
        let has_guardians = !child.guardians.is_empty();
        self.record = match action {
            Action::Up => {
                self.guardian = self.guardian.saturating_sub(1);
                return Ok(Outcome::Done);
            }
            Action::Down => {
                let last = child.guardians.len().saturating_sub(1);
                self.guardian = (self.guardian + 1).min(last);
                return Ok(Outcome::Done);
            }
            Action::AddGuardian => child_record::open(RecordForm::Guardian(Box::new(
                GuardianForm::new(lang, child, None),
            ))),
            Action::EditGuardian | Action::RemoveGuardian if !has_guardians => {
                return Err(AppError::NoGuardian)
            }
            Action::EditGuardian => {
                let form = GuardianForm::new(lang, child, Some(self.guardian));
                child_record::open(RecordForm::Guardian(Box::new(form)))
            }
            Action::RemoveGuardian => child_record::confirm_remove(lang, child, self.guardian),
            Action::Mentor => {
                let form = MentorForm::open(ctx, child)?;
                child_record::open(RecordForm::Mentor(Box::new(form)))
            }
            Action::Consent => {
                let bso = self.group.kind == crate::domain::GroupKind::Bso;
                let form = ConsentForm::new(lang, child, bso);
                child_record::open(RecordForm::Consent(Box::new(form)))
            }
            Action::Handover => {
                let form = HandoverForm::open(ctx, child, &self.group)?;
                child_record::open(RecordForm::Handover(Box::new(form)))
            }
            _ => return Ok(Outcome::Ignored),
        };
        Ok(Outcome::Done)
    }
}

/// The newest observations of child `id` the person at the keyboard may know of (the Meldcode:
/// `Ctx::known_*`), as `label` lets them be shown (under an alias nothing that may name the
/// child), newest first: no more than the terminal can show (`Ctx::rows`), each taking two rows
/// at least.
fn shown_observations(ctx: &Ctx, label: &ChildLabel, id: Id) -> Result<Vec<Observation>, AppError> {
    let shown = usize::from(ctx.rows.max(MIN_HEIGHT)).div_ceil(2);
    let observations = ctx
        .store
        .newest_observations(id, shown, |o| ctx.known_observation(o))?;
    Ok(label.observations(ctx, observations))
}

/// Every observation of child `id` that the person at the keyboard may know of, as `label`
/// lets it be shown, newest first: what the child's trail is checked against.
///
/// # Errors
/// When the store cannot be read.
pub fn all_observations(
    ctx: &Ctx,
    label: &ChildLabel,
    id: Id,
) -> Result<Vec<Observation>, AppError> {
    let observations = ctx.known_observations(ctx.store.observations_of(id)?);
    let mut observations = label.observations(ctx, observations);
    observations.reverse();
    Ok(observations)
}

impl Component for ChildScreen {
    fn title(&self, _lang: Lang) -> String {
        self.label.text.clone()
    }

    fn screen_contexts(&self) -> Vec<Context> {
        vec![Context::Child, Context::Global]
    }

    /// For a child going to school, or in a BSO, its handover (`s`) comes right after the plan:
    /// at 80 columns it then shows, in place of the comparison (`?` lists that).
    fn hints(&self) -> &'static [Action] {
        use Action::*;
        let school = self.to_school.is_some() || self.group.kind == crate::domain::GroupKind::Bso;
        match school {
            true => &[
                Observe,
                Plan,
                Handover,
                Back,
                Help,
                Compare,
                Quit,
                Consent,
                AddGuardian,
                Mentor,
                History,
                Edit,
                Report,
            ],
            false => &[
                Observe,
                Plan,
                Compare,
                Back,
                Help,
                Quit,
                Consent,
                AddGuardian,
                Mentor,
                History,
                Edit,
                Report,
                Handover,
            ],
        }
    }

    fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        if let Some(step) = crate::app::modal::step(&mut self.record, msg) {
            return child_record::record_step(ctx, self.child.id, &mut self.record, step);
        }
        match first(&mut self.modal, None, msg) {
            First::Popup(step) => child_popup_step(ctx, &mut self.modal, step),
            First::Action(action) => self.act(ctx, action).into(),
            First::Taken => Outcome::Done,
            First::NotMine => Outcome::Ignored,
        }
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        if let Some(fresh) = ChildScreen::load(ctx, self.child.id)? {
            let (modal, record) = (self.modal.take(), self.record.take());
            let guardian = self
                .guardian
                .min(fresh.child.guardians.len().saturating_sub(1));
            *self = ChildScreen {
                modal,
                record,
                guardian,
                ..fresh
            };
        }
        Ok(())
    }

    fn about(&self) -> About<'_> {
        About::child(&self.child)
    }

    fn popup(&self) -> Option<&dyn crate::app::modal::Popped> {
        let record = self
            .record
            .as_ref()
            .map(|m| m as &dyn crate::app::modal::Popped);
        let modal = self
            .modal
            .as_ref()
            .map(|m| m as &dyn crate::app::modal::Popped);
        record.or(modal)
    }

    fn drop_draft(&mut self) -> bool {
        let record = self.record.take().is_some();
        self.modal.take().is_some() || record
    }
}
