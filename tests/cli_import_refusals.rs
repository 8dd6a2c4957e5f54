//! Every kind of file `import` refuses, through the real binary: the message says where
//! (FILE:LINE:COLUMN and the JSON path, for what is not an export) and what is wrong in words,
//! in Dutch and English, and nothing is left at `--db`; a database that was there stays as it
//! was. A file with a byte order mark is an export like any other.

mod common {
    pub mod cli;
    pub mod demo;
}

use std::sync::OnceLock;

use common::cli::{command, fails, run_ok, Db};
use serde_json::Value;

/// A small demo's export, made once for all tests.
fn export() -> &'static Value {
    static EXPORT: OnceLock<Value> = OnceLock::new();
    EXPORT.get_or_init(|| Db::demo(&["--groups", "1", "--children-per-group", "4"]).export())
}

/// The export, changed by `change`, as pretty JSON.
fn changed(change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut export = export().clone();
    change(&mut export);
    serde_json::to_vec_pretty(&export).unwrap()
}

/// A file `import` refuses, and what its message says.
struct Case {
    name: &'static str,
    file: Vec<u8>,
    /// The text on the line the message names (FILE:LINE:COLUMN), for files that are not an
    /// export; `None` for those whose records break the format's rules (no place in the file).
    on_line: Option<&'static str>,
    en: &'static str,
    nl: &'static str,
}

fn case(
    name: &'static str,
    file: Vec<u8>,
    on_line: Option<&'static str>,
    en: &'static str,
    nl: &'static str,
) -> Case {
    Case {
        name,
        file,
        on_line,
        en,
        nl,
    }
}

/// The first child with a guardian: its place in `children`.
fn with_guardian(export: &Value) -> usize {
    let children = export["children"].as_array().unwrap();
    children
        .iter()
        .position(|c| c["guardians"].as_array().is_some_and(|g| !g.is_empty()))
        .expect("a demo child with a guardian")
}

