//! The people in the demo: staff, groups and children, with fictional names from `names`.

use std::collections::HashSet;

use chrono::{Days, Months, NaiveDate};

use super::names;
use super::rng::{between, SplitMix64};
use super::Options;
use crate::domain::{Child, Group, GroupKind, Id, Role, Staff};
use crate::export::Export;

/// Children per group when `Options::children_per_group` is `None`: a number in this range
/// (inclusive).
const DEFAULT_CHILDREN: (u64, u64) = (8, 16);

/// The youngest child a KDV takes in, in months.
pub(super) const KDV_MIN_MONTHS: u32 = 3;

/// `count` groups: the first three a KDV, a peuteropvang and a BSO group, further ones cycling
/// those kinds, named from the list (see [`group_name`]), two per location.
pub(super) fn groups(count: usize, take_id: &mut impl FnMut() -> Id) -> Vec<Group> {
    (0..count)
        .map(|index| Group {
            id: take_id(),
            name: group_name(index),
            kind: GroupKind::ALL[index % GroupKind::ALL.len()],
            // Two groups per location, so a location has several groups as in the domain.
            location: names::LOCATIONS[(index / 2) % names::LOCATIONS.len()].to_string(),
            archived: false,
            forms: Vec::new(),
        })
        .collect()
}

/// The children of each group, born so that their age on `today` fits the group's kind (see
/// [`birth_date_bounds`]), with names from the lists and no two alike in one group (but rarely).
pub(super) fn children(
    options: &Options,
    rng: &mut SplitMix64,
    take_id: &mut impl FnMut() -> Id,
    groups: &[Group],
    today: NaiveDate,
) -> Vec<Child> {
    let total = options.children.unwrap_or_else(|| {
        options
            .children_per_group
            .map_or(options.groups * DEFAULT_CHILDREN.1 as usize, |n| {
                options.groups * n
            })
    });
    let mut children = Vec::with_capacity(total);
    for (index, group) in groups.iter().enumerate() {
        let count = match (options.children, options.children_per_group) {
            (Some(total), _) => share(total, groups.len(), index),
            (None, Some(n)) => n,
            (None, None) => between(rng, DEFAULT_CHILDREN) as usize,
        };
        let (earliest, latest) = birth_date_bounds(group.kind, today);
        let span = (latest - earliest).num_days().max(0) as u64;
        // Two children with the same full name in one group would confuse staff; a few retries make
        // that rare without ever looping long (the lists give 60 x 40 combinations).
        let mut taken = HashSet::with_capacity(count);
        for _ in 0..count {
            let (mut first, mut last) = (rng.pick(names::CHILD_FIRST), rng.pick(names::LAST));
            for _ in 0..8 {
                if taken.insert((first, last)) {
                    break;
                }
                (first, last) = (rng.pick(names::CHILD_FIRST), rng.pick(names::LAST));
            }
            let birth_date = earliest
                .checked_add_days(Days::new(rng.below(span + 1)))
                .unwrap_or(latest);
            let id = take_id();
            children.push(Child {
                started: Some(started_in(group.kind, birth_date, id, today)),
                ..Child::new(
                    id,
                    group.id,
                    first.to_string(),
                    last.to_string(),
                    birth_date,
                )
            });
        }
    }
    children
}

/// The `index`-th of `parts` shares of `total` spread as evenly as can be: the first
/// `total % parts` shares get one more. 0 when `parts` is 0.
pub(super) fn share(total: usize, parts: usize, index: usize) -> usize {
    match parts {
        0 => 0,
        _ => total / parts + usize::from(index < total % parts),
    }
}

/// When a child born on `born` began in a group of `kind`: at the youngest age the group takes,
/// up to half a year later, never after `today`. Drawn from the child's own `id`, so the
/// demo's other draws (and so its names and dates) stay as they were.
fn started_in(kind: GroupKind, born: NaiveDate, id: Id, today: NaiveDate) -> NaiveDate {
    let youngest = match kind {
        GroupKind::Kdv => KDV_MIN_MONTHS,
        _ => kind.age_range().0 * 12,
    };
    let later = SplitMix64::new(id).below(183);
    born.checked_add_months(Months::new(youngest))
        .and_then(|d| d.checked_add_days(Days::new(later)))
        .unwrap_or(today)
        .min(today)
        .max(born)
}

