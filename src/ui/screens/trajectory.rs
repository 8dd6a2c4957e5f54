//! One trajectory of the step plan: its question and plan, its stages (✓ when done, ! when
//! ticked ahead of an earlier stage), the parents' consent and the afwegingskader's questions,
//! numbered, and after an answer that means a report marked "together with Veilig Thuis". The
//! selected row is explained below the list: a stage's help and note, a question's consequence
//! (a report to Veilig Thuis stands out).

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::app::screens::trajectory::{
    field_label, meldcode_text, ConsentTo, MeldcodeField, PlanField, PlanPart, TrajectoryScreen,
};
use crate::app::{Action, App};
use crate::domain::plan::{Question, StageEntry, StageKind};
use crate::domain::ConsentAnswer;
use crate::i18n::{Lang, T};
use crate::ui::sectioned::{SectionedList, SectionedRow};
use crate::ui::widgets::{on_one_row, text_lines};
use crate::ui::{modal, Theme};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &TrajectoryScreen, theme: &Theme) {
    let lang = app.lang;
    let t = &screen.trajectory;
    let template = &screen.template;
    let early: Vec<&str> = t.out_of_order(template);
    let early_answers = t.answers_out_of_order(template);
    let overdue = t.overdue(app.today());
    // A Meldcode trajectory's fields are its own record, not a child's question and plan.
    let fields = match crate::domain::access::is_meldcode_plan(&t.template) {
        true => T::MeldcodeFields,
        false => T::PlanFields,
    };
    let rows = screen
        .list
        .visible()
        .map(|row| {
            let (section, text, right) = match &row.part {
                PlanPart::Field(field) => {
                    let late = match field {
                        PlanField::Review => overdue.review,
                        PlanField::ExpectedEnd => overdue.end,
                        _ => false,
                    };
                    // One row each: the lines of a longer text run on, shown whole below.
                    let value = on_one_row(&field_value(app, screen, *field));
                    let flag = if late { "!" } else { " " };
                    (
                        fields,
                        format!("{}: {value}", lang.get(field_label(*field))),
                        vec![Span::styled(format!("{flag} "), theme.error)],
                    )
                }
                PlanPart::Stage(id) => {
                    let number = template
                        .stages
                        .iter()
                        .position(|s| &s.id == id)
                        .unwrap_or(0)
                        + 1;
                    let stage = template.stage(id);
                    let title = stage.map_or(id.as_str(), |s| lang.text(&s.title));
                    let entry = t.entry(id);
                    let done = entry.is_some_and(|e| e.done);
                    let readable = |e: &&StageEntry| screen.reads(&e.by, app.user.as_ref());
                    let noted = entry.filter(readable).is_some_and(|e| !e.note.is_empty());
                    let mut right = vec![
                        Span::styled(
                            if early.contains(&id.as_str()) {
                                "! "
                            } else {
                                "  "
                            },
                            theme.error,
                        ),
                        Span::styled(if noted { "✎ " } else { "  " }, theme.key),
                    ];
                    right.push(match done {
                        true => Span::styled("[✓] ", theme.ok),
                        false => Span::styled("[ ] ", theme.dim),
                    });
                    (T::PlanStages, format!("{number}. {title}"), right)
                }
                PlanPart::Consent(to) => {
                    let label = T::consent(*to, screen.group.kind == crate::domain::GroupKind::Bso);
                    // The child's own consent: one answer per child and purpose.
                    let answer = screen.child.consent.answer(*to);
                    let value = answer.map(|a| a == ConsentAnswer::Yes);
                    let answer = lang.consent_answer(answer);
                    (
                        T::PlanStages,
                        format!("    {}", lang.get(label)),
                        vec![Span::styled(
                            format!("{answer:<9}"),
                            answer_style(value, theme),
                        )],
                    )
                }
                PlanPart::Prompts => (
                    T::PlanStages,
                    format!(
                        "    {}: {}",
                        lang.get(T::FieldPromptedBy),
                        prompts(app, screen)
                    ),
                    Vec::new(),
                ),
                PlanPart::Question(id) => {
                    let text = template
                        .question(id)
                        .map_or(id.as_str(), |(_, q)| lang.text(&q.text));
                    // Numbered, for they are answered in order ("Answer question 1 first").
                    let number = template.question_number(id).unwrap_or(0);
                    let label = lang.question_label(number, t.with_veilig_thuis(template, id));
                    let value = t.answer(id);
                    let answer = lang.yes_no(value, T::Unanswered);
                    // Marked in the indent, to leave the question its width.
                    let early = early_answers.iter().any(|(q, _)| &q.id == id);
                    let mark = if early { "  ! " } else { "    " };
                    (
                        T::PlanStages,
                        format!("{mark}{label}: {text}"),
                        vec![Span::styled(
                            format!("{answer:<9}"),
                            answer_style(value, theme),
                        )],
                    )
                }
            };
            SectionedRow {
                section: lang.get(section).to_string(),
                text,
                right,
            }
        })
        .collect();
    // Where it stands comes before the plan's (long) name, which gives way when room is short.
    let state = match &t.closed {
        Some(c) => lang.closed_on(c.outcome, c.date),
        None => lang.progress(t.progress(template)),
    };
    // Past stage 1 without any observation: said before the plan's name, which gives way.
    let state = match t.warns_unobserved(template, screen.observed) {
        true => format!("{state} · ! {}", lang.get(T::NoObservationYet)),
        false => state,
    };
    let title = format!(
        "{} · {state} · {}",
        screen.label.text.clone(),
        lang.text(&template.name)
    );
    SectionedList {
        title,
        rows,
        detail: detail(app, screen, theme),
        detail_rows: 5,
        ..SectionedList::saving(app, &screen.list, &screen.saved, theme)
    }
    .draw(frame, area, theme);
    modal::draw(frame, app, &screen.modal, theme);
}

