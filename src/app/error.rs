//! Why something the person at the keyboard asked for did not happen. Shown only through
//! `i18n` (`Lang::error`), in the language of the screen; `Display` is English, for logs.

use crate::domain::{Invalid, Role};
use crate::store::StoreError;

/// An error of the app layer: the store's, the domain's validation, or the app's own refusals.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The person at the keyboard lacks the permission; these roles have it.
    #[error("only for {0:?}")]
    OnlyFor(Vec<Role>),
    #[error("the group has no observation form")]
    NoFormForGroup,
    #[error("the child has not been observed yet")]
    NotObservedYet,
    /// Naming what prompted a trajectory when every observation of the child came after its start.
    #[error("no observation from before the trajectory started")]
    NoObservationBeforeStart,
    #[error("only one observation with this form")]
    OnlyOneObservation,
    /// A record names a form or plan template (this id) that is not in the catalogue.
    #[error("unknown template {0}")]
    UnknownTemplate(String),
    #[error("the trajectory is closed")]
    TrajectoryClosed,
    /// Naming observations as what prompted a Meldcode trajectory, which records its signals
    /// itself (`Trajectory::takes_prompts`).
    #[error("a Meldcode trajectory records its signals itself")]
    MeldcodeNoPrompts,
    /// A Meldcode trajectory is for who must know; this person (who started it) coordinates it.
    #[error("for who must know; coordinated by {0}")]
    MeldcodeForWhoMustKnow(String),
    /// A mark or note on a Meldcode-flagged item someone else wrote: for who must know, and
    /// not to be changed by another (what is hidden cannot be overwritten unseen).
    #[error("a mark for who must know")]
    HiddenMark,
    /// Writing on a question or a consent row, which is answered with the mark key instead.
    #[error("answer with the mark key")]
    AnswerWithMark,
    #[error("the visit is closed")]
    VisitClosed,
    /// Someone who may not lead a visit asked for one of a group that has had none.
    #[error("the group has had no coach visit yet")]
    NoVisitYet,
    /// A follow-up action on a row that is not a follow-up.
    #[error("select a follow-up first")]
    SelectFollowUp,
    /// Editing or removing in a visit on a row that is neither an advice nor a follow-up.
    #[error("select an advice or a follow-up first")]
    SelectWritten,
    /// Adding a child, or anything in a group, needs a group first.
    #[error("create a group first")]
    NoGroup,
    /// Serving a group from a card needs a group shown.
    #[error("open a group first")]
    OpenGroupFirst,
    /// Linking a card needs a child shown.
    #[error("open a child first")]
    OpenChildFirst,
    /// Editing a child the person at the keyboard sees under an alias: the form would show its
    /// name.
    #[error("the parents did not consent to naming this child to the coach")]
    Anonymous,
    #[error("a pinned card cannot be removed")]
    PinnedCard,
    /// The child shown is no longer in the database (removed meanwhile).
    #[error("the child is gone")]
    ChildGone,
    /// Changing or removing a guardian of a child who has none.
    #[error("the child has no guardian yet")]
    NoGuardian,
    /// A change asked of an aandachtsfunctionaris' line in the lookup, which comes from the staff
    /// record (changed on the staff screen).
    #[error("the line of an aandachtsfunctionaris changes on the staff screen")]
    LeadLine,
    /// `R` could not make or write the report (the reports directory and why, as the system
    /// says it).
    #[error("the report was not written: {0}")]
    ReportNotWritten(String),
    /// `R` found the reports directory unsafe to write into (`crate::backup::UnsafeDir`).
    #[error("the reports directory {0} is not used: {1}")]
    ReportsDirRefused(std::path::PathBuf, crate::backup::UnsafeDir),
    /// `--user` names nobody in the database.
    #[error("no staff member called {0}")]
    UserNotFound(String),
}
