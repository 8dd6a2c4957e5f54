//! How long a user waits when marking an item of an observation form, end to end from the key
//! press to the flushed write, on a database of the size `signaal bench` measures at (10,000
//! children in 700 groups, 300,000 observations, 5,000 contact cards). The mark goes through
//! `App::message` and `App::update`, so through the very store call the observation screen
//! makes (`Store::save_observation`). The issue asks for a median under 2 ms for "tick".
//! Run: `cargo bench --bench observe`.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::Local;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use crossterm::event::KeyCode;

use signaal::app::{SaveState, Screen};
use signaal::store::Store;
use signaal::ui::Theme;

use common::{app_in_form, bench_store, draw, press, staff_user};

/// The bench database (see `common::bench_store`), dated from today so that the app's system
/// clock sees realistic data. Returns the name of a staff member with the role "staff", to sign
/// in with.
fn large_store(path: &Path) -> (Store, String) {
    let store = bench_store(path);

    let groups = store.groups().expect("groups");
    let children: Vec<u64> = groups
        .iter()
        .flat_map(|g| store.children_of(g.id).expect("children"))
        .map(|c| c.id)
        .collect();
    assert!(children.len() >= 10_000, "{} children", children.len());
    let observations: usize = children
        .iter()
        .map(|&id| store.observations_of(id).expect("observations").len())
        .sum();
    assert!(observations >= 300_000, "{observations} observations");
    eprintln!(
        "bench database: {} groups, {} children, {} observations",
        groups.len(),
        children.len(),
        observations
    );

    let user = staff_user(&store);
    (store, user)
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let path: PathBuf = dir.path().join("db");
    let (store, user) = large_store(&path);
    let (mut app, child) = app_in_form(store, &user);
    let theme = Theme::monochrome();
    let mut terminal = common::terminal();

    let mut group = c.benchmark_group("observe");
    group
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));

    // One Space: the selected item's next mark (not seen -> sometimes -> often -> not seen), the
    // observation and its audit entry written and flushed before `handle_key` returns.
    group.bench_function("tick", |b| {
        b.iter(|| press(&mut app, black_box(KeyCode::Char(' '))))
    });

    // The same, plus the frame the user then sees.
    group.bench_function("tick_and_draw", |b| {
        b.iter(|| {
            press(&mut app, black_box(KeyCode::Char(' ')));
            draw(&mut terminal, &app, &theme);
        })
    });

    // The cycle may have ended on "not seen": one more tick leaves a mark to find on disk.
    if matches!(app.screen(), Screen::Observe(s) if s.observation.marks.is_empty()) {
        press(&mut app, KeyCode::Char(' '));
    }
    match app.screen() {
        Screen::Observe(s) => {
            assert!(
                matches!(s.saved, SaveState::Saved(_)),
                "the last tick was saved: {:?} (status {:?})",
                s.saved,
                app.status
            );
            assert!(!s.observation.marks.is_empty(), "the ticks left marks");
            assert_eq!(s.child.id, child);
        }
        _ => panic!("still on the observation form"),
    }

    // Back to the children list (Esc), the starting point of the next benchmarks.
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen(), Screen::Children(_)));

    // Esc to the groups (reloads the 700 groups' counts), Enter into a group of 15 children
    // (reads each child's latest observation for the overview's columns).
    group.bench_function("open_children_list_with_observation_columns", |b| {
        b.iter(|| {
            press(&mut app, KeyCode::Esc);
            press(&mut app, KeyCode::Enter);
        })
    });

    // Only the Enter of the above: the children list with its observation columns.
    group.bench_function("enter_group_only", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                press(&mut app, KeyCode::Esc);
                let start = Instant::now();
                press(&mut app, KeyCode::Enter);
                total += start.elapsed();
            }
            total
        })
    });
    group.finish();

    match app.screen() {
        Screen::Children(s) => {
            assert!(s.list.visible_len() > 0, "the group's children show");
            assert!(
                s.list.visible().any(|row| row.child.id == child
                    && row.latest.is_some_and(|l| l.date == app.today())),
                "the list shows today's observation of the ticked child"
            );
        }
        _ => panic!("the benchmarks end on the children list"),
    }

    // What was ticked is on disk: reopen the database and look.
    drop(app);
    let store = Store::open(&path).expect("reopen store");
    let observations = store.observations_of(child).expect("observations");
    let today = Local::now().date_naive();
    let todays = observations
        .iter()
        .find(|o| o.date == today)
        .expect("the ticked observation was stored");
    assert!(!todays.marks.is_empty(), "its marks were stored");
    eprintln!(
        "after the bench: child {child} has {} observations on disk, today's with {} marks",
        observations.len(),
        todays.marks.len()
    );
}

criterion_group!(observe_benches, benches);
criterion_main!(observe_benches);
