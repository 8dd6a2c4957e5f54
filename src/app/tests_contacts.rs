//! Who to call, driven with key presses on a real store: the lookup from any screen, the card,
//! adding, linking to a child, and what cannot be removed.

use super::modal::Modal;
use super::popups::card::ContactForm;
use super::test_support::{chr, on_new_child, press, signed_in, type_text};
use super::*;

fn lookup(app: &App) -> &LookupPopup {
    match &app.popup {
        Some(Popup::Lookup(l)) => l,
        other => panic!("expected the lookup, got {other:?}"),
    }
}

fn card_popup(app: &App) -> &CardPopup {
    match &app.popup {
        Some(Popup::Card(card)) => card,
        other => panic!("expected a card, got {other:?}"),
    }
}

/// The card shown, with nothing over it.
fn card(app: &App) -> &crate::domain::Contact {
    match card_popup(app) {
        CardPopup {
            contact: Some(contact),
            modal: None,
            ..
        } => contact,
        other => panic!("expected a card, got {other:?}"),
    }
}

/// The open contact form.
fn form(app: &App) -> &fields::Form<ContactForm> {
    match &card_popup(app).modal {
        Some(Modal::Form(form)) => form,
        other => panic!("expected the contact form, got {other:?}"),
    }
}

#[test]
fn c_looks_up_veilig_thuis_from_the_groups_list_and_esc_returns() {
    let (_dir, mut app) = signed_in(Lang::En);
    chr(&mut app, 'c');
    type_text(&mut app, "veilig thuis");
    let first = lookup(&app).selected_contact().unwrap();
    assert_eq!(first.name, "Veilig Thuis");
    assert_eq!(first.phone().unwrap().number, "0800-2000");
    press(&mut app, "Enter");
    assert_eq!(card(&app).name, "Veilig Thuis");
    press(&mut app, "Esc");
    assert!(app.popup.is_none());
    assert!(
        matches!(app.screen(), Screen::Groups(_)),
        "back where c was pressed"
    );
}

#[test]
fn a_new_contact_from_the_lookup_is_found_without_accents_and_linked_to_a_child() {
    let (_dir, mut app, child) = on_new_child(Lang::En);
    press(&mut app, "Enter"); // the child screen
    chr(&mut app, 'c');
    type_text(&mut app, "Özlem Yılmaz");
    // Nothing matches: the last row offers a new card with the typed name.
    let rows = lookup(&app).rows();
    for _ in 0..rows {
        press(&mut app, "Down");
    }
    assert!(lookup(&app).selected_contact().is_none());
    press(&mut app, "Enter");
    assert_eq!(form(&app).fields.name.value, "Özlem Yılmaz");
    press(&mut app, "Tab");
    type_text(&mut app, "Jeugdverpleegkundige");
    press(&mut app, "Tab");
    press(&mut app, "Tab");
    type_text(&mut app, "werk: 030-1234567; mobiel: 06-12345678");
    press(&mut app, "Enter");
    let saved = card(&app).clone();
    assert_eq!(saved.phones.len(), 2);
    assert_eq!(
        app.store.audit().unwrap().last().unwrap().action,
        "contact.add"
    );

    // Linked to the child with l; the child screen shows the contact.
    chr(&mut app, 'l');
    let stored_child = app.store.child(child.id).unwrap().unwrap();
    assert_eq!(stored_child.contacts, vec![saved.id]);
    press(&mut app, "Esc");
    let Screen::Child(s) = app.screen() else {
        panic!("back on the child screen")
    };
    assert_eq!(s.contacts.len(), 1);

    // Typed without accents and with a typo in the role, she is found first.
    chr(&mut app, 'c');
    type_text(&mut app, "jeugdverpelegkundige");
    assert_eq!(
        lookup(&app).selected_contact().unwrap().name,
        "Özlem Yılmaz"
    );
    press(&mut app, "Esc");
    chr(&mut app, 'c');
    type_text(&mut app, "ozlem");
    assert_eq!(
        lookup(&app).selected_contact().unwrap().name,
        "Özlem Yılmaz"
    );
}

