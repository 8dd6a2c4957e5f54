//! The parents' report (`signaal report --child`, `R` on a child): a child's latest
//! observation, what changed since the one before, the child's step plans, what the parents see
//! and what we agree on together, for a conversation with the parents (Markdown).

use std::fmt::Write as _;

use anyhow::{anyhow, Result};
use chrono::NaiveDate;

use super::markdown::inline;
use super::{parents, plans};
use crate::domain::form::{compare, FormTemplate};
use crate::domain::observation::previous_on_same_form;
use crate::domain::plan::{PlanTemplate, Trajectory};
use crate::domain::{access, Catalogue, Child, Group, Id, Observation};
use crate::i18n::report::R;
use crate::i18n::Lang;
use crate::store::Store;

/// What the store holds about one child, as the documents for the parents read it.
pub struct ChildData {
    pub child: Child,
    pub group: Option<Group>,
    /// The name of the child's mentor; `None` when none is chosen (or the staff member is gone).
    pub mentor: Option<String>,
    /// Oldest first, as the outside may see them (`access::visible_observation`): without marks
    /// and notes on Meldcode-flagged items, and without an observation that held only those.
    pub observations: Vec<Observation>,
    pub catalogue: Catalogue,
    /// The Meldcode ones among them; each document leaves them out itself.
    pub trajectories: Vec<Trajectory>,
    pub plans: Catalogue<PlanTemplate>,
}

impl ChildData {
    /// Reads child `id` and what belongs to it.
    ///
    /// # Errors
    /// No child with that id, or the store could not be read.
    pub fn load(store: &Store, id: Id) -> Result<ChildData> {
        let child = store.child(id)?.ok_or_else(|| {
            anyhow!(
                "there is no child with id {id} in {}",
                store.path().display()
            )
        })?;
        let mentor = match child.mentor {
            Some(mentor) => store.staff()?.into_iter().find(|s| s.id == mentor),
            None => None,
        };
        let catalogue = Catalogue::forms(store.form_templates()?);
        let observations = store
            .observations_of(id)?
            .into_iter()
            .filter_map(|o| {
                let template = catalogue.find(&o.template, o.version);
                access::visible_observation(None, o, template)
            })
            .collect();
        Ok(ChildData {
            group: store.group(child.group_id)?,
            mentor: mentor.map(|s| s.name),
            observations,
            catalogue,
            trajectories: store.trajectories_of(id)?,
            plans: Catalogue::plans(store.plan_templates()?),
            child,
        })
    }
}

/// Reads what the report on one child needs from the store and renders it.
///
/// # Errors
/// No child with that id, the store could not be read, or the latest observation's form is
/// not in the catalogue.
pub fn child_report(store: &Store, id: Id, lang: Lang, today: NaiveDate) -> Result<String> {
    let data = ChildData::load(store, id)?;
    render_child(&ChildReport {
        child: &data.child,
        group: data.group.as_ref(),
        observations: &data.observations,
        catalogue: &data.catalogue,
        trajectories: &data.trajectories,
        plans: &data.plans,
        mentor: data.mentor.as_deref(),
        lang,
        today,
    })
}

/// Everything the report on one child is made of.
pub struct ChildReport<'a> {
    pub child: &'a Child,
    pub group: Option<&'a Group>,
    /// The child's observations, oldest first.
    pub observations: &'a [Observation],
    pub catalogue: &'a Catalogue,
    /// The child's trajectories; those not for parents (the Meldcode) are left out here.
    pub trajectories: &'a [Trajectory],
    pub plans: &'a Catalogue<PlanTemplate>,
    /// The name of the child's mentor, when one is chosen.
    pub mentor: Option<&'a str>,
    pub lang: Lang,
    pub today: NaiveDate,
}

/// The Markdown document: who the child is (with mentor and guardians), the latest observation
/// section by section, what changed since the observation before it, the child's step plans,
/// what the parents see, what we agree on together, and lines for the date and signatures.
///
/// # Errors
/// The latest observation's form template is not in the catalogue.
pub fn render_child(report: &ChildReport) -> Result<String> {
    let ChildReport {
        trajectories,
        plans,
        lang,
        ..
    } = *report;
    let mut out = render_observations(report)?;
    plans::write_trajectories(&mut out, trajectories, plans, lang, plans::Stages::Taken);
    let latest = report.observations.last();
    parents::write_parents_view(&mut out, latest, trajectories, plans, lang);
    parents::write_agreements(&mut out, trajectories, plans, lang);
    parents::write_signatures(&mut out, report.child, report.mentor, lang);
    Ok(out)
}

