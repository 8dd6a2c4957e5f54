//! The consistency checks of an export, made one record at a time in two passes, so that a file of
//! any size is checked with only ids and small indexes in memory, whatever order its arrays are in.
//!
//! Pass one ([`Checks::index`]) sees every record and keeps what later records refer to: the ids
//! of every kind, the templates (a few dozen), the staff names; it finds what needs only those
//! (an id used twice, a template version twice, a contact without a name). Pass two
//! ([`Checks::check`]) sees every record again and checks its references against the complete
//! indexes (a child's group, an observation's child, template and items). The audit trail is
//! checked one entry at a time too: its hash chain in pass one, its agreement with the records
//! ([`TrailCheck`], which needs every record's id first) in pass two. Problems are reported in a
//! fixed order of kinds, so the same data gives the same sentences however it is read.

use std::collections::{HashMap, HashSet};

use super::inconsistency::array_of;
use super::{Inconsistency, Record, FORMAT, VERSION};
use crate::domain::audit::{ChainVerifier, Records, TrailCheck};
use crate::domain::contact::Pinned;
use crate::domain::form::FormTemplate;
use crate::domain::plan::PlanTemplate;
use crate::domain::{Contact, Id, Role};

/// The kinds of problem, in the order they are reported.
#[derive(Clone, Copy)]
enum Kind {
    Format,
    Ids,
    Children,
    Groups,
    Observations,
    Trajectories,
    Contacts,
    ContactLinks,
    Visits,
    Handovers,
    Staff,
    Audit,
}
const KINDS: usize = Kind::Audit as usize + 1;

/// The state of a two-pass check: feed every record to [`Checks::index`], then every record again
/// to [`Checks::check`], then [`Checks::finish`].
pub struct Checks {
    problems: [Vec<Inconsistency>; KINDS],
    /// How many records of each kind pass one saw, for the path of the one at fault.
    seen: HashMap<&'static str, usize>,
    /// Every record id seen, for "already taken".
    ids: HashSet<Id>,
    max_id: Id,
    groups: HashSet<Id>,
    children: HashSet<Id>,
    /// Each child's birth date, for the dates of its handover.
    births: HashMap<Id, chrono::NaiveDate>,
    /// Each observation's child, for the observations a trajectory names as prompting it.
    observed: HashMap<Id, Id>,
    /// The children with a handover, for "more than one".
    handed_over: HashSet<Id>,
    /// The ids of the stored contacts (those with an id).
    contacts: HashSet<Id>,
    pinned: HashSet<Pinned>,
    /// The contacts' UIDs (those that have one), for "the same UID twice".
    uids: HashSet<String>,
    staff_names: HashSet<String>,
    /// The staff ids with their roles, for a child's mentor.
    staff: HashMap<Id, Role>,
    /// The groups each staff member works on, for whom an open visit's advice may be for.
    staff_groups: HashMap<Id, Vec<Id>>,
    /// The export's templates followed by the built-in ones: a lookup finds the export's first.
    forms: Vec<FormTemplate>,
    builtin_forms: usize,
    plans: Vec<PlanTemplate>,
    builtin_plans: usize,
    open_visits: HashSet<Id>,
    open_trajectories: HashMap<Id, HashSet<String>>,
    /// The hash chain, entry by entry in pass one; only its first break is reported.
    chain: ChainVerifier,
    /// Whether the trail comes from before the chain and is sealed on import: then no entry may
    /// carry a hash, and `chain` follows the hashes the import gives the entries.
    sealing: bool,
    /// The ids per kind for the trail's rules, until pass two hands them to `trail`.
    records: Records,
    trail: Option<TrailCheck>,
}

impl Default for Checks {
    fn default() -> Self {
        Checks::new()
    }
}

impl Checks {
    pub fn new() -> Checks {
        let forms = crate::templates::builtin();
        let plans = crate::templates::builtin_plans();
        Checks {
            problems: Default::default(),
            seen: HashMap::new(),
            ids: HashSet::new(),
            max_id: 0,
            groups: HashSet::new(),
            children: HashSet::new(),
            births: HashMap::new(),
            observed: HashMap::new(),
            handed_over: HashSet::new(),
            contacts: HashSet::new(),
            pinned: HashSet::new(),
            uids: HashSet::new(),
            staff_names: HashSet::new(),
            staff: HashMap::new(),
            staff_groups: HashMap::new(),
            builtin_forms: forms.len(),
            forms,
            builtin_plans: plans.len(),
            plans,
            open_visits: HashSet::new(),
            open_trajectories: HashMap::new(),
            chain: ChainVerifier::new(),
            sealing: false,
            records: Records::default(),
            trail: None,
        }
    }

