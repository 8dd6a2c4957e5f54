//! The command line around step plans, run as a user runs it: the real binary on temp databases.
//! The demo's trajectories, `signaal report --care-team` (Markdown and CSV, `--month`), and the
//! step-plan part of `signaal report --child`, which never shows a Meldcode trajectory or a mark
//! on a Meldcode-flagged item; nor does the care-team report.
//!
//! Trajectories the demo does not make (a question with a comma and quotes, a Meldcode
//! trajectory, an archived child's) are made by editing a demo export and importing it.

mod common {
    pub mod cli;
    pub mod demo;
}

use std::collections::HashSet;

use chrono::{Datelike, Months, NaiveDate};
use common::cli::{fails, ok, run, seal_audit, Db};
use common::demo::{arr, full_name, max_id, today};
use serde_json::{json, Value};

/// The array `name` of the export, to edit.
fn array_mut<'a>(export: &'a mut Value, name: &str) -> &'a mut Vec<Value> {
    export[name].as_array_mut().unwrap()
}

/// A YYYY-MM-DD date field, or None when it is not set.
fn date(value: &Value) -> Option<NaiveDate> {
    value
        .as_str()
        .map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a YYYY-MM-DD date"))
}

/// The child a trajectory is about.
fn child_of<'a>(export: &'a Value, trajectory: &Value) -> &'a Value {
    arr(export, "children")
        .iter()
        .find(|c| c["id"] == trajectory["child_id"])
        .expect("the trajectory's child")
}

/// The trajectories open on `day` as the care-team overview counts them: started on or before
/// it, and not closed or closed after it.
fn open_on(export: &Value, day: NaiveDate) -> Vec<&Value> {
    arr(export, "trajectories")
        .iter()
        .filter(|t| date(&t["started"]).unwrap() <= day)
        .filter(|t| t["closed"].is_null() || date(&t["closed"]["date"]).unwrap() > day)
        .collect()
}

/// The rows of the Markdown table (without its header and rule).
fn table_rows(markdown: &str) -> Vec<&str> {
    markdown
        .lines()
        .filter(|l| l.starts_with("| "))
        .skip(1)
        .collect()
}

/// A small RFC 4180 reader: records of fields, quoted fields with doubled quotes and line breaks.
/// The text must start with the UTF-8 byte order mark; its fields are separated by ";" when the
/// header's are (a Dutch report), else by ",".
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte order mark first");
    let delimiter = match text.starts_with("child_id;") {
        true => ';',
        false => ',',
    };
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => {
                assert!(field.is_empty(), "a quote inside an unquoted field: {text}");
                quoted = true;
            }
            (false, c) if c == delimiter => record.push(std::mem::take(&mut field)),
            (false, '\r') => assert_eq!(chars.next(), Some('\n'), "CR only before LF"),
            (false, '\n') => panic!("a record must end in CRLF: {text:?}"),
            (false, c) => field.push(c),
        }
        if !quoted && c == '\r' {
            record.push(std::mem::take(&mut field));
            records.push(std::mem::take(&mut record));
        }
    }
    assert!(!quoted, "an unclosed quote");
    assert!(
        record.is_empty() && field.is_empty(),
        "the last record ends in CRLF"
    );
    records
}

const HEADER: &str = "child_id,child,group,plan,question,stage,stage_number,stages,started,\
                      expected_end,review,days_open,review_overdue,end_overdue,care_team_consent,\
                      actions,coach,asked_by";

/// The first line of the care-team CSV in `lang` ("nl", "en"): the byte order mark, then
/// [`HEADER`] separated as that language's report is (";" in Dutch, for Dutch Excel).
fn header(lang: &str) -> String {
    let delimiter = if lang == "nl" { ";" } else { "," };
    format!("\u{feff}{}", HEADER.replace(',', delimiter))
}

/// The names of the coaches linked to group `group_id`, sorted, joined by ", ".
fn coaches_of(export: &Value, group_id: &Value) -> String {
    let mut names: Vec<&str> = arr(export, "staff")
        .iter()
        .filter(|m| m["role"] == "coach")
        .filter(|m| arr(m, "groups").contains(group_id))
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    names.sort();
    names.join(", ")
}

/// `export` with the parents of every child having said `answer` to naming the child in the
/// care-team meeting.
fn care_team_consent(mut export: Value, answer: &str) -> Value {
    for child in array_mut(&mut export, "children") {
        child["consent"]["care_team"] = json!({
            "answer": answer, "at": "2026-09-01T10:00:00+02:00", "by": "Anouk Jansen",
            "given_by": "",
        });
    }
    export
}

/// The demo, every child with the parents' consent to be named in the care-team meeting.
fn named_demo() -> Db {
    Db::import(&care_team_consent(Db::demo(&[]).export(), "yes"))
}

