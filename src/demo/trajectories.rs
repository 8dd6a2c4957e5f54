//! Demo early-signalling trajectories: about one child in four, at various stages, with three
//! that show what a care team looks for (a passed end, a closed one, a missed review).

use chrono::{DateTime, Days, FixedOffset, Months, NaiveDate};

use super::notes;
use super::people::childcare_staff;
use super::rng::{between, SplitMix64};
use super::{time_on, FIRST_MARK_MINUTES};
use crate::domain::plan::{Outcome, PlanTemplate, StageKind, Trajectory};
use crate::domain::{Child, GroupKind, Id, Role};
use crate::export::Export;

/// One child in this many (rounded up) gets a trajectory.
const WITH_TRAJECTORY: usize = 4;
/// The plan the demo trajectories follow. The Meldcode is never used: the demo is shown to anyone.
const DEMO_PLAN: &str = "vroegsignalering";
/// A trajectory started 2 to 20 weeks ago.
const TRAJECTORY_STARTED_DAYS: (u64, u64) = (14, 140);
/// The expected end lies 3 to 6 months after the start.
const EXPECTED_END_MONTHS: (u64, u64) = (3, 6);
/// A child younger than this many months on the day its trajectory could start gets none.
const TRAJECTORY_MIN_MONTHS: u32 = 6;
/// From this age in months (nearly four, the age of the move to primary school) a child in a KDV
/// or peuteropvang is asked about a warm handover to school; in a BSO every child is.
const SCHOOL_AGE_MONTHS: u32 = 42;

/// What a demo trajectory is made to show. Three chosen children get one each, so that
/// every demo with enough children has a late trajectory and a closed one; the rest are random.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scenario {
    /// Started 18 to 20 weeks ago with an expected end 3 months later: that has passed.
    EndPassed,
    /// Every stage done and closed (the child goes on in the group) a little before today.
    Closed,
    /// The monthly review date before today was not held.
    ReviewPassed,
    /// Every stage before the coach's done, the parents agreed: the coach's turn.
    WaitingOnCoach,
    Random,
}

