//! How long a backup takes, and how long a key press waits while backups run, at 40 children
//! (plain `signaal demo`) and at 10,500 children (700 groups of 15, 30 observations asked per
//! child: 184,481 observations, as in the figures). The budget: a backup never
//! delays a key press by more than 50 ms.
//! Run: `cargo bench --bench backup` (two to five minutes on two busy cores, building included).
//!
//! The key press is the app's own: Space in the observation form of the first child of the first
//! group (the item's next mark, written and flushed before `handle_key` returns), as in the
//! `observe` bench. It is timed three ways: with no backup running; while a thread runs
//! `backup::make` back to back on a clone of the same store (so a backup is always under way, the
//! worst case); and with the app's own automatic backups (`AutoBackup`, `backup_after` 1 ms, so
//! each key press starts or collects one, as the TUI does every minute).
//!
//! Each press adds an audit entry, so the database grows as the bench runs (by some 40,000
//! entries at 40 children): the backups made during the key presses are larger than the first.
//!
//! criterion shows the mean and the median, but the budget is about the worst press. So every key
//! press and every backup is also timed on its own (warm-up included: those presses ran under the
//! same conditions), and after each benchmark the count, mean, 50th/90th/99th/99.9th percentile
//! and the maximum of those times are printed on stderr, with the budget's verdict.

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::Local;
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use crossterm::event::KeyCode;
use tempfile::TempDir;

use signaal::app::{App, SaveState, Screen};
use signaal::backup::{self, AutoBackup, Header};
use signaal::demo;
use signaal::store::Store;

use common::{app_in_form, demo_store, large_demo, press, staff_user};

/// The budget for the delay of one key press by a backup.
const KEY_BUDGET: Duration = Duration::from_millis(50);
/// Observations asked per child in the large database: about 17.6 each are made (none before a
/// child is three months old, and some children have none), 184,481 in all.
const LARGE_OBSERVATIONS_PER_CHILD: usize = 30;

/// The two databases: plain `signaal demo` (40 children), and the large one.
fn sizes() -> [demo::Options; 2] {
    [
        demo::Options::default(),
        demo::Options {
            observations_per_child: LARGE_OBSERVATIONS_PER_CHILD,
            ..large_demo()
        },
    ]
}

/// Durations timed one at a time, summarised with the tail (criterion shows mean and median).
#[derive(Default)]
struct Times(Vec<Duration>);

impl Times {
    fn push(&mut self, took: Duration) {
        self.0.push(took);
    }

    /// The `p`-th quantile (0 < p <= 1) by nearest rank, of sorted times.
    fn quantile(sorted: &[Duration], p: f64) -> Duration {
        let rank = (p * sorted.len() as f64).ceil() as usize;
        sorted[rank.clamp(1, sorted.len()) - 1]
    }

    /// Prints `what`: count, mean, percentiles and maximum, and whether the maximum keeps
    /// `budget` (if not, how many went over it).
    fn report(&self, what: &str, budget: Option<Duration>) {
        let mut sorted = self.0.clone();
        sorted.sort();
        let Some(&max) = sorted.last() else {
            eprintln!("{what}: nothing timed");
            return;
        };
        let mean = sorted.iter().sum::<Duration>() / sorted.len() as u32;
        let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1e3);
        let verdict = match budget {
            Some(budget) if max <= budget => format!("; budget {}: met", ms(budget)),
            Some(budget) => format!(
                "; budget {}: NOT MET by {} of {}",
                ms(budget),
                sorted.iter().filter(|&&d| d > budget).count(),
                sorted.len()
            ),
            None => String::new(),
        };
        eprintln!(
            "{what}: n={} mean={} p50={} p90={} p99={} p99.9={} max={}{verdict}",
            sorted.len(),
            ms(mean),
            ms(Self::quantile(&sorted, 0.5)),
            ms(Self::quantile(&sorted, 0.9)),
            ms(Self::quantile(&sorted, 0.99)),
            ms(Self::quantile(&sorted, 0.999)),
            ms(max),
        );
    }
}

/// One backup into `dir`, as the TUI makes it (written, then the old ones pruned).
fn make_backup(store: &Store, dir: &Path) -> Header {
    let (_, header) = backup::make(store, dir, Local::now().fixed_offset()).expect("make a backup");
    header
}

