//! Observations and the form templates they were made with.
//!
//! An observation is rewritten whole on every mark: it is small (one entry per marked item), and
//! one record per observation keeps a mark, its note and its audit entry in one write, all or
//! nothing (see `journal`).

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::codec::{decode, encode, id_key, pair_key, template_key};
use super::writes::{Op, Table};
use super::{decode_all, decode_one, decode_under, Made, Result, Signature, Store, StoreError};
use crate::domain::catalogue::Versioned;
use crate::domain::form::FormTemplate;
use crate::domain::plan::Trajectory;
use crate::domain::{AuditAction, AuditEntry};
use crate::domain::{Id, Observation};

/// What [`Store::add_form_template`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateAdded {
    Added,
    /// The same id and version with the same content was already there.
    AlreadyThere,
}

impl Store {
    /// A child's observations, oldest first (ids grow with time).
    pub fn observations_of(&self, child_id: Id) -> Result<Vec<Observation>> {
        decode_under(&self.trees()?.observations, child_id)
    }

    /// The newest of a child's observations that `keep` turns into a value, and that value.
    /// `keep` gets each observation without its text ([`Observation::without_text`]), newest
    /// first: the newest from its copy in the derived `newest_observation` tree (one small key,
    /// see `store::summary`), the ones before it only when `keep` passes it over, read from the
    /// end of the child's observations one at a time and only as far back as the first kept.
    /// `None`: none kept (or none). A copy that cannot be read is passed over for the records
    /// (`signaal check` rebuilds it).
    ///
    /// # Errors
    /// The store cannot be read, or a record does not decode.
    pub fn newest_observation<T>(
        &self,
        child_id: Id,
        mut keep: impl FnMut(Observation) -> Option<T>,
    ) -> Result<Option<T>> {
        let trees = self.trees()?;
        let key = id_key(child_id);
        let copy = trees.newest_observation.get(key)?;
        let mut passed = None;
        if let Some(Ok(newest)) = copy.map(|bytes| decode::<Observation>(&key, &bytes)) {
            let id = newest.id;
            match keep(newest) {
                Some(kept) => return Ok(Some(kept)),
                None => passed = Some(id),
            }
        }
        let tree = &trees.observations;
        for entry in tree.scan_prefix(key).rev() {
            let (key, value) = entry?;
            let observation: Observation = decode(&key, &value)?;
            if Some(observation.id) == passed {
                continue;
            }
            if let Some(kept) = keep(observation.without_text()) {
                return Ok(Some(kept));
            }
        }
        Ok(None)
    }

    /// The newest `limit` of a child's observations that `keep` turns into a value, newest
    /// first: read from the end of the child's observations and decoded one at a time, only as
    /// far back as the `limit`th kept one, for a screen that shows the latest few of many.
    ///
    /// # Errors
    /// The store cannot be read, or a record does not decode.
    pub fn newest_observations<T>(
        &self,
        child_id: Id,
        limit: usize,
        mut keep: impl FnMut(Observation) -> Option<T>,
    ) -> Result<Vec<T>> {
        let mut kept = Vec::new();
        let tree = &self.trees()?.observations;
        for entry in tree.scan_prefix(id_key(child_id)).rev() {
            if kept.len() >= limit {
                break;
            }
            let (key, value) = entry?;
            kept.extend(keep(decode(&key, &value)?));
        }
        Ok(kept)
    }

    /// A fresh id for an observation that is not written yet: a form opened and left without a
    /// mark leaves no record behind.
    pub fn new_observation_id(&self) -> Result<Id> {
        self.next_id()
    }

    /// Writes an observation after one change (a mark or a note on `item`), with its audit entry,
    /// and the template it was made with when that version is not stored yet: one write, all or
    /// nothing, flushed before this returns. An observation left with nothing in it is removed.
    pub fn save_observation(
        &self,
        observation: &Observation,
        template: &FormTemplate,
        action: AuditAction,
        item: &str,
        sig: &Signature,
    ) -> Result<()> {
        same_version(
            Made::Observation(observation.id),
            &observation.template,
            observation.version,
            template,
        )?;
        self.child_exists(observation.child_id)?;
        // An observation whose last mark was taken back holds nothing: it goes, so that the
        // child's list shows the observation before it again, and so does its place among what
        // prompted a trajectory (in the same write: no trajectory names what is not there), each
        // such change with its own `trajectory.edit` entry, as when staff change it by hand. The
        // audit entry stays.
        if observation.is_empty() {
            let key = pair_key(observation.child_id, observation.id);
            let mut ops = vec![Op::remove(Table::Observations, &key)];
            let target = format!("observation:{}/{item}", observation.id);
            let mut entries = vec![AuditEntry::new(sig.at, &sig.by, action, target)];
            for mut t in self.trajectories_of(observation.child_id)? {
                if t.prompted_by.contains(&observation.id) {
                    t.prompted_by.retain(|id| *id != observation.id);
                    ops.push(super::plans::trajectory_op(&t));
                    let target = format!("trajectory:{}/{}", t.id, Trajectory::PROMPTED_BY);
                    let edit = AuditAction::TrajectoryEdit;
                    entries.push(AuditEntry::new(sig.at, &sig.by, edit, target));
                }
            }
            return self.append(ops, entries);
        }
        let mut ops = vec![observation_op(observation)];
        ops.extend(self.template_if_new(Table::FormTemplates, template)?);
        let target = format!("observation:{}/{item}", observation.id);
        self.commit(ops, sig, action, target)
    }

