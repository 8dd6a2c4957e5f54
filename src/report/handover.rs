//! The handover to primary school (`signaal report --handover ID|NAME [--for-parents]`): what
//! the group tells the school about a child at about four, from the child's [`Handover`] record,
//! with the support plan if there is one. For the school only with the parents' consent
//! (`consent.school` = yes); for the parents always, so they can read it before they decide.
//! Never a Meldcode trajectory (see [`super::plans`]).

use std::fmt::Write as _;

use anyhow::{bail, Result};
use chrono::NaiveDate;

use super::child::{write_who, ChildData};
use super::plans::{self, one_line, Stages};
use crate::domain::handover::Handover;
use crate::domain::{access, GroupKind, Id};
use crate::i18n::report::R;
use crate::i18n::Lang;
use crate::store::Store;

/// Who the document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The school: refused without the parents' consent.
    School,
    /// The parents: always.
    Parents,
}

/// Reads the child `id` and its handover from the store and renders the document for `reader`
/// (the child's age as on `today`).
///
/// # Errors
/// No child with that id, the store could not be read, or (for the school) the parents did not
/// give their consent to pass information to the school.
pub fn handover_report(
    store: &Store,
    id: Id,
    reader: Reader,
    lang: Lang,
    today: NaiveDate,
) -> Result<String> {
    let data = ChildData::load(store, id)?;
    if reader == Reader::School && !access::handover_to_school(&data.child) {
        bail!(
            "the parents of child {} have not consented to passing information to the school \
             (consent.school is not yes), so the handover for the school is not written; \
             --for-parents writes it for them",
            data.child.id
        );
    }
    let handover = store.handover(id)?;
    let mut out = String::new();
    // A BSO child already goes to school: its record is the talk with the school.
    let bso = data
        .group
        .as_ref()
        .is_some_and(|g| g.kind == GroupKind::Bso);
    let title = lang.handover_title(&data.child.full_name(), bso);
    let _ = writeln!(out, "# {title}\n");
    let intro = match reader {
        Reader::School => R::HandoverSchoolIntro,
        Reader::Parents => R::HandoverParentsIntro,
    };
    let _ = writeln!(out, "{}\n", lang.report(intro));
    write_who(
        &mut out,
        &data.child,
        data.group.as_ref(),
        data.mentor.as_deref(),
        lang,
        today,
    );
    match &handover {
        Some(h) => write_handover(&mut out, h, bso, lang),
        None => {
            let _ = writeln!(out, "\n{}", lang.report(R::HandoverNone));
        }
    }
    plans::write_trajectories(
        &mut out,
        &data.trajectories,
        &data.plans,
        lang,
        Stages::Taken,
    );
    Ok(out)
}

/// The handover's own sections; an empty field is left out. For a BSO child (`bso`) the record
/// is the talk with the school: `what_helps` is what was discussed and agreed, and
/// `warm_handover_on` the date of the talk.
fn write_handover(out: &mut String, h: &Handover, bso: bool, lang: Lang) {
    let (helps, warm) = match bso {
        true => (R::HandoverTalkAgreed, R::HandoverTalkOn),
        false => (R::HandoverWhatHelps, R::HandoverWarm),
    };
    let section = |out: &mut String, title: R, text: &str| {
        if !text.trim().is_empty() {
            let _ = writeln!(out, "\n## {}\n\n{}", lang.report(title), text.trim());
        }
    };
    section(out, R::HandoverSchool, &h.school);
    if h.development.values().any(|t| !t.trim().is_empty()) {
        let _ = writeln!(out, "\n## {}\n", lang.report(R::HandoverDevelopment));
        for (domain, text) in h.development.iter().filter(|(_, t)| !t.trim().is_empty()) {
            let _ = writeln!(out, "- **{domain}**: {}", one_line(text));
        }
    }
    section(out, R::HandoverInterests, &h.interests);
    section(out, helps, &h.what_helps);
    section(out, R::HandoverParentsView, &h.parents_view);
    let when = h.warm_handover_on.map_or_else(
        || lang.report(R::HandoverNotYet).to_string(),
        |d| lang.date(d),
    );
    let _ = writeln!(out, "\n## {}\n\n{when}", lang.report(warm));
    if !h.spoken_with.trim().is_empty() {
        let _ = writeln!(
            out,
            "- {}: {}",
            lang.report(R::HandoverSpokenWith),
            one_line(&h.spoken_with)
        );
    }
}
