//! Snapshots of `R`: the month form of the care-team report, and the status line naming the
//! file written.

use super::*;
use crate::domain::Role;

#[test]
fn care_team_month_form_in_dutch_then_the_path_on_the_status_line() {
    let (dir, mut app) = test_support::app(true, Lang::Nl, User::FirstWith(Role::CareCoordinator));
    chr(&mut app, 'R');
    let t = snap!("care_team_month_form_nl", &app);
    let text = screen_text(&t);
    assert!(text.contains("Rapport voor het zorgoverleg"), "{text}");
    assert!(
        text.contains("Maand (MM-JJJJ)") && text.contains("11-2026"),
        "{text}"
    );
    press(&mut app, "Enter");
    let text = screen_text(&render(&app, 200, 24));
    let path = dir
        .path()
        .join("reports/2026-11-20-1000-care-team-2026-11.md");
    assert!(path.exists());
    assert!(
        text.contains(&format!("Rapport geschreven: {}", path.display())),
        "{text}"
    );
}