    fn problem(&mut self, kind: Kind, problem: impl Into<Inconsistency>) {
        self.problems[kind as usize].push(problem.into());
    }

    /// The file's `format` and `version`.
    pub fn header(&mut self, format: &str, version: u32) {
        if format != FORMAT {
            let found = format.to_string();
            self.problem(Kind::Format, Inconsistency::Format { found });
        }
        if version > VERSION {
            let supported = VERSION;
            let found = version;
            self.problem(Kind::Format, Inconsistency::Version { found, supported });
        }
    }

    /// Pass one: keeps what other records refer to.
    pub fn index(&mut self, record: Record<'_>) {
        match record {
            Record::Staff(s) => {
                self.staff.insert(s.id, s.role);
                self.staff_groups.insert(s.id, s.groups.clone());
                let name = crate::domain::staff::name_key(&s.name);
                if !self.staff_names.insert(name) {
                    let problem = Inconsistency::StaffNameTwice(s.name.clone());
                    self.problem(Kind::Staff, problem);
                }
                if s.safeguarding_lead && !crate::domain::access::may_be_safeguarding_lead(s.role) {
                    let problem = format!(
                        "staff member {} is a coach and cannot be the aandachtsfunctionaris \
                         (safeguarding_lead)",
                        s.name
                    );
                    self.problem(Kind::Staff, problem);
                }
            }
            Record::Group(g) => {
                self.groups.insert(g.id);
            }
            Record::Child(c) => {
                self.children.insert(c.id);
                self.births.insert(c.id, c.birth_date);
            }
            Record::FormTemplate(t) => {
                let exported = &self.forms[self.builtin_forms..];
                if exported
                    .iter()
                    .any(|o| o.id == t.id && o.version == t.version)
                {
                    let problem = format!(
                        "form template {} version {} is there twice",
                        t.id, t.version
                    );
                    self.problem(Kind::Observations, problem);
                }
                self.forms.push(t.clone());
            }
            Record::PlanTemplate(p) => self.plans.push(p.clone()),
            Record::Contact(c) => self.index_contact(c),
            Record::Audit(entry) if self.sealing => {
                let mut sealed = entry.clone();
                sealed.seal(self.chain.last_hash());
                let position = self.chain.count() + 1;
                // Cannot break: the entry was sealed onto the chain just now.
                let _ = self.chain.push(&sealed);
                if !entry.hash.is_empty() && self.problems[Kind::Audit as usize].is_empty() {
                    let problem = Inconsistency::SealedTrailHasHash { position };
                    self.problem(Kind::Audit, problem);
                }
            }
            Record::Audit(entry) => {
                if let Err(broken) = self.chain.push(entry) {
                    if self.problems[Kind::Audit as usize].is_empty() {
                        self.problem(Kind::Audit, Inconsistency::ChainBroken(broken));
                    }
                }
            }
            Record::Observation(o) => {
                self.observed.insert(o.id, o.child_id);
            }
            Record::Trajectory(_) | Record::Visit(_) | Record::Handover(_) => {}
        }
        let index = record.kind().map(|kind| {
            let seen = self.seen.entry(kind).or_default();
            *seen += 1;
            *seen - 1
        });
        if let Some((kind, id)) = record.id() {
            self.max_id = self.max_id.max(id);
            self.records.add(kind, [id]);
            if !self.ids.insert(id) {
                let path = format!("{}[{}].id", array_of(kind), index.unwrap_or_default());
                self.problem(Kind::Ids, Inconsistency::IdTaken { kind, id, path });
            }
        }
    }

