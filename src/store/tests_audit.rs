//! The audit trail's hash chain in the store: every write extends it, an old database gets it once,
//! import keeps it (and adds its own entry), and `check` sees a trail changed behind its back.

use chrono::NaiveDate;

use super::tests::{date, fresh, sig};
use super::*;
use crate::domain::audit::verify_chain;
use crate::domain::contact::Contact;
use crate::domain::AuditAction;
use crate::domain::{GroupKind, Role};
use crate::export::Export;

/// Asserts that the trail verifies and grew by `added` entries since `before`, the earlier
/// entries untouched.
fn extended(store: &Store, before: &[AuditEntry], added: usize) -> Vec<AuditEntry> {
    let audit = store.audit().unwrap();
    assert_eq!(verify_chain(&audit), Ok(()));
    assert_eq!(audit.len(), before.len() + added, "{audit:#?}");
    assert_eq!(audit[..before.len()], before[..]);
    audit
}

/// A store with a staff member, a group and a child in it, every write audited.
fn filled() -> (tempfile::TempDir, Store) {
    let (dir, store) = fresh();
    store.add_staff("Fatima", Role::Staff, &[], &sig()).unwrap();
    let g = store.add_group("A", GroupKind::Kdv, "", &sig()).unwrap();
    store
        .add_child(g.id, "Sem", "Visser", date("2022-06-30"), &sig())
        .unwrap();
    (dir, store)
}

#[test]
fn every_kind_of_write_extends_the_chain() {
    let (_dir, store) = fresh();
    let mut audit = Vec::new();
    store.add_staff("Fatima", Role::Staff, &[], &sig()).unwrap();
    audit = extended(&store, &audit, 1);
    assert_eq!(audit[0].hash, {
        let mut first = audit[0].clone();
        first.seal("").to_string()
    });
    let g = store.add_group("A", GroupKind::Kdv, "", &sig()).unwrap();
    audit = extended(&store, &audit, 1);
    let child = store
        .add_child(g.id, "Sem", "Visser", date("2022-06-30"), &sig())
        .unwrap();
    audit = extended(&store, &audit, 1);
    let card = store
        .save_contact(&Contact::named(0, "Wijkteam"), &sig())
        .unwrap();
    audit = extended(&store, &audit, 1);
    store
        .add_contacts(&[Contact::named(0, "GGD")], &sig())
        .unwrap();
    audit = extended(&store, &audit, 1);
    store.remove_contact(card.id, &sig()).unwrap();
    audit = extended(&store, &audit, 1);
    let archived = crate::domain::Child {
        archived: true,
        ..child
    };
    store
        .save_child(&archived, AuditAction::ChildArchive, &sig())
        .unwrap();
    audit = extended(&store, &audit, 1);
    // A purge writes one entry per child, all in one transaction.
    let purged = store.purge_left_before(NaiveDate::MAX, &sig()).unwrap();
    assert_eq!(purged.children, 1);
    audit = extended(&store, &audit, 1);
    assert_eq!(audit.last().unwrap().action, "child.purge");
    assert!(store.check().unwrap().is_empty(), "{:?}", store.check());
}

#[test]
fn a_database_without_hashes_gets_its_chain_once_when_opened() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("db");
    let before = {
        let store = Store::open(&path).unwrap();
        let g = store.add_group("A", GroupKind::Kdv, "", &sig()).unwrap();
        store
            .add_child(g.id, "Sem", "Visser", date("2022-06-30"), &sig())
            .unwrap();
        // What signaal wrote before the chain: schema 1, entries with four fields.
        let trees = store.trees().unwrap();
        for item in trees.audit.iter() {
            let (key, value) = item.unwrap();
            let entry: AuditEntry = codec::decode(&key, &value).unwrap();
            let old = serde_json::json!({
                "at": entry.at, "by": entry.by, "action": entry.action, "target": entry.target,
            });
            trees
                .audit
                .insert(key, serde_json::to_vec(&old).unwrap())
                .unwrap();
        }
        trees
            .meta
            .insert("schema_version", &1u32.to_be_bytes())
            .unwrap();
        trees.db.flush().unwrap();
        drop(trees);
        let unsealed = store.audit().unwrap();
        assert!(unsealed.iter().all(|e| e.hash.is_empty()));
        assert!(
            !store.check().unwrap().is_empty(),
            "no chain: check says so"
        );
        unsealed
    };

    let store = Store::open(&path).unwrap();
    assert_eq!(schema::read_version(&store).unwrap(), Some(schema::CURRENT));
    let sealed = store.audit().unwrap();
    assert_eq!(verify_chain(&sealed), Ok(()));
    let without_hash = |e: &AuditEntry| AuditEntry {
        hash: String::new(),
        ..e.clone()
    };
    assert_eq!(sealed.iter().map(without_hash).collect::<Vec<_>>(), before);
    assert!(store.check().unwrap().is_empty());
    // New writes chain on; reopening migrates nothing again.
    store.add_group("B", GroupKind::Bso, "", &sig()).unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    let audit = store.audit().unwrap();
    assert_eq!(audit[..2], sealed[..]);
    assert_eq!(verify_chain(&audit), Ok(()));
}

/// Who runs the imports of these tests.
fn importer() -> Signature {
    Signature {
        by: "beheerder".into(),
        ..sig()
    }
}

/// `export` as the file an import reads, and that file's SHA-256 (lowercase hex).
fn file_of(export: &Export) -> (Vec<u8>, String) {
    use sha2::Digest;
    let bytes = serde_json::to_vec(export).unwrap();
    let sha256 = format!("{:x}", sha2::Sha256::digest(&bytes));
    (bytes, sha256)
}

