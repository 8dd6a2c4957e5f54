//! Observations and form templates in the store.

use chrono::NaiveDate;

use super::tests::{date, fresh, sig};
use super::*;
use crate::domain::form::{FormTemplate, Mark};
use crate::domain::AuditAction;
use crate::domain::{GroupKind, Observation};
use crate::templates;

fn kdv() -> FormTemplate {
    templates::builtin().into_iter().next().unwrap()
}

/// A store with one child in one KDV group, and the child's id.
fn with_child() -> (tempfile::TempDir, Store, Id) {
    let (dir, store) = fresh();
    let group = store
        .add_group("De Vlinders", GroupKind::Kdv, "", &sig())
        .unwrap();
    let child = store
        .add_child(group.id, "Zoë", "de Vries", date("2023-04-01"), &sig())
        .unwrap();
    (dir, store, child.id)
}

pub(super) fn observe(store: &Store, child: Id, day: &str, marks: &[(&str, Mark)]) -> Observation {
    let template = kdv();
    let id = store.new_observation_id().unwrap();
    let mut obs = Observation::new(id, child, &template, date(day), "Anouk");
    for (item, mark) in marks {
        obs.set_mark(item, Some(*mark), &sig().by, sig().at);
        store
            .save_observation(&obs, &template, AuditAction::ObservationMark, item, &sig())
            .unwrap();
    }
    obs
}

pub(super) fn item(n: usize) -> String {
    kdv().items().nth(n).unwrap().1.id.clone()
}

#[test]
fn observations_are_kept_per_child_oldest_first() {
    let (_dir, store, child) = with_child();
    assert!(store.observations_of(child).unwrap().is_empty());
    let first = observe(&store, child, "2026-09-01", &[(&item(0), Mark::Often)]);
    let second = observe(&store, child, "2026-11-20", &[(&item(1), Mark::Sometimes)]);
    let all = store.observations_of(child).unwrap();
    assert_eq!(all, vec![first, second.clone()]);
    let newest = store.newest_observations(child, 1, Some).unwrap();
    assert_eq!(newest, [second]);
    assert!(store.observations_of(child + 1000).unwrap().is_empty());
}

#[test]
fn the_newest_kept_observation_is_read_newest_first_and_stops_there() {
    let (_dir, store, child) = with_child();
    let none = store.newest_observation(child, Some).unwrap();
    assert!(none.is_none());
    let first = observe(&store, child, "2026-09-01", &[(&item(0), Mark::Often)]);
    let second = observe(&store, child, "2026-10-01", &[(&item(1), Mark::Sometimes)]);
    let third = observe(&store, child, "2026-11-20", &[(&item(2), Mark::Often)]);
    let mut seen = Vec::new();
    let kept = store
        .newest_observation(child, |obs| {
            seen.push(obs.id);
            (obs.id != third.id).then_some(obs.date)
        })
        .unwrap();
    // The third is passed over, the second kept, the first never read.
    assert_eq!(kept, Some(second.date));
    assert_eq!(seen, vec![third.id, second.id]);
    assert!(!seen.contains(&first.id));
    let nothing = store.newest_observation(child, |_| None::<()>).unwrap();
    assert!(nothing.is_none());
    // Another child's observations are not under this child's prefix.
    let other = store.newest_observation(child + 1000, Some).unwrap();
    assert!(other.is_none());
}

#[test]
fn the_newest_few_are_read_newest_first_up_to_the_limit_kept() {
    let (_dir, store, child) = with_child();
    let made: Vec<Observation> = (1..=5)
        .map(|n| {
            observe(
                &store,
                child,
                &format!("2026-0{n}-01"),
                &[(&item(n), Mark::Often)],
            )
        })
        .collect();
    let mut read = Vec::new();
    let kept = store
        .newest_observations(child, 2, |obs| {
            read.push(obs.id);
            (obs.id != made[4].id).then_some(obs.id)
        })
        .unwrap();
    // The newest passed over, the next two kept, the two before never read.
    assert_eq!(kept, [made[3].id, made[2].id]);
    assert_eq!(read, [made[4].id, made[3].id, made[2].id]);
    assert!(store
        .newest_observations(child, 0, Some)
        .unwrap()
        .is_empty());
    assert_eq!(store.newest_observations(child, 9, Some).unwrap().len(), 5);
    assert!(store
        .newest_observations(child + 1, 9, Some)
        .unwrap()
        .is_empty());
}

