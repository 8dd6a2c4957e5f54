//! The dossier (`signaal report --child ID|NAME --dossier`): everything signaal keeps about a
//! child that the parents may see, for their right of access (AVG article 15). The child's
//! record with mentor and guardians, the consent they gave, every observation with its marks and
//! notes and their view, the step plans with their stages and notes, the handover to school (or,
//! in a BSO, the talk with the school) once written, and the audit entries about the child.
//!
//! Left out, as in every report for parents: a Meldcode trajectory and everything about it (its
//! audit entries too), and a mark or note on a Meldcode-flagged item (and its audit entries).
//! The Meldcode's own documentation is the aandachtsfunctionaris' (`report --meldcode`). An
//! observation whose marks and notes are all left out is left out itself, date and observer too
//! (`access::visible_observation`); so is one made with a form this database lacks, as it
//! cannot be told which of its items are Meldcode-flagged, unless it has a parents' view.

use std::fmt::Write as _;

use anyhow::Result;
use chrono::NaiveDate;

use super::child::{write_sections, write_who, ChildData};
use super::handover;
use super::markdown::inline;
use super::parents::{self, who};
use super::plans::{self, Stages};
use crate::domain::form::FormTemplate;
use crate::domain::handover::Handover;
use crate::domain::plan::{PlanTemplate, Trajectory};
use crate::domain::{access, AuditEntry, Catalogue, Child, ConsentTo, Group, Id, Observation};
use crate::i18n::report::R;
use crate::i18n::Lang;
use crate::store::Store;

/// Everything the dossier of one child is made of.
pub struct Dossier<'a> {
    pub child: &'a Child,
    pub group: Option<&'a Group>,
    pub mentor: Option<&'a str>,
    /// The child's observations, oldest first.
    pub observations: &'a [Observation],
    pub catalogue: &'a Catalogue,
    /// The child's trajectories, the Meldcode ones among them (they are left out here).
    pub trajectories: &'a [Trajectory],
    pub plans: &'a Catalogue<PlanTemplate>,
    /// The child's handover to school, once written.
    pub handover: Option<&'a Handover>,
    /// The whole audit trail, oldest first; the entries about the child are picked here.
    pub audit: &'a [AuditEntry],
    pub lang: Lang,
    pub today: NaiveDate,
}

/// Reads what the dossier of child `id` needs from the store and renders it.
///
/// # Errors
/// No child with that id, or the store could not be read.
pub fn dossier(store: &Store, id: Id, lang: Lang, today: NaiveDate) -> Result<String> {
    let data = ChildData::load(store, id)?;
    let handover = store.handover(id)?;
    Ok(render(&Dossier {
        child: &data.child,
        group: data.group.as_ref(),
        mentor: data.mentor.as_deref(),
        observations: &data.observations,
        catalogue: &data.catalogue,
        trajectories: &data.trajectories,
        plans: &data.plans,
        handover: handover.as_ref(),
        audit: &store.audit()?,
        lang,
        today,
    }))
}

/// The Markdown document.
pub fn render(d: &Dossier) -> String {
    let lang = d.lang;
    let mut out = String::new();
    let child = d.child;
    let _ = writeln!(
        out,
        "# {}\n",
        lang.dossier_title(&inline(&child.full_name()))
    );
    let _ = writeln!(out, "{}\n", lang.report(R::DossierIntro));
    write_who(&mut out, child, d.group, d.mentor, lang, d.today);
    if child.archived {
        let _ = writeln!(
            out,
            "- {} {}",
            inline(&child.full_name()),
            lang.report(R::Archived)
        );
    }

    write_guardians(&mut out, child, lang);
    write_consent(&mut out, child, lang);
    write_observations(&mut out, d);
    plans::write_trajectories(&mut out, d.trajectories, d.plans, lang, Stages::WithNotes);
    // Only when a trajectory the parents may read has one: a Meldcode one must not show even
    // as an empty section.
    if plans::shown(d.trajectories)
        .iter()
        .any(|t| !t.parents_view.is_empty())
    {
        parents::write_parents_view(&mut out, None, d.trajectories, d.plans, lang);
    }
    if let Some(h) = d.handover {
        let _ = writeln!(out, "\n## {}", lang.report(handover_title(d.group)));
        let form = handover::child_form(d.observations, d.catalogue, d.group);
        let bso = handover::is_bso(d.group);
        handover::write_handover(&mut out, h, form, bso, lang, "###", d.today);
    }
    write_audit(&mut out, d);
    out
}

