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
    let yes =
        json!({"answer": "yes", "at": "2026-11-20T10:00:00+01:00", "by": "Anouk", "given_by": ""});
    let children = export["children"].as_array_mut().unwrap();
    let bso_child = children
        .iter_mut()
        .find(|c| c["id"] == child["id"])
        .unwrap();
    bso_child["consent"]["school"] = yes;
    let db = Db::import(&export);
    let id = child["id"].to_string();
    // The talk already took place: both readers read it as such, not as what "we would like to
    // tell the school", nor as a document discussed with the parents.
    for (lang, reader, talk) in [
        ("nl", &[][..], "ons overleg met de intern begeleider"),
        (
            "en",
            &[][..],
            "our talk with the school's intern begeleider",
        ),
        (
            "nl",
            &["--for-parents"][..],
            "ons overleg met de intern begeleider",
        ),
        (
            "en",
            &["--for-parents"][..],
            "our talk with the intern begeleider",
        ),
    ] {
        let args = [&["--handover", id.as_str(), "--lang", lang][..], reader].concat();
        let text = ok(&db.report(&args));
        assert!(text.contains(talk), "{talk} missing: {text}");
        if reader.is_empty() {
            let dossier = ok(&db.report(&["--child", &id, "--dossier", "--lang", lang]));
            let heading = match lang {
                "nl" => "\n## Overleg met school (intern begeleider)\n",
                _ => "\n## Talk with the school (intern begeleider)\n",
            };
            assert!(dossier.contains(heading), "{dossier}");
            assert!(dossier.contains("OBS De Klimop"), "{dossier}");
        }
        for kdv in [
            "willen vertellen",
            "would like to tell",
            "met de ouders besproken",
            "discussed with the parents",
        ] {
            assert!(!text.contains(kdv), "{kdv} in a BSO document: {text}");
        }
    }
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

