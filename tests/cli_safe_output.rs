//! Files that go out (issue 15, "Output that is safe"), run as a user runs `signaal report` and
//! `signaal contacts find`: user text in the Markdown reports is shown as typed, never taken as
//! markup (read back with pulldown-cmark, and with Python-Markdown when it can be had); the care-team CSV opens in Dutch Excel (a byte order
//! mark, ";" in Dutch or with `--delimiter`) and no cell of it is run as a formula; control
//! characters in names reach the terminal shown (`^[`), never raw. The real binary on a temp
//! database; the assertions are on the bytes it writes.

mod common {
    pub mod cli;
    pub mod demo;
    pub mod pytools;
}

use common::cli::{fails, ok, Db};
use common::demo::arr;
use common::pytools;
use pulldown_cmark::{Event, Options, Parser, Tag};
use serde_json::{json, Value};

/// Names and free text as someone might type them, each holding what Markdown would take as
/// markup: emphasis, HTML, a link, a heading and a list item at the start, a table's bar, code,
/// a line break.
const FIRST_NAME: &str = "*Zoë*";
const LAST_NAME: &str = "<b>de_Boer</b>";
const GUARDIAN: &str = "[Mirjam](https://example.org)";
const QUESTION: &str = "# Wat helpt | bij het `brengen`\n- en _halen_?";
const ACTIONS: &str = "1. ~~Rustig~~ &amp; > begroeten\n2) ![foto](x.png)";
const NOTE: &str = "**vet** <script>x</script>\\";

/// What a reader sees of QUESTION and ACTIONS on one line (a table cell, a list item).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The demo with one child's open step plan (not the Meldcode), its record, its guardian, its
/// notes and its care-team consent set to the text above; returns the database and the child's
/// id.
fn crafted() -> (Db, String) {
    let mut export = Db::demo(&[]).export();
    let trajectory = arr(&export, "trajectories")
        .iter()
        .find(|t| t["template"] == "vroegsignalering" && t["closed"].is_null())
        .expect("an open step plan in the demo")
        .clone();
    let child = trajectory["child_id"].clone();
    for t in export["trajectories"].as_array_mut().unwrap() {
        if t["id"] == trajectory["id"] {
            t["question"] = json!(QUESTION);
            t["actions"] = json!(ACTIONS);
        }
    }
    for c in export["children"].as_array_mut().unwrap() {
        if c["id"] == child {
            c["first_name"] = json!(FIRST_NAME);
            c["last_name"] = json!(LAST_NAME);
            c["guardians"].as_array_mut().unwrap().push(json!({
                "name": GUARDIAN, "relation": "oma", "authority": false, "phones": [],
                "email": "",
            }));
            c["consent"]["care_team"] = json!({
                "answer": "yes", "at": "2026-09-01T10:00:00+02:00", "by": "Anouk Jansen",
                "given_by": "",
            });
        }
    }
    for o in export["observations"].as_array_mut().unwrap() {
        if o["child_id"] == child {
            for mark in o["marks"].as_array_mut().unwrap() {
                mark["note"] = json!(NOTE);
            }
        }
    }
    (Db::import(&export), child.to_string())
}

