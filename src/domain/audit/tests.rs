use chrono::DateTime;

use super::*;
use crate::domain::Id;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// A sealed trail of four entries by different people at different times.
fn trail() -> Vec<AuditEntry> {
    let mut entries = vec![
        AuditEntry::new(
            at("2026-03-02T09:30:00+01:00"),
            "Ingrid",
            AuditAction::GroupAdd,
            "group:1".into(),
        ),
        AuditEntry::new(
            at("2026-03-02T09:31:00.250+01:00"),
            "Ingrid",
            AuditAction::ChildAdd,
            "child:2".into(),
        ),
        AuditEntry::new(
            at("2026-03-03T10:00:00Z"),
            "Zoë",
            AuditAction::ObservationMark,
            "observation:3/a".into(),
        ),
        AuditEntry {
            detail: Some("file_sha256=00ff children=1".into()),
            ..AuditEntry::new(
                at("2026-03-04T08:00:00+02:00"),
                "beheer",
                AuditAction::Import,
                "database".into(),
            )
        },
    ];
    seal_all(&mut entries);
    entries
}

fn broken_at(trail: &[AuditEntry]) -> Option<usize> {
    verify_chain(trail).err().map(|b| b.position)
}

#[test]
fn the_hashed_bytes_are_the_documented_netstrings() {
    // Recomputed by hand from the module documentation, as an outside tool would.
    let entry = &trail()[0];
    let fields = [
        "signaal-audit-1",
        "",
        "2026-03-02T09:30:00+01:00",
        "Ingrid",
        "group.add",
        "group:1",
        "",
    ];
    let bytes: String = fields.iter().map(|f| format!("{}:{f},", f.len())).collect();
    assert_eq!(
        entry.hash,
        format!("{:x}", Sha256::digest(bytes.as_bytes()))
    );
    assert_eq!(entry.hash.len(), 64);
    // `at` is hashed as the export writes it (a zero offset as Z, a fraction when there is one).
    for entry in trail() {
        let written = serde_json::to_value(&entry).unwrap()["at"].clone();
        assert_eq!(
            written,
            entry.at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            "{entry:?}"
        );
    }
}

#[test]
fn a_sealed_trail_verifies_and_an_unsealed_one_names_its_first_entry() {
    assert_eq!(verify_chain(&trail()), Ok(()));
    assert_eq!(verify_chain(&[]), Ok(()));
    let mut unsealed = trail();
    for entry in &mut unsealed {
        entry.hash.clear();
    }
    let broken = verify_chain(&unsealed).unwrap_err();
    assert_eq!((broken.position, broken.missing), (1, true));
    assert!(
        broken
            .to_string()
            .contains("audit entry 1 (group.add by Ingrid"),
        "{broken}"
    );
}

#[test]
fn any_changed_field_breaks_the_chain_at_that_entry() {
    let changes: [fn(&mut AuditEntry); 5] = [
        |e| e.at = at("2020-01-01T09:00:00+01:00"),
        |e| e.by = "Someone Else".into(),
        |e| e.action = "child.archive".into(),
        |e| e.target = "child:99".into(),
        |e| e.detail = Some("children=0".into()),
    ];
    for change in changes {
        let mut changed = trail();
        change(&mut changed[2]);
        let broken = verify_chain(&changed).unwrap_err();
        assert_eq!(broken.position, 3);
        assert!(!broken.missing);
        assert_eq!(broken.by, changed[2].by);
    }
    // The same instant in another offset is written differently: a change too.
    let mut moved = trail();
    moved[0].at = moved[0]
        .at
        .with_timezone(&FixedOffset::east_opt(0).unwrap());
    assert_eq!(broken_at(&moved), Some(1));
}

#[test]
fn a_removed_inserted_or_reordered_entry_breaks_the_chain_where_it_happened() {
    let mut removed = trail();
    removed.remove(1);
    assert_eq!(broken_at(&removed), Some(2));

    let mut inserted = trail();
    let mut invented = AuditEntry::new(
        at("2020-05-01T12:00:00+02:00"),
        "Onbekend",
        AuditAction::ObservationMark,
        "observation:999/x".into(),
    );
    invented.hash = trail()[1].hash.clone();
    inserted.insert(2, invented);
    assert_eq!(broken_at(&inserted), Some(3));

    let mut swapped = trail();
    swapped.swap(1, 2);
    assert_eq!(broken_at(&swapped), Some(2));

    // An entry added at the end without a proper hash is caught too.
    let mut appended = trail();
    appended.push(AuditEntry::new(
        at("2026-03-05T08:00:00+01:00"),
        "X",
        AuditAction::ChildAdd,
        "child:5".into(),
    ));
    let broken = verify_chain(&appended).unwrap_err();
    assert_eq!((broken.position, broken.missing), (5, true));
}

