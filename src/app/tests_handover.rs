//! The handover to school on the child's screen (`s`), driven by keys: the form opened, filled
//! and saved as one audited `handover.save`, read back from the store and shown on the child's
//! screen; prefilled from the latest observation without any Meldcode item; refused to the
//! coach; for a BSO child the talk with the school instead.

use chrono::{Months, NaiveDate};

use super::screens::child_record::RecordForm;
use super::screens::handover::HandoverForm;
use super::test_support::{self, child_screen, now, press, select_child_where, type_text, User};
use super::*;
use crate::domain::form::{FormTemplate, Item, Mark};
use crate::domain::{GroupKind, Id, Observation, Role};
use crate::i18n::Lang;

/// The demo app with the first `role` at the keyboard, on the child screen of a child of 3
/// years 10 months added just now to the first group of `kind` they see.
fn near_four(role: Role, kind: GroupKind) -> (tempfile::TempDir, App, Id) {
    let (dir, mut app) = test_support::app(true, Lang::Nl, User::FirstWith(role));
    for _ in 0..20 {
        let Screen::Groups(s) = app.screen() else {
            panic!("the groups list")
        };
        if s.list.selected().is_some_and(|r| r.group.kind == kind) {
            break;
        }
        press(&mut app, "Down");
    }
    press(&mut app, "Enter");
    let Screen::Children(s) = app.screen() else {
        panic!("the children of a group")
    };
    assert_eq!(s.group.kind, kind, "a group of this kind is shown");
    let born = now().date_naive() - Months::new(46);
    let child = app
        .store
        .add_child(s.group.id, "Jip", "Vermeulen", born, &app.signature())
        .unwrap();
    app.reload();
    select_child_where(&mut app, |_, c| c.id == child.id);
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Child(_)), "the child screen");
    (dir, app, child.id)
}

/// The open handover form and its error, if one is open.
fn handover_form(app: &App) -> Option<(&HandoverForm, Option<&String>)> {
    match &child_screen(app).record {
        Some(modal::Modal::Form(form)) => match &form.fields {
            RecordForm::Handover(f) => Some((f, form.error.as_ref())),
            _ => None,
        },
        _ => None,
    }
}

fn tab(app: &mut App, times: usize) {
    for _ in 0..times {
        press(app, "Tab");
    }
}

#[test]
fn staff_write_the_handover_and_it_is_saved_audited_and_shown() {
    let (_dir, mut app, child) = near_four(Role::Staff, GroupKind::Kdv);
    press(&mut app, "s");
    let (form, _) = handover_form(&app).expect("the handover form opens");
    assert!(!form.bso);
    let domains = form.development.len();
    assert!(domains >= 4, "one text per domain of the form: {domains}");
    assert!(
        form.development.iter().all(|(_, t)| t.value.is_empty()),
        "never observed: nothing to prefill"
    );
    assert!(
        !form
            .development
            .iter()
            .any(|(key, _)| key == "Omstandigheden"),
        "a domain of Meldcode signals only is no development domain"
    );
    let warning = crate::app::fields::Fields::warning(form, Lang::Nl).unwrap_or_default();
    assert!(
        warning.contains("nog niet gevraagd") && warning.contains("(t)"),
        "the consent to school, read-only, with the key to record it: {warning}"
    );
    type_text(&mut app, "Basisschool De Regenboog");
    press(&mut app, "Tab");
    type_text(&mut app, "Zoekt contact met andere kinderen.");
    tab(&mut app, domains);
    type_text(&mut app, "Dinosaurussen");
    press(&mut app, "Tab");
    type_text(&mut app, "Een vaste plek in de kring");
    press(&mut app, "Tab");
    type_text(&mut app, "Thuis kletst ze honderduit.");
    press(&mut app, "Tab");
    // Before the birth: refused, the form stays with what was typed.
    type_text(&mut app, "01-01-2020");
    press(&mut app, "Enter");
    refused_then_cleared(&mut app, &["geboortedatum"]);
    type_text(&mut app, "15-06-2027");
    press(&mut app, "Tab");
    type_text(&mut app, "juf Anna, intern begeleider");
    press(&mut app, "Enter");
    assert!(handover_form(&app).is_none(), "saved: the form closes");

    let h = app.store.handover(child).unwrap().expect("stored");
    assert_eq!(h.school, "Basisschool De Regenboog");
    assert_eq!(h.interests, "Dinosaurussen");
    assert_eq!(h.what_helps, "Een vaste plek in de kring");
    assert_eq!(h.parents_view, "Thuis kletst ze honderduit.");
    assert_eq!(h.warm_handover_on, "2027-06-15".parse().ok());
    assert_eq!(h.spoken_with, "juf Anna, intern begeleider");
    assert_eq!(
        h.development
            .get("Welbevinden en betrokkenheid")
            .map(String::as_str),
        Some("Zoekt contact met andere kinderen."),
        "keyed by the domain's Dutch name; empty domains left out: {:?}",
        h.development
    );
    assert_eq!(h.development.len(), 1);
    assert_eq!(h.by, app.user.as_ref().unwrap().name);
    let last = app.store.audit().unwrap().pop().unwrap();
    assert_eq!(last.action, "handover.save");
    assert_eq!(last.target, format!("child:{child}/handover"));
    assert_eq!(child_screen(&app).handover.as_deref(), Some(&h), "shown");

    // Opened again: what was saved, not a prefill.
    press(&mut app, "s");
    let (form, _) = handover_form(&app).expect("opens again");
    assert_eq!(form.school.value, "Basisschool De Regenboog");
    assert_eq!(
        form.development[0].1.value,
        "Zoekt contact met andere kinderen."
    );
}

