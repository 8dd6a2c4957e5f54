//! The demo's observations.

use super::*;

#[test]
fn the_default_demo_has_observations_with_their_templates() {
    assert_eq!(
        defaults().observations_per_child,
        2,
        "the documented default"
    );
    let data = generate(&defaults(), now());
    assert!(data.observations.len() > data.children.len());
    let used: Vec<(&str, u32)> = data
        .form_templates
        .iter()
        .map(|t| (t.id.as_str(), t.version))
        .collect();
    assert_eq!(used, [("kdv-0-4", 2), ("bso-4-12", 1)]);
    assert_eq!(data.form_templates[0], crate::templates::builtin()[0]);
}

#[test]
fn same_seed_gives_same_observations_and_another_seed_others() {
    let a = generate(&with_observations(8, 4, 3), now());
    let b = generate(&with_observations(8, 4, 3), now());
    assert_eq!(json(&a), json(&b));
    let c = generate(&with_observations(9, 4, 3), now());
    let marks = |e: &Export| serde_json::to_string(&e.observations).unwrap();
    assert_ne!(marks(&a), marks(&c));
}

#[test]
fn no_observations_asked_gives_none_and_the_same_other_data() {
    let none = generate(&with_observations(1, 3, 0), now());
    assert!(none.observations.is_empty());
    assert!(none.form_templates.is_empty());
    let some = generate(&with_observations(1, 3, 2), now());
    // Observations come last, so asking for them changes nothing else but the consent the
    // trajectories they lead to recorded with the parents (kept on the child), and the contact
    // cards linked to the children of those trajectories and handovers.
    let without_consent = |e: &Export| {
        let mut children = e.children.clone();
        children.iter_mut().for_each(|c| {
            c.consent = Default::default();
            c.contacts.clear();
        });
        json(&children)
    };
    assert_eq!(without_consent(&none), without_consent(&some));
    assert_eq!(json(&none.staff), json(&some.staff));
}

#[test]
fn observations_have_no_problems_and_load_into_a_fresh_store() {
    for args in [
        defaults(),
        with_observations(2, 6, 1),
        with_observations(3, 3, 5),
    ] {
        let data = generate(&args, now());
        assert_eq!(data.problems(), Vec::<String>::new());
        let (_dir, store) = loaded(&data);
        let back = store.export(now()).unwrap();
        assert_eq!(json(&back.observations), json(&data.observations));
        // Every template the demo used comes back (with the other built-in ones).
        assert!(
            data.form_templates
                .iter()
                .all(|t| back.form_templates.contains(t)),
            "the same templates come back"
        );
        // The store finds a child's latest observation by id order: it must be the newest.
        for child in &data.children {
            let newest = data
                .observations
                .iter()
                .filter(|o| o.child_id == child.id)
                .max_by_key(|o| o.date);
            let latest = store.observations_of(child.id).unwrap().pop();
            assert_eq!(latest.as_ref(), newest, "{}", child.full_name());
        }
    }
}

#[test]
fn observations_are_signed_dated_and_sized_like_real_ones() {
    let data = generate(&with_observations(5, 9, 4), now());
    let today = now().date_naive();
    let workers: HashSet<&str> = data
        .staff
        .iter()
        .filter(|s| s.role == Role::Staff)
        .map(|s| s.name.as_str())
        .collect();
    let children: HashMap<Id, &Child> = data.children.iter().map(|c| (c.id, c)).collect();
    let mut often = 0;
    let mut notes = 0;
    let mut marks = 0;
    for obs in &data.observations {
        assert!(workers.contains(obs.by.as_str()), "{}", obs.by);
        assert!(obs.date < today && obs.date > children[&obs.child_id].birth_date);
        assert!((3..=10).contains(&obs.marks.len()), "{obs:?}");
        assert!(obs.notes.is_empty());
        let template = crate::templates::builtin()
            .into_iter()
            .find(|t| t.id == obs.template)
            .unwrap();
        for mark in &obs.marks {
            assert_eq!(mark.by, obs.by);
            assert_eq!(mark.at.date_naive(), obs.date);
            assert_eq!(mark.at.offset(), now().offset());
            assert!(!template.item(&mark.item).unwrap().1.meldcode);
            often += usize::from(mark.mark == Mark::Often);
            notes += usize::from(!mark.note.is_empty());
            marks += 1;
        }
    }
    assert!(often * 5 > marks && often * 2 < marks, "{often} of {marks}");
    assert!(
        notes * 10 > marks && notes * 2 < marks,
        "{notes} of {marks}"
    );
    // Ids after the children's, in order, with no gap.
    let first = data.children.iter().map(|c| c.id).max().unwrap() + 1;
    let ids: Vec<Id> = data.observations.iter().map(|o| o.id).collect();
    assert_eq!(ids, (first..first + ids.len() as Id).collect::<Vec<_>>());
    // The trajectories' ids come next.
    let next = data.trajectories.first().map(|t| t.id);
    assert_eq!(next, Some(first + ids.len() as Id));
}

