//! What a screen may use while it handles a message: the store, the clock, who is at the keyboard,
//! the language and the catalogues. Narrow on purpose: a screen changes itself and says what else
//! should happen through its [`Outcome`](super::Outcome); it never reaches into the app.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{Action, AppError, Clock};
use crate::domain::access::{self, MeldcodeView, Permission};
use crate::domain::plan::PlanTemplate;
use crate::domain::plan::Trajectory;
use crate::domain::{Catalogue, Group, Observation, Role, Staff};
use crate::i18n::Lang;
use crate::keymap::Context;
use crate::store::{Signature, Store};

/// A screen's view of the app, for one message.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub store: &'a Store,
    pub clock: Clock,
    /// Who is at the keyboard; every change is signed with this name.
    pub user: Option<&'a Staff>,
    pub lang: Lang,
    /// The observation forms on offer (built-in and stored).
    pub catalogue: &'a Catalogue,
    /// The step plans on offer (built-in and stored).
    pub plans: &'a Catalogue<PlanTemplate>,
    /// A child not observed for more weeks than this is flagged in its group's list.
    pub observe_weeks: u32,
    /// Years after archiving before a child's data is past the retention term.
    pub retention_years: u32,
    /// Where `R` writes reports.
    pub reports_dir: &'a std::path::Path,
    /// The terminal's height in rows: a screen reads no more of a long history than this many
    /// rows can show (a child observed monthly for years has dozens of observations).
    pub rows: u16,
}

impl Ctx<'_> {
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.clock.now()
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// The name and moment a change made now is signed with.
    pub fn signature(&self) -> Signature {
        Signature {
            by: self.user.map(|u| u.name.clone()).unwrap_or_default(),
            at: self.now(),
        }
    }

    /// Whether the person at the keyboard may do this (the rules of `domain::access`).
    pub fn may(&self, permission: Permission) -> bool {
        self.user
            .is_some_and(|u| access::allows(u.role, permission))
    }

    /// Ok when the person at the keyboard may do this; else the roles that may.
    ///
    /// # Errors
    /// [`AppError::OnlyFor`] with the roles that have the permission.
    pub fn permit(&self, permission: Permission) -> Result<(), AppError> {
        match self.may(permission) {
            true => Ok(()),
            false => Err(AppError::OnlyFor(
                Role::ALL
                    .into_iter()
                    .filter(|r| access::allows(*r, permission))
                    .collect(),
            )),
        }
    }

    /// Ok when the person at the keyboard may run `action` on a screen whose own context is
    /// `context` (the one table of `app::access::needed`, which the footer and help follow too).
    ///
    /// # Errors
    /// [`AppError::OnlyFor`] with the roles that may.
    pub fn permit_action(&self, context: Context, action: Action) -> Result<(), AppError> {
        match super::access::needed(context, action) {
            Some(permission) => self.permit(permission),
            None => Ok(()),
        }
    }

    /// What the person at the keyboard may know of a trajectory: everything, unless it is a
    /// Meldcode one (`access::meldcode_view`).
    pub fn trajectory_view(&self, trajectory: &Trajectory) -> MeldcodeView {
        match (self.user, access::is_meldcode_plan(&trajectory.template)) {
            (_, false) => MeldcodeView::Details,
            (Some(user), true) => access::meldcode_view(user, &trajectory.by),
            (None, true) => MeldcodeView::Nothing,
        }
    }

    /// The trajectories as the person at the keyboard may know them, in the given order: all but
    /// the Meldcode ones they may know nothing of, and of those they may only know are open no
    /// more than that (`access::visible_trajectory`).
    pub fn known_trajectories(&self, trajectories: Vec<Trajectory>) -> Vec<Trajectory> {
        trajectories
            .into_iter()
            .filter_map(|t| access::visible_trajectory(self.trajectory_view(&t), t))
            .collect()
    }

    /// The observations as the person at the keyboard may know them, in the given order: without
    /// the marks and notes on Meldcode-flagged items they may not read, and without an
    /// observation that held nothing else (`access::visible_observation`).
    pub fn known_observations(&self, observations: Vec<Observation>) -> Vec<Observation> {
        observations
            .into_iter()
            .filter_map(|observation| self.known_observation(observation))
            .collect()
    }

    /// One observation as the person at the keyboard may know it ([`Ctx::known_observations`]);
    /// `None` when it holds nothing they may know of.
    pub fn known_observation(&self, observation: Observation) -> Option<Observation> {
        let template = self
            .catalogue
            .find(&observation.template, observation.version);
        access::visible_observation(self.user, observation, template)
    }

    /// The groups the person at the keyboard sees, in the given order.
    pub fn visible_groups(&self, groups: Vec<Group>) -> Vec<Group> {
        groups
            .into_iter()
            .filter(|g| self.user.is_some_and(|u| access::sees_group(u, g.id)))
            .collect()
    }
}
