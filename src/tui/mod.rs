//! The terminal: setup and restore, the panic hook, and the event loop. A synchronous crossterm
//! poll is all this app needs; there is no async runtime.

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, Clear, ClearType, EndSynchronizedUpdate,
    EnterAlternateScreen, LeaveAlternateScreen,
};

use crate::app::{App, Msg};
use crate::keymap::Key;
use crate::ui::{self, Theme};

pub mod caps;
mod cells;
#[cfg(test)]
mod emulator;
pub mod frames;
pub use caps::Caps;
pub use frames::Frames;

/// How often the loop wakes without input, to see whether the idle lock is due.
const TICK: Duration = Duration::from_millis(250);

/// Why the event loop ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// A signal (its number, e.g. 15 for SIGTERM) asked the app to stop.
    Signal(i32),
}

/// Which of standard input and output is not a terminal, as the end of a sentence ("standard
/// output is not one"), or None when both are. Without one, the screens would go into a file or a
/// pipe (children's names included) and keys would be read from one.
pub fn not_a_terminal() -> Option<&'static str> {
    match (io::stdin().is_terminal(), io::stdout().is_terminal()) {
        (true, true) => None,
        (false, true) => Some("standard input is not one"),
        (true, false) => Some("standard output is not one"),
        (false, false) => Some("neither standard input nor standard output is one"),
    }
}

/// Runs the app until it quits or `stop` holds a signal number (set by the signal thread; checked
/// on every tick, so within [`TICK`]).
pub fn run(app: &mut App, theme: Theme, stop: &AtomicI32) -> io::Result<Ended> {
    install_panic_hook();
    let mut terminal = setup()?;
    let result = event_loop(&mut terminal, app, &theme, stop);
    restore();
    result
}

fn setup() -> io::Result<Frames<Stdout>> {
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    if let Err(e) = execute!(stdout, EnterAlternateScreen, EnableBracketedPaste) {
        restore();
        return Err(e);
    }
    let (width, height) = crossterm::terminal::size()?;
    let caps = Caps::from_env().confirmed(&mut stdout, crossterm::cursor::position);
    Frames::new(stdout, width, height, caps)
}

/// Clears the screen (no child's name stays visible, also on a terminal without an alternate
/// screen), leaves the alternate screen and raw mode and shows the cursor; safe to call more than
/// once, and from another thread once the event loop is stuck.
pub fn restore() {
    let _ = execute!(
        io::stdout(),
        EndSynchronizedUpdate,
        DisableBracketedPaste,
        Clear(ClearType::All),
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Whatever panics, the user gets their terminal back before the message is printed.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

fn event_loop(
    terminal: &mut Frames<Stdout>,
    app: &mut App,
    theme: &Theme,
    stop: &AtomicI32,
) -> io::Result<Ended> {
    // Start listening before the size is read and the first frame drawn: a resize in between
    // would otherwise be lost (crossterm hears of resizes once its event source is set up).
    event::poll(Duration::ZERO)?;
    let (width, height) = crossterm::terminal::size()?;
    terminal.resize(width, height)?;
    app.update(Msg::Resize { width, height });
    let mut last_key = Instant::now();
    let mut dirty = true;
    loop {
        match stop.load(Ordering::SeqCst) {
            0 if app.quit => return Ok(Ended::Quit),
            0 => {}
            signal => {
                app.update(Msg::Signal(signal));
                return Ok(Ended::Signal(signal));
            }
        }
        if dirty {
            draw(terminal, app, theme)?;
        }
        let msg = match event::poll(TICK)? {
            false => Some(Msg::Tick {
                idle: last_key.elapsed(),
            }),
            true => match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    last_key = Instant::now();
                    app.message(Key::from_event(key))
                }
                Event::Paste(text) => {
                    last_key = Instant::now();
                    Some(Msg::Paste(text))
                }
                Event::Resize(width, height) => {
                    // The whole screen is drawn again, whatever the app says: the size may have
                    // bounced (several resizes read as one) and the terminal lost part of it
                    // while it was smaller, though the new size looks like the old one.
                    let (columns, rows) = crossterm::terminal::size()?;
                    terminal.resize(columns, rows)?;
                    app.update(Msg::Resize { width, height });
                    dirty = true;
                    continue;
                }
                _ => None,
            },
        };
        dirty = msg.is_some_and(|msg| app.update(msg));
    }
}

/// Draws one frame (as a synchronized update, see [`Frames::draw`]). Generic over where the
/// bytes go, so that `signaal bench` counts exactly what the event loop sends.
pub fn draw<W: Write>(terminal: &mut Frames<W>, app: &App, theme: &Theme) -> io::Result<()> {
    terminal.draw(|frame| ui::draw(frame, app, theme))
}
