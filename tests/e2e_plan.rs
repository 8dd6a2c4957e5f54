//! End-to-end tests of the step plan: the real `signaal` binary in a pseudo-terminal on a real
//! database in a temp dir. Starting a trajectory from the plans picker (`p`, Enter), ticking stages
//! (Space), that each tick shown survives kill -9, the Step plan column of the children list,
//! answering the Meldcode's afwegingskader, an overdue expected end, the consent warning before the
//! coach is asked, and closing. What the screen shows is checked against `signaal export`.
//!
//! Names of children, staff, plans, stages and questions are read from the database's export,
//! never hard-coded. Waits are bounded by generous timeouts; nothing measures time.

mod common {
    pub mod cli;
    pub mod demo;
    pub mod pty;
    pub mod screens;
}

use chrono::{Days, NaiveDate};
use common::cli::{run_ok, Db};
use common::demo::{arr, date_of, fresh_demo, id, s, today, uniquely_named_kids, ymd, Kid};
use common::pty::{framed, Tui};
use common::screens::{
    child_row, detail, open_child_screen, press_moves, quit, selected_row, start_on_child,
};
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// The export: trajectories
// ---------------------------------------------------------------------------------------------

/// The English text of the field `key` of `v` (`{"nl": ..., "en": ...}`).
fn en(v: &Value, key: &str) -> String {
    s(&v[key], "en").to_string()
}

/// A child's trajectories, as the export has them.
fn trajectories_of(ex: &Value, child_id: u64) -> Vec<Value> {
    arr(ex, "trajectories")
        .iter()
        .filter(|t| t["child_id"].as_u64() == Some(child_id))
        .cloned()
        .collect()
}

/// The one trajectory of the child (the tests start with children that have none).
fn only_trajectory(ex: &Value, kid: &Kid) -> Value {
    let all = trajectories_of(ex, kid.id);
    assert_eq!(
        all.len(),
        1,
        "exactly one trajectory of {}: {:#}",
        kid.name,
        Value::Array(all.clone())
    );
    all.into_iter().next().unwrap()
}

/// A child without any trajectory whose first name is unique in its group, the `skip`-th such
/// child (tests that need two children take two).
fn kid_without_trajectory(ex: &Value, skip: usize) -> Kid {
    uniquely_named_kids(ex)
        .into_iter()
        .filter(|k| trajectories_of(ex, k.id).is_empty() && consent_of(ex, k.id).is_null())
        .nth(skip)
        .expect("a child without a trajectory in the demo")
}

/// The consent recorded on the child with `id` (null: nothing asked yet).
fn consent_of(ex: &Value, id: u64) -> Value {
    arr(ex, "children")
        .iter()
        .find(|c| c["id"] == id)
        .map_or(Value::Null, |c| c["consent"].clone())
}

/// What each test starts from: a fresh demo database of six groups, its export and the user (`fresh_demo`), the
/// early-signalling plan and the Meldcode, the `skip`-th child without a trajectory (each test
/// takes a child of its own), and the day the test starts.
fn start(skip: usize) -> (Db, Value, String, Plan, Plan, Kid, NaiveDate) {
    // Six groups: enough children without a trajectory for every test, whatever day the demo is
    // made on (the default three groups leave some days only four).
    let (db, ex, user) = fresh_demo(&["--groups", "6"]);
    let (early, meldcode) = (Plan::early(&ex), Plan::meldcode(&ex));
    let kid = kid_without_trajectory(&ex, skip);
    (db, ex, user, early, meldcode, kid, today())
}

/// Whether a YYYY-MM-DD date is one of `days`.
fn on_one_of(date: &str, days: &[NaiveDate]) -> bool {
    days.iter().any(|d| ymd(*d) == date)
}

/// The stage entries of a trajectory in the plan's order: (stage id, done).
fn done_flags(t: &Value) -> Vec<(String, bool)> {
    arr(t, "stages")
        .iter()
        .map(|e| (s(e, "stage").to_string(), e["done"] == true))
        .collect()
}

