//! The screen stack: starting on the groups list with "who are you?" on top, going back, and
//! reloading the shown screen from the store.

use super::screens::{GroupsScreen, Screen, UsersScreen};
use super::App;
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
        let screen = self
            .screens
            .last_mut()
            .expect("the screen stack is never empty");
        if let Err(e) = screen.component_mut().reload(&ctx) {
            self.complain(self.lang.error(&e));
        }
    }

    /// Refreshes every screen on the stack, the lowest first: after a hand-over, since what a
    /// screen shows depends on who looks (a child's name or alias, the Meldcode), and the
    /// header names the screens below too.
    pub(super) fn reload_all(&mut self) {
        let ctx = super::ctx_of!(self);
        let mut errors = Vec::new();
        for screen in &mut self.screens {
            errors.extend(screen.component_mut().reload(&ctx).err());
        }
        for e in errors {
            self.complain(self.lang.error(&e));
        }
    }

    /// Back to the screen below, which reloads; the first screen stays.
    pub(super) fn back(&mut self) {
        if self.screens.len() > 1 {
            self.screens.pop();
            self.reload();
        }
    }

    /// Shows a store error on the status line and turns the result into an option.
    pub(super) fn ok<V>(&mut self, result: Result<V>) -> Option<V> {
        result
            .map_err(|e| self.complain(self.lang.store_error(&e)))
            .ok()
    }
}