#[test]
fn the_verifier_goes_one_entry_at_a_time() {
    let entries = trail();
    let mut verifier = ChainVerifier::new();
    assert_eq!(verifier.last_hash(), "");
    for entry in &entries {
        verifier.push(entry).unwrap();
    }
    assert_eq!(verifier.count(), 4);
    assert_eq!(verifier.last_hash(), entries[3].hash);
    let mut next = AuditEntry::new(
        at("2026-03-05T08:00:00+01:00"),
        "X",
        AuditAction::GroupEdit,
        "group:1".into(),
    );
    next.seal(verifier.last_hash());
    assert_eq!(verifier.push(&next), Ok(()));
}

#[test]
fn first_difference_from_a_backup() {
    let backup = trail();
    let mut database = trail();
    assert_eq!(first_difference(&database, &backup), None);
    assert_eq!(
        first_difference(&database, &backup[..2]),
        None,
        "later entries are fine"
    );

    database[1].by = "Someone Else".into();
    let diff = first_difference(&database, &backup).unwrap();
    assert_eq!(diff.position, 2);
    assert_eq!(diff.database.as_ref(), Some(&database[1]));
    assert_eq!(diff.backup.as_ref(), Some(&backup[1]));

    let diff = first_difference(&backup[..1], &backup).unwrap();
    assert_eq!(
        (diff.position, diff.database, diff.backup),
        (2, None, Some(backup[1].clone()))
    );
    assert_eq!(first_difference(&[], &backup).unwrap().position, 1);
}

#[test]
fn the_prefix_check_goes_one_pair_at_a_time() {
    let backup = trail();
    let mut database = trail();
    database[2].detail = Some("edited".into());
    let mut check = PrefixCheck::new();
    assert_eq!(check.push(Some(&database[0]), &backup[0]), None);
    assert_eq!(check.push(Some(&database[1]), &backup[1]), None);
    let diff = check.push(Some(&database[2]), &backup[2]).unwrap();
    assert_eq!(diff.position, 3);
    assert_eq!(diff.database.as_ref(), Some(&database[2]));
    let text = diff.describe("signaal-20261129T101500Z.json.gz");
    assert!(
        text.starts_with(
            "audit entry 3 differs from backup signaal-20261129T101500Z.json.gz: the database has \
             observation.mark by Zoë at 2026-03-03T10:00:00Z, target observation:3/a; the backup \
             has observation.mark by Zoë"
        ),
        "{text}"
    );
    let ended = PrefixCheck::new().push(None, &backup[0]).unwrap();
    assert!(ended
        .describe("b")
        .contains("the database's trail ends before it"));
}

/// `base` sealed with `more` appended, each `(action, target)`.
fn continued(base: &[AuditEntry], more: &[(AuditAction, &str)]) -> Vec<AuditEntry> {
    let mut entries = base.to_vec();
    entries.extend(more.iter().map(|(action, target)| entry(*action, target)));
    seal_all(&mut entries);
    entries
}

#[test]
fn a_restore_explains_a_fork_but_not_a_rewrite() {
    let base = trail();
    // B1 is `base`; B2 was made after more work; then B1 was restored and work went on.
    let b2 = continued(&base, &[(AuditAction::ChildEdit, "child:2")]);
    let restored = continued(
        &base,
        &[
            (AuditAction::Restore, "backup:b1"),
            (AuditAction::GroupEdit, "group:1"),
        ],
    );
    let last_restore = Some(base.len() + 1);
    assert_eq!(first_difference(&restored, &base), None);
    let diff = first_difference(&restored, &b2).unwrap();
    assert_eq!(diff.position, 5);
    assert!(
        diff.after_restore(last_restore),
        "the database has the restore"
    );

    // B3 was made after that restore; then B2, from the abandoned history, was restored.
    let b3 = restored.clone();
    let twice = continued(&b2, &[(AuditAction::Restore, "backup:b2")]);
    let diff = first_difference(&twice, &b3).unwrap();
    assert_eq!(diff.position, 5);
    assert!(
        diff.after_restore(Some(b2.len() + 1)),
        "a restore undone later"
    );
    // ... but a backup's restore with no restore in the database after it is not explained.
    assert!(!diff.after_restore(None));
    assert!(!diff.after_restore(Some(5)));

    // A rewrite before the restore is a rewrite.
    let mut rewritten = restored.clone();
    rewritten[1].by = "Someone Else".into();
    seal_all(&mut rewritten);
    let diff = first_difference(&rewritten, &b2).unwrap();
    assert_eq!(diff.position, 2);
    assert!(!diff.after_restore(last_restore));
    // A trail cut short is never explained.
    let diff = first_difference(&restored[..2], &base).unwrap();
    assert!(!diff.after_restore(last_restore));
}