/// Checks that exactly the first `n` stages are done, each signed by `user` on one of `days`.
fn assert_first_done(t: &Value, n: usize, user: &str, days: &[NaiveDate]) {
    let stages = arr(t, "stages");
    for (i, e) in stages.iter().enumerate() {
        if i < n {
            assert_eq!(e["done"], true, "stage {} is done: {t:#}", i + 1);
            assert_eq!(s(e, "by"), user, "stage {} signed by the user: {e}", i + 1);
            let at = date_of(s(e, "at"));
            assert!(days.contains(&at), "stage {} ticked today: {e}", i + 1);
        } else {
            assert_eq!(e["done"], false, "stage {} is not done: {t:#}", i + 1);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The plans, as the trajectory screen lists them
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Field,
    Stage,
    Consent,
    Question,
    /// The observations that prompted the trajectory, under its first stage.
    Prompts,
}

/// One row of the trajectory screen.
#[derive(Clone, Debug)]
struct Row {
    kind: Kind,
    /// The stage's or question's id ("" for fields and consent rows).
    id: String,
    /// What the row starts with ("Goals:", "3. Talk with parents", a question's start).
    label: String,
}

/// A plan from the export's `plan_templates`.
struct Plan {
    id: String,
    name: String,
    /// The stages: (id, title, help, kind).
    stages: Vec<(String, String, String, String)>,
    rows: Vec<Row>,
    template: Value,
}

/// The question and plan fields, in the order the trajectory screen lists them.
const FIELDS: [&str; 7] = [
    "The child's question",
    "Goals",
    "Actions, who does what",
    "What the parents see",
    "Started",
    "Expected end",
    "Review date",
];
/// A Meldcode trajectory's own fields instead of the question, goals, actions and what the
/// parents see.
const MELDCODE_FIELDS: [&str; 12] = [
    "Signals, with their dates",
    "Consulted (who, when, advice)",
    "Veilig Thuis consulted on",
    "Veilig Thuis's advice",
    "Talk with parents (reaction, or why not)",
    "Decision and reasons",
    "Reported on",
    "Parents told beforehand",
    "Why not told",
    "Started",
    "Expected end",
    "Review date",
];
const CONSENT_COACH: &str = "Consent: consult the coach";
const CONSENT_CARE_TEAM: &str = "Consent: discuss in the care team";
const CONSENT_SCHOOL: &str = "Consent: warm handover to school";

fn plan(ex: &Value, plan_id: &str) -> Plan {
    let template = arr(ex, "plan_templates")
        .iter()
        .find(|p| p["id"] == plan_id)
        .unwrap_or_else(|| panic!("no plan {plan_id:?} in the export"))
        .clone();
    let fields: &[&str] = match plan_id {
        "meldcode" => &MELDCODE_FIELDS,
        _ => &FIELDS,
    };
    let mut rows: Vec<Row> = fields
        .iter()
        .map(|f| Row {
            kind: Kind::Field,
            id: String::new(),
            label: format!("{f}:"),
        })
        .collect();
    let mut stages = Vec::new();
    for (i, stage) in arr(&template, "stages").iter().enumerate() {
        let (sid, title) = (s(stage, "id").to_string(), en(stage, "title"));
        rows.push(Row {
            kind: Kind::Stage,
            id: sid.clone(),
            label: format!("{}. {title}", i + 1),
        });
        // Stage 1 names the observations that prompted it; the Meldcode records its signals.
        if i == 0 && plan_id != "meldcode" {
            rows.push(Row {
                kind: Kind::Prompts,
                id: String::new(),
                label: "    Prompted by:".into(),
            });
        }
        if stage["kind"] == "parents" {
            for label in [CONSENT_COACH, CONSENT_CARE_TEAM, CONSENT_SCHOOL] {
                rows.push(Row {
                    kind: Kind::Consent,
                    id: String::new(),
                    // Rows that belong to a stage are indented under it.
                    label: format!("    {label}"),
                });
            }
        }
        for q in arr(stage, "questions") {
            // Numbered across the plan: they are answered in order. The text after the number
            // may be cut off at the border.
            let number = rows.iter().filter(|r| r.kind == Kind::Question).count() + 1;
            rows.push(Row {
                kind: Kind::Question,
                id: s(q, "id").to_string(),
                label: format!("    Question {number}"),
            });
        }
        stages.push((sid, title, en(stage, "help"), s(stage, "kind").to_string()));
    }
    Plan {
        id: plan_id.to_string(),
        name: en(&template, "name"),
        stages,
        rows,
        template,
    }
}

impl Plan {
    fn early(ex: &Value) -> Plan {
        plan(ex, "vroegsignalering")
    }

    fn meldcode(ex: &Value) -> Plan {
        plan(ex, "meldcode")
    }

    /// The row of the stage numbered `n` (1-based).
    fn stage_row(&self, n: usize) -> usize {
        let sid = &self.stages[n - 1].0;
        self.rows
            .iter()
            .position(|r| r.kind == Kind::Stage && &r.id == sid)
            .unwrap()
    }

    fn row_of(&self, kind: Kind, label_or_id: &str) -> usize {
        self.rows
            .iter()
            .position(|r| {
                r.kind == kind && (r.id == label_or_id || r.label.trim_start() == label_or_id)
            })
            .unwrap_or_else(|| panic!("no {kind:?} row {label_or_id:?} in {}", self.id))
    }

    /// The stage numbered `n` (1-based) that has this kind ("coach", "parents").
    fn stage_of_kind(&self, kind: &str) -> usize {
        self.stages
            .iter()
            .position(|st| st.3 == kind)
            .unwrap_or_else(|| panic!("{} has a {kind} stage", self.id))
            + 1
    }

    /// "3/8 Talk with parents": where a trajectory stands whose first open stage is `n`.
    fn progress(&self, n: usize) -> String {
        format!("{n}/{} {}", self.stages.len(), self.stages[n - 1].1)
    }

    /// The question with this id: (text, yes text, no text).
    fn question(&self, qid: &str) -> (String, String, String) {
        let q = arr(&self.template, "stages")
            .iter()
            .flat_map(|st| arr(st, "questions").iter())
            .find(|q| q["id"] == qid)
            .unwrap_or_else(|| panic!("no question {qid:?} in {}", self.id));
        (en(q, "text"), en(&q["yes"], "text"), en(&q["no"], "text"))
    }
}

// ---------------------------------------------------------------------------------------------
// Screens
// ---------------------------------------------------------------------------------------------

/// The Step plan cell of a child's row in the children list: the text under the column header
/// "Step plan", up to the border, and the width of the column.
fn plan_cell(screen: &str, name: &str) -> Option<(String, usize)> {
    let header = screen
        .lines()
        .find(|l| l.starts_with("│  Name") && l.contains("Step plan"))?;
    let col = header[..header.find("Step plan")?].chars().count();
    let row: Vec<char> = child_row(screen, name)?.chars().collect();
    let end = row.iter().rposition(|c| *c == '│')?;
    let cell: String = row.get(col..end)?.iter().collect();
    Some((cell.trim_end().to_string(), end - col))
}

/// Whether the child's Step plan cell shows where the trajectory stands ("3/8 Talk with
/// parents"), after "! " when it is overdue: the whole text, or as much as fits in the column.
fn shows_plan(screen: &str, name: &str, progress: &str, overdue: bool) -> bool {
    let want = if overdue {
        format!("! {progress}")
    } else {
        progress.to_string()
    };
    plan_cell(screen, name).is_some_and(|(cell, width)| {
        let fits: String = want.chars().take(width).collect();
        cell == fits.trim_end()
    })
}

/// A list row (not the title or the detail pane) that starts with `label` (after the marker and
/// any indentation).
fn list_row<'a>(screen: &'a str, label: &str) -> Option<&'a str> {
    let label = label.trim_start();
    screen.lines().find(|l| {
        l.strip_prefix("│  ")
            .or_else(|| l.strip_prefix("│▶ "))
            .is_some_and(|rest| rest.trim_start().starts_with(label))
    })
}

/// Whether the row starting with `label` ends (before the border) with `right`.
fn row_ends_with(screen: &str, label: &str, right: &str) -> bool {
    list_row(screen, label).is_some_and(|l| l.trim_end_matches('│').trim_end().ends_with(right))
}

/// Whether the stage row shows ticked ("[✓]") or not ("[ ]").
fn stage_ticked(screen: &str, label: &str, ticked: bool) -> bool {
    row_ends_with(screen, label, if ticked { "[✓]" } else { "[ ]" })
}

/// The top border of the shown screen's box, which holds its title (the first line of the
/// screen is the breadcrumb).
fn title_line(screen: &str) -> &str {
    screen.lines().find(|l| l.starts_with('╭')).unwrap_or("")
}

/// The title of the plans picker.
fn picker_title(kid: &Kid) -> String {
    format!("{} · Step plan", kid.name)
}

/// The start of a trajectory's title: the child and where it stands.
fn trajectory_title(kid: &Kid, state: &str) -> String {
    format!("{} · {state}", kid.name)
}

