//! Snapshots of the step plan: the picker, a trajectory, the consent warning, the afwegingskader,
//! the Meldcode's own fields.

use super::*;
use crate::app::{Msg, PlanChoice, PlanPart};
use crate::domain::audit::AuditAction;

/// The demo's first group with a child that has no trajectory selected, in `lang`.
pub(super) fn on_child_without_trajectory(lang: Lang) -> (TempDir, App) {
    let (dir, mut app) = demo(lang);
    press(&mut app, "Enter");
    // Nothing asked of the parents yet either: the consent rows start open.
    test_support::select_child_where(&mut app, |app, child| {
        app.store.trajectories_of(child.id).unwrap().is_empty() && child.consent.is_empty()
    });
    (dir, app)
}

/// Starts a trajectory with `plan` from the picker.
pub(super) fn start(app: &mut App, plan: &str) {
    chr(app, 'p');
    let Screen::Plans(s) = app.screen() else {
        panic!("plans picker expected")
    };
    let position = s
        .list
        .visible()
        .position(|r| matches!(&r.choice, PlanChoice::New(p) if p.id == plan))
        .unwrap();
    for _ in 0..position {
        press(app, "Down");
    }
    press(app, "Enter");
}

pub(super) fn select(app: &mut App, part: PlanPart) {
    press(app, "Home");
    for _ in 0..60 {
        let Screen::Trajectory(s) = app.screen() else {
            panic!("trajectory expected")
        };
        if s.list.selected().map(|r| &r.part) == Some(&part) {
            return;
        }
        press(app, "Down");
    }
    panic!("no row {part:?}");
}

#[test]
fn plans_picker_offers_the_early_plan_first() {
    let (_dir, mut app) = on_child_without_trajectory(Lang::En);
    chr(&mut app, 'p');
    let t = snap!("plans_picker", &app);
    let text = screen_text(&t);
    let early = text.find("Early-signalling").expect("the early plan");
    let meldcode = text.find("Reporting code").expect("the Meldcode");
    assert!(early < meldcode);
}

#[test]
fn trajectory_with_two_stages_ticked() {
    let (_dir, mut app) = on_child_without_trajectory(Lang::En);
    start(&mut app, "vroegsignalering");
    select(&mut app, PlanPart::Stage("signaleren".into()));
    chr(&mut app, ' ');
    // Past the row of what prompted it, under the first stage.
    press(&mut app, "Down");
    press(&mut app, "Down");
    chr(&mut app, ' ');
    let t = snap!("trajectory_early", &app);
    let text = screen_text(&t);
    assert!(text.contains("3/8"), "progress in the title");
    assert!(text.contains("[✓]"));
}

#[test]
fn trajectory_in_dutch() {
    let (_dir, mut app) = on_child_without_trajectory(Lang::Nl);
    start(&mut app, "vroegsignalering");
    let t = snap!("trajectory_early_nl", &app);
    let text = screen_text(&t);
    assert!(text.contains("Vraag van het kind"));
    assert!(text.contains("Gesprek ouders"));
    assert!(text.contains("Toestemming: coach raadplegen"));
    assert!(
        text.contains("Aanleiding: "),
        "what prompted it, under stage 1"
    );
    assert!(text.contains("Wat ouders zien"));
}

#[test]
fn consent_warning_before_the_coach_is_asked() {
    let (_dir, mut app) = on_child_without_trajectory(Lang::En);
    start(&mut app, "vroegsignalering");
    select(&mut app, PlanPart::Stage("coach".into()));
    chr(&mut app, ' ');
    let t = snap!("consent_warning", &app);
    let text = screen_text(&t);
    assert!(text.contains("Coach without consent?"));
    assert!(text.contains("not (yet) consented"));
}

