//! The coaching of a staff member in Dutch (issue 14, acceptance 5): the advice given with two
//! staff members shows on both their screens, in this quarter, under its competencies.

use super::*;
use crate::app::test_support::{advice_with_two, app_at};

#[test]
fn advice_with_two_staff_members_is_on_both_coaching_screens_in_dutch() {
    let (dir, [first, second]) = advice_with_two(Lang::Nl);
    let db = dir.path().join("db");
    for (person, name) in [
        (&first, "coaching_first_nl"),
        (&second, "coaching_second_nl"),
    ] {
        let mut app = app_at(&db, false, Lang::Nl, User::Named(&person.name));
        chr(&mut app, 'A');
        let terminal = render(&app, 80, 24);
        let text = screen_text(&terminal);
        assert!(
            text.contains(&format!("Coaching · {}", person.name)),
            "{text}"
        );
        assert!(text.contains("K4 2026 · ontwikkeling"), "{text}");
        assert!(text.contains("Samen benoemen wat je ziet"), "{text}");
        insta::assert_snapshot!(name, terminal.backend());
    }
}
