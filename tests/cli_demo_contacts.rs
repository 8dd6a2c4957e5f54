//! The demo's directory from the command line (issue 15, acceptance 3): after `signaal demo`,
//! `contacts find` answers the lookups a group makes and every lookup example README.md gives;
//! the pinned cards print in the user's language, while the export keeps them as stored.

mod common {
    pub mod cli;
}

use common::cli::{fails, ok, Db};

/// The README, whose lookup examples must work on the demo.
const README: &str = include_str!("../README.md");

/// The lines `contacts find ARGS` prints (options such as `--lang` first), split into their
/// tab-separated fields; it must succeed.
fn find(db: &Db, options: &[&str], args: &[&str]) -> Vec<Vec<String>> {
    let mut all = vec!["--db", db.path()];
    all.extend_from_slice(options);
    all.extend(["contacts", "find"]);
    all.extend_from_slice(args);
    ok(&common::cli::run(&all))
        .lines()
        .map(|line| line.split('\t').map(str::to_string).collect())
        .collect()
}

/// Fails unless `example` is quoted in README.md, so the test follows the README's examples.
fn in_readme(example: &str) {
    let quoted = format!("\"{example}\"");
    assert!(README.contains(&quoted), "README.md no longer has {quoted}");
}

#[test]
fn the_demo_answers_jeugdverpleegkundige_and_huisarts_with_a_card_and_a_number() {
    let db = Db::demo(&[]);
    for (query, role) in [
        ("jeugdverpleegkundige", "Jeugdverpleegkundige"),
        ("huisarts", "Huisarts"),
    ] {
        let lines = find(&db, &[], &[query]);
        let first = &lines[0];
        assert_eq!(first.len(), 4, "{first:?}");
        assert_eq!(first[2], role, "{lines:?}");
        assert!(first[1].chars().any(|c| c.is_ascii_digit()), "{first:?}");
        assert!(!first[3].is_empty(), "an organisation: {first:?}");
    }
    let huisarts = find(&db, &[], &["huisarts"]);
    assert!(
        huisarts.len() >= 2,
        "the practices and the huisartsenpost: {huisarts:?}"
    );
}

/// Dutch, the language of the README's lookup examples.
const NL: &[&str] = &["--lang", "nl"];

#[test]
fn every_lookup_example_of_the_readme_works_on_the_demo() {
    let db = Db::demo(&[]);
    // (query, the name found first); each quoted in the README.
    for (query, first) in [
        ("ozlem", "Özlem Yılmaz"),
        ("jose", "José Martins"),
        ("ozlem yilmaz", "Özlem Yılmaz"),
        ("jeugdverpelegkundige", "Özlem Yılmaz"),
    ] {
        in_readme(query);
        let lines = find(&db, NL, &[query]);
        assert_eq!(lines[0][0], first, "{query}: {lines:?}");
        assert_eq!(find(&db, &[], &[query])[0][0], first, "{query} in English");
    }
    // "aandachtsfunctionaris" (or "meldcode") finds the pinned card, filled in with a number in
    // the demo, and the line of the demo's aandachtsfunctionaris.
    for query in ["aandachtsfunctionaris", "meldcode"] {
        in_readme(query);
        assert!(find(&db, &[], &[query]).len() >= 2, "{query} in English");
        let lines = find(&db, NL, &[query]);
        let card = lines.iter().find(|l| l[0] == "Aandachtsfunctionaris");
        let card = card.unwrap_or_else(|| panic!("{query}: {lines:?}"));
        assert_eq!(card[1], "06-12345678 (mobiel)", "{card:?}");
        let lead = lines.iter().filter(|l| l[0] != "Aandachtsfunctionaris");
        assert!(lead
            .clone()
            .any(|l| l[2].starts_with("Aandachtsfunctionaris")));
    }
    // "Veilig Thuis 0800-2000", `--limit N`, everything for no query, exit 1 for nothing.
    let veilig = find(&db, NL, &["veilig", "thuis"]);
    assert_eq!(
        (veilig[0][0].as_str(), veilig[0][1].as_str()),
        ("Veilig Thuis", "0800-2000 (gratis)")
    );
    assert_eq!(find(&db, &[], &["--limit", "1", "huisarts"]).len(), 1);
    let all = find(&db, &[], &[]);
    assert!(all.len() >= 25, "{}", all.len());
    assert!(
        all.iter().all(|fields| fields.len() == 4),
        "cut -f1,2 works"
    );
    let out = db.contacts(&["find", "xqzwv"]);
    assert!(fails(&out, 1).contains("no contact matches"));
}

#[test]
fn the_pinned_cards_print_in_the_users_language_and_export_as_stored() {
    let db = Db::demo(&[]);
    let english = find(&db, &["--lang", "en"], &["112"]);
    assert_eq!(
        english[0][..3],
        ["112", "112 (emergency)", "Emergency number"]
    );
    let dutch = find(&db, &["--lang", "nl"], &["112"]);
    assert_eq!(dutch[0][..3], ["112", "112 (spoed)", "Alarmnummer"]);
    // --lang may also follow the subcommand, as with any option people type last.
    let after = find(&db, &[], &["--lang", "en", "112"]);
    assert_eq!(after[0][..3], english[0][..3]);
    // English words find them too, and the Dutch terms still do.
    in_readme("emergency");
    assert_eq!(find(&db, &["--lang", "en"], &["emergency"])[0][0], "112");
    let lead = find(&db, &["--lang", "en"], &["safeguarding", "lead"]);
    assert_eq!(lead[0][0], "Safeguarding lead (aandachtsfunctionaris)");
    assert_eq!(
        lead[0][3], "Kinderopvang De Lindeboom",
        "as the organisation typed it"
    );
    let lines = find(&db, &["--lang", "en"], &["vertrouwensinspecteur"]);
    assert!(
        lines[0][0].starts_with("Confidential inspector"),
        "{lines:?}"
    );
    // Without a database too.
    let none = Db::empty();
    assert_eq!(
        find(&none, &["--lang", "en"], &["112"])[0][2],
        "Emergency number"
    );

    // The export contract: the pinned cards as stored, in Dutch.
    let export = db.export();
    let contacts = export["contacts"].as_array().unwrap();
    let emergency = contacts
        .iter()
        .find(|c| c["pinned"] == "emergency")
        .unwrap();
    assert_eq!(emergency["role"], "Alarmnummer");
}
