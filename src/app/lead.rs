//! Telling an admin that nobody is the aandachtsfunctionaris: without one, nobody coordinates the
//! Meldcode and the pinned card lists no name to call. Said once a session, on the groups list,
//! on the status line, when nothing else is said there; also when the last lead is cleared
//! during the session, if it was not said before.

use super::screens::Screen;
use super::App;
use crate::domain::access::{self, Permission};
use crate::i18n::T;

impl App {
    /// After a message: says on the status line, to an admin on the groups list, that no
    /// aandachtsfunctionaris is set, unless that was said this session already or the status
    /// line says something else now (it waits for a message after which it is free).
    pub(super) fn tell_missing_lead(&mut self) {
        let admin = self
            .user
            .as_ref()
            .is_some_and(|u| access::allows(u.role, Permission::ManageStaff));
        let on_groups = matches!(self.screen(), Screen::Groups(_));
        let free = self.status.is_none() && self.locked.is_none() && !self.has_popup();
        if self.lead_told || !admin || !on_groups || !free {
            return;
        }
        let Some(staff) = self.ok(self.store.staff()) else {
            return;
        };
        if !staff.iter().any(access::is_safeguarding_lead) {
            self.lead_told = true;
            self.say(self.lang.get(T::NoLeadNotice));
        }
    }
}
