//! One thing the consistency checks ([`super::Checks`]) found wrong in an export or a database:
//! what `import` refuses a file for, `check` lists and `restore` refuses a backup for. The words
//! are in `i18n` (`Lang::inconsistency`, Dutch and English); `Display` gives the English ones,
//! for logs and the store's own `Display`.

use std::fmt;

use crate::domain::audit::ChainBreak;
use crate::domain::Id;

/// A record kind as [`super::Record::id`] names it: `staff`, `group`, `child`, `observation`,
/// `trajectory`, `contact` or `visit`.
pub type RecordKind = &'static str;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inconsistency {
    /// The file's `format` is `found`, not `signaal-export`.
    Format { found: String },
    /// The export's `version` is newer than the newest this signaal reads (`supported`).
    Version { found: u32, supported: u32 },
    /// A record uses an id an earlier record has; `path` is its place, `children[3].id`.
    IdTaken {
        kind: RecordKind,
        id: Id,
        path: String,
    },
    /// A record belongs to a group or child (`parent`) that is not there; `name` names the
    /// record where that helps (a child's full name).
    Orphan {
        kind: RecordKind,
        id: Id,
        name: Option<String>,
        parent: RecordKind,
        parent_id: Id,
    },
    /// A group or contact without a name.
    NoName { kind: RecordKind, id: Id },
    /// A child without a first name.
    NoFirstName(Id),
    /// Two staff members have this name (case aside): who is who at the keyboard?
    StaffNameTwice(String),
    /// A pinned card (112, Veilig Thuis, ...) is in the export more than once.
    PinnedTwice(String),
    /// A pinned card of a kind with a national number (112, Veilig Thuis, the
    /// vertrouwensinspecteur) lacks that `number` among its phones (see
    /// `Contact::missing_fixed_number`): the lookup would give no number or a wrong one.
    PinnedNumberMissing { name: String, number: String },
    /// A child's mentor is no staff member.
    MentorUnknown { child: Id, mentor: Id },
    /// A child's mentor is a coach, who is no one of the group's staff.
    MentorIsCoach { child: Id, mentor: Id },
    /// An observation marks an item its template (version) does not have.
    UnknownItem {
        observation: Id,
        item: String,
        template: String,
        version: u32,
    },
    /// The audit trail's hash chain breaks at this entry.
    ChainBroken(ChainBreak),
    /// `--unverified-trail` was given, but audit entry `position` carries a hash.
    SealedTrailHasHash { position: usize },
    /// Two contacts have the same vCard UID; `name` is the second one's.
    UidTwice { name: String, uid: String },
    /// The store's summary of this group (its active children, its newest and next visit)
    /// differs from what its records say; `signaal check` rebuilds it.
    GroupSummaryDiffers(Id),
    /// The store's index of the day this child was archived differs from what the audit trail
    /// says; `signaal check` rebuilds it.
    ArchiveDateDiffers(Id),
    /// The store's copy of this child's newest observation differs from its observations;
    /// `signaal check` rebuilds it.
    NewestObservationDiffers(Id),
    /// A key in one of the store's derived trees (`tree`) that names no group or child (not an
    /// id); `signaal check` rebuilds the tree without it.
    DerivedKeyUnreadable { tree: &'static str },
    /// A problem whose sentence has no Dutch words yet: its English sentence, shown as it is in
    /// both languages.
    Untranslated(String),
}

impl Inconsistency {
    /// Whether this is about the store's derived data, which can be rebuilt from the records.
    pub fn is_derived(&self) -> bool {
        matches!(
            self,
            Inconsistency::GroupSummaryDiffers(_)
                | Inconsistency::ArchiveDateDiffers(_)
                | Inconsistency::NewestObservationDiffers(_)
                | Inconsistency::DerivedKeyUnreadable { .. }
        )
    }
}

impl From<String> for Inconsistency {
    fn from(sentence: String) -> Self {
        Inconsistency::Untranslated(sentence)
    }
}

impl fmt::Display for Inconsistency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::Lang::En.inconsistency(self))
    }
}

/// The array of the export that holds records of `kind` (`child` -> `children`), for paths.
pub fn array_of(kind: RecordKind) -> &'static str {
    match kind {
        "group" => "groups",
        "child" => "children",
        "observation" => "observations",
        "trajectory" => "trajectories",
        "contact" => "contacts",
        "visit" => "visits",
        // `staff`, and any kind added later, is its own array's name.
        other => other,
    }
}
