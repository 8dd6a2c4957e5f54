//! The export format, a contract with tools outside signaal (see DESIGN.md, "Export format"):
//! one JSON object with `format`, `version`, `exported_at` and one array per record kind.
//! Field names stay; fields may be added.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::domain::audit;
use crate::domain::form::FormTemplate;
use crate::domain::plan::{PlanTemplate, Trajectory};
use crate::domain::visit::Visit;
use crate::domain::{AuditEntry, Child, Contact, Group, Observation, Staff};

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
            audit: Vec::new(),
        }
    }

    /// Every problem that would make this data inconsistent, one sentence each. Used both before an
    /// import and by `signaal check` on what a database holds.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.format != FORMAT {
            problems.push(format!("the format is {:?}, not {FORMAT:?}", self.format));
        }
        if self.version > VERSION {
            problems.push(format!(
                "the export has version {}, this signaal reads up to {VERSION}",
                self.version
            ));
        }
        let mut ids = HashSet::new();
        let all_ids = self
            .staff
            .iter()
            .map(|s| ("staff member", s.id))
            .chain(self.groups.iter().map(|g| ("group", g.id)))
            .chain(self.children.iter().map(|c| ("child", c.id)))
            .chain(self.observations.iter().map(|o| ("observation", o.id)))
            .chain(self.trajectories.iter().map(|t| ("trajectory", t.id)))
            .chain(self.stored_contacts().map(|c| ("contact", c.id)))
            .chain(self.visits.iter().map(|v| ("visit", v.id)));
        for (kind, id) in all_ids {
            if !ids.insert(id) {
                problems.push(format!(
                    "the {kind} with id {id} uses an id that is already taken"
                ));
            }
        }
        let group_ids: HashSet<_> = self.groups.iter().map(|g| g.id).collect();
        for child in &self.children {
            if !group_ids.contains(&child.group_id) {
                problems.push(format!(
                    "child {} ({}) belongs to group {}, which does not exist",
                    child.id,
                    child.full_name(),
                    child.group_id
                ));
            }
            if child.first_name.trim().is_empty() {
                problems.push(format!("child {} has no first name", child.id));
            }
        }
        let builtin = crate::templates::builtin();
        let form_ids: HashSet<&String> = self
            .form_templates
            .iter()
            .chain(&builtin)
            .map(|t| &t.id)
            .collect();
        for group in &self.groups {
            if group.name.trim().is_empty() {
                problems.push(format!("group {} has no name", group.id));
            }
            for form in group.forms.iter().filter(|f| !form_ids.contains(f)) {
                problems.push(format!(
                    "group {} uses form template {form:?}, which is neither in the export nor \
                     built in",
                    group.id
                ));
            }
        }
        problems.extend(self.observation_problems());
        problems.extend(self.trajectory_problems());
        problems.extend(self.contact_problems());
        problems.extend(self.visit_problems());
        let mut names = HashSet::new();
        for staff in &self.staff {
            if !names.insert(crate::domain::staff::name_key(&staff.name)) {
                problems.push(format!("two staff members are called {}", staff.name));
            }
        }
        problems.extend(self.audit_problems());
        problems
    }

    /// The audit trail's hash chain must hold (the first break is named), and the trail must
    /// agree with the records (see [`audit::trail_problems`]).
    fn audit_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if let Err(broken) = audit::verify_chain(&self.audit) {
            problems.push(broken.to_string());
        }
        let mut records = audit::Records::default();
        records.add("staff", self.staff.iter().map(|s| s.id));
        records.add("group", self.groups.iter().map(|g| g.id));
        records.add("child", self.children.iter().map(|c| c.id));
        records.add("observation", self.observations.iter().map(|o| o.id));
        records.add("trajectory", self.trajectories.iter().map(|t| t.id));
        records.add("visit", self.visits.iter().map(|v| v.id));
        records.add("contact", self.stored_contacts().map(|c| c.id));
        problems.extend(audit::trail_problems(&self.audit, records));
        problems
    }

    /// The highest id any record uses, so the store can hand out fresh ones above it.
    pub fn max_id(&self) -> u64 {
        let staff = self.staff.iter().map(|s| s.id);
        let groups = self.groups.iter().map(|g| g.id);
        let children = self.children.iter().map(|c| c.id);
        let observations = self.observations.iter().map(|o| o.id);
        let trajectories = self.trajectories.iter().map(|t| t.id);
        let contacts = self.stored_contacts().map(|c| c.id);
        let visits = self.visits.iter().map(|v| v.id);
        staff
            .chain(groups)
            .chain(children)
            .chain(observations)
            .chain(trajectories)
            .chain(contacts)
            .chain(visits)
            .max()
            .unwrap_or(0)
    }

    /// The contacts a database stores: all but the pinned cards that were never edited (id 0).
    pub fn stored_contacts(&self) -> impl Iterator<Item = &Contact> {
        self.contacts.iter().filter(|c| c.id != 0)
    }

    /// Every contact needs a name and, unless it is a pinned card as signaal ships it, an id;
    /// a child links only contacts that exist; each pinned card is there once at most.
    fn contact_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut pinned = HashSet::new();
        for contact in &self.contacts {
            if contact.name.trim().is_empty() {
                problems.push(format!("contact {} has no name", contact.id));
            }
            if contact.id == 0 && contact.pinned.is_none() {
                problems.push(format!("the contact {} has no id", contact.name));
            }
            if let Some(p) = contact.pinned {
                if !pinned.insert(p) {
                    problems.push(format!("the pinned card {} is there twice", contact.name));
                }
            }
        }
        let ids: HashSet<_> = self.stored_contacts().map(|c| c.id).collect();
        for child in &self.children {
            for id in child.contacts.iter().filter(|id| !ids.contains(id)) {
                problems.push(format!(
                    "child {} is linked to contact {id}, which does not exist",
                    child.id
                ));
            }
        }
        problems
    }

    /// Visits must belong to a group, speak only of children that exist, and be the only open
    /// one of their group.
    fn visit_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let group_ids: HashSet<_> = self.groups.iter().map(|g| g.id).collect();
        let child_ids: HashSet<_> = self.children.iter().map(|c| c.id).collect();
        let mut open = HashSet::new();
        for v in &self.visits {
            if !group_ids.contains(&v.group_id) {
                problems.push(format!(
                    "visit {} belongs to group {}, which does not exist",
                    v.id, v.group_id
                ));
            }
            if v.is_open() && !open.insert(v.group_id) {
                problems.push(format!("group {} has more than one open visit", v.group_id));
            }
            for child in v.children().filter(|c| !child_ids.contains(c)) {
                problems.push(format!(
                    "visit {} is about child {child}, which does not exist",
                    v.id
                ));
            }
        }
        problems
    }

    /// Trajectories must belong to a child, name a plan version that the export or this signaal
    /// has, hold exactly that plan's stages, and be the only open one of their plan per child.
    fn trajectory_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let child_ids: HashSet<_> = self.children.iter().map(|c| c.id).collect();
        let builtin = crate::templates::builtin_plans();
        let mut open = HashSet::new();
        for t in &self.trajectories {
            if !child_ids.contains(&t.child_id) {
                problems.push(format!(
                    "trajectory {} belongs to child {}, which does not exist",
                    t.id, t.child_id
                ));
            }
            if t.is_open() && !open.insert((t.child_id, t.template.as_str())) {
                problems.push(format!(
                    "child {} has more than one open trajectory with the plan {}",
                    t.child_id, t.template
                ));
            }
            let plan = self
                .plan_templates
                .iter()
                .chain(&builtin)
                .find(|p| p.id == t.template && p.version == t.version);
            let Some(plan) = plan else {
                problems.push(format!(
                    "trajectory {} uses plan {} version {}, which is neither in the export nor \
                     built in",
                    t.id, t.template, t.version
                ));
                continue;
            };
            let stages: Vec<&str> = t.stages.iter().map(|e| e.stage.as_str()).collect();
            let expected: Vec<&str> = plan.stages.iter().map(|s| s.id.as_str()).collect();
            if stages != expected {
                problems.push(format!(
                    "trajectory {} has the stages {stages:?}, but plan {} version {} has \
                     {expected:?}",
                    t.id, t.template, t.version
                ));
            }
            for answer in &t.answers {
                if plan.question(&answer.question).is_none() {
                    problems.push(format!(
                        "trajectory {} answers question {:?}, which plan {} does not ask",
                        t.id, answer.question, t.template
                    ));
                }
            }
        }
        problems
    }

    /// Observations must belong to a child, name a template version that the export or this
    /// signaal has, and mark only that template's items, each once.
    fn observation_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let child_ids: HashSet<_> = self.children.iter().map(|c| c.id).collect();
        let builtin = crate::templates::builtin();
        let mut template_keys = HashSet::new();
        for template in &self.form_templates {
            if !template_keys.insert((template.id.as_str(), template.version)) {
                problems.push(format!(
                    "form template {} version {} is there twice",
                    template.id, template.version
                ));
            }
        }
        for obs in &self.observations {
            if !child_ids.contains(&obs.child_id) {
                problems.push(format!(
                    "observation {} belongs to child {}, which does not exist",
                    obs.id, obs.child_id
                ));
            }
            let template = self
                .form_templates
                .iter()
                .chain(&builtin)
                .find(|t| t.id == obs.template && t.version == obs.version);
            let Some(template) = template else {
                problems.push(format!(
                    "observation {} uses template {} version {}, which is neither in the export \
                     nor built in",
                    obs.id, obs.template, obs.version
                ));
                continue;
            };
            let mut seen = HashSet::new();
            let items = obs
                .marks
                .iter()
                .map(|m| &m.item)
                .chain(obs.notes.iter().map(|n| &n.item));
            for item in items {
                if template.item(item).is_none() {
                    problems.push(format!(
                        "observation {} marks item {item:?}, which template {} version {} does \
                         not have",
                        obs.id, obs.template, obs.version
                    ));
                }
                if !seen.insert(item) {
                    problems.push(format!(
                        "observation {} has item {item:?} more than once",
                        obs.id
                    ));
                }
            }
        }
        problems
    }
}
