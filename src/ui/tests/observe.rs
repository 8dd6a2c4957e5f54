//! Snapshots of the observation form, the form picker, a child's history and the comparison.

use super::*;

/// The demo's first group, with the selection on the first child who has two observations to
/// compare.
fn on_child_with_history(lang: Lang) -> (TempDir, App) {
    let (dir, mut app) = demo(lang);
    press(&mut app, "Enter");
    test_support::select_child_where(&mut app, |app, child| {
        app.store.observations_of(child.id).unwrap().len() >= 2
    });
    (dir, app)
}

#[test]
fn observation_form_with_marks_and_a_note() {
    let (_dir, mut app) = demo(Lang::En);
    press(&mut app, "Enter");
    chr(&mut app, 'o');
    chr(&mut app, ' ');
    press(&mut app, "Down");
    chr(&mut app, ' ');
    chr(&mut app, ' ');
    chr(&mut app, 'n');
    type_text(&mut app, "Zoë huilt bij het afscheid");
    press(&mut app, "Enter");
    let t = snap!("observation_form", &app);
    let text = screen_text(&t);
    assert!(text.contains("saved 10:00:00"), "saved state in the title");
    assert!(text.contains("sometimes") && text.contains("often"));
    assert!(
        text.contains("Note: Zoë huilt bij het afscheid"),
        "the note in the detail pane"
    );
}

#[test]
fn the_parents_view_shows_under_the_selected_item() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, "Enter");
    chr(&mut app, 'o');
    chr(&mut app, 'W');
    let form = screen_text(&render(&app, 80, 24));
    assert!(
        form.contains("Wat ouders zien"),
        "the form's title:\n{form}"
    );
    type_text(&mut app, "Thuis ook stil");
    press(&mut app, "Enter");
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("Wat ouders zien: Thuis ook stil"), "{text}");
    press(&mut app, "Down");
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("Wat ouders zien: Thuis ook stil"), "{text}");
}

#[test]
fn observation_form_in_dutch_before_the_first_mark() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, "Enter");
    chr(&mut app, 'o');
    let t = snap!("observation_form_nl", &app);
    let text = screen_text(&t);
    assert!(text.contains("nog niets gemarkeerd"));
    assert!(text.contains("Observator"));
    assert!(text.contains("Welbevinden"));
}

#[test]
fn observation_form_scrolls_to_the_last_item() {
    let (_dir, mut app) = demo(Lang::En);
    press(&mut app, "Enter");
    chr(&mut app, 'o');
    press(&mut app, "End");
    chr(&mut app, ' ');
    let t = snap!("observation_form_end", &app);
    let Screen::Observe(s) = app.screen() else {
        panic!("form expected")
    };
    let (_, last) = s.template.items().last().unwrap();
    assert!(screen_text(&t).contains(&last.text.en[..20]));
}

#[test]
fn child_screen_lists_observations_newest_first() {
    let (_dir, mut app) = on_child_with_history(Lang::En);
    press(&mut app, "Enter");
    let Screen::Child(s) = app.screen() else {
        panic!("child screen expected")
    };
    let dates: Vec<String> = s.observations.iter().map(|o| o.date.to_string()).collect();
    let t = snap!("child_with_history", &app);
    let text = screen_text(&t);
    let first = text.find(&dates[0]).expect("newest shown");
    let second = text.find(&dates[1]).expect("older shown");
    assert!(first < second, "newest first");
}

#[test]
fn comparison_of_the_two_latest_observations() {
    let (_dir, mut app) = on_child_with_history(Lang::En);
    chr(&mut app, 'w');
    let Screen::Compare(s) = app.screen() else {
        panic!("comparison expected, status: {:?}", app.status)
    };
    assert!(s.list.visible_len() > 0, "the demo's observations differ");
    let t = snap!("comparison", &app);
    assert!(screen_text(&t).contains("What changed"));
}

#[test]
fn comparison_in_dutch() {
    let (_dir, mut app) = on_child_with_history(Lang::Nl);
    chr(&mut app, 'w');
    let t = snap!("comparison_nl", &app);
    assert!(screen_text(&t).contains("Wat is veranderd"));
}

#[test]
fn form_picker_for_a_group_with_two_forms() {
    let (_dir, mut app) = demo(Lang::En);
    let mut own = crate::templates::builtin().into_iter().next().unwrap();
    own.id = "eigen-kdv".into();
    own.name = crate::domain::form::Text::new("Ons eigen formulier", "Our own form");
    let sig = crate::store::Signature {
        by: "Test".into(),
        at: test_support::now(),
    };
    app.store.add_form_template(&own, &sig).unwrap();
    app.load_catalogue();
    press(&mut app, "Enter");
    chr(&mut app, 'o');
    let t = snap!("form_picker", &app);
    assert!(screen_text(&t).contains("Our own form"));
}

#[test]
fn a_filtered_form_shows_each_section_heading_once_best_match_first() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, "Enter");
    chr(&mut app, 'o');
    chr(&mut app, '/');
    type_text(&mut app, "kind");
    let t = snap!("observation_form_filtered_nl", &app);
    let Screen::Observe(s) = app.screen() else {
        panic!("form expected")
    };
    let text = screen_text(&t);
    for section in &s.template.sections {
        let heading = format!("│{}", app.lang.text(&section.title));
        let shown = text.matches(&heading).count();
        assert!(shown <= 1, "{heading} shown {shown} times:\n{text}");
    }
}

