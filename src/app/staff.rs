//! The staff screen, an admin's: who works here, in which role, on which groups, and whether they
//! have a PIN. Adding someone, changing their role or groups, and setting a forgotten PIN start
//! here.

use super::edit::FormKind;
use super::form::{Field, Form};
use super::list::ListView;
use super::screen::{Screen, StaffScreen, UserRow};
use super::{App, Popup};
use crate::domain::{group, Group, Id, Role, Staff};
use crate::i18n::T;
use crate::search::fold;
use crate::store::Result;

impl App {
    pub(super) fn open_staff(&mut self) {
        if !self.may_here(super::Action::Staff) {
            return;
        }
        let screen = StaffScreen::default();
        self.screens.push(Screen::Staff(screen));
        self.reload();
    }

    /// The rows and what they show, fresh from the store.
    pub(super) fn staff_screen(&self) -> Result<StaffScreen> {
        let rows = self.user_rows()?;
        let mut pins = Vec::new();
        for row in &rows {
            if let UserRow::Person(p) = row {
                if self.store.has_pin(p.id)? {
                    pins.push(p.id);
                }
            }
        }
        Ok(StaffScreen {
            list: ListView::of(rows),
            groups: self.store.groups()?,
            pins,
        })
    }

    /// The person selected on the staff screen.
    pub(super) fn selected_staff(&self) -> Option<Staff> {
        match self.screen() {
            Screen::Staff(s) => match s.list.selected() {
                Some(UserRow::Person(p)) => Some(p.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    /// `a`, `e` or Enter on the staff screen ("+ new" on Enter adds).
    pub(super) fn staff_action(&mut self, add: bool) {
        match (add, self.selected_staff()) {
            (false, Some(person)) => self.open_staff_form(person),
            _ => self.open_form(FormKind::AddStaff, ""),
        }
    }

    fn open_staff_form(&mut self, person: Staff) {
        let Some(groups) = self.ok(self.store.groups()) else {
            return;
        };
        let fields = vec![
            Field::text(T::FieldName, &person.name),
            self.role_field(person.role),
            Field::text(T::FieldGroups, &group::names_of(&person.groups, &groups)),
        ];
        let form = Form::new(FormKind::EditStaff(person), T::FormEditStaff, fields);
        self.popup = Some(Popup::Form(form));
    }

    /// Saves the edit form: name, role and groups; the last admin stays an admin.
    pub(super) fn save_staff_form(
        &mut self,
        person: &Staff,
        form: &Form<FormKind>,
    ) -> std::result::Result<String, String> {
        let lang = self.lang;
        let role = Role::ALL[form.choice(1)];
        let staff = self.store.staff().map_err(|e| lang.store_error(&e))?;
        let other_admin = staff
            .iter()
            .any(|s| s.id != person.id && s.role == Role::Admin);
        if person.role == Role::Admin && role != Role::Admin && !other_admin {
            return Err(lang.get(T::ErrLastAdmin).to_string());
        }
        let all = self.store.groups().map_err(|e| lang.store_error(&e))?;
        let groups = parse_groups(form.text(2), &all).map_err(|name| lang.unknown_group(&name))?;
        let changed = Staff {
            name: form.text(0).to_string(),
            role,
            groups,
            ..person.clone()
        };
        let saved = self
            .store
            .update_staff(&changed, &self.signature())
            .map_err(|e| self.lang.store_error(&e))?;
        // The person at the keyboard edited themself: the role and groups count from now on.
        if self.user.as_ref().is_some_and(|u| u.id == saved.id) {
            self.user = Some(saved.clone());
        }
        Ok(saved.name)
    }

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

/// Group names separated by commas, matched up to case and accents; the first unknown name is
/// the error.
pub(super) fn parse_groups(text: &str, groups: &[Group]) -> std::result::Result<Vec<Id>, String> {
    let mut ids = Vec::new();
    for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let key = fold(name);
        let group = groups.iter().find(|g| fold(&g.name) == key);
        match group {
            Some(g) if !ids.contains(&g.id) => ids.push(g.id),
            Some(_) => {}
            None => return Err(name.to_string()),
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::group;

    #[test]
    fn groups_are_typed_by_name_with_commas_up_to_case_and_accents() {
        let groups = [group(1, "De Uilen"), group(2, "Café Kids")];
        assert_eq!(
            parse_groups(" de uilen , cafe kids,,", &groups),
            Ok(vec![1, 2])
        );
        assert_eq!(parse_groups("", &groups), Ok(vec![]));
        assert_eq!(parse_groups("De Uilen, De Uilen", &groups), Ok(vec![1]));
        assert_eq!(
            parse_groups("De Uilen, Vossen", &groups),
            Err("Vossen".into())
        );
        assert_eq!(group::names_of(&[2, 1], &groups), "De Uilen, Café Kids");
    }
}
