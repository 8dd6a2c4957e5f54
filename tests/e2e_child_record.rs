//! The child's record end to end: the real `signaal` binary in a pseudo-terminal (120x50, in
//! English) on a demo database. On a child's screen a staff member adds a parent with two
//! numbers (`a`), records the school consent given by that parent (`t`) and picks a mentor
//! (`m`); the screen shows each once saved, and `signaal export` holds it after quitting. Every
//! wait is for a state on the screen, bounded by a generous timeout.

mod common {
    pub mod cli;
    pub mod demo;
    pub mod pty;
    pub mod screens;
}

use common::demo::{arr, fresh_demo, uniquely_named_kids};
use common::pty::framed;
use common::screens::{open_child_screen, quit, start_on_child};

#[test]
fn a_parent_their_consent_and_a_mentor_are_recorded_on_the_child_screen() {
    let (db, ex, user) = fresh_demo(&[]);
    let kid = uniquely_named_kids(&ex)
        .into_iter()
        .find(|k| {
            arr(&ex, "children")
                .iter()
                .find(|c| c["id"] == k.id)
                .is_some_and(|c| c["consent"]["school"].is_null())
        })
        .expect("a demo child without a school consent");
    let mut t = start_on_child(&db, &ex, &kid, &user);
    open_child_screen(&mut t, &kid);

    t.send("a");
    t.expect("Add a parent or guardian");
    t.send("Noor Testouder");
    t.key("Tab");
    t.send("moeder");
    t.key("Tab");
    t.key("Tab");
    t.send("mobiel: 06-12340999; werk: 06-12340998");
    t.key("Enter");
    let screen = t.expect_until("the parent with both numbers", |s| {
        !s.contains("Add a parent or guardian")
            && s.contains("Noor Testouder")
            && s.contains("06-12340999")
            && s.contains("06-12340998")
    });
    assert!(screen.contains("moeder"), "{}", framed(&screen));

    // School: yes (the fifth field, Right once), given by Noor (the last choice: Left once).
    t.send("t");
    t.expect("The parents' consent");
    for _ in 0..4 {
        t.key("Tab");
    }
    t.key("Right");
    t.key("Tab");
    t.key("Left");
    t.key("Enter");
    t.expect_until("the school consent given by Noor", |s| {
        !s.contains("Left/right chooses") && s.contains("School: yes · Noor Testouder")
    });

    // Right until a staff member (not "no mentor") is the choice.
    t.send("m");
    let mut shown = t.expect("The child's mentor");
    for _ in 0..2 {
        let before = shown.clone();
        t.key("Right");
        shown = t.expect_until("the next choice", |s| s != before);
        if !shown.contains("‹ no mentor ›") {
            break;
        }
    }
    assert!(!shown.contains("‹ no mentor ›"), "{}", framed(&shown));
    t.key("Enter");
    let screen = t.expect_until("the form closed", |s| !s.contains("The child's mentor"));
    quit(&mut t);

    let ex = db.export();
    let child = arr(&ex, "children")
        .iter()
        .find(|c| c["id"] == kid.id)
        .unwrap()
        .clone();
    let noor = arr(&child, "guardians")
        .iter()
        .find(|g| g["name"] == "Noor Testouder")
        .unwrap_or_else(|| panic!("the parent in the export: {child:#}"))
        .clone();
    assert_eq!(noor["relation"], "moeder");
    assert_eq!(noor["authority"], true);
    assert_eq!(arr(&noor, "phones").len(), 2);
    let school = &child["consent"]["school"];
    assert_eq!(school["answer"], "yes", "{child:#}");
    assert_eq!(school["given_by"], "Noor Testouder");
    assert_eq!(school["by"], user.as_str());
    let mentor = child["mentor"].as_u64().expect("a mentor");
    let mentor = arr(&ex, "staff")
        .iter()
        .find(|s| s["id"] == mentor)
        .unwrap();
    let name = mentor["name"].as_str().unwrap();
    assert!(
        screen.contains(name),
        "the mentor shown: {}",
        framed(&screen)
    );
    let trail: Vec<&str> = arr(&ex, "audit")
        .iter()
        .filter(|e| e["target"] == format!("child:{}", kid.id))
        .filter_map(|e| e["action"].as_str())
        .collect();
    for action in ["child.guardians", "child.consent", "child.mentor"] {
        assert!(trail.contains(&action), "{action} in {trail:?}");
    }
}
