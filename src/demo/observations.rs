//! Demo observations: each child observed some weeks apart, one observation following on from
//! the one before, so that comparing them shows something.

use chrono::{DateTime, Days, FixedOffset, Months, NaiveDate};

use super::notes;
use super::people::childcare_staff;
use super::people::{share, KDV_MIN_MONTHS};
use super::rng::{between, SplitMix64};
use super::{time_on, Options, FIRST_MARK_MINUTES};
use crate::domain::form::{FormTemplate, Item, Mark};
use crate::domain::{Catalogue, Child, Id, Observation};
use crate::export::Export;

/// The earliest an observation lies before today: the latest one of a child is 1 to 3 weeks old.
const LATEST_OBSERVED_DAYS: (u64, u64) = (7, 21);
/// Days between two observations of a child: 6 to 10 weeks.
const OBSERVATION_GAP_DAYS: (u64, u64) = (42, 70);
/// The date of the only observation of a child that has not been observed for long: 9 to 16 weeks
/// ago, past the 8 weeks after which a child with an open trajectory is due for one
/// (`domain::rhythm`).
const OLD_OBSERVATION_DAYS: (u64, u64) = (63, 112);
/// One child in this many is rarely observed: half of them never, half once, long ago.
const RARELY_OBSERVED: u64 = 8;
/// Items marked on one observation (inclusive).
const MARKS: (usize, usize) = (3, 10);

/// Observations for every child that is not archived, with the template that fits its group (the
/// first of `Catalogue::for_group`), and the templates used (each once, in order of first use).
///
/// Each child gets `options.observations_per_child` observations, the latest 1-3 weeks ago and each
/// earlier one 6-10 weeks before the next, never before the child was three months old; about one
/// child in eight gets none at all or only one old one, so that the demo shows children who have
/// not been observed for long. Each observation is made by one childcare staff member, who signs
/// every mark at a time on that day, and marks 3 to 10 items for the child's age that day (no
/// Meldcode items: the demo is shown to anyone), mostly "sometimes", some "often", a few with a short note. A child's next
/// observation starts from the one before: most marks stay, some go from sometimes to often (or
/// back), some disappear and a few new items appear, so the comparison has something to show.
/// With `options.observations` the count is exact instead: see [`spread_dates`].
/// Ids are taken oldest first, so a child's observations are in id order as the store keeps them.
pub(super) fn observations(
    options: &Options,
    rng: &mut SplitMix64,
    take_id: &mut impl FnMut() -> Id,
    data: &Export,
    today: NaiveDate,
    now: DateTime<FixedOffset>,
) -> (Vec<FormTemplate>, Vec<Observation>) {
    let mut used: Vec<FormTemplate> = Vec::new();
    let mut observations = Vec::new();
    let observers = childcare_staff(data);
    let active = data.children.iter().filter(|c| !c.archived).count();
    if options
        .observations
        .unwrap_or(options.observations_per_child)
        == 0
        || observers.is_empty()
    {
        return (used, observations);
    }
    // The place of a child among those observed, for its share of `options.observations`.
    let mut place = 0;
    let catalogue = Catalogue::forms(Vec::new());
    for group in &data.groups {
        let Some(template) = catalogue.for_group(group).first().copied() else {
            continue;
        };
        // Meldcode items stay out of fictional data that is shown to anyone.
        let items: Vec<&Item> = template
            .items()
            .filter(|(_, item)| !item.meldcode)
            .map(|(_, item)| item)
            .collect();
        let children = data
            .children
            .iter()
            .filter(|c| c.group_id == group.id && !c.archived);
        for child in children {
            let dates = match options.observations {
                Some(total) => spread_dates(share(total, active, place), child, today),
                None => observation_dates(rng, options.observations_per_child, child, today),
            };
            place += 1;
            let mut previous: Vec<(usize, Mark)> = Vec::new();
            for date in dates {
                // Only the items for the child's age that day: a baby is not marked on group rules.
                let months = child.age_on(date).map_or(0, |age| age.in_months());
                let mut fitting: Vec<usize> = (0..items.len())
                    .filter(|&index| items[index].fits_age(months))
                    .collect();
                if fitting.is_empty() && options.observations.is_some() {
                    // An exact count is not thinned by age: a child too young for every item
                    // is marked on any.
                    fitting = (0..items.len()).collect();
                }
                previous.retain(|(index, _)| fitting.contains(index));
                let marks = next_marks(rng, &previous, &fitting);
                let by = rng.pick(&observers);
                let mut observation = Observation::new(take_id(), child.id, template, date, by);
                let mut minute = between(rng, FIRST_MARK_MINUTES);
                for &(index, mark) in &marks {
                    minute += 1 + rng.below(4);
                    let at = time_on(date, minute, now);
                    let item = &items[index].id;
                    observation.set_mark(item, Some(mark), by, at);
                    if rng.below(4) == 0 {
                        observation.set_note(item, rng.pick(notes::NOTES), by, at);
                    }
                }
                observations.push(observation);
                previous = marks;
            }
            if !previous.is_empty()
                && !used
                    .iter()
                    .any(|t| t.id == template.id && t.version == template.version)
            {
                used.push(template.clone());
            }
        }
    }
    (used, observations)
}

