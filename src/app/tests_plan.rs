//! The step plan, driven with key presses on a real store: starting a trajectory, ticking
//! stages signed and flushed, the consent warning, the afwegingskader, fields and closing.

use tempfile::TempDir;

use super::test_support::{chr, now, press, type_text};
use super::*;
use crate::app::fields::Fields;
use crate::app::modal::Modal;
use crate::app::screens::trajectory::TrajectoryForm;
use crate::domain::plan::{Outcome, Trajectory};

fn on_new_child() -> (TempDir, App, crate::domain::Child) {
    super::test_support::on_new_child(Lang::En)
}

fn screen(app: &App) -> &TrajectoryScreen {
    let Screen::Trajectory(s) = app.screen() else {
        panic!("expected a trajectory")
    };
    s
}

/// Whether the trajectory screen shows one of its forms or its question.
/// Adds guardians (name, whether they have gezag) to the stored child `id`, as the child screen
/// would, behind the back of a screen that is already open.
fn give_guardians(app: &App, id: crate::domain::Id, guardians: &[(&str, bool)]) {
    let mut record = app.store.child(id).unwrap().unwrap();
    for (name, authority) in guardians {
        record.guardians.push(crate::domain::Guardian {
            name: name.to_string(),
            relation: "ouder".into(),
            authority: *authority,
            ..Default::default()
        });
    }
    let action = crate::domain::AuditAction::ChildGuardians;
    app.store
        .save_child(&record, action, &app.signature())
        .unwrap();
}

fn popup(app: &App) -> bool {
    screen(app).modal.is_some()
}

fn stored(app: &App, child: u64) -> Vec<Trajectory> {
    app.store.trajectories_of(child).unwrap()
}

/// The ids of the shown trajectory's stages, in order.
fn stage_ids(app: &App) -> Vec<String> {
    let stages = &screen(app).template.stages;
    stages.iter().map(|s| s.id.clone()).collect()
}

/// Moves the selection onto the row showing `part`.
fn select(app: &mut App, part: &PlanPart) {
    press(app, "Home");
    for _ in 0..60 {
        if screen(app).list.selected().map(|r| &r.part) == Some(part) {
            return;
        }
        press(app, "Down");
    }
    panic!("no row {part:?}");
}

fn start(app: &mut App, plan: &str) {
    chr(app, 'p');
    let Screen::Plans(s) = app.screen() else {
        panic!("the plans picker")
    };
    let position = s
        .list
        .visible()
        .position(|r| matches!(&r.choice, PlanChoice::New(p) if p.id == plan))
        .expect("the plan is offered");
    for _ in 0..position {
        press(app, "Down");
    }
    press(app, "Enter");
}

#[test]
fn p_offers_the_early_plan_first_and_enter_starts_a_trajectory() {
    let (_dir, mut app, child) = on_new_child();
    chr(&mut app, 'p');
    let Screen::Plans(s) = app.screen() else {
        panic!("the plans picker")
    };
    let first = s.list.selected().unwrap();
    assert!(matches!(&first.choice, PlanChoice::New(p) if p.id == "vroegsignalering"));
    press(&mut app, "Enter");
    let t = &screen(&app).trajectory;
    assert_eq!((t.child_id, t.started), (child.id, now().date_naive()));
    assert_eq!(stored(&app, child.id), vec![t.clone()], "started is saved");
    assert_eq!(
        app.store.audit().unwrap().last().unwrap().action,
        "trajectory.start"
    );

    // Esc goes back to the list, not to the picker; p now offers the open trajectory first.
    press(&mut app, "Esc");
    assert!(matches!(app.screen(), Screen::Children(_)));
    chr(&mut app, 'p');
    let Screen::Plans(s) = app.screen() else {
        panic!("the plans picker")
    };
    assert!(matches!(
        &s.list.selected().unwrap().choice,
        PlanChoice::Existing(_)
    ));
    let news = s
        .list
        .visible()
        .filter(|r| matches!(&r.choice, PlanChoice::New(p) if p.id == "vroegsignalering"))
        .count();
    assert_eq!(news, 0, "one open trajectory per plan");
}

