//! Who may do what. Every rule about roles lives here, so a screen or command asks and never
//! decides for itself, and changing a rule is a change in one place.
//!
//! Observation forms and step plans are managed with `signaal forms` on the command line, which
//! needs the database's files; those are readable by their owner only, so whoever may run it is
//! the machine's administrator. The TUI offers no template management at all.

use super::{Id, Role, Staff};

/// Something not every role may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Add people, change their role, link them to groups.
    ManageStaff,
    /// Add or change groups.
    ManageGroups,
    /// Archive a child who left, a group or a contact (and bring them back).
    Archive,
    /// Lead a coach visit: write advice and follow-ups, close the visit.
    LeadVisit,
    /// See every group, linked or not.
    SeeAllGroups,
    /// Change a pinned emergency card (112, Veilig Thuis, the vertrouwensinspecteur, the
    /// aandachtsfunctionaris): the numbers everyone reads on the lock screen in an emergency,
    /// so a slip by anyone at the keyboard must not change them.
    EditPinnedCards,
}

/// The rules, as one table: a role may do what is listed for it.
pub fn allows(role: Role, permission: Permission) -> bool {
    use Permission::*;
    match role {
        Role::Admin => true,
        Role::CareCoordinator => matches!(permission, Archive | LeadVisit),
        Role::Coach => matches!(permission, LeadVisit),
        Role::Staff => false,
    }
}

/// Staff see the groups they work on; coaches and care coordinators the groups they are linked
/// to; an admin sees them all.
pub fn sees_group(person: &Staff, group: Id) -> bool {
    allows(person.role, Permission::SeeAllGroups) || person.groups.contains(&group)
}

/// The plans whose trajectories are Meldcode trajectories (Meldcode huiselijk geweld en
/// kindermishandeling): what they hold is for who must know, because telling the wrong person can
/// put a child in danger.
pub const MELDCODE_PLANS: &[&str] = &["meldcode"];

/// Whether trajectories of the plan `template` (its id) are Meldcode trajectories.
pub fn is_meldcode_plan(template: &str) -> bool {
    MELDCODE_PLANS.contains(&template)
}

/// Whether `person` may read the details of a Meldcode trajectory (notes, answers, signals) or
/// a mark on a Meldcode-flagged item: care coordinators and admins, and whoever started the
/// trajectory or made the mark (`by`, the name it is signed with). Other staff may only see that
/// one is open, coaches nothing of it. (Issue 13 adds the aandachtsfunctionaris to this list.)
pub fn sees_meldcode(person: &Staff, by: &str) -> bool {
    let lead = matches!(person.role, Role::Admin | Role::CareCoordinator);
    let own = person.role != Role::Coach && person.name == by;
    lead || own
}

/// What someone may know of a Meldcode trajectory, or of a mark on a Meldcode-flagged item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeldcodeView {
    /// Everything: notes, answers, signals (see [`sees_meldcode`]).
    Details,
    /// That a Meldcode trajectory is open and who coordinates it (who started it), nothing more:
    /// staff of the group who did not start it.
    ThatItIsOpen,
    /// Nothing at all: the coach.
    Nothing,
}

/// What `person` may know of a Meldcode trajectory started by `by` (or a Meldcode-flagged mark
/// made by `by`).
pub fn meldcode_view(person: &Staff, by: &str) -> MeldcodeView {
    match (sees_meldcode(person, by), person.role) {
        (true, _) => MeldcodeView::Details,
        (false, Role::Coach) => MeldcodeView::Nothing,
        (false, _) => MeldcodeView::ThatItIsOpen,
    }
}

/// What `person` (`None`: nobody signed in) may know of what `by` wrote on an observation
/// `item`: everything, unless the item is Meldcode-flagged and written on by someone else.
pub fn item_view(
    person: Option<&Staff>,
    item: &crate::domain::form::Item,
    by: Option<&str>,
) -> MeldcodeView {
    match (item.meldcode, by, person) {
        (false, _, _) | (true, None, _) => MeldcodeView::Details,
        (true, Some(by), Some(person)) => meldcode_view(person, by),
        (true, Some(_), None) => MeldcodeView::Nothing,
    }
}

/// Whether what is written about an observation item may leave the who-must-know circle: into
/// the parents' report or the care-team meeting. Never a mark on a Meldcode-flagged item.
pub fn shared_outside(item: &crate::domain::form::Item) -> bool {
    !item.meldcode
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(role: Role, groups: &[Id]) -> Staff {
        Staff {
            id: 1,
            name: "Test Persoon".into(),
            role,
            groups: groups.to_vec(),
        }
    }

    #[test]
    fn only_an_admin_manages_staff_and_groups() {
        for p in [Permission::ManageStaff, Permission::ManageGroups] {
            let allowed: Vec<Role> = Role::ALL.into_iter().filter(|r| allows(*r, p)).collect();
            assert_eq!(allowed, [Role::Admin], "{p:?}");
        }
    }

    #[test]
    fn archiving_is_for_the_care_coordinator_and_admin() {
        let allowed: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| allows(*r, Permission::Archive))
            .collect();
        assert_eq!(allowed, [Role::CareCoordinator, Role::Admin]);
    }

    #[test]
    fn staff_do_not_lead_a_visit_coaches_do() {
        assert!(!allows(Role::Staff, Permission::LeadVisit));
        assert!(allows(Role::Coach, Permission::LeadVisit));
        assert!(allows(Role::CareCoordinator, Permission::LeadVisit));
    }

    #[test]
    fn linked_groups_are_seen_others_not_except_by_an_admin() {
        for role in [Role::Staff, Role::Coach, Role::CareCoordinator] {
            let p = person(role, &[7]);
            assert!(sees_group(&p, 7), "{role:?}");
            assert!(!sees_group(&p, 8), "{role:?}");
        }
        assert!(sees_group(&person(Role::Admin, &[]), 8));
    }

    #[test]
    fn meldcode_details_reach_only_who_must_know_for_every_role() {
        let by = "Anouk Jansen";
        for role in Role::ALL {
            let mut someone = person(role, &[1]);
            let expected = matches!(role, Role::Admin | Role::CareCoordinator);
            assert_eq!(
                sees_meldcode(&someone, by),
                expected,
                "{role:?}, not theirs"
            );
            someone.name = by.into();
            let own = role != Role::Coach;
            assert_eq!(
                sees_meldcode(&someone, by),
                expected || own,
                "{role:?}, theirs"
            );
        }
        assert!(is_meldcode_plan("meldcode") && !is_meldcode_plan("vroegsignalering"));
        let view = |role| meldcode_view(&person(role, &[1]), by);
        assert_eq!(view(Role::Admin), MeldcodeView::Details);
        assert_eq!(view(Role::CareCoordinator), MeldcodeView::Details);
        assert_eq!(view(Role::Staff), MeldcodeView::ThatItIsOpen);
        assert_eq!(view(Role::Coach), MeldcodeView::Nothing);
    }
}
