//! The screens on the stack and the rows their lists show.

use super::list::{ListView, Row};
use crate::domain::{Child, Group, Staff};

#[derive(Debug, Clone)]
pub enum Screen {
    /// First run: the database is empty.
    Welcome,
    /// "Who are you?": a picker that takes typed text at once.
    Users(ListView<UserRow>),
    Groups(GroupsScreen),
    Children(ChildrenScreen),
    Child(ChildScreen),
}

#[derive(Debug, Clone, Default)]
pub struct GroupsScreen {
    pub list: ListView<GroupRow>,
    pub show_archived: bool,
}

#[derive(Debug, Clone)]
pub struct ChildrenScreen {
    pub group: Group,
    pub list: ListView<Child>,
    pub show_archived: bool,
}

#[derive(Debug, Clone)]
pub struct ChildScreen {
    pub child: Child,
    pub group: Group,
}

#[derive(Debug, Clone)]
pub struct GroupRow {
    pub group: Group,
    /// Children present in the group (archived ones not counted).
    pub children: usize,
}

impl Row for GroupRow {
    fn id(&self) -> u64 {
        self.group.id
    }
    fn search_text(&self) -> String {
        format!(
            "{} {} {}",
            self.group.name,
            self.group.kind.label(),
            self.group.location
        )
    }
}

impl Row for Child {
    fn id(&self) -> u64 {
        self.id
    }
    fn search_text(&self) -> String {
        self.full_name()
    }
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
