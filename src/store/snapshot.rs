//! The whole database as export JSON, written one record at a time from a snapshot (undo.rs), and
//! `check`. Loading an export is in import.rs.

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{de::DeserializeOwned, Serialize, Serializer};

use super::codec::decode;
use super::live::Trees;
use super::undo::Snapshot;
use super::writes::Table;
use super::{Damage, Result, Store, StoreError};
use crate::contacts_io::uid::with_uids;
use crate::domain::audit::MAX_ID;
use crate::domain::contact::directory;
use crate::domain::form::FormTemplate;
use crate::domain::plan::PlanTemplate;
use crate::domain::{Catalogue, Contact};
use crate::export::{Checks, Export, Record, FORMAT, VERSION};

/// How much an export (or a backup, or an import) held: the counts a user is told afterwards.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportSummary {
    pub groups: usize,
    pub children: usize,
    pub staff: usize,
    pub observations: usize,
    pub trajectories: usize,
    /// Cards stored: a pinned card as signaal ships it (id 0) is not, and does not count.
    pub contacts: usize,
    pub visits: usize,
    pub handovers: usize,
    pub audit: usize,
    /// The highest id of any record (see [`Export::max_id`]).
    pub max_id: u64,
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

    /// Counts `record` in.
    pub fn add(&mut self, record: Record<'_>) {
        if let Some((_, id)) = record.id() {
            self.max_id = self.max_id.max(id);
        }
        match record {
            Record::Staff(_) => self.staff += 1,
            Record::Group(_) => self.groups += 1,
            Record::Child(_) => self.children += 1,
            Record::Observation(_) => self.observations += 1,
            Record::Trajectory(_) => self.trajectories += 1,
            Record::Contact(c) => self.contacts += usize::from(c.id != 0),
            Record::Visit(_) => self.visits += 1,
            Record::Handover(_) => self.handovers += 1,
            Record::Audit(_) => self.audit += 1,
            Record::FormTemplate(_) | Record::PlanTemplate(_) => {}
        }
    }
}

/// Bytes handed to the operating system at a time: one `write` per 64 KiB, not per line.
const WRITE_BUFFER: usize = 1 << 16;

impl Store {
    /// The whole database in memory, as [`Store::write_export`] writes it. For small databases
    /// and tests; commands and backups stream.
    pub fn export(&self, exported_at: DateTime<FixedOffset>) -> Result<Export> {
        let mut json = Vec::new();
        self.write_export(&mut json, exported_at)?;
        serde_json::from_slice(&json)
            .map_err(|e| StoreError::Damaged(Damage::ExportDoesNotReadBack(e.to_string())))
    }

    /// Writes the whole database as export JSON (pretty, without a final newline) to `out`,
    /// through a buffer, one record at a time: memory holds one record, not the database.
    ///
    /// Consistent even while another handle on this store goes on writing: what is written is the
    /// database as it was when this began, never half of one change (undo.rs). Errors: a record
    /// that cannot be decoded ([`StoreError::Damaged`]), or `out` failing ([`StoreError::Write`],
    /// whose kind tells a closed pipe apart).
    pub fn write_export(
        &self,
        out: impl Write,
        exported_at: DateTime<FixedOffset>,
    ) -> Result<ExportSummary> {
        self.write_export_as(out, exported_at, true)
    }

    /// What [`Store::write_export`] writes, without its indentation and line breaks: the size
    /// `signaal bench` holds the database's size on disk against. Errors as there.
    pub fn write_compact_export(
        &self,
        out: impl Write,
        exported_at: DateTime<FixedOffset>,
    ) -> Result<ExportSummary> {
        self.write_export_as(out, exported_at, false)
    }

    /// The export, indented (`pretty`) or not.
    fn write_export_as(
        &self,
        out: impl Write,
        exported_at: DateTime<FixedOffset>,
        pretty: bool,
    ) -> Result<ExportSummary> {
        let snapshot = self.snapshots.begin();
        let stream = Stream {
            view: View {
                trees: self.trees()?,
                snapshot: &snapshot,
            },
            exported_at,
            failed: RefCell::new(None),
            summary: Cell::new(ExportSummary::default()),
        };
        let mut out = std::io::BufWriter::with_capacity(WRITE_BUFFER, out);
        let written = match pretty {
            true => serde_json::to_writer_pretty(&mut out, &stream),
            false => serde_json::to_writer(&mut out, &stream),
        };
        if let Some(e) = stream.failed.into_inner() {
            return Err(e);
        }
        written.map_err(|e| StoreError::Write(e.into()))?;
        out.flush().map_err(StoreError::Write)?;
        Ok(stream.summary.get())
    }

