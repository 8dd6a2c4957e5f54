//! Snapshot tests of every screen, drawn on ratatui's `TestBackend` and driven by key presses the
//! way a person would (`/` + "uil", Enter, ...). The clock is fixed, so ages and dates in the
//! snapshots do not change from day to day. Review changed snapshots by reading the `.snap` files
//! under `src/ui/snapshots/`.

use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use ratatui::Terminal;
use tempfile::TempDir;

use crate::app::test_support::{self, chr, fill_child_form, press, resize, type_text, User};
use crate::app::{Action, App, Screen, UserRow};
use crate::i18n::Lang;
use crate::ui::{self, Theme};

/// An app as `test_support::app` makes it, with `user: true` signing in the demo's first
/// childcare staff member.
fn app(demo: bool, lang: Lang, user: bool) -> (TempDir, App) {
    let user = if user { User::FirstStaff } else { User::Nobody };
    test_support::app(demo, lang, user)
}

fn demo(lang: Lang) -> (TempDir, App) {
    test_support::signed_in(lang)
}

fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| ui::draw(f, app, &Theme::monochrome()))
        .unwrap();
    terminal
}

fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    terminal.backend().to_string()
}

macro_rules! snap {
    ($name:literal, $app:expr) => {
        snap!($name, $app, 80, 24)
    };
    ($name:literal, $app:expr, $w:expr, $h:expr) => {{
        let terminal = render($app, $w, $h);
        insta::assert_snapshot!($name, terminal.backend());
        terminal
    }};
}

#[test]
fn welcome_on_an_empty_database() {
    // A temp dir of a known length, so that the path on the screen wraps the same everywhere;
    // its random part is masked in the snapshot.
    let dir = tempfile::Builder::new()
        .prefix("signaal-")
        .tempdir_in("/tmp")
        .unwrap();
    let app = test_support::app_at(&dir.path().join("db"), false, Lang::En, User::Nobody);
    assert!(matches!(app.screen(), Screen::Welcome(_)));
    let random = dir.path().file_name().unwrap().to_str().unwrap();
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains(&format!("/tmp/{random}/db ")), "{text}");
    let masked = text.replace(random, &"X".repeat(random.len()));
    insta::assert_snapshot!("welcome", masked);
}

#[test]
fn welcome_shows_a_long_database_path_whole() {
    let dir = TempDir::new().unwrap();
    let db = dir
        .path()
        .join("een-heel-lange-map-naam-voor-de-groep-de-vlinders")
        .join("nog-een-map")
        .join("signaal-database");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let mut app = test_support::app_at(&db, false, Lang::Nl, User::Nobody);
    resize(&mut app, 60, 16);
    let text = screen_text(&render(&app, 60, 16));
    // The rows inside the popup, joined, hold the whole path.
    let joined: String = text
        .lines()
        .filter_map(|row| row.split('│').nth(1))
        .map(str::trim_end)
        .collect();
    let path = db.display().to_string();
    assert!(joined.contains(&path), "{path} not whole in:\n{text}");
    assert!(text.contains("De nieuwe database komt in:"), "{text}");
    assert!(text.contains("leeg beginnen"), "the options stay: {text}");
}

#[test]
fn who_are_you_picker() {
    let (_dir, app) = app(true, Lang::En, false);
    assert!(matches!(app.screen(), Screen::Users(_)));
    let t = snap!("users_picker", &app);
    assert!(
        !screen_text(&t).contains("+ new staff member"),
        "only the first person is added here"
    );
}

#[test]
fn who_are_you_picker_with_typed_filter() {
    let (_dir, mut app) = app(true, Lang::En, false);
    let Screen::Users(picker) = app.screen() else {
        panic!("picker expected")
    };
    let list = &picker.list;
    let UserRow::Person(first) = list.selected().unwrap().clone() else {
        panic!("a person first")
    };
    let typed: String = first.name.chars().take(4).collect();
    type_text(&mut app, &typed);
    let t = snap!("users_picker_filtered", &app);
    let text = screen_text(&t);
    assert!(text.contains(&format!("> {typed}")));
    assert!(text.contains(&first.name));
}

#[test]
fn groups_list() {
    let (_dir, app) = demo(Lang::En);
    let t = snap!("groups", &app);
    let text = screen_text(&t);
    for name in ["De Vlinders", "De Egeltjes", "De Uilen"] {
        assert!(text.contains(name), "{name} listed");
    }
}

