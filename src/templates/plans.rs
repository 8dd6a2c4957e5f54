//! The built-in step plans: the early-signalling plan (`plans/early.toml`) and the Meldcode's five
//! steps (`plans/meldcode.toml`), both compiled in.
//!
//! The plan file format is described at the top of `plans/early.toml`. serde reads the shape of a
//! plan (and refuses unknown fields); [`check_plan`] finds what serde cannot see.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::domain::form::Text;
use crate::domain::plan::PlanTemplate;

/// The built-in plans as (file name, text), in the order [`builtin_plans`] returns them.
pub const BUILTIN_PLAN_FILES: [(&str, &str); 2] = [
    ("early.toml", include_str!("plans/early.toml")),
    ("meldcode.toml", include_str!("plans/meldcode.toml")),
];

/// The built-in plans, parsed once, the early-signalling plan first (it heads the picker). A
/// built-in that does not parse is a bug (a test checks them), so this panics on one rather than
/// returning an error.
pub fn builtin_plans() -> Vec<PlanTemplate> {
    static BUILTIN: OnceLock<Vec<PlanTemplate>> = OnceLock::new();
    super::parsed_once(&BUILTIN, &BUILTIN_PLAN_FILES, |_, text| {
        toml::from_str(text).map_err(|e| e.to_string())
    })
}

/// The problems of a plan that serde cannot see: empty ids, stage or question ids used twice,
/// blank texts, version 0. One message a problem; empty when the plan is right.
pub fn check_plan(plan: &PlanTemplate) -> Vec<String> {
    let mut problems = Vec::new();
    if plan.id.trim().is_empty() {
        problems.push("the plan has an empty id".to_string());
    }
    if plan.version == 0 {
        problems.push("version 0: versions count from 1".to_string());
    }
    check_text(&mut problems, "the plan's name", &plan.name);
    if plan.stages.is_empty() {
        problems.push("the plan has no stages".to_string());
    }

    let mut stage_ids = HashSet::new();
    let mut question_ids = HashSet::new();
    for (i, stage) in plan.stages.iter().enumerate() {
        let at = format!("stage {} ({:?})", i + 1, stage.id);
        if stage.id.trim().is_empty() {
            problems.push(format!("stage {} has an empty id", i + 1));
        } else if !stage_ids.insert(stage.id.as_str()) {
            problems.push(format!("{at}: the stage id is used twice"));
        }
        check_text(&mut problems, &format!("{at}: the title"), &stage.title);
        check_text(&mut problems, &format!("{at}: the help"), &stage.help);
        for (j, question) in stage.questions.iter().enumerate() {
            let at = format!("{at}, question {} ({:?})", j + 1, question.id);
            if question.id.trim().is_empty() {
                problems.push(format!("{at}: the question has an empty id"));
            } else if !question_ids.insert(question.id.as_str()) {
                problems.push(format!("{at}: the question id is used twice"));
            }
            check_text(&mut problems, &format!("{at}: the text"), &question.text);
            check_text(
                &mut problems,
                &format!("{at}: the yes text"),
                &question.yes.text,
            );
            check_text(
                &mut problems,
                &format!("{at}: the no text"),
                &question.no.text,
            );
        }
    }
    problems
}

