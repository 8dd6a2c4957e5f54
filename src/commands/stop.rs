//! Stopping the TUI from outside: SIGTERM (a shutdown), SIGHUP (the terminal was closed), SIGINT
//! (`kill -INT`; Ctrl-C in the TUI is a key, not a signal) and SIGQUIT end it as `q` does: the
//! terminal is given back clean (no child's name left on it) and the last changes still go into a
//! backup. The process then exits with 128 + the signal, as a shell expects of a killed program.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::app::Clock;
use crate::backup::AutoBackup;

/// How long the event loop gets to end by itself after a signal.
const GRACE: Duration = Duration::from_secs(2);

/// The flags shared with the signal thread.
pub struct Stop {
    /// The number of the signal that asked to stop, 0 before one came; the event loop ends when it
    /// sees one (within a tick).
    pub requested: Arc<AtomicI32>,
    /// Set by the caller once the event loop has ended and it makes the last backup itself.
    pub finishing: Arc<AtomicBool>,
}

/// The exit status of a process stopped by `signal`: 128 + its number (143 for SIGTERM).
pub fn exit_status(signal: i32) -> u8 {
    u8::try_from(128 + signal).unwrap_or(u8::MAX)
}

/// Listens for SIGTERM, SIGHUP, SIGINT and SIGQUIT on a thread of its own. On one, `requested` is
/// set to its number. A terminal that hung up can leave crossterm's poll spinning without ever
/// returning to the event loop, so if the caller has not set `finishing` within [`GRACE`], the
/// thread gives the terminal back, makes the last backup itself and ends the process (exit
/// status 128 + the signal).
pub fn on_signals(backups: Option<AutoBackup>) -> std::io::Result<Stop> {
    let stop = Stop {
        requested: Arc::new(AtomicI32::new(0)),
        finishing: Arc::new(AtomicBool::new(false)),
    };
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
        let (requested, finishing) = (stop.requested.clone(), stop.finishing.clone());
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                let Some(signal) = signals.forever().next() else {
                    return;
                };
                requested.store(signal, Ordering::SeqCst);
                let start = Instant::now();
                while start.elapsed() < GRACE {
                    if finishing.load(Ordering::SeqCst) {
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                crate::tui::restore();
                if let Some(Err(e)) = backups.and_then(|b| b.finish(Clock::System.now())) {
                    super::say(&format!("the last backup failed: {e}"));
                }
                std::process::exit(i32::from(exit_status(signal)));
            })?;
    }
    Ok(stop)
}