#[test]
fn the_demo_has_trajectories_at_various_stages_and_passes_check() {
    let db = Db::demo(&[]);
    let export = db.export();
    let trajectories = arr(&export, "trajectories");
    let children = arr(&export, "children").len();
    assert!(
        trajectories.len() * 6 >= children && trajectories.len() * 3 <= children,
        "about one child in four: {} of {children}",
        trajectories.len()
    );
    for t in trajectories {
        for field in ["id", "child_id", "template", "started", "stages"] {
            assert!(t.get(field).is_some(), "trajectory lacks {field}: {t}");
        }
        assert_eq!(t["template"], "vroegsignalering", "no Meldcode in the demo");
        for stage in t["stages"].as_array().unwrap() {
            for field in ["stage", "done", "by", "at", "note"] {
                assert!(stage.get(field).is_some(), "stage lacks {field}: {stage}");
            }
        }
    }
    let done: HashSet<usize> = trajectories
        .iter()
        .map(|t| {
            let stages = t["stages"].as_array().unwrap();
            stages.iter().filter(|s| s["done"] == true).count()
        })
        .collect();
    assert!(done.len() >= 3, "several stages: {done:?}");
    assert!(trajectories.iter().any(|t| !t["closed"].is_null()));
    ok(&run(&["check", "--db", db.path()]));

    // Same seed, same trajectories (on the same day).
    let again = Db::demo(&[]).export();
    assert_eq!(export["trajectories"], again["trajectories"]);
    assert_eq!(export["plan_templates"], again["plan_templates"]);
}

#[test]
fn care_team_lists_the_open_trajectories_and_flags_the_late_ones() {
    let db = named_demo();
    let export = db.export();
    let today = today();
    let open = open_on(&export, today);
    assert!(open.len() >= 3);

    let text = ok(&db.report(&["--care-team", "--lang", "nl"]));
    let title = format!(
        "# Zorgoverleg: open trajecten op {}\n",
        today.format("%d-%m-%Y")
    );
    assert!(text.starts_with(&title), "{text}");
    let late: Vec<&&Value> = open
        .iter()
        .filter(|t| {
            let passed = |field: &str| date(&t[field]).is_some_and(|d| d < today);
            passed("review") || passed("expected_end")
        })
        .collect();
    assert!(!late.is_empty(), "the demo has a late trajectory");
    assert!(
        text.contains(&format!(
            "{} open trajecten, waarvan {} te laat.",
            open.len(),
            late.len()
        )),
        "{text}"
    );
    let rows = table_rows(&text);
    assert_eq!(rows.len(), open.len(), "{text}");
    for row in &rows {
        let stage = row.split(" | ").nth(4).unwrap();
        let (number, rest) = stage.split_once("/8 ").expect("x/8 and the stage");
        assert!((1..=8).contains(&number.parse::<u32>().unwrap()), "{row}");
        assert!(!rest.is_empty());
    }
    // Late ones first, each also in the section below the table.
    // The overdue column is the one before the consent column.
    let cells = |r: &&str| {
        r.split(" | ")
            .skip(9)
            .take(2)
            .collect::<Vec<_>>()
            .join(" | ")
    };
    assert!(rows[..late.len()]
        .iter()
        .all(|r| cells(r).ends_with("** | ja")));
    assert!(rows[late.len()..].iter().all(|r| cells(r) == "- | ja"));
    let section = text.split("\n## Te laat\n").nth(1).expect("a late section");
    for t in &late {
        let name = full_name(child_of(&export, t));
        assert!(
            section.contains(&format!("- {name} (")),
            "{name}: {section}"
        );
    }
    let end_passed = open
        .iter()
        .find(|t| date(&t["expected_end"]).is_some_and(|d| d < today))
        .expect("the demo has a trajectory past its expected end");
    let end = date(&end_passed["expected_end"]).unwrap();
    assert!(section.contains(&format!(
        "verwacht einde {} is voorbij",
        end.format("%d-%m-%Y")
    )));
    // The closed trajectory is not open any more.
    for t in arr(&export, "trajectories") {
        if !t["closed"].is_null() {
            let name = full_name(child_of(&export, t));
            assert!(!text.contains(&format!("| {name} |")), "{name} was closed");
        }
    }

    let english = ok(&db.report(&["--care-team", "--lang", "en"]));
    assert!(english.starts_with(&format!(
        "# Care-team meeting: open trajectories on {today}\n"
    )));
    assert!(english.contains("\n## Overdue\n"));
    assert!(english.contains("| Child | Group | Plan |"));
}

/// A demo export with one open trajectory's question holding a comma, quotes, a pipe and a line
/// break, and that trajectory's child archived; returns it with that trajectory's id.
fn crafted() -> (Value, Value) {
    let mut export = care_team_consent(Db::demo(&[]).export(), "yes");
    let today = today();
    let id = open_on(&export, today)[0]["id"].clone();
    let mut child_id = Value::Null;
    for t in array_mut(&mut export, "trajectories") {
        if t["id"] == id {
            t["question"] = json!("Wat helpt, als het \"druk\" is | en\nbij het halen?");
            child_id = t["child_id"].clone();
        }
    }
    for c in array_mut(&mut export, "children") {
        if c["id"] == child_id {
            c["archived"] = json!(true);
        }
    }
    (export, id)
}

