//! The demo's staff, groups and children.

use super::*;

#[test]
fn defaults_give_the_three_kinds_with_8_to_16_children() {
    for seed in 0..50 {
        let data = generate(&args(seed, 3, None), now());
        assert!(data.groups.len() >= 3);
        let kinds: Vec<_> = data.groups.iter().map(|g| g.kind).collect();
        assert_eq!(
            kinds,
            [GroupKind::Kdv, GroupKind::Peuteropvang, GroupKind::Bso]
        );
        let names: Vec<_> = data.groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["De Vlinders", "De Egeltjes", "De Uilen"]);
        for group in &data.groups {
            let count = data
                .children
                .iter()
                .filter(|c| c.group_id == group.id)
                .count();
            assert!(
                (8..=16).contains(&count),
                "seed {seed}: {} has {count}",
                group.name
            );
            assert!(group.location.starts_with("Locatie "));
            assert!(!group.archived);
        }
        assert_eq!(
            data.children.len(),
            data.children.iter().filter(|c| !c.archived).count()
        );
    }
}

#[test]
fn the_default_counts_vary_between_groups_and_seeds() {
    let mut seen = HashSet::new();
    for seed in 0..50 {
        let data = generate(&args(seed, 3, None), now());
        for group in &data.groups {
            seen.insert(
                data.children
                    .iter()
                    .filter(|c| c.group_id == group.id)
                    .count(),
            );
        }
    }
    assert!(seen.len() >= 5, "only these counts occurred: {seen:?}");
}

#[test]
fn every_child_is_of_an_age_that_fits_its_group() {
    let days = [
        "2025-06-15T09:30:00+02:00",
        "2024-02-29T23:59:00+01:00",
        "2025-03-31T00:00:00+02:00",
        "2023-12-31T12:00:00-05:00",
        "2028-01-01T08:00:00+00:00",
    ];
    for day in days {
        let now = DateTime::parse_from_rfc3339(day).unwrap();
        for seed in 0..10 {
            let data = generate(&args(seed, 9, None), now);
            let kinds: HashMap<_, _> = data.groups.iter().map(|g| (g.id, g.kind)).collect();
            for child in &data.children {
                let kind = kinds[&child.group_id];
                assert!(
                    age_fits(kind, child.birth_date, now.date_naive()),
                    "{} born {} does not fit {kind:?} on {day}",
                    child.full_name(),
                    child.birth_date
                );
            }
        }
    }
}

#[test]
fn birth_date_bounds_are_exact_on_every_day_of_four_years() {
    let mut today = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    while today < end {
        for kind in GroupKind::ALL {
            let (earliest, latest) = birth_date_bounds(kind, today);
            assert!(earliest < latest, "{kind:?} on {today}");
            assert!(
                age_fits(kind, earliest, today),
                "{kind:?} earliest on {today}"
            );
            assert!(age_fits(kind, latest, today), "{kind:?} latest on {today}");
            // The bounds are tight: one day further out no longer fits.
            assert!(
                !age_fits(kind, earliest.pred_opt().unwrap(), today),
                "{kind:?} {today}"
            );
            assert!(
                !age_fits(kind, latest.succ_opt().unwrap(), today),
                "{kind:?} {today}"
            );
        }
        today = today.succ_opt().unwrap();
    }
}

#[test]
fn more_groups_cycle_the_kinds_and_names() {
    let data = generate(&args(1, 7, Some(2)), now());
    let kinds: Vec<_> = data.groups.iter().map(|g| g.kind).collect();
    use GroupKind::*;
    assert_eq!(kinds, [Kdv, Peuteropvang, Bso, Kdv, Peuteropvang, Bso, Kdv]);
    assert_eq!(data.groups[3].name, "De Kikkers");
    assert_eq!(data.groups[6].name, "De Vossen");
    assert_eq!(group_name(names::GROUPS.len()), "De Vlinders 2");
    assert_eq!(group_name(2 * names::GROUPS.len() + 2), "De Uilen 3");
    let locations: HashSet<_> = data.groups.iter().map(|g| g.location.as_str()).collect();
    assert!((2..=3).contains(&locations.len()), "{locations:?}");
}

