//! The export format, a contract with tools outside signaal (see DESIGN.md, "Export format"):
//! one JSON object with `format`, `version`, `exported_at` and one array per record kind.
//! Field names stay; fields may be added.

mod checks;
mod control;
pub mod inconsistency;
mod read;
pub mod unreadable;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::domain::form::FormTemplate;
use crate::domain::handover::Handover;
use crate::domain::plan::{PlanTemplate, Trajectory};
use crate::domain::visit::Visit;
use crate::domain::{AuditEntry, Child, Contact, Group, Id, Observation, Staff};

pub use checks::Checks;
pub use control::{control_char_problem, in_contact as contact_control_char, FieldPath};
pub use inconsistency::Inconsistency;
pub use read::{read, read_arrays, EachRecord, Header, ReadError, Texts};
pub use unreadable::Unreadable;

pub const FORMAT: &str = "signaal-export";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<FixedOffset>,
    pub staff: Vec<Staff>,
    pub groups: Vec<Group>,
    pub children: Vec<Child>,
    /// Every template an observation was made with (each version that was used) and every template
    /// imported with `signaal forms import`.
    #[serde(default)]
    pub form_templates: Vec<FormTemplate>,
    #[serde(default)]
    pub observations: Vec<Observation>,
    /// The built-in step plans, and every older version a trajectory was started with.
    #[serde(default)]
    pub plan_templates: Vec<PlanTemplate>,
    #[serde(default)]
    pub trajectories: Vec<Trajectory>,
    /// The whole directory: the pinned cards (id 0 while never edited) and every stored card.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Coach visits, with their advice (`notes`) and follow-ups.
    #[serde(default)]
    pub visits: Vec<Visit>,
    /// Each child's warm handover to school (one per child at most).
    #[serde(default)]
    pub handovers: Vec<Handover>,
    pub audit: Vec<AuditEntry>,
}

impl Export {
    pub fn new(exported_at: DateTime<FixedOffset>) -> Export {
        Export {
            format: FORMAT.into(),
            version: VERSION,
            exported_at,
            staff: Vec::new(),
            groups: Vec::new(),
            children: Vec::new(),
            form_templates: Vec::new(),
            observations: Vec::new(),
            plan_templates: Vec::new(),
            trajectories: Vec::new(),
            contacts: Vec::new(),
            visits: Vec::new(),
            handovers: Vec::new(),
            audit: Vec::new(),
        }
    }

    /// Every problem that would make this data inconsistent, one sentence each. Used both before an
    /// import and by `signaal check` on what a database holds; the same [`Checks`] an import of
    /// a file makes while it reads it.
    pub fn problems(&self) -> Vec<String> {
        let mut checks = Checks::new();
        checks.header(&self.format, self.version);
        self.records().for_each(|r| checks.index(r));
        self.records().for_each(|r| checks.check(r));
        checks.finish().iter().map(ToString::to_string).collect()
    }

    /// Every record, array by array in the order of the format.
    pub fn records(&self) -> impl Iterator<Item = Record<'_>> {
        let staff = self.staff.iter().map(Record::Staff);
        let groups = self.groups.iter().map(Record::Group);
        let children = self.children.iter().map(Record::Child);
        let forms = self.form_templates.iter().map(Record::FormTemplate);
        let observations = self.observations.iter().map(Record::Observation);
        let plans = self.plan_templates.iter().map(Record::PlanTemplate);
        let trajectories = self.trajectories.iter().map(Record::Trajectory);
        let contacts = self.contacts.iter().map(Record::Contact);
        let visits = self.visits.iter().map(Record::Visit);
        let handovers = self.handovers.iter().map(Record::Handover);
        let audit = self.audit.iter().map(Record::Audit);
        staff
            .chain(groups)
            .chain(children)
            .chain(forms)
            .chain(observations)
            .chain(plans)
            .chain(trajectories)
            .chain(contacts)
            .chain(visits)
            .chain(handovers)
            .chain(audit)
    }

    /// The highest id any record uses, so the store can hand out fresh ones above it.
    pub fn max_id(&self) -> u64 {
        let mut checks = Checks::new();
        self.records().for_each(|r| checks.index(r));
        checks.max_id()
    }

    /// The contacts a database stores: all but the pinned cards that were never edited (id 0).
    pub fn stored_contacts(&self) -> impl Iterator<Item = &Contact> {
        self.contacts.iter().filter(|c| c.id != 0)
    }
}

/// One record of an export, whichever array it is in: what an import or a check handles one at a
/// time.
#[derive(Debug, Clone, Copy)]
pub enum Record<'a> {
    Staff(&'a Staff),
    Group(&'a Group),
    Child(&'a Child),
    FormTemplate(&'a FormTemplate),
    Observation(&'a Observation),
    PlanTemplate(&'a PlanTemplate),
    Trajectory(&'a Trajectory),
    Contact(&'a Contact),
    Visit(&'a Visit),
    Handover(&'a Handover),
    Audit(&'a AuditEntry),
}

impl Record<'_> {
    /// The record's kind as [`Record::id`] names it, for every record with an id field (a
    /// pinned card as signaal ships it too); `None` for templates, handovers and audit entries.
    pub fn kind(&self) -> Option<&'static str> {
        match self {
            Record::Contact(_) => Some("contact"),
            other => other.id().map(|(kind, _)| kind),
        }
    }

    /// The record's kind as audit targets name it (`staff`, `group`, `child`, `observation`,
    /// `trajectory`, `contact`, `visit`) and its id; `None` for templates, audit entries and the
    /// pinned cards as signaal ships them (id 0), and handovers, which have no id of their own
    /// (one per child: their audit target is `child:ID/handover`).
    pub fn id(&self) -> Option<(&'static str, Id)> {
        match self {
            Record::Staff(s) => Some(("staff", s.id)),
            Record::Group(g) => Some(("group", g.id)),
            Record::Child(c) => Some(("child", c.id)),
            Record::Observation(o) => Some(("observation", o.id)),
            Record::Trajectory(t) => Some(("trajectory", t.id)),
            Record::Contact(c) => (c.id != 0).then_some(("contact", c.id)),
            Record::Visit(v) => Some(("visit", v.id)),
            Record::FormTemplate(_)
            | Record::PlanTemplate(_)
            | Record::Handover(_)
            | Record::Audit(_) => None,
        }
    }
}
