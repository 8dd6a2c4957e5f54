//! The parents' report's closing part, for the talk itself: what the parents see (their view,
//! written after the observation talk and per trajectory), what we agree on together (the goals
//! and actions of the step plans, then empty lines to write on during the talk), and lines for
//! the date and the signatures of each guardian with parental authority (gezag) and the mentor.
//!
//! A Meldcode trajectory is never named here either: only trajectories
//! [`super::plans::for_parents`] lets through are read.

use std::fmt::Write as _;

use super::markdown::inline;
use super::plans::shown;
use crate::domain::plan::{PlanTemplate, Trajectory};
use crate::domain::{Catalogue, Child, Observation};
use crate::i18n::report::R;
use crate::i18n::Lang;

/// Room to write on by hand (dots: underscores would be Markdown emphasis or a rule).
const DOTS: &str = "............................................................";

/// How many empty lines "Wat we samen afspreken" ends with.
const EMPTY_LINES: usize = 4;

/// A trajectory's heading in words: the plan's name and its start.
fn heading(t: &Trajectory, plans: &Catalogue<PlanTemplate>, lang: Lang) -> String {
    let name = plans
        .find(&t.template, t.version)
        .map_or(t.template.as_str(), |p| lang.text(&p.name));
    lang.report_plan_heading(&inline(name), t.started)
}

/// "Wat ouders zien": the latest observation's parents' view and each shown trajectory's; a
/// line that says nothing was written yet, and lines to write on, when there is none.
pub fn write_parents_view(
    out: &mut String,
    latest: Option<&Observation>,
    trajectories: &[Trajectory],
    plans: &Catalogue<PlanTemplate>,
    lang: Lang,
) {
    let _ = writeln!(out, "\n## {}\n", lang.report(R::ParentsViewTitle));
    let mut any = false;
    if let Some(o) = latest.filter(|o| !o.parents_view.trim().is_empty()) {
        any = true;
        let talk = lang.report_observation_talk(o.date);
        let _ = writeln!(out, "- {talk}: {}", inline(&o.parents_view));
    }
    for t in shown(trajectories) {
        if !t.parents_view.trim().is_empty() {
            any = true;
            let _ = writeln!(
                out,
                "- {}: {}",
                heading(t, plans, lang),
                inline(&t.parents_view)
            );
        }
    }
    if !any {
        let _ = writeln!(out, "{}\n", lang.report(R::ParentsViewEmpty));
        write_lines(out, 2);
    }
}

/// "Wat we samen afspreken": per shown trajectory its goals and actions, then empty lines.
pub fn write_agreements(
    out: &mut String,
    trajectories: &[Trajectory],
    plans: &Catalogue<PlanTemplate>,
    lang: Lang,
) {
    let _ = writeln!(out, "\n## {}\n", lang.report(R::AgreeTitle));
    let _ = writeln!(out, "{}", lang.report(R::AgreeIntro));
    for t in shown(trajectories) {
        let written = said([(R::Goals, &t.goals), (R::Actions, &t.actions)]);
        if written.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {}\n", heading(t, plans, lang));
        write_said(out, written, lang);
    }
    let _ = writeln!(out);
    write_lines(out, EMPTY_LINES);
}

/// The labelled texts that say something, each on one line: a trajectory's fields as a
/// document lists them.
pub(super) fn said<'a>(fields: impl IntoIterator<Item = (R, &'a String)>) -> Vec<(R, String)> {
    fields
        .into_iter()
        .map(|(label, text)| (label, inline(text)))
        .filter(|(_, text)| !text.is_empty())
        .collect()
}

/// `said`'s texts as a Markdown list: "- Label: text".
pub(super) fn write_said(out: &mut String, written: Vec<(R, String)>, lang: Lang) {
    for (label, text) in written {
        let _ = writeln!(out, "- {}: {text}", lang.report(label));
    }
}

/// The date line and one signature line per guardian with gezag (a general one when none is
/// recorded), and the mentor's (or the staff member's, when the child has no mentor).
pub fn write_signatures(out: &mut String, child: &Child, mentor: Option<&str>, lang: Lang) {
    let _ = writeln!(out, "\n## {}\n", lang.report(R::SignTitle));
    let _ = writeln!(out, "- {}: ....................", lang.report(R::Date));
    let with_authority: Vec<_> = child.guardians.iter().filter(|g| g.authority).collect();
    if with_authority.is_empty() {
        let _ = writeln!(out, "- {}: {DOTS}", lang.report(R::Guardian));
    }
    for guardian in with_authority {
        let _ = writeln!(out, "- {}: {DOTS}", who(guardian));
    }
    let staff = match mentor {
        Some(name) => format!("{} ({})", inline(name), lang.report(R::MentorRole)),
        None => lang.report(R::StaffMember).to_string(),
    };
    let _ = writeln!(out, "- {staff}: {DOTS}");
}

/// A guardian as the report names them: "Mirjam de Vries (moeder)".
pub fn who(guardian: &crate::domain::Guardian) -> String {
    match inline(&guardian.relation) {
        relation if relation.is_empty() => inline(&guardian.name),
        relation => format!("{} ({relation})", inline(&guardian.name)),
    }
}

fn write_lines(out: &mut String, count: usize) {
    for _ in 0..count {
        // A list item, so that each prints as a line of its own in any Markdown viewer.
        let _ = writeln!(out, "- {DOTS}");
    }
}
