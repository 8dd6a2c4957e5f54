//! The TUI on a database that opening had to repair: the user is told, in their language.

use std::fs;

use super::test_support::now;
use super::*;
use crate::domain::GroupKind;
use crate::keymap::Keymap;
use crate::store::Signature;

#[test]
fn a_repair_at_opening_is_told_on_the_status_line_in_dutch() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("db");
    let sig = Signature {
        by: "Test".into(),
        at: now(),
    };
    let store = Store::open(&path).unwrap();
    for name in ["De Vlinders", "De Uilen"] {
        store.add_group(name, GroupKind::Kdv, "", &sig).unwrap();
    }
    drop(store);
    drop(Store::open(&path).unwrap());
    // Tear the last write: cut the log 100 bytes before where sled's snapshot says it ends.
    let end = fs::read_dir(&path)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            u64::from_str_radix(name.strip_prefix("snap.")?, 16).ok()
        })
        .max()
        .unwrap();
    let db = fs::OpenOptions::new()
        .write(true)
        .open(path.join("db"))
        .unwrap();
    db.set_len(end - 100).unwrap();

    let store = Store::open(&path).unwrap();
    let kept = store.recovered().expect("repaired").damaged.clone();
    let options = Options {
        lang: Lang::Nl,
        keymap: Keymap::default(),
        clock: Clock::Fixed(now()),
        user: None,
        observe_weeks: crate::config::defaults::OBSERVE_WEEKS,
        lock_after: None,
    };
    let app = App::new(store, options);
    let status = app.status.as_ref().expect("told");
    assert!(status.error);
    assert!(status.text.contains("hersteld"), "{}", status.text);
    assert!(status.text.contains(&kept.display().to_string()));
}