#[test]
fn the_coach_may_not_open_a_handover() {
    let (_dir, mut app, child) = near_four(Role::Coach, GroupKind::Kdv);
    press(&mut app, "s");
    assert!(handover_form(&app).is_none(), "refused");
    let status = app.status.as_ref().expect("says why");
    assert!(status.error, "{status:?}");
    assert!(child_screen(&app).handover.is_none());
    assert!(app.store.handover(child).unwrap().is_none());
}

#[test]
fn the_prefill_holds_the_latest_marks_per_domain_and_never_a_meldcode_item() {
    // The admin reads every Meldcode mark, so only the prefill itself can keep one out.
    let (_dir, mut app, child) = near_four(Role::Admin, GroupKind::Kdv);
    let (template, plain, signal) = kdv_items(&app);
    let today = now().date_naive();
    observe(
        &app,
        child,
        &template,
        today,
        &[(&plain, Mark::Often), (&signal, Mark::Sometimes)],
    );
    let all = prefilled(&mut app);
    assert!(all.contains(&format!("{} (vaak)", plain.text.nl)), "{all}");
    assert!(!all.contains(&signal.text.nl), "no Meldcode item: {all}");
}

/// A fresh tester: an observation today with only a Meldcode mark emptied the prefill, though an
/// earlier one had seven marks. The prefill comes from the latest with something to pass on.
#[test]
fn a_later_observation_with_only_a_meldcode_mark_leaves_the_earlier_prefill() {
    let (_dir, mut app, child) = near_four(Role::Admin, GroupKind::Kdv);
    let (template, plain, signal) = kdv_items(&app);
    let today = now().date_naive();
    observe(
        &app,
        child,
        &template,
        today - chrono::Days::new(30),
        &[(&plain, Mark::Often)],
    );
    observe(&app, child, &template, today, &[(&signal, Mark::Often)]);
    let all = prefilled(&mut app);
    assert!(all.contains(&format!("{} (vaak)", plain.text.nl)), "{all}");
    assert!(!all.contains(&signal.text.nl), "{all}");
}

/// The built-in KDV form, with an item that may go outside and a Meldcode-flagged one.
fn kdv_items(app: &App) -> (FormTemplate, Item, Item) {
    let template = app
        .catalogue
        .current()
        .into_iter()
        .find(|t| t.id == "kdv-0-4")
        .expect("the built-in KDV form")
        .clone();
    let (_, plain) = template.items().find(|(_, i)| !i.meldcode).unwrap();
    let (_, signal) = template.items().find(|(_, i)| i.meldcode).unwrap();
    let (plain, signal) = (plain.clone(), signal.clone());
    (template, plain, signal)
}

/// Saves an observation of `child` on `day` with `marks`, as the form writes one.
fn observe(app: &App, child: Id, template: &FormTemplate, day: NaiveDate, marks: &[(&Item, Mark)]) {
    let sig = app.signature();
    let id = app.store.new_observation_id().unwrap();
    let mut obs = Observation::new(id, child, template, day, &sig.by);
    for (item, mark) in marks {
        obs.set_mark(&item.id, Some(*mark), &sig.by, sig.at);
    }
    let action = crate::domain::AuditAction::ObservationMark;
    app.store
        .save_observation(&obs, template, action, &marks[0].0.id, &sig)
        .unwrap();
}

/// `s` on the child: the handover form's development texts, one per line.
fn prefilled(app: &mut App) -> String {
    app.reload();
    press(app, "s");
    let (form, _) = handover_form(app).expect("the handover form opens");
    let texts: Vec<&str> = form
        .development
        .iter()
        .map(|(_, t)| t.value.as_str())
        .collect();
    texts.join("\n")
}

