//! `signaal report --care-team`: the open trajectories of every child, for the monthly care-team
//! meeting (zorgoverleg) of care coordinator, coaches and staff. Markdown in the chosen language,
//! or CSV (RFC 4180) with English column names for spreadsheets and other tools.
//!
//! Everything is seen from one reference day: the last day of the month asked for (today when it
//! is the current month), or today. A trajectory is open on that day when it started on or before
//! it and was not closed by then; the stage reached is counted from the stages ticked by then
//! (`Trajectory::as_on`), its days open and what was overdue are reckoned on that day. Dates
//! and free text are shown as they stand now: the database keeps no history of them.
//!
//! Outside coaches and a district manager sit in that meeting: a child whose parents did not
//! consent to `care_team` (`access::named_in_care_team`) is shown as "Kind A (2 jr 3 mnd)", the
//! letters in order within the report, without its id; a consent column gives the state.

use std::cmp::Reverse;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::fmt::Write as _;

use anyhow::Result;
use chrono::{Datelike, Months, NaiveDate};

use super::markdown::inline;
use super::redact::without_name;
use super::sheet::CsvStyle;
use crate::domain::plan::{Closing, Overdue, PlanTemplate, Progress, Trajectory};
use crate::domain::{access, Catalogue, Child, ConsentAnswer, ConsentTo, Group, Id, Role, Staff};
use crate::i18n::report::R;
use crate::i18n::Lang;
use crate::search::fold;
use crate::store::Store;

/// The CSV header; the names stay English in both languages (a machine format). Tools read it:
/// a new column goes at the end, none is renamed or moved. `care_team_consent` is `yes`, `no` or
/// `not_asked`; a child without that consent has an empty `child_id` and its alias as `child`.
/// `actions` is what is being done (the trajectory's actions), `coach` the coaches linked to the
/// child's group (names joined by ", "), `asked_by` who started the trajectory.
pub const CSV_HEADER: [&str; 18] = [
    "child_id",
    "child",
    "group",
    "plan",
    "question",
    "stage",
    "stage_number",
    "stages",
    "started",
    "expected_end",
    "review",
    "days_open",
    "review_overdue",
    "end_overdue",
    "care_team_consent",
    "actions",
    "coach",
    "asked_by",
];

/// The day the overview is about: the last day of `month` (given as its first day), or `today`
/// when that month is the current one and not over yet (a later month keeps its last day, to
/// see ahead what will be overdue by then); without a month, `today`.
pub fn reference_day(month: Option<NaiveDate>, today: NaiveDate) -> NaiveDate {
    let Some(first) = month else {
        return today;
    };
    let last = first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(first);
    match (first..=last).contains(&today) {
        true => today,
        false => last,
    }
}

/// Whether a trajectory was open on `day`: started on or before it, and not closed or closed
/// only after it.
pub fn open_on(trajectory: &Trajectory, day: NaiveDate) -> bool {
    trajectory.started <= day && trajectory.closed.as_ref().is_none_or(|c| c.date > day)
}

/// Whether the report of the month of `day` (seen from `day`) has a trajectory: open on `day`,
/// or closed in that month on or before `day` (its "closed this month" section).
pub fn in_month(trajectory: &Trajectory, day: NaiveDate) -> bool {
    let first = first_of_month(day);
    open_on(trajectory, day)
        || (trajectory.closed.as_ref()).is_some_and(|c| (first..=day).contains(&c.date))
}

/// The first day of the month `day` is in.
fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// One trajectory of the overview: open on the reference day, or closed earlier in its month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub child_id: Id,
    /// The child's full name, or its alias ("Kind A (2 jr 3 mnd)") when `named` is false.
    pub child: String,
    /// Whether the parents consented to naming the child in the care-team meeting.
    pub named: bool,
    /// The parents' `care_team` answer; `None`: not asked yet.
    pub consent: Option<ConsentAnswer>,
    pub archived: bool,
    pub group: String,
    pub plan: String,
    pub question: String,
    /// What is being done: the trajectory's actions (the child's name left out for an alias).
    pub actions: String,
    /// The coaches linked to the child's group, names joined by ", "; empty when none is.
    pub coach: String,
    /// Who started the trajectory: the staff member who asked for support.
    pub asked_by: String,
    /// The first stage not done (1-based); `stages` when all are done.
    pub stage_number: usize,
    pub stages: usize,
    /// The title of that stage; `None` when every stage is done.
    pub stage: Option<String>,
    pub started: NaiveDate,
    pub expected_end: Option<NaiveDate>,
    pub review: Option<NaiveDate>,
    /// Days from the start to the reference day, or to the close.
    pub days_open: i64,
    pub overdue: Overdue,
    /// How it ended, when it was closed in the month on or before the reference day; `None`:
    /// open then.
    pub closed: Option<Closing>,
    /// The child's birth date, for the alias's age; `None` for a child this database lacks.
    pub born: Option<NaiveDate>,
    /// Where a Meldcode trajectory stands (its own columns); `None` in the care-team report.
    pub meldcode: Option<super::meldcode::Standing>,
}

/// Which open trajectories a report lists: the care team's (no Meldcode) or the
/// aandachtsfunctionaris' (only the Meldcode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    CareTeam,
    Meldcode,
}

