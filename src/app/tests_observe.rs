//! The observation form, driven with key presses on a real store: marks and notes are on disk
//! when the screen shows them, today's form is continued, and the comparison finds what changed.

use chrono::Duration;
use tempfile::TempDir;

use super::test_support::{chr, now, press, type_text};
use super::*;
use crate::domain::form::{ChangeKind, Mark};
use crate::domain::AuditAction;
use crate::domain::Observation;
use crate::store::Signature;

fn on_new_child() -> (TempDir, App, crate::domain::Child) {
    super::test_support::on_new_child(Lang::En)
}

fn form(app: &App) -> &ObserveScreen {
    let Screen::Observe(s) = app.screen() else {
        panic!("expected the observation form")
    };
    s
}

fn stored(app: &App, child: u64) -> Vec<Observation> {
    app.store.observations_of(child).unwrap()
}

#[test]
fn o_opens_a_new_form_that_writes_nothing_until_the_first_mark() {
    let (_dir, mut app, child) = on_new_child();
    chr(&mut app, 'o');
    let screen = form(&app);
    assert_eq!(screen.child.id, child.id);
    assert_eq!(screen.observation.date, now().date_naive());
    assert_eq!(screen.saved, SaveState::Nothing);
    assert_eq!(screen.template.id, "kdv-0-4");
    press(&mut app, "Esc");
    assert!(stored(&app, child.id).is_empty(), "nothing written");
}

#[test]
fn space_cycles_the_mark_and_every_mark_is_on_disk_signed() {
    let (_dir, mut app, child) = on_new_child();
    let user = app.user.clone().unwrap().name;
    chr(&mut app, 'o');
    let first_item = form(&app).list.selected().unwrap().item.clone();
    chr(&mut app, ' ');
    assert_eq!(form(&app).saved, SaveState::Saved(now()));
    let on_disk = &stored(&app, child.id)[0];
    assert_eq!(on_disk.mark(&first_item), Some(Mark::Sometimes));
    assert_eq!(on_disk.marks[0].by, user);
    assert_eq!(on_disk.marks[0].at, now());
    assert_eq!(on_disk.by, user);

    chr(&mut app, ' ');
    assert_eq!(
        stored(&app, child.id)[0].mark(&first_item),
        Some(Mark::Often)
    );
    chr(&mut app, ' ');
    assert!(
        stored(&app, child.id).is_empty(),
        "an observation with nothing marked is not kept"
    );
    assert_eq!(form(&app).observation.mark(&first_item), None);

    // Three different items, three marks.
    for _ in 0..3 {
        chr(&mut app, ' ');
        press(&mut app, "Down");
    }
    let obs = &stored(&app, child.id)[0];
    assert_eq!(obs.marks.len(), 3);
    assert_eq!(
        form(&app).observation,
        *obs,
        "the screen shows what is on disk"
    );
    let audit = app.store.audit().unwrap();
    let last = audit.last().unwrap();
    assert_eq!(last.action, "observation.mark");
    assert_eq!(last.by, user);
}

#[test]
fn n_writes_a_note_with_dutch_characters() {
    let (_dir, mut app, child) = on_new_child();
    chr(&mut app, 'o');
    press(&mut app, "Down");
    let item = form(&app).list.selected().unwrap().item.clone();
    chr(&mut app, ' ');
    chr(&mut app, 'n');
    assert!(form(&app).modal.is_some(), "the note form");
    type_text(&mut app, "Zoë speelt ĳverig");
    press(&mut app, "Enter");
    assert!(form(&app).modal.is_none());
    let obs = &stored(&app, child.id)[0];
    assert_eq!(obs.note(&item), "Zoë speelt ĳverig");
    assert_eq!(
        app.store.audit().unwrap().last().unwrap().action,
        "observation.note"
    );
    // Esc in the note form changes nothing.
    chr(&mut app, 'n');
    type_text(&mut app, " extra");
    press(&mut app, "Esc");
    assert_eq!(stored(&app, child.id)[0].note(&item), "Zoë speelt ĳverig");
}

#[test]
fn the_same_day_continues_the_form_and_a_new_day_starts_a_new_one() {
    let (_dir, mut app, child) = on_new_child();
    chr(&mut app, 'o');
    chr(&mut app, ' ');
    press(&mut app, "Esc");
    chr(&mut app, 'o');
    let again = form(&app);
    assert_eq!(
        again.observation.marks.len(),
        1,
        "today's form is continued"
    );
    assert!(matches!(again.saved, SaveState::Saved(_)));
    press(&mut app, "Down");
    chr(&mut app, ' ');
    press(&mut app, "Esc");
    assert_eq!(stored(&app, child.id).len(), 1);

    app.clock = Clock::Fixed(now() + Duration::days(1));
    chr(&mut app, 'o');
    assert!(
        form(&app).observation.marks.is_empty(),
        "a new day, a new form"
    );
    chr(&mut app, ' ');
    let all = stored(&app, child.id);
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].date, now().date_naive() + Duration::days(1));
}

