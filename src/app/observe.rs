//! Which child `p` is about, while the plans are opened by the app.

use super::screen::Screen;
use super::App;
use crate::domain::{Child, Group};

impl App {
    /// The child the shown screen is about: the selected row of a children list, or the child of
    /// a screen about one child.
    pub(super) fn chosen_child(&self) -> Option<(Child, Group)> {
        let (child, group) = match self.screen() {
            Screen::Children(s) => (&s.list.selected()?.child, &s.group),
            screen => screen.child()?,
        };
        Some((child.clone(), group.clone()))
    }
}
