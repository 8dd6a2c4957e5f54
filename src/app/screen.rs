//! The screens on the stack and the rows their lists show.

use super::list::{ListInput, ListView, Row};
use super::saving::SaveState;
pub use super::screens::child::ChildScreen;
pub use super::screens::children::{ChildRow, ChildrenScreen, LatestObservation, PlanSummary};
pub use super::screens::compare::{ChangeRow, CompareScreen};
pub use super::screens::groups::{GroupRow, GroupsScreen};
pub use super::screens::history::{HistoryRow, HistoryScreen};
pub use super::screens::observe::{ItemRow, ObserveScreen};
pub use super::screens::pick_form::{PickFormScreen, TemplateRow};
pub use super::screens::staff::{StaffScreen, UserRow};
pub use super::screens::users::UsersScreen;
pub use super::screens::welcome::WelcomeScreen;
pub use super::screens::VisitDates;
use super::Component;
use crate::domain::plan::{PlanTemplate, Trajectory};
use crate::domain::visit::attention::Reason;
use crate::domain::visit::Visit;
use crate::domain::{Child, Group, Observation, Staff};

#[derive(Debug, Clone)]
pub enum Screen {
    /// First run: the database is empty.
    Welcome(WelcomeScreen),
    /// "Who are you?": a picker that takes typed text at once.
    Users(UsersScreen),
    Groups(GroupsScreen),
    Children(ChildrenScreen),
    Child(ChildScreen),
    /// A child's observation form.
    Observe(ObserveScreen),
    /// Which form to start, when a group uses more than one.
    PickForm(PickFormScreen),
    /// What changed between a child's two latest observations.
    Compare(CompareScreen),
    /// A child's trajectories, and the plans to start one with.
    Plans(PlansScreen),
    /// One trajectory: its question and plan, its stages to tick.
    Trajectory(TrajectoryScreen),
    /// A child's audit trail, newest first.
    History(HistoryScreen),
    /// The people, their roles, groups and PINs: an admin's screen.
    Staff(StaffScreen),
    /// A coach visit of a group.
    Visit(VisitScreen),
}

impl Screen {
    /// The screen as a component, for the screens that are one.
    pub fn component(&self) -> Option<&dyn Component> {
        match self {
            Screen::Groups(s) => Some(s),
            Screen::Children(s) => Some(s),
            Screen::Child(s) => Some(s),
            Screen::Staff(s) => Some(s),
            Screen::Welcome(s) => Some(s),
            Screen::Users(s) => Some(s),
            Screen::Compare(s) => Some(s),
            Screen::History(s) => Some(s),
            Screen::Observe(s) => Some(s),
            Screen::PickForm(s) => Some(s),
            Screen::Plans(_) | Screen::Trajectory(_) | Screen::Visit(_) => None,
        }
    }

    pub fn component_mut(&mut self) -> Option<&mut dyn Component> {
        match self {
            Screen::Groups(s) => Some(s),
            Screen::Children(s) => Some(s),
            Screen::Child(s) => Some(s),
            Screen::Staff(s) => Some(s),
            Screen::Welcome(s) => Some(s),
            Screen::Users(s) => Some(s),
            Screen::Compare(s) => Some(s),
            Screen::History(s) => Some(s),
            Screen::Observe(s) => Some(s),
            Screen::PickForm(s) => Some(s),
            Screen::Plans(_) | Screen::Trajectory(_) | Screen::Visit(_) => None,
        }
    }

    /// The list whose filter `/` opens on this screen, if it has one. (The "who are you" picker
    /// is not here: it always takes text.)
    pub fn filter_list(&self) -> Option<&dyn ListInput> {
        match self {
            Screen::Groups(s) => Some(&s.list),
            Screen::Children(s) => Some(&s.list),
            Screen::Observe(s) => Some(&s.list),
            Screen::PickForm(s) => Some(&s.list),
            Screen::Compare(s) => Some(&s.list),
            Screen::Plans(s) => Some(&s.list),
            Screen::Trajectory(s) => Some(&s.list),
            Screen::History(s) => Some(&s.list),
            Screen::Staff(s) => Some(&s.list),
            Screen::Visit(s) => Some(&s.list),
            Screen::Welcome(_) | Screen::Users(_) | Screen::Child(_) => None,
        }
    }

    pub fn filter_list_mut(&mut self) -> Option<&mut dyn ListInput> {
        match self {
            Screen::Groups(s) => Some(&mut s.list),
            Screen::Children(s) => Some(&mut s.list),
            Screen::Observe(s) => Some(&mut s.list),
            Screen::PickForm(s) => Some(&mut s.list),
            Screen::Compare(s) => Some(&mut s.list),
            Screen::Plans(s) => Some(&mut s.list),
            Screen::Trajectory(s) => Some(&mut s.list),
            Screen::History(s) => Some(&mut s.list),
            Screen::Staff(s) => Some(&mut s.list),
            Screen::Visit(s) => Some(&mut s.list),
            Screen::Welcome(_) | Screen::Users(_) | Screen::Child(_) => None,
        }
    }