fn cases() -> Vec<Case> {
    let good = serde_json::to_vec_pretty(export()).unwrap();
    let guardian = with_guardian(export());
    vec![
        case(
            "not JSON",
            b"Groep Vlinders\nTim, 2023-04-17\n".to_vec(),
            Some("Groep Vlinders"),
            "a value was expected here",
            "hier werd een waarde verwacht",
        ),
        case(
            "cut off",
            good[..good.len() / 2].to_vec(),
            None,
            "the file ends in the middle of the export (was it cut off?)",
            "het bestand houdt midden in de export op",
        ),
        case(
            "trailing data",
            [&good[..], b"\n{\"more\": 1}\n"].concat(),
            Some("\"more\""),
            "there is more after the end of the export",
            "na het einde van de export staat nog iets",
        ),
        case(
            "a newer version",
            changed(|e| e["version"] = 99.into()),
            None,
            "the export has version 99, this signaal reads up to 1",
            "is niet geïmporteerd: de export klopt niet: de export heeft versie 99, deze signaal \
             leest tot en met versie 1",
        ),
        case(
            "the version as text",
            changed(|e| e["version"] = "1".into()),
            Some("\"version\": \"1\""),
            "version: a whole number was expected, not the text \"1\"",
            "version: een geheel getal werd verwacht, niet de tekst \"1\"",
        ),
        case(
            "another format",
            changed(|e| e["format"] = "vcard".into()),
            None,
            "the format is \"vcard\", not \"signaal-export\"",
            "de export klopt niet: het formaat is \"vcard\", niet \"signaal-export\"",
        ),
        case(
            "duplicate ids",
            changed(|e| e["children"][1]["id"] = e["children"][0]["id"].clone()),
            None,
            "uses an id that is already taken (children[1].id)",
            "gebruikt een id dat al bezet is (children[1].id)",
        ),
        case(
            "an unknown group",
            changed(|e| e["children"][1]["group_id"] = 999_999.into()),
            None,
            "belongs to group 999999, which does not exist",
            "hoort bij groep 999999, die niet bestaat",
        ),
        case(
            "an unknown child",
            changed(|e| e["observations"][0]["child_id"] = 999_999.into()),
            None,
            "belongs to child 999999, which does not exist",
            "hoort bij kind 999999, die niet bestaat",
        ),
        case(
            "a date not in the calendar",
            changed(|e| e["children"][1]["birth_date"] = "2024-02-30".into()),
            Some("2024-02-30"),
            "children[1].birth_date: 2024-02-30 is not a date",
            "children[1].birth_date: 2024-02-30 is geen datum",
        ),
        case(
            "a date in the Dutch shape",
            changed(|e| e["children"][2]["birth_date"] = "17-04-2023".into()),
            Some("17-04-2023"),
            "birth_date: a date as 2024-02-29 (YYYY-MM-DD) was expected, not \"17-04-2023\"",
            "birth_date: een datum als 2024-02-29 (JJJJ-MM-DD) werd verwacht, niet \"17-04-2023\"",
        ),
        case(
            "a time without its date",
            changed(|e| e["exported_at"] = "10:15".into()),
            Some("\"exported_at\": \"10:15\""),
            "exported_at: a date and time as 2026-11-29T10:15:00+01:00 was expected, not \"10:15\"",
            "exported_at: een datum en tijd als 2026-11-29T10:15:00+01:00 werd verwacht",
        ),
        case(
            "an id as text",
            changed(|e| e["groups"][0]["id"] = "Vlinders".into()),
            Some("\"id\": \"Vlinders\""),
            "groups[0].id: a whole number was expected, not the text \"Vlinders\"",
            "groups[0].id: een geheel getal werd verwacht, niet de tekst \"Vlinders\"",
        ),
        case(
            "a negative id",
            changed(|e| e["staff"][0]["id"] = (-4).into()),
            Some("\"id\": -4"),
            "staff[0].id: a whole number of 0 or more was expected, not the number -4",
            "staff[0].id: een geheel getal van 0 of meer werd verwacht, niet het getal -4",
        ),
        case(
            "a list for a name",
            changed(|e| e["children"][0]["first_name"] = Value::Array(vec![])),
            Some("\"first_name\": []"),
            "children[0].first_name: text in double quotes was expected, not a list",
            "children[0].first_name: tekst tussen aanhalingstekens werd verwacht, niet een lijst",
        ),
        case(
            "an object for an array of records",
            changed(|e| e["children"] = serde_json::json!({ "first_name": "Tim" })),
            Some("\"children\": {"),
            "children: a list ([...]) was expected, not an object",
            "children: een lijst ([...]) werd verwacht, niet een object",
        ),
        case(
            "a missing field",
            changed(|e| {
                e["children"][3]
                    .as_object_mut()
                    .unwrap()
                    .remove("first_name");
            }),
            None,
            "children[3]: the field first_name is missing",
            "children[3]: het veld first_name ontbreekt",
        ),
        case(
            "an unknown role",
            changed(|e| e["staff"][1]["role"] = "boss".into()),
            Some("\"boss\""),
            "staff[1].role: \"boss\" is not allowed here; one of: staff, coach,",
            "staff[1].role: \"boss\" kan hier niet; wel: staff, coach,",
        ),
        case(
            "ESC in a child's name",
            changed(|e| e["children"][2]["first_name"] = "Tim\u{1b}[2J".into()),
            Some("Tim\\u001b"),
            "first_name: contains a control character (ESC), which a terminal takes as a command",
            "children[2].first_name: bevat een stuurteken (ESC), dat een terminal als opdracht",
        ),
        case(
            "BEL in a staff member's name",
            changed(|e| e["staff"][2]["name"] = "Sanne\u{7}".into()),
            Some("Sanne\\u0007"),
            "staff[2].name: contains a control character (BEL)",
            "staff[2].name: bevat een stuurteken (BEL)",
        ),
        case(
            "a line break in a group's name",
            changed(|e| e["groups"][0]["name"] = "Vlinders\nRupsen".into()),
            Some("Vlinders\\nRupsen"),
            "groups[0].name: contains a control character (LF)",
            "groups[0].name: bevat een stuurteken (LF)",
        ),
        case(
            "DEL in a contact's name",
            changed(|e| {
                let mut card = e["contacts"][0].clone();
                card["id"] = 900_000.into();
                card["pinned"] = Value::Null;
                card["name"] = "Logopedie\u{7f}".into();
                e["contacts"].as_array_mut().unwrap().push(card);
            }),
            Some("Logopedie\u{7f}"),
            "contacts[",
            "bevat een stuurteken (DEL)",
        ),
        case(
            "ESC in a note, where a line break is fine",
            changed(|e| {
                e["observations"][0]["parents_view"] = "Thuis ook.\n\tGoed\u{1b}[2J".into();
            }),
            Some("Thuis ook."),
            "observations[0].parents_view: contains a control character (ESC)",
            "observations[0].parents_view: bevat een stuurteken (ESC)",
        ),
        case(
            "a C1 control in a guardian's name",
            changed(|e| e["children"][guardian]["guardians"][0]["name"] = "Ans\u{85}".into()),
            Some("Ans\u{85}"),
            "].guardians[0].name: contains a control character (U+0085)",
            "].guardians[0].name: bevat een stuurteken (U+0085)",
        ),
    ]
}

