//! Store errors as people at the terminal read them: every [`StoreError`] in Dutch and English.
//! The store's own `Display` stays English for the command line.

use super::{Lang, T};
use crate::store::{Damage, Made, Named, StoreError};

impl Lang {
    /// A store error as one sentence for the status line or a form's error line.
    pub fn store_error(self, e: &StoreError) -> String {
        match e {
            StoreError::InUse(path) => self.pick(
                format!("De database {} is in gebruik door een andere signaal; sluit die eerst.", path.display()),
                format!("The database {} is in use by another signaal; close that one first.", path.display()),
            ),
            StoreError::CannotOpen { path, detail } => self.pick(
                format!("De database {} kan niet worden geopend: {detail}.", path.display()),
                format!("The database {} cannot be opened: {detail}.", path.display()),
            ),
            StoreError::NotADatabase(path) => self.pick(
                format!("{} is een map met andere bestanden, geen signaal-database; kies een andere --db.", path.display()),
                format!("{} is a folder with other files in it, not a signaal database; choose another --db.", path.display()),
            ),
            StoreError::DamagedFiles(path) => self.pick(
                format!("De bestanden van de database {} zijn beschadigd; zet een back-up terug.", path.display()),
                format!("The files of the database {} are damaged; restore a backup.", path.display()),
            ),
            StoreError::NewerSchema { found, supported } => self.pick(
                format!("De database is gemaakt door een nieuwere signaal (schema {found}, deze kent tot {supported}); werk signaal bij."),
                format!("The database was written by a newer signaal (schema {found}, this one knows up to {supported}); update signaal."),
            ),
            StoreError::Damaged(damage) => self.pick(
                format!("De database is beschadigd: {}.", self.damage(damage)),
                format!("The database is damaged: {}.", self.damage(damage)),
            ),
            StoreError::NameRequired(what) => self.name_required(*what),
            StoreError::UnknownGroup(id) => {
                self.pick(format!("Er is geen groep {id}."), format!("There is no group {id}."))
            }
            StoreError::UnknownChild(id) => {
                self.pick(format!("Er is geen kind {id}."), format!("There is no child {id}."))
            }
            StoreError::UnknownContact(id) => self.pick(
                format!("Er is geen contact {id}."),
                format!("There is no contact {id}."),
            ),
            StoreError::ControlCharacter { name, field, character } => self.pick(
                format!("Het contact \"{name}\" heeft een stuurteken ({character}) in {field} en is niet bewaard."),
                format!("The contact \"{name}\" has a control character ({character}) in {field} and is not saved."),
            ),
            StoreError::PinnedContact(name) => self.pick(
                format!("{name} is een vaste kaart en kan niet worden verwijderd."),
                format!("{name} is a pinned card and cannot be removed."),
            ),
            StoreError::PinnedNumberMissing { name, number } => self.pick(
                format!("De vaste kaart {name} moet haar nummer {number} houden; ze is niet opgeslagen."),
                format!("The pinned card {name} must keep its number {number}; it is not saved."),
            ),
            StoreError::VisitClosed(id) => self.pick(
                format!("Bezoek {id} is afgesloten en blijft zoals het is."),
                format!("Visit {id} is closed and stays as it is."),
            ),
            StoreError::OpenVisitExists { group, open } => self.pick(
                format!("Groep {group} heeft al een open bezoek ({open})."),
                format!("Group {group} already has an open visit ({open})."),
            ),
            StoreError::OpenTrajectoryExists { child, template } => self.pick(
                format!("Kind {child} heeft al een open traject met het plan {template}."),
                format!("Child {child} already has an open trajectory with the plan {template}."),
            ),
            StoreError::TemplateConflict { id, version } => self.pick(
                format!("Sjabloon {id} versie {version} staat al opgeslagen met een andere inhoud; verhoog de versie om het te wijzigen."),
                format!("Template {id} version {version} is already stored with other content; raise the version to change it."),
            ),
            StoreError::OtherTemplate { record, id, version, given, given_version } => {
                let record = self.made(*record);
                self.pick(
                    format!("{record} is gemaakt met sjabloon {id} versie {version}, niet {given} versie {given_version}."),
                    format!("{record} was made with template {id} version {version}, not {given} version {given_version}."),
                )
            }
            StoreError::DuplicateStaff(name) => {
                format!("{} ({name})", self.get(T::ErrDuplicateStaff))
            }
            StoreError::NotEmpty(path) => self.pick(
                format!("De database {} is niet leeg; importeer alleen in een nieuwe database.", path.display()),
                format!("The database {} is not empty; import only into a new database.", path.display()),
            ),
            StoreError::ExportUnreadable(detail) => self.pick(
                format!("De export kan niet worden gelezen: {detail}."),
                format!("Cannot read the export: {detail}."),
            ),
            StoreError::NotAnExport(e) => self.pick(
                format!("Dit is geen signaal-export: {}.", self.unreadable(e)),
                format!("Not a signaal export: {}.", self.unreadable(e)),
            ),
            StoreError::ExportProblems(problems) => {
                let problems = self.inconsistencies(problems);
                self.pick(
                    format!("De export klopt niet: {problems}."),
                    format!("The export is not valid: {problems}."),
                )
            }
            StoreError::ExportChanged => self.pick(
                "De export veranderde tijdens het lezen; importeer hem opnieuw.".into(),
                "The export changed while it was read; import it again.".into(),
            ),
            StoreError::Write(io) => self.pick(
                format!("Schrijven mislukt: {io}."),
                format!("Cannot write: {io}."),
            ),
            StoreError::DiskFull => self.get(T::DiskFull).into(),
            StoreError::Sled(sled) => self.pick(
                format!("De database weigerde het schrijven: {sled}."),
                format!("The database refused the write: {sled}."),
            ),
            StoreError::NotADirectory(path) => self.pick(
                format!("De database {} kan niet worden geopend: het is een bestand, geen map.", path.display()),
                format!("The database {} cannot be opened: it is a file, not a directory.", path.display()),
            ),
            StoreError::NoDatabase(path) => self.pick(
                format!("Er is geen database in {}.", path.display()),
                format!("There is no database at {}.", path.display()),
            ),
        }
    }

