//! `signaal bench`: issue 16's measuring instrument. Builds a database of the asked size in a
//! temporary directory ([`build`]), drives the real app and view on it as a terminal would
//! ([`drive`], [`measure`]), starts signaal afresh for the first frame and its memory
//! ([`frame`]), weighs the database on disk against its export, and prints one table of figures
//! against their budgets ([`budgets`], [`report`]). Exit code 0 when every budget holds, 1 when
//! one fails, 2 for a size that cannot be built or no temporary directory to build it in. Progress goes to stderr in the user's language,
//! the table to stdout. The temporary directory goes at the end, and on Ctrl-C (SIGINT),
//! SIGTERM or SIGHUP too.

mod budgets;
pub mod build;
mod counter;
mod disk;
mod drive;
pub mod frame;
mod measure;
mod report;
mod stats;

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{anyhow, Context as _, Result};

use crate::app::Clock;
use crate::i18n::Lang;
use budgets::Row;
pub use budgets::{Figure, Unit};

/// How many fresh processes time the first frame and measure the memory.
const STARTS: usize = 7;

/// The size of the bench's database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub children: usize,
    pub groups: usize,
    pub observations: usize,
    pub contacts: usize,
}

impl Default for Size {
    /// Issue 16's organisation: 10,000 children in 700 groups, 300,000 observations, 5,000
    /// contact cards.
    fn default() -> Size {
        Size {
            children: 10_000,
            groups: 700,
            observations: 300_000,
            contacts: 5_000,
        }
    }
}

/// Why a [`Size`] cannot be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeProblem {
    NoGroups,
    /// More groups than children: a group would be empty.
    GroupsOverChildren {
        groups: usize,
        children: usize,
    },
    /// More than the bench builds (`option` is the flag, `most` its limit): the database is
    /// generated in memory first, and ten times issue 16's organisation is plenty to see growth.
    TooLarge {
        option: &'static str,
        most: usize,
    },
}

/// The most of each the bench builds: ten times the default size.
pub const MOST: Size = Size {
    children: 100_000,
    groups: 7_000,
    observations: 3_000_000,
    contacts: 50_000,
};

impl Size {
    /// Whether this size can be built: at least one group, no more groups than children, and
    /// nothing over [`MOST`].
    pub fn problem(&self) -> Option<SizeProblem> {
        let too_large = [
            ("--children", self.children, MOST.children),
            ("--groups", self.groups, MOST.groups),
            ("--observations", self.observations, MOST.observations),
            ("--contacts", self.contacts, MOST.contacts),
        ];
        if let Some(&(option, _, most)) = too_large.iter().find(|(_, n, most)| n > most) {
            return Some(SizeProblem::TooLarge { option, most });
        }
        match (self.groups, self.children) {
            (0, _) => Some(SizeProblem::NoGroups),
            (groups, children) if groups > children => {
                Some(SizeProblem::GroupsOverChildren { groups, children })
            }
            _ => None,
        }
    }
}

/// Runs the bench at `size`, speaking `lang`: see the module's documentation. Errors: the
/// temporary directory, the database or a measurement failed.
pub fn run(size: &Size, lang: Lang) -> Result<ExitCode> {
    if let Some(problem) = size.problem() {
        eprintln!("signaal: {}", lang.bench_bad_size(problem));
        return Ok(ExitCode::from(2));
    }
    let temp = match tempfile::Builder::new().prefix("signaal-bench-").tempdir() {
        Ok(temp) => temp,
        Err(error) => {
            eprintln!(
                "signaal: {}",
                lang.bench_no_temp(&std::env::temp_dir(), &error)
            );
            return Ok(ExitCode::from(2));
        }
    };
    remove_on_signals(temp.path())?;
    let db = temp.path().join("db");

    progress(&lang.bench_building(size));
    let store = build::database(&db, size)?;
    let user = build::everyone_seer(&store)?
        .ok_or_else(|| anyhow!("bench: the database has no admin to sign in as"))?;
    let filter = store
        .groups()?
        .first()
        .map(|g| g.name.to_lowercase())
        .unwrap_or_default();

    progress(&lang.bench_driving());
    let (caps, asked) = this_terminal();
    let term = std::env::var("TERM").ok();
    progress(&lang.bench_counted_as(term.as_deref(), caps, asked));
    let mut driver = drive::Driver::new(store.clone(), &user, lang, caps)?;
    let mut rows = measure::keys(&mut driver, &filter, &temp.path().join("bare"))?;
    drop(driver);
    let mut export = counter::Counter::default();
    store.write_compact_export(&mut export, Clock::System.now())?;
    drop(store);

    progress(&lang.bench_starting(STARTS));
    let starts = (0..STARTS)
        .map(|_| frame::measure(&db, &user, lang))
        .collect::<Result<Vec<_>>>()?;
    rows.extend(start_rows(&starts));
    rows.push(disk::row(&db, export.written())?);

    let table = report::table(&rows, lang);
    let failed = rows.iter().filter(|r| r.passes() == Some(false)).count();
    let mut out = std::io::stdout().lock();
    out.write_all(table.as_bytes())
        .and_then(|()| out.flush())
        .context("bench: cannot write the table")?;
    progress(&lang.bench_outcome(failed));
    temp.close()
        .context("bench: cannot remove the temporary database")?;
    Ok(match failed {
        0 => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    })
}

/// The rows of the fresh starts: the first frame after the open and from the start, and the
/// peak memory (in megabytes; left out where the system does not tell it).
fn start_rows(starts: &[frame::Start]) -> Vec<Row> {
    let after_open: Vec<_> = starts.iter().map(|s| s.after_open).collect();
    let from_start: Vec<_> = starts.iter().map(|s| s.from_start).collect();
    let peaks: Vec<f64> = starts
        .iter()
        .filter_map(|s| s.peak_kb)
        .map(|kb| kb as f64 / 1024.0)
        .collect();
    [
        (Figure::FirstFrameAfterOpen, stats::millis(&after_open)),
        (Figure::FirstFrameFromStart, stats::millis(&from_start)),
        (Figure::Memory, peaks),
    ]
    .iter()
    .filter_map(|(figure, samples)| Row::of(*figure, samples))
    .collect()
}

/// What this user's terminal can do, as the TUI decides it (`Caps::confirmed`), and whether
/// the terminal itself was asked: only when standard input and output are the terminal (the
/// table is not going to a file), else the terminfo entry alone decides.
fn this_terminal() -> (crate::tui::Caps, bool) {
    use std::io::IsTerminal;
    let entry = crate::tui::Caps::from_env();
    match std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        true => {
            let asked = entry.confirmed(&mut std::io::stdout(), crossterm::cursor::position);
            (asked, entry.repeat)
        }
        false => (entry, false),
    }
}

/// A progress line on stderr.
fn progress(line: &str) {
    eprintln!("signaal: {line}");
}

/// On SIGINT (Ctrl-C), SIGTERM or SIGHUP, removes `dir` and ends the process (exit status
/// 128 plus the signal), so that an interrupted bench leaves no database of hundreds of
/// megabytes behind.
fn remove_on_signals(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
        let dir = dir.to_path_buf();
        std::thread::Builder::new()
            .name("bench-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let _ = std::fs::remove_dir_all(&dir);
                    std::process::exit(128 + signal);
                }
            })?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
