//! The groups list: every group the person at the keyboard sees, with its children and the
//! coach's visits. Adding, editing and archiving a group (an admin's) start here.

use crate::app::fields::{Choice, Fields, Form, Text};
use crate::app::list::{ListView, Row};
use crate::app::modal::{first, Confirm, First, Modal, Step};
use crate::app::retention;
use crate::app::screens::children::ChildrenScreen;
use crate::app::screens::growth::GrowthScreen;
use crate::app::screens::staff::StaffScreen;
use crate::app::screens::VisitDates;
use crate::app::screens::VisitScreen;
use crate::app::{Action, AppError, Component, Ctx, Msg, Outcome, Screen};
use crate::domain::{AuditAction, Group, GroupKind, Invalid};
use crate::i18n::{Lang, T};
use crate::keymap::Context;

#[derive(Debug, Clone, Default)]
pub struct GroupsScreen {
    pub list: ListView<GroupRow>,
    pub show_archived: bool,
    /// The group form, or the question whether to archive (or bring back) a group, or to remove
    /// the children past the retention term.
    pub modal: Option<Modal<GroupForm, GroupQuestion>>,
    /// For an admin: how many archived children are past the retention term (`app::retention`).
    pub past_retention: usize,
}

/// What a question of the groups list is about.
#[derive(Debug, Clone)]
pub enum GroupQuestion {
    /// Archive the group, or bring it back.
    Archive(Group),
    /// Remove the children past the retention term for good.
    Purge,
}

#[derive(Debug, Clone)]
pub struct GroupRow {
    pub group: Group,
    /// Children present in the group (archived ones not counted).
    pub children: usize,
    pub visits: VisitDates,
}

impl Row for GroupRow {
    fn id(&self) -> u64 {
        self.group.id
    }
    fn search_text(&self) -> String {
        format!(
            "{} {} {}",
            self.group.name,
            self.group.kind.label(),
            self.group.location
        )
    }
}

/// Adding a group, or editing `editing`.
#[derive(Debug, Clone)]
pub struct GroupForm {
    pub editing: Option<Group>,
    pub name: Text,
    pub kind: Choice<GroupKind>,
    pub location: Text,
}

impl GroupForm {
    pub fn new(group: Option<Group>) -> GroupForm {
        let kinds = GroupKind::ALL
            .iter()
            .map(|k| (k.label().to_string(), *k))
            .collect();
        let (name, kind, location) = match &group {
            Some(g) => (g.name.as_str(), g.kind, g.location.as_str()),
            None => ("", GroupKind::ALL[0], ""),
        };
        GroupForm {
            name: Text::new(T::FieldName, name),
            kind: Choice::new(T::FieldKind, kinds, |k| *k == kind),
            location: Text::new(T::FieldLocation, location),
            editing: group,
        }
    }
}

impl Fields for GroupForm {
    fn title(&self) -> T {
        match self.editing {
            Some(_) => T::FormEditGroup,
            None => T::FormAddGroup,
        }
    }
    crate::fields!(name, kind, location);
}

impl GroupsScreen {
    fn selected(&self) -> Option<Group> {
        self.list.selected().map(|row| row.group.clone())
    }

    fn act(&mut self, ctx: &Ctx, action: Action) -> Result<Outcome, AppError> {
        ctx.permit_action(Context::Groups, action)?;
        match action {
            Action::ShowArchived => {
                self.show_archived = !self.show_archived;
                return Ok(Outcome::Reload);
            }
            Action::Open => {
                if let Some(group) = self.selected() {
                    return Ok(Outcome::Push(Screen::Children(ChildrenScreen::new(group))));
                }
            }
            Action::Staff => return Ok(Outcome::Push(Screen::Staff(StaffScreen::default()))),
            // `A`: the coaching the person at the keyboard received.
            Action::Coaching => {
                if let Some(me) = ctx.user {
                    return GrowthScreen::open(ctx, me.clone()).map(Outcome::Push);
                }
            }
            Action::Report => {
                let month = crate::app::popups::report::ReportPopup::new(ctx);
                return Ok(Outcome::Popup(crate::app::Popup::Report(month)));
            }
            Action::Visit => {
                if let Some(group) = self.selected() {
                    return VisitScreen::open(ctx, group).map(Outcome::Push);
                }
            }
            Action::Add => {
                self.modal = Some(Modal::Form(Form::new(GroupForm::new(None))));
            }
            Action::Edit => {
                if let Some(group) = self.selected() {
                    self.modal = Some(Modal::Form(Form::new(GroupForm::new(Some(group)))));
                }
            }
            Action::Archive => {
                if let Some(group) = self.selected() {
                    let question = ctx.lang.confirm_archive(&group.name, group.archived);
                    self.modal = Some(Modal::Confirm(Confirm {
                        question,
                        about: GroupQuestion::Archive(group),
                    }));
                }
            }
            Action::Purge => return self.ask_purge(ctx),
            _ => return Ok(Outcome::Ignored),
        }
        Ok(Outcome::Done)
    }

