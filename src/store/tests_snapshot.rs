//! Streaming export and import, and exports that stay consistent while another handle writes.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use super::tests::{date, fresh, sig};
use super::*;
use crate::domain::contact::Contact;
use crate::domain::form::{FormTemplate, Mark};
use crate::domain::AuditAction;
use crate::domain::{Catalogue, GroupKind, Observation};
use crate::export::Export;

fn demo() -> (tempfile::TempDir, Store) {
    let (dir, store) = fresh();
    let data = crate::demo::generate(&Default::default(), sig().at);
    store.import(&data).unwrap();
    (dir, store)
}

fn exported(store: &Store) -> Vec<u8> {
    let mut out = Vec::new();
    store.write_export(&mut out, sig().at).unwrap();
    out
}

/// The export as signaal built it before it streamed: every array read whole, then serialised.
fn built_whole(store: &Store) -> Export {
    Export {
        staff: store.staff().unwrap(),
        groups: store.groups().unwrap(),
        children: decode_all(&store.trees().unwrap().children).unwrap(),
        form_templates: Catalogue::forms(store.form_templates().unwrap())
            .all()
            .to_vec(),
        observations: decode_all(&store.trees().unwrap().observations).unwrap(),
        plan_templates: Catalogue::plans(store.plan_templates().unwrap())
            .all()
            .to_vec(),
        trajectories: store.trajectories().unwrap(),
        contacts: crate::contacts_io::uid::with_uids(store.directory().unwrap()),
        visits: store.visits().unwrap(),
        handovers: store.handovers().unwrap(),
        audit: store.audit().unwrap(),
        ..Export::new(sig().at)
    }
}

#[test]
fn the_streamed_export_is_the_whole_export_byte_for_byte() {
    let (_dir, store) = demo();
    let streamed = exported(&store);
    let whole = serde_json::to_vec_pretty(&built_whole(&store)).unwrap();
    assert!(streamed == whole, "the streamed export differs");

    let (_dir, empty) = fresh();
    let streamed = exported(&empty);
    let whole = serde_json::to_vec_pretty(&built_whole(&empty)).unwrap();
    assert!(streamed == whole, "the streamed empty export differs");
}

#[test]
fn the_summary_counts_what_was_written() {
    let (_dir, store) = demo();
    let summary = store.write_export(std::io::sink(), sig().at).unwrap();
    let data = built_whole(&store);
    assert_eq!(summary.children, data.children.len());
    assert_eq!(summary.observations, data.observations.len());
    assert_eq!(summary.audit, data.audit.len());
    assert_eq!(summary.groups, data.groups.len());
}

fn card(name: &str) -> Contact {
    Contact::named(0, name)
}

#[test]
fn a_snapshot_reads_changed_created_and_removed_keys_as_they_were() {
    let (_dir, store) = fresh();
    let a = store.save_contact(&card("Anna"), &sig()).unwrap();
    let b = store.save_contact(&card("Bram"), &sig()).unwrap();
    let c = store.save_contact(&card("Cor"), &sig()).unwrap();
    let snapshot = store.snapshots.begin();
    let read = |snapshot: &undo::Snapshot| -> Vec<Contact> {
        snapshot
            .scan(writes::Table::Contacts, &store.trees().unwrap().contacts)
            .map(|entry| {
                let (key, value) = entry.unwrap();
                codec::decode(&key, &value).unwrap()
            })
            .collect()
    };
    let audit_before = store.audit().unwrap().len();

    store.remove_contact(b.id, &sig()).unwrap();
    let mut renamed = a.clone();
    renamed.name = "Anna-Lena".into();
    store.save_contact(&renamed, &sig()).unwrap();
    store.save_contact(&card("Daan"), &sig()).unwrap();
    store.remove_contact(c.id, &sig()).unwrap();
    store.save_contact(&card("Cor"), &sig()).unwrap();

    assert_eq!(read(&snapshot), vec![a, b, c]);
    let audit = snapshot
        .scan(writes::Table::Audit, &store.trees().unwrap().audit)
        .count();
    assert_eq!(audit, audit_before, "entries made since are not in it");
    drop(snapshot);
    let now: Vec<String> = store
        .contacts()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(now, ["Anna-Lena", "Daan", "Cor"]);
}

