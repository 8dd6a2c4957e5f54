//! Who may do what. Every rule about roles lives here, so a screen or command asks and never
//! decides for itself, and changing a rule is a change in one place.
//!
//! Observation forms and step plans are managed with `signaal forms` on the command line, which
//! needs the database's files; those are readable by their owner only, so whoever may run it is
//! the machine's administrator. The TUI offers no template management at all.

use super::form::FormTemplate;
use super::plan::{StageEntry, Trajectory};
use super::{Child, ConsentTo, Id, Observation, Role, Staff};

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
    /// Read the coaching anyone received (the advice per competency over time): the care
    /// coordinator and the admin. Everyone reads their own, a coach that of the staff of their
    /// groups ([`sees_coaching_of`]).
    SeeEveryonesCoaching,
    /// Read and write a child's handover to school (for a BSO child: the talk with the school's
    /// intern begeleider): the staff of the group, who write it with the parents, the care
    /// coordinator and the admin. Not the outside coach: the handover goes from the group to
    /// the parents and, with their consent, to the school, never to a guest.
    Handover,
}

/// The rules, as one table: a role may do what is listed for it.
pub fn allows(role: Role, permission: Permission) -> bool {
    use Permission::*;
    match role {
        Role::Admin => true,
        Role::CareCoordinator => {
            matches!(
                permission,
                Archive
                    | LeadVisit
                    | EditChildRecord
                    | ParentsReport
                    | CareTeamReport
                    | SeeEveryonesCoaching
                    | Handover
            )
        }
        Role::Coach => matches!(permission, LeadVisit),
        Role::Staff => matches!(permission, EditChildRecord | ParentsReport | Handover),
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

/// What of trajectory `t` someone may see whose view of it is `view` ([`meldcode_view`] for a
/// Meldcode one, else `Details`): all of it; for `ThatItIsOpen` only that it was started, when
/// and by whom (who coordinates it), every stage untouched and no question, goal, date, note or
/// answer, so no screen can tell how far it has got; nothing once it is closed (how a Meldcode
/// ended, a report to Veilig Thuis above all, is for who must know); nothing for `Nothing`.
pub fn visible_trajectory(view: MeldcodeView, t: Trajectory) -> Option<Trajectory> {
    match view {
        MeldcodeView::Details => Some(t),
        MeldcodeView::Nothing => None,
        MeldcodeView::ThatItIsOpen if t.closed.is_some() => None,
        MeldcodeView::ThatItIsOpen => {
            let mut t = t;
            for text in [
                &mut t.question,
                &mut t.goals,
                &mut t.actions,
                &mut t.parents_view,
            ] {
                text.clear();
            }
            (t.expected_end, t.review) = (None, None);
            for entry in &mut t.stages {
                *entry = StageEntry::untouched(&entry.stage);
            }
            t.consent = Default::default();
            t.answers.clear();
            t.meldcode = Default::default();
            Some(t)
        }
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

/// What `reader` may see of `observation`, made with `template` (`None`: a form this database
/// lacks). `reader` is the person at the keyboard or behind a report, or `None` for the
/// outside: the parents and the care-team meeting, and nobody signed in.
///
/// The observation without the marks and notes on Meldcode-flagged items the reader may not
/// read ([`item_view`]); `None` when it held marks or notes and every one of them is hidden,
/// for then even that it was made, when and by whom, tells that something hidden was written,
/// and shown as an observation in which nothing was seen it would tell parents that every worry
/// is gone. That holds with a parents' view written on it too: it goes with the observation. An
/// observation that was empty to begin with stays. For the outside a mark on an item the form
/// lacks is hidden too: it cannot be told whether it is flagged.
pub fn visible_observation(
    reader: Option<&Staff>,
    mut observation: Observation,
    template: Option<&FormTemplate>,
) -> Option<Observation> {
    let held = !observation.marks.is_empty() || !observation.notes.is_empty();
    let readable = |item: &str, by: &str| match template.and_then(|t| t.item(item)) {
        Some((_, item)) => item_view(reader, item, Some(by)) == MeldcodeView::Details,
        None => reader.is_some(),
    };
    observation.marks.retain(|m| readable(&m.item, &m.by));
    observation.notes.retain(|n| readable(&n.item, &n.by));
    let all_hidden = held && observation.marks.is_empty() && observation.notes.is_empty();
    match all_hidden {
        true => None,
        false => Some(observation),
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

/// Whether `child`'s handover may go to its primary school: only with the parents' `school`
/// consent (a "no" or not asked yet keeps it in the group). The parents may always read it.
pub fn handover_to_school(child: &Child) -> bool {
    child.consent.allows(ConsentTo::School)
}

/// Whether `viewer` may read the coaching `person` received (their advice by competency over
/// time): their own; anyone's for the care coordinator and the admin; for a coach, that of
/// who shares a group with them (the staff they coach); a pedagogisch medewerker not a
/// colleague's. What a coach reads of it is narrowed further by [`sees_coaching_in`].
pub fn sees_coaching_of(viewer: &Staff, person: &Staff) -> bool {
    viewer.id == person.id
        || allows(viewer.role, Permission::SeeEveryonesCoaching)
        || (viewer.role == Role::Coach && person.groups.iter().any(|g| viewer.groups.contains(g)))
}

/// Whether `viewer` may read the advice `person` received in a visit to `group`: everything
/// [`sees_coaching_of`] opens, but a coach only the advice from visits to groups they are linked
/// to. A staff member who works on two groups may have been coached in a group that is not
/// this coach's: that advice names that group's children and is another coach's account of their
/// visit, so it stays with who coaches there (and the care coordinator and admin).
pub fn sees_coaching_in(viewer: &Staff, person: &Staff, group: Id) -> bool {
    let everything =
        viewer.id == person.id || allows(viewer.role, Permission::SeeEveryonesCoaching);
    sees_coaching_of(viewer, person) && (everything || sees_group(viewer, group))
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

    /// The roles that have `permission`, in the order of `Role::ALL`.
    fn roles_with(permission: Permission) -> Vec<Role> {
        Role::ALL
            .into_iter()
            .filter(|r| allows(*r, permission))
            .collect()
    }

    #[test]
    fn only_an_admin_manages_staff_and_groups() {
        for p in [Permission::ManageStaff, Permission::ManageGroups] {
            assert_eq!(roles_with(p), [Role::Admin], "{p:?}");
        }
    }

    #[test]
    fn the_handover_to_school_is_for_the_group_and_up_never_the_coach() {
        assert_eq!(
            roles_with(Permission::Handover),
            [Role::Staff, Role::CareCoordinator, Role::Admin]
        );
    }

    #[test]
    fn only_an_admin_purges() {
        assert_eq!(roles_with(Permission::Purge), [Role::Admin]);
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
    fn coaching_is_read_by_who_received_it_their_coach_the_care_coordinator_and_the_admin() {
        // Works on groups 1 and 2; coached in both.
        let colleague = Staff {
            id: 2,
            ..person(Role::Staff, &[1, 2])
        };
        let elsewhere = Staff {
            id: 3,
            ..person(Role::Staff, &[3])
        };
        for role in Role::ALL {
            let viewer = person(role, &[1]);
            assert!(sees_coaching_of(&viewer, &viewer), "{role:?}: their own");
            assert!(
                sees_coaching_in(&viewer, &viewer, 3),
                "{role:?}: all their own"
            );
            let may = role != Role::Staff;
            assert_eq!(sees_coaching_of(&viewer, &colleague), may, "{role:?}");
            assert_eq!(sees_coaching_in(&viewer, &colleague, 1), may, "{role:?}");
            let everyone = matches!(role, Role::Admin | Role::CareCoordinator);
            assert_eq!(
                sees_coaching_of(&viewer, &elsewhere),
                everyone,
                "{role:?}: someone of another group"
            );
            assert_eq!(
                sees_coaching_in(&viewer, &colleague, 2),
                everyone,
                "{role:?}: advice from a visit to another group"
            );
        }
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

    /// A form with one Meldcode-flagged item and one plain one, and an observation by Dewi.
    fn flagged_form() -> (FormTemplate, Observation) {
        use crate::domain::form::{Item, Section, Text};
        let item = |id: &str, meldcode| Item {
            id: id.into(),
            text: Text::new(id, id),
            meldcode,
            concern: true,
            min_months: None,
            max_months: None,
        };
        let template = FormTemplate {
            id: "f".into(),
            version: 1,
            name: Text::new("F", "F"),
            kinds: vec![crate::domain::GroupKind::Kdv],
            sections: vec![Section {
                id: "s".into(),
                title: Text::new("S", "S"),
                items: vec![item("honger", true), item("spel", false)],
            }],
        };
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let observation = Observation::new(9, 5, &template, date, "Dewi Peters");
        (template, observation)
    }

    #[test]
    fn an_observation_of_only_hidden_marks_is_not_there_for_who_may_not_read_them() {
        use crate::domain::form::Mark;
        let (template, empty) = flagged_form();
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-29T10:00:00+01:00").unwrap();
        let mut hidden_only = empty.clone();
        hidden_only.set_mark("honger", Some(Mark::Often), "Dewi Peters", at);
        hidden_only.set_note("honger", "vraagt om eten", "Dewi Peters", at);
        let mut both = hidden_only.clone();
        both.set_mark("spel", Some(Mark::Sometimes), "Dewi Peters", at);
        let mut with_view = hidden_only.clone();
        with_view.parents_view = "Thuis eet ze goed.".into();
        let sees = |reader: Option<&Staff>, o: &Observation| {
            visible_observation(reader, o.clone(), Some(&template))
        };
        let mut dewi = person(Role::CareCoordinator, &[1]);
        dewi.name = "Dewi Peters".into();
        for reader in [
            Some(person(Role::Staff, &[1])),
            Some(person(Role::Coach, &[1])),
            None,
        ] {
            let who = format!("{:?}", reader.as_ref().map(|r| r.role));
            let reader = reader.as_ref();
            assert_eq!(sees(reader, &hidden_only), None, "{who}");
            let left = sees(reader, &both).expect("the plain mark keeps it");
            assert_eq!(
                left.mark_map().keys().collect::<Vec<_>>(),
                ["spel"],
                "{who}"
            );
            assert_eq!(left.note("honger"), "", "{who}");
            // A parents' view on it does not bring it back as an observation of nothing seen.
            assert_eq!(sees(reader, &with_view), None, "{who}");
            assert_eq!(sees(reader, &empty), Some(empty.clone()), "{who}");
        }
        let mut lead = person(Role::Staff, &[1]);
        lead.safeguarding_lead = true;
        for reader in [
            person(Role::Admin, &[]),
            person(Role::CareCoordinator, &[1]),
            lead,
            dewi,
        ] {
            assert_eq!(
                sees(Some(&reader), &both),
                Some(both.clone()),
                "{:?}",
                reader.role
            );
        }
        // A form this database lacks: the outside cannot be told what is flagged.
        assert_eq!(visible_observation(None, both.clone(), None), None);
        let staff = person(Role::Staff, &[1]);
        assert_eq!(
            visible_observation(Some(&staff), both.clone(), None),
            Some(both)
        );
    }

    #[test]
    fn who_may_only_know_a_trajectory_is_open_sees_no_stage_date_or_note() {
        let plan: crate::domain::plan::PlanTemplate = serde_json::from_value(serde_json::json!({
            "id": "meldcode", "version": 1, "name": {"nl": "M", "en": "M"},
            "stages": [{"id": "a", "title": {"nl": "A", "en": "A"}, "help": {"nl": "", "en": ""}},
                       {"id": "b", "title": {"nl": "B", "en": "B"}, "help": {"nl": "", "en": ""}}]
        }))
        .unwrap();
        let started = chrono::NaiveDate::from_ymd_opt(2026, 11, 18).unwrap();
        let mut t = Trajectory::new(3, 5, &plan, started, "Dewi Peters");
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00+01:00").unwrap();
        t.question = "thuissituatie".into();
        t.review = Some(started);
        t.stages[0].done = true;
        t.stages[0].at = Some(at);
        t.stages[0].note = "gesprek".into();
        t.meldcode.signals = "12-11: blauwe plek op de arm".into();
        t.meldcode.reported_on = Some(started);
        let untouched = Trajectory::new(3, 5, &plan, started, "Dewi Peters");
        for role in Role::ALL {
            let view = meldcode_view(&person(role, &[1]), &t.by);
            let seen = visible_trajectory(view, t.clone());
            let expected = match view {
                MeldcodeView::Details => Some(t.clone()),
                MeldcodeView::ThatItIsOpen => Some(untouched.clone()),
                MeldcodeView::Nothing => None,
            };
            assert_eq!(seen, expected, "{role:?}");
        }
        // Closed (here: reported to Veilig Thuis), it is gone for who may only know it is open.
        t.closed = Some(crate::domain::plan::Closing {
            outcome: crate::domain::plan::Outcome::MeldcodeReport,
            date: started,
            by: "Dewi Peters".into(),
        });
        for role in Role::ALL {
            let view = meldcode_view(&person(role, &[1]), &t.by);
            let seen = visible_trajectory(view, t.clone());
            assert_eq!(seen.is_some(), view == MeldcodeView::Details, "{role:?}");
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
            assert!(!handover_to_school(&child), "nor school consent");
        }
        child.consent.care_team = given(ConsentAnswer::Yes);
        assert!(named_in_care_team(&child));
        assert!(
            !handover_to_school(&child),
            "care-team consent is not school consent"
        );
        for (answer, allowed) in [(ConsentAnswer::No, false), (ConsentAnswer::Yes, true)] {
            child.consent.school = given(answer);
            assert_eq!(handover_to_school(&child), allowed, "{answer:?}");
        }
    }
}