#[test]
fn groups_list_while_filtering() {
    let (_dir, mut app) = demo(Lang::En);
    chr(&mut app, '/');
    type_text(&mut app, "uil");
    let t = snap!("groups_filtering", &app);
    let text = screen_text(&t);
    assert!(text.contains("De Uilen"));
    assert!(!text.contains("De Vlinders"));
}

#[test]
fn groups_list_wide() {
    let (_dir, mut app) = demo(Lang::En);
    resize(&mut app, 120, 40);
    snap!("groups_wide_120x40", &app, 120, 40);
}

#[test]
fn children_of_a_group() {
    let (_dir, mut app) = demo(Lang::En);
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Children(_)));
    let t = snap!("children", &app);
    let text = screen_text(&t);
    assert!(text.contains("Group De Vlinders"));
    assert!(text.contains(" y "), "ages shown");
}

#[test]
fn children_at_the_minimum_size_keep_whole_names() {
    for (lang, name) in [
        (Lang::Nl, "children_60x16_nl"),
        (Lang::En, "children_60x16"),
    ] {
        let (_dir, mut app) = demo(lang);
        press(&mut app, "Enter");
        // Drawn at 80 columns first, then resized to 60, as a tester would.
        render(&app, 80, 24);
        resize(&mut app, 60, 16);
        let terminal = render(&app, 60, 16);
        let text = screen_text(&terminal);
        let Screen::Children(s) = app.screen() else {
            panic!("children expected")
        };
        // The rows that fit on the screen: every name in them is whole, and so is where each
        // child's step plan stands: "!" when overdue and "n/8".
        let rows = text.lines().skip(3).take(11);
        let mut plans = 0;
        for (row, child) in rows.zip(s.list.visible()) {
            assert!(row.contains(&child.child.full_name()), "{row}\n{text}");
            if let Some(plan) = &child.plan {
                let stage = plan.progress.split(' ').next().unwrap();
                let flag = if plan.overdue { "! " } else { "" };
                let shown = format!(" {flag}{stage} ");
                assert!(row.contains(&shown), "{shown:?} in {row}\n{text}");
                plans += 1;
            }
        }
        assert!(
            plans >= 2,
            "the demo group has children with a plan:\n{text}"
        );
        // No header is cut mid-word: each is followed by a space or the frame.
        let header: Vec<&str> = text.lines().nth(2).unwrap().split_whitespace().collect();
        for word in [
            lang.get(crate::i18n::T::ColConcernsOften),
            lang.get(crate::i18n::T::ColObserved),
        ] {
            assert!(header.contains(&word), "{word} whole in {header:?}");
        }
        let plan = lang.get(crate::i18n::T::ColPlan);
        assert!(
            header.join(" ").contains(plan) || header.contains(&"Plan"),
            "the step plan's header whole in {header:?}"
        );
        insta::assert_snapshot!(name, terminal.backend());
    }
}

/// Stores a child (born 2024-04-17) in the group whose children list is open, straight through
/// the store as an import would, and reloads the list as after any change (H twice shows and
/// hides the archived again).
fn add_to_the_open_group(app: &mut App, first_name: &str, last_name: &str) {
    let Screen::Children(s) = app.screen() else {
        panic!("children expected")
    };
    let group = s.group.id;
    let born = chrono::NaiveDate::from_ymd_opt(2024, 4, 17).unwrap();
    app.store
        .add_child(group, first_name, last_name, born, &app.signature())
        .unwrap();
    chr(app, 'H');
    chr(app, 'H');
}

#[test]
fn a_name_pasted_by_mistake_never_hides_the_groups_signals() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, "Enter");
    let header = |app: &App, width, height| {
        let text = screen_text(&render(app, width, height));
        text.lines().nth(2).unwrap_or_default().to_string()
    };
    let before = [header(&app, 120, 40), header(&app, 60, 16)];
    let long = "a".repeat(120);
    add_to_the_open_group(&mut app, &long, "Test");
    let Screen::Children(s) = app.screen() else {
        panic!("children expected")
    };
    assert!(s.list.items().any(|r| r.child.first_name == long));
    let after = [header(&app, 120, 40), header(&app, 60, 16)];
    // At 120x40 every column stays, its header whole; only the mentor by first name and the
    // school date without "overdracht" make room for the name.
    let columns: Vec<&str> = before[0]
        .trim_matches(['"', '│', ' '])
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(columns.len(), 7, "{}", before[0]);
    for column in columns {
        assert!(after[0].contains(column), "{column}: {}", after[0]);
    }
    // At 60x16 the name takes half the room: the observed date and its "! nooit" stay.
    assert!(before[1].contains("Plan"), "{}", before[1]);
    assert!(after[1].contains("Geobserveerd"), "{}", after[1]);
}

