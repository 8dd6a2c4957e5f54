//! The yes/no questions. The app's own, "Stop signaal?", lies over everything (the lock screen
//! and any popup included) and takes every key; a screen's questions ("Archive Zoë de Vries?",
//! "Close the trajectory with outcome …?") are the screen's own (`modal::Confirm`) and answered
//! by the same rule: only a typed `j` or `y` says yes; Enter, Esc, `n` and any other key say no.
//!
//! Why typed text and not a `[confirm]` keymap context: the question shows its keys in its own
//! words ("j = ja, n = nee"), so they cannot follow a keymap, and the rule this exists for (no
//! Enter, no byte that ends an escape sequence ever confirms; see issue 12, point 6) must not
//! be undone by a keymap file that binds Enter to yes.

use super::App;

/// "Stop signaal?", waiting for its answer: a yes stops signaal, a no changes nothing.
#[derive(Debug, Clone)]
pub struct Question {
    /// The question, in the user's language.
    pub text: String,
}

/// Whether a typed character says yes: `j` (ja) or `y` (yes), in either language.
pub fn is_yes(c: char) -> bool {
    matches!(c, 'j' | 'y')
}

impl App {
    /// The answer to the open question (nothing happens without one).
    pub(super) fn answer(&mut self, yes: bool) {
        if self.question.take().is_some() && yes {
            self.quit = true;
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
            self.question = Some(Question { text });
        }
    }
}