#[test]
fn the_children_list_shows_the_latest_observation() {
    let (_dir, mut app, child) = on_new_child();
    let row = |app: &App| {
        let Screen::Children(s) = app.screen() else {
            return None;
        };
        s.list.visible().find(|r| r.child.id == child.id).cloned()
    };
    assert_eq!(row(&app).unwrap().latest, None);
    chr(&mut app, 'o');
    // The first item of the KDV form is a strength, a worry item further down counts.
    let worry = form(&app)
        .template
        .items()
        .position(|(_, item)| item.concern)
        .unwrap();
    for _ in 0..worry {
        press(&mut app, "Down");
    }
    chr(&mut app, ' ');
    chr(&mut app, ' ');
    press(&mut app, "Esc");
    let latest = row(&app).unwrap().latest.unwrap();
    assert_eq!(latest.date, now().date_naive());
    assert_eq!(latest.concerns_often, 1);
}

#[test]
fn compare_shows_appeared_disappeared_and_changed() {
    let (_dir, mut app, child) = on_new_child();
    let template = crate::templates::builtin().into_iter().next().unwrap();
    let items: Vec<String> = template.items().map(|(_, i)| i.id.clone()).collect();
    let sig = Signature {
        by: "Test".into(),
        at: now() - Duration::days(60),
    };
    let mut before = Observation::new(
        app.store.new_observation_id().unwrap(),
        child.id,
        &template,
        sig.at.date_naive(),
        "Test",
    );
    before.set_mark(&items[0], Some(Mark::Sometimes), "Test", sig.at);
    before.set_mark(&items[1], Some(Mark::Often), "Test", sig.at);
    app.store
        .save_observation(
            &before,
            &template,
            AuditAction::ObservationMark,
            &items[1],
            &sig,
        )
        .unwrap();

    // Today: item 0 goes from sometimes to often, item 1 disappears, item 2 appears.
    chr(&mut app, 'w');
    assert!(
        app.status.as_ref().is_some_and(|s| s.error),
        "one observation: nothing to compare"
    );
    chr(&mut app, 'o');
    chr(&mut app, ' ');
    chr(&mut app, ' ');
    press(&mut app, "Down");
    press(&mut app, "Down");
    chr(&mut app, ' ');
    chr(&mut app, 'w');
    let Screen::Compare(s) = app.screen() else {
        panic!("expected the comparison");
    };
    let kinds: Vec<(String, ChangeKind)> = s
        .list
        .visible()
        .map(|r| (r.change.item.clone(), r.change.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (
                items[0].clone(),
                ChangeKind::Changed {
                    from: Mark::Sometimes,
                    to: Mark::Often
                }
            ),
            (items[1].clone(), ChangeKind::Disappeared(Mark::Often)),
            (items[2].clone(), ChangeKind::Appeared(Mark::Sometimes)),
        ]
    );
    press(&mut app, "Esc");
    assert!(matches!(app.screen(), Screen::Observe(_)));
}

#[test]
fn a_group_with_two_forms_asks_which_one() {
    let (_dir, mut app, child) = on_new_child();
    let mut own = crate::templates::builtin().into_iter().next().unwrap();
    own.id = "eigen-kdv".into();
    own.name.en = "Our own form".into();
    app.store.add_form_template(&own, &app.signature()).unwrap();
    app.load_catalogue();
    chr(&mut app, 'o');
    let Screen::PickForm(s) = app.screen() else {
        panic!("expected the form picker");
    };
    assert_eq!(s.list.visible_len(), 2);
    press(&mut app, "Down");
    press(&mut app, "Enter");
    assert_eq!(form(&app).template.id, "eigen-kdv");
    chr(&mut app, ' ');
    assert_eq!(stored(&app, child.id)[0].template, "eigen-kdv");
    // Back from the form goes to the list, not to the picker.
    press(&mut app, "Esc");
    assert!(matches!(app.screen(), Screen::Children(_)));
}

#[test]
fn a_filter_finds_an_item_by_its_words() {
    let (_dir, mut app, _child) = on_new_child();
    chr(&mut app, 'o');
    let template = form(&app).template.clone();
    let (_, wanted) = template.items().nth(20).unwrap();
    let word = wanted
        .text
        .en
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap();
    chr(&mut app, '/');
    type_text(&mut app, word);
    press(&mut app, "Enter");
    let selected = form(&app).list.selected().unwrap().item.clone();
    let text = &template.item(&selected).unwrap().1.text.en;
    assert!(
        text.to_lowercase().contains(&word.to_lowercase()),
        "{text} / {word}"
    );
    // Space marks the found item, not text in the filter.
    chr(&mut app, ' ');
    assert!(form(&app).observation.mark(&selected).is_some());
}

