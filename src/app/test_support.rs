//! Shared by the tests of the app and of the screens: an app on a real store in a temp dir with a
//! fixed clock (so ages and dates in snapshots do not change from day to day), and keys pressed the
//! way a person presses them.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use tempfile::TempDir;

use super::{App, Clock, Msg, Options, Screen};
use crate::domain::Role;
use crate::i18n::Lang;
use crate::keymap::Key;
use crate::keymap::Keymap;
use crate::store::Store;

pub fn now() -> DateTime<FixedOffset> {
    Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0)
        .unwrap()
        .fixed_offset()
}

/// Who `--user` names when the app starts.
pub enum User<'a> {
    Nobody,
    Named(&'a str),
    /// The first childcare staff member of the demo data, read from the store.
    FirstStaff,
    /// The first person with this role in the demo data, read from the store.
    FirstWith(Role),
}

/// An 80x24 app on a fresh store; with `demo` the store holds the default demo data (seed 1).
pub fn app(demo: bool, lang: Lang, user: User) -> (TempDir, App) {
    let dir = TempDir::new().unwrap();
    let app = app_at(&dir.path().join("db"), demo, lang, user);
    (dir, app)
}

/// Like [`app`], with the database at `db` (a path the caller owns).
pub fn app_at(db: &std::path::Path, demo: bool, lang: Lang, user: User) -> App {
    let store = Store::open(db).unwrap();
    if demo {
        let data = crate::demo::generate(&Default::default(), now());
        store.import(&data).unwrap();
    }
    let user = match user {
        User::Nobody => None,
        User::Named(name) => Some(name.to_string()),
        User::FirstStaff => Some(first_with(&store, Role::Staff)),
        User::FirstWith(role) => Some(first_with(&store, role)),
    };
    let options = Options {
        lang,
        keymap: Keymap::default(),
        clock: Clock::Fixed(now()),
        user,
        observe_weeks: crate::config::defaults::OBSERVE_WEEKS,
        lock_after: None,
    };
    let mut app = App::new(store, options);
    resize(&mut app, 80, 24);
    app
}

/// The demo app with its first childcare staff member at the keyboard, on the groups list.
pub fn signed_in(lang: Lang) -> (TempDir, App) {
    let (dir, app) = app(true, lang, User::FirstStaff);
    assert!(app.user.is_some(), "signed in");
    assert!(
        matches!(app.screen(), Screen::Groups(_)),
        "no picker with a known --user"
    );
    (dir, app)
}

/// The demo app with its admin at the keyboard: managing groups and archiving are theirs.
pub fn admin(lang: Lang) -> (TempDir, App) {
    app(true, lang, User::FirstWith(Role::Admin))
}

fn first_with(store: &Store, role: Role) -> String {
    let staff = store.staff().unwrap();
    let person = staff
        .iter()
        .find(|s| s.role == role)
        .expect("the demo has someone with this role");
    person.name.clone()
}

/// Presses a key, named as in a keymap file (`"Enter"`, `"Ctrl-l"`, `"D"`), the way the event
/// loop does: what it means now, then that message.
pub fn press(app: &mut App, key: &str) {
    let key = Key::parse(key).unwrap_or_else(|| panic!("{key:?} names no key"));
    if let Some(msg) = app.message(key) {
        app.update(msg);
    }
}

pub fn chr(app: &mut App, c: char) {
    press(app, &c.to_string());
}

/// The terminal is `width` by `height` cells.
pub fn resize(app: &mut App, width: u16, height: u16) {
    app.update(Msg::Resize { width, height });
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        chr(app, c);
    }
}

/// Types a first name, a last name and a birth date into the open child form, field by field.
pub fn fill_child_form(app: &mut App, first: &str, last: &str, born: &str) {
    type_text(app, first);
    press(app, "Tab");
    type_text(app, last);
    press(app, "Tab");
    type_text(app, born);
}

