use serde::{Deserialize, Serialize};

use super::Id;

/// What a person at the keyboard does; later issues hang permissions on this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Pedagogisch medewerker: works on the group every day.
    Staff,
    /// Jeugdhulp coach: visits the group and advises.
    Coach,
    /// Zorgcoördinator: chairs the care-team meeting.
    CareCoordinator,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Staff, Role::Coach, Role::CareCoordinator];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    pub id: Id,
    pub name: String,
    pub role: Role,
}
