//! What the commands say when they succeed, through the real binary: in the user's language
//! (`--lang` or `LANG`), word for word in Dutch and English, and with every control character of
//! a file or directory name shown (`^[`), never sent raw to the terminal (issue 15).

mod common {
    pub mod cli;
}

use std::process::Output;

use common::cli::{fails, ok, run_ok, run_with_lang, stderr, Db};
use serde_json::Value;

/// A small demo's arguments: quick, and enough of everything.
const SMALL: [&str; 4] = ["--groups", "1", "--children-per-group", "3"];

/// How many records `export` holds in `array`.
fn count(export: &Value, array: &str) -> usize {
    export[array].as_array().map_or(0, Vec::len)
}

/// `signaal --lang LANG ARGS...`, which must succeed.
fn in_lang(lang: &str, args: &[&str]) -> Output {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    run_ok(&all)
}

#[test]
fn demo_and_import_say_what_they_did_in_dutch_and_english() {
    for lang in ["nl", "en"] {
        let db = Db::empty();
        let mut args = vec!["demo", "--db", db.path()];
        args.extend_from_slice(&SMALL);
        let said = stderr(&in_lang(lang, &args));
        let export = db.export();
        let n = |array| count(&export, array);
        let contacts = export["contacts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["id"] != 0)
            .count();
        let path = db.path();
        // "1 groep", "3 kinderen": each count with the word for one or for more.
        let counted = |n: usize, one: &str, more: &str| match n {
            1 => format!("{n} {one}"),
            _ => format!("{n} {more}"),
        };
        let (groups, children, staff) = (n("groups"), n("children"), n("staff"));
        let (observations, trajectories) = (n("observations"), n("trajectories"));
        assert_eq!((groups, children), (1, 3));
        let expected = match lang {
            "nl" => format!(
                "signaal: demodata in {path}: 1 groep, 3 kinderen, {}, {}, {}, {}\n",
                counted(staff, "medewerker", "medewerkers"),
                counted(observations, "observatie", "observaties"),
                counted(trajectories, "traject", "trajecten"),
                counted(contacts, "contact", "contacten"),
            ),
            _ => format!(
                "signaal: demo data in {path}: 1 group, 3 children, {staff} staff, {}, {}, {}\n",
                counted(observations, "observation", "observations"),
                counted(trajectories, "trajectory", "trajectories"),
                counted(contacts, "contact", "contacts"),
            ),
        };
        assert_eq!(said, expected);

        let file = db.file("export.json");
        std::fs::write(&file, serde_json::to_vec(&export).unwrap()).unwrap();
        let file = file.to_str().unwrap();
        let into = db.file("copy");
        let into = into.to_str().unwrap();
        let said = stderr(&in_lang(lang, &["import", "--db", into, file]));
        // Every kind that was stored, in this order, and only those: pinned cards as signaal
        // ships them are not stored.
        let kinds = [
            (groups, "groep", "groepen", "group", "groups"),
            (children, "kind", "kinderen", "child", "children"),
            (staff, "medewerker", "medewerkers", "staff", "staff"),
            (
                observations,
                "observatie",
                "observaties",
                "observation",
                "observations",
            ),
            (
                trajectories,
                "traject",
                "trajecten",
                "trajectory",
                "trajectories",
            ),
            (contacts, "contact", "contacten", "contact", "contacts"),
            (
                n("visits"),
                "coachbezoek",
                "coachbezoeken",
                "coach visit",
                "coach visits",
            ),
            (
                n("handovers"),
                "overdracht naar school",
                "overdrachten naar school",
                "handover to school",
                "handovers to school",
            ),
            (
                n("audit"),
                "logboekregel",
                "logboekregels",
                "audit entry",
                "audit entries",
            ),
        ];
        let mut held: Vec<String> = kinds
            .into_iter()
            .filter(|kind| kind.0 > 0)
            .map(|(n, nl_one, nl_more, en_one, en_more)| match lang {
                "nl" => counted(n, nl_one, nl_more),
                _ => counted(n, en_one, en_more),
            })
            .collect();
        assert!(held.len() >= 7, "a demo has most kinds: {held:?}");
        let last = held.pop().unwrap();
        let held = held.join(", ");
        let expected = match lang {
            "nl" => format!("signaal: {held} en {last} geïmporteerd uit {file}\n"),
            _ => format!("signaal: imported {held} and {last} from {file}\n"),
        };
        assert_eq!(said, expected);
    }
}

#[test]
fn an_import_of_only_groups_staff_and_a_trail_names_only_those() {
    let db = Db::empty();
    let mut args = vec!["demo", "--db", db.path()];
    args.extend_from_slice(&SMALL);
    run_ok(&args);
    let mut export = db.export();
    for array in [
        "children",
        "observations",
        "trajectories",
        "contacts",
        "visits",
        "handovers",
    ] {
        export[array] = Value::Array(Vec::new());
    }
    let staff = count(&export, "staff");
    assert_eq!(
        count(&export, "audit"),
        1,
        "the demo's trail is its demo.load entry"
    );
    let file = db.file("export.json");
    std::fs::write(&file, serde_json::to_vec(&export).unwrap()).unwrap();
    let file = file.to_str().unwrap();
    let into = db.file("copy");
    let into = into.to_str().unwrap();
    let said = stderr(&in_lang("nl", &["import", "--db", into, file]));
    assert_eq!(
        said,
        format!(
            "signaal: 1 groep, {staff} medewerkers en 1 logboekregel geïmporteerd uit {file}\n"
        )
    );
}

#[test]
fn the_language_of_the_environment_decides_too() {
    let db = Db::demo(&SMALL);
    let file = db.file("export.json");
    std::fs::write(&file, serde_json::to_vec(&db.export()).unwrap()).unwrap();
    let into = db.file("copy");
    let args = [
        "import",
        "--db",
        into.to_str().unwrap(),
        file.to_str().unwrap(),
    ];
    let said = stderr(&run_with_lang(&args, "nl_NL.UTF-8"));
    assert!(said.contains(" geïmporteerd uit "), "{said}");
    assert!(!said.contains("imported"), "{said}");
}

#[test]
fn contacts_import_sums_up_in_dutch_and_english() {
    let csv = "Naam;Telefoon;Functie;Favoriete kleur\r\n\
               Sanne Bakker;030 123 4567;Logopedist;groen\r\n";
    for lang in ["nl", "en"] {
        let db = Db::empty();
        let file = db.file("logopedie.csv");
        std::fs::write(&file, csv).unwrap();
        let file = file.to_str().unwrap();
        let import = ["contacts", "--db", db.path(), "import", file];
        let first = ok(&in_lang(lang, &import));
        let again = ok(&in_lang(lang, &import));
        let (first_expected, again_expected) = match lang {
            "nl" => (
                format!(
                    "1 contact geïmporteerd uit {file}\nniet geïmporteerd (een kolom waarvoor \
                     signaal geen veld heeft): Favoriete kleur\n"
                ),
                format!(
                    "0 contacten geïmporteerd uit {file} (1 stond al in de lijst)\nniet \
                     geïmporteerd (een kolom waarvoor signaal geen veld heeft): Favoriete kleur\n"
                ),
            ),
            _ => (
                format!(
                    "imported 1 contact from {file}\nnot imported (a column signaal has no \
                     field for): Favoriete kleur\n"
                ),
                format!(
                    "imported 0 contacts from {file} (1 was already in the directory)\nnot \
                     imported (a column signaal has no field for): Favoriete kleur\n"
                ),
            ),
        };
        assert_eq!(first, first_expected);
        assert_eq!(again, again_expected);

        let out = common::cli::run(&[
            "--lang",
            lang,
            "contacts",
            "--db",
            db.path(),
            "find",
            "xqzw",
        ]);
        let expected = match lang {
            "nl" => "signaal: geen contact past bij \"xqzw\"\n",
            _ => "signaal: no contact matches \"xqzw\"\n",
        };
        assert_eq!(fails(&out, 1), expected);
    }
}

/// Neither stdout nor stderr of `out` holds an ESC byte, and one of them shows it as `^[`.
fn no_raw_escape(what: &str, out: &Output) {
    let both = [&out.stdout[..], &out.stderr[..]].concat();
    assert!(
        !both.contains(&0x1b),
        "{what}: a raw ESC reached the terminal: {}",
        String::from_utf8_lossy(&both)
    );
    assert!(
        String::from_utf8_lossy(&both).contains("^["),
        "{what}: the ESC is shown: {}",
        String::from_utf8_lossy(&both)
    );
}

#[test]
fn no_raw_control_character_of_a_name_reaches_the_terminal() {
    let place = Db::empty();
    let db = place.file("dm\u{1b}[31m");
    let db = db.to_str().unwrap();
    let out = run_ok(&["demo", "--db", db, SMALL[0], SMALL[1], SMALL[2], SMALL[3]]);
    no_raw_escape("demo", &out);
    no_raw_escape("check", &run_ok(&["check", "--db", db]));

    let file = place.file("ev\u{1b}[31mil.json");
    let export = run_ok(&["export", "--db", db]).stdout;
    std::fs::write(&file, export).unwrap();
    let into = place.file("copy");
    let into = into.to_str().unwrap();
    let file = file.to_str().unwrap();
    no_raw_escape("import", &run_ok(&["import", "--db", into, file]));
    let refused = common::cli::run(&["--lang", "nl", "import", "--db", into, file]);
    fails(&refused, 1);
    no_raw_escape("a refused import", &refused);

    let backup = place.file("bk\u{1b}[31m.json.gz");
    let out = run_ok(&["backup", "--db", into, "--to", backup.to_str().unwrap()]);
    no_raw_escape("backup --to", &out);
    let backups = place.file("bk\u{1b}[31m-dir");
    let backups = backups.to_str().unwrap();
    let out = run_ok(&["--backup-dir", backups, "backups", "--db", into]);
    no_raw_escape("backups", &out);

    let keymap = place.file("ok\u{1b}[31m.toml");
    let default = concat!(env!("CARGO_MANIFEST_DIR"), "/keymaps/default.toml");
    std::fs::copy(default, &keymap).unwrap();
    let out = run_ok(&["keymap", "check", keymap.to_str().unwrap()]);
    no_raw_escape("keymap check", &out);

    let out = common::cli::run(&["contacts", "--db", into, "find", "zz\u{1b}[31m"]);
    fails(&out, 1);
    no_raw_escape("contacts find", &out);
}

/// `signaal --lang LANG ARGS...`, which must fail with exit code 1: its stderr.
fn refused(lang: &str, args: &[&str]) -> String {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    fails(&common::cli::run(&all), 1)
}

#[test]
fn refusals_of_the_command_line_speak_the_users_language() {
    let db = Db::demo(&SMALL);
    let missing = db.file("nowhere");
    let missing = missing.to_str().unwrap();
    let file = db.file("a-file");
    std::fs::write(&file, "not a database").unwrap();
    let file = file.to_str().unwrap();
    let other = db.file("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("letter.txt"), "Beste ouders,").unwrap();
    let other = other.to_str().unwrap();
    let path = db.path();
    let cases: [(&[&str], String, String); 5] = [
        (
            &["report", "--db", path, "--child", "nobody"],
            format!("signaal: er is geen kind dat \"nobody\" heet in {path}\n"),
            format!("signaal: there is no child called \"nobody\" in {path}\n"),
        ),
        (
            &["export", "--db", missing],
            format!("signaal: er is geen database in {missing}\n"),
            format!("signaal: there is no database at {missing}\n"),
        ),
        (
            &["demo", "--db", file],
            format!("signaal: de database {file} kan niet worden geopend: het is een bestand, geen map\n"),
            format!("signaal: the database {file} cannot be opened: it is a file, not a directory\n"),
        ),
        (
            &["demo", "--db", other],
            format!(
                "signaal: {other} is een map met andere bestanden, geen signaal-database; kies \
                 een andere --db\n"
            ),
            format!(
                "signaal: {other} is a folder with other files in it, not a signaal database; \
                 choose another --db\n"
            ),
        ),
        (
            &["contacts", "--db", missing, "find", "nobody"],
            format!(
                "signaal: er is geen database in {missing}; alleen de vaste kaarten zijn \
                 doorzocht\nsignaal: geen contact past bij \"nobody\"\n"
            ),
            format!(
                "signaal: there is no database at {missing}; only the pinned cards were \
                 searched\nsignaal: no contact matches \"nobody\"\n"
            ),
        ),
    ];
    for (args, nl, en) in cases {
        assert_eq!(refused("nl", args), nl, "{args:?}");
        assert_eq!(refused("en", args), en, "{args:?}");
    }
}
