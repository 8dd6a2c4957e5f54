use chrono::{NaiveDate, TimeZone, Utc};
use tempfile::TempDir;

use super::*;
use crate::domain::AuditAction;
use crate::domain::{GroupKind, Role};

pub(super) fn sig() -> Signature {
    Signature {
        by: "Test Medewerker".into(),
        at: Utc
            .with_ymd_and_hms(2026, 3, 2, 9, 30, 0)
            .unwrap()
            .fixed_offset(),
    }
}

pub(super) fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(super) fn fresh() -> (TempDir, Store) {
    let dir = TempDir::new().unwrap();
    let store = Store::open(&dir.path().join("db")).unwrap();
    (dir, store)
}

#[test]
fn new_database_is_empty_and_current() {
    let (_dir, store) = fresh();
    assert!(store.is_empty());
    assert_eq!(schema::read_version(&store).unwrap(), Some(schema::CURRENT));
}

#[test]
fn children_are_scanned_per_group() {
    let (_dir, store) = fresh();
    let a = store
        .add_group("De Vlinders", GroupKind::Kdv, "Lindelaan", &sig())
        .unwrap();
    let b = store
        .add_group("De Uilen", GroupKind::Bso, "Lindelaan", &sig())
        .unwrap();
    let zoe = store
        .add_child(a.id, "Zoë", "de Vries", date("2023-04-01"), &sig())
        .unwrap();
    store
        .add_child(b.id, "Daan", "Bakker", date("2018-09-12"), &sig())
        .unwrap();
    let in_a = store.children_of(a.id).unwrap();
    assert_eq!(in_a.len(), 1);
    assert_eq!(in_a[0].first_name, "Zoë");
    assert_eq!(store.child(zoe.id).unwrap().unwrap().group_id, a.id);
    assert!(!store.is_empty());
}

#[test]
fn moving_a_child_updates_both_groups_and_index() {
    let (_dir, store) = fresh();
    let a = store.add_group("A", GroupKind::Kdv, "", &sig()).unwrap();
    let b = store
        .add_group("B", GroupKind::Peuteropvang, "", &sig())
        .unwrap();
    let mut child = store
        .add_child(a.id, "Noor", "Jansen", date("2023-01-01"), &sig())
        .unwrap();
    child.group_id = b.id;
    store
        .save_child(&child, AuditAction::ChildEdit, &sig())
        .unwrap();
    assert!(store.children_of(a.id).unwrap().is_empty());
    assert_eq!(store.children_of(b.id).unwrap().len(), 1);
    assert_eq!(store.child(child.id).unwrap().unwrap().group_id, b.id);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn archiving_keeps_the_child_but_not_in_the_count() {
    let (_dir, store) = fresh();
    let g = store.add_group("A", GroupKind::Kdv, "", &sig()).unwrap();
    let mut child = store
        .add_child(g.id, "Sem", "Visser", date("2022-06-30"), &sig())
        .unwrap();
    store
        .add_child(g.id, "Lotte", "Smit", date("2022-07-30"), &sig())
        .unwrap();
    child.archived = true;
    store
        .save_child(&child, AuditAction::ChildArchive, &sig())
        .unwrap();
    assert_eq!(store.group_summary(g.id).unwrap().active_children, 1);
    assert_eq!(store.children_of(g.id).unwrap().len(), 2);
}

#[test]
fn every_write_is_audited_and_signed() {
    let (_dir, store) = fresh();
    let g = store.add_group("A", GroupKind::Kdv, "", &sig()).unwrap();
    store
        .add_child(g.id, "Sem", "Visser", date("2022-06-30"), &sig())
        .unwrap();
    let audit = store.audit().unwrap();
    let actions: Vec<_> = audit.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["group.add", "child.add"]);
    assert!(audit.iter().all(|e| e.by == "Test Medewerker"));
    assert_eq!(audit[0].target, format!("group:{}", g.id));
}

#[test]
fn blank_names_and_duplicate_staff_are_refused() {
    let (_dir, store) = fresh();
    assert!(matches!(
        store.add_group("  ", GroupKind::Kdv, "", &sig()),
        Err(StoreError::NameRequired(Named::Group))
    ));
    store.add_staff("Fatima", Role::Staff, &[], &sig()).unwrap();
    let again = store.add_staff("fatima", Role::Coach, &[], &sig());
    assert!(matches!(again, Err(StoreError::DuplicateStaff(name)) if name == "fatima"));
    let accented = store.add_staff("Fátima ", Role::Coach, &[], &sig());
    assert!(matches!(accented, Err(StoreError::DuplicateStaff(_))));
    assert_eq!(store.staff().unwrap().len(), 1);
}