/// The demo aandachtsfunctionaris' number: fictional.
pub(super) const LEAD_PHONE: &str = "06-12345678";

/// 5 or 6 pedagogisch medewerkers, then one coach, one care coordinator (the
/// aandachtsfunctionaris) and one admin. Distinct
/// first names paired one to one with distinct last names make every full name distinct, which
/// `Export::problems` requires.
pub(super) fn staff(rng: &mut SplitMix64, take_id: &mut impl FnMut() -> Id) -> Vec<Staff> {
    let mut firsts = names::ADULT_FIRST.to_vec();
    let mut lasts = names::LAST.to_vec();
    rng.shuffle(&mut firsts);
    rng.shuffle(&mut lasts);
    let workers = 5 + rng.below(2) as usize;
    let roles = std::iter::repeat_n(Role::Staff, workers).chain([
        Role::Coach,
        Role::CareCoordinator,
        Role::Admin,
    ]);
    roles
        .zip(firsts.iter().zip(&lasts))
        .map(|(role, (first, last))| {
            // The care coordinator is also the aandachtsfunctionaris, with a number on the
            // pinned card (fictional, as every name here).
            let lead = role == Role::CareCoordinator;
            Staff {
                id: take_id(),
                name: format!("{first} {last}"),
                role,
                groups: Vec::new(),
                safeguarding_lead: lead,
                phone: if lead {
                    LEAD_PHONE.into()
                } else {
                    String::new()
                },
            }
        })
        .collect()
}

/// Who works where: the first pedagogisch medewerker fills in on every group (so one name opens
/// them all), the others each work on one group in turn; the coach and the care coordinator are
/// linked to every group. The admin sees every group without links.
pub(super) fn link_to_groups(staff: &mut [Staff], groups: &[Id]) {
    if groups.is_empty() {
        return;
    }
    let mut worker = 0;
    for person in staff {
        person.groups = match person.role {
            Role::Staff if worker == 0 => groups.to_vec(),
            Role::Staff => vec![groups[(worker - 1) % groups.len()]],
            Role::Coach | Role::CareCoordinator => groups.to_vec(),
            Role::Admin => Vec::new(),
        };
        if person.role == Role::Staff {
            worker += 1;
        }
    }
}

/// The names of the pedagogisch medewerkers (not the coach or the care coordinator), in the order
/// of the staff list: they make the observations and start and sign the trajectories.
pub(super) fn childcare_staff(data: &Export) -> Vec<&str> {
    data.staff
        .iter()
        .filter(|s| s.role == Role::Staff)
        .map(|s| s.name.as_str())
        .collect()
}

/// The group's name: an animal from the list, with a number once the list has been used up
/// ("De Vlinders 2"), so that names stay unique however many groups are asked for.
pub(super) fn group_name(index: usize) -> String {
    let list = names::GROUPS;
    match index / list.len() {
        0 => list[index].to_string(),
        round => format!("{} {}", list[index % list.len()], round + 1),
    }
}

/// The earliest and latest birth date (both inclusive) of a child whose age on `today` lies in the
/// kind's age range: at least the minimum age (for a KDV at least three months) and younger than the
/// exclusive maximum. Subtracting whole months with chrono clamps to the end of a shorter month,
/// which keeps the bounds right on 31sts and leap days (see the exhaustive test below).
pub(super) fn birth_date_bounds(kind: GroupKind, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let (min_years, max_years) = kind.age_range();
    let mut min_months = min_years * 12;
    if kind == GroupKind::Kdv {
        min_months = min_months.max(KDV_MIN_MONTHS);
    }
    let latest = today
        .checked_sub_months(Months::new(min_months))
        .unwrap_or(today);
    let earliest = today
        .checked_sub_months(Months::new(max_years * 12))
        .and_then(|d| d.succ_opt())
        .unwrap_or(latest);
    (earliest.min(latest), latest)
}
