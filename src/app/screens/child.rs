//! One child: its observations, trajectories and linked contacts. Editing and archiving the
//! child (the form and question of `children.rs`), and the ways on to its observation form, the
//! comparison and its audit trail start here.

use crate::app::screens::PlansScreen;
use super::children::{child_popup_step, edit_or_archive, observe_or_compare, ChildModal};
use super::history::HistoryScreen;
use crate::app::modal::{first, First};
use crate::app::{About, Action, AppError, Component, Ctx, Msg, Outcome, Screen};
use crate::domain::plan::Trajectory;
use crate::domain::{Child, Contact, Group, Id, Observation};
use crate::i18n::Lang;
use crate::keymap::Context;

#[derive(Debug, Clone)]
pub struct ChildScreen {
    pub child: Child,
    pub group: Group,
    /// The child's observations, newest first.
    pub observations: Vec<Observation>,
    /// The child's trajectories, open ones first, newest first.
    pub trajectories: Vec<Trajectory>,
    /// The outside contacts linked to the child.
    pub contacts: Vec<Contact>,
    /// The child form, or the question whether to archive (or bring back) the child.
    pub modal: Option<ChildModal>,
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
    pub fn with_child(ctx: &Ctx, child: Child, group: Group) -> Result<ChildScreen, AppError> {
        // Only what the person at the keyboard may know of the Meldcode (`Ctx::known_*`).
        let mut observations = ctx.known_observations(ctx.store.observations_of(child.id)?);
        observations.reverse();
        // Open ones first, newest first.
        let mut trajectories = ctx.known_trajectories(ctx.store.trajectories_of(child.id)?);
        trajectories.reverse();
        trajectories.sort_by_key(|t| !t.is_open());
        // A link to a card removed since is left out.
        let mut contacts = Vec::new();
        for id in &child.contacts {
            contacts.extend(ctx.store.contact(*id)?);
        }
        Ok(ChildScreen {
            child,
            group,
            observations,
            trajectories,
            contacts,
            modal: None,
        })
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
                let trail = HistoryScreen::new(ctx, child, &self.observations, &self.trajectories)?;
                Ok(Outcome::Push(Screen::History(trail)))
            }
            Action::Plan => PlansScreen::open(ctx, child, group).map(Outcome::Push),
            Action::Report => crate::app::reports::parents_report(ctx, &child),
            _ => Ok(Outcome::Ignored),
        }
    }
}

impl Component for ChildScreen {
    fn title(&self, _lang: Lang) -> String {
        self.child.full_name()
    }

    fn screen_contexts(&self) -> Vec<Context> {
        vec![Context::Child, Context::Global]
    }

    fn hints(&self) -> &'static [Action] {
        use Action::*;
        &[Observe, Plan, Compare, Back, Help, Quit, History, Edit, Report]
    }

    fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        match first(&mut self.modal, None, msg) {
            First::Popup(step) => child_popup_step(ctx, &mut self.modal, step),
            First::Action(action) => self.act(ctx, action).into(),
            First::Taken => Outcome::Done,
            First::NotMine => Outcome::Ignored,
        }
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        if let Some(fresh) = ChildScreen::load(ctx, self.child.id)? {
            let modal = self.modal.take();
            *self = ChildScreen { modal, ..fresh };
        }
        Ok(())
    }

    fn about(&self) -> About<'_> {
        About::child(&self.child)
    }


    crate::own_popup!();
}