    /// Problems in what the database holds: undecodable records, broken indexes, derived data
    /// (`summary`) that differs from the records, and everything [`Export::problems`] finds.
    /// Reads the database twice, one record at a time, as of one moment, and the children,
    /// visits and audit trail once more for the derived data (as they are then, not as of that
    /// moment: run it on a database no one is writing to, as `signaal check` does).
    pub fn check(&self) -> Result<Vec<crate::export::Inconsistency>> {
        let snapshot = self.snapshots.begin();
        let view = View {
            trees: self.trees()?,
            snapshot: &snapshot,
        };
        let mut checks = Checks::new();
        checks.header(FORMAT, VERSION);
        // Decoding everything is itself the first check: a damaged record fails here.
        let mut children = 0;
        // Not a rule of the import's checks: a backup holding such a name must come back.
        let mut texts = Vec::new();
        view.each_record(&mut |r| {
            children += usize::from(matches!(r, Record::Child(_)));
            checks.index(r);
            texts.extend(crate::export::control_char_problem(r));
            Ok(())
        })?;
        view.each_record(&mut |r| {
            checks.check(r);
            Ok(())
        })?;
        let mut problems = checks.finish();
        problems.extend(texts.into_iter().map(Into::into));
        problems.extend(self.import_problems()?.map(Into::into));
        for entry in view.trees.child_group.iter() {
            let (child, _) = entry?;
            let id = super::codec::decode_id(&child)?;
            if self.child(id)?.is_none() {
                problems.push(format!("the index names child {id}, which is not stored").into());
            }
        }
        let indexed = view.trees.child_group.len();
        if indexed != children {
            problems
                .push(format!("{children} children are stored but {indexed} are indexed").into());
        }
        problems.extend(self.derived_problems()?);
        Ok(problems)
    }
}

/// The database as of one snapshot.
struct View<'a> {
    /// The handles on the database for the whole read: a reopen after a failed write (see
    /// `live`) waits until the read is done.
    trees: Arc<Trees>,
    snapshot: &'a Snapshot,
}

impl View<'_> {
    /// Hands every record to `each` in the order of the export format.
    fn each_record(&self, each: &mut dyn FnMut(Record<'_>) -> Result<()>) -> Result<()> {
        self.each(Table::Staff, |r| Record::Staff(r), each)?;
        self.each(Table::Groups, |r| Record::Group(r), each)?;
        self.each(Table::Children, |r| Record::Child(r), each)?;
        self.forms()?
            .iter()
            .try_for_each(|t| each(Record::FormTemplate(t)))?;
        self.each(Table::Observations, |r| Record::Observation(r), each)?;
        self.plans()?
            .iter()
            .try_for_each(|t| each(Record::PlanTemplate(t)))?;
        self.each(Table::Trajectories, |r| Record::Trajectory(r), each)?;
        self.contacts()?
            .iter()
            .try_for_each(|c| each(Record::Contact(c)))?;
        self.each(Table::Visits, |r| Record::Visit(r), each)?;
        self.each(Table::Handovers, |r| Record::Handover(r), each)?;
        self.each(Table::Audit, |r| Record::Audit(r), each)
    }

    /// The records of `table`, decoded one at a time, in key order.
    fn records<T: DeserializeOwned>(&self, table: Table) -> impl Iterator<Item = Result<T>> + '_ {
        let tree = self.trees.tables()[table as usize];
        self.snapshot.scan(table, tree).map(|entry| {
            let (key, value) = entry?;
            decode(&key, &value)
        })
    }

    /// Hands the records of `table` to `each`, one at a time, wrapped by `wrap`.
    fn each<T: DeserializeOwned>(
        &self,
        table: Table,
        wrap: fn(&T) -> Record<'_>,
        each: &mut dyn FnMut(Record<'_>) -> Result<()>,
    ) -> Result<()> {
        self.records(table).try_for_each(|r| each(wrap(&r?)))
    }

    /// The built-in forms too, so that a tool reading the export knows every form's items even
    /// before the first observation with it.
    fn forms(&self) -> Result<Vec<FormTemplate>> {
        let stored = self.records(Table::FormTemplates).collect::<Result<_>>()?;
        Ok(Catalogue::forms(stored).all().to_vec())
    }

    /// The built-in plans too, for the same reason.
    fn plans(&self) -> Result<Vec<PlanTemplate>> {
        let stored = self.records(Table::PlanTemplates).collect::<Result<_>>()?;
        Ok(Catalogue::plans(stored).all().to_vec())
    }

    /// The whole directory: the pinned cards first, then the stored ones, each with the UID the
    /// vCard export gives it ([`with_uids`]): a pinned card as signaal ships it, and a
    /// card stored before contacts had UIDs, have none stored.
    fn contacts(&self) -> Result<Vec<Contact>> {
        let stored = self.records(Table::Contacts).collect::<Result<_>>()?;
        Ok(with_uids(directory(stored)))
    }
}

