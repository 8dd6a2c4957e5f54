//! Moving between screens and within lists: what each action does outside of popups.

use super::list::ListView;
use super::screen::{GroupsScreen, Screen, UserRow};
use super::{Action, App, Popup};
use crate::domain::access::Permission;
use crate::domain::staff::name_key;
use crate::i18n::T;
use crate::store::Result;

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
        let mut rows = super::screens::staff::user_rows(&super::ctx_of!(self))?;
        if rows.iter().any(|row| matches!(row, UserRow::Person(_))) {
            rows.retain(|row| matches!(row, UserRow::Person(_)));
        }
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
        match self.screen() {
            Screen::Users(_) => {
                let rows = self.picker_rows();
                if let (Some(rows), Some(Screen::Users(list))) =
                    (self.ok(rows), self.screens.last_mut())
                {
                    list.set_items(rows);
                }
            }
            Screen::Visit(_) => self.reload_visit(),
            // Components reload themselves (above); these hold what they show themselves,
            // written through them.
            Screen::Groups(_)
            | Screen::Children(_)
            | Screen::Child(_)
            | Screen::Staff(_)
            | Screen::Welcome
            | Screen::Observe(_)
            | Screen::PickForm(_)
            | Screen::Compare(_)
            | Screen::Plans(_)
            | Screen::Trajectory(_)
            | Screen::History(_) => {}
        }
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
            Action::Help => return self.popup = Some(Popup::Help { scroll: 0 }),
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
                | Screen::Plans(_)
                | Screen::Trajectory(_)
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
            // Components: what they leave is what opens a screen that is not one yet.
            Screen::Groups(_) | Screen::Children(_) | Screen::Child(_) => match action {
                Action::Plan => self.open_plans(),
                Action::Visit => self.open_visit(),
                _ => {}
            },
            Screen::Staff(_) => {}
            Screen::Plans(_) => match action {
                Action::Open => self.pick_plan(),
                Action::Back => self.back(),
                _ => {}
            },
            Screen::Trajectory(_) => match action {
                Action::Mark => self.trajectory_mark(),
                Action::Note => self.trajectory_note(),
                Action::Edit | Action::Open => self.trajectory_edit(),
                Action::CloseTrajectory => self.trajectory_close(),
                Action::Back => self.back(),
                _ => {}
            },
            Screen::Visit(_) => match action {
                Action::Note => self.visit_advice(),
                Action::FollowUp => self.visit_follow_up(),
                Action::Mark => self.visit_mark(),
                Action::CloseVisit => self.visit_close(),
                Action::Open => self.visit_open_child(),
                Action::Back => self.back(),
                _ => {}
            },
            // Components: they had the message first.
            Screen::Compare(_) | Screen::History(_) | Screen::Observe(_) | Screen::PickForm(_) => {}
        }
    }

    pub(super) fn back(&mut self) {
        if self.screens.len() > 1 {
            self.screens.pop();
            self.reload();
        }
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
