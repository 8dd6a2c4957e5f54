//! `R` while the TUI runs: the parents' report of a child and the care-team report of a month,
//! written as owner-only files into the reports directory, for the roles that may.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

use super::test_support::{app, chr, on_new_child, press, type_text, User};
use super::*;
use crate::domain::Role;

/// The files in the reports directory beside the test's database.
fn reports(dir: &TempDir) -> Vec<PathBuf> {
    match std::fs::read_dir(dir.path().join("reports")) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

fn status(app: &App) -> (String, bool) {
    let status = app.status.clone().expect("a status line");
    (status.text, status.error)
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn r_on_a_child_writes_the_parents_report_owner_only_and_says_where() {
    for lang in [Lang::Nl, Lang::En] {
        let (dir, mut app, child) = on_new_child(lang);
        // On the children list, for the selected child.
        chr(&mut app, 'R');
        let files = reports(&dir);
        assert_eq!(files.len(), 1, "{files:?}");
        let path = &files[0];
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert_eq!(
            name,
            format!("2026-11-20-1000-parents-report-child-{}.md", child.id)
        );
        let text = std::fs::read_to_string(path).unwrap();
        let title = match lang {
            Lang::Nl => "# Ĳsbrand Jansen: observaties voor het oudergesprek\n",
            Lang::En => "# Ĳsbrand Jansen: observations for the talk with parents\n",
        };
        assert!(text.starts_with(title), "{text}");
        let (said, error) = status(&app);
        assert!(
            !error && said.ends_with(&path.display().to_string()),
            "{said}"
        );
        #[cfg(unix)]
        {
            assert_eq!(mode(path), 0o600);
            assert_eq!(mode(&dir.path().join("reports")), 0o700);
        }

        // On the child's own screen: the same file, written again.
        std::fs::remove_file(path).unwrap();
        press(&mut app, "Enter");
        assert!(matches!(app.screen(), Screen::Child(_)));
        chr(&mut app, 'R');
        assert_eq!(reports(&dir), files);
    }
}

#[test]
fn the_coach_may_not_write_the_parents_report() {
    let (dir, mut app) = app(true, Lang::En, User::FirstWith(Role::Coach));
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Children(_)));
    chr(&mut app, 'R');
    assert!(reports(&dir).is_empty());
    let (said, error) = status(&app);
    assert!(error, "{said}");
    press(&mut app, "Enter");
    chr(&mut app, 'R');
    assert!(reports(&dir).is_empty());
}

#[test]
fn r_on_the_groups_list_asks_the_month_and_writes_the_care_team_report() {
    for (lang, shown, other, title) in [
        (
            Lang::Nl,
            "11-2026",
            "2026-10",
            "# Zorgoverleg: open trajecten op 31-10-2026\n",
        ),
        (
            Lang::En,
            "2026-11",
            "10-2026",
            "# Care-team meeting: open trajectories on 2026-10-31\n",
        ),
    ] {
        let (dir, mut app) = app(true, lang, User::FirstWith(Role::CareCoordinator));
        assert!(matches!(app.screen(), Screen::Groups(_)));
        chr(&mut app, 'R');
        let Some(Popup::Report(popup)) = &app.popup else {
            panic!("the month form")
        };
        assert_eq!(
            popup.form.fields.month.value, shown,
            "this month by default"
        );
        // A month that is none is refused under the form, which stays.
        for _ in 0..7 {
            press(&mut app, "Backspace");
        }
        type_text(&mut app, "13-2026");
        press(&mut app, "Enter");
        let Some(Popup::Report(popup)) = &app.popup else {
            panic!("still the month form")
        };
        assert!(popup
            .form
            .error
            .as_deref()
            .is_some_and(|e| e.contains("13-2026")));
        assert!(reports(&dir).is_empty());
        for _ in 0..7 {
            press(&mut app, "Backspace");
        }
        type_text(&mut app, other);
        press(&mut app, "Enter");
        assert!(app.popup.is_none(), "closed once written");
        let files = reports(&dir);
        assert_eq!(files.len(), 1);
        let name = files[0].file_name().unwrap().to_string_lossy().to_string();
        assert_eq!(name, "2026-11-20-1000-care-team-2026-10.md");
        let text = std::fs::read_to_string(&files[0]).unwrap();
        assert!(text.starts_with(title), "{text}");
        assert!(!text.to_lowercase().contains("meldcode"));
        let (said, error) = status(&app);
        assert!(
            !error && said.contains(&files[0].display().to_string()),
            "{said}"
        );
        #[cfg(unix)]
        assert_eq!(mode(&files[0]), 0o600);
    }
}

/// A month still to come has no end yet to report on: refused under the form, in the screen's
/// language, and no file is written; this month (today, 2026-11-20) and earlier ones are fine.
#[test]
fn the_care_team_report_of_a_month_still_to_come_is_refused() {
    for (lang, later, said) in [
        (Lang::Nl, ["12-2026", "2027-01"], "moet nog komen"),
        (Lang::En, ["2026-12", "01-2027"], "still to come"),
    ] {
        let (dir, mut app) = app(true, lang, User::FirstWith(Role::CareCoordinator));
        for month in later {
            chr(&mut app, 'R');
            for _ in 0..7 {
                press(&mut app, "Backspace");
            }
            type_text(&mut app, month);
            press(&mut app, "Enter");
            let Some(Popup::Report(popup)) = &app.popup else {
                panic!("still the month form")
            };
            let error = popup.form.error.clone().unwrap_or_default();
            assert!(error.contains(said), "{month}: {error}");
            assert!(reports(&dir).is_empty(), "{month}");
            press(&mut app, "Esc");
            assert!(app.popup.is_none());
        }
    }
}

#[test]
fn staff_and_coaches_may_not_write_the_care_team_report() {
    for role in [Role::Staff, Role::Coach] {
        let (dir, mut app) = app(true, Lang::En, User::FirstWith(role));
        chr(&mut app, 'R');
        assert!(app.popup.is_none(), "{role:?}");
        assert!(status(&app).1, "{role:?}: refused on the status line");
        assert!(reports(&dir).is_empty());
    }
}

#[test]
fn a_reports_dir_that_cannot_be_made_is_said_on_the_status_line() {
    let (dir, mut app, _child) = on_new_child(Lang::En);
    let blocked = dir.path().join("a-file");
    std::fs::write(&blocked, "").unwrap();
    app.reports_dir = blocked.join("reports");
    chr(&mut app, 'R');
    let (said, error) = status(&app);
    assert!(error, "{said}");
    assert!(said.starts_with("The report was not written: "), "{said}");
    assert!(said.contains(&blocked.display().to_string()), "{said}");
}

/// A symbolic link put in place of the reports directory: `R` writes nothing there (nor where it
/// points) and the status line says why, in the screen's language.
#[cfg(unix)]
#[test]
fn r_refuses_a_reports_directory_that_is_a_symlink_and_says_so() {
    for (lang, said) in [
        (Lang::Nl, "is een symbolische link"),
        (Lang::En, "is a symbolic link"),
    ] {
        let (dir, mut app, _child) = on_new_child(lang);
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, dir.path().join("reports")).unwrap();
        chr(&mut app, 'R');
        let (text, error) = status(&app);
        assert!(error && text.contains(said), "{text}");
        assert!(
            text.contains(&app.reports_dir.display().to_string()),
            "{text}"
        );
        assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
    }
}