#[test]
fn a_notes_line_breaks_show_as_lines() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, "Enter");
    chr(&mut app, 'o');
    chr(&mut app, 'n');
    type_text(&mut app, "Beet Mila in arm");
    app.update(crate::app::Msg::Paste("\nLevi\nvan den Berg".into()));
    press(&mut app, "Enter");
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("Notitie: Beet Mila in arm "), "{text}");
    assert!(!text.contains("armLevi"), "never run together: {text}");
    let below = text
        .lines()
        .skip_while(|l| !l.contains("Notitie: Beet Mila in arm"))
        .nth(1)
        .unwrap_or_default();
    assert!(below.contains("Levi"), "the next line: {below}");
}

/// The demo's first group (a kdv) with the first child of `months` months old selected.
fn on_child_of(lang: Lang, months: u32) -> (TempDir, App) {
    let (dir, mut app) = demo(lang);
    press(&mut app, "Enter");
    test_support::select_child_where(&mut app, |_, child| {
        child
            .age_on(test_support::now().date_naive())
            .map(|age| age.in_months())
            == Some(months)
    });
    (dir, app)
}

#[test]
fn a_babys_form_asks_baby_things_and_nothing_of_group_rules() {
    let (_dir, mut app) = on_child_of(Lang::Nl, 10);
    chr(&mut app, 'o');
    let t = snap!("observation_form_baby_nl", &app, 100, 40);
    let text = screen_text(&t);
    assert!(
        text.contains("Kijkt de volwassene aan tijdens de fles"),
        "{text}"
    );
    assert!(text.contains("Rolt om van de rug naar de buik"), "{text}");
    assert!(
        !text.contains("groepsregels") && !text.contains("beurt"),
        "{text}"
    );
}

#[test]
fn a_mark_outside_the_childs_age_shows_last_with_the_ages_it_is_for() {
    let (_dir, mut app) = on_child_of(Lang::En, 43);
    let Screen::Children(s) = app.screen() else {
        panic!("the children list")
    };
    let child = s.list.selected().unwrap().child.clone();
    // Today's observation has a mark on a baby item, as after a birth date corrected since.
    let template = crate::templates::builtin().into_iter().next().unwrap();
    let sig = app.signature();
    let id = app.store.new_observation_id().unwrap();
    let date = test_support::now().date_naive();
    let mut observation = crate::domain::Observation::new(id, child.id, &template, date, &sig.by);
    observation.set_mark(
        "taal.baby_brabbelen",
        Some(crate::domain::form::Mark::Often),
        &sig.by,
        sig.at,
    );
    let action = crate::domain::AuditAction::ObservationMark;
    app.store
        .save_observation(&observation, &template, action, "taal.baby_brabbelen", &sig)
        .unwrap();
    chr(&mut app, 'o');
    press(&mut app, "End");
    let t = snap!("observation_form_outside_age", &app);
    let text = screen_text(&t);
    assert!(text.contains("Outside the age range"), "{text}");
    // The ages it is for, in the detail pane (wrapped at 80 columns).
    assert!(text.contains("[outside the age range:"), "{text}");
    assert!(text.contains("up to 11 months]"), "{text}");
}

/// A new child with two observations: a strength and two worries (one with a long text) marked
/// "often" 60 days ago, and 5 days ago only another strength: the comparison has a strength not
/// marked this time, worries no longer seen and a new mark.
fn strength_not_marked(lang: Lang) -> (tempfile::TempDir, App) {
    use crate::domain::form::Mark;
    let (dir, app, child) = test_support::on_new_child(lang);
    let template = crate::templates::builtin().into_iter().next().unwrap();
    let sig = app.signature();
    let today = test_support::now().date_naive();
    let days_ago = [
        today - chrono::Duration::days(60),
        today - chrono::Duration::days(5),
    ];
    let marks: [&[(&str, Mark)]; 2] = [
        &[
            ("welbevinden.afscheid", Mark::Often),
            ("welbevinden.teruggetrokken", Mark::Often),
            ("welbevinden.baby_huilen", Mark::Often),
        ],
        &[("welbevinden.troost", Mark::Sometimes)],
    ];
    for (date, marks) in days_ago.into_iter().zip(marks) {
        let id = app.store.new_observation_id().unwrap();
        let mut observation =
            crate::domain::Observation::new(id, child.id, &template, date, &sig.by);
        for (item, mark) in marks {
            observation.set_mark(item, Some(*mark), &sig.by, sig.at);
        }
        let action = crate::domain::AuditAction::ObservationMark;
        app.store
            .save_observation(&observation, &template, action, marks[0].0, &sig)
            .unwrap();
    }
    (dir, app)
}

