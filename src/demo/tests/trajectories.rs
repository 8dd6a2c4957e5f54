//! The demo's trajectories.

use super::*;
use crate::domain::{ConsentAnswer, ConsentTo};

#[test]
fn the_default_demo_has_trajectories_for_about_one_child_in_four() {
    let data = generate(&defaults(), now());
    let children = data.children.len();
    let count = data.trajectories.len();
    assert!(
        count * 4 >= children - 8 && count * 4 <= children + 4,
        "{count} of {children}"
    );
    assert_eq!(data.plan_templates, [plan("vroegsignalering")]);
    assert!(data
        .trajectories
        .iter()
        .all(|t| t.template == "vroegsignalering"));
    // One a child at most.
    let owners: HashSet<Id> = data.trajectories.iter().map(|t| t.child_id).collect();
    assert_eq!(owners.len(), count);
    // Spread over the groups.
    let groups: HashSet<Id> = data
        .trajectories
        .iter()
        .map(|t| {
            data.children
                .iter()
                .find(|c| c.id == t.child_id)
                .unwrap()
                .group_id
        })
        .collect();
    assert!(groups.len() >= 2, "{groups:?}");
}

#[test]
fn same_seed_gives_same_trajectories_and_another_seed_others() {
    let of = |seed| json(&generate(&args(seed, 3, None), now()).trajectories);
    assert_eq!(of(4), of(4));
    assert_ne!(of(4), of(5));
    // Asking for observations or not changes which trajectories, not whether there are any.
    let none = generate(&with_observations(1, 3, 0), now());
    assert!(!none.trajectories.is_empty());
}

#[test]
fn trajectories_have_no_problems_and_load_into_a_fresh_store() {
    for args in [
        defaults(),
        args(2, 6, None),
        with_observations(3, 1, 1),
        args(6, 1, Some(1)),
    ] {
        let data = generate(&args, now());
        assert_eq!(data.problems(), Vec::<String>::new());
        let (_dir, store) = loaded(&data);
        assert_eq!(store.trajectories().unwrap(), data.trajectories);
    }
}

#[test]
fn every_demo_with_a_few_children_has_a_late_and_a_closed_trajectory() {
    let today = now().date_naive();
    for seed in 0..40 {
        let data = generate(&args(seed, 3, None), now());
        let plan = plan("vroegsignalering");
        let late_end = data
            .trajectories
            .iter()
            .filter(|t| t.overdue(today).end)
            .count();
        let late_review = data
            .trajectories
            .iter()
            .filter(|t| t.overdue(today).review)
            .count();
        let closed: Vec<&Trajectory> = data.trajectories.iter().filter(|t| !t.is_open()).collect();
        assert!(late_end >= 1 && late_review >= 1, "seed {seed}");
        assert_eq!(closed.len(), 1, "seed {seed}");
        let closing = closed[0].closed.as_ref().unwrap();
        assert_eq!(closing.outcome, Outcome::ContinuesInGroup);
        assert!(closing.date < today && closing.date >= closed[0].started);
        assert!(matches!(
            closed[0].progress(&plan),
            Progress::AllDone { of: 8 }
        ));
        assert!(data
            .trajectories
            .iter()
            .filter(|t| t.is_open())
            .all(|t| matches!(t.progress(&plan), Progress::At { .. })));
    }
}

#[test]
fn trajectories_stand_at_various_stages_ticked_in_order() {
    let plan = plan("vroegsignalering");
    let mut at = HashSet::new();
    for seed in 0..10 {
        let data = generate(&args(seed, 6, None), now());
        for t in &data.trajectories {
            assert!(t.out_of_order(&plan).is_empty(), "{t:?}");
            if let Progress::At { number, .. } = t.progress(&plan) {
                at.insert(number);
            }
        }
    }
    assert_eq!(at.len(), 8, "every stage occurs: {at:?}");
    let data = generate(&defaults(), now());
    let numbers: HashSet<usize> = data
        .trajectories
        .iter()
        .filter_map(|t| match t.progress(&plan) {
            Progress::At { number, .. } => Some(number),
            Progress::AllDone { .. } => None,
        })
        .collect();
    assert!(
        numbers.len() >= 3,
        "the default demo shows several stages: {numbers:?}"
    );
}

#[test]
fn trajectories_are_dated_signed_and_worded_like_real_ones() {
    let today = now().date_naive();
    let plan = plan("vroegsignalering");
    let (mut notes, mut ticks, mut school_asked, mut coach_no) = (0, 0, 0, 0);
    for seed in 0..10 {
        let data = generate(&args(seed, 6, None), now());
        let person = |name: &str| data.staff.iter().find(|s| s.name == name).unwrap().role;
        let coach = data.staff.iter().find(|s| s.role == Role::Coach).unwrap();
        for t in &data.trajectories {
            let child = data.children.iter().find(|c| c.id == t.child_id).unwrap();
            let kind = data
                .groups
                .iter()
                .find(|g| g.id == child.group_id)
                .unwrap()
                .kind;
            let days = (today - t.started).num_days();
            assert!((14..=140).contains(&days), "{days}");
            assert!(t.started >= child.birth_date + Months::new(6));
            assert_eq!(person(&t.by), Role::Staff);
            let end = t.expected_end.unwrap();
            assert!(end >= t.started + Months::new(3) && end <= t.started + Months::new(6));
            let review = t.review.unwrap();
            assert!(
                (1..12).any(|m| t.started + Months::new(m) == review),
                "monthly"
            );
            // The texts fit the group.
            let texts = match kind {
                GroupKind::Bso => notes::BSO_PLANS,
                _ => notes::YOUNG_PLANS,
            };
            assert!(texts.iter().any(|(q, g, a)| (*q, *g, *a)
                == (t.question.as_str(), t.goals.as_str(), t.actions.as_str())));
            let mut last = None;
            for (stage, entry) in plan.stages.iter().zip(&t.stages) {
                if !entry.done {
                    assert!(entry.at.is_none() && entry.note.is_empty());
                    continue;
                }
                ticks += 1;
                notes += usize::from(!entry.note.is_empty());
                let at = entry.at.unwrap();
                assert!(at.date_naive() >= t.started && at.date_naive() < today);
                assert!(last <= Some(at), "ticked in order");
                last = Some(at);
                match stage.kind {
                    StageKind::Coach => assert_eq!(entry.by, coach.name),
                    _ => assert_eq!(person(&entry.by), Role::Staff),
                }
            }
            // Consent once the parents were spoken to, kept on the child (the trajectory
            // keeps none); the coach only with it.
            let consent = &child.consent;
            assert!(t.consent.is_empty());
            let parents_done = t.entry("ouders").unwrap().done;
            if parents_done {
                assert!(consent.answer(ConsentTo::Coach).is_some());
            }
            if t.entry("coach").unwrap().done {
                assert!(consent.allows(ConsentTo::Coach));
            }
            coach_no += usize::from(consent.answer(ConsentTo::Coach) == Some(ConsentAnswer::No));
            let school_age = kind == GroupKind::Bso
                || child
                    .age_on(today)
                    .is_some_and(|a| a.years * 12 + a.months >= 42);
            if !school_age {
                assert_eq!(consent.get(ConsentTo::School), None);
            }
            school_asked += usize::from(consent.get(ConsentTo::School).is_some());
            assert!(t.answers.is_empty());
            assert!(t.stages.iter().all(|e| e.without_consent.is_empty()));
        }
    }
    assert!(
        notes * 5 > ticks && notes * 5 < ticks * 4,
        "{notes} of {ticks}"
    );
    assert!(school_asked > 0 && coach_no > 0);
}
