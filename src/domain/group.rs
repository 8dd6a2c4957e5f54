use serde::{Deserialize, Serialize};

use super::{Id, Invalid};

/// The three kinds of childcare group the domain knows; they decide the age range and, later, which
/// observation forms fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupKind {
    /// Kinderdagverblijf, ages 0-4.
    Kdv,
    /// Peuteropvang, ages 2-4.
    Peuteropvang,
    /// Buitenschoolse opvang, ages 4-12.
    Bso,
}

impl GroupKind {
    pub const ALL: [GroupKind; 3] = [GroupKind::Kdv, GroupKind::Peuteropvang, GroupKind::Bso];

    /// The short label used on screen in both languages: these are Dutch institutional names.
    pub fn label(self) -> &'static str {
        match self {
            GroupKind::Kdv => "KDV",
            GroupKind::Peuteropvang => "Peuteropvang",
            GroupKind::Bso => "BSO",
        }
    }

    /// The usual age range in whole years (inclusive start, exclusive end).
    pub fn age_range(self) -> (u32, u32) {
        match self {
            GroupKind::Kdv => (0, 4),
            GroupKind::Peuteropvang => (2, 4),
            GroupKind::Bso => (4, 13),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub id: Id,
    pub name: String,
    pub kind: GroupKind,
    pub location: String,
    #[serde(default)]
    pub archived: bool,
    /// The ids of the observation form templates this group uses; empty means every template
    /// meant for the group's kind (see `FormTemplate::fits`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<String>,
}

/// The names of the groups with these ids, in the groups' order, separated by commas: how a
/// person's groups are shown and typed.
pub fn names_of(ids: &[Id], groups: &[Group]) -> String {
    super::named::names_of(ids, groups)
}

/// Group names separated by commas, as a person's groups are typed, matched up to case and
/// accents; a name typed twice counts once.
///
/// # Errors
/// [`Invalid::UnknownGroup`] with the first name that is no group.
pub fn ids_named(text: &str, groups: &[Group]) -> Result<Vec<Id>, Invalid> {
    super::named::ids_named(text, groups).map_err(Invalid::UnknownGroup)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::group;

    #[test]
    fn groups_are_typed_by_name_with_commas_up_to_case_and_accents() {
        let groups = [group(1, "De Uilen"), group(2, "Café Kids")];
        assert_eq!(
            ids_named(" de uilen , cafe kids,,", &groups),
            Ok(vec![1, 2])
        );
        assert_eq!(ids_named("", &groups), Ok(vec![]));
        assert_eq!(ids_named("De Uilen, De Uilen", &groups), Ok(vec![1]));
        assert_eq!(
            ids_named("De Uilen, Vossen", &groups),
            Err(Invalid::UnknownGroup("Vossen".into()))
        );
        assert_eq!(names_of(&[2, 1], &groups), "De Uilen, Café Kids");
    }
}