    /// `X`: asks whether to remove the children past the retention term, or says there are none.
    fn ask_purge(&mut self, ctx: &Ctx) -> Result<Outcome, AppError> {
        let Some(question) = retention::purge_question(ctx)? else {
            return Ok(Outcome::Say(ctx.lang.get(T::NothingPastRetention).into()));
        };
        let about = GroupQuestion::Purge;
        self.modal = Some(Modal::Confirm(Confirm { question, about }));
        Ok(Outcome::Done)
    }

    fn popup_step(&mut self, ctx: &Ctx, step: Step<GroupForm, GroupQuestion>) -> Outcome {
        match step {
            Step::Stay | Step::Closed | Step::No(_) => Outcome::Done,
            Step::Submit(form) => match save(ctx, &form.fields) {
                Ok(name) => Outcome::Reload.and(Outcome::Say(ctx.lang.saved(&name))),
                Err(e) => {
                    self.modal = Some(Modal::Form(form.refused(ctx.lang.error(&e))));
                    Outcome::Done
                }
            },
            Step::Yes(GroupQuestion::Purge) => retention::purge(ctx),
            Step::Yes(GroupQuestion::Archive(mut group)) => {
                group.archived = !group.archived;
                let action = match group.archived {
                    true => AuditAction::GroupArchive,
                    false => AuditAction::GroupRestore,
                };
                match ctx.store.save_group(&group, action, &ctx.signature()) {
                    Ok(()) => Outcome::Reload.and(Outcome::Say(
                        ctx.lang.archived_status(&group.name, group.archived),
                    )),
                    Err(e) => Outcome::Fail(e.into()),
                }
            }
        }
    }
}

/// Saves the group form; the name saved.
fn save(ctx: &Ctx, form: &GroupForm) -> Result<String, AppError> {
    let name = form.name.required(Invalid::NameRequired)?;
    let kind = form.kind.value().copied().unwrap_or(GroupKind::ALL[0]);
    let location = form.location.trimmed().to_string();
    let sig = ctx.signature();
    match &form.editing {
        Some(old) => {
            let group = Group {
                name: name.clone(),
                kind,
                location,
                ..old.clone()
            };
            ctx.store.save_group(&group, AuditAction::GroupEdit, &sig)?;
        }
        None => {
            ctx.store.add_group(&name, kind, &location, &sig)?;
        }
    }
    Ok(name)
}

impl Component for GroupsScreen {
    fn title(&self, lang: Lang) -> String {
        lang.get(T::GroupsTitle).to_string()
    }

    fn screen_contexts(&self) -> Vec<Context> {
        vec![Context::Groups, Context::List, Context::Global]
    }

    fn hints(&self) -> &'static [Action] {
        use Action::*;
        &[Open, Filter, Help, Quit, Add, Edit, Visit, Report]
    }

    fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        match first(&mut self.modal, Some(&mut self.list), msg) {
            First::Popup(step) => self.popup_step(ctx, step),
            First::Action(action) => self.act(ctx, action).into(),
            First::Taken => Outcome::Done,
            First::NotMine => Outcome::Ignored,
        }
    }

    /// Groups, their tallies and the children past the retention term: a mark or a step plan
    /// written on a screen above leaves them as they were, and Esc comes back without reading
    /// every group again.
    fn changes_seen(&self, store: &crate::store::Store) -> u64 {
        store.overview_changes()
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        let mut rows = Vec::new();
        for group in ctx.visible_groups(ctx.store.groups()?) {
            if group.archived && !self.show_archived {
                continue;
            }
            let summary = ctx.store.group_summary(group.id)?;
            rows.push(GroupRow {
                children: summary.active_children,
                visits: summary.visits,
                group,
            });
        }
        self.list.set_items(rows);
        self.past_retention = retention::past_retention(ctx)?;
        Ok(())
    }

    crate::own_popup!();

    crate::filtered_list!();
}
