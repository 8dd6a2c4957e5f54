//! `R` in the real TUI in a pty, while it runs: the care-team report of a month from the groups
//! list and the parents' report of the selected child, in Dutch and English, written as
//! owner-only files into the reports directory (the default beside the database, or
//! `reports_dir` of the config file), the status line naming the file.

mod common {
    pub mod cli;
    pub mod demo;
    pub mod pty;
    pub mod screens;
}

use std::path::{Path, PathBuf};

use common::cli::Db;
use common::demo::{arr, group_name, uniquely_named_kids};
use common::pty::{framed, Options};
use common::screens::{big, open_group, open_tui_with, quit, select_child};
use serde_json::Value;

/// The one file in `dir` whose name ends with `end`.
fn report_in(dir: &Path, end: &str) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(end))
        .collect();
    assert_eq!(found.len(), 1, "{end} in {}: {found:?}", dir.display());
    found[0].clone()
}

#[cfg(unix)]
fn assert_owner_only(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let expected = if path.is_dir() { 0o700 } else { 0o600 };
    assert_eq!(mode, expected, "{}", path.display());
}

#[cfg(not(unix))]
fn assert_owner_only(_path: &Path) {}

/// The care coordinator's name and a child (not sharing its first name in its group) of one of
/// the groups linked to them.
fn coordinator_and_child(ex: &Value) -> (String, common::demo::Kid) {
    let coordinator = arr(ex, "staff")
        .iter()
        .find(|s| s["role"] == "care_coordinator")
        .expect("the demo has a care coordinator");
    let groups = coordinator["groups"].as_array().unwrap();
    let kid = uniquely_named_kids(ex)
        .into_iter()
        .find(|k| groups.iter().any(|g| g.as_u64() == Some(k.group_id)))
        .expect("a child in one of the coordinator's groups");
    (coordinator["name"].as_str().unwrap().to_string(), kid)
}

/// As the care coordinator in `lang`: `R` on the groups list and Enter on this month's form, then
/// `R` on a child of one of their groups; both files in `reports`, owner-only, in `lang`.
fn both_reports(lang: &str, opts: Options, db: &Db, reports: &Path) {
    let ex = db.export();
    let (coordinator, kid) = coordinator_and_child(&ex);
    let mut t = open_tui_with(db, lang, &coordinator, opts);
    let (form, written, team_title, parents_title) = match lang {
        "nl" => (
            "Rapport voor het zorgoverleg",
            "Rapport geschreven: ",
            "# Zorgoverleg: open trajecten op ",
            ": observaties voor het oudergesprek\n",
        ),
        _ => (
            "Care-team report",
            "Report written: ",
            "# Care-team meeting: open trajectories on ",
            ": observations for the talk with parents\n",
        ),
    };

    t.send("R");
    t.expect(form);
    t.key("Enter");
    let screen = t.expect(written);
    let team = report_in(reports, &format!("-care-team-{}.md", this_month()));
    assert!(
        screen.contains(&team.file_name().unwrap().to_string_lossy().to_string()),
        "the status line names the file:\n{}",
        framed(&screen)
    );
    let text = std::fs::read_to_string(&team).unwrap();
    assert!(text.starts_with(team_title), "{text}");
    assert!(!text.to_lowercase().contains("meldcode"), "{text}");
    assert_owner_only(&team);
    assert_owner_only(reports);

    open_group(&mut t, &group_name(&ex, kid.group_id));
    select_child(&mut t, &kid);
    t.send("R");
    t.expect_until("the parents' report written", |s| {
        s.contains(&format!("-parents-report-child-{}.md", kid.id))
    });
    let parents = report_in(reports, &format!("-parents-report-child-{}.md", kid.id));
    let text = std::fs::read_to_string(&parents).unwrap();
    assert!(
        text.starts_with(&format!("# {}{parents_title}", kid.name)),
        "{text}"
    );
    assert!(
        !parents.to_string_lossy().contains(&kid.first),
        "no name in the file name"
    );
    assert_owner_only(&parents);
    quit(&mut t);
}

fn this_month() -> String {
    chrono::Local::now().format("%Y-%m").to_string()
}

#[test]
fn r_writes_both_reports_beside_the_database_in_english() {
    let db = Db::demo(&[]);
    both_reports("en", big(), &db, &db.file("reports"));
}

#[test]
fn r_writes_both_reports_into_reports_dir_of_the_config_in_dutch() {
    let db = Db::demo(&[]);
    let config = db.file("config.toml");
    std::fs::write(&config, "reports_dir = \"verslagen\"\n").unwrap();
    let opts = Options {
        env: vec![(
            "SIGNAAL_CONFIG".into(),
            config.to_string_lossy().to_string(),
        )],
        ..big()
    };
    both_reports("nl", opts, &db, &db.file("verslagen"));
    assert!(
        !db.file("reports").exists(),
        "only the configured directory"
    );
}
