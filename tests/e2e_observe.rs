//! End-to-end tests of observing a child: the real `signaal` binary in a pseudo-terminal on a real
//! database in a temp dir. The observation form (`o`, Space, `n`, Esc, `q`), that each mark shown as
//! saved survives kill -9, notes with Dutch characters, what changed between two observations (`w`)
//! and the Observed column of the children list. What the screen shows is checked against
//! `signaal export`.
//!
//! Names of children, staff, items and forms are read from the database's export, never
//! hard-coded. Waits are bounded by generous timeouts; nothing measures time.

mod common {
    pub mod cli;
    pub mod demo;
    pub mod observe;
    pub mod pty;
    pub mod screens;
}

use std::collections::BTreeMap;

use chrono::NaiveDate;
use common::cli::run_ok;
use common::demo::{
    arr, date_of, fresh_demo, group, group_name, id, kids, s, today, uniquely_named_kids, ymd, Kid,
};
use common::observe::{
    assert_signed, form_items, form_rows, item_row, mark, mark_entry, mark_rows, marks, move_to,
    observations_of, open_form, pick_kid, row_shows, shows, sometimes, start, start_on_form,
    template_by_id, template_for_group, template_for_kind, three_rows, todays_observation, Item,
};
use common::pty::{framed, Tui};
use common::screens::{
    big, child_row, detail, filter_line, head, open_child_screen, open_group, open_tui,
    open_tui_with, quit, select_child, start_on_child,
};

// ---------------------------------------------------------------------------------------------
// 1. Acceptance: three marks on a new observation
// ---------------------------------------------------------------------------------------------