/// The demo's export with its first KDV child that has an open early-signalling trajectory
/// (returned), consenting to school, with a handover whose domains are stored out of the form's
/// order, the open trajectory's stage carrying a working note, and a second trajectory moved
/// onto the child and closed.
fn child_with_plans() -> (Value, Value) {
    let mut export = Db::demo(&[]).export();
    let kdv = export["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["kind"] == "kdv")
        .expect("the demo has a KDV group")["id"]
        .clone();
    let children = export["children"].as_array().unwrap().clone();
    let in_kdv = |id: &Value| {
        children
            .iter()
            .any(|c| &c["id"] == id && c["group_id"] == kdv)
    };
    let trajectories = export["trajectories"].as_array_mut().unwrap();
    let open = trajectories
        .iter()
        .position(|t| {
            t["closed"].is_null() && t["template"] != "meldcode" && in_kdv(&t["child_id"])
        })
        .expect("an open trajectory in the KDV");
    let child_id = trajectories[open]["child_id"].clone();
    let other = trajectories
        .iter()
        .position(|t| t["template"] != "meldcode" && t["child_id"] != child_id)
        .expect("a second trajectory");
    let t = &mut trajectories[open];
    t["question"] = json!("Hoe vindt dit kind rust in de kring?");
    t["goals"] = json!("Zit de hele kring mee.");
    t["actions"] = json!("Een vaste plek naast de pedagogisch medewerker.");
    t["stages"][0]["note"] = json!("WERKNOTITIE van de groep");
    let t = &mut trajectories[other];
    t["child_id"] = child_id.clone();
    t["question"] = json!("EERDERE VRAAG");
    t["closed"] = json!({"outcome": "continues_in_group", "date": "2026-10-01", "by": "Anouk"});
    let child = export["children"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|c| c["id"] == child_id)
        .unwrap();
    child["consent"]["school"] =
        json!({"answer": "yes", "at": "2026-11-20T10:00:00+01:00", "by": "Anouk", "given_by": ""});
    let child = child.clone();
    let mut h = handover(&child, "Basisschool De Linde");
    h["development"] = json!({
        "Motoriek": "Klimt graag.",
        "Sociaal-emotioneel": "Speelt samen.",
        "Eigen kopje": "Iets anders."
    });
    export["handovers"] = json!([h]);
    (export, child)
}

/// The school's document is about the child: the open plan's question, goals and actions under
/// a section of its own, no stage notes, no closed plan, no words to the parents; the parents'
/// document keeps its own. The domains follow the form, titled in the report's language.
#[test]
fn the_school_reads_about_the_child_and_the_parents_read_to_them() {
    let (export, child) = child_with_plans();
    let db = Db::import(&export);
    let id = child["id"].to_string();
    for (lang, section, order, to_parents) in [
        (
            "nl",
            "\n## Extra ondersteuning in de groep\n",
            ["**Sociaal-emotioneel**", "**Motoriek**", "**Eigen kopje**"],
            ["samen met u", "uw kind", "Gezette stappen"],
        ),
        (
            "en",
            "\n## Extra support in the group\n",
            [
                "**Social and emotional**",
                "**Motor skills**",
                "**Eigen kopje**",
            ],
            ["together with you", "your child", "Steps taken"],
        ),
    ] {
        let school = ok(&db.report(&["--handover", &id, "--lang", lang]));
        assert!(school.contains(section), "{school}");
        for part in [
            "Hoe vindt dit kind rust in de kring?",
            "Zit de hele kring mee.",
            "Een vaste plek naast de pedagogisch medewerker.",
        ] {
            assert!(school.contains(part), "{part} missing: {school}");
        }
        for left_out in ["WERKNOTITIE", "EERDERE VRAAG"]
            .iter()
            .chain(to_parents.iter())
        {
            assert!(
                !school.contains(left_out),
                "{left_out} for the school: {school}"
            );
        }
        let at: Vec<usize> = order
            .iter()
            .map(|d| {
                school
                    .find(d)
                    .unwrap_or_else(|| panic!("{d} missing: {school}"))
            })
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}: {school}");

        let parents = ok(&db.report(&["--handover", &id, "--for-parents", "--lang", lang]));
        for part in ["EERDERE VRAAG", to_parents[0], to_parents[2]] {
            assert!(parents.contains(part), "{part} missing: {parents}");
        }
        assert!(!parents.contains(section), "{parents}");
    }
    // The dossier, everything the parents may see, holds the handover too.
    for (lang, heading) in [
        ("nl", "\n## Overdracht naar de basisschool\n"),
        ("en", "\n## Handover to primary school\n"),
    ] {
        let dossier = ok(&db.report(&["--child", &id, "--dossier", "--lang", lang]));
        let part = dossier
            .split(heading)
            .nth(1)
            .unwrap_or_else(|| panic!("{heading:?} missing: {dossier}"));
        for wanted in [
            "Basisschool De Linde",
            "Speelt samen.",
            "rustige speler",
            "Mevr. Visser",
        ] {
            assert!(part.contains(wanted), "{wanted} missing: {dossier}");
        }
    }
}

/// A handover not written yet, or one naming no school, does not go to the school: exit 1 and
/// one sentence naming the child; the parents read plainly that there is none yet.
#[test]
fn an_unwritten_handover_or_one_without_a_school_is_refused_for_the_school() {
    let (mut export, child) = child_with_plans();
    export["handovers"] = json!([]);
    let db = Db::import(&export);
    let id = child["id"].to_string();
    let name = format!(
        "{} {}",
        child["first_name"].as_str().unwrap(),
        child["last_name"].as_str().unwrap()
    );
    let refused = db.report(&["--handover", &id, "--lang", "en"]);
    let message = fails(&refused, 1);
    assert!(
        message.contains("has no handover to school yet")
            && message.contains(&name)
            && message.contains("with s on the child's screen"),
        "{message}"
    );
    assert!(refused.stdout.is_empty());
    for (lang, none, discussed) in [
        (
            "nl",
            "Er is nog geen overdracht naar de basisschool",
            "besproken met",
        ),
        (
            "en",
            "No handover to primary school has been written",
            "discussed with",
        ),
    ] {
        let parents = ok(&db.report(&["--handover", &id, "--for-parents", "--lang", lang]));
        assert!(parents.contains(none), "{parents}");
        assert!(!parents.contains(discussed), "{parents}");
        let dossier = ok(&db.report(&["--child", &id, "--dossier", "--lang", lang]));
        assert!(!dossier.contains("## Overdracht") && !dossier.contains("## Handover"));
    }

    let mut h = handover(&child, "  ");
    h["development"] = json!({});
    export["handovers"] = json!([h]);
    let db = Db::import(&export);
    let message = fails(&db.report(&["--handover", &id, "--lang", "en"]), 1);
    assert!(
        message.contains("names no school") && message.contains(&name),
        "{message}"
    );
}
