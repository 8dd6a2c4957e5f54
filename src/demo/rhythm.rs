//! The rhythm of practice in the demo: every flag of `domain::rhythm::due` shows somewhere.
//! The generated observations are mostly recent and the rarely observed children are mostly
//! never observed, so "! eerste obs" shows by itself, but a trajectory's or a birthday's
//! observation being due would only by chance. When a demo shows neither, one child's
//! observations are moved back in time, all of them by the same number of days (the gaps, marks,
//! notes and signatures stay as they were):
//!
//! - a child with an open trajectory: its latest observation a week more than
//!   `observe_weeks` (the default: the demo does not know the config file) weeks ago, so
//!   "! traj. 8 wk" shows;
//! - a child without one, past a birthday: its latest a week before the months in which an
//!   observation counts as the birthday's, so "! jaarlijks" shows.
//!
//! A child is chosen, the first in the order of the children that is not waiting on the coach
//! (the coach visit shows what changed for that one), only when every moved observation still
//! makes sense: not before the child was [`KDV_MIN_MONTHS`] months old or started in the
//! group, and every mark on an item for its age on the new day. No random stream: the rest of
//! the demo stays as it was for every seed.

use std::collections::{HashMap, HashSet};

use chrono::{Days, Months, NaiveDate, TimeDelta};

use super::people::KDV_MIN_MONTHS;
use crate::config::defaults::OBSERVE_WEEKS;
use crate::domain::plan::{PlanTemplate, Progress, StageKind, Trajectory};
use crate::domain::rhythm::{self, Due, YEARLY_EARLY_MONTHS};
use crate::domain::{Catalogue, Child, Id, Observation};
use crate::export::Export;

/// How far past the moment the rule asks for an observation a moved one lies, in days.
const PAST_DUE_DAYS: u64 = 7;

/// Moves one child's observations back for each flag the demo does not show yet (see the module
/// text). `export` holds the children, observations, trajectories and form templates.
pub(super) fn fill(export: &mut Export, today: NaiveDate) {
    let open: HashSet<Id> = export
        .trajectories
        .iter()
        .filter(|t| t.is_open())
        .map(|t| t.child_id)
        .collect();
    // The coach visit shows what changed for a child waiting on the coach since the previous
    // visit: its observations stay where they are.
    let plans = Catalogue::plans(export.plan_templates.clone());
    let at_coach: HashSet<Id> = export
        .trajectories
        .iter()
        .filter(|t| t.is_open() && at_coach_stage(t, &plans))
        .map(|t| t.child_id)
        .collect();
    let forms = Catalogue::forms(export.form_templates.clone());
    // Each child's latest observation, read once: the demo may hold ten thousand children.
    let mut latest: HashMap<Id, NaiveDate> = HashMap::new();
    for o in &export.observations {
        let day = latest.entry(o.child_id).or_insert(o.date);
        *day = (*day).max(o.date);
    }
    for wanted in [Flag::Trajectory, Flag::Yearly] {
        let due_of = |child: &Child, latest: Option<NaiveDate>| {
            let open = open.contains(&child.id);
            rhythm::due(child, latest, open, today, OBSERVE_WEEKS)
        };
        let shown = export
            .children
            .iter()
            .filter(|c| !c.archived)
            .any(|c| due_of(c, latest.get(&c.id).copied()).is_some_and(|d| wanted.is(d)));
        if shown {
            continue;
        }
        let movable = |c: &&Child| !c.archived && !at_coach.contains(&c.id);
        for child in export.children.iter().filter(movable) {
            let Some(target) = wanted.latest_for(child, open.contains(&child.id), today) else {
                continue;
            };
            let Some(moved) = moved_back(child, &export.observations, target, &forms) else {
                continue;
            };
            let moved_latest = moved.iter().map(|o| o.date).max();
            if due_of(child, moved_latest).is_some_and(|d| wanted.is(d)) {
                latest.extend(moved_latest.map(|day| (child.id, day)));
                for observation in moved {
                    let place = export
                        .observations
                        .iter()
                        .position(|o| o.id == observation.id);
                    if let Some(place) = place {
                        export.observations[place] = observation;
                    }
                }
                break;
            }
        }
    }
}

/// Whether the next stage of `t` is the coach's.
fn at_coach_stage(t: &Trajectory, plans: &Catalogue<PlanTemplate>) -> bool {
    plans.find(&t.template, t.version).is_some_and(|plan| {
        matches!(t.progress(plan), Progress::At { stage, .. } if stage.kind == StageKind::Coach)
    })
}

/// A flag the demo must show.
#[derive(Clone, Copy)]
enum Flag {
    Trajectory,
    Yearly,
}

impl Flag {
    fn is(self, due: Due) -> bool {
        matches!(
            (self, due),
            (Flag::Trajectory, Due::Trajectory { .. }) | (Flag::Yearly, Due::Yearly { .. })
        )
    }

    /// The day `child`'s latest observation is moved to, so that this flag shows; `None` when
    /// the child cannot show it (no open trajectory, or one for the yearly flag, or no birthday
    /// yet).
    fn latest_for(self, child: &Child, open: bool, today: NaiveDate) -> Option<NaiveDate> {
        let days = match self {
            Flag::Trajectory if open => 7 * u64::from(OBSERVE_WEEKS),
            Flag::Trajectory => return None,
            Flag::Yearly if open => return None,
            Flag::Yearly => {
                let years = child.age_on(today)?.years;
                if years == 0 {
                    return None;
                }
                let birthday = child
                    .birth_date
                    .checked_add_months(Months::new(12 * years))?;
                let counts_from = birthday.checked_sub_months(Months::new(YEARLY_EARLY_MONTHS))?;
                (today - counts_from).num_days().try_into().ok()?
            }
        };
        today.checked_sub_days(Days::new(days + PAST_DUE_DAYS))
    }
}

/// `child`'s observations (among `observations`) moved back together so that the latest is on
/// `latest`; `None` when the child has none, when they are already that old, or when one moved
/// would not make sense (see the module text).
fn moved_back(
    child: &Child,
    observations: &[Observation],
    latest: NaiveDate,
    forms: &Catalogue,
) -> Option<Vec<Observation>> {
    let own: Vec<&Observation> = observations
        .iter()
        .filter(|o| o.child_id == child.id)
        .collect();
    let newest = own.iter().map(|o| o.date).max()?;
    let back = newest - latest;
    if back <= TimeDelta::zero() {
        return None;
    }
    let earliest = child
        .birth_date
        .checked_add_months(Months::new(KDV_MIN_MONTHS))?
        .max(child.started.unwrap_or(child.birth_date));
    own.into_iter()
        .map(|o| {
            let date = o.date - back;
            let months = child.age_on(date)?.in_months();
            let form = forms.find(&o.template, o.version)?;
            let fits = |item: &str| form.item(item).is_some_and(|(_, i)| i.fits_age(months));
            if date < earliest || !o.marks.iter().all(|m| fits(&m.item)) {
                return None;
            }
            let mut moved = o.clone();
            moved.date = date;
            for mark in &mut moved.marks {
                mark.at -= back;
            }
            for note in &mut moved.notes {
                note.at -= back;
            }
            Some(moved)
        })
        .collect()
}
