//! The app's side of "who to call" (`popups/lookup.rs`, `popups/card.rs`): `c` opens the lookup
//! on what the shown screen is about.

use super::screen::Screen;
use super::{App, Outcome};
use crate::app::LookupPopup;
use crate::domain::{Child, Id};

impl App {
    /// The group and child the shown screen is about, for ranking and linking.
    fn context_of_screen(&self) -> (Option<Id>, Option<Child>) {
        match self.screen() {
            Screen::Children(s) => (Some(s.group.id), None),
            screen => match screen.child() {
                Some((child, group)) => (Some(group.id), Some(child.clone())),
                None => (None, None),
            },
        }
    }

    /// `c`: the lookup, with the whole directory and the cursor in the search field.
    pub(super) fn open_lookup(&mut self) {
        let (group, child) = self.context_of_screen();
        let ctx = super::ctx_of!(self);
        let opened = LookupPopup::open(&ctx, group, child);
        self.apply(opened.map(Outcome::Popup).into());
    }
}
