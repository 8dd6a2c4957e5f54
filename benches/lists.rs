//! How long the long lists take to answer a key, and how many bytes each answer writes to the
//! terminal, at organisation scale (issue 16): the groups list of 700 groups and the children
//! list, each key as the app handles it and the frame written as the event loop writes it
//! (`tui::Frames`, synchronized update included) at 120x40, the output counted instead of shown. Prints, per key, the p50 and p99 of the time and the median and largest frame in bytes.
//! Not criterion: the budgets are percentiles and bytes, which criterion does not report.
//!
//! Run: `cargo bench --bench lists` (builds the database of 700 groups of 15 children with 30
//! observations asked per child in a temporary directory, about a minute), or on a database made
//! once with `signaal demo --db DIR --groups 700 --children-per-group 15
//! --observations-per-child 30`: `SIGNAAL_LISTS_DB=DIR cargo bench --bench lists` (the database
//! is not changed: the keys only move, filter and open). `SIGNAAL_LISTS_ROUNDS` sets how often
//! each key is pressed (default 400).

mod common;

use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;
use std::time::{Duration, Instant};

use crossterm::event::KeyCode;

use signaal::app::{App, Msg, Screen};
use signaal::domain::Role;
use signaal::store::Store;
use signaal::tui::Frames;
use signaal::ui::{self, Theme};

use common::{demo_store, large_demo, press, signed_in_app};

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

/// A `Write` that counts what it is given and drops it: the terminal's side of the pipe.
#[derive(Clone, Default)]
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

type Term = Frames<Counter>;

/// One frame as the event loop draws it.
fn frame(terminal: &mut Term, app: &App, theme: &Theme) {
    terminal
        .draw(|frame| ui::draw(frame, app, theme))
        .expect("draw");
}

/// What one kind of key cost: the time from the key to the frame written, and the frame's bytes.
#[derive(Default)]
struct Figure {
    times: Vec<Duration>,
    bytes: Vec<usize>,
}

impl Figure {
    fn print(&mut self, label: &str) {
        if self.times.is_empty() {
            return;
        }
        self.times.sort();
        self.bytes.sort();
        let at = |p: usize| self.times[(self.times.len() - 1) * p / 100];
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{label:<34} {:>5} {:>9.3} {:>9.3} {:>9} {:>9}",
            self.times.len(),
            ms(at(50)),
            ms(at(99)),
            self.bytes[self.bytes.len() / 2],
            self.bytes.last().unwrap_or(&0),
        );
    }
}

struct Bench {
    app: App,
    terminal: Term,
    count: Counter,
    theme: Theme,
}

impl Bench {
    /// Presses `code`, draws the frame, and adds the time and bytes to `figure`.
    fn key(&mut self, code: KeyCode, figure: &mut Figure) {
        let before = self.count.0.get();
        let start = Instant::now();
        press(&mut self.app, code);
        frame(&mut self.terminal, &self.app, &self.theme);
        figure.times.push(start.elapsed());
        figure.bytes.push(self.count.0.get() - before);
    }

    fn on(&self) -> &'static str {
        match self.app.screen() {
            Screen::Groups(_) => "groups",
            Screen::Children(_) => "children",
            Screen::Child(_) => "child",
            _ => "other",
        }
    }
}

fn main() {
    let rounds: usize = std::env::var("SIGNAAL_LISTS_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(400);
    let temp = tempfile::tempdir().expect("temp dir");
    let store = match std::env::var_os("SIGNAAL_LISTS_DB") {
        Some(path) => Store::open(std::path::Path::new(&path)).expect("open the database"),
        None => {
            let args = signaal::demo::Options {
                observations_per_child: 30,
                ..large_demo()
            };
            demo_store(
                &temp.path().join("db"),
                &args,
                chrono::Local::now().fixed_offset(),
            )
        }
    };
    let admin = store
        .staff()
        .expect("staff")
        .into_iter()
        .find(|s| s.role == Role::Admin)
        .expect("an admin")
        .name;
    let mut app = signed_in_app(store, &admin);
    app.update(Msg::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    let count = Counter::default();
    let terminal = Frames::new(count.clone(), WIDTH, HEIGHT).expect("terminal");
    let mut b = Bench {
        app,
        terminal,
        count,
        theme: Theme::colour(),
    };
    frame(&mut b.terminal, &b.app, &b.theme);
    assert_eq!(b.on(), "groups", "starts on the groups list");
    let groups = match b.app.screen() {
        Screen::Groups(s) => s.list.visible_len(),
        _ => 0,
    };
    println!("{groups} groups, {rounds} rounds, {WIDTH}x{HEIGHT}");

    let mut down = Figure::default();
    let mut up = Figure::default();
    for _ in 0..rounds {
        b.key(KeyCode::Down, &mut down);
    }
    for _ in 0..rounds {
        b.key(KeyCode::Up, &mut up);
    }

    // The `/` filter of the groups list: a group's name typed and erased again.
    let mut filter = Figure::default();
    let query = "vlinders";
    let mut typed = 0;
    while typed < rounds {
        b.key(KeyCode::Char('/'), &mut Figure::default());
        for c in query.chars() {
            b.key(KeyCode::Char(c), &mut filter);
        }
        for _ in query.chars() {
            b.key(KeyCode::Backspace, &mut filter);
        }
        b.key(KeyCode::Esc, &mut Figure::default());
        typed += 2 * query.len();
    }

    // Into a group and back, a child and back; the children list moved in between.
    let (mut enter_group, mut esc_groups) = (Figure::default(), Figure::default());
    let (mut enter_child, mut esc_children) = (Figure::default(), Figure::default());
    let (mut child_down, mut child_filter) = (Figure::default(), Figure::default());
    for round in 0..rounds / 4 {
        b.key(KeyCode::Down, &mut Figure::default());
        b.key(KeyCode::Enter, &mut enter_group);
        assert_eq!(b.on(), "children", "Enter opens a group");
        for _ in 0..round % 5 {
            b.key(KeyCode::Down, &mut child_down);
        }
        b.key(KeyCode::Enter, &mut enter_child);
        assert_eq!(b.on(), "child", "Enter opens a child");
        b.key(KeyCode::Esc, &mut esc_children);
        b.key(KeyCode::Char('/'), &mut Figure::default());
        for c in ['a', 'n'] {
            b.key(KeyCode::Char(c), &mut child_filter);
        }
        b.key(KeyCode::Esc, &mut Figure::default());
        b.key(KeyCode::Esc, &mut esc_groups);
        assert_eq!(b.on(), "groups", "Esc goes back to the groups");
    }
    println!(
        "{:<34} {:>5} {:>9} {:>9} {:>9} {:>9}",
        "key", "n", "p50 ms", "p99 ms", "p50 B", "max B"
    );
    down.print("Down, groups list");
    up.print("Up, groups list");
    filter.print("/ filter keystroke, groups list");
    enter_group.print("Enter into a group");
    child_down.print("Down, children list");
    child_filter.print("/ filter keystroke, children list");
    enter_child.print("Enter into a child");
    esc_children.print("Esc back to the children list");
    esc_groups.print("Esc back to the groups list");
}