/// Imports `export` into `store` as `signaal import` does, from its file's bytes.
fn import_file(store: &Store, export: &Export) -> Result<ExportSummary> {
    let (bytes, _) = file_of(export);
    store.import_from_recorded(
        || Ok(std::io::Cursor::new(&bytes)),
        &importer(),
        TrailChain::Verified,
    )
}

#[test]
fn export_then_import_keeps_the_chain_and_adds_the_import_entry() {
    let (_dir, store) = filled();
    let export = store.export(sig().at).unwrap();
    assert_eq!(export.audit.len(), 3);

    let (_dir2, other) = fresh();
    import_file(&other, &export).unwrap();
    let audit = other.audit().unwrap();
    assert_eq!(audit[..3], export.audit[..]);
    assert_eq!(verify_chain(&audit), Ok(()));
    let own = &audit[3];
    assert_eq!(
        (
            own.action.as_str(),
            own.by.as_str(),
            own.target.as_str(),
            own.at
        ),
        ("import", "beheerder", "database", sig().at)
    );
    let detail = format!(
        "file_sha256={} staff=1 groups=1 children=1 observations=0 trajectories=0 visits=0 \
         audit=3 max_id={}",
        file_of(&export).1,
        export.max_id()
    );
    assert_eq!(own.detail, Some(detail));
    assert!(other.check().unwrap().is_empty());
    // Later writes chain on after it, with fresh keys.
    other.add_group("B", GroupKind::Bso, "", &sig()).unwrap();
    let after = extended(&other, &audit, 1);
    assert_eq!(after.last().unwrap().action, "group.add");
    // And the whole thing exports and imports again.
    let again = other.export(sig().at).unwrap();
    let (_dir3, third) = fresh();
    third.import(&again).unwrap();
    assert_eq!(third.audit().unwrap(), after);
}

/// Imports `export` into a fresh store, expecting a refusal whose message contains `says`, and
/// that nothing was written.
fn refused(export: &Export, says: &str) {
    let (_dir, other) = fresh();
    let err = import_file(&other, export).unwrap_err().to_string();
    assert!(err.contains(says), "{err}");
    assert!(other.is_empty());
    assert!(other.audit().unwrap().is_empty());
}

#[test]
fn import_refuses_a_broken_emptied_or_forged_trail() {
    let (_dir, store) = filled();
    let export = store.export(sig().at).unwrap();

    let mut changed = export.clone();
    changed.audit[1].by = "Iemand Anders".into();
    refused(&changed, "audit entry 2 (group.add by Iemand Anders");

    let mut emptied = export.clone();
    emptied.audit.clear();
    refused(&emptied, "the audit trail is empty");

    // Cut short: only the first entry left, whose chain still holds.
    let mut cut = export.clone();
    cut.audit.truncate(1);
    refused(&cut, "has no history");

    // An invented entry, sealed like a real one, about an observation and a child that do not
    // exist: the child is caught by the rules (the observation only by the chain or a backup).
    let mut forged = export.clone();
    let mut invented = AuditEntry::new(
        chrono::DateTime::parse_from_rfc3339("2020-02-03T10:00:00+01:00").unwrap(),
        "Onbekende",
        AuditAction::ChildEdit,
        "child:4242".into(),
    );
    invented.seal(&forged.audit[2].hash);
    forged.audit.push(invented.clone());
    refused(&forged, "audit entry 4 (child.edit by Onbekende");

    // The same entry without a fitting hash, in the middle: the chain names it.
    let mut inserted = export.clone();
    invented.target = "observation:4242/a".into();
    inserted.audit.insert(1, invented);
    refused(&inserted, "audit entry 2 (child.edit by Onbekende");
}

#[test]
fn check_reports_a_trail_changed_behind_its_back() {
    let (_dir, store) = filled();
    let trees = store.trees().unwrap();
    let (key, value) = trees.audit.iter().nth(1).unwrap().unwrap();
    let mut entry: AuditEntry = codec::decode(&key, &value).unwrap();
    entry.by = "Iemand Anders".into();
    trees.audit.insert(key, codec::encode(&entry)).unwrap();
    drop(trees);
    let problems = store.check().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .to_string()
            .starts_with("audit entry 2 (group.add by Iemand Anders"),
        "{problems:?}"
    );
}

#[test]
fn import_refuses_a_database_that_already_has_a_trail() {
    let (_dir, store) = filled();
    let export = store.export(sig().at).unwrap();
    let (_dir2, other) = fresh();
    // A form template imported into a new database leaves a trail but no records.
    let mut own = crate::templates::builtin().remove(0);
    own.id = "eigen-formulier".into();
    other.add_form_template(&own, &sig()).unwrap();
    assert!(other.is_empty());
    let err = other.import(&export).unwrap_err().to_string();
    assert!(err.contains("not empty"), "{err}");
}

#[test]
fn a_trail_cut_after_a_bulk_load_is_refused() {
    // Loaded in bulk, then one more group: the load accounts only for what it brought.
    let (_dir, store) = fresh();
    let data = crate::demo::generate(&Default::default(), sig().at);
    store.import(&data).unwrap();
    let later = store
        .add_group("Later", GroupKind::Bso, "", &sig())
        .unwrap();
    let export = store.export(sig().at).unwrap();
    let (_dir2, other) = fresh();
    other.import(&export).unwrap();

    let mut cut = export.clone();
    cut.audit.pop();
    assert_eq!(
        verify_chain(&cut.audit),
        Ok(()),
        "the chain alone cannot see it"
    );
    let (_dir3, third) = fresh();
    let err = third.import(&cut).unwrap_err().to_string();
    assert!(
        err.contains(&format!("group {} has no history", later.id)),
        "{err}"
    );
}