impl Which {
    fn lists(self, trajectory: &Trajectory) -> bool {
        // The Meldcode is not the care-team meeting's: it stays with who must know.
        let meldcode = access::is_meldcode_plan(&trajectory.template);
        meldcode == (self == Which::Meldcode)
    }
}

/// What the rows are read from besides the trajectories: the children they are about (a child
/// this database lacks is shown as unknown), the groups, the staff (for the group's coach) and
/// the plans.
pub struct Records {
    pub children: HashMap<Id, Child>,
    pub groups: HashMap<Id, Group>,
    pub staff: Vec<Staff>,
    pub plans: Catalogue<PlanTemplate>,
}

impl Records {
    /// The names of the coaches linked to group `id`, sorted, joined by ", ".
    fn coaches(&self, id: Id) -> String {
        let mut names: Vec<&str> = self
            .staff
            .iter()
            .filter(|s| s.role == Role::Coach && s.groups.contains(&id))
            .map(|s| s.name.as_str())
            .collect();
        names.sort_by_key(|name| fold(name));
        names.join(", ")
    }
}

/// Reads what the overview needs from the store and renders it: Markdown, or CSV in the style
/// `csv` gives.
///
/// # Errors
/// The store could not be read.
pub fn care_team_report(
    store: &Store,
    which: Which,
    month: Option<NaiveDate>,
    csv: Option<CsvStyle>,
    lang: Lang,
    today: NaiveDate,
) -> Result<String> {
    let day = reference_day(month, today);
    let trajectories: Vec<Trajectory> = store
        .trajectories()?
        .into_iter()
        .filter(|t| in_month(t, day) && which.lists(t))
        .collect();
    let mut children = HashMap::new();
    for t in &trajectories {
        if let Entry::Vacant(slot) = children.entry(t.child_id) {
            if let Some(child) = store.child(t.child_id)? {
                slot.insert(child);
            }
        }
    }
    let records = Records {
        children,
        groups: store.groups()?.into_iter().map(|g| (g.id, g)).collect(),
        staff: store.staff()?,
        plans: Catalogue::plans(store.plan_templates()?),
    };
    let rows = rows(&trajectories, &records, which, day, lang);
    Ok(match (which, csv) {
        (Which::CareTeam, Some(style)) => render_csv(&rows, lang, style),
        (Which::CareTeam, None) => render_markdown(&rows, day, lang),
        (Which::Meldcode, Some(style)) => super::meldcode::render_csv(&rows, lang, style),
        (Which::Meldcode, None) => super::meldcode::render_markdown(&rows, day, lang),
    })
}

/// The rows of the trajectories open on `day` or closed in its month by then (`in_month`): the
/// open ones first, overdue ones first among them, then by group and child (as the app sorts
/// names: case and diacritics folded; in the care-team report the children without `care_team`
/// consent after the named ones, oldest first, and then lettered in that order, one letter per
/// child throughout the report).
pub fn rows(
    trajectories: &[Trajectory],
    records: &Records,
    which: Which,
    day: NaiveDate,
    lang: Lang,
) -> Vec<Row> {
    let unknown = lang.report(R::Unknown);
    let mut rows: Vec<Row> = trajectories
        .iter()
        .filter(|t| in_month(t, day))
        .map(|t| {
            // Seen from `day`: closed later means still open, ticked later means not done yet.
            let then = t.as_on(day);
            let child = records.children.get(&t.child_id);
            let group = child.and_then(|c| records.groups.get(&c.group_id));
            let plan = records.plans.find(&t.template, t.version);
            let (stage_number, stages, stage) = match plan.map(|p| then.progress(p)) {
                Some(Progress::At { number, of, stage }) => {
                    (number, of, Some(lang.text(&stage.title).to_string()))
                }
                Some(Progress::AllDone { of }) => (of, of, None),
                // A plan this database lacks (`signaal check` reports it): count the entries.
                None => {
                    let done = then.stages.iter().take_while(|e| e.done).count();
                    let of = then.stages.len();
                    let stage = then.stages.get(done).map(|e| e.stage.clone());
                    (if done == of { of } else { done + 1 }, of, stage)
                }
            };
            // The aandachtsfunctionaris' own overview names every child: it stays with them.
            let named = which == Which::Meldcode || child.is_none_or(access::named_in_care_team);
            Row {
                child_id: t.child_id,
                child: child
                    .map_or_else(|| format!("{unknown} ({})", t.child_id), Child::full_name),
                named,
                consent: child.and_then(|c| c.consent.answer(ConsentTo::CareTeam)),
                born: child.map(|c| c.birth_date),
                archived: child.is_some_and(|c| c.archived),
                group: group.map_or(unknown.to_string(), |g| g.name.clone()),
                plan: plan.map_or(t.template.clone(), |p| lang.text(&p.name).to_string()),
                // Staff write in their own words, the child's name among them. A Meldcode
                // trajectory asks no question of the child: its signals take that column (an
                // older one, from before it had its own fields, keeps its question).
                question: match (which, t.meldcode.signals.trim()) {
                    (Which::Meldcode, signals) if !signals.is_empty() => signals.to_string(),
                    _ => free_text(&t.question, named, child, lang),
                },
                actions: free_text(&t.actions, named, child, lang),
                coach: group.map(|g| records.coaches(g.id)).unwrap_or_default(),
                asked_by: t.by.clone(),
                stage_number,
                stages,
                stage,
                started: t.started,
                expected_end: t.expected_end,
                review: t.review,
                days_open: then.days_open(day),
                overdue: then.overdue(day),
                closed: then.closed.clone(),
                meldcode: (which == Which::Meldcode)
                    .then(|| super::meldcode::Standing::of(&then, plan)),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        // An alias is ordered by birth date, never by the name it hides.
        let key = |r: &Row| {
            (
                r.closed.is_some(),
                Reverse(r.overdue.any()),
                fold(&r.group),
                !r.named,
                match r.named {
                    true => fold(&r.child),
                    false => String::new(),
                },
                r.born,
                r.started,
            )
        };
        key(a).cmp(&key(b)).then(a.child_id.cmp(&b.child_id))
    });
    let mut letters: HashMap<Id, usize> = HashMap::new();
    for row in rows.iter_mut().filter(|r| !r.named) {
        let next = letters.len();
        let letter = *letters.entry(row.child_id).or_insert(next);
        let age = lang.age(
            row.born
                .and_then(|born| crate::domain::child::age_between(born, day)),
        );
        row.child = lang.care_team_alias(letter, &age);
    }
    rows
}

/// Free text about `child`, trimmed; the child's name left out when the report may not name it.
fn free_text(text: &str, named: bool, child: Option<&Child>, lang: Lang) -> String {
    match (named, child) {
        (false, Some(child)) => {
            let placeholder = lang.report(R::NameLeftOut);
            without_name(
                text.trim(),
                &child.first_name,
                &child.last_name,
                placeholder,
            )
        }
        _ => text.trim().to_string(),
    }
}

/// Free text in a Markdown table cell: on one line and escaped ([`inline`]), "-" when empty.
pub(super) fn cell(text: &str) -> String {
    match inline(text) {
        empty if empty.is_empty() => "-".to_string(),
        text => text,
    }
}

pub(super) fn date_cell(date: Option<NaiveDate>, lang: Lang) -> String {
    date.map_or("-".to_string(), |d| lang.date(d))
}

impl Row {
    /// Open on the reference day (not one closed earlier in its month).
    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }
}