/// The handover's name: in a BSO, whose children already go to school, the talk with the
/// school's intern begeleider (not "Overleg met school" alone: that heads the talk's date below).
fn handover_title(group: Option<&Group>) -> R {
    match handover::is_bso(group) {
        true => R::HandoverDossierTitleBso,
        false => R::HandoverDossierTitle,
    }
}

fn write_guardians(out: &mut String, child: &Child, lang: Lang) {
    let _ = writeln!(out, "\n## {}\n", lang.report(R::Guardians));
    if child.guardians.is_empty() {
        let _ = writeln!(out, "{}", lang.report(R::NoneRecorded));
    }
    for g in &child.guardians {
        let authority = match g.authority {
            true => R::ConsentYes,
            false => R::ConsentNo,
        };
        let _ = writeln!(
            out,
            "- {}; {}: {}",
            who(g),
            lang.report(R::Authority),
            lang.report(authority)
        );
        for phone in &g.phones {
            let label = match inline(&phone.label) {
                label if label.is_empty() => lang.report(R::Phone).to_string(),
                label => label,
            };
            let _ = writeln!(out, "  - {label}: {}", inline(&phone.number));
        }
        if !g.email.trim().is_empty() {
            let _ = writeln!(out, "  - {}: {}", lang.report(R::Email), inline(&g.email));
        }
    }
}

fn write_consent(out: &mut String, child: &Child, lang: Lang) {
    let _ = writeln!(out, "\n## {}\n", lang.report(R::ConsentTitle));
    for to in ConsentTo::ALL {
        let purpose = lang.report(match to {
            ConsentTo::Coach => R::ConsentToCoach,
            ConsentTo::CareTeam => R::ConsentToCareTeam,
            ConsentTo::School => R::ConsentToSchool,
        });
        let _ = writeln!(
            out,
            "- {purpose}: {}",
            // Who gave and recorded it are names people typed.
            inline(&lang.dossier_consent(child.consent.get(to)))
        );
    }
}

/// Every observation, oldest first, each with its marks and notes (never on a Meldcode-flagged
/// item) and the parents' view.
fn write_observations(out: &mut String, d: &Dossier) {
    let lang = d.lang;
    let _ = writeln!(out, "\n## {}", lang.report(R::Observations));
    if d.observations.is_empty() {
        let _ = writeln!(out, "\n{}", lang.report(R::NotObserved));
        return;
    }
    for o in d.observations {
        let template: Option<&FormTemplate> = d.catalogue.find(&o.template, o.version);
        let form = template.map_or(o.template.as_str(), |t| lang.text(&t.name));
        let _ = writeln!(
            out,
            "\n### {}\n",
            lang.dossier_observation(o.date, &inline(form), &inline(&o.by))
        );
        match template {
            Some(template) => write_sections(out, o, template, lang, "####"),
            None => {
                let _ = writeln!(out, "{}", lang.report(R::UnknownForm));
            }
        }
        if !o.parents_view.trim().is_empty() {
            let _ = writeln!(
                out,
                "\n- {}: {}",
                lang.report(R::ParentsViewTitle),
                inline(&o.parents_view)
            );
        }
    }
}

