//! The locked screen shows no child's data, only the emergency cards and the picker.

use super::*;

#[test]
fn locked_screen_shows_no_child_and_the_emergency_numbers() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let Screen::Child(s) = app.screen() else {
        panic!("child screen expected")
    };
    let name = s.child.first_name.clone();
    app.handle_key(crossterm::event::KeyEvent::new(
        KeyCode::Char('l'),
        crossterm::event::KeyModifiers::CONTROL,
    ));
    let t = snap!("locked_nl", &app);
    let text = screen_text(&t);
    assert!(!text.contains(&name), "no child name on the lock screen");
    for number in ["112", "0800-2000", "0900-1113111"] {
        assert!(text.contains(number), "{number}");
    }
    assert!(text.contains("Vergrendeld"));
}

#[test]
fn a_childs_audit_trail() {
    let (_dir, mut app) = demo(Lang::En);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    // Two changes about this child: a mark on today's form, and its note.
    chr(&mut app, 'o');
    chr(&mut app, ' ');
    chr(&mut app, 'n');
    type_text(&mut app, "ë en ĳ");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    chr(&mut app, 'A');
    let t = snap!("audit_trail", &app);
    let text = screen_text(&t);
    assert!(text.contains("Audit trail"));
    let note = text.find("observation.note").expect("the note");
    let mark = text.find("observation.mark").expect("the mark");
    assert!(note < mark, "newest first");
}
