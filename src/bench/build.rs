//! The bench's database: the demo's fictional organisation at the asked size, generated as an
//! export and written in one import (the fastest way in, and checked as any import). The
//! criterion benches (`benches/`) build theirs here too, so that they measure on the same
//! realistic size.

use std::path::Path;

use super::Size;
use crate::app::Clock;
use crate::demo;
use crate::domain::Role;
use crate::store::{Store, StoreError};

/// The demo seed of every bench database: the same size gives the same data (on the same day).
const SEED: u64 = 16;

/// The demo's options for `size`: exactly its children spread over its groups, its observations
/// over the children (not thinned by age), its contact cards.
pub fn options(size: &Size) -> demo::Options {
    demo::Options {
        seed: SEED,
        groups: size.groups,
        children: Some(size.children),
        observations: Some(size.observations),
        contacts: Some(size.contacts),
        ..demo::Options::default()
    }
}

/// A new database at `dir` holding the demo data of `size`, dated from today. Errors: the
/// store cannot be opened or refuses the data.
pub fn database(dir: &Path, size: &Size) -> Result<Store, StoreError> {
    let store = Store::open(dir)?;
    store.import(&demo::generate(&options(size), Clock::System.now()))?;
    Ok(store)
}

/// The name of someone who sees every group (the demo's admin), to drive the app as.
pub fn everyone_seer(store: &Store) -> Result<Option<String>, StoreError> {
    let staff = store.staff()?;
    Ok(staff
        .into_iter()
        .find(|s| s.role == Role::Admin)
        .map(|s| s.name))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn exactly_the_asked_size_and_sound() {
        let size = Size {
            children: 95,
            groups: 7,
            observations: 1_003,
            contacts: 60,
        };
        let data = demo::generate(&options(&size), Clock::System.now());
        assert_eq!(data.groups.len(), 7);
        assert_eq!(data.children.len(), 95);
        assert_eq!(data.observations.len(), 1_003);
        assert_eq!(data.contacts.len(), 60);
        let children: HashSet<_> = data.children.iter().map(|c| c.id).collect();
        assert!(data
            .observations
            .iter()
            .all(|o| children.contains(&o.child_id)));
        // The generated cards, after the demo's own.
        let own = demo::generate(
            &demo::Options {
                contacts: None,
                ..options(&size)
            },
            Clock::System.now(),
        );
        for card in &data.contacts[own.contacts.len()..] {
            assert!(!card.name.is_empty() && !card.role.is_empty(), "{card:?}");
            assert!(card.email.ends_with(".example"), "{}", card.email);
            assert!(card.phones.iter().all(|p| !p.label.is_empty()), "{card:?}");
        }
        let dir = tempfile::TempDir::new().unwrap();
        let store = database(&dir.path().join("db"), &size).unwrap();
        assert_eq!(store.check().unwrap(), Vec::new());
        assert!(everyone_seer(&store).unwrap().is_some());
    }

    #[test]
    fn fewer_cards_than_the_demo_has_leave_no_link_behind() {
        let size = Size {
            children: 40,
            groups: 3,
            observations: 80,
            contacts: 2,
        };
        let dir = tempfile::TempDir::new().unwrap();
        let store = database(&dir.path().join("db"), &size).unwrap();
        assert_eq!(store.check().unwrap(), Vec::new());
        let data = demo::generate(&options(&size), Clock::System.now());
        assert_eq!(data.contacts.len(), 2);
    }
}
