//! The screens: one module per screen, each a [`Component`] that owns its
//! state, its forms and questions, and how messages change them. Their views live in
//! `ui::screens`, under the same names.

use super::Component;

/// The screens, one line each: the variant of [`Screen`], its module and its component. This is
/// the one dispatch to a screen ([`Screen::component`]); a new screen is a line here.
macro_rules! screens {
    ($($(#[$doc:meta])* $variant:ident($module:ident::$screen:ident),)+) => {
        $(pub mod $module;)+

        /// A screen on the stack.
        #[derive(Debug, Clone)]
        pub enum Screen {
            $($(#[$doc])* $variant($module::$screen),)+
        }

        impl Screen {
            /// The screen's component: its title, keys, messages and reload.
            pub fn component(&self) -> &dyn Component {
                match self {
                    $(Screen::$variant(screen) => screen,)+
                }
            }

            pub fn component_mut(&mut self) -> &mut dyn Component {
                match self {
                    $(Screen::$variant(screen) => screen,)+
                }
            }
        }
    };
}

screens! {
    /// First run: the database is empty.
    Welcome(welcome::WelcomeScreen),
    /// "Who are you?": a picker that takes typed text at once.
    Users(users::UsersScreen),
    Groups(groups::GroupsScreen),
    Children(children::ChildrenScreen),
    Child(child::ChildScreen),
    /// A child's observation form.
    Observe(observe::ObserveScreen),
    /// Which form to start, when a group uses more than one.
    PickForm(pick_form::PickFormScreen),
    /// What changed between a child's two latest observations.
    Compare(compare::CompareScreen),
    /// A child's trajectories, and the plans to start one with.
    Plans(plans::PlansScreen),
    /// One trajectory: its question and plan, its stages to tick.
    Trajectory(trajectory::TrajectoryScreen),
    /// A child's audit trail, newest first.
    History(history::HistoryScreen),
    /// The people, their roles, groups and PINs: an admin's screen.
    Staff(staff::StaffScreen),
    /// A coach visit of a group.
    Visit(visit::VisitScreen),
    /// The coaching one staff member received, per competency per quarter.
    Growth(growth::GrowthScreen),
}

pub mod child_record;
pub mod handover;

pub use child::{all_observations, ChildScreen};
pub use children::{ChildRow, ChildrenScreen, LatestObservation, PlanSummary, ToSchool};
pub use compare::{ChangeRow, CompareScreen};
pub use groups::{GroupRow, GroupsScreen};
pub use history::{HistoryRow, HistoryScreen};
pub use observe::{ItemRow, ObserveScreen};
pub use pick_form::{PickFormScreen, TemplateRow};
pub use plans::{PlanChoice, PlanRow, PlansScreen};
pub use staff::{StaffScreen, UserRow};
pub use trajectory::{ConsentTo, PlanField, PlanPart, TrajectoryRow, TrajectoryScreen};
pub use users::UsersScreen;
pub use visit::{VisitChild, VisitPart, VisitRow, VisitScreen};
pub use welcome::WelcomeScreen;

pub use crate::store::VisitDates;
