//! Loading an export into an empty database, one record at a time, all or nothing.
//!
//! The input is read twice (JSON does not fix the order of its arrays, and a child may come after
//! its observations): the first pass checks what needs only ids and the templates, and counts;
//! the second checks every reference and writes, in transactions of [`BATCH`] changes. Memory
//! holds the ids, the templates and one batch, never the file. A problem found in the second pass,
//! an input that differs between the passes, or a failed write clears what was written, so a
//! refused or failed import leaves the database as empty as it found it. A marker in `meta` is
//! set while writing: a database whose import was cut off (power lost) says so in `check`, and
//! the next import clears it first.

use std::collections::{HashMap, HashSet};
use std::io::Read;

use sha2::{Digest, Sha256};

use super::codec::{encode, id_key};
use super::handovers::handover_op;
use super::observations::observation_op;
use super::plans::trajectory_op;
use super::snapshot::ExportSummary;
use super::visits::visit_op;
use super::writes::{child_ops, Op, Table};
use super::Signature;
use super::{Result, Store, StoreError};
use crate::contacts_io::uid;
use crate::domain::plan::Trajectory;
use crate::domain::AuditAction;
use crate::domain::Contact;
use crate::domain::{AuditEntry, Id};
use crate::export::{self, Checks, EachRecord, Export, Header, ReadError, Record, Texts};

/// Changes written per transaction: large enough that the flush after each costs little, small
/// enough that a batch is about a megabyte (4096 doubled the import's memory at 10,500 children,
/// at no gain in time). Tests use small batches, to write several.
pub(super) const BATCH: usize = if cfg!(test) { 16 } else { 1024 };

/// Set in `meta` while an import writes; see the module comment.
const UNFINISHED: &[u8] = b"import_unfinished";

/// One pass over the records: hands each to the given function.
type Pass<'a> = dyn FnMut(&mut Each<'_>) -> Result<Passed> + 'a;
type Each<'a> = EachRecord<'a, StoreError>;

/// What one pass read besides the records.
struct Passed {
    header: Header,
    /// Lowercase hex SHA-256 of the bytes read (for an export in memory, the file's as given).
    sha256: Option<String>,
}