/// The audit entries about the child, its observations and its trajectories, oldest first;
/// none about a Meldcode trajectory or a Meldcode-flagged mark.
fn write_audit(out: &mut String, d: &Dossier) {
    let lang = d.lang;
    let _ = writeln!(out, "\n## {}\n", lang.report(R::AuditTitle));
    let _ = writeln!(out, "{}\n", lang.report(R::AuditIntro));
    let mut any = false;
    for entry in d.audit {
        let Some(what) = about(d, &entry.target) else {
            continue;
        };
        any = true;
        let at = entry.at;
        let _ = writeln!(
            out,
            "- {} {} · {} · {} · {}",
            lang.date(at.date_naive()),
            at.format("%H:%M"),
            inline(&entry.by),
            inline(&lang.dossier_action(&entry.action)),
            inline(&what)
        );
    }
    if !any {
        let _ = writeln!(out, "{}", lang.report(R::NoneRecorded));
    }
}

/// What an audit target about this child is, in words for the parents; `None` for a target not
/// about the child, or about what the parents may not see.
fn about(d: &Dossier, target: &str) -> Option<String> {
    let lang = d.lang;
    let (record, part) = match target.split_once('/') {
        Some((record, part)) => (record, Some(part)),
        None => (target, None),
    };
    let (kind, id) = record.split_once(':')?;
    let id: Id = id.parse().ok()?;
    let what = match kind {
        "child" if id == d.child.id && part == Some("handover") => {
            lang.report(handover_title(d.group)).to_string()
        }
        "child" if id == d.child.id => lang.report(R::ChildRecord).to_string(),
        "observation" => {
            let o = d.observations.iter().find(|o| o.id == id)?;
            let template = d.catalogue.find(&o.template, o.version);
            let item = match part {
                Some("parents_view") => Some(lang.report(R::ParentsViewTitle).to_string()),
                Some(item) => {
                    // Unknown form: whether the item is flagged cannot be told, so it stays out.
                    let (_, item) = template?.item(item)?;
                    if !access::shared_outside(item) {
                        return None;
                    }
                    Some(lang.text(&item.text).to_string())
                }
                None => None,
            };
            let observation = lang.dossier_observation_of(o.date);
            item.map_or(observation.clone(), |item| format!("{observation}: {item}"))
        }
        "trajectory" => {
            let t = d.trajectories.iter().find(|t| t.id == id)?;
            if !plans::for_parents(t) {
                return None;
            }
            let plan = d.plans.find(&t.template, t.version);
            let name = plan.map_or(t.template.as_str(), |p| lang.text(&p.name));
            // A stage by its title; a field (goals, ...) by its name in the trail.
            let part = part.map(|part| {
                plan.and_then(|p| p.stage(part))
                    .map_or(part, |stage| lang.text(&stage.title))
            });
            match part {
                Some(part) => format!("{name}: {part}"),
                None => name.to_string(),
            }
        }
        _ => return None,
    };
    Some(what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::{at, d, kdv, plan, zoe};
    use crate::domain::form::Mark;
    use crate::domain::{AuditAction, ConsentAnswer, Given, Guardian};

    fn flagged(template: &FormTemplate) -> (String, String) {
        let (_, item) = template.items().find(|(_, i)| i.meldcode).unwrap();
        (item.id.clone(), item.text.nl.clone())
    }

    fn entry(target: &str) -> AuditEntry {
        AuditEntry::new(
            at("2026-10-02"),
            "Anouk Jansen",
            AuditAction::ObservationMark,
            target.into(),
        )
    }

    fn render_for(lang: Lang) -> String {
        let kdv = kdv();
        let mut child = Child {
            mentor: Some(3),
            guardians: vec![Guardian {
                name: "Mirjam de Vries".into(),
                relation: "moeder".into(),
                authority: true,
                phones: vec![crate::domain::contact::Phone {
                    label: "mobiel".into(),
                    number: "06-12345678".into(),
                }],
                email: "mirjam@example.org".into(),
            }],
            ..zoe()
        };
        child.consent.coach = Some(Given {
            answer: ConsentAnswer::Yes,
            at: at("2026-09-01"),
            by: "Anouk Jansen".into(),
            given_by: "Mirjam de Vries".into(),
        });
        let (signal, _) = flagged(&kdv);
        let mut obs = Observation::new(30, 20, &kdv, d("2026-10-02"), "Anouk Jansen");
        obs.set_mark(
            "welbevinden.teruggetrokken",
            Some(Mark::Often),
            "Anouk Jansen",
            at("2026-10-02"),
        );
        obs.set_note(
            "welbevinden.teruggetrokken",
            "Vooral 's ochtends.",
            "Anouk Jansen",
            at("2026-10-02"),
        );
        obs.set_mark(&signal, Some(Mark::Often), "Anouk Jansen", at("2026-10-02"));
        obs.set_note(&signal, "GEHEIM SIGNAAL", "Anouk Jansen", at("2026-10-02"));
        obs.parents_view = "Thuis ook stil.".into();
        let mut early = Trajectory::new(
            40,
            20,
            &plan("vroegsignalering"),
            d("2026-10-01"),
            "Anouk Jansen",
        );
        early.question = "Wat helpt bij het afscheid?".into();
        early.toggle("signaleren", "Anouk Jansen", at("2026-10-03"));
        early.set_note(
            "signaleren",
            "Twee keer gezien.",
            "Anouk Jansen",
            at("2026-10-03"),
        );
        early.parents_view = "Oma ziet het ook.".into();
        early.set_note(
            "coach",
            "Nog even wachten.",
            "Anouk Jansen",
            at("2026-10-04"),
        );
        let mut meldcode =
            Trajectory::new(41, 20, &plan("meldcode"), d("2026-10-01"), "Anouk Jansen");
        meldcode.question = "GEHEIME VRAAG".into();
        let audit = vec![
            entry("child:20"),
            entry("child:21"),
            entry("observation:30/welbevinden.teruggetrokken"),
            entry(&format!("observation:30/{signal}")),
            entry("observation:30/parents_view"),
            entry("trajectory:40/goals"),
            entry("trajectory:40/signaleren"),
            entry("trajectory:41"),
            entry("trajectory:41/question"),
        ];
        let group = crate::commands::test_support::group(10, "De Vlinders");
        let mut saved = entry("child:20/handover");
        saved.action = AuditAction::HandoverSave.as_str().into();
        let audit = [audit, vec![saved]].concat();
        let handover = Handover {
            child_id: 20,
            school: "Basisschool De Linde".into(),
            development: [
                ("Motoriek", "Klimt graag."),
                ("Sociaal-emotioneel", "Speelt samen."),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
            interests: "Dieren".into(),
            what_helps: "Een vaste plek".into(),
            parents_view: "Thuis rustig.".into(),
            // After `today`: planned, not held.
            warm_handover_on: Some(d("2026-12-15")),
            spoken_with: String::new(),
            by: "Anouk Jansen".into(),
            at: at("2026-11-02"),
        };
        render(&Dossier {
            child: &child,
            group: Some(&group),
            mentor: Some("Anouk Jansen"),
            observations: &[obs],
            catalogue: &Catalogue::forms(Vec::new()),
            trajectories: &[meldcode, early],
            plans: &Catalogue::plans(Vec::new()),
            handover: Some(&handover),
            audit: &audit,
            lang,
            today: d("2026-11-20"),
        })
    }

    #[test]
    fn the_dossier_holds_all_the_parents_may_see_and_no_meldcode() {
        let text = render_for(Lang::Nl);
        for wanted in [
            "# Zoë de Vries: dossier voor de ouders\n",
            "- Mentor: Anouk Jansen\n",
            "- Mirjam de Vries (moeder); gezag: ja\n  - mobiel: 06-12345678\n  - E-mail: mirjam@example.org\n",
            "- De coach raadplegen over uw kind, bij naam: ja, op 01-09-2026, gegeven door Mirjam de Vries, vastgelegd door Anouk Jansen\n",
            "- Uw kind bij naam bespreken in het zorgoverleg: niet gevraagd\n",
            "### Observatie van 02-10-2026 (Observatie 0-4 jaar, door Anouk Jansen)\n",
            "#### Welbevinden en betrokkenheid\n",
            "- Trekt zich terug of is opvallend stil: **vaak** _(aandachtspunt)_\n  - Notitie: Vooral 's ochtends.\n",
            "- Wat ouders zien: Thuis ook stil.\n",
            "- Vraag van het kind: Wat helpt bij het afscheid?\n",
            "  - Notitie: Twee keer gezien.\n",
            "- Stap 4: Advies coach (nog niet gezet)\n  - Notitie: Nog even wachten.\n",
            ": Oma ziet het ook.\n",
            "· markering bijgewerkt · Observatie van 02-10-2026: Trekt zich terug of is opvallend stil\n",
            "· Observatie van 02-10-2026: Wat ouders zien\n",
            "· Stappenplan vroegsignalering: goals\n",
            "· Stappenplan vroegsignalering: Signaleren\n",
            "· De gegevens van uw kind\n",
            "\n## Overdracht naar de basisschool\n\n### School\n\nBasisschool De Linde\n",
            "### Ontwikkeling\n\n- **Sociaal-emotioneel**: Speelt samen.\n- **Motoriek**: Klimt graag.\n",
            "### De kijk van de ouders\n\nThuis rustig.\n",
            "\n\ngepland op 15-12-2026\n",
            "· overdracht naar school bijgewerkt · Overdracht naar de basisschool\n",
        ] {
            assert!(text.contains(wanted), "{wanted:?} not in:\n{text}");
        }
        let (_, signal) = flagged(&kdv());
        for secret in [
            "GEHEIM",
            "eldcode",
            signal.as_str(),
            "trajectory:41",
            "child:21",
        ] {
            assert!(!text.contains(secret), "{secret} in:\n{text}");
        }
        let audit = text.split("\n## Wijzigingen\n").nth(1).unwrap();
        assert_eq!(audit.matches("\n- ").count(), 6, "{audit}");
    }

    #[test]
    fn a_meldcode_view_alone_adds_no_section() {
        let mut meldcode =
            Trajectory::new(41, 20, &plan("meldcode"), d("2026-10-01"), "Anouk Jansen");
        meldcode.parents_view = "GEHEIM".into();
        let child = zoe();
        let text = render(&Dossier {
            child: &child,
            group: None,
            mentor: None,
            observations: &[],
            catalogue: &Catalogue::forms(Vec::new()),
            trajectories: &[meldcode],
            plans: &Catalogue::plans(Vec::new()),
            handover: None,
            audit: &[],
            lang: Lang::Nl,
            today: d("2026-11-20"),
        });
        assert!(!text.contains("Wat ouders zien"), "{text}");
        assert!(
            !text.contains("Stappenplan") && !text.contains("GEHEIM"),
            "{text}"
        );
    }

    #[test]
    fn the_dossier_in_english() {
        let text = render_for(Lang::En);
        assert!(
            text.starts_with("# Zoë de Vries: file for the parents\n"),
            "{text}"
        );
        assert!(text.contains("\n## Parents and carers\n"));
        assert!(text.contains("\n## Consent\n"));
        assert!(
            text.contains("- Passing information to the school: not asked\n"),
            "{text}"
        );
        assert!(text.contains("\n## Changes\n"));
        assert!(
            text.contains(
                "\n## Handover to primary school\n\n### School\n\nBasisschool De Linde\n\n\
                 ### Development\n\n- **Social and emotional**: Speelt samen.\n\
                 - **Motor skills**: Klimt graag.\n"
            ),
            "{text}"
        );
        let (_, signal) = flagged(&kdv());
        let signal = crate::templates::builtin()
            .into_iter()
            .find(|t| t.id == "kdv-0-4")
            .unwrap()
            .items()
            .find(|(_, i)| i.text.nl == signal)
            .map(|(_, i)| i.text.en.clone())
            .unwrap();
        assert!(
            !text.contains(&signal) && !text.contains("GEHEIM"),
            "{text}"
        );
    }
}
