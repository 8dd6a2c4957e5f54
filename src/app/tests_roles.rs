//! Who sees what, per role, over the TUI (issue 13, acceptance 1): one database with a child
//! whose parents gave no consent, a Meldcode-flagged mark made by a colleague and a Meldcode
//! trajectory she started; every role walks the groups list, the lookup, the children list and
//! its filter, the child screen, the observation form, the comparison, the audit trail, the
//! plans and the trajectory, and the coach visit, drawn as the terminal shows them. The Meldcode
//! details reach exactly the aandachtsfunctionaris, the care coordinator, the admin and the
//! colleague who made them; other staff of the group see that a Meldcode is open and who
//! coordinates it; the coach nothing, and the child only under an alias.

use chrono::NaiveDate;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tempfile::TempDir;

use super::test_support::{app, meldcode_plan, now, press, select_child_where, type_text, User};
use super::*;
use crate::domain::form::Mark;
use crate::domain::plan::Trajectory;
use crate::domain::visit::{Advice, Visit};
use crate::domain::{access, AuditAction, Child, ConsentAnswer, Given, GroupKind, Id};
use crate::domain::{Observation, Role};
use crate::i18n::T;
use crate::store::Signature;

/// The Meldcode trajectory's signals, its first stage's note and the note on the flagged mark:
/// the details only who must know may read.
pub(super) const QUESTION: &str = "GEHEIM-VRAAG over de thuissituatie";
const STAGE_NOTE: &str = "GEHEIM-STAP gesprek met moeder";
pub(super) const MARK_NOTE: &str = "GEHEIM-NOTITIE plek op de arm";
/// What staff wrote about the child outside the Meldcode, naming her: a note on a plain mark,
/// the early-signalling trajectory's question and a stage note. Staff read them; the coach, who
/// sees her under an alias, does not.
const NAMED_NOTES: [&str; 3] = [
    "Sara speelt graag alleen",
    "Sara huilt bij het brengen",
    "Sara wil niet los van mama",
];
/// The coach's advice about the child without consent: shown to everyone who sees the visit.
const ADVICE: &str = "Voorspelbaar dagritme bieden";
/// Who made the mark and started the trajectory.
pub(super) const COLLEAGUE: &str = "Anouk Jansen";

/// The database every role walks: two groups, a person per role and the children.
pub(super) struct World {
    pub(super) _dir: TempDir,
    pub(super) app: App,
    /// No consent asked: the coach sees her as "Kind 1 · 2 jr 4 mnd".
    pub(super) sara: Child,
    /// Coach consent given: the coach sees him by name.
    pub(super) tom: Child,
    /// The Meldcode-flagged item marked "often" today, and the audit target of that mark.
    pub(super) flagged: String,
    pub(super) flagged_target: String,
    /// A plain item, marked "sometimes" both times, with a note today.
    pub(super) plain: String,
    /// The Meldcode plan's name, in Dutch.
    pub(super) meldcode_plan: String,
    pub(super) people: Vec<Staff>,
}

fn sig(by: &str) -> Signature {
    Signature {
        by: by.into(),
        at: now(),
    }
}

