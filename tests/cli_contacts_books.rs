//! `signaal contacts import` with files shaped as a fresh tester's address books were (issue
//! 15): what the user reads. The real binary on temp databases; fictional people.

mod common {
    pub mod cli;
}

use common::cli::{fails, ok, Db};

/// `bytes` written into `name` in the database's temp dir; its path.
fn file(db: &Db, name: &str, bytes: &[u8]) -> String {
    let path = db.file(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn an_outlook_file_with_a_company_row_imports_it_and_names_the_fax_column() {
    let db = Db::empty();
    let path = file(
        &db,
        "outlook.csv",
        b"\"Title\",\"First Name\",\"Last Name\",\"Company\",\"Job Title\",\"Business Fax\",\
          \"Business Phone\",\"Mobile Phone\"\r\n\
          \"\",\"\",\"\",\"Huisartsenpost Lindewaard\",\"\",\"0900-1234568\",\"0900-1234567\",\"\"\r\n\
          \"Mevr.\",\"Inge\",\"Vermeulen\",\"Wijkteam Noord\",\"Gezinscoach\",\"\",\
          \"030-9990000\",\"06-99990000\"\r\n",
    );
    let stdout = ok(&db.contacts(&["import", &path]));
    assert_eq!(
        stdout,
        format!(
            "imported 2 contacts from {path}\nnot imported (columns signaal has no field for): \
             Title, Business Fax\n"
        )
    );
    let found = ok(&db.contacts(&["find", "huisartsenpost"]));
    assert_eq!(
        found.lines().next().unwrap_or_default(),
        "Huisartsenpost Lindewaard\t0900-1234567 (werk)\t\tHuisartsenpost Lindewaard"
    );
    let found = ok(&db.contacts(&["find", "Inge Vermeulen"]));
    assert_eq!(
        found.lines().next().unwrap_or_default(),
        "Inge Vermeulen\t06-99990000 (mobiel); 030-9990000 (werk)\tGezinscoach\tWijkteam Noord"
    );
}

#[test]
fn a_row_without_a_name_is_named_by_its_own_line() {
    let db = Db::empty();
    let path = file(
        &db,
        "lijst.csv",
        b"Naam;Functie;Telefoon;Notitie\r\nMarieke Bos;Jeugdarts;030-7350001;\r\n;;;zie boven\r\n",
    );
    let stderr = fails(&db.contacts(&["import", &path]), 1);
    assert_eq!(
        stderr,
        format!(
            "{path}:3: this row has no name\nsignaal: nothing was imported from {path}; \
             correct the file and try again\n"
        )
    );
    assert!(!db.exists(), "a refused import leaves no database");
}

#[test]
fn a_column_without_a_header_is_named_by_its_place_in_the_summary() {
    let db = Db::empty();
    let path = file(
        &db,
        "lijst.csv",
        b"Naam;Telefoon;;\r\nA B;030-7920001;;let op: alleen ochtend\r\n",
    );
    let stdout = ok(&db.contacts(&["import", &path]));
    assert_eq!(
        stdout,
        format!(
            "imported 1 contact from {path}\nnot imported (a column signaal has no field for): \
             column 4\n"
        )
    );
}

/// A card serving group `groups` (ids separated by commas), as another location's export has it.
fn serving(groups: &str) -> String {
    format!(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:5b0c1d2e-0000-4000-8000-00000000b001\r\n\
         FN:Wijkteam Lindewaard-Oost\r\nKIND:org\r\nTEL;TYPE=WORK:030-7930001\r\n\
         X-SIGNAAL-GROUPS:{groups}\r\nEND:VCARD\r\n"
    )
}

#[test]
fn an_import_keeps_only_the_groups_of_this_database_and_says_how_many_it_left_out() {
    let db = Db::demo(&["--groups", "1", "--children-per-group", "4"]);
    let here = db.export()["groups"][0]["id"].as_u64().unwrap();
    let path = file(
        &db,
        "wijkteam.vcf",
        serving(&format!("{here},999998,999999")).as_bytes(),
    );
    let stdout = ok(&db.contacts(&["import", &path]));
    assert_eq!(
        stdout,
        format!(
            "imported 1 contact from {path}\nnot imported: 2 links to groups that are not in \
             this database (groups 999998, 999999)\n"
        )
    );
    let export = db.export();
    let wijkteam = export["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Wijkteam Lindewaard-Oost")
        .expect("imported");
    assert_eq!(wijkteam["groups"], serde_json::json!([here]));
    ok(&common::cli::run(&["check", "--db", db.path()]));
}

#[test]
fn a_contact_serving_a_group_that_does_not_exist_is_refused_by_the_checks() {
    let source = Db::demo(&["--groups", "1", "--children-per-group", "4"]);
    let mut export = source.export();
    let contact = export["contacts"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["pinned"].is_null())
        .expect("a demo contact that is not pinned");
    contact["groups"] = serde_json::json!([999_999]);
    let name = contact["name"].as_str().unwrap().to_string();
    let id = contact["id"].as_u64().unwrap();
    let db = Db::empty();
    let path = file(&db, "export.json", &serde_json::to_vec(&export).unwrap());
    let stderr = fails(&common::cli::run(&["import", "--db", db.path(), &path]), 1);
    assert!(
        stderr.contains(&format!(
            "contact {id} ({name}) serves group 999999, which does not exist"
        )),
        "{stderr}"
    );
}
