//! The lock of the shared terminal: Ctrl-L, or idle time (`--lock-after`), hides every child's
//! data behind a "who are you" picker. Unlocking is picking yourself, and typing your PIN if you
//! have one; what was on screen (and any half-filled popup) is there again, and from then on
//! every change is signed with the name picked. Switching user is the same lock (`u` as well as
//! Ctrl-L), with the people at the keyboard lately on top, so a hand-over back is two keys.

use std::time::Duration;

use super::access::may_see;
use super::fields::{Fields, Form, FormStep, Text};
use super::list::ListView;
use super::screens::{Screen, UserRow};
use super::{Action, App, Msg, Popup};
use crate::domain::{Contact, Staff};
use crate::i18n::T;
use crate::store::PinTry;

/// What the locked screen shows: the pinned emergency cards (no child data in them), the picker
/// that unlocks, and the PIN asked of the person picked, if they have one.
#[derive(Debug, Clone)]
pub struct Locked {
    pub picker: ListView<UserRow>,
    pub emergency: Vec<Contact>,
    /// The PIN asked of the person picked, if they have one.
    pub pin: Option<Form<PinAsked>>,
    /// Who left something typed and not saved open (a form, a search) when the screen locked.
    /// Only they get it back; anyone else unlocking drops it. The lock screen says so, never
    /// what was typed.
    pub draft_of: Option<String>,
}

/// The PIN of `person`, asked on the lock screen before they are at the keyboard.
#[derive(Debug, Clone)]
pub struct PinAsked {
    pub person: Staff,
    pub pin: Text,
}

impl Fields for PinAsked {
    fn title(&self) -> T {
        T::FormPin
    }
    crate::fields!(pin);
}

/// How many recent people the switch-user picker puts on top.
const RECENT: usize = 8;

impl App {
    /// Locks at once. The picker lists the staff, the people at the keyboard lately first (the
    /// one there now last of those); typed text narrows it.
    pub(super) fn lock(&mut self) {
        // A lock is never a yes: an open question is answered no (a form asked about goes back
        // under the lock, like any popup).
        self.answer(false);
        let Some(mut staff) = self.ok(self.store.staff()) else {
            return;
        };
        let rank = |s: &Staff| {
            let current = self.user.as_ref().is_some_and(|u| u.id == s.id);
            let recent = self.recent_users.iter().position(|id| *id == s.id);
            match (current, recent) {
                (false, Some(at)) => at,
                (true, _) => RECENT,
                (false, None) => RECENT + 1,
            }
        };
        // Stable: the rest keep the store's order.
        staff.sort_by_key(rank);
        let mut picker = ListView::of(staff.into_iter().map(UserRow::Person).collect());
        picker.filtering = true;
        let directory = self
            .ok(self.store.directory_with_leads())
            .unwrap_or_default();
        // The pinned cards, each aandachtsfunctionaris under theirs.
        let emergency = directory
            .into_iter()
            .filter(|c| c.pinned.is_some() || c.lead.is_some())
            .map(|c| self.lang.contact(&c))
            .collect();
        let draft_of = match self.has_draft() {
            true => self.user.as_ref().map(|u| u.name.clone()),
            false => None,
        };
        self.locked = Some(Locked {
            picker,
            emergency,
            pin: None,
            draft_of,
        });
    }

    /// Called by the event loop with the time since the last key: locks once it is longer than
    /// `--lock-after`. Nothing happens while nobody is signed in yet (the first-run screens).
    /// Automatic backups are ticked along too, and the directory the `c` lookup searches is
    /// read ahead when it is out of date (`directory`). True when that changed what is shown:
    /// the screen locked, or what the header says about backups changed.
    pub(super) fn idle(&mut self, since_last_key: Duration) -> bool {
        self.tick_backups();
        self.directory.prepare(&self.store, self.lang);
        let due = self.lock_after.is_some_and(|after| since_last_key >= after);
        let locks = due && self.locked.is_none() && self.user.is_some();
        if locks {
            self.lock();
        }
        let notice = self.backup_notice();
        let notice_changed = notice != self.shown_notice;
        self.shown_notice = notice;
        locks || notice_changed
    }

