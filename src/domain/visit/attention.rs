//! Which children need the coach first, and what changed for a child since the previous visit.
//! Pure: the app hands in each child's observations and trajectories.

use chrono::NaiveDate;

use crate::domain::form::{FormTemplate, Mark};
use crate::domain::plan::{Outcome, PlanTemplate, Progress, StageKind, Trajectory};
use crate::domain::rhythm::{self, Due};
use crate::domain::{Catalogue, Child, Id, Observation};

/// What the ranking and the changes need of one child.
pub struct ChildRecord<'a> {
    pub child: &'a Child,
    /// Oldest first, as the store keeps them.
    pub observations: &'a [Observation],
    pub trajectories: &'a [Trajectory],
}

/// What the ranking is measured against.
pub struct Setting<'a> {
    pub today: NaiveDate,
    /// How often a child with an open trajectory is observed, in weeks (the app's
    /// `--observe-weeks`; see `rhythm::due`).
    pub observe_weeks: u32,
    /// The date of the group's previous visit, if there was one.
    pub since: Option<NaiveDate>,
    pub forms: &'a Catalogue<FormTemplate>,
    pub plans: &'a Catalogue<PlanTemplate>,
}

/// Why a child needs attention, most urgent first (the order of the variants is the ranking).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// An open trajectory stands at the coach stage, with the parents' consent to ask the coach.
    WaitingOnCoach,
    /// An open trajectory's review date or expected end has passed.
    OverdueReview,
    /// Worry items marked "often" now that were not at the previous visit.
    NewOften(usize),
    /// At least [`MANY_OFTEN`] worry items marked "often" in the latest observation.
    ManyOften(usize),
    /// The rhythm of practice asks for an observation, and which rule does (`rhythm::due`, the
    /// same question the group list asks).
    ObservationDue(Due),
}

impl Reason {
    fn rank(&self) -> u8 {
        match self {
            Reason::WaitingOnCoach => 0,
            Reason::OverdueReview => 1,
            Reason::NewOften(_) => 2,
            Reason::ManyOften(_) => 3,
            Reason::ObservationDue(_) => 4,
        }
    }
}

/// From this many worry items seen often, a child needs attention whatever changed.
pub const MANY_OFTEN: usize = 3;

/// One child's place in the visit: its id and its reasons, most urgent first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attention {
    pub child_id: Id,
    pub reasons: Vec<Reason>,
}

/// The children in the order the coach goes through them: by their most urgent reason (waiting
/// on the coach, overdue, new "often" marks, many "often" marks, an observation due), then
/// the children without reasons. Within a rank they keep the order `children` come in: the
/// caller's (the visit gives them as the person at the keyboard sees them, names and then
/// aliases, so that an alias never sits where its hidden name would).
pub fn rank(children: &[ChildRecord], setting: &Setting) -> Vec<Attention> {
    let mut ranked: Vec<(u8, Attention)> = children
        .iter()
        .map(|record| {
            let reasons = reasons(record, setting);
            let rank = reasons.first().map_or(u8::MAX, Reason::rank);
            let attention = Attention {
                child_id: record.child.id,
                reasons,
            };
            (rank, attention)
        })
        .collect();
    // Stable: within a rank, the order the children were given in.
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked.into_iter().map(|(_, a)| a).collect()
}

/// Why one child needs attention, most urgent first.
pub fn reasons(record: &ChildRecord, setting: &Setting) -> Vec<Reason> {
    let mut reasons = Vec::new();
    let open = || record.trajectories.iter().filter(|t| t.is_open());
    let consent = &record.child.consent;
    if open().any(|t| waiting_on_coach(t, consent, setting.plans)) {
        reasons.push(Reason::WaitingOnCoach);
    }
    if open().any(|t| t.overdue(setting.today).any()) {
        reasons.push(Reason::OverdueReview);
    }
    let new = new_often(record, setting.since, setting.forms).len();
    if new > 0 {
        reasons.push(Reason::NewOften(new));
    }
    let latest = record.observations.last();
    let often = latest.map_or(0, |o| often_worries(o, setting.forms).len());
    if often >= MANY_OFTEN {
        reasons.push(Reason::ManyOften(often));
    }
    let date = latest.map(|o| o.date);
    let open_trajectory = open().next().is_some();
    let due = rhythm::due(
        record.child,
        date,
        open_trajectory,
        setting.today,
        setting.observe_weeks,
    );
    reasons.extend(due.map(Reason::ObservationDue));
    reasons
}