/// What a Markdown reader (tables and strikethrough on, as GitHub's) shows of `doc`: the runs
/// of text between any two other events (a soft line break is a space), and the events that
/// user text must never become: HTML, code, a link or an image.
fn read(doc: &str) -> (Vec<String>, Vec<String>) {
    let mut runs = vec![String::new()];
    let mut markup = Vec::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(doc, options) {
        match event {
            Event::Text(text) => runs.last_mut().unwrap().push_str(&text),
            Event::SoftBreak => runs.last_mut().unwrap().push(' '),
            Event::Html(_) | Event::InlineHtml(_) | Event::Code(_) => {
                markup.push(format!("{event:?}"))
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => markup.push(format!("{event:?}")),
            _ => runs.push(String::new()),
        }
    }
    (runs, markup)
}

/// Asserts that `doc` shows each of `typed` as text, whole, and none of it as markup.
fn shows_as_typed(doc: &str, typed: &[String]) {
    let (runs, markup) = read(doc);
    assert!(markup.is_empty(), "{markup:?} in:\n{doc}");
    for typed in typed {
        assert!(
            runs.iter().any(|run| run.contains(typed.as_str())),
            "{typed:?} not shown as text in:\n{doc}"
        );
    }
}

#[test]
fn user_text_in_the_markdown_reports_is_shown_as_typed() {
    let (db, child) = crafted();
    let name = format!("{FIRST_NAME} {LAST_NAME}");
    let plan = [one_line(QUESTION), one_line(ACTIONS)];
    for lang in ["nl", "en"] {
        let report = ok(&db.report(&["--child", &child, "--lang", lang]));
        let mut typed = vec![name.clone(), GUARDIAN.to_string(), NOTE.to_string()];
        typed.extend(plan.clone());
        shows_as_typed(&report, &typed);
        // The title is the one heading that names the child, and it is the document's first.
        assert!(
            report.starts_with(r"# \*Zoë\* &lt;b>de\_Boer&lt;/b>: "),
            "{report}"
        );

        let dossier = ok(&db.report(&["--child", &child, "--dossier", "--lang", lang]));
        shows_as_typed(&dossier, &typed);

        let care_team = ok(&db.report(&["--care-team", "--lang", lang]));
        let mut typed = vec![name.clone()];
        typed.extend(plan.clone());
        shows_as_typed(&care_team, &typed);
        // The child's row is one row of the table, with as many cells as the header.
        let row = care_team
            .lines()
            .find(|l| l.starts_with("| \\*Zoë\\*"))
            .expect("the child's row");
        let header = care_team.lines().find(|l| l.starts_with("| ")).unwrap();
        let cells = |line: &str| line.matches('|').count();
        assert_eq!(cells(row), cells(header), "{row}");
    }
}

/// A handover's school, what helps (lines and paragraphs) and one development domain, as
/// someone might type them.
const SCHOOL: &str = "<i>Het Anker</i> & [co](x)";
const WHAT_HELPS: &str =
    "- Vooraf *vertellen*\n  # wat er komt\n\n1. Een vaste plek | kring\n: met een prent {: onclick=\"x\" }";
const MOTORIEK: &str = "> Klimt `snel`";

/// The paragraphs of WHAT_HELPS as a reader shows them: each line trimmed, a kept line break
/// as "\n".
const WHAT_HELPS_READ: [&str; 2] = [
    "- Vooraf *vertellen*\n# wat er komt",
    "1. Een vaste plek | kring\n: met een prent {: onclick=\"x\" }",
];

/// The demo with its first handover's school, what helps and motor development set to the
/// text above; returns the database and the child's id.
fn crafted_handover() -> (Db, String) {
    let mut export = Db::demo(&[]).export();
    let handover = &mut export["handovers"][0];
    let child = handover["child_id"].to_string();
    handover["school"] = json!(SCHOOL);
    handover["what_helps"] = json!(WHAT_HELPS);
    handover["development"]["Motoriek"] = json!(MOTORIEK);
    (Db::import(&export), child)
}

/// A handover's free text keeps its lines (each shown as typed, none a list item or heading);
/// its school and development domains, on one line, are text too.
#[test]
fn the_handover_shows_its_lines_as_typed() {
    let (db, child) = crafted_handover();
    let text = ok(&db.report(&["--handover", &child, "--for-parents", "--lang", "nl"]));
    let (runs, markup) = read(&text);
    assert!(markup.is_empty(), "{markup:?} in:\n{text}");
    // The lines of what helps: a hard line break between the lines, a paragraph after.
    let joined = text_with_breaks(&text);
    for typed in WHAT_HELPS_READ.into_iter().chain([SCHOOL]) {
        assert!(
            joined.iter().any(|r| r == typed),
            "{typed:?} not in {joined:?}"
        );
    }
    assert!(runs.iter().any(|r| r.contains(MOTORIEK)), "{runs:?}");
}

/// Renders each Markdown file given with Python-Markdown, with the extensions MkDocs sites
/// commonly turn on (tables, attribute lists, definition lists), and prints, per file, the
/// start tags with their attributes and the runs of text between any two tags (a `<br />` is
/// no break between runs: the line break after it is in the text), as JSON.
const PYTHON_MARKDOWN: &str = r#"
import sys, json, markdown
from html.parser import HTMLParser

class Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.runs = [], [""]
    def handle_starttag(self, tag, attrs):
        if tag != "br":
            self.tags.append([tag, attrs])
            self.runs.append("")
    def handle_endtag(self, tag):
        if tag != "br":
            self.runs.append("")
    def handle_data(self, data):
        self.runs[-1] += data

documents = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        html = markdown.markdown(f.read(), extensions=["tables", "attr_list", "def_list"])
    reader = Reader()
    reader.feed(html)
    reader.close()
    documents.append({"tags": reader.tags, "runs": reader.runs, "html": html})
print(json.dumps(documents))
"#;

/// The tags the reports' own Markdown makes: headings, paragraphs, lists, tables, and the
/// emphasis of a mark and of "let op". Any other tag (`script`, `b`, `i`, `a`, `img`, `code`,
/// `dl`, ...) came from user text.
const REPORT_TAGS: &[&str] = &[
    "h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
    "strong", "em", "hr",
];

/// The same reports read by Python-Markdown (MkDocs, many wikis), which honours a backslash
/// before fewer characters than CommonMark and shows the others: no tag and no attribute comes
/// from user text, and the text reads as typed. Skipped, saying why, when no Python can import
/// `markdown` (see `common::pytools`).
#[test]
fn python_markdown_shows_the_user_text_as_typed_too() {
    let python = match pytools::python(&["markdown"]) {
        Ok(python) => python,
        Err(reason) => {
            eprintln!("skipped reading the reports with Python-Markdown: {reason}");
            return;
        }
    };
    let (db, child) = crafted();
    let (handover_db, handover_child) = crafted_handover();
    let name = format!("{FIRST_NAME} {LAST_NAME}");
    let plan = [one_line(QUESTION), one_line(ACTIONS)];
    let mut record = vec![name.clone(), GUARDIAN.to_string(), NOTE.to_string()];
    record.extend(plan.clone());
    let mut care_team = vec![name];
    care_team.extend(plan);
    let mut handover: Vec<String> = WHAT_HELPS_READ.map(String::from).to_vec();
    handover.extend([SCHOOL.to_string(), MOTORIEK.to_string()]);

    let mut documents = Vec::new();
    for lang in ["nl", "en"] {
        let handover_args = [
            "--handover",
            &handover_child,
            "--for-parents",
            "--lang",
            lang,
        ];
        documents.extend([
            (
                ok(&db.report(&["--child", &child, "--lang", lang])),
                &record,
            ),
            (
                ok(&db.report(&["--child", &child, "--dossier", "--lang", lang])),
                &record,
            ),
            (ok(&db.report(&["--care-team", "--lang", lang])), &care_team),
            (ok(&handover_db.report(&handover_args)), &handover),
        ]);
    }
    let mut paths = Vec::new();
    for (index, (doc, _)) in documents.iter().enumerate() {
        let path = db.file(&format!("report-{index}.md"));
        std::fs::write(&path, doc).unwrap();
        paths.push(path.to_str().unwrap().to_string());
    }
    let out = std::process::Command::new(&python)
        .args(["-c", PYTHON_MARKDOWN])
        .args(&paths)
        .output()
        .expect("python runs");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "Python-Markdown failed: {said}");
    let rendered: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(rendered.len(), documents.len());
    for ((doc, typed), html) in documents.iter().zip(&rendered) {
        let shown = format!("{doc}\nas\n{}", html["html"].as_str().unwrap());
        for tag in arr(html, "tags") {
            let name = tag[0].as_str().unwrap();
            assert!(REPORT_TAGS.contains(&name), "<{name}> in:\n{shown}");
            assert_eq!(tag[1], json!([]), "attributes of <{name}> in:\n{shown}");
        }
        let runs = arr(html, "runs");
        for typed in typed.iter() {
            assert!(
                runs.iter()
                    .any(|run| run.as_str().unwrap().contains(typed.as_str())),
                "{typed:?} not shown as text in:\n{shown}"
            );
        }
    }
}