/// `p` on a children list or child screen: waits for the plans picker.
fn open_picker(t: &mut Tui, kid: &Kid) -> String {
    t.send("p");
    let title = picker_title(kid);
    t.expect_until(&format!("{title:?}"), |s| {
        title_line(s).contains(&title) && selected_row(s).is_some()
    })
}

/// The picker's rows, top to bottom (the lines of the list under its header "Name"), without the
/// marker and the borders; a row's last cell still runs up to the border when it was cut off.
fn picker_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| l.strip_prefix("│▶ ").or_else(|| l.strip_prefix("│  ")))
        .skip(1)
        .map(|l| l.strip_suffix('│').unwrap_or(l).to_string())
        .filter(|l| !l.trim().is_empty())
        .collect()
}

/// Whether a picker row shows `want`: whole, or cut off at the border when its column is
/// narrower than the text (then at least half of it).
fn row_shows(row: &str, want: &str) -> bool {
    if row.contains(want) {
        return true;
    }
    let chars: Vec<char> = want.chars().collect();
    !row.ends_with(' ')
        && (chars.len().div_ceil(2)..chars.len())
            .any(|k| row.ends_with(&chars[..k].iter().collect::<String>()))
}

/// `p` (`open_picker`), and checks that the picker lists exactly the rows `want`, top to bottom:
/// (the plan's name the row starts with, what else it says: "open", "+ new trajectory", "closed
/// DATE"); `why` is the order they should come in. Returns the screen and its rows.
fn open_picker_expecting(
    t: &mut Tui,
    kid: &Kid,
    want: &[(&str, &str)],
    why: &str,
) -> (String, Vec<String>) {
    let screen = open_picker(t, kid);
    let rows = picker_rows(&screen);
    assert!(
        rows.len() == want.len()
            && rows
                .iter()
                .zip(want)
                .all(|(r, (name, text))| r.starts_with(name) && r.contains(text)),
        "{why}: {want:?}\n{}",
        framed(&screen)
    );
    (screen, rows)
}

/// In the picker, moves down to the row that contains all of `texts` and presses Enter.
fn pick(t: &mut Tui, texts: &[&str]) {
    let screen = t.screen();
    let rows = picker_rows(&screen);
    let target = rows
        .iter()
        .position(|r| texts.iter().all(|x| r.contains(x)))
        .unwrap_or_else(|| panic!("a picker row with {texts:?}:\n{}", framed(&screen)));
    let at = rows
        .iter()
        .position(|r| selected_row(&screen).is_some_and(|l| l.contains(r.as_str())))
        .expect("a selected picker row");
    for _ in at..target {
        t.key("Down");
    }
    for _ in target..at {
        t.key("Up");
    }
    t.expect_until(&format!("the picker row {texts:?}"), |s| {
        selected_row(s).is_some_and(|l| texts.iter().all(|x| l.contains(x)))
    });
    t.key("Enter");
}

/// Waits for the trajectory screen of `kid` at `state` ("1/8 Notice, observe", "closed ...").
fn expect_trajectory(t: &mut Tui, kid: &Kid, state: &str) -> String {
    let title = trajectory_title(kid, state);
    t.expect_until(&format!("the trajectory {title:?}"), |s| {
        title_line(s).contains(&title)
            && title_line(s).contains("✓ saved ")
            && selected_row(s).is_some()
    })
}

/// In the picker of a child without a trajectory: the plans, the early-signalling plan first
/// and selected; picks `plan` and waits for its new trajectory on its first field.
fn start_trajectory(t: &mut Tui, kid: &Kid, plan: &Plan, all: &[&Plan]) {
    let want: Vec<(&str, &str)> = all
        .iter()
        .map(|p| (p.name.as_str(), "+ new trajectory"))
        .collect();
    let (screen, _) = open_picker_expecting(
        t,
        kid,
        &want,
        "without a trajectory the picker offers only the plans, in order",
    );
    assert!(
        selected_row(&screen).is_some_and(|l| l.contains(&all[0].name)),
        "the early-signalling plan is selected first:\n{}",
        framed(&screen)
    );
    pick(t, &[&plan.name]);
    let screen = expect_trajectory(t, kid, &plan.progress(1));
    assert!(
        selected_row(&screen).is_some_and(|l| l.contains(&plan.rows[0].label)),
        "a new trajectory opens on its first field:\n{}",
        framed(&screen)
    );
}

/// Moves the trajectory's selection from row `from` to row `to` with Down/Up (or j/k) and waits
/// until `to` is selected.
fn move_to(t: &mut Tui, plan: &Plan, from: usize, to: usize, vim: bool) -> String {
    press_moves(t, from, to, vim);
    let label = plan.rows[to].label.clone();
    t.expect_until(&format!("row {to} ({label:?}) selected"), |s| {
        selected_row(s).is_some_and(|l| l.starts_with(&format!("│▶ {label}")))
    })
}

/// Space on the selected stage; waits until its row shows the tick (or no tick) and the title
/// where the trajectory stands now.
fn tick(t: &mut Tui, kid: &Kid, label: &str, ticked: bool, state: &str) -> String {
    t.send(" ");
    let title = trajectory_title(kid, state);
    t.expect_until(
        &format!("{label:?} ticked={ticked}, {title:?}, saved"),
        |s| {
            stage_ticked(s, label, ticked)
                && title_line(s).contains(&title)
                && title_line(s).contains("✓ saved ")
        },
    )
}

/// Esc on a trajectory: back on the children list, where the child's row shows `want`.
fn back_to_list(t: &mut Tui, kid: &Kid, want: impl Fn(&str) -> bool) -> String {
    // `want` is given the whole screen.
    t.key("Esc");
    t.expect_until(
        &format!("back on the children list, {}'s row", kid.name),
        |s| {
            title_line(s).contains("Group ")
                && child_row(s, &kid.name).is_some_and(|l| l.contains('▶'))
                && want(s)
        },
    )
}

/// Whether a popup titled `title` is shown (its top border holds the title).
fn popup_shown(screen: &str, title: &str) -> bool {
    screen
        .lines()
        .skip_while(|l| !l.starts_with('╭'))
        .skip(1)
        .any(|l| l.contains(&format!("╭ {title} ")))
}

/// `Space` on a consent row that is not asked yet: a yes. When the child has several guardians
/// with gezag, signaal asks who gave it: the first is taken (Enter).
fn consent_yes(t: &mut Tui) {
    const ASKED: &str = "Who gave this answer?";
    t.send(" ");
    let screen = t.expect_until("a yes, or who gave it asked", |s| {
        popup_shown(s, ASKED) || list_row(s, CONSENT_COACH).is_some_and(|l| l.contains("yes"))
    });
    if popup_shown(&screen, ASKED) {
        t.key("Enter");
    }
}

