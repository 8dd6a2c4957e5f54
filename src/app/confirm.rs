//! The one yes/no question: "Stop signaal?", "Archive <child>?", "Close the trajectory with
//! outcome …?". It lies over everything (the lock screen and any popup included) and takes
//! every key: only a typed `j` or `y` says yes; Enter, Esc, `n` and any other key say no.
//!
//! Why typed text and not a `[confirm]` keymap context: the question shows its keys in its own
//! words ("j = ja, n = nee"), so they cannot follow a keymap, and the rule this exists for (no
//! Enter, no byte that ends an escape sequence ever confirms; see issue 12, point 6) must not
//! be undone by a keymap file that binds Enter to yes.

use super::edit::{ArchiveTarget, FormKind};
use super::form::Form;
use super::{App, Popup};

/// A question waiting for its answer, and what a yes does.
#[derive(Debug, Clone)]
pub struct Question {
    /// The question, in the user's language ("Archive Levi van den Berg?").
    pub text: String,
    pub on_yes: OnYes,
}

/// What happens when the answer is yes. A no does nothing, except that a form asked about
/// comes back as it was.
#[derive(Debug, Clone)]
pub enum OnYes {
    /// Stop signaal.
    Quit,
    /// Remove a contact (groups and children are archived by their screens' own questions).
    Archive(ArchiveTarget),
    /// Save this form, already checked (closing a trajectory or a visit).
    Save(Form<FormKind>),
}

/// Whether a typed character says yes: `j` (ja) or `y` (yes), in either language.
pub fn is_yes(c: char) -> bool {
    matches!(c, 'j' | 'y')
}

impl App {
    /// Asks `text`; `on_yes` happens only after a typed `j` or `y`.
    pub(super) fn ask(&mut self, text: String, on_yes: OnYes) {
        self.question = Some(Question { text, on_yes });
    }

    /// The answer to the open question (nothing happens without one). A form asked about comes
    /// back on a no, with everything typed, and on a yes whose save fails, with the reason.
    pub(super) fn answer(&mut self, yes: bool) {
        let Some(question) = self.question.take() else {
            return;
        };
        match (question.on_yes, yes) {
            (OnYes::Quit, true) => self.quit = true,
            (OnYes::Archive(target), true) => self.toggle_archived(target),
            (OnYes::Save(form), true) => self.save_popup_form(form),
            (OnYes::Save(form), false) => self.popup = Some(Popup::Form(form)),
            (OnYes::Quit | OnYes::Archive(_), false) => {}
        }
    }

    /// `quit`: asks "Stop signaal?" unless `quit_confirm` is off. The welcome screen of an empty
    /// database quits at once: nothing is there to lose or to keep from anyone, and the person
    /// there is the one setting signaal up, trying it out. Everywhere else, the "too small"
    /// notice and the lock screen included, it asks: on a shared group terminal a stray `q`
    /// must not leave a shell (or a half-typed note) behind.
    pub(super) fn ask_quit(&mut self) {
        let nothing_there = matches!(self.screen(), super::Screen::Welcome(_));
        if !self.quit_confirm || nothing_there {
            self.quit = true;
        } else {
            let text = self.lang.get(crate::i18n::T::QuitQuestion).to_string();
            self.ask(text, OnYes::Quit);
        }
    }
}
