//! What the benches share: the demo database they measure on, and the app as
//! `signaal --user NAME` starts it on an 80x24 terminal, driven by key presses and drawn on a
//! test backend. Included by each bench with `mod common;` (a bench is a crate of its own, and a
//! folder under `benches/` is not a bench).

// Each bench uses only part of this module.
#![allow(dead_code)]

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use signaal::app::{App, Clock, Msg, Options, Screen};
use signaal::config::defaults::OBSERVE_WEEKS;
use signaal::demo;
use signaal::domain::Role;
use signaal::i18n::Lang;
use signaal::keymap::{Key, Keymap};
use signaal::store::Store;
use signaal::ui::{self, Theme};

/// The large database: 700 groups of 15 children (10,500 children).
pub const GROUPS: usize = 700;
pub const CHILDREN_PER_GROUP: usize = 15;
/// The terminal the app is measured on.
pub const WIDTH: u16 = 80;
pub const HEIGHT: u16 = 24;

/// The demo generator's arguments for the large database (seed 7, the other settings as plain
/// `signaal demo` has them).
pub fn large_demo() -> demo::Options {
    demo::Options {
        seed: 7,
        groups: GROUPS,
        children_per_group: Some(CHILDREN_PER_GROUP),
        ..demo::Options::default()
    }
}

/// A new store at `path` of the size `signaal bench` measures at by default (10,000 children in
/// 700 groups, 300,000 observations, 5,000 contact cards), dated from today.
pub fn bench_store(path: &Path) -> Store {
    signaal::bench::build::database(path, &signaal::bench::Size::default())
        .expect("build the bench database")
}

/// A new store at `path` holding what the demo generator makes of `args`, dated relative to
/// `now`.
pub fn demo_store(path: &Path, args: &demo::Options, now: DateTime<FixedOffset>) -> Store {
    let store = Store::open(path).expect("open store");
    store
        .import(&demo::generate(args, now))
        .expect("import demo data");
    store
}

/// The name of a staff member with the role "staff", to sign in with.
pub fn staff_user(store: &Store) -> String {
    store
        .staff()
        .expect("staff")
        .into_iter()
        .find(|s| s.role == Role::Staff)
        .expect("a demo staff member with role staff")
        .name
}

/// The app as `signaal --user NAME` starts it on an 80x24 terminal: signed in as `user`, on the
/// groups.
pub fn signed_in_app(store: Store, user: &str) -> App {
    let mut app = App::new(
        store,
        Options {
            lang: Lang::Nl,
            keymap: Keymap::default(),
            clock: Clock::System,
            user: Some(user.to_string()),
            observe_weeks: OBSERVE_WEEKS,
            lock_after: None,
        },
    );
    app.update(Msg::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    assert!(
        app.user.as_ref().is_some_and(|u| u.name == user),
        "signed in as {user}"
    );
    assert!(
        matches!(app.screen(), Screen::Groups(_)),
        "starts on groups"
    );
    app
}

/// The app as `signaal --user NAME` starts it, on an 80x24 terminal, in the observation form of
/// the first child of the first group (navigated with keys, as a user would). Returns the app and
/// the child's id.
pub fn app_in_form(store: Store, user: &str) -> (App, u64) {
    let mut app = signed_in_app(store, user);
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.screen(), Screen::Children(_)),
        "Enter opens the first group"
    );
    press(&mut app, KeyCode::Char('o'));
    if matches!(app.screen(), Screen::PickForm(_)) {
        // The group uses more than one form: take the first.
        press(&mut app, KeyCode::Enter);
    }
    let child = match app.screen() {
        Screen::Observe(s) => s.child.id,
        _ => panic!("`o` opens the observation form"),
    };
    (app, child)
}

/// Presses a key as the event loop does: what it means now, then that message.
pub fn press(app: &mut App, code: KeyCode) {
    if let Some(msg) = app.message(Key::new(code, KeyModifiers::NONE)) {
        app.update(msg);
    }
}

/// A test terminal of the app's size.
pub fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal")
}

pub fn draw(terminal: &mut Terminal<TestBackend>, app: &App, theme: &Theme) {
    terminal
        .draw(|frame| ui::draw(frame, app, theme))
        .expect("draw");
}