/// The part of the document up to and including the observations.
fn render_observations(report: &ChildReport) -> Result<String> {
    let ChildReport {
        child,
        group,
        observations,
        catalogue,
        mentor,
        lang,
        today,
        ..
    } = *report;
    let mut out = String::new();
    let name = child.full_name();
    let latest = observations.last();

    // Writing to a String cannot fail; `let _ =` keeps the lines short.
    let _ = writeln!(out, "# {}\n", lang.report_title(&inline(&name)));
    write_who(&mut out, child, group, mentor, lang, today);
    if !child.guardians.is_empty() {
        let names: Vec<String> = child.guardians.iter().map(parents::who).collect();
        let _ = writeln!(out, "- {}: {}", lang.report(R::Guardians), names.join(", "));
    }
    let _ = writeln!(
        out,
        "- {}: {}",
        lang.report(R::Observations),
        lang.report_observation_count(observations.len(), latest.map(|o| o.date))
    );
    if child.archived {
        let _ = writeln!(out, "- {} {}", inline(&name), lang.report(R::Archived));
    }
    let _ = writeln!(out, "\n{}", lang.report(R::Intro));

    let Some(latest) = latest else {
        let _ = writeln!(out, "\n{}", lang.report(R::NotObserved));
        return Ok(out);
    };
    let template = catalogue
        .find(&latest.template, latest.version)
        .ok_or_else(|| {
            anyhow!(
                "observation {} was made with form template {} version {}, which this database \
                 does not have (signaal check reports such problems)",
                latest.id,
                latest.template,
                latest.version
            )
        })?;

    let _ = writeln!(out, "\n## {}\n", lang.report(R::Latest));
    let _ = writeln!(
        out,
        "- {}: {}",
        lang.report(R::Date),
        lang.date(latest.date)
    );
    let _ = writeln!(
        out,
        "- {}: {}",
        lang.report(R::Observer),
        inline(&latest.by)
    );
    let _ = writeln!(
        out,
        "- {}: {}",
        lang.report(R::Form),
        inline(lang.text(&template.name))
    );
    let _ = writeln!(out, "\n{}", lang.report(R::Scale));
    write_sections(&mut out, latest, template, lang, "###");

    let _ = writeln!(out);
    // Only an observation with the same form is compared: another form's items were not asked.
    match previous_on_same_form(observations) {
        None if observations.len() > 1 => {
            let _ = writeln!(out, "{}", lang.report(R::NoEarlierOnForm));
        }
        None => {
            let _ = writeln!(out, "{}", lang.report(R::NoEarlier));
        }
        Some(previous) => {
            let _ = writeln!(out, "## {}\n", lang.report_changed_since(previous.date));
            let changes = compare(template, &previous.mark_map(), &latest.mark_map());
            if changes.is_empty() {
                let _ = writeln!(out, "{}", lang.report(R::NoChanges));
            }
            for change in changes {
                let item = template.item(&change.item);
                // A Meldcode-flagged item is never named to the parents, in any section.
                if item.is_some_and(|(_, item)| !access::shared_outside(item)) {
                    continue;
                }
                let text = item.map_or(change.item.as_str(), |(_, item)| lang.text(&item.text));
                let unmarked = item.is_some_and(|(_, i)| change.kind.not_marked_this_time(i));
                let _ = writeln!(
                    out,
                    "- {}: {}",
                    inline(text),
                    lang.report_change(change.kind, unmarked)
                );
            }
        }
    }
    Ok(out)
}

/// The child's group, birth date with age on `today`, and mentor, as list items.
pub(super) fn write_who(
    out: &mut String,
    child: &Child,
    group: Option<&Group>,
    mentor: Option<&str>,
    lang: Lang,
    today: NaiveDate,
) {
    let group = match group {
        Some(group) => format!("{} ({})", inline(&group.name), group.kind.label()),
        None => lang.report(R::Unknown).to_string(),
    };
    let _ = writeln!(out, "- {}: {group}", lang.report(R::Group));
    let _ = writeln!(
        out,
        "- {}: {} ({})",
        lang.report(R::BirthDate),
        lang.date(child.birth_date),
        lang.report_age(child.age_on(today))
    );
    let mentor = mentor.map_or(lang.report(R::NoMentor).to_string(), inline);
    let _ = writeln!(out, "- {}: {mentor}", lang.report(R::Mentor));
}

