//! The locked screen shows no child's data, only the emergency cards and the picker.

use super::*;

#[test]
fn locked_screen_shows_no_child_and_the_emergency_numbers() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    let Screen::Child(s) = app.screen() else {
        panic!("child screen expected")
    };
    let name = s.child.first_name.clone();
    press(&mut app, "Ctrl-l");
    let t = snap!("locked_nl", &app);
    let text = screen_text(&t);
    assert!(!text.contains(&name), "no child name on the lock screen");
    for number in ["112", "0800-2000", "0900-1113111"] {
        assert!(text.contains(number), "{number}");
    }
    assert!(text.contains("Vergrendeld"));
}

#[test]
fn the_lock_says_unsaved_input_is_open_never_what_it_says() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    chr(&mut app, 'o');
    chr(&mut app, 'n');
    type_text(&mut app, "Vertrouwelijk concept");
    press(&mut app, "Ctrl-l");
    let t = snap!("locked_with_draft", &app);
    let text = screen_text(&t);
    let me = app.user.as_ref().unwrap().name.clone();
    assert!(text.contains(&format!("{me} liet niet-opgeslagen invoer open")));
    assert!(!text.contains("Vertrouwelijk"), "never the text");
}

#[test]
fn a_childs_audit_trail() {
    let (_dir, mut app) = demo(Lang::En);
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    // Two changes about this child: a mark on today's form, and its note.
    chr(&mut app, 'o');
    chr(&mut app, ' ');
    chr(&mut app, 'n');
    type_text(&mut app, "ë en ĳ");
    press(&mut app, "Enter");
    press(&mut app, "Esc");
    chr(&mut app, 'A');
    let t = snap!("audit_trail", &app);
    let text = screen_text(&t);
    assert!(text.contains("Audit trail"));
    let note = text.find("observation.note").expect("the note");
    let mark = text.find("observation.mark").expect("the mark");
    assert!(note < mark, "newest first");
}

#[test]
fn the_pin_is_asked_in_dots_over_the_lock() {
    let (_dir, mut app) = demo(Lang::En);
    let me = give_pin(&app, "4321");
    chr(&mut app, 'u');
    type_text(&mut app, &me.name);
    press(&mut app, "Enter");
    type_text(&mut app, "43");
    let t = snap!("pin_asked", &app);
    let text = screen_text(&t);
    assert!(text.contains("••▏"), "two dots and the cursor");
    assert!(!text.contains("43"), "never the digits");
}

#[test]
fn the_staff_screen_shows_roles_groups_and_who_has_a_pin() {
    let (_dir, mut app) = test_support::admin(Lang::En);
    let me = give_pin(&app, "4321");
    chr(&mut app, 'S');
    let t = snap!("staff_screen", &app);
    let text = screen_text(&t);
    let my_row = text
        .lines()
        .rev()
        .find(|l| l.contains(&me.name))
        .expect("my row, below the header");
    assert!(my_row.contains("admin") && my_row.contains("all") && my_row.contains('✓'));
    let coach = app
        .store
        .staff()
        .unwrap()
        .into_iter()
        .find(|s| s.role == crate::domain::Role::Coach)
        .unwrap();
    let coach_row = text
        .lines()
        .find(|l| l.contains(&coach.name))
        .expect("the coach's row");
    assert!(!coach_row.contains('✓'), "no PIN");
}

/// Gives the person at the keyboard a PIN, straight in the store; returns them.
fn give_pin(app: &App, pin: &str) -> crate::domain::Staff {
    let me = app.user.clone().unwrap();
    let sig = crate::store::Signature {
        by: me.name.clone(),
        at: test_support::now(),
    };
    let pin = crate::domain::pin::Pin::parse(pin).unwrap();
    app.store.set_pin(me.id, Some(&pin), &sig).unwrap();
    me
}