#[test]
fn three_marks_make_a_new_observation_signed_today() {
    let (db, ex, user, day0, kid, items) = start();
    let before = observations_of(&ex, kid.id).len();
    let all_before = arr(&ex, "observations").len();
    let rows = three_rows(&items);

    let mut t = start_on_form(&db, &ex, &kid, &user);
    // The form opens on the first item, not seen, with nothing marked.
    t.expect_until("a fresh form on its first item", |s| {
        s.contains("nothing marked yet") && shows(s, &items[0], "not seen")
    });

    let at = mark_rows(&mut t, &items, &rows);
    // Each row shows its mark; the title bar no longer says nothing is marked.
    t.expect_until("the three rows marked", |s| {
        !s.contains("nothing marked yet")
            && rows.iter().all(|&r| row_shows(s, &items[r], "sometimes"))
    });
    // Back up across the section title: the detail pane shows that item's mark.
    move_to(&mut t, &items, at, rows[1], false);
    t.expect_until("an earlier mark in the detail pane", |s| {
        shows(s, &items[rows[1]], "sometimes")
    });
    quit(&mut t);
    let day1 = today();

    let ex = db.export();
    assert_eq!(
        observations_of(&ex, kid.id).len(),
        before + 1,
        "one new observation"
    );
    assert_eq!(
        arr(&ex, "observations").len(),
        all_before + 1,
        "no other observation changed in number"
    );
    let o = todays_observation(&ex, &kid, &[day0, day1], &user);
    let want = sometimes(&items, &rows);
    assert_eq!(marks(&o), want, "exactly the three marks: {o:#}");
    for &row in &rows {
        let entry = mark_entry(&o, &items[row].id).unwrap();
        assert_signed(entry, &o, &user);
        assert_eq!(s(entry, "note"), "", "no note: {entry}");
    }
    assert!(
        o["notes"].as_array().is_none_or(|n| n.is_empty()),
        "no notes on unmarked items: {o:#}"
    );
    assert_eq!(
        s(&o, "template"),
        s(template_for_group(&ex, kid.group_id), "id")
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Durability: each mark the screen shows as saved survives kill -9
// ---------------------------------------------------------------------------------------------

#[test]
fn every_mark_shown_as_saved_survives_kill_9() {
    let (db, ex, user, day0, kid, items) = start();
    let before = observations_of(&ex, kid.id).len();
    let rounds = 5;
    let rows: Vec<usize> = (0..rounds).map(|i| i * 4).collect();
    assert!(rows[rounds - 1] < items.len());

    let mut observation_id = None;
    for (round, &row) in rows.iter().enumerate() {
        let mut t = start_on_form(&db, &ex, &kid, &user);
        if round == 0 {
            t.expect("nothing marked yet");
        } else {
            // Today's observation is continued: the marks of the earlier rounds are there.
            let prev = &items[rows[round - 1]];
            t.expect_until(
                &format!("round {round}: today's observation continued"),
                |s| s.contains("✓ saved ") && row_shows(s, prev, "sometimes"),
            );
        }
        move_to(&mut t, &items, 0, row, round % 2 == 1);
        t.expect_until("the item not seen yet", |s| {
            shows(s, &items[row], "not seen")
        });
        mark(&mut t, &items[row], "sometimes");
        // Immediately: no chance to write anything more.
        t.kill();
        drop(t);

        let ex = db.export();
        assert_eq!(
            observations_of(&ex, kid.id).len(),
            before + 1,
            "round {round}: one observation for today, continued each round"
        );
        let o = todays_observation(&ex, &kid, &[day0, today()], &user);
        match observation_id {
            None => observation_id = Some(id(&o)),
            Some(was) => assert_eq!(id(&o), was, "round {round}: the same observation"),
        }
        let want = sometimes(&items, &rows[..=round]);
        assert_eq!(
            marks(&o),
            want,
            "round {round}: every mark shown as saved is in the database: {o:#}"
        );
        assert_signed(mark_entry(&o, &items[row].id).unwrap(), &o, &user);
    }
    let out = run_ok(&["check", "--db", db.path()]);
    assert!(out.status.success());
}

// ---------------------------------------------------------------------------------------------
// 3. Notes, with Dutch characters; a note on an unmarked item
// ---------------------------------------------------------------------------------------------

const NOTE: &str = "Zoë is ĳverig bezig";
const LOOSE_NOTE: &str = "Alleen bij het ophalen, één keer";

/// `n`, the text, Enter, in English: waits until the detail pane shows the note.
fn write_note(t: &mut Tui, text: &str) {
    write_note_in(t, text, "Note on the item", "Note");
}

/// `n`, the text, Enter, in a TUI whose note popup is titled `title`: waits until the popup is
/// gone and the detail pane shows the note after `label` ("Note", "Notitie").
fn write_note_in(t: &mut Tui, text: &str, title: &str, label: &str) {
    t.send("n");
    t.expect(title);
    t.send(text);
    t.expect(text);
    t.key("Enter");
    t.expect_until(&format!("the note saved ({label})"), |s| {
        !s.contains(title) && detail(s).contains(&format!("{label}: {text}"))
    });
}

#[test]
fn notes_with_dutch_characters_are_saved_on_marked_and_unmarked_items() {
    let (db, ex, user, day0, kid, items) = start();
    let (marked, loose, cancelled) = (1, 3, 2);

    let mut t = start_on_form(&db, &ex, &kid, &user);
    move_to(&mut t, &items, 0, marked, true);
    mark(&mut t, &items[marked], "sometimes");
    write_note(&mut t, NOTE);
    // The note keeps the mark; the row shows there is a note.
    t.expect_until("the marked item with its note", |s| {
        shows(s, &items[marked], "sometimes")
            && row_shows(s, &items[marked], "sometimes")
            && item_row(s, &items[marked]).is_some_and(|l| l.contains('✎'))
            && s.contains("✓ saved ")
    });

    // `n` again: the field holds the note; Esc cancels an edit.
    t.send("n");
    t.expect("Note on the item");
    t.send(" (niet bewaren)");
    t.expect("(niet bewaren)");
    t.key("Esc");
    t.expect_until("the note form closed, the saved note kept", |s| {
        !s.contains("Note on the item")
            && !s.contains("niet bewaren")
            && detail(s).contains(&format!("Note: {NOTE}"))
    });

    // A note on an item that is not marked.
    move_to(&mut t, &items, marked, loose, false);
    write_note(&mut t, LOOSE_NOTE);
    t.expect_until("a note that marks nothing", |s| {
        shows(s, &items[loose], "not seen")
            && item_row(s, &items[loose]).is_some_and(|l| l.contains('✎'))
    });

    // Esc on a new note writes nothing; `q` in the note is text, it does not quit.
    move_to(&mut t, &items, loose, cancelled, true);
    t.send("n");
    t.expect("Note on the item");
    t.send("quasi weg ermee");
    t.expect("quasi weg ermee");
    t.key("Esc");
    t.expect_until("the note form closed", |s| !s.contains("Note on the item"));
    quit(&mut t);

    let ex = db.export();
    let o = todays_observation(&ex, &kid, &[day0, today()], &user);
    let want: BTreeMap<String, String> =
        [(items[marked].id.clone(), "sometimes".to_string())].into();
    assert_eq!(marks(&o), want, "a note marks nothing: {o:#}");
    let entry = mark_entry(&o, &items[marked].id).unwrap();
    assert_eq!(
        s(entry, "note"),
        NOTE,
        "the exact note, UTF-8 intact: {entry}"
    );
    assert_signed(entry, &o, &user);

    let notes = arr(&o, "notes");
    assert_eq!(notes.len(), 1, "one note on an unmarked item: {o:#}");
    let n = &notes[0];
    assert_eq!(s(n, "item"), items[loose].id);
    assert_eq!(s(n, "note"), LOOSE_NOTE);
    assert_eq!(s(n, "by"), user);
    assert_eq!(
        date_of(s(n, "at")),
        NaiveDate::parse_from_str(s(&o, "date"), "%Y-%m-%d").unwrap(),
        "{n}"
    );
    let all = serde_json::to_string(&o).unwrap();
    assert!(!all.contains("weg ermee") && !all.contains("niet bewaren"));
    assert!(
        mark_entry(&o, &items[cancelled].id).is_none()
            && notes
                .iter()
                .all(|n| n["item"] != items[cancelled].id.as_str()),
        "{o:#}"
    );
}

#[test]
fn the_form_in_dutch_says_opgeslagen_and_keeps_a_dutch_note() {
    let (db, ex, user, day0, kid, _) = start();
    let template = template_for_group(&ex, kid.group_id);
    let first = &arr(&template["sections"][0], "items")[0];
    let (item, text) = (s(first, "id"), head(s(&first["text"], "nl")));

    let mut t = open_tui_with(&db, "nl", &user, big());
    open_group(&mut t, &group_name(&ex, kid.group_id));
    select_child(&mut t, &kid);
    t.send("o");
    let title = format!(
        "{} · {} · Observator: {user}",
        kid.name,
        day0.format("%d-%m-%Y")
    );
    t.expect_until("het observatieformulier", |s| {
        s.contains(&title)
            && s.contains("nog niets gemarkeerd")
            && detail(s).starts_with(&format!("niet gezien: {text}"))
    });
    t.send(" ");
    t.expect_until("soms, opgeslagen", |s| {
        s.contains("✓ opgeslagen ")
            && !s.contains("nog niets gemarkeerd")
            && detail(s).starts_with(&format!("soms: {text}"))
    });
    write_note_in(&mut t, NOTE, "Notitie bij het item", "Notitie");
    quit(&mut t);

    let ex = db.export();
    let o = todays_observation(&ex, &kid, &[day0, today()], &user);
    let entry = mark_entry(&o, item).unwrap_or_else(|| panic!("{item} marked: {o:#}"));
    assert_eq!(s(entry, "mark"), "sometimes", "{entry}");
    assert_eq!(s(entry, "note"), NOTE, "{entry}");
    assert_eq!(marks(&o).len(), 1, "{o:#}");
}

// ---------------------------------------------------------------------------------------------
// 4. What changed
// ---------------------------------------------------------------------------------------------

/// The list line of a comparison row for an item.
fn change_line<'a>(screen: &'a str, item: &Item) -> Option<&'a str> {
    let text = head(&item.text);
    screen
        .lines()
        .find(|l| l.contains(&text) && l.contains(" → "))
}

