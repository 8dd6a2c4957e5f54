//! End-to-end tests of "Who to call?": the real `signaal` binary in a pseudo-terminal (120x50, in
//! English) on a demo database in a temp dir. `c` opens the lookup from the groups list, the
//! children list, the child screen and the trajectory screen; typing narrows it (typos and accents
//! forgiven); Enter opens the whole card with its phone numbers in full; Esc returns to the screen
//! where `c` was pressed. A new card is made from "+ new contact" and linked to a child; a pinned
//! card refuses to be removed. What the screen shows is checked against `signaal export`.
//!
//! The imported contact's name, role and numbers are read from the export after importing the
//! fixture, the children's names from the demo's export. Nothing measures time: every wait is for
//! a state, bounded by a generous timeout (and a screen counts once it stays the same between two
//! looks, so that no half-written frame is read).

mod common {
    pub mod cli;
    pub mod demo;
    pub mod pty;
    pub mod screens;
}

use common::cli::{run_ok, Db};
use common::demo::{arr, fresh_demo, group_name, id, s, uniquely_named_kids, Kid};
use common::pty::{framed, Tui};
use common::screens::{
    open_child_screen, open_group, open_tui, quit, select_child, selected_row, start_on_child,
};
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// The data
// ---------------------------------------------------------------------------------------------

/// The vCard fixture with one contact whose lines are folded: a name with accents and a dotless i,
/// a role (TITLE) and two phone numbers.
fn folded_vcf() -> String {
    format!(
        "{}/tests/fixtures/contacts/folded.vcf",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// The export's contacts.
fn contacts(ex: &Value) -> &Vec<Value> {
    arr(ex, "contacts")
}

/// The export's contact named `name` (panics, showing the contacts, if there is none).
fn contact<'a>(ex: &'a Value, name: &str) -> &'a Value {
    contacts(ex)
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| {
            panic!(
                "no contact {name:?} in the export: {:#}",
                ex["contacts"].clone()
            )
        })
}

/// The phone numbers of a contact of the export: (label, number), in the card's order.
fn phones(c: &Value) -> Vec<(String, String)> {
    arr(c, "phones")
        .iter()
        .map(|p| (s(p, "label").to_string(), s(p, "number").to_string()))
        .collect()
}