#[test]
fn observations_are_weeks_apart_and_change_between_them() {
    let data = generate(&with_observations(6, 9, 3), now());
    let today = now().date_naive();
    let (mut recent, mut stale, mut changed, mut pairs) = (0, 0, 0, 0);
    let (mut appeared, mut disappeared, mut more_often, mut kept) = (0, 0, 0, 0);
    for child in &data.children {
        let own: Vec<&Observation> = data
            .observations
            .iter()
            .filter(|o| o.child_id == child.id)
            .collect();
        match own.last() {
            Some(last) if (today - last.date).num_days() <= 21 => {
                assert!((today - last.date).num_days() >= 7);
                recent += 1;
            }
            _ => stale += 1,
        }
        for pair in own.windows(2) {
            let gap = (pair[1].date - pair[0].date).num_days();
            assert!((42..=70).contains(&gap), "{gap} days");
            let template = crate::templates::builtin()
                .into_iter()
                .find(|t| t.id == pair[1].template)
                .unwrap();
            let changes =
                crate::domain::form::compare(&template, &pair[0].mark_map(), &pair[1].mark_map());
            pairs += 1;
            changed += usize::from(!changes.is_empty());
            kept += pair[1]
                .marks
                .iter()
                .filter(|m| pair[0].mark(&m.item) == Some(m.mark))
                .count();
            for change in changes {
                use crate::domain::form::ChangeKind::*;
                match change.kind {
                    Appeared(_) => appeared += 1,
                    Disappeared(_) => disappeared += 1,
                    Changed {
                        from: Mark::Sometimes,
                        to: Mark::Often,
                    } => more_often += 1,
                    Changed { .. } => {}
                }
            }
        }
    }
    assert_eq!(changed, pairs, "every next observation shows a change");
    assert!(appeared > 0 && disappeared > 0 && more_often > 0);
    assert!(
        kept > appeared,
        "most marks stay: {kept} kept, {appeared} new"
    );
    // About one child in eight is not observed recently (none, or once long ago).
    let share = stale as f64 / (stale + recent) as f64;
    assert!(
        (0.04..0.25).contains(&share),
        "{stale} of {}",
        stale + recent
    );
}

#[test]
fn every_demo_mark_is_on_an_item_for_the_childs_age_that_day() {
    let data = generate(&with_observations(3, 12, 3), now());
    let forms = crate::domain::Catalogue::forms(data.form_templates.clone());
    let mut babies = 0;
    for observation in &data.observations {
        let child = data
            .children
            .iter()
            .find(|c| c.id == observation.child_id)
            .unwrap();
        let months = child.age_on(observation.date).unwrap().in_months();
        babies += usize::from(months < 12);
        let form = forms
            .find(&observation.template, observation.version)
            .unwrap();
        for mark in &observation.marks {
            let (_, item) = form.item(&mark.item).unwrap();
            assert!(item.fits_age(months), "{} at {months} months", mark.item);
        }
    }
    assert!(babies > 0, "the demo observes babies too");
}