/// Whether the comparison shows `item` with `change` ("sometimes → often") and `kind` of change.
fn has_change(screen: &str, item: &Item, change: &str, kind: &str) -> bool {
    change_line(screen, item).is_some_and(|l| l.contains(change) && l.contains(kind))
}

/// Waits for the comparison titled `title` with these rows: (item, change, kind of change).
fn expect_changes(t: &mut Tui, title: &str, rows: &[(&Item, &str, &str)]) -> String {
    let what = rows
        .iter()
        .map(|(item, change, kind)| format!("{:?}: {change:?} {kind:?}", item.id))
        .collect::<Vec<_>>()
        .join(", ");
    t.expect_until(&format!("{title:?} with {what}"), |s| {
        s.contains(title)
            && rows
                .iter()
                .all(|(item, change, kind)| has_change(s, item, change, kind))
    })
}

#[test]
fn what_changed_between_the_demo_observations() {
    let (db, ex, user) = fresh_demo(&[]);

    // A child whose two latest observations with the same form have an item that went from
    // sometimes to often and one that is no longer seen.
    let found = uniquely_named_kids(&ex).iter().find_map(|k| {
        let obs = observations_of(&ex, k.id);
        let latest = obs.last()?;
        let previous = obs
            .iter()
            .rev()
            .skip(1)
            .find(|o| o["template"] == latest["template"])?;
        let (was, now) = (marks(previous), marks(latest));
        let up = was
            .iter()
            .find(|(i, m)| *m == "sometimes" && now.get(*i).is_some_and(|n| n == "often"))?;
        let gone = was.keys().find(|i| !now.contains_key(*i))?;
        Some((
            k.clone(),
            previous.clone(),
            latest.clone(),
            up.0.clone(),
            gone.clone(),
        ))
    });
    let Some((kid, previous, latest, up, gone)) = found else {
        panic!("the demo has a child with a mark sometimes -> often and one no longer seen");
    };
    let items = form_items(template_by_id(&ex, s(&latest, "template")));
    let item = |id: &str| items.iter().find(|i| i.id == id).unwrap().clone();
    let appeared: Vec<Item> = marks(&latest)
        .keys()
        .filter(|i| !marks(&previous).contains_key(*i))
        .map(|i| item(i))
        .collect();
    let title = format!(
        "{} · What changed: {} → {}",
        kid.name,
        s(&previous, "date"),
        s(&latest, "date")
    );

    let mut t = start_on_child(&db, &ex, &kid, &user);

    // From the children list.
    t.send("w");
    let (up, gone) = (item(&up), item(&gone));
    let (change, kind) = gone.gone();
    let mut want = vec![(&up, "sometimes → often", "changed"), (&gone, change, kind)];
    if let Some(new) = appeared.first() {
        want.push((new, "not seen → ", "new"));
    }
    let screen = expect_changes(&mut t, &title, &want);
    // Items with the same mark both times are not listed.
    let (was, now) = (marks(&previous), marks(&latest));
    if let Some((same, _)) = was.iter().find(|(i, m)| now.get(*i) == Some(*m)) {
        assert!(
            change_line(&screen, &item(same)).is_none(),
            "{same:?} did not change:\n{}",
            framed(&screen)
        );
    }
    t.key("Esc");
    t.expect_until("back on the children list", |s| {
        !s.contains("What changed") && child_row(s, &kid.name).is_some()
    });

    // From the child screen.
    open_child_screen(&mut t, &kid);
    t.send("w");
    expect_changes(&mut t, &title, &want);
    quit(&mut t);
}

