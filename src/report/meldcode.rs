//! `signaal report --meldcode`: the aandachtsfunctionaris' overview of the open Meldcode
//! trajectories. It has its own columns, read from the Meldcode's own record
//! (`trajectories[].meldcode`) and its five questions: where each stands, not the care-team
//! meeting's (no coach, no care-team consent, no "per staff member": the Meldcode stays with who
//! must know). The rows are the care-team report's ([`care_team::rows`] with
//! [`care_team::Which::Meldcode`]), seen from the same reference day.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::care_team::{self, Row};
use super::markdown::one_line;
use super::sheet::CsvStyle;
use crate::domain::plan::{MeldcodeRecord, PlanTemplate, Trajectory};
use crate::i18n::report::R;
use crate::i18n::Lang;

/// The CSV header of `report --meldcode --csv`; the names stay English in both languages (a
/// machine format). A new column goes at the end, none is renamed or moved. `questions_answered`
/// and `questions` count the afwegingskader's questions, `report_follows` is `true` when an
/// answer means a report to Veilig Thuis; dates are YYYY-MM-DD, empty when not recorded.
pub const CSV_HEADER: [&str; 15] = [
    "child_id",
    "child",
    "group",
    "started",
    "coordinates",
    "stage",
    "stage_number",
    "stages",
    "questions_answered",
    "questions",
    "report_follows",
    "signals",
    "veilig_thuis_consulted",
    "decision",
    "reported_on",
];

/// Longest a free-text cell (signals, decision) runs in the Markdown table, in characters; the
/// whole text is in the trajectory itself.
const SHORT: usize = 80;

/// Where a Meldcode trajectory stands, as of the report's reference day. (Its signals are the
/// row's `question`: an older trajectory, from before the Meldcode had its own fields, has its
/// question there.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standing {
    /// How many of the afwegingskader's questions are answered.
    pub answered: usize,
    /// How many questions the plan asks; `None` for a plan this database lacks.
    pub questions: Option<usize>,
    /// Whether an answer means a report to Veilig Thuis follows.
    pub report_follows: bool,
    pub veilig_thuis_consulted: Option<NaiveDate>,
    pub decision: String,
    pub reported_on: Option<NaiveDate>,
}

impl Standing {
    /// `then` is the trajectory as it stood on the reference day ([`Trajectory::as_on`]);
    /// `plan` its plan, when this database has it.
    pub fn of(then: &Trajectory, plan: Option<&PlanTemplate>) -> Standing {
        let MeldcodeRecord {
            veilig_thuis_consulted,
            decision,
            reported_on,
            ..
        } = &then.meldcode;
        let answered = match plan {
            Some(p) => p
                .questions()
                .filter(|q| then.answer(&q.id).is_some())
                .count(),
            None => then.answers.len(),
        };
        Standing {
            answered,
            questions: plan.map(|p| p.questions().count()),
            report_follows: plan.is_some_and(|p| !then.reports(p).is_empty()),
            veilig_thuis_consulted: *veilig_thuis_consulted,
            decision: decision.trim().to_string(),
            reported_on: *reported_on,
        }
    }
}

/// The overview in Markdown: the table of the Meldcode trajectories open on `day`, then what
/// started and closed in its month (with each outcome).
pub fn render_markdown(all: &[Row], day: NaiveDate, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", lang.meldcode_title(day));
    let rows: Vec<&Row> = all.iter().filter(|r| r.is_open()).collect();
    if all.is_empty() || rows.is_empty() {
        let _ = writeln!(out, "{}", lang.report(R::CareTeamNone));
    }
    if all.is_empty() {
        return out;
    }
    if !rows.is_empty() {
        table(&mut out, &rows, lang);
    }
    care_team::started_and_closed(&mut out, all, day, lang);
    out
}

fn table(out: &mut String, rows: &[&Row], lang: Lang) {
    let overdue = rows.iter().filter(|r| r.overdue.any()).count();
    let _ = writeln!(out, "{}\n", lang.care_team_count(rows.len(), overdue));
    let header = [
        R::ColChild,
        R::Group,
        R::Started,
        R::ColCoordinates,
        R::ColStage,
        R::ColQuestions,
        R::ColSignals,
        R::ColVeiligThuisConsulted,
        R::ColDecision,
        R::ColReportedOn,
    ];
    let _ = writeln!(out, "| {} |", header.map(|h| lang.report(h)).join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    let none = Standing::default();
    for row in rows {
        let m = row.meldcode.as_ref().unwrap_or(&none);
        let cells = [
            care_team::cell(&care_team::child_name(row, lang)),
            care_team::cell(&row.group),
            lang.date(row.started),
            care_team::cell(&row.asked_by),
            care_team::cell(&lang.care_team_stage(
                row.stage_number,
                row.stages,
                row.stage.as_deref(),
            )),
            questions(m, lang),
            care_team::cell(&short(&row.question)),
            care_team::date_cell(m.veilig_thuis_consulted, lang),
            care_team::cell(&short(&m.decision)),
            care_team::date_cell(m.reported_on, lang),
        ];
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

/// "3/5, melden": the questions answered of those asked, and whether a report follows.
fn questions(m: &Standing, lang: Lang) -> String {
    let of = m.questions.map_or("?".to_string(), |n| n.to_string());
    match m.report_follows {
        true => format!("{}/{of}, {}", m.answered, lang.report(R::ReportFollows)),
        false => format!("{}/{of}", m.answered),
    }
}

/// `text` on one line, cut at [`SHORT`] characters with "…".
fn short(text: &str) -> String {
    let line = one_line(text);
    match line.char_indices().nth(SHORT) {
        Some((at, _)) => format!("{}…", line[..at].trim_end()),
        None => line,
    }
}

/// The open rows as CSV in `style` (as the care-team report's, [`super::sheet::write`]) under
/// [`CSV_HEADER`], the free text whole.
pub fn render_csv(rows: &[Row], lang: Lang, style: CsvStyle) -> String {
    let date = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let none = Standing::default();
    let lines = rows.iter().filter(|r| r.is_open()).map(|row| {
        let m = row.meldcode.as_ref().unwrap_or(&none);
        vec![
            row.child_id.to_string(),
            row.child.clone(),
            row.group.clone(),
            row.started.format("%Y-%m-%d").to_string(),
            row.asked_by.clone(),
            row.stage
                .clone()
                .unwrap_or_else(|| lang.report(R::StageDone).to_string()),
            row.stage_number.to_string(),
            row.stages.to_string(),
            m.answered.to_string(),
            m.questions.map(|n| n.to_string()).unwrap_or_default(),
            m.report_follows.to_string(),
            row.question.clone(),
            date(m.veilig_thuis_consulted).unwrap_or_default(),
            m.decision.clone(),
            date(m.reported_on).unwrap_or_default(),
        ]
    });
    super::sheet::write(&CSV_HEADER, lines, style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_free_text_is_cut_on_one_line() {
        assert_eq!(short("  12-11 blauwe\nplek  "), "12-11 blauwe plek");
        let long = "ab ".repeat(40);
        let cut = short(&long);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(cut.chars().count() <= SHORT + 1, "{cut}");
    }

    #[test]
    fn questions_say_how_many_and_whether_a_report_follows() {
        let mut m = Standing {
            answered: 3,
            questions: Some(5),
            report_follows: true,
            ..Standing::default()
        };
        assert_eq!(questions(&m, Lang::Nl), "3/5, melden");
        assert_eq!(questions(&m, Lang::En), "3/5, report");
        m.report_follows = false;
        m.questions = None;
        assert_eq!(questions(&m, Lang::Nl), "3/?");
    }
}