/// A thread making backups of `store` into `dir` back to back until stopped.
struct BackToBack {
    stop: Arc<AtomicBool>,
    thread: JoinHandle<Times>,
}

impl BackToBack {
    fn start(store: Store, dir: PathBuf) -> BackToBack {
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let mut times = Times::default();
            while !stopped.load(Ordering::Relaxed) {
                let start = Instant::now();
                make_backup(&store, &dir);
                times.push(start.elapsed());
            }
            times
        });
        BackToBack { stop, thread }
    }

    /// Stops after the backup under way; returns the time of each one made.
    fn stop(self) -> Times {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.join().expect("the backup thread")
    }
}

/// Presses Space `iters` times in the observation form, timing each press into `times`; returns
/// the total. Each press must have been saved.
fn mark(app: &mut App, iters: u64, times: &mut Times) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        press(app, KeyCode::Char(' '));
        let took = start.elapsed();
        times.push(took);
        total += took;
        match app.screen() {
            Screen::Observe(s) => assert!(
                matches!(s.saved, SaveState::Saved(_)),
                "the mark was saved: {:?} (status {:?})",
                s.saved,
                app.status
            ),
            _ => panic!("still on the observation form"),
        }
    }
    total
}

fn benches(c: &mut Criterion) {
    for args in sizes() {
        let dir = TempDir::new().expect("temp dir");
        let store = demo_store(&dir.path().join("db"), &args, Local::now().fixed_offset());
        let backups = dir.path().join("db.backups");
        let started = Instant::now();
        let (path, header) = backup::make(&store, &backups, Local::now().fixed_offset())
            .expect("make the first backup");
        let size = std::fs::metadata(path).expect("the backup's size").len();
        eprintln!(
            "bench database: {} children, {} observations, {} trajectories; a backup of it is \
             {size} bytes and took {:.2} s the first time",
            header.children,
            header.observations,
            header.trajectories,
            started.elapsed().as_secs_f64()
        );
        let label = format!("{} children", header.children);
        backup_time(c, &label, &store, &backups);
        key_delay(c, &label, store, &backups);
    }
}

/// One backup, `backup::make` into the database's backup directory.
fn backup_time(c: &mut Criterion, label: &str, store: &Store, dir: &Path) {
    let mut group = c.benchmark_group(format!("backup/{label}"));
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    let mut times = Times::default();
    group.bench_function("make", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                make_backup(store, dir);
                let took = start.elapsed();
                times.push(took);
                total += took;
            }
            total
        })
    });
    group.finish();
    times.report(&format!("backup/{label}/make, each backup"), None);
}

/// One key press (a mark), with no backup, with backups back to back, and with the app's own.
fn key_delay(c: &mut Criterion, label: &str, store: Store, dir: &Path) {
    let user = staff_user(&store);
    let background = store.clone();
    let (mut app, _) = app_in_form(store, &user);
    let mut group = c.benchmark_group(format!("key/{label}"));
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));

    let mut quiet = Times::default();
    group.bench_function("mark, no backup", |b| {
        b.iter_custom(|iters| mark(&mut app, iters, &mut quiet))
    });

    let running = BackToBack::start(background.clone(), dir.to_path_buf());
    let mut busy = Times::default();
    group.bench_function("mark, backups back to back", |b| {
        b.iter_custom(|iters| mark(&mut app, iters, &mut busy))
    });
    let made = running.stop();

    app.backups = Some(AutoBackup::new(
        background,
        dir.to_path_buf(),
        Duration::from_millis(1),
    ));
    let mut automatic = Times::default();
    group.bench_function("mark, automatic backups (backup_after 1 ms)", |b| {
        b.iter_custom(|iters| mark(&mut app, iters, &mut automatic))
    });
    group.finish();
    let last = app
        .finish_backups()
        .expect("the automatic backups made one");
    last.expect("the last automatic backup");

    let name = |what: &str| format!("key/{label}/{what}, each press");
    quiet.report(&name("mark, no backup"), Some(KEY_BUDGET));
    busy.report(&name("mark, backups back to back"), Some(KEY_BUDGET));
    made.report(
        &format!("key/{label}: the backups made meanwhile, each"),
        None,
    );
    automatic.report(
        &name("mark, automatic backups (backup_after 1 ms)"),
        Some(KEY_BUDGET),
    );
}

criterion_group!(backup_benches, benches);
criterion_main!(backup_benches);
