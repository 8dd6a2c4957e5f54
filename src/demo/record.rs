//! The child's record in the demo: one or two parents or guardians (fictional names, numbers of
//! the shape 06-1234xxxx, addresses under the reserved `.example` domain), a mentor among the
//! group's pedagogisch medewerkers, and the parents' consent spread as in a real group: some yes,
//! some no, many not asked yet; school mostly for the older children.
//!
//! Drawn from a random stream of its own (the seed with [`STREAM`] mixed in), after everything
//! else: the rest of the demo stays as it was for every seed. The consent the demo's
//! trajectories recorded with the parents replaces the spread's for those purposes.

use chrono::{DateTime, Days, FixedOffset, NaiveDate};

use super::rng::{between, SplitMix64};
use super::{names, time_on, FIRST_MARK_MINUTES};
use crate::domain::child::Guardian;
use crate::domain::contact::Phone;
use crate::domain::{Child, ChildConsent, ConsentAnswer, ConsentTo, Given, GroupKind, Id, Role};
use crate::export::Export;

/// Mixed into the seed for this stream.
const STREAM: u64 = 0x6775_6172_6469_616e;

/// From this age (in months) the parents are asked about the handover to school.
const SCHOOL_AGE_MONTHS: u32 = 42;

/// The relations of the guardians of one child, with whether each has gezag; weighted by how
/// often they come in a group (most children: mother and father, both with gezag).
const FAMILIES: &[&[(&str, bool)]] = &[
    &[("moeder", true), ("vader", true)],
    &[("moeder", true), ("vader", true)],
    &[("moeder", true), ("vader", true)],
    &[("moeder", true), ("vader", true)],
    &[("moeder", true), ("vader", false)],
    &[("moeder", true)],
    &[("vader", true)],
    &[("ouder", true), ("ouder", true)],
    // A foster child: the foster parent has no gezag, the voogd (of a certified institution)
    // has it and gives consent.
    &[("pleegouder", false), ("voogd", true)],
];

/// Fills in every child's guardians, mentor and consent; the consent the demo's trajectories
/// recorded in their conversation with the parents moves onto the child (the trajectories keep
/// none), and every answer names a guardian with gezag as its giver.
pub(super) fn fill(seed: u64, export: &mut Export, now: DateTime<FixedOffset>) {
    let mut rng = SplitMix64::new(seed ^ STREAM);
    let today = now.date_naive();
    let kinds: Vec<(Id, GroupKind)> = export.groups.iter().map(|g| (g.id, g.kind)).collect();
    for child in &mut export.children {
        let kind = kinds
            .iter()
            .find(|(id, _)| *id == child.group_id)
            .map(|(_, kind)| *kind);
        let workers: Vec<(Id, &str)> = export
            .staff
            .iter()
            .filter(|s| s.role == Role::Staff && s.groups.contains(&child.group_id))
            .map(|s| (s.id, s.name.as_str()))
            .collect();
        child.guardians = guardians(&mut rng, child);
        child.mentor = (!workers.is_empty()).then(|| rng.pick(&workers).0);
        let school_age = kind == Some(GroupKind::Bso)
            || child
                .age_on(today)
                .is_some_and(|a| a.years * 12 + a.months >= SCHOOL_AGE_MONTHS);
        let names: Vec<&str> = workers.iter().map(|(_, name)| *name).collect();
        child.consent = spread(&mut rng, school_age, &names, today, now);
    }
    // What the trajectories recorded in the conversation with the parents is the latest word
    // for those purposes: it replaces the spread's.
    for t in &mut export.trajectories {
        let legacy = std::mem::take(&mut t.consent);
        let started = time_on(t.started, FIRST_MARK_MINUTES.0, now);
        if let Some(child) = export.children.iter_mut().find(|c| c.id == t.child_id) {
            let mut recorded = ChildConsent::default();
            if recorded.adopt_legacy(&legacy, started) {
                for to in ConsentTo::ALL {
                    if let Some(given) = recorded.slot(to).take() {
                        *child.consent.slot(to) = Some(given);
                    }
                }
            }
        }
    }
    for child in &mut export.children {
        name_the_giver(child);
    }
}

