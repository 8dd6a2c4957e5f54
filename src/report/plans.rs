//! The child report's part on step plans: per trajectory the child's question, the goals, where
//! it stands and the steps taken, in words for parents.
//!
//! A Meldcode trajectory is not shared with parents at that stage: it is left out, and nothing in
//! the report hints at it (no count, no empty heading, no Meldcode outcome).

use std::fmt::Write as _;

use super::markdown::inline;
use crate::domain::plan::{PlanTemplate, Progress, StageEntry, Trajectory};
use crate::domain::{access, Catalogue};
use crate::i18n::report::R;
use crate::i18n::Lang;

/// Whether a trajectory may be shown to the parents (or the care team): never a Meldcode one
/// (`domain::access::is_meldcode_plan`).
pub fn for_parents(trajectory: &Trajectory) -> bool {
    !access::is_meldcode_plan(&trajectory.template)
}

/// The trajectories the parents may read ([`for_parents`]), oldest first.
pub fn shown(trajectories: &[Trajectory]) -> Vec<&Trajectory> {
    let mut shown: Vec<&Trajectory> = trajectories.iter().filter(|t| for_parents(t)).collect();
    shown.sort_by_key(|t| (t.started, t.id));
    shown
}

/// Which stages a trajectory lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stages {
    /// The steps taken (the parents' report).
    Taken,
    /// The steps taken, then every stage not taken yet that has a note (the dossier: everything
    /// written about the child).
    WithNotes,
}

/// Appends the section on the child's trajectories (oldest first), or nothing when none of them
/// may be shown to the parents.
pub fn write_trajectories(
    out: &mut String,
    trajectories: &[Trajectory],
    plans: &Catalogue<PlanTemplate>,
    lang: Lang,
    stages: Stages,
) {
    let shown = shown(trajectories);
    if shown.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## {}\n", lang.report(R::PlansTitle));
    let _ = writeln!(out, "{}", lang.report(R::PlansIntro));
    for trajectory in shown {
        write_trajectory(
            out,
            trajectory,
            plans.find(&trajectory.template, trajectory.version),
            lang,
            stages,
        );
    }
}

