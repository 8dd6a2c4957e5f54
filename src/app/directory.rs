//! The directory as the `c` lookup searches it, kept between openings: reading 5,000 cards,
//! translating the pinned ones and folding every card's text took some 40 ms at each `c`, where
//! a keystroke has 5 ms. It is read again only when a card or a staff member was written since
//! (the [`Store::directory_changes`] count moved: a card, a staff member made
//! aandachtsfunctionaris, an import; not a mark) or the language changed. While signaal runs it holds the database's lock, so every write
//! goes through this process's store and moves that count.
//!
//! When the app is idle and the directory kept is out of date (at the start, after a card or staff member changed), it
//! is read again on a thread of its own, so that the next `c` finds it ready.

use std::sync::Arc;
use std::thread::JoinHandle;

use crate::domain::contact::{Contact, Lookup};
use crate::i18n::Lang;
use crate::store::{Result, Store};

/// The directory made ready for the lookup: the cards as shown and searched (the pinned ones in
/// the user's language, the aandachtsfunctionarissen's lines), and the stored version of those
/// shown otherwise, which is what their card opens with.
#[derive(Debug)]
pub struct Directory {
    pub lookup: Lookup,
    /// `(index in lookup.contacts, the card as stored)` for each card shown in other words.
    stored: Vec<(usize, Contact)>,
}

impl Directory {
    /// Reads the directory with its leads ([`Store::directory_with_leads`]) and prepares it for
    /// searching in `lang`.
    ///
    /// # Errors
    /// When the store cannot be read.
    pub fn read(store: &Store, lang: Lang) -> Result<Directory> {
        let mut stored = Vec::new();
        let shown = store.directory_with_leads()?.into_iter().enumerate();
        let shown = shown.map(
            |(at, card)| match card.pinned.is_some() || card.lead.is_some() {
                // Only these are shown in other words (`Lang::contact`); the others as they are.
                true => {
                    let here = lang.contact(&card);
                    stored.push((at, card));
                    here
                }
                false => card,
            },
        );
        let lookup = Lookup::new(shown.collect());
        Ok(Directory { lookup, stored })
    }

    /// The card at `index` as stored: what its card opens with and its form changes.
    pub fn stored(&self, index: usize) -> Option<&Contact> {
        match self.stored.binary_search_by_key(&index, |(at, _)| *at) {
            Ok(found) => Some(&self.stored[found].1),
            Err(_) => self.lookup.contacts.get(index),
        }
    }
}

/// What a directory was read at: the store's change count before reading, and the language.
type Stamp = (u64, Lang);

/// The directory kept between openings of the lookup, and the one being read in the background.
#[derive(Debug, Default)]
pub struct DirectoryCache {
    kept: Option<(Stamp, Arc<Directory>)>,
    reading: Option<(Stamp, JoinHandle<Result<Directory>>)>,
}

impl DirectoryCache {
    /// The directory as `store` holds it now, in `lang`: the one kept when nothing was written
    /// since, else the one being read in the background for this very state (waited for), else
    /// read now.
    ///
    /// # Errors
    /// When the store cannot be read.
    pub fn get(&mut self, store: &Store, lang: Lang) -> Result<Arc<Directory>> {
        let now = (store.directory_changes(), lang);
        if let Some((stamp, directory)) = &self.kept {
            if *stamp == now {
                return Ok(Arc::clone(directory));
            }
        }
        // A thread that panicked read nothing: read here.
        let read = match self.reading.take() {
            Some((stamp, thread)) if stamp == now => thread.join().ok(),
            _ => None,
        };
        let directory = Arc::new(match read {
            Some(read) => read?,
            None => Directory::read(store, lang)?,
        });
        self.kept = Some((now, Arc::clone(&directory)));
        Ok(directory)
    }

    /// When the directory kept is out of date and none is being read for the store's present
    /// state, starts reading it on a thread of its own (for when the app is idle). A finished
    /// reading is taken in. Nothing happens when the thread cannot be started: `get` reads then.
    pub fn prepare(&mut self, store: &Store, lang: Lang) {
        let now = (store.directory_changes(), lang);
        if self.kept.as_ref().is_some_and(|(stamp, _)| *stamp == now) {
            return;
        }
        if let Some((stamp, thread)) = self.reading.take() {
            match (stamp == now, thread.is_finished()) {
                (true, false) => {
                    self.reading = Some((stamp, thread));
                    return;
                }
                (true, true) => {
                    if let Ok(Ok(directory)) = thread.join() {
                        self.kept = Some((stamp, Arc::new(directory)));
                    }
                    return;
                }
                // Out of date: its result is left to the thread, which ends by itself.
                (false, _) => {}
            }
        }
        let store = store.clone();
        let spawned = std::thread::Builder::new()
            .name("signaal-directory".into())
            .spawn(move || Directory::read(&store, lang));
        if let Ok(thread) = spawned {
            self.reading = Some((now, thread));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact::Pinned;
    use crate::store::Signature;

    fn signature() -> Signature {
        Signature {
            by: "test".into(),
            at: chrono::Utc::now().fixed_offset(),
        }
    }

    #[test]
    fn a_card_written_after_reading_is_in_the_next_directory() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let mut cache = DirectoryCache::default();
        let first = cache.get(&store, Lang::En).unwrap();
        let again = cache.get(&store, Lang::En).unwrap();
        assert!(Arc::ptr_eq(&first, &again), "kept while nothing changed");

        let mut card = Contact::named(0, "Logopedie Noord");
        card.role = "Logopedist".into();
        let card = store.save_contact(&card, &signature()).unwrap();
        let names = |d: &Directory| -> Vec<String> {
            d.lookup.contacts.iter().map(|c| c.name.clone()).collect()
        };
        let after = cache.get(&store, Lang::En).unwrap();
        assert!(names(&after).contains(&card.name), "{:?}", names(&after));

        // Read in the background while idle, then taken in as it is.
        let renamed = Contact {
            name: "Logopedie Oost".into(),
            ..card
        };
        store.save_contact(&renamed, &signature()).unwrap();
        cache.prepare(&store, Lang::En);
        let background = cache.get(&store, Lang::En).unwrap();
        assert!(names(&background).contains(&renamed.name));
        assert!(!names(&background).contains(&"Logopedie Noord".to_string()));
    }

    #[test]
    fn pinned_cards_are_shown_in_the_language_and_open_as_stored() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let mut cache = DirectoryCache::default();
        let dutch = cache.get(&store, Lang::Nl).unwrap();
        let english = cache.get(&store, Lang::En).unwrap();
        assert!(
            !Arc::ptr_eq(&dutch, &english),
            "read again for another language"
        );
        let at = english
            .lookup
            .contacts
            .iter()
            .position(|c| c.pinned == Some(Pinned::Emergency))
            .unwrap();
        let stored = english.stored(at).unwrap();
        assert_eq!(*stored, Pinned::Emergency.card(), "as stored: in Dutch");
        assert_eq!(english.lookup.contacts[at], Lang::En.contact(stored));
        assert_ne!(english.lookup.contacts[at].role, stored.role, "translated");
        assert_eq!(english.stored(english.lookup.contacts.len()), None);
    }
}
