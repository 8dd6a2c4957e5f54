//! Moving between screens and within lists: what each action does outside of popups.

use super::list::{ListInput, ListView, Row};
use super::screen::{
    ChildRow, ChildScreen, ChildrenScreen, GroupsScreen, HistoryScreen, LatestObservation,
    PlanSummary, Screen, StaffScreen, UserRow, VisitDates,
};
use super::{Action, App, Outcome};
use crate::domain::access::Permission;
use crate::domain::staff::name_key;
use crate::domain::{Group, Id};
use crate::i18n::T;
use crate::search::fold;
use crate::store::Result;

enum ListOutcome {
    Done,
    Reload,
    NotMine,
}

/// The keys every list screen shares: moving, filtering, showing archived records.
fn in_list_screen<R: Row>(
    list: &mut ListView<R>,
    show_archived: &mut bool,
    action: Action,
) -> ListOutcome {
    if list.list_keys(action) {
        return ListOutcome::Done;
    }
    if action == Action::ShowArchived {
        *show_archived = !*show_archived;
        return ListOutcome::Reload;
    }
    ListOutcome::NotMine
}

impl App {
    /// After the welcome screen, or at once on a database with data: the groups list, and the
    /// "who are you" picker on top unless `--user` names a staff member.
    pub(super) fn start(&mut self) {
        self.screens = vec![Screen::Groups(GroupsScreen::default())];
        self.reload();
        let wanted = self.wanted_user.take();
        let staff = self.ok(self.store.staff()).unwrap_or_default();
        let found = wanted.as_ref().and_then(|n| {
            let key = name_key(n);
            staff.iter().find(|s| name_key(&s.name) == key)
        });
        match found {
            Some(person) => {
                let person = person.clone();
                // Underneath, in case the PIN asked is not this person's to give.
                self.open_users("");
                self.sign_in(person);
            }
            None => {
                self.open_users(wanted.as_deref().unwrap_or(""));
                if let Some(name) = wanted {
                    self.complain(self.lang.user_not_found(&name));
                }
            }
        }
    }

    fn open_users(&mut self, filter: &str) {
        let mut list = ListView::default();
        list.filter = filter.to_string();
        list.filtering = true;
        if let Some(rows) = self.ok(self.picker_rows()) {
            list.set_items(rows);
        }
        self.screens.push(Screen::Users(list));
    }

    /// The "who are you?" rows: everyone, and "+ new staff member" only while there is nobody
    /// yet (the first person sets the place up; after that adding people is an admin's job, on
    /// the staff screen).
    fn picker_rows(&self) -> Result<Vec<UserRow>> {
        let mut rows = self.user_rows()?;
        if rows.iter().any(|row| matches!(row, UserRow::Person(_))) {
            rows.retain(|row| matches!(row, UserRow::Person(_)));
        }
        Ok(rows)
    }

    pub(super) fn user_rows(&self) -> Result<Vec<UserRow>> {
        let mut rows: Vec<UserRow> = self
            .store
            .staff()?
            .into_iter()
            .map(UserRow::Person)
            .collect();
        rows.push(UserRow::New);
        Ok(rows)
    }

    /// Refreshes the shown screen from the store, after a change or on coming back to it.
    pub(super) fn reload(&mut self) {
        let ctx = super::ctx_of!(self);
        if let Some(screen) = self.screens.last_mut().and_then(Screen::component_mut) {
            if let Err(e) = screen.reload(&ctx) {
                self.complain(self.lang.error(&e));
            }
            return;
        }
        let loaded = match self.screen() {
            Screen::Groups(_) => return,
            Screen::Children(s) => self.children_screen(s.group.id, s.show_archived),
            Screen::Child(s) => self.child_screen(s.child.id).map(Loaded::Child),
            Screen::Users(_) => self.picker_rows().map(Loaded::Users),
            Screen::Staff(_) => self.staff_screen().map(Loaded::Staff),
            // These hold what they show themselves, written through them.
            Screen::Welcome
            | Screen::Visit(_)
            | Screen::Observe(_)
            | Screen::PickForm(_)
            | Screen::Compare(_)
            | Screen::Plans(_)
            | Screen::Trajectory(_)
            | Screen::History(_) => return,
        };
        let Some(loaded) = self.ok(loaded) else {
            return;
        };
        match (self.screens.last_mut(), loaded) {
            (Some(Screen::Children(s)), Loaded::Children(Some((group, rows, visits)))) => {
                s.group = group;
                s.list.set_items(rows);
                s.visits = visits;
            }
            (Some(Screen::Users(list)), Loaded::Users(rows)) => list.set_items(rows),
            (Some(Screen::Staff(s)), Loaded::Staff(fresh)) => {
                let rows = fresh.list.items().cloned().collect();
                s.list.set_items(rows);
                s.groups = fresh.groups;
                s.pins = fresh.pins;
            }
            (Some(Screen::Child(s)), Loaded::Child(Some(fresh))) => *s = fresh,
            _ => {}
        }
    }