/// One or two guardians: mostly the child's own last name, a first name that fits the relation
/// (no two alike in a family), a mobile number each, sometimes a second number and an e-mail
/// address.
fn guardians(rng: &mut SplitMix64, child: &Child) -> Vec<Guardian> {
    let family = rng.pick(FAMILIES);
    let mut taken: Vec<&str> = Vec::new();
    family
        .iter()
        .map(|(relation, authority)| {
            let names = match *relation {
                "moeder" => names::PARENT_WOMEN,
                "vader" => names::PARENT_MEN,
                _ if rng.below(2) == 0 => names::PARENT_WOMEN,
                _ => names::PARENT_MEN,
            };
            let mut first = rng.pick(names);
            while taken.contains(&first) {
                first = rng.pick(names);
            }
            taken.push(first);
            let last = match rng.below(4) {
                0 => rng.pick(names::LAST),
                _ => child.last_name.as_str(),
            };
            let mut phones = vec![Phone {
                label: "mobiel".into(),
                number: format!("06-1234{:04}", rng.below(10_000)),
            }];
            if rng.below(3) == 0 {
                phones.push(Phone {
                    label: "werk".into(),
                    number: format!("06-1234{:04}", rng.below(10_000)),
                });
            }
            let email = match rng.below(3) {
                0 => String::new(),
                _ => format!("{}@mail.example", crate::search::fold(first)),
            };
            Guardian {
                name: format!("{first} {last}"),
                relation: relation.to_string(),
                authority: *authority,
                phones,
                email,
            }
        })
        .collect()
}

/// The consent of a child outside any trajectory: coach and care team asked for about half the
/// children (mostly yes), school only for children of school age.
fn spread(
    rng: &mut SplitMix64,
    school_age: bool,
    workers: &[&str],
    today: NaiveDate,
    now: DateTime<FixedOffset>,
) -> ChildConsent {
    let mut consent = ChildConsent::default();
    if workers.is_empty() {
        return consent;
    }
    for to in ConsentTo::ALL {
        let (asked, yes) = match to {
            ConsentTo::Coach => (50, 80),
            ConsentTo::CareTeam => (40, 75),
            ConsentTo::School if school_age => (70, 80),
            ConsentTo::School => (0, 0),
        };
        if rng.below(100) >= asked {
            continue;
        }
        let answer = match rng.below(100) < yes {
            true => ConsentAnswer::Yes,
            false => ConsentAnswer::No,
        };
        let day = today
            .checked_sub_days(Days::new(1 + rng.below(300)))
            .unwrap_or(today);
        *consent.slot(to) = Some(Given {
            answer,
            at: time_on(day, between(rng, FIRST_MARK_MINUTES), now),
            by: rng.pick(workers).to_string(),
            given_by: String::new(),
        });
    }
    consent
}

/// Who gave each answer: one of the guardians with gezag, in turn per purpose. With none with
/// gezag (foster parents only) no answer stands: only a guardian with gezag gives consent
/// (`consent::check_giver`). Chosen without the random stream, so that the trajectories'
/// answers do not shift what every later child draws.
fn name_the_giver(child: &mut Child) {
    let givers: Vec<String> = child
        .guardians
        .iter()
        .filter(|g| g.authority)
        .map(|g| g.name.clone())
        .collect();
    if givers.is_empty() {
        child.consent = ChildConsent::default();
        return;
    }
    for (i, to) in ConsentTo::ALL.into_iter().enumerate() {
        if let Some(given) = child.consent.slot(to) {
            given.given_by = givers[(child.id as usize + i) % givers.len()].clone();
        }
    }
}
