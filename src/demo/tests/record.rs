use super::*;
use crate::domain::{ConsentAnswer, ConsentTo};

#[test]
fn every_child_has_believable_guardians_and_a_mentor_of_its_group() {
    let data = generate(&args(7, 3, None), now());
    let mut two = 0;
    for child in &data.children {
        assert!((1..=2).contains(&child.guardians.len()), "{child:?}");
        two += usize::from(child.guardians.len() == 2);
        for g in &child.guardians {
            assert!(!g.name.trim().is_empty());
            let relations = ["moeder", "vader", "ouder", "pleegouder", "voogd"];
            assert!(relations.contains(&g.relation.as_str()), "{}", g.relation);
            assert!(!g.phones.is_empty());
            for phone in &g.phones {
                assert!(phone.number.starts_with("06-1234"), "{}", phone.number);
                assert_eq!(phone.number.len(), 11, "{}", phone.number);
            }
            assert!(g.email.is_empty() || g.email.ends_with("@mail.example"));
        }
        let mentor = child.mentor.expect("a mentor");
        let mentor = data.staff.iter().find(|s| s.id == mentor).unwrap();
        assert_eq!(mentor.role, Role::Staff);
        assert!(mentor.groups.contains(&child.group_id));
    }
    assert!(two * 2 > data.children.len(), "mostly two parents: {two}");
    let with_authority = data.children.iter().flat_map(|c| &c.guardians);
    let (yes, all) = with_authority.fold((0, 0), |(y, a), g| (y + usize::from(g.authority), a + 1));
    assert!(yes * 4 > all * 3, "gezag mostly yes: {yes} of {all}");
}

#[test]
fn consent_is_spread_per_purpose_and_given_by_a_guardian_with_gezag() {
    let today = now().date_naive();
    let data = generate(&args(3, 6, None), now());
    // Per purpose: (yes, no, not asked).
    let mut counts = [(0, 0, 0); 3];
    let (mut school_young, mut school_old) = (0, 0);
    for child in &data.children {
        for (i, to) in ConsentTo::ALL.into_iter().enumerate() {
            match child.consent.get(to) {
                None => counts[i].2 += 1,
                Some(given) => {
                    match given.answer {
                        ConsentAnswer::Yes => counts[i].0 += 1,
                        ConsentAnswer::No => counts[i].1 += 1,
                    }
                    let givers: Vec<&str> = child
                        .guardians
                        .iter()
                        .filter(|g| g.authority)
                        .map(|g| g.name.as_str())
                        .collect();
                    match givers.is_empty() {
                        true => assert!(given.given_by.is_empty()),
                        false => assert!(givers.contains(&given.given_by.as_str())),
                    }
                    let by = data.staff.iter().find(|s| s.name == given.by).unwrap();
                    assert_eq!(by.role, Role::Staff);
                    assert!(given.at.date_naive() < today);
                }
            }
        }
        if child.consent.get(ConsentTo::School).is_some() {
            let months = child.age_on(today).map_or(0, |a| a.years * 12 + a.months);
            match months >= 42 {
                true => school_old += 1,
                false => school_young += 1,
            }
        }
    }
    for (i, (yes, no, none)) in counts.iter().enumerate() {
        assert!(*yes > 0 && *no > 0 && *none > 0, "purpose {i}: {counts:?}");
        assert!(yes > no, "mostly yes when asked: {counts:?}");
    }
    assert!(
        school_old > school_young,
        "{school_old} older, {school_young} younger"
    );
}

/// Options with enough observed children near four (full groups, observations) for the
/// handovers to show both ways: a child near four that was never observed gets none.
fn near_four(seed: u64) -> Options {
    Options {
        children_per_group: Some(16),
        ..with_observations(seed, 3, 2)
    }
}

#[test]
fn the_demo_has_children_near_four_with_and_without_a_handover() {
    use crate::domain::handover::to_school_on;
    let today = now().date_naive();
    let data = generate(&near_four(7), now());
    let kind = |c: &Child| {
        data.groups
            .iter()
            .find(|g| g.id == c.group_id)
            .unwrap()
            .kind
    };
    let near_four: Vec<&Child> = data
        .children
        .iter()
        .filter(|c| to_school_on(kind(c), c.birth_date, today).is_some())
        .collect();
    let with = near_four
        .iter()
        .filter(|c| data.handovers.iter().any(|h| h.child_id == c.id))
        .count();
    assert!(
        with > 0 && with < near_four.len(),
        "{with} of {}",
        near_four.len()
    );
    assert_eq!(
        with,
        data.handovers.len(),
        "only children near four have one"
    );
    assert!(data.problems().is_empty(), "{:?}", data.problems());
}

/// A handover speaks of what the group saw: only observed children have one; no two read alike;
/// and `report --handover` can be shown both going to the school and refused for lack of
/// consent on a child that has a handover (whenever there are two handovers: every other
/// observed child near four has one, so that takes three).
#[test]
fn the_demo_handovers_differ_fit_observed_children_and_show_consent_both_ways() {
    use crate::domain::access::handover_to_school;
    let mut both_ways = 0;
    for seed in 1..=6 {
        let data = generate(&near_four(seed), now());
        let child = |id| data.children.iter().find(|c| c.id == id).unwrap();
        for h in &data.handovers {
            assert!(
                data.observations.iter().any(|o| o.child_id == h.child_id),
                "seed {seed}: child {} has a handover but no observation",
                h.child_id
            );
        }
        let consents: Vec<bool> = data
            .handovers
            .iter()
            .map(|h| handover_to_school(child(h.child_id)))
            .collect();
        assert!(
            consents.is_empty() || consents.contains(&false),
            "seed {seed}: a handover waits for the parents' consent: {consents:?}"
        );
        both_ways += usize::from(consents.contains(&true) && consents.contains(&false));
        for (i, a) in data.handovers.iter().enumerate() {
            for b in &data.handovers[i + 1..] {
                assert!(
                    a.development != b.development
                        && a.interests != b.interests
                        && a.what_helps != b.what_helps
                        && a.parents_view != b.parents_view,
                    "seed {seed}: children {} and {} read alike",
                    a.child_id,
                    b.child_id
                );
            }
        }
    }
    assert!(
        both_ways >= 2,
        "only {both_ways} seeds show consent both ways"
    );
}