/// The contact ids linked to a child of the export (none when the field is left out).
fn linked_to(ex: &Value, kid: &Kid) -> Vec<u64> {
    let child = arr(ex, "children")
        .iter()
        .find(|c| id(c) == kid.id)
        .unwrap_or_else(|| panic!("no child {} in the export", kid.id));
    child["contacts"]
        .as_array()
        .map(|ids| ids.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default()
}

/// The contact imported from `folded.vcf`, as the export has it.
struct Imported {
    name: String,
    role: String,
    /// (label, number), at least two.
    phones: Vec<(String, String)>,
}

/// A fresh demo database (`fresh_demo`) with the contact of `folded.vcf` imported through
/// `signaal contacts import`; the export after the import, the user, and the imported contact.
fn demo_with_import() -> (Db, Value, String, Imported) {
    let (db, before, user) = fresh_demo(&[]);
    let vcf = folded_vcf();
    run_ok(&["contacts", "--db", db.path(), "import", &vcf]);
    let ex = db.export();
    let added: Vec<&Value> = contacts(&ex)
        .iter()
        .filter(|c| !contacts(&before).iter().any(|b| b["id"] == c["id"]))
        .collect();
    assert_eq!(
        added.len(),
        1,
        "folded.vcf holds one contact: {:#}",
        ex["contacts"]
    );
    let c = added[0];
    let imported = Imported {
        name: s(c, "name").to_string(),
        role: s(c, "role").to_string(),
        phones: phones(c),
    };
    assert!(
        !imported.role.is_empty() && imported.phones.len() >= 2,
        "the fixture's contact has a role and two numbers: {c:#}"
    );
    (db, ex, user, imported)
}

/// A typo a user makes: two neighbouring letters swapped, near the middle of the first word of
/// `text` (lowercased), which must have at least eight letters. Swapping two equal letters would
/// be no typo, so the first pair from the middle on that differs is swapped.
fn swapped(text: &str) -> String {
    let word: Vec<char> = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase()
        .chars()
        .collect();
    assert!(word.len() >= 8, "a long word to make a typo in: {text:?}");
    let at = (word.len() / 2..word.len() - 1)
        .find(|&i| word[i] != word[i + 1])
        .expect("two different neighbouring letters");
    let mut typo = word.clone();
    typo.swap(at, at + 1);
    typo.into_iter().collect()
}

/// A child of the demo whose first name is unique in its group (so the filter finds only it),
/// the `skip`-th such child.
fn kid(ex: &Value, skip: usize) -> Kid {
    uniquely_named_kids(ex)
        .into_iter()
        .nth(skip)
        .expect("enough uniquely named children in the demo")
}

/// A child without any trajectory (`skip`-th such), for starting one.
fn kid_without_trajectory(ex: &Value, skip: usize) -> Kid {
    uniquely_named_kids(ex)
        .into_iter()
        .filter(|k| {
            !arr(ex, "trajectories")
                .iter()
                .any(|t| t["child_id"].as_u64() == Some(k.id))
        })
        .nth(skip)
        .expect("a child without a trajectory in the demo")
}

// ---------------------------------------------------------------------------------------------
// The screens
// ---------------------------------------------------------------------------------------------

const LOOKUP_TITLE: &str = "Who to call?";
const NEW_CONTACT: &str = "+ new contact";
const NOTHING_FOUND: &str = "+ new contact (nothing found)";
const FORM_TITLE: &str = "Add contact";
const NAME_LABEL: &str = "Name";
const PHONE_LABEL: &str = "Phone (label: number; ...)";
const INVOLVED: &str = "Involved";
/// In the footer of the lookup, its last line.
const FOOTER: &str = "Esc back";

/// Whether a popup titled `title` is shown: a top border holding the title that does not start
/// the line (the screen's own box starts there; a popup is drawn over it, away from its left
/// edge).
fn popup_shown(screen: &str, title: &str) -> bool {
    let top = format!("╭ {title} ");
    screen
        .lines()
        .any(|l| l.find(&top).is_some_and(|at| at > 0))
}

/// Whether no popup is shown: every top-left corner starts a line or follows a top-right corner
/// (panels side by side); a popup's corner lies over a border or inside a box.
fn no_popup(screen: &str) -> bool {
    screen.lines().all(|l| {
        let chars: Vec<char> = l.chars().collect();
        (1..chars.len()).all(|i| chars[i] != '╭' || chars[i - 1] == '╮')
    })
}

/// The top border of the shown screen's box, which holds its title (the first line of the screen
/// is the breadcrumb).
fn title_line(screen: &str) -> &str {
    screen.lines().find(|l| l.starts_with('╭')).unwrap_or("")
}

/// The lookup's search field line ("> text▏"), if the lookup is shown.
fn search_field(screen: &str) -> Option<&str> {
    if !popup_shown(screen, LOOKUP_TITLE) {
        return None;
    }
    screen.lines().find(|l| l.contains("│> "))
}

/// Whether the lookup's search field holds exactly `typed` (the cursor follows it).
fn lookup_holds(screen: &str, typed: &str) -> bool {
    search_field(screen).is_some_and(|l| l.contains(&format!("│> {typed}▏")))
}

/// The lookup's rows, top to bottom: the lines between the search field and the footer with the
/// keys, the popup's inner text with the marker (the popup's borders cut off, empty lines
/// skipped). `None` until the footer is drawn.
fn lookup_rows(screen: &str) -> Option<Vec<String>> {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let at = |line: &[char], col: usize, text: &str| {
        text.chars()
            .enumerate()
            .all(|(i, c)| line.get(col + i) == Some(&c))
    };
    // The popup's left border: the `│` just before "> ".
    let (field, left) = lines.iter().enumerate().find_map(|(i, l)| {
        (0..l.len())
            .find(|&col| at(l, col, "│> "))
            .map(|col| (i, col))
    })?;
    let mut rows: Vec<String> = lines[field + 1..]
        .iter()
        .take_while(|l| l.get(left) == Some(&'│'))
        .map(|l| {
            let inner: String = l[left + 1..].iter().take_while(|c| **c != '│').collect();
            inner.trim_end().to_string()
        })
        .filter(|row| !row.trim().is_empty())
        .collect();
    rows.pop().filter(|footer| footer.contains(FOOTER))?;
    Some(rows)
}

/// The selected row of the lookup (the one with the marker).
fn lookup_selected(screen: &str) -> Option<String> {
    lookup_rows(screen)?
        .into_iter()
        .find(|r| r.starts_with("▶ "))
}

/// A lookup row without its marker ("▶ " or two spaces).
fn row_text(row: &str) -> String {
    row.chars().skip(2).collect()
}

/// The lookup's rows on a screen where it is drawn (panics, showing the screen, if it is not).
fn rows_of(screen: &str) -> Vec<String> {
    lookup_rows(screen).unwrap_or_else(|| panic!("no lookup on the screen:\n{}", framed(screen)))
}

/// `c`: waits for the empty lookup (its search field takes text, "+ new contact" last).
fn open_lookup(t: &mut Tui) -> String {
    t.send("c");
    t.expect_until("the lookup with an empty search field", |s| {
        lookup_holds(s, "")
            && lookup_rows(s)
                .is_some_and(|rows| rows.last().is_some_and(|r| r.contains(NEW_CONTACT)))
    })
}

/// Types `text` into the open lookup and waits until the search field holds it and the row
/// selected satisfies `selected`.
fn search(t: &mut Tui, text: &str, what: &str, selected: impl Fn(&str) -> bool) -> String {
    t.send(text);
    t.expect_until(&format!("{text:?} typed, {what}"), |s| {
        lookup_holds(s, text) && lookup_selected(s).is_some_and(|r| selected(&r))
    })
}

/// Enter on the selected card of the lookup: waits for the card titled `title` with `texts`.
fn open_card(t: &mut Tui, title: &str, texts: &[&str]) -> String {
    t.key("Enter");
    t.expect_until(&format!("the card {title:?} with {texts:?}"), |s| {
        popup_shown(s, title)
            && !popup_shown(s, LOOKUP_TITLE)
            && texts.iter().all(|x| s.contains(x))
    })
}

/// A card's line for a field: the label, then (after padding) the value.
fn card_line<'a>(screen: &'a str, label: &str, value: &str) -> Option<&'a str> {
    screen.lines().find(|l| {
        l.find(&format!("│{label} ")).is_some_and(|i| {
            l[i + '│'.len_utf8() + label.len()..]
                .trim_start()
                .starts_with(value)
        })
    })
}

