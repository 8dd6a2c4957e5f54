//! The handover to primary school (`signaal report --handover ID|NAME [--for-parents]`): what
//! the group tells the school about a child at about four, from the child's [`Handover`] record.
//! For the school only once the handover is written, names its school and the parents consented
//! (`consent.school` = yes); it is about the child, in the third person, with the open support
//! plan's question, goals and actions. For the parents always, so they can read it before they
//! decide: in words to them, with their step plans as their own report shows them. Never a
//! Meldcode trajectory (see [`super::plans`]).

use std::fmt::Write as _;

use anyhow::{bail, Result};
use chrono::NaiveDate;

use super::child::{write_who, ChildData};
use super::markdown::{block, inline};
use super::parents;
use super::plans::{self, Stages};
use crate::domain::form::FormTemplate;
use crate::domain::handover::Handover;
use crate::domain::plan::{PlanTemplate, Trajectory};
use crate::domain::{access, Catalogue, Child, Group, GroupKind, Id, Observation};
use crate::i18n::report::R;
use crate::i18n::{Lang, T};
use crate::store::Store;

/// Who the document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The school: refused without a written handover naming the school and the parents'
    /// consent.
    School,
    /// The parents: always.
    Parents,
}

/// Reads the child `id` and its handover from the store and renders the document for `reader`
/// (the child's age as on `today`).
///
/// # Errors
/// No child with that id, the store could not be read, or (for the school) no handover written
/// yet, one that names no school, or the parents did not give their consent to pass information
/// to the school.
pub fn handover_report(
    store: &Store,
    id: Id,
    reader: Reader,
    lang: Lang,
    today: NaiveDate,
) -> Result<String> {
    let data = ChildData::load(store, id)?;
    let handover = store.handover(id)?;
    if reader == Reader::School {
        may_go_to_school(&data.child, handover.as_ref(), lang)?;
    }
    let bso = is_bso(data.group.as_ref());
    let mut out = String::new();
    let title = lang.handover_title(&inline(&data.child.full_name()), bso);
    let _ = writeln!(out, "# {title}\n");
    let Some(h) = handover else {
        // Only the parents get here: say plainly that there is nothing yet.
        who(&mut out, &data, lang, today);
        let none = if bso {
            R::HandoverNoneBso
        } else {
            R::HandoverNone
        };
        let _ = writeln!(out, "\n{}", lang.report(none));
        return Ok(out);
    };
    let intro = match (reader, bso) {
        (Reader::School, false) => R::HandoverSchoolIntro,
        (Reader::School, true) => R::HandoverSchoolIntroBso,
        (Reader::Parents, false) => R::HandoverParentsIntro,
        (Reader::Parents, true) => R::HandoverParentsIntroBso,
    };
    let _ = writeln!(out, "{}\n", lang.report(intro));
    who(&mut out, &data, lang, today);
    let form = child_form(&data.observations, &data.catalogue, data.group.as_ref());
    write_handover(&mut out, &h, form, bso, lang, "##", today);
    match reader {
        Reader::School => write_support_for_school(&mut out, &data.trajectories, &data.plans, lang),
        Reader::Parents => plans::write_trajectories(
            &mut out,
            &data.trajectories,
            &data.plans,
            lang,
            Stages::Taken,
        ),
    }
    Ok(out)
}

fn who(out: &mut String, data: &ChildData, lang: Lang, today: NaiveDate) {
    let mentor = data.mentor.as_deref();
    write_who(out, &data.child, data.group.as_ref(), mentor, lang, today);
}

/// Ok when the document may go to the school: a handover is written, it names the school (a
/// document for a school that names none cannot be sent anywhere, and it is the one field a
/// school needs to know it is theirs), and the parents consented.
///
/// # Errors
/// One sentence in `lang` naming the child and what to do first.
fn may_go_to_school(child: &Child, handover: Option<&Handover>, lang: Lang) -> Result<()> {
    let (id, name) = (child.id, child.full_name());
    match handover {
        None => bail!("{}", lang.handover_not_written(id, &name)),
        Some(h) if h.school.trim().is_empty() => {
            bail!("{}", lang.handover_without_school(id, &name))
        }
        Some(_) if !access::handover_to_school(child) => {
            bail!("{}", lang.handover_without_consent(id, &name))
        }
        Some(_) => Ok(()),
    }
}