/// A name holding control characters (an old import) never reaches the terminal raw: ratatui
/// leaves out every grapheme with a control character in it when it fills the buffer, so no
/// screen needs `domain::text::visible_controls` (the command line does). This pins that.
#[test]
fn a_name_with_control_characters_is_drawn_without_them() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, "Enter");
    add_to_the_open_group(&mut app, "Aaron", "Bram\x1b]0;weg\x07\x1b[2J\u{9b}1m");
    let controls = |terminal: &Terminal<TestBackend>| {
        let buffer = terminal.backend().buffer();
        let symbols = buffer.content.iter().map(|cell| cell.symbol());
        symbols.filter(|s| s.contains(char::is_control)).count()
    };
    let list = render(&app, 120, 40);
    assert_eq!(controls(&list), 0);
    assert!(screen_text(&list).contains("Bram]0;weg[2J1m"));
    // Its own screen, with the name in the title.
    chr(&mut app, '/');
    type_text(&mut app, "aaron");
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    assert!(matches!(app.screen(), Screen::Child(_)));
    let child = render(&app, 120, 40);
    assert_eq!(controls(&child), 0);
    assert!(screen_text(&child).contains("Bram]0;weg[2J1m"));
}

#[test]
fn child_screen() {
    let (_dir, mut app) = demo(Lang::En);
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    let Screen::Child(s) = app.screen() else {
        panic!("child screen expected")
    };
    let name = s.child.full_name();
    let t = snap!("child", &app);
    assert!(screen_text(&t).contains(&name));
}

/// On a terminal too low for the observations, the child screen leaves their panel out
/// whole: no piece of its title under the next panel's border, at any height from the least.
#[test]
fn a_low_child_screen_leaves_out_the_observations_whole() {
    let (_dir, mut app) = demo(Lang::En);
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    for height in 16..=24 {
        resize(&mut app, 120, height);
        let text = screen_text(&render(&app, 120, height));
        let torn = text
            .lines()
            .any(|l| l.contains("Step plan") && !l.contains("Step plan ─"));
        assert!(!torn, "at {height} rows:\n{text}");
        let titled = text.lines().filter(|l| l.contains("Observations")).count();
        let piece = text.lines().any(|l| l.contains("├ Step plan ns"));
        assert!(titled <= 1 && !piece, "at {height} rows:\n{text}");
    }
}

/// The child screen with two parents (the second added with the keys, without gezag) and the
/// consent per purpose: who gave it, when and by whom it was recorded; the selected parent marked.
#[test]
fn child_screen_with_guardians_and_consent() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    chr(&mut app, 'a');
    type_text(&mut app, "Bas Wijnands");
    press(&mut app, "Tab");
    type_text(&mut app, "vader");
    press(&mut app, "Tab");
    press(&mut app, "Right");
    press(&mut app, "Tab");
    type_text(&mut app, "mobiel: 06-12349876; werk: 06-12345432");
    press(&mut app, "Enter");
    // School: yes, given by the first parent.
    chr(&mut app, 't');
    for _ in 0..4 {
        press(&mut app, "Tab");
    }
    press(&mut app, "Right");
    press(&mut app, "Tab");
    press(&mut app, "Right");
    press(&mut app, "Enter");
    press(&mut app, "Down");
    let t = snap!("child_guardians_consent_nl", &app, 100, 30);
    let text = screen_text(&t);
    for expected in [
        "Bas Wijnands",
        "06-12345432",
        "geen gezag",
        "School: ja",
        "Mentor",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
}

#[test]
fn help_overlay() {
    let (_dir, mut app) = demo(Lang::En);
    chr(&mut app, '?');
    let t = snap!("help", &app);
    assert!(screen_text(&t).contains("Keys"));
}

