//! The lock of the shared terminal: Ctrl-L, or idle time (`--lock-after`), hides every child's
//! data behind a "who are you" picker. Unlocking is picking yourself; what was on screen (and any
//! half-filled popup) is there again, and from then on every change is signed with the name
//! picked.

use std::time::Duration;

use super::list::ListView;
use super::screen::UserRow;
use super::{Action, App};
use crate::domain::Contact;

/// What the locked screen shows: the pinned emergency cards (no child data in them) and the
/// picker that unlocks.
#[derive(Debug, Clone)]
pub struct Locked {
    pub picker: ListView<UserRow>,
    pub emergency: Vec<Contact>,
}

impl App {
    /// Locks at once. The picker lists the staff; typed text narrows it.
    pub(super) fn lock(&mut self) {
        let Some(rows) = self.ok(self.store.staff()) else {
            return;
        };
        let mut picker = ListView::of(rows.into_iter().map(UserRow::Person).collect());
        picker.filtering = true;
        let directory = self.ok(self.store.directory()).unwrap_or_default();
        let emergency = directory
            .into_iter()
            .filter(|c| c.pinned.is_some())
            .collect();
        self.locked = Some(Locked { picker, emergency });
    }

    /// Called by the event loop with the time since the last key: locks once it is longer than
    /// `--lock-after`. Nothing happens while nobody is signed in yet (the first-run screens).
    pub fn idle(&mut self, since_last_key: Duration) {
        let due = self.lock_after.is_some_and(|after| since_last_key >= after);
        if due && self.locked.is_none() && self.user.is_some() {
            self.lock();
        }
    }

    /// Keys while locked: move in the picker, Enter unlocks as the person picked, Esc clears
    /// what was typed; quitting stays possible.
    pub(super) fn update_locked(&mut self, action: Action) {
        let Some(Locked { picker, .. }) = &mut self.locked else {
            return;
        };
        if picker.move_keys(action) {
            return;
        }
        match action {
            Action::Open => {
                if let Some(UserRow::Person(staff)) = picker.selected().cloned() {
                    self.user = Some(staff);
                    self.locked = None;
                    self.reload();
                }
            }
            Action::Back => picker.clear_filter_keep_typing(),
            Action::Quit => self.quit = true,
            _ => {}
        }
    }
}
