//! Driving the app with actions on a real store in a temp dir.

use chrono::{TimeZone, Utc};
use tempfile::TempDir;

use super::*;
use crate::cli::DemoArgs;

pub(crate) fn demo_app(user: Option<&str>) -> (TempDir, App) {
    let dir = TempDir::new().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 20, 10, 0, 0).unwrap().fixed_offset();
    let args = DemoArgs { seed: 1, groups: 3, children_per_group: None, observations_per_child: 0 };
    store.import(&crate::commands::demo::generate(&args, now)).unwrap();
    let options = Options {
        lang: Lang::En,
        keymap: Keymap::default(),
        clock: Clock::Fixed(now),
        user: user.map(str::to_string),
    };
    (dir, App::new(store, options))
}

#[test]
fn unknown_user_gets_the_picker_with_the_name_typed() {
    let (_dir, app) = demo_app(Some("Nobody Here"));
    assert!(matches!(app.screen(), Screen::Users(list) if list.filter == "Nobody Here"));
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    assert!(app.user.is_none());
}