    fn name_required(self, what: Named) -> String {
        match what {
            Named::Group => self.pick(
                "Een groep heeft een naam nodig.".into(),
                "A group needs a name.".into(),
            ),
            Named::Child => self.pick(
                "Een kind heeft een voornaam nodig.".into(),
                "A child needs a first name.".into(),
            ),
            Named::Staff => self.pick(
                "Een medewerker heeft een naam nodig.".into(),
                "A staff member needs a name.".into(),
            ),
            Named::Contact => self.pick(
                "Een contact heeft een naam nodig.".into(),
                "A contact needs a name.".into(),
            ),
        }
    }

    fn made(self, record: Made) -> String {
        match record {
            Made::Observation(id) => {
                self.pick(format!("Observatie {id}"), format!("Observation {id}"))
            }
            Made::Trajectory(id) => self.pick(format!("Traject {id}"), format!("Trajectory {id}")),
        }
    }

    /// What is damaged, as the middle of a sentence (no capital, no full stop).
    fn damage(self, damage: &Damage) -> String {
        match damage {
            Damage::BadChecksum => self.pick(
                "sled vond een foute controlesom in zijn bestanden; zet een back-up terug".into(),
                "sled found a bad checksum in its files; restore a backup".into(),
            ),
            Damage::IdLength(len) => self.pick(
                format!("een id van {len} bytes in plaats van 8"),
                format!("an id of {len} bytes instead of 8"),
            ),
            Damage::Unreadable { key, detail } => self.pick(
                format!("het record met sleutel {key} kan niet worden gelezen ({detail})"),
                format!("the record at key {key} cannot be read ({detail})"),
            ),
            Damage::NoMigration(version) => self.pick(
                format!("geen migratie vanaf schema {version}"),
                format!("no migration from schema {version}"),
            ),
            Damage::SchemaVersionLength(len) => self.pick(
                format!("de schemaversie heeft {len} bytes in plaats van 4"),
                format!("the schema version has {len} bytes instead of 4"),
            ),
            Damage::ExportDoesNotReadBack(detail) => self.pick(
                format!("de export leest niet terug: {detail}"),
                format!("the export does not read back: {detail}"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    /// A number per variant, from a match without a wildcard: a new variant must be numbered
    /// here, and then `every_variant` fails until it has a sample below.
    fn variant(e: &StoreError) -> usize {
        match e {
            StoreError::InUse(_) => 0,
            StoreError::CannotOpen { .. } => 1,
            StoreError::NotADatabase(_) => 2,
            StoreError::DamagedFiles(_) => 3,
            StoreError::NewerSchema { .. } => 4,
            StoreError::Damaged(Damage::BadChecksum) => 5,
            StoreError::Damaged(Damage::IdLength(_)) => 6,
            StoreError::Damaged(Damage::Unreadable { .. }) => 7,
            StoreError::Damaged(Damage::NoMigration(_)) => 8,
            StoreError::Damaged(Damage::SchemaVersionLength(_)) => 9,
            StoreError::Damaged(Damage::ExportDoesNotReadBack(_)) => 10,
            StoreError::NameRequired(Named::Group) => 11,
            StoreError::NameRequired(Named::Child) => 12,
            StoreError::NameRequired(Named::Staff) => 13,
            StoreError::NameRequired(Named::Contact) => 14,
            StoreError::UnknownGroup(_) => 15,
            StoreError::UnknownChild(_) => 16,
            StoreError::UnknownContact(_) => 17,
            StoreError::PinnedContact(_) => 18,
            StoreError::VisitClosed(_) => 19,
            StoreError::OpenVisitExists { .. } => 20,
            StoreError::OpenTrajectoryExists { .. } => 21,
            StoreError::TemplateConflict { .. } => 22,
            StoreError::OtherTemplate {
                record: Made::Observation(_),
                ..
            } => 23,
            StoreError::OtherTemplate {
                record: Made::Trajectory(_),
                ..
            } => 24,
            StoreError::DuplicateStaff(_) => 25,
            StoreError::NotEmpty(_) => 26,
            StoreError::ExportUnreadable(_) => 27,
            StoreError::NotAnExport(_) => 28,
            StoreError::ExportProblems(_) => 29,
            StoreError::ExportChanged => 30,
            StoreError::Write(_) => 31,
            StoreError::DiskFull => 32,
            StoreError::Sled(_) => 33,
            StoreError::ControlCharacter { .. } => 34,
            StoreError::NotADirectory(_) => 35,
            StoreError::NoDatabase(_) => 36,
            StoreError::PinnedNumberMissing { .. } => 37,
        }
    }

    fn samples() -> Vec<StoreError> {
        let path = || PathBuf::from("/tmp/signaal.db");
        let other = |record| StoreError::OtherTemplate {
            record,
            id: "kdv".into(),
            version: 1,
            given: "kdv".into(),
            given_version: 2,
        };
        let mut all = vec![
            StoreError::InUse(path()),
            StoreError::CannotOpen {
                path: path(),
                detail: "denied".into(),
            },
            StoreError::NotADatabase(path()),
            StoreError::DamagedFiles(path()),
            StoreError::NewerSchema {
                found: 9,
                supported: 3,
            },
            StoreError::Damaged(Damage::BadChecksum),
            StoreError::Damaged(Damage::IdLength(3)),
            StoreError::Damaged(Damage::Unreadable {
                key: "00ff".into(),
                detail: "eof".into(),
            }),
            StoreError::Damaged(Damage::NoMigration(2)),
            StoreError::Damaged(Damage::SchemaVersionLength(2)),
            StoreError::Damaged(Damage::ExportDoesNotReadBack("eof".into())),
        ];
        all.extend(
            [Named::Group, Named::Child, Named::Staff, Named::Contact]
                .map(StoreError::NameRequired),
        );
        all.extend([
            StoreError::UnknownGroup(7),
            StoreError::UnknownChild(7),
            StoreError::UnknownContact(7),
            StoreError::PinnedContact("Veilig Thuis".into()),
            StoreError::VisitClosed(7),
            StoreError::OpenVisitExists { group: 1, open: 2 },
            StoreError::OpenTrajectoryExists {
                child: 1,
                template: "zindelijk".into(),
            },
            StoreError::TemplateConflict {
                id: "kdv".into(),
                version: 1,
            },
            other(Made::Observation(4)),
            other(Made::Trajectory(4)),
            StoreError::DuplicateStaff("Fatima".into()),
            StoreError::NotEmpty(path()),
            StoreError::ExportUnreadable("denied".into()),
            StoreError::NotAnExport(crate::export::Unreadable {
                line: 3,
                column: 1,
                path: String::new(),
                why: crate::export::unreadable::Why::EndsEarly,
            }),
            StoreError::ExportProblems(vec!["two records with id 4".to_string().into()]),
            StoreError::ExportChanged,
            StoreError::Write(std::io::Error::other("denied")),
            StoreError::DiskFull,
            StoreError::Sled(sled::Error::Unsupported("x".into())),
            StoreError::ControlCharacter {
                name: "Piet^[[2J".into(),
                field: "name".into(),
                character: "ESC".into(),
            },
            StoreError::NotADirectory(path()),
            StoreError::NoDatabase(path()),
            StoreError::PinnedNumberMissing {
                name: "Veilig Thuis".into(),
                number: "0800-2000".into(),
            },
        ]);
        all
    }

    #[test]
    fn every_variant_has_a_sample() {
        let numbers: Vec<usize> = samples().iter().map(variant).collect();
        let expected: Vec<usize> = (0..numbers.len()).collect();
        assert_eq!(
            numbers, expected,
            "one sample per variant, in the order of `variant`"
        );
        assert_eq!(numbers.len(), 38);
    }

    #[test]
    fn every_variant_is_phrased_in_dutch_and_english() {
        for e in samples() {
            let nl = Lang::Nl.store_error(&e);
            let en = Lang::En.store_error(&e);
            assert_ne!(nl, en, "{e:?} reads the same in both languages");
            assert!(!nl.is_empty() && !en.is_empty(), "{e:?}");
        }
    }
}
