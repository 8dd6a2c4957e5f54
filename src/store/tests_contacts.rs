//! Contact cards in the store.

use super::tests::{fresh, sig};
use super::*;
use crate::domain::contact::{directory, Contact, Phone, Pinned};

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
fn a_pinned_card_of_a_national_number_is_never_saved_or_imported_without_it() {
    let (_dir, store) = fresh();
    let mut emergency = Pinned::Emergency.card();
    emergency.phones.clear();
    let err = store.save_contact(&emergency, &sig()).unwrap_err();
    assert!(
        matches!(&err, StoreError::PinnedNumberMissing { number, .. } if number == "112"),
        "{err}"
    );
    let mut veilig_thuis = Pinned::VeiligThuis.card();
    veilig_thuis.phones[0].number = "0900-6666666".into();
    assert!(store.save_contact(&veilig_thuis, &sig()).is_err());
    assert_eq!(
        store.directory().unwrap(),
        directory(Vec::new()),
        "nothing saved"
    );
    veilig_thuis
        .phones
        .push(Pinned::VeiligThuis.card().phones[0].clone());
    store.save_contact(&veilig_thuis, &sig()).unwrap();

    let mut data = store.export(sig().at).unwrap();
    data.contacts[0].phones.clear();
    let copy = tempfile::TempDir::new().unwrap();
    let other = Store::open(&copy.path().join("db")).unwrap();
    let err = other.import(&data).unwrap_err().to_string();
    assert!(
        err.contains("the pinned card 112 does not have its number 112"),
        "{err}"
    );
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
    let json = serde_json::to_value(&data.contacts[4]).unwrap();
    assert_eq!(json["uid"], added[0].uid.as_str(), "contacts[].uid");
}

#[test]
fn a_contact_keeps_its_uid_when_its_number_is_edited() {
    let (_dir, store) = fresh();
    let added = store.save_contact(&card("Özlem Yılmaz"), &sig()).unwrap();
    assert!(added.uid.starts_with("urn:uuid:"), "{}", added.uid);
    let mut edited = added.clone();
    edited.phones[0].number = "030-7654321".into();
    edited.uid = String::new();
    let saved = store.save_contact(&edited, &sig()).unwrap();
    assert_eq!(
        saved.uid, added.uid,
        "an edit without a UID keeps the stored one"
    );
    assert_eq!(store.contact(added.id).unwrap().unwrap().uid, added.uid);

    let twin = store.save_contact(&card("Özlem Yılmaz"), &sig()).unwrap();
    assert_ne!(twin.uid, added.uid, "typed twice: another UID");
    let pinned = store
        .save_contact(&Pinned::VeiligThuis.card(), &sig())
        .unwrap();
    let shipped = crate::contacts_io::uid::uids(&[Pinned::VeiligThuis.card()]);
    assert_eq!(pinned.uid, shipped[0], "the UID the export gave it before");
}

/// The vCard export's `UID` of each card of `store`'s directory, in order.
fn vcard_uids(store: &Store) -> Vec<String> {
    crate::contacts_io::write_vcard(&store.directory().unwrap())
        .lines()
        .filter_map(|line| line.strip_prefix("UID:"))
        .map(str::to_string)
        .collect()
}

/// `contacts[].uid` of `store`'s JSON export, in order.
fn json_uids(store: &Store) -> Vec<String> {
    let contacts = store.export(sig().at).unwrap().contacts;
    contacts.into_iter().map(|c| c.uid).collect()
}

#[test]
fn a_contact_stored_before_uids_keeps_the_one_the_export_gave_it() {
    let (_dir, old) = fresh();
    // As a signaal from before UIDs stored it: no import or save gives one without a UID now.
    let mut jose = card("José Martins");
    jose.id = old.next_id().unwrap();
    let op = super::writes::Op::put(
        super::writes::Table::Contacts,
        &super::codec::id_key(jose.id),
        super::codec::encode(&jose),
    );
    old.apply(&[op]).unwrap();
    let before = vcard_uids(&old);
    let exported = json_uids(&old);
    assert_eq!(
        exported, before,
        "the JSON export has the vCard export's UIDs"
    );
    assert_eq!(
        old.contacts().unwrap()[0].uid,
        "",
        "stored before contacts had a UID"
    );
    jose.phones[0].number = "06-11223344".into();
    let saved = old.save_contact(&jose, &sig()).unwrap();
    assert_eq!(before.last(), Some(&saved.uid));
    assert_eq!(vcard_uids(&old), before);
}

