//! `P`, anywhere: the PIN form (`popups::pin`) of whoever's PIN it sets.

use super::popups::pin::PinPopup;
use super::screen::Screen;
use super::{App, Popup};
use crate::domain::Staff;

impl App {
    pub(super) fn open_pin_form(&mut self) {
        if let Some(person) = self.pin_target() {
            self.popup = Some(Popup::Pin(PinPopup::new(person)));
        }
    }

    /// Whose PIN `P` sets: the person selected on the staff screen (only an admin gets
    /// there), anywhere else your own.
    fn pin_target(&self) -> Option<Staff> {
        match self.screen() {
            Screen::Staff(s) => s.selected_person().cloned(),
            _ => self.user.clone(),
        }
    }

    /// Hands a message to the open PIN popup, and does what it asks.
    pub(super) fn update_pin(&mut self, msg: &super::Msg) {
        let ctx = super::ctx_of!(self);
        let Some(Popup::Pin(pin)) = &mut self.popup else {
            return;
        };
        let outcome = pin.update(&ctx, msg);
        self.apply(outcome);
    }
}
