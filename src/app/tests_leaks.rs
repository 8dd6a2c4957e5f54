//! The Meldcode leaks a fresh tester found (issue 13): a hidden mark must look like no mark at
//! all to who may know nothing of it, an observation of only hidden marks must not be there for
//! who may not read them, and staff who see that a Meldcode is open learn no more than that.

use super::test_support::{now, press, select_child_where, type_text};
use super::tests_roles::{day, hand_over, shot, sign_in, world, World, COLLEAGUE, MARK_NOTE};
use super::*;
use crate::domain::form::Mark;
use crate::domain::{access, AuditAction, Id, Observation};
use crate::i18n::T;
use crate::store::Signature;

/// From the groups list to the children of De Vlinders.
fn open_group(app: &mut App) {
    press(app, "/");
    type_text(app, "Vlinders");
    press(app, "Enter");
    press(app, "Enter");
    assert!(matches!(app.screen(), Screen::Children(_)), "{}", shot(app));
}

/// From the groups list to `child`'s screen in De Vlinders.
fn open_child(app: &mut App, child: Id) {
    open_group(app);
    select_child_where(app, |_, c| c.id == child);
    press(app, "Enter");
    assert!(matches!(app.screen(), Screen::Child(_)), "{}", shot(app));
}

/// Today's observation of Tom (named to the coach): a colleague's Meldcode-flagged mark with a
/// note. Returns the flagged item marked and another flagged item nobody touched.
fn tom_marked(w: &World) -> (String, String) {
    let form = w
        .app
        .catalogue
        .for_group(&w.app.store.group(w.tom.group_id).unwrap().unwrap())[0]
        .clone();
    let flagged: Vec<String> = form
        .items()
        .filter(|(_, i)| i.meldcode)
        .map(|(_, i)| i.id.clone())
        .collect();
    assert!(flagged.len() >= 2, "two Meldcode-flagged items");
    let store = &w.app.store;
    let by = Signature {
        by: COLLEAGUE.into(),
        at: now(),
    };
    let mut o = Observation::new(
        store.new_observation_id().unwrap(),
        w.tom.id,
        &form,
        day("2026-11-20"),
        COLLEAGUE,
    );
    o.set_mark(&flagged[0], Some(Mark::Often), COLLEAGUE, now());
    o.set_note(&flagged[0], MARK_NOTE, COLLEAGUE, now());
    let action = AuditAction::ObservationNote;
    store
        .save_observation(&o, &form, action, &flagged[0], &by)
        .unwrap();
    (flagged[0].clone(), flagged[1].clone())
}