/// An observation, one heading (`heading`: `###`, `####`) per section that has a marked item (or
/// a note), each item with its mark in words and its note below it. A Meldcode-flagged item is
/// left out.
pub(super) fn write_sections(
    out: &mut String,
    observation: &Observation,
    template: &FormTemplate,
    lang: Lang,
    heading: &str,
) {
    let mut any = false;
    for section in &template.sections {
        let items: Vec<_> = section
            .items
            .iter()
            .filter(|item| {
                let written =
                    observation.mark(&item.id).is_some() || !observation.note(&item.id).is_empty();
                written && access::shared_outside(item)
            })
            .collect();
        if items.is_empty() {
            continue;
        }
        any = true;
        let _ = writeln!(out, "\n{heading} {}\n", inline(lang.text(&section.title)));
        for item in items {
            let mark = observation.mark(&item.id);
            let tag = match item.concern && mark.is_some() {
                true => format!(" _({})_", lang.report(R::Attention)),
                false => String::new(),
            };
            // A strength with a note but no mark was not ticked this time, not "not seen".
            let said = match (mark, item.concern) {
                (None, false) => lang.report(R::NotMarked),
                _ => lang.report_mark(mark),
            };
            let text = inline(lang.text(&item.text));
            let _ = writeln!(out, "- {text}: **{said}**{tag}");
            write_note(out, observation.note(&item.id), lang);
        }
    }
    if !any {
        let _ = writeln!(out, "\n{}", lang.report(R::NothingMarked));
    }
}

