use std::path::PathBuf;

use crate::domain::Id;

/// What can go wrong with the database. `Display` phrases each in English for the command line;
/// the TUI phrases each in the user's language through `i18n::Lang::store_error`, which is why
/// the variants carry data and not sentences.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the database {0} is in use by another signaal; close that one first")]
    InUse(PathBuf),
    /// sled (or the file system) refused to open the database; `detail` is its own message.
    #[error("the database {path} cannot be opened: {detail}")]
    CannotOpen { path: PathBuf, detail: String },
    /// The path names a folder that holds other files and no database: opening it would make it
    /// one (and take its files' group and other permissions away), so it is refused untouched.
    #[error("{0} is a folder with other files in it, not a signaal database; choose another --db")]
    NotADatabase(PathBuf),
    /// sled found its files damaged (a bad checksum, a snapshot that does not fit the log). The
    /// commands add which backup to restore and how.
    #[error("the database {0} cannot be opened: its files are damaged")]
    DamagedFiles(PathBuf),
    #[error("the database was written by a newer signaal (schema {found}, this one knows up to {supported}); update signaal")]
    NewerSchema { found: u32, supported: u32 },
    /// The database opened, but something in it cannot be read as signaal wrote it.
    #[error("the database is damaged: {0}")]
    Damaged(Damage),
    /// A group, child or staff member was given an empty (or blank) name.
    #[error("a {0} needs a {name}", name = .0.name_field())]
    NameRequired(Named),
    #[error("there is no group {0}")]
    UnknownGroup(Id),
    #[error("there is no child {0}")]
    UnknownChild(Id),
    #[error("there is no contact {0}")]
    UnknownContact(Id),
    /// The contact card with this name came with signaal (pinned) and cannot be removed.
    #[error("{0} is a pinned card and cannot be removed")]
    PinnedContact(String),
    /// A pinned card of a kind with a national number (112, Veilig Thuis, the
    /// vertrouwensinspecteur) without that `number` among its phones: not saved, as it would send
    /// someone in a hurry to no number or a wrong one.
    #[error("the pinned card {name} must keep its number {number}; it is not saved")]
    PinnedNumberMissing { name: String, number: String },
    /// A closed visit is history: it is never written again.
    #[error("visit {0} is closed and stays as it is")]
    VisitClosed(Id),
    /// A group has at most one open visit; `open` is the one it has.
    #[error("group {group} already has an open visit ({open})")]
    OpenVisitExists { group: Id, open: Id },
    /// A child has at most one open trajectory per plan template.
    #[error("child {child} already has an open trajectory with the plan {template}")]
    OpenTrajectoryExists { child: Id, template: String },
    /// A template id and version are stored once: other content under them is refused, as
    /// records made with it must keep their wording.
    #[error("template {id} version {version} is already stored with other content; raise the version to change it")]
    TemplateConflict { id: String, version: u32 },
    /// A record is written with another template (or version) than the one it was made with.
    #[error("{record} was made with template {id} version {version}, not {given} version {given_version}")]
    OtherTemplate {
        record: Made,
        id: String,
        version: u32,
        given: String,
        given_version: u32,
    },
    #[error("there is already a staff member called {0}")]
    DuplicateStaff(String),
    /// An import goes only into a new, empty database (this one).
    #[error("the database {0} is not empty; import only into a new database")]
    NotEmpty(PathBuf),
    /// The export file could not be read; the I/O error's message.
    #[error("cannot read the export: {0}")]
    ExportUnreadable(String),
    /// The file is not export JSON as signaal writes it: where and why.
    #[error("not a signaal export: {0}")]
    NotAnExport(crate::export::Unreadable),
    /// The export reads, but its records break the export's rules (from `export::checks`;
    /// `Display` gives them in English, `Lang::store_error` in the user's language).
    #[error("{}", crate::i18n::Lang::En.inconsistencies(.0))]
    ExportProblems(Vec<crate::export::Inconsistency>),
    /// The two passes over the export read different bytes.
    #[error("the export changed while it was read; import it again")]
    ExportChanged,
    /// Writing an export or backup to its destination failed (not the database itself).
    #[error("cannot write: {0}")]
    Write(std::io::Error),
    /// The disk (or the user's quota) is full: the write did not happen. Once there is room
    /// again the next write can succeed; the store reopens sled for it.
    #[error("the disk is full: nothing was saved; free some space and try again")]
    DiskFull,
    #[error("the database refused the write: {0}")]
    Sled(sled::Error),
    /// A contact card with a control character in a name or other one-line text (or one other
    /// than a line break or tab in a note) is not stored: `check` would fail on it and a
    /// terminal would run it. `name` is the card's name with its control characters shown
    /// (`visible_controls`), `field` the field's path (`phones[0].number`), `character` its
    /// short name (`ESC`).
    #[error(
        "the contact \"{name}\" has a control character ({character}) in {field} and is not saved"
    )]
    ControlCharacter {
        name: String,
        field: String,
        character: String,
    },
    /// `--db` names a file: a database is a directory.
    #[error("the database {} cannot be opened: it is a file, not a directory", .0.display())]
    NotADirectory(PathBuf),
    /// A command that only reads was pointed at a place that holds no database (nothing, an
    /// empty folder or a folder of other files): an error, not a new empty database.
    #[error("there is no database at {}", .0.display())]
    NoDatabase(PathBuf),
}