#[test]
fn every_refusal_says_where_and_what_in_both_languages_and_leaves_nothing() {
    for case in cases() {
        let db = Db::empty();
        let file = db.file("export.json");
        std::fs::write(&file, &case.file).unwrap();
        for (lang, expected) in [("en", case.en), ("nl", case.nl)] {
            let err = db.import_refused(lang, &file);
            let name = case.name;
            assert!(
                err.contains(expected),
                "{name} ({lang}): {expected:?} in {err}"
            );
            assert!(
                err.contains(file.to_str().unwrap()),
                "{name}: names the file: {err}"
            );
            assert_eq!(err.lines().count(), 1, "{name}: one sentence: {err}");
            assert!(!db.exists(), "{name} ({lang}): nothing left at --db");
            let nothing = match lang {
                "en" => ["nothing was imported", "was not imported"],
                _ => ["er is niets geïmporteerd", "is niet geïmporteerd"],
            };
            assert!(nothing.iter().any(|n| err.contains(n)), "{name}: {err}");
            // What is not an export is placed: FILE:LINE:COLUMN, on the line that holds it.
            if let Some(text) = case.on_line {
                let line = 1 + String::from_utf8_lossy(&case.file)
                    .lines()
                    .position(|l| l.contains(text))
                    .unwrap_or_else(|| panic!("{name}: {text:?} in the file"));
                let place = format!("{}:{line}:", file.display());
                assert!(err.contains(&place), "{name}: {place} in {err}");
            }
        }
    }
}

#[test]
fn a_refused_file_leaves_a_database_that_was_there_as_it_was() {
    let db = Db::demo(&["--groups", "1", "--children-per-group", "3"]);
    let before = db.content();
    for case in cases().into_iter().step_by(4) {
        let file = db.file("export.json");
        std::fs::write(&file, &case.file).unwrap();
        let err = db.import_refused("en", &file);
        assert!(err.contains("export.json"), "{}: {err}", case.name);
    }
    assert!(db.content() == before, "the database is as it was");
    run_ok(&["check", "--db", db.path()]);
}

