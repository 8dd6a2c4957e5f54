//! `signaal contacts find | import | export`, run as a user runs them: the real binary on temp
//! databases. The pinned cards are found with or without a database, an address book is imported
//! whole or not at all, and the vCard export reads back.

mod common {
    pub mod cli;
}

use std::collections::BTreeSet;

use common::cli::{fails, ok, run, Db};
use serde_json::Value;
use signaal::store::Store;

/// The fixtures; paths are absolute because commands run in the temp dir.
const FOLDED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/contacts/folded.vcf"
);
const BROKEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/contacts/broken.vcf"
);
/// A tester's file: a 112 card without a number and a Veilig Thuis card with another one.
const PINNED_WITHOUT_NUMBERS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/contacts/pinned_without_their_numbers.vcf"
);
const CSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/contacts/contacts.csv"
);

/// The names in the CSV fixture, in its order.
const CSV_NAMES: [&str; 4] = [
    "Özlem de Vries",
    "José Martins",
    "Ĳsbrand Jansen",
    "Wijkteam Oost",
];
const OZLEM: &str = "Özlem Yılmaz-van den Berg";
const PINNED: [&str; 4] = [
    "112",
    "Veilig Thuis",
    "Vertrouwensinspecteur",
    "Aandachtsfunctionaris",
];

/// A database that exists and holds nothing (created the way signaal creates one).
fn empty_database() -> Db {
    let db = Db::empty();
    Store::open(std::path::Path::new(db.path()))
        .expect("create an empty database")
        .close()
        .expect("closed before the commands run");
    assert!(db.exists());
    db
}

/// `db` after `contacts import FILE`, which must succeed; returns its stdout.
fn import(db: &Db, file: &str) -> String {
    ok(&db.contacts(&["import", file]))
}

/// The lines `contacts find ARGS` prints, split into their tab-separated fields; it must succeed.
/// In Dutch (`--lang nl`): the pinned cards' words these tests check are the Dutch ones.
fn find(db: &Db, args: &[&str]) -> Vec<Vec<String>> {
    let mut all = vec!["--lang", "nl", "contacts", "--db", db.path(), "find"];
    all.extend_from_slice(args);
    ok(&run(&all))
        .lines()
        .map(|line| line.split('\t').map(str::to_string).collect())
        .collect()
}

/// The contacts of the JSON export (the whole directory, pinned cards first).
fn directory(db: &Db) -> Vec<Value> {
    db.export()["contacts"].as_array().unwrap().clone()
}