    /// Every stored template, each version on its own, by id then version.
    pub fn form_templates(&self) -> Result<Vec<FormTemplate>> {
        decode_all(&self.trees()?.form_templates)
    }

    pub fn form_template(&self, id: &str, version: u32) -> Result<Option<FormTemplate>> {
        decode_one(&self.trees()?.form_templates, &template_key(id, version))
    }

    /// Stores an organisation's own template. A version that is already stored with other content
    /// is refused: observations made with it must keep their wording, so a change needs a new
    /// version number.
    pub fn add_form_template(
        &self,
        template: &FormTemplate,
        sig: &Signature,
    ) -> Result<TemplateAdded> {
        if let Some(stored) = self.form_template(&template.id, template.version)? {
            if &stored == template {
                return Ok(TemplateAdded::AlreadyThere);
            }
            return Err(StoreError::TemplateConflict {
                id: template.id.clone(),
                version: template.version,
            });
        }
        let op = template_op(Table::FormTemplates, template);
        let target = format!("form_template:{}/{}", template.id, template.version);
        self.commit(vec![op], sig, AuditAction::FormTemplateAdd, target)?;
        Ok(TemplateAdded::Added)
    }
}

pub(super) fn observation_op(observation: &Observation) -> Op {
    Op::put(
        Table::Observations,
        &pair_key(observation.child_id, observation.id),
        encode(observation),
    )
}

/// A template version as stored: under its id and version, in `table`.
pub(super) fn template_op<T: Serialize + Versioned>(table: Table, template: &T) -> Op {
    Op::put(
        table,
        &template_key(template.id(), template.version()),
        encode(template),
    )
}

/// Refuses a record written with another version of a template than the one it was made with.
pub(super) fn same_version(
    record: Made,
    id: &str,
    version: u32,
    template: &impl Versioned,
) -> Result<()> {
    if (id, version) == (template.id(), template.version()) {
        return Ok(());
    }
    Err(StoreError::OtherTemplate {
        record,
        id: id.to_string(),
        version,
        given: template.id().to_string(),
        given_version: template.version(),
    })
}

impl Store {
    /// The op that stores this template version, when it is not stored yet: every version a
    /// record was made with stays readable, whatever later builds of signaal ship.
    pub(super) fn template_if_new<T: Serialize + Versioned>(
        &self,
        table: Table,
        template: &T,
    ) -> Result<Option<Op>> {
        let key = template_key(template.id(), template.version());
        let stored = self.template_tree(table)?.contains_key(key)?;
        Ok((!stored).then(|| template_op(table, template)))
    }

    /// The op that stores an imported template version; one stored with other content is
    /// refused, as records made with it must keep their wording.
    pub(super) fn import_template<T>(&self, table: Table, template: &T) -> Result<Op>
    where
        T: Serialize + DeserializeOwned + Versioned + PartialEq,
    {
        let key = template_key(template.id(), template.version());
        let stored: Option<T> = decode_one(&self.template_tree(table)?, &key)?;
        if stored.is_some_and(|stored| &stored != template) {
            return Err(StoreError::TemplateConflict {
                id: template.id().to_string(),
                version: template.version(),
            });
        }
        Ok(template_op(table, template))
    }

    fn template_tree(&self, table: Table) -> Result<sled::Tree> {
        let trees = self.trees()?;
        Ok(match table {
            Table::PlanTemplates => trees.plan_templates.clone(),
            _ => trees.form_templates.clone(),
        })
    }

    /// Refuses a record of a child that is not stored, by the `child_group` index alone: a
    /// lookup without decoding the child.
    pub(super) fn child_exists(&self, child_id: Id) -> Result<()> {
        match self.trees()?.child_group.contains_key(id_key(child_id))? {
            true => Ok(()),
            false => Err(StoreError::UnknownChild(child_id)),
        }
    }
}
