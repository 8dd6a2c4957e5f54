//! `signaal contacts`: the contact directory from the command line. `find` looks a contact up
//! (and still finds the pinned cards when the database cannot be opened: someone in a hurry must
//! get 0800-2000), `import` adds the cards of a vCard or CSV file, all or nothing, and `export`
//! writes the whole directory as vCard 4.0.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, Context as _, Result};

use crate::cli::{ContactsExportArgs, ContactsFindArgs};
use crate::contacts_io::{identity, uid, ReadFile};
use crate::domain::contact::{directory, Lookup};
use crate::domain::text::visible_controls;
use crate::domain::Contact;
use crate::i18n::{ContactsImported, Lang};
use crate::store::{Store, StoreError};

/// Who the audit trail names for contacts imported from the command line.
pub const IMPORT_AUTHOR: &str = "signaal contacts import";

/// Prints the contacts matching the query, best first, one a line (see [`line`]). Exit code 1,
/// with a sentence on stderr, when none matches. `db` is the database directory, or why there
/// is none; a database that is missing, in use or cannot be read leaves the pinned cards, with a
/// note on stderr, and is never created.
/// `backup_setting` is the backup directory setting, for the note on a damaged database. The
/// pinned cards are searched and printed in `lang` ([`Lang::contact`]).
pub fn find(
    db: Result<PathBuf>,
    backup_setting: Option<&Path>,
    args: &ContactsFindArgs,
    lang: Lang,
) -> Result<ExitCode> {
    let (contacts, note) = searchable(db, backup_setting, lang);
    if let Some(note) = note {
        super::say(&note);
    }
    let query = args.query();
    let lookup = Lookup::new(contacts.iter().map(|c| lang.contact(c)).collect());
    let mut found = lookup.find(&query, None);
    if let Some(limit) = args.limit {
        found.truncate(limit as usize);
    }
    if found.is_empty() {
        super::say(&lang.no_contact_matches(query.trim()));
        return Ok(ExitCode::FAILURE);
    }
    let mut text = String::new();
    for i in found {
        text.push_str(&line(&lookup.contacts[i]));
        text.push('\n');
    }
    super::print_user_text(&text, "contacts")
}

/// The directory to search, and a note for stderr in `lang` when it is only the pinned cards.
fn searchable(
    db: Result<PathBuf>,
    backup_setting: Option<&Path>,
    lang: Lang,
) -> (Vec<Contact>, Option<String>) {
    let pinned = |why: String| (directory(Vec::new()), Some(lang.only_pinned_searched(&why)));
    let dir = match db {
        Ok(dir) => dir,
        Err(e) => return pinned(format!("{e:#}")),
    };
    if !dir.exists() {
        return pinned(super::clause(
            &lang.store_error(&StoreError::NoDatabase(dir)),
        ));
    }
    match Store::open(&dir).and_then(|store| store.directory_with_leads()) {
        Ok(contacts) => (contacts, None),
        Err(StoreError::InUse(_)) => pinned(lang.contacts_only_in_running(&dir)),
        // A damaged database: which backup to restore, as every command says.
        Err(e) => pinned(format!(
            "{:#}",
            super::backup::explain_damage(e.into(), Some(&dir), backup_setting)
        )),
    }
}

/// One contact as `find` prints it: NAME, PHONES, ROLE, ORGANISATION, separated by tabs. PHONES
/// is every number with its label in brackets, separated by "; ", in the card's order (the first
/// is the one to call first). Whitespace inside a field (a tab or line break too) becomes one
/// space, so a contact is always one line of four fields.
pub fn line(contact: &Contact) -> String {
    let phones: Vec<String> = contact
        .phones
        .iter()
        .map(|p| (field(&p.number), field(&p.label)))
        .filter(|(number, _)| !number.is_empty())
        .map(|(number, label)| match label.is_empty() {
            true => number,
            false => format!("{number} ({label})"),
        })
        .collect();
    [
        field(&contact.name),
        phones.join("; "),
        field(&contact.role),
        field(&contact.organisation),
    ]
    .join("\t")
}

