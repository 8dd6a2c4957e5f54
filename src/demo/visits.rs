//! Demo coach visits: one closed visit per group, with advice and follow-ups.

use chrono::{DateTime, Days, FixedOffset, NaiveDate};

use super::notes;
use super::rng::{between, SplitMix64};
use super::{time_on, FIRST_MARK_MINUTES};
use crate::domain::visit::{weeks_after, Advice, FollowUp, Visit, NEXT_VISIT_WEEKS};
use crate::domain::{Child, Id, Role};
use crate::export::Export;

/// The coach's last visit to a group: 3 to 6 weeks ago.
const VISITED_DAYS: (u64, u64) = (21, 42);
/// Days after the visit a follow-up was due: 2 to 8 weeks.
const FOLLOW_UP_DAYS: (u64, u64) = (14, 56);

/// One closed visit per group by the coach, 3 to 6 weeks ago (none without a coach): advice for
/// the group and for one or two of its children, each tagged with one or two competencies and
/// given to the staff (see [`advised`]), two
/// follow-ups of which the first is done, and the next visit six weeks after.
pub(super) fn visits(
    rng: &mut SplitMix64,
    take_id: &mut impl FnMut() -> Id,
    data: &Export,
    today: NaiveDate,
    now: DateTime<FixedOffset>,
) -> Vec<Visit> {
    let Some(coach) = data.staff.iter().find(|s| s.role == Role::Coach) else {
        return Vec::new();
    };
    let mut visits = Vec::new();
    for group in &data.groups {
        let date = today
            .checked_sub_days(Days::new(between(rng, VISITED_DAYS)))
            .unwrap_or(today);
        let mut minute = between(rng, FIRST_MARK_MINUTES);
        let mut at = || {
            minute += 5;
            time_on(date, minute, now)
        };
        let mut visit = Visit::start(take_id(), group.id, coach, date, None);
        let mut children: Vec<&Child> = data
            .children
            .iter()
            .filter(|c| c.group_id == group.id && !c.archived)
            .collect();
        rng.shuffle(&mut children);
        children.truncate(1 + rng.below(2) as usize);
        let about = std::iter::once(None).chain(children.iter().map(|c| Some(c.id)));
        for child_id in about {
            let texts = match child_id {
                None => notes::VISIT_GROUP_ADVICE,
                Some(_) => notes::VISIT_CHILD_ADVICE,
            };
            let (text, competencies) = rng.pick(texts);
            visit.notes.push(Advice {
                child_id,
                text: text.to_string(),
                competencies: competencies.to_vec(),
                with: advised(data, group.id, child_id),
                by: coach.name.clone(),
                at: at(),
            });
        }
        for done in [true, false] {
            let due = date
                .checked_add_days(Days::new(between(rng, FOLLOW_UP_DAYS)))
                .unwrap_or(date);
            visit.follow_ups.push(FollowUp {
                child_id: children.first().filter(|_| !done).map(|c| c.id),
                text: rng.pick(notes::VISIT_FOLLOW_UPS).to_string(),
                due,
                done,
                by: coach.name.clone(),
                at: at(),
                from_visit: None,
            });
        }
        let closed = at();
        visit.close(weeks_after(date, NEXT_VISIT_WEEKS), closed);
        visits.push(visit);
    }
    visits
}

/// Whom a demo advice was for, without drawing from `rng` (so the rest of the demo stays as it
/// was): advice about the group to the first two childcare staff of the group, advice about a
/// child to one of them, picked by the child's id.
fn advised(data: &Export, group: Id, child: Option<Id>) -> Vec<Id> {
    let staff: Vec<Id> = data
        .staff
        .iter()
        .filter(|s| s.role == Role::Staff && s.groups.contains(&group))
        .map(|s| s.id)
        .collect();
    match child {
        None => staff.into_iter().take(2).collect(),
        Some(id) => staff
            .get(usize::try_from(id).unwrap_or(0) % staff.len().max(1))
            .into_iter()
            .copied()
            .collect(),
    }
}