pub(super) fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(super) fn world() -> World {
    let (dir, mut app) = app(false, Lang::Nl, User::Nobody);
    let store = &app.store;
    let admin = sig("Gert Beheer");
    let vlinders = store
        .add_group("De Vlinders", GroupKind::Kdv, "Hoorn", &admin)
        .unwrap();
    let zon = store
        .add_group("De Zonnebloemen", GroupKind::Kdv, "Hoorn", &admin)
        .unwrap();
    let add = |name: &str, role: Role, groups: &[Id]| {
        store.add_staff(name, role, groups, &admin).unwrap()
    };
    let mut people = vec![
        add("Gert Beheer", Role::Admin, &[]),
        add(COLLEAGUE, Role::Staff, &[vlinders.id]),
        add("Bram de Wit", Role::Staff, &[vlinders.id]),
        add("Carla Smit", Role::Staff, &[zon.id]),
        add("Dirk Visscher", Role::Coach, &[vlinders.id, zon.id]),
        add("Eva Mulder", Role::CareCoordinator, &[vlinders.id]),
        add("Fenna Bos", Role::Staff, &[vlinders.id]),
    ];
    // Fenna is the aandachtsfunctionaris.
    people[6].safeguarding_lead = true;
    people[6] = store.update_staff(&people[6], &admin).unwrap();

    let by = sig(COLLEAGUE);
    let sara = store
        .add_child(vlinders.id, "Sara", "Bakker", day("2024-07-10"), &by)
        .unwrap();
    let mut tom = store
        .add_child(vlinders.id, "Tom", "Visser", day("2023-05-01"), &by)
        .unwrap();
    tom.consent.coach = Some(Given {
        answer: ConsentAnswer::Yes,
        at: now(),
        by: COLLEAGUE.into(),
        given_by: "Ilse Visser".into(),
    });
    store.save_child(&tom, AuditAction::ChildEdit, &by).unwrap();
    store
        .add_child(zon.id, "Lotte", "Kramer", day("2022-03-03"), &by)
        .unwrap();

    // A week ago a plain item "sometimes"; today the same, and a Meldcode-flagged item
    // "often" with a note: two observations with the same form, to compare.
    let form = app.catalogue.for_group(&vlinders)[0].clone();
    let item = |meldcode: bool| {
        let (_, item) = form.items().find(|(_, i)| i.meldcode == meldcode).unwrap();
        item.id.clone()
    };
    let (flagged, plain) = (item(true), item(false));
    let mut observation_id = 0;
    for date in ["2026-11-13", "2026-11-20"] {
        let id = store.new_observation_id().unwrap();
        let mut o = Observation::new(id, sara.id, &form, day(date), COLLEAGUE);
        o.set_mark(&plain, Some(Mark::Sometimes), COLLEAGUE, now());
        let mark = AuditAction::ObservationMark;
        store
            .save_observation(&o, &form, mark, &plain, &by)
            .unwrap();
        if date == "2026-11-20" {
            o.set_note(&plain, NAMED_NOTES[0], COLLEAGUE, now());
            let note = AuditAction::ObservationNote;
            store
                .save_observation(&o, &form, note, &plain, &by)
                .unwrap();
            o.set_mark(&flagged, Some(Mark::Often), COLLEAGUE, now());
            store
                .save_observation(&o, &form, mark, &flagged, &by)
                .unwrap();
            o.set_note(&flagged, MARK_NOTE, COLLEAGUE, now());
            let note = AuditAction::ObservationNote;
            store
                .save_observation(&o, &form, note, &flagged, &by)
                .unwrap();
            observation_id = id;
        }
    }

    // A trajectory of each plan, with a question (the Meldcode's: its signals) and a note on the
    // first stage.
    let meldcode = meldcode_plan(&app);
    let early = app
        .plans
        .current()
        .into_iter()
        .find(|p| p.id != meldcode.id);
    let early = early.expect("the early-signalling plan").clone();
    for (plan, question, note) in [
        (&meldcode, QUESTION, STAGE_NOTE),
        (&early, NAMED_NOTES[1], NAMED_NOTES[2]),
    ] {
        let id = store.new_trajectory_id().unwrap();
        let mut t = Trajectory::new(id, sara.id, plan, day("2026-11-18"), COLLEAGUE);
        // A Meldcode trajectory has its own fields instead of the question: its signals.
        match access::is_meldcode_plan(&plan.id) {
            true => t.meldcode.signals = question.into(),
            false => t.question = question.into(),
        }
        let start = AuditAction::TrajectoryStart;
        store.save_trajectory(&t, plan, start, "", &by).unwrap();
        let stage = &plan.stages[0].id;
        t.set_note(stage, note, COLLEAGUE, now());
        let noted = AuditAction::TrajectoryNote;
        store.save_trajectory(&t, plan, noted, stage, &by).unwrap();
    }

    // The coach's last visit (closed) and today's, with advice about Sara.
    let coach = people[4].clone();
    let coach_sig = sig(&coach.name);
    let mut last = Visit::start(
        store.new_visit_id().unwrap(),
        vlinders.id,
        &coach,
        day("2026-10-01"),
        None,
    );
    store
        .save_visit(&last, AuditAction::VisitStart, &coach_sig)
        .unwrap();
    last.close(day("2026-11-20"), now());
    store
        .save_visit(&last, AuditAction::VisitClose, &coach_sig)
        .unwrap();
    let mut today = Visit::start(
        store.new_visit_id().unwrap(),
        vlinders.id,
        &coach,
        day("2026-11-20"),
        Some(&last),
    );
    store
        .save_visit(&today, AuditAction::VisitStart, &coach_sig)
        .unwrap();
    today.notes.push(Advice {
        child_id: Some(sara.id),
        text: ADVICE.into(),
        competencies: Vec::new(),
        with: Vec::new(),
        by: coach.name.clone(),
        at: now(),
    });
    store
        .save_visit(&today, AuditAction::VisitAdvice, &coach_sig)
        .unwrap();

    let meldcode_plan = Lang::Nl.text(&meldcode.name).to_string();
    app.start();
    World {
        _dir: dir,
        app,
        sara,
        tom,
        flagged_target: format!("observation:{observation_id}/{flagged}"),
        flagged,
        plain,
        meldcode_plan,
        people,
    }
}