#[test]
fn a_bso_child_gets_the_talk_with_the_school() {
    let (_dir, mut app, child) = near_four(Role::Admin, GroupKind::Bso);
    press(&mut app, "s");
    let (form, _) = handover_form(&app).expect("the form opens");
    assert!(form.bso);
    assert_eq!(
        crate::app::fields::Fields::fields(form).len(),
        4,
        "school, date, with whom, agreed"
    );
    type_text(&mut app, "OBS De Klimop");
    press(&mut app, "Tab");
    type_text(&mut app, "02-12-2026");
    press(&mut app, "Tab");
    type_text(&mut app, "meester Karim (ib)");
    press(&mut app, "Tab");
    type_text(
        &mut app,
        "Na schooltijd eerst even rustig; wekelijks kort contact.",
    );
    press(&mut app, "Enter");
    assert!(handover_form(&app).is_none(), "saved");
    let h = app.store.handover(child).unwrap().expect("stored");
    assert_eq!(h.school, "OBS De Klimop");
    assert_eq!(h.warm_handover_on, "2026-12-02".parse().ok());
    assert_eq!(h.spoken_with, "meester Karim (ib)");
    assert_eq!(
        h.what_helps,
        "Na schooltijd eerst even rustig; wekelijks kort contact."
    );
    assert!(h.development.is_empty() && h.parents_view.is_empty());
}

/// The row of `child` in the children list the app shows now.
fn list_row(app: &App, child: Id) -> super::screens::ChildRow {
    let Screen::Children(s) = app.screen() else {
        panic!("the children list")
    };
    s.list
        .items()
        .find(|r| r.child.id == child)
        .unwrap()
        .clone()
}

#[test]
fn an_empty_form_writes_nothing_and_the_list_and_the_child_screen_agree() {
    let (_dir, mut app, child) = near_four(Role::Staff, GroupKind::Kdv);
    let trail = app.store.audit().unwrap().len();
    press(&mut app, "s");
    press(&mut app, "Enter");
    assert!(handover_form(&app).is_none(), "the form closes");
    let status = app.status.as_ref().expect("says so");
    assert!(
        !status.error && status.text.contains("niets opgeslagen"),
        "{status:?}"
    );
    assert!(
        app.store.handover(child).unwrap().is_none(),
        "nothing saved"
    );
    assert_eq!(app.store.audit().unwrap().len(), trail, "nothing audited");
    press(&mut app, "Esc");
    let flag = list_row(&app, child).to_school.expect("going to school");
    assert!(!flag.handover, "no ✓ for what is not written");

    // Only the interests: a handover written, without a school yet; both screens agree.
    press(&mut app, "Enter");
    press(&mut app, "s");
    let domains = handover_form(&app).expect("opens").0.development.len();
    tab(&mut app, 1 + domains);
    type_text(&mut app, "Dinosaurussen");
    press(&mut app, "Enter");
    let h = app.store.handover(child).unwrap().expect("saved");
    assert!(h.is_written() && h.school.is_empty());
    assert!(child_screen(&app)
        .handover
        .as_ref()
        .is_some_and(|h| h.is_written()));
    press(&mut app, "Esc");
    assert!(list_row(&app, child).to_school.unwrap().handover, "✓");
}

#[test]
fn a_date_more_than_a_year_ahead_is_refused_and_a_bso_talk_before_birth_says_talk() {
    let (_dir, mut app, child) = near_four(Role::Staff, GroupKind::Bso);
    press(&mut app, "s");
    type_text(&mut app, "OBS De Klimop");
    press(&mut app, "Tab");
    type_text(&mut app, "01-01-2099");
    press(&mut app, "Enter");
    refused_then_cleared(&mut app, &["meer dan een jaar"]);
    type_text(&mut app, "01-01-2020");
    press(&mut app, "Enter");
    refused_then_cleared(&mut app, &["overleg met school", "geboortedatum"]);
    // A date after today within a year is a planned one.
    type_text(&mut app, "15-01-2027");
    press(&mut app, "Enter");
    assert!(handover_form(&app).is_none(), "saved");
    let h = app.store.handover(child).unwrap().expect("stored");
    assert_eq!(h.warm_handover_on, "2027-01-15".parse().ok());
}

#[test]
fn the_consent_form_of_a_bso_child_asks_to_pass_information_to_the_school() {
    for (kind, wanted) in [
        (GroupKind::Bso, "informatie delen met school"),
        (GroupKind::Kdv, "warme overdracht school"),
    ] {
        let (_dir, mut app, _) = near_four(Role::Staff, kind);
        press(&mut app, "t");
        let Some(modal::Modal::Form(form)) = &child_screen(&app).record else {
            panic!("the consent form")
        };
        let labels: Vec<String> = crate::app::fields::Fields::fields(&form.fields)
            .iter()
            .map(|f| f.shown(Lang::Nl).label.text(Lang::Nl).to_string())
            .collect();
        assert!(
            labels.iter().any(|l| l.ends_with(wanted)),
            "{kind:?}: {labels:?}"
        );
    }
}

/// The form refused what was typed with a message holding every one of `wanted`, and stays
/// open with it; the date typed last (10 characters) is then taken back.
fn refused_then_cleared(app: &mut App, wanted: &[&str]) {
    let (_, error) = handover_form(app).expect("refused: the form stays");
    assert!(
        error.is_some_and(|e| wanted.iter().all(|w| e.contains(w))),
        "{wanted:?}: {error:?}"
    );
    for _ in 0..10 {
        press(app, "Backspace");
    }
}