#[test]
fn meldcode_question_two_yes_shows_veilig_thuis() {
    let (_dir, mut app) = on_child_without_trajectory(Lang::Nl);
    start(&mut app, "meldcode");
    select(&mut app, PlanPart::Question("afweging.1".into()));
    chr(&mut app, ' ');
    select(&mut app, PlanPart::Question("afweging.2".into()));
    chr(&mut app, ' ');
    let t = snap!("meldcode_question_2_yes", &app);
    let text = screen_text(&t);
    assert!(text.contains("Veilig Thuis"));
    assert!(text.contains("0800-2000"));
    // After that answer (a report) questions 3 to 5 are weighed together with Veilig Thuis.
    assert!(text.contains("Vraag 2: Is er sprake"));
    assert_eq!(
        text.matches(", samen met Veilig Thuis: ").count(),
        3,
        "{text}"
    );
}

/// Answers out of order, as a trajectory from before the screen kept the order holds them (an
/// older backup, another tool's export): kept and marked `!`, with why under the list.
#[test]
fn meldcode_answers_out_of_order_are_marked_not_lost() {
    let (_dir, mut app) = on_child_without_trajectory(Lang::En);
    start(&mut app, "meldcode");
    let Screen::Trajectory(s) = app.screen() else {
        panic!("trajectory expected")
    };
    let mut t = s.trajectory.clone();
    let plan = s.template.clone();
    // Question 2 answered while question 1 is open: the screen could not have done that.
    t.set_answer("afweging.2", Some(true), "Anouk", test_support::now());
    app.store
        .save_trajectory(
            &t,
            &plan,
            AuditAction::TrajectoryEdit,
            "afweging.2",
            &app.signature(),
        )
        .unwrap();
    // Opened again, as it is read from the database.
    press(&mut app, "Esc");
    chr(&mut app, 'p');
    press(&mut app, "Enter");
    select(&mut app, PlanPart::Question("afweging.2".into()));
    let text = screen_text(&render(&app, 120, 40));
    let row = text
        .lines()
        .find(|l| l.contains("Question 2:"))
        .expect("question 2's row");
    assert!(
        row.contains("! Question 2:") && row.contains("yes"),
        "{row}"
    );
    let first = text.lines().find(|l| l.contains("Question 1:")).unwrap();
    assert!(!first.contains('!'), "{first}");
    assert!(
        text.contains(
            "Answered out of order (an older or imported trajectory): Answer question 1 first"
        ),
        "{text}"
    );
}

#[test]
fn a_meldcode_trajectory_shows_its_own_fields() {
    use crate::app::screens::trajectory::{MeldcodeField, PlanField};
    let (_dir, mut app) = on_child_without_trajectory(Lang::En);
    start(&mut app, "meldcode");
    select(
        &mut app,
        PlanPart::Field(PlanField::Meldcode(MeldcodeField::ParentsTold)),
    );
    chr(&mut app, ' ');
    let t = snap!("meldcode_fields", &app);
    let text = screen_text(&t);
    for field in [
        "Signals, with their dates:",
        "Veilig Thuis consulted on:",
        "Reported on:",
    ] {
        assert!(text.contains(field), "{field}:\n{text}");
    }
    assert!(text.contains("Parents told beforehand: yes"), "{text}");
    for other in ["The child's question", "Goals", "What the parents see"] {
        assert!(!text.contains(other), "{other}:\n{text}");
    }
}

