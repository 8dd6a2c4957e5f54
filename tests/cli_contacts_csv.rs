//! `signaal contacts import FILE.csv` with address-book exports as a Dutch Windows PC leaves
//! them after Excel saved them: Windows-1252 and semicolons. The real binary on temp databases.

mod common {
    pub mod cli;
}

use common::cli::{ok, Db};
use serde_json::Value;

/// `text` written as Windows-1252 into `name` in the database's temp dir; its path.
fn windows_1252(db: &Db, name: &str, text: &str) -> String {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable, "{text}");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "not UTF-8 by accident"
    );
    let path = db.file(name);
    std::fs::write(&path, &bytes).unwrap();
    path.to_str().unwrap().to_string()
}

/// A fresh database after `contacts import` of `text` saved as Windows-1252 in `name`; the
/// database, the file's path and what the import printed.
fn imported(name: &str, text: &str) -> (Db, String, String) {
    let db = Db::empty();
    let file = windows_1252(&db, name, text);
    let stdout = ok(&db.contacts(&["import", &file]));
    (db, file, stdout)
}

/// The imported contact named `name`, from the JSON export.
fn contact(db: &Db, name: &str) -> Value {
    db.export()["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("{name} was not imported"))
        .clone()
}

fn phones(contact: &Value) -> Vec<(String, String)> {
    contact["phones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["label"].as_str().unwrap().to_string(),
                p["number"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(l, n)| (l.to_string(), n.to_string()))
        .collect()
}

#[test]
fn a_google_export_saved_by_dutch_excel_imports_with_labels_email_organisation_and_role() {
    let (db, file, stdout) = imported(
        "google.csv",
        "First Name;Middle Name;Last Name;Phonetic First Name;Phonetic Middle Name;\
         Phonetic Last Name;Name Prefix;Name Suffix;Nickname;File As;Organization Name;\
         Organization Title;Organization Department;Birthday;Notes;Photo;Labels;\
         E-mail 1 - Label;E-mail 1 - Value;Phone 1 - Label;Phone 1 - Value;Phone 2 - Label;\
         Phone 2 - Value\r\n\
         Renée;;Dijkstra;;;;;;;;GGD regio Utrecht;Jeugdarts;;;;;* myContacts;* Work;\
         r.dijkstra@ggd.example;Work;030 630 5400;Mobile ::: Na 17 uur;\
         06 1234 5678 ::: 0900 9999\r\n",
    );
    assert_eq!(
        stdout,
        format!(
            "imported 1 contact from {file}\nnot imported (a column signaal has no field for): \
             Labels\n"
        )
    );
    let renee = contact(&db, "Renée Dijkstra");
    assert_eq!(
        phones(&renee),
        pairs(&[
            ("mobiel", "06 1234 5678"),
            ("werk", "030 630 5400"),
            ("na 17 uur", "0900 9999"),
        ])
    );
    assert_eq!(renee["email"], "r.dijkstra@ggd.example");
    assert_eq!(renee["organisation"], "GGD regio Utrecht");
    assert_eq!(renee["role"], "Jeugdarts");
}

#[test]
fn a_dutch_outlook_export_imports_without_the_salutation_and_the_prive_column() {
    let (db, file, stdout) = imported(
        "outlook.csv",
        "\"Titel\";\"Voornaam\";\"Middelste naam\";\"Achternaam\";\"Achtervoegsel\";\
         \"Bedrijf\";\"Afdeling\";\"Functie\";\"Telefoon op werk\";\"Telefoon thuis\";\
         \"Mobiele telefoon\";\"E-mailadres\";\"E-mailtype\";\"Weergavenaam voor e-mail\";\
         \"Notities\";\"Privé\"\r\n\
         \"Dhr.\";\"Joël\";\"\";\"Smit\";\"\";\"Huisartsenpost Utrecht\";\"\";\"Triagist\";\
         \"088 555 0143\";\"\";\"06 8765 4321\";\"j.smit@hap.example\";\"SMTP\";\
         \"Joël Smit (j.smit@hap.example)\";\"Bel bij koorts\";\"Onwaar\"\r\n",
    );
    assert_eq!(
        stdout,
        format!(
            "imported 1 contact from {file}\nnot imported (columns signaal has no field for): \
             Titel, Weergavenaam voor e-mail\n"
        )
    );
    let joel = contact(&db, "Joël Smit");
    assert_eq!(
        phones(&joel),
        pairs(&[("mobiel", "06 8765 4321"), ("werk", "088 555 0143")])
    );
    assert_eq!(joel["email"], "j.smit@hap.example");
    assert_eq!(joel["organisation"], "Huisartsenpost Utrecht");
    assert_eq!(joel["role"], "Triagist");
}
