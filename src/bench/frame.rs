//! The first frame and the TUI's memory, measured in a fresh process, as a user starting
//! signaal meets them.
//!
//! The bench starts its own binary (`std::env::current_exe()`) with the hidden subcommand
//! `signaal --db DIR --user NAME bench-frame` (see `cli::Command::BenchFrame`), which opens the
//! database, builds the app, draws its first frame into a byte counter as the TUI would, and
//! prints one line `after_open_us=N since_spawn_us=N`: the microseconds from the database
//! being open to the end of that frame, and from the parent's spawn (the wall-clock time in
//! the environment variable [`SPAWNED_AT`]) to the same moment. It then drives a navigation
//! round and prints `vmhwm_kb=N`, its peak resident memory (VmHWM in /proc/self/status,
//! absent where there is none). The parent also times from its spawn to reading the first line,
//! and reports the larger of the two "from start" figures.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, Context as _, Result};
use crossterm::event::KeyCode;

use super::drive::Driver;
use crate::i18n::Lang;
use crate::store::Store;

/// The environment variable with the parent's spawn time, in nanoseconds since the Unix epoch.
pub const SPAWNED_AT: &str = "SIGNAAL_BENCH_SPAWNED_AT";

/// What one fresh process measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Start {
    /// From the database being open to the end of the first frame.
    pub after_open: Duration,
    /// From the spawn to the end of the first frame: the larger of the child's and the
    /// parent's figure.
    pub from_start: Duration,
    /// The process's peak resident memory after a navigation round, in kilobytes.
    pub peak_kb: Option<u64>,
}

/// The hidden `bench-frame` mode, in the child process: see the module's documentation.
/// Errors: the database cannot be opened, a frame cannot be drawn, stdout is closed.
pub fn child(db: &Path, user: &str, lang: Lang) -> Result<ExitCode> {
    let store = Store::open(db)?;
    let open = Instant::now();
    let mut driver = Driver::new(store, user, lang, crate::tui::Caps::from_env())?;
    let after_open = open.elapsed();
    let since_spawn = std::env::var(SPAWNED_AT)
        .ok()
        .and_then(|nanos| nanos.parse::<u64>().ok())
        .and_then(|nanos| {
            let spawned = UNIX_EPOCH + Duration::from_nanos(nanos);
            SystemTime::now().duration_since(spawned).ok()
        })
        .unwrap_or_default();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "after_open_us={} since_spawn_us={}",
        after_open.as_micros(),
        since_spawn.as_micros()
    )?;
    out.flush()?;
    // A navigation round: into a group and a child and back, and the lookup.
    driver.keys(&[KeyCode::Down; 30])?;
    driver.keys(&[KeyCode::Enter, KeyCode::Down, KeyCode::Enter])?;
    driver.keys(&[KeyCode::Esc, KeyCode::Esc, KeyCode::Char('c')])?;
    driver.type_text("jeugd")?;
    driver.keys(&[KeyCode::Esc, KeyCode::Esc])?;
    if let Some(kb) = peak_kb() {
        writeln!(out, "vmhwm_kb={kb}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// This process's peak resident memory (VmHWM), in kilobytes; `None` where /proc has none.
fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Starts `signaal bench-frame` on the database at `db` as `user` (it must be closed here)
/// and reads what it measured. Errors: the binary cannot be started, fails, or says nothing.
pub fn measure(db: &Path, user: &str, lang: Lang) -> Result<Start> {
    let exe = std::env::current_exe().context("bench: cannot find signaal's own binary")?;
    let lang = match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let spawned = Instant::now();
    let mut child = Command::new(exe)
        .arg("--db")
        .arg(db)
        .args(["--user", user, "--lang", lang, "bench-frame"])
        .env(SPAWNED_AT, now.as_nanos().to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .context("bench: cannot start signaal for the first frame")?;
    let stdout = child.stdout.take().context("bench: no output")?;
    let mut lines = BufReader::new(stdout).lines();
    let first = lines.next().transpose()?.unwrap_or_default();
    let seen = spawned.elapsed();
    let rest: Vec<String> = lines.collect::<std::io::Result<_>>()?;
    let status = child.wait()?;
    if !status.success() {
        return Err(anyhow!("bench: the first-frame run failed ({status})"));
    }
    let field = |line: &str, name: &str| -> Option<u64> {
        line.split_whitespace()
            .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('=')?.parse().ok())
    };
    let after_open = field(&first, "after_open_us")
        .ok_or_else(|| anyhow!("bench: the first-frame run said {first:?}"))?;
    let since_spawn = field(&first, "since_spawn_us").unwrap_or_default();
    Ok(Start {
        after_open: Duration::from_micros(after_open),
        from_start: seen.max(Duration::from_micros(since_spawn)),
        peak_kb: rest.iter().find_map(|line| field(line, "vmhwm_kb")),
    })
}