/// The observations that prompted the trajectory, as far as the person at the keyboard may see
/// them: "12-10-2026 · Anouk Jansen, 03-11-2026 · Sanne de Boer", or that none is named.
fn prompts(app: &App, screen: &TrajectoryScreen) -> String {
    let lang = app.lang;
    let named: Vec<String> = screen
        .prompts()
        .map(|o| lang.observation_label(o.date, &o.by))
        .collect();
    match named.is_empty() {
        true => lang.get(T::PromptsNone).to_string(),
        false => named.join(", "),
    }
}

/// A field's value; its free text only for who may read it (`TrajectoryScreen::reads`).
fn field_value(app: &App, screen: &TrajectoryScreen, field: PlanField) -> String {
    let (lang, t) = (app.lang, &screen.trajectory);
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| lang.date(d)).unwrap_or_default();
    let text = |value: &String| match screen.reads(&t.by, app.user.as_ref()) {
        true => value.clone(),
        false => String::new(),
    };
    match field {
        PlanField::Question => text(&t.question),
        PlanField::Goals => text(&t.goals),
        PlanField::Actions => text(&t.actions),
        PlanField::ParentsView => text(&t.parents_view),
        PlanField::Started => lang.date(t.started),
        PlanField::ExpectedEnd => date(t.expected_end),
        PlanField::Review => date(t.review),
        PlanField::Meldcode(MeldcodeField::VeiligThuisConsulted) => {
            date(t.meldcode.veilig_thuis_consulted)
        }
        PlanField::Meldcode(MeldcodeField::ReportedOn) => date(t.meldcode.reported_on),
        PlanField::Meldcode(MeldcodeField::ParentsTold) => lang
            .yes_no(t.meldcode.parents_told, T::Unanswered)
            .to_string(),
        PlanField::Meldcode(m) => meldcode_text(&t.meldcode, m).map_or_else(String::new, text),
    }
}

fn answer_style(value: Option<bool>, theme: &Theme) -> Style {
    match value {
        Some(_) => theme.header,
        None => theme.dim,
    }
}