    /// The group (its name may have changed) and its children, sorted by name, each with its
    /// latest observation.
    fn children_screen(&self, group_id: Id, show_archived: bool) -> Result<Loaded> {
        let Some(group) = self.store.group(group_id)? else {
            return Ok(Loaded::Children(None));
        };
        let mut children = self.store.children_of(group_id)?;
        children.retain(|c| show_archived || !c.archived);
        children.sort_by_cached_key(|c| fold(&c.full_name()));
        let rows = children
            .into_iter()
            .map(|child| {
                let latest = self.store.latest_observation(child.id)?.map(|obs| {
                    let template = self.catalogue.find(&obs.template, obs.version);
                    LatestObservation {
                        date: obs.date,
                        concerns_often: template.map_or(0, |t| obs.concerns_often(t)),
                    }
                });
                let plan = self.plan_summary(child.id)?;
                Ok(ChildRow {
                    child,
                    latest,
                    plan,
                })
            })
            .collect::<Result<_>>()?;
        let visits = super::screens::visit_dates(&self.store, group_id)?;
        Ok(Loaded::Children(Some((group, rows, visits))))
    }

    /// Where the child's open trajectories stand, for the group overview: the first in the
    /// order of the plans (the early-signalling plan first).
    fn plan_summary(&self, child_id: Id) -> Result<Option<PlanSummary>> {
        let today = self.today();
        let mut open: Vec<_> = self
            .store
            .trajectories_of(child_id)?
            .into_iter()
            .filter(|t| t.is_open())
            .collect();
        let current = self.plans.current();
        let order = |t: &crate::domain::plan::Trajectory| {
            current
                .iter()
                .position(|p| p.id == t.template)
                .unwrap_or(usize::MAX)
        };
        open.sort_by_key(order);
        let Some(first) = open.first() else {
            return Ok(None);
        };
        let progress = match self.plans.find(&first.template, first.version) {
            Some(template) => self.lang.progress(first.progress(template)),
            None => first.template.clone(),
        };
        Ok(Some(PlanSummary {
            progress,
            more: open.len() - 1,
            overdue: open.iter().any(|t| t.overdue(today).any()),
        }))
    }

    /// `A` on a child: every audit entry about the child, its observations and its
    /// trajectories, newest first.
    fn open_history(&mut self) {
        let Screen::Child(s) = self.screen() else {
            return;
        };
        let ctx = super::ctx_of!(self);
        let opened = HistoryScreen::new(&ctx, s.child.clone(), &s.observations, &s.trajectories);
        self.apply(opened.map(|h| Outcome::Push(Screen::History(h))).into());
    }

    /// The cards linked to a child; a link to a card removed since is left out.
    fn linked_contacts(&self, child: &crate::domain::Child) -> Result<Vec<crate::domain::Contact>> {
        let mut linked = Vec::new();
        for id in &child.contacts {
            linked.extend(self.store.contact(*id)?);
        }
        Ok(linked)
    }

    /// A child's trajectories as the child screen lists them: open ones first, newest first.
    fn trajectories_shown(&self, child_id: Id) -> Result<Vec<crate::domain::plan::Trajectory>> {
        let mut all = self.store.trajectories_of(child_id)?;
        all.reverse();
        all.sort_by_key(|t| !t.is_open());
        Ok(all)
    }

    pub(super) fn child_screen(&self, child_id: u64) -> Result<Option<ChildScreen>> {
        let Some(child) = self.store.child(child_id)? else {
            return Ok(None);
        };
        let Some(group) = self.store.group(child.group_id)? else {
            return Ok(None);
        };
        let mut observations = self.store.observations_of(child_id)?;
        observations.reverse();
        Ok(Some(ChildScreen {
            contacts: self.linked_contacts(&child)?,
            child,
            group,
            observations,
            trajectories: self.trajectories_shown(child_id)?,
        }))
    }

    /// Shows a store error on the status line and turns the result into an option.
    pub(super) fn ok<V>(&mut self, result: Result<V>) -> Option<V> {
        result
            .map_err(|e| self.complain(self.lang.store_error(&e)))
            .ok()
    }

