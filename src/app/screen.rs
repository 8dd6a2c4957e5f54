//! The screens on the stack and the rows their lists show.

use chrono::NaiveDate;

use super::list::{ListInput, ListView, Row};
pub use super::screens::compare::{ChangeRow, CompareScreen};
pub use super::screens::groups::{GroupRow, GroupsScreen};
pub use super::screens::history::{HistoryRow, HistoryScreen};
pub use super::screens::observe::{ItemRow, ObserveScreen};
pub use super::screens::pick_form::{PickFormScreen, TemplateRow};
pub use super::screens::plans::{PlanChoice, PlanRow, PlansScreen};
pub use super::screens::trajectory::{
    ConsentTo, PlanField, PlanPart, TrajectoryRow, TrajectoryScreen,
};
pub use super::screens::visit::{VisitChild, VisitPart, VisitRow, VisitScreen};
pub use super::screens::VisitDates;
use super::Component;
use crate::domain::plan::Trajectory;
use crate::domain::{Child, Group, Observation, Staff};

#[derive(Debug, Clone)]
pub enum Screen {
    /// First run: the database is empty.
    Welcome,
    /// "Who are you?": a picker that takes typed text at once.
    Users(ListView<UserRow>),
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
            Screen::Compare(s) => Some(s),
            Screen::History(s) => Some(s),
            Screen::Observe(s) => Some(s),
            Screen::PickForm(s) => Some(s),
            Screen::Visit(s) => Some(s),
            Screen::Plans(s) => Some(s),
            Screen::Trajectory(s) => Some(s),
            Screen::Welcome
            | Screen::Users(_)
            | Screen::Children(_)
            | Screen::Child(_)
            | Screen::Staff(_) => None,
        }
    }

    pub fn component_mut(&mut self) -> Option<&mut dyn Component> {
        match self {
            Screen::Groups(s) => Some(s),
            Screen::Compare(s) => Some(s),
            Screen::History(s) => Some(s),
            Screen::Observe(s) => Some(s),
            Screen::PickForm(s) => Some(s),
            Screen::Visit(s) => Some(s),
            Screen::Plans(s) => Some(s),
            Screen::Trajectory(s) => Some(s),
            Screen::Welcome
            | Screen::Users(_)
            | Screen::Children(_)
            | Screen::Child(_)
            | Screen::Staff(_) => None,
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
            Screen::Welcome | Screen::Users(_) | Screen::Child(_) => None,
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
            Screen::Welcome | Screen::Users(_) | Screen::Child(_) => None,
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
pub struct ChildrenScreen {
    pub group: Group,
    pub list: ListView<ChildRow>,
    pub show_archived: bool,
    pub visits: VisitDates,
}

/// A child in its group's list, with what the overview shows of its latest observation and its
/// step plan.
#[derive(Debug, Clone)]
pub struct ChildRow {
    pub child: Child,
    pub latest: Option<LatestObservation>,
    pub plan: Option<PlanSummary>,
}

/// The overview's view of a child's open trajectories: where the first stands ("4/8 Advies
/// coach"), how many more are open, and whether any is overdue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSummary {
    pub progress: String,
    pub more: usize,
    pub overdue: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LatestObservation {
    pub date: NaiveDate,
    /// Worry items marked "often".
    pub concerns_often: usize,
}

#[derive(Debug, Clone)]
pub struct ChildScreen {
    pub child: Child,
    pub group: Group,
    /// The child's observations, newest first.
    pub observations: Vec<Observation>,
    /// The child's trajectories, open ones first, newest first.
    pub trajectories: Vec<Trajectory>,
    /// The outside contacts linked to the child.
    pub contacts: Vec<crate::domain::Contact>,
}

impl Row for ChildRow {
    fn id(&self) -> u64 {
        self.child.id
    }
    fn search_text(&self) -> String {
        self.child.full_name()
    }
}

/// The staff screen: everyone, with what the rows show besides the record.
#[derive(Debug, Clone, Default)]
pub struct StaffScreen {
    pub list: ListView<UserRow>,
    /// Every group, to name the ones a person is linked to.
    pub groups: Vec<Group>,
    /// Who has a PIN.
    pub pins: Vec<crate::domain::Id>,
}

#[derive(Debug, Clone)]
pub enum UserRow {
    Person(Staff),
    /// "+ new staff member": always offered, whatever is typed.
    New,
}

impl Row for UserRow {
    fn id(&self) -> u64 {
        match self {
            UserRow::Person(staff) => staff.id,
            UserRow::New => u64::MAX,
        }
    }
    fn search_text(&self) -> String {
        match self {
            UserRow::Person(staff) => staff.name.clone(),
            UserRow::New => String::new(),
        }
    }
    fn pinned(&self) -> bool {
        matches!(self, UserRow::New)
    }
}