impl World {
    pub(super) fn person(&self, name: &str) -> Staff {
        let found = self.people.iter().find(|p| p.name == name);
        found
            .unwrap_or_else(|| panic!("{name} is in the database"))
            .clone()
    }
}

/// The screen as the terminal shows it, 120 by 40.
pub(super) fn shot(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|f| crate::ui::draw(f, app, &crate::ui::Theme::monochrome()))
        .unwrap();
    terminal.backend().to_string()
}

/// Hands the keyboard to `person`: they pick themself on the lock screen. The screens stay as
/// far as they may see them.
pub(super) fn hand_over(app: &mut App, person: &Staff) {
    app.lock();
    type_text(app, &person.name);
    press(app, "Enter");
    let user = app.user.as_ref().map(|u| u.id);
    assert_eq!(user, Some(person.id), "{}", person.name);
}

/// Hands the keyboard to `person` and goes back to the groups list.
pub(super) fn sign_in(app: &mut App, person: &Staff) {
    hand_over(app, person);
    for _ in 0..10 {
        if matches!(app.screen(), Screen::Groups(_)) {
            return;
        }
        press(app, "Esc");
    }
    panic!("back on the groups list");
}

/// What one person saw on their walk.
#[derive(Default)]
struct Walk {
    /// Every screen drawn, one after the other.
    seen: String,
    /// The coach visit as drawn with the child selected.
    visit: String,
    /// Whether typing the child's first name in the children list's filter finds her.
    found_by_name: bool,
    /// The children list's count of "often" on her latest observation.
    often_in_list: Option<usize>,
    /// Whether the audit trail lists the flagged mark.
    trail_has_mark: bool,
    /// Whether the visit counts the flagged mark for the child.
    visit_counts_mark: bool,
}