#[test]
fn what_changed_after_marking_today_on_the_form() {
    let (db, ex, user) = fresh_demo(&[]);
    let day0 = today();

    // A child whose latest observation (before today) has a "sometimes" mark and another mark.
    let found = uniquely_named_kids(&ex).iter().find_map(|k| {
        let latest = observations_of(&ex, k.id).pop()?;
        if s(&latest, "date") >= ymd(day0).as_str() {
            return None;
        }
        let m = marks(&latest);
        let sometimes = m.iter().find(|(_, m)| *m == "sometimes")?.0.clone();
        let other = m.keys().find(|i| **i != sometimes)?.clone();
        Some((k.clone(), latest, sometimes, other))
    });
    let Some((kid, latest, sometimes, other)) = found else {
        panic!("the demo has an observed child with a mark \"sometimes\" and another mark");
    };
    let items = form_rows(template_by_id(&ex, s(&latest, "template")), &kid, day0);
    assert_eq!(
        s(template_for_group(&ex, kid.group_id), "id"),
        s(&latest, "template"),
        "the child's latest observation uses the group's form"
    );
    let row = items.iter().position(|i| i.id == sometimes).unwrap();

    // `o` on the child screen this time.
    let mut t = start_on_child(&db, &ex, &kid, &user);
    open_child_screen(&mut t, &kid);
    open_form(&mut t, &kid, &user);
    move_to(&mut t, &items, 0, row, false);
    mark(&mut t, &items[row], "sometimes");
    mark(&mut t, &items[row], "often");

    t.send("w");
    let other = items.iter().find(|i| i.id == other).unwrap();
    let (change, kind) = other.gone();
    let title = format!("{} · What changed: {} → ", kid.name, s(&latest, "date"));
    let screen = expect_changes(
        &mut t,
        &title,
        &[
            (&items[row], "sometimes → often", "changed"),
            (other, change, kind),
        ],
    );
    let day1 = today();
    assert!(
        [day0, day1]
            .iter()
            .any(|d| screen.contains(&format!("{title}{}", ymd(*d)))),
        "compared with today's observation:\n{}",
        framed(&screen)
    );

    // Esc goes back to the form, which still shows the mark.
    t.key("Esc");
    t.expect_until("back on the form", |s| {
        s.contains("Observer:") && shows(s, &items[row], "often")
    });
    quit(&mut t);

    let ex = db.export();
    let o = todays_observation(&ex, &kid, &[day0, day1], &user);
    let want: BTreeMap<String, String> = [(sometimes.clone(), "often".to_string())].into();
    assert_eq!(marks(&o), want, "{o:#}");
}

