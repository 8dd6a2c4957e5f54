//! signaal's own vCard properties, `X-SIGNAAL-*`, for the fields of a [`Contact`] that vCard has
//! no standard property for. The writer writes them and the reader reads them back, so an export
//! imported again has every field it had.
//!
//! [`Contact`]: crate::domain::Contact

use crate::domain::contact::{Help, Pinned};

/// A field written as an `X-SIGNAAL-*` property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    /// `X-SIGNAAL-AVAILABILITY`: days and hours, as typed.
    Availability,
    /// `X-SIGNAAL-AREA`: the area served, in words.
    Area,
    /// `X-SIGNAAL-WHEN-TO-CALL`.
    WhenToCall,
    /// `X-SIGNAAL-HELP`: `advice-only` or `referral`.
    Help,
    /// `X-SIGNAAL-CONSENT-FIRST`: `TRUE` when the parents must consent first (read: see
    /// [`yes_no`]).
    ConsentFirst,
    /// `X-SIGNAAL-VERIFIED`: the date last checked, `YYYY-MM-DD`.
    Verified,
    /// `X-SIGNAAL-GROUPS`: the ids of the groups served, separated by commas.
    Groups,
    /// `X-SIGNAAL-PINNED`: on a pinned card, its kind by the name the JSON export gives it
    /// (`emergency`, `veilig_thuis`, `vertrouwensinspecteur`, `aandachtsfunctionaris`).
    Pinned,
}

impl Field {
    /// Every field, in the order they are written.
    pub(super) const ALL: [Field; 8] = [
        Field::Availability,
        Field::Area,
        Field::WhenToCall,
        Field::Help,
        Field::ConsentFirst,
        Field::Verified,
        Field::Groups,
        Field::Pinned,
    ];

    /// The property's name, uppercase.
    pub(super) fn name(self) -> &'static str {
        match self {
            Field::Availability => "X-SIGNAAL-AVAILABILITY",
            Field::Area => "X-SIGNAAL-AREA",
            Field::WhenToCall => "X-SIGNAAL-WHEN-TO-CALL",
            Field::Help => "X-SIGNAAL-HELP",
            Field::ConsentFirst => "X-SIGNAAL-CONSENT-FIRST",
            Field::Verified => "X-SIGNAAL-VERIFIED",
            Field::Groups => "X-SIGNAAL-GROUPS",
            Field::Pinned => "X-SIGNAAL-PINNED",
        }
    }
}

/// The field of a property name (in any case).
pub(super) fn by_name(name: &str) -> Option<Field> {
    Field::ALL
        .into_iter()
        .find(|field| field.name().eq_ignore_ascii_case(name))
}

/// The value of `X-SIGNAAL-HELP` for `help`; `None` for [`Help::Unknown`], which is not written.
pub(super) fn help_value(help: Help) -> Option<&'static str> {
    match help {
        Help::Unknown => None,
        Help::AdviceOnly => Some("advice-only"),
        Help::Referral => Some("referral"),
    }
}

/// The [`Help`] of an `X-SIGNAAL-HELP` value (in any case), `None` for another value.
pub(super) fn help(value: &str) -> Option<Help> {
    [Help::AdviceOnly, Help::Referral]
        .into_iter()
        .find(|help| help_value(*help).is_some_and(|v| v.eq_ignore_ascii_case(value.trim())))
}

/// The truth of an `X-SIGNAAL-CONSENT-FIRST` value: `TRUE` or `FALSE` in any case, and what a
/// person editing the card by hand may type instead (ja/nee, yes/no, 1/0); empty is false.
/// `None` for anything else, which the reader reports rather than take for false.
pub(super) fn yes_no(value: &str) -> Option<bool> {
    match value.trim().to_lowercase().as_str() {
        "true" | "ja" | "yes" | "1" => Some(true),
        "" | "false" | "nee" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// The [`Pinned`] kind of an `X-SIGNAAL-PINNED` value (in any case), `None` for another value.
pub(super) fn pinned(value: &str) -> Option<Pinned> {
    Pinned::ALL
        .into_iter()
        .find(|pinned| pinned.export_name().eq_ignore_ascii_case(value.trim()))
}
