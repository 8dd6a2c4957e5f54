//! The one message type into the app. The event loop (`tui`) turns every terminal event and
//! every signal into a [`Msg`] and hands it to [`App::update`](super::App::update); tests do the
//! same. Nothing else changes the app from outside.

use std::time::Duration;

use super::Action;

/// Everything that reaches the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A key the keymap binds in the contexts shown now (see [`App::contexts`](super::App::contexts)).
    Action(Action),
    /// A printable character, while a text field, a filter or the "who are you?" picker takes
    /// text, or a question waits for its answer (only `j` or `y` is yes).
    Type(char),
    /// Backspace while text is taken: the last character goes.
    Erase,
    /// Text pasted into the terminal (bracketed paste): it goes into the text field or filter
    /// that takes text, and does nothing anywhere else.
    Paste(String),
    /// The loop woke without input; `idle` is the time since the last key or paste.
    Tick { idle: Duration },
    /// The terminal's size in cells.
    Resize { width: u16, height: u16 },
    /// A signal asked signaal to stop (SIGTERM, SIGHUP, SIGINT, SIGQUIT: its number). The app
    /// stops without asking; the loop then gives the terminal back and the last backup is made.
    Signal(i32),
}
