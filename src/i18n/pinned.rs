//! The pinned cards in the user's language. signaal stores and exports them in Dutch
//! (`Pinned::dutch`); they are shown and printed in the user's language: every field of a pinned
//! card (or of an aandachtsfunctionaris' line) that still holds the words signaal comes with is
//! given in the user's language, and whatever the organisation typed in stays as typed.

use super::Lang;
use crate::domain::contact::{Pinned, PinnedWords};
use crate::domain::Contact;

impl Lang {
    /// The words on `pinned` as signaal comes with it, in this language. The Dutch terms
    /// people in the Netherlands look for ("Meldcode", "aandachtsfunctionaris") stay in the
    /// English ones, so the same words find the cards in either language.
    pub fn pinned_words(self, pinned: Pinned) -> PinnedWords {
        match self {
            Lang::Nl => pinned.dutch(),
            Lang::En => english(pinned),
        }
    }

    /// `contact` as it is shown and printed in this language: on a pinned card and on an
    /// aandachtsfunctionaris' line (`Contact::lead`), each text field, topic and phone label that
    /// still holds signaal's Dutch words holds them in this language; anything else, and every
    /// other card, as stored.
    pub fn contact(self, contact: &Contact) -> Contact {
        let lead = contact.lead.map(|_| Pinned::Aandachtsfunctionaris);
        let Some(pinned) = contact.pinned.or(lead) else {
            return contact.clone();
        };
        let (nl, here) = (pinned.dutch(), self.pinned_words(pinned));
        let text = |field: &str, nl: &str, here: &str| match field == nl {
            true => here.to_string(),
            false => field.to_string(),
        };
        let (nl_topics, topics): (Vec<&str>, Vec<&str>) = (
            nl.topics.split(", ").collect(),
            here.topics.split(", ").collect(),
        );
        let mut shown = contact.clone();
        shown.name = text(&contact.name, nl.name, here.name);
        shown.role = text(&contact.role, nl.role, here.role);
        shown.organisation = text(&contact.organisation, nl.organisation, here.organisation);
        shown.availability = text(&contact.availability, nl.availability, here.availability);
        shown.when_to_call = text(&contact.when_to_call, nl.when_to_call, here.when_to_call);
        shown.notes = text(&contact.notes, nl.notes, here.notes);
        for topic in &mut shown.topics {
            if let Some(at) = nl_topics.iter().position(|t| t == topic) {
                *topic = topics.get(at).unwrap_or(&topic.as_str()).to_string();
            }
        }
        for phone in &mut shown.phones {
            if !phone.label.is_empty() {
                phone.label = text(&phone.label, nl.label, here.label);
            }
        }
        shown
    }
}

/// The pinned cards' words in English.
fn english(pinned: Pinned) -> PinnedWords {
    match pinned {
        Pinned::Emergency => PinnedWords {
            name: "112",
            role: "Emergency number",
            organisation: "Police, fire brigade, ambulance",
            label: "emergency",
            topics: "emergency, urgent, danger to life",
            when_to_call: "Call when there is immediate danger or danger to life.",
            availability: "24/7",
            notes: "",
        },
        Pinned::VeiligThuis => PinnedWords {
            name: "Veilig Thuis",
            role: "Advice and reporting centre for domestic violence and child abuse",
            organisation: "Veilig Thuis",
            label: "free",
            topics: "domestic violence, child abuse, Meldcode, advice, report",
            when_to_call: "Call for advice at every step of the Meldcode, and to report.",
            availability: "24/7",
            notes: "Free, day and night. You can ask for advice without naming the child.",
        },
        Pinned::Vertrouwensinspecteur => PinnedWords {
            name: "Confidential inspector (vertrouwensinspecteur)",
            role: "Confidential inspector for education and childcare",
            organisation: "Dutch Inspectorate of Education (Inspectie van het Onderwijs)",
            label: "direct",
            topics: "suspicion against a staff member, sexual abuse, violence",
            when_to_call: "Call on a suspicion of violence or abuse by a staff member (the employer calls).",
            availability: "working days 8-17",
            notes: "",
        },
        Pinned::Aandachtsfunctionaris => PinnedWords {
            name: "Safeguarding lead (aandachtsfunctionaris)",
            role: "Safeguarding lead for domestic violence and child abuse (aandachtsfunctionaris)",
            organisation: "Own organisation (to be filled in)",
            label: "",
            topics: "Meldcode, domestic violence, child abuse",
            when_to_call: "Call with any concern about domestic violence or child abuse.",
            availability: "",
            notes: "An admin appoints the safeguarding lead on the staff screen, with a phone number: they then show on this card.",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact::{lead_line, Phone};
    use crate::domain::{Role, Staff};

    #[test]
    fn every_pinned_card_has_its_words_in_each_language_with_the_same_topics() {
        for pinned in Pinned::ALL {
            for lang in [Lang::Nl, Lang::En] {
                let words = lang.pinned_words(pinned);
                assert!(
                    !words.name.is_empty() && !words.role.is_empty(),
                    "{pinned:?}"
                );
                let count = |w: &PinnedWords| w.topics.split(", ").count();
                assert_eq!(count(&words), count(&pinned.dutch()), "{pinned:?} {lang:?}");
                assert_eq!(words.label.is_empty(), pinned.number().is_empty());
            }
            assert_eq!(Lang::Nl.contact(&pinned.card()), pinned.card());
        }
    }

    #[test]
    fn a_pinned_card_shows_in_english_but_what_the_organisation_typed_stays() {
        let shown = Lang::En.contact(&Pinned::VeiligThuis.card());
        assert_eq!(shown.role, english(Pinned::VeiligThuis).role);
        assert_eq!(shown.phones[0].label, "free");
        assert_eq!(shown.phones[0].number, "0800-2000");
        assert!(shown.topics.contains(&"domestic violence".to_string()));

        let mut filled = Pinned::Aandachtsfunctionaris.card();
        filled.id = 40;
        filled.organisation = "Kinderopvang De Lindeboom".into();
        filled.phones = vec![Phone {
            label: "mobiel".into(),
            number: "06-12345678".into(),
        }];
        filled.topics.push("pesten".into());
        let shown = Lang::En.contact(&filled);
        assert_eq!(shown.name, "Safeguarding lead (aandachtsfunctionaris)");
        assert_eq!(shown.organisation, "Kinderopvang De Lindeboom", "typed in");
        assert_eq!(shown.phones[0].label, "mobiel", "typed in");
        assert_eq!(
            shown.topics,
            ["Meldcode", "domestic violence", "child abuse", "pesten"]
        );
        assert_eq!((shown.id, shown.pinned), (40, filled.pinned));

        let lead = lead_line(&Staff {
            id: 7,
            name: "Dewi Peters".into(),
            role: Role::CareCoordinator,
            groups: Vec::new(),
            safeguarding_lead: true,
            phone: "06-12345678".into(),
        });
        let shown = Lang::En.contact(&lead);
        assert_eq!(shown.name, "Dewi Peters");
        assert!(
            shown.role.starts_with("Safeguarding lead"),
            "{}",
            shown.role
        );

        let mut other = crate::domain::Contact::named(3, "Huisarts");
        other.role = Pinned::Emergency.dutch().role.into();
        assert_eq!(Lang::En.contact(&other), other, "not a pinned card");
    }
}
