//! Observations and the form templates they were made with.
//!
//! An observation is rewritten whole on every mark: it is small (one entry per marked item), and
//! one record per observation keeps a mark, its note and its audit entry in one transaction.

use super::codec::{decode, encode, pair_key, template_key};
use super::writes::{Op, Table};
use super::{decode_all, decode_one, Result, Signature, Store, StoreError};
use crate::domain::form::FormTemplate;
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
        self.observations
            .scan_prefix(child_id.to_be_bytes())
            .map(|entry| {
                let (key, value) = entry?;
                decode(&key, &value)
            })
            .collect()
    }

    /// A child's most recent observation: the last key under the child's prefix.
    pub fn latest_observation(&self, child_id: Id) -> Result<Option<Observation>> {
        match self
            .observations
            .scan_prefix(child_id.to_be_bytes())
            .next_back()
        {
            Some(entry) => {
                let (key, value) = entry?;
                Ok(Some(decode(&key, &value)?))
            }
            None => Ok(None),
        }
    }

    /// A fresh id for an observation that is not written yet: a form opened and left without a
    /// mark leaves no record behind.
    pub fn new_observation_id(&self) -> Result<Id> {
        self.next_id()
    }

    /// Writes an observation after one change (a mark or a note on `item`), with its audit entry,
    /// and the template it was made with when that version is not stored yet: one transaction,
    /// flushed before this returns. An observation left with nothing in it is removed.
    pub fn save_observation(
        &self,
        observation: &Observation,
        template: &FormTemplate,
        action: &str,
        item: &str,
        sig: &Signature,
    ) -> Result<()> {
        if (template.id.as_str(), template.version)
            != (observation.template.as_str(), observation.version)
        {
            return Err(StoreError::Invalid(format!(
                "observation {} was made with template {} version {}, not {} version {}",
                observation.id,
                observation.template,
                observation.version,
                template.id,
                template.version
            )));
        }
        if self.child(observation.child_id)?.is_none() {
            return Err(StoreError::Invalid(format!(
                "there is no child {}",
                observation.child_id
            )));
        }
        // An observation whose last mark was taken back holds nothing: it goes, so that the
        // child's list shows the observation before it again. The audit entry stays.
        if observation.is_empty() {
            let key = pair_key(observation.child_id, observation.id);
            let op = Op::remove(Table::Observations, &key);
            let target = format!("observation:{}/{item}", observation.id);
            return self.commit(vec![op], sig, action, target);
        }
        let mut ops = vec![observation_op(observation)];
        if !self
            .form_templates
            .contains_key(template_key(&template.id, template.version))?
        {
            ops.push(template_op(template));
        }
        let target = format!("observation:{}/{item}", observation.id);
        self.commit(ops, sig, action, target)
    }

    /// Every stored template, each version on its own, by id then version.
    pub fn form_templates(&self) -> Result<Vec<FormTemplate>> {
        decode_all(&self.form_templates)
    }

    pub fn form_template(&self, id: &str, version: u32) -> Result<Option<FormTemplate>> {
        decode_one(&self.form_templates, &template_key(id, version))
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
            return Err(StoreError::Invalid(format!(
                "template {} version {} is already stored with other content; raise the version \
                 to change it",
                template.id, template.version
            )));
        }
        let op = template_op(template);
        let target = format!("form_template:{}/{}", template.id, template.version);
        self.commit(vec![op], sig, "form_template.add", target)?;
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

pub(super) fn template_op(template: &FormTemplate) -> Op {
    Op::put(
        Table::FormTemplates,
        &template_key(&template.id, template.version),
        encode(template),
    )
}