#[test]
fn a_full_disk_is_told_in_dutch_and_the_next_mark_is_saved_without_a_restart() {
    let (_dir, mut app, child) = super::test_support::on_new_child(Lang::Nl);
    chr(&mut app, 'o');
    let item = form(&app).list.selected().unwrap().item.clone();

    app.store.fail_next_writes(1);
    chr(&mut app, ' ');
    assert_eq!(form(&app).saved, SaveState::Failed, "shown as not saved");
    let status = app.status.as_ref().expect("a message");
    assert!(status.error);
    assert_eq!(
        status.text,
        "De schijf is vol: niets opgeslagen. Maak ruimte vrij en probeer opnieuw."
    );
    assert!(stored(&app, child.id).is_empty(), "nothing on disk");
    assert_eq!(form(&app).observation.mark(&item), None, "nor on screen");

    // Room again: the same key press now saves.
    chr(&mut app, ' ');
    assert_eq!(form(&app).saved, SaveState::Saved(now()));
    assert_eq!(stored(&app, child.id)[0].mark(&item), Some(Mark::Sometimes));
}

#[test]
fn filtering_the_form_for_a_word_puts_the_item_holding_it_first_and_space_marks_it() {
    let (_dir, mut app, child) = super::test_support::on_new_child(Lang::Nl);
    chr(&mut app, 'o');
    chr(&mut app, '/');
    type_text(&mut app, "bijt");
    let first = form(&app).list.selected().unwrap().item.clone();
    assert_eq!(first, "gedrag.pijn", "the item about biting comes first");
    press(&mut app, "Enter");
    chr(&mut app, ' ');
    assert_eq!(
        stored(&app, child.id)[0].mark("gedrag.pijn"),
        Some(Mark::Sometimes)
    );
}

#[test]
fn shift_w_writes_the_parents_view_on_disk_and_audited_as_a_note() {
    let (_dir, mut app, child) = on_new_child();
    chr(&mut app, 'o');
    chr(&mut app, 'W');
    type_text(&mut app, "Herkennen het thuis ook.");
    press(&mut app, "Enter");
    let obs = &stored(&app, child.id)[0];
    assert_eq!(obs.parents_view, "Herkennen het thuis ook.");
    assert!(obs.marks.is_empty(), "the view alone keeps the observation");
    assert_eq!(
        form(&app).observation,
        *obs,
        "the screen shows what is on disk"
    );
    let last = app.store.audit().unwrap().pop().unwrap();
    assert_eq!(last.action, AuditAction::ObservationNote.as_str());
    assert_eq!(last.target, format!("observation:{}/parents_view", obs.id));

    // Opened again, it holds the text; emptied, the empty observation goes.
    chr(&mut app, 'W');
    for _ in 0.."Herkennen het thuis ook.".len() {
        press(&mut app, "Backspace");
    }
    press(&mut app, "Enter");
    assert!(stored(&app, child.id).is_empty());
}

/// A form for the kdv with items for some ages only.
const AGED: &str = r#"
id = "leeftijd"
version = 1
name = { nl = "Leeftijd", en = "Ages" }
kinds = ["kdv", "peuteropvang"]

[[section]]
id = "a"
title = { nl = "Een", en = "One" }
items = [
  { id = "a.baby", nl = "Baby", en = "Baby item", max_months = 11 },
  { id = "a.peuter", nl = "Peuter", en = "Toddler item", min_months = 24 },
  { id = "a.iedereen", nl = "Iedereen", en = "Item for all" },
  { id = "a.later", nl = "Later", en = "Later item", min_months = 36 },
  { id = "a.dreumes", nl = "Dreumes", en = "Second-year item", min_months = 12, max_months = 23 },
]
"#;

/// The ids of the form's rows in order, each with whether it is outside the child's age.
fn rows(app: &App) -> Vec<(String, bool)> {
    let rows = form(app).list.visible();
    rows.map(|r| (r.item.clone(), r.outside_age)).collect()
}