/// Early-signalling trajectories for about one child in four of each group that is not archived
/// (and old enough), chosen from the seed, with the plan they follow (none when there are no
/// trajectories).
///
/// Each is started 2 to 20 weeks ago by a childcare staff member, has the child's question, goals
/// and actions filled in with short texts that fit the group (KDV and peuteropvang, or BSO), and
/// its stages ticked in order up to a random one (never all, unless closed; further on the longer
/// the trajectory has been running), on dates between the
/// start and yesterday, each signed by a staff member (the coach stage by the coach), some with a
/// short note. Once the parents' stage is done their consent is recorded: mostly yes for the coach
/// (a "no" stops the trajectory before the coach stage), and for a warm handover only in a BSO or
/// for a child of nearly four, sometimes not asked. The expected end lies 3 to 6 months after the
/// start, the review date is the monthly one on or after today (sometimes the one before, missed).
/// Three of the chosen children, anywhere in the list, show the cases a care team looks for: one
/// trajectory's expected end has passed, one is closed with the outcome "continues in the group",
/// and one's review date has passed.
pub(super) fn trajectories(
    rng: &mut SplitMix64,
    take_id: &mut impl FnMut() -> Id,
    data: &Export,
    today: NaiveDate,
    now: DateTime<FixedOffset>,
) -> (Vec<PlanTemplate>, Vec<Trajectory>) {
    let workers = childcare_staff(data);
    let coach = data
        .staff
        .iter()
        .find(|s| s.role == Role::Coach)
        .map(|s| s.name.as_str());
    let plan = crate::templates::builtin_plans()
        .into_iter()
        .find(|p| p.id == DEMO_PLAN);
    let (Some(plan), false) = (plan, workers.is_empty()) else {
        return (Vec::new(), Vec::new());
    };
    // Old enough for a trajectory that started 20 weeks ago.
    let earliest_start = today
        .checked_sub_days(Days::new(TRAJECTORY_STARTED_DAYS.1))
        .unwrap_or(today);
    let old_enough = |c: &&Child| {
        !c.archived
            && c.birth_date
                .checked_add_months(Months::new(TRAJECTORY_MIN_MONTHS))
                .is_some_and(|d| d <= earliest_start)
    };
    // About one in four of each group, so that every group has some; the first of each group
    // waits on the coach, so that every group's visit has a child to start with.
    let mut chosen: Vec<&Child> = Vec::new();
    let mut waiting = Vec::new();
    for group in &data.groups {
        let mut eligible: Vec<&Child> = data
            .children
            .iter()
            .filter(|c| c.group_id == group.id)
            .filter(old_enough)
            .collect();
        rng.shuffle(&mut eligible);
        let count = eligible.len().div_ceil(WITH_TRAJECTORY);
        eligible.truncate(count);
        // Ids in the order of the children.
        eligible.sort_unstable_by_key(|c| c.id);
        if !eligible.is_empty() {
            waiting.push(chosen.len());
        }
        chosen.extend(eligible);
    }
    // The scenarios that must occur go to children anywhere in the list.
    let mut scenarios = vec![Scenario::Random; chosen.len()];
    for &index in &waiting {
        scenarios[index] = Scenario::WaitingOnCoach;
    }
    let mut order: Vec<usize> = (0..chosen.len()).collect();
    rng.shuffle(&mut order);
    order.retain(|i| !waiting.contains(i));
    let forced = [
        Scenario::EndPassed,
        Scenario::Closed,
        Scenario::ReviewPassed,
    ];
    for (&index, scenario) in order.iter().zip(forced) {
        scenarios[index] = scenario;
    }

    let kinds: std::collections::HashMap<Id, GroupKind> =
        data.groups.iter().map(|g| (g.id, g.kind)).collect();
    let trajectories: Vec<Trajectory> = chosen
        .into_iter()
        .zip(scenarios)
        .map(|(child, scenario)| {
            let kind = kinds
                .get(&child.group_id)
                .copied()
                .unwrap_or(GroupKind::Kdv);
            let people = People {
                workers: &workers,
                coach,
            };
            trajectory(
                rng,
                take_id(),
                child,
                kind,
                scenario,
                &plan,
                &people,
                today,
                now,
            )
        })
        .collect();
    match trajectories.is_empty() {
        true => (Vec::new(), trajectories),
        false => (vec![plan], trajectories),
    }
}

/// Who signs a demo trajectory.
struct People<'a> {
    workers: &'a [&'a str],
    coach: Option<&'a str>,
}

