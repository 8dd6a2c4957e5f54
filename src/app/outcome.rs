//! What happens after a screen or popup handled a message.

use super::{AppError, Popup, Screen};
use crate::domain::Staff;

/// What a component asks the app to do once it has changed itself. The app carries it out in
/// `App::apply`; components never touch the screen stack, the status line or each other.
#[derive(Debug)]
pub enum Outcome {
    /// Not for this component: the app's own keys (quit, help, who to call, lock) get a turn.
    Ignored,
    /// Taken; nothing else to do.
    Done,
    /// A new screen on top.
    Push(Screen),
    /// This screen makes way for another (a picker, for what was picked): Esc then goes back to
    /// where the picker was opened.
    Replace(Screen),
    /// Back to the screen below, which reloads.
    Pop,
    /// The shown screen reloads from the store.
    Reload,
    /// A line on the status line.
    Say(String),
    /// Why it did not happen, on the status line.
    Fail(AppError),
    /// One of the app's own popups (a contact card, ...).
    Popup(Popup),
    /// The app's popup closes.
    ClosePopup,
    /// Someone becomes the person at the keyboard: picked (the app asks their PIN if they have
    /// one), or the first staff member, added by themself.
    SignIn(Staff),
    /// The app starts on the database as it is now (after the welcome screen): the groups list,
    /// and "who are you?" on top unless `--user` names someone.
    Start,
    /// Stop signaal: asks "Stop signaal?" first unless `quit_confirm` is off.
    Quit,
    /// The record of the person at the keyboard changed (their role or groups count at once).
    UserChanged(Staff),
    /// Several of these, in order.
    All(Vec<Outcome>),
}

impl Outcome {
    /// This, then `next`.
    pub fn and(self, next: Outcome) -> Outcome {
        match self {
            Outcome::All(mut all) => {
                all.push(next);
                Outcome::All(all)
            }
            first => Outcome::All(vec![first, next]),
        }
    }
}

impl From<Result<Outcome, AppError>> for Outcome {
    fn from(result: Result<Outcome, AppError>) -> Outcome {
        result.unwrap_or_else(Outcome::Fail)
    }
}

impl From<AppError> for Outcome {
    fn from(error: AppError) -> Outcome {
        Outcome::Fail(error)
    }
}