    pub(super) fn update_screen(&mut self, action: Action) {
        match action {
            Action::Quit => return self.ask_quit(),
            Action::Help => return self.open_help(),
            Action::Contacts => return self.open_lookup(),
            Action::Pin => return self.open_pin_form(),
            _ => {}
        }
        let Some(screen) = self.screens.last_mut() else {
            return;
        };
        // Lists without an archive: moving and filtering come first.
        let plain_list = matches!(
            screen,
            Screen::Observe(_)
                | Screen::PickForm(_)
                | Screen::Compare(_)
                | Screen::History(_)
                | Screen::Staff(_)
                | Screen::Visit(_)
        );
        if plain_list
            && screen
                .filter_list_mut()
                .is_some_and(|l| l.list_keys(action))
        {
            return;
        }
        match screen {
            Screen::Welcome => match action {
                Action::LoadDemo => self.load_demo(),
                Action::StartEmpty => self.start(),
                _ => {}
            },
            Screen::Users(list) => {
                if list.move_keys(action) {
                    return;
                }
                match action {
                    Action::Open => self.pick_user(),
                    Action::Back if !list.filter.is_empty() => list.clear_filter_keep_typing(),
                    // Esc on "who are you?" with nothing typed is the way out: it asks, as `q`
                    // does, since data is behind it.
                    Action::Back => self.ask_quit(),
                    _ => {}
                }
            }
            Screen::Groups(s) => {
                let handled = in_list_screen(&mut s.list, &mut s.show_archived, action);
                self.after_list_action(handled, action);
            }
            Screen::Children(s) => {
                let handled = in_list_screen(&mut s.list, &mut s.show_archived, action);
                self.after_list_action(handled, action);
            }
            Screen::Child(_) => match action {
                Action::Back => self.back(),
                Action::Edit | Action::Archive => self.edit_action(action),
                Action::Observe => self.observe(),
                Action::Compare => self.open_compare(),
                Action::Plan => self.open_plans(),
                Action::History => self.open_history(),
                _ => {}
            },
            // A component: the rest it had first.
            Screen::Visit(_) => {
                if action == Action::Open {
                    self.visit_open_child()
                }
            }
            // Components: they had the message first.
            Screen::Compare(_)
            | Screen::History(_)
            | Screen::Observe(_)
            | Screen::PickForm(_)
            | Screen::Plans(_)
            | Screen::Trajectory(_) => {}
            Screen::Staff(_) => match action {
                Action::Add => self.staff_action(true),
                Action::Edit | Action::Open => self.staff_action(false),
                Action::Back => self.back(),
                _ => {}
            },
        }
    }

    /// What a list screen does once the list itself has had its turn: reload after a change of
    /// what is shown, or open, go back, add, edit and archive.
    fn after_list_action(&mut self, handled: ListOutcome, action: Action) {
        match (handled, action) {
            (ListOutcome::Reload, _) => self.reload(),
            (ListOutcome::Done, _) => {}
            (ListOutcome::NotMine, Action::Open) => match self.screen() {
                Screen::Groups(_) => self.open_group(),
                _ => self.open_child(),
            },
            (ListOutcome::NotMine, Action::Back) => self.back(),
            (ListOutcome::NotMine, Action::Add | Action::Edit | Action::Archive) => {
                self.edit_action(action)
            }
            (ListOutcome::NotMine, Action::Observe) => self.observe(),
            (ListOutcome::NotMine, Action::Compare) => self.open_compare(),
            (ListOutcome::NotMine, Action::Plan) => self.open_plans(),
            (ListOutcome::NotMine, Action::Staff) => self.open_staff(),
            (ListOutcome::NotMine, Action::Visit) => self.open_visit(),
            (ListOutcome::NotMine, _) => {}
        }
    }

    pub(super) fn back(&mut self) {
        if self.screens.len() > 1 {
            self.screens.pop();
            self.reload();
        }
    }

    fn open_group(&mut self) {
        let Screen::Groups(s) = self.screen() else {
            return;
        };
        let Some(row) = s.list.selected() else { return };
        let group = row.group.clone();
        self.screens.push(Screen::Children(ChildrenScreen {
            group,
            list: ListView::default(),
            show_archived: false,
            visits: VisitDates::default(),
        }));
        self.reload();
    }

    fn open_child(&mut self) {
        let Screen::Children(s) = self.screen() else {
            return;
        };
        let Some(row) = s.list.selected() else {
            return;
        };
        let (child, group) = (row.child.clone(), s.group.clone());
        let Some(observations) = self.ok(self.store.observations_of(child.id)) else {
            return;
        };
        let Some(trajectories) = self.ok(self.trajectories_shown(child.id)) else {
            return;
        };
        let Some(contacts) = self.ok(self.linked_contacts(&child)) else {
            return;
        };
        // The child was read from the store when the list was loaded: no second read needed.
        let screen = ChildScreen {
            child,
            group,
            observations: observations.into_iter().rev().collect(),
            trajectories,
            contacts,
        };
        self.screens.push(Screen::Child(screen));
    }

    fn pick_user(&mut self) {
        let Screen::Users(list) = self.screen() else {
            return;
        };
        match list.selected().cloned() {
            Some(UserRow::Person(staff)) => self.sign_in(staff),
            Some(UserRow::New) => {
                let typed = list.filter.clone();
                let first = list.items().all(|row| matches!(row, UserRow::New));
                // The very first person sets the place up; after that adding people is an
                // admin's job (on the staff screen).
                if first || self.permitted(Permission::ManageStaff) {
                    self.open_form(super::FormKind::AddStaff, &typed);
                }
            }
            None => {}
        }
    }

    fn load_demo(&mut self) {
        let data = crate::demo::generate(&Default::default(), self.clock.now());
        if self.ok(self.store.import(&data)).is_some() {
            self.start();
            self.say(self.lang.get(T::DemoLoaded));
        }
    }
}

enum Loaded {
    Children(Option<(Group, Vec<ChildRow>, VisitDates)>),
    Child(Option<ChildScreen>),
    Users(Vec<UserRow>),
    Staff(StaffScreen),
}