    /// Every contact needs a name and, unless it is a pinned card as signaal ships it, an id;
    /// each pinned card is there once at most, with its national number when its kind has one,
    /// and each UID (the vCard export's) once too.
    fn index_contact(&mut self, contact: &Contact) {
        if contact.id != 0 {
            self.contacts.insert(contact.id);
        }
        if contact.name.trim().is_empty() {
            let problem = Inconsistency::NoName {
                kind: "contact",
                id: contact.id,
            };
            self.problem(Kind::Contacts, problem);
        }
        if contact.id == 0 && contact.pinned.is_none() {
            let problem = format!("the contact {} has no id", contact.name);
            self.problem(Kind::Contacts, problem);
        }
        if !contact.uid.is_empty() && !self.uids.insert(contact.uid.clone()) {
            let (name, uid) = (contact.name.clone(), contact.uid.clone());
            self.problem(Kind::Contacts, Inconsistency::UidTwice { name, uid });
        }
        if let Some(p) = contact.pinned {
            if !self.pinned.insert(p) {
                let problem = Inconsistency::PinnedTwice(contact.name.clone());
                self.problem(Kind::Contacts, problem);
            }
        }
        if let Some(number) = contact.missing_fixed_number() {
            let (name, number) = (contact.name.clone(), number.to_string());
            let problem = Inconsistency::PinnedNumberMissing { name, number };
            self.problem(Kind::Contacts, problem);
        }
    }

    /// Pass two: checks what `record` refers to against everything pass one saw.
    pub fn check(&mut self, record: Record<'_>) {
        match record {
            Record::Group(g) => self.check_group(g),
            Record::Child(c) => self.check_child(c),
            Record::Observation(o) => self.check_observation(o),
            Record::Trajectory(t) => self.check_trajectory(t),
            Record::Visit(v) => self.check_visit(v),
            Record::Handover(h) => self.check_handover(h),
            Record::Audit(entry) => self.trail().push(entry),
            Record::Contact(c) => self.check_contact(c),
            Record::Staff(_) | Record::FormTemplate(_) | Record::PlanTemplate(_) => {}
        }
    }

    /// The trail's rules, given every record's id from pass one.
    fn trail(&mut self) -> &mut TrailCheck {
        let records = &mut self.records;
        self.trail
            .get_or_insert_with(|| TrailCheck::new(std::mem::take(records)))
    }

    /// A contact serves groups of this database only: a group id from elsewhere would make it
    /// serve a group that merely has the same id.
    fn check_contact(&mut self, contact: &Contact) {
        for group in &contact.groups {
            if !self.groups.contains(group) {
                let problem = format!(
                    "contact {} ({}) serves group {group}, which does not exist",
                    contact.id, contact.name
                );
                self.problem(Kind::ContactLinks, problem);
            }
        }
    }

    fn check_group(&mut self, group: &crate::domain::Group) {
        if group.name.trim().is_empty() {
            let id = group.id;
            self.problem(Kind::Groups, Inconsistency::NoName { kind: "group", id });
        }
        for form in &group.forms {
            if !self.forms.iter().any(|t| &t.id == form) {
                let problem = format!(
                    "group {} uses form template {form:?}, which is neither in the export nor \
                     built in",
                    group.id
                );
                self.problem(Kind::Groups, problem);
            }
        }
    }

    fn check_child(&mut self, child: &crate::domain::Child) {
        if !self.groups.contains(&child.group_id) {
            let problem = Inconsistency::Orphan {
                kind: "child",
                id: child.id,
                name: Some(child.full_name()),
                parent: "group",
                parent_id: child.group_id,
            };
            self.problem(Kind::Children, problem);
        }
        if child.first_name.trim().is_empty() {
            self.problem(Kind::Children, Inconsistency::NoFirstName(child.id));
        }
        self.check_child_record(child);
        for id in &child.contacts {
            if !self.contacts.contains(id) {
                let problem = format!(
                    "child {} is linked to contact {id}, which does not exist",
                    child.id
                );
                self.problem(Kind::ContactLinks, problem);
            }
        }
    }