fn write_trajectory(
    out: &mut String,
    t: &Trajectory,
    plan: Option<&PlanTemplate>,
    lang: Lang,
    stages: Stages,
) {
    let name = plan.map_or(t.template.as_str(), |p| lang.text(&p.name));
    let _ = writeln!(
        out,
        "\n### {}\n",
        lang.report_plan_heading(&inline(name), t.started)
    );
    for (label, text) in [
        (R::Question, &t.question),
        (R::Goals, &t.goals),
        (R::Actions, &t.actions),
    ] {
        let text = inline(text);
        if !text.is_empty() {
            let _ = writeln!(out, "- {}: {text}", lang.report(label));
        }
    }
    match &t.closed {
        Some(closing) => {
            let _ = writeln!(
                out,
                "- {}",
                lang.report_closed(closing.date, closing.outcome)
            );
        }
        None => {
            if let Some(end) = t.expected_end {
                let _ = writeln!(out, "- {}: {}", lang.report(R::ExpectedEnd), lang.date(end));
            }
            if let Some(plan) = plan {
                let now = match t.progress(plan) {
                    Progress::At { number, of, stage } => {
                        lang.report_plan_now(number, of, &inline(lang.text(&stage.title)))
                    }
                    Progress::AllDone { .. } => lang.report(R::AllStepsDone).to_string(),
                };
                let _ = writeln!(out, "- {}: {now}", lang.report(R::Now));
            }
        }
    }

    let _ = writeln!(out, "\n{}:\n", lang.report(R::StepsTaken));
    // In the plan's order; a trajectory whose plan is unknown lists its entries as stored.
    let numbered = || t.stages.iter().enumerate();
    let step = |number: usize, entry: &StageEntry| {
        let title = plan
            .and_then(|p| p.stage(&entry.stage))
            .map_or(entry.stage.as_str(), |s| lang.text(&s.title));
        format!("- {}: {}", lang.report_step(number + 1), inline(title))
    };
    let mut any = false;
    for (number, entry) in numbered().filter(|(_, e)| e.done) {
        any = true;
        let date = entry
            .at
            .map(|at| format!(" ({})", lang.date(at.date_naive())))
            .unwrap_or_default();
        let _ = writeln!(out, "{}{date}", step(number, entry));
        super::child::write_note(out, &entry.note, lang);
    }
    if !any {
        let _ = writeln!(out, "{}", lang.report(R::NoStepsYet));
    }
    if stages == Stages::WithNotes {
        let noted = |e: &&StageEntry| !e.done && !e.note.trim().is_empty();
        for (number, entry) in numbered().filter(|(_, e)| noted(e)) {
            let not_yet = lang.report(R::NotTakenYet);
            let _ = writeln!(out, "{} ({not_yet})", step(number, entry));
            super::child::write_note(out, &entry.note, lang);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::{at, d, plan};
    use crate::domain::plan::Outcome;

    fn early() -> Trajectory {
        let mut t = Trajectory::new(40, 20, &plan("vroegsignalering"), d("2026-09-01"), "Anouk");
        t.question = "Wat heeft dit kind nodig om rustig\nafscheid te nemen?".into();
        t.goals = "Rustig afscheid binnen zes weken.".into();
        t.expected_end = Some(d("2026-12-01"));
        t.toggle("signaleren", "Anouk", at("2026-09-02"));
        t.set_note(
            "signaleren",
            "Twee keer geobserveerd.",
            "Anouk",
            at("2026-09-03"),
        );
        t.toggle("collega", "Anouk", at("2026-09-10"));
        t
    }

    fn meldcode() -> Trajectory {
        let mut t = Trajectory::new(41, 20, &plan("meldcode"), d("2026-10-01"), "Anouk");
        t.question = "GEHEIM".into();
        t.toggle("signalen", "Anouk", at("2026-10-02"));
        t
    }

    fn render(trajectories: &[Trajectory], lang: Lang) -> String {
        let mut out = String::new();
        write_trajectories(
            &mut out,
            trajectories,
            &Catalogue::plans(Vec::new()),
            lang,
            Stages::Taken,
        );
        out
    }

    #[test]
    fn an_open_trajectory_shows_question_goals_where_it_stands_and_the_steps_taken() {
        let text = render(&[early(), meldcode()], Lang::Nl);
        assert!(text.starts_with("\n## Stappenplan\n"), "{text}");
        assert!(text.contains(
            "### Stappenplan vroegsignalering (gestart op 01-09-2026)\n\n- Vraag van het kind: \
             Wat heeft dit kind nodig om rustig afscheid te nemen?\n- Doelen: Rustig afscheid \
             binnen zes weken.\n- Verwacht einde: 01-12-2026\n- Waar we nu staan: stap 3 van 8 \
             (Gesprek ouders)\n"
        ), "{text}");
        assert!(
            text.contains(
                "Gezette stappen:\n\n- Stap 1: Signaleren (03-09-2026)\n  - Notitie: Twee keer \
             geobserveerd.\n- Stap 2: Collega of mentor (10-09-2026)\n"
            ),
            "{text}"
        );
        assert!(!text.contains("Wat we doen"), "empty fields are left out");
    }

    #[test]
    fn a_meldcode_trajectory_is_never_mentioned() {
        for lang in [Lang::Nl, Lang::En] {
            assert_eq!(render(&[meldcode()], lang), "", "not even a heading");
            let text = render(&[meldcode(), early()], lang);
            assert!(!text.contains("GEHEIM") && !text.to_lowercase().contains("meldcode"));
            assert_eq!(text.matches("### ").count(), 1);
        }
    }

    #[test]
    fn a_closed_trajectory_shows_its_outcome_in_kind_words() {
        let mut t = early();
        t.close(Outcome::ContinuesInGroup, d("2026-11-10"), "Anouk");
        let text = render(&[t.clone()], Lang::En);
        assert!(
            text.contains(
                "- Closed on 2026-11-10: your child carries on in the group, with the approach we \
             found together\n"
            ),
            "{text}"
        );
        assert!(!text.contains("Where we are now") && !text.contains("Expected end"));
        // A Meldcode report as outcome is not named.
        t.close(Outcome::MeldcodeReport, d("2026-11-10"), "Anouk");
        let text = render(&[t], Lang::Nl);
        assert!(text.contains("- Afgesloten op 10-11-2026\n"), "{text}");
        assert!(!text.to_lowercase().contains("meld") && !text.contains("Veilig"));
    }

    #[test]
    fn no_step_taken_says_so() {
        let t = Trajectory::new(40, 20, &plan("vroegsignalering"), d("2026-09-01"), "Anouk");
        let text = render(&[t], Lang::En);
        assert!(
            text.contains("- Where we are now: step 1 of 8 (Notice, observe)\n"),
            "{text}"
        );
        assert!(
            text.contains("Steps taken:\n\nNo step has been completed yet.\n"),
            "{text}"
        );
    }
}
