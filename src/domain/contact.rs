//! Outside help: who to call. A contact card holds what DOMAIN.md lists (name, role,
//! organisation, phones with a label each, email, availability, area or groups served, topics,
//! when to call, advice-only or referral, consent needed first, last verified, notes).
//!
//! Four cards are pinned: every installation has them and nobody deletes them by accident (112,
//! Veilig Thuis, the vertrouwensinspecteur, the organisation's aandachtsfunctionaris). They show no
//! child data, so they may be shown on the lock screen.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{access, Id, Invalid, Staff};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub phones: Vec<Phone>,
    #[serde(default)]
    pub email: String,
    /// Days and hours, e.g. "ma-vr 9-17".
    #[serde(default)]
    pub availability: String,
    /// The area served, in words ("gemeente Utrecht-Oost").
    #[serde(default)]
    pub area: String,
    /// The groups this contact serves: they rank first in that group's lookup.
    #[serde(default)]
    pub groups: Vec<Id>,
    /// What to call about ("spraak", "slapen", "huiselijk geweld").
    #[serde(default)]
    pub topics: Vec<String>,
    /// "Bel bij ..."
    #[serde(default)]
    pub when_to_call: String,
    #[serde(default)]
    pub help: Help,
    /// The parents must consent before this contact is called about their child.
    #[serde(default)]
    pub consent_first: bool,
    /// When the details were last checked.
    #[serde(default)]
    pub verified: Option<NaiveDate>,
    #[serde(default)]
    pub notes: String,
    /// Set on the four cards every installation has; they cannot be removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinned: Option<Pinned>,
    /// Set only on the line of an aandachtsfunctionaris ([`lead_line`]): the id of the staff
    /// member it is made from. Such a line is made from the staff record each time it is shown
    /// and never stored or exported; it changes on the staff screen.
    #[serde(skip)]
    pub lead: Option<Id>,
    /// The card's `UID` (vCard): any text, unique in the directory, that names this contact
    /// wherever it is copied to. The store gives a contact without one a UID made from its name
    /// and numbers at that moment (`contacts_io::uid`), which then never changes; an imported
    /// vCard keeps its own. Empty on a pinned card as signaal ships it and on contacts stored
    /// before contacts had one: the export then makes one the same way.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uid: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    /// "direct", "na kantoortijd", "mobiel", ...
    #[serde(default)]
    pub label: String,
    pub number: String,
}

/// Whether a contact gives advice only or takes referrals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Help {
    #[default]
    Unknown,
    AdviceOnly,
    Referral,
}

/// The cards every installation has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pinned {
    Emergency,
    VeiligThuis,
    Vertrouwensinspecteur,
    Aandachtsfunctionaris,
}

impl Pinned {
    pub const ALL: [Pinned; 4] = [
        Pinned::Emergency,
        Pinned::VeiligThuis,
        Pinned::Vertrouwensinspecteur,
        Pinned::Aandachtsfunctionaris,
    ];

    /// The name the JSON export gives this kind (`veilig_thuis`): a contract, never renamed, so
    /// the vCard export's `X-SIGNAAL-PINNED` and the pinned cards' UIDs use it too.
    pub fn export_name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|value| value.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// The card as it comes with signaal, in Dutch: what is stored and exported. The
    /// aandachtsfunctionaris's name and number are the organisation's to fill in.
    pub fn card(self) -> Contact {
        self.card_in(&self.dutch())
    }

