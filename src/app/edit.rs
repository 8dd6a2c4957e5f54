//! Adding, editing and archiving groups, children and staff: the forms, their checks, and the
//! popups' keys.

use chrono::NaiveDate;

use super::confirm::OnYes;
use super::form::{Field, Form};
use super::screen::Screen;
use super::{Action, App, Popup};
use crate::domain::AuditAction;
use crate::domain::{Child, Group, GroupKind, Id, Role};
use crate::i18n::T;
use crate::store::StoreError;

#[derive(Debug, Clone)]
pub enum FormKind {
    AddGroup,
    EditGroup(Group),
    /// `groups` are the ids behind the group choice, in its order.
    AddChild {
        groups: Vec<Id>,
    },
    EditChild {
        child: Child,
        groups: Vec<Id>,
    },
    AddStaff,
    /// Name, role and groups of a staff member (admin).
    EditStaff(crate::domain::Staff),
    /// A PIN for this person (theirs, or set by an admin).
    SetPin(crate::domain::Staff),
}

#[derive(Debug, Clone)]
pub enum ArchiveTarget {
    Group(Group),
    Child(Child),
}

impl App {
    /// `add`, `edit` or `archive` on the shown screen's selected record.
    pub(super) fn edit_action(&mut self, action: Action) {
        let (group, child) = match self.screen() {
            Screen::Groups(s) => (s.list.selected().map(|r| r.group.clone()), None),
            Screen::Children(s) => (
                Some(s.group.clone()),
                s.list.selected().map(|row| row.child.clone()),
            ),
            Screen::Child(s) => (Some(s.group.clone()), Some(s.child.clone())),
            _ => return,
        };
        let on_groups = matches!(self.screen(), Screen::Groups(_));
        if !self.may_here(action) {
            return;
        }
        match (action, on_groups) {
            (Action::Add, true) => self.open_form(FormKind::AddGroup, ""),
            (Action::Add, false) => self.open_child_form(None, group.map(|g| g.id)),
            (Action::Edit, true) => {
                if let Some(group) = group {
                    self.open_form(FormKind::EditGroup(group), "");
                }
            }
            (Action::Edit, false) => {
                if let Some(child) = child {
                    let group_id = child.group_id;
                    self.open_child_form(Some(child), Some(group_id));
                }
            }
            (Action::Archive, true) => self.confirm_archive(group.map(ArchiveTarget::Group)),
            (Action::Archive, false) => self.confirm_archive(child.map(ArchiveTarget::Child)),
            _ => {}
        }
    }

    /// Opens a form; `typed` prefills the first field (a name typed in the picker).
    pub(super) fn open_form(&mut self, kind: FormKind, typed: &str) {
        let kinds = GroupKind::ALL
            .iter()
            .map(|k| k.label().to_string())
            .collect();
        let form = match &kind {
            FormKind::AddGroup => Form::new(
                kind,
                T::FormAddGroup,
                vec![
                    Field::text(T::FieldName, typed),
                    Field::choice(T::FieldKind, kinds, 0),
                    Field::text(T::FieldLocation, ""),
                ],
            ),
            FormKind::EditGroup(g) => {
                let index = GroupKind::ALL
                    .iter()
                    .position(|k| *k == g.kind)
                    .unwrap_or(0);
                let fields = vec![
                    Field::text(T::FieldName, &g.name),
                    Field::choice(T::FieldKind, kinds, index),
                    Field::text(T::FieldLocation, &g.location),
                ];
                Form::new(kind, T::FormEditGroup, fields)
            }
            FormKind::AddStaff => {
                // The first person sets the place up, so they are its admin unless they say
                // otherwise; after them a new person is most likely a pedagogisch medewerker.
                let first = self.user.is_none();
                let role = if first { Role::Admin } else { Role::Staff };
                Form::new(
                    kind,
                    T::FormAddStaff,
                    vec![
                        Field::text(T::FieldName, typed),
                        self.role_field(role),
                        Field::text(T::FieldGroups, ""),
                    ],
                )
            }
            _ => unreachable!("only group and staff forms are built here"),
        };
        self.popup = Some(Popup::Form(form));
    }

    fn open_child_form(&mut self, child: Option<Child>, group_id: Option<Id>) {
        let Some(groups) = self.ok(self.store.groups()) else {
            return;
        };
        // Archived groups take no new children, but a child already in one keeps it as a choice:
        // editing a name must never move a child.
        let groups: Vec<Group> = self
            .visible_groups(groups)
            .into_iter()
            .filter(|g| !g.archived || child.as_ref().is_some_and(|c| c.group_id == g.id))
            .collect();
        if groups.is_empty() {
            return self.complain(self.lang.get(T::ErrNoGroup));
        }
        let index = groups
            .iter()
            .position(|g| Some(g.id) == group_id)
            .unwrap_or(0);
        let names = groups.iter().map(|g| g.name.clone()).collect();
        let ids = groups.iter().map(|g| g.id).collect();
        let (first, last, born) = match &child {
            Some(c) => (
                c.first_name.clone(),
                c.last_name.clone(),
                c.birth_date.to_string(),
            ),
            None => Default::default(),
        };
        let fields = vec![
            Field::text(T::FieldFirstName, &first),
            Field::text(T::FieldLastName, &last),
            Field::text(T::FieldBirthDate, &born),
            Field::choice(T::FieldGroup, names, index),
        ];
        let form = match child {
            Some(child) => Form::new(
                FormKind::EditChild { child, groups: ids },
                T::FormEditChild,
                fields,
            ),
            None => Form::new(FormKind::AddChild { groups: ids }, T::FormAddChild, fields),
        };
        self.popup = Some(Popup::Form(form));
    }

