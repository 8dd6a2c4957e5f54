//! The handover to school end to end: the real `signaal` binary in a pseudo-terminal (120x50,
//! in English) on a demo database. A KDV or peuteropvang child near four without a handover
//! shows "To school" with its 4th birthday in the group list; on its screen `s` opens the
//! handover form, which a staff member fills in and saves; the child's screen shows it, and
//! after quitting `signaal export` holds it in `handovers[]` with its audit entry. Every wait is
//! for a state on the screen, bounded by a generous timeout.

mod common {
    pub mod cli;
    pub mod demo;
    pub mod pty;
    pub mod screens;
}

use chrono::{Months, NaiveDate};

use common::demo::{arr, fresh_demo, group, today, uniquely_named_kids};
use common::pty::framed;
use common::screens::{child_row, open_child_screen, quit, start_on_child};

#[test]
fn a_child_near_four_gets_its_handover_written_and_exported() {
    let (db, ex, user) = fresh_demo(&[]);
    let written: Vec<u64> = arr(&ex, "handovers")
        .iter()
        .filter_map(|h| h["child_id"].as_u64())
        .collect();
    let near_four = |birth: &str| {
        let born: NaiveDate = birth.parse().unwrap();
        born + Months::new(45) <= today()
    };
    let kid = uniquely_named_kids(&ex)
        .into_iter()
        .find(|k| {
            let kind = &group(&ex, k.group_id)["kind"];
            (kind == "kdv" || kind == "peuteropvang")
                && near_four(&k.birth)
                && !written.contains(&k.id)
        })
        .expect("the demo has a child near four without a handover");
    let fourth: NaiveDate = kid.birth.parse::<NaiveDate>().unwrap() + Months::new(48);
    let mut t = start_on_child(&db, &ex, &kid, &user);
    let list = t.screen();
    let row = child_row(&list, &kid.name).unwrap_or_default();
    assert!(list.contains("To school"), "{}", framed(&list));
    assert!(
        row.contains(&fourth.format("%Y-%m-%d").to_string()) && !row.contains('✓'),
        "the 4th birthday, no handover yet: {}",
        framed(&list)
    );
    open_child_screen(&mut t, &kid);
    t.expect("not written yet");

    t.send("s");
    t.expect("Handover to school");
    t.send("Basisschool De Proeftuin");
    t.key("Enter");
    // The form's field is "School"; the child's details say "Handover" once it is saved.
    t.expect_until("the handover saved and shown", |s| {
        s.lines()
            .any(|l| l.starts_with("│Handover") && l.contains("Basisschool De Proeftuin"))
    });
    quit(&mut t);

    let ex = db.export();
    let handover = arr(&ex, "handovers")
        .iter()
        .find(|h| h["child_id"] == kid.id)
        .unwrap_or_else(|| panic!("the handover in the export: {:#}", ex["handovers"]))
        .clone();
    assert_eq!(handover["school"], "Basisschool De Proeftuin");
    assert_eq!(handover["by"], user.as_str());
    let audited = arr(&ex, "audit").iter().any(|e| {
        e["action"] == "handover.save" && e["target"] == format!("child:{}/handover", kid.id)
    });
    assert!(audited, "handover.save in the audit trail");
}