/// Walks every screen `person` can reach about the child (nothing past the groups list and
/// the lookup when they do not see her group).
fn walk(w: &mut World, person: &Staff) -> Walk {
    let app = &mut w.app;
    sign_in(app, person);
    let mut walk = Walk {
        seen: shot(app),
        ..Walk::default()
    };
    press(app, "c");
    assert!(matches!(app.popup, Some(Popup::Lookup(_))), "the lookup");
    walk.seen += &shot(app);
    press(app, "Esc");
    if !access::sees_group(person, w.sara.group_id) {
        return walk;
    }

    press(app, "/");
    type_text(app, "Vlinders");
    press(app, "Enter");
    press(app, "Enter");
    let Screen::Children(list) = app.screen() else {
        panic!("the children of De Vlinders")
    };
    assert_eq!(list.group.id, w.sara.group_id);
    walk.seen += &shot(app);

    press(app, "/");
    type_text(app, "Sara");
    let Screen::Children(list) = app.screen() else {
        panic!("the children list")
    };
    // Not drawn into `seen`: the filter line shows what was typed.
    walk.found_by_name = list.list.visible().any(|r| r.child.id == w.sara.id);
    press(app, "Esc");

    let sara = w.sara.id;
    select_child_where(app, |_, c| c.id == sara);
    if let Screen::Children(list) = app.screen() {
        let row = list.list.selected().and_then(|r| r.latest);
        walk.often_in_list = row.map(|l| l.concerns_often);
    }
    press(app, "Enter");
    assert!(matches!(app.screen(), Screen::Child(_)), "the child screen");
    walk.seen += &shot(app);

    // The lookup over the child's screen.
    press(app, "c");
    walk.seen += &shot(app);
    press(app, "Esc");

    // The observation form, on the flagged item and on the plain one.
    press(app, "o");
    for item in [&w.flagged, &w.plain] {
        let Some(Screen::Observe(form)) = app.screens.last_mut() else {
            panic!("the observation form")
        };
        let row = form.list.items().find(|r| &r.item == item).unwrap().index;
        form.list.select_id(row as u64);
        walk.seen += &shot(app);
    }
    press(app, "Esc");

    // The comparison, on the flagged item when it is listed.
    press(app, "w");
    let Some(Screen::Compare(compare)) = app.screens.last_mut() else {
        panic!("the comparison")
    };
    let row = compare.list.items().find(|r| r.change.item == w.flagged);
    if let Some(index) = row.map(|r| r.index) {
        compare.list.select_id(index as u64);
    }
    walk.seen += &shot(app);
    press(app, "Esc");

    press(app, "A");
    let Screen::History(trail) = app.screen() else {
        panic!("the audit trail")
    };
    walk.trail_has_mark = trail
        .list
        .items()
        .any(|r| r.entry.target == w.flagged_target);
    walk.seen += &shot(app);
    press(app, "Esc");

    // The plans, and each trajectory listed on its first stage, for who may open it.
    press(app, "p");
    let Screen::Plans(plans) = app.screen() else {
        panic!("the plans")
    };
    walk.seen += &shot(app);
    let listed: Vec<u64> = plans
        .list
        .items()
        .filter(|r| matches!(r.choice, PlanChoice::Existing(_)))
        .map(|r| r.index as u64)
        .collect();
    for index in listed {
        // Back from a trajectory on the child's screen: the plans again.
        if !matches!(app.screen(), Screen::Plans(_)) {
            press(app, "p");
        }
        let Some(Screen::Plans(plans)) = app.screens.last_mut() else {
            panic!("the plans")
        };
        plans.list.select_id(index);
        press(app, "Enter");
        if let Some(Screen::Trajectory(t)) = app.screens.last_mut() {
            let first = PlanPart::Stage(t.template.stages[0].id.clone());
            let row = t.list.items().find(|r| r.part == first).unwrap().index;
            t.list.select_id(row as u64);
            walk.seen += &shot(app);
            press(app, "Esc");
        }
        // Back from the trajectory, or refused on the plans: the status line says who
        // coordinates it.
        walk.seen += &shot(app);
    }
    for _ in 0..3 {
        if !matches!(app.screen(), Screen::Children(_)) {
            press(app, "Esc");
        }
    }

    // The coach visit, on the child.
    assert!(
        matches!(app.screen(), Screen::Children(_)),
        "back on the list:\n{}",
        shot(app)
    );
    press(app, "v");
    let Some(Screen::Visit(visit)) = app.screens.last_mut() else {
        panic!("the visit")
    };
    let at = visit
        .children
        .iter()
        .position(|c| c.child.id == sara)
        .unwrap();
    let flagged = &w.flagged;
    walk.visit_counts_mark = visit.children[at]
        .observations
        .iter()
        .any(|o| o.mark(flagged).is_some());
    let key = visit
        .list
        .items()
        .find(|r| r.part == VisitPart::Child(at))
        .unwrap()
        .key;
    visit.list.select_id(key);
    walk.visit = shot(app);
    walk.seen += &walk.visit;
    press(app, "Esc");
    walk
}

/// What a role is to see: the group at all, the Meldcode details, only that one is open, the
/// child by name.
struct Expect {
    group: bool,
    details: bool,
    open_only: bool,
    named: bool,
}

