//! The report command's refusals of issue 14 speak the chosen language (`--lang`, else `LANG`,
//! as the TUI): a handover for the school without the parents' consent, a month still to come.
//! The English text stays what it was. Run as a user runs it: the real binary on a temp database.

mod common {
    pub mod cli;
    pub mod demo;
}

use chrono::Datelike;
use common::cli::{fails, Db};
use common::demo::{arr, full_name, today};
use serde_json::Value;

#[test]
fn a_handover_without_consent_is_refused_in_the_chosen_language() {
    let mut export = Db::demo(&[]).export();
    // A child with a handover written, so that consent is what is missing.
    let written = export["handovers"][0]["child_id"].clone();
    let children = export["children"].as_array_mut().unwrap();
    let child = children.iter_mut().find(|c| c["id"] == written).unwrap();
    child["consent"]["school"] = Value::Null;
    let id = child["id"].to_string();
    let name = full_name(child);
    let db = Db::import(&export);
    for (lang, expected) in [
        (
            "nl",
            format!(
                "signaal: de ouders van kind {id} ({name}) hebben geen toestemming gegeven om informatie \
                 aan de school door te geven (consent.school is niet ja), dus de overdracht voor \
                 de school is niet geschreven; --for-parents schrijft die voor hen\n"
            ),
        ),
        (
            "en",
            format!(
                "signaal: the parents of child {id} ({name}) have not consented to passing information \
                 to the school (consent.school is not yes), so the handover for the school is not \
                 written; --for-parents writes it for them\n"
            ),
        ),
    ] {
        let out = db.report(&["--handover", &id, "--lang", lang]);
        assert_eq!(fails(&out, 1), expected, "{lang}");
        assert!(out.stdout.is_empty(), "nothing written for the school");
    }
}

/// A child without a handover: nothing for the school until it is written, said in Dutch too.
#[test]
fn a_handover_not_written_is_refused_in_the_chosen_language() {
    let export = Db::demo(&[]).export();
    let written: Vec<&Value> = arr(&export, "handovers")
        .iter()
        .map(|h| &h["child_id"])
        .collect();
    let child = arr(&export, "children")
        .iter()
        .find(|c| !written.contains(&&c["id"]))
        .unwrap();
    let (id, name) = (child["id"].to_string(), full_name(child));
    let db = Db::import(&export);
    let out = db.report(&["--handover", &id, "--lang", "nl"]);
    assert_eq!(
        fails(&out, 1),
        format!(
            "signaal: kind {id} ({name}) heeft nog geen overdracht naar school: schrijf die eerst \
             met s op het scherm van het kind in signaal\n"
        )
    );
}

#[test]
fn a_month_still_to_come_is_refused_in_the_chosen_language() {
    let db = Db::demo(&["--groups", "1"]);
    let next_year = format!("{}-01", today().year() + 1);
    let now = today().format("%Y-%m").to_string();
    for which in ["--care-team", "--meldcode"] {
        for (lang, expected) in [
            (
                "nl",
                format!(
                    "signaal: \"{next_year}\" moet nog komen; het overzicht kijkt terug, dus noem \
                     deze maand ({now}) of een eerdere\n"
                ),
            ),
            (
                "en",
                format!(
                    "signaal: \"{next_year}\" is still to come; the report looks back, so name \
                     this month ({now}) or an earlier one\n"
                ),
            ),
        ] {
            let out = db.report(&[which, "--month", &next_year, "--lang", lang]);
            assert_eq!(fails(&out, 2), expected, "{which} {lang}");
            assert!(out.stdout.is_empty());
        }
    }
}
