//! How long a user waits for "Who to call?" to answer a keystroke with 5,000 contacts in the
//! directory: the lookup narrowed again (fuzzy, accents and typos forgiven, the group's own cards
//! first) and the frame the user then sees. The issue asks that each keystroke's search and redraw
//! stays under 5 ms.
//! Run: `cargo bench --bench contacts`.
//!
//! The database is the demo plus 5,000 generated cards (the demo's own generator of fictional
//! names, roles, organisations, topics and phone numbers; the same every run). The app is opened as
//! `signaal --user NAME` on an 80x24 terminal, Enter goes into the first group and `c` opens the
//! lookup there. Every iteration is one keystroke of a real typing session: "jeugdverpleegkundige"
//! letter by letter, then Backspace back to an empty search field, and again.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{Local, Utc};
use criterion::{black_box, criterion_group, criterion_main, Criterion, SamplingMode};
use crossterm::event::KeyCode;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use signaal::app::{App, LookupPopup, Popup, Screen};
use signaal::demo;
use signaal::domain::contact::{Contact, Pinned};
use signaal::store::{Signature, Store};
use signaal::ui::Theme;

use common::{demo_store, draw, press, signed_in_app, staff_user};

const CONTACTS: usize = 5_000;
/// What the user types: a role, letter by letter.
const QUERY: &str = "jeugdverpleegkundige";
const NURSE: &str = "Jeugdverpleegkundige";
/// The keystrokes of one typing session: the query's letters and as many Backspaces.
const SESSION: usize = 2 * QUERY.len();

/// The demo database plus `CONTACTS` generated cards. Returns the store and the name of a staff
/// member with the role "staff", to sign in with.
fn store_with_contacts(path: &Path) -> (Store, String) {
    let now = Local::now().fixed_offset();
    let own = demo::generate(&demo::Options::default(), now)
        .contacts
        .len();
    let options = demo::Options {
        contacts: Some(own + CONTACTS),
        ..demo::Options::default()
    };
    let store = demo_store(path, &options, now);
    let groups = store.groups().expect("groups");
    let directory = store.directory().expect("directory");
    assert!(directory.len() >= own + CONTACTS, "all the cards added");
    let nurses = directory.iter().filter(|c| c.role.contains(NURSE)).count();
    eprintln!(
        "bench database: the demo ({} groups) and {} contacts, {nurses} of them {NURSE}",
        groups.len(),
        directory.len()
    );
    let user = staff_user(&store);
    (store, user)
}

// ---------------------------------------------------------------------------------------------
// The app
// ---------------------------------------------------------------------------------------------

fn lookup(app: &App) -> &LookupPopup {
    match &app.popup {
        Some(Popup::Lookup(l)) => l,
        other => panic!("the lookup is open, not {other:?}"),
    }
}

/// The app as `signaal --user NAME` starts it on an 80x24 terminal, in the first group's children
/// list (Enter), with the lookup opened by `c`.
fn app_in_lookup(store: Store, user: &str) -> App {
    let mut app = signed_in_app(store, user);
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.screen(), Screen::Children(_)),
        "Enter opens the first group"
    );
    press(&mut app, KeyCode::Char('c'));
    let popup = lookup(&app);
    assert!(popup.query.is_empty());
    assert!(
        popup.contacts().len() >= CONTACTS + 4,
        "the cards and the pinned ones"
    );
    assert_eq!(
        popup.found.len(),
        popup.contacts().len(),
        "everything before typing"
    );
    assert!(popup.group.is_some(), "opened from a group");
    app
}

/// One typing session, a keystroke at a time: `QUERY` letter by letter, then Backspace until the
/// field is empty, and again.
struct Typist {
    keys: Vec<KeyCode>,
    next: usize,
}

impl Typist {
    fn new() -> Typist {
        let mut keys: Vec<KeyCode> = QUERY.chars().map(KeyCode::Char).collect();
        keys.extend(std::iter::repeat_n(
            KeyCode::Backspace,
            QUERY.chars().count(),
        ));
        assert_eq!(keys.len(), SESSION, "the query is ASCII");
        Typist { keys, next: 0 }
    }

    fn key(&mut self) -> KeyCode {
        let key = self.keys[self.next];
        self.next = (self.next + 1) % self.keys.len();
        key
    }