#[test]
fn care_team_csv_has_the_header_one_row_each_and_quotes_free_text() {
    let (export, id) = crafted();
    let db = Db::import(&export);
    let open = open_on(&export, today());
    for lang in ["nl", "en"] {
        let text = ok(&db.report(&["--care-team", "--csv", "--lang", lang]));
        assert!(text.starts_with(&format!("{}\r\n", header(lang))), "{text}");
        let records = parse_csv(&text);
        assert_eq!(records.len(), open.len() + 1);
        assert!(records.iter().all(|r| r.len() == 18), "{records:?}");
        let ids: HashSet<String> = records[1..].iter().map(|r| r[0].clone()).collect();
        let expected: HashSet<String> = open.iter().map(|t| t["child_id"].to_string()).collect();
        assert_eq!(ids, expected);
        for record in &records[1..] {
            assert_eq!(record[7], "8");
            let number: usize = record[6].parse().unwrap();
            assert!((1..=8).contains(&number));
            assert!(date(&json!(record[8])).is_some());
            for flag in &record[12..14] {
                assert!(flag == "true" || flag == "false", "{flag}");
            }
            assert_eq!(record[14], "yes");
            // What is being done, the group's coach, who asked.
            let t = open
                .iter()
                .find(|t| t["child_id"] == record[0].parse::<u64>().unwrap())
                .unwrap();
            assert_eq!(record[15], t["actions"].as_str().unwrap().trim());
            let group = &child_of(&export, t)["group_id"];
            assert_eq!(record[16], coaches_of(&export, group));
            assert!(!record[16].is_empty(), "the demo's groups have a coach");
            assert_eq!(record[17], t["by"].as_str().unwrap());
        }
        let crafted = open.iter().find(|t| t["id"] == id).unwrap();
        let child_id = crafted["child_id"].to_string();
        let row = records.iter().find(|r| r[0] == child_id).unwrap();
        assert_eq!(
            row[4],
            "Wat helpt, als het \"druk\" is | en\nbij het halen?"
        );
        assert!(text.contains("\"Wat helpt, als het \"\"druk\"\" is | en\nbij het halen?\""));
        // The child's name stays plain in the machine format.
        assert_eq!(row[1], full_name(child_of(&export, crafted)));
    }

    // In Markdown the question stays on its row, its pipe escaped, and the child is flagged.
    let text = ok(&db.report(&["--care-team", "--lang", "en"]));
    assert!(
        text.contains("| Wat helpt, als het \"druk\" is &#124; en bij het halen? |"),
        "{text}"
    );
    let crafted = open.iter().find(|t| t["id"] == id).unwrap();
    let name = full_name(child_of(&export, crafted));
    assert!(text.contains(&format!("| {name} (left) |")), "{text}");
    assert_eq!(table_rows(&text).len(), open.len());
}

#[test]
fn a_past_month_lists_what_was_open_then() {
    let db = named_demo();
    let export = db.export();
    let trajectories = arr(&export, "trajectories");
    let earliest = trajectories
        .iter()
        .filter_map(|t| date(&t["started"]))
        .min()
        .unwrap();

    // The month before the first start: nothing was open.
    let before = earliest - Months::new(1);
    let month = before.format("%Y-%m").to_string();
    let text = ok(&db.report(&["--care-team", "--month", &month, "--lang", "nl"]));
    let last = NaiveDate::from_ymd_opt(before.year(), before.month(), 1).unwrap() + Months::new(1)
        - chrono::Days::new(1);
    assert_eq!(
        text,
        format!(
            "# Zorgoverleg: open trajecten op {}\n\nEr zijn geen open trajecten.\n",
            last.format("%d-%m-%Y")
        )
    );
    let csv = db.report(&["--care-team", "--month", &month, "--csv"]);
    assert_eq!(ok(&csv), format!("{}\r\n", header("en")));

    // Last month: the trajectories open at its end, the closed one included if it was open then.
    let first_of_this = NaiveDate::from_ymd_opt(today().year(), today().month(), 1).unwrap();
    let last_month_end = first_of_this - chrono::Days::new(1);
    let month = last_month_end.format("%Y-%m").to_string();
    let text = ok(&db.report(&["--care-team", "--month", &month, "--lang", "en"]));
    assert!(text.starts_with(&format!(
        "# Care-team meeting: open trajectories on {last_month_end}\n"
    )));
    let open = open_on(&export, last_month_end);
    assert!(!open.is_empty());
    assert_eq!(table_rows(&text).len(), open.len(), "{text}");
    for t in &open {
        let name = full_name(child_of(&export, t));
        assert!(text.contains(&format!("| {name} |")), "{name}: {text}");
        // Days open are counted to the end of that month.
        let days = (last_month_end - date(&t["started"]).unwrap()).num_days();
        let row = table_rows(&text)
            .into_iter()
            .find(|r| r.starts_with(&format!("| {name} |")))
            .unwrap();
        assert_eq!(row.split(" | ").nth(8), Some(days.to_string().as_str()));
    }
    // A closed trajectory counts as open in a month before it was closed.
    let closed = trajectories
        .iter()
        .find(|t| !t["closed"].is_null())
        .unwrap();
    let closing = date(&closed["closed"]["date"]).unwrap();
    let day = date(&closed["started"])
        .unwrap()
        .max(closing - chrono::Days::new(1));
    let month = day.format("%Y-%m").to_string();
    let text = ok(&db.report(&["--care-team", "--month", &month, "--lang", "en"]));
    let name = full_name(child_of(&export, closed));
    let listed = text.contains(&format!("| {name} |"));
    let month_end = NaiveDate::from_ymd_opt(day.year(), day.month(), 1).unwrap() + Months::new(1)
        - chrono::Days::new(1);
    assert_eq!(
        listed,
        closing > month_end,
        "{name} closed {closing}: {text}"
    );

    // The current month is seen from today.
    let month = today().format("%Y-%m").to_string();
    let now = ok(&db.report(&["--care-team", "--month", &month, "--lang", "en"]));
    assert_eq!(now, ok(&db.report(&["--care-team", "--lang", "en"])));
}

/// `trajectory` started on `started`, its first stages ticked on `ticks` (one day each, in
/// order, as their last change too; the others not done), with no review, expected end or
/// close.
fn ticked_on(trajectory: &mut Value, started: NaiveDate, ticks: &[NaiveDate]) {
    trajectory["started"] = json!(started.to_string());
    for field in ["review", "expected_end", "closed"] {
        trajectory[field] = Value::Null;
    }
    for (i, stage) in trajectory["stages"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        let tick = ticks.get(i);
        stage["done"] = json!(tick.is_some());
        stage["at"] = json!(tick.map(|day| format!("{day}T12:00:00Z")));
        stage["done_at"] = stage["at"].clone();
    }
}

