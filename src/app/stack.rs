//! The screen stack: starting on the groups list with "who are you?" on top, going back, and
//! reloading the shown screen from the store.

use super::screens::{GroupsScreen, Screen, UsersScreen};
use super::{App, Ctx};
use crate::domain::staff::name_key;
use crate::domain::Id;
use crate::i18n::Lang;
use crate::store::Result;
use chrono::NaiveDate;

/// What a screen's rows were loaded against. A screen coming back into view (Esc) is loaded
/// again only when its stamp differs from the present one, since everything it shows is read
/// from the store and depends on nothing else than:
/// - the store's contents: [`Store::changes`](crate::store::Store::changes) moves with every
///   write, made on any screen (or by a clone of the store, such as a backup), unless the screen
///   counts only the writes that change what it shows (`Component::changes_seen`: the groups
///   list);
/// - the day: ages, a child going to school, overdue steps and "not observed for weeks" flags;
/// - who is at the keyboard (names or aliases, the Meldcode) and the language;
/// - the settings that set a flag: weeks without an observation, the retention term.
///
/// A screen that failed to load has no stamp and is loaded again. Every screen put on the stack
/// is loaded at once (`App::apply`, `App::start`), which sets its stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    changes: u64,
    day: NaiveDate,
    user: Option<Id>,
    lang: Lang,
    observe_weeks: u32,
    retention_years: u32,
}

impl Stamp {
    fn of(ctx: &Ctx, screen: &Screen) -> Stamp {
        Stamp {
            changes: screen.component().changes_seen(ctx.store),
            day: ctx.today(),
            user: ctx.user.map(|u| u.id),
            lang: ctx.lang,
            observe_weeks: ctx.observe_weeks,
            retention_years: ctx.retention_years,
        }
    }
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

    fn open_users(&mut self, typed: &str) {
        self.screens.push(Screen::Users(UsersScreen::new(typed)));
        self.reload();
    }

    /// Refreshes the shown screen from the store: after a change, or when it is put on the
    /// stack.
    pub(super) fn reload(&mut self) {
        let ctx = super::ctx_of!(self);
        let screen = self
            .screens
            .last_mut()
            .expect("the screen stack is never empty");
        let stamp = Stamp::of(&ctx, screen);
        let loaded = screen.component_mut().reload(&ctx);
        let depth = self.screens.len();
        self.loaded.resize(depth, None);
        self.loaded[depth - 1] = loaded.is_ok().then_some(stamp);
        if let Err(e) = loaded {
            self.complain(self.lang.error(&e));
        }
    }

    /// Refreshes every screen on the stack, the lowest first: after a hand-over, since what a
    /// screen shows depends on who looks (a child's name or alias, the Meldcode), and the
    /// header names the screens below too.
    pub(super) fn reload_all(&mut self) {
        let ctx = super::ctx_of!(self);
        let mut errors = Vec::new();
        self.loaded.clear();
        for screen in &mut self.screens {
            let stamp = Stamp::of(&ctx, screen);
            let loaded = screen.component_mut().reload(&ctx);
            self.loaded.push(loaded.is_ok().then_some(stamp));
            errors.extend(loaded.err());
        }
        for e in errors {
            self.complain(self.lang.error(&e));
        }
    }

    /// Back to the screen below, which reloads only when what it shows may have changed since
    /// it was last loaded ([`Stamp`]); the first screen stays.
    pub(super) fn back(&mut self) {
        if self.screens.len() > 1 {
            self.screens.pop();
            let depth = self.screens.len();
            self.loaded.truncate(depth);
            let stamp = Stamp::of(&super::ctx_of!(self), &self.screens[depth - 1]);
            if self.loaded.get(depth - 1).copied().flatten() != Some(stamp) {
                self.reload();
            }
        }
    }

    /// Shows a store error on the status line and turns the result into an option.
    pub(super) fn ok<V>(&mut self, result: Result<V>) -> Option<V> {
        result
            .map_err(|e| self.complain(self.lang.store_error(&e)))
            .ok()
    }
}
