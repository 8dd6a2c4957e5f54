//! Who may do what. Every rule about roles lives here, so a screen or command asks and never
//! decides for itself, and changing a rule is a change in one place.
//!
//! Observation forms and step plans are managed with `signaal forms` on the command line, which
//! needs the database's files; those are readable by their owner only, so whoever may run it is
//! the machine's administrator. The TUI offers no template management at all.

use super::{Child, ConsentTo, Id, Role, Staff};

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
    /// Add a child, rename or move one, change a child's record of parents and guardians,
    /// mentor and consent: the group's own staff, care coordinators and admins; not the outside
    /// coach, who is a guest.
    EditChildRecord,
    /// Remove for good the data of children archived longer ago than the retention term.
    Purge,
    /// Write a child's parents' report from the TUI (`R`): the staff of the group, who hold the
    /// talk with the parents, the care coordinator and the admin; not the outside coach.
    ParentsReport,
    /// Write the care-team report from the TUI (`R` on the groups list): the care coordinator,
    /// who prepares the meeting, and the admin.
    CareTeamReport,
}

/// The rules, as one table: a role may do what is listed for it.
pub fn allows(role: Role, permission: Permission) -> bool {
    use Permission::*;
    match role {
        Role::Admin => true,
        Role::CareCoordinator => {
            matches!(
                permission,
                Archive | LeadVisit | EditChildRecord | ParentsReport | CareTeamReport
            )
        }
        Role::Coach => matches!(permission, LeadVisit),
        Role::Staff => matches!(permission, EditChildRecord | ParentsReport),
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
/// a mark on a Meldcode-flagged item: the aandachtsfunctionaris (`safeguarding_lead`), care
/// coordinators and admins, and whoever started the trajectory or made the mark (`by`, the name
/// it is signed with). Other staff may only see that one is open, coaches nothing of it.
///
/// Source: the Meldcode huiselijk geweld en kindermishandeling (Besluit verplichte meldcode):
/// the aandachtsfunctionaris coordinates and documents it, signals are shared with who must know.
/// A coach who is also marked aandachtsfunctionaris is still a coach: the outside coach never
/// sees the Meldcode by default.
pub fn sees_meldcode(person: &Staff, by: &str) -> bool {
    let lead =
        matches!(person.role, Role::Admin | Role::CareCoordinator) || is_safeguarding_lead(person);
    let own = person.role != Role::Coach && person.name == by;
    lead || own
}

/// Whether someone with `role` may be made the aandachtsfunctionaris: anyone of the
/// organisation, but not the youth-care coach, who comes from outside and never sees the Meldcode
/// by default.
pub fn may_be_safeguarding_lead(role: Role) -> bool {
    role != Role::Coach
}

/// Whether someone with `role` may be a child's mentor: the parents are told who it is, and it
/// is one of the organisation's own people, never the youth-care coach who visits as a guest.
/// (A mentor who moved to another group stays valid: people move.)
pub fn may_be_mentor(role: Role) -> bool {
    role != Role::Coach
}

/// Whether `person` counts as an aandachtsfunctionaris: flagged by an admin, in a role that may
/// be one ([`may_be_safeguarding_lead`]; a lead whose role later became coach no longer counts).
/// Who reads the Meldcode as lead, and who the pinned aandachtsfunctionaris card lists.
pub fn is_safeguarding_lead(person: &Staff) -> bool {
    person.safeguarding_lead && may_be_safeguarding_lead(person.role)
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

/// Whether someone in `role` may mark or write a note on a Meldcode-flagged item: everyone but
/// the coach, who knows nothing of the Meldcode, so neither that such an item is marked nor
/// whether a mark of theirs would be taken for a signal.
pub fn writes_meldcode_items(role: Role) -> bool {
    role != Role::Coach
}

/// Whether what is written about an observation item may leave the who-must-know circle: into
/// the parents' report or the care-team meeting. Never a mark on a Meldcode-flagged item.
pub fn shared_outside(item: &crate::domain::form::Item) -> bool {
    !item.meldcode
}

/// Whether `person` may see `child` by name (name, birth date, notes, guardians): everyone who
/// sees the group, except a coach, who needs the parents' `coach` consent; without it the coach
/// consults anonymously, under an alias (DOMAIN.md: consent before naming a child to others).
pub fn sees_child_name(person: &Staff, child: &Child) -> bool {
    person.role != Role::Coach || child.consent.allows(ConsentTo::Coach)
}

/// Whether the care-team report (zorgteamoverleg, where outside coaches and a district manager
/// sit) may name `child`: only with the parents' `care_team` consent; otherwise it shows an alias
/// with age and group.
pub fn named_in_care_team(child: &Child) -> bool {
    child.consent.allows(ConsentTo::CareTeam)
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
            safeguarding_lead: false,
            phone: String::new(),
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
    fn only_an_admin_purges() {
        let allowed: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| allows(*r, Permission::Purge))
            .collect();
        assert_eq!(allowed, [Role::Admin]);
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
    fn reports_are_written_by_who_holds_the_talk_or_the_meeting() {
        let who = |p| -> Vec<Role> { Role::ALL.into_iter().filter(|r| allows(*r, p)).collect() };
        let mut parents = who(Permission::ParentsReport);
        parents.sort_by_key(|r| format!("{r:?}"));
        assert_eq!(
            parents,
            [Role::Admin, Role::CareCoordinator, Role::Staff],
            "never the coach"
        );
        let mut team = who(Permission::CareTeamReport);
        team.sort_by_key(|r| format!("{r:?}"));
        assert_eq!(team, [Role::Admin, Role::CareCoordinator]);
    }

    #[test]
    fn staff_do_not_lead_a_visit_coaches_do() {
        assert!(!allows(Role::Staff, Permission::LeadVisit));
        assert!(allows(Role::Coach, Permission::LeadVisit));
        assert!(allows(Role::CareCoordinator, Permission::LeadVisit));
    }

    #[test]
    fn the_child_record_is_kept_by_the_group_not_by_the_coach() {
        for (role, may) in [
            (Role::Staff, true),
            (Role::CareCoordinator, true),
            (Role::Admin, true),
            (Role::Coach, false),
        ] {
            assert_eq!(allows(role, Permission::EditChildRecord), may, "{role:?}");
        }
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

    #[test]
    fn everyone_but_the_coach_writes_on_meldcode_flagged_items() {
        let writers: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| writes_meldcode_items(*r))
            .collect();
        assert_eq!(writers.len(), Role::ALL.len() - 1);
        assert!(!writers.contains(&Role::Coach));
    }

    #[test]
    fn the_aandachtsfunctionaris_reads_the_meldcode_unless_a_coach() {
        let by = "Anouk Jansen";
        for role in Role::ALL {
            let mut lead = person(role, &[1]);
            lead.safeguarding_lead = true;
            let expected = role != Role::Coach;
            assert_eq!(sees_meldcode(&lead, by), expected, "{role:?}");
            let view = meldcode_view(&lead, by);
            assert_eq!(view == MeldcodeView::Details, expected, "{role:?}");
        }
    }

    #[test]
    fn every_role_but_the_coach_may_be_the_aandachtsfunctionaris() {
        for role in Role::ALL {
            let mut someone = person(role, &[1]);
            assert!(!is_safeguarding_lead(&someone), "{role:?}, not flagged");
            someone.safeguarding_lead = true;
            let expected = role != Role::Coach;
            assert_eq!(may_be_safeguarding_lead(role), expected, "{role:?}");
            assert_eq!(
                is_safeguarding_lead(&someone),
                expected,
                "{role:?}, flagged"
            );
        }
    }

    #[test]
    fn a_mentor_is_anyone_but_the_coach() {
        for role in Role::ALL {
            assert_eq!(may_be_mentor(role), role != Role::Coach, "{role:?}");
        }
    }

    #[test]
    fn a_coach_sees_a_child_by_name_only_with_coach_consent() {
        use crate::domain::{ConsentAnswer, Given};
        let mut child: Child = serde_json::from_str(
            r#"{"id":5,"group_id":1,"first_name":"Sara","last_name":"Bakker","birth_date":"2024-01-02"}"#,
        )
        .unwrap();
        let given = |answer| {
            Some(Given {
                answer,
                at: chrono::DateTime::parse_from_rfc3339("2026-09-01T10:00:00+02:00").unwrap(),
                by: "Anouk Jansen".into(),
                given_by: "Mirjam Bakker".into(),
            })
        };
        for answer in [None, given(ConsentAnswer::No), given(ConsentAnswer::Yes)] {
            child.consent.coach = answer.clone();
            let yes = answer.is_some_and(|g| g.answer == ConsentAnswer::Yes);
            for role in Role::ALL {
                let expected = role != Role::Coach || yes;
                assert_eq!(
                    sees_child_name(&person(role, &[1]), &child),
                    expected,
                    "{role:?}"
                );
            }
            assert!(
                !named_in_care_team(&child),
                "coach consent is not care-team consent"
            );
        }
        child.consent.care_team = given(ConsentAnswer::Yes);
        assert!(named_in_care_team(&child));
    }
}