/// The Markdown row of the child named `name`.
fn row_of<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    table_rows(text)
        .into_iter()
        .find(|r| r.starts_with(&format!("| {name} |")))
}

/// Issue 14: `--month M` shows each trajectory as it stood at the end of M. One trajectory had
/// two stages ticked by then and its third on the first of this month; another had every stage
/// ticked and was closed on the first of this month.
#[test]
fn a_past_month_shows_the_stage_reached_by_its_end() {
    let mut export = named_demo().export();
    let first_of_this = NaiveDate::from_ymd_opt(today().year(), today().month(), 1).unwrap();
    let end = first_of_this - chrono::Days::new(1);
    let started = end - chrono::Days::new(30);
    // Two children with one trajectory each.
    let once: Vec<Value> = {
        let all = arr(&export, "trajectories");
        let count = |child: &Value| all.iter().filter(|t| t["child_id"] == *child).count();
        all.iter()
            .filter(|t| count(&t["child_id"]) == 1)
            .map(|t| t["id"].clone())
            .take(2)
            .collect()
    };
    assert_eq!(
        once.len(),
        2,
        "the demo has two children with one trajectory"
    );
    for t in array_mut(&mut export, "trajectories") {
        if t["id"] == once[0] {
            ticked_on(t, started, &[started, end, first_of_this]);
        } else if t["id"] == once[1] {
            let all = [first_of_this; 8];
            ticked_on(t, started, &all[..t["stages"].as_array().unwrap().len()]);
            t["closed"] = json!({
                "outcome": "care_route", "date": first_of_this.to_string(), "by": "Dewi Peters",
            });
        }
    }
    let db = Db::import(&export);
    let name = |id: &Value| {
        let t = arr(&export, "trajectories").iter().find(|t| t["id"] == *id);
        full_name(child_of(&export, t.unwrap()))
    };
    let (ticked, closed) = (name(&once[0]), name(&once[1]));

    let month = end.format("%Y-%m").to_string();
    let text = ok(&db.report(&["--care-team", "--month", &month, "--lang", "en"]));
    let row = row_of(&text, &ticked).unwrap_or_else(|| panic!("{ticked}: {text}"));
    assert_eq!(
        row.split(" | ").nth(4).map(|c| &c[..4]),
        Some("3/8 "),
        "{row}"
    );
    assert_eq!(row.split(" | ").nth(8), Some("30"), "{row}");
    // Closed after the month: open at its end, at its first stage, and not done.
    let row = row_of(&text, &closed).unwrap_or_else(|| panic!("{closed}: {text}"));
    assert_eq!(
        row.split(" | ").nth(4).map(|c| &c[..4]),
        Some("1/8 "),
        "{row}"
    );
    let csv = parse_csv(&ok(&db.report(&[
        "--care-team",
        "--month",
        &month,
        "--csv",
    ])));
    let stage_of = |name: &str| {
        let record = csv.iter().find(|r| r[1] == name).unwrap();
        (record[6].clone(), record[11].clone())
    };
    assert_eq!(stage_of(&ticked), ("3".to_string(), "30".to_string()));
    assert_eq!(stage_of(&closed).0, "1");

    // Today the third stage counts and the closed one is gone.
    let now = ok(&db.report(&["--care-team", "--lang", "en"]));
    let row = row_of(&now, &ticked).unwrap();
    assert_eq!(
        row.split(" | ").nth(4).map(|c| &c[..4]),
        Some("4/8 "),
        "{row}"
    );
    assert!(row_of(&now, &closed).is_none(), "{now}");
    // It is in the month's closed section, with its outcome and how long it ran.
    let group = |id: &Value| {
        let t = arr(&export, "trajectories").iter().find(|t| t["id"] == *id);
        let group_id = &child_of(&export, t.unwrap())["group_id"];
        let group = arr(&export, "groups").iter().find(|g| g["id"] == *group_id);
        group.unwrap()["name"].as_str().unwrap().to_string()
    };
    let section = now
        .split("\n### Closed\n\n")
        .nth(1)
        .expect("a closed section");
    let closed_line = format!(
        "- {closed} ({}, Early-signalling step plan): closed {first_of_this}: fitting care route \
         (referral), after 31 days\n",
        group(&once[1])
    );
    assert!(section.contains(&closed_line), "{closed_line}: {now}");
    // Per staff member: whoever started the one still open brings that child.
    let by = arr(&export, "trajectories")
        .iter()
        .find(|t| t["id"] == once[0])
        .map(|t| t["by"].as_str().unwrap().to_string())
        .unwrap();
    let staff = now
        .split("\n## Per staff member: the children they bring\n\n")
        .nth(1)
        .expect("a per staff member section");
    let line = staff.lines().find(|l| l.starts_with(&format!("- {by}: ")));
    assert!(
        line.is_some_and(|l| l.contains(&format!("{ticked} ({})", group(&once[0])))),
        "{by}: {staff}"
    );
}

