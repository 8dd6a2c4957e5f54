//! Moving between screens and within lists: what each action does outside of popups.

use super::screen::{GroupsScreen, Screen, UsersScreen};
use super::{Action, App, Popup};
use crate::domain::staff::name_key;
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

    fn open_users(&mut self, typed: &str) {
        self.screens.push(Screen::Users(UsersScreen::new(typed)));
        self.reload();
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
            Screen::Visit(_) => self.reload_visit(),
            // Components reload themselves (above); these hold what they show themselves,
            // written through them.
            Screen::Groups(_)
            | Screen::Children(_)
            | Screen::Child(_)
            | Screen::Staff(_)
            | Screen::Welcome(_)
            | Screen::Users(_)
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
            // Esc on "who are you?" with nothing typed is the way out: it asks, as `q` does,
            // since data is behind it.
            Screen::Users(_) if action == Action::Back => self.ask_quit(),
            // Components: what they leave is what opens a screen that is not one yet.
            Screen::Groups(_) | Screen::Children(_) | Screen::Child(_) => match action {
                Action::Plan => self.open_plans(),
                Action::Visit => self.open_visit(),
                _ => {}
            },
            Screen::Staff(_) | Screen::Welcome(_) | Screen::Users(_) => {}
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
}