#[test]
fn add_group_form_with_typed_text() {
    let (_dir, mut app) = test_support::admin(Lang::En);
    chr(&mut app, 'a');
    type_text(&mut app, "De Bijtjes");
    press(&mut app, "Tab");
    press(&mut app, "Right");
    press(&mut app, "Tab");
    type_text(&mut app, "Locatie Zeeweg");
    let t = snap!("form_add_group_typed", &app);
    let text = screen_text(&t);
    assert!(text.contains("De Bijtjes"));
    assert!(text.contains("Peuteropvang"));
}

#[test]
fn add_group_form_refuses_an_empty_name() {
    let (_dir, mut app) = test_support::admin(Lang::En);
    chr(&mut app, 'a');
    press(&mut app, "Tab");
    press(&mut app, "Tab");
    type_text(&mut app, "Locatie Molenhof");
    press(&mut app, "Enter");
    let t = snap!("form_add_group_empty_name", &app);
    assert!(screen_text(&t).contains("Please enter a name."));
}

#[test]
fn add_child_form_refuses_an_invalid_date() {
    let (_dir, mut app) = demo(Lang::En);
    press(&mut app, "Enter");
    chr(&mut app, 'a');
    fill_child_form(&mut app, "Noor", "Jansen", "45/13");
    press(&mut app, "Enter");
    let t = snap!("form_add_child_bad_date", &app);
    let text = screen_text(&t);
    assert!(text.contains("Invalid date \"45/13\""), "{text}");
    assert!(text.contains("example"), "wrapped between words: {text}");
}

#[test]
fn edit_child_form_shows_the_birth_date_as_the_dutch_screens_do() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, "Enter");
    chr(&mut app, 'e');
    press(&mut app, "Tab");
    press(&mut app, "Tab");
    let t = snap!("form_edit_child_nl", &app);
    let text = screen_text(&t);
    assert!(text.contains("Datum: DD-MM-JJJJ of JJJJ-MM-DD"), "the hint");
    let Screen::Children(s) = app.screen() else {
        panic!("the children list")
    };
    let born = s.list.selected().unwrap().child.birth_date;
    assert!(text.contains(&born.format("%d-%m-%Y").to_string()));
}

#[test]
fn archive_confirmation() {
    let (_dir, mut app) = test_support::admin(Lang::En);
    press(&mut app, "Enter");
    press(&mut app, "Down");
    chr(&mut app, 'D');
    let t = snap!("confirm_archive_child", &app);
    assert!(screen_text(&t).contains("Archive "));
}

#[test]
fn the_quit_question_shows_over_the_screen_the_lock_and_the_too_small_notice() {
    let (_dir, mut app) = demo(Lang::Nl);
    chr(&mut app, 'q');
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("signaal stoppen?") && text.contains("j = ja, n = nee"));
    press(&mut app, "Esc");
    press(&mut app, "Ctrl-l");
    press(&mut app, "Ctrl-c");
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("signaal stoppen?"), "{text}");
    assert!(text.contains("Vergrendeld"), "{text}");
    press(&mut app, "n");

    let (_dir, mut app) = demo(Lang::En);
    resize(&mut app, 20, 6);
    chr(&mut app, 'q');
    let text = screen_text(&render(&app, 20, 6));
    assert!(
        text.contains("Stop signaal?") && text.contains("y = yes, n = no"),
        "{text}"
    );
}

#[test]
fn dutch_groups_list() {
    let (_dir, app) = demo(Lang::Nl);
    let t = snap!("groups_nl", &app);
    assert!(screen_text(&t).contains("Groepen"));
}

#[test]
fn dutch_child_screen() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    let t = snap!("child_nl", &app);
    let text = screen_text(&t);
    assert!(text.contains("Geboortedatum"));
    assert!(text.contains(" jr "));
}

#[test]
fn terminal_too_small_20x6() {
    let (_dir, mut app) = demo(Lang::En);
    resize(&mut app, 20, 6);
    snap!("too_small_20x6", &app, 20, 6);
}

#[test]
fn terminal_too_small_59x15() {
    let (_dir, mut app) = demo(Lang::En);
    resize(&mut app, 59, 15);
    let t = snap!("too_small_59x15", &app, 59, 15);
    assert!(screen_text(&t).contains("Terminal too small"));
}