// ---------------------------------------------------------------------------------------------
// 5. The Observed column of the children list
// ---------------------------------------------------------------------------------------------

#[test]
fn never_observed_child_shows_today_after_one_mark() {
    let (db, ex, user) = fresh_demo(&["--observations-per-child", "0"]);
    assert!(
        arr(&ex, "observations").is_empty(),
        "--observations-per-child 0 makes none"
    );
    let all = kids(&ex);
    let kid = pick_kid(&ex, |k| first_due(&ex, k));
    let other = uniquely_named_kids(&ex)
        .into_iter()
        .find(|k| k.group_id == kid.group_id && k.id != kid.id && first_due(&ex, k))
        .expect("a second child in the group");
    // The export lists every form, observed with or not.
    let template = template_for_kind(&ex, s(group(&ex, kid.group_id), "kind"));
    let items = form_rows(template, &kid, today());

    let mut t = open_tui(&db, &user);
    open_group(&mut t, &group_name(&ex, kid.group_id));
    let members: Vec<&Kid> = all.iter().filter(|k| k.group_id == kid.group_id).collect();
    // Never observed: the first observation is due 3 months after the start in the group.
    t.expect_until("every child of the group flagged as its start asks", |s| {
        s.contains("Observed")
            && s.contains("Often")
            && members.iter().all(|k| {
                child_row(s, &k.name)
                    .is_some_and(|l| l.contains("! first obs") == first_due(&ex, k))
            })
    });

    // `w` on a child never observed says so.
    select_child(&mut t, &other);
    t.send("w");
    t.expect("has not been observed yet");
    // A form opened and closed without a mark writes nothing.
    open_form(&mut t, &other, &user);
    t.expect("nothing marked yet");
    t.key("Esc");
    t.expect_until("back on the list, still never observed", |s| {
        !s.contains("Observer:")
            && child_row(s, &other.name).is_some_and(|l| l.contains("! first obs"))
    });

    // One mark on the other child.
    t.key("Esc");
    t.expect_until("the filter cleared", |s| {
        filter_line(s).is_none() && child_row(s, &kid.name).is_some()
    });
    select_child(&mut t, &kid);
    t.expect_until("the child never observed", |s| {
        child_row(s, &kid.name).is_some_and(|l| l.contains("! first obs"))
    });
    open_form(&mut t, &kid, &user);
    mark(&mut t, &items[0], "sometimes");
    t.key("Esc");
    let day0 = today();
    let screen = t.expect_until("today's date in the child's row", |s| {
        child_row(s, &kid.name)
            .is_some_and(|l| l.contains(&ymd(day0)) || l.contains(&ymd(day0.succ_opt().unwrap())))
    });
    let line = child_row(&screen, &kid.name).unwrap();
    assert!(
        !line.contains('!'),
        "observed today stands out no more: {line:?}"
    );

    // With one observation there is nothing to compare yet.
    t.send("w");
    t.expect("only one observation");
    quit(&mut t);

    let ex = db.export();
    let obs = arr(&ex, "observations");
    assert_eq!(
        obs.len(),
        1,
        "only the marked form was written, not the one opened and closed: {obs:#?}"
    );
    assert_eq!(obs[0]["child_id"].as_u64(), Some(kid.id));
    assert_eq!(
        marks(&obs[0]).get(&items[0].id).map(String::as_str),
        Some("sometimes")
    );
    assert_eq!(obs[0]["template"], template["id"]);
    assert!(
        arr(&ex, "form_templates")
            .iter()
            .any(|t| t["id"] == template["id"]),
        "the form the observation uses is in the export"
    );
}

/// What a child's Observed column should say by the rhythm of practice, worked out here from
/// the export on its own (not with signaal's code).
#[derive(Debug)]
enum Observed {
    /// Never observed, started in the group 3 months ago or more.
    First,
    /// Never observed, started less than 3 months ago: no flag yet.
    NotYet,
    /// The birthday has come without an observation from 3 months before it on.
    Yearly,
    /// An open trajectory and no observation in the last 8 weeks (56 days).
    Trajectory,
    Recent(String),
}