#[test]
fn space_ticks_stages_signed_and_flushed_and_the_overview_shows_the_stage() {
    let (_dir, mut app, child) = on_new_child();
    let user = app.user.clone().unwrap().name;
    start(&mut app, "vroegsignalering");
    let stages = stage_ids(&app);
    select(&mut app, &PlanPart::Stage(stages[0].clone()));
    chr(&mut app, ' ');
    // The row of what prompted it lies between the first two stages.
    select(&mut app, &PlanPart::Stage(stages[1].clone()));
    chr(&mut app, ' ');
    let t = &stored(&app, child.id)[0];
    for stage in &stages[..2] {
        let entry = t.entry(stage).unwrap();
        assert!(entry.done, "{stage} done");
        assert_eq!((entry.by.as_str(), entry.at), (user.as_str(), Some(now())));
    }
    assert!(!t.entry(&stages[2]).unwrap().done);
    press(&mut app, "Esc");
    let Screen::Children(s) = app.screen() else {
        panic!("back on the list")
    };
    let row = s.list.selected().unwrap();
    let plan = row.plan.as_ref().expect("the overview shows the plan");
    assert!(plan.progress.starts_with("3/8 "), "{}", plan.progress);
    assert!(!plan.overdue);
}

#[test]
fn the_coach_stage_without_consent_asks_why_and_records_it() {
    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "vroegsignalering");
    let coach = screen(&app)
        .template
        .stages
        .iter()
        .find(|s| s.kind == crate::domain::plan::StageKind::Coach)
        .unwrap()
        .id
        .clone();
    select(&mut app, &PlanPart::Stage(coach.clone()));
    chr(&mut app, ' ');
    let Some(Modal::Form(form)) = &screen(&app).modal else {
        panic!("the consent warning")
    };
    assert!(form.fields.warning(Lang::En).unwrap().contains("consent"));
    // Esc: nothing ticked.
    press(&mut app, "Esc");
    assert!(!stored(&app, child.id)[0].entry(&coach).unwrap().done);
    // Enter without a reason is refused; with one, the stage is ticked with it.
    chr(&mut app, ' ');
    press(&mut app, "Enter");
    assert!(popup(&app), "a reason is needed");
    type_text(&mut app, "ouders onbereikbaar");
    press(&mut app, "Enter");
    let entry = stored(&app, child.id)[0].entry(&coach).unwrap().clone();
    assert!(entry.done);
    assert_eq!(entry.without_consent, "ouders onbereikbaar");

    // With consent recorded, no warning: untick, give consent, tick again.
    chr(&mut app, ' ');
    select(&mut app, &PlanPart::Consent(ConsentTo::Coach));
    // Nobody with gezag is known yet: one key cannot say who gave it, so it is refused.
    chr(&mut app, ' ');
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    assert!(app
        .store
        .child(child.id)
        .unwrap()
        .unwrap()
        .consent
        .is_empty());
    // With one guardian with gezag, that is who gave it.
    give_guardians(&app, child.id, &[("Mirjam Jansen", true)]);
    chr(&mut app, ' ');
    // Written on the child, not on the trajectory, and audited as the child's consent.
    let on_child = app.store.child(child.id).unwrap().unwrap().consent;
    let given = on_child.get(ConsentTo::Coach).unwrap();
    assert_eq!(given.answer, crate::domain::ConsentAnswer::Yes);
    assert!(!given.by.is_empty());
    assert_eq!(given.given_by, "Mirjam Jansen");
    assert!(stored(&app, child.id)[0].consent.is_empty());
    let last = app.store.last_audit().unwrap().unwrap();
    assert_eq!(last.action, "child.consent");
    select(&mut app, &PlanPart::Stage(coach.clone()));
    chr(&mut app, ' ');
    assert!(!popup(&app), "no warning with consent");
    assert!(stored(&app, child.id)[0].entry(&coach).unwrap().done);
}

#[test]
fn the_meldcode_answers_show_their_consequences() {
    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "meldcode");
    // Question 1 first: yes, there is a suspicion.
    select(&mut app, &PlanPart::Question("afweging.1".into()));
    chr(&mut app, ' ');
    let question = PlanPart::Question("afweging.2".into());
    select(&mut app, &question);
    chr(&mut app, ' ');
    let t = &stored(&app, child.id)[0];
    assert_eq!(t.answer("afweging.2"), Some(true));
    let reports = t.reports(&screen(&app).template);
    assert_eq!(reports.len(), 1);
    assert!(reports[0].yes.text.en.contains("0800-2000"));
    // Closing proposes the Meldcode report as the outcome.
    chr(&mut app, 'x');
    press(&mut app, "Enter");
    // Asked once more, naming the outcome; Enter is no, and the form comes back as it was.
    let Some(Modal::Confirm(confirm)) = &screen(&app).modal else {
        panic!("the close is asked")
    };
    let question = confirm.question.clone();
    assert!(question.contains("Veilig Thuis"), "{question}");
    press(&mut app, "Enter");
    assert!(stored(&app, child.id)[0].closed.is_none(), "Enter is no");
    assert!(matches!(
        &screen(&app).modal,
        Some(Modal::Form(f)) if matches!(f.fields, TrajectoryForm::Close(_))
    ));
    press(&mut app, "Enter");
    chr(&mut app, 'j');
    assert!(!popup(&app));
    let closed = stored(&app, child.id)[0].closed.clone().unwrap();
    assert_eq!(closed.outcome, Outcome::MeldcodeReport);
    assert_eq!(closed.date, now().date_naive());
    // A closed trajectory stays readable but does not change.
    chr(&mut app, ' ');
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    assert_eq!(stored(&app, child.id)[0].answer("afweging.2"), Some(true));
}