#[test]
fn a_refused_file_leaves_an_empty_directory_made_for_it_empty() {
    let db = Db::empty();
    std::fs::create_dir(db.path()).unwrap();
    let file = db.file("export.json");
    let bad = changed(|e| e["children"][1]["group_id"] = 999_999.into());
    std::fs::write(&file, bad).unwrap();
    db.import_refused("en", &file);
    let left: Vec<_> = std::fs::read_dir(db.path()).unwrap().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

#[test]
fn a_byte_order_mark_before_the_export_is_no_problem() {
    let db = Db::empty();
    let file = db.file("from-windows.json");
    // A note may run over lines, with tabs and a Windows line end.
    let good = changed(|e| e["observations"][0]["parents_view"] = "Thuis ook.\r\n\tGoed.".into());
    std::fs::write(&file, [b"\xEF\xBB\xBF", &good[..]].concat()).unwrap();
    run_ok(&["import", "--db", db.path(), file.to_str().unwrap()]);
    run_ok(&["check", "--db", db.path()]);
    let imported = db.export();
    assert_eq!(imported["children"], export()["children"]);
    let note = &imported["observations"][0]["parents_view"];
    assert_eq!(note, "Thuis ook.\r\n\tGoed.");
    // With a mark, a mistake is placed as without one.
    let other = Db::empty();
    let bad = changed(|e| e["children"][1]["birth_date"] = "2024-02-30".into());
    std::fs::write(&file, [b"\xEF\xBB\xBF", &bad[..]].concat()).unwrap();
    let err = other.import_refused("en", &file);
    let line = 1 + String::from_utf8_lossy(&bad)
        .lines()
        .position(|l| l.contains("2024-02-30"))
        .unwrap();
    assert!(err.contains(&format!("from-windows.json:{line}:")), "{err}");
    assert!(!other.exists());
}

/// A disk that fills up while the import writes (the file size limit of `ulimit -f`, with the
/// signal it sends ignored, makes writes fail as on a full disk): refused, nothing left.
#[test]
fn a_disk_that_fills_up_during_the_import_leaves_nothing() {
    let source = Db::demo(&["--groups", "6", "--children-per-group", "16"]);
    let file = source.file("big.json");
    std::fs::write(&file, serde_json::to_vec(&source.export()).unwrap()).unwrap();
    let db = Db::empty();
    let script = format!(
        "trap '' XFSZ; ulimit -f 512; exec \"$0\" import --db {} {}",
        db.path(),
        file.display()
    );
    // The environment `command` gives the binary, for the shell that starts it.
    let binary = command(&[]);
    let mut sh = std::process::Command::new("sh");
    for (key, value) in binary.get_envs() {
        match value {
            Some(value) => sh.env(key, value),
            None => sh.env_remove(key),
        };
    }
    let out = sh
        .args(["-c", &script])
        .arg(binary.get_program())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run sh");
    let err = fails(&out, 1);
    assert!(err.contains("big.json"), "{err}");
    assert!(!db.exists(), "nothing left at --db: {err}");
    // The same file with room to write imports whole.
    run_ok(&["import", "--db", db.path(), file.to_str().unwrap()]);
}

#[test]
fn a_file_that_cannot_be_read_or_is_a_backup_is_said_in_both_languages() {
    let db = Db::empty();
    let missing = db.file("missing.json");
    let backup = db.file("signaal-backup.json.gz");
    std::fs::write(&backup, [0x1f, 0x8b, 8, 0]).unwrap();
    for (lang, unreadable, compressed) in [
        (
            "en",
            "cannot read ",
            "is compressed, as a signaal backup is",
        ),
        (
            "nl",
            "kan niet worden gelezen",
            "is gecomprimeerd, zoals een signaal-back-up",
        ),
    ] {
        let err = db.import_refused(lang, &missing);
        assert!(
            err.contains("missing.json") && err.contains(unreadable),
            "{err}"
        );
        let err = db.import_refused(lang, &backup);
        assert!(err.contains(compressed), "{err}");
        assert!(err.contains("signaal restore --db"), "{err}");
        assert!(!db.exists(), "nothing made");
    }
}