    /// What the search field holds after the keys pressed so far.
    fn typed(&self) -> String {
        let letters = QUERY.chars().count();
        let n = match self.next {
            n if n <= letters => n,
            n => 2 * letters - n,
        };
        QUERY.chars().take(n).collect()
    }

    /// Presses keys until the field is empty again (the start of a session).
    fn finish(&mut self, app: &mut App) {
        while self.next != 0 {
            press(app, self.key());
        }
    }
}

/// Checks what the lookup found for the whole query: the cards serving the group first, the
/// first card a jeugdverpleegkundige, and every jeugdverpleegkundige found.
fn check_found(app: &App) {
    let popup = lookup(app);
    assert_eq!(popup.query, QUERY);
    let found: Vec<&Contact> = popup.found.iter().map(|i| &popup.contacts()[*i]).collect();
    let first = found.first().expect("something found");
    assert!(
        first.role.contains(NURSE),
        "the first card found for {QUERY:?} is a {NURSE}: {first:?}"
    );
    let group = popup.group.expect("a group");
    let serving = found.iter().take_while(|c| c.serves(group)).count();
    assert!(
        found[serving..].iter().all(|c| !c.serves(group)),
        "the group's own cards come first"
    );
    let nurses = popup
        .contacts()
        .iter()
        .filter(|c| c.role.contains(NURSE))
        .count();
    let found_nurses = found.iter().filter(|c| c.role.contains(NURSE)).count();
    assert_eq!(found_nurses, nurses, "every {NURSE} is found");
    eprintln!(
        "{QUERY:?}: {} cards found, {serving} of them serving the group, {found_nurses} {NURSE}s; \
         first: {} ({})",
        found.len(),
        first.name,
        first.role
    );
}

/// The time of each keystroke of a session on its own (key and frame), the median over `rounds`
/// sessions: where the time goes as the query grows and shrinks. Not part of criterion's figures.
fn per_keystroke(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    theme: &Theme,
    rounds: usize,
) {
    let mut typist = Typist::new();
    let n = typist.keys.len();
    let mut times = vec![Vec::with_capacity(rounds); n];
    for _ in 0..rounds {
        for slot in times.iter_mut() {
            let key = typist.key();
            let start = Instant::now();
            press(app, key);
            draw(terminal, app, theme);
            slot.push(start.elapsed());
        }
    }
    let medians: Vec<Duration> = times
        .iter_mut()
        .map(|t| {
            t.sort();
            t[t.len() / 2]
        })
        .collect();
    let (worst_at, worst) = medians.iter().enumerate().max_by_key(|(_, d)| **d).unwrap();
    let all_max = times.iter().flatten().max().unwrap();
    let typed: Vec<String> = (0..n)
        .map(|i| match typist.keys[i] {
            KeyCode::Char(c) => c.to_string(),
            _ => "⌫".to_string(),
        })
        .collect();
    let line: Vec<String> = medians
        .iter()
        .zip(&typed)
        .map(|(d, k)| format!("{k}:{:.2}", d.as_secs_f64() * 1000.0))
        .collect();
    eprintln!(
        "per keystroke, key and frame, median of {rounds} sessions (ms): {}",
        line.join(" ")
    );
    eprintln!(
        "slowest keystroke: #{} ({}) {:.3} ms median; slowest single keystroke seen: {:.3} ms",
        worst_at + 1,
        typed[worst_at],
        worst.as_secs_f64() * 1000.0,
        all_max.as_secs_f64() * 1000.0
    );
    let mut all: Vec<Duration> = times.into_iter().flatten().collect();
    eprintln!("every keystroke, key and frame: {}", spread(&mut all));
    assert_eq!(lookup(app).query, "", "each session ends empty");
}

/// The p50, p99 and the slowest of `times` in ms, for a line of output.
fn spread(times: &mut [Duration]) -> String {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "p50 {:.3} ms, p99 {:.3} ms, slowest {:.3} ms ({} times)",
        ms(at(0.5)),
        ms(at(0.99)),
        ms(times[times.len() - 1]),
        times.len()
    )
}

