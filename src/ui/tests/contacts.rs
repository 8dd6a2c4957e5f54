//! Snapshots of the contact lookup and a card.

use super::*;

#[test]
fn lookup_narrows_at_every_keystroke() {
    let (_dir, mut app) = demo(Lang::En);
    chr(&mut app, 'c');
    let t = snap!("lookup_empty", &app);
    let text = screen_text(&t);
    for number in ["112", "0800-2000", "0900-1113111"] {
        assert!(text.contains(number), "{number}");
    }
    type_text(&mut app, "veilig");
    let t = snap!("lookup_veilig", &app);
    let text = screen_text(&t);
    assert!(text.contains("▶ 0800-2000"), "Veilig Thuis first:\n{text}");
}

#[test]
fn card_of_veilig_thuis_in_dutch() {
    let (_dir, mut app) = demo(Lang::Nl);
    chr(&mut app, 'c');
    type_text(&mut app, "veilig thuis");
    press(&mut app, "Enter");
    let t = snap!("card_veilig_thuis_nl", &app);
    let text = screen_text(&t);
    assert!(text.contains("Veilig Thuis [vast]"));
    assert!(text.contains("0800-2000"));
    assert!(text.contains("24/7"));
}
