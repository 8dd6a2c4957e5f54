//! Reading the whole database into an [`Export`] and loading one into an empty database.

use super::codec::{encode, id_key};
use super::observations::observation_op;
use super::plans::trajectory_op;
use super::visits::visit_op;
use super::writes::{child_ops, Op, Table};
use super::Signature;
use super::{Result, Store, StoreError};
use crate::domain::audit::MAX_ID;
use crate::domain::{AuditEntry, Catalogue};
use crate::export::Export;
use chrono::{DateTime, FixedOffset};
use std::io::{Read, Write};

/// How much an export (or a backup, or an import) held: the counts a user is told afterwards.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportSummary {
    pub groups: usize,
    pub children: usize,
    pub staff: usize,
    pub observations: usize,
    pub trajectories: usize,
    pub visits: usize,
    pub audit: usize,
    /// The highest id of any record (see [`Export::max_id`]).
    pub max_id: u64,
}

/// The audit action of an import's own entry.
pub const IMPORT_ACTION: &str = "import";

/// Who imports which file, for the import's own audit entry.
#[derive(Debug, Clone)]
pub struct ImportRecord {
    pub sig: Signature,
    /// Lowercase hex SHA-256 of the imported file's bytes.
    pub file_sha256: String,
}

impl ExportSummary {
    /// The `detail` of an import's audit entry: `file_sha256=HEX` and then `kind=COUNT` for
    /// staff, groups, children, observations, trajectories, visits and audit (the entries
    /// imported), then `max_id=N`, the highest id imported, which tells `check` that every record
    /// up to it came with the import; separated by single spaces.
    pub fn import_detail(&self, file_sha256: &str) -> String {
        format!(
            "file_sha256={file_sha256} staff={} groups={} children={} observations={} \
             trajectories={} visits={} audit={} {MAX_ID}{}",
            self.staff,
            self.groups,
            self.children,
            self.observations,
            self.trajectories,
            self.visits,
            self.audit,
            self.max_id
        )
    }

    fn of(data: &Export) -> ExportSummary {
        ExportSummary {
            groups: data.groups.len(),
            children: data.children.len(),
            staff: data.staff.len(),
            observations: data.observations.len(),
            trajectories: data.trajectories.len(),
            visits: data.visits.len(),
            audit: data.audit.len(),
            max_id: data.max_id(),
        }
    }
}

impl Store {
    pub fn export(&self, exported_at: DateTime<FixedOffset>) -> Result<Export> {
        Ok(Export {
            staff: self.staff()?,
            groups: self.groups()?,
            // The whole tree, not per group: a child whose group went missing must still show up.
            children: super::decode_all(&self.trees()?.children)?,
            // The built-in forms too, so that a tool reading the export knows every form's items
            // even before the first observation with it.
            form_templates: Catalogue::forms(self.form_templates()?).all().to_vec(),
            observations: super::decode_all(&self.trees()?.observations)?,
            // The built-in plans too, for the same reason.
            plan_templates: Catalogue::plans(self.plan_templates()?).all().to_vec(),
            trajectories: self.trajectories()?,
            contacts: self.directory()?,
            visits: self.visits()?,
            audit: self.audit()?,
            ..Export::new(exported_at)
        })
    }

    /// Writes the whole database as export JSON to `out`, consistently: never half of one change,
    /// even while another handle on this store goes on writing.
    pub fn write_export(
        &self,
        out: impl Write,
        exported_at: DateTime<FixedOffset>,
    ) -> Result<ExportSummary> {
        let data = self.export(exported_at)?;
        serde_json::to_writer_pretty(out, &data)
            .map_err(|e| StoreError::Write(std::io::Error::from(e)))?;
        Ok(ExportSummary::of(&data))
    }