/// What the observation form shows of `item` when it is selected and of `other`, which is
/// not: both list rows and the detail pane, with the item's words left out and the spaces that
/// pad them squeezed, so an item and another look alike when these are equal.
fn as_drawn(drawn: &str, item: &str, other: &str) -> Vec<String> {
    let squeeze = |line: &str, text: &str| -> String {
        let line = line.replace(text, "ITEM");
        line.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let lines: Vec<&str> = drawn.lines().collect();
    let row = |text: &str| {
        let found = lines.iter().find(|l| l.contains(&format!(" {text} ")));
        squeeze(found.expect("the item's row"), text)
    };
    let pane = lines.iter().rposition(|l| l.contains("────")).unwrap();
    let mut shown = vec![row(item), row(other)];
    shown.extend(lines[pane + 1..].iter().map(|l| squeeze(l, item)));
    shown
}

#[test]
fn to_the_coach_a_hidden_mark_looks_like_an_untouched_item() {
    let mut w = world();
    let (marked, untouched) = tom_marked(&w);
    let coach = w.person("Dirk Visscher");
    let app = &mut w.app;
    sign_in(app, &coach);
    open_child(app, w.tom.id);
    press(app, "o");
    let Screen::Observe(form) = app.screen() else {
        panic!("the observation form")
    };
    let text = |id: &str| {
        let (_, item) = form.template.item(id).unwrap();
        app.lang.text(&item.text).to_string()
    };
    let (marked_text, untouched_text) = (text(&marked), text(&untouched));
    let mut shown = Vec::new();
    for (item, this, other) in [
        (&marked, &marked_text, &untouched_text),
        (&untouched, &untouched_text, &marked_text),
    ] {
        let Some(Screen::Observe(form)) = app.screens.last_mut() else {
            panic!("the observation form")
        };
        let row = form.list.items().find(|r| &r.item == item).unwrap().index;
        form.list.select_id(row as u64);
        let drawn = shot(app);
        assert!(!drawn.contains(MARK_NOTE), "{drawn}");
        shown.push(as_drawn(&drawn, this, other));
    }
    assert_eq!(
        shown[0], shown[1],
        "the marked item, then the untouched one"
    );
}

/// A week before, an earlier observation of Tom: a plain worry seen often. Returns its item.
fn tom_earlier_worry(w: &World) -> String {
    let group = w.app.store.group(w.tom.group_id).unwrap().unwrap();
    let form = w.app.catalogue.for_group(&group)[0].clone();
    let (_, worry) = form
        .items()
        .find(|(_, i)| i.concern && !i.meldcode)
        .unwrap();
    let store = &w.app.store;
    let id = store.new_observation_id().unwrap();
    let mut o = Observation::new(id, w.tom.id, &form, day("2026-11-13"), COLLEAGUE);
    o.set_mark(&worry.id, Some(Mark::Often), COLLEAGUE, now());
    let by = Signature {
        by: COLLEAGUE.into(),
        at: now(),
    };
    let action = AuditAction::ObservationMark;
    store
        .save_observation(&o, &form, action, &worry.id, &by)
        .unwrap();
    worry.id.clone()
}

#[test]
fn an_observation_of_only_hidden_marks_is_not_there_for_other_staff() {
    let mut w = world();
    tom_earlier_worry(&w);
    tom_marked(&w);
    for (name, count) in [("Bram de Wit", 1), ("Fenna Bos", 2), (COLLEAGUE, 2)] {
        let person = w.person(name);
        let app = &mut w.app;
        sign_in(app, &person);
        open_group(app);
        let tom = w.tom.id;
        select_child_where(app, |_, c| c.id == tom);
        let Screen::Children(list) = app.screen() else {
            panic!("the children list")
        };
        let latest = list.list.selected().and_then(|r| r.latest).map(|l| l.date);
        let expected = if count == 1 {
            "2026-11-13"
        } else {
            "2026-11-20"
        };
        assert_eq!(latest, Some(day(expected)), "{name}: the list's 'observed'");
        press(app, "Enter");
        let Screen::Child(child) = app.screen() else {
            panic!("the child screen")
        };
        assert_eq!(child.observations.len(), count, "{name}: the child screen");
    }
}

#[test]
fn the_parents_report_leaves_out_an_observation_of_only_hidden_marks() {
    use crate::i18n::report::R;
    let w = world();
    tom_earlier_worry(&w);
    tom_marked(&w);
    let check = || {
        for lang in [Lang::Nl, Lang::En] {
            let store = &w.app.store;
            let report =
                crate::report::child_report(store, w.tom.id, lang, day("2026-11-20")).unwrap();
            let count = lang.report_observation_count(1, Some(day("2026-11-13")));
            assert!(report.contains(&count), "{report}");
            assert!(!report.contains(lang.report(R::NothingMarked)), "{report}");
            assert!(!report.contains(&lang.date(day("2026-11-20"))), "{report}");
        }
    };
    check();
    // A parents' view written on it does not bring it back as an observation of nothing seen.
    let store = &w.app.store;
    let mut hidden = store.observations_of(w.tom.id).unwrap();
    hidden.retain(|o| o.date == day("2026-11-20"));
    let mut hidden = hidden.pop().expect("the hidden observation");
    hidden.parents_view = "Ouders zien een vrolijk kind.".into();
    let form = w
        .app
        .catalogue
        .find(&hidden.template, hidden.version)
        .unwrap()
        .clone();
    let by = Signature {
        by: COLLEAGUE.into(),
        at: now(),
    };
    let action = AuditAction::ObservationNote;
    store
        .save_observation(&hidden, &form, action, "parents_view", &by)
        .unwrap();
    check();
}

#[test]
fn a_hidden_mark_says_it_is_for_who_must_know_not_that_a_meldcode_is_open() {
    let mut w = world();
    let (marked, _) = tom_marked(&w);
    // A plain mark beside it: the observation is there for other staff, the Meldcode mark
    // hidden in it (one of only hidden marks is not there for them at all).
    let store = &w.app.store;
    let mut today = store.observations_of(w.tom.id).unwrap().pop().unwrap();
    let form = w
        .app
        .catalogue
        .find(&today.template, today.version)
        .unwrap()
        .clone();
    let (_, plain) = form.items().find(|(_, i)| !i.meldcode).unwrap();
    today.set_mark(&plain.id, Some(Mark::Sometimes), COLLEAGUE, now());
    let by = Signature {
        by: COLLEAGUE.into(),
        at: now(),
    };
    store
        .save_observation(&today, &form, AuditAction::ObservationMark, &plain.id, &by)
        .unwrap();
    let bram = w.person("Bram de Wit");
    let app = &mut w.app;
    sign_in(app, &bram);
    open_child(app, w.tom.id);
    press(app, "o");
    let Some(Screen::Observe(form)) = app.screens.last_mut() else {
        panic!("the observation form")
    };
    let row = form.list.items().find(|r| r.item == marked).unwrap().index;
    form.list.select_id(row as u64);
    let drawn = shot(app);
    assert!(drawn.contains(Lang::Nl.get(T::ForWhoMustKnow)), "{drawn}");
    assert!(
        !drawn.contains(&Lang::Nl.meldcode_open(COLLEAGUE)),
        "{drawn}"
    );
    assert!(!drawn.contains(MARK_NOTE), "{drawn}");
}

#[test]
fn the_plans_list_shows_of_a_meldcode_only_that_it_is_open_and_who_coordinates_it() {
    let mut w = world();
    let bram = w.person("Bram de Wit");
    let plan = w.meldcode_plan.clone();
    let app = &mut w.app;
    sign_in(app, &bram);
    open_child(app, w.sara.id);
    press(app, "p");
    assert!(matches!(app.screen(), Screen::Plans(_)));
    let drawn = shot(app);
    let line = drawn.lines().find(|l| l.contains(&plan));
    let line = line.unwrap_or_else(|| panic!("the Meldcode trajectory:\n{drawn}"));
    assert!(line.contains(&Lang::Nl.meldcode_open(COLLEAGUE)), "{line}");
    assert!(!line.contains('/'), "no stage count: {line}");
}

#[test]
fn the_visit_tells_who_may_only_know_a_meldcode_is_open_no_stage_of_it() {
    let mut w = world();
    let meldcode = {
        let store = &w.app.store;
        let mut t = store.trajectories_of(w.sara.id).unwrap();
        t.retain(|t| access::is_meldcode_plan(&t.template));
        t.remove(0)
    };
    let plan = w
        .app
        .plans
        .find(&meldcode.template, meldcode.version)
        .unwrap()
        .clone();
    let mut ticked = meldcode.clone();
    let stage = plan.stages[0].id.clone();
    assert!(ticked.toggle(&stage, COLLEAGUE, now()));
    let by = Signature {
        by: COLLEAGUE.into(),
        at: now(),
    };
    let action = AuditAction::TrajectoryStage;
    w.app
        .store
        .save_trajectory(&ticked, &plan, action, &stage, &by)
        .unwrap();
    let done = Lang::Nl.get(T::ChangeStageDone);
    for (name, shown) in [("Bram de Wit", false), ("Fenna Bos", true)] {
        let person = w.person(name);
        let app = &mut w.app;
        sign_in(app, &person);
        open_group(app);
        press(app, "v");
        let Some(Screen::Visit(visit)) = app.screens.last_mut() else {
            panic!("the visit")
        };
        let at = visit.children.iter().position(|c| c.child.id == w.sara.id);
        let at = at.expect("Sara in the visit");
        let row = visit.list.items().find(|r| r.part == VisitPart::Child(at));
        visit.list.select_id(row.unwrap().key);
        let drawn = shot(app);
        assert_eq!(drawn.contains(done), shown, "{name}:\n{drawn}");
    }
}

/// A fresh tester (issue 14): the coach's `o` on a child whose only observation today is a
/// colleague's Meldcode mark showed "Observator: <colleague> ✓ opgeslagen 10:42", telling that, and
/// who, recorded something hidden. To whom it is wholly hidden the form shows as not yet begun,
/// under their own name; to whom it is not, as it is.
#[test]
fn a_wholly_hidden_observation_does_not_name_its_observer_or_its_save() {
    let mut w = world();
    tom_marked(&w);
    for (name, hidden) in [
        ("Dirk Visscher", true),
        ("Bram de Wit", true),
        (COLLEAGUE, false),
    ] {
        let person = w.person(name);
        let app = &mut w.app;
        sign_in(app, &person);
        open_child(app, w.tom.id);
        press(app, "o");
        let drawn = shot(app);
        let title = drawn.lines().nth(1).unwrap();
        let observer = if hidden { name } else { COLLEAGUE };
        assert!(
            title.contains(&format!("Observator: {observer}")),
            "{name}: {title}"
        );
        assert_eq!(title.contains(COLLEAGUE), !hidden, "{name}: {title}");
        assert_eq!(title.contains("opgeslagen"), !hidden, "{name}: {title}");
        press(app, "Esc");
        press(app, "Esc");
        press(app, "Esc");
    }
    // The coach's own mark starts an observation of theirs; the colleague's stays as it was.
    let coach = w.person("Dirk Visscher");
    let app = &mut w.app;
    sign_in(app, &coach);
    open_child(app, w.tom.id);
    press(app, "o");
    press(app, "Space");
    let title = shot(app).lines().nth(1).unwrap().to_string();
    assert!(title.contains("Observator: Dirk Visscher"), "{title}");
    assert!(!title.contains(COLLEAGUE), "{title}");
    let today: Vec<Observation> = app
        .store
        .observations_of(w.tom.id)
        .unwrap()
        .into_iter()
        .filter(|o| o.date == day("2026-11-20"))
        .collect();
    let by: Vec<&str> = today.iter().map(|o| o.by.as_str()).collect();
    assert_eq!(by, [COLLEAGUE, "Dirk Visscher"], "two observations today");
    assert!(today[0].marks.iter().all(|m| m.by == COLLEAGUE));
}

/// Handed over with the colleague's form open: the coach gets a form of their own, and their
/// mark does not go into the colleague's observation.
#[test]
fn a_form_handed_over_to_whom_it_is_hidden_starts_over() {
    let mut w = world();
    tom_marked(&w);
    let colleague = w.person(COLLEAGUE);
    let coach = w.person("Dirk Visscher");
    let app = &mut w.app;
    sign_in(app, &colleague);
    open_child(app, w.tom.id);
    press(app, "o");
    hand_over(app, &coach);
    let Screen::Observe(form) = app.screen() else {
        panic!("the form stays open: {}", shot(app))
    };
    assert_eq!(form.observation.by, "Dirk Visscher");
    assert!(form.observation.marks.is_empty(), "none of the colleague's");
}