/// The coach consent recorded on `kid` (a yes, given by a guardian with gezag), checking that
/// the trajectory `tr` keeps none of its own: consent is the child's.
fn coach_consent_on_the_child(ex: &Value, tr: &Value, kid: &Kid) -> Value {
    assert!(tr.get("consent").is_none(), "{tr:#}");
    let consent = consent_of(ex, kid.id);
    assert_eq!(consent["coach"]["answer"], "yes", "{consent:#}");
    assert!(
        !s(&consent["coach"], "given_by").is_empty(),
        "a guardian with gezag gave it: {consent:#}"
    );
    consent
}

/// Waits for the popup titled `title`, with `texts` in it.
fn expect_popup(t: &mut Tui, title: &str, texts: &[&str]) -> String {
    t.expect_until(&format!("the popup {title:?} with {texts:?}"), |s| {
        popup_shown(s, title) && texts.iter().all(|x| s.contains(x))
    })
}

/// Whether the focused text field labelled `label` of a popup holds exactly `value` (the cursor
/// follows it).
fn field_holds(screen: &str, label: &str, value: &str) -> bool {
    screen.lines().any(|l| {
        l.find(label).is_some_and(|i| {
            l[i + label.len()..]
                .trim_start()
                .starts_with(&format!("{value}▏"))
        })
    })
}

/// Empties the focused text field of a popup: as many Backspaces as `value` has characters.
fn clear_field(t: &mut Tui, value: &str) {
    for _ in 0..value.chars().count() {
        t.key("Backspace");
    }
}

/// The label of an optional date field; its hint names the shapes it takes.
const DATE_OR_EMPTY: &str = "Date (empty: none)";
const DATE_HINT: &str = "Date: YYYY-MM-DD or DD-MM-YYYY";

/// On a date field's row: `key` ("e" or "Enter") opens its popup holding `old`; it is emptied,
/// `new` typed and saved; waits until the row shows `new` (flagged "!" when `late`).
fn set_date(t: &mut Tui, field: &str, key: &str, old: &str, new: &str, late: bool) -> String {
    if key == "Enter" {
        t.key("Enter");
    } else {
        t.send(key);
    }
    t.expect_until(&format!("the popup {field:?} holding {old:?}"), |s| {
        popup_shown(s, field) && field_holds(s, DATE_OR_EMPTY, old)
    });
    clear_field(t, old);
    t.send(new);
    t.expect_until(&format!("{new:?} typed"), |s| {
        field_holds(s, DATE_OR_EMPTY, new)
    });
    t.key("Enter");
    let label = format!("{field}:");
    t.expect_until(
        &format!("the row {label:?} showing {new:?}, late={late}"),
        |s| {
            !popup_shown(s, field)
                && list_row(s, &label).is_some_and(|l| {
                    let text = format!("{label} {new}");
                    l.contains(text.trim_end())
                        && (old.is_empty() || old == new || !l.contains(old))
                        && l.contains('!') == late
                })
        },
    )
}

/// From the children list with the child selected: `p`, and Enter on its open trajectory of
/// `plan`, which stands at `state` ("3/8 ..."); waits for it on the row of its current stage
/// (the first not done), and returns that row.
fn reopen(t: &mut Tui, kid: &Kid, plan: &Plan, state: &str) -> usize {
    open_picker(t, kid);
    pick(t, &[&plan.name, "open"]);
    let screen = expect_trajectory(t, kid, state);
    let stage: usize = state
        .split('/')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no stage number in {state:?}"));
    let row = plan.stage_row(stage);
    assert!(
        selected_row(&screen).is_some_and(|l| l.contains(&plan.rows[row].label)),
        "opened on the current stage {:?}:\n{}",
        plan.rows[row].label,
        framed(&screen)
    );
    row
}

// ---------------------------------------------------------------------------------------------
// 1. Acceptance: a new early-signalling trajectory, two stages ticked
// ---------------------------------------------------------------------------------------------

#[test]
fn first_two_stages_ticked_on_a_new_trajectory() {
    let (db, ex, user, early, meldcode, kid, day0) = start(0);
    let all_before = arr(&ex, "trajectories").len();

    let mut t = start_on_child(&db, &ex, &kid, &user);
    start_trajectory(&mut t, &kid, &early, &[&early, &meldcode]);
    // The first rows are the six fields; stage 1 is reached by moving down past them, the
    // section title "Stages" is not a row.
    let screen = t.screen();
    assert!(
        screen.contains("Question and plan") && screen.contains("Stages"),
        "the section titles:\n{}",
        framed(&screen)
    );
    let first = early.stage_row(1);
    assert_eq!(first, FIELDS.len());
    let screen = move_to(&mut t, &early, 0, first, false);
    assert!(
        detail(&screen).contains(&early.stages[0].2),
        "the detail pane explains stage 1:\n{}",
        framed(&screen)
    );
    let s1 = early.rows[first].label.clone();
    let s2 = early.rows[early.stage_row(2)].label.clone();
    assert!(stage_ticked(&screen, &s1, false) && stage_ticked(&screen, &s2, false));
    tick(&mut t, &kid, &s1, true, &early.progress(2));
    move_to(&mut t, &early, first, early.stage_row(2), false);
    let screen = tick(&mut t, &kid, &s2, true, &early.progress(3));
    let d = detail(&screen);
    assert!(
        d.contains(&format!("Last changed by {user} on ")),
        "the detail pane says who ticked it:\n{}",
        framed(&screen)
    );
    assert!(
        stage_ticked(&screen, &s1, true)
            && (3..=early.stages.len()).all(|n| stage_ticked(
                &screen,
                &early.rows[early.stage_row(n)].label,
                false
            )),
        "stages 1 and 2 ticked, the others not:\n{}",
        framed(&screen)
    );
    quit(&mut t);
    let days = [day0, today()];

    let ex = db.export();
    assert_eq!(
        arr(&ex, "trajectories").len(),
        all_before + 1,
        "one new trajectory"
    );
    let tr = only_trajectory(&ex, &kid);
    assert_eq!(s(&tr, "template"), "vroegsignalering", "{tr:#}");
    assert!(on_one_of(s(&tr, "started"), &days), "started today: {tr:#}");
    assert_eq!(s(&tr, "by"), user, "started by the user: {tr:#}");
    assert_eq!(
        done_flags(&tr)
            .iter()
            .map(|(st, _)| st.clone())
            .collect::<Vec<_>>(),
        early
            .stages
            .iter()
            .map(|st| st.0.clone())
            .collect::<Vec<_>>(),
        "one entry per stage, in the plan's order"
    );
    assert_first_done(&tr, 2, &user, &days);
    assert!(tr["closed"].is_null(), "still open: {tr:#}");
}