/// One demo trajectory (see [`trajectories`]).
#[allow(clippy::too_many_arguments)]
fn trajectory(
    rng: &mut SplitMix64,
    id: Id,
    child: &Child,
    kind: GroupKind,
    scenario: Scenario,
    plan: &PlanTemplate,
    people: &People,
    today: NaiveDate,
    now: DateTime<FixedOffset>,
) -> Trajectory {
    let ago = match scenario {
        Scenario::EndPassed => (126, 140),
        Scenario::Closed => (98, 140),
        Scenario::ReviewPassed | Scenario::WaitingOnCoach => (42, 140),
        Scenario::Random => TRAJECTORY_STARTED_DAYS,
    };
    let started = today
        .checked_sub_days(Days::new(between(rng, ago)))
        .unwrap_or(today);
    let starter = rng.pick(people.workers);
    let mut t = Trajectory::new(id, child.id, plan, started, starter);
    let texts = match kind {
        GroupKind::Bso => notes::BSO_PLANS,
        _ => notes::YOUNG_PLANS,
    };
    let (question, goals, actions) = rng.pick(texts);
    (t.question, t.goals, t.actions) = (question.into(), goals.into(), actions.into());
    let months = match scenario {
        Scenario::EndPassed => EXPECTED_END_MONTHS.0,
        _ => between(rng, EXPECTED_END_MONTHS),
    };
    t.expected_end = started.checked_add_months(Months::new(months as u32));

    // How far it got: every stage when closed, else up to a random one, the further the longer
    // it runs (a young trajectory is at its first stages; an old one may be anywhere, even stuck).
    let stages = plan.stages.len();
    let elapsed = (today - started).num_days().max(0) as usize;
    let duration = t
        .expected_end
        .map_or(90, |end| (end - started).num_days().max(1) as usize);
    let reach = (elapsed * stages / duration + 2).min(stages);
    let parents = plan
        .stages
        .iter()
        .position(|s| s.kind == StageKind::Parents);
    let coach_stage = plan.stages.iter().position(|s| s.kind == StageKind::Coach);
    let mut done = match scenario {
        Scenario::Closed => stages,
        Scenario::WaitingOnCoach => coach_stage.unwrap_or(0),
        _ => rng.below(reach as u64) as usize,
    };
    let asked = parents.is_some_and(|p| p < done);
    let mut coach_consent = None;
    if asked {
        // A "no" is possible only while the coach stage is still ahead; it stops there.
        coach_consent = Some(match coach_stage {
            Some(c) if c == done && scenario == Scenario::Random => rng.below(4) != 0,
            _ => true,
        });
        if coach_consent == Some(false) {
            done = done.min(coach_stage.unwrap_or(done));
        }
    }
    let school_age = kind == GroupKind::Bso
        || child
            .age_on(today)
            .is_some_and(|a| a.years * 12 + a.months >= SCHOOL_AGE_MONTHS);
    let school_consent = match (asked && school_age, rng.below(4)) {
        (false, _) | (true, 0) => None,
        (true, 1) => Some(false),
        (true, _) => Some(true),
    };

    // Tick dates from the start to yesterday, in order; later stages never earlier in a day.
    let span = (today - started).num_days().max(1) as u64 - 1;
    let mut offsets: Vec<u64> = (0..done).map(|_| rng.below(span + 1)).collect();
    offsets.sort_unstable();
    let mut previous: Option<(NaiveDate, u64)> = None;
    for (stage, offset) in plan.stages.iter().zip(offsets) {
        let date = started
            .checked_add_days(Days::new(offset))
            .unwrap_or(started);
        let minute = match previous {
            Some((day, minute)) if day == date => minute + 10 + rng.below(30),
            _ => between(rng, FIRST_MARK_MINUTES),
        };
        previous = Some((date, minute));
        let at = time_on(date, minute, now);
        let by = match (stage.kind, people.coach) {
            (StageKind::Coach, Some(coach)) => coach,
            _ if rng.below(3) == 0 => rng.pick(people.workers),
            _ => starter,
        };
        t.toggle(&stage.id, by, at);
        if rng.below(2) == 0 {
            let notes = notes::STAGE_NOTES
                .iter()
                .find(|(id, _)| *id == stage.id)
                .map_or(&[][..], |(_, notes)| *notes);
            if !notes.is_empty() {
                t.set_note(&stage.id, rng.pick(notes), by, at);
            }
        }
        if stage.kind == StageKind::Parents {
            t.consent.coach = coach_consent;
            t.consent.school = school_consent;
            t.consent.by = by.to_string();
            t.consent.at = Some(at);
        }
        if scenario == Scenario::Closed && t.stages.iter().all(|e| e.done) {
            t.close(Outcome::ContinuesInGroup, date, by);
        }
    }

    // Reviews are monthly from the start: the next one on or after today (or the closing day), or
    // for a missed review the last one before today.
    let until = t.closed.as_ref().map_or(today, |c| c.date);
    let missed = match scenario {
        Scenario::ReviewPassed => true,
        Scenario::Random => rng.below(5) == 0,
        _ => false,
    };
    let monthly = (1..).map_while(|m| started.checked_add_months(Months::new(m)));
    let mut last_before = None;
    for review in monthly {
        if review >= until {
            t.review = Some(match (missed, last_before) {
                (true, Some(before)) => before,
                _ => review,
            });
            break;
        }
        last_before = Some(review);
    }
    t
}
