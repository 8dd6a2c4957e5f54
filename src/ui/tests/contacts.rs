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

/// The widest Dutch label ("Eerst toestemming ouders", 24 characters) keeps a gap before its
/// value, and a long value wraps in the value's column, never back under the labels.
#[test]
fn a_card_keeps_its_values_in_one_column() {
    let (_dir, mut app) = demo(Lang::Nl);
    chr(&mut app, 'c');
    type_text(&mut app, "ozlem yilmaz jeugdverpleegkundige");
    press(&mut app, "Enter");
    let text = screen_text(&render(&app, 120, 40));
    let consent = text
        .lines()
        .find(|l| l.contains("Eerst toestemming ouders"));
    let consent = consent.unwrap_or_else(|| panic!("no consent row:\n{text}"));
    assert!(
        consent.contains("Eerst toestemming ouders  ja"),
        "{consent}"
    );
    let column = |line: &str| line.find("Eerst").map(|at| at + 26);
    let value_column = column(consent).unwrap();
    // Every line in the card's body starts either with a label or in the value column.
    let mut when = text.lines().skip_while(|l| !l.contains("Bel bij zorgen"));
    let continued = when.nth(1).unwrap_or_default();
    let first_text = continued
        .char_indices()
        .skip_while(|(_, c)| matches!(c, '│' | ' ' | '"'))
        .map(|(at, _)| at)
        .next();
    assert_eq!(
        first_text.map(|at| continued[..at].chars().count()),
        Some(consent[..value_column].chars().count()),
        "the wrapped line starts under the value:\n{text}"
    );
}

/// The contact form is taller than most popups: with its last field ("Notities") focused and a
/// refused phone number, the field, the error line and the keys all show, at 120x40, at 80x24
/// and (scrolled) at the smallest size.
#[test]
fn the_contact_form_keeps_its_last_field_error_and_keys_in_view() {
    let (_dir, mut app) = demo(Lang::Nl);
    chr(&mut app, 'c');
    type_text(&mut app, "Quinty Xavier");
    press(&mut app, "Enter");
    for _ in 0..3 {
        press(&mut app, "Tab");
    }
    type_text(&mut app, "werk:");
    for _ in 0..4 {
        press(&mut app, "BackTab");
    }
    type_text(&mut app, "Belt terug binnen een dag.");
    press(&mut app, "Enter");
    for (width, height) in [(120, 40), (80, 24), (60, 16)] {
        resize(&mut app, width, height);
        let text = screen_text(&render(&app, width, height));
        for wanted in [
            "Notities",
            "Belt terug binnen een dag.▏",
            "Schrijf telefoonnummers met cijfers",
            "Enter bevestigen",
        ] {
            assert!(text.contains(wanted), "{width}x{height}: {wanted}\n{text}");
        }
    }
    resize(&mut app, 120, 40);
    snap!("contact_form_notes_120x40_nl", &app, 120, 40);
    resize(&mut app, 80, 24);
    snap!("contact_form_notes_80x24_nl", &app, 80, 24);
    resize(&mut app, 60, 16);
    let t = snap!("contact_form_notes_60x16_nl", &app, 60, 16);
    assert!(
        !screen_text(&t).contains("Functie"),
        "at 60x16 the form scrolls: its first fields give way"
    );
}
