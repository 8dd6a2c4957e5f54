//! Snapshots of the coach visit's close form and question, in Dutch: the date as Dutch screens
//! write it, its hint, and the question answered with `j`.

use super::*;

#[test]
fn closing_a_visit_in_dutch_shows_the_date_its_hint_and_asks_j_or_n() {
    let (_dir, mut app) =
        test_support::app(true, Lang::Nl, User::FirstWith(crate::domain::Role::Coach));
    chr(&mut app, 'v');
    chr(&mut app, 'x');
    let t = snap!("visit_close_form_nl", &app);
    let text = screen_text(&t);
    assert!(text.contains("Volgend bezoek"), "{text}");
    assert!(text.contains("Datum: DD-MM-JJJJ of JJJJ-MM-DD"), "{text}");
    let Screen::Visit(s) = app.screen() else {
        panic!("the visit")
    };
    let proposed = s
        .visit
        .proposed_next_visit(test_support::now().date_naive());
    let dutch = proposed.format("%d-%m-%Y").to_string();
    assert!(text.contains(&format!("{dutch}▏")), "{text}");
    press(&mut app, "Enter");
    let t = snap!("visit_close_question_nl", &app);
    let text = screen_text(&t);
    assert!(
        text.contains(&format!("Het volgende is op {dutch}")),
        "{text}"
    );
    assert!(text.contains("kan niet meer veranderen"), "{text}");
    assert!(text.contains("j = ja, n = nee"), "{text}");
}
