//! Drives the real app and its real view as a terminal would see them: each key goes through
//! [`App::message`] and [`App::update`], and when the app says the screen changed, the frame is
//! drawn by `tui::draw` (the event loop's own, synchronized update included) through the event
//! loop's own [`Frames`] into a [`Counter`], so the bytes counted are the bytes a real terminal
//! receives.

use std::io;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyModifiers};

use super::counter::Counter;
use crate::app::{App, Clock, Msg, Options};
use crate::config::defaults::OBSERVE_WEEKS;
use crate::i18n::Lang;
use crate::keymap::{Key, Keymap};
use crate::store::Store;
use crate::tui::{Caps, Frames};
use crate::ui::Theme;

/// The terminal the bench measures on, in cells.
pub const WIDTH: u16 = 120;
pub const HEIGHT: u16 = 40;

/// One key, measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Press {
    /// From the key to the end of `App::update`: the state change and any store write.
    pub update: Duration,
    /// From the key to the end of its frame written to the terminal.
    pub total: Duration,
    /// The bytes the frame sent to the terminal (0 when nothing was drawn).
    pub bytes: u64,
}

/// The app signed in as `user`, at [`WIDTH`] x [`HEIGHT`], its first frame drawn.
pub struct Driver {
    pub app: App,
    /// What the terminal counted for can do: this user's, as the TUI reads it.
    terminal: Frames<Counter>,
    /// The count of what `terminal` wrote.
    written: Counter,
    theme: Theme,
}

impl Driver {
    /// The app as `signaal --user USER` starts it on `store`, in `lang`, with the default
    /// keymap and no idle lock, and its first frame drawn for a terminal with `caps`. Errors:
    /// the frame cannot be drawn.
    pub fn new(store: Store, user: &str, lang: Lang, caps: Caps) -> io::Result<Driver> {
        let options = Options {
            lang,
            keymap: Keymap::default(),
            clock: Clock::System,
            user: Some(user.to_string()),
            observe_weeks: OBSERVE_WEEKS,
            lock_after: None,
        };
        let mut app = App::new(store, options);
        app.update(Msg::Resize {
            width: WIDTH,
            height: HEIGHT,
        });
        let written = Counter::default();
        let terminal = Frames::new(written.clone(), WIDTH, HEIGHT, caps)?;
        let mut driver = Driver {
            app,
            terminal,
            written,
            theme: Theme::from_env(),
        };
        driver.draw()?;
        Ok(driver)
    }

    /// Draws the frame as the event loop does; the bytes it sent.
    pub fn draw(&mut self) -> io::Result<u64> {
        let before = self.written.written();
        crate::tui::draw(&mut self.terminal, &self.app, &self.theme)?;
        Ok(self.written.written() - before)
    }

    /// Presses `code` (no modifiers) as the event loop does and draws the frame if the app says
    /// the screen changed; how long that took and the bytes drawn.
    pub fn press(&mut self, code: KeyCode) -> io::Result<Press> {
        let start = Instant::now();
        let dirty = match self.app.message(Key::new(code, KeyModifiers::NONE)) {
            Some(msg) => self.app.update(msg),
            None => false,
        };
        let update = start.elapsed();
        let bytes = match dirty {
            true => self.draw()?,
            false => 0,
        };
        Ok(Press {
            update,
            total: start.elapsed(),
            bytes,
        })
    }

    /// Presses each of `codes` in turn, unmeasured.
    pub fn keys(&mut self, codes: &[KeyCode]) -> io::Result<()> {
        codes
            .iter()
            .try_for_each(|&code| self.press(code).map(drop))
    }

    /// Types `text` one character at a time, unmeasured.
    pub fn type_text(&mut self, text: &str) -> io::Result<()> {
        text.chars()
            .try_for_each(|c| self.press(KeyCode::Char(c)).map(drop))
    }
}