/// The export as serde sees it: one struct whose big arrays are read from the snapshot while they
/// are written. Its fields, their order and the pretty layout are those of [`Export`], so the
/// output is the same as serialising a whole `Export` (a test holds them together).
struct Stream<'a> {
    view: View<'a>,
    exported_at: DateTime<FixedOffset>,
    /// The store's error, kept while serde unwinds with a stand-in.
    failed: RefCell<Option<StoreError>>,
    summary: Cell<ExportSummary>,
}

impl Stream<'_> {
    fn fail<E: serde::ser::Error>(&self, e: StoreError) -> E {
        let message = e.to_string();
        *self.failed.borrow_mut() = Some(e);
        E::custom(message)
    }

    fn array<T>(&self, table: Table, wrap: fn(&T) -> Record<'_>) -> Array<'_, T> {
        Array {
            stream: self,
            table,
            wrap,
        }
    }
}

impl Serialize for Stream<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut fields = s.serialize_struct("Export", 14)?;
        fields.serialize_field("format", FORMAT)?;
        fields.serialize_field("version", &VERSION)?;
        fields.serialize_field("exported_at", &self.exported_at)?;
        fields.serialize_field("staff", &self.array(Table::Staff, |r| Record::Staff(r)))?;
        fields.serialize_field("groups", &self.array(Table::Groups, |r| Record::Group(r)))?;
        fields.serialize_field(
            "children",
            &self.array(Table::Children, |r| Record::Child(r)),
        )?;
        let forms = self.view.forms().map_err(|e| self.fail(e))?;
        fields.serialize_field("form_templates", &forms)?;
        let observations = self.array(Table::Observations, |r| Record::Observation(r));
        fields.serialize_field("observations", &observations)?;
        let plans = self.view.plans().map_err(|e| self.fail(e))?;
        fields.serialize_field("plan_templates", &plans)?;
        let trajectories = self.array(Table::Trajectories, |r| Record::Trajectory(r));
        fields.serialize_field("trajectories", &trajectories)?;
        let contacts = self.view.contacts().map_err(|e| self.fail(e))?;
        fields.serialize_field("contacts", &contacts)?;
        fields.serialize_field("visits", &self.array(Table::Visits, |r| Record::Visit(r)))?;
        let handovers = self.array(Table::Handovers, |r| Record::Handover(r));
        fields.serialize_field("handovers", &handovers)?;
        fields.serialize_field("audit", &self.array(Table::Audit, |r| Record::Audit(r)))?;
        fields.end()
    }
}

/// One table, serialised as a JSON array while it is read.
struct Array<'a, T> {
    stream: &'a Stream<'a>,
    table: Table,
    wrap: fn(&T) -> Record<'_>,
}

/// Records decoded ahead of the writer, at most.
const DECODED_AHEAD: usize = 256;

impl<T: DeserializeOwned + Serialize + Send> Serialize for Array<'_, T> {
    /// Reading and decoding run on a thread of their own, a few hundred records ahead of the
    /// writing: each is about half the work, so two cores export in about half the time.
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        // No length: serde_json writes an empty array as `[]` either way.
        let mut seq = s.serialize_seq(None)?;
        let mut summary = self.stream.summary.get();
        let (view, table) = (&self.stream.view, self.table);
        std::thread::scope(|scope| {
            let (decoded, records) = std::sync::mpsc::sync_channel::<Result<T>>(DECODED_AHEAD);
            scope.spawn(move || {
                for record in view.records::<T>(table) {
                    let failed = record.is_err();
                    // A writer that stopped (a failed write) drops its end: stop reading too.
                    if decoded.send(record).is_err() || failed {
                        break;
                    }
                }
            });
            for record in records {
                let record = record.map_err(|e| self.stream.fail::<S::Error>(e))?;
                seq.serialize_element(&record)?;
                summary.add((self.wrap)(&record));
            }
            Ok(())
        })?;
        self.stream.summary.set(summary);
        seq.end()
    }
}