fn check_text(problems: &mut Vec<String>, what: &str, text: &Text) {
    for (lang, value) in [("nl", &text.nl), ("en", &text.en)] {
        if value.trim().is_empty() {
            problems.push(format!("{what} is blank in {lang}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    use super::*;
    use crate::domain::plan::{Consequence, Question, StageKind};

    fn plan(id: &str) -> PlanTemplate {
        builtin_plans()
            .into_iter()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("no built-in plan {id}"))
    }

    fn all_questions(plan: &PlanTemplate) -> Vec<&Question> {
        plan.stages.iter().flat_map(|s| &s.questions).collect()
    }

    #[test]
    fn both_builtins_parse_in_order() {
        for (file, text) in BUILTIN_PLAN_FILES {
            if let Err(err) = toml::from_str::<PlanTemplate>(text) {
                panic!("{file}: {err}");
            }
        }
        let ids: Vec<String> = builtin_plans().into_iter().map(|p| p.id).collect();
        assert_eq!(ids, ["vroegsignalering", "meldcode"]);
        let versions: Vec<u32> = builtin_plans().iter().map(|p| p.version).collect();
        // The Meldcode's wording changed once (step 5: inform the parents before reporting).
        assert_eq!(versions, [1, 2]);
    }

    #[test]
    fn builtins_have_no_problems() {
        for plan in builtin_plans() {
            assert_eq!(check_plan(&plan), Vec::<String>::new(), "{}", plan.id);
        }
    }

    #[test]
    fn early_plan_has_eight_stages_with_one_parents_and_one_coach_stage() {
        let early = plan("vroegsignalering");
        let ids: Vec<&str> = early.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "signaleren",
                "collega",
                "ouders",
                "coach",
                "plan",
                "uitvoeren",
                "evalueren",
                "afsluiten"
            ]
        );
        let of_kind = |kind| early.stages.iter().filter(|s| s.kind == kind).count();
        assert_eq!(of_kind(StageKind::Parents), 1);
        assert_eq!(of_kind(StageKind::Coach), 1);
        assert_eq!(early.stage("ouders").unwrap().kind, StageKind::Parents);
        assert_eq!(early.stage("coach").unwrap().kind, StageKind::Coach);
        // The parents are asked before the coach is.
        let position = |id| early.stages.iter().position(|s| s.id == id).unwrap();
        assert!(position("ouders") < position("coach"));
        assert!(all_questions(&early).is_empty());
    }

    #[test]
    fn stage_titles_fit_the_column() {
        for plan in builtin_plans() {
            for stage in &plan.stages {
                for title in [&stage.title.nl, &stage.title.en] {
                    assert!(
                        title.width() <= 18,
                        "{}/{}: {title:?} is wider than 18 columns",
                        plan.id,
                        stage.id
                    );
                }
            }
        }
    }

    #[test]
    fn meldcode_has_five_plain_steps_and_the_afwegingskader() {
        let meldcode = plan("meldcode");
        assert_eq!(meldcode.stages.len(), 5);
        assert!(meldcode.stages.iter().all(|s| s.kind == StageKind::Plain));
        let ids: Vec<&str> = all_questions(&meldcode)
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "afweging.1",
                "afweging.2",
                "afweging.3",
                "afweging.4",
                "afweging.5"
            ]
        );
        let on_stage = |n: usize| -> Vec<&str> {
            meldcode.stages[n - 1]
                .questions
                .iter()
                .map(|q| q.id.as_str())
                .collect()
        };
        assert_eq!(on_stage(4), ["afweging.1", "afweging.2"]);
        assert_eq!(on_stage(5), ["afweging.3", "afweging.4", "afweging.5"]);
        assert!((1..=3).all(|n| on_stage(n).is_empty()));
    }

    #[test]
    fn meldcode_consequences_follow_the_afwegingskader() {
        let meldcode = plan("meldcode");
        let q = |id: &str| meldcode.question(id).unwrap().1.clone();

        let suspicion = q("afweging.1");
        assert!(!suspicion.no.report);
        assert!(!suspicion.yes.report);
        // "No suspicion" ends the afwegingskader; no other answer does.
        assert!(suspicion.no.ends && !suspicion.yes.ends);
        let ending = all_questions(&meldcode)
            .iter()
            .flat_map(|q| [&q.yes, &q.no])
            .filter(|c| c.ends)
            .count();
        assert_eq!(ending, 1);
        assert!(suspicion.no.text.nl.contains("afsluiten en vastleggen"));

        let unsafe_ = q("afweging.2");
        assert!(unsafe_.yes.report);
        assert!(!unsafe_.no.report);
        assert!(unsafe_.yes.text.nl.contains("0800-2000"));
        assert!(unsafe_.yes.text.en.contains("0800-2000"));

        // Questions 3 to 5: "no" means a report, "yes" goes on.
        for id in ["afweging.3", "afweging.4", "afweging.5"] {
            let question = q(id);
            assert!(question.no.report, "{id}");
            assert!(!question.yes.report, "{id}");
        }
    }

    #[test]
    fn every_report_names_veilig_thuis_and_its_number() {
        for plan in builtin_plans() {
            for question in all_questions(&plan) {
                for consequence in [&question.yes, &question.no] {
                    if !consequence.report {
                        continue;
                    }
                    for text in [&consequence.text.nl, &consequence.text.en] {
                        assert!(text.contains("Veilig Thuis"), "{}: {text}", question.id);
                        assert!(text.contains("0800-2000"), "{}: {text}", question.id);
                    }
                }
            }
        }
    }

    #[test]
    fn step_5_tells_to_inform_the_parents_before_reporting_unless_unsafe() {
        let decide = &plan("meldcode").stages[4];
        assert!(decide
            .help
            .nl
            .contains("vertel hun vooraf dat je gaat melden, tenzij"));
        assert!(decide
            .help
            .en
            .contains("tell them beforehand that you will report, unless"));
        for help in [&decide.help.nl, &decide.help.en] {
            assert!(help.contains("contact"), "{help}");
        }
    }

    #[test]
    fn meldcode_help_names_the_numbers() {
        let meldcode = plan("meldcode");
        let help: String = meldcode
            .stages
            .iter()
            .map(|s| format!("{} {}", s.help.nl, s.help.en))
            .collect();
        assert!(help.contains("0800-2000"));
        assert!(help.contains("0900-1113111"));
        assert!(help.contains("aandachtsfunctionaris"));
    }

    #[test]
    fn unknown_fields_are_refused() {
        let text = BUILTIN_PLAN_FILES[0].1.replacen(
            "\nversion = 1\n",
            "\nversion = 1\ncolour = \"red\"\n",
            1,
        );
        let err = toml::from_str::<PlanTemplate>(&text).unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
        let text = BUILTIN_PLAN_FILES[1].1.replacen(
            "\nyes.report = true\n",
            "\nyes.report = true\nyes.urgent = true\n",
            1,
        );
        let err = toml::from_str::<PlanTemplate>(&text).unwrap_err();
        assert!(err.to_string().contains("urgent"), "{err}");
    }

    #[test]
    fn check_plan_finds_what_serde_cannot_see() {
        let mut broken = plan("meldcode");
        broken.version = 0;
        broken.stages[1].id = broken.stages[0].id.clone();
        broken.stages[2].help.en = "  ".to_string();
        broken.stages[3].questions[1].id = String::new();
        broken.stages[4].questions.push(Question {
            id: "afweging.3".to_string(),
            text: Text::new("Nog een vraag?", "Another question?"),
            yes: Consequence {
                text: Text::new("", "Go on."),
                report: false,
                ends: false,
            },
            no: Consequence {
                text: Text::new("Ga verder.", "Go on."),
                report: false,
                ends: false,
            },
        });
        let problems = check_plan(&broken);
        let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
        assert!(has("version 0"), "{problems:#?}");
        assert!(
            has("stage 2 (\"signalen\"): the stage id is used twice"),
            "{problems:#?}"
        );
        assert!(
            has("stage 3 (\"gesprek\"): the help is blank in en"),
            "{problems:#?}"
        );
        assert!(has("the question has an empty id"), "{problems:#?}");
        assert!(has("the question id is used twice"), "{problems:#?}");
        assert!(has("the yes text is blank in nl"), "{problems:#?}");
        assert_eq!(problems.len(), 6, "{problems:#?}");
    }

    #[test]
    fn check_plan_finds_an_empty_plan_id() {
        let mut broken = plan("vroegsignalering");
        broken.id = " ".to_string();
        broken.name.nl = String::new();
        let problems = check_plan(&broken);
        assert_eq!(
            problems,
            ["the plan has an empty id", "the plan's name is blank in nl"]
        );
    }
}
