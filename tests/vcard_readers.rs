//! The vCard export as other people's tools read it (issue 15, acceptance 2): `signaal demo` with
//! an address book and a spreadsheet imported, `contacts export --vcf` split into one file per
//! card, then **khard** (a command-line address book) must list every card with its name, UID and
//! numbers, and **Python's vobject** must parse every card with its FN and TEL values; and the
//! export imported into an empty database exports the same bytes.
//!
//! khard and vobject come from the Python registry into the virtual environment that
//! `common::pytools` finds. Without them the test says why on stderr and passes without reading.

mod common {
    pub mod cli;
    pub mod pytools;
}

use std::path::{Path, PathBuf};
use std::process::Command;

use common::cli::{ok, Db};
use common::pytools;
use signaal::contacts_io;

/// The fixtures; paths are absolute because commands run in the temp dir.
const FOLDED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/contacts/folded.vcf"
);
const CSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/contacts/contacts.csv"
);

/// Reads every card given on the command line with vobject and prints, one line a card,
/// FN, UID and the TEL values, separated by tabs.
const VOBJECT: &str = r#"
import sys, vobject
for path in sys.argv[1:]:
    with open(path, encoding="utf-8", newline="") as f:
        card = vobject.readOne(f.read())
    tels = [tel.value for tel in card.contents.get("tel", [])]
    print("\t".join([card.fn.value, card.uid.value] + tels))
"#;

/// khard and a Python with vobject, or why there are none.
fn khard_and_vobject() -> Result<(PathBuf, PathBuf), String> {
    let khard = pytools::dir().join("bin/khard");
    if !khard.exists() {
        return Err(format!(
            "no khard at {} (python3 -m venv {1}; {1}/bin/pip install khard vobject)",
            khard.display(),
            pytools::dir().display()
        ));
    }
    Ok((khard, pytools::python(&["vobject"])?))
}

/// Runs a program to the end; its stdout, or a panic that shows its stderr.
fn output(program: &Path, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|err| panic!("cannot run {}: {err}", program.display()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{} {args:?} failed: {stderr}",
        program.display()
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The export split into its cards, each with its CRLF line ends.
fn cards(vcf: &str) -> Vec<String> {
    vcf.split_inclusive("END:VCARD\r\n")
        .map(str::to_string)
        .collect()
}

/// The value of the card's one `NAME:` line (not folded in this test's cards).
fn property(card: &str, name: &str) -> String {
    card.split("\r\n")
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
        .unwrap_or_else(|| panic!("no {name} in {card}"))
        .to_string()
}

/// A database with everything of `db` but its contacts (and the children's links to them).
fn without_contacts(db: &Db) -> Db {
    let mut export = db.export();
    export["contacts"] = serde_json::json!([]);
    for child in export["children"].as_array_mut().unwrap() {
        child["contacts"] = serde_json::json!([]);
    }
    Db::import(&export)
}

#[test]
fn khard_and_vobject_read_every_exported_card_and_the_export_round_trips() {
    let db = Db::demo(&[]);
    ok(&db.contacts(&["import", FOLDED]));
    ok(&db.contacts(&["import", CSV]));
    let vcf = ok(&db.contacts(&["export", "--vcf"]));
    let cards = cards(&vcf);
    assert!(cards.len() >= 9, "the pinned cards and five imported");
    assert_eq!(cards.concat(), vcf);

    // Export, import into a database without contacts, export: the same bytes. It has the
    // demo's groups, as the import keeps only links to groups the database has.
    let file = db.file("export.vcf");
    std::fs::write(&file, &vcf).unwrap();
    let fresh = without_contacts(&db);
    ok(&fresh.contacts(&["import", file.to_str().unwrap()]));
    assert_eq!(ok(&fresh.contacts(&["export", "--vcf"])), vcf);

    let (khard, python) = match khard_and_vobject() {
        Ok(tools) => tools,
        Err(reason) => {
            eprintln!("skipped reading the export with khard and vobject: {reason}");
            return;
        }
    };
    let folder = db.file("cards");
    std::fs::create_dir(&folder).unwrap();
    let mut paths = Vec::new();
    // What every card must show: (FN, UID, numbers), as signaal reads its own card.
    let mut expected = Vec::new();
    for (index, card) in cards.iter().enumerate() {
        let path = folder.join(format!("{index:03}.vcf"));
        std::fs::write(&path, card).unwrap();
        paths.push(path.to_str().unwrap().to_string());
        let contact = &contacts_io::read("card", card).unwrap()[0];
        let numbers: Vec<String> = contact.phones.iter().map(|p| p.number.clone()).collect();
        expected.push((contact.name.clone(), property(card, "UID"), numbers));
    }

    let config = db.file("khard.conf");
    std::fs::write(
        &config,
        format!("[addressbooks]\n[[signaal]]\npath = {}\n", folder.display()),
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let listed = output(&khard, &["-c", config, "list", "--parsable"]);
    let phones = output(&khard, &["-c", config, "phone", "--parsable"]);
    for (name, uid, numbers) in &expected {
        assert!(
            listed
                .lines()
                .any(|l| l == format!("{uid}\t{name}\tsignaal")),
            "khard lists {name} ({uid}):\n{listed}"
        );
        for number in numbers {
            assert!(
                phones
                    .lines()
                    .any(|l| l.starts_with(&format!("{number}\t{name}\t"))),
                "khard has {number} of {name}:\n{phones}"
            );
        }
    }

    let mut args = vec!["-c", VOBJECT];
    args.extend(paths.iter().map(String::as_str));
    let parsed = output(&python, &args);
    let parsed: Vec<Vec<&str>> = parsed.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(parsed.len(), expected.len(), "vobject read every card");
    for ((name, uid, numbers), fields) in expected.iter().zip(&parsed) {
        let mut want = vec![name.as_str(), uid.as_str()];
        want.extend(numbers.iter().map(String::as_str));
        assert_eq!(fields, &want, "vobject's FN, UID and TEL");
    }
}
