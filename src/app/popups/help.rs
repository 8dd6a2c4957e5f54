//! The help: every key of the active keymap, the shown screen's first, scrolled with the arrows.
//! What it lists is read by its view (`ui::popups::help`) from the keymap; this holds how far it
//! is scrolled and how far it can be.

use crate::app::{Action, Ctx, Msg, Outcome};
use crate::i18n::Lang;
use crate::keymap::Binding;

/// Rows of the terminal the help does not use for its lines: a margin above and below, and its
/// border.
pub const CHROME_ROWS: u16 = 4;

/// The help's width at most, in columns, its border included; on a narrower terminal, the
/// terminal's width.
pub const WIDTH: u16 = 72;

/// The columns before a binding's description: its indent and its keys.
pub const KEYS_COLUMNS: usize = 20;

/// What the help says of `binding`: keymap files describe bindings in English, so in Dutch the
/// action's own name is shown.
pub fn description(lang: Lang, binding: &Binding) -> String {
    match lang {
        Lang::En => binding.desc.clone(),
        Lang::Nl => lang.action(binding.action).to_string(),
    }
}

/// `description` wrapped between words to the room beside the keys on a terminal
/// `terminal_width` columns wide: a line each, never cut (the help's view draws them, and its
/// scrolling counts them).
pub fn wrapped(description: &str, terminal_width: u16) -> Vec<String> {
    let inner = WIDTH.min(terminal_width).saturating_sub(2) as usize;
    let room = inner.saturating_sub(KEYS_COLUMNS).max(12);
    let lines = textwrap::wrap(description, room);
    match lines.is_empty() {
        true => vec![String::new()],
        false => lines.into_iter().map(|l| l.into_owned()).collect(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpPopup {
    /// The first line shown.
    pub scroll: u16,
    /// All its lines.
    lines: u16,
    /// The rows it shows them in.
    rows: u16,
}

impl HelpPopup {
    /// The help of `lines` lines, at the top, on a terminal `height` rows high.
    pub fn new(lines: u16, height: u16) -> HelpPopup {
        let mut help = HelpPopup {
            scroll: 0,
            lines,
            rows: 0,
        };
        help.resize(lines, height);
        help
    }

    /// The terminal is now `height` rows high and the help `lines` long (its descriptions wrap
    /// to the width): it scrolls no further than its last line.
    pub fn resize(&mut self, lines: u16, height: u16) {
        self.lines = lines;
        self.rows = height.saturating_sub(CHROME_ROWS);
        self.scroll = self.scroll.min(self.max_scroll());
    }

    fn max_scroll(&self) -> u16 {
        self.lines.saturating_sub(self.rows)
    }

    /// Up and down scroll; Esc, `?` and `q` close it.
    pub fn update(&mut self, _ctx: &Ctx, msg: &Msg) -> Outcome {
        match msg {
            Msg::Action(Action::Back | Action::Help | Action::Quit) => return Outcome::ClosePopup,
            Msg::Action(Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            Msg::Action(Action::Down) => self.scroll = (self.scroll + 1).min(self.max_scroll()),
            _ => {}
        }
        Outcome::Done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_scrolls_no_further_than_its_last_line_whatever_the_height() {
        let mut help = HelpPopup::new(30, 24);
        assert_eq!(help.max_scroll(), 10);
        help.scroll = 10;
        help.resize(30, 40);
        assert_eq!(help.scroll, 0, "everything fits now");
        help.resize(30, 10);
        assert_eq!(help.max_scroll(), 24);
        help.resize(50, 10);
        assert_eq!(
            help.max_scroll(),
            44,
            "narrower: the descriptions wrap to more lines"
        );
    }

    #[test]
    fn a_description_wraps_between_words_and_is_never_cut() {
        let desc = "Lock the screen, or hand over: pick who is at the keyboard (the last one before is on top)";
        let at_80 = wrapped(desc, 80);
        assert!(at_80.len() > 1, "{at_80:?}");
        assert!(at_80.iter().all(|l| l.chars().count() <= 58), "{at_80:?}");
        assert_eq!(at_80.join(" "), desc, "every word, in order");
        assert_eq!(wrapped("Go back", 60), ["Go back"]);
    }
}