/// Issue 14: a note written on a stage after the month it was ticked in does not move the tick.
/// The stage carries the day it was ticked (`stages[].done_at`) apart from its last change
/// (`at`, the note's); the month's report counts the tick, an export written then keeps both.
#[test]
fn a_note_written_later_leaves_a_past_months_stage_done() {
    let mut export = named_demo().export();
    let first_of_this = NaiveDate::from_ymd_opt(today().year(), today().month(), 1).unwrap();
    let end = first_of_this - chrono::Days::new(1);
    let started = end - chrono::Days::new(20);
    let ticked = end - chrono::Days::new(10);
    let id = arr(&export, "trajectories")
        .iter()
        .find(|t| t["template"] != "meldcode")
        .map(|t| t["id"].clone())
        .expect("a trajectory of the early-signalling plan");
    for t in array_mut(&mut export, "trajectories") {
        if t["id"] == id {
            ticked_on(t, started, &[ticked]);
            let stage = &mut t["stages"][0];
            stage["at"] = json!(format!("{}T09:00:00Z", today()));
            stage["note"] = json!("Gesprek met de mentor gepland.");
        }
    }
    let db = Db::import(&export);
    let t = arr(&export, "trajectories").iter().find(|t| t["id"] == id);
    let name = full_name(child_of(&export, t.unwrap()));
    let month = end.format("%Y-%m").to_string();
    let text = ok(&db.report(&["--care-team", "--month", &month, "--lang", "en"]));
    let row = row_of(&text, &name).unwrap_or_else(|| panic!("{name}: {text}"));
    assert_eq!(
        row.split(" | ").nth(4).map(|c| &c[..4]),
        Some("2/8 "),
        "{row}"
    );
    let again = db.export();
    let stage = &arr(&again, "trajectories")
        .iter()
        .find(|t| t["id"] == id)
        .unwrap()["stages"][0];
    assert_eq!(
        stage["done_at"],
        json!(format!("{ticked}T12:00:00Z")),
        "{stage}"
    );
    assert_eq!(stage["note"], "Gesprek met de mentor gepland.", "{stage}");
    // A stage not done has no tick day, and the export leaves the field out.
    assert!(arr(&again, "trajectories")
        .iter()
        .flat_map(|t| t["stages"].as_array().unwrap())
        .all(|s| s["done"] == true || s.get("done_at").is_none()));
}

#[test]
fn no_open_trajectories_says_so() {
    let db = Db::demo(&["--groups", "0"]);
    let text = ok(&db.report(&["--care-team", "--lang", "en"]));
    assert!(text.contains("There are no open trajectories."), "{text}");
    let out = db.report(&["--care-team", "--csv"]);
    assert_eq!(ok(&out), format!("{}\r\n", header("en")));
}

#[test]
fn bad_options_are_refused() {
    let db = Db::demo(&["--groups", "1"]);
    for month in ["2026-13", "2026-1", "november"] {
        let err = fails(&db.report(&["--care-team", "--month", month]), 2);
        assert!(err.contains("YYYY-MM"), "{err}");
    }
    // A month still to come has no end to report on yet (next year is always one).
    let next_year = format!("{}-01", today().year() + 1);
    for which in ["--care-team", "--meldcode"] {
        let err = fails(&db.report(&[which, "--month", &next_year]), 2);
        assert!(err.contains("still to come"), "{err}");
    }
    let err = fails(&db.report(&["--care-team", "--child", "12"]), 2);
    assert!(
        err.contains("--child") && err.contains("--care-team"),
        "{err}"
    );
    fails(&db.report(&["--child", "12", "--csv"]), 2);
    fails(&db.report(&["--child", "12", "--month", "2026-11"]), 2);
    fails(&db.report(&["--csv"]), 2);
    fails(&db.report(&[]), 2);
}

/// A Meldcode trajectory's own fields (`trajectories[].meldcode`), every one filled in.
fn meldcode_record() -> Value {
    json!({
        "signals": "GEHEIM 12-11: blauwe plek op de bovenarm",
        "consulted": "GEHEIM 13-11 aandachtsfunctionaris: Veilig Thuis bellen",
        "veilig_thuis_consulted": "2026-10-03",
        "veilig_thuis_advice": "Veilig Thuis: melden",
        "parents_talk": "GEHEIM overgeslagen, onveilig voor het kind",
        "decision": "GEHEIM melden: acute onveiligheid",
        "reported_on": "2026-10-05",
        "parents_told": false,
        "parents_not_told_why": "GEHEIM de veiligheid van het kind",
    })
}

