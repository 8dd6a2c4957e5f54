//! The coaching per staff member (issue 14, acceptance 5): an advice given with two staff
//! members shows on both their screens under its competencies, reached by each of them from the
//! groups list (`A`) and by the admin from the staff screen (`A` on the person).

use super::screens::growth::GrowthScreen;
use super::test_support::{advice_with_two, app_at, chr, now, press, User};
use super::*;
use crate::domain::visit::growth::{growth, Quarter};
use crate::domain::visit::Competency;
use crate::domain::{Role, Staff};

fn growth_screen(app: &App) -> &GrowthScreen {
    let Screen::Growth(s) = app.screen() else {
        panic!("expected the coaching screen, got {:?}", app.status)
    };
    s
}

/// What the demo itself gave `person` this quarter, per competency.
fn demo_counts(person: &Staff) -> [usize; 4] {
    let demo = crate::demo::generate(&Default::default(), now());
    let quarter = Quarter::of(now().date_naive());
    let all = growth(person.id, &demo.visits);
    all.iter()
        .find(|q| q.quarter == quarter)
        .map_or([0; 4], |q| q.counts)
}

/// Checks the shown screen: the newest quarter is this one, with `added` more per competency
/// than the demo gave, and holds the advice with exactly these texts among its own.
fn shows(app: &App, person: &Staff, added: [usize; 4], texts: &[&str]) {
    let s = growth_screen(app);
    assert_eq!(s.person.id, person.id);
    let newest = &s.quarters[0];
    assert_eq!(
        newest.quarter,
        Quarter::of(now().date_naive()),
        "newest first"
    );
    let mut expected = demo_counts(person);
    for (count, more) in expected.iter_mut().zip(added) {
        *count += more;
    }
    assert_eq!(newest.counts, expected, "{}", person.name);
    let given = |text: &str| newest.advice.iter().find(|a| a.text == text).cloned();
    for text in texts {
        assert!(given(text).is_some(), "{}: {text}", person.name);
    }
    let together = given("Samen benoemen wat je ziet").expect("the shared advice");
    assert_eq!(
        together.competencies,
        [Competency::Development, Competency::Behaviour]
    );
    let parents = given("Ouders betrekken bij het afscheid");
    assert_eq!(parents.is_some(), texts.len() == 2, "{}", person.name);
}

#[test]
fn advice_with_two_staff_members_shows_on_both_their_screens() {
    let (dir, [first, second]) = advice_with_two(Lang::En);
    let db = dir.path().join("db");
    {
        let mut app = app_at(&db, false, Lang::En, User::Named(&first.name));
        chr(&mut app, 'A');
        let both = [
            "Samen benoemen wat je ziet",
            "Ouders betrekken bij het afscheid",
        ];
        shows(&app, &first, [1, 1, 0, 1], &both);
        press(&mut app, "Esc");
        assert!(matches!(app.screen(), Screen::Groups(_)));
    }
    {
        let mut app = app_at(&db, false, Lang::En, User::Named(&second.name));
        chr(&mut app, 'A');
        shows(&app, &second, [1, 1, 0, 0], &["Samen benoemen wat je ziet"]);
    }
    // The admin from the staff screen, on the person.
    let mut app = app_at(&db, false, Lang::En, User::FirstWith(Role::Admin));
    chr(&mut app, 'S');
    for _ in 0..40 {
        let Screen::Staff(s) = app.screen() else {
            panic!("the staff screen")
        };
        if s.selected_person().is_some_and(|p| p.id == second.id) {
            break;
        }
        press(&mut app, "Down");
    }
    chr(&mut app, 'A');
    shows(&app, &second, [1, 1, 0, 0], &["Samen benoemen wat je ziet"]);
}

#[test]
fn a_colleague_handed_the_keyboard_sees_nothing_of_someone_elses_coaching() {
    let (dir, [first, second]) = advice_with_two(Lang::En);
    let db = dir.path().join("db");
    let mut app = app_at(&db, false, Lang::En, User::Named(&first.name));
    chr(&mut app, 'A');
    assert!(!growth_screen(&app).quarters.is_empty());
    // Hand-over: the colleague picks themself on the lock screen.
    super::tests_roles::hand_over(&mut app, &second);
    let s = growth_screen(&app);
    assert!(
        s.quarters.is_empty(),
        "nothing of {}'s coaching",
        first.name
    );
    assert!(s.list.is_empty());
}

#[test]
fn the_coach_of_every_group_steps_through_all_its_staff_and_staff_stay_on_their_own() {
    let (dir, [first, second]) = advice_with_two(Lang::En);
    let db = dir.path().join("db");
    {
        let mut app = app_at(&db, false, Lang::En, User::FirstWith(Role::Coach));
        chr(&mut app, 'A');
        let people = growth_screen(&app).people.clone();
        assert!(people.iter().all(|p| p.role != Role::Coach));
        assert!(
            people.iter().any(|p| p.id == first.id) && people.iter().any(|p| p.id == second.id)
        );
        // A coach receives no coaching: `A` opens on the first person they may read.
        assert_eq!(growth_screen(&app).person.id, people[0].id);
        press(&mut app, "Right");
        assert_eq!(growth_screen(&app).person.id, people[1].id);
        press(&mut app, "Left");
        press(&mut app, "Left");
        assert_eq!(
            growth_screen(&app).person.id,
            people[people.len() - 1].id,
            "round"
        );
        for _ in 0..people.len() {
            if growth_screen(&app).person.id == second.id {
                break;
            }
            press(&mut app, "Right");
        }
        shows(&app, &second, [1, 1, 0, 0], &["Samen benoemen wat je ziet"]);
    }
    let mut app = app_at(&db, false, Lang::En, User::Named(&second.name));
    chr(&mut app, 'A');
    assert_eq!(growth_screen(&app).people.len(), 1, "only their own");
    press(&mut app, "Right");
    assert_eq!(growth_screen(&app).person.id, second.id);
}

