//! Which child `o`, `w` and `p` are about, for the screens not converted yet, and opening the
//! observation form, the comparison and the plans picker for it.

use super::screen::Screen;
use super::screens::compare::CompareScreen;
use super::screens::observe::ObserveScreen;
use super::screens::plans::PlansScreen;
use super::{App, Outcome};
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

    /// `o`: the observation form of the chosen child.
    pub(super) fn observe(&mut self) {
        let Some((child, group)) = self.chosen_child() else {
            return;
        };
        let ctx = super::ctx_of!(self);
        let opened = ObserveScreen::open(&ctx, child, group);
        self.apply(opened.map(Outcome::Push).into());
    }

    /// `w`: what changed between the chosen child's latest observation and the one before it.
    pub(super) fn open_compare(&mut self) {
        let Some((child, _)) = self.chosen_child() else {
            return;
        };
        let ctx = super::ctx_of!(self);
        let opened = CompareScreen::open(&ctx, child);
        self.apply(opened.map(|c| Outcome::Push(Screen::Compare(c))).into());
    }

    /// `p`: the chosen child's trajectories and the plans to start one with.
    pub(super) fn open_plans(&mut self) {
        let Some((child, group)) = self.chosen_child() else {
            return;
        };
        let ctx = super::ctx_of!(self);
        let opened = PlansScreen::open(&ctx, child, group);
        self.apply(opened.map(Outcome::Push).into());
    }
}