/// The days a child was observed, oldest first.
fn observation_dates(
    rng: &mut SplitMix64,
    count: usize,
    child: &Child,
    today: NaiveDate,
) -> Vec<NaiveDate> {
    let days_ago = |days: u64| today.checked_sub_days(Days::new(days));
    let mut dates = Vec::with_capacity(count);
    if rng.below(RARELY_OBSERVED) == 0 {
        if rng.below(2) == 0 {
            dates.extend(days_ago(between(rng, OLD_OBSERVATION_DAYS)));
        }
    } else {
        let mut ago = between(rng, LATEST_OBSERVED_DAYS);
        for _ in 0..count {
            dates.extend(days_ago(ago));
            ago += between(rng, OBSERVATION_GAP_DAYS);
        }
        dates.reverse();
    }
    // Nobody observes a newborn; a KDV takes children in from three months.
    let first = child
        .birth_date
        .checked_add_months(Months::new(KDV_MIN_MONTHS))
        .unwrap_or(child.birth_date);
    dates.retain(|date| *date >= first);
    dates
}

/// `count` days from the child's third month (or today, for a younger child) to today, spread
/// evenly, oldest first; days repeat when there are more observations than days.
fn spread_dates(count: usize, child: &Child, today: NaiveDate) -> Vec<NaiveDate> {
    let first = child
        .birth_date
        .checked_add_months(Months::new(KDV_MIN_MONTHS))
        .unwrap_or(child.birth_date)
        .min(today);
    let span = (today - first).num_days().max(0) as u64;
    (0..count as u64)
        .map(|index| {
            let days = span * (index + 1) / count as u64;
            first.checked_add_days(Days::new(days)).unwrap_or(today)
        })
        .collect()
}

/// The marks (index into the items, mark), in item order, of an observation that follows one with
/// `previous` marks (none for a child's first observation); new marks go on the items at the
/// indexes in `fitting` (those for the child's age).
fn next_marks(
    rng: &mut SplitMix64,
    previous: &[(usize, Mark)],
    fitting: &[usize],
) -> Vec<(usize, Mark)> {
    let fresh_mark = |rng: &mut SplitMix64| match rng.below(4) {
        0 => Mark::Often,
        _ => Mark::Sometimes,
    };
    let mut marks: Vec<(usize, Mark)> = Vec::new();
    for &(index, mark) in previous {
        let kept = match (rng.below(10), mark) {
            (0..=1, _) => None,
            (2..=4, Mark::Sometimes) => Some(Mark::Often),
            (2, Mark::Often) => Some(Mark::Sometimes),
            _ => Some(mark),
        };
        marks.extend(kept.map(|mark| (index, mark)));
    }
    let mut order: Vec<usize> = fitting.to_vec();
    rng.shuffle(&mut order);
    let mut unmarked = order
        .into_iter()
        .filter(|index| !previous.iter().any(|(i, _)| i == index));
    let wanted = match previous.is_empty() {
        true => between(rng, (MARKS.0 as u64, MARKS.1 as u64)) as usize,
        false => (marks.len() + 1 + rng.below(3) as usize).clamp(MARKS.0, MARKS.1),
    };
    while marks.len() > wanted {
        marks.remove(rng.below(marks.len() as u64) as usize);
    }
    while marks.len() < wanted {
        let Some(index) = unmarked.next() else { break };
        marks.push((index, fresh_mark(rng)));
    }
    marks.sort_unstable_by_key(|&(index, _)| index);
    marks
}
