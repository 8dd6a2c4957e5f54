//! Every contact has a UID on every path into the store (issue 15): the JSON export's
//! `contacts[].uid` is the `UID` of the card in `contacts export --vcf`, after `demo` and after
//! importing an export from before contacts had UIDs. Through the real binary.

mod common {
    pub mod cli;
}

use common::cli::{ok, Db};
use serde_json::Value;

/// The `UID` of each card of `contacts export --vcf`, in order.
fn vcard_uids(db: &Db) -> Vec<String> {
    ok(&db.contacts(&["export", "--vcf"]))
        .lines()
        .filter_map(|line| line.strip_prefix("UID:"))
        .map(str::to_string)
        .collect()
}

/// `contacts[].uid` of `export`, in order ("" for none).
fn json_uids(export: &Value) -> Vec<String> {
    let contacts = export["contacts"].as_array().expect("contacts");
    contacts
        .iter()
        .map(|c| c["uid"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn every_contact_of_the_demo_and_of_an_older_export_has_its_vcard_uid() {
    let demo = Db::demo(&["--groups", "1", "--children-per-group", "3"]);
    let mut export = demo.export();
    let uids = json_uids(&export);
    assert!(uids.len() > 20, "the demo's directory: {uids:?}");
    assert!(
        uids.iter().all(|uid| uid.starts_with("urn:uuid:")),
        "{uids:?}"
    );
    assert_eq!(uids, vcard_uids(&demo));

    // An export from before contacts had UIDs.
    for contact in export["contacts"].as_array_mut().unwrap() {
        contact.as_object_mut().unwrap().remove("uid");
    }
    let older = Db::import(&export);
    assert_eq!(json_uids(&older.export()), uids);
    assert_eq!(vcard_uids(&older), uids);
}
