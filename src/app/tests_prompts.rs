//! Stage 1 names the observations that prompted a trajectory, driven with key presses on a real
//! store: prefilled with a recent observation when the trajectory starts, shown under the first
//! stage with date and observer, picked by number with `o` (audited), never showing an
//! observation the person at the keyboard may not see, and not for a Meldcode trajectory.

use tempfile::TempDir;

use super::test_support::{chr, now, on_new_child, press, type_text};
use super::*;
use crate::app::modal::Modal;
use crate::app::screens::trajectory::TrajectoryForm;
use crate::domain::form::Mark;
use crate::domain::plan::Trajectory;
use crate::domain::{AuditAction, Child, Id, Observation};

fn screen(app: &App) -> &TrajectoryScreen {
    let Screen::Trajectory(s) = app.screen() else {
        panic!("expected a trajectory")
    };
    s
}

/// An observation of `child` `days_ago` days before today by `by`, with one mark on the form's
/// first item that is (`meldcode`) or is not Meldcode-flagged.
fn observe(app: &App, child: Id, days_ago: i64, by: &str, meldcode: bool) -> Observation {
    let form = crate::templates::builtin()[0].clone();
    let (_, item) = form
        .items()
        .find(|(_, i)| i.meldcode == meldcode && i.min_months.is_none())
        .expect("an item for every age");
    let item = item.id.clone();
    let date = now().date_naive() - chrono::Duration::days(days_ago);
    let id = app.store.new_observation_id().unwrap();
    let mut o = Observation::new(id, child, &form, date, by);
    o.set_mark(&item, Some(Mark::Often), by, now());
    let sig = crate::store::Signature {
        by: by.into(),
        at: now(),
    };
    let mark = AuditAction::ObservationMark;
    app.store
        .save_observation(&o, &form, mark, &item, &sig)
        .unwrap();
    o
}

/// `p` and Enter on the selected child: a new trajectory with the early-signalling plan (the
/// picker's first entry).
fn start_early(app: &mut App) {
    chr(app, 'p');
    press(app, "Enter");
    assert_eq!(screen(app).trajectory.template, "vroegsignalering");
}

/// `child`'s latest trajectory changed by `change` and written as a screen would (its `part`
/// edited), then opened again from the children list, as it is read from the database.
fn rewrite(app: &mut App, child: &Child, part: &str, change: impl FnOnce(&mut Trajectory)) {
    let mut t = app.store.trajectories_of(child.id).unwrap().pop().unwrap();
    change(&mut t);
    let plan = screen(app).template.clone();
    let sig = app.signature();
    app.store
        .save_trajectory(&t, &plan, AuditAction::TrajectoryEdit, part, &sig)
        .unwrap();
    press(app, "Esc");
    chr(app, 'p');
    press(app, "Enter");
}

fn named(app: &App, child: &Child) -> Vec<Id> {
    let stored = app.store.trajectories_of(child.id).unwrap();
    stored.last().unwrap().prompted_by.clone()
}

/// The prompts form as opened, with what it offers.
fn prompts_form(app: &App) -> &crate::app::screens::trajectory::PromptsForm {
    match &screen(app).modal {
        Some(Modal::Form(form)) => match &form.fields {
            TrajectoryForm::Prompts(f) => f,
            other => panic!("the prompts form, not {other:?}"),
        },
        _ => panic!("a form"),
    }
}

fn on_child_with(observations: &[(i64, bool)]) -> (TempDir, App, Child, Vec<Observation>) {
    let (dir, mut app, child) = on_new_child(Lang::En);
    let me = app.user.clone().unwrap().name;
    let made = observations
        .iter()
        .map(|&(days, meldcode)| {
            let by = if meldcode {
                "Iemand Anders"
            } else {
                me.as_str()
            };
            observe(&app, child.id, days, by, meldcode)
        })
        .collect();
    app.reload();
    (dir, app, child, made)
}