fn field(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads and checks a vCard or CSV file. `None` when it has problems: they went to stderr as
/// `FILE:LINE: message`, one a line, and the caller stops with exit code 1 before it opens the
/// database.
pub fn read_file(file: &Path) -> Result<Option<ReadFile>> {
    let name = file.display().to_string();
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {name}"))?;
    match crate::contacts_io::read_file(&name, &bytes) {
        Ok(read) if read.contacts.is_empty() => Err(anyhow!("{name} holds no contacts")),
        Ok(read) => Ok(Some(read)),
        Err(problems) => {
            // A problem may quote the file: its control characters are shown.
            eprintln!("{}", visible_controls(&problems.to_string()));
            super::say(&format!(
                "nothing was imported from {name}; correct the file and try again"
            ));
            Ok(None)
        }
    }
}

/// Adds the contacts read from `file` in one transaction, but not those the directory has
/// already (see [`not_yet_in`]); a pinned card of the file goes where [`pinned_fate`] says,
/// never in as an ordinary contact. The summary names the columns of a CSV file that held
/// something signaal has no field for, and the pinned cards of the directory that were kept
/// although the file's differ, so nothing is left out without a word; in `lang`.
pub fn import(store: &Store, file: &Path, read: ReadFile, lang: Lang) -> Result<ExitCode> {
    let ReadFile {
        contacts,
        unused_columns,
    } = read;
    let read = contacts.len();
    let (contacts, foreign_groups) = only_groups_of(store, contacts)?;
    let (pinned, ordinary): (Vec<Contact>, Vec<Contact>) =
        contacts.into_iter().partition(|c| c.pinned.is_some());
    let mut directory = store.directory()?;
    let new = not_yet_in(&directory, ordinary);
    let not_imported = |e| anyhow!("{} was not imported: {e}", file.display());
    let sig = super::signature(IMPORT_AUTHOR);
    let mut added = match new.is_empty() {
        true => 0,
        false => store.add_contacts(&new, &sig).map_err(not_imported)?.len(),
    };
    let mut kept = Vec::new();
    for card in pinned {
        match pinned_fate(&directory, &card) {
            PinnedFate::AlreadyThere => {}
            PinnedFate::Kept => kept.extend(card.pinned),
            PinnedFate::Store => {
                let saved = store.save_contact(&card, &sig).map_err(not_imported)?;
                // A second card of that kind in the file now meets this one.
                if let Some(own) = directory.iter_mut().find(|c| c.pinned == saved.pinned) {
                    *own = saved;
                }
                added += 1;
            }
        }
    }
    let summary = lang.contacts_imported(&ContactsImported {
        file,
        added,
        skipped: read - added - kept.len(),
        kept: &kept,
        foreign_groups: &foreign_groups,
        unused_columns: &unused_columns,
    });
    super::print_user_text(&summary, "result of the import")
}

/// The contacts with only the groups this database has, and the links to other groups that were
/// left out (a group id for each link, in the file's order). A file
/// exported at another location names that location's groups: a contact must not come to serve
/// a group here that merely has the same id.
fn only_groups_of(store: &Store, mut contacts: Vec<Contact>) -> Result<(Vec<Contact>, Vec<u64>)> {
    let here: HashSet<u64> = store.groups()?.iter().map(|group| group.id).collect();
    let mut dropped = Vec::new();
    for contact in &mut contacts {
        contact.groups.retain(|id| {
            let ours = here.contains(id);
            if !ours {
                dropped.push(*id);
            }
            ours
        });
    }
    Ok((contacts, dropped))
}

/// What an import does with a pinned card of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinnedFate {
    /// The directory's card of that kind is the same (ids and UIDs aside): nothing to do.
    AlreadyThere,
    /// An aandachtsfunctionaris card, and the directory's is still the one signaal ships: the
    /// file's is stored in its place (`Store::save_contact`, as the card form saves an edited
    /// pinned card).
    Store,
    /// The directory's card of that kind differs and stays: it is the directory's own edited
    /// card, or the card of a kind with a national number (112, Veilig Thuis, the
    /// vertrouwensinspecteur, [`Pinned::number`]), which a file never changes: a file that
    /// takes their number away or gives another must not reach the lookup.
    Kept,
}

/// What becomes of `card`, a pinned card read from a file, in `directory` (see [`PinnedFate`]).
pub fn pinned_fate(directory: &[Contact], card: &Contact) -> PinnedFate {
    let own = directory
        .iter()
        .find(|c| c.pinned.is_some() && c.pinned == card.pinned);
    let comparable = |c: &Contact| Contact {
        id: 0,
        uid: String::new(),
        lead: None,
        ..c.clone()
    };
    let fixed = card.pinned.is_some_and(|kind| !kind.number().is_empty());
    match own {
        Some(own) if comparable(own) == comparable(card) => PinnedFate::AlreadyThere,
        Some(own) if own.id != 0 => PinnedFate::Kept,
        _ if fixed => PinnedFate::Kept,
        _ => PinnedFate::Store,
    }
}