    /// The child's record: its start in the group between its birth and today, its mentor a staff member but not a coach, every guardian with a name and every phone
    /// with a number, and a consent given by one of the child's guardians (when it names one).
    fn check_child_record(&mut self, child: &crate::domain::Child) {
        let id = child.id;
        let mut problems: Vec<Inconsistency> = Vec::new();
        if let Some(started) = child.started {
            let today = chrono::Local::now().date_naive();
            match crate::domain::child::check_started(started, child.birth_date, today) {
                Ok(_) => {}
                Err(crate::domain::Invalid::StartedBeforeBirth) => {
                    problems.push(Inconsistency::from(format!(
                        "child {id} has started {started}, before its birth date {}",
                        child.birth_date
                    )))
                }
                Err(_) => problems.push(Inconsistency::from(format!(
                    "child {id} has started {started}, which lies in the future"
                ))),
            }
        }
        if let Some(mentor) = child.mentor {
            match self.staff.get(&mentor) {
                None => problems.push(Inconsistency::MentorUnknown { child: id, mentor }),
                Some(&role) if !crate::domain::access::may_be_mentor(role) => {
                    problems.push(Inconsistency::MentorIsCoach { child: id, mentor })
                }
                Some(_) => {}
            }
        }
        for (i, guardian) in child.guardians.iter().enumerate() {
            if guardian.name.trim().is_empty() {
                problems.push(Inconsistency::from(format!(
                    "child {id} has a guardian without a name (guardians[{i}].name)"
                )));
            }
            for (j, phone) in guardian.phones.iter().enumerate() {
                if phone.number.trim().is_empty() {
                    problems.push(Inconsistency::from(format!(
                        "child {id} has a phone of guardian {:?} without a number \
                         (guardians[{i}].phones[{j}].number)",
                        guardian.name
                    )));
                }
            }
        }
        for to in crate::domain::ConsentTo::ALL {
            let Some(given) = child.consent.get(to) else {
                continue;
            };
            // An empty giver is an answer recorded before signaal kept givers (a trajectory's
            // consent of an older export): accepted, as nobody can name them now.
            let giver = given.given_by.trim();
            let purpose = to.key();
            let why = match crate::domain::consent::check_giver(giver, &child.guardians) {
                _ if giver.is_empty() => continue,
                Ok(()) => continue,
                Err(crate::domain::Invalid::GiverWithoutAuthority(_)) => {
                    "who has no parental authority (gezag)"
                }
                Err(_) => "who is not one of the child's guardians",
            };
            problems.push(Inconsistency::from(format!(
                "child {id} has consent.{purpose}.given_by {giver:?}, {why}"
            )));
        }
        self.problems[Kind::Children as usize].extend(problems);
    }

    /// Observations must belong to a child, name a template version that the export or this
    /// signaal has, and mark only that template's items, each once.
    fn check_observation(&mut self, obs: &crate::domain::Observation) {
        let mut problems: Vec<Inconsistency> = Vec::new();
        if !self.children.contains(&obs.child_id) {
            problems.push(Inconsistency::Orphan {
                kind: "observation",
                id: obs.id,
                name: None,
                parent: "child",
                parent_id: obs.child_id,
            });
        }
        match self.form(&obs.template, obs.version) {
            None => problems.push(Inconsistency::from(format!(
                "observation {} uses template {} version {}, which is neither in the export nor \
                 built in",
                obs.id, obs.template, obs.version
            ))),
            Some(template) => {
                let mut seen = HashSet::new();
                let items = obs
                    .marks
                    .iter()
                    .map(|m| &m.item)
                    .chain(obs.notes.iter().map(|n| &n.item));
                for item in items {
                    if template.item(item).is_none() {
                        problems.push(Inconsistency::UnknownItem {
                            observation: obs.id,
                            item: item.clone(),
                            template: obs.template.clone(),
                            version: obs.version,
                        });
                    }
                    if !seen.insert(item) {
                        problems.push(Inconsistency::from(format!(
                            "observation {} has item {item:?} more than once",
                            obs.id
                        )));
                    }
                }
            }
        }
        self.problems[Kind::Observations as usize].extend(problems);
    }

    /// The export's version of a form template, else the built-in one.
    fn form(&self, id: &str, version: u32) -> Option<&FormTemplate> {
        let (builtin, exported) = self.forms.split_at(self.builtin_forms);
        exported
            .iter()
            .chain(builtin)
            .find(|t| t.id == id && t.version == version)
    }

