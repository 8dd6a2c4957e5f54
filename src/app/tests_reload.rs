//! Going back (Esc) reloads the screen below only when what it shows may have changed
//! (`stack::Stamp`): a write made on a screen above, or another day, shows on the list; with
//! neither the list is kept as it was, rows and all.

use super::test_support::{on_new_child, press};
use super::*;
use crate::domain::AuditAction;

/// The children list below the top of the stack, changed in place.
fn children_below(app: &mut App) -> &mut ChildrenScreen {
    match &mut app.screens[1] {
        Screen::Children(s) => s,
        _ => panic!("the children list is the second screen"),
    }
}

fn children(app: &App) -> &ChildrenScreen {
    match app.screen() {
        Screen::Children(s) => s,
        _ => panic!("on the children list"),
    }
}

fn groups(app: &App) -> &GroupsScreen {
    match app.screen() {
        Screen::Groups(s) => s,
        _ => panic!("on the groups list"),
    }
}

/// Marks every row of the children list below with a mentor no reload would read, so that a
/// kept list and a reloaded one tell apart.
fn mark_children_below(app: &mut App) {
    let list = &mut children_below(app).list;
    let rows = list
        .items()
        .cloned()
        .map(|row| ChildRow {
            mentor: Some("marker".into()),
            ..row
        })
        .collect();
    list.set_items(rows);
}

fn marked(app: &App) -> bool {
    children(app)
        .list
        .items()
        .all(|row| row.mentor.as_deref() == Some("marker"))
}

#[test]
fn a_write_on_the_child_screen_shows_on_the_children_list_after_esc() {
    let (_dir, mut app, child) = on_new_child(Lang::En);
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Child(_)));
    let renamed = crate::domain::Child {
        first_name: "Ilse".into(),
        ..child.clone()
    };
    let sig = app.signature();
    app.store
        .save_child(&renamed, AuditAction::ChildEdit, &sig)
        .unwrap();
    press(&mut app, "Esc");
    let row = children(&app).list.selected().expect("the child's row");
    assert_eq!(row.child.id, child.id);
    assert_eq!(row.child.first_name, "Ilse");
}

#[test]
fn a_write_on_the_children_list_shows_on_the_groups_list_after_esc() {
    let (_dir, mut app, _child) = on_new_child(Lang::En);
    let group = children(&app).group.clone();
    let count = |app: &App| {
        groups(app)
            .list
            .items()
            .find(|row| row.group.id == group.id)
            .map(|row| row.children)
    };
    press(&mut app, "Esc");
    let before = count(&app).expect("the group's row");
    press(&mut app, "Enter");
    assert_eq!(children(&app).group.id, group.id);
    let born = app.today() - chrono::Duration::days(900);
    let sig = app.signature();
    app.store
        .add_child(group.id, "Sem", "de Wit", born, &sig)
        .unwrap();
    press(&mut app, "Esc");
    assert_eq!(count(&app), Some(before + 1));
}

#[test]
fn esc_keeps_a_list_when_nothing_it_shows_changed() {
    let (_dir, mut app, _child) = on_new_child(Lang::En);
    press(&mut app, "Enter");
    mark_children_below(&mut app);
    press(&mut app, "Esc");
    assert!(marked(&app), "nothing written: the list is not read again");
}

#[test]
fn esc_reloads_a_list_after_a_write_or_on_another_day() {
    let (_dir, mut app, child) = on_new_child(Lang::En);
    press(&mut app, "Enter");
    mark_children_below(&mut app);
    let sig = app.signature();
    app.store
        .save_child(&child, AuditAction::ChildEdit, &sig)
        .unwrap();
    press(&mut app, "Esc");
    assert!(!marked(&app), "a write: the list is read again");

    press(&mut app, "Enter");
    mark_children_below(&mut app);
    app.clock = Clock::Fixed(app.clock.now() + chrono::Duration::days(1));
    press(&mut app, "Esc");
    assert!(!marked(&app), "another day: the list is read again");

    press(&mut app, "Enter");
    mark_children_below(&mut app);
    app.lang = Lang::Nl;
    press(&mut app, "Esc");
    assert!(!marked(&app), "another language: the list is read again");
}

/// The groups list below the children list, its rows given a tally no reload would read.
fn mark_groups_below(app: &mut App) {
    let Screen::Groups(groups) = &mut app.screens[0] else {
        panic!("the groups list is the first screen")
    };
    let rows = groups
        .list
        .items()
        .cloned()
        .map(|row| GroupRow {
            children: 999,
            ..row
        })
        .collect();
    groups.list.set_items(rows);
}

fn groups_marked(app: &App) -> bool {
    groups(app).list.items().all(|row| row.children == 999)
}

#[test]
fn the_groups_list_is_read_again_only_after_a_write_it_shows() {
    let (_dir, mut app, child) = on_new_child(Lang::En);
    // The groups list as the store is now (the child was added after it was read).
    press(&mut app, "Esc");
    press(&mut app, "Enter");
    // A mark on an observation form above: nothing the groups list shows.
    mark_groups_below(&mut app);
    press(&mut app, "o");
    if matches!(app.screen(), Screen::PickForm(_)) {
        press(&mut app, "Enter");
    }
    assert!(matches!(app.screen(), Screen::Observe(_)));
    let changes = app.store.changes();
    press(&mut app, " ");
    assert!(app.store.changes() > changes, "the mark was written");
    press(&mut app, "Esc");
    press(&mut app, "Esc");
    assert!(groups_marked(&app), "a mark: the groups list is kept");

    // A child archived: its group's tally changes, and the list is read again.
    press(&mut app, "Enter");
    mark_groups_below(&mut app);
    let archived = crate::domain::Child {
        archived: true,
        ..child
    };
    let sig = app.signature();
    app.store
        .save_child(&archived, AuditAction::ChildArchive, &sig)
        .unwrap();
    press(&mut app, "Esc");
    assert!(
        !groups_marked(&app),
        "a child archived: the list is read again"
    );
}