/// The contacts of `read` that are not in `directory` yet, nor earlier in `read`: a card is there
/// already when it has the same [`identity`]: the same name (case and accents aside) and the
/// same phone numbers (only their digits and a leading +), in the same order; or the `UID` and
/// name of a contact there (the same card, its numbers edited since on one side). A card under
/// a taken `UID` with another name is new, its `UID` cleared for the store to make one. So
/// importing a file twice, or an export of the directory, adds nothing the second time.
pub fn not_yet_in(directory: &[Contact], read: Vec<Contact>) -> Vec<Contact> {
    let mut known: Vec<(String, Vec<String>)> = directory.iter().map(identity).collect();
    // Each UID with the (folded) name of the card that has it.
    let mut uids: HashMap<String, String> = uid::uids(directory)
        .into_iter()
        .zip(known.iter().map(|(name, _)| name.clone()))
        .collect();
    let mut new = Vec::new();
    for mut contact in read {
        let id = identity(&contact);
        // A UID names the same card only with the same name: another person under a UID that is
        // taken (a file that numbers its cards itself, or a copied card edited into someone
        // else) is a new card, with a UID of its own (the store gives one).
        let known_uid = match uids.get(&contact.uid) {
            _ if contact.uid.is_empty() => false,
            Some(name) if *name == id.0 => true,
            Some(_) => {
                contact.uid.clear();
                false
            }
            None => {
                uids.insert(contact.uid.clone(), id.0.clone());
                false
            }
        };
        if !known.contains(&id) && !known_uid {
            known.push(id);
            new.push(contact);
        }
    }
    new
}