    /// Trajectories must belong to a child, name a plan version that the export or this signaal
    /// has, hold exactly that plan's stages, and be the only open one of their plan per child.
    fn check_trajectory(&mut self, t: &crate::domain::plan::Trajectory) {
        let mut problems: Vec<Inconsistency> = Vec::new();
        if !self.children.contains(&t.child_id) {
            problems.push(Inconsistency::Orphan {
                kind: "trajectory",
                id: t.id,
                name: None,
                parent: "child",
                parent_id: t.child_id,
            });
        }
        if t.is_open()
            && !self
                .open_trajectories
                .entry(t.child_id)
                .or_default()
                .insert(t.template.clone())
        {
            problems.push(Inconsistency::from(format!(
                "child {} has more than one open trajectory with the plan {}",
                t.child_id, t.template
            )));
        }
        let (builtin, exported) = self.plans.split_at(self.builtin_plans);
        let plan = exported
            .iter()
            .chain(builtin)
            .find(|p| p.id == t.template && p.version == t.version);
        match plan {
            None => problems.push(Inconsistency::from(format!(
                "trajectory {} uses plan {} version {}, which is neither in the export nor built in",
                t.id, t.template, t.version
            ))),
            Some(plan) => {
                let stages: Vec<&str> = t.stages.iter().map(|e| e.stage.as_str()).collect();
                let expected: Vec<&str> = plan.stages.iter().map(|s| s.id.as_str()).collect();
                if stages != expected {
                    problems.push(Inconsistency::from(format!(
                        "trajectory {} has the stages {stages:?}, but plan {} version {} has \
                         {expected:?}",
                        t.id, t.template, t.version
                    )));
                }
                let mut answered = HashSet::new();
                for answer in &t.answers {
                    if plan.question(&answer.question).is_none() {
                        problems.push(Inconsistency::from(format!(
                            "trajectory {} answers question {:?}, which plan {} does not ask",
                            t.id, answer.question, t.template
                        )));
                    } else if !answered.insert(answer.question.as_str()) {
                        problems.push(Inconsistency::from(format!(
                            "trajectory {} answers question {:?} more than once",
                            t.id, answer.question
                        )));
                    }
                }
            }
        }
        if !crate::domain::access::is_meldcode_plan(&t.template) && !t.meldcode.is_empty() {
            problems.push(Inconsistency::from(format!(
                "trajectory {} follows plan {}, not the Meldcode, yet has Meldcode fields \
                 (meldcode)",
                t.id, t.template
            )));
        }
        problems.extend(self.prompt_problems(t).into_iter().map(Inconsistency::from));
        problems.extend(
            self.trajectory_date_problems(t)
                .into_iter()
                .map(Inconsistency::from),
        );
        self.problems[Kind::Trajectories as usize].extend(problems);
    }

    /// A trajectory's dates each follow their rule (`Trajectory::check_date`): what happened
    /// not after today nor before the child's birth, review and expected end at most two years
    /// ahead. One sentence per date, naming the trajectory and the field.
    fn trajectory_date_problems(&self, t: &crate::domain::plan::Trajectory) -> Vec<String> {
        // A child that does not exist is reported already; its birth cannot be checked.
        let born = self
            .births
            .get(&t.child_id)
            .copied()
            .unwrap_or(chrono::NaiveDate::MIN);
        let today = chrono::Local::now().date_naive();
        t.date_problems(born, today)
            .into_iter()
            .map(|(field, why)| {
                let date = t.date(field).map(|d| d.to_string()).unwrap_or_default();
                format!("trajectory {} has {} {date}: {why}", t.id, field.name())
            })
            .collect()
    }

    /// The observations a trajectory names as prompting it must be observations of its own
    /// child; a Meldcode trajectory names none (`Trajectory::takes_prompts`).
    fn prompt_problems(&self, t: &crate::domain::plan::Trajectory) -> Vec<String> {
        if !t.takes_prompts() && !t.prompted_by.is_empty() {
            return vec![format!(
                "trajectory {} follows the Meldcode, which records its signals itself, yet names \
                 observations in prompted_by",
                t.id
            )];
        }
        t.prompted_by
            .iter()
            .filter_map(|id| match self.observed.get(id) {
                None => Some(format!(
                    "trajectory {} names observation {id} in prompted_by, which does not exist",
                    t.id
                )),
                Some(&child) if child != t.child_id => Some(format!(
                    "trajectory {} names observation {id} in prompted_by, which is of child \
                     {child}, not of its own child {}",
                    t.id, t.child_id
                )),
                Some(_) => None,
            })
            .collect()
    }

