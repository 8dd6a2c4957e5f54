use super::*;
use crate::demo::people::LEAD_PHONE;
use crate::domain::contact::{with_leads, Lookup, Pinned};
use crate::domain::Contact;

/// The names the lookup finds for `query`, best first.
fn found(lookup: &Lookup, query: &str) -> Vec<String> {
    let found = lookup.find(query, None).into_iter();
    found.map(|i| lookup.contacts[i].name.clone()).collect()
}

#[test]
fn the_demo_has_about_25_fictional_cards_of_who_a_group_calls() {
    let data = generate(&defaults(), now());
    let cards: Vec<&Contact> = data
        .contacts
        .iter()
        .filter(|c| c.pinned.is_none())
        .collect();
    assert!((22..=30).contains(&cards.len()), "{}", cards.len());
    for card in &cards {
        assert!(
            !card.role.is_empty() && !card.organisation.is_empty(),
            "{card:?}"
        );
        assert!(
            !card.topics.is_empty() && !card.when_to_call.is_empty(),
            "{card:?}"
        );
        assert!(!card.phones.is_empty(), "{card:?}");
        for phone in &card.phones {
            let fictional = phone.number.starts_with("030-7") || phone.number.starts_with("06-19");
            assert!(fictional && phone.number.len() == 11, "{}", phone.number);
        }
        assert!(
            card.email.is_empty() || card.email.ends_with(".example"),
            "{}",
            card.email
        );
    }
    let count = |keep: &dyn Fn(&Contact) -> bool| cards.iter().filter(|c| keep(c)).count();
    assert!(count(&|c| !c.groups.is_empty()) >= 3, "some serve a group");
    assert!(count(&|c| c.consent_first) >= 3 && count(&|c| !c.consent_first) >= 3);
    assert!(count(&|c| c.verified.is_some()) >= 3 && count(&|c| c.verified.is_none()) >= 3);
    let linked: Vec<Id> = data
        .children
        .iter()
        .flat_map(|c| c.contacts.clone())
        .collect();
    assert!(!linked.is_empty(), "some cards are linked to children");
    let coach = data.staff.iter().find(|s| s.role == Role::Coach).unwrap();
    assert!(
        cards.iter().any(|c| c.name == coach.name),
        "the coach has a card"
    );
    assert_eq!(
        json(&data.contacts),
        json(&generate(&defaults(), now()).contacts)
    );
}

#[test]
fn the_demo_directory_answers_the_lookups_of_the_readme() {
    let data = generate(&defaults(), now());
    let (_dir, store) = loaded(&data);
    let lookup = Lookup::new(store.directory_with_leads().unwrap());
    for (query, first) in [
        ("jeugdverpleegkundige", "Özlem Yılmaz"),
        ("jeugdverpelegkundige", "Özlem Yılmaz"),
        ("ozlem", "Özlem Yılmaz"),
        ("ozlem yilmaz", "Özlem Yılmaz"),
        ("jose", "José Martins"),
        ("logopedist", "José Martins"),
        ("huisartsenpost", "Huisartsenpost Lindewaard"),
    ] {
        assert_eq!(
            found(&lookup, query).first().map(String::as_str),
            Some(first),
            "{query}"
        );
    }
    for query in [
        "huisarts",
        "jeugdarts",
        "wijkteam",
        "CJG",
        "GGD",
        "tolk",
        "fysiotherapeut",
    ] {
        assert!(!found(&lookup, query).is_empty(), "{query}");
    }
}

#[test]
fn the_demo_fills_in_its_aandachtsfunctionaris_card() {
    let data = generate(&defaults(), now());
    let (_dir, store) = loaded(&data);
    let directory = store.directory().unwrap();
    let card = directory
        .iter()
        .find(|c| c.pinned == Some(Pinned::Aandachtsfunctionaris))
        .unwrap();
    assert_ne!(card.id, 0, "stored, as an organisation fills it in");
    assert_eq!(card.phone().map(|p| p.number.as_str()), Some(LEAD_PHONE));
    assert_eq!(card.role, Pinned::Aandachtsfunctionaris.card().role);
    let all = with_leads(directory.clone(), &store.staff().unwrap());
    let lookup = Lookup::new(all);
    let first = found(&lookup, "aandachtsfunctionaris");
    assert_eq!(first[0], "Aandachtsfunctionaris");
}