#[test]
fn a_trajectory_started_after_a_recent_observation_names_it() {
    let (_dir, mut app, child, made) = on_child_with(&[(90, false), (10, false)]);
    start_early(&mut app);
    assert_eq!(named(&app, &child), [made[1].id], "the latest, 10 days ago");
    assert_eq!(
        app.store.audit().unwrap().last().unwrap().action,
        "trajectory.start",
        "named in the start's own write"
    );
    // The row under the first stage says which, with date and observer.
    let row = screen(&app)
        .list
        .items()
        .position(|r| r.part == PlanPart::Prompts)
        .expect("a prompts row");
    let first_stage = screen(&app)
        .list
        .items()
        .position(|r| matches!(r.part, PlanPart::Stage(_)))
        .unwrap();
    assert_eq!(row, first_stage + 1, "right under stage 1");
    let prompts: Vec<Id> = screen(&app).prompts().map(|o| o.id).collect();
    assert_eq!(prompts, [made[1].id]);
}

#[test]
fn an_old_observation_is_not_named_when_the_trajectory_starts() {
    let weeks = i64::from(crate::config::defaults::OBSERVE_WEEKS);
    let (_dir, mut app, child, _) = on_child_with(&[(7 * weeks + 1, false)]);
    start_early(&mut app);
    assert!(named(&app, &child).is_empty());
}

#[test]
fn o_picks_the_observations_by_number_newest_first_audited() {
    let (_dir, mut app, child, made) = on_child_with(&[(120, false), (60, false), (30, false)]);
    start_early(&mut app);
    assert_eq!(named(&app, &child), [made[2].id]);
    chr(&mut app, 'o');
    let form = prompts_form(&app);
    let offered: Vec<Id> = form.offered.iter().map(|(id, _)| *id).collect();
    assert_eq!(
        offered,
        [made[2].id, made[1].id, made[0].id],
        "newest first"
    );
    assert_eq!(form.numbers.value, "1", "what is named, filled in");
    let date = app.lang.date(made[1].date);
    assert!(form.offered[1].1.starts_with(&date), "{:?}", form.offered);
    // A number not in the list is refused, saying so; the form stays.
    type_text(&mut app, " 4");
    press(&mut app, "Enter");
    let Some(Modal::Form(refused)) = &screen(&app).modal else {
        panic!("the form stays")
    };
    assert!(
        refused.error.as_deref().unwrap().contains("\"4\""),
        "{:?}",
        refused.error
    );
    for _ in 0..2 {
        press(&mut app, "Backspace");
    }
    type_text(&mut app, " 2");
    press(&mut app, "Enter");
    assert!(screen(&app).modal.is_none(), "saved");
    let mut expected = vec![made[1].id, made[2].id];
    expected.sort_unstable();
    assert_eq!(named(&app, &child), expected);
    let last = app.store.audit().unwrap().pop().unwrap();
    assert_eq!(last.action, "trajectory.edit");
    let id = screen(&app).trajectory.id;
    assert_eq!(last.target, format!("trajectory:{id}/prompted_by"));
    // Emptied: none named any more.
    chr(&mut app, 'o');
    for _ in 0..5 {
        press(&mut app, "Backspace");
    }
    press(&mut app, "Enter");
    assert!(named(&app, &child).is_empty());
}

/// An observation that holds only a Meldcode-flagged mark by someone else is not the reader's
/// to see: it is neither shown nor offered, and it stays named when they change the others.
#[test]
fn an_observation_the_reader_may_not_see_never_appears_and_stays_named() {
    let (_dir, mut app, child, made) = on_child_with(&[(20, false), (5, true)]);
    assert_eq!(app.user.as_ref().unwrap().role, crate::domain::Role::Staff);
    start_early(&mut app);
    // The latest they may see is named, not the hidden later one.
    assert_eq!(named(&app, &child), [made[0].id]);
    // Named by someone who may see both (written as their screen would), then opened again.
    let id = screen(&app).trajectory.id;
    rewrite(&mut app, &child, "prompted_by", |t| {
        t.set_prompted_by([made[0].id, made[1].id])
    });
    assert_eq!(screen(&app).trajectory.id, id);
    let shown: Vec<Id> = screen(&app).prompts().map(|o| o.id).collect();
    assert_eq!(shown, [made[0].id], "the hidden one is not shown");
    chr(&mut app, 'o');
    let offered: Vec<Id> = prompts_form(&app).offered.iter().map(|(i, _)| *i).collect();
    assert_eq!(offered, [made[0].id], "nor offered");
    press(&mut app, "Backspace");
    press(&mut app, "Enter");
    assert_eq!(
        named(&app, &child),
        [made[1].id],
        "what they cannot see stays"
    );
}