/// What `kid`'s Observed column should say on `day` (`--observe-weeks` 8).
fn observed_by_rhythm(ex: &serde_json::Value, kid: &Kid, day: NaiveDate) -> Observed {
    let date = |v: &str| NaiveDate::parse_from_str(v, "%Y-%m-%d").unwrap();
    let child = arr(ex, "children")
        .iter()
        .find(|c| c["id"] == kid.id)
        .expect("the child in the export");
    let open = arr(ex, "trajectories")
        .iter()
        .any(|t| t["child_id"] == kid.id && t["closed"].is_null());
    let latest = observations_of(ex, kid.id)
        .last()
        .map(|o| date(s(o, "date")));
    if open && latest.is_none_or(|d| (day - d).num_days() > 56) {
        return Observed::Trajectory;
    }
    let Some(latest) = latest else {
        let first = date(s(child, "started")) + chrono::Months::new(3);
        return if first <= day {
            Observed::First
        } else {
            Observed::NotYet
        };
    };
    let born = date(&kid.birth);
    let birthday = (0..20)
        .map(|years| born + chrono::Months::new(12 * years))
        .take_while(|b| *b <= day)
        .last()
        .unwrap();
    match birthday > born && latest < birthday - chrono::Months::new(3) {
        true => Observed::Yearly,
        false => Observed::Recent(ymd(latest)),
    }
}

#[test]
fn observed_column_follows_the_rhythm_of_practice() {
    let (db, ex, user) = fresh_demo(&[]);
    let day = today();
    let all = kids(&ex);
    // Every group of the demo, each child's row against the export.
    let mut checked: BTreeMap<&str, usize> = BTreeMap::new();
    for g in arr(&ex, "groups").iter().filter(|g| g["archived"] != true) {
        let name = s(g, "name").to_string();
        let mut t = open_tui(&db, &user);
        open_group(&mut t, &name);
        let members: Vec<&Kid> = all.iter().filter(|k| k.group_id == id(g)).collect();
        let want: Vec<(&Kid, Observed)> = members
            .into_iter()
            .map(|k| (k, observed_by_rhythm(&ex, k, day)))
            .collect();
        for (_, w) in &want {
            let kind = match w {
                Observed::First => "first",
                Observed::NotYet => "not yet",
                Observed::Yearly => "yearly",
                Observed::Trajectory => "trajectory",
                Observed::Recent(_) => "recent",
            };
            *checked.entry(kind).or_default() += 1;
        }
        let what = want
            .iter()
            .map(|(k, w)| format!("{}: {w:?}", k.name))
            .collect::<Vec<_>>()
            .join("; ");
        let flags = ["! first obs", "! yearly", "! traj. 8 wk"];
        t.expect_until(&format!("the Observed column: {what}"), |s| {
            want.iter().all(|(k, w)| {
                child_row(s, &k.name).is_some_and(|l| {
                    let only = |flag: &str| flags.iter().all(|f| l.contains(f) == (*f == flag));
                    match w {
                        Observed::First => only("! first obs"),
                        Observed::Yearly => only("! yearly"),
                        Observed::Trajectory => only("! traj. 8 wk"),
                        Observed::NotYet => only(""),
                        // The date; the date itself is on the child's screen otherwise.
                        Observed::Recent(date) => l.contains(date.as_str()) && only(""),
                    }
                })
            })
        });
        quit(&mut t);
    }
    assert!(
        ["first", "recent"]
            .iter()
            .all(|k| checked.get(k).is_some_and(|n| *n > 0)),
        "the demo has children due a first observation and observed in time: {checked:?}"
    );
}

/// Whether `kid`'s first observation is what is due today: it started in the group 3 months ago
/// or more and has no open trajectory, whose rhythm would go first (`domain::rhythm`).
fn first_due(ex: &serde_json::Value, kid: &Kid) -> bool {
    if arr(ex, "trajectories")
        .iter()
        .any(|t| t["child_id"] == kid.id && t["closed"].is_null())
    {
        return false;
    }
    let child = arr(ex, "children")
        .iter()
        .find(|c| c["id"] == kid.id)
        .expect("the child in the export");
    let started = NaiveDate::parse_from_str(s(child, "started"), "%Y-%m-%d").unwrap();
    started.checked_add_months(chrono::Months::new(3)).unwrap() <= today()
}