    /// The number signaal comes with ("" for the aandachtsfunctionaris: to be filled in).
    pub fn number(self) -> &'static str {
        match self {
            Pinned::Emergency => "112",
            Pinned::VeiligThuis => "0800-2000",
            Pinned::Vertrouwensinspecteur => "0900-1113111",
            Pinned::Aandachtsfunctionaris => "",
        }
    }

    /// The card as signaal comes with it, with `words` (the Dutch ones of [`Pinned::dutch`], or
    /// their translation in `i18n`).
    pub fn card_in(self, words: &PinnedWords) -> Contact {
        Contact {
            role: words.role.into(),
            organisation: words.organisation.into(),
            phones: match self.number() {
                "" => Vec::new(),
                number => vec![Phone {
                    label: words.label.into(),
                    number: number.into(),
                }],
            },
            availability: words.availability.into(),
            topics: words.topics.split(", ").map(str::to_string).collect(),
            when_to_call: words.when_to_call.into(),
            notes: words.notes.into(),
            pinned: Some(self),
            ..Contact::named(0, words.name)
        }
    }

    /// The words on the card as signaal comes with it, in Dutch.
    pub fn dutch(self) -> PinnedWords {
        match self {
            Pinned::Emergency => PinnedWords {
                name: "112",
                role: "Alarmnummer",
                organisation: "Politie, brandweer, ambulance",
                label: "spoed",
                topics: "spoed, nood, levensgevaar",
                when_to_call: "Bel bij direct gevaar of levensgevaar.",
                availability: "24/7",
                notes: "",
            },
            Pinned::VeiligThuis => PinnedWords {
                name: "Veilig Thuis",
                role: "Advies- en meldpunt huiselijk geweld en kindermishandeling",
                organisation: "Veilig Thuis",
                label: "gratis",
                topics: "huiselijk geweld, kindermishandeling, Meldcode, advies, melden",
                when_to_call: "Bel voor advies bij elke stap van de Meldcode, en om te melden.",
                availability: "24/7",
                notes: "Gratis, dag en nacht bereikbaar. Advies vragen kan anoniem over het kind.",
            },
            Pinned::Vertrouwensinspecteur => PinnedWords {
                name: "Vertrouwensinspecteur",
                role: "Vertrouwensinspecteur onderwijs en kinderopvang",
                organisation: "Inspectie van het Onderwijs",
                label: "direct",
                topics: "vermoeden tegen een medewerker, seksueel misbruik, geweld",
                when_to_call: "Bel bij een vermoeden van geweld of misbruik door een medewerker (de werkgever belt).",
                availability: "werkdagen 8-17",
                notes: "",
            },
            Pinned::Aandachtsfunctionaris => PinnedWords {
                name: "Aandachtsfunctionaris",
                role: "Aandachtsfunctionaris huiselijk geweld en kindermishandeling",
                organisation: "Eigen organisatie (nog invullen)",
                label: "",
                topics: "Meldcode, huiselijk geweld, kindermishandeling",
                when_to_call: "Bel bij elke zorg over huiselijk geweld of kindermishandeling.",
                availability: "",
                notes: "Een beheerder wijst de aandachtsfunctionaris aan op het personeelsscherm, met telefoonnummer: die staan dan op deze kaart.",
            },
        }
    }
}

/// The words on a pinned card in one language: [`Pinned::dutch`] is what signaal stores and
/// exports, `i18n` has them in the user's language. `topics` are separated by ", ", in the
/// same order in every language; `label` is the label of the card's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PinnedWords {
    pub name: &'static str,
    pub role: &'static str,
    pub organisation: &'static str,
    pub label: &'static str,
    pub topics: &'static str,
    pub when_to_call: &'static str,
    pub availability: &'static str,
    pub notes: &'static str,
}

impl Contact {
    /// The national number this card must carry and does not: for a pinned card of a kind with
    /// a fixed number ([`Pinned::number`]) that has no phone with that number (its digits
    /// compared, so "0800 2000" is it), that number; `None` for every other card. Such a card
    /// sends someone in a hurry to no number or a wrong one: the store refuses to save it and
    /// `check` reports it.
    pub fn missing_fixed_number(&self) -> Option<&'static str> {
        let fixed = self.pinned?.number();
        let digits =
            |number: &str| -> String { number.chars().filter(char::is_ascii_digit).collect() };
        let has_it = self
            .phones
            .iter()
            .any(|p| digits(&p.number) == digits(fixed));
        (!fixed.is_empty() && !has_it).then_some(fixed)
    }

    /// A new card with only a name; everything else empty.
    pub fn named(id: Id, name: &str) -> Contact {
        Contact {
            id,
            name: name.trim().to_string(),
            role: String::new(),
            organisation: String::new(),
            phones: Vec::new(),
            email: String::new(),
            availability: String::new(),
            area: String::new(),
            groups: Vec::new(),
            topics: Vec::new(),
            when_to_call: String::new(),
            help: Help::Unknown,
            consent_first: false,
            verified: None,
            notes: String::new(),
            pinned: None,
            lead: None,
            uid: String::new(),
        }
    }

    /// The number to call first: the first phone.
    pub fn phone(&self) -> Option<&Phone> {
        self.phones.first()
    }

    /// What the lookup searches: name, role, organisation and topics.
    pub fn search_text(&self) -> String {
        format!(
            "{} {} {} {}",
            self.name,
            self.role,
            self.organisation,
            self.topics.join(" ")
        )
    }

    pub fn serves(&self, group: Id) -> bool {
        self.groups.contains(&group)
    }
}

