//! How fast the store and the filter are on a large database (10,500 children in 700 groups).
//! Run: `cargo bench --bench store`.

mod common;

use chrono::{TimeZone, Utc};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

use signaal::domain::AuditAction;
use signaal::search;
use signaal::store::{Signature, Store};

use common::{demo_store, large_demo};

fn large_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::TempDir::new().expect("temp dir");
    let now = Utc
        .with_ymd_and_hms(2026, 11, 20, 10, 0, 0)
        .unwrap()
        .fixed_offset();
    let store = demo_store(&dir.path().join("db"), &large_demo(), now);
    (dir, store)
}

fn benches(c: &mut Criterion) {
    let (_dir, store) = large_store();
    let groups = store.groups().unwrap();
    let middle = groups[groups.len() / 2].id;
    let child = store.children_of(middle).unwrap()[0].clone();
    let sig = Signature {
        by: "Bench".into(),
        at: Utc::now().fixed_offset(),
    };

    c.bench_function(
        "children_of one group (prefix scan, 10,500 children)",
        |b| b.iter(|| black_box(store.children_of(black_box(middle)).unwrap())),
    );
    c.bench_function("child by id (index + get)", |b| {
        b.iter(|| black_box(store.child(black_box(child.id)).unwrap()))
    });
    c.bench_function("save_child, flushed to disk", |b| {
        let mut edited = child.clone();
        b.iter(|| {
            edited.archived = !edited.archived;
            store
                .save_child(&edited, AuditAction::ChildArchive, &sig)
                .unwrap()
        })
    });
    let names: Vec<String> = groups
        .iter()
        .flat_map(|g| store.children_of(g.id).unwrap())
        .map(|c| c.full_name())
        .collect();
    c.bench_function("fuzzy filter over 10,500 child names", |b| {
        b.iter(|| black_box(search::rank(&names, black_box("zoe vr"), |n| n.clone())))
    });
}

criterion_group!(store_benches, benches);
criterion_main!(store_benches);