/// What tells one screen from another: the breadcrumb, the title line and the selected row.
fn landmarks(screen: &str) -> (String, String, Option<String>) {
    (
        screen.lines().next().unwrap_or("").to_string(),
        title_line(screen).to_string(),
        selected_row(screen).map(str::to_string),
    )
}

/// Esc on the lookup or a card: waits until no popup is left and the screen's landmarks are those
/// of `before` (the screen `c` was pressed on).
fn esc_back_to(t: &mut Tui, before: &str, what: &str) -> String {
    let want = landmarks(before);
    t.key("Esc");
    t.expect_until(&format!("back on {what}, no popup"), |s| {
        no_popup(s) && landmarks(s) == want
    })
}

/// Whether the child screen of `kid` is shown, with no popup over it: its breadcrumb, its
/// details (the name) and the "Involved" panel.
fn on_child_screen(screen: &str, kid: &Kid) -> bool {
    screen.contains(&format!("› {}", kid.name))
        && screen.contains(INVOLVED)
        && screen
            .lines()
            .any(|l| l.contains(NAME_LABEL) && l.contains(&kid.name))
        && no_popup(screen)
}

/// The lines of the child screen's "Involved" panel: the text between the panel's borders, in the
/// column under its title.
fn involved(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let Some(top) = lines
        .iter()
        .position(|l| l.contains(&format!(" {INVOLVED} ")))
    else {
        return Vec::new();
    };
    let title_at = lines[top].find(&format!(" {INVOLVED} ")).unwrap();
    // The panel's left border: the last corner or junction before the title (panels share
    // their borders).
    let left = lines[top][..title_at].rfind(['╭', '┬', '├']).unwrap();
    let left_col = lines[top][..left].chars().count();
    lines[top + 1..]
        .iter()
        .map(|l| l.chars().skip(left_col).collect::<String>())
        .take_while(|l| l.starts_with('│'))
        .map(|l| {
            let inner: String = l.chars().skip(1).take_while(|c| *c != '│').collect();
            inner.trim().to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// From a children list with `kid` selected: the child screen.
fn to_child_screen(t: &mut Tui, kid: &Kid) -> String {
    open_child_screen(t, kid);
    t.expect_until(&format!("the child screen of {}", kid.name), |s| {
        on_child_screen(s, kid)
    })
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

/// Acceptance 2: on a child screen, `c`, the imported contact's role typed with a typo finds her;
/// Enter shows her card with both numbers in full; Esc is back on the child screen.
#[test]
fn a_role_typed_with_a_typo_finds_the_card_and_esc_returns_to_the_child() {
    let (db, ex, user, ozlem) = demo_with_import();
    let kid = kid(&ex, 0);
    let mut t = start_on_child(&db, &ex, &kid, &user);
    let child_screen = to_child_screen(&mut t, &kid);
    assert!(
        !child_screen.contains(&ozlem.name),
        "nobody is linked to the child yet:\n{}",
        framed(&child_screen)
    );

    let screen = open_lookup(&mut t);
    let rows = rows_of(&screen);
    assert!(
        rows.last().is_some_and(|r| r.contains(NEW_CONTACT)),
        "the last row is {NEW_CONTACT:?}: {rows:#?}\n{}",
        framed(&screen)
    );
    for number in ["112", "0800-2000", "0900-1113111"] {
        assert!(
            rows.iter()
                .any(|r| row_text(r).starts_with(number) && r.contains("[pinned]")),
            "the pinned card {number} is listed, number first: {rows:#?}"
        );
    }
    assert!(
        rows.iter().any(|r| {
            // In English: "Safeguarding lead (aandachtsfunctionaris)".
            r.to_lowercase().contains("aandachtsfunctionaris") && r.contains("[pinned]")
        }),
        "the pinned aandachtsfunctionaris is listed: {rows:#?}"
    );
    let first_number = &ozlem.phones[0].1;
    assert!(
        rows.iter()
            .any(|r| r.contains(first_number.as_str()) && r.contains(&ozlem.name)),
        "the imported contact is listed with her number: {rows:#?}"
    );

    // With a word of her team: the demo has a jeugdverpleegkundige of its own.
    let typo = format!("{} oost", swapped(&ozlem.role));
    assert!(
        !ozlem.role.to_lowercase().contains(&typo),
        "{typo:?} is a typo of {:?}",
        ozlem.role
    );
    let screen = search(&mut t, &typo, "her row selected", |row| {
        row.starts_with(&format!("▶ {first_number}")) && row.contains(&ozlem.name)
    });
    assert!(
        rows_of(&screen)
            .first()
            .is_some_and(|r| r.starts_with("▶ ")),
        "the best match is the first row and selected:\n{}",
        framed(&screen)
    );

    let numbers: Vec<&str> = ozlem.phones.iter().map(|p| p.1.as_str()).collect();
    let screen = open_card(&mut t, &ozlem.name, &numbers);
    for (label, number) in &ozlem.phones {
        assert!(
            card_line(&screen, label, number).is_some(),
            "the card shows {label}: {number} in full on a line of its own:\n{}",
            framed(&screen)
        );
    }
    // A long role wraps onto the next line: its first word follows the label.
    let first_word = ozlem.role.split_whitespace().next().unwrap();
    assert!(
        card_line(&screen, "Role", first_word).is_some(),
        "the card shows the role:\n{}",
        framed(&screen)
    );

    t.key("Esc");
    let screen = t.expect_until("back on the child screen, no popup", |s| {
        on_child_screen(s, &kid) && !popup_shown(s, &ozlem.name)
    });
    for number in &numbers {
        assert!(
            !screen.contains(number),
            "the card is gone: {number}\n{}",
            framed(&screen)
        );
    }
    assert_eq!(
        landmarks(&screen),
        landmarks(&child_screen),
        "the same child screen as before `c`:\n{}",
        framed(&screen)
    );
    quit(&mut t);
}

/// "veilig thuis" typed right after `c` (without waiting for the popup: typed text goes into the
/// search field at once) puts Veilig Thuis with its number in full first and selected.
#[test]
fn veilig_thuis_comes_first_with_its_number() {
    let (db, _ex, user) = fresh_demo(&[]);
    let mut t = open_tui(&db, &user);
    t.send("cveilig thuis");
    let screen = t.expect_until("\"veilig thuis\" in the search field", |s| {
        lookup_holds(s, "veilig thuis")
            && lookup_rows(s).is_some_and(|rows| rows.first().is_some_and(|r| r.starts_with("▶ ")))
    });
    let rows = rows_of(&screen);
    assert!(
        rows[0].starts_with("▶ 0800-2000") && rows[0].contains("Veilig Thuis"),
        "Veilig Thuis first, its number in full first: {rows:#?}\n{}",
        framed(&screen)
    );
    quit_from_popup(&mut t);
}

/// "ozlem van den berg" without accents finds "Özlem Yılmaz-van den Berg" (the demo has an
/// Özlem Yılmaz of its own, whom "ozlem" alone finds as well).
#[test]
fn ozlem_without_accents_finds_ozlem() {
    let (db, _ex, user, ozlem) = demo_with_import();
    assert!(ozlem.name.starts_with('Ö'), "{:?}", ozlem.name);
    let mut t = open_tui(&db, &user);
    open_lookup(&mut t);
    let screen = search(&mut t, "ozlem van den berg", "Özlem selected", |row| {
        row.contains(&ozlem.name)
    });
    let rows = rows_of(&screen);
    assert!(
        rows[0].contains(&ozlem.name) && rows[0].contains(ozlem.phones[0].1.as_str()),
        "Özlem first: {rows:#?}"
    );
    quit_from_popup(&mut t);
}

/// Esc on the lookup, then `q`: the app ends.
fn quit_from_popup(t: &mut Tui) {
    t.key("Esc");
    t.expect_until("the lookup closed", |s| !popup_shown(s, LOOKUP_TITLE));
    quit(t);
}

/// A name that matches nothing makes "+ new contact" the only row; Enter opens "Add contact" with
/// the name typed; a phone typed as "label: number" is saved; `l` links the card to the child the
/// lookup was opened from; the child screen's "Involved" panel then names it, and the export has
/// the card with that phone and the child linked to it.
#[test]
fn a_new_contact_is_saved_and_linked_to_the_child() {
    let (db, ex, user) = fresh_demo(&[]);
    let kid = kid(&ex, 1);
    const NAME: &str = "Quinty Xavier";
    const PHONE: &str = "werk: 030-7654321";
    let mut t = start_on_child(&db, &ex, &kid, &user);
    to_child_screen(&mut t, &kid);

    open_lookup(&mut t);
    t.send(NAME);
    let screen = t.expect_until(&format!("{NAME:?} typed, nothing found"), |s| {
        lookup_holds(s, NAME) && s.contains(NOTHING_FOUND)
    });
    let rows = rows_of(&screen);
    assert_eq!(
        rows.len(),
        1,
        "only the row that records a new contact: {rows:#?}"
    );
    assert!(
        rows[0].starts_with("▶ ") && rows[0].contains(NEW_CONTACT),
        "{rows:#?}"
    );
    // The last row, where a user moves to: Down stays there.
    t.key("Down");
    t.key("Enter");
    let name_field = format!("{NAME}▏");
    t.expect_until("the form \"Add contact\" with the name typed", |s| {
        popup_shown(s, FORM_TITLE) && field_holds(s, NAME_LABEL, &name_field)
    });
    for _ in 0..3 {
        t.key("Tab");
    }
    t.expect_until("the phone field focused", |s| {
        field_holds(s, PHONE_LABEL, "▏")
    });
    t.send(PHONE);
    t.expect_until("the phone typed", |s| {
        field_holds(s, PHONE_LABEL, &format!("{PHONE}▏"))
    });
    t.key("Enter");
    let screen = t.expect_until("the saved card", |s| {
        popup_shown(s, NAME) && !popup_shown(s, FORM_TITLE) && s.contains("030-7654321")
    });
    assert!(
        card_line(&screen, "werk", "030-7654321").is_some(),
        "the card shows the phone with its label:\n{}",
        framed(&screen)
    );

    t.send("l");
    let linked = format!("{NAME} is linked to {}", kid.first);
    t.expect_until(&format!("{linked:?}"), |s| {
        s.contains(&linked) && popup_shown(s, NAME)
    });
    t.key("Esc");
    let screen = t.expect_until(&format!("the child screen with {NAME} involved"), |s| {
        on_child_screen(s, &kid) && involved(s).iter().any(|l| l == NAME)
    });
    let panel = involved(&screen);
    assert!(
        panel.iter().any(|l| l.contains("030-7654321")),
        "the panel shows the number under the name: {panel:#?}"
    );
    quit(&mut t);

    let ex = db.export();
    let card = contact(&ex, NAME);
    assert_eq!(
        phones(card),
        vec![("werk".to_string(), "030-7654321".to_string())],
        "{card:#}"
    );
    assert!(card.get("pinned").is_none(), "{card:#}");
    assert_eq!(
        linked_to(&ex, &kid),
        vec![id(card)],
        "the child is linked to the new card"
    );
}

/// Whether the focused text field labelled `label` of a form starts with `value` (which holds the
/// cursor where it is expected).
fn field_holds(screen: &str, label: &str, value: &str) -> bool {
    screen.lines().any(|l| {
        l.find(label)
            .is_some_and(|i| l[i + label.len()..].trim_start().starts_with(value))
    })
}

/// `D` on the pinned 112 card: the status says a pinned card cannot be removed, the card stays
/// open, nothing asks for a confirmation; the export still has 112.
#[test]
fn the_pinned_112_card_cannot_be_removed() {
    let (db, _ex, user) = fresh_demo(&[]);
    let mut t = open_tui(&db, &user);
    let groups = t.expect_until("the groups list drawn", |_| true);
    open_lookup(&mut t);
    search(&mut t, "112", "112 selected", |row| {
        row.starts_with("▶ 112 ")
    });
    open_card(&mut t, "112 [pinned]", &["112"]);
    t.send("D");
    let screen = t.expect_until("the status saying pinned cards stay", |s| {
        s.contains("A pinned card cannot be removed")
    });
    assert!(
        popup_shown(&screen, "112 [pinned]") && !screen.contains("Remove 112"),
        "the card stays open, no confirmation:\n{}",
        framed(&screen)
    );
    esc_back_to(&mut t, &groups, "the groups list");
    quit(&mut t);

    let ex = db.export();
    let card = contact(&ex, "112");
    assert_eq!(card["pinned"], "emergency", "{card:#}");
    assert_eq!(phones(card)[0].1, "112", "{card:#}");
}

/// `c` works on the groups list, the children list and the trajectory screen, and Esc returns to
/// each with its selection.
#[test]
fn c_works_from_the_lists_and_the_trajectory_and_esc_returns() {
    let (db, ex, user) = fresh_demo(&[]);
    let kid = kid_without_trajectory(&ex, 0);
    let mut t = open_tui(&db, &user);

    // The groups list, with the second group selected.
    let first = t.expect_until("the groups list drawn", |_| true);
    t.key("Down");
    let groups = t.expect_until("the second group selected", |s| {
        selected_row(s).is_some() && selected_row(s) != selected_row(&first)
    });
    open_lookup(&mut t);
    esc_back_to(&mut t, &groups, "the groups list");

    // The children list, the child selected.
    open_group(&mut t, &group_name(&ex, kid.group_id));
    select_child(&mut t, &kid);
    let children = t.expect_until("the children list drawn", |_| true);
    open_lookup(&mut t);
    esc_back_to(&mut t, &children, "the children list");

    // The trajectory screen: `p`, the first plan (a new trajectory).
    t.send("p");
    let picker = format!("{} · ", kid.name);
    t.expect_until("the plans picker", |s| {
        title_line(s).contains(&picker) && selected_row(s).is_some()
    });
    t.key("Enter");
    let trajectory = format!("{} · 1/", kid.name);
    let screen = t.expect_until("the new trajectory", |s| {
        title_line(s).contains(&trajectory) && selected_row(s).is_some()
    });
    open_lookup(&mut t);
    esc_back_to(&mut t, &screen, "the trajectory");
    quit(&mut t);
}
