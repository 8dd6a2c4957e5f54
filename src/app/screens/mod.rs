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

pub use child::ChildScreen;
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

use chrono::NaiveDate;

use crate::domain::Id;
use crate::store::{Result, Store};

/// When the coach last came to a group, and when next.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VisitDates {
    /// The date of the newest visit, open or closed.
    pub last: Option<NaiveDate>,
    /// The next visit agreed when the newest closed visit was closed.
    pub next: Option<NaiveDate>,
}

/// When the group's newest visit was, and the next one agreed.
///
/// # Errors
/// When a visit cannot be read.
pub fn visit_dates(store: &Store, group: Id) -> Result<VisitDates> {
    let mut dates = VisitDates::default();
    for visit in store.visits_newest_first(group) {
        let visit = visit?;
        dates.last.get_or_insert(visit.date);
        if visit.next_visit.is_some() {
            dates.next = visit.next_visit;
            break;
        }
    }
    Ok(dates)
}
