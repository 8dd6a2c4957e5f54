//! Stopping the TUI from outside: SIGTERM (a shutdown), SIGHUP (the terminal was closed) and
//! SIGINT (`kill -INT`; Ctrl-C in the TUI is a key, not a signal) end it as `q` does, so the
//! last changes still go into a backup.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::app::Clock;
use crate::backup::AutoBackup;

/// How long the event loop gets to end by itself after a signal.
const GRACE: Duration = Duration::from_secs(2);

/// The flags shared with the signal thread.
pub struct Stop {
    /// Set on a signal; the event loop ends when it sees it (within a tick).
    pub requested: Arc<AtomicBool>,
    /// Set by the caller once the event loop has ended and it makes the last backup itself.
    pub finishing: Arc<AtomicBool>,
}

/// Listens for SIGTERM, SIGHUP and SIGINT on a thread of its own. On one, `requested` is set. A terminal
/// that hung up can leave crossterm's poll spinning without ever returning to the event loop, so
/// if the caller has not set `finishing` within [`GRACE`], the thread makes the last backup
/// itself and ends the process (exit code 128 + the signal).
pub fn on_signals(backups: Option<AutoBackup>) -> std::io::Result<Stop> {
    let stop = Stop {
        requested: Arc::new(AtomicBool::new(false)),
        finishing: Arc::new(AtomicBool::new(false)),
    };
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
        let (requested, finishing) = (stop.requested.clone(), stop.finishing.clone());
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                let Some(signal) = signals.forever().next() else {
                    return;
                };
                requested.store(true, Ordering::SeqCst);
                let start = Instant::now();
                while start.elapsed() < GRACE {
                    if finishing.load(Ordering::SeqCst) {
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                if let Some(Err(e)) = backups.and_then(|b| b.finish(Clock::System.now())) {
                    eprintln!("signaal: the last backup failed: {e}");
                }
                std::process::exit(128 + signal);
            })?;
    }
    Ok(stop)
}