// ---------------------------------------------------------------------------------------------
// 2. Acceptance: the children list shows where the trajectory stands; ticks survive kill -9
// ---------------------------------------------------------------------------------------------

#[test]
fn children_list_shows_the_stage_and_every_tick_survives_kill_9() {
    let (db, ex, user, early, meldcode, kid, day0) = start(1);
    let coach = early.stage_of_kind("coach");

    let mut t = start_on_child(&db, &ex, &kid, &user);
    t.expect_until("the Step plan column, empty for the child", |s| {
        s.contains("Step plan")
            && child_row(s, &kid.name).is_some_and(|l| !l.contains("/8 ") && !l.contains("/5 "))
    });
    start_trajectory(&mut t, &kid, &early, &[&early, &meldcode]);
    let mut at = 0;
    for n in 1..=2 {
        move_to(&mut t, &early, at, early.stage_row(n), n == 2);
        at = early.stage_row(n);
        tick(
            &mut t,
            &kid,
            &early.rows[at].label,
            true,
            &early.progress(n + 1),
        );
    }
    // Esc goes back to where `p` was pressed: the list shows the current stage.
    back_to_list(&mut t, &kid, |s| {
        shows_plan(s, &kid.name, &early.progress(3), false)
    });

    // `p` again: the open trajectory comes first, with where it stands.
    let (screen, rows) = open_picker_expecting(
        &mut t,
        &kid,
        &[(&early.name, "open"), (&meldcode.name, "+ new trajectory")],
        "the open trajectory first, then a new one with the other plan",
    );
    assert!(
        row_shows(&rows[0], &early.progress(3)),
        "the open trajectory shows where it stands:\n{}",
        framed(&screen)
    );
    pick(&mut t, &[&early.name, "open"]);
    let screen = expect_trajectory(&mut t, &kid, &early.progress(3));
    // Opened again, it starts on its current stage, the first not done.
    at = early.stage_row(3);
    assert!(
        selected_row(&screen).is_some_and(|l| l.contains(&early.rows[at].label)),
        "{}",
        framed(&screen)
    );

    // Stage 3 ticked, then kill -9 as soon as the screen shows it; then each next stage in a
    // new run of the app, ending in kill -9 each time.
    let mut trajectory_id = None;
    let mut first = Some(t);
    for (round, n) in (3..=coach + 2).enumerate() {
        let mut t = match first.take() {
            Some(t) => t,
            None => start_on_child(&db, &ex, &kid, &user),
        };
        if round > 0 {
            // Reopened: the list shows where it stands after the last tick.
            t.expect_until(
                &format!("round {round}: the list shows {:?}", early.progress(n)),
                |s| shows_plan(s, &kid.name, &early.progress(n), false),
            );
            // Every other round from the child screen (Enter on the child, then `p`).
            if round % 2 == 1 {
                open_child_screen(&mut t, &kid);
            }
            open_picker(&mut t, &kid);
            pick(&mut t, &[&early.name, "open"]);
            expect_trajectory(&mut t, &kid, &early.progress(n));
            at = early.stage_row(n);
        }
        let row = early.stage_row(n);
        if n == coach {
            // The parents consented: no warning before the coach is asked.
            let consent = early.row_of(Kind::Consent, CONSENT_COACH);
            move_to(&mut t, &early, at, consent, false);
            consent_yes(&mut t);
            t.expect_until("consent: yes", |s| row_ends_with(s, CONSENT_COACH, "yes"));
            at = consent;
        }
        move_to(&mut t, &early, at, row, round % 2 == 1);
        let label = early.rows[row].label.clone();
        let screen = tick(&mut t, &kid, &label, true, &early.progress(n + 1));
        assert!(
            !screen.contains("Coach without consent?"),
            "no consent warning:\n{}",
            framed(&screen)
        );
        // Immediately: no chance to write anything more.
        t.kill();
        drop(t);

        let ex = db.export();
        let tr = only_trajectory(&ex, &kid);
        match trajectory_id {
            None => trajectory_id = Some(id(&tr)),
            Some(was) => assert_eq!(id(&tr), was, "round {round}: the same trajectory"),
        }
        assert_first_done(&tr, n, &user, &[day0, today()]);
    }
    // A last run: the list shows the stage after the last tick.
    let n = coach + 3;
    let mut t = start_on_child(&db, &ex, &kid, &user);
    t.expect_until(&format!("the list shows {:?}", early.progress(n)), |s| {
        shows_plan(s, &kid.name, &early.progress(n), false)
    });
    quit(&mut t);
    let out = run_ok(&["check", "--db", db.path()]);
    assert!(out.status.success());
    let ex = db.export();
    let tr = only_trajectory(&ex, &kid);
    // The consent is the child's; the trajectory keeps none.
    coach_consent_on_the_child(&ex, &tr, &kid);
}

// ---------------------------------------------------------------------------------------------
// 3. Acceptance: the Meldcode's afwegingskader
// ---------------------------------------------------------------------------------------------