#[test]
fn the_afwegingskader_is_answered_in_order() {
    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "meldcode");
    let answers = |app: &App| -> Vec<(String, bool)> {
        let t = &stored(app, child.id)[0];
        t.answers
            .iter()
            .map(|a| (a.question.clone(), a.yes))
            .collect()
    };
    let refused = |app: &App, said: &str| {
        let status = app.status.as_ref().expect("a status message");
        assert!(status.error, "{}", status.text);
        assert_eq!(status.text, said);
    };
    // Question 2 before question 1: refused, nothing written.
    select(&mut app, &PlanPart::Question("afweging.2".into()));
    chr(&mut app, ' ');
    refused(
        &app,
        "Answer question 1 first: the afwegingskader's questions are answered in order.",
    );
    assert!(answers(&app).is_empty());
    // 1, then 2 with a yes: acute or structural unsafety, a report.
    for question in ["afweging.1", "afweging.2"] {
        select(&mut app, &PlanPart::Question(question.into()));
        chr(&mut app, ' ');
    }
    let want = |ids: &[&str]| {
        ids.iter()
            .map(|q| (q.to_string(), true))
            .collect::<Vec<_>>()
    };
    assert_eq!(answers(&app), want(&["afweging.1", "afweging.2"]));
    // Question 1 does not change while 2 is answered.
    select(&mut app, &PlanPart::Question("afweging.1".into()));
    chr(&mut app, ' ');
    refused(
        &app,
        "Question 2 is answered already: set it back to open first.",
    );
    assert_eq!(answers(&app), want(&["afweging.1", "afweging.2"]));
    // Questions 3 to 5 are now weighed together with Veilig Thuis.
    let s = screen(&app);
    for question in ["afweging.3", "afweging.4", "afweging.5"] {
        assert!(s.trajectory.with_veilig_thuis(&s.template, question));
    }
    assert!(!s.trajectory.with_veilig_thuis(&s.template, "afweging.2"));

    // Question 2 back to open (yes, no, open), then question 1 to no: no suspicion ends the
    // questions, and question 2 is refused.
    select(&mut app, &PlanPart::Question("afweging.2".into()));
    chr(&mut app, ' ');
    chr(&mut app, ' ');
    select(&mut app, &PlanPart::Question("afweging.1".into()));
    chr(&mut app, ' ');
    assert_eq!(answers(&app), [("afweging.1".to_string(), false)]);
    select(&mut app, &PlanPart::Question("afweging.2".into()));
    chr(&mut app, ' ');
    refused(
        &app,
        "The answer to question 1 ends the afwegingskader: close the trajectory, or set that \
         answer back to open first.",
    );
    assert_eq!(answers(&app), [("afweging.1".to_string(), false)]);
}