#[test]
fn the_meldcode_and_the_child_reach_exactly_who_they_should_for_every_role() {
    let mut w = world();
    let yes = |details, open_only, named| Expect {
        group: true,
        details,
        open_only,
        named,
    };
    let rows = [
        ("staff of the group", "Bram de Wit", yes(false, true, true)),
        (
            "the colleague who made them",
            COLLEAGUE,
            yes(true, false, true),
        ),
        (
            "staff of another group",
            "Carla Smit",
            Expect {
                group: false,
                details: false,
                open_only: false,
                named: false,
            },
        ),
        ("coach", "Dirk Visscher", yes(false, false, false)),
        ("care coordinator", "Eva Mulder", yes(true, false, true)),
        ("aandachtsfunctionaris", "Fenna Bos", yes(true, false, true)),
        ("admin", "Gert Beheer", yes(true, false, true)),
    ];
    let open = Lang::Nl.meldcode_open(COLLEAGUE);
    for (role, name, expect) in rows {
        let person = w.person(name);
        let walk = walk(&mut w, &person);
        let seen = &walk.seen;
        let has = |text: &str| seen.contains(text);
        // The Meldcode's details: the trajectory's question and stage note, the mark's note
        // (observation form, comparison), the mark in the trail and in the visit's counts.
        for secret in [QUESTION, STAGE_NOTE, MARK_NOTE] {
            assert_eq!(has(secret), expect.details, "{role}: {secret}");
        }
        // What staff wrote naming the child: for who sees her by name.
        for note in NAMED_NOTES {
            assert_eq!(has(note), expect.named, "{role}: {note}");
        }
        assert_eq!(walk.trail_has_mark, expect.details, "{role}: the trail");
        assert_eq!(walk.visit_counts_mark, expect.details, "{role}: the visit");
        let now_often = walk.visit.contains(Lang::Nl.get(T::ChangeNowOften));
        assert_eq!(now_often, expect.details, "{role}: the visit's changes");
        // Staff of the group: that it is open and who coordinates it, nothing more.
        assert_eq!(has(&open), expect.open_only, "{role}: open, coordinated by");
        let knows_of_it = expect.details || expect.open_only;
        assert_eq!(
            has(&w.meldcode_plan),
            knows_of_it,
            "{role}: the plan's name"
        );
        // The coach learns nothing of the Meldcode, not even that something is hidden.
        if !knows_of_it {
            assert!(
                !has(Lang::Nl.get(T::MeldcodeHidden)),
                "{role}: 'hidden'\n{seen}"
            );
        }
        // The child: by name, found by name, with birth date; or under her alias.
        for part in ["Sara", "Bakker", "10-07-2024"] {
            let lines: Vec<&str> = seen.lines().filter(|l| l.contains(part)).collect();
            assert_eq!(has(part), expect.named, "{role}: {part}: {lines:#?}");
        }
        assert_eq!(walk.found_by_name, expect.named, "{role}: the filter");
        let often = expect.group.then_some(usize::from(expect.details));
        assert_eq!(walk.often_in_list, often, "{role}: 'often' in the list");
        let alias = "Kind 1 · 2 jr 4 mnd";
        assert_eq!(has(alias), expect.group && !expect.named, "{role}: alias");
        // A child with coach consent is named to everyone who sees the group.
        assert_eq!(has(&w.tom.full_name()), expect.group, "{role}: Tom");
        // The coach's advice about the child reaches everyone who sees the visit, on her row
        // (its count; the detail pane may have no room left for the text itself).
        let label = if expect.named { "Sara Bakker" } else { alias };
        let row = walk.visit.lines().find(|l| l.contains(label));
        let advised = row.is_some_and(|l| l.contains("✎1"));
        assert_eq!(advised, expect.group, "{role}: advice\n{}", walk.visit);
    }
}

/// From the groups list: De Vlinders' coach visit, with `child` selected. The visit as drawn.
fn visit_on(app: &mut App, child: Id) -> String {
    press(app, "/");
    type_text(app, "Vlinders");
    press(app, "Enter");
    press(app, "v");
    let Some(Screen::Visit(visit)) = app.screens.last_mut() else {
        panic!("the visit")
    };
    let at = visit.children.iter().position(|c| c.child.id == child);
    let row = visit
        .list
        .items()
        .find(|r| Some(r.part) == at.map(VisitPart::Child));
    visit.list.select_id(row.expect("the child is listed").key);
    shot(app)
}

/// Acceptance 3, and anonymous consultation: the coach's visit names no child without coach
/// consent (first nor last name), the coach advises about "Kind 1", the advice is stored with
/// the child's id, and staff read it under her name.
#[test]
fn the_coach_advises_about_a_child_under_its_alias_and_staff_read_it_by_name() {
    let mut w = world();
    let coach = w.person("Dirk Visscher");
    sign_in(&mut w.app, &coach);
    let drawn = visit_on(&mut w.app, w.sara.id);
    insta::assert_snapshot!("coach_visit_alias_nl", drawn);
    for name in ["Sara", "Bakker"] {
        assert!(!drawn.contains(name), "the coach's visit shows {name}");
    }
    assert!(drawn.contains("Kind 1 · 2 jr 4 mnd") && drawn.contains("Tom Visser"));

    press(&mut w.app, "n");
    type_text(&mut w.app, "Benoem wat goed gaat");
    press(&mut w.app, "Tab");
    press(&mut w.app, "Tab");
    type_text(&mut w.app, "Bram de Wit");
    press(&mut w.app, "Enter");
    let stored = w.app.store.visits_of(w.sara.group_id).unwrap();
    let advice = stored[0]
        .notes
        .iter()
        .find(|a| a.text == "Benoem wat goed gaat");
    assert_eq!(
        advice.map(|a| a.child_id),
        Some(Some(w.sara.id)),
        "stored with her id"
    );
    let status = w
        .app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(!status.contains("Sara"), "{status}");

    let staff = w.person("Bram de Wit");
    sign_in(&mut w.app, &staff);
    let drawn = visit_on(&mut w.app, w.sara.id);
    assert!(!drawn.contains("Kind 1"), "{drawn}");
    let row = drawn.lines().find(|l| l.contains("Sara Bakker"));
    assert!(
        row.is_some_and(|l| l.contains("✎2")),
        "both advice on her row:\n{drawn}"
    );
    let Screen::Visit(visit) = w.app.screen() else {
        panic!("the visit")
    };
    let about: Vec<&str> = visit
        .visit
        .advice_about(Some(w.sara.id))
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(about, [ADVICE, "Benoem wat goed gaat"]);
}

