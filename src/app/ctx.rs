//! What a screen may use while it handles a message: the store, the clock, who is at the keyboard,
//! the language and the catalogues. Narrow on purpose: a screen changes itself and says what else
//! should happen through its [`Outcome`](super::Outcome); it never reaches into the app.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{Action, AppError, Clock};
use crate::domain::access::{self, Permission};
use crate::domain::plan::PlanTemplate;
use crate::domain::{Catalogue, Group, Role, Staff};
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

    /// The groups the person at the keyboard sees, in the given order.
    pub fn visible_groups(&self, groups: Vec<Group>) -> Vec<Group> {
        groups
            .into_iter()
            .filter(|g| self.user.is_some_and(|u| access::sees_group(u, g.id)))
            .collect()
    }
}