/// On the shown children list, moves the selection onto the first child for which `wanted`
/// holds, from the top.
pub fn select_child_where(app: &mut App, wanted: impl Fn(&App, &crate::domain::Child) -> bool) {
    press(app, "Home");
    for _ in 0..100 {
        let Screen::Children(s) = app.screen() else {
            panic!("a children list is shown")
        };
        let Some(row) = s.list.selected() else { break };
        if wanted(app, &row.child) {
            return;
        }
        let before = row.child.id;
        press(app, "Down");
        if matches!(app.screen(), Screen::Children(s) if s.list.selected().map(|r| r.child.id) == Some(before))
        {
            break; // the bottom of the list
        }
    }
    panic!("no child in the list is the one wanted");
}

/// The child screen shown now (the test fails when another screen is).
pub fn child_screen(app: &App) -> &super::ChildScreen {
    match app.screen() {
        Screen::Child(s) => s,
        _ => panic!("the child screen"),
    }
}

/// The demo app on the first group's children list, with a child added here (so no
/// observation or trajectory yet, whatever the demo made) selected.
pub fn on_new_child(lang: Lang) -> (TempDir, App, crate::domain::Child) {
    let (dir, mut app) = signed_in(lang);
    press(&mut app, "Enter");
    let Screen::Children(s) = app.screen() else {
        panic!("the first group's children")
    };
    let group = s.group.id;
    let sig = app.signature();
    let born = now().date_naive() - chrono::Duration::days(800);
    let child = app
        .store
        .add_child(group, "Ĳsbrand", "Jansen", born, &sig)
        .unwrap();
    app.reload();
    select_child_where(&mut app, |_, c| c.id == child.id);
    (dir, app, child)
}

impl App {
    /// What a change made now is signed with, as the screens sign it.
    pub fn signature(&self) -> crate::store::Signature {
        super::ctx_of!(self).signature()
    }
}

/// The Meldcode plan among the app's plans (`access::is_meldcode_plan`).
pub fn meldcode_plan(app: &App) -> crate::domain::plan::PlanTemplate {
    let plans = app.plans.current();
    let found = plans
        .into_iter()
        .find(|p| crate::domain::access::is_meldcode_plan(&p.id));
    found.expect("a Meldcode plan is built in").clone()
}

/// The demo, where the coach gave two advice on the group of the first group's visit: "Samen
/// benoemen wat je ziet" (competencies 1 and 2) with the group's first two staff members, and
/// "Ouders betrekken bij het afscheid" (4) with the first only. The app is closed again; the
/// database is at `db` in the returned directory, and the two staff members are returned.
pub fn advice_with_two(lang: Lang) -> (TempDir, [crate::domain::Staff; 2]) {
    let (dir, mut app) = app(true, lang, User::FirstWith(Role::Coach));
    chr(&mut app, 'v');
    let Screen::Visit(visit) = app.screen() else {
        panic!("the coach opens the visit")
    };
    let [first, second, ..] = visit.staff.as_slice() else {
        panic!("the demo group has two staff members")
    };
    let (first, second) = (first.clone(), second.clone());
    let advise = |app: &mut App, text: &str, digits: &str, with: &str| {
        press(app, "End");
        write_advice(app, text, digits, with);
        assert!(
            matches!(app.screen(), Screen::Visit(v) if v.modal.is_none()),
            "the advice is saved"
        );
    };
    let both = format!("{}, {}", first.name, second.name);
    advise(&mut app, "Samen benoemen wat je ziet", "1 2", &both);
    advise(
        &mut app,
        "Ouders betrekken bij het afscheid",
        "4",
        &first.name,
    );
    drop(app);
    (dir, [first, second])
}

/// `n` in the visit: an advice with `text`, its competencies as `digits`, given `with` (names
/// typed with commas), then Enter.
pub fn write_advice(app: &mut App, text: &str, digits: &str, with: &str) {
    chr(app, 'n');
    type_text(app, text);
    press(app, "Tab");
    type_text(app, digits);
    press(app, "Tab");
    type_text(app, with);
    press(app, "Enter");
}