    /// Loads export JSON read from `input` into this database, which must be empty; all or
    /// nothing, like [`Store::import`].
    pub fn import_from(&self, input: impl Read) -> Result<ExportSummary> {
        let data: Export = serde_json::from_reader(input)
            .map_err(|e| StoreError::Invalid(format!("not a signaal export: {e}")))?;
        self.import(&data)?;
        Ok(ExportSummary::of(&data))
    }

    /// Loads `data` into this database, which must be empty. All or nothing: the data is checked
    /// first and written in one transaction. The trail is stored as it is, with no entry of its
    /// own: for data that records its own load (the demo's `demo.load`).
    pub fn import(&self, data: &Export) -> Result<()> {
        self.load(data, None)
    }

    /// Like [`Store::import`], and adds the import's own audit entry `import` (target
    /// `database`), sealed onto the imported trail in the same transaction: who ran it and when
    /// (`record.sig`), and in `detail` the file's SHA-256 and the counts (see
    /// [`ExportSummary::import_detail`]).
    pub fn import_recorded(&self, data: &Export, record: &ImportRecord) -> Result<()> {
        let mut entry = AuditEntry::new(
            record.sig.at,
            &record.sig.by,
            IMPORT_ACTION,
            "database".into(),
        );
        entry.detail = Some(ExportSummary::of(data).import_detail(&record.file_sha256));
        self.load(data, Some(entry))
    }

    fn load(&self, data: &Export, own_entry: Option<AuditEntry>) -> Result<()> {
        // The imported trail begins the chain, so there must be no trail yet either (a form
        // template imported into a new database leaves one).
        if !self.is_empty() || !self.trees()?.audit.is_empty() {
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
        let mut ops = Vec::new();
        for s in &data.staff {
            ops.push(Op::put(Table::Staff, &id_key(s.id), encode(s)));
        }
        for g in &data.groups {
            ops.push(Op::put(Table::Groups, &id_key(g.id), encode(g)));
        }
        for c in &data.children {
            ops.extend(child_ops(c));
        }
        for template in &data.form_templates {
            ops.push(self.import_template(Table::FormTemplates, template)?);
        }
        ops.extend(data.observations.iter().map(observation_op));
        for plan in &data.plan_templates {
            ops.push(self.import_template(Table::PlanTemplates, plan)?);
        }
        ops.extend(data.trajectories.iter().map(trajectory_op));
        for contact in data.stored_contacts() {
            ops.push(Op::put(
                Table::Contacts,
                &id_key(contact.id),
                encode(contact),
            ));
        }
        ops.extend(data.visits.iter().map(visit_op));
        for (n, entry) in data.audit.iter().enumerate() {
            ops.push(Op::put(
                Table::Audit,
                &id_key(audit_base + n as u64),
                encode(entry),
            ));
        }
        let mut audit_end = audit_base + data.audit.len() as u64;
        if let Some(mut entry) = own_entry {
            entry.seal(data.audit.last().map_or("", |e| e.hash.as_str()));
            ops.push(Op::put(Table::Audit, &id_key(audit_end), encode(&entry)));
            audit_end += 1;
        }
        self.apply(&ops)?;
        self.reserve_ids_through(audit_end)?;
        self.trees()?.db.flush()?;
        Ok(())
    }

    /// Problems in what the database holds: undecodable records, broken indexes, and everything
    /// [`Export::problems`] finds.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        // Decoding everything is itself the first check: a damaged record fails here.
        let data = self.export(chrono::Local::now().fixed_offset())?;
        problems.extend(data.problems());
        for entry in self.trees()?.child_group.iter() {
            let (child, _) = entry?;
            let id = super::codec::decode_id(&child)?;
            if self.child(id)?.is_none() {
                problems.push(format!("the index names child {id}, which is not stored"));
            }
        }
        let indexed = self.trees()?.child_group.len();
        if indexed != data.children.len() {
            problems.push(format!(
                "{} children are stored but {indexed} are indexed",
                data.children.len()
            ));
        }
        Ok(problems)
    }
}
