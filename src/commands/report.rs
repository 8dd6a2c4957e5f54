//! `signaal report`: documents for people outside the app, on stdout. The documents themselves
//! are made by [`crate::report`], which the TUI's `R` calls too; this is the command line around
//! them: which child is meant, and where the text goes.

use std::process::ExitCode;

use anyhow::{anyhow, Result};

use crate::app::Clock;
use crate::cli::{ChildRef, Report};
use crate::domain::invalid::not_after_this_month;
use crate::domain::Id;
use crate::i18n::report::R;
use crate::i18n::Lang;
use crate::report::dossier::dossier;
use crate::report::sheet::CsvStyle;
use crate::report::{care_team, child_report, handover};
use crate::search::fold;
use crate::store::Store;

/// Writes `report` in `lang` to stdout; a CSV report separated by `delimiter` when one is given
/// (else as [`CsvStyle::for_report`] chooses for `lang`).
///
/// # Errors
/// The store could not be read, the child named is not there, or stdout could not be written.
pub fn run(store: &Store, report: Report, lang: Lang, delimiter: Option<u8>) -> Result<ExitCode> {
    let today = Clock::System.today();
    let text = match report {
        Report::Child(child) => child_report(store, find_child(store, &child, lang)?, lang, today)?,
        Report::Dossier(child) => dossier(store, find_child(store, &child, lang)?, lang, today)?,
        Report::Handover { child, for_parents } => {
            let reader = if for_parents {
                handover::Reader::Parents
            } else {
                handover::Reader::School
            };
            let id = find_child(store, &child, lang)?;
            handover::handover_report(store, id, reader, lang, today)?
        }
        Report::CareTeam { month, csv } | Report::Meldcode { month, csv } => {
            // A month still to come has no end to report on: a usage error (2), as it was
            // when the argument parser refused it, now in `lang`.
            if let Some(later) = month.filter(|m| not_after_this_month(*m, today).is_err()) {
                super::say(&lang.month_to_come(later, today));
                return Ok(ExitCode::from(2));
            }
            let which = match report {
                Report::Meldcode { .. } => care_team::Which::Meldcode,
                _ => care_team::Which::CareTeam,
            };
            let style = csv.then(|| CsvStyle::for_report(lang, delimiter));
            let text = care_team::care_team_report(store, which, month, style, lang, today)?;
            if csv && text.lines().count() == 1 {
                // The CSV holds only its header; say why where a person sees it.
                super::say(lang.report(R::CareTeamNone));
            }
            text
        }
    };
    super::print_user_text(&text, "report")
}

/// The id of the child named on the command line. A name is matched case- and accent-blind,
/// every word of it in the child's full name.
///
/// # Errors
/// No child by that name, or several: then the message lists them (id, name, group), so the
/// id can be given instead; in `lang`.
fn find_child(store: &Store, child: &ChildRef, lang: Lang) -> Result<Id> {
    let name = match child {
        ChildRef::Id(id) => return Ok(*id),
        ChildRef::Name(name) => name,
    };
    let words: Vec<String> = fold(name).split_whitespace().map(str::to_string).collect();
    let mut found = Vec::new();
    for group in store.groups()? {
        for c in store.children_of(group.id)? {
            let full = fold(&c.full_name());
            if words
                .iter()
                .all(|w| full.split_whitespace().any(|part| part == w))
            {
                found.push((c, group.name.clone()));
            }
        }
    }
    match found.as_slice() {
        [(one, _)] => Ok(one.id),
        [] => Err(anyhow!(lang.no_child_called(name, store.path()))),
        several => {
            let list: Vec<String> = several
                .iter()
                .map(|(c, group)| format!("  {}  {}  ({group})", c.id, c.full_name()))
                .collect();
            Err(anyhow!(lang.children_called(name, &list)))
        }
    }
}