/// With NO_COLOR the theme has no colours; the selected row must still stand out, by reverse video.
#[test]
fn monochrome_selection_is_reversed() {
    let (_dir, mut app) = demo(Lang::En);
    press(&mut app, "Down");
    let Screen::Groups(s) = app.screen() else {
        panic!("groups expected")
    };
    let selected = s.list.selected().unwrap().group.name.clone();
    let terminal = render(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let row_of = |needle: &str| {
        (0..buffer.area.height).find(|&y| {
            let line: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect();
            line.contains(needle)
        })
    };
    let y = row_of(&selected).expect("selected group on screen");
    let x = (0..buffer.area.width)
        .find(|&x| buffer[(x, y)].symbol() == "D")
        .expect("the name starts with D");
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::REVERSED),
        "selected row is reversed"
    );
    // The other rows are not.
    let other = row_of("De Vlinders").expect("first group on screen");
    assert_ne!(other, y);
    assert!(
        !buffer[(x, other)].modifier.contains(Modifier::REVERSED),
        "unselected row is plain"
    );
}

fn row_text(terminal: &Terminal<TestBackend>, y: u16) -> String {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect()
}

/// The header is the breadcrumb on the left and who is at the keyboard on the right; where both
/// do not fit, one must give way visibly, never be overwritten mid-word.
#[test]

fn header_breadcrumb_and_user_label_are_not_cut_mid_word() {
    for lang in [Lang::En, Lang::Nl] {
        let (_dir, mut app) = demo(lang);
        press(&mut app, "Enter");
        press(&mut app, "Enter");
        let Screen::Child(s) = app.screen() else {
            panic!("child screen expected")
        };
        let name = s.child.full_name();
        let label = match lang {
            Lang::En => "User:",
            Lang::Nl => "Medewerker:",
        };
        let header = row_text(&render(&app, 80, 24), 0);
        let at = header.find(label).expect("user label shown");
        let left = &header[..at];
        assert!(
            left.ends_with(' '),
            "{lang:?}: no gap before the user label: {header:?}"
        );
        let left = left.trim_end();
        assert!(
            left.ends_with(&name) || left.ends_with('…'),
            "{lang:?}: breadcrumb cut without a mark: {header:?}"
        );
        let user = app.user.as_ref().unwrap();
        let right = header[at..].trim_end();
        assert!(
            right.contains(&user.name)
                && (right.ends_with(')') || right.ends_with('…') || right.ends_with(&user.name)),
            "{lang:?}: user label cut without a mark (the role may be left out whole): {header:?}"
        );
    }
}

/// Footer hints that do not fit are left out whole, never cut mid-word.
#[test]

fn footer_hints_are_never_cut_at_80_columns() {
    for lang in [Lang::En, Lang::Nl] {
        let (_dir, mut app) = demo(lang);
        let mut footers = vec![row_text(&render(&app, 80, 24), 23)];
        press(&mut app, "Enter");
        footers.push(row_text(&render(&app, 80, 24), 23));
        press(&mut app, "Enter");
        footers.push(row_text(&render(&app, 80, 24), 23));
        for footer in footers {
            for hint in footer.trim_end().split(" · ") {
                let whole = Action::ALL
                    .iter()
                    .any(|&a| hint.ends_with(&format!(" {}", lang.action(a))));
                assert!(whole, "{lang:?}: hint {hint:?} is cut in footer {footer:?}");
            }
        }
    }
}

/// Scrolling the help past its end and back: the first key back up moves the text at once.
#[test]

fn help_scrolls_back_at_once_after_overscrolling() {
    let (_dir, mut app) = demo(Lang::En);
    chr(&mut app, '?');
    for _ in 0..300 {
        press(&mut app, "Down");
    }
    let at_end = screen_text(&render(&app, 80, 24));
    assert!(
        at_end.contains("Close the help"),
        "scrolled to the end: {at_end}"
    );
    press(&mut app, "Up");
    let one_up = screen_text(&render(&app, 80, 24));
    assert_ne!(at_end, one_up, "Up after scrolling to the end does nothing");
}

mod contacts;
mod growth;
mod hints;
mod lead;
mod lock;
mod long_lists;
mod observe;
mod plan;
mod reports;
mod visit;