/// Issue 14: answers imported out of order (question 1 open, 2 and 3 answered) are put right
/// with Space: each goes straight back to open, then question 1 takes its answer.
#[test]
fn answers_imported_out_of_order_go_back_to_open_with_space() {
    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "meldcode");
    let mut t = screen(&app).trajectory.clone();
    let plan = screen(&app).template.clone();
    t.set_answer("afweging.2", Some(true), "Anouk", now());
    t.set_answer("afweging.3", Some(false), "Anouk", now());
    let action = crate::domain::AuditAction::TrajectoryEdit;
    app.store
        .save_trajectory(&t, &plan, action, "afweging.2", &app.signature())
        .unwrap();
    // Opened again, as it is read from the database.
    press(&mut app, "Esc");
    chr(&mut app, 'p');
    press(&mut app, "Enter");
    let answered = |app: &App| -> Vec<(String, bool)> {
        let t = &stored(app, child.id)[0];
        t.answers
            .iter()
            .map(|a| (a.question.clone(), a.yes))
            .collect()
    };
    assert_eq!(answered(&app).len(), 2);
    // Question 1 waits while later ones are answered.
    select(&mut app, &PlanPart::Question("afweging.1".into()));
    chr(&mut app, ' ');
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    // Question 2 (a yes) and question 3 (a no) go to open in one press each.
    select(&mut app, &PlanPart::Question("afweging.2".into()));
    chr(&mut app, ' ');
    assert!(
        !app.status.as_ref().is_some_and(|s| s.error),
        "{:?}",
        app.status
    );
    assert_eq!(answered(&app), [("afweging.3".to_string(), false)]);
    select(&mut app, &PlanPart::Question("afweging.3".into()));
    chr(&mut app, ' ');
    assert!(answered(&app).is_empty());
    select(&mut app, &PlanPart::Question("afweging.1".into()));
    chr(&mut app, ' ');
    assert_eq!(answered(&app), [("afweging.1".to_string(), true)]);
}

/// Issue 14: the trajectory's texts take several dated lines, whole (three signals pasted were
/// cut at 120 characters before); the early plan's texts the same.
#[test]
fn trajectory_texts_take_several_lines_whole() {
    use crate::app::screens::trajectory::{MeldcodeField, PlanField};
    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "meldcode");
    let signals = "12-09-2026: huilde lang bij het ophalen door vader, wilde niet mee naar huis\n\
                   19-09-2026: blauwe plek op de bovenarm, zei dat ze was gevallen van de trap\n\
                   26-09-2026: schrok van een harde stem, kroop onder de tafel en bleef stil";
    for field in [
        MeldcodeField::Signals,
        MeldcodeField::Consulted,
        MeldcodeField::Decision,
    ] {
        select(&mut app, &PlanPart::Field(PlanField::Meldcode(field)));
        press(&mut app, "Enter");
        app.update(Msg::Paste(signals.into()));
        press(&mut app, "Enter");
        assert!(!popup(&app), "{field:?} saved");
    }
    let m = stored(&app, child.id)[0].meldcode.clone();
    for text in [&m.signals, &m.consulted, &m.decision] {
        assert_eq!(text, signals);
    }

    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "vroegsignalering");
    for field in [PlanField::Question, PlanField::Goals, PlanField::Actions] {
        select(&mut app, &PlanPart::Field(field));
        press(&mut app, "Enter");
        app.update(Msg::Paste(signals.into()));
        press(&mut app, "Enter");
    }
    let t = &stored(&app, child.id)[0];
    assert_eq!(
        (&t.question, &t.goals, &t.actions),
        (
            &signals.to_string(),
            &signals.to_string(),
            &signals.to_string()
        )
    );
}

/// Issue 14: a date of something that happened is not after today nor before the birth; a
/// review at most two years ahead. The form stays open and says why; nothing is written.
#[test]
fn trajectory_dates_are_checked_for_sense() {
    use crate::app::screens::trajectory::{MeldcodeField, PlanField};
    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "meldcode");
    let cases = [
        (
            PlanField::Started,
            "01-01-2999",
            "That date lies in the future",
        ),
        (
            PlanField::Meldcode(MeldcodeField::VeiligThuisConsulted),
            "01-01-2999",
            "That date lies in the future",
        ),
        (
            PlanField::Meldcode(MeldcodeField::ReportedOn),
            "01-01-1900",
            "That date lies before the trajectory started",
        ),
        (PlanField::Review, "01-01-2999", "more than two years ahead"),
    ];
    for (field, typed, why) in cases {
        fill(&mut app, field, typed);
        let said = refused(&app).unwrap_or_else(|| panic!("{field:?} {typed} refused"));
        assert!(said.contains(why), "{field:?}: {said}");
        press(&mut app, "Esc");
    }
    // Started before the birth.
    let before = child.birth_date - chrono::Days::new(1);
    fill(&mut app, PlanField::Started, &before.to_string());
    let said = refused(&app).expect("refused");
    assert_eq!(said, "That date lies before the child was born.");
    press(&mut app, "Esc");
    let t = &stored(&app, child.id)[0];
    assert_eq!(t.started, now().date_naive());
    assert_eq!((t.review, t.meldcode.reported_on), (None, None));
    assert_eq!(t.meldcode.veilig_thuis_consulted, None);
}