/// Whether the child's group is a BSO: its children already go to school, and their record is
/// the talk with the school's intern begeleider.
pub(super) fn is_bso(group: Option<&Group>) -> bool {
    group.is_some_and(|g| g.kind == GroupKind::Bso)
}

/// The form whose sections order the development domains, as the handover form in the TUI
/// shows them: that of the child's latest observation, else the group's first.
pub(super) fn child_form<'a>(
    observations: &[Observation],
    catalogue: &'a Catalogue,
    group: Option<&Group>,
) -> Option<&'a FormTemplate> {
    let latest = observations.last();
    latest
        .and_then(|o| catalogue.find(&o.template, o.version))
        .or_else(|| group.and_then(|g| catalogue.for_group(g).first().copied()))
}

/// The handover's own sections, each under a heading of `level` ("##", "###"); an empty field
/// is left out. The development domains in the order of `form` with their titles in `lang`
/// ([`Handover::development_in_order`]). For a BSO child (`bso`) the record is the talk with
/// the school: `what_helps` is what was discussed and agreed, and `warm_handover_on` the date
/// of the talk.
pub(super) fn write_handover(
    out: &mut String,
    h: &Handover,
    form: Option<&FormTemplate>,
    bso: bool,
    lang: Lang,
    level: &str,
    today: NaiveDate,
) {
    let (helps, warm) = match bso {
        true => (R::HandoverTalkAgreed, R::HandoverTalkOn),
        false => (R::HandoverWhatHelps, R::HandoverWarm),
    };
    let section = |out: &mut String, title: R, text: &str| {
        if !text.trim().is_empty() {
            let _ = writeln!(out, "\n{level} {}\n\n{}", lang.report(title), block(text));
        }
    };
    section(out, R::HandoverSchool, &h.school);
    let development = h.development_in_order(form);
    if !development.is_empty() {
        let _ = writeln!(out, "\n{level} {}\n", lang.report(R::HandoverDevelopment));
        for domain in development {
            let name = inline(domain.section.map_or(domain.key, |s| lang.text(&s.title)));
            let _ = writeln!(out, "- **{name}**: {}", inline(domain.text));
        }
    }
    section(out, R::HandoverInterests, &h.interests);
    section(out, helps, &h.what_helps);
    section(out, R::HandoverParentsView, &h.parents_view);
    // A date after today is a plan, not a handover that took place.
    let when = match h.warm_handover_on {
        None => lang.report(R::HandoverNotYet).to_string(),
        Some(d) if d > today => format!("{} {}", lang.get(T::HandoverPlanned), lang.date(d)),
        Some(d) => lang.date(d),
    };
    let _ = writeln!(out, "\n{level} {}\n\n{when}", lang.report(warm));
    if !h.spoken_with.trim().is_empty() {
        let _ = writeln!(
            out,
            "- {}: {}",
            lang.report(R::HandoverSpokenWith),
            inline(&h.spoken_with)
        );
    }
}

/// For the school: each open support plan (never a Meldcode one) with the child's question, the
/// goals and what is done, about the child; nothing when there is none or none says anything.
/// No stages and their notes: they are the group's working notes, written to the parents.
/// A closed plan is left out whole: what it taught lives on in "what helps", which the parents
/// read and agreed to; its history is not what a school needs to welcome the child, and passing
/// it on would follow the child with a label the parents did not choose to share (AVG: no more
/// than needed).
fn write_support_for_school(
    out: &mut String,
    trajectories: &[Trajectory],
    catalogue: &Catalogue<PlanTemplate>,
    lang: Lang,
) {
    let open = plans::shown(trajectories)
        .into_iter()
        .filter(|t| t.closed.is_none());
    let mut any = false;
    for t in open {
        let written = parents::said([
            (R::Question, &t.question),
            (R::Goals, &t.goals),
            (R::Actions, &t.actions),
        ]);
        if written.is_empty() {
            continue;
        }
        if !any {
            let _ = writeln!(out, "\n## {}\n", lang.report(R::SchoolPlanTitle));
            let _ = writeln!(out, "{}", lang.report(R::SchoolPlanIntro));
            any = true;
        }
        let plan = catalogue.find(&t.template, t.version);
        let name = plan.map_or(t.template.as_str(), |p| lang.text(&p.name));
        let heading = lang.report_plan_heading(&inline(name), t.started);
        let _ = writeln!(out, "\n### {heading}\n");
        parents::write_said(out, written, lang);
    }
}