/// A note under the list item just written (a marked item, a step taken), as an indented item of
/// its own, on one line and escaped ([`inline`]); nothing when the note is empty. The observations
/// and the step plans share it so that notes look the same throughout the report.
pub(super) fn write_note(out: &mut String, note: &str, lang: Lang) {
    let note = inline(note);
    if !note.is_empty() {
        let _ = writeln!(out, "  - {}: {note}", lang.report(R::Note));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::{at, d, kdv, plan, zoe};
    use crate::domain::form::Mark;

    fn child() -> Child {
        zoe()
    }

    fn group() -> Group {
        crate::commands::test_support::group(10, "De Vlinders")
    }

    fn observation(id: Id, date: &str, marks: &[(&str, Mark, &str)]) -> Observation {
        let mut obs = Observation::new(id, 20, &kdv(), d(date), "Anouk Jansen");
        for (item, mark, note) in marks {
            obs.set_mark(item, Some(*mark), "Anouk Jansen", at(date));
            obs.set_note(item, note, "Anouk Jansen", at(date));
        }
        obs
    }

    fn render(observations: &[Observation], lang: Lang) -> String {
        render_with(observations, lang, Vec::new())
    }

    /// The report with `forms` stored beside the built-in ones.
    fn render_with(observations: &[Observation], lang: Lang, forms: Vec<FormTemplate>) -> String {
        let catalogue = Catalogue::forms(forms);
        let plans = Catalogue::plans(Vec::new());
        let (child, group) = (child(), group());
        render_child(&ChildReport {
            child: &child,
            group: Some(&group),
            observations,
            catalogue: &catalogue,
            trajectories: &[],
            plans: &plans,
            mentor: Some("Anouk Jansen"),
            lang,
            today: d("2026-11-20"),
        })
        .unwrap()
    }

    fn two() -> Vec<Observation> {
        vec![
            observation(
                30,
                "2026-09-01",
                &[
                    ("welbevinden.teruggetrokken", Mark::Sometimes, ""),
                    ("spel.samen", Mark::Often, ""),
                ],
            ),
            observation(
                31,
                "2026-11-02",
                &[
                    (
                        "welbevinden.teruggetrokken",
                        Mark::Often,
                        "Vooral 's ochtends.",
                    ),
                    ("taal.boek", Mark::Sometimes, ""),
                ],
            ),
        ]
    }

    #[test]
    fn dutch_report_has_the_child_the_latest_observation_and_the_changes() {
        let text = render(&two(), Lang::Nl);
        assert!(text.starts_with("# Zoë de Vries: observaties voor het oudergesprek\n"));
        assert!(text.contains("- Groep: De Vlinders (KDV)\n"), "{text}");
        assert!(text.contains("- Geboortedatum: 17-08-2024 (2 jaar en 3 maanden)\n"));
        assert!(text.contains("- Observaties: 2, de laatste op 02-11-2026\n"));
        assert!(text.contains("## Laatste observatie\n"));
        assert!(text.contains("- Geobserveerd door: Anouk Jansen\n"));
        assert!(text.contains("- Formulier: Observatie 0-4 jaar\n"));
        assert!(text.contains("### Welbevinden en betrokkenheid\n"));
        assert!(text.contains(
            "- Trekt zich terug of is opvallend stil: **vaak** _(aandachtspunt)_\n  - Notitie: \
             Vooral 's ochtends.\n"
        ));
        assert!(text.contains("- Luistert mee bij een prentenboek of liedje: **soms**\n"));
        assert!(
            !text.contains("### Spel"),
            "a section without marks is left out"
        );
        let changes = text.split("## Wat is veranderd sinds 01-09-2026\n").nth(1);
        let changes = changes.expect("a changes section");
        let changes = changes.split("\n## ").next().unwrap();
        assert_eq!(
            changes.trim().lines().collect::<Vec<_>>(),
            [
                "- Trekt zich terug of is opvallend stil: nu vaak (was soms)",
                // A strength gone unmarked was not ticked this time: not a loss.
                "- Speelt naast of samen met andere kinderen: deze keer niet aangekruist (was vaak)",
                "- Luistert mee bij een prentenboek of liedje: nu soms (was niet gezien)",
            ]
        );
    }

    #[test]
    fn english_report_uses_english_words_and_iso_dates() {
        let text = render(&two(), Lang::En);
        assert!(text.contains("# Zoë de Vries: observations for the talk with parents\n"));
        assert!(text.contains("- Date of birth: 2024-08-17 (2 years and 3 months)\n"));
        assert!(text.contains("## Latest observation\n"));
        assert!(text.contains("## What changed since 2026-09-01\n"));
        assert!(text.contains("- Withdraws or is noticeably quiet: now often (was sometimes)"));
        assert!(text.contains("**often** _(point of attention)_"));
        assert!(!text.contains("vaak"));
    }

    #[test]
    fn one_observation_has_nothing_to_compare_with() {
        let text = render(&two()[1..], Lang::Nl);
        assert!(text.contains("## Laatste observatie\n"));
        assert!(text.contains("Er is nog geen eerdere observatie om mee te vergelijken."));
        assert!(!text.contains("Wat is veranderd"));
    }

    /// An organisation's own form: the built-in one's first section (wellbeing) only, so
    /// without "Speelt naast of samen met andere kinderen".
    fn own_form() -> FormTemplate {
        let mut form = kdv();
        form.id = "eigen".into();
        form.version = 1;
        form.sections.truncate(1);
        form
    }

    fn on_own_form(id: Id, date: &str, mark: Mark) -> Observation {
        let mut obs = Observation::new(id, 20, &own_form(), d(date), "Anouk Jansen");
        obs.set_mark(
            "welbevinden.teruggetrokken",
            Some(mark),
            "Anouk Jansen",
            at(date),
        );
        obs
    }

    /// Issue 15: the parents were told an item of the built-in form was "deze keer niet
    /// aangekruist" after an observation on the organisation's own form, which does not ask it.
    #[test]
    fn an_observation_is_compared_only_with_one_on_the_same_form() {
        let builtin = two().remove(0);
        let first = on_own_form(32, "2026-11-02", Mark::Often);
        let text = render_with(
            &[builtin.clone(), first.clone()],
            Lang::Nl,
            vec![own_form()],
        );
        assert!(!text.contains("Wat is veranderd"), "{text}");
        assert!(!text.contains("niet aangekruist (was"), "{text}");
        assert!(
            text.contains(
                "Er is nog geen eerdere observatie met dit formulier om mee te vergelijken."
            ),
            "{text}"
        );

        let second = on_own_form(33, "2026-11-16", Mark::Sometimes);
        let text = render_with(
            &[builtin.clone(), first, second],
            Lang::Nl,
            vec![own_form()],
        );
        let changes = text.split("## Wat is veranderd sinds 02-11-2026\n").nth(1);
        let changes = changes.expect("compared with the first on the own form");
        assert_eq!(
            changes.split("\n## ").next().unwrap().trim(),
            "- Trekt zich terug of is opvallend stil: nu soms (was vaak)"
        );

        // Back on the built-in form: compared with the built-in one before the own form's.
        let mut again = two().remove(1);
        again.date = d("2026-11-30");
        let own = on_own_form(32, "2026-11-02", Mark::Often);
        let text = render_with(&[builtin, own, again], Lang::Nl, vec![own_form()]);
        assert!(
            text.contains("## Wat is veranderd sinds 01-09-2026\n"),
            "{text}"
        );
    }

    #[test]
    fn no_observation_says_so() {
        let text = render(&[], Lang::En);
        assert!(text.contains("- Observations: none yet\n"));
        let (_, after) = text
            .split_once("This child has not been observed yet.\n")
            .expect("says so");
        assert!(!text.contains("## Latest"));
        // What follows is for the talk: the parents' view, agreements and signatures.
        assert!(after.starts_with("\n## What the parents see\n"), "{after}");
        assert!(after.contains("\n## Date and signatures\n"), "{after}");
    }

    #[test]
    fn the_same_marks_twice_say_nothing_changed() {
        let mut same = two();
        same[0].marks = same[1].marks.clone();
        let text = render(&same, Lang::En);
        assert!(text.contains("Nothing changed"));
    }

    #[test]
    fn the_step_plans_follow_the_observations_without_the_meldcode() {
        let plans = Catalogue::plans(Vec::new());
        let started =
            |id: &str| Trajectory::new(50, 20, &plan(id), d("2026-10-01"), "Anouk Jansen");
        let mut early = started("vroegsignalering");
        early.question = "Wat helpt bij het afscheid?".into();
        let mut meldcode = started("meldcode");
        meldcode.id = 51;
        let catalogue = Catalogue::forms(Vec::new());
        let (child, group) = (child(), group());
        for observations in [two(), Vec::new()] {
            let text = render_child(&ChildReport {
                child: &child,
                group: Some(&group),
                observations: &observations,
                catalogue: &catalogue,
                trajectories: &[meldcode.clone(), early.clone()],
                plans: &plans,
                mentor: None,
                lang: Lang::Nl,
                today: d("2026-11-20"),
            })
            .unwrap();
            let (before, after) = text
                .split_once("\n## Stappenplan\n")
                .expect("a plan section");
            assert!(before.contains("Geboortedatum") && !before.contains("Stappenplan"));
            assert!(after.contains("- Vraag van het kind: Wat helpt bij het afscheid?\n"));
            assert_eq!(after.matches("\n### ").count(), 1, "{after}");
            assert!(!text.to_lowercase().contains("meldcode"), "{text}");
        }
    }

    #[test]
    fn an_unknown_template_is_a_clear_error() {
        let mut obs = two();
        obs[1].version = 99;
        let catalogue = Catalogue::forms(Vec::new());
        let plans = Catalogue::plans(Vec::new());
        let child = child();
        let err = render_child(&ChildReport {
            child: &child,
            group: None,
            observations: &obs,
            catalogue: &catalogue,
            trajectories: &[],
            plans: &plans,
            mentor: None,
            lang: Lang::En,
            today: d("2026-11-20"),
        })
        .unwrap_err();
        assert!(err.to_string().contains("kdv-0-4 version 99"), "{err}");
    }

    fn guardian(name: &str, relation: &str, authority: bool) -> crate::domain::Guardian {
        crate::domain::Guardian {
            name: name.into(),
            relation: relation.into(),
            authority,
            phones: Vec::new(),
            email: String::new(),
        }
    }

    /// The parents' report of a child with two guardians, a mentor, an early-signalling plan and
    /// a Meldcode trajectory, each with a parents' view, goals and actions.
    fn for_the_talk(lang: Lang, mentor: Option<&str>) -> String {
        let mut child = child();
        child.guardians = vec![
            guardian("Mirjam de Vries", "moeder", true),
            guardian("Kees Bakker", "opa", false),
        ];
        let mut observations = two();
        observations[1].parents_view = "Thuis is ze\nook stil.".into();
        let started =
            |id: &str| Trajectory::new(50, 20, &plan(id), d("2026-10-01"), "Anouk Jansen");
        let mut early = started("vroegsignalering");
        early.goals = "Rustig afscheid.".into();
        early.actions = "Vaste juf bij het brengen.".into();
        early.parents_view = "Wij zien het ook bij oma.".into();
        let mut meldcode = started("meldcode");
        meldcode.id = 51;
        meldcode.goals = "GEHEIM DOEL".into();
        meldcode.actions = "GEHEIME ACTIE".into();
        meldcode.parents_view = "GEHEIME VISIE".into();
        let (catalogue, plans) = (Catalogue::forms(Vec::new()), Catalogue::plans(Vec::new()));
        let group = group();
        render_child(&ChildReport {
            child: &child,
            group: Some(&group),
            observations: &observations,
            catalogue: &catalogue,
            trajectories: &[meldcode, early],
            plans: &plans,
            mentor,
            lang,
            today: d("2026-11-20"),
        })
        .unwrap()
    }

    #[test]
    fn the_report_names_mentor_and_guardians_and_ends_with_the_talk() {
        let text = for_the_talk(Lang::Nl, Some("Anouk Jansen"));
        assert!(text.contains("- Mentor: Anouk Jansen\n"), "{text}");
        assert!(
            text.contains("- Ouders en verzorgers: Mirjam de Vries (moeder), Kees Bakker (opa)\n"),
            "{text}"
        );
        let (_, view) = text.split_once("\n## Wat ouders zien\n\n").expect("{text}");
        let (view, agree) = view.split_once("\n## Wat we samen afspreken\n").unwrap();
        assert_eq!(
            view.trim().lines().collect::<Vec<_>>(),
            [
                "- Observatiegesprek van 02-11-2026: Thuis is ze ook stil.",
                "- Stappenplan vroegsignalering (gestart op 01-10-2026): Wij zien het ook bij oma.",
            ]
        );
        let (agree, sign) = agree
            .split_once("\n## Datum en handtekeningen\n\n")
            .unwrap();
        assert!(
            agree.contains(
                "\n### Stappenplan vroegsignalering (gestart op 01-10-2026)\n\n- Doelen: Rustig \
             afscheid.\n- Wat we doen: Vaste juf bij het brengen.\n\n- ....."
            ),
            "{agree}"
        );
        assert_eq!(
            agree.matches("- .....").count(),
            4,
            "lines to write on: {agree}"
        );
        let sign: Vec<&str> = sign.lines().map(|l| l.split(':').next().unwrap()).collect();
        // Only the guardian with gezag signs, and the mentor.
        assert_eq!(
            sign,
            [
                "- Datum",
                "- Mirjam de Vries (moeder)",
                "- Anouk Jansen (mentor)"
            ]
        );
        for secret in ["GEHEIM", "eldcode"] {
            assert!(!text.contains(secret), "{secret}: {text}");
        }
    }

    #[test]
    fn without_a_mentor_the_staff_member_signs_in_english_too() {
        let text = for_the_talk(Lang::En, None);
        assert!(text.contains("- Mentor: not chosen yet\n"), "{text}");
        assert!(text.contains("\n## What the parents see\n"));
        assert!(text.contains("- Observation talk of 2026-11-02: Thuis is ze ook stil.\n"));
        assert!(text.contains("\n## What we agree on together\n"));
        assert!(text.contains("- Goals: Rustig afscheid.\n- What we do: Vaste juf"));
        let (_, sign) = text.split_once("\n## Date and signatures\n\n").unwrap();
        assert!(sign.contains("- Date: ...."));
        assert!(sign.contains("- Childcare worker: ...."), "{sign}");
        assert!(!text.contains("GEHEIM"), "{text}");
    }

    #[test]
    fn nothing_written_leaves_lines_for_the_parents() {
        let text = render(&two(), Lang::Nl);
        let (_, view) = text.split_once("\n## Wat ouders zien\n\n").unwrap();
        assert!(view.starts_with("Hier is nog niets opgeschreven. Wat ziet u thuis?\n\n- ....."));
        let (_, sign) = text.split_once("## Datum en handtekeningen\n\n").unwrap();
        assert!(sign.contains("- Ouder of verzorger: ...."), "{sign}");
    }
}