#[test]
fn the_groups_own_contacts_rank_first_and_pinned_cards_stay() {
    let (_dir, mut app) = signed_in(Lang::En);
    let sig = app.signature();
    let demo_cards = app.store.directory().unwrap().len();
    let mut a = crate::domain::Contact::named(0, "Logopedie Noord");
    a.role = "Logopedist".into();
    let a = app.store.save_contact(&a, &sig).unwrap();
    let mut b = crate::domain::Contact::named(0, "Logopedie Zuid");
    b.role = "Logopedist".into();
    press(&mut app, "Enter"); // the first group's children
    let Screen::Children(s) = app.screen() else {
        panic!("children")
    };
    b.groups = vec![s.group.id];
    app.store.save_contact(&b, &sig).unwrap();
    chr(&mut app, 'c');
    type_text(&mut app, "logopedist");
    let first = lookup(&app).selected_contact().unwrap().name.clone();
    assert_eq!(
        first, "Logopedie Zuid",
        "the group's own first, before {}",
        a.name
    );

    // A pinned card cannot be removed.
    press(&mut app, "Esc");
    chr(&mut app, 'c');
    type_text(&mut app, "112");
    press(&mut app, "Enter");
    chr(&mut app, 'D');
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    assert_eq!(app.store.directory().unwrap().len(), demo_cards + 2);
}

#[test]
fn a_card_is_changed_in_its_form_and_esc_on_the_form_returns_to_the_card() {
    // A pinned card: only an admin changes it.
    let (_dir, mut app) = super::test_support::admin(Lang::En);
    chr(&mut app, 'c');
    type_text(&mut app, "veilig thuis");
    press(&mut app, "Enter");
    chr(&mut app, 'e');
    assert_eq!(form(&app).fields.name.value, "Veilig Thuis");
    press(&mut app, "Esc");
    assert_eq!(card(&app).name, "Veilig Thuis", "Esc on the form: the card");

    // The check date, typed the Dutch way on an English screen.
    chr(&mut app, 'e');
    for _ in 0..11 {
        press(&mut app, "Tab");
    }
    type_text(&mut app, "31-02-2026");
    press(&mut app, "Enter");
    let refused = form(&app).error.clone().unwrap_or_default();
    assert!(refused.contains("31-02-2026"), "{refused}");
    for _ in 0..10 {
        press(&mut app, "Backspace");
    }
    type_text(&mut app, "01-03-2026");
    press(&mut app, "Enter");
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1);
    assert_eq!(card(&app).verified, day);
    let stored = app.store.directory().unwrap();
    let stored = stored.iter().find(|c| c.name == "Veilig Thuis").unwrap();
    assert_eq!(stored.verified, day, "saved, the pinned card stays pinned");
    assert!(stored.pinned.is_some());
}

#[test]
fn the_pinned_emergency_cards_are_an_admins_to_change_and_keep_a_number() {
    // Staff: `e` on the 112 card is refused, saying who may.
    let (_dir, mut app) = signed_in(Lang::En);
    chr(&mut app, 'c');
    type_text(&mut app, "112");
    press(&mut app, "Enter");
    chr(&mut app, 'e');
    assert!(card_popup(&app).modal.is_none(), "no form for staff");
    let said = app.status.clone().unwrap();
    assert!(said.error && said.text.contains("admin"), "{}", said.text);

    // An admin may change it, but not blank its number.
    let (_dir, mut app) = super::test_support::admin(Lang::En);
    chr(&mut app, 'c');
    type_text(&mut app, "112");
    press(&mut app, "Enter");
    chr(&mut app, 'e');
    for _ in 0..3 {
        press(&mut app, "Tab");
    }
    let typed = form(&app).fields.phones.value.chars().count();
    for _ in 0..typed {
        press(&mut app, "Backspace");
    }
    press(&mut app, "Enter");
    let refused = form(&app).error.clone().unwrap_or_default();
    assert_eq!(refused, Lang::En.get(crate::i18n::T::ErrPinnedNeedsNumber));
    // Nor put a word where the number goes.
    type_text(&mut app, "spoed: x");
    press(&mut app, "Enter");
    let refused = form(&app).error.clone().unwrap_or_default();
    assert_eq!(refused, Lang::En.get(crate::i18n::T::ErrBadPhone));
    // Nor give 112 another number: the store keeps the national one (and says so).
    for _ in 0.."spoed: x".len() {
        press(&mut app, "Backspace");
    }
    type_text(&mut app, "spoed: 113");
    press(&mut app, "Enter");
    let refused = form(&app).error.clone().unwrap_or_default();
    assert_eq!(
        refused,
        "The pinned card 112 must keep its number 112; it is not saved."
    );
    let stored = app.store.directory().unwrap();
    let card = stored.iter().find(|c| c.name == "112").unwrap();
    assert_eq!(card.phone().unwrap().number, "112", "unchanged");
}