/// The selected row explained: a field in full; a stage's help, who last changed it, its note
/// and anything unusual; a question's consequences.
fn detail<'a>(app: &App, screen: &'a TrajectoryScreen, theme: &Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let t = &screen.trajectory;
    let Some(row) = screen.list.selected() else {
        return Vec::new();
    };
    match &row.part {
        PlanPart::Field(field) => {
            let mut lines = vec![Line::styled(lang.get(field_label(*field)), theme.key)];
            lines.extend(text_lines(Vec::new(), &field_value(app, screen, *field)));
            lines
        }
        PlanPart::Stage(id) => {
            let Some(stage) = screen.template.stage(id) else {
                return Vec::new();
            };
            // What needs attention first: the pane has few rows.
            let mut lines = Vec::new();
            let entry = t.entry(id);
            // Under an alias no note or reason someone else wrote (`TrajectoryScreen::reads`).
            let readable = entry.filter(|e| screen.reads(&e.by, app.user.as_ref()));
            let waiting_for_consent = stage.kind == StageKind::Coach
                && !screen.child.consent.allows(ConsentTo::Coach)
                && !entry.is_some_and(|e| e.done);
            if waiting_for_consent {
                lines.push(Line::styled(lang.get(T::ConsentWarning), theme.error));
            }
            if let Some(entry) = readable.filter(|e| !e.without_consent.is_empty()) {
                let text = format!(
                    "{}: {}",
                    lang.get(T::FormCoachWithoutConsent),
                    entry.without_consent
                );
                lines.push(Line::styled(text, theme.error));
            }
            if t.out_of_order(&screen.template).contains(&id.as_str()) {
                lines.push(Line::styled(lang.get(T::OutOfOrder), theme.error));
            }
            if let Some(entry) = readable.filter(|e| !e.note.is_empty()) {
                let label = Span::styled(format!("{}: ", lang.get(T::FieldNote)), theme.key);
                lines.extend(text_lines(vec![label], &entry.note));
            }
            if let Some((by, at)) = entry.and_then(|e| e.at.map(|at| (&e.by, at))) {
                lines.push(Line::styled(lang.changed_by(by, at), theme.dim));
            }
            lines.push(Line::raw(lang.text(&stage.help)));
            lines
        }
        PlanPart::Consent(to) => {
            let mut lines = vec![Line::raw(lang.get(T::ConsentExplained))];
            if let Some(given) = screen.child.consent.get(*to) {
                lines.push(Line::styled(lang.consent_given(given), theme.dim));
            }
            lines
        }
        PlanPart::Prompts => {
            let mut lines = vec![Line::styled(lang.get(T::FieldPromptedBy), theme.key)];
            lines.extend(
                screen
                    .prompts()
                    .map(|o| Line::raw(lang.observation_label(o.date, &o.by))),
            );
            // How to name them: the key, as the keymap binds it.
            let key = app.key_label(&app.screen_contexts(), Action::PromptedBy);
            if let Some(key) = key.filter(|_| screen.trajectory.is_open()) {
                let what = lang.get(T::FormPromptedBy);
                lines.push(Line::styled(format!("{key}: {what}"), theme.dim));
            }
            lines
        }
        PlanPart::Question(id) => match screen.template.question(id) {
            Some((_, question)) => {
                let mut lines = Vec::new();
                if t.with_veilig_thuis(&screen.template, id) {
                    lines.push(Line::styled(lang.get(T::WithVeiligThuis), theme.error));
                }
                let early = t.answers_out_of_order(&screen.template);
                if let Some((_, why)) = early.iter().find(|(q, _)| &q.id == id) {
                    let why = format!("{} {}", lang.get(T::AnsweredOutOfOrder), lang.invalid(why));
                    lines.push(Line::styled(why, theme.error));
                }
                lines.extend(consequences(lang, question, t.answer(id), theme));
                lines
            }
            None => Vec::new(),
        },
    }
}

/// What follows from the answer given, or from either answer while there is none. A consequence
/// that means a report to Veilig Thuis is shown as a warning.
fn consequences<'a>(
    lang: Lang,
    question: &'a Question,
    answer: Option<bool>,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let line = |yes: bool| {
        let consequence = if yes { &question.yes } else { &question.no };
        let style = if consequence.report {
            theme.error
        } else {
            Style::new()
        };
        Line::from(vec![
            Span::styled(
                format!("{}: ", lang.yes_no(Some(yes), T::Unanswered)),
                theme.key,
            ),
            Span::styled(lang.text(&consequence.text), style),
        ])
    };
    let mut lines = match answer {
        Some(yes) => vec![line(yes)],
        None => vec![line(true), line(false)],
    };
    lines.push(Line::styled(lang.text(&question.text), theme.dim));
    lines
}