#[test]
fn an_import_gives_each_card_of_an_export_without_uids_the_uid_its_vcard_had() {
    let (_dir, store) = fresh();
    let mut twin = card("José Martins");
    twin.uid = "google-17".into();
    store
        .add_contacts(&[card("José Martins"), twin, card("Els Meijer")], &sig())
        .unwrap();
    let mut data = store.export(sig().at).unwrap();
    let uids: Vec<String> = data.contacts.iter().map(|c| c.uid.clone()).collect();
    assert_eq!(uids, vcard_uids(&store));
    assert!(uids.iter().all(|uid| !uid.is_empty()), "{uids:?}");
    for contact in data.contacts.iter_mut().filter(|c| c.uid != "google-17") {
        contact.uid = String::new();
    }
    let copy = tempfile::TempDir::new().unwrap();
    let imported = Store::open(&copy.path().join("db")).unwrap();
    imported.import(&data).unwrap();
    assert!(imported
        .contacts()
        .unwrap()
        .iter()
        .all(|c| !c.uid.is_empty()));
    assert_eq!(vcard_uids(&imported), uids);
    assert_eq!(json_uids(&imported), uids);
}

#[test]
fn an_import_keeps_a_cards_uid_unless_another_contact_has_it() {
    let (_dir, store) = fresh();
    let mut anouk = card("Anouk van den Berg");
    anouk.uid = "google-17".into();
    let mut copy = card("Bas Hendriks");
    copy.uid = "google-17".into();
    let mut lead = Pinned::Aandachtsfunctionaris.card();
    lead.name = "Fatima Öztürk".into();
    let added = store
        .add_contacts(&[anouk, copy, card("Els Meijer"), lead], &sig())
        .unwrap();
    assert_eq!(added[0].uid, "google-17");
    assert!(added[1].uid.starts_with("urn:uuid:"), "taken: made anew");
    assert!(added[2].uid.starts_with("urn:uuid:"));
    assert_ne!(added[1].uid, added[2].uid);
    assert_eq!(
        added[3].pinned, None,
        "add_contacts never adds a pinned card"
    );
}

#[test]
fn an_export_with_two_contacts_of_one_uid_is_refused() {
    let (_dir, store) = fresh();
    store
        .add_contacts(&[card("Anouk van den Berg"), card("Bas Hendriks")], &sig())
        .unwrap();
    let mut data = store.export(sig().at).unwrap();
    let uid = data.contacts[4].uid.clone();
    data.contacts[5].uid = uid.clone();
    let copy = tempfile::TempDir::new().unwrap();
    let other = Store::open(&copy.path().join("db")).unwrap();
    let err = other.import(&data).unwrap_err().to_string();
    assert!(
        err.contains(&format!(
            "the contact Bas Hendriks has the uid \"{uid}\", which another contact has too"
        )),
        "{err}"
    );
}

/// The last guard: whatever path a card takes into the store, one with a control character in
/// a name, number or note is refused and nothing is written.
#[test]
fn a_card_with_a_control_character_is_never_stored() {
    let (_dir, store) = fresh();
    let escaped = card("Piet\u{1b}[2J");
    let mut bell = card("Bram");
    bell.phones[0].number.push('\u{7}');
    let mut noted = card("Kees");
    noted.notes = "regel 1\nregel\t2".into();
    let refused = store.save_contact(&escaped, &sig()).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "the contact \"Piet^[[2J\" has a control character (ESC) in name and is not saved"
    );
    let refused = store
        .add_contacts(&[noted.clone(), bell], &sig())
        .unwrap_err();
    assert!(
        matches!(&refused, StoreError::ControlCharacter { field, .. } if field == "phones[0].number"),
        "{refused}"
    );
    assert!(store.is_empty(), "nothing of the refused cards is stored");
    // A note keeps its line breaks and tabs.
    let kept = store.save_contact(&noted, &sig()).unwrap();
    assert_eq!(kept.notes, "regel 1\nregel\t2");
}

#[test]
fn removing_a_card_takes_it_off_the_children_linked_to_it() {
    let (_dir, store) = fresh();
    let group = store
        .add_group("De Vlinders", crate::domain::GroupKind::Kdv, "", &sig())
        .unwrap();
    let birth = chrono::NaiveDate::from_ymd_opt(2023, 4, 1).unwrap();
    let mut child = store
        .add_child(group.id, "Zoë", "de Vries", birth, &sig())
        .unwrap();
    let kept = store.save_contact(&card("Tolklijn"), &sig()).unwrap();
    let gone = store
        .save_contact(&card("Logopedie Noord"), &sig())
        .unwrap();
    child.contacts = vec![kept.id, gone.id];
    store
        .save_child(&child, crate::domain::AuditAction::ChildContacts, &sig())
        .unwrap();
    store.remove_contact(gone.id, &sig()).unwrap();
    assert_eq!(
        store.child(child.id).unwrap().unwrap().contacts,
        vec![kept.id]
    );
    assert!(
        store.check().unwrap().is_empty(),
        "no link to a card that is gone"
    );
}
