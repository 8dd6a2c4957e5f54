//! The aandachtsfunctionaris through the real binary: the export carries `staff[].safeguarding_lead`
//! and `staff[].phone` and an import gives them back, and `contacts find` lists every lead with
//! their number under the pinned card.

mod common {
    pub mod cli;
    pub mod demo;
}

use common::cli::{ok, run, without_exported_at, Db};
use common::demo::{arr, s};
use serde_json::Value;

/// The demo's staff members flagged as lead.
fn leads(export: &Value) -> Vec<&Value> {
    arr(export, "staff")
        .iter()
        .filter(|s| s["safeguarding_lead"] == true)
        .collect()
}

#[test]
fn the_lead_and_their_phone_go_out_in_the_export_and_come_back_in_an_import() {
    let mut export = Db::demo(&[]).export();
    let found = leads(&export);
    assert_eq!(found.len(), 1, "the demo has one lead");
    assert_eq!(s(found[0], "role"), "care_coordinator");
    assert_eq!(s(found[0], "phone"), "06-12345678");
    for person in arr(&export, "staff") {
        assert!(person.get("safeguarding_lead").is_some(), "{person}");
        if person["safeguarding_lead"] == false {
            assert!(
                person.get("phone").is_none(),
                "an empty phone is left out: {person}"
            );
        }
    }
    // A second lead with a number of their own, as another tool might write it.
    let second = arr(&export, "staff")
        .iter()
        .position(|s| s["role"] == "staff")
        .unwrap();
    export["staff"][second]["safeguarding_lead"] = true.into();
    export["staff"][second]["phone"] = "06-99990000".into();

    let copy = Db::import(&export);
    let mut back = without_exported_at(copy.export());
    let mut sent = without_exported_at(export);
    for v in [&mut back, &mut sent] {
        v.as_object_mut().unwrap().remove("audit");
    }
    assert_eq!(back["staff"], sent["staff"]);
    assert_eq!(leads(&back).len(), 2);

    // Both leads under the pinned card in `contacts find`, with their numbers (in Dutch, whose
    // words the lines are checked for).
    let find = ["--lang", "nl", "contacts", "--db", copy.path(), "find"];
    let found = ok(&run(&[&find[..], &["aandachtsfunctionaris"]].concat()));
    let second_name = s(&back["staff"][second], "name").to_string();
    let line_of = |name: &str| {
        found
            .lines()
            .find(|l| l.starts_with(&format!("{name}\t")))
            .unwrap_or_else(|| panic!("{name} not in {found}"))
            .to_string()
    };
    let lead_name = s(leads(&back)[1], "name").to_string();
    assert!(line_of(&second_name).contains("\t06-99990000\tAandachtsfunctionaris"));
    assert!(line_of(&lead_name).contains("\t06-12345678\tAandachtsfunctionaris"));
    assert!(found
        .lines()
        .any(|l| l.starts_with("Aandachtsfunctionaris\t")));
}