    /// Messages while locked: the PIN form when one is asked; else the picker, which takes
    /// typed text at once, moves, picks with Enter (asking the PIN if there is one) and clears
    /// what was typed with Esc. Quitting stays possible, after the question.
    pub(super) fn update_locked(&mut self, msg: &Msg) {
        let Some(locked) = &mut self.locked else {
            return;
        };
        if let Some(form) = &mut locked.pin {
            match form.update(msg) {
                FormStep::Submit => self.check_pin(),
                FormStep::Cancel => locked.pin = None,
                FormStep::Stay => {}
            }
            return;
        }
        // The picker always takes text; of the list's keys it has only the moving ones (Esc
        // empties what was typed but keeps taking text).
        let picker = &mut locked.picker;
        let moved = matches!(msg, Msg::Action(action) if picker.move_keys(*action));
        let typed = !matches!(msg, Msg::Action(_)) && super::list::input(picker, msg);
        if moved || typed {
            return;
        }
        match msg {
            Msg::Action(Action::Open) => {
                if let Some(UserRow::Person(staff)) = picker.selected().cloned() {
                    self.sign_in(staff);
                }
            }
            Msg::Action(Action::Back) => picker.clear_filter_keep_typing(),
            Msg::Action(Action::Quit) => self.ask_quit(),
            _ => {}
        }
    }

    /// The one way someone becomes the person at the keyboard: straight away, or, for someone
    /// with a PIN, once it is typed on the lock screen.
    pub(super) fn sign_in(&mut self, staff: Staff) {
        let Some(has_pin) = self.ok(self.store.has_pin(staff.id)) else {
            return;
        };
        if !has_pin {
            return self.become_user(staff);
        }
        if self.locked.is_none() {
            self.lock();
        }
        if let Some(locked) = &mut self.locked {
            locked.picker.select_id(staff.id);
            let pin = Text::secret(T::FieldPin);
            locked.pin = Some(Form::new(PinAsked { person: staff, pin }));
        }
    }

    fn check_pin(&mut self) {
        let now = self.clock.now();
        let Some(form) = self.locked.as_mut().and_then(|l| l.pin.as_mut()) else {
            return;
        };
        // The PIN is not kept after a try, right or wrong.
        let typed = std::mem::take(&mut form.fields.pin.value);
        let staff = form.fields.person.clone();
        let outcome = self.store.try_pin(staff.id, &typed, now);
        let Some(outcome) = self.ok(outcome) else {
            return;
        };
        let lang = self.lang;
        let error = match outcome {
            PinTry::Right => return self.become_user(staff),
            PinTry::Wrong { wait } => lang.pin_wrong(wait.num_seconds().max(1)),
            PinTry::TooSoon { wait } => lang.pin_wait(wait.num_seconds().max(1)),
        };
        if let Some(form) = self.locked.as_mut().and_then(|l| l.pin.as_mut()) {
            form.error = Some(error);
        }
    }

    pub(super) fn become_user(&mut self, staff: Staff) {
        self.recent_users.retain(|id| *id != staff.id);
        self.recent_users.insert(0, staff.id);
        self.recent_users.truncate(RECENT);
        if matches!(self.screen(), Screen::Users(_)) {
            self.screens.pop();
        }
        // A hand-over to someone else drops what the one before typed and did not save: it
        // would be saved under the new name, and it may be about a child the new person may
        // not see.
        let someone_else = self.user.as_ref().is_some_and(|u| u.id != staff.id);
        let dropped = match someone_else {
            true => self.drop_drafts(),
            false => None,
        };
        // After a hand-over the screens come back as far as the new person may see them:
        // another group's child, or the staff screen for someone who is no admin, is closed,
        // with any popup on top of it.
        if let Some(hidden) = self.screens.iter().position(|s| !may_see(&staff, s)) {
            self.screens.truncate(hidden.max(1));
            self.popup = None;
        }
        // Someone else starts from unfiltered lists: a filter the one before typed could hide
        // every row the new person may see.
        if self.user.as_ref().is_some_and(|u| u.id != staff.id) {
            for screen in &mut self.screens {
                if let Some(list) = screen.component_mut().filter_list_mut() {
                    list.clear_filter();
                }
            }
        }
        self.user = Some(staff);
        self.locked = None;
        self.reload_all();
        if let Some(name) = dropped {
            self.say(self.lang.draft_dropped(&name));
        }
    }

    /// True when something typed and not saved is open: a form, a search for who to call, a
    /// popup of a screen.
    fn has_draft(&self) -> bool {
        let app_popup = self.popup.as_ref().is_some_and(Popup::holds_draft);
        let screen_popup = self.screens.iter().any(|s| s.component().has_popup());
        app_popup || screen_popup
    }

    /// Closes every popup, of the app and of the screens. The name of whose unsaved input that
    /// dropped, if any.
    fn drop_drafts(&mut self) -> Option<String> {
        let had = self.has_draft();
        self.popup = None;
        for screen in &mut self.screens {
            screen.component_mut().drop_draft();
        }
        let owner = self.locked.as_ref().and_then(|l| l.draft_of.clone());
        had.then(|| owner.unwrap_or_default())
    }
}