/// The paragraphs of `doc` as a reader shows them, a hard line break as "\n".
fn text_with_breaks(doc: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut text = String::new();
    for event in Parser::new(doc) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::HardBreak => text.push('\n'),
            Event::SoftBreak => text.push(' '),
            _ => paragraphs.push(std::mem::take(&mut text)),
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    paragraphs
}

/// The care-team CSV as Dutch Excel opens it: UTF-8 behind a byte order mark, split on ";".
#[test]
fn the_care_team_csv_opens_in_dutch_excel_and_runs_no_formula() {
    let mut export = Db::demo(&[]).export();
    let formulas = [
        "=HYPERLINK(\"https://example.org\";\"klik\")",
        "+31 30 123 45 67",
        "-1+1",
        "@SUM(A1:A2)",
    ];
    let mut open = arr(&export, "trajectories")
        .iter()
        .filter(|t| t["template"] == "vroegsignalering" && t["closed"].is_null())
        .map(|t| t["id"].clone())
        .collect::<Vec<Value>>();
    open.truncate(formulas.len());
    assert_eq!(
        open.len(),
        formulas.len(),
        "enough open step plans in the demo"
    );
    for t in export["trajectories"].as_array_mut().unwrap() {
        if let Some(at) = open.iter().position(|id| *id == t["id"]) {
            t["actions"] = json!(formulas[at]);
        }
    }
    for c in export["children"].as_array_mut().unwrap() {
        c["consent"]["care_team"] = json!({
            "answer": "yes", "at": "2026-09-01T10:00:00+02:00", "by": "Anouk Jansen",
            "given_by": "",
        });
    }
    let db = Db::import(&export);
    const BOM: &[u8] = b"\xef\xbb\xbf";
    let header = "child_id,child,group,plan,question,stage,stage_number,stages,started,\
                  expected_end,review,days_open,review_overdue,end_overdue,care_team_consent,\
                  actions,coach,asked_by\r\n";
    for (args, delimiter) in [
        (&["--lang", "nl"][..], b';'),
        (&["--lang", "en"][..], b','),
        (&["--lang", "en", "--delimiter", ";"][..], b';'),
        (&["--lang", "nl", "--delimiter", ","][..], b','),
        (&["--lang", "nl", "--delimiter", "tab"][..], b'\t'),
    ] {
        let mut all = vec!["--care-team", "--csv"];
        all.extend_from_slice(args);
        let out = db.report(&all);
        let bytes = ok(&out).into_bytes();
        assert!(bytes.starts_with(BOM), "{args:?}: no byte order mark");
        let text = String::from_utf8(bytes[BOM.len()..].to_vec()).unwrap();
        let expected = header.replace(',', &char::from(delimiter).to_string());
        assert!(text.starts_with(&expected), "{args:?}: {text}");
        // Read as a spreadsheet reads it: every action that starts like a formula is text.
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let actions: Vec<String> = reader
            .records()
            .map(|r| r.expect("a CSV record")[15].to_string())
            .collect();
        for formula in formulas {
            assert!(
                actions.contains(&format!("'{formula}")),
                "{args:?}: {formula:?} not guarded in {actions:?}"
            );
        }
        assert!(
            actions.iter().all(|a| !a.starts_with(['=', '+', '-', '@'])),
            "{actions:?}"
        );
    }
    // --delimiter goes with --csv, and is one of four.
    let alone = fails(&db.report(&["--care-team", "--delimiter", ";"]), 2);
    assert!(alone.contains("--csv"), "{alone}");
    let odd = fails(&db.report(&["--care-team", "--csv", "--delimiter", ":"]), 2);
    assert!(odd.contains("\":\" cannot separate the fields"), "{odd}");
}