fn kdv() -> FormTemplate {
    crate::templates::builtin().into_iter().next().unwrap()
}

/// Keeps writing through `store` until `stop`: each round a new observation with one mark, every
/// third round the mark of an earlier one taken back (the observation goes), and the child
/// renamed, each with its audit entry. Counts the rounds in `rounds`.
fn keep_writing(store: Store, child: Id, stop: Arc<AtomicBool>, rounds: Arc<AtomicUsize>) {
    let template = kdv();
    let item = template.items().next().unwrap().1.id.clone();
    let mut kept: Vec<Observation> = Vec::new();
    let mut round = 0;
    while !stop.load(Ordering::SeqCst) {
        round += 1;
        let id = store.new_observation_id().unwrap();
        let mut obs = Observation::new(id, child, &template, date("2026-03-02"), "Anouk");
        obs.set_mark(&item, Some(Mark::Often), &sig().by, sig().at);
        store
            .save_observation(&obs, &template, AuditAction::ObservationMark, &item, &sig())
            .unwrap();
        kept.push(obs);
        if round % 3 == 0 {
            let mut earlier = kept.remove(0);
            earlier.set_mark(&item, None, &sig().by, sig().at);
            store
                .save_observation(
                    &earlier,
                    &template,
                    AuditAction::ObservationMark,
                    &item,
                    &sig(),
                )
                .unwrap();
        }
        let mut renamed = store.child(child).unwrap().unwrap();
        renamed.last_name = round.to_string();
        store
            .save_child(&renamed, AuditAction::ChildEdit, &sig())
            .unwrap();
        rounds.store(round, Ordering::SeqCst);
    }
}

/// What an export must hold to be one moment of the database: the observations are exactly
/// those marked and not taken back in its audit trail, and the child's name counts its edits.
fn assert_consistent(data: &Export, child: Id) {
    let count = |action: &str| data.audit.iter().filter(|e| e.action == action).count();
    let target = |e: &crate::domain::AuditEntry| {
        let id = e.target.trim_start_matches("observation:");
        id[..id.find('/').unwrap()].parse::<Id>().unwrap()
    };
    // Each observation is marked once and may be unmarked once later, both `observation.mark`:
    // those with one entry are still marked.
    let mut marks: BTreeMap<Id, usize> = BTreeMap::new();
    for e in data.audit.iter().filter(|e| e.action == "observation.mark") {
        *marks.entry(target(e)).or_default() += 1;
    }
    let mut expected: Vec<Id> = marks
        .into_iter()
        .filter(|(_, entries)| *entries == 1)
        .map(|(id, _)| id)
        .collect();
    let mut found: Vec<Id> = data
        .observations
        .iter()
        .filter(|o| o.child_id == child)
        .map(|o| o.id)
        .collect();
    found.sort();
    expected.sort();
    assert_eq!(found, expected, "observations against their audit entries");
    let edits = count("child.edit");
    let name = &data
        .children
        .iter()
        .find(|c| c.id == child)
        .unwrap()
        .last_name;
    let expected_name = if edits == 0 {
        "Zoet".to_string()
    } else {
        edits.to_string()
    };
    assert_eq!(name, &expected_name, "the child's edits against the audit");
}