/// Phones as people type and read them: "werk: 030-1234567; mobiel: 06-12345678" (a number
/// without a label stands alone).
pub fn phones_text(phones: &[Phone]) -> String {
    phones
        .iter()
        .map(|p| match p.label.as_str() {
            "" => p.number.clone(),
            label => format!("{label}: {}", p.number),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The phones typed as "label: number; number; ...", empty parts left out.
///
/// # Errors
/// [`Invalid::BadPhone`] when a part has no number: nothing after its label, or no digit in it.
pub fn parse_phones(text: &str) -> Result<Vec<Phone>, Invalid> {
    text.split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (label, number) = match part.rsplit_once(':') {
                Some((label, number)) => (label.trim(), number.trim()),
                None => ("", part),
            };
            // A number holds digits: "x" or "geen nummer" is no number to call.
            match number.bytes().any(|b| b.is_ascii_digit()) {
                false => Err(Invalid::BadPhone),
                true => Ok(Phone {
                    label: label.to_string(),
                    number: number.to_string(),
                }),
            }
        })
        .collect()
}

/// Topics typed with commas between them, blank ones left out.
pub fn parse_topics(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// The directory from the stored cards: the four pinned cards first (a stored, edited version in
/// place of the one signaal comes with), then the others in the order given.
pub fn directory(stored: Vec<Contact>) -> Vec<Contact> {
    let (pinned, others): (Vec<Contact>, Vec<Contact>) =
        stored.into_iter().partition(|c| c.pinned.is_some());
    let mut all: Vec<Contact> = Pinned::ALL
        .iter()
        .map(|p| {
            pinned
                .iter()
                .find(|c| c.pinned == Some(*p))
                .cloned()
                .unwrap_or_else(|| p.card())
        })
        .collect();
    all.extend(others);
    all
}

/// The line of `person`, an aandachtsfunctionaris, under the pinned card: their name and number,
/// with the role, topics and when-to-call of the card as signaal comes with it, so that typing
/// "aandachtsfunctionaris" (or "meldcode") finds it. Never stored (see [`Contact::lead`]).
pub fn lead_line(person: &Staff) -> Contact {
    let card = Pinned::Aandachtsfunctionaris.card();
    let phones = match person.phone.trim() {
        "" => Vec::new(),
        number => vec![Phone {
            label: String::new(),
            number: number.to_string(),
        }],
    };
    Contact {
        id: 0,
        name: person.name.clone(),
        role: card.role,
        topics: card.topics,
        when_to_call: card.when_to_call,
        phones,
        pinned: None,
        lead: Some(person.id),
        ..Contact::named(0, "")
    }
}

/// `directory` (see [`directory`]) with a line for every aandachtsfunctionaris among `staff`
/// ([`access::is_safeguarding_lead`], in the order given) right after the pinned
/// aandachtsfunctionaris card: what the lookup, the lock screen and `contacts find` show.
pub fn with_leads(directory: Vec<Contact>, staff: &[Staff]) -> Vec<Contact> {
    let leads = staff
        .iter()
        .filter(|s| access::is_safeguarding_lead(s))
        .map(lead_line);
    let at = directory
        .iter()
        .position(|c| c.pinned == Some(Pinned::Aandachtsfunctionaris))
        .map_or(directory.len(), |at| at + 1);
    let mut all = directory;
    all.splice(at..at, leads);
    all
}

/// The directory made ready for looking up at every keystroke: each card's search text folded
/// once.
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    pub contacts: Vec<Contact>,
    folded: Vec<String>,
    words: Vec<Vec<Vec<char>>>,
}

impl Lookup {
    pub fn new(contacts: Vec<Contact>) -> Lookup {
        let folded: Vec<String> = contacts
            .iter()
            .map(|c| crate::search::fold(&c.search_text()))
            .collect();
        let words = folded.iter().map(|f| crate::search::words_of(f)).collect();
        Lookup {
            contacts,
            folded,
            words,
        }
    }

    /// The cards matching `query` (name, role, organisation, topics; case, accents and the usual
    /// typos do not matter), best first; cards serving `group` come before the others.
    pub fn find(&self, query: &str, group: Option<Id>) -> Vec<usize> {
        self.find_among(query, group, 0..self.contacts.len())
    }

    /// [`Lookup::find`] for a query typed on from one whose matches are `previous`: every card
    /// matching the longer query matched the shorter one, except where the typo check starts
    /// forgiving more (see [`reuse`]); only those cards are searched, which is what makes each
    /// keystroke cheap in a long directory.
    pub fn find_extending(
        &self,
        query: &str,
        group: Option<Id>,
        previous: &[usize],
        reuse: Reuse,
    ) -> Vec<usize> {
        let mut among = previous.to_vec();
        if reuse == Reuse::MatchesAndTypos {
            let matcher = crate::search::Matcher::new(query);
            let mut seen = vec![false; self.contacts.len()];
            for &i in previous {
                seen[i] = true;
            }
            among.extend(
                (0..self.contacts.len()).filter(|&i| !seen[i] && matcher.typo_only(&self.words[i])),
            );
        }
        self.find_among(query, group, among)
    }

    fn find_among(
        &self,
        query: &str,
        group: Option<Id>,
        among: impl IntoIterator<Item = usize>,
    ) -> Vec<usize> {
        let matcher = crate::search::Matcher::new(query);
        let mut found: Vec<(bool, i64, usize)> = among
            .into_iter()
            .filter_map(|i| {
                let serves = group.is_some_and(|g| self.contacts[i].serves(g));
                let score = matcher.score_words(&self.folded[i], &self.words[i]);
                score.map(|score| (serves, score, i))
            })
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        found.into_iter().map(|(_, _, i)| i).collect()
    }
}

/// What a search for a longer query can take from the matches of a shorter one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reuse {
    /// Nothing: search everything.
    Nothing,
    /// Every card matching the longer query is among them.
    Matches,
    /// Likewise, but the typo check now forgives one edit more, so cards that only match with
    /// typos may join.
    MatchesAndTypos,
}