/// Changes child `id` and adds a contact straight in the store, past the checks of import (an
/// older signaal let control characters in): what the commands print must still be safe.
fn with_controls(db: &Db, id: u64) {
    use signaal::store::{Signature, Store};
    let store = Store::open(std::path::Path::new(db.path())).unwrap();
    let sig = Signature {
        by: "Anouk Jansen".into(),
        at: chrono::DateTime::parse_from_rfc3339("2026-09-01T10:00:00+02:00").unwrap(),
    };
    let mut child = store.child(id).unwrap().unwrap();
    child.last_name = "Bakker\x1b]0;weg\x07\x1b[2J\u{9b}1m".into();
    let action = signaal::domain::AuditAction::ChildEdit;
    store.save_child(&child, action, &sig).unwrap();
    let contact: signaal::domain::Contact = serde_json::from_value(json!({
        "id": 0, "name": "Logopedie Rood", "role": "logopedist",
        "phones": [{ "label": "werk", "number": "030-1234567" }],
    }))
    .unwrap();
    // The store refuses a card with control characters now: they go in with sled, as an
    // older signaal stored them (values are JSON, keys the id's big-endian bytes).
    let mut contact = store.save_contact(&contact, &sig).unwrap();
    store.close().unwrap();
    contact.name = "Logopedie\x1b[31m Rood".into();
    contact.role = "logopedist\r".into();
    contact.phones[0].label = "werk\x07".into();
    db.in_sled(|sled| {
        let contacts = sled.open_tree("contacts").unwrap();
        let value = serde_json::to_vec(&contact).unwrap();
        contacts.insert(contact.id.to_be_bytes(), value).unwrap();
    });
}