    /// The child a screen about one child shows (the child screen, its form, its plans), with
    /// the child's group.
    pub fn child(&self) -> Option<(&Child, &Group)> {
        match self {
            Screen::Child(s) => Some((&s.child, &s.group)),
            Screen::Observe(s) => Some((&s.child, &s.group)),
            Screen::PickForm(s) => Some((&s.child, &s.group)),
            Screen::Plans(s) => Some((&s.child, &s.group)),
            Screen::Trajectory(s) => Some((&s.child, &s.group)),
            _ => None,
        }
    }

    /// The group a screen shows something of: the group itself, or the group of the child it
    /// is about.
    pub fn group_id(&self) -> Option<crate::domain::Id> {
        match self {
            Screen::Children(s) => Some(s.group.id),
            Screen::Visit(s) => Some(s.group.id),
            Screen::Compare(s) => Some(s.child.group_id),
            Screen::History(s) => Some(s.child.group_id),
            screen => screen.child().map(|(_, group)| group.id),
        }
    }

    /// True while the screen's list filter takes typed text.
    pub fn filtering(&self) -> bool {
        self.filter_list().is_some_and(|list| list.filtering())
    }
}

#[derive(Debug, Clone)]
pub struct PlansScreen {
    pub child: Child,
    pub group: Group,
    pub list: ListView<PlanRow>,
}

/// A line of the plans picker: a trajectory of the child, or a plan to start a new one with.
#[derive(Debug, Clone)]
pub struct PlanRow {
    pub index: usize,
    pub choice: PlanChoice,
    pub search: String,
}

#[derive(Debug, Clone)]
pub enum PlanChoice {
    Existing(Trajectory),
    New(PlanTemplate),
}

#[derive(Debug, Clone)]
pub struct TrajectoryScreen {
    pub child: Child,
    pub group: Group,
    /// The exact plan version the trajectory was started with.
    pub template: PlanTemplate,
    /// The trajectory as it is on disk.
    pub trajectory: Trajectory,
    pub saved: SaveState,
    pub list: ListView<TrajectoryRow>,
}

#[derive(Debug, Clone)]
pub struct TrajectoryRow {
    pub index: usize,
    pub part: PlanPart,
    pub search: String,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanField {
    Question,
    Goals,
    Actions,
    Started,
    ExpectedEnd,
    Review,
}

impl PlanField {
    pub const ALL: [PlanField; 6] = [
        PlanField::Question,
        PlanField::Goals,
        PlanField::Actions,
        PlanField::Started,
        PlanField::ExpectedEnd,
        PlanField::Review,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentTo {
    Coach,
    School,
}

#[derive(Debug, Clone)]
pub struct VisitScreen {
    pub group: Group,
    /// The visit as it is on disk; a new one is written with its first change (until then
    /// `saved` is `SaveState::Nothing`).
    pub visit: Visit,
    /// The group's visit before this one: what changed is measured from its date.
    pub previous: Option<Visit>,
    /// The group's children (not archived) in the order the coach goes through them.
    pub children: Vec<VisitChild>,
    pub saved: SaveState,
    pub list: ListView<VisitRow>,
}

/// A child of the visited group with what the visit screen shows of it.
#[derive(Debug, Clone)]
pub struct VisitChild {
    pub child: Child,
    pub reasons: Vec<Reason>,
    /// Oldest first.
    pub observations: Vec<Observation>,
    pub trajectories: Vec<Trajectory>,
}

#[derive(Debug, Clone)]
pub struct VisitRow {
    pub part: VisitPart,
    /// Stable across reloads (a follow-up added, the children ranked anew), so the selection
    /// stays on its record.
    pub key: u64,
    pub search: String,
}

/// What a row of the visit screen is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitPart {
    /// A follow-up of the visit, by its place in `follow_ups`.
    FollowUp(usize),
    /// A child, by its place in [`VisitScreen::children`].
    Child(usize),
    /// The group as a whole.
    Group,
}

impl VisitScreen {
    /// Whether `user` may write in this visit: someone who may lead one, while it is open.
    /// Asked of whoever is at the keyboard now, so a hand-over on this screen counts.
    pub fn writable_by(&self, user: Option<&Staff>) -> bool {
        super::visit::may_lead_visit(user) && self.visit.is_open()
    }

    /// Who the selected row is about: a child, or (`None`) the group; a follow-up is about
    /// whom it names.
    pub fn selected_about(&self) -> Option<Option<crate::domain::Id>> {
        Some(match self.list.selected()?.part {
            VisitPart::FollowUp(i) => self.visit.follow_ups.get(i)?.child_id,
            VisitPart::Child(i) => Some(self.children.get(i)?.child.id),
            VisitPart::Group => None,
        })
    }

    pub fn child_name(&self, id: Option<crate::domain::Id>) -> Option<String> {
        let id = id?;
        let found = self.children.iter().find(|c| c.child.id == id);
        found.map(|c| c.child.full_name())
    }
}

impl Row for VisitRow {
    fn id(&self) -> u64 {
        self.key
    }
    fn search_text(&self) -> String {
        self.search.clone()
    }
}

/// The rows that are one of a fixed set (a form's items, a plan's parts, the changes found): the
/// place in the set is the id, and `search` the words the filter looks at.
macro_rules! indexed_rows {
    ($($row:ty),*) => {$(
        impl Row for $row {
            fn id(&self) -> u64 {
                self.index as u64
            }
            fn search_text(&self) -> String {
                self.search.clone()
            }
        }
    )*};
}

indexed_rows!(PlanRow, TrajectoryRow);
