//! The app's side of the role rules: which permission an action needs on a screen ([`needed`],
//! one table for the footer, the help and the actions), asked of `domain::access`; when the
//! answer is no, the status line says who may, in the language of the screen.

use super::{Action, App, Screen};
use crate::domain::access::{self, Permission};
use crate::domain::Staff;
use crate::keymap::Context;

/// The permission `action` needs where `context` runs it (a screen's own context: `Groups`,
/// `Visit`, ...), or `None` when whoever sees the screen may. The one table behind the footer's
/// hints, the help and the actions themselves, so that nothing is offered that is then refused.
pub fn needed(context: Context, action: Action) -> Option<Permission> {
    use Action::*;
    match (context, action) {
        (_, Staff) | (Context::Staff, Add | Edit | Pin | SafeguardingLead) => {
            Some(Permission::ManageStaff)
        }
        (Context::Groups, Purge) => Some(Permission::Purge),
        (Context::Groups, Add | Edit) => Some(Permission::ManageGroups),
        (Context::Groups | Context::Children | Context::Child, Archive) => {
            Some(Permission::Archive)
        }
        (Context::Visit, Note | FollowUp | Mark | Edit | Remove | CloseVisit) => {
            Some(Permission::LeadVisit)
        }
        // Adding a child, renaming or moving one is the group's own business like the rest of
        // the record: the outside coach is a guest.
        (Context::Children, Add | Edit)
        | (Context::Child, Edit | AddGuardian | EditGuardian | RemoveGuardian | Mentor | Consent) => {
            Some(Permission::EditChildRecord)
        }
        (Context::Child | Context::Children, Report) => Some(Permission::ParentsReport),
        (Context::Groups, Report) => Some(Permission::CareTeamReport),
        (Context::Child, Handover) => Some(Permission::Handover),
        _ => None,
    }
}

/// Whether `person` (`None`: nobody signed in yet) may do `action` where `context` runs it.
pub fn allowed(person: Option<&Staff>, context: Context, action: Action) -> bool {
    needed(context, action).is_none_or(|p| person.is_some_and(|u| access::allows(u.role, p)))
}

impl App {
    /// The context the shown screen's own actions run in (the first, most specific one).
    fn screen_context(&self) -> Context {
        self.screen_contexts()
            .first()
            .copied()
            .unwrap_or(Context::Global)
    }

    /// Whether the person at the keyboard may do `action` on the shown screen: what the footer
    /// offers; the action itself asks the same table (`Ctx::permit_action`).
    pub fn may(&self, action: Action) -> bool {
        allowed(self.user.as_ref(), self.screen_context(), action)
    }
}

/// Whether `person` may see this screen: the staff screen is an admin's, a screen about a group
/// or one of its children is for those who see that group, a Meldcode trajectory's for who may
/// read it (`access::meldcode_view`).
pub(super) fn may_see(person: &Staff, screen: &Screen) -> bool {
    if let Screen::Trajectory(t) = screen {
        let t = &t.trajectory;
        let view = access::meldcode_view(person, &t.by);
        if access::is_meldcode_plan(&t.template) && view != access::MeldcodeView::Details {
            return false;
        }
    }
    let screen = screen.component();
    let admin = !screen.admin_only() || access::allows(person.role, Permission::ManageStaff);
    let group = screen.about().group;
    admin && group.is_none_or(|group| access::sees_group(person, group))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    fn person(role: Role) -> Staff {
        Staff {
            id: 1,
            name: "Test Persoon".into(),
            role,
            groups: vec![1],
            safeguarding_lead: false,
            phone: String::new(),
        }
    }

    /// Adding a child (`a` on the children list) and renaming or moving one (`e` there and on
    /// the child screen): the staff of the group, the care coordinator and the admin; never the
    /// coach, a guest (issue 13: a coach could add, rename and move children).
    #[test]
    fn adding_and_editing_children_is_not_for_the_coach() {
        for role in Role::ALL {
            let p = Some(person(role));
            let may = role != Role::Coach;
            for (context, action) in [
                (Context::Children, Action::Add),
                (Context::Children, Action::Edit),
                (Context::Child, Action::Edit),
            ] {
                assert_eq!(
                    allowed(p.as_ref(), context, action),
                    may,
                    "{role:?} {context:?} {action:?}"
                );
            }
        }
        assert!(!allowed(None, Context::Children, Action::Add));
    }

    /// `R`: the parents' report on a child (its screen or the children list) for the staff of
    /// the group, the care coordinator and the admin, never the coach; the care-team report
    /// (groups list) for the care coordinator and the admin.
    #[test]
    fn r_writes_reports_for_these_roles_only() {
        for role in Role::ALL {
            let p = Some(person(role));
            let parents = role != Role::Coach;
            let team = matches!(role, Role::CareCoordinator | Role::Admin);
            for context in [Context::Child, Context::Children] {
                assert_eq!(
                    allowed(p.as_ref(), context, Action::Report),
                    parents,
                    "{role:?} {context:?}"
                );
            }
            assert_eq!(
                allowed(p.as_ref(), Context::Groups, Action::Report),
                team,
                "{role:?}"
            );
        }
        assert!(
            !allowed(None, Context::Child, Action::Report),
            "nobody signed in"
        );
        assert!(!allowed(None, Context::Groups, Action::Report));
    }
}