#[test]
fn the_child_report_shows_the_step_plan_but_never_a_meldcode_trajectory() {
    let (mut export, early) = with_an_open_trajectory();
    let with_plan = early["child_id"].clone();
    let has_one: HashSet<String> = arr(&export, "trajectories")
        .iter()
        .map(|t| t["child_id"].to_string())
        .collect();
    let without_plan = arr(&export, "children")
        .iter()
        .find(|c| !has_one.contains(&c["id"].to_string()))
        .unwrap()["id"]
        .clone();
    // A Meldcode trajectory for both children, as the app would store it.
    let meldcode = arr(&export, "plan_templates")
        .iter()
        .find(|p| p["id"] == "meldcode")
        .expect("the export lists the built-in plans")
        .clone();
    let stages: Vec<Value> = meldcode["stages"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "stage": s["id"], "done": i == 0, "by": "Anouk", "note": "GEHEIME NOTITIE",
                "at": if i == 0 { json!("2026-10-02T10:00:00+02:00") } else { Value::Null },
            })
        })
        .collect();
    let max_id = max_id(&export);
    for (n, child) in [&with_plan, &without_plan].into_iter().enumerate() {
        let trajectory = json!({
            "id": max_id + 1 + n as u64, "child_id": child, "template": "meldcode",
            "version": meldcode["version"], "started": "2026-10-01", "by": "Anouk",
            "question": "GEHEIME VRAAG", "stages": stages,
            "answers": [{"question": "afweging.1", "yes": true, "by": "Anouk",
                         "at": "2026-10-02T10:00:00+02:00"},
                        {"question": "afweging.2", "yes": true, "by": "Anouk",
                         "at": "2026-10-02T10:05:00+02:00"}],
            // The Meldcode's own fields, which no report outside the Meldcode shows.
            "meldcode": meldcode_record(),
        });
        array_mut(&mut export, "trajectories").push(trajectory);
        // With its start in the audit trail, as the app writes it.
        array_mut(&mut export, "audit").push(json!({
            "at": "2026-10-01T10:00:00+02:00", "by": "Anouk", "action": "trajectory.start",
            "target": format!("trajectory:{}", max_id + 1 + n as u64),
        }));
    }
    // And a Meldcode-flagged item marked often, with a note, on its latest observation.
    let latest = arr(&export, "observations")
        .iter()
        .filter(|o| o["child_id"] == with_plan)
        .max_by_key(|o| o["date"].as_str().unwrap().to_string())
        .expect("the child was observed")
        .clone();
    let template = arr(&export, "form_templates")
        .iter()
        .find(|t| t["id"] == latest["template"])
        .expect("the export lists the built-in forms")
        .clone();
    let signal = template["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        .find(|i| i["meldcode"] == true)
        .expect("the form has Meldcode-flagged items")
        .clone();
    let observation = arr(&export, "observations")
        .iter()
        .position(|o| o["id"] == latest["id"])
        .unwrap();
    array_mut(&mut export, "observations")[observation]["marks"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "item": signal["id"], "mark": "often", "note": "GEHEIM SIGNAAL",
            "by": latest["by"], "at": "2026-10-02T09:00:00Z",
        }));
    array_mut(&mut export, "audit").push(json!({
        "at": "2026-10-02T09:00:00Z", "by": latest["by"], "action": "observation.mark",
        "target": format!("observation:{}/{}", latest["id"], signal["id"].as_str().unwrap()),
    }));
    // And changes the parents may see: to the child's record and to the early-signalling plan.
    for target in [
        format!("child:{with_plan}"),
        format!("trajectory:{}/goals", early["id"]),
    ] {
        array_mut(&mut export, "audit").push(json!({
            "at": "2026-10-03T09:00:00Z", "by": "Anouk", "action": "child.edit", "target": target,
        }));
    }
    seal_audit(&mut export);
    let db = Db::import(&export);
    // The import kept the Meldcode's fields, and the export gives them back as they were.
    let kept: Vec<Value> = arr(&db.export(), "trajectories")
        .iter()
        .filter(|t| t["template"] == "meldcode")
        .map(|t| t["meldcode"].clone())
        .collect();
    assert_eq!(kept, [meldcode_record(), meldcode_record()]);

    for lang in ["nl", "en"] {
        let text = ok(&db.report(&["--child", &with_plan.to_string(), "--lang", lang]));
        // Not the flagged item's words, its mark or its note, in any section.
        let words = signal["text"][lang].as_str().unwrap();
        assert!(
            !text.contains(words),
            "{words} in the parents' report: {text}"
        );
        assert!(!text.contains("GEHEIM SIGNAAL"), "{text}");
        // The care team does not get the Meldcode either; the early-signalling plan it does.
        let team = ok(&db.report(&["--care-team", "--lang", lang]));
        assert!(
            !team.contains("eldcode"),
            "a Meldcode trajectory for the care team: {team}"
        );
        let question = early["question"].as_str().unwrap();
        assert!(
            team.contains(question),
            "the open early-signalling plan: {team}"
        );
        let heading = if lang == "nl" {
            "\n## Stappenplan\n"
        } else {
            "\n## Step plan\n"
        };
        let (_, plan) = text.split_once(heading).expect("a step-plan section");
        // Up to the next section ("Wat ouders zien").
        let plan = plan.split("\n## ").next().unwrap();
        let question = early["question"].as_str().unwrap();
        assert!(plan.contains(question), "{plan}");
        assert!(plan.contains(early["goals"].as_str().unwrap()));
        assert_eq!(
            plan.matches("\n### ").count(),
            1,
            "only the early-signalling plan"
        );
        let started = date(&early["started"]).unwrap();
        let started = match lang {
            "nl" => started.format("%d-%m-%Y").to_string(),
            _ => started.to_string(),
        };
        assert!(plan.contains(&started));
        for secret in ["GEHEIM", "eldcode", "Veilig Thuis", "afweging"] {
            assert!(!text.contains(secret), "{secret} in the report: {text}");
        }

        let text = ok(&db.report(&["--child", &without_plan.to_string(), "--lang", lang]));
        assert!(
            !text.contains(heading),
            "no step-plan section at all: {text}"
        );
        for secret in ["GEHEIM", "eldcode", "Stappenplan", "Step plan"] {
            assert!(!text.contains(secret), "{secret} in the report: {text}");
        }
    }

    // The dossier for the parents' right of access: everything else about the child, in both
    // languages, but not the Meldcode trajectory, the flagged mark or their audit entries.
    for (lang, heading, audit) in [
        ("nl", "# ", "\n## Wijzigingen\n"),
        ("en", "# ", "\n## Changes\n"),
    ] {
        let text = ok(&db.report(&[
            "--child",
            &with_plan.to_string(),
            "--dossier",
            "--lang",
            lang,
        ]));
        assert!(text.starts_with(heading), "{text}");
        let words = signal["text"][lang].as_str().unwrap();
        assert!(!text.contains(words), "{words} in the dossier: {text}");
        for secret in ["GEHEIM", "eldcode", "Veilig Thuis", "afweging"] {
            assert!(!text.contains(secret), "{secret} in the dossier: {text}");
        }
        assert!(text.contains(early["question"].as_str().unwrap()), "{text}");
        let (_, trail) = text.split_once(audit).expect("an audit section");
        // The two changes above, not the Meldcode start or the flagged mark.
        let entries: Vec<&str> = trail.lines().filter(|l| l.starts_with("- ")).collect();
        assert_eq!(entries.len(), 2, "{trail}");
        let edited = if lang == "nl" {
            "gegevens gewijzigd"
        } else {
            "details changed"
        };
        let edited = format!("· Anouk · {edited} · ");
        assert!(entries.iter().all(|e| e.contains(&edited)), "{trail}");
        assert!(entries[1].ends_with(": goals"), "{trail}");
        // Every observation of the child is in it, each with its date.
        for o in arr(&export, "observations")
            .iter()
            .filter(|o| o["child_id"] == with_plan)
        {
            let date = date(&o["date"]).unwrap();
            let date = match lang {
                "nl" => date.format("%d-%m-%Y").to_string(),
                _ => date.to_string(),
            };
            assert!(text.contains(&date), "{date}: {text}");
        }
    }

    // The Meldcode stays with who must know: not one of the two is in the care team's report
    // (issue 13; it was, before).
    let text = ok(&db.report(&["--care-team", "--lang", "nl"]));
    assert_eq!(text.matches("GEHEIME VRAAG").count(), 0, "{text}");
    // The aandachtsfunctionaris' own overview lists both, and only those.
    let early_question = early["question"].as_str().unwrap();
    for (lang, title) in [
        ("nl", "# Meldcode: open trajecten op "),
        ("en", "# Meldcode: open trajectories on "),
    ] {
        let text = ok(&db.report(&["--meldcode", "--lang", lang]));
        assert!(text.starts_with(title), "{text}");
        // Each shows its signals where the care-team report has the child's question.
        let signals = "| GEHEIM 12-11: blauwe plek op de bovenarm |";
        assert_eq!(text.matches(signals).count(), 2, "{text}");
        assert!(!text.contains(early_question), "only the Meldcode: {text}");
        // Its own columns (issue 14): where the Meldcode stands, not the care team's.
        let (header, row, not_theirs) = match lang {
            "nl" => (
                "| Kind | Groep | Gestart | Wie coördineert | Stap | Afwegingsvragen | Signalen \
                 | Veilig Thuis geraadpleegd | Besluit | Gemeld op |",
                " | 01-10-2026 | Anouk | 2/5 Consultatie | 2/5, melden | ",
                ["| Coach |", "Toestemming", "Wat we doen", "Per medewerker", "Els Meijer"],
            ),
            _ => (
                "| Child | Group | Started | Coordinated by | Stage | Questions answered | Signals \
                 | Veilig Thuis consulted | Decision | Reported on |",
                " | 2026-10-01 | Anouk | 2/5 Consultation | 2/5, report | ",
                ["| Coach |", "Consent", "What is being done", "Per staff", "Els Meijer"],
            ),
        };
        assert!(text.contains(header), "{text}");
        let row_end = match lang {
            "nl" => " | GEHEIM melden: acute onveiligheid | 05-10-2026 |",
            _ => " | GEHEIM melden: acute onveiligheid | 2026-10-05 |",
        };
        let rows: Vec<&str> = text.lines().filter(|l| l.contains(signals)).collect();
        for line in &rows {
            assert!(line.contains(row), "{line}");
            assert!(line.ends_with(row_end), "{line}");
        }
        for theirs in not_theirs {
            assert!(!text.contains(theirs), "{theirs}: {text}");
        }
        let csv = ok(&db.report(&["--meldcode", "--csv", "--lang", lang]));
        let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
        let meldcode_header = "\u{feff}child_id,child,group,started,coordinates,stage,\
             stage_number,stages,questions_answered,questions,report_follows,signals,\
             veilig_thuis_consulted,decision,reported_on";
        let delimiter = if lang == "nl" { ";" } else { "," };
        assert_eq!(lines[0], meldcode_header.replace(',', delimiter));
        assert_eq!(lines.len(), 3, "{csv}");
        let end = ",2,5,true,GEHEIM 12-11: blauwe plek op de bovenarm,2026-10-03,\
                   GEHEIM melden: acute onveiligheid,2026-10-05";
        for line in &lines[1..] {
            assert!(line.ends_with(&end.replace(',', delimiter)), "{line}");
        }
    }
}

