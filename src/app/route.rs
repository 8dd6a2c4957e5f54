//! How a message finds its way (see the design note in `app/mod.rs`): to the question if one is
//! asked, else the lock, else the app's popup, else the shown screen; what a screen leaves goes
//! to the app's own keys. What a component asks for in return is carried out in [`App::apply`].

use super::confirm::is_yes;
use super::{Action, App, Msg, Outcome};

impl App {
    /// A key, typed text or a paste.
    pub(super) fn input(&mut self, msg: &Msg) {
        if *msg != Msg::Action(Action::Help) {
            // A message belongs to the last thing done; the next one clears it.
            self.status = None;
        }
        if self.question.is_some() {
            return match msg {
                Msg::Type(c) => self.answer(is_yes(*c)),
                // A paste is no answer: it could hold a `y`.
                Msg::Paste(_) => {}
                _ => self.answer(false),
            };
        }
        if self.too_small {
            if *msg == Msg::Action(Action::Quit) {
                self.ask_quit();
            }
            return;
        }
        if self.locked.is_some() {
            return self.update_locked(msg);
        }
        // Locking comes before anything a popup or screen does with the key; so does stopping
        // while text is typed (`message` lets only a key that types nothing through as quit).
        if *msg == Msg::Action(Action::Lock) {
            return self.lock();
        }
        if *msg == Msg::Action(Action::Quit) && self.takes_text() {
            return self.ask_quit();
        }
        if let Some(outcome) = self.update_popup(msg) {
            return self.apply(outcome);
        }
        let ctx = super::ctx_of!(self);
        let screen = self
            .screens
            .last_mut()
            .expect("the screen stack is never empty");
        match screen.component_mut().update(&ctx, msg) {
            Outcome::Ignored => self.global(msg),
            outcome => self.apply(outcome),
        }
    }

    /// The app's own keys, on any screen that leaves them: stop, help, who to call, your PIN.
    fn global(&mut self, msg: &Msg) {
        match msg {
            Msg::Action(Action::Quit) => self.ask_quit(),
            Msg::Action(Action::Help) => self.open_help(),
            Msg::Action(Action::Contacts) => self.open_lookup(),
            Msg::Action(Action::Pin) => self.open_own_pin(),
            _ => {}
        }
    }

    /// Carries out what a component asked for.
    pub(super) fn apply(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Ignored | Outcome::Done => {}
            Outcome::Push(screen) => {
                self.screens.push(screen);
                self.reload();
            }
            Outcome::Replace(screen) => {
                self.screens.pop();
                self.screens.push(screen);
                self.reload();
            }
            Outcome::Pop => self.back(),
            Outcome::Reload => self.reload(),
            Outcome::Say(text) => self.say(text),
            Outcome::Fail(error) => self.complain(self.lang.error(&error)),
            Outcome::Popup(popup) => self.popup = Some(popup),
            Outcome::ClosePopup => self.popup = None,
            Outcome::SignIn(staff) => self.sign_in(staff),
            Outcome::Start => self.start(),
            Outcome::Quit => self.ask_quit(),
            Outcome::UserChanged(staff) => self.user = Some(staff),
            Outcome::All(outcomes) => outcomes.into_iter().for_each(|o| self.apply(o)),
        }
    }
}