#[test]
fn meldcode_answer_that_means_a_report_names_veilig_thuis() {
    let (db, ex, user, early, meldcode, kid, day0) = start(2);
    let row = meldcode.row_of(Kind::Question, "afweging.2");
    let label = meldcode.rows[row].label.clone();
    let (_, yes, no) = meldcode.question("afweging.2");
    assert!(
        yes.contains("Veilig Thuis") && yes.contains("0800-2000"),
        "the plan's wording: {yes:?}"
    );

    let mut t = start_on_child(&db, &ex, &kid, &user);
    start_trajectory(&mut t, &kid, &meldcode, &[&early, &meldcode]);
    // The questions sit under their stage; vim keys move too. Question 1 is answered first.
    let first = meldcode.row_of(Kind::Question, "afweging.1");
    move_to(&mut t, &meldcode, 0, first, true);
    let first_label = meldcode.rows[first].label.clone();
    t.send(" ");
    t.expect_until("question 1 answered yes", |s| {
        row_ends_with(s, &first_label, "yes")
    });
    let screen = move_to(&mut t, &meldcode, first, row, true);
    let (yes_line, no_line) = (format!("yes: {yes}"), format!("no: {no}"));
    assert!(
        row_ends_with(&screen, &label, "open")
            && detail(&screen).contains(&yes_line)
            && detail(&screen).contains(&no_line),
        "unanswered, the detail pane gives what follows from either answer:\n{}",
        framed(&screen)
    );
    assert!(
        meldcode
            .rows
            .iter()
            .filter(|r| r.kind == Kind::Question && r.label != first_label)
            .all(|r| row_ends_with(&screen, &r.label, "open")),
        "every other question open:\n{}",
        framed(&screen)
    );

    // Space: yes, no, open, and yes again.
    let steps = [
        ("yes", Some(&yes_line)),
        ("no", Some(&no_line)),
        ("open", None),
        ("yes", Some(&yes_line)),
    ];
    for (answer, consequence) in steps {
        t.send(" ");
        let screen = t.expect_until(&format!("{label:?} answered {answer:?}"), |s| {
            let d = detail(s);
            row_ends_with(s, &label, answer)
                && match consequence {
                    Some(line) => d.starts_with(line.as_str()),
                    None => d.contains(&yes_line) && d.contains(&no_line),
                }
        });
        if answer == "yes" {
            assert!(
                !detail(&screen).contains(&no_line)
                    && screen.contains("Veilig Thuis")
                    && screen.contains("0800-2000"),
                "a yes means a report to Veilig Thuis:\n{}",
                framed(&screen)
            );
        }
    }

    // With that answer, closing proposes a report to Veilig Thuis; Esc cancels.
    t.send("x");
    expect_popup(
        &mut t,
        "Close the trajectory",
        &["‹ report to Veilig Thuis ›"],
    );
    t.key("Esc");
    t.expect_until("the close popup gone", |s| {
        !popup_shown(s, "Close the trajectory") && title_line(s).contains(&meldcode.progress(1))
    });
    quit(&mut t);
    let days = [day0, today()];

    let ex = db.export();
    let tr = only_trajectory(&ex, &kid);
    assert_eq!(s(&tr, "template"), "meldcode", "{tr:#}");
    assert!(on_one_of(s(&tr, "started"), &days), "{tr:#}");
    let answers = arr(&tr, "answers");
    assert_eq!(answers.len(), 2, "two answers: {tr:#}");
    assert_eq!(s(&answers[0], "question"), "afweging.1", "{tr:#}");
    let a = &answers[1];
    assert_eq!(s(a, "question"), "afweging.2", "{a}");
    assert_eq!(a["yes"], true, "{a}");
    assert_eq!(s(a, "by"), user, "{a}");
    assert!(days.contains(&date_of(s(a, "at"))), "{a}");
    assert_first_done(&tr, 0, &user, &days);
    assert!(tr["closed"].is_null(), "Esc closed nothing: {tr:#}");
}