#[test]
fn one_group_is_a_kdv() {
    let data = generate(&args(1, 1, None), now());
    assert_eq!(data.groups.len(), 1);
    assert_eq!(data.groups[0].kind, GroupKind::Kdv);
    assert_eq!(data.groups[0].name, "De Vlinders");
    assert!((8..=16).contains(&data.children.len()));
    assert!(data
        .children
        .iter()
        .all(|c| c.group_id == data.groups[0].id));

    let exact = generate(&args(1, 1, Some(5)), now());
    assert_eq!(exact.children.len(), 5);
    let none = generate(&args(1, 1, Some(0)), now());
    assert!(none.children.is_empty());
    assert!(none.problems().is_empty());
}

#[test]
fn every_group_has_its_own_worker_and_the_coach_sees_every_group() {
    for seed in 0..50 {
        let data = generate(&args(seed, 4, Some(2)), now());
        for group in &data.groups {
            let own = data
                .staff
                .iter()
                .filter(|s| s.role == Role::Staff && s.groups.as_slice() == [group.id].as_slice());
            assert!(
                own.count() >= 1,
                "seed {seed}: nobody works on {}",
                group.name
            );
        }
        let coach = data.staff.iter().find(|s| s.role == Role::Coach).unwrap();
        assert_eq!(coach.groups.len(), data.groups.len());
    }
}

#[test]
fn staff_has_workers_a_coach_and_a_care_coordinator_with_unique_names() {
    for seed in 0..200 {
        let data = generate(&args(seed, 3, None), now());
        let count = |role| data.staff.iter().filter(|s| s.role == role).count();
        assert!((5..=6).contains(&count(Role::Staff)), "seed {seed}");
        assert_eq!(count(Role::Coach), 1);
        assert_eq!(count(Role::CareCoordinator), 1);
        assert_eq!(count(Role::Admin), 1);
        let names: HashSet<_> = data.staff.iter().map(|s| s.name.to_lowercase()).collect();
        assert_eq!(
            names.len(),
            data.staff.len(),
            "seed {seed}: {:?}",
            data.staff
        );
        assert!(data.staff.iter().all(|s| s.name.split(' ').count() >= 2));
    }
}

#[test]
fn the_care_coordinator_is_the_aandachtsfunctionaris_with_a_number() {
    let data = generate(&args(1, 3, None), now());
    let leads: Vec<_> = data.staff.iter().filter(|s| s.safeguarding_lead).collect();
    assert_eq!(leads.len(), 1, "{:?}", data.staff);
    assert_eq!(leads[0].role, Role::CareCoordinator);
    assert_eq!(leads[0].phone, super::super::people::LEAD_PHONE);
    let others = data.staff.iter().filter(|s| !s.safeguarding_lead);
    assert!(others.into_iter().all(|s| s.phone.is_empty()));
}

#[test]
fn name_lists_have_no_duplicates_and_use_unicode() {
    for list in [
        names::CHILD_FIRST,
        names::LAST,
        names::ADULT_FIRST,
        names::GROUPS,
    ] {
        let unique: HashSet<_> = list.iter().collect();
        assert_eq!(unique.len(), list.len());
    }
    let data = generate(&args(1, 60, Some(15)), now());
    assert!(data.children.iter().any(|c| !c.full_name().is_ascii()));
}

#[test]
fn children_in_a_group_have_distinct_names() {
    let data = generate(&args(3, 50, Some(16)), now());
    for group in &data.groups {
        let names: HashSet<_> = data
            .children
            .iter()
            .filter(|c| c.group_id == group.id)
            .map(Child::full_name)
            .collect();
        assert_eq!(names.len(), 16, "{}", group.name);
    }
}
