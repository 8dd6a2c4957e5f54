//! The help: every key of the active keymap, the shown screen's first, scrolled with the arrows.
//! What it lists is read by its view (`ui::popups::help`) from the keymap; this holds how far it
//! is scrolled and how far it can be.

use crate::app::{Action, Ctx, Msg, Outcome};

/// Rows of the terminal the help does not use for its lines: a margin above and below, and its
/// border.
pub const CHROME_ROWS: u16 = 4;

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
        help.resize(height);
        help
    }

    /// The terminal is now `height` rows high: it scrolls no further than its last line.
    pub fn resize(&mut self, height: u16) {
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
        help.resize(40);
        assert_eq!(help.scroll, 0, "everything fits now");
        help.resize(10);
        assert_eq!(help.max_scroll(), 24);
    }
}