/// Issue 14 (a tester): a coach linked to one group stepped with `Right` to a pedagogisch
/// medewerker of another group and read another visit's advice naming a child. A coach steps
/// only through the staff who share a group with them, and reads only the advice from visits to
/// their groups, also of a colleague who fills in elsewhere.
#[test]
fn a_coach_steps_only_through_the_staff_of_their_groups_and_their_visits_advice() {
    let (dir, app) = super::test_support::app(true, Lang::En, User::FirstWith(Role::Admin));
    let db = dir.path().join("db");
    let groups = app.store.groups().unwrap();
    assert!(groups.len() > 1, "the demo has more than one group");
    let own = groups[0].id;
    let staff = app.store.staff().unwrap();
    let mut coach = staff
        .iter()
        .find(|s| s.role == Role::Coach)
        .unwrap()
        .clone();
    coach.groups = vec![own];
    app.store.update_staff(&coach, &app.signature()).unwrap();
    drop(app);
    let outsider = staff
        .iter()
        .find(|s| s.role == Role::Staff && !s.groups.contains(&own))
        .expect("someone who works on another group only");
    let everywhere = staff
        .iter()
        .find(|s| s.role == Role::Staff && s.groups.len() == groups.len())
        .expect("the demo's fill-in who works on every group");
    let visits = app_at(&db, false, Lang::En, User::FirstStaff)
        .store
        .visits()
        .unwrap();
    let elsewhere = growth(everywhere.id, &visits)
        .iter()
        .flat_map(|q| &q.advice)
        .any(|a| a.group_id != own);
    assert!(elsewhere, "the fill-in was coached in another group too");

    let mut app = app_at(&db, false, Lang::En, User::Named(&coach.name));
    chr(&mut app, 'A');
    let people = growth_screen(&app).people.clone();
    assert!(people.iter().all(|p| p.groups.contains(&own)), "{people:?}");
    assert!(people.iter().all(|p| p.id != outsider.id));
    assert!(people.iter().any(|p| p.id == everywhere.id));
    for _ in 0..people.len() + 1 {
        press(&mut app, "Right");
        let s = growth_screen(&app);
        assert_ne!(s.person.id, outsider.id, "{} is skipped", outsider.name);
        let advice = s.quarters.iter().flat_map(|q| &q.advice);
        for a in advice {
            assert_eq!(a.group_id, own, "{}: {}", s.person.name, a.text);
        }
        let counted: usize = s.quarters.iter().flat_map(|q| q.counts).sum();
        let listed: usize = s
            .quarters
            .iter()
            .flat_map(|q| &q.advice)
            .map(|a| a.competencies.len())
            .sum();
        assert_eq!(counted, listed, "the counts are of what is shown");
    }
    // Opened on the staff screen anyway: refused.
    let outsider_screen = GrowthScreen::open(&super::ctx_of!(app), outsider.clone());
    assert!(
        outsider_screen.is_err(),
        "{} is not the coach's",
        outsider.name
    );
}

/// A tester: the coaching screen did not say whom an advice was about. Now it names the child
/// as the reader may see it: staff by name, a coach without the parents' coach consent under
/// the alias, never the name; advice about the group says so.
#[test]
fn each_advice_says_whom_it_was_about_as_the_reader_may_see_the_child() {
    let (dir, app) = super::test_support::app(true, Lang::En, User::FirstWith(Role::Admin));
    let db = dir.path().join("db");
    let staff = app.store.staff().unwrap();
    let visits = app.store.visits().unwrap();
    // A staff member coached about a child, with that child.
    let (person, child) = staff
        .iter()
        .filter(|s| s.role == Role::Staff)
        .find_map(|s| {
            let about = growth(s.id, &visits)
                .into_iter()
                .flat_map(|q| q.advice)
                .find_map(|a| a.child_id)?;
            Some((s.clone(), app.store.child(about).unwrap().unwrap()))
        })
        .expect("the demo coached someone about a child");
    // The parents have not (yet) consented to the coach: the coach sees an alias.
    let mut child = child;
    child.consent.coach = None;
    let action = crate::domain::AuditAction::ChildConsent;
    app.store
        .save_child(&child, action, &app.signature())
        .unwrap();
    drop(app);

    let mut own = app_at(&db, false, Lang::En, User::Named(&person.name));
    chr(&mut own, 'A');
    let s = growth_screen(&own);
    assert_eq!(s.children.get(&child.id), Some(&child.full_name()));
    drop(own);

    let coach = staff.iter().find(|s| s.role == Role::Coach).unwrap();
    let mut theirs = app_at(&db, false, Lang::En, User::Named(&coach.name));
    chr(&mut theirs, 'A');
    for _ in 0..staff.len() {
        if growth_screen(&theirs).person.id == person.id {
            break;
        }
        press(&mut theirs, "Right");
    }
    let label = ctx_of!(theirs).child_label(&child).unwrap();
    assert!(label.anonymous(), "{}", label.text);
    let s = growth_screen(&theirs);
    assert_eq!(s.person.id, person.id, "the coach reaches {}", person.name);
    assert_eq!(s.children.get(&child.id), Some(&label.text));
    let shown: Vec<&String> = s.children.values().collect();
    assert!(
        !shown.contains(&&child.full_name()),
        "no name without consent: {shown:?}"
    );
}