#[test]
fn removing_a_card_asks_and_only_j_or_y_removes_it() {
    let (_dir, mut app) = signed_in(Lang::En);
    let sig = app.signature();
    let contact = crate::domain::Contact::named(0, "Logopedie Noord");
    app.store.save_contact(&contact, &sig).unwrap();
    let count = app.store.directory().unwrap().len();
    chr(&mut app, 'c');
    type_text(&mut app, "logopedie noord");
    press(&mut app, "Enter");
    for no in ["Enter", "n", "Esc"] {
        chr(&mut app, 'D');
        let Some(Modal::Confirm(question)) = &card_popup(&app).modal else {
            panic!("the removal is asked")
        };
        assert_eq!(
            question.question,
            "Remove Logopedie Noord from the contacts?"
        );
        press(&mut app, no);
        assert_eq!(
            card(&app).name,
            "Logopedie Noord",
            "{no} is no: the card stays"
        );
        assert_eq!(app.store.directory().unwrap().len(), count);
    }
    chr(&mut app, 'D');
    chr(&mut app, 'y');
    assert!(app.popup.is_none());
    assert_eq!(app.store.directory().unwrap().len(), count - 1);
    let status = app.status.clone().unwrap();
    assert_eq!(status.text, "Logopedie Noord is removed.");
}

#[test]
fn a_hand_over_drops_a_half_typed_card_and_never_saves_it() {
    let (_dir, mut app) = signed_in(Lang::En);
    let me = app.user.clone().unwrap();
    let other = app
        .store
        .staff()
        .unwrap()
        .into_iter()
        .find(|s| s.id != me.id)
        .unwrap();
    let count = app.store.directory().unwrap().len();
    chr(&mut app, 'c');
    type_text(&mut app, "Quinty Xavier");
    press(&mut app, "Enter");
    press(&mut app, "Tab");
    type_text(&mut app, "Jeugdarts");
    press(&mut app, "Ctrl-l");
    assert_eq!(
        app.locked.as_ref().unwrap().draft_of.as_deref(),
        Some(me.name.as_str())
    );
    type_text(&mut app, &other.name);
    press(&mut app, "Enter");
    assert!(app.popup.is_none(), "the card's form is gone");
    assert_eq!(
        app.status.clone().unwrap().text,
        Lang::En.draft_dropped(&me.name)
    );
    assert_eq!(app.store.directory().unwrap().len(), count, "nothing saved");
}

#[test]
fn a_card_offers_only_the_keys_that_work_there() {
    use crate::app::Action::{Back, Edit, Link, Remove, ServeGroup};
    // Staff on the groups list, the pinned Veilig Thuis card: nothing to change or link.
    let (_dir, mut app) = signed_in(Lang::En);
    chr(&mut app, 'c');
    type_text(&mut app, "veilig thuis");
    press(&mut app, "Enter");
    assert_eq!(card_popup(&app).offers(app.user.as_ref()), vec![Back]);

    // A card of their own, from a child's screen: all of it.
    let (_dir, mut app, _child) = on_new_child(Lang::En);
    let sig = app.signature();
    let contact = crate::domain::Contact::named(0, "Logopedie Noord");
    app.store.save_contact(&contact, &sig).unwrap();
    press(&mut app, "Enter");
    chr(&mut app, 'c');
    type_text(&mut app, "logopedie noord");
    press(&mut app, "Enter");
    let offered = card_popup(&app).offers(app.user.as_ref());
    assert_eq!(offered, vec![Back, Edit, Link, ServeGroup, Remove]);
}

#[test]
fn the_lookup_shows_a_card_changed_since_it_was_last_opened() {
    let (_dir, mut app) = signed_in(Lang::En);
    let sig = app.signature();
    let mut card = crate::domain::Contact::named(0, "Logopedie Noord");
    card.role = "Stottertherapeut".into();
    let card = app.store.save_contact(&card, &sig).unwrap();
    let names = |app: &App| -> Vec<String> {
        let popup = lookup(app);
        let found = popup
            .found
            .iter()
            .map(|i| popup.contacts()[*i].name.clone());
        found.collect()
    };
    chr(&mut app, 'c');
    type_text(&mut app, "stottertherapeut");
    assert_eq!(names(&app), ["Logopedie Noord"]);
    press(&mut app, "Esc");

    // Renamed while the lookup is closed: the next `c` shows the new name only.
    let renamed = crate::domain::Contact {
        name: "Logopedie Zuid".into(),
        ..card
    };
    app.store.save_contact(&renamed, &sig).unwrap();
    chr(&mut app, 'c');
    type_text(&mut app, "stottertherapeut");
    assert_eq!(names(&app), ["Logopedie Zuid"]);
    press(&mut app, "Esc");

    // Removed, then the app idles (the directory is read ahead): gone at the next `c`.
    app.store.remove_contact(renamed.id, &sig).unwrap();
    app.update(Msg::Tick {
        idle: std::time::Duration::ZERO,
    });
    chr(&mut app, 'c');
    type_text(&mut app, "stottertherapeut");
    assert!(names(&app).is_empty(), "{:?}", names(&app));
}