/// What the control characters of `with_controls` look like when shown.
const SHOWN_NAME: &str = "Bakker^[]0;weg^G^[[2JM-^[1m";

/// No C0 control character (but a line break and a tab) or C1 one reaches the terminal: a CSV's
/// CRLF line ends are taken out first.
fn no_raw_controls(what: &str, text: &str) {
    let raw: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\t'))
        .collect();
    assert!(raw.is_empty(), "{what}: {raw:?} in {text:?}");
}

#[test]
fn control_characters_from_the_database_reach_the_terminal_shown() {
    let db = Db::demo(&[]);
    let export = db.export();
    let child = arr(&export, "trajectories")
        .iter()
        .find(|t| t["template"] == "vroegsignalering" && t["closed"].is_null())
        .expect("an open step plan in the demo")["child_id"]
        .as_u64()
        .unwrap();
    // Named in the care-team report.
    let named = arr(&export, "children")
        .iter()
        .find(|c| c["id"] == child)
        .is_some_and(|c| c["consent"]["care_team"]["answer"] == "yes");
    with_controls(&db, child);
    let id = child.to_string();
    for args in [
        &["--child", &id][..],
        &["--child", &id, "--dossier"],
        &["--handover", &id, "--for-parents"],
        &["--care-team"],
    ] {
        let text = ok(&db.report(args));
        no_raw_controls(&format!("{args:?}"), &text);
        if !args.contains(&"--care-team") || named {
            shows_as_typed(&text, &[SHOWN_NAME.to_string()]);
        }
    }
    let csv = ok(&db.report(&["--care-team", "--csv"]));
    no_raw_controls("the CSV", &csv.replace("\r\n", "\n"));
    assert_eq!(csv.contains(SHOWN_NAME), named, "{csv}");
    // Through a message too: the document for the school is refused until the handover is
    // written and the parents consented, and the refusal names the child; else it is written.
    let school = db.report(&["--handover", &id]);
    for written in [&school.stdout, &school.stderr] {
        no_raw_controls("--handover", &String::from_utf8_lossy(written));
    }
    if !school.status.success() {
        let message = String::from_utf8_lossy(&school.stderr);
        assert!(message.contains(SHOWN_NAME), "{message}");
    }

    let found = ok(&db.contacts(&["find", "logopedie"]));
    no_raw_controls("contacts find", &found);
    assert!(
        found.starts_with("Logopedie^[[31m Rood\t030-1234567 (werk^G)\tlogopedist\t"),
        "{found:?}"
    );
}
