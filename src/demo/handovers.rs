//! Handovers to school in the demo: of the KDV and peuteropvang children old enough to be
//! flagged as going to school ([`to_school_on`]) and observed at least once (a handover speaks
//! of the child's development, which the group knows from its observations), every other one
//! (in the order of the children) has its handover written, so that the demo shows children
//! near four with and without one. When the parents of every child with a handover consented
//! to passing it to the school, the last one written is yet to be discussed with its parents:
//! its school consent is not asked yet, so that `report --handover` shows the refusal on a
//! child that has a handover. Fictional schools and texts, varied per child; no random
//! stream, so the rest of the demo stays as it was for every seed.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use super::DEMO_AUTHOR;
use crate::domain::access::handover_to_school;
use crate::domain::handover::{to_school_on, Handover};
use crate::domain::{Child, Id};
use crate::export::Export;

/// Fictional primary schools, one picked by the child's id.
const SCHOOLS: [&str; 3] = [
    "Basisschool De Linde",
    "Basisschool Het Anker",
    "Montessorischool De Boomgaard",
];

/// What one handover says: development per domain (keyed by the form's Dutch section titles),
/// interests, what helps, the parents' view.
struct Texts {
    development: [(&'static str, &'static str); 3],
    interests: &'static str,
    what_helps: &'static str,
    parents_view: &'static str,
}

/// One set of texts per handover in turn, so that no two children read alike.
const TEXTS: [Texts; 3] = [
    Texts {
        development: [
            (
                "Sociaal-emotioneel",
                "Speelt graag samen met een of twee vaste vriendjes.",
            ),
            (
                "Taal en communicatie",
                "Vertelt in hele zinnen over thuis en het weekend.",
            ),
            ("Motoriek", "Klimt, rent en knipt langs een rechte lijn."),
        ],
        interests: "Bouwen met blokken, prentenboeken over dieren",
        what_helps: "Vooraf horen wat er gaat gebeuren; een vaste plek in de kring",
        parents_view: "Thuis is het een rustige speler die veel vraagt.",
    },
    Texts {
        development: [
            (
                "Spel",
                "Bedenkt lange rollenspellen in de huishoek en deelt de rollen uit.",
            ),
            (
                "Zelfredzaamheid",
                "Trekt zelf jas en schoenen aan; vraagt hulp bij de rits.",
            ),
            (
                "Sociaal-emotioneel",
                "Neemt afscheid bij de deur en zoekt daarna zelf een spel.",
            ),
        ],
        interests: "Verkleden, zingen, buiten in de zandbak",
        what_helps: "Even kijken voordat het meedoet; een taak bij het opruimen",
        parents_view: "Thuis praat het honderduit, bij nieuwe mensen is het eerst stil.",
    },
    Texts {
        development: [
            (
                "Taal en communicatie",
                "Luistert geboeid naar verhalen en vertelt ze na met de plaatjes.",
            ),
            (
                "Motoriek",
                "Fietst op de loopfiets, tekent poppetjes met armen en benen.",
            ),
            (
                "Gedrag in de groep",
                "Wacht op de beurt bij een spel als de pedagogisch medewerker het aangeeft.",
            ),
        ],
        interests: "Puzzels, treinen, tekenen met krijt",
        what_helps: "Korte opdrachten, één tegelijk; een rustige plek bij drukte",
        parents_view: "Thuis is het een doorzetter die graag helpt in de keuken.",
    },
];

/// Writes the handovers into `export` (its children, groups, observations and consent already
/// there).
pub(super) fn fill(export: &mut Export, now: DateTime<FixedOffset>) {
    let today = now.date_naive();
    let observed = |id: Id| export.observations.iter().any(|o| o.child_id == id);
    let flagged: Vec<Id> = export
        .children
        .iter()
        .filter(|c| {
            let kind = export
                .groups
                .iter()
                .find(|g| g.id == c.group_id)
                .map(|g| g.kind);
            kind.is_some_and(|kind| to_school_on(kind, c.birth_date, today).is_some())
        })
        .map(|c| c.id)
        .filter(|id| observed(*id))
        .collect();
    export.handovers = flagged
        .iter()
        .step_by(2)
        .enumerate()
        .map(|(turn, id)| handover(*id, &TEXTS[turn % TEXTS.len()], now))
        .collect();
    let with: Vec<&Child> = export
        .children
        .iter()
        .filter(|c| export.handovers.iter().any(|h| h.child_id == c.id))
        .collect();
    if with.iter().all(|c| handover_to_school(c)) {
        let last = export.handovers.last().map(|h| h.child_id);
        if let Some(child) = export.children.iter_mut().find(|c| Some(c.id) == last) {
            child.consent.school = None;
        }
    }
}

fn handover(child_id: Id, texts: &Texts, now: DateTime<FixedOffset>) -> Handover {
    Handover {
        child_id,
        school: SCHOOLS[child_id as usize % SCHOOLS.len()].into(),
        development: texts
            .development
            .iter()
            .map(|(domain, text)| (domain.to_string(), text.to_string()))
            .collect::<BTreeMap<_, _>>(),
        interests: texts.interests.into(),
        what_helps: texts.what_helps.into(),
        parents_view: texts.parents_view.into(),
        warm_handover_on: None,
        spoken_with: String::new(),
        by: DEMO_AUTHOR.into(),
        at: now,
    }
}
