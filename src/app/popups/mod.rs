//! The app's own popups, over whatever screen is shown: the help, "who to call?" and a contact
//! card. Each is a component like a screen (its state, `update(ctx, msg) -> Outcome`), drawn by
//! its twin in `ui::popups`; a screen's own forms and questions are the screen's (`modal`).

pub mod card;
pub mod help;
pub mod lookup;

use super::{Action, App, Msg, Popup};
use crate::keymap::Context;

impl Popup {
    /// The contexts whose keys apply while it is open.
    pub fn contexts(&self) -> Vec<Context> {
        match self {
            Popup::Help(_) => vec![Context::Help],
            Popup::Form(_) => vec![Context::Form],
            Popup::Lookup(_) => vec![Context::Lookup],
            Popup::Card(card) => card.contexts(),
        }
    }

    /// True while printable keys are text for it (a field, the search).
    pub fn takes_text(&self) -> bool {
        match self {
            Popup::Help(_) => false,
            Popup::Form(_) | Popup::Lookup(_) => true,
            Popup::Card(card) => card.takes_text(),
        }
    }

    /// True while it holds something typed and not saved (dropped on a hand-over).
    pub fn holds_draft(&self) -> bool {
        match self {
            Popup::Help(_) => false,
            Popup::Form(_) | Popup::Lookup(_) => true,
            Popup::Card(card) => card.takes_text(),
        }
    }
}

impl App {
    /// `?`: the help, on the shown screen's keys.
    pub(super) fn open_help(&mut self) {
        let help = help::HelpPopup::new(self.help_lines(), self.height);
        self.popup = Some(Popup::Help(help));
    }

    /// Hands a key, text or paste to the app's popup when nothing covers it (the lock, a
    /// question); false when it is not a popup's to handle.
    pub(super) fn hand_to_popup(&mut self, msg: &Msg) -> bool {
        let input = matches!(
            msg,
            Msg::Action(_) | Msg::Type(_) | Msg::Erase | Msg::Paste(_)
        );
        // Locking comes before anything a popup does with the key.
        let lock = *msg == Msg::Action(Action::Lock);
        let covered = self.locked.is_some() || self.question.is_some();
        if !input || lock || self.too_small || covered {
            return false;
        }
        self.update_popup(msg)
    }

    /// The one dispatch to the app's popups; false when there is none or it is a form of a
    /// screen that is not a component yet (the old way, `update_form`, has it).
    fn update_popup(&mut self, msg: &Msg) -> bool {
        let ctx = super::ctx_of!(self);
        let outcome = match &mut self.popup {
            None | Some(Popup::Form(_)) => return false,
            Some(Popup::Help(help)) => help.update(&ctx, msg),
            Some(Popup::Lookup(lookup)) => lookup.update(&ctx, msg),
            Some(Popup::Card(card)) => card.update(&ctx, msg),
        };
        if *msg != Msg::Action(Action::Help) {
            // A message belongs to the last thing done; the next action clears it.
            self.status = None;
        }
        self.apply(outcome);
        true
    }
}
