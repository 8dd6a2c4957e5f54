//! Handovers to school in the demo: of the KDV and peuteropvang children old enough to be
//! flagged as going to school ([`to_school_on`]), every other one (in the order of the
//! children) has its handover written, so that the demo shows children near four with and
//! without one. Fictional schools and texts; no random stream, so the rest of the demo stays as
//! it was for every seed.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use super::DEMO_AUTHOR;
use crate::domain::handover::{to_school_on, Handover};
use crate::export::Export;

/// Fictional primary schools, one picked by the child's id.
const SCHOOLS: [&str; 3] = [
    "Basisschool De Linde",
    "Basisschool Het Anker",
    "Montessorischool De Boomgaard",
];

/// Writes the handovers into `export` (its children and groups already there).
pub(super) fn fill(export: &mut Export, now: DateTime<FixedOffset>) {
    let today = now.date_naive();
    let flagged = export.children.iter().filter(|c| {
        let kind = export
            .groups
            .iter()
            .find(|g| g.id == c.group_id)
            .map(|g| g.kind);
        kind.is_some_and(|kind| to_school_on(kind, c.birth_date, today).is_some())
    });
    export.handovers = flagged.step_by(2).map(|c| handover(c.id, now)).collect();
}

fn handover(child_id: crate::domain::Id, now: DateTime<FixedOffset>) -> Handover {
    let development = [
        (
            "Sociaal-emotioneel",
            "Speelt graag samen met een of twee vaste vriendjes.",
        ),
        (
            "Taal en communicatie",
            "Vertelt in hele zinnen over thuis en het weekend.",
        ),
        ("Motoriek", "Klimt, rent en knipt langs een rechte lijn."),
    ];
    Handover {
        child_id,
        school: SCHOOLS[child_id as usize % SCHOOLS.len()].into(),
        development: development
            .iter()
            .map(|(domain, text)| (domain.to_string(), text.to_string()))
            .collect::<BTreeMap<_, _>>(),
        interests: "Bouwen met blokken, prentenboeken over dieren".into(),
        what_helps: "Vooraf horen wat er gaat gebeuren; een vaste plek in de kring".into(),
        parents_view: "Thuis is het een rustige speler die veel vraagt.".into(),
        warm_handover_on: None,
        spoken_with: String::new(),
        by: DEMO_AUTHOR.into(),
        at: now,
    }
}