#[test]
fn meldcode_questions_are_answered_in_order() {
    let (db, ex, user, early, meldcode, kid, _) = start(0);
    let rows: Vec<usize> = (1..=5)
        .map(|n| meldcode.row_of(Kind::Question, &format!("afweging.{n}")))
        .collect();
    let label = |n: usize| meldcode.rows[rows[n - 1]].label.clone();

    let mut t = start_on_child(&db, &ex, &kid, &user);
    start_trajectory(&mut t, &kid, &meldcode, &[&early, &meldcode]);
    // Question 2 before question 1: refused with why, and still open.
    move_to(&mut t, &meldcode, 0, rows[1], false);
    t.send(" ");
    let refused = "Answer question 1 first: the afwegingskader's questions are answered in order.";
    t.expect_until("question 2 refused before question 1", |s| {
        s.contains(refused) && row_ends_with(s, &label(2), "open")
    });
    // 1 and then 2, both yes: acute or structural unsafety means a report, so questions 3 to 5
    // are answered together with Veilig Thuis.
    move_to(&mut t, &meldcode, rows[1], rows[0], false);
    t.send(" ");
    t.expect_until("question 1 answered", |s| {
        row_ends_with(s, &label(1), "yes")
    });
    move_to(&mut t, &meldcode, rows[0], rows[1], false);
    t.send(" ");
    let screen = t.expect_until("question 2 answered, 3 to 5 with Veilig Thuis", |s| {
        row_ends_with(s, &label(2), "yes")
            && (3..=5).all(|n| {
                list_row(s, &label(n))
                    .is_some_and(|l| l.contains(&format!("Question {n}, together with Veilig")))
            })
    });
    assert!(
        list_row(&screen, &label(2)).is_some_and(|l| !l.contains("together with")),
        "question 2 itself is not weighed with Veilig Thuis:\n{}",
        framed(&screen)
    );
    // Question 1 stays as it is while question 2 is answered.
    move_to(&mut t, &meldcode, rows[1], rows[0], false);
    t.send(" ");
    t.expect_until("question 1 unchanged", |s| {
        s.contains("Question 2 is answered already: set it back to open first.")
            && row_ends_with(s, &label(1), "yes")
    });
    quit(&mut t);

    let ex = db.export();
    let tr = only_trajectory(&ex, &kid);
    let answers: Vec<(&str, bool)> = arr(&tr, "answers")
        .iter()
        .map(|a| (s(a, "question"), a["yes"] == true))
        .collect();
    assert_eq!(
        answers,
        [("afweging.1", true), ("afweging.2", true)],
        "only the answers given in order: {tr:#}"
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Acceptance: an expected end in the past stands out in the children list
// ---------------------------------------------------------------------------------------------

#[test]
fn expected_end_in_the_past_flags_the_child_in_the_list() {
    let (db, ex, user, early, meldcode, kid, day0) = start(3);
    let past = ymd(day0 - Days::new(60));
    let future = ymd(day0 + Days::new(60));
    let end = early.row_of(Kind::Field, "Expected end:");
    let review = early.row_of(Kind::Field, "Review date:");
    let progress = early.progress(1);

    let started = early.row_of(Kind::Field, "Started:");
    let start = ymd(day0 - Days::new(90));

    let mut t = start_on_child(&db, &ex, &kid, &user);
    start_trajectory(&mut t, &kid, &early, &[&early, &meldcode]);
    // Started three months ago, so that an end two months ago comes after the start.
    move_to(&mut t, &early, 0, started, false);
    t.send("e");
    let date_only = "Date  ";
    t.expect_until("the start date in its popup", |s| {
        popup_shown(s, "Started") && field_holds(s, date_only, &ymd(day0))
    });
    clear_field(&mut t, &ymd(day0));
    t.send(&start);
    t.key("Enter");
    t.expect_until("the start date saved", |s| {
        !popup_shown(s, "Started")
            && list_row(s, "Started:").is_some_and(|l| l.contains(&format!("Started: {start}")))
    });
    move_to(&mut t, &early, started, end, false);
    // A bad date keeps the popup open with an error.
    t.send("e");
    expect_popup(&mut t, "Expected end", &[DATE_OR_EMPTY, DATE_HINT]);
    t.send("2026-02-30");
    t.expect("2026-02-30▏");
    t.key("Enter");
    expect_popup(
        &mut t,
        "Expected end",
        &["There is no date \"2026-02-30\".", "2026-02-30▏"],
    );
    clear_field(&mut t, "2026-02-30");
    t.send(&past);
    t.expect_until("the past date typed", |s| {
        field_holds(s, DATE_OR_EMPTY, &past)
    });
    t.key("Enter");
    let label = "Expected end:";
    t.expect_until("the expected end saved, flagged", |s| {
        !popup_shown(s, "Expected end")
            && list_row(s, label).is_some_and(|l| {
                l.contains(&format!("{label} {past}")) && row_ends_with(s, label, "!")
            })
    });
    back_to_list(&mut t, &kid, |s| shows_plan(s, &kid.name, &progress, true));
    // The picker flags the trajectory too.
    let screen = open_picker(&mut t, &kid);
    assert!(
        picker_rows(&screen)[0].contains("! open"),
        "the overdue trajectory in the picker:\n{}",
        framed(&screen)
    );
    t.key("Esc");
    t.expect_until("back on the list", |s| {
        shows_plan(s, &kid.name, &progress, true)
    });
    quit(&mut t);
    let ex = db.export();
    let tr = only_trajectory(&ex, &kid);
    assert_eq!(s(&tr, "expected_end"), past, "{tr:#}");
    assert!(tr["review"].is_null(), "{tr:#}");

    // A review date ahead (Enter opens the field too) flags nothing; emptying the expected end
    // takes the flag away.
    let mut t = start_on_child(&db, &ex, &kid, &user);
    t.expect_until("still flagged after a restart", |s| {
        shows_plan(s, &kid.name, &progress, true)
    });
    let at = reopen(&mut t, &kid, &early, &progress);
    move_to(&mut t, &early, at, review, true);
    set_date(&mut t, "Review date", "Enter", "", &future, false);
    move_to(&mut t, &early, review, end, false);
    set_date(&mut t, "Expected end", "e", &past, "", false);
    back_to_list(&mut t, &kid, |s| shows_plan(s, &kid.name, &progress, false));
    quit(&mut t);
    let ex = db.export();
    let tr = only_trajectory(&ex, &kid);
    assert!(tr["expected_end"].is_null(), "emptied: {tr:#}");
    assert_eq!(s(&tr, "review"), future, "{tr:#}");
}

// ---------------------------------------------------------------------------------------------
// 5. Acceptance: the coach without the parents' consent
// ---------------------------------------------------------------------------------------------

const REASON: &str = "ouders onbereikbaar, ë ĳ";
const CONSENT_WARNING: &str = "have not (yet) consented";

#[test]
fn coach_stage_without_consent_asks_why_first() {
    let (db, ex, user, early, meldcode, kid, day0) = start(4);
    let n = early.stage_of_kind("coach");
    let row = early.stage_row(n);
    let label = early.rows[row].label.clone();
    let progress = early.progress(1);
    let popup = "Coach without consent?";
    let coach_entry = |tr: &Value| arr(tr, "stages")[n - 1].clone();

    // Space asks first; Esc cancels and ticks nothing.
    let mut t = start_on_child(&db, &ex, &kid, &user);
    start_trajectory(&mut t, &kid, &early, &[&early, &meldcode]);
    let screen = move_to(&mut t, &early, 0, row, false);
    assert!(
        detail(&screen).contains(CONSENT_WARNING),
        "the detail pane warns before anything is ticked:\n{}",
        framed(&screen)
    );
    t.send(" ");
    expect_popup(&mut t, popup, &[CONSENT_WARNING, "Reason"]);
    t.key("Esc");
    t.expect_until("the popup gone, nothing ticked", |s| {
        !popup_shown(s, popup)
            && stage_ticked(s, &label, false)
            && title_line(s).contains(&trajectory_title(&kid, &progress))
    });
    quit(&mut t);
    let ex = db.export();
    let tr = only_trajectory(&ex, &kid);
    let entry = coach_entry(&tr);
    assert_eq!(entry["done"], false, "Esc ticked nothing: {entry}");
    assert!(entry.get("without_consent").is_none(), "{entry}");
    assert_first_done(&tr, 0, &user, &[day0, today()]);

    // An empty reason is refused; with a reason it is ticked and the reason kept.
    let mut t = start_on_child(&db, &ex, &kid, &user);
    let at = reopen(&mut t, &kid, &early, &progress);
    move_to(&mut t, &early, at, row, true);
    t.send(" ");
    expect_popup(&mut t, popup, &[CONSENT_WARNING]);
    t.key("Enter");
    expect_popup(&mut t, popup, &["Write down why, or Esc to cancel."]);
    t.send(REASON);
    t.expect_until("the reason typed", |s| field_holds(s, "Reason", REASON));
    t.key("Enter");
    let screen = t.expect_until("the coach stage ticked with its reason", |s| {
        !popup_shown(s, popup)
            && stage_ticked(s, &label, true)
            && detail(s).contains(&format!("{popup}: {REASON}"))
            && title_line(s).contains(&trajectory_title(&kid, &progress))
            && title_line(s).contains("✓ saved ")
    });
    // Ticked ahead of the earlier stages: allowed, and shown.
    assert!(
        list_row(&screen, &label).is_some_and(|l| l.contains('!'))
            && detail(&screen).contains("Ticked before an earlier stage"),
        "the stage is marked as ticked out of order:\n{}",
        framed(&screen)
    );
    quit(&mut t);
    let days = [day0, today()];
    let ex = db.export();
    let tr = only_trajectory(&ex, &kid);
    let entry = coach_entry(&tr);
    assert_eq!(entry["done"], true, "{entry}");
    assert_eq!(
        s(&entry, "without_consent"),
        REASON,
        "the reason, UTF-8 intact: {entry}"
    );
    assert_eq!(s(&entry, "by"), user, "{entry}");
    assert!(days.contains(&date_of(s(&entry, "at"))), "{entry}");
    assert!(
        consent_of(&ex, kid.id).is_null() && tr.get("consent").is_none(),
        "no consent recorded: {tr:#}"
    );

    // With the parents' consent: untick and tick again, and no question is asked.
    let mut t = start_on_child(&db, &ex, &kid, &user);
    let at = reopen(&mut t, &kid, &early, &progress);
    let consent = early.row_of(Kind::Consent, CONSENT_COACH);
    move_to(&mut t, &early, at, consent, false);
    consent_yes(&mut t);
    t.expect_until("consent: yes", |s| {
        row_ends_with(s, CONSENT_COACH, "yes") && row_ends_with(s, CONSENT_SCHOOL, "not asked yet")
    });
    move_to(&mut t, &early, consent, row, false);
    tick(&mut t, &kid, &label, false, &progress);
    let screen = tick(&mut t, &kid, &label, true, &progress);
    assert!(
        !popup_shown(&screen, popup)
            && !detail(&screen).contains(CONSENT_WARNING)
            && !detail(&screen).contains(&format!("{popup}:")),
        "with consent, no warning and no reason:\n{}",
        framed(&screen)
    );
    quit(&mut t);
    let ex = db.export();
    let tr = only_trajectory(&ex, &kid);
    let entry = coach_entry(&tr);
    assert_eq!(entry["done"], true, "{entry}");
    assert!(
        entry.get("without_consent").is_none(),
        "unticking dropped the reason: {entry}"
    );
    // Recorded on the child, by who was at the keyboard; the trajectory keeps none.
    let consent = coach_consent_on_the_child(&ex, &tr, &kid);
    assert_eq!(s(&consent["coach"], "by"), user, "{consent:#}");
    assert!(consent["school"].is_null(), "{consent:#}");
    assert!(consent["care_team"].is_null(), "{consent:#}");
}

// ---------------------------------------------------------------------------------------------
// 6. Closing
// ---------------------------------------------------------------------------------------------

#[test]
fn closing_keeps_the_trajectory_and_offers_a_new_one() {
    let (db, ex, user, early, meldcode, kid, day0) = start(5);
    let days = [day0, day0.succ_opt().unwrap()];
    let first = early.stage_row(1);
    let s1 = early.rows[first].label.clone();

    let mut t = start_on_child(&db, &ex, &kid, &user);
    start_trajectory(&mut t, &kid, &early, &[&early, &meldcode]);
    move_to(&mut t, &early, 0, first, false);
    tick(&mut t, &kid, &s1, true, &early.progress(2));

    // `x`: the outcome (Left/Right choose) and today's date.
    t.send("x");
    let popup = "Close the trajectory";
    let screen = expect_popup(&mut t, popup, &["‹ continues in the group ›", "Date  "]);
    assert!(
        days.iter().any(|d| screen.contains(&ymd(*d))),
        "today's date proposed:\n{}",
        framed(&screen)
    );
    t.key("Right");
    expect_popup(&mut t, popup, &["‹ fitting care route (referral) ›"]);
    t.key("Left");
    expect_popup(&mut t, popup, &["‹ continues in the group ›"]);
    t.key("Enter");
    // Asked once more: Enter is no and brings the form back; `j` closes.
    t.expect("with outcome continues in the group?");
    t.key("Enter");
    expect_popup(&mut t, popup, &["‹ continues in the group ›"]);
    t.key("Enter");
    t.expect("with outcome continues in the group?");
    t.send("j");
    let screen = t.expect_until("the trajectory closed", |s| {
        !popup_shown(s, popup)
            && days.iter().any(|d| {
                title_line(s).contains(&trajectory_title(
                    &kid,
                    &format!("closed {}: continues in the group", ymd(*d)),
                ))
            })
    });
    let closed_on = days
        .iter()
        .map(|d| ymd(*d))
        .find(|d| title_line(&screen).contains(&format!("closed {d}")))
        .unwrap();
    // A closed trajectory stays as it is.
    t.send(" ");
    t.expect_until("a closed trajectory refuses a tick", |s| {
        s.contains("This trajectory is closed and stays as it is.") && stage_ticked(s, &s1, true)
    });

    // Back on the list: no open trajectory, so no stage.
    back_to_list(&mut t, &kid, |s| {
        plan_cell(s, &kid.name).is_some_and(|(cell, _)| cell.is_empty())
    });
    // `p`: new trajectories with both plans first, then the closed one.
    let closed = format!("closed {closed_on}");
    let (screen, _) = open_picker_expecting(
        &mut t,
        &kid,
        &[
            (&early.name, "+ new trajectory"),
            (&meldcode.name, "+ new trajectory"),
            (&early.name, &closed),
        ],
        "the plans to start, then the closed trajectory",
    );
    assert!(
        selected_row(&screen)
            .is_some_and(|l| l.contains("+ new trajectory") && l.contains(&early.name)),
        "{}",
        framed(&screen)
    );
    // The closed one opens as it was.
    pick(&mut t, &[&early.name, "closed"]);
    let screen = expect_trajectory(
        &mut t,
        &kid,
        &format!("closed {closed_on}: continues in the group"),
    );
    assert!(stage_ticked(&screen, &s1, true), "{}", framed(&screen));
    back_to_list(&mut t, &kid, |s| {
        plan_cell(s, &kid.name).is_some_and(|(cell, _)| cell.is_empty())
    });
    // A new early-signalling trajectory starts again.
    open_picker(&mut t, &kid);
    pick(&mut t, &[&early.name, "+ new trajectory"]);
    expect_trajectory(&mut t, &kid, &early.progress(1));
    back_to_list(&mut t, &kid, |s| {
        shows_plan(s, &kid.name, &early.progress(1), false)
    });
    quit(&mut t);

    let ex = db.export();
    let all = trajectories_of(&ex, kid.id);
    assert_eq!(all.len(), 2, "the closed and the new trajectory: {all:#?}");
    let closed: Vec<&Value> = all.iter().filter(|t| !t["closed"].is_null()).collect();
    assert_eq!(closed.len(), 1, "{all:#?}");
    let c = &closed[0]["closed"];
    assert_eq!(s(c, "outcome"), "continues_in_group", "{c}");
    assert_eq!(s(c, "date"), closed_on, "{c}");
    assert_eq!(s(c, "by"), user, "{c}");
    assert_first_done(closed[0], 1, &user, &days);
    let open: Vec<&Value> = all.iter().filter(|t| t["closed"].is_null()).collect();
    assert_eq!(s(open[0], "template"), "vroegsignalering");
    assert_first_done(open[0], 0, &user, &days);
    assert!(id(open[0]) != id(closed[0]));
}
