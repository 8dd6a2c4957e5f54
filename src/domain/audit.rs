use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// One line of the audit trail: who changed what, and when. Entries are only ever appended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: DateTime<FixedOffset>,
    /// The staff member's name, as it was at the time.
    pub by: String,
    /// A stable verb such as `group.add` or `child.archive`.
    pub action: String,
    /// The record changed, as `kind:id`, e.g. `child:17`.
    pub target: String,
}