/// Writes the whole directory, the pinned cards included, as vCard 4.0 to stdout.
pub fn export(store: &Store, args: &ContactsExportArgs) -> Result<ExitCode> {
    // `--vcf` is required by clap; the check keeps a hand-built `args` honest.
    if !args.vcf {
        return Err(anyhow!("say which format to export: --vcf"));
    }
    let text = crate::contacts_io::write_vcard(&store.directory()?);
    let mut out = std::io::stdout().lock();
    let written = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    super::printed(written, "vCard export")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact::{Phone, Pinned};

    fn phone(label: &str, number: &str) -> Phone {
        Phone {
            label: label.into(),
            number: number.into(),
        }
    }

    #[test]
    fn a_line_is_name_phones_role_organisation_separated_by_tabs() {
        let veilig_thuis = line(&Pinned::VeiligThuis.card());
        let fields: Vec<&str> = veilig_thuis.split('\t').collect();
        assert_eq!(fields.len(), 4, "{veilig_thuis:?}");
        assert_eq!(fields[0], "Veilig Thuis");
        assert_eq!(fields[1], "0800-2000 (gratis)");
        assert!(fields[2].starts_with("Advies- en meldpunt"));
        assert_eq!(fields[3], "Veilig Thuis");

        let mut ozlem = Contact::named(5, "Özlem\tYılmaz");
        ozlem.role = "Jeugd-\nverpleegkundige".into();
        ozlem.phones = vec![
            phone("werk", "030 123 45 67"),
            phone("", " "),
            phone("", "+31 6 1234 5678"),
        ];
        assert_eq!(
            line(&ozlem),
            "Özlem Yılmaz\t030 123 45 67 (werk); +31 6 1234 5678\tJeugd- verpleegkundige\t"
        );
        assert_eq!(
            line(&Pinned::Aandachtsfunctionaris.card())
                .split('\t')
                .nth(1),
            Some(""),
            "no number yet: an empty field"
        );
    }

    #[test]
    fn cards_already_in_the_directory_are_not_imported_again() {
        let mut jose = Contact::named(0, "José Martins");
        jose.phones = vec![phone("werk", "030-3456789")];
        let mut stored = jose.clone();
        stored.id = 9;
        let pinned = directory(vec![stored]);

        let mut same = Contact::named(0, "jose  martins");
        same.phones = vec![phone("", "030 345 67 89")];
        let mut other_number = jose.clone();
        other_number.phones = vec![phone("werk", "030-3456780")];
        let mut emergency = Pinned::Emergency.card();
        emergency.pinned = None;
        emergency.notes = "edited on the way".into();
        let new = Contact::named(0, "Wijkteam Oost");
        let read = vec![
            same,
            other_number.clone(),
            emergency,
            new.clone(),
            new.clone(),
        ];
        assert_eq!(not_yet_in(&pinned, read), vec![other_number, new]);
    }

    #[test]
    fn a_card_with_the_uid_and_name_of_one_in_the_directory_is_there_already() {
        let mut jose = Contact::named(9, "José Martins");
        jose.uid = "google-17".into();
        let directory = directory(vec![jose]);
        let mut renumbered = Contact::named(0, "José Martins");
        renumbered.phones = vec![phone("werk", "030-1111111")];
        renumbered.uid = "google-17".into();
        let mut other = Contact::named(0, "Els Meijer");
        other.uid = "google-18".into();
        let mut copy = Contact::named(0, "Bas Hendriks");
        copy.uid = "google-18".into();
        let mut jose_uid = Contact::named(0, "Derde Persoon");
        jose_uid.uid = "google-17".into();
        let read = vec![renumbered, other.clone(), copy, jose_uid];
        // Another person under a taken UID is a new card, never dropped: the UID is left for
        // the store to give a new one.
        let (bas, derde) = (
            Contact::named(0, "Bas Hendriks"),
            Contact::named(0, "Derde Persoon"),
        );
        assert_eq!(not_yet_in(&directory, read), vec![other, bas, derde]);
    }

    #[test]
    fn a_pinned_card_of_a_file_is_stored_kept_or_already_there() {
        let mut file = Pinned::Aandachtsfunctionaris.card();
        file.name = "Fatima Öztürk".into();
        file.phones = vec![phone("mobiel", "06-11112222")];
        file.uid = "urn:uuid:from-the-file".into();
        let shipped = directory(Vec::new());
        assert_eq!(pinned_fate(&shipped, &file), PinnedFate::Store);
        assert_eq!(
            pinned_fate(&shipped, &Pinned::Aandachtsfunctionaris.card()),
            PinnedFate::AlreadyThere,
            "the card as signaal ships it"
        );
        let mut own = file.clone();
        own.id = 12;
        own.uid = "urn:uuid:of-this-directory".into();
        let edited = directory(vec![own.clone()]);
        assert_eq!(
            pinned_fate(&edited, &file),
            PinnedFate::AlreadyThere,
            "the same card, ids and UIDs aside"
        );
        let mut differs = file.clone();
        differs.phones = vec![phone("mobiel", "06-99990000")];
        assert_eq!(pinned_fate(&edited, &differs), PinnedFate::Kept);
        assert_eq!(
            pinned_fate(&edited, &Pinned::Aandachtsfunctionaris.card()),
            PinnedFate::Kept,
            "the file's is as signaal ships it: this directory's edits stay"
        );
    }

    #[test]
    fn a_file_never_changes_a_pinned_card_with_a_national_number() {
        let shipped = directory(Vec::new());
        let mut no_number = Pinned::Emergency.card();
        no_number.phones.clear();
        let mut wrong_number = Pinned::VeiligThuis.card();
        wrong_number.phones[0].number = "0900-6666666".into();
        let mut other_words = Pinned::Vertrouwensinspecteur.card();
        other_words.when_to_call = "Altijd.".into();
        for card in [no_number, wrong_number, other_words] {
            assert_eq!(
                pinned_fate(&shipped, &card),
                PinnedFate::Kept,
                "{}",
                card.name
            );
        }
        assert_eq!(
            pinned_fate(&shipped, &Pinned::VeiligThuis.card()),
            PinnedFate::AlreadyThere
        );
    }

    #[test]
    fn find_falls_back_to_the_pinned_cards_without_a_database() {
        let dir = tempfile::TempDir::new().unwrap();
        let missing = dir.path().join("db");
        let (contacts, note) = searchable(Ok(missing.clone()), None, Lang::En);
        assert_eq!(contacts, directory(Vec::new()));
        assert!(note.unwrap().contains("no database at"));
        assert!(!missing.exists(), "find never creates a database");

        let (contacts, note) = searchable(Err(anyhow!("no home directory")), None, Lang::En);
        assert_eq!(contacts.len(), Pinned::ALL.len());
        assert!(note
            .unwrap()
            .starts_with("no home directory; only the pinned"));

        let store = Store::open(&missing).unwrap();
        let (contacts, note) = searchable(Ok(missing.clone()), None, Lang::En);
        assert_eq!(contacts.len(), Pinned::ALL.len());
        assert!(note.unwrap().contains("in use"), "sled locks the database");
        drop(store);
        let (contacts, note) = searchable(Ok(missing), None, Lang::En);
        assert_eq!((contacts.len(), note), (Pinned::ALL.len(), None));
    }
}