/// The care-team meeting has outside coaches and a district manager at the table: a child whose
/// parents did not say yes to `care_team` is an alias with age and group, in Markdown and CSV,
/// and a consent column says why.
#[test]
fn care_team_names_only_children_with_consent_and_has_a_consent_column() {
    let mut export = Db::demo(&[]).export();
    let open: Vec<Value> = open_on(&export, today()).into_iter().cloned().collect();
    assert!(open.len() >= 3);
    let child_ids: Vec<Value> = open.iter().map(|t| t["child_id"].clone()).collect();
    // The first child's parents said yes, the second's no, the others were not asked (the
    // demo's own answers are taken out first).
    for child in array_mut(&mut export, "children") {
        if let Some(consent) = child.get_mut("consent").and_then(Value::as_object_mut) {
            consent.remove("care_team");
        }
        let answer = match child["id"] {
            ref id if *id == child_ids[0] => "yes",
            ref id if *id == child_ids[1] => "no",
            _ => continue,
        };
        child["consent"]["care_team"] = json!({
            "answer": answer, "at": "2026-09-01T10:00:00+02:00", "by": "Anouk Jansen",
            "given_by": "",
        });
    }
    // Staff wrote the second child's first name in its question.
    let first = arr(&export, "children")
        .iter()
        .find(|c| c["id"] == child_ids[1])
        .unwrap()["first_name"]
        .clone();
    for t in array_mut(&mut export, "trajectories") {
        if t["id"] == open[1]["id"] {
            t["question"] = json!(format!(
                "Wat helpt {} bij het brengen?",
                first.as_str().unwrap()
            ));
        }
    }
    let db = Db::import(&export);
    let name = |id: &Value| {
        full_name(
            arr(&export, "children")
                .iter()
                .find(|c| c["id"] == *id)
                .unwrap(),
        )
    };
    for (lang, alias, yes, no, not_asked) in [
        ("nl", "| Kind A (", "| ja |", "| nee |", "| niet gevraagd |"),
        ("en", "| Child A (", "| yes |", "| no |", "| not asked |"),
    ] {
        let text = ok(&db.report(&["--care-team", "--lang", lang]));
        assert!(
            text.contains(&format!("| {} |", name(&child_ids[0]))),
            "{text}"
        );
        for hidden in &child_ids[1..] {
            let hidden = name(hidden);
            assert!(!text.contains(&hidden), "{hidden} named: {text}");
        }
        // The placeholder's brackets escaped: text, not a link.
        let left_out = if lang == "nl" {
            r"\[naam\]"
        } else {
            r"\[name\]"
        };
        let question = format!("| Wat helpt {left_out} bij het brengen? |");
        assert!(text.contains(&question), "{text}");
        assert!(text.contains(alias), "{text}");
        for cell in [yes, no, not_asked] {
            assert!(text.contains(cell), "{cell}: {text}");
        }
        for row in table_rows(&text) {
            let consent = format!("| {} |", row.split(" | ").nth(10).unwrap());
            assert!([yes, no, not_asked].contains(&consent.as_str()), "{row}");
        }

        let csv = ok(&db.report(&["--care-team", "--csv", "--lang", lang]));
        let records = parse_csv(&csv);
        assert_eq!(records.len(), open.len() + 1);
        for record in &records[1..] {
            assert_eq!(record.len(), 18);
            match record[14].as_str() {
                "yes" => assert_eq!(record[0], child_ids[0].to_string()),
                "no" | "not_asked" => {
                    assert_eq!(record[0], "", "no id for an alias: {record:?}");
                    let prefix = if lang == "nl" { "Kind " } else { "Child " };
                    assert!(record[1].starts_with(prefix), "{record:?}");
                }
                other => panic!("consent {other:?}"),
            }
        }
        for hidden in &child_ids[1..] {
            assert!(!csv.contains(&name(hidden)), "{csv}");
        }
    }
}