/// The care-team overview in Markdown: the table of the trajectories open on `day`, the overdue
/// ones, what started and closed in the month of `day`, and per staff member the children they
/// bring. (The Meldcode's overview is [`super::meldcode::render_markdown`].)
pub fn render_markdown(all: &[Row], day: NaiveDate, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", lang.care_team_title(day));
    if all.is_empty() {
        let _ = writeln!(out, "{}", lang.report(R::CareTeamNone));
        return out;
    }
    let rows: Vec<&Row> = all.iter().filter(|r| r.is_open()).collect();
    match rows.is_empty() {
        true => {
            let _ = writeln!(out, "{}", lang.report(R::CareTeamNone));
        }
        false => open_table(&mut out, &rows, lang),
    }
    started_and_closed(&mut out, all, day, lang);
    by_staff(&mut out, &rows, lang);
    out
}

/// The table of the open trajectories and the list of the overdue ones.
fn open_table(out: &mut String, rows: &[&Row], lang: Lang) {
    let overdue: Vec<&Row> = rows.iter().copied().filter(|r| r.overdue.any()).collect();
    let _ = writeln!(out, "{}\n", lang.care_team_count(rows.len(), overdue.len()));
    let header = [
        R::ColChild,
        R::Group,
        R::ColPlan,
        R::Question,
        R::ColStage,
        R::Started,
        R::ExpectedEnd,
        R::ColReview,
        R::ColDaysOpen,
        R::ColOverdue,
        R::ColConsent,
        R::ColActions,
        R::ColCoach,
        R::ColAskedBy,
    ];
    let _ = writeln!(out, "| {} |", header.map(|h| lang.report(h)).join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    for row in rows {
        let late = [
            (row.overdue.review, R::OverdueReview),
            (row.overdue.end, R::OverdueEnd),
        ]
        .into_iter()
        .filter(|(late, _)| *late)
        .map(|(_, text)| lang.report(text))
        .collect::<Vec<_>>()
        .join(", ");
        let cells = [
            cell(&child_name(row, lang)),
            cell(&row.group),
            cell(&row.plan),
            cell(&row.question),
            cell(&lang.care_team_stage(row.stage_number, row.stages, row.stage.as_deref())),
            lang.date(row.started),
            date_cell(row.expected_end, lang),
            date_cell(row.review, lang),
            row.days_open.to_string(),
            match late.is_empty() {
                true => "-".to_string(),
                false => format!("**{late}**"),
            },
            lang.report(consent_text(row.consent)).to_string(),
            cell(&row.actions),
            cell(&row.coach),
            cell(&row.asked_by),
        ];
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    if !overdue.is_empty() {
        let _ = writeln!(out, "\n## {}\n", lang.report(R::OverdueTitle));
        for row in overdue {
            let late = lang.care_team_late(
                row.review.filter(|_| row.overdue.review),
                row.expected_end.filter(|_| row.overdue.end),
            );
            let _ = writeln!(
                out,
                "- {} ({}, {}): {late}",
                inline(&child_name(row, lang)),
                inline(&row.group),
                inline(&row.plan)
            );
        }
    }
}

/// "Gestart en afgesloten in september 2026": the trajectories started in the month of `day`,
/// and those closed in it with their outcome and how many days they ran.
pub(super) fn started_and_closed(out: &mut String, rows: &[Row], day: NaiveDate, lang: Lang) {
    let first = first_of_month(day);
    let _ = writeln!(out, "\n## {}", lang.care_team_month_title(first));
    let started = rows.iter().filter(|r| r.started >= first).map(|row| {
        let what = lang.care_team_started(row.started, &inline(&row.asked_by));
        (row, what)
    });
    let closed = rows.iter().filter_map(|row| {
        let closing = row.closed.as_ref()?;
        let what = lang.care_team_closed(closing.date, closing.outcome, row.days_open);
        Some((row, what))
    });
    let lists: [(R, Vec<(&Row, String)>); 2] = [
        (R::StartedTitle, started.collect()),
        (R::ClosedTitle, closed.collect()),
    ];
    for (heading, items) in lists {
        let _ = writeln!(out, "\n### {}\n", lang.report(heading));
        if items.is_empty() {
            let _ = writeln!(out, "{}", lang.report(R::NoneThisMonth));
        }
        for (row, what) in items {
            let _ = writeln!(out, "- {}: {what}", about(row, lang));
        }
    }
}

/// "Per medewerker": per staff member who started them (names sorted), the children of the open
/// trajectories, each once, as the table names them (or their alias).
fn by_staff(out: &mut String, rows: &[&Row], lang: Lang) {
    if rows.is_empty() {
        return;
    }
    let mut staff: Vec<&str> = rows.iter().map(|r| r.asked_by.as_str()).collect();
    staff.sort_by_key(|name| (fold(name), name.to_string()));
    staff.dedup();
    let _ = writeln!(out, "\n## {}\n", lang.report(R::ByStaffTitle));
    for person in staff {
        let mut children: Vec<String> = Vec::new();
        for row in rows.iter().filter(|r| r.asked_by == person) {
            let child = format!("{} ({})", child_name(row, lang), row.group);
            if !children.contains(&child) {
                children.push(child);
            }
        }
        let person = match person.trim() {
            "" => lang.report(R::Unknown),
            name => name,
        };
        let _ = writeln!(
            out,
            "- {}: {}",
            inline(person),
            inline(&children.join(", "))
        );
    }
}

/// "Bram Jansen (De Vlinders, Stappenplan vroegsignalering)": the child of a row (or its alias)
/// with its group and plan, on one line.
fn about(row: &Row, lang: Lang) -> String {
    inline(&format!(
        "{} ({}, {})",
        child_name(row, lang),
        row.group,
        row.plan
    ))
}

/// The consent column's words: ja / nee / niet gevraagd.
fn consent_text(answer: Option<ConsentAnswer>) -> R {
    match answer {
        Some(ConsentAnswer::Yes) => R::ConsentYes,
        Some(ConsentAnswer::No) => R::ConsentNo,
        None => R::ConsentNotAsked,
    }
}

/// The child's name, flagged when the child has left.
pub(super) fn child_name(row: &Row, lang: Lang) -> String {
    match row.archived {
        true => format!("{} ({})", row.child, lang.report(R::Left)),
        false => row.child.clone(),
    }
}

/// The open rows (`Row::is_open`) as CSV in `style` ([`super::sheet::write`]: a byte order
/// mark, RFC 4180, cells made safe for a spreadsheet). Dates YYYY-MM-DD, booleans true/false;
/// the names (plan, stage) are in `lang`, like the Markdown, "done" ("klaar") when every stage
/// is.
pub fn render_csv(rows: &[Row], lang: Lang, style: CsvStyle) -> String {
    let date = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let lines = rows.iter().filter(|r| r.is_open()).map(|row| {
        vec![
            match row.named {
                true => row.child_id.to_string(),
                false => String::new(),
            },
            row.child.clone(),
            row.group.clone(),
            row.plan.clone(),
            row.question.clone(),
            row.stage
                .clone()
                .unwrap_or_else(|| lang.report(R::StageDone).to_string()),
            row.stage_number.to_string(),
            row.stages.to_string(),
            row.started.format("%Y-%m-%d").to_string(),
            date(row.expected_end).unwrap_or_default(),
            date(row.review).unwrap_or_default(),
            row.days_open.to_string(),
            row.overdue.review.to_string(),
            row.overdue.end.to_string(),
            match row.consent {
                Some(ConsentAnswer::Yes) => "yes",
                Some(ConsentAnswer::No) => "no",
                None => "not_asked",
            }
            .to_string(),
            row.actions.clone(),
            row.coach.clone(),
            row.asked_by.clone(),
        ]
    });
    super::sheet::write(&CSV_HEADER, lines, style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::{at, d, plan};
    use crate::domain::plan::Outcome;

    /// The CSV as the English report writes it.
    const COMMA: CsvStyle = CsvStyle { delimiter: b',' };

    fn child(id: Id, group_id: Id, first: &str, archived: bool) -> (Id, Child) {
        let child = Child {
            id,
            group_id,
            first_name: first.into(),
            last_name: "Jansen".into(),
            birth_date: d("2023-05-01"),
            started: None,
            archived,
            contacts: Vec::new(),
            mentor: None,
            guardians: Vec::new(),
            consent: consent(ConsentAnswer::Yes),
        };
        (id, child)
    }

    fn consent(answer: ConsentAnswer) -> crate::domain::ChildConsent {
        crate::domain::ChildConsent {
            care_team: Some(crate::domain::Given {
                answer,
                at: at("2026-09-01"),
                by: "Anouk".into(),
                given_by: "Mirjam Jansen".into(),
            }),
            ..Default::default()
        }
    }

    fn group(id: Id, name: &str) -> (Id, Group) {
        (id, crate::commands::test_support::group(id, name))
    }

    fn trajectory(id: Id, child: Id, started: &str, done: usize) -> Trajectory {
        let plan = plan("vroegsignalering");
        let mut t = Trajectory::new(id, child, &plan, d(started), "Anouk");
        for stage in plan.stages.iter().take(done) {
            t.toggle(&stage.id, "Anouk", at(started));
        }
        t
    }

    /// Bram (De Vlinders, on time), Anna (De Egeltjes, review passed), Cas (left, De Egeltjes,
    /// all done), Daan (closed in October), Eva (starts in December).
    fn data() -> (Vec<Trajectory>, HashMap<Id, Child>, HashMap<Id, Group>) {
        let children = [
            child(20, 10, "Bram", false),
            child(21, 11, "Anna", false),
            child(22, 11, "Cas", true),
            child(23, 10, "Daan", false),
            child(24, 10, "Eva", false),
        ]
        .into();
        let groups = [group(10, "De Vlinders"), group(11, "De Egeltjes")].into();
        let mut bram = trajectory(30, 20, "2026-09-01", 3);
        bram.question = "Wat helpt, bij het \"afscheid\" | brengen?".into();
        bram.actions = "Bram wordt bij de deur ontvangen;\nouders brengen kort.".into();
        bram.by = "Sandra Martens".into();
        bram.review = Some(d("2026-12-01"));
        bram.expected_end = Some(d("2027-01-01"));
        let mut anna = trajectory(31, 21, "2026-08-15", 5);
        anna.review = Some(d("2026-11-15"));
        let cas = trajectory(32, 22, "2026-10-01", 8);
        let mut daan = trajectory(33, 23, "2026-06-01", 8);
        daan.expected_end = Some(d("2026-09-01"));
        daan.close(Outcome::ContinuesInGroup, d("2026-10-10"), "Anouk");
        let eva = trajectory(34, 24, "2026-12-02", 0);
        (vec![bram, anna, cas, daan, eva], children, groups)
    }

    fn rows_on(day: &str, lang: Lang) -> Vec<Row> {
        rows_of(data(), day, lang)
    }

    /// The care-team rows of `data` on `day`.
    fn rows_of(
        (trajectories, children, groups): (Vec<Trajectory>, HashMap<Id, Child>, HashMap<Id, Group>),
        day: &str,
        lang: Lang,
    ) -> Vec<Row> {
        let records = records(children, groups);
        rows(&trajectories, &records, Which::CareTeam, d(day), lang)
    }

    /// The records of `children` and `groups`, with Els the coach of De Vlinders (10) and Ruud a
    /// staff member on De Egeltjes (11), and the built-in plans.
    fn records(children: HashMap<Id, Child>, groups: HashMap<Id, Group>) -> Records {
        let person = |id, name: &str, role, groups| Staff {
            id,
            name: name.into(),
            role,
            groups,
            safeguarding_lead: false,
            phone: String::new(),
        };
        Records {
            children,
            groups,
            staff: vec![
                person(1, "Els Meijer", Role::Coach, vec![10]),
                person(2, "Ruud Bakker", Role::Staff, vec![11]),
            ],
            plans: Catalogue::plans(Vec::new()),
        }
    }

    #[test]
    fn the_reference_day_is_the_end_of_the_month_or_today() {
        let today = d("2026-11-20");
        assert_eq!(reference_day(None, today), today);
        assert_eq!(reference_day(Some(d("2026-11-01")), today), today);
        assert_eq!(reference_day(Some(d("2026-10-01")), today), d("2026-10-31"));
        assert_eq!(reference_day(Some(d("2026-02-01")), today), d("2026-02-28"));
        assert_eq!(reference_day(Some(d("2024-02-01")), today), d("2024-02-29"));
        assert_eq!(reference_day(Some(d("2026-12-01")), today), d("2026-12-31"));
        assert_eq!(
            reference_day(Some(d("2026-11-01")), d("2026-11-30")),
            d("2026-11-30")
        );
    }

    #[test]
    fn rows_are_the_open_ones_overdue_first_then_by_group_and_child() {
        let rows = rows_on("2026-11-20", Lang::Nl);
        let names: Vec<&str> = rows.iter().map(|r| r.child.as_str()).collect();
        assert_eq!(names, ["Anna Jansen", "Cas Jansen", "Bram Jansen"]);
        let anna = &rows[0];
        assert!(anna.overdue.review && !anna.overdue.end);
        assert_eq!((anna.stage_number, anna.stages), (6, 8));
        assert_eq!(anna.stage.as_deref(), Some("Uitvoeren"));
        assert_eq!(anna.days_open, 97);
        assert_eq!(rows[1].stage, None);
        assert!(rows[1].archived);
        assert_eq!(rows[2].days_open, 80);
    }

    #[test]
    fn a_past_month_shows_what_was_open_and_late_then() {
        let rows = rows_on("2026-09-30", Lang::En);
        let names: Vec<&str> = rows.iter().map(|r| r.child.as_str()).collect();
        // Daan was closed in October, so he was open in September, and late.
        assert_eq!(names, ["Daan Jansen", "Anna Jansen", "Bram Jansen"]);
        assert!(rows[0].overdue.end && !rows[0].overdue.review);
        assert_eq!(rows[0].days_open, 121);
        assert!(rows_on("2026-05-31", Lang::En).is_empty());
    }

    /// Bram's fourth stage ticked on 3 October; Daan closed on 18 November after his last
    /// stage was ticked that day.
    fn ticked_later() -> (Vec<Trajectory>, HashMap<Id, Child>, HashMap<Id, Group>) {
        let (mut trajectories, children, groups) = data();
        let plan = plan("vroegsignalering");
        trajectories[0].toggle(&plan.stages[3].id, "Anouk", at("2026-10-03"));
        let daan = &mut trajectories[3];
        daan.stages[7].done = false;
        daan.toggle(&plan.stages[7].id, "Anouk", at("2026-11-18"));
        daan.close(Outcome::CareRoute, d("2026-11-18"), "Anouk");
        (trajectories, children, groups)
    }

    #[test]
    fn a_past_month_shows_the_stage_reached_by_its_end() {
        let stage = |day: &str, name: &str| {
            let rows = rows_of(ticked_later(), day, Lang::Nl);
            let open = rows.iter().filter(|r| r.is_open());
            let row = open.clone().find(|r| r.child.starts_with(name)).cloned();
            row.map(|r| (r.stage_number, r.stage, r.overdue.end, r.days_open))
        };
        // Bram: the tick of 3 October is not there at the end of September.
        assert_eq!(
            stage("2026-09-30", "Bram"),
            Some((4, Some("Advies coach".into()), false, 29))
        );
        assert_eq!(stage("2026-10-31", "Bram").unwrap().0, 5);
        // Daan, closed on 18 November: open at the end of October, his last stage not done.
        assert_eq!(
            stage("2026-10-31", "Daan"),
            Some((8, Some("Afsluiten".into()), true, 152))
        );
        assert_eq!(stage("2026-11-18", "Daan"), None);
        let text = render_markdown(
            &rows_of(ticked_later(), "2026-09-30", Lang::Nl),
            d("2026-09-30"),
            Lang::Nl,
        );
        assert!(text.contains("| 4/8 Advies coach |"), "{text}");
        assert!(!text.contains("8/8 klaar"), "{text}");
    }

    #[test]
    fn markdown_has_a_title_a_count_a_table_and_the_overdue_ones() {
        let text = render_markdown(&rows_on("2026-11-20", Lang::Nl), d("2026-11-20"), Lang::Nl);
        assert!(text.starts_with("# Zorgoverleg: open trajecten op 20-11-2026\n\n"));
        assert!(
            text.contains("\n3 open trajecten, waarvan 1 te laat.\n"),
            "{text}"
        );
        assert!(
            text.contains(
                "| Kind | Groep | Plan | Vraag van het kind | Stap | Gestart | Verwacht einde | \
             Evaluatie | Dagen open | Te laat | Toestemming | Wat we doen | Coach | Gevraagd door |\n\
             |---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "| Anna Jansen | De Egeltjes | Stappenplan vroegsignalering | - | 6/8 Uitvoeren | \
             15-08-2026 | - | 15-11-2026 | 97 | **evaluatie** | ja | - | - | Anouk |\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("| Cas Jansen (vertrokken) | De Egeltjes |"),
            "{text}"
        );
        assert!(text.contains("| 8/8 klaar |"), "{text}");
        assert!(text
            .contains(r#"| Wat helpt, bij het "afscheid" &#124; brengen? | 4/8 Advies coach |"#));
        // What is being done on one line; Els is De Vlinders' coach, Sandra asked.
        assert!(
            text.contains(
                "| ja | Bram wordt bij de deur ontvangen; ouders brengen kort. | Els Meijer | \
                 Sandra Martens |\n"
            ),
            "{text}"
        );
        let late = text
            .split("\n## Te laat\n\n")
            .nth(1)
            .and_then(|rest| rest.split("\n\n## ").next())
            .expect("an overdue section");
        assert_eq!(
            late,
            "- Anna Jansen (De Egeltjes, Stappenplan vroegsignalering): evaluatie was gepland op \
             15-11-2026"
        );
    }

    #[test]
    fn the_month_lists_what_started_and_closed_in_it_and_who_brings_whom() {
        let rows = rows_on("2026-10-31", Lang::Nl);
        // Daan, closed on 10 October, is a row of the month but not of the table or the CSV.
        assert_eq!(rows.iter().filter(|r| !r.is_open()).count(), 1);
        let text = render_markdown(&rows, d("2026-10-31"), Lang::Nl);
        assert!(
            text.contains("\n3 open trajecten, geen te laat.\n"),
            "{text}"
        );
        assert!(!text.contains("| Daan Jansen |"), "{text}");
        let month = text
            .split("\n## Gestart en afgesloten in oktober 2026\n\n")
            .nth(1)
            .expect("the month's section");
        assert!(
            month.starts_with(
                "### Gestart\n\n\
                 - Cas Jansen (vertrokken) (De Egeltjes, Stappenplan vroegsignalering): gestart \
                 01-10-2026, gevraagd door Anouk\n\n\
                 ### Afgesloten\n\n\
                 - Daan Jansen (De Vlinders, Stappenplan vroegsignalering): afgesloten 10-10-2026: \
                 blijft in de groep, na 131 dagen\n\n\
                 ## Per medewerker: de kinderen die zij inbrengen\n\n\
                 - Anouk: Anna Jansen (De Egeltjes), Cas Jansen (vertrokken) (De Egeltjes)\n\
                 - Sandra Martens: Bram Jansen (De Vlinders)\n"
            ),
            "{text}"
        );
        let csv = render_csv(&rows, Lang::Nl, COMMA);
        assert_eq!(csv.split_terminator("\r\n").count(), 4, "{csv}");
        assert!(!csv.contains("Daan"), "{csv}");

        // Nothing started or closed: said so; in English.
        let text = render_markdown(&rows_on("2026-11-20", Lang::En), d("2026-11-20"), Lang::En);
        assert!(
            text.contains(
                "\n## Started and closed in November 2026\n\n### Started\n\nNone.\n\n\
                 ### Closed\n\nNone.\n\n## Per staff member: the children they bring\n\n\
                 - Anouk: Anna Jansen (De Egeltjes), Cas Jansen (left) (De Egeltjes)\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn a_child_closed_this_month_keeps_its_alias_letter_after_the_open_ones() {
        let (trajectories, mut children, groups) = data();
        for child in children.values_mut() {
            child.consent = Default::default();
        }
        let rows = rows_of((trajectories, children, groups), "2026-10-31", Lang::En);
        let text = render_markdown(&rows, d("2026-10-31"), Lang::En);
        assert!(!text.contains("Jansen"), "{text}");
        // Anna, Cas and Bram are A to C in the table; Daan, closed, is D.
        assert!(
            text.contains(
                "\n- Child D (3 y 5 m) (De Vlinders, Early-signalling step plan): closed \
                 2026-10-10: continues in the group, after 131 days\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("- Sandra Martens: Child C (3 y 5 m) (De Vlinders)\n"),
            "{text}"
        );
    }

    #[test]
    fn english_markdown_and_no_open_trajectories() {
        let text = render_markdown(&rows_on("2026-09-30", Lang::En), d("2026-09-30"), Lang::En);
        assert!(text.starts_with("# Care-team meeting: open trajectories on 2026-09-30\n"));
        assert!(text.contains("3 open trajectories, 1 overdue."), "{text}");
        assert!(
            text.contains("the expected end 2026-09-01 has passed"),
            "{text}"
        );
        let none = render_markdown(&[], d("2026-05-31"), Lang::Nl);
        assert_eq!(
            none,
            "# Zorgoverleg: open trajecten op 31-05-2026\n\nEr zijn geen open trajecten.\n"
        );
    }

    #[test]
    fn csv_has_the_english_header_and_quotes_what_needs_it() {
        let text = render_csv(&rows_on("2026-11-20", Lang::Nl), Lang::Nl, COMMA);
        let lines: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(lines[0], format!("\u{feff}{}", CSV_HEADER.join(",")));
        assert_eq!(
            lines[0],
            "\u{feff}child_id,child,group,plan,question,stage,stage_number,stages,started,expected_end,\
             review,days_open,review_overdue,end_overdue,care_team_consent,actions,coach,asked_by"
        );
        assert_eq!(lines.len(), 4);
        assert_eq!(
            lines[1],
            "21,Anna Jansen,De Egeltjes,Stappenplan vroegsignalering,,Uitvoeren,6,8,2026-08-15,,\
             2026-11-15,97,true,false,yes,,,Anouk"
        );
        assert_eq!(
            lines[2],
            "22,Cas Jansen,De Egeltjes,Stappenplan vroegsignalering,,klaar,8,8,2026-10-01,,,50,\
             false,false,yes,,,Anouk"
        );
        assert_eq!(
            lines[3],
            "20,Bram Jansen,De Vlinders,Stappenplan vroegsignalering,\"Wat helpt, bij het \
             \"\"afscheid\"\" | brengen?\",Advies coach,4,8,2026-09-01,2027-01-01,2026-12-01,80,\
             false,false,yes,\"Bram wordt bij de deur ontvangen;\nouders brengen kort.\",\
             Els Meijer,Sandra Martens"
        );
        assert_eq!(
            render_csv(&[], Lang::En, COMMA),
            format!("\u{feff}{}\r\n", CSV_HEADER.join(","))
        );
    }

    /// Anna's parents said no, Bram's were not asked, Cas's said yes: only Cas is named. Bram's
    /// question names him.
    fn without_consent(day: &str, lang: Lang) -> Vec<Row> {
        let (mut trajectories, mut children, groups) = data();
        children.get_mut(&21).unwrap().consent = consent(ConsentAnswer::No);
        children.get_mut(&20).unwrap().consent = Default::default();
        trajectories[0].question = "Wat helpt Bram bij het afscheid?".into();
        rows_of((trajectories, children, groups), day, lang)
    }

    #[test]
    fn a_child_without_care_team_consent_is_an_alias_with_age_and_group() {
        let rows = without_consent("2026-11-20", Lang::Nl);
        let text = render_markdown(&rows, d("2026-11-20"), Lang::Nl);
        for name in ["Anna", "Bram"] {
            assert!(!text.contains(name), "{name} in {text}");
        }
        assert!(
            text.contains("| Kind A (3 jr 6 mnd) | De Egeltjes |"),
            "{text}"
        );
        assert!(
            text.contains("| **evaluatie** | nee | - | - | Anouk |"),
            "{text}"
        );
        assert!(
            text.contains("| Kind B (3 jr 6 mnd) | De Vlinders |"),
            "{text}"
        );
        assert!(
            text.contains(r"| 80 | - | niet gevraagd | \[naam\] wordt"),
            "{text}"
        );
        // Bram's name in the question and the actions is left out as well; the placeholder's
        // brackets are text, not a link.
        assert!(
            text.contains(r"| Wat helpt \[naam\] bij het afscheid? |"),
            "{text}"
        );
        assert!(text.contains("| Cas Jansen (vertrokken) |"), "{text}");
        assert!(
            text.contains("- Kind A (3 jr 6 mnd) (De Egeltjes, Stappenplan"),
            "{text}"
        );
        let english = render_markdown(
            &without_consent("2026-11-20", Lang::En),
            d("2026-11-20"),
            Lang::En,
        );
        assert!(
            english.contains("| Child A (3 y 6 m) | De Egeltjes |"),
            "{english}"
        );
        assert!(english.contains("| not asked |"), "{english}");

        let csv = render_csv(&rows, Lang::Nl, COMMA);
        let lines: Vec<&str> = csv.split_terminator("\r\n").collect();
        assert!(
            lines[1].starts_with(",Kind A (3 jr 6 mnd),De Egeltjes,"),
            "{csv}"
        );
        assert!(lines[1].ends_with(",no,,,Anouk"), "{csv}");
        assert!(lines[2].starts_with("22,Cas Jansen,") && lines[2].ends_with(",yes,,,Anouk"));
        assert!(lines[3].starts_with(",Kind B (") && lines[3].contains(",not_asked,"));
        assert!(!csv.contains("Anna") && !csv.contains("Bram"), "{csv}");

        // The aandachtsfunctionaris' own overview names them.
        let (trajectories, mut children, groups) = data();
        children.get_mut(&21).unwrap().consent = Default::default();
        let records = records(children, groups);
        let day = d("2026-11-20");
        let meldcode = super::rows(&trajectories, &records, Which::Meldcode, day, Lang::Nl);
        assert_eq!(meldcode[0].child, "Anna Jansen");
    }

    /// A Meldcode trajectory asks no question of the child: the aandachtsfunctionaris' overview
    /// shows its signals in that column, under that name; an older one keeps its question.
    #[test]
    fn the_meldcode_overview_shows_the_signals() {
        let (mut trajectories, children, groups) = data();
        trajectories[0].meldcode.signals = "12-11 blauwe plek op de arm".into();
        let records = records(children, groups);
        let day = d("2026-11-20");
        let rows = super::rows(&trajectories, &records, Which::Meldcode, day, Lang::Nl);
        let text = super::super::meldcode::render_markdown(&rows, day, Lang::Nl);
        assert!(text.contains("| Signalen |"), "{text}");
        assert!(text.contains("| 12-11 blauwe plek op de arm |"), "{text}");
        // None of the care-team meeting's columns or sections.
        for theirs in [
            "| Vraag van het kind |",
            "| Coach |",
            "| Toestemming |",
            "| Wat we doen |",
        ] {
            assert!(!text.contains(theirs), "{theirs}: {text}");
        }
        assert!(!text.contains("Per medewerker"), "{text}");
        for row in &rows {
            let t = trajectories
                .iter()
                .find(|t| t.child_id == row.child_id)
                .unwrap();
            let expected = match t.meldcode.signals.is_empty() {
                true => &t.question,
                false => &t.meldcode.signals,
            };
            assert_eq!(&row.question, expected, "child {}", row.child_id);
        }
        let signalled = rows.iter().find(|r| r.child_id == trajectories[0].child_id);
        assert_eq!(signalled.unwrap().question, "12-11 blauwe plek op de arm");
    }

    #[test]
    fn one_child_with_two_trajectories_keeps_one_letter() {
        let (mut trajectories, mut children, groups) = data();
        let mut second = trajectory(35, 21, "2026-10-01", 1);
        second.template = "vroegsignalering".into();
        trajectories.push(second);
        for child in children.values_mut() {
            child.consent = Default::default();
        }
        let rows = rows_of((trajectories, children, groups), "2026-11-20", Lang::En);
        let names: Vec<&str> = rows.iter().map(|r| r.child.as_str()).collect();
        assert_eq!(
            names,
            [
                "Child A (3 y 6 m)",
                "Child A (3 y 6 m)",
                "Child B (3 y 6 m)",
                "Child C (3 y 6 m)"
            ]
        );
    }
}
