//! Fictional demo data, generated deterministically from a seed: what `signaal demo` loads and
//! what the welcome screen offers.
//!
//! [`generate`] is pure: it builds an [`Export`] that the caller loads with `Store::import`, so the
//! demo goes through the same checks (and the same all-or-nothing write) as any import. The parts
//! live in one file each: [`people`] (staff, groups, children), [`observations`], [`trajectories`]
//! and [`visits`], drawing names and texts from `names` and `notes` and numbers from `rng`;
//! [`contacts`] is the directory of who to call.

mod contacts;
mod directory;
mod handovers;
mod names;
mod notes;
mod observations;
mod people;
mod record;
mod rhythm;
mod rng;
mod trajectories;
mod visits;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use crate::domain::audit::MAX_ID;
use crate::domain::{AuditAction, AuditEntry, Id};
use crate::export::Export;
use observations::observations;
use people::{children, groups, link_to_groups, staff};
use rng::SplitMix64;
use trajectories::trajectories;
use visits::visits;

/// Who the audit trail names as the author of the demo data.
pub const DEMO_AUTHOR: &str = "signaal demo";

/// How much demo data to generate, and from which seed. `Default` is what plain `signaal demo`
/// and the welcome screen generate; `cli::DemoArgs` takes its defaults from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The same seed gives the same data (on the same day).
    pub seed: u64,
    /// Number of groups: the first three a KDV, a peuteropvang and a BSO group, further ones
    /// cycling those kinds.
    pub groups: usize,
    /// Children per group; `None` for 8 to 16, varying per group.
    pub children_per_group: Option<usize>,
    /// Observations per child, dated some weeks apart up to a few weeks ago (about one child in
    /// eight gets none or only an old one, so "not observed for long" shows too).
    pub observations_per_child: usize,
    /// Children in all, spread as evenly as can be over the groups (the first groups get one
    /// more); overrides `children_per_group`. For `signaal bench`, which asks for a size.
    pub children: Option<usize>,
    /// Observations in all, spread as evenly as can be over the children that are not archived
    /// (the first children get one more), dated evenly from the child's third month to today
    /// and not thinned by the age rules of `observations_per_child` (which this overrides).
    pub observations: Option<usize>,
    /// Contact cards in all: the demo's own (the pinned aandachtsfunctionaris card first), then
    /// generated fictional ones (see [`directory`]); fewer than the demo's own keeps the first.
    /// `None`: the demo's own.
    pub contacts: Option<usize>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            seed: 1,
            groups: 3,
            children_per_group: None,
            observations_per_child: 2,
            children: None,
            observations: None,
            contacts: None,
        }
    }
}

/// Builds the demo data. Pure and deterministic: the same options and the same `now` give the
/// same data (`now` fixes the audit time and the day on which every child's age fits its group).
///
/// Generates staff (5 or 6 pedagogisch medewerkers, a coach, a care coordinator and an admin,
/// all with distinct names, linked to groups: see [`link_to_groups`]), `options.groups` groups
/// (see [`groups`]), their children (see [`children`]), and `options.observations_per_child`
/// observations per child (see [`observations`]), early-signalling trajectories for about one
/// child in four (see [`trajectories`]; the first chosen child of each group waits on the coach),
/// one child's observations moved back where needed so that every flag of the rhythm of practice
/// shows (see [`rhythm`]),
/// a closed coach visit per group (see [`visits`]), each child's guardians, mentor and consent
/// (see [`record::fill`]; the trajectories' consent is the child's), a handover to school for
/// every other observed child near four, one of them without the parents' school consent (see
/// [`handovers`]), about 25 fictional contact cards and the pinned aandachtsfunctionaris card
/// filled in, some cards serving a group and some linked to children (see [`contacts::fill`]),
/// with ids 1.. in the order staff, groups,
/// children, observations, trajectories, visits, contacts, plus the form templates and the step
/// plan they use and one audit entry for the load (`demo.load`, its `detail` `max_id=N` with the
/// highest id it holds).
pub fn generate(options: &Options, now: DateTime<FixedOffset>) -> Export {
    let mut rng = SplitMix64::new(options.seed);
    let today = now.date_naive();
    let mut export = Export::new(now);
    let mut next_id: Id = 1;
    let mut take_id = || {
        let id = next_id;
        next_id += 1;
        id
    };

    export.staff = staff(&mut rng, &mut take_id);
    export.groups = groups(options.groups, &mut take_id);
    let group_ids: Vec<Id> = export.groups.iter().map(|g| g.id).collect();
    link_to_groups(&mut export.staff, &group_ids);
    export.children = children(options, &mut rng, &mut take_id, &export.groups, today);

    let (templates, observations) =
        observations(options, &mut rng, &mut take_id, &export, today, now);
    export.form_templates = templates;
    export.observations = observations;

    let (plans, trajectories) = trajectories(&mut rng, &mut take_id, &export, today, now);
    export.plan_templates = plans;
    export.trajectories = trajectories;
    rhythm::fill(&mut export, today);
    export.visits = visits(&mut rng, &mut take_id, &export, today, now);
    record::fill(options.seed, &mut export, now);
    handovers::fill(&mut export, now);
    contacts::fill(&mut export, today);
    if let Some(count) = options.contacts {
        directory::resize(&mut export, count, &mut SplitMix64::new(options.seed));
    }

    let mut load = AuditEntry::new(now, DEMO_AUTHOR, AuditAction::DemoLoad, "database".into());
    // The bound tells `check` which records came with the load (domain::audit::rules).
    load.detail = Some(format!("{MAX_ID}{}", export.max_id()));
    load.seal("");
    export.audit.push(load);
    export
}

/// The first thing signed on a day (an observer's first mark, a stage, a visit) falls between 8:30 and 15:30.
pub(super) const FIRST_MARK_MINUTES: (u64, u64) = (8 * 60 + 30, 15 * 60 + 30);

/// `minute` minutes after midnight on `date`, in the offset of `now`.
fn time_on(date: NaiveDate, minute: u64, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let minute = minute.min(23 * 60 + 59) as u32;
    let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap_or(NaiveTime::MIN);
    now.offset()
        .from_local_datetime(&date.and_time(time))
        .single()
        .unwrap_or(now)
}

#[cfg(test)]
mod tests;
