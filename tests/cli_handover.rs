//! `signaal report --handover`: the handover to primary school, run as a user runs it (the real
//! binary on a temp database): for the school only with the parents' consent, for the parents
//! always, and carried by export, import and `check`.

mod common {
    pub mod cli;
}

use common::cli::{fails, ok, run, Db};
use serde_json::{json, Value};

/// A handover for `child`, as the export writes it.
fn handover(child: &Value, school: &str) -> Value {
    json!({
        "child_id": child["id"],
        "school": school,
        "development": {"Taal": "Vertelt graag over het weekend, in hele zinnen."},
        "interests": "Bouwen met grote blokken",
        "what_helps": "Vooraf horen wat er gaat gebeuren",
        "parents_view": "Thuis is hij een rustige speler.",
        "warm_handover_on": "2026-11-25",
        "spoken_with": "Mevr. Visser, intern begeleider",
        "by": "Anouk",
        "at": "2026-11-20T10:00:00+01:00"
    })
}

#[test]
fn the_handover_goes_to_the_school_only_with_consent_and_to_the_parents_always() {
    let demo = Db::demo(&[]);
    let mut export = demo.export();
    let children = export["children"].as_array_mut().unwrap();
    let yes =
        json!({"answer": "yes", "at": "2026-11-20T10:00:00+01:00", "by": "Anouk", "given_by": ""});
    children[0]["consent"]["school"] = yes;
    children[1]["consent"]["school"] = Value::Null;
    let (with, without) = (children[0].clone(), children[1].clone());
    export["handovers"] = json!([
        handover(&with, "Basisschool De Linde"),
        handover(&without, "Basisschool Het Anker")
    ]);
    let db = Db::import(&export);
    assert_eq!(db.export()["handovers"], export["handovers"]);

    let id = with["id"].to_string();
    for (lang, heading) in [
        ("nl", "overdracht naar de basisschool"),
        ("en", "handover to primary school"),
    ] {
        let text = ok(&db.report(&["--handover", &id, "--lang", lang]));
        assert!(text.starts_with("# ") && text.contains(heading), "{text}");
        for part in [
            "Basisschool De Linde",
            "Vertelt graag over het weekend",
            "rustige speler",
            "Mevr. Visser",
        ] {
            assert!(text.contains(part), "{part} missing: {text}");
        }
        for secret in ["eldcode", "Veilig Thuis", "afweging"] {
            assert!(!text.contains(secret), "{secret} in the handover: {text}");
        }
    }

    let id = without["id"].to_string();
    let refused = db.report(&["--handover", &id, "--lang", "en"]);
    let message = fails(&refused, 1);
    assert!(
        message.contains("not consented") && message.contains(&id),
        "{message}"
    );
    assert!(
        refused.stdout.is_empty(),
        "something was written for the school"
    );
    let parents = ok(&db.report(&["--handover", &id, "--for-parents", "--lang", "en"]));
    assert!(
        parents.contains("Basisschool Het Anker") && parents.contains("only with your consent"),
        "{parents}"
    );
}

#[test]
fn an_import_with_a_handover_of_a_child_that_does_not_exist_is_refused_naming_it() {
    let export = json!({
        "format": "signaal-export", "version": 1, "exported_at": "2026-11-20T10:00:00+01:00",
        "staff": [], "groups": [], "children": [], "audit": [],
        "handovers": [handover(&json!({"id": 4242}), "Basisschool De Linde")]
    });
    let db = Db::empty();
    let file = db.file("bad.json");
    std::fs::write(&file, serde_json::to_vec(&export).unwrap()).unwrap();
    let out = run(&["import", "--db", db.path(), file.to_str().unwrap()]);
    let message = fails(&out, 1);
    assert!(
        message.contains("a handover is about child 4242, which does not exist"),
        "{message}"
    );
}

/// A BSO child already goes to school: its record is the talk with the school, and the document
/// says so in its title and headings (what was discussed and agreed, the date of the talk).
#[test]
fn a_bso_childs_record_reads_as_the_talk_with_the_school() {
    let demo = Db::demo(&[]);
    let mut export = demo.export();
    let bso = export["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["kind"] == "bso")
        .expect("the demo has a BSO group")["id"]
        .clone();
    let child = export["children"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["group_id"] == bso)
        .expect("a BSO child")
        .clone();
    export["handovers"] = json!([handover(&child, "OBS De Klimop")]);
    let db = Db::import(&export);
    let id = child["id"].to_string();
    for (lang, parts) in [
        (
            "nl",
            [
                "overleg met school",
                "Besproken en afgesproken",
                "## Overleg met school",
            ],
        ),
        (
            "en",
            [
                "talk with the school",
                "Discussed and agreed",
                "## Talk with the school",
            ],
        ),
    ] {
        let text = ok(&db.report(&["--handover", &id, "--for-parents", "--lang", lang]));
        for part in parts {
            assert!(text.contains(part), "{part} missing: {text}");
        }
        for kdv in [
            "basisschool",
            "primary school",
            "Warme overdracht",
            "Warm handover",
        ] {
            assert!(
                !text.contains(kdv),
                "{kdv} in a BSO child's document: {text}"
            );
        }
    }
}