#[test]
fn the_form_shows_the_items_for_the_age_and_what_was_written_outside_it_last() {
    let (_dir, mut app, child) = on_new_child();
    // The child's group uses only the form above.
    let sig = app.signature();
    let template = crate::templates::parse("leeftijd.toml", AGED).unwrap();
    app.store.add_form_template(&template, &sig).unwrap();
    let mut group = app.store.group(child.group_id).unwrap().unwrap();
    group.forms = vec!["leeftijd".into()];
    app.store
        .save_group(&group, AuditAction::GroupForms, &sig)
        .unwrap();
    app.load_catalogue();
    app.reload();
    let months = child.age_on(now().date_naive()).unwrap().in_months();
    assert!((24..36).contains(&months), "{months} months old");

    chr(&mut app, 'o');
    let own = |ids: &[&str]| {
        ids.iter()
            .map(|id| (id.to_string(), false))
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&app), own(&["a.peuter", "a.iedereen"]));
    assert_eq!(form(&app).age_in_months(), Some(months));
    press(&mut app, "Esc");

    // Today's observation has a mark and a note on items for other ages (as after a birth date
    // corrected since): they stay on the form, after the others, and can still be changed.
    let mut observation = Observation::new(
        app.store.new_observation_id().unwrap(),
        child.id,
        &template,
        now().date_naive(),
        &sig.by,
    );
    observation.set_mark("a.baby", Some(Mark::Often), &sig.by, sig.at);
    observation.set_note("a.later", "Wacht al op haar beurt", &sig.by, sig.at);
    app.store
        .save_observation(
            &observation,
            &template,
            AuditAction::ObservationMark,
            "a.baby",
            &sig,
        )
        .unwrap();
    chr(&mut app, 'o');
    let mut expected = own(&["a.peuter", "a.iedereen"]);
    expected.extend([("a.baby".to_string(), true), ("a.later".to_string(), true)]);
    assert_eq!(rows(&app), expected);
    assert_eq!(form(&app).observation, observation);
    press(&mut app, "End");
    press(&mut app, "Up");
    assert_eq!(form(&app).list.selected().unwrap().item, "a.baby");
    chr(&mut app, ' ');
    assert_eq!(stored(&app, child.id)[0].mark("a.baby"), None);

    // Filtering keeps them apart too.
    chr(&mut app, '/');
    type_text(&mut app, "item");
    let filtered: Vec<bool> = form(&app).list.visible().map(|r| r.outside_age).collect();
    assert_eq!(filtered, [false, false, true, true]);
}

#[test]
fn a_birth_date_after_the_observation_day_shows_every_item() {
    let (_dir, app, mut child) = on_new_child();
    child.birth_date = now().date_naive() + Duration::days(3);
    let template = crate::templates::parse("leeftijd.toml", AGED).unwrap();
    let group = app.store.group(child.group_id).unwrap().unwrap();
    let screen = ObserveScreen::start(&super::ctx_of!(app), child, group, template).unwrap();
    assert_eq!(screen.age_in_months(), None);
    assert_eq!(screen.list.visible().count(), 5);
    assert!(screen.list.visible().all(|r| !r.outside_age));
}

/// On the demo's first group (a kdv), the form of the first child of `months` months old.
fn demo_form_at(app: &mut App, months: u32) -> Vec<String> {
    super::test_support::select_child_where(app, |_, child| {
        child.age_on(now().date_naive()).map(|a| a.in_months()) == Some(months)
    });
    chr(app, 'o');
    assert_eq!(form(app).age_in_months(), Some(months));
    let ids = form(app).list.visible().map(|r| r.item.clone()).collect();
    press(app, "Esc");
    ids
}

#[test]
fn the_demos_baby_gets_baby_items_and_its_three_year_old_the_older_ones() {
    let (_dir, mut app) = super::test_support::signed_in(Lang::Nl);
    press(&mut app, "Enter");
    let has = |ids: &[String], id: &str| ids.iter().any(|i| i == id);
    let baby = demo_form_at(&mut app, 10);
    for id in [
        "sociaal.baby_oogcontact",
        "taal.baby_stem",
        "motoriek.baby_omrollen",
    ] {
        assert!(has(&baby, id), "{id}: {baby:?}");
    }
    for id in [
        "gedrag.regels",
        "spel.beurt",
        "taal.opdracht",
        "taal.dreumes_woorden",
    ] {
        assert!(!has(&baby, id), "{id}: {baby:?}");
    }
    // Every domain, the Meldcode signals too.
    assert!(has(&baby, "omstandigheden.letsel"));

    let older = demo_form_at(&mut app, 43);
    for id in [
        "gedrag.regels",
        "spel.beurt",
        "taal.opdracht",
        "taal.verstaanbaar",
    ] {
        assert!(has(&older, id), "{id}: {older:?}");
    }
    let young = older
        .iter()
        .filter(|id| id.contains(".baby_") || id.contains(".dreumes_"));
    assert_eq!(young.count(), 0, "{older:?}");

    let second_year = demo_form_at(&mut app, 14);
    assert!(has(&second_year, "taal.dreumes_woorden"));
    assert!(!has(&second_year, "gedrag.regels") && !has(&second_year, "spel.beurt"));
}