#[test]
fn the_copy_of_the_newest_follows_marks_on_older_ones_and_a_newest_that_goes() {
    let (_dir, store, child) = with_child();
    let copy = |store: &Store| store.newest_observation(child, |o| Some(o.id)).unwrap();
    let mut older = observe(&store, child, "2026-09-01", &[(&item(0), Mark::Often)]);
    let mut newest = observe(&store, child, "2026-10-01", &[(&item(1), Mark::Often)]);
    assert_eq!(copy(&store), Some(newest.id));
    // A mark on the older one leaves the newest the newest.
    older.set_mark(&item(2), Some(Mark::Sometimes), &sig().by, sig().at);
    store
        .save_observation(
            &older,
            &kdv(),
            AuditAction::ObservationMark,
            &item(2),
            &sig(),
        )
        .unwrap();
    assert_eq!(copy(&store), Some(newest.id));
    // The newest's last mark taken back: it goes, and the older one is the newest again.
    newest.set_mark(&item(1), None, &sig().by, sig().at);
    store
        .save_observation(
            &newest,
            &kdv(),
            AuditAction::ObservationMark,
            &item(1),
            &sig(),
        )
        .unwrap();
    assert_eq!(store.observations_of(child).unwrap(), [older.clone()]);
    let read = store.newest_observation(child, Some).unwrap();
    assert_eq!(read, Some(older.without_text()));
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn the_newest_observation_is_read_from_its_copy_without_text() {
    let (_dir, store, child) = with_child();
    observe(&store, child, "2026-09-01", &[(&item(0), Mark::Often)]);
    let mut newest = observe(&store, child, "2026-10-01", &[(&item(1), Mark::Often)]);
    newest.set_note(&item(1), "Huilt bij het brengen", "Anouk", sig().at);
    newest.parents_view = "Thuis ook".into();
    store
        .save_observation(
            &newest,
            &kdv(),
            AuditAction::ObservationNote,
            &item(1),
            &sig(),
        )
        .unwrap();
    let read = store.newest_observation(child, Some).unwrap().unwrap();
    assert_eq!(read, newest.clone().without_text());
    assert_eq!(read.marks[0].item, item(1));
    assert!(read.marks[0].note.is_empty() && read.parents_view.is_empty());
    // The copy is what is read: changed behind the store's back, it shows (check finds it).
    let key = codec::id_key(child);
    let trees = store.trees().unwrap();
    let mut tampered = newest.clone().without_text();
    tampered.by = "Iemand anders".into();
    trees
        .newest_observation
        .insert(key, codec::encode(&tampered))
        .unwrap();
    let read = store.newest_observation(child, |o| Some(o.by)).unwrap();
    assert_eq!(read.as_deref(), Some("Iemand anders"));
    assert_eq!(
        store.check().unwrap(),
        [crate::export::Inconsistency::NewestObservationDiffers(
            child
        )]
    );
    // An unreadable copy is passed over for the records.
    trees
        .newest_observation
        .insert(key, b"garbage{".to_vec())
        .unwrap();
    let read = store.newest_observation(child, |o| Some(o.id)).unwrap();
    assert_eq!(read, Some(newest.id));
    assert!(store.rebuild_derived().unwrap());
    assert!(store.check().unwrap().is_empty());
    let read = store.newest_observation(child, Some).unwrap().unwrap();
    assert_eq!(read, newest.without_text());
}

#[test]
fn every_mark_is_audited_and_stores_its_template_version_once() {
    let (_dir, store, child) = with_child();
    let before = store.audit().unwrap().len();
    let obs = observe(
        &store,
        child,
        "2026-11-20",
        &[(&item(0), Mark::Sometimes), (&item(2), Mark::Often)],
    );
    let audit = store.audit().unwrap();
    assert_eq!(audit.len(), before + 2);
    let last = audit.last().unwrap();
    assert_eq!(last.action, "observation.mark");
    assert_eq!(last.target, format!("observation:{}/{}", obs.id, item(2)));
    assert_eq!(last.by, sig().by);
    let stored = store.form_templates().unwrap();
    assert_eq!(stored, vec![kdv()]);
}

#[test]
fn a_mark_with_another_template_version_or_no_child_is_refused() {
    let (_dir, store, child) = with_child();
    let template = kdv();
    let mut newer = template.clone();
    newer.version += 1;
    let obs = Observation::new(99, child, &template, date("2026-11-20"), "Anouk");
    assert!(store
        .save_observation(&obs, &newer, AuditAction::ObservationMark, "x", &sig())
        .is_err());
    let orphan = Observation::new(98, child + 500, &template, date("2026-11-20"), "Anouk");
    assert!(store
        .save_observation(
            &orphan,
            &template,
            AuditAction::ObservationMark,
            "x",
            &sig()
        )
        .is_err());
    assert!(store.observations_of(child).unwrap().is_empty());
}

#[test]
fn a_stored_template_version_cannot_change_wording() {
    let (_dir, store) = fresh();
    let template = kdv();
    assert_eq!(
        store.add_form_template(&template, &sig()).unwrap(),
        TemplateAdded::Added
    );
    assert_eq!(
        store.add_form_template(&template, &sig()).unwrap(),
        TemplateAdded::AlreadyThere
    );
    let mut reworded = template.clone();
    reworded.sections[0].items[0].text.nl = "anders".into();
    let err = store.add_form_template(&reworded, &sig()).unwrap_err();
    assert!(err.to_string().contains("raise the version"), "{err}");
    reworded.version += 1;
    assert_eq!(
        store.add_form_template(&reworded, &sig()).unwrap(),
        TemplateAdded::Added
    );
    assert_eq!(store.form_templates().unwrap().len(), 2);
    assert_eq!(
        store
            .form_template(&template.id, template.version)
            .unwrap()
            .unwrap(),
        template
    );
}

#[test]
fn observations_survive_reopening_and_round_trip_through_export() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("db");
    let obs = {
        let store = Store::open(&path).unwrap();
        let group = store.add_group("A", GroupKind::Kdv, "", &sig()).unwrap();
        let child = store
            .add_child(group.id, "Zoë", "", date("2023-04-01"), &sig())
            .unwrap();
        let mut obs = observe(&store, child.id, "2026-11-20", &[(&item(3), Mark::Often)]);
        obs.set_note(&item(3), "ë en ĳ", "Anouk", sig().at);
        store
            .save_observation(&obs, &kdv(), AuditAction::ObservationNote, &item(3), &sig())
            .unwrap();
        obs
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.observations_of(obs.child_id).unwrap().pop(),
        Some(obs.clone())
    );

    let data = store.export(sig().at).unwrap();
    assert_eq!(data.observations, vec![obs.clone()]);
    let exported: Vec<&str> = data.form_templates.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        exported,
        ["kdv-0-4", "bso-4-12"],
        "the built-in forms, stored or not"
    );
    let copy = tempfile::TempDir::new().unwrap();
    let other = Store::open(&copy.path().join("db")).unwrap();
    other.import(&data).unwrap();
    assert_eq!(
        other.observations_of(obs.child_id).unwrap(),
        vec![obs.clone()]
    );
    assert!(other.check().unwrap().is_empty());
    // Fresh ids stay above the imported observation's.
    assert!(other.new_observation_id().unwrap() > obs.id);
}