#[test]
fn child_in_missing_group_is_refused() {
    let (_dir, store) = fresh();
    let result = store.add_child(999, "Sem", "Visser", date("2022-06-30"), &sig());
    assert!(matches!(result, Err(StoreError::UnknownGroup(999))));
    assert!(store.is_empty());
}

#[test]
fn data_survives_reopening() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("db");
    let id = {
        let store = Store::open(&path).unwrap();
        let g = store
            .add_group(
                "De Egeltjes",
                GroupKind::Peuteropvang,
                "Dorpsstraat",
                &sig(),
            )
            .unwrap();
        g.id
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.group(id).unwrap().unwrap().name, "De Egeltjes");
}

#[test]
fn second_open_reports_in_use() {
    let (dir, _store) = fresh();
    match Store::open(&dir.path().join("db")) {
        Err(StoreError::InUse(path)) => assert!(path.ends_with("db")),
        Err(other) => panic!("expected InUse, got {other}"),
        Ok(_) => panic!("a second open must fail"),
    }
}

#[test]
fn newer_schema_is_refused() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("db");
    {
        let store = Store::open(&path).unwrap();
        store
            .trees()
            .unwrap()
            .meta
            .insert(b"schema_version", &99u32.to_be_bytes())
            .unwrap();
        store.trees().unwrap().db.flush().unwrap();
    }
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::NewerSchema { found: 99, .. })
    ));
}

#[test]
fn a_file_instead_of_a_directory_is_a_clear_error() {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join("not-a-db");
    std::fs::write(&file, "hello").unwrap();
    let err = Store::open(&file).err().expect("must fail");
    assert!(err.to_string().contains("not a directory"), "{err}");
}

#[test]
fn export_import_round_trip_keeps_everything_and_fresh_ids_do_not_collide() {
    let (_dir, store) = fresh();
    store.add_staff("Fatima", Role::Staff, &[], &sig()).unwrap();
    let g = store.add_group("A", GroupKind::Bso, "Loc", &sig()).unwrap();
    store
        .add_child(g.id, "Ĳsbrand", "Öztürk", date("2017-02-03"), &sig())
        .unwrap();
    let export = store.export(sig().at).unwrap();

    let (_dir2, other) = fresh();
    other.import(&export).unwrap();
    let again = other.export(sig().at).unwrap();
    assert_eq!(
        serde_json::to_value(&export).unwrap(),
        serde_json::to_value(&again).unwrap()
    );

    let new = other.add_group("B", GroupKind::Kdv, "", &sig()).unwrap();
    assert!(new.id > export.max_id());
    assert!(other.check().unwrap().is_empty());
}

#[test]
fn import_refuses_a_non_empty_database_and_inconsistent_data() {
    let (_dir, store) = fresh();
    let g = store.add_group("A", GroupKind::Bso, "Loc", &sig()).unwrap();
    let mut export = store.export(sig().at).unwrap();
    assert!(store.import(&export).is_err(), "non-empty database");

    let (_dir2, other) = fresh();
    export.children.push(crate::domain::Child::new(
        500,
        g.id + 100,
        "Sem",
        String::new(),
        date("2020-01-01"),
    ));
    let err = other.import(&export).unwrap_err().to_string();
    assert!(err.contains("does not exist"), "{err}");
    assert!(other.is_empty(), "nothing written on a failed import");
}

#[test]
fn a_damaged_record_is_reported_not_panicked_on() {
    let (_dir, store) = fresh();
    let g = store.add_group("A", GroupKind::Kdv, "", &sig()).unwrap();
    store
        .trees()
        .unwrap()
        .groups
        .insert(codec::id_key(g.id), b"{not json".to_vec())
        .unwrap();
    let err = store.check().unwrap_err().to_string();
    assert!(err.contains("damaged"), "{err}");
    assert!(matches!(store.groups(), Err(StoreError::Damaged(_))));
}

#[test]
fn a_damaged_schema_version_refuses_to_open() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("db");
    {
        let store = Store::open(&path).unwrap();
        store
            .trees()
            .unwrap()
            .meta
            .insert(b"schema_version", b"abc".to_vec())
            .unwrap();
        store.trees().unwrap().db.flush().unwrap();
    }
    match Store::open(&path) {
        Err(StoreError::Damaged(Damage::SchemaVersionLength(_))) => {}
        Err(other) => panic!("expected Damaged, got {other}"),
        Ok(_) => panic!("a damaged database must not open silently"),
    }
}