/// Issue 14: a Meldcode text of several dated lines runs on in its row and shows whole below
/// the list, under the Meldcode's own heading.
#[test]
fn meldcode_signals_of_several_lines_show_whole_under_their_own_heading() {
    use crate::app::screens::trajectory::{MeldcodeField, PlanField};
    let (_dir, mut app) = on_child_without_trajectory(Lang::Nl);
    start(&mut app, "meldcode");
    let signals = PlanPart::Field(PlanField::Meldcode(MeldcodeField::Signals));
    select(&mut app, signals);
    press(&mut app, "Enter");
    app.update(Msg::Paste(
        "12-09: huilde bij het ophalen\n19-09: blauwe plek bovenarm\n26-09: schrok van een \
         harde stem"
            .into(),
    ));
    press(&mut app, "Enter");
    let t = snap!("meldcode_signals_lines", &app);
    let text = screen_text(&t);
    assert!(text.contains("Meldcode: vastlegging"), "{text}");
    assert!(!text.contains("Hulpvraag en plan"), "{text}");
    assert!(
        text.contains("12-09: huilde bij het ophalen / 19-09: blauwe plek"),
        "one row: {text}"
    );
    for line in [
        "19-09: blauwe plek bovenarm",
        "26-09: schrok van een harde stem",
    ] {
        assert!(
            text.contains(&format!("│{line}  ")),
            "{line} whole below:\n{text}"
        );
    }
}

#[test]
fn close_form_in_dutch_shows_the_date_as_dutch_screens_do_then_asks() {
    let (_dir, mut app) = on_child_without_trajectory(Lang::Nl);
    start(&mut app, "vroegsignalering");
    chr(&mut app, 'x');
    press(&mut app, "Tab");
    let t = snap!("close_trajectory_nl", &app);
    let text = screen_text(&t);
    assert!(text.contains("Traject afsluiten"));
    assert!(text.contains("20-11-2026▏"), "today in the Dutch shape");
    assert!(text.contains("Datum: DD-MM-JJJJ of JJJJ-MM-DD"), "the hint");
    press(&mut app, "Enter");
    let t = snap!("close_trajectory_question_nl", &app);
    let text = screen_text(&t);
    assert!(text.contains("20-11-2026 met uitkomst blijft in de groep?"));
    assert!(text.contains("j = ja, n = nee"));
}

#[test]
fn past_stage_one_without_an_observation_warns_in_the_title() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, "Enter");
    test_support::select_child_where(&mut app, |app, child| {
        app.store.trajectories_of(child.id).unwrap().is_empty()
            && app.store.observations_of(child.id).unwrap().is_empty()
    });
    start(&mut app, "vroegsignalering");
    let warning = "! nog geen observatie van dit kind";
    let title = |app: &App| {
        screen_text(&render(app, 120, 30))
            .lines()
            .nth(1)
            .unwrap()
            .to_string()
    };
    assert!(
        !title(&app).contains(warning),
        "at stage 1: {}",
        title(&app)
    );
    select(&mut app, PlanPart::Stage("signaleren".into()));
    chr(&mut app, ' ');
    assert!(title(&app).contains(warning), "{}", title(&app));

    // A child that was observed: no warning past stage 1.
    for _ in 0..3 {
        if !matches!(app.screen(), Screen::Children(_)) {
            press(&mut app, "Esc");
        }
    }
    test_support::select_child_where(&mut app, |app, child| {
        app.store.trajectories_of(child.id).unwrap().is_empty()
            && !app.store.observations_of(child.id).unwrap().is_empty()
    });
    start(&mut app, "vroegsignalering");
    select(&mut app, PlanPart::Stage("signaleren".into()));
    chr(&mut app, ' ');
    let shown = title(&app);
    assert!(shown.contains("2/8") && !shown.contains(warning), "{shown}");
}

/// `o` on a trajectory: the child's observations numbered, newest first, with date and
/// observer; the one named when it started is filled in.
#[test]
fn prompts_form_in_dutch() {
    let (_dir, mut app) = on_child_without_trajectory(Lang::Nl);
    start(&mut app, "vroegsignalering");
    chr(&mut app, 'o');
    let t = snap!("prompts_form_nl", &app);
    let text = screen_text(&t);
    assert!(text.contains("Welke observaties waren de aanleiding?"));
    assert!(text.contains("Observaties (nummers)        1▏"), "{text}");
    assert!(text.contains("1  10-11-2026 · Sandra Martens"), "{text}");
}