#[test]
fn exports_while_another_handle_writes_never_hold_half_a_change() {
    let (_dir, store) = demo();
    let group = store.add_group("Snel", GroupKind::Kdv, "", &sig()).unwrap();
    let child = store
        .add_child(group.id, "Fien", "Zoet", date("2024-01-01"), &sig())
        .unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let rounds = Arc::new(AtomicUsize::new(0));
    let writer = {
        let (store, stop, rounds) = (store.clone(), stop.clone(), rounds.clone());
        std::thread::spawn(move || keep_writing(store, child.id, stop, rounds))
    };
    // Until enough exports overlapped with writes (a generous cap, not a fixed time).
    let mut overlapped = 0;
    let mut exports = 0;
    while overlapped < 5 && exports < 2000 {
        let before = rounds.load(Ordering::SeqCst);
        let json = exported(&store);
        let after = rounds.load(Ordering::SeqCst);
        overlapped += usize::from(after > before + 1);
        exports += 1;
        let data: Export = serde_json::from_slice(&json).unwrap();
        assert_consistent(&data, child.id);
        assert!(data.problems().is_empty(), "{:?}", data.problems());
    }
    stop.store(true, Ordering::SeqCst);
    writer.join().unwrap();
    assert!(
        overlapped >= 5,
        "only {overlapped} of {exports} exports overlapped"
    );
    assert_consistent(&store.export(sig().at).unwrap(), child.id);
}

/// Export JSON with its fields in the given order (as another tool might write it).
fn reordered(json: &[u8], order: &[&str]) -> Vec<u8> {
    let value: serde_json::Value = serde_json::from_slice(json).unwrap();
    let fields: Vec<String> = order
        .iter()
        .map(|key| format!("{key:?}: {}", value[*key]))
        .collect();
    format!("{{{}}}", fields.join(",\n")).into_bytes()
}

const BACKWARDS: [&str; 14] = [
    "audit",
    "handovers",
    "visits",
    "contacts",
    "trajectories",
    "plan_templates",
    "observations",
    "form_templates",
    "children",
    "groups",
    "staff",
    "exported_at",
    "version",
    "format",
];

#[test]
fn an_import_reads_the_arrays_in_any_order_and_round_trips() {
    let (_dir, store) = demo();
    let json = exported(&store);
    let backwards = reordered(&json, &BACKWARDS);
    let (_dir2, other) = fresh();
    let mut opened = 0;
    let summary = other
        .import_from(|| {
            opened += 1;
            Ok(Cursor::new(&backwards))
        })
        .unwrap();
    assert_eq!(opened, 2, "read twice");
    assert!(
        exported(&other) == json,
        "the import holds what was exported"
    );
    assert_eq!(summary.observations, built_whole(&store).observations.len());
    assert!(other.check().unwrap().is_empty());
    let fresh_id = other
        .add_group("Nieuw", GroupKind::Bso, "", &sig())
        .unwrap()
        .id;
    assert!(fresh_id > built_whole(&store).max_id());
}

#[test]
fn a_refused_or_failed_import_leaves_the_database_empty() {
    let (_dir, store) = demo();
    let json = exported(&store);
    let mut value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    // The problem is in the last observation, after batches were written.
    let observations = value["observations"].as_array_mut().unwrap();
    assert!(observations.len() > 2 * import::BATCH);
    observations.last_mut().unwrap()["child_id"] = 999_999.into();
    let bad = serde_json::to_vec(&value).unwrap();
    let bad = reordered(&bad, &BACKWARDS);
    let (_dir2, other) = fresh();
    let err = other.import_from(|| Ok(Cursor::new(&bad))).unwrap_err();
    assert!(
        err.to_string().contains("999999, which does not exist"),
        "{err}"
    );
    assert!(other.is_empty(), "nothing stays of a refused import");

    // Cut off in the second read: what was written goes again.
    let mut reads = 0;
    let err = other
        .import_from(|| {
            reads += 1;
            let end = if reads == 1 {
                json.len()
            } else {
                json.len() / 2
            };
            Ok(Cursor::new(&json[..end]))
        })
        .unwrap_err();
    assert!(err.to_string().contains("not a signaal export"), "{err}");
    assert!(other.is_empty(), "nothing stays of a failed import");

    // Another file the second time.
    let mut reads = 0;
    let err = other
        .import_from(|| {
            reads += 1;
            let file = if reads == 1 { &json } else { &bad };
            Ok(Cursor::new(file.as_slice()))
        })
        .unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(other.is_empty());

    other.import_from(|| Ok(Cursor::new(&json))).unwrap();
    assert!(exported(&other) == json);
}