#[test]
fn a_meldcode_trajectory_names_no_observations() {
    let (_dir, mut app, child, _) = on_child_with(&[(10, false)]);
    let meldcode = super::test_support::meldcode_plan(&app);
    chr(&mut app, 'p');
    let Screen::Plans(s) = app.screen() else {
        panic!("the plans picker")
    };
    let position = s
        .list
        .visible()
        .position(|r| matches!(&r.choice, PlanChoice::New(p) if p.id == meldcode.id))
        .expect("the Meldcode is offered");
    for _ in 0..position {
        press(&mut app, "Down");
    }
    press(&mut app, "Enter");
    assert!(named(&app, &child).is_empty(), "not prefilled");
    let rows = screen(&app).list.items();
    assert!(rows.into_iter().all(|r| r.part != PlanPart::Prompts));
    chr(&mut app, 'o');
    assert!(screen(&app).modal.is_none());
    let status = app.status.clone().unwrap();
    assert!(
        status.error && status.text.contains("Signals"),
        "{status:?}"
    );
}

/// A trajectory started 60 days ago (its start date changed back): `o` offers only what was
/// observed on or before that day, and keeps offering one named already though made after.
#[test]
fn o_offers_only_observations_up_to_the_start_and_keeps_one_named() {
    let (_dir, mut app, child, made) = on_child_with(&[(90, false), (30, false), (10, false)]);
    start_early(&mut app);
    assert_eq!(named(&app, &child), [made[2].id], "named at the start");
    let started = now().date_naive() - chrono::Duration::days(60);
    rewrite(&mut app, &child, "started", |t| t.started = started);
    assert_eq!(screen(&app).trajectory.started, started);
    chr(&mut app, 'o');
    let offered: Vec<Id> = prompts_form(&app).offered.iter().map(|(i, _)| *i).collect();
    assert_eq!(
        offered,
        [made[2].id, made[0].id],
        "the one named, and the one from before the start; not the one 30 days ago"
    );
    // Taking the later one off: it is no longer offered the next time.
    press(&mut app, "Backspace");
    type_text(&mut app, "2");
    press(&mut app, "Enter");
    assert_eq!(named(&app, &child), [made[0].id]);
    chr(&mut app, 'o');
    let offered: Vec<Id> = prompts_form(&app).offered.iter().map(|(i, _)| *i).collect();
    assert_eq!(offered, [made[0].id]);
}

#[test]
fn without_an_observation_o_says_so() {
    let (_dir, mut app, _child, _) = on_child_with(&[]);
    start_early(&mut app);
    chr(&mut app, 'o');
    assert!(screen(&app).modal.is_none());
    let status = app.status.clone().unwrap();
    assert!(status.error, "{status:?}");
}

/// A tester: with every observation after the trajectory's start, `o` said "This child has not
/// been observed yet" of a child observed twice. It says why nothing is offered instead.
#[test]
fn with_only_later_observations_o_says_none_is_from_before_the_start() {
    let (_dir, mut app, child, _) = on_child_with(&[(10, false)]);
    start_early(&mut app);
    rewrite(&mut app, &child, "started", |t| {
        t.started = now().date_naive() - chrono::Duration::days(20);
        t.set_prompted_by([]);
    });
    chr(&mut app, 'o');
    assert!(screen(&app).modal.is_none());
    let status = app.status.clone().unwrap();
    assert!(status.error, "{status:?}");
    assert!(
        status.text.contains("from before this trajectory started"),
        "{status:?}"
    );
}