/// Issue 14: closing a Meldcode trajectory with "reported to Veilig Thuis" while the report is
/// not recorded (no stage ticked, no day of the report) warns in the question; it may still close.
#[test]
fn closing_with_a_report_not_recorded_warns() {
    use crate::app::screens::trajectory::{MeldcodeField, PlanField};
    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "meldcode");
    let question = |app: &mut App| -> String {
        chr(app, 'x');
        // No answer yet: "no suspicion" is proposed; the report is last.
        while offered_outcomes(app).first() != Some(&Outcome::MeldcodeReport) {
            press(app, "Right");
        }
        press(app, "Enter");
        let Some(Modal::Confirm(confirm)) = &screen(app).modal else {
            panic!("the close is asked")
        };
        confirm.question.clone()
    };
    let warning = Lang::En.get(crate::i18n::T::ReportUnrecorded);
    let asked = question(&mut app);
    assert!(asked.starts_with(warning), "{asked}");
    chr(&mut app, 'n');
    press(&mut app, "Esc");
    // Recorded: a stage ticked and the day of the report: no warning.
    let first = stage_ids(&app)[0].clone();
    select(&mut app, &PlanPart::Stage(first));
    chr(&mut app, ' ');
    let reported = PlanField::Meldcode(MeldcodeField::ReportedOn);
    fill(&mut app, reported, "2026-11-20");
    let asked = question(&mut app);
    assert!(!asked.contains(warning), "{asked}");
    chr(&mut app, 'y');
    let closed = stored(&app, child.id)[0].closed.clone().unwrap();
    assert_eq!(closed.outcome, Outcome::MeldcodeReport);
}

/// The outcomes the open close form offers, from the one proposed on, and that one.
fn offered_outcomes(app: &mut App) -> Vec<Outcome> {
    let value = |app: &App| match &screen(app).modal {
        Some(Modal::Form(f)) => match &f.fields {
            TrajectoryForm::Close(close) => *close.outcome.value().unwrap(),
            _ => panic!("the close form"),
        },
        _ => panic!("the close form"),
    };
    let first = value(app);
    let mut seen = vec![first];
    loop {
        press(app, "Right");
        match value(app) {
            o if o == first => return seen,
            o => seen.push(o),
        }
    }
}

#[test]
fn a_meldcode_trajectory_closes_with_its_own_outcomes_the_early_plan_with_its_own() {
    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "meldcode");
    chr(&mut app, 'x');
    assert_eq!(
        offered_outcomes(&mut app),
        [
            Outcome::NoSuspicion,
            Outcome::HelpOrganised,
            Outcome::MeldcodeReport
        ],
        "nothing answered: no suspicion proposed"
    );
    press(&mut app, "Esc");
    // A suspicion (question 1 yes) and no answer that means a report: help organised.
    select(&mut app, &PlanPart::Question("afweging.1".into()));
    chr(&mut app, ' ');
    chr(&mut app, 'x');
    assert_eq!(offered_outcomes(&mut app)[0], Outcome::HelpOrganised);
    press(&mut app, "Enter");
    chr(&mut app, 'j');
    let closed = stored(&app, child.id)[0].closed.clone().unwrap();
    assert_eq!(closed.outcome, Outcome::HelpOrganised);

    press(&mut app, "Esc");
    start(&mut app, "vroegsignalering");
    chr(&mut app, 'x');
    assert_eq!(
        offered_outcomes(&mut app),
        [
            Outcome::ContinuesInGroup,
            Outcome::CareRoute,
            Outcome::WarmHandover
        ]
    );
}

#[test]
fn a_meldcode_trajectory_has_its_own_fields() {
    use crate::app::screens::trajectory::{MeldcodeField, PlanField};
    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "meldcode");
    let fields: Vec<PlanField> = screen(&app)
        .list
        .visible()
        .filter_map(|r| match r.part {
            PlanPart::Field(f) => Some(f),
            _ => None,
        })
        .collect();
    assert!(!fields.contains(&PlanField::Question) && !fields.contains(&PlanField::Goals));
    assert_eq!(fields[0], PlanField::Meldcode(MeldcodeField::Signals));
    assert_eq!(fields.len(), 12);

    // A text: Enter, typed, saved and audited.
    let signals = PlanField::Meldcode(MeldcodeField::Signals);
    fill(&mut app, signals, "12-11: blauwe plek");
    assert!(!popup(&app));
    let last = app.store.last_audit().unwrap().unwrap();
    assert_eq!(last.action, "trajectory.edit");
    // A date.
    fill(
        &mut app,
        PlanField::Meldcode(MeldcodeField::ReportedOn),
        "2026-11-20",
    );
    // Whether the parents were told: Space, like a question; Enter says so.
    let told = PlanPart::Field(PlanField::Meldcode(MeldcodeField::ParentsTold));
    select(&mut app, &told);
    chr(&mut app, ' ');
    chr(&mut app, ' ');
    press(&mut app, "Enter");
    assert_eq!(
        app.status.as_ref().map(|s| s.text.clone()),
        Some(Lang::En.error(&AppError::AnswerWithMark))
    );
    let m = stored(&app, child.id)[0].meldcode.clone();
    assert_eq!(m.signals, "12-11: blauwe plek");
    assert_eq!(m.reported_on, chrono::NaiveDate::from_ymd_opt(2026, 11, 20));
    assert_eq!(m.parents_told, Some(false));
    assert!(stored(&app, child.id)[0].question.is_empty());
}