/// In Dutch, whose texts are longer, the columns of the comparison never run together: the
/// marks whole, a space before the kind of change, and an item's text cut with "…" well before
/// the marks.
#[test]
fn the_comparisons_columns_keep_apart_in_dutch_at_120_and_80_columns() {
    for (width, height, name) in [
        (120, 30, "comparison_columns_120x30_nl"),
        (80, 24, "comparison_columns_80x24_nl"),
    ] {
        let (_dir, mut app) = strength_not_marked(Lang::Nl);
        resize(&mut app, width, height);
        chr(&mut app, 'w');
        let terminal = render(&app, width, height);
        let text = screen_text(&terminal);
        insta::assert_snapshot!(name, terminal.backend());
        let rows = [
            ("vaak → niet aangekruist ", "deze keer niet"),
            ("vaak → niet gezien ", "niet meer gezien"),
            ("niet gezien → soms ", "nieuw"),
        ];
        for (marks, kind) in rows {
            let line = text.lines().find(|l| l.contains(marks));
            let line = line.unwrap_or_else(|| panic!("{marks}:\n{text}"));
            // The marks whole, then (after at least one space) the kind of change whole.
            let at = line.find(marks).unwrap() + marks.len();
            assert!(line[at..].trim_start().starts_with(kind), "{line}");
            let before = &line[..line.find(marks).unwrap()];
            assert!(before.ends_with("   "), "a gap before the marks: {line}");
        }
        // The long item text cut with "…", three columns before its marks.
        let crying = text.lines().find(|l| l.contains("Huilt lang")).unwrap();
        assert!(crying.contains("…   vaak → niet gezien"), "{crying}");
    }
}

#[test]
fn a_strength_not_marked_this_time_is_not_said_to_be_gone() {
    let (_dir, mut app) = strength_not_marked(Lang::En);
    chr(&mut app, 'w');
    let t = snap!("comparison_strength_not_marked", &app);
    let text = screen_text(&t);
    let line = |words: &str| {
        let found = text.lines().find(|l| l.contains(words));
        found
            .unwrap_or_else(|| panic!("{words}:\n{text}"))
            .to_string()
    };
    // The strength: not marked this time, with what that means under it.
    let strength = line("Comes in at ease");
    assert!(strength.contains("often → not marked") && strength.contains("not this time"));
    assert!(text.contains("Not marked this time: that does not mean the child no longer does"));
    // The worry is no longer seen.
    let worry = line("Withdraws or is noticeably quiet");
    assert!(
        worry.contains("often → not seen") && worry.contains("no longer seen"),
        "{worry}"
    );
}

/// A child observed monthly for years: its screen reads only the newest observations the
/// terminal can show (two rows each at least), more on a taller terminal, while its trail (`A`)
/// still knows every one of them.
#[test]
fn a_child_observed_for_years_reads_only_the_newest_it_can_show() {
    use crate::domain::form::Mark;
    use crate::domain::{AuditAction, Observation};
    use crate::store::Signature;
    let (_dir, mut app) = on_child_with_history(Lang::En);
    let Screen::Children(list) = app.screen() else {
        panic!("the children list")
    };
    let child = list.list.selected().expect("a child").child.id;
    let template = crate::templates::builtin().into_iter().next().unwrap();
    let item = template.items().next().unwrap().1.id.clone();
    let sig = Signature {
        by: "Anouk de Boer".into(),
        at: chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00+01:00").unwrap(),
    };
    let mut made = std::collections::BTreeSet::new();
    for n in 0..40u64 {
        let id = app.store.new_observation_id().unwrap();
        made.insert(format!("observation:{id}"));
        let day = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Days::new(n * 20);
        let mut obs = Observation::new(id, child, &template, day, &sig.by);
        obs.set_mark(&item, Some(Mark::Often), &sig.by, sig.at);
        app.store
            .save_observation(&obs, &template, AuditAction::ObservationMark, &item, &sig)
            .unwrap();
    }
    let mut newest_first: Vec<_> = app.store.observations_of(child).unwrap();
    newest_first.reverse();
    for (height, read) in [(40, 20), (60, 30)] {
        resize(&mut app, 120, height);
        press(&mut app, "Enter");
        let Screen::Child(screen) = app.screen() else {
            panic!("the child screen")
        };
        let ids: Vec<_> = screen.observations.iter().map(|o| o.id).collect();
        let expected: Vec<_> = newest_first.iter().take(read).map(|o| o.id).collect();
        assert_eq!(ids, expected, "at {height} rows");
        press(&mut app, "Esc");
    }
    // Opened on a low terminal that then grows: as many as now fit, without opening it again.
    resize(&mut app, 120, 40);
    press(&mut app, "Enter");
    resize(&mut app, 120, 60);
    let Screen::Child(screen) = app.screen() else {
        panic!("the child screen")
    };
    assert_eq!(screen.observations.len(), 30, "read again for 60 rows");
    chr(&mut app, 'A');
    let Screen::History(trail) = app.screen() else {
        panic!("the child's trail")
    };
    let marked: std::collections::BTreeSet<String> = trail
        .list
        .items()
        .filter(|row| row.entry.action == "observation.mark")
        .filter_map(|row| row.entry.target.split('/').next().map(str::to_string))
        .collect();
    assert_eq!(marked, made, "every observation's marks in the trail");
}