/// How `longer` relates to `shorter` for a search: letters added at the end let the search look
/// among the earlier matches (plus new typo matches once the last word reaches a length where
/// the typo check forgives more).
pub fn reuse(shorter: &str, longer: &str) -> Reuse {
    let (shorter, longer) = (shorter.trim_start(), longer.trim_start());
    if shorter.is_empty() || !longer.starts_with(shorter) {
        return Reuse::Nothing;
    }
    let last = longer
        .split_whitespace()
        .last()
        .map_or(0, |w| w.chars().count());
    match crate::search::TYPO_STEPS.contains(&last) {
        true => Reuse::MatchesAndTypos,
        false => Reuse::Matches,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    #[test]
    fn a_pinned_card_of_a_fixed_kind_must_carry_its_national_number() {
        let mut veilig_thuis = Pinned::VeiligThuis.card();
        assert_eq!(veilig_thuis.missing_fixed_number(), None);
        veilig_thuis.phones[0].number = "0800 2000".into();
        assert_eq!(veilig_thuis.missing_fixed_number(), None, "spaces aside");
        veilig_thuis.phones[0].number = "0900-6666666".into();
        assert_eq!(veilig_thuis.missing_fixed_number(), Some("0800-2000"));
        let mut emergency = Pinned::Emergency.card();
        emergency.phones.clear();
        assert_eq!(emergency.missing_fixed_number(), Some("112"));
        let lead = Pinned::Aandachtsfunctionaris.card();
        assert_eq!(
            lead.missing_fixed_number(),
            None,
            "its number is the organisation's"
        );
        assert_eq!(Contact::named(0, "Huisarts").missing_fixed_number(), None);
    }

    #[test]
    fn phones_are_written_and_read_as_label_and_number() {
        let phones = parse_phones(" werk: 030-1234567 ; 06-12345678;").unwrap();
        assert_eq!(phones.len(), 2);
        assert_eq!(
            (phones[0].label.as_str(), phones[0].number.as_str()),
            ("werk", "030-1234567")
        );
        assert_eq!(
            (phones[1].label.as_str(), phones[1].number.as_str()),
            ("", "06-12345678")
        );
        assert_eq!(phones_text(&phones), "werk: 030-1234567; 06-12345678");
        assert_eq!(parse_phones("werk:"), Err(Invalid::BadPhone));
        for no_number in ["x", "spoed: x", "geen nummer", "112; mobiel: n.v.t."] {
            assert_eq!(
                parse_phones(no_number),
                Err(Invalid::BadPhone),
                "{no_number}"
            );
        }
        assert_eq!(parse_phones("").unwrap(), Vec::new());
        assert_eq!(parse_topics(" spraak, ,slapen "), ["spraak", "slapen"]);
    }

    #[test]
    fn the_pinned_cards_have_the_numbers_every_installation_needs() {
        let number = |p: Pinned| p.card().phone().map(|p| p.number.clone());
        assert_eq!(number(Pinned::Emergency).as_deref(), Some("112"));
        assert_eq!(number(Pinned::VeiligThuis).as_deref(), Some("0800-2000"));
        assert_eq!(
            number(Pinned::Vertrouwensinspecteur).as_deref(),
            Some("0900-1113111")
        );
        assert_eq!(
            number(Pinned::Aandachtsfunctionaris),
            None,
            "to be filled in"
        );
        for pinned in Pinned::ALL {
            assert_eq!(pinned.card().pinned, Some(pinned));
        }
    }

    /// The names of `cards`, in order.
    fn names(cards: &[Contact]) -> Vec<&str> {
        cards.iter().map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn the_directory_puts_pinned_cards_first_and_edited_ones_in_their_place() {
        let mut mine = Pinned::Aandachtsfunctionaris.card();
        mine.id = 12;
        mine.name = "Fatima Öztürk".into();
        let other = Contact::named(5, "Logopedie Zuid");
        let all = directory(vec![other.clone(), mine.clone()]);
        assert_eq!(
            names(&all),
            [
                "112",
                "Veilig Thuis",
                "Vertrouwensinspecteur",
                "Fatima Öztürk",
                "Logopedie Zuid"
            ]
        );
    }

    #[test]
    fn every_aandachtsfunctionaris_gets_a_line_under_the_pinned_card() {
        let person = |id, name: &str, role, lead, phone: &str| Staff {
            id,
            name: name.into(),
            role,
            groups: Vec::new(),
            safeguarding_lead: lead,
            phone: phone.into(),
        };
        let staff = [
            person(1, "Fatima Öztürk", Role::Staff, true, "06-11112222"),
            person(2, "Bram Visser", Role::Staff, false, "06-33334444"),
            person(3, "Coach Flagged", Role::Coach, true, "06-55556666"),
            person(4, "Ineke de Wit", Role::CareCoordinator, true, ""),
        ];
        let all = with_leads(directory(vec![Contact::named(9, "Logopedie Zuid")]), &staff);
        assert_eq!(
            names(&all),
            [
                "112",
                "Veilig Thuis",
                "Vertrouwensinspecteur",
                "Aandachtsfunctionaris",
                "Fatima Öztürk",
                "Ineke de Wit",
                "Logopedie Zuid"
            ],
            "the leads, not the coach, right after their card"
        );
        assert_eq!(all[4].lead, Some(1));
        assert_eq!(
            all[4].phone().map(|p| p.number.as_str()),
            Some("06-11112222")
        );
        assert_eq!(all[5].phone(), None, "no number known");
        let lookup = Lookup::new(all);
        let found: Vec<&str> = lookup
            .find("aandachtsfunctionaris", None)
            .into_iter()
            .map(|i| lookup.contacts[i].name.as_str())
            .collect();
        for name in ["Aandachtsfunctionaris", "Fatima Öztürk", "Ineke de Wit"] {
            assert!(found.contains(&name), "{name} in {found:?}");
        }
        assert!(!found.contains(&"Bram Visser") && !found.contains(&"Coach Flagged"));
        let json = serde_json::to_value(lead_line(&staff[0])).unwrap();
        assert!(json.get("lead").is_none(), "never written anywhere");
    }

    #[test]
    fn lookup_ignores_accents_and_typos_and_puts_the_group_first() {
        let mut ozlem = Contact::named(5, "Özlem Yılmaz");
        ozlem.role = "Jeugdverpleegkundige".into();
        let mut jose = Contact::named(6, "José Martins");
        jose.role = "Logopedist".into();
        jose.groups = vec![3];
        let mut other = Contact::named(7, "Wijkteam Oost");
        other.role = "Jeugdverpleegkundige".into();
        other.groups = vec![3];
        let lookup = Lookup::new(directory(vec![ozlem, jose, other]));
        let names = |query: &str, group| -> Vec<String> {
            lookup
                .find(query, group)
                .into_iter()
                .map(|i| lookup.contacts[i].name.clone())
                .collect()
        };
        assert_eq!(names("ozlem", None)[0], "Özlem Yılmaz");
        assert_eq!(names("jose", None)[0], "José Martins");
        assert_eq!(names("veilig thuis", None)[0], "Veilig Thuis");
        let nurses = names("jeugdverpelegkundige", Some(3));
        assert_eq!(
            nurses,
            ["Wijkteam Oost", "Özlem Yılmaz"],
            "the group's own first"
        );
        assert_eq!(names("", None).len(), 7, "everything for an empty query");
    }

    #[test]
    fn narrowing_finds_what_a_full_search_finds() {
        let mut cards: Vec<Contact> = Vec::new();
        for (i, role) in [
            "Jeugdverpleegkundige",
            "Jeugdarts",
            "Logopedist",
            "Wijkteam",
        ]
        .iter()
        .enumerate()
        {
            let mut c = Contact::named(i as Id + 1, &format!("Contact {i}"));
            c.role = role.to_string();
            cards.push(c);
        }
        let lookup = Lookup::new(directory(cards));
        let typed = "jeugdverpelegkundige";
        let mut previous = String::new();
        let mut found = lookup.find("", None);
        for end in 1..=typed.len() {
            let query = &typed[..end];
            let narrowed = lookup.find_extending(query, None, &found, reuse(&previous, query));
            let narrowed = match reuse(&previous, query) {
                Reuse::Nothing => lookup.find(query, None),
                _ => narrowed,
            };
            assert_eq!(narrowed, lookup.find(query, None), "after {query:?}");
            previous = query.to_string();
            found = narrowed;
        }
        assert_eq!(reuse("jeu", "jeug"), Reuse::MatchesAndTypos);
        assert_eq!(reuse("jeugd", "jeugdv"), Reuse::Matches);
        assert_eq!(reuse("", "j"), Reuse::Nothing);
        assert_eq!(reuse("jeugd", "jeu"), Reuse::Nothing);
    }

    #[test]
    fn search_text_covers_name_role_organisation_and_topics() {
        let card = Pinned::VeiligThuis.card();
        let text = card.search_text();
        for word in ["Veilig Thuis", "Advies- en meldpunt", "Meldcode"] {
            assert!(text.contains(word), "{word}");
        }
    }

    #[test]
    fn serializes_with_the_contract_field_names() {
        let mut card = Contact::named(7, "  Özlem Yılmaz ");
        card.phones.push(Phone {
            label: "werk".into(),
            number: "030-1234567".into(),
        });
        let json = serde_json::to_value(&card).unwrap();
        for field in ["id", "name", "role", "organisation", "phones", "email"] {
            assert!(json.get(field).is_some(), "missing {field}");
        }
        assert_eq!(json["name"], "Özlem Yılmaz");
        assert_eq!(json["phones"][0]["number"], "030-1234567");
        assert!(json.get("pinned").is_none());
        let back: Contact = serde_json::from_value(json).unwrap();
        assert_eq!(back, card);
    }
}
