//! The documents signaal writes for people outside the app: the parents' report on one child
//! ([`child`]), and the open trajectories for the care-team meeting or the
//! aandachtsfunctionaris ([`care_team`]). Both the command line (`signaal report`, on stdout) and
//! the TUI (`R`, into the reports directory) call them; none of them ever holds a Meldcode
//! trajectory or a mark on a Meldcode-flagged item unless it is the aandachtsfunctionaris' own.
//!
//! What people typed is shown as they typed it: every Markdown writer passes user text through
//! [`markdown`] (escaped, control characters shown), every CSV is written by [`sheet`] (a byte
//! order mark, `;` for Dutch Excel, no cell a spreadsheet would run as a formula).

pub mod care_team;
pub mod child;
pub mod dossier;
pub mod files;
pub mod handover;
pub mod markdown;
pub mod meldcode;
pub mod parents;
pub mod plans;
pub mod redact;
pub mod sheet;

pub use child::{child_report, render_child, ChildReport};