/// What a name is required for ([`StoreError::NameRequired`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Group,
    Child,
    Staff,
    Contact,
}

impl Named {
    /// Which name the thing needs, in English: a child needs a first name.
    fn name_field(self) -> &'static str {
        match self {
            Named::Child => "first name",
            _ => "name",
        }
    }
}

impl std::fmt::Display for Named {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Named::Group => "group",
            Named::Child => "child",
            Named::Staff => "staff member",
            Named::Contact => "contact",
        })
    }
}

/// A record made with a template ([`StoreError::OtherTemplate`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Made {
    Observation(Id),
    Trajectory(Id),
}

impl std::fmt::Display for Made {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Made::Observation(id) => write!(f, "observation {id}"),
            Made::Trajectory(id) => write!(f, "trajectory {id}"),
        }
    }
}

/// What is damaged in a database that opened ([`StoreError::Damaged`]).
#[derive(Debug, thiserror::Error)]
pub enum Damage {
    /// Damage sled meets while reading, in a part of its log it does not replay on opening.
    #[error("sled found a bad checksum in its files; restore a backup")]
    BadChecksum,
    /// A stored id that is not 8 bytes long.
    #[error("an id of {0} bytes instead of 8")]
    IdLength(usize),
    /// A stored record that does not decode; its key in hex and the decoder's message.
    #[error("the record at key {key} cannot be read ({detail})")]
    Unreadable { key: String, detail: String },
    /// The stored schema version has no migration step to the next one.
    #[error("no migration from schema {0}")]
    NoMigration(u32),
    /// The stored schema version is not 4 bytes long.
    #[error("the schema version has {0} bytes instead of 4")]
    SchemaVersionLength(usize),
    /// The export written from the database does not parse again; the parser's message.
    #[error("the export does not read back: {0}")]
    ExportDoesNotReadBack(String),
}

impl StoreError {
    /// True for a failure of sled's own reading or writing of its files (as opposed to a
    /// refusal of the data): after one, sled fails every later write of that open database, and
    /// the store reopens it (see `store::live`).
    pub(super) fn is_io(&self) -> bool {
        matches!(
            self,
            StoreError::DiskFull | StoreError::Sled(sled::Error::Io(_))
        )
    }
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        match e {
            sled::Error::Io(io) if is_full(&io) => StoreError::DiskFull,
            // Damage sled meets while reading (in a part of its log it does not replay on
            // opening): the database opened, but this record cannot be read.
            sled::Error::Corruption { .. } => StoreError::Damaged(Damage::BadChecksum),
            other => StoreError::Sled(other),
        }
    }
}

/// No space left on the device (`ENOSPC`) or over the user's quota (`EDQUOT`): what signaal
/// calls a full disk, for the database and for backups alike. sled passes its I/O errors on as
/// copies that keep only the kind, so the kind is what is looked at.
pub fn is_full(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::{QuotaExceeded, StorageFull};
    matches!(e.kind(), StorageFull | QuotaExceeded)
}

impl From<sled::transaction::TransactionError<StoreError>> for StoreError {
    fn from(e: sled::transaction::TransactionError<StoreError>) -> Self {
        match e {
            sled::transaction::TransactionError::Abort(inner) => inner,
            sled::transaction::TransactionError::Storage(inner) => inner.into(),
        }
    }
}