#[test]
fn an_import_cut_off_is_reported_by_check_and_cleared_by_the_next() {
    let (_dir, store) = demo();
    let json = exported(&store);
    let (_dir2, other) = fresh();
    other.add_group("Half", GroupKind::Kdv, "", &sig()).unwrap();
    other
        .trees()
        .unwrap()
        .meta
        .insert(b"import_unfinished", &[])
        .unwrap();
    let problems = crate::i18n::Lang::En.inconsistencies(&other.check().unwrap());
    assert!(problems.contains("cut off"), "{problems}");
    other.import_from(|| Ok(Cursor::new(&json))).unwrap();
    assert!(exported(&other) == json);
    assert!(other.check().unwrap().is_empty());
}

#[test]
fn an_import_refuses_a_file_without_a_required_array_or_with_an_unknown_one_skips_it() {
    let (_dir, store) = fresh();
    let g = store.add_group("A", GroupKind::Bso, "", &sig()).unwrap();
    let json = exported(&store);
    let mut value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    value["meetings"] = serde_json::json!([{"child_id": 1}]);
    let with_extra = serde_json::to_vec(&value).unwrap();
    value.as_object_mut().unwrap().remove("children");
    let without = serde_json::to_vec(&value).unwrap();

    let (_dir2, other) = fresh();
    let err = other.import_from(|| Ok(Cursor::new(&without))).unwrap_err();
    assert!(
        err.to_string().contains("the field children is missing"),
        "{err}"
    );
    other.import_from(|| Ok(Cursor::new(&with_extra))).unwrap();
    assert_eq!(other.group(g.id).unwrap().unwrap().name, "A");
}

#[test]
fn a_recorded_import_names_the_hash_of_the_bytes_read_and_refuses_a_second_reading_that_differs() {
    use sha2::{Digest, Sha256};
    let (_dir, store) = demo();
    let json = exported(&store);
    let (_dir2, other) = fresh();
    // The same records, other bytes: the second reading is not the file the first one checked.
    let mut reads = 0;
    let err = other
        .import_from_recorded(
            || {
                reads += 1;
                let mut bytes = json.clone();
                if reads == 2 {
                    bytes.push(b'\n');
                }
                Ok(Cursor::new(bytes))
            },
            &sig(),
            TrailChain::Verified,
        )
        .unwrap_err();
    assert!(
        err.to_string().contains("changed while it was read"),
        "{err}"
    );
    assert!(other.is_empty() && other.trees().unwrap().audit.is_empty());

    other
        .import_from_recorded(|| Ok(Cursor::new(&json)), &sig(), TrailChain::Verified)
        .unwrap();
    let own = other.audit().unwrap().pop().unwrap();
    assert_eq!(own.action, AuditAction::Import.as_str());
    let sha256 = format!("{:x}", Sha256::digest(&json));
    let detail = own.detail.unwrap();
    assert!(
        detail.starts_with(&format!("file_sha256={sha256} ")),
        "{detail}"
    );
    assert!(other.check().unwrap().is_empty(), "{:?}", other.check());
}

/// A backup is brought back whatever names it holds (`import_from`, as `restore` reads it);
/// `check` then names a control character in one. A file brought in by `import` is refused.
#[test]
fn a_name_with_a_control_character_comes_back_from_a_backup_and_check_names_it() {
    let (_dir, store) = fresh();
    let g = store
        .add_group("Vlinders", GroupKind::Bso, "", &sig())
        .unwrap();
    let json = exported(&store);
    let mut value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    value["groups"][0]["name"] = "Vlinders\u{1b}[2J".into();
    let json = serde_json::to_vec(&value).unwrap();

    let (_dir2, imported) = fresh();
    let err = imported
        .import_from_recorded(|| Ok(Cursor::new(&json)), &sig(), TrailChain::Verified)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("groups[0].name: contains a control character (ESC)"),
        "{err}"
    );
    assert!(imported.is_empty());

    let (_dir3, restored) = fresh();
    restored.import_from(|| Ok(Cursor::new(&json))).unwrap();
    assert_eq!(
        restored.check().unwrap(),
        [crate::export::Inconsistency::from(format!(
            "group {} has a control character (ESC) in name",
            g.id
        ))]
    );
}
