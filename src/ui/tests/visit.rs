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

/// Opens the visit of each of the coach's groups in turn until one has a child whose reasons
/// are `wanted`, and selects that child; its reasons.
fn select_a_child_with(
    app: &mut App,
    wanted: impl Fn(&[crate::domain::visit::attention::Reason]) -> bool,
) -> Vec<crate::domain::visit::attention::Reason> {
    use crate::app::VisitPart;
    for _ in 0..5 {
        chr(app, 'v');
        let Screen::Visit(s) = app.screen() else {
            panic!("the visit")
        };
        let found = s.children.iter().find(|c| wanted(&c.reasons));
        let Some(id) = found.map(|c| c.child.id) else {
            press(app, "Esc");
            press(app, "Down");
            continue;
        };
        for _ in 0..60 {
            let Screen::Visit(s) = app.screen() else {
                panic!("the visit")
            };
            if let Some(VisitPart::Child(i)) = s.list.selected().map(|r| r.part) {
                if s.children[i].child.id == id {
                    return s.children[i].reasons.clone();
                }
            }
            press(app, "Down");
        }
    }
    panic!("no such child in the demo's visits")
}

/// The detail pane's text under the list's rule, its lines joined and its spaces collapsed, so
/// that a sentence wrapped over two lines reads whole.
fn pane(screen: &str) -> String {
    let below = screen.split("│───").nth(1).unwrap_or_default();
    let words: Vec<&str> = below
        .lines()
        .skip(1)
        .flat_map(|l| l.trim_matches(|c| c == '"' || c == '│').split_whitespace())
        .collect();
    words.join(" ")
}

/// The row of a child gives its reasons in short, and at 80 columns cuts them ("wacht op coach ·
/// ! evaluatie …"); the detail pane under the list gives each in full, at 120 and 80 columns.
#[test]
fn the_visits_detail_pane_gives_every_reason_of_the_child_in_full() {
    for lang in [Lang::Nl, Lang::En] {
        let (_dir, mut app) =
            test_support::app(true, lang, User::FirstWith(crate::domain::Role::Coach));
        resize(&mut app, 120, 40);
        let reasons = select_a_child_with(&mut app, |r| r.len() >= 3);
        let text = match lang {
            Lang::Nl => screen_text(&snap!("visit_reasons_in_full_120x40_nl", &app, 120, 40)),
            Lang::En => screen_text(&render(&app, 120, 40)),
        };
        resize(&mut app, 80, 24);
        let narrow = screen_text(&render(&app, 80, 24));
        for reason in &reasons {
            let full = lang.reason_in_full(reason);
            assert!(pane(&text).contains(&full), "{lang:?}: {full}\n{text}");
            assert!(pane(&narrow).contains(&full), "{lang:?}: {full}\n{narrow}");
        }
        assert!(
            narrow.contains("· …") || narrow.contains('…'),
            "the row cuts them: {narrow}"
        );
    }
}

/// The rule of an observation due (a child with an open trajectory) reads in full in the pane.
#[test]
fn the_visits_detail_pane_names_the_rule_of_an_observation_due() {
    use crate::domain::rhythm::Due;
    use crate::domain::visit::attention::Reason;
    let (_dir, mut app) =
        test_support::app(true, Lang::Nl, User::FirstWith(crate::domain::Role::Coach));
    resize(&mut app, 120, 40);
    let trajectory = |r: &Reason| matches!(r, Reason::ObservationDue(Due::Trajectory { .. }));
    select_a_child_with(&mut app, |r| r.iter().any(trajectory));
    let text = screen_text(&render(&app, 120, 40));
    assert!(
        pane(&text).contains("Observatie nodig: bij een open traject elke 8 weken."),
        "{text}"
    );
}
