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
fn an_outlook_file_with_a_company_row_imports_it_and_keeps_the_fax_in_the_notes() {
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
            "imported 2 contacts from {path}\nnot imported (a column signaal has no field for): \
             Title\n"
        )
    );
    let post = contact(&db, "Huisartsenpost Lindewaard");
    assert_eq!(post["notes"], "Fax (werk): 0900-1234568", "{post}");
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

/// The contact called `name` in the JSON export of `db`.
fn contact(db: &Db, name: &str) -> serde_json::Value {
    let export = db.export();
    let contacts = export["contacts"].as_array().unwrap();
    let found = contacts.iter().find(|c| c["name"] == name);
    found
        .unwrap_or_else(|| panic!("no {name} in {contacts:?}"))
        .clone()
}

/// A tester's Google file: a "Work Fax", two mobiles in one cell, and an Exchange path where the
/// e-mail would be.
#[test]
fn a_google_fax_and_an_exchange_path_go_to_the_notes_never_to_phone_or_email() {
    let db = Db::empty();
    let path = file(
        &db,
        "google.csv",
        b"First Name,Last Name,Organization Name,Phone 1 - Label,Phone 1 - Value,\
          Phone 2 - Label,Phone 2 - Value,Phone 3 - Label,Phone 3 - Value,E-mail 1 - Label,\
          E-mail 1 - Value\n\
          Piet,Fax,Org,Work Fax,030-1110001,Mobile,06-19110009 ::: 06-19110008,* Home,\
          030-1110002,* Work,/o=ExchangeLabs/ou=x/cn=Recipients/cn=piet\n",
    );
    assert_eq!(
        ok(&db.contacts(&["import", &path])),
        format!("imported 1 contact from {path}\n")
    );
    let piet = contact(&db, "Piet Fax");
    assert_eq!(
        piet["phones"],
        serde_json::json!([
            {"label": "mobiel", "number": "06-19110009"},
            {"label": "mobiel", "number": "06-19110008"},
            {"label": "thuis", "number": "030-1110002"},
        ])
    );
    assert_eq!(piet["email"], "");
    assert_eq!(
        piet["notes"],
        "Fax (werk): 030-1110001\nE-mail (Exchange): /o=ExchangeLabs/ou=x/cn=Recipients/cn=piet"
    );
}

/// The same number twice in one cell is one phone; a vCard's ORG keeps its units apart from a
/// comma in a unit's name, and writes them back as they came; Outlook's vCard e-mail is the
/// address, not its Exchange path, and its fax goes to the notes.
#[test]
fn a_number_twice_is_one_phone_org_units_round_trip_and_outlook_vcards_mail_and_fax() {
    let db = Db::empty();
    let csv = file(
        &db,
        "lijst.csv",
        b"Naam;Telefoon;Organisatie\r\nWijkteam West;\"030-7960003; 030-7960003\";Gemeente\r\n",
    );
    ok(&db.contacts(&["import", &csv]));
    let west = contact(&db, "Wijkteam West");
    assert_eq!(west["phones"].as_array().map(Vec::len), Some(1), "{west}");
    let vcf = file(
        &db,
        "tolken.vcf",
        b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Tolkendienst\r\n\
          ORG:Stichting Kleur\\, Taal;Afdeling Tolken\r\nTEL:088-2550000\r\nEND:VCARD\r\n\
          BEGIN:VCARD\r\nVERSION:2.1\r\nN:Visser;Jorg\r\nFN:Jorg Visser\r\n\
          TEL;WORK;FAX:030-2550009\r\nTEL;CELL:06-25500001\r\n\
          EMAIL;PREF;INTERNET:/o=ExchangeLabs/ou=Exchange Administrative Group/cn=jorg\r\n\
          EMAIL;INTERNET:jorg@example.org\r\nEND:VCARD\r\n",
    );
    ok(&db.contacts(&["import", &vcf]));
    let tolken = contact(&db, "Tolkendienst");
    assert_eq!(
        tolken["organisation"],
        "Stichting Kleur, Taal; Afdeling Tolken"
    );
    let jorg = contact(&db, "Jorg Visser");
    assert_eq!(jorg["email"], "jorg@example.org", "{jorg}");
    assert_eq!(jorg["phones"].as_array().map(Vec::len), Some(1), "{jorg}");
    assert_eq!(jorg["notes"], "Fax (werk): 030-2550009", "{jorg}");
    let exported = ok(&db.contacts(&["export", "--vcf"]));
    assert!(
        exported.contains("\r\nORG:Stichting Kleur\\, Taal;Afdeling Tolken\r\n"),
        "{exported}"
    );
}

/// A tester's Android export: a phone with a label the person typed.
#[test]
fn an_android_label_of_its_own_is_shown_with_the_number() {
    let db = Db::empty();
    let path = file(
        &db,
        "android.vcf",
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Visser;Eva;;;\r\nFN:Eva Visser\r\n\
          TEL;X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,Na 17 uur):030-7400099\r\n\
          TEL;CELL:06-19990301\r\nTEL;HOME:030-7400001\r\n\
          X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Eef;1;;;;;;;;;;;;;\r\nEND:VCARD\r\n",
    );
    ok(&db.contacts(&["import", &path]));
    let found = ok(&db.contacts(&["find", "Eva Visser"]));
    assert_eq!(
        found.lines().next().unwrap_or_default(),
        "Eva Visser\t030-7400099 (Na 17 uur); 06-19990301 (mobiel); 030-7400001 (thuis)\t\t"
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
