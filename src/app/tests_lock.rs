//! The lock of the shared terminal: Ctrl-L and idle time lock, picking yourself unlocks, and what
//! is done afterwards is signed with the name picked.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::test_support::{chr, on_new_child, press, type_text};
use super::*;

fn ctrl_l(app: &mut App) {
    app.handle_key(KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL));
}

#[test]
fn ctrl_l_locks_and_picking_yourself_unlocks_where_you_were() {
    let (_dir, mut app, child) = on_new_child(Lang::En);
    press(&mut app, KeyCode::Enter);
    ctrl_l(&mut app);
    let locked = app.locked.as_ref().expect("locked");
    assert!(locked
        .emergency
        .iter()
        .any(|c| c.phone().is_some_and(|p| p.number == "0800-2000")));
    // Letters are the name being typed, not keys: `c` and `q` do nothing else.
    type_text(&mut app, "cq");
    assert!(app.locked.is_some() && !app.quit && app.popup.is_none());
    press(&mut app, KeyCode::Esc);
    let other = app
        .store
        .staff()
        .unwrap()
        .into_iter()
        .find(|s| Some(s.id) != app.user.as_ref().map(|u| u.id))
        .unwrap();
    type_text(&mut app, &other.name);
    press(&mut app, KeyCode::Enter);
    assert!(app.locked.is_none());
    assert_eq!(app.user.as_ref().map(|u| u.id), Some(other.id));
    assert!(matches!(app.screen(), Screen::Child(s) if s.child.id == child.id));

    // A mark made now is signed with the person who unlocked.
    chr(&mut app, 'o');
    chr(&mut app, ' ');
    let observation = &app.store.observations_of(child.id).unwrap()[0];
    assert_eq!(observation.marks[0].by, other.name);
}

#[test]
fn idle_time_locks_only_after_lock_after() {
    let (_dir, mut app, _child) = on_new_child(Lang::En);
    app.idle(Duration::from_secs(600));
    assert!(app.locked.is_none(), "no --lock-after, no idle lock");
    app.lock_after = Some(Duration::from_secs(2));
    app.idle(Duration::from_millis(1900));
    assert!(app.locked.is_none());
    app.idle(Duration::from_secs(2));
    assert!(app.locked.is_some());
}

#[test]
fn the_child_screen_shows_its_audit_trail_newest_first() {
    let (_dir, mut app, child) = on_new_child(Lang::En);
    chr(&mut app, 'o');
    chr(&mut app, ' ');
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter); // the child screen
    chr(&mut app, 'A');
    let Screen::History(s) = app.screen() else {
        panic!("the audit trail")
    };
    let actions: Vec<&str> = s.list.visible().map(|r| r.entry.action.as_str()).collect();
    assert_eq!(
        actions,
        ["observation.mark", "child.add"],
        "newest first, only this child"
    );
    assert_eq!(
        s.list.visible().last().unwrap().entry.target,
        format!("child:{}", child.id)
    );
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen(), Screen::Child(_)));
}
