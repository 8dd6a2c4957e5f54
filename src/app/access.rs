//! The app's side of the role rules: it asks `domain::access` and, when the answer is no, says
//! who may, in the language of the screen.

use super::{App, Screen};
use crate::domain::access::{self, Permission};
use crate::domain::{Group, Role, Staff};

impl App {
    /// Whether the person at the keyboard may do this; if not, the status line says who may.
    pub(super) fn permitted(&mut self, permission: Permission) -> bool {
        let allowed = self
            .user
            .as_ref()
            .is_some_and(|u| access::allows(u.role, permission));
        if !allowed {
            let roles: Vec<Role> = Role::ALL
                .into_iter()
                .filter(|r| access::allows(*r, permission))
                .collect();
            self.complain(self.lang.only_for(&roles));
        }
        allowed
    }

    /// The groups the person at the keyboard sees, in the store's order.
    pub(super) fn visible_groups(&self, groups: Vec<Group>) -> Vec<Group> {
        groups
            .into_iter()
            .filter(|g| {
                self.user
                    .as_ref()
                    .is_some_and(|u| access::sees_group(u, g.id))
            })
            .collect()
    }
}

/// Whether `person` may see this screen: the staff screen is an admin's, a screen about a group
/// or one of its children is for those who see that group.
pub(super) fn may_see(person: &Staff, screen: &Screen) -> bool {
    match screen {
        Screen::Staff(_) => access::allows(person.role, Permission::ManageStaff),
        screen => screen
            .group_id()
            .is_none_or(|group| access::sees_group(person, group)),
    }
}
