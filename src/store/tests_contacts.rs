//! Contact cards in the store.

use super::tests::{fresh, sig};
use super::*;
use crate::domain::contact::{Contact, Phone, Pinned};

fn card(name: &str) -> Contact {
    let mut c = Contact::named(0, name);
    c.role = "Jeugdverpleegkundige".into();
    c.phones.push(Phone {
        label: "werk".into(),
        number: "030-1234567".into(),
    });
    c
}

#[test]
fn the_directory_has_the_pinned_cards_even_when_empty() {
    let (_dir, store) = fresh();
    let names: Vec<String> = store
        .directory()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names.len(), 4);
    assert!(names.contains(&"Veilig Thuis".to_string()));
    assert!(store.is_empty(), "the pinned cards are not stored");
}

#[test]
fn cards_are_added_edited_and_removed_signed() {
    let (_dir, store) = fresh();
    let added = store
        .save_contact(&card("  Özlem Yılmaz "), &sig())
        .unwrap();
    assert!(added.id > 0);
    assert_eq!(added.name, "Özlem Yılmaz");
    let mut edited = added.clone();
    edited.email = "ozlem@example.invalid".into();
    store.save_contact(&edited, &sig()).unwrap();
    assert_eq!(store.contact(added.id).unwrap(), Some(edited));
    let audit: Vec<String> = store
        .audit()
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert_eq!(audit, ["contact.add", "contact.edit"]);
    store.remove_contact(added.id, &sig()).unwrap();
    assert!(store.contact(added.id).unwrap().is_none());
    assert!(store.save_contact(&card("   "), &sig()).is_err());
}

#[test]
fn a_pinned_card_is_edited_in_place_and_never_removed() {
    let (_dir, store) = fresh();
    let mut mine = Pinned::Aandachtsfunctionaris.card();
    mine.name = "Fatima Öztürk".into();
    let first = store.save_contact(&mine, &sig()).unwrap();
    let mut again = Pinned::Aandachtsfunctionaris.card();
    again.name = "Bram de Wit".into();
    let second = store.save_contact(&again, &sig()).unwrap();
    assert_eq!(first.id, second.id, "one stored version of a pinned card");
    let directory = store.directory().unwrap();
    assert_eq!(directory.len(), 4);
    assert_eq!(directory[3].name, "Bram de Wit");
    let err = store.remove_contact(second.id, &sig()).unwrap_err();
    assert!(err.to_string().contains("pinned"), "{err}");
}

#[test]
fn many_cards_are_added_all_or_nothing_and_round_trip_through_export() {
    let (_dir, store) = fresh();
    let bad = [card("A"), card(" ")];
    assert!(store.add_contacts(&bad, &sig()).is_err());
    assert!(
        store.contacts().unwrap().is_empty(),
        "nothing of a bad batch"
    );
    let added = store
        .add_contacts(&[card("A"), card("José")], &sig())
        .unwrap();
    assert_eq!(added.len(), 2);
    let data = store.export(sig().at).unwrap();
    assert_eq!(data.contacts.len(), 6, "4 pinned + 2");
    let copy = tempfile::TempDir::new().unwrap();
    let other = Store::open(&copy.path().join("db")).unwrap();
    other.import(&data).unwrap();
    assert_eq!(other.directory().unwrap(), store.directory().unwrap());
    assert!(other.check().unwrap().is_empty());
}