#[test]
fn fields_are_edited_in_place_and_dates_checked() {
    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "vroegsignalering");
    select(&mut app, &PlanPart::Field(PlanField::Question));
    press(&mut app, "Enter");
    type_text(&mut app, "Hoe komt Ĳsbrand tot rust?");
    press(&mut app, "Enter");
    assert_eq!(
        stored(&app, child.id)[0].question,
        "Hoe komt Ĳsbrand tot rust?"
    );

    // Started in September (the form holds today's date: clear it first).
    select(&mut app, &PlanPart::Field(PlanField::Started));
    chr(&mut app, 'e');
    for _ in 0..10 {
        press(&mut app, "Backspace");
    }
    type_text(&mut app, "2026-09-01");
    press(&mut app, "Enter");
    assert!(!popup(&app));

    select(&mut app, &PlanPart::Field(PlanField::ExpectedEnd));
    chr(&mut app, 'e');
    type_text(&mut app, "2026-08-01");
    press(&mut app, "Enter");
    assert!(popup(&app), "an end before the start is refused");
    for _ in 0..10 {
        press(&mut app, "Backspace");
    }
    type_text(&mut app, "2026-13-40");
    press(&mut app, "Enter");
    assert!(popup(&app), "a bad date keeps the form open");
    for _ in 0..10 {
        press(&mut app, "Backspace");
    }
    type_text(&mut app, "2026-11-01");
    press(&mut app, "Enter");
    let t = stored(&app, child.id)[0].clone();
    assert_eq!(t.expected_end, chrono::NaiveDate::from_ymd_opt(2026, 11, 1));
    assert!(t.overdue(now().date_naive()).end, "the end has passed");
    press(&mut app, "Esc");
    let Screen::Children(s) = app.screen() else {
        panic!("back on the list")
    };
    assert!(s.list.selected().unwrap().plan.as_ref().unwrap().overdue);
}

#[test]
fn a_new_trajectory_opens_on_the_question_an_open_one_on_its_current_stage() {
    let (_dir, mut app, _child) = on_new_child();
    start(&mut app, "vroegsignalering");
    let selected = |app: &App| screen(app).list.selected().map(|r| r.part.clone());
    assert_eq!(
        selected(&app),
        Some(PlanPart::Field(PlanField::Question)),
        "a new one starts with the child's question"
    );
    let stages = stage_ids(&app);
    select(&mut app, &PlanPart::Stage(stages[0].clone()));
    chr(&mut app, ' ');
    press(&mut app, "Esc");
    chr(&mut app, 'p');
    press(&mut app, "Enter");
    assert_eq!(
        selected(&app),
        Some(PlanPart::Stage(stages[1].clone())),
        "reopened on the first stage not done"
    );
}

/// Empties the focused field of the trajectory's form.
/// Enter on the row of `field`, its value replaced by `typed`, Enter: saved, or refused with
/// the form still open.
fn fill(app: &mut App, field: crate::app::screens::trajectory::PlanField, typed: &str) {
    select(app, &PlanPart::Field(field));
    press(app, "Enter");
    clear(app);
    type_text(app, typed);
    press(app, "Enter");
}

fn clear(app: &mut App) {
    for _ in 0..40 {
        press(app, "Backspace");
    }
}

/// Why the trajectory's open form was refused, if it was.
fn refused(app: &App) -> Option<String> {
    match &screen(app).modal {
        Some(Modal::Form(form)) => form.error.clone(),
        _ => None,
    }
}

