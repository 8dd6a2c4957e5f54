//! A directory of any size: the demo's own cards cut short or filled up with generated
//! fictional ones, for `signaal bench` and the contact lookup's benchmark (an organisation's
//! directory holds thousands of cards, the demo's own about 25).
//!
//! Every name, number and address is made up: names from the demo's lists, landlines
//! 030-7xxxxxx, mobiles 06-19xxxxxx, e-mail under the reserved `.example` domain.

use super::names;
use super::rng::SplitMix64;
use crate::domain::contact::{Help, Phone};
use crate::domain::{Contact, Id};
use crate::export::Export;

/// Roles; about one card in twelve is a jeugdverpleegkundige, so a lookup for one finds many.
const ROLES: &[&str] = &[
    "Jeugdverpleegkundige",
    "Jeugdarts",
    "Logopedist",
    "Kinderfysiotherapeut",
    "Pedagogisch coach",
    "Gezinscoach",
    "Orthopedagoog",
    "Kinderpsycholoog",
    "Wijkteammedewerker",
    "Maatschappelijk werker",
    "Ergotherapeut",
    "Diëtist",
];
/// What follows the role now and then ("Logopedist 0-4 jaar").
const ROLE_DETAILS: &[&str] = &[
    "",
    "consultatiebureau",
    "spraak- en taalontwikkeling",
    "0-4 jaar",
    "voorschoolse educatie",
    "team Oost",
];
/// Organisations, each with the slug of its (fictional) e-mail domain.
const ORGANISATIONS: &[(&str, &str)] = &[
    ("GGD", "ggd"),
    ("Jeugdgezondheidszorg", "jgz"),
    ("Wijkteam", "wijkteam"),
    ("Centrum voor Jeugd en Gezin", "cjg"),
    ("Logopediepraktijk De Klankkast", "klankkast"),
    ("Kinderfysiotherapie Beweegwijs", "beweegwijs"),
    ("Gemeente", "gemeente"),
    ("MEE", "mee"),
    ("Vroeghulp", "vroeghulp"),
];
const PLACES: &[&str] = &[
    "Lindewaard",
    "Amersfoort",
    "Zwolle",
    "Leeuwarden",
    "Groningen",
    "Tilburg",
    "Nijmegen",
    "Haarlem",
    "Delft",
    "Almere",
];
const TOPICS: &[&str] = &[
    "spraak",
    "taal",
    "slapen",
    "eten",
    "motoriek",
    "gedrag",
    "zindelijkheid",
    "gehoor",
    "zicht",
    "opvoeding",
    "meertaligheid",
    "hechting",
];
const PHONE_LABELS: &[&str] = &["werk", "direct", "secretariaat", "na kantoortijd"];

/// Makes `export` hold exactly `count` contact cards: the first `count` of its own (a child's
/// link to a card left out goes too), then generated ones with ids after every other record's.
pub(super) fn resize(export: &mut Export, count: usize, rng: &mut SplitMix64) {
    if count <= export.contacts.len() {
        export.contacts.truncate(count);
        let kept: Vec<Id> = export.contacts.iter().map(|c| c.id).collect();
        for child in &mut export.children {
            child.contacts.retain(|id| kept.contains(id));
        }
        return;
    }
    let groups: Vec<Id> = export.groups.iter().map(|g| g.id).collect();
    let first = export.max_id() + 1;
    let more = count - export.contacts.len();
    let cards: Vec<Contact> = (0..more as u64)
        .map(|index| card(rng, first + index, &groups))
        .collect();
    export.contacts.extend(cards);
}

/// A fictional card with id `id`: a name, a role (now and then with a detail), an
/// organisation in a place, one or two labelled phones, an e-mail address on `.example`,
/// topics; about one in five serves one of `groups`.
fn card(rng: &mut SplitMix64, id: Id, groups: &[Id]) -> Contact {
    let (first, last) = (rng.pick(names::ADULT_FIRST), rng.pick(names::LAST));
    let mut card = Contact::named(id, &format!("{first} {last}"));
    let role = rng.pick(ROLES);
    card.role = match rng.pick(ROLE_DETAILS) {
        "" => role.to_string(),
        detail => format!("{role} {detail}"),
    };
    let (organisation, slug) = rng.pick(ORGANISATIONS);
    let place = rng.pick(PLACES);
    card.organisation = format!("{organisation} {place}");
    card.area = format!("gemeente {place}");
    card.phones.push(Phone {
        label: rng.pick(PHONE_LABELS).into(),
        number: format!("030-7{:06}", rng.below(1_000_000)),
    });
    if rng.below(2) == 0 {
        card.phones.push(Phone {
            label: "mobiel".into(),
            number: format!("06-19{:06}", rng.below(1_000_000)),
        });
    }
    let initial: String = first.chars().take(1).collect();
    let local: String = format!("{initial}.{last}")
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    let place_slug = place.to_lowercase();
    card.email = format!("{local}.{id}@{slug}-{place_slug}.example");
    card.topics = (0..1 + rng.below(3))
        .map(|_| rng.pick(TOPICS).to_string())
        .collect();
    card.availability = "ma-vr 9-17".into();
    card.when_to_call = format!("Bel bij zorgen over {}.", card.topics[0]);
    card.help = [Help::Unknown, Help::AdviceOnly, Help::Referral][rng.below(3) as usize];
    card.consent_first = rng.below(4) == 0;
    if rng.below(5) == 0 && !groups.is_empty() {
        card.groups.push(rng.pick(groups));
    }
    card
}
