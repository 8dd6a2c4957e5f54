//! A list longer than the screen: only the rows in view are made (`widgets::ListTable`), and
//! they must be the rows the table shows: the window of the visible rows that holds the
//! selection, at its bottom once the selection went down past the first screen.

use tempfile::TempDir;

use super::{render, screen_text};
use crate::app::test_support::{chr, now, press, resize, type_text};
use crate::app::{App, Clock, Options, Screen};
use crate::domain::Role;
use crate::i18n::Lang;
use crate::keymap::Keymap;
use crate::store::Store;

/// More groups than a screen holds, with their admin (who sees every group) at the keyboard.
const GROUPS: usize = 60;

fn admin_of_many_groups() -> (TempDir, App) {
    let dir = TempDir::new().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    let args = crate::demo::Options {
        groups: GROUPS,
        children_per_group: Some(2),
        observations_per_child: 0,
        ..Default::default()
    };
    store.import(&crate::demo::generate(&args, now())).unwrap();
    let admin = store
        .staff()
        .unwrap()
        .into_iter()
        .find(|s| s.role == Role::Admin);
    let options = Options {
        lang: Lang::En,
        keymap: Keymap::default(),
        clock: Clock::Fixed(now()),
        user: admin.map(|a| a.name),
        observe_weeks: crate::config::defaults::OBSERVE_WEEKS,
        lock_after: None,
    };
    let mut app = App::new(store, options);
    resize(&mut app, 80, 24);
    (dir, app)
}

/// The names of the groups list's visible rows, in order, and the selected position.
fn groups(app: &App) -> (Vec<String>, usize) {
    let Screen::Groups(screen) = app.screen() else {
        panic!("on the groups list");
    };
    let names = screen
        .list
        .visible()
        .map(|r| r.group.name.clone())
        .collect();
    (names, screen.list.selected_index())
}

/// The groups the screen shows, top to bottom, with whether the row is the selected one (`▶`).
fn shown(app: &App, width: u16, height: u16) -> Vec<(String, bool)> {
    let (names, _) = groups(app);
    let text = screen_text(&render(app, width, height));
    text.lines()
        .filter_map(|line| {
            // A name is followed by the gap to the next column, so "De Uilen" is not "De Uilen 2".
            let name = names.iter().find(|n| line.contains(&format!(" {n}  ")))?;
            Some((name.clone(), line.contains('▶')))
        })
        .collect()
}

/// The shown rows are a run of the visible rows, the selection among them and marked, at the
/// bottom once the list is scrolled; returns how many rows are shown.
fn assert_window(app: &App, width: u16, height: u16) -> usize {
    let (names, selected) = groups(app);
    let rows = shown(app, width, height);
    assert!(!rows.is_empty(), "rows shown");
    let first = names.iter().position(|n| *n == rows[0].0).unwrap();
    for (i, (name, marked)) in rows.iter().enumerate() {
        assert_eq!(*name, names[first + i], "row {i} follows the list");
        assert_eq!(
            *marked,
            first + i == selected,
            "{name}: marked iff selected"
        );
    }
    assert!(
        (first..first + rows.len()).contains(&selected),
        "selection in view"
    );
    if first > 0 {
        assert_eq!(
            first + rows.len() - 1,
            selected,
            "scrolled: selection at the bottom"
        );
    }
    rows.len()
}

#[test]
fn a_long_list_scrolled_to_its_end_shows_its_last_rows() {
    let (_dir, mut app) = admin_of_many_groups();
    assert_eq!(groups(&app).0.len(), GROUPS);
    let at_top = assert_window(&app, 80, 24);
    assert!(at_top < GROUPS, "the list is longer than the screen");
    for _ in 0..25 {
        press(&mut app, "Down");
        assert_window(&app, 80, 24);
    }
    press(&mut app, "End");
    assert_eq!(
        assert_window(&app, 80, 24),
        at_top,
        "a full screen at the end"
    );
    let (names, _) = groups(&app);
    assert_eq!(shown(&app, 80, 24).last().unwrap().0, names[GROUPS - 1]);
    insta::assert_snapshot!("groups_scrolled_to_the_end", render(&app, 80, 24).backend());
    // Back up: the window follows the selection again from the top.
    press(&mut app, "Home");
    assert_eq!(shown(&app, 80, 24)[0], (names[0].clone(), true));
}

#[test]
fn a_filter_on_a_scrolled_list_shows_its_matches_from_the_top() {
    let (_dir, mut app) = admin_of_many_groups();
    press(&mut app, "End");
    chr(&mut app, '/');
    type_text(&mut app, "uilen");
    let (names, selected) = groups(&app);
    assert!(names.len() > 1 && names.len() < GROUPS, "{names:?}");
    assert!(names[0].starts_with("De Uilen"), "{names:?}");
    assert_eq!(selected, 0, "the best match selected");
    // The screen's 19 rows less the filter line.
    assert_eq!(assert_window(&app, 80, 24), names.len().min(18));
    assert_eq!(shown(&app, 80, 24)[0], (names[0].clone(), true));
    // Erasing the filter shows every group again, from the top.
    for _ in 0.."uilen".len() {
        press(&mut app, "Backspace");
    }
    assert_eq!(groups(&app).0.len(), GROUPS);
    assert_window(&app, 80, 24);
}

#[test]
fn a_resized_terminal_shows_the_window_of_its_own_height() {
    let (_dir, mut app) = admin_of_many_groups();
    for _ in 0..30 {
        press(&mut app, "Down");
    }
    let small = assert_window(&app, 80, 24);
    resize(&mut app, 120, 40);
    let large = assert_window(&app, 120, 40);
    assert_eq!(large, small + 16, "sixteen rows more");
    resize(&mut app, 80, 16);
    assert_eq!(assert_window(&app, 80, 16), small - 8);
}