fn entry(action: AuditAction, target: &str) -> AuditEntry {
    AuditEntry::new(
        at("2026-03-02T09:30:00+01:00"),
        "Ingrid",
        action,
        target.into(),
    )
}

fn records(kinds: &[(&'static str, &[Id])]) -> Records {
    let mut records = Records::default();
    for (kind, ids) in kinds {
        records.add(kind, ids.iter().copied());
    }
    records
}

#[test]
fn removed_records_are_explained_only_by_a_later_removal() {
    let trail = [
        entry(AuditAction::ChildAdd, "child:5"),
        entry(AuditAction::TrajectoryStart, "trajectory:6"),
        entry(AuditAction::ContactAdd, "contact:7"),
        entry(AuditAction::ObservationMark, "observation:8/a"),
        entry(AuditAction::ChildPurge, "child:5"),
        entry(AuditAction::ContactRemove, "contact:7"),
    ];
    assert_eq!(trail_problems(&trail, records(&[])), Vec::<String>::new());

    // Named after its removal, or never removed at all: invented.
    let mut late = trail.to_vec();
    late.push(entry(AuditAction::ChildEdit, "child:5"));
    late.push(entry(AuditAction::GroupEdit, "group:9"));
    let problems = trail_problems(&late, records(&[]));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("audit entry 7 (child.edit by Ingrid"),
        "{problems:?}"
    );
    assert!(
        problems[1].contains("names group 9, which does not exist"),
        "{problems:?}"
    );

    // A removal of a record that is still there.
    let problems = trail_problems(&trail, records(&[("child", &[5])]));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("says child 5 was removed, but it is still there"));
}

#[test]
fn every_record_needs_an_entry_or_a_bulk_load_that_brought_it() {
    let held = || records(&[("group", &[1]), ("child", &[2, 3]), ("contact", &[4])]);
    let problems = trail_problems(&[], held());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("group 1 has no history: the audit trail is empty"),
        "{problems:?}"
    );
    assert!(problems[0].contains("(4 records like it)"), "{problems:?}");

    let named = [
        entry(AuditAction::GroupAdd, "group:1"),
        entry(AuditAction::ChildAdd, "child:2"),
        entry(AuditAction::ChildEdit, "child:3"),
        entry(AuditAction::ContactImport, "contacts:1"),
    ];
    assert_eq!(trail_problems(&named, held()), Vec::<String>::new());

    // A load that does not say what it brought covers all; one that does, up to its bound.
    let legacy = [entry(AuditAction::DemoLoad, "database")];
    assert_eq!(trail_problems(&legacy, held()), Vec::<String>::new());
    let bounded = [AuditEntry {
        detail: Some("file_sha256=00 children=2 max_id=2".into()),
        ..entry(AuditAction::Import, "database")
    }];
    let problems = trail_problems(&bounded, held());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("child 3 has no history: none of the 1 audit entries"));
}

#[test]
fn a_repair_explains_a_fork_as_a_restore_does() {
    let base = trail();
    // A backup saw one more write; the tear gave it up and the repair was recorded after `base`.
    let backup = continued(&base, &[(AuditAction::ChildEdit, "child:2")]);
    let repaired = continued(
        &base,
        &[
            (AuditAction::Repair, "database"),
            (AuditAction::GroupEdit, "group:1"),
        ],
    );
    let diff = first_difference(&repaired, &backup).unwrap();
    assert_eq!(diff.position, base.len() + 1);
    assert!(diff.after_restore(Some(base.len() + 1)));
    // Without the repair entry, the same loss is reported, and as lost work, not a rewrite.
    let lost = first_difference(&base, &backup).unwrap();
    assert!(!lost.after_restore(None));
    let said = lost.describe("b");
    assert!(said.contains("lacks what the backup holds"), "{said}");
    assert!(!said.contains("changed behind"), "{said}");
}
