//! Reading the whole database into an [`Export`] and loading one into an empty database.

use chrono::{DateTime, FixedOffset};
use sled::transaction::ConflictableTransactionError;
use sled::Transactional;

use super::codec::{child_key, encode, id_key};
use super::{Result, Store, StoreError};
use crate::export::Export;

impl Store {
    pub fn export(&self, exported_at: DateTime<FixedOffset>) -> Result<Export> {
        Ok(Export {
            staff: self.staff()?,
            groups: self.groups()?,
            // The whole tree, not per group: a child whose group went missing must still show up.
            children: super::decode_all(&self.children)?,
            audit: self.audit()?,
            ..Export::new(exported_at)
        })
    }

    /// Loads `data` into this database, which must be empty. All or nothing: the data is checked
    /// first and written in one transaction.
    pub fn import(&self, data: &Export) -> Result<()> {
        if !self.is_empty() {
            return Err(StoreError::Invalid(format!(
                "the database {} is not empty; import only into a new database",
                self.path.display()
            )));
        }
        let problems = data.problems();
        if !problems.is_empty() {
            return Err(StoreError::Invalid(problems.join("; ")));
        }
        let audit_base = data.max_id() + 1;
        (&self.groups, &self.children, &self.child_group, &self.staff, &self.audit).transaction(
            |(groups, children, child_group, staff, audit)| {
                for s in &data.staff {
                    staff.insert(&id_key(s.id), encode(s))?;
                }
                for g in &data.groups {
                    groups.insert(&id_key(g.id), encode(g))?;
                }
                for c in &data.children {
                    children.insert(&child_key(c.group_id, c.id), encode(c))?;
                    child_group.insert(&id_key(c.id), &id_key(c.group_id))?;
                }
                for (n, entry) in data.audit.iter().enumerate() {
                    audit.insert(&id_key(audit_base + n as u64), encode(entry))?;
                }
                Ok::<(), ConflictableTransactionError<StoreError>>(())
            },
        )?;
        self.reserve_ids_through(audit_base + data.audit.len() as u64)?;
        self.db.flush()?;
        Ok(())
    }

    /// Problems in what the database holds: undecodable records, broken indexes, and everything
    /// [`Export::problems`] finds.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        // Decoding everything is itself the first check: a damaged record fails here.
        let data = self.export(chrono::Local::now().fixed_offset())?;
        problems.extend(data.problems());
        for entry in self.child_group.iter() {
            let (child, _) = entry?;
            let id = super::codec::decode_id(&child)?;
            if self.child(id)?.is_none() {
                problems.push(format!("the index names child {id}, which is not stored"));
            }
        }
        let indexed = self.child_group.len();
        if indexed != data.children.len() {
            problems.push(format!(
                "{} children are stored but {indexed} are indexed",
                data.children.len()
            ));
        }
        Ok(problems)
    }
}
