//! Snapshots of the aandachtsfunctionaris in the lookup and on the pinned card: every lead among
//! the staff with name and number.

use super::*;

#[test]
fn the_lookup_and_the_pinned_card_show_every_lead_with_their_number() {
    let (_dir, mut app) = demo(Lang::Nl);
    // A second lead, without a number yet, beside the demo's care coordinator.
    let staff = app.store.staff().unwrap();
    let second = staff.iter().find(|s| s.name == "Rachid de Vries").unwrap();
    let sig = app.signature();
    app.store.set_safeguarding_lead(second, true, &sig).unwrap();

    chr(&mut app, 'c');
    type_text(&mut app, "aandachtsfunctionaris");
    let t = snap!("lookup_aandachtsfunctionaris_nl", &app);
    let text = screen_text(&t);
    assert!(text.contains("06-12345678     Dewi Peters"), "{text}");
    assert!(text.contains("Rachid de Vries"), "{text}");

    press(&mut app, "Enter");
    let t = snap!("card_aandachtsfunctionaris_nl", &app);
    let text = screen_text(&t);
    assert!(text.contains("Dewi Peters  06-12345678"), "{text}");
    assert!(text.contains("Rachid de Vries"), "{text}");
}