/// On the shared group terminal: whoever takes over the keyboard sees every screen left open
/// as they may see it, not as the one before them: the coach gets the alias and no Meldcode,
/// a colleague no Meldcode trajectory she did not start.
#[test]
fn a_hand_over_shows_the_screens_left_open_as_the_new_person_may_see_them() {
    let mut w = world();
    let (anouk, coach) = (w.person(COLLEAGUE), w.person("Dirk Visscher"));
    let colleague = w.person("Bram de Wit");
    let app = &mut w.app;
    sign_in(app, &anouk);
    press(app, "/");
    type_text(app, "Vlinders");
    press(app, "Enter");
    press(app, "Enter");
    let sara = w.sara.id;
    select_child_where(app, |_, c| c.id == sara);
    press(app, "Enter");

    // The trail, then the observation form on the flagged item, left open for the coach.
    press(app, "A");
    assert!(shot(app).contains("Sara Bakker"));
    hand_over(app, &coach);
    let Screen::History(trail) = app.screen() else {
        panic!("the trail stays")
    };
    let mark = trail
        .list
        .items()
        .any(|r| r.entry.target == w.flagged_target);
    assert!(!mark, "the flagged mark left the trail");
    let drawn = shot(app);
    for gone in ["Sara", "Bakker"] {
        assert!(!drawn.contains(gone), "{gone}:\n{drawn}");
    }
    assert!(drawn.contains("Kind 1 · 2 jr 4 mnd"), "{drawn}");

    hand_over(app, &anouk);
    press(app, "Esc");
    press(app, "o");
    let Some(Screen::Observe(form)) = app.screens.last_mut() else {
        panic!("the observation form")
    };
    let row = form
        .list
        .items()
        .find(|r| r.item == w.flagged)
        .unwrap()
        .index;
    form.list.select_id(row as u64);
    assert!(shot(app).contains(MARK_NOTE));
    hand_over(app, &coach);
    let drawn = shot(app);
    assert!(matches!(app.screen(), Screen::Observe(_)), "the form stays");
    let hidden = Lang::Nl.get(T::MeldcodeHidden);
    for gone in ["Sara", "Bakker", MARK_NOTE, NAMED_NOTES[0], hidden] {
        assert!(!drawn.contains(gone), "{gone}:\n{drawn}");
    }

    // The Meldcode trajectory, left open for a colleague: closed, the child's screen shows.
    hand_over(app, &anouk);
    press(app, "Esc");
    press(app, "p");
    let Some(Screen::Plans(plans)) = app.screens.last_mut() else {
        panic!("the plans")
    };
    let meldcode = plans.list.items().find(
        |r| matches!(&r.choice, PlanChoice::Existing(t) if access::is_meldcode_plan(&t.template)),
    );
    plans.list.select_id(meldcode.unwrap().index as u64);
    press(app, "Enter");
    assert!(matches!(app.screen(), Screen::Trajectory(_)));
    assert!(shot(app).contains(QUESTION));
    hand_over(app, &colleague);
    assert!(
        matches!(app.screen(), Screen::Child(_)),
        "the trajectory closed"
    );
    let drawn = shot(app);
    for gone in [QUESTION, STAGE_NOTE] {
        assert!(!drawn.contains(gone), "{gone}:\n{drawn}");
    }
    assert!(
        drawn.contains(&Lang::Nl.meldcode_open(COLLEAGUE)),
        "{drawn}"
    );
}