/// A demo export and its first open trajectory.
fn with_an_open_trajectory() -> (Value, Value) {
    let export = Db::demo(&[]).export();
    let early = arr(&export, "trajectories")
        .iter()
        .find(|t| t["closed"].is_null())
        .expect("the demo has an open trajectory")
        .clone();
    (export, early)
}

/// The parents' view goes through export and import unchanged, `check` accepts it, and the
/// parents' report shows it under "Wat ouders zien" / "What the parents see".
#[test]
fn the_parents_view_round_trips_through_export_and_import() {
    let (mut export, early) = with_an_open_trajectory();
    let child = early["child_id"].clone();
    for t in array_mut(&mut export, "trajectories") {
        if t["id"] == early["id"] {
            t["parents_view"] = json!("Thuis wil ze ook niet loslaten.");
        }
    }
    let latest = arr(&export, "observations")
        .iter()
        .filter(|o| o["child_id"] == child)
        .max_by_key(|o| (o["date"].as_str().unwrap().to_string(), o["id"].as_u64()))
        .expect("the child was observed")["id"]
        .clone();
    for o in array_mut(&mut export, "observations") {
        if o["id"] == latest {
            o["parents_view"] = json!("Herkennen het, vooral na het weekend.");
        }
    }
    let db = Db::import(&export);
    ok(&run(&["check", "--db", db.path()]));
    let again = db.export();
    assert_eq!(again["trajectories"], export["trajectories"]);
    assert_eq!(again["observations"], export["observations"]);
    // Empty views are left out of the export, as before the field existed.
    let empty = arr(&again, "observations")
        .iter()
        .find(|o| o["id"] != latest)
        .unwrap();
    assert!(empty.get("parents_view").is_none(), "{empty}");

    for (lang, title) in [
        ("nl", "\n## Wat ouders zien\n"),
        ("en", "\n## What the parents see\n"),
    ] {
        let text = ok(&db.report(&["--child", &child.to_string(), "--lang", lang]));
        let (_, view) = text.split_once(title).expect("a parents' view section");
        let view = view.split("\n## ").next().unwrap();
        assert!(
            view.contains(": Herkennen het, vooral na het weekend.\n"),
            "{view}"
        );
        assert!(
            view.contains(": Thuis wil ze ook niet loslaten.\n"),
            "{view}"
        );
    }
}