/// Passes that read the export JSON `open` gives, afresh each time.
fn reading<'a, R: Read>(
    mut open: impl FnMut() -> std::io::Result<R> + 'a,
    texts: Texts,
) -> impl FnMut(&mut Each<'_>) -> Result<Passed> + 'a {
    move |each| {
        let input = open().map_err(|e| StoreError::ExportUnreadable(e.to_string()))?;
        let mut input = Hashing {
            input,
            hasher: Sha256::new(),
        };
        let header = export::read(&mut input, texts, each).map_err(|e| match e {
            ReadError::Format(e) => StoreError::NotAnExport(e),
            ReadError::Each(e) => e,
        })?;
        let sha256 = Some(format!("{:x}", input.hasher.finalize()));
        Ok(Passed { header, sha256 })
    }
}

/// A reader that hashes what it reads: the reading ends at the end of the input (nothing but
/// white space may follow the export), so the hash is the whole input's.
struct Hashing<R> {
    input: R,
    hasher: Sha256,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.input.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

/// Passes over an export in memory (no file, so no file hash).
fn in_memory(data: &Export) -> impl FnMut(&mut Each<'_>) -> Result<Passed> + '_ {
    move |each| {
        data.records().try_for_each(&mut *each)?;
        let header = Header {
            format: data.format.clone(),
            version: data.version,
        };
        Ok(Passed {
            header,
            sha256: None,
        })
    }
}

impl Store {
    /// Loads the export JSON that `open` reads into this database, which must be empty; all or
    /// nothing, like [`Store::import`]. `open` is called twice and must give the same bytes each
    /// time (a file opened afresh, a backup decompressed afresh): the input is read twice so that
    /// memory holds only ids and small indexes. Returns the counts imported. Errors: the input is
    /// not an export or not consistent ([`StoreError::Invalid`], with every problem or the line and
    /// column where reading stopped), or the database fails.
    pub fn import_from<R: Read>(
        &self,
        open: impl FnMut() -> std::io::Result<R>,
    ) -> Result<ExportSummary> {
        self.import_records(&mut reading(open, Texts::Keep), None, TrailChain::Verified)
    }

    /// Like [`Store::import_from`], and adds the import's own audit entry `import` (target
    /// `database`), sealed onto the imported trail and written with it: who ran it and when
    /// (`sig`), and in `detail` the SHA-256 of the bytes imported and the counts (see
    /// [`ExportSummary::import_detail`]). The bytes are hashed as they are read, and an input
    /// whose second reading differs from the first is refused.
    ///
    /// `chain` says how the trail's hash chain is taken: verified (the default), or, for an
    /// export from before the chain, sealed as it is read ([`TrailChain::SealedOnImport`]).
    pub fn import_from_recorded<R: Read>(
        &self,
        open: impl FnMut() -> std::io::Result<R>,
        sig: &Signature,
        chain: TrailChain,
    ) -> Result<ExportSummary> {
        self.import_records(&mut reading(open, Texts::Refuse), Some(sig), chain)
    }

    /// Loads `data` into this database, which must be empty. All or nothing: the data is checked
    /// first; a problem or failure while writing leaves the database empty. The trail is stored
    /// as it is, with no entry of its own: for data that records its own load (the demo's
    /// `demo.load`).
    pub fn import(&self, data: &Export) -> Result<()> {
        self.import_records(&mut in_memory(data), None, TrailChain::Verified)?;
        Ok(())
    }

    fn import_records(
        &self,
        pass: &mut Pass<'_>,
        sig: Option<&Signature>,
        chain: TrailChain,
    ) -> Result<ExportSummary> {
        let unfinished = self.trees()?.meta.contains_key(UNFINISHED)?;
        // The imported trail begins the chain, so there must be no trail yet either (a form
        // template imported into a new database leaves one).
        if (!self.is_empty() || !self.trees()?.audit.is_empty()) && !unfinished {
            return Err(StoreError::NotEmpty(self.path.clone()));
        }
        let mut checks = Checks::new();
        if chain == TrailChain::SealedOnImport {
            checks.seal_unsealed_trail();
        }
        let mut read = ExportSummary::default();
        let first = pass(&mut |record| {
            read.add(record);
            checks.index(record);
            Ok(())
        })?;
        checks.header(&first.header.format, first.header.version);
        if !checks.is_clean() {
            return Err(StoreError::ExportProblems(checks.problems()));
        }
        if unfinished {
            self.clear_import()?;
        }
        self.trees()?.meta.insert(UNFINISHED, &[])?;
        let own_entry = sig.map(|sig| {
            let mut entry =
                AuditEntry::new(sig.at, &sig.by, AuditAction::Import, "database".into());
            let sha256 = first.sha256.as_deref().unwrap_or_default();
            let mut detail = read.import_detail(sha256);
            if chain == TrailChain::SealedOnImport {
                detail.push_str(" trail=unverified");
            }
            entry.detail = Some(detail);
            entry.seal(checks.last_hash());
            entry
        });
        let first = (read, first.sha256);
        let written = self.write_records(pass, checks, first, own_entry, chain);
        match written {
            Ok(()) => {
                self.trees()?.meta.remove(UNFINISHED)?;
                self.trees()?.db.flush()?;
                Ok(read)
            }
            Err(e) => {
                self.clear_import()?;
                Err(e)
            }
        }
    }

    /// The second pass: checks every record against the first pass's indexes and writes it,
    /// then `own_entry` after the imported trail.
    fn write_records(
        &self,
        pass: &mut Pass<'_>,
        mut checks: Checks,
        first: (ExportSummary, Option<String>),
        own_entry: Option<AuditEntry>,
        chain: TrailChain,
    ) -> Result<()> {
        let mut writer = Writer {
            store: self,
            ops: Vec::with_capacity(BATCH + 1),
            next_audit: checks.max_id() + 1,
            sealing: (chain == TrailChain::SealedOnImport).then(String::new),
            legacy: HashMap::new(),
            uids: checks.uids().clone(),
        };
        let mut again = ExportSummary::default();
        let second = pass(&mut |record| {
            again.add(record);
            checks.check(record);
            // After a problem, the rest is only checked, to report every problem at once.
            match checks.is_clean() {
                true => writer.add(record),
                false => Ok(()),
            }
        })?;
        let problems = checks.finish();
        if !problems.is_empty() {
            return Err(StoreError::ExportProblems(problems));
        }
        if (again, second.sha256) != first {
            return Err(StoreError::ExportChanged);
        }
        if let Some(entry) = own_entry {
            writer.add(Record::Audit(&entry))?;
        }
        writer.flush()?;
        self.reserve_ids_through(writer.next_audit)
    }

    /// Removes everything an import wrote: the database was empty before it.
    fn clear_import(&self) -> Result<()> {
        // Straight to the trees, not through `apply`: an import's database is new and in no
        // one else's hands, so no export runs on it.
        let trees = self.trees()?;
        for tree in trees.tables() {
            tree.clear()?;
        }
        drop(trees);
        // The trail is gone: the next write reads its end again.
        self.head().forget();
        self.trees()?.meta.remove(UNFINISHED)?;
        self.trees()?.db.flush()?;
        Ok(())
    }

    /// The problem `check` reports for an import that was cut off.
    pub(super) fn import_problems(&self) -> Result<Option<String>> {
        Ok(self.trees()?.meta.contains_key(UNFINISHED)?.then(|| {
            "an import into this database was cut off before it ended; import the file again \
             (the import clears what is there first)"
                .to_string()
        }))
    }
}

/// How an import takes the audit trail's hash chain.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TrailChain {
    /// Every entry must carry the hash the chain gives it; a break refuses the import.
    #[default]
    Verified,
    /// For an export made by a signaal from before the hash chain: no entry may carry a hash,
    /// the trail is sealed as it is read, and the import's own entry says so in its `detail`
    /// (`trail=unverified`), so the trail itself shows that its start was not verified.
    SealedOnImport,
}

/// Turns records into changes and writes them a batch at a time.
struct Writer<'a> {
    store: &'a Store,
    ops: Vec<Op>,
    /// The key of the next audit entry: ids above every record's.
    next_audit: Id,
    /// While sealing a trail from before the hash chain ([`TrailChain::SealedOnImport`]): the
    /// hash of the entry written last ("" before the first).
    sealing: Option<String>,
    /// Trajectories from an older signaal whose consent waits for their child (by its id).
    legacy: HashMap<Id, Vec<Trajectory>>,
    /// The contacts' UIDs so far: the file's, and those made for its contacts without one.
    uids: HashSet<String>,
}

impl Writer<'_> {
    fn add(&mut self, record: Record<'_>) -> Result<()> {
        let op = match record {
            Record::Staff(s) => Op::put(Table::Staff, &id_key(s.id), encode(s)),
            Record::Group(g) => Op::put(Table::Groups, &id_key(g.id), encode(g)),
            Record::Child(c) if self.legacy.contains_key(&c.id) => {
                let mut child = c.clone();
                for mut t in self.legacy.remove(&c.id).unwrap_or_default() {
                    child.consent.adopt_from(&mut t);
                }
                let [record, index] = child_ops(&child);
                self.ops.push(index);
                record
            }
            Record::Child(c) => {
                let [record, index] = child_ops(c);
                self.ops.push(index);
                record
            }
            Record::FormTemplate(t) => self.store.import_template(Table::FormTemplates, t)?,
            Record::Observation(o) => observation_op(o),
            Record::PlanTemplate(p) => self.store.import_template(Table::PlanTemplates, p)?,
            Record::Trajectory(t) if !t.consent.is_empty() => self.legacy_consent(t)?,
            Record::Trajectory(t) => trajectory_op(t),
            Record::Contact(c) => match self.contact(c) {
                Some(contact) => Op::put(Table::Contacts, &id_key(contact.id), encode(&contact)),
                None => return Ok(()),
            },
            Record::Visit(v) => visit_op(v),
            Record::Handover(h) => handover_op(h),
            Record::Audit(entry) => {
                let key = id_key(self.next_audit);
                self.next_audit += 1;
                match &mut self.sealing {
                    Some(previous) => {
                        let mut sealed = entry.clone();
                        *previous = sealed.seal(previous).to_string();
                        Op::put(Table::Audit, &key, encode(&sealed))
                    }
                    None => Op::put(Table::Audit, &key, encode(entry)),
                }
            }
        };
        self.ops.push(op);
        if self.ops.len() >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    /// The card to store for `c`, with a UID: its own, or for a card from an export without
    /// one (older than UIDs) the one the vCard export of that export's directory gave it
    /// (`contacts_io::uid::uids`: made in the file's order, never one another card has), so a
    /// card keeps its UID across export and import. `None` for a pinned card as signaal ships
    /// it (id 0), which is not stored; its UID is made all the same, as the vCard export does.
    fn contact(&mut self, c: &Contact) -> Option<Contact> {
        let mut contact = c.clone();
        if contact.uid.is_empty() {
            contact.uid = uid::made_uid(&contact, &mut self.uids);
        }
        (contact.id != 0).then_some(contact)
    }

    /// A trajectory from an older signaal, with the parents' consent on it: the consent moves
    /// onto its child (`ChildConsent::adopt_from`), now when the child is written already, else
    /// when it comes (an export's arrays may come in any order); the trajectory keeps none.
    fn legacy_consent(&mut self, t: &Trajectory) -> Result<Op> {
        let mut without = t.clone();
        without.consent = Default::default();
        self.flush()?;
        match self.store.child(t.child_id)? {
            Some(mut child) => {
                child.consent.adopt_from(&mut t.clone());
                self.ops.extend(child_ops(&child));
            }
            None => self.legacy.entry(t.child_id).or_default().push(t.clone()),
        }
        Ok(trajectory_op(&without))
    }

    fn flush(&mut self) -> Result<()> {
        self.store.apply(&self.ops)?;
        self.ops.clear();
        Ok(())
    }
}