/// It is the coach's turn: the first stage not done is the coach stage, and the parents agreed
/// to the coach being asked (without that the coach is not consulted about the child).
pub fn waiting_on_coach(
    t: &Trajectory,
    consent: &crate::domain::ChildConsent,
    plans: &Catalogue<PlanTemplate>,
) -> bool {
    let Some(template) = plans.find(&t.template, t.version) else {
        return false;
    };
    let at_coach = matches!(t.progress(template), Progress::At { stage, .. } if stage.kind == StageKind::Coach);
    at_coach && consent.allows(crate::domain::ConsentTo::Coach)
}

/// The worry items marked "often" on an observation, in the order they were marked.
fn often_worries<'o>(obs: &'o Observation, forms: &Catalogue<FormTemplate>) -> Vec<&'o str> {
    let Some(template) = forms.find(&obs.template, obs.version) else {
        return Vec::new();
    };
    obs.concern_items_often(template).collect()
}

/// Worry items marked "often" in the latest observation that were not in the latest one on or
/// before `since`. Nothing without a previous visit, or without an observation after it.
pub fn new_often<'o>(
    record: &ChildRecord<'o>,
    since: Option<NaiveDate>,
    forms: &Catalogue<FormTemplate>,
) -> Vec<&'o str> {
    let (Some(since), Some(latest)) = (since, record.observations.last()) else {
        return Vec::new();
    };
    if latest.date <= since {
        return Vec::new();
    }
    let before = record.observations.iter().rev().find(|o| o.date <= since);
    let was_often = |item: &str| before.is_some_and(|o| o.mark(item) == Some(Mark::Often));
    often_worries(latest, forms)
        .into_iter()
        .filter(|item| !was_often(item))
        .collect()
}

/// What changed for a child after the day of the previous visit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes<'a> {
    /// The dates of the observations made since.
    pub observations: Vec<NaiveDate>,
    /// Worry items newly marked "often" (see [`new_often`]), with the form they are on.
    pub new_often: Vec<(&'a str, &'a str, u32)>,
    /// Stages ticked done since: the trajectory and the stage id.
    pub stages_done: Vec<(&'a Trajectory, &'a str)>,
    pub started: Vec<&'a Trajectory>,
    pub closed: Vec<(&'a Trajectory, Outcome)>,
}

impl Changes<'_> {
    pub fn is_empty(&self) -> bool {
        self.observations.is_empty()
            && self.new_often.is_empty()
            && self.stages_done.is_empty()
            && self.started.is_empty()
            && self.closed.is_empty()
    }
}

pub fn changes_since<'a>(
    record: &ChildRecord<'a>,
    since: NaiveDate,
    forms: &Catalogue<FormTemplate>,
) -> Changes<'a> {
    let latest = record.observations.last();
    let new_often = new_often(record, Some(since), forms)
        .into_iter()
        .filter_map(|item| latest.map(|o| (item, o.template.as_str(), o.version)))
        .collect();
    let trajectories = record.trajectories;
    Changes {
        observations: record
            .observations
            .iter()
            .filter(|o| o.date > since)
            .map(|o| o.date)
            .collect(),
        new_often,
        stages_done: trajectories
            .iter()
            .flat_map(|t| t.stages.iter().map(move |e| (t, e)))
            .filter(|(_, e)| e.done && e.at.is_some_and(|at| at.date_naive() > since))
            .map(|(t, e)| (t, e.stage.as_str()))
            .collect(),
        started: trajectories.iter().filter(|t| t.started > since).collect(),
        closed: trajectories
            .iter()
            .filter_map(|t| t.closed.as_ref().map(|c| (t, c)))
            .filter(|(_, c)| c.date > since)
            .map(|(t, c)| (t, c.outcome))
            .collect(),
    }
}