fn names(contacts: &[Value]) -> Vec<String> {
    contacts
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

/// The first line of a find for Veilig Thuis: the name and the free number.
fn assert_veilig_thuis_first(lines: &[Vec<String>]) {
    let first = lines.first().expect("at least one line");
    assert_eq!(
        first.len(),
        4,
        "name, phones, role, organisation: {first:?}"
    );
    assert_eq!(first[0], "Veilig Thuis");
    assert_eq!(first[1], "0800-2000 (gratis)");
    assert!(first[2].contains("huiselijk geweld"), "{first:?}");
}

#[test]
fn veilig_thuis_is_found_first_on_an_empty_a_demo_and_no_database() {
    let empty = empty_database();
    let demo = Db::demo(&[]);
    let none = Db::empty();
    for db in [&empty, &demo, &none] {
        // One quoted argument or several words: the same query.
        assert_veilig_thuis_first(&find(db, &["veilig thuis"]));
        assert_veilig_thuis_first(&find(db, &["veilig", "thuis"]));
        assert_veilig_thuis_first(&find(db, &["VEILIG", "thuis", "--limit", "1"]));
    }

    let out = none.contacts(&["find", "veilig thuis"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("there is no database at") && stderr.contains("only the pinned cards"),
        "{stderr}"
    );
    assert!(!none.exists(), "find never creates a database");

    let out = demo.contacts(&["find", "veilig thuis"]);
    assert!(out.stderr.is_empty(), "no note with a database");
}

#[test]
fn the_db_option_goes_before_or_after_the_subcommand() {
    let db = Db::empty();
    let before = ok(&run(&["--db", db.path(), "contacts", "find", "112"]));
    let after = ok(&run(&["contacts", "find", "112", "--db", db.path()]));
    let between = ok(&db.contacts(&["find", "112"]));
    assert!(
        before.starts_with("112\t112 (emergency)\tEmergency number\t"),
        "in English, as LANG=C says: {before}"
    );
    assert_eq!(before, after);
    assert_eq!(before, between);
}

#[test]
fn a_database_in_use_still_gives_the_pinned_cards_with_a_note() {
    let db = Db::empty();
    import(&db, FOLDED);
    assert_eq!(find(&db, &["ozlem"])[0][0], OZLEM);

    // A running signaal holds sled's lock; this test process stands in for it.
    let running = Store::open(std::path::Path::new(db.path())).expect("open the database");
    let out = db.contacts(&["find", "veilig", "thuis"]);
    let stdout = ok(&out);
    assert!(stdout.starts_with("Veilig Thuis\t0800-2000"), "{stdout}");
    assert!(!stdout.contains(OZLEM));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("in use by a running signaal") && stderr.contains("only the pinned cards"),
        "{stderr}"
    );
    // Import and export do not fall back: they need the database itself.
    assert!(fails(&db.contacts(&["import", CSV]), 1).contains("in use"));
    assert!(fails(&db.contacts(&["export", "--vcf"]), 1).contains("in use"));

    drop(running);
    assert_eq!(find(&db, &["ozlem"])[0][0], OZLEM, "all contacts again");
    assert_eq!(
        directory(&db).len(),
        PINNED.len() + 1,
        "nothing was imported"
    );
}

#[test]
fn a_folded_vcard_imports_and_is_found_without_accents_with_both_phones() {
    // Not the demo: it has an Özlem Yılmaz of its own.
    let db = empty_database();
    let before = directory(&db).len();
    let stdout = import(&db, FOLDED);
    assert_eq!(stdout, format!("imported 1 contact from {FOLDED}\n"));

    let lines = find(&db, &["ozlem", "yilmaz"]);
    let first = &lines[0];
    assert_eq!(first[0], OZLEM, "unfolded, accents kept: {lines:?}");
    assert_eq!(first[1], "030 123 45 67 (werk); +31 6 1234 5678 (mobiel)");
    assert!(first[2].starts_with("Jeugdverpleegkundige consultatiebureau Oost"));
    assert!(
        first[2].ends_with("spraak- en taalontwikkeling"),
        "unfolded"
    );
    assert_eq!(first[3], "Jeugdgezondheidszorg Utrecht; Team Oost");

    // Stored as the export contract describes it, signed by the command.
    let export = db.export();
    let contacts = export["contacts"].as_array().unwrap();
    assert_eq!(contacts.len(), before + 1);
    let ozlem = contacts.iter().find(|c| c["name"] == OZLEM).unwrap();
    assert!(ozlem["id"].as_u64().unwrap() > 0);
    assert_eq!(ozlem["email"], "o.yilmaz@jgz-utrecht.example");
    assert_eq!(ozlem["phones"].as_array().unwrap().len(), 2);
    let audit = export["audit"].as_array().unwrap();
    assert!(audit
        .iter()
        .any(|a| a["by"] == "signaal contacts import" && a["action"] == "contact.import"));
}

#[test]
fn a_broken_vcard_changes_nothing_and_names_its_line() {
    let db = Db::empty();
    import(&db, FOLDED);
    let before = db.content();

    let stderr = fails(&db.contacts(&["import", BROKEN]), 1);
    assert!(stderr.contains("broken.vcf:6:"), "{stderr}");
    assert!(stderr.contains("END:VCARD"), "{stderr}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");

    assert_eq!(db.content(), before, "the database is as it was");
    let names = names(&directory(&db));
    for name in ["José Martins", "Wijkteam Oost"] {
        assert!(!names.contains(&name.to_string()), "{name} in {names:?}");
    }

    // A bad file does not even create a database.
    let fresh = Db::empty();
    fails(&fresh.contacts(&["import", BROKEN]), 1);
    assert!(!fresh.exists());
}

#[test]
fn a_missing_or_empty_file_is_a_clear_error() {
    let db = Db::empty();
    let missing = db.file("nowhere.vcf");
    let stderr = fails(&db.contacts(&["import", missing.to_str().unwrap()]), 1);
    assert!(
        stderr.contains("cannot read") && stderr.contains("nowhere.vcf"),
        "{stderr}"
    );
    let empty = db.file("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let stderr = fails(&db.contacts(&["import", empty.to_str().unwrap()]), 1);
    assert!(stderr.contains("empty.csv"), "{stderr}");
    assert!(!db.exists(), "no database for nothing");
}

#[test]
fn a_csv_import_adds_its_four_contacts_once() {
    let db = Db::empty();
    let stdout = import(&db, CSV);
    assert_eq!(stdout, format!("imported 4 contacts from {CSV}\n"));
    let contacts = directory(&db);
    let mut expected: Vec<String> = PINNED.iter().map(|s| s.to_string()).collect();
    expected.extend(CSV_NAMES.iter().map(|s| s.to_string()));
    assert_eq!(names(&contacts), expected);
    let ozlem = &contacts[4];
    assert_eq!(ozlem["organisation"], "Logopediepraktijk De Klank, Utrecht");
    assert_eq!(ozlem["phones"][1]["number"], "06-12345678");

    // The same file again adds nothing.
    let stdout = import(&db, CSV);
    assert_eq!(
        stdout,
        format!("imported 0 contacts from {CSV} (4 were already in the directory)\n")
    );
    assert_eq!(names(&directory(&db)), expected);
}

#[test]
fn the_vcard_export_is_rfc_6350_and_reads_back_into_the_same_directory() {
    // Only the imported cards and the pinned ones, whose count the test knows.
    let db = Db::empty();
    import(&db, FOLDED);
    import(&db, CSV);
    let original = directory(&db);
    assert_eq!(original.len(), PINNED.len() + 1 + CSV_NAMES.len());

    let out = db.contacts(&["export", "--vcf"]);
    let vcf = ok(&out);
    assert_eq!(vcf.matches("BEGIN:VCARD\r\n").count(), original.len());
    assert_eq!(vcf.matches("END:VCARD\r\n").count(), original.len());
    assert!(vcf.ends_with("END:VCARD\r\n"));
    let lines: Vec<&str> = vcf.split_terminator("\r\n").collect();
    for line in &lines {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line end"
        );
    }
    assert!(lines
        .iter()
        .filter(|l| l.starts_with("VERSION:"))
        .all(|l| *l == "VERSION:4.0"));
    assert!(
        vcf.contains("item1.TEL;TYPE=VOICE:0800-2000\r\nitem1.X-ABLabel:gratis\r\n"),
        "pinned cards included"
    );

    // Into a fresh database: the same names in the same order (the pinned cards it has already
    // are not added twice).
    let file = db.file("export.vcf");
    std::fs::write(&file, &vcf).unwrap();
    let fresh = Db::empty();
    let stdout = import(&fresh, file.to_str().unwrap());
    assert_eq!(
        stdout,
        format!(
            "imported 5 contacts from {} (4 were already in the directory)\n",
            file.display()
        )
    );
    let copy = directory(&fresh);
    assert_eq!(names(&copy), names(&original));
    let numbers = |contacts: &[Value]| -> BTreeSet<String> {
        contacts
            .iter()
            .flat_map(|c| c["phones"].as_array().unwrap().clone())
            .map(|p| p["number"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(numbers(&copy), numbers(&original));
    // And it exports the same again.
    assert_eq!(ok(&fresh.contacts(&["export", "--vcf"])), vcf);
}

#[test]
fn export_needs_a_database_and_the_format() {
    let none = Db::empty();
    let stderr = fails(&none.contacts(&["export", "--vcf"]), 1);
    assert!(stderr.contains("there is no database at"), "{stderr}");
    assert!(!none.exists());

    let db = empty_database();
    let stderr = fails(&db.contacts(&["export"]), 2);
    assert!(stderr.contains("--vcf"), "{stderr}");
    let vcf = ok(&db.contacts(&["export", "--vcf"]));
    assert_eq!(vcf.matches("BEGIN:VCARD").count(), PINNED.len());
}

#[test]
fn a_typo_still_finds_the_role() {
    let db = Db::empty();
    import(&db, CSV);
    import(&db, FOLDED);
    let lines = find(&db, &["jeugdverpelegkundige"]);
    assert_eq!(lines[0][0], OZLEM, "{lines:?}");
    assert!(lines[0][2].starts_with("Jeugdverpleegkundige"));
    let lines = find(&db, &["logopedst"]);
    assert_eq!(lines[0][0], "Özlem de Vries", "{lines:?}");
}

#[test]
fn no_match_exits_1_with_a_sentence_and_an_empty_query_lists_everything() {
    let db = Db::empty();
    import(&db, CSV);
    let out = db.contacts(&["find", "xqzwv"]);
    let stderr = fails(&out, 1);
    assert!(out.stdout.is_empty());
    assert!(stderr.contains("no contact matches \"xqzwv\""), "{stderr}");

    let all = find(&db, &[]);
    let listed: Vec<&str> = all.iter().map(|fields| fields[0].as_str()).collect();
    let mut expected = PINNED.to_vec();
    expected.extend(CSV_NAMES);
    assert_eq!(listed, expected);
    assert!(all.iter().all(|fields| fields.len() == 4), "{all:?}");
    assert_eq!(all[3][1], "", "the aandachtsfunctionaris has no number yet");

    let two = find(&db, &["--limit", "2"]);
    assert_eq!(two.len(), 2);
    assert_eq!(
        (two[0][0].as_str(), two[1][0].as_str()),
        ("112", "Veilig Thuis")
    );
    fails(&db.contacts(&["find", "--limit", "0", "x"]), 2);
}

/// The pinned aandachtsfunctionaris card of the directory (the fourth).
fn lead_card(db: &Db) -> Value {
    let card = directory(db)[3].clone();
    assert_eq!(card["pinned"], "aandachtsfunctionaris", "{card}");
    card
}

#[test]
fn a_pinned_card_from_a_file_is_stored_kept_or_already_there_never_added_as_a_contact() {
    let demo = Db::demo(&[]);
    let vcf = ok(&demo.contacts(&["export", "--vcf"]));
    assert!(vcf.contains("\r\nX-SIGNAAL-PINNED:aandachtsfunctionaris\r\n"));
    let cards = vcf.matches("BEGIN:VCARD\r\n").count();
    let file = demo.file("export.vcf");
    std::fs::write(&file, &vcf).unwrap();
    let file = file.to_str().unwrap();

    // An empty directory has the card as signaal ships it: the demo's filled-in one is stored.
    // (The demo's groups are not in it: the links to them are left out, and said so.)
    let fresh = Db::empty();
    let summary = import(&fresh, file);
    assert_eq!(
        summary.lines().next().unwrap_or_default(),
        format!(
            "imported {} contacts from {file} (3 were already in the directory)",
            cards - 3
        )
    );
    assert_eq!(
        directory(&fresh).len(),
        cards,
        "no ordinary copy of a pinned card"
    );
    let stored = lead_card(&fresh);
    assert_eq!(stored["phones"], lead_card(&demo)["phones"]);
    assert_eq!(stored["organisation"], lead_card(&demo)["organisation"]);

    // The demo's own card, the same: already there.
    assert_eq!(
        import(&demo, file),
        format!("imported 0 contacts from {file} ({cards} were already in the directory)\n")
    );

    // A file whose card differs from the directory's own edited one: it is kept, and said so.
    let number = lead_card(&demo)["phones"][0]["number"]
        .as_str()
        .unwrap()
        .to_string();
    let changed = vcf.replacen(&format!(":{number}\r\n"), ":06-99990000\r\n", 1);
    assert_ne!(changed, vcf);
    let changed_file = demo.file("changed.vcf");
    std::fs::write(&changed_file, &changed).unwrap();
    let changed_file = changed_file.to_str().unwrap();
    let before = lead_card(&demo);
    assert_eq!(
        import(&demo, changed_file),
        format!(
            "imported 0 contacts from {changed_file} ({} were already in the directory)\n\
             kept this directory's own card \"Safeguarding lead (aandachtsfunctionaris)\"; the \
             file's differs\n",
            cards - 1
        )
    );
    assert_eq!(lead_card(&demo), before);
    assert_eq!(directory(&demo).len(), cards);
}

#[test]
fn a_file_never_takes_the_national_number_of_a_pinned_card_away() {
    let demo = Db::demo(&[]);
    let before = directory(&demo);
    assert_eq!(
        import(&demo, PINNED_WITHOUT_NUMBERS),
        format!(
            "imported 0 contacts from {PINNED_WITHOUT_NUMBERS}\n\
             kept this directory's own card \"Veilig Thuis\"; the file's differs\n\
             kept this directory's own card \"112\"; the file's differs\n"
        )
    );
    assert_eq!(directory(&demo), before);
    let numbers = |query: &str| find(&demo, &[query])[0][1].clone();
    assert_eq!(numbers("112"), "112 (spoed)");
    assert_eq!(numbers("Veilig Thuis"), "0800-2000 (gratis)");
    ok(&run(&["check", "--db", demo.path()]));

    // A card that got past the store some other way is what `check` reports.
    demo.in_sled(|sled| {
        let contacts = sled.open_tree("contacts").unwrap();
        let mut emergency =
            serde_json::to_value(signaal::domain::contact::Pinned::Emergency.card()).unwrap();
        emergency["id"] = 999_999.into();
        emergency["phones"] = serde_json::json!([]);
        let key = 999_999u64.to_be_bytes();
        contacts
            .insert(key, serde_json::to_vec(&emergency).unwrap())
            .unwrap();
    });
    let checked = run(&["check", "--db", demo.path()]);
    fails(&checked, 1);
    let found = String::from_utf8_lossy(&checked.stdout);
    let first = found.lines().next().unwrap_or_default();
    // (It also says no audit entry accounts for the card: it came in behind signaal's back.)
    assert_eq!(
        first,
        format!(
            "{}: the pinned card 112 does not have its number 112",
            demo.path()
        ),
        "{found}"
    );
}

#[test]
fn a_contacts_uid_survives_a_json_export_and_import_and_a_vcard_import() {
    let db = Db::empty();
    import(&db, FOLDED);
    let uid = directory(&db)[4]["uid"].as_str().unwrap().to_string();
    assert!(uid.starts_with("urn:uuid:"), "{uid}");
    let copy = Db::import(&db.export());
    assert_eq!(directory(&copy)[4]["uid"], uid.as_str());
    assert!(ok(&copy.contacts(&["export", "--vcf"])).contains(&format!("\r\nUID:{uid}\r\n")));

    let file = db.file("own-uid.vcf");
    std::fs::write(
        &file,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:thunderbird-4711\r\nFN:Anouk van den Berg\r\n\
         TEL;TYPE=WORK:030-7654321\r\nEND:VCARD\r\n",
    )
    .unwrap();
    import(&db, file.to_str().unwrap());
    let anouk = directory(&db).pop().unwrap();
    assert_eq!(anouk["uid"], "thunderbird-4711");
    let vcf = ok(&db.contacts(&["export", "--vcf"]));
    assert!(vcf.contains("\r\nUID:thunderbird-4711\r\n"), "{vcf}");
    assert!(vcf.contains("\r\nN:van den Berg;Anouk;;;\r\n"), "{vcf}");
}
