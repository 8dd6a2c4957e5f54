//! The app's side of the coach visit (`screens/visit.rs`): which group `v` opens the visit of,
//! and the child Enter opens from it (the child screen is not a component yet).

use super::screen::{Screen, VisitPart};
use super::screens::visit::VisitScreen;
use super::{App, Outcome};

impl App {
    /// `v` on a group or among its children: the group's visit (`VisitScreen::open`).
    pub(super) fn open_visit(&mut self) {
        let group = match self.screen() {
            Screen::Groups(s) => s.list.selected().map(|r| r.group.clone()),
            Screen::Children(s) => Some(s.group.clone()),
            _ => None,
        };
        let Some(group) = group else { return };
        let ctx = super::ctx_of!(self);
        let opened = VisitScreen::open(&ctx, group);
        self.apply(opened.map(Outcome::Push).into());
    }

    /// Enter on a child: the child's screen; Esc comes back to the visit.
    pub(super) fn visit_open_child(&mut self) {
        let Some(Screen::Visit(s)) = self.screens.last() else {
            return;
        };
        let Some(VisitPart::Child(index)) = s.list.selected().map(|r| r.part) else {
            return;
        };
        let Some(id) = s.children.get(index).map(|c| c.child.id) else {
            return;
        };
        if let Some(Some(screen)) = self.ok(self.child_screen(id)) {
            self.screens.push(Screen::Child(screen));
        }
    }
}