#[test]
fn import_rejects_observations_that_do_not_fit() {
    let (_dir, store, child) = with_child();
    observe(&store, child, "2026-11-20", &[(&item(0), Mark::Often)]);
    let good = store.export(sig().at).unwrap();

    let mut orphan = good.clone();
    orphan.observations[0].child_id = 4242;
    let mut unknown_item = good.clone();
    unknown_item.observations[0].marks[0].item = "nope.nope".into();
    let mut unknown_template = good.clone();
    unknown_template.observations[0].version = 77;
    let mut twice = good.clone();
    let again = twice.observations[0].marks[0].clone();
    twice.observations[0].marks.push(again);

    let mut unknown_form = good.clone();
    unknown_form.groups[0].forms = vec!["gone".into()];

    for (bad, expected) in [
        (unknown_form, "uses form template \"gone\""),
        (orphan, "does not exist"),
        (unknown_item, "does not have"),
        (unknown_template, "neither in the export nor built in"),
        (twice, "more than once"),
    ] {
        let target = tempfile::TempDir::new().unwrap();
        let fresh = Store::open(&target.path().join("db")).unwrap();
        let err = fresh.import(&bad).unwrap_err().to_string();
        assert!(err.contains(expected), "{expected:?} not in {err}");
        assert!(fresh.is_empty());
        assert!(fresh.form_templates().unwrap().is_empty());
    }
}

#[test]
fn an_observation_whose_last_mark_is_taken_back_is_removed() {
    let (_dir, store, child) = with_child();
    let first = observe(&store, child, "2026-09-01", &[(&item(0), Mark::Often)]);
    let mut today = observe(&store, child, "2026-11-20", &[(&item(1), Mark::Sometimes)]);
    today.set_mark(&item(1), None, "Anouk", sig().at);
    store
        .save_observation(
            &today,
            &kdv(),
            AuditAction::ObservationMark,
            &item(1),
            &sig(),
        )
        .unwrap();
    assert_eq!(store.observations_of(child).unwrap(), vec![first.clone()]);
    assert_eq!(store.observations_of(child).unwrap().pop(), Some(first));
    let last = store.audit().unwrap().pop().unwrap();
    assert_eq!(last.target, format!("observation:{}/{}", today.id, item(1)));
}

#[test]
fn the_date_of_an_observation_is_a_plain_date() {
    let (_dir, store, child) = with_child();
    let obs = observe(&store, child, "2026-02-28", &[(&item(0), Mark::Sometimes)]);
    assert_eq!(obs.date, NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
}

#[test]
fn a_mark_leaves_the_directory_count_and_a_card_or_staff_member_moves_it() {
    let (_dir, store, child) = with_child();
    let before = (store.changes(), store.directory_changes());
    observe(&store, child, "2026-09-01", &[(&item(0), Mark::Often)]);
    assert!(store.changes() > before.0, "a mark is a write");
    assert_eq!(
        store.directory_changes(),
        before.1,
        "a mark is not the directory"
    );
    let card = crate::domain::Contact::named(0, "Wijkteam Noord");
    store.save_contact(&card, &sig()).unwrap();
    assert_eq!(store.directory_changes(), before.1 + 1);
    store
        .add_staff("Ilse Bakker", crate::domain::Role::Staff, &[], &sig())
        .unwrap();
    assert_eq!(store.directory_changes(), before.1 + 2);
}