/// The coach visit at 80x24: the carried-over follow-up, the child waiting on the coach first,
/// the detail pane of the selected child after advice with competencies.
#[test]
fn coach_visit_in_both_languages() {
    for (lang, name) in [(Lang::En, "visit_en"), (Lang::Nl, "visit_nl")] {
        let (_dir, mut app) =
            test_support::app(true, lang, User::FirstWith(crate::domain::Role::Coach));
        chr(&mut app, 'v');
        press(&mut app, "Down");
        chr(&mut app, 'n');
        type_text(&mut app, "Benoem wat je ziet");
        press(&mut app, "Tab");
        type_text(&mut app, "1 4");
        press(&mut app, "Tab");
        let Screen::Visit(visit) = app.screen() else {
            panic!("the visit")
        };
        let with = visit.staff[0].name.clone();
        type_text(&mut app, &with);
        press(&mut app, "Enter");
        let terminal = render(&app, 80, 24);
        let text = screen_text(&terminal);
        let waiting = match lang {
            Lang::En => "waiting on coach",
            Lang::Nl => "wacht op coach",
        };
        assert!(text.contains(waiting), "{text}");
        assert!(text.contains("Benoem wat je ziet"), "{text}");
        insta::assert_snapshot!(name, terminal.backend());
    }
}

/// The advice form shows what the digits of the competencies mean.
#[test]
fn advice_form_lists_the_competencies() {
    let (_dir, mut app) =
        test_support::app(true, Lang::Nl, User::FirstWith(crate::domain::Role::Coach));
    chr(&mut app, 'v');
    chr(&mut app, 'n');
    let t = snap!("visit_advice_form_nl", &app);
    let text = screen_text(&t);
    assert!(text.contains("1 ontwikkeling  2 opvallend gedrag  3 hulp van buiten  4 ouders"));
}

#[test]
fn groups_and_staff_at_the_minimum_size_keep_whole_names() {
    let (_dir, mut app) = test_support::admin(Lang::Nl);
    resize(&mut app, 60, 16);
    let groups = snap!("groups_60x16_nl", &app, 60, 16);
    for name in ["De Vlinders", "De Egeltjes", "De Uilen"] {
        assert!(screen_text(&groups).contains(name), "{name}");
    }
    chr(&mut app, 'S');
    let staff = snap!("staff_60x16_nl", &app, 60, 16);
    for person in app.store.staff().unwrap() {
        assert!(
            screen_text(&staff).contains(&person.name),
            "{}",
            person.name
        );
    }
}

/// The footer line (the last row) of the app drawn at 120x40, wide enough for every hint.
fn footer(app: &App) -> String {
    let text = screen_text(&render(app, 120, 40));
    text.lines().last().unwrap_or_default().to_string()
}

#[test]
fn footers_offer_what_the_person_may_do_and_the_key_does_it() {
    use crate::domain::Role;
    for role in Role::ALL {
        let (_dir, mut app) = test_support::app(true, Lang::En, User::FirstWith(role));
        resize(&mut app, 120, 40);
        let manages_groups = role == Role::Admin;
        let hints = footer(&app);
        assert_eq!(hints.contains("a add"), manages_groups, "{role:?}: {hints}");
        assert_eq!(
            hints.contains("e edit"),
            manages_groups,
            "{role:?}: {hints}"
        );
        // The key does what the footer said: a form for who was offered it, none for others.
        chr(&mut app, 'a');
        assert_eq!(app.has_popup(), manages_groups, "{role:?}");
        press(&mut app, "Esc");

        // Among the children anyone but the coach (a guest) adds; archiving is not offered to
        // staff in the help.
        let adds = role != Role::Coach;
        press(&mut app, "Enter");
        assert_eq!(footer(&app).contains("a add"), adds, "{role:?}");
        chr(&mut app, '?');
        let help = screen_text(&render(&app, 120, 40));
        let archives = role == Role::Admin || role == Role::CareCoordinator;
        assert_eq!(
            help.contains("Archive the selected child"),
            archives,
            "{role:?}"
        );
        assert_eq!(help.contains("Add a child"), adds, "{role:?}");
        assert_eq!(help.contains("Edit the selected child"), adds, "{role:?}");
        assert_eq!(
            help.contains("(admin)"),
            role == Role::Admin,
            "staff: {role:?}"
        );
    }
}