mod people {
    use super::*;
    use crate::domain::pin::Pin;
    use crate::store::PinTry;
    use chrono::Duration;

    fn pin(typed: &str) -> Pin {
        Pin::parse(typed).unwrap()
    }

    #[test]
    fn a_pin_is_kept_as_a_hash_counts_wrong_tries_and_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let at = sig().at;
        let id = {
            let store = Store::open(dir.path()).unwrap();
            let person = store.add_staff("Fatima", Role::Staff, &[], &sig()).unwrap();
            assert!(!store.has_pin(person.id).unwrap());
            assert_eq!(store.try_pin(person.id, "", at).unwrap(), PinTry::Right);
            store
                .set_pin(person.id, Some(&pin("4711")), &sig())
                .unwrap();
            assert_eq!(
                store.try_pin(person.id, "1111", at).unwrap(),
                PinTry::Wrong {
                    wait: Duration::seconds(1)
                }
            );
            person.id
        };
        let store = Store::open(dir.path()).unwrap();
        assert!(store.has_pin(id).unwrap());
        assert!(
            matches!(
                store.try_pin(id, "4711", at).unwrap(),
                PinTry::TooSoon { .. }
            ),
            "the wait survives reopening, even for the right PIN"
        );
        let later = at + Duration::seconds(1);
        assert_eq!(store.try_pin(id, "4711", later).unwrap(), PinTry::Right);
        assert_eq!(
            store.try_pin(id, "1111", later).unwrap(),
            PinTry::Wrong {
                wait: Duration::seconds(1)
            },
            "a right PIN starts the count again"
        );
        let raw: Vec<u8> = store
            .trees()
            .unwrap()
            .pins
            .get(crate::store::codec::id_key(id))
            .unwrap()
            .unwrap()
            .to_vec();
        assert!(!String::from_utf8_lossy(&raw).contains("4711"));
        let export = serde_json::to_string(&store.export(at).unwrap()).unwrap();
        assert!(!export.contains("argon2"), "no PIN hash in the export");
        let actions: Vec<String> = store
            .audit()
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert!(actions.contains(&"staff.pin_set".to_string()));
        store.set_pin(id, None, &sig()).unwrap();
        assert!(!store.has_pin(id).unwrap());
        assert_eq!(store.try_pin(id, "", later).unwrap(), PinTry::Right);
    }

    #[test]
    fn a_staff_member_can_be_renamed_but_not_onto_someone_else() {
        let (_dir, store) = fresh();
        let fatima = store.add_staff("Fatima", Role::Staff, &[], &sig()).unwrap();
        store.add_staff("Bram", Role::Coach, &[], &sig()).unwrap();
        let renamed = Staff {
            name: " Fatíma Öztürk ".into(),
            role: Role::CareCoordinator,
            groups: vec![3],
            ..fatima.clone()
        };
        let saved = store.update_staff(&renamed, &sig()).unwrap();
        assert_eq!(saved.name, "Fatíma Öztürk");
        let onto_bram = Staff {
            name: "bram".into(),
            ..saved.clone()
        };
        assert!(matches!(
            store.update_staff(&onto_bram, &sig()),
            Err(StoreError::DuplicateStaff(_))
        ));
        let stored = store.staff().unwrap();
        assert_eq!(stored.iter().find(|s| s.id == fatima.id), Some(&saved));
    }
}

#[test]
fn import_and_check_refuse_a_coach_marked_as_aandachtsfunctionaris() {
    let (_dir, store) = fresh();
    let coach = store
        .add_staff("Els Meijer", Role::Coach, &[], &sig())
        .unwrap();
    let lead = store
        .add_staff("Dewi Peters", Role::CareCoordinator, &[], &sig())
        .unwrap();
    store.set_safeguarding_lead(&lead, true, &sig()).unwrap();
    assert!(
        store.check().unwrap().is_empty(),
        "a care coordinator may be one"
    );
    let mut export = store.export(sig().at).unwrap();
    let at = export.staff.iter().position(|s| s.id == coach.id).unwrap();
    export.staff[at].safeguarding_lead = true;
    let (_dir2, other) = fresh();
    let err = other.import(&export).unwrap_err().to_string();
    assert!(
        err.contains("Els Meijer is a coach and cannot be the aandachtsfunctionaris"),
        "{err}"
    );
    assert!(other.is_empty());

    // Flagged in the database by hand: `check` says so.
    store.set_safeguarding_lead(&coach, true, &sig()).unwrap();
    let problems = store.check().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].to_string().contains("Els Meijer is a coach"),
        "{problems:?}"
    );
}
