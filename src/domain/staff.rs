use serde::{Deserialize, Serialize};

use super::{Id, Invalid};

/// What a person at the keyboard does. What each role may do is decided in `domain::access`,
/// nowhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Pedagogisch medewerker: works on the group every day.
    Staff,
    /// Jeugdhulp coach: visits the group and advises.
    Coach,
    /// Zorgcoördinator: chairs the care-team meeting.
    CareCoordinator,
    /// Beheerder: manages staff, groups and templates; sees every group.
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Staff, Role::Coach, Role::CareCoordinator, Role::Admin];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    pub id: Id,
    pub name: String,
    pub role: Role,
    /// The groups this person works on (staff) or is linked to (coach, care coordinator).
    /// Which groups a person sees follows from this and the role: `access::sees_group`.
    #[serde(default)]
    pub groups: Vec<Id>,
    /// The aandachtsfunctionaris: coordinates and documents the Meldcode, and so reads every
    /// Meldcode trajectory and Meldcode-flagged mark (`access::sees_meldcode`). Set by an admin.
    #[serde(default)]
    pub safeguarding_lead: bool,
    /// A number to reach this person on, as typed ("06-12345678"); empty when none is known.
    /// The pinned aandachtsfunctionaris card shows it for every lead.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
}

/// The form of a name that decides whether two staff members are the same person: people pick
/// themselves by typing, and "Zoë" typed as "zoe" must not find two different people.
pub fn name_key(name: &str) -> String {
    crate::search::fold(name.trim())
}

/// Whether `person` may get `role`: someone must stay an admin, so the last admin keeps the role.
///
/// # Errors
/// [`Invalid::LastAdmin`] when `person` is the only admin among `staff` and `role` is not admin.
pub fn check_role_change(person: &Staff, role: Role, staff: &[Staff]) -> Result<(), Invalid> {
    let other_admin = staff
        .iter()
        .any(|s| s.id != person.id && s.role == Role::Admin);
    match person.role == Role::Admin && role != Role::Admin && !other_admin {
        true => Err(Invalid::LastAdmin),
        false => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_equal_up_to_case_accents_and_spaces_share_a_key() {
        assert_eq!(name_key(" Zoë Tester"), name_key("zoe tester"));
        assert_ne!(name_key("Zoë Tester"), name_key("Zoë Testers"));
    }

    #[test]
    fn the_last_admin_stays_admin() {
        let person = |id, role| Staff {
            id,
            name: format!("P{id}"),
            role,
            groups: Vec::new(),
            safeguarding_lead: false,
            phone: String::new(),
        };
        let (admin, worker) = (person(1, Role::Admin), person(2, Role::Staff));
        let staff = [admin.clone(), worker.clone()];
        assert_eq!(
            check_role_change(&admin, Role::Staff, &staff),
            Err(Invalid::LastAdmin)
        );
        assert_eq!(check_role_change(&admin, Role::Admin, &staff), Ok(()));
        assert_eq!(check_role_change(&worker, Role::Admin, &staff), Ok(()));
        let two = [admin.clone(), person(3, Role::Admin)];
        assert_eq!(check_role_change(&admin, Role::Staff, &two), Ok(()));
    }
}