#[test]
fn dates_show_in_dutch_and_take_either_shape_and_an_empty_optional_date_clears() {
    let (_dir, mut app, child) = super::test_support::on_new_child(Lang::Nl);
    start(&mut app, "vroegsignalering");
    select(&mut app, &PlanPart::Field(PlanField::Started));
    chr(&mut app, 'e');
    let Some(Modal::Form(form)) = &screen(&app).modal else {
        panic!("the start date's form")
    };
    let TrajectoryForm::Date(edit) = &form.fields else {
        panic!("a date form")
    };
    assert_eq!(
        edit.date.text.value, "20-11-2026",
        "today, as Dutch screens show it"
    );
    clear(&mut app);
    type_text(&mut app, "01-09-2026");
    press(&mut app, "Enter");
    assert!(!popup(&app), "{:?}", refused(&app));
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 9, d);
    assert_eq!(Some(stored(&app, child.id)[0].started), day(1));

    select(&mut app, &PlanPart::Field(PlanField::Review));
    chr(&mut app, 'e');
    type_text(&mut app, "2026-09-15");
    press(&mut app, "Enter");
    assert_eq!(stored(&app, child.id)[0].review, day(15), "ISO works too");
    chr(&mut app, 'e');
    clear(&mut app);
    type_text(&mut app, "31-08-2026");
    press(&mut app, "Enter");
    assert_eq!(
        refused(&app).as_deref(),
        Some(Lang::Nl.get(crate::i18n::T::ErrBeforeStart)),
        "a review before the start"
    );
    assert_eq!(stored(&app, child.id)[0].review, day(15), "nothing written");
    clear(&mut app);
    press(&mut app, "Enter");
    assert!(!popup(&app));
    assert_eq!(
        stored(&app, child.id)[0].review,
        None,
        "emptied: no review date"
    );

    // The start is required: empty is no date.
    select(&mut app, &PlanPart::Field(PlanField::Started));
    chr(&mut app, 'e');
    clear(&mut app);
    press(&mut app, "Enter");
    assert_eq!(refused(&app).as_deref(), Some("Vul een datum in."));
    assert_eq!(Some(stored(&app, child.id)[0].started), day(1));
}

#[test]
fn a_close_before_the_start_is_refused_and_a_no_brings_the_form_back_as_typed() {
    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "vroegsignalering");
    chr(&mut app, 'x');
    // Another outcome, and a day before the start (today).
    press(&mut app, "Right");
    press(&mut app, "Tab");
    clear(&mut app);
    type_text(&mut app, "2026-11-19");
    press(&mut app, "Enter");
    assert_eq!(
        refused(&app).as_deref(),
        Some(Lang::En.get(crate::i18n::T::ErrBeforeStart))
    );
    clear(&mut app);
    type_text(&mut app, "20-11-2026");
    press(&mut app, "Enter");
    let Some(Modal::Confirm(confirm)) = &screen(&app).modal else {
        panic!("the close is asked")
    };
    let (date, outcome) = (confirm.about.date, confirm.about.outcome);
    assert_eq!(date, now().date_naive());
    assert_ne!(outcome, Outcome::ContinuesInGroup, "the outcome chosen");
    // A paste is no answer; `n` is no, and the form is back as it was typed.
    assert!(app.update(Msg::Paste("j".into())));
    assert!(matches!(&screen(&app).modal, Some(Modal::Confirm(_))));
    chr(&mut app, 'n');
    let Some(Modal::Form(form)) = &screen(&app).modal else {
        panic!("the form is back")
    };
    let TrajectoryForm::Close(close) = &form.fields else {
        panic!("the close form")
    };
    assert_eq!(close.outcome.value(), Some(&outcome));
    assert_eq!(close.date.text.value, "20-11-2026");
    assert_eq!(form.focus, 1, "on the field last typed in");
    assert!(stored(&app, child.id)[0].closed.is_none());
    press(&mut app, "Enter");
    chr(&mut app, 'y');
    assert!(!popup(&app));
    let closed = stored(&app, child.id)[0].closed.clone().unwrap();
    assert_eq!((closed.outcome, closed.date), (outcome, date));
    assert_eq!(
        app.store.audit().unwrap().last().unwrap().action,
        "trajectory.close"
    );
}

#[test]
fn a_stage_note_is_saved_through_its_form_and_a_hand_over_drops_an_open_one() {
    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "vroegsignalering");
    let first = screen(&app).template.stages[0].id.clone();
    select(&mut app, &PlanPart::Stage(first.clone()));
    chr(&mut app, 'n');
    app.update(Msg::Paste("eerste regel\ntweede".into()));
    press(&mut app, "Enter");
    assert_eq!(
        stored(&app, child.id)[0].entry(&first).unwrap().note,
        "eerste regel\ntweede",
        "a note keeps its line breaks"
    );
    assert!(matches!(screen(&app).saved, SaveState::Saved(_)));
    chr(&mut app, 'n');
    type_text(&mut app, " en meer");
    let dropped = app.screens.last_mut().unwrap().component_mut().drop_draft();
    assert!(dropped && !popup(&app));
    assert_eq!(
        stored(&app, child.id)[0].entry(&first).unwrap().note,
        "eerste regel\ntweede"
    );
}

