//! The app's own popups, over whatever screen is shown: the help, "who to call?" and a contact
//! card. Each is a component like a screen (its state, `update(ctx, msg) -> Outcome`), drawn by
//! its twin in `ui::popups`; a screen's own forms and questions are the screen's (`modal`).

pub mod card;
pub mod help;
pub mod lookup;
pub mod pin;
pub mod report;

use super::{App, AppError, Msg, Outcome, Popup};
use crate::keymap::Context;

impl Popup {
    /// The contexts whose keys apply while it is open.
    pub fn contexts(&self) -> Vec<Context> {
        match self {
            Popup::Help(_) => vec![Context::Help],
            Popup::Pin(_) | Popup::Report(_) => vec![Context::Form],
            Popup::Lookup(_) => vec![Context::Lookup],
            Popup::Card(card) => card.contexts(),
        }
    }

    /// True while printable keys are text for it (a field, the search).
    pub fn takes_text(&self) -> bool {
        match self {
            Popup::Help(_) => false,
            Popup::Pin(_) | Popup::Lookup(_) | Popup::Report(_) => true,
            Popup::Card(card) => card.takes_text(),
        }
    }

    /// True while it holds something typed and not saved (dropped on a hand-over).
    pub fn holds_draft(&self) -> bool {
        match self {
            Popup::Help(_) => false,
            Popup::Pin(_) | Popup::Lookup(_) | Popup::Report(_) => true,
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

    /// `c`: who to call, ranked and linked for what the shown screen is about.
    pub(super) fn open_lookup(&mut self) {
        let about = self.screen().component().about();
        let (group, child) = (about.group, about.child.cloned());
        let opened = self.directory.get(&self.store, self.lang);
        let opened = opened.map(|directory| lookup::LookupPopup::open(directory, group, child));
        self.apply(opened.map(Outcome::Popup).map_err(AppError::from).into());
    }

    /// `P`: the form that sets or removes your own PIN.
    pub(super) fn open_own_pin(&mut self) {
        if let Some(me) = self.user.clone() {
            self.popup = Some(Popup::Pin(Box::new(pin::PinPopup::new(me))));
        }
    }

    /// The one dispatch to the app's popups: what the open one asks for, or `None` when there
    /// is none.
    pub(super) fn update_popup(&mut self, msg: &Msg) -> Option<Outcome> {
        let ctx = super::ctx_of!(self);
        let outcome = match self.popup.as_mut()? {
            Popup::Help(help) => help.update(&ctx, msg),
            Popup::Lookup(lookup) => lookup.update(&ctx, msg),
            Popup::Card(card) => card.update(&ctx, msg),
            Popup::Pin(pin) => pin.update(&ctx, msg),
            Popup::Report(report) => report.update(&ctx, msg),
        };
        Some(outcome)
    }
}