#[test]
fn help_starts_with_this_screens_keys_named_in_dutch() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, "Enter");
    chr(&mut app, 'o');
    chr(&mut app, '?');
    let t = snap!("help_observation_nl", &app);
    let text = screen_text(&t);
    let position = |heading: &str| {
        text.find(&format!("│{heading} "))
            .unwrap_or_else(|| panic!("no {heading}:\n{text}"))
    };
    assert!(
        position("Observatieformulier") < position("Lijsten"),
        "{text}"
    );
    // The keys of every screen come last, further down.
    for _ in 0..12 {
        press(&mut app, "Down");
    }
    let below = screen_text(&render(&app, 80, 24));
    assert!(below.contains("│Overal "), "{below}");
    assert!(!below.contains("│Observatieformulier "), "{below}");
    assert!(text.contains("Spatie "), "{text}");
    assert!(text.contains("Omhoog, k"), "{text}");
    assert!(!text.contains("Up, k") && !text.contains("Space"), "{text}");
}

/// The children list with the school column: at 120 columns in full ("Naar school",
/// "21-11-2026", with "✓ overdracht" once written), at 60 left out so that the names stay whole
/// (see `children_at_the_minimum_size_keep_whole_names`). The demo writes handovers only for
/// observed children, so Maud (never observed) has none and the next group shows one.
#[test]
fn children_going_to_school_at_120_columns() {
    for (lang, name, date, written) in [
        (Lang::Nl, "children_120x40_nl", "21-11-2026", "✓ overdracht"),
        (Lang::En, "children_120x40", "2026-11-21", "✓ handover"),
    ] {
        let (_dir, mut app) = demo(lang);
        press(&mut app, "Enter");
        resize(&mut app, 120, 40);
        let terminal = render(&app, 120, 40);
        let text = screen_text(&terminal);
        let maud = text.lines().find(|l| l.contains("Maud van Beek")).unwrap();
        assert!(maud.contains(date) && !maud.contains(written), "{maud}");
        insta::assert_snapshot!(name, terminal.backend());
        let narrow = screen_text(&render(&app, 60, 16));
        assert!(!narrow.contains("School"), "{narrow}");
        press(&mut app, "Esc");
        press(&mut app, "Down");
        press(&mut app, "Enter");
        let next = screen_text(&render(&app, 120, 40));
        assert!(next.contains(written), "{next}");
    }
}

/// At 80 columns the school column stays, in Dutch too: the longest names give way a few
/// columns ("Mohammed van L…") rather than the flag of a child going to school.
#[test]
fn children_keep_the_school_column_at_80_columns() {
    for lang in [Lang::Nl, Lang::En] {
        let (_dir, mut app) = demo(lang);
        for group in ["De Vlinders", "De Egeltjes"] {
            press(&mut app, "Enter");
            let text = screen_text(&render(&app, 80, 24));
            let header = text.lines().nth(2).unwrap();
            assert!(header.contains("School"), "{lang:?} {group}: {text}");
            assert!(text.contains(group), "{text}");
            if lang == Lang::Nl && group == "De Egeltjes" {
                insta::assert_snapshot!(
                    "children_egeltjes_80x24_nl",
                    render(&app, 80, 24).backend()
                );
                assert!(text.contains("Mohammed van L…"), "{text}");
                // A handover written shows its ✓ after the short date.
                assert!(text.contains("-01 ✓"), "{text}");
            }
            press(&mut app, "Esc");
            press(&mut app, "Down");
        }
    }
}

/// The handover form of a child near four, in Dutch: the school, one text per domain of its
/// form, and the parents' consent to school read-only under the fields.
#[test]
fn handover_form_nl() {
    let (_dir, mut app) = demo(Lang::Nl);
    press(&mut app, "Enter");
    test_support::select_child_where(&mut app, |_, c| c.first_name == "Maud");
    press(&mut app, "Enter");
    let child = snap!("child_handover_nl", &app, 80, 24);
    let child = screen_text(&child);
    assert!(child.contains("Overdracht"), "the section: {child}");
    assert!(child.contains("Warm gesproken  nog niet"), "{child}");
    chr(&mut app, 's');
    let t = snap!("handover_form_nl", &app, 80, 24);
    let text = screen_text(&t);
    assert!(text.contains("Overdracht naar school"), "{text}");
    assert!(
        text.contains("Ouders gaven toestemming voor overdracht aan school"),
        "{text}"
    );
}