#[test]
fn n_e_and_enter_write_on_the_row_selected_and_never_do_nothing_silently() {
    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "vroegsignalering");
    // On a field, `n` opens the field's form, as `e` and Enter do.
    select(&mut app, &PlanPart::Field(PlanField::ExpectedEnd));
    chr(&mut app, 'n');
    assert!(matches!(
        &screen(&app).modal,
        Some(Modal::Form(f)) if matches!(f.fields, TrajectoryForm::Date(_))
    ));
    press(&mut app, "Esc");
    // On a stage, `e` opens its note, as `n` and Enter do.
    let stage = screen(&app).template.stages[0].id.clone();
    select(&mut app, &PlanPart::Stage(stage));
    chr(&mut app, 'e');
    assert!(matches!(
        &screen(&app).modal,
        Some(Modal::Form(f)) if matches!(f.fields, TrajectoryForm::Note(_))
    ));
    press(&mut app, "Esc");
    // On a consent, which Space answers, it says so: what is typed next is not a note.
    select(&mut app, &PlanPart::Consent(ConsentTo::Coach));
    chr(&mut app, 'n');
    assert!(!popup(&app));
    let said = app.status.clone().unwrap();
    assert!(said.error, "{}", said.text);
    assert_eq!(said.text, Lang::En.error(&AppError::AnswerWithMark));
    assert_eq!(stored(&app, child.id).len(), 1, "nothing else written");
}

#[test]
fn the_parents_view_is_a_row_edited_like_the_others_and_audited() {
    let (_dir, mut app, child) = on_new_child();
    start(&mut app, "vroegsignalering");
    select(&mut app, &PlanPart::Field(PlanField::ParentsView));
    press(&mut app, "Enter");
    type_text(&mut app, "Thuis slaapt ze slecht sinds de verhuizing.");
    press(&mut app, "Enter");
    assert!(!popup(&app));
    let t = &stored(&app, child.id)[0];
    assert_eq!(
        t.parents_view,
        "Thuis slaapt ze slecht sinds de verhuizing."
    );
    let last = app.store.audit().unwrap().pop().unwrap();
    assert_eq!(last.action, "trajectory.edit");
    assert_eq!(last.target, format!("trajectory:{}/parents_view", t.id));
}

/// Two parents with gezag: one key cannot tell who gave the answer, so a consent row asks, and
/// the one chosen is recorded; a foster parent without gezag is not offered.
#[test]
fn a_consent_row_asks_who_gave_it_when_several_have_gezag() {
    let (_dir, mut app, child) = on_new_child();
    let guardians = [
        ("Mirjam Jansen", true),
        ("Bas Jansen", true),
        ("Pleun Pleeg", false),
    ];
    give_guardians(&app, child.id, &guardians);
    start(&mut app, "vroegsignalering");
    select(&mut app, &PlanPart::Consent(ConsentTo::School));
    chr(&mut app, ' ');
    let Some(Modal::Form(form)) = &screen(&app).modal else {
        panic!("who gave it is asked")
    };
    let TrajectoryForm::Giver(giver) = &form.fields else {
        panic!("the giver form")
    };
    let mut choice = giver.giver.clone();
    let offered: Vec<String> = (0..4)
        .map(|_| {
            let name = choice.value().cloned().unwrap();
            crate::app::fields::Field::cycle(&mut choice, 1);
            name
        })
        .collect();
    let both = ["Mirjam Jansen", "Bas Jansen"];
    assert_eq!(
        offered,
        [both, both].concat(),
        "only who has gezag, in turn"
    );
    assert!(app
        .store
        .child(child.id)
        .unwrap()
        .unwrap()
        .consent
        .is_empty());
    press(&mut app, "Right");
    press(&mut app, "Enter");
    assert!(!popup(&app));
    let consent = app.store.child(child.id).unwrap().unwrap().consent;
    let school = consent.get(ConsentTo::School).unwrap();
    assert_eq!(school.answer, crate::domain::ConsentAnswer::Yes);
    assert_eq!(school.given_by, "Bas Jansen");
}