    /// Visits must belong to a group, speak only of children that exist, give advice only to
    /// staff members that exist, never to the visit's own coach, and be the only open one of
    /// their group. An open visit's advice is only for staff who work on its group, as the visit
    /// screen asks; a closed visit is history, whose staff may since have moved to another group.
    fn check_visit(&mut self, v: &crate::domain::visit::Visit) {
        if !self.groups.contains(&v.group_id) {
            let problem = Inconsistency::Orphan {
                kind: "visit",
                id: v.id,
                name: None,
                parent: "group",
                parent_id: v.group_id,
            };
            self.problem(Kind::Visits, problem);
        }
        if v.is_open() && !self.open_visits.insert(v.group_id) {
            let problem = format!("group {} has more than one open visit", v.group_id);
            self.problem(Kind::Visits, problem);
        }
        let missing: Vec<Id> = v
            .children()
            .filter(|c| !self.children.contains(c))
            .collect();
        for child in missing {
            let problem = format!(
                "visit {} is about child {child}, which does not exist",
                v.id
            );
            self.problem(Kind::Visits, problem);
        }
        let mut unknown: Vec<Id> = v
            .advised_staff()
            .filter(|s| !self.staff.contains_key(s))
            .collect();
        unknown.sort_unstable();
        unknown.dedup();
        for person in unknown {
            let problem = format!(
                "visit {} has advice with staff member {person}, who does not exist",
                v.id
            );
            self.problem(Kind::Visits, problem);
        }
        let mut problems: Vec<Inconsistency> = Vec::new();
        if v.advised_staff().any(|s| s == v.by_id) {
            problems.push(Inconsistency::from(format!(
                "visit {} has advice with staff member {}, the visit's own coach",
                v.id, v.by_id
            )));
        }
        let mut elsewhere: Vec<Id> = v
            .advised_staff()
            .filter(|s| *s != v.by_id && v.is_open())
            .filter(|s| {
                let groups = self.staff_groups.get(s);
                groups.is_some_and(|g| !g.contains(&v.group_id))
            })
            .collect();
        elsewhere.sort_unstable();
        elsewhere.dedup();
        problems.extend(elsewhere.into_iter().map(|person| -> Inconsistency {
            format!(
                "visit {} is open and has advice with staff member {person}, who does not work on \
                 its group {}",
                v.id, v.group_id
            )
            .into()
        }));
        self.problems[Kind::Visits as usize].extend(problems);
    }

    /// A handover must be about a child that exists, be its only one, and have dates after the
    /// child's birth.
    fn check_handover(&mut self, h: &crate::domain::handover::Handover) {
        let Some(&born) = self.births.get(&h.child_id) else {
            let problem = format!(
                "a handover is about child {}, which does not exist",
                h.child_id
            );
            self.problem(Kind::Handovers, problem);
            return;
        };
        if !self.handed_over.insert(h.child_id) {
            let problem = format!("child {} has more than one handover", h.child_id);
            self.problem(Kind::Handovers, problem);
        }
        let today = chrono::Local::now().date_naive();
        for problem in h.date_problems(born, today) {
            self.problem(Kind::Handovers, problem);
        }
    }

    /// True while nothing was found (the trail's own rules are only known at [`Checks::finish`]).
    pub fn is_clean(&self) -> bool {
        self.problems.iter().all(Vec::is_empty)
    }

    /// What pass one found, one sentence each, kind by kind: enough to refuse an import before
    /// anything is written.
    pub fn problems(&self) -> Vec<Inconsistency> {
        self.problems.iter().flatten().cloned().collect()
    }

    /// Everything found, after pass two: what [`Checks::problems`] gives, then what the trail's
    /// rules find.
    pub fn finish(mut self) -> Vec<Inconsistency> {
        let mut problems = self.problems();
        self.trail();
        let trail = self.trail.map(TrailCheck::finish).unwrap_or_default();
        problems.extend(trail.into_iter().map(Inconsistency::from));
        problems
    }

    /// The highest record id pass one saw (0 for none).
    pub fn max_id(&self) -> Id {
        self.max_id
    }

    /// The UIDs of the contacts pass one saw (those that have one): what a UID made for a
    /// contact without one must not be.
    pub fn uids(&self) -> &HashSet<String> {
        &self.uids
    }

    /// Takes the trail as one from before the hash chain, to be sealed as it is imported (see
    /// `store::TrailChain::SealedOnImport`): an entry that carries a hash is a problem then.
    pub fn seal_unsealed_trail(&mut self) {
        self.sealing = true;
    }

    /// The hash of the last audit entry pass one saw ("" for none): what an entry appended after
    /// the trail chains onto.
    pub fn last_hash(&self) -> &str {
        self.chain.last_hash()
    }
}
