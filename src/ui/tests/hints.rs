//! A form field's hint is read whole at 80 and 120 columns: wrapped between words under the
//! field, never cut ("ten hoogste 400" for 4000, "JJJJ-MM-" for a date).

use super::*;
use crate::app::screens::trajectory::PlanField;
use crate::app::{Msg, PlanPart};

/// The text inside the popup's frame (the last frame that does not start at the left edge),
/// its rows joined with spaces, so that a hint wrapped over several rows reads as one sentence.
fn popup_text(app: &App, width: u16, height: u16) -> String {
    let text = screen_text(&render(app, width, height));
    let rows: Vec<Vec<char>> = text.lines().map(|r| r.chars().collect()).collect();
    let Some((top, left)) = rows.iter().enumerate().rev().find_map(|(n, row)| {
        let left = row.iter().skip(2).position(|c| *c == '╭')? + 2;
        Some((n, left))
    }) else {
        return String::new();
    };
    let right = rows[top][left..]
        .iter()
        .position(|c| *c == '╮')
        .map_or(rows[top].len(), |r| r + left);
    rows[top + 1..]
        .iter()
        .take_while(|row| row.get(left) != Some(&'╰'))
        .map(|row| {
            let inside: String = row[left + 1..right.min(row.len())].iter().collect();
            inside.trim().to_string()
        })
        .filter(|row| !row.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Pastes one character more than the focused field takes, so that its hint says so.
fn paste_too_much(app: &mut App, max: usize) {
    app.update(Msg::Paste("a".repeat(max + 1)));
}

fn assert_whole(app: &App, width: u16, height: u16, hint: &str) {
    let joined = popup_text(app, width, height);
    assert!(
        joined.contains(hint),
        "{hint:?} not whole at {width}x{height}:\n{}",
        screen_text(&render(app, width, height))
    );
}

#[test]
fn the_handover_forms_hints_are_whole_at_80_and_120_columns() {
    for lang in [Lang::Nl, Lang::En] {
        for (width, height) in [(80, 24), (120, 40)] {
            let (_dir, mut app) = demo(lang);
            resize(&mut app, width, height);
            press(&mut app, "Enter");
            test_support::select_child_where(&mut app, |_, c| c.first_name == "Maud");
            press(&mut app, "Enter");
            chr(&mut app, 's');
            // The school: a line of at most 120 characters.
            paste_too_much(&mut app, 120);
            assert_whole(&app, width, height, &lang.too_long(120));
            // The first domain: a text of at most 4000 characters.
            press(&mut app, "Tab");
            paste_too_much(&mut app, 4000);
            assert_whole(&app, width, height, &lang.too_long(4000));
            // The warm handover's date, second from the end.
            press(&mut app, "BackTab");
            press(&mut app, "BackTab");
            press(&mut app, "BackTab");
            assert_whole(&app, width, height, lang.date_hint());
        }
    }
}

#[test]
fn a_trajectory_text_fields_hint_is_whole_at_80_and_120_columns() {
    for lang in [Lang::Nl, Lang::En] {
        for (width, height) in [(80, 24), (120, 40)] {
            let (_dir, mut app) = plan::on_child_without_trajectory(lang);
            resize(&mut app, width, height);
            plan::start(&mut app, "vroegsignalering");
            plan::select(&mut app, PlanPart::Field(PlanField::Goals));
            press(&mut app, "Enter");
            paste_too_much(&mut app, 4000);
            assert_whole(&app, width, height, &lang.too_long(4000));
        }
    }
}