/// The child screen's handover section says a written handover without a school so, and a
/// warm handover dated after today is planned, not held.
#[test]
fn the_child_screen_shows_a_handover_without_school_and_a_planned_warm_handover() {
    let (_dir, mut app) = demo(Lang::Nl);
    // The first group of the demo with a handover written.
    let written = |app: &App, c: &crate::domain::Child| app.store.handover(c.id).unwrap().is_some();
    loop {
        press(&mut app, "Enter");
        let Screen::Children(list) = app.screen() else {
            panic!("a group's children")
        };
        if list.list.items().any(|r| written(&app, &r.child)) {
            break;
        }
        press(&mut app, "Esc");
        press(&mut app, "Down");
    }
    test_support::select_child_where(&mut app, written);
    press(&mut app, "Enter");
    let id = test_support::child_screen(&app).child.id;
    let mut h = app.store.handover(id).unwrap().expect("a demo handover");
    h.school.clear();
    h.warm_handover_on = "2027-01-15".parse().ok();
    app.store.save_handover(&h, &app.signature()).unwrap();
    // Back to the list and in again: the child screen reads the handover anew.
    press(&mut app, "Esc");
    press(&mut app, "Enter");
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("Overdracht      nog geen school"), "{text}");
    assert!(text.contains("gepland op 15-01-2027"), "{text}");
    let footer = text.lines().last().unwrap();
    assert!(
        footer.contains("s overdracht") && footer.contains("? alle toetsen"),
        "{footer}"
    );
}

/// `?` on the child screen lists `s` with its description from the keymap (in Dutch the
/// action's own name), whole at 80 columns.
#[test]
fn help_on_the_child_screen_lists_the_handover_key() {
    for (lang, wanted) in [
        (Lang::En, "Handover to school; BSO: talk with school"),
        (Lang::Nl, "overdracht school"),
    ] {
        let (_dir, mut app) = demo(lang);
        press(&mut app, "Enter");
        press(&mut app, "Enter");
        chr(&mut app, '?');
        resize(&mut app, 80, 60);
        let text = screen_text(&render(&app, 80, 60));
        let line = text.lines().find(|l| l.contains(wanted));
        assert!(
            line.is_some_and(|l| l.contains("│  s  ")),
            "{lang:?}: {text}"
        );
    }
}

/// A coach sees a child going to school without the coach consent under its alias only: the
/// school column says "ja" without the 4th birthday (which would give the birth date away),
/// and no ✓, for the coach does not read handovers.
#[test]
fn the_coach_sees_the_school_flag_without_the_date_under_an_alias() {
    let (_dir, mut app) =
        test_support::app(true, Lang::Nl, User::FirstWith(crate::domain::Role::Coach));
    press(&mut app, "Enter");
    resize(&mut app, 120, 40);
    let Screen::Children(s) = app.screen() else {
        panic!("children expected")
    };
    let maud = s
        .list
        .items()
        .find(|r| r.child.first_name == "Maud")
        .expect("Maud in the coach's first group");
    assert!(maud.label.anonymous(), "no coach consent: an alias");
    let alias = maud.label.text.clone();
    let text = screen_text(&render(&app, 120, 40));
    let row = text.lines().find(|l| l.contains(&alias)).unwrap();
    assert!(!text.contains("Maud"), "{text}");
    assert!(row.contains("  ja  ") && !row.contains('✓'), "{row}");
    assert!(!text.contains("21-11-2026"), "{text}");
}

/// A tester: at 80 columns the help cut 27 of the default keymap's descriptions ("…the advice
/// you received, pe"). Each now wraps between words under its keys: scrolled through, the help
/// holds every description of the screen's bindings whole.
#[test]
fn the_help_holds_every_description_whole_at_80_columns() {
    let (_dir, mut app) = demo(Lang::En);
    chr(&mut app, '?');
    let mut seen = String::new();
    for _ in 0..300 {
        let text = screen_text(&render(&app, 80, 24));
        for line in text.lines() {
            // The help's own column: what lies between its borders.
            let inside: Vec<&str> = line.split('│').collect();
            if let Some(part) = inside.get(2) {
                seen.push_str(part.trim());
                seen.push(' ');
            }
        }
        press(&mut app, "Down");
    }
    let seen = seen.split_whitespace().collect::<Vec<_>>().join(" ");
    for desc in [
        "Your coaching: the advice you received, per competency per quarter",
        "Lock the screen, or hand over: pick who is at the keyboard (the last one before is on top)",
    ] {
        assert!(seen.contains(desc), "{desc:?} whole in: {seen}");
    }
}