/// Opens the lookup with `c` and draws the frame that shows it, then closes it with Esc (not
/// timed): `rounds` times as the directory stands, then `rounds` times each right after a card
/// was changed through `writer` (as the card form saves it), which the lookup must show.
fn per_opening(
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    theme: &Theme,
    writer: &Store,
    rounds: usize,
) {
    press(app, KeyCode::Esc);
    assert!(app.popup.is_none(), "Esc closes the lookup");
    let mut open = |app: &mut App| {
        let start = Instant::now();
        press(app, KeyCode::Char('c'));
        draw(terminal, app, theme);
        let took = start.elapsed();
        let count = lookup(app).found.len();
        press(app, KeyCode::Esc);
        (took, count)
    };
    let mut unchanged: Vec<Duration> = (0..rounds).map(|_| open(app).0).collect();
    let sig = Signature {
        by: "bench".into(),
        at: Utc::now().fixed_offset(),
    };
    let mut card = writer.directory().expect("directory")[Pinned::ALL.len()].clone();
    let mut changed = Vec::with_capacity(rounds);
    for round in 0..rounds {
        card.notes = format!("checked {round}");
        card.name = format!("Bench Round{round}");
        writer.save_contact(&card, &sig).expect("save a card");
        let (took, _) = open(app);
        changed.push(took);
        press(app, KeyCode::Char('c'));
        let popup = lookup(app);
        let name = &popup.contacts()[popup.found[0]].name;
        assert!(popup.found.len() >= CONTACTS, "the whole directory");
        assert!(
            popup.contacts().iter().any(|c| c.name == card.name),
            "the changed card is shown as changed, not {name}"
        );
        press(app, KeyCode::Esc);
    }
    eprintln!(
        "opening the lookup (c and its frame): {}",
        spread(&mut unchanged)
    );
    eprintln!(
        "opening the lookup right after a card changed: {}",
        spread(&mut changed)
    );
    press(app, KeyCode::Char('c'));
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let (store, user) = store_with_contacts(&dir.path().join("db"));
    // A handle of the bench's own, to change a card between openings as the app would.
    let writer = store.clone();
    let mut app = app_in_lookup(store, &user);
    let theme = Theme::monochrome();
    let mut terminal = common::terminal();

    // Outside the timed loops: the whole query finds the right cards, and the frame shows them.
    let mut typist = Typist::new();
    for _ in QUERY.chars() {
        press(&mut app, typist.key());
    }
    check_found(&app);
    draw(&mut terminal, &app, &theme);
    let shown: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|cell| cell.symbol())
        .collect();
    assert!(
        shown.contains(&format!("> {QUERY}▏")),
        "the frame shows the query"
    );
    assert!(shown.contains("▶ "), "the frame shows a selected card");
    typist.finish(&mut app);
    let popup = lookup(&app);
    assert_eq!(
        popup.found.len(),
        popup.contacts().len(),
        "everything again"
    );

    let mut group = c.benchmark_group("contacts");
    group
        // Every sample the same number of keystrokes, and as many samples as two sessions have
        // keystrokes: whatever keystroke the samples start at, together they cover whole
        // sessions, short queries and long ones alike.
        .sampling_mode(SamplingMode::Flat)
        .sample_size(2 * SESSION)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));

    // One keystroke: the lookup narrowed (or widened) again and the frame the user then sees.
    group.bench_function("keystroke", |b| {
        b.iter(|| {
            press(&mut app, black_box(typist.key()));
            draw(&mut terminal, &app, &theme);
        })
    });
    assert_eq!(
        lookup(&app).query,
        typist.typed(),
        "the field holds what was typed"
    );

    // Only the search of that keystroke, no frame.
    group.bench_function("keystroke_search_only", |b| {
        b.iter(|| press(&mut app, black_box(typist.key())))
    });
    assert_eq!(
        lookup(&app).query,
        typist.typed(),
        "the field holds what was typed"
    );
    group.finish();

    typist.finish(&mut app);
    per_keystroke(&mut app, &mut terminal, &theme, 10);
    per_opening(&mut app, &mut terminal, &theme, &writer, 50);

    // Still the lookup, and it still finds the nurses.
    for _ in QUERY.chars() {
        press(&mut app, typist.key());
    }
    check_found(&app);
    press(&mut app, KeyCode::Esc);
    assert!(app.popup.is_none(), "Esc closes the lookup");
    assert!(
        matches!(app.screen(), Screen::Children(_)),
        "back on the children list"
    );
}

criterion_group!(contacts_benches, benches);
criterion_main!(contacts_benches);