    pub(super) fn confirm_archive(&mut self, target: Option<ArchiveTarget>) {
        let Some(target) = target else { return };
        let question = match &target {
            ArchiveTarget::Group(g) => self.lang.confirm_archive(&g.name, g.archived),
            ArchiveTarget::Child(c) => self.lang.confirm_archive(&c.full_name(), c.archived),
        };
        self.ask(question, OnYes::Archive(target));
    }

    /// Keys on a form of a screen that is not a component yet.
    pub(super) fn update_form(&mut self, mut form: Form<FormKind>, action: Action) {
        match action {
            Action::NextField => form.next_field(),
            Action::PrevField => form.prev_field(),
            Action::ChoiceNext => form.cycle(1),
            Action::ChoicePrev => form.cycle(-1),
            Action::Back => return,
            Action::Submit => return self.save_popup_form(form),
            _ => {}
        }
        self.popup = Some(Popup::Form(form));
    }

    /// Saves the form of the popup: said on the status line, or the form stays open with why
    /// not.
    pub(super) fn save_popup_form(&mut self, mut form: Form<FormKind>) {
        match self.submit(&form) {
            Ok(message) => {
                self.reload();
                self.say(message);
            }
            Err(message) => {
                form.error = Some(message);
                self.popup = Some(Popup::Form(form));
            }
        }
    }

    /// Checks and saves a form; what to tell about it, or why not (the form stays open).
    fn submit(&mut self, form: &Form<FormKind>) -> Result<String, String> {
        if let FormKind::SetPin(person) = &form.kind {
            return self.submit_pin_form(person, form);
        }
        let name = self.save_form(form)?;
        Ok(self.lang.saved(&name))
    }

    /// Saves a form of a record; the name of what was saved.
    fn save_form(&mut self, form: &Form<FormKind>) -> Result<String, String> {
        let lang = self.lang;
        let sig = self.signature();
        let required = |field: usize, error: T| {
            let value = form.text(field).trim().to_string();
            if value.is_empty() {
                Err(lang.get(error).to_string())
            } else {
                Ok(value)
            }
        };
        let store_error = |e: StoreError| lang.store_error(&e);
        match &form.kind {
            FormKind::AddGroup | FormKind::EditGroup(_) => {
                let name = required(0, T::ErrNameRequired)?;
                let kind = GroupKind::ALL[form.choice(1)];
                let location = form.text(2).trim().to_string();
                match &form.kind {
                    FormKind::EditGroup(old) => {
                        let group = Group {
                            name: name.clone(),
                            kind,
                            location,
                            ..old.clone()
                        };
                        self.store
                            .save_group(&group, AuditAction::GroupEdit, &sig)
                            .map_err(store_error)?;
                    }
                    _ => {
                        self.store
                            .add_group(&name, kind, &location, &sig)
                            .map_err(store_error)?;
                    }
                }
                Ok(name)
            }
            FormKind::AddChild { groups } | FormKind::EditChild { groups, .. } => {
                let first = required(0, T::ErrFirstNameRequired)?;
                let last = form.text(1).trim().to_string();
                let born = NaiveDate::parse_from_str(form.text(2).trim(), "%Y-%m-%d")
                    .map_err(|_| lang.get(T::ErrBadDate).to_string())?;
                if born > self.today() {
                    return Err(lang.get(T::ErrFutureDate).into());
                }
                let group_id = groups[form.choice(3).min(groups.len() - 1)];
                let child = match &form.kind {
                    FormKind::EditChild { child: old, .. } => {
                        let child = Child {
                            first_name: first,
                            last_name: last,
                            birth_date: born,
                            group_id,
                            ..old.clone()
                        };
                        self.store
                            .save_child(&child, AuditAction::ChildEdit, &sig)
                            .map_err(store_error)?;
                        child
                    }
                    _ => self
                        .store
                        .add_child(group_id, &first, &last, born, &sig)
                        .map_err(store_error)?,
                };
                Ok(child.full_name())
            }
            FormKind::SetPin(_) => unreachable!("submit hands PIN forms to submit_pin_form"),
            FormKind::EditStaff(person) => self.save_staff_form(person, form),
            FormKind::AddStaff => {
                let name = required(0, T::ErrNameRequired)?;
                let role = Role::ALL[form.choice(1)];
                // The very first person signs their own entry: nobody else is there yet.
                let sig = match &self.user {
                    Some(_) => sig,
                    None => crate::store::Signature {
                        by: name.clone(),
                        ..sig
                    },
                };
                let all = self.store.groups().map_err(store_error)?;
                let groups = super::staff::parse_groups(form.text(2), &all)
                    .map_err(|name| lang.unknown_group(&name))?;
                let staff = self
                    .store
                    .add_staff(&name, role, &groups, &sig)
                    .map_err(|e| self.lang.store_error(&e))?;
                if self.user.is_none() {
                    self.become_user(staff);
                }
                Ok(name)
            }
        }
    }

    pub(super) fn toggle_archived(&mut self, target: ArchiveTarget) {
        let sig = self.signature();
        let (result, name, archived) = match target {
            ArchiveTarget::Group(mut g) => {
                g.archived = !g.archived;
                let action = if g.archived {
                    AuditAction::GroupArchive
                } else {
                    AuditAction::GroupRestore
                };
                (self.store.save_group(&g, action, &sig), g.name, g.archived)
            }
            ArchiveTarget::Child(mut c) => {
                c.archived = !c.archived;
                let action = if c.archived {
                    AuditAction::ChildArchive
                } else {
                    AuditAction::ChildRestore
                };
                (
                    self.store.save_child(&c, action, &sig),
                    c.full_name(),
                    c.archived,
                )
            }
        };
        if self.ok(result).is_some() {
            self.reload();
            self.say(self.lang.archived_status(&name, archived));
        }
    }
}
