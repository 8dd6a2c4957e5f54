//! The role choice of the old staff form, while the "who are you?" picker still opens it.

use super::form::Field;
use super::App;
use crate::domain::Role;
use crate::i18n::T;

impl App {
    /// The role choice of the staff forms, on `role`.
    pub(super) fn role_field(&self, role: Role) -> Field {
        let roles = Role::ALL
            .iter()
            .map(|r| self.lang.role(*r).to_string())
            .collect();
        let index = Role::ALL.iter().position(|r| *r == role).unwrap_or(0);
        Field::choice(T::FieldRole, roles, index)
    }
}
