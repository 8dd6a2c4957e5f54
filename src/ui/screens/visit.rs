//! The coach visit: the follow-ups (carried over ones first), the children in the order they
//! need the coach with their reasons in short ("wacht op coach", "+2 vaak", "! 10 wk"), and the
//! group. The detail pane shows for the selected child every reason in full (the row cuts them
//! short), the advice written in this visit and what changed since the previous one; for a
//! follow-up its due date and who changed it last. Its forms and the question whether to close
//! it are drawn over it.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::app::{Action, App, VisitChild, VisitPart, VisitScreen};
use crate::domain::visit::attention::{changes_since, ChildRecord, Reason};
use crate::domain::visit::Advice;
use crate::domain::Id;
use crate::i18n::{Lang, T};
use crate::ui::sectioned::{SectionedList, SectionedRow};
use crate::ui::widgets::{on_one_row, shorten, text_lines};
use crate::ui::{modal, Theme};

/// The widest the reasons of a child take at the right of its row, on a terminal up to 80
/// columns; a wider one gives them up to half its width less 10.
const REASONS_WIDTH: usize = 30;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &VisitScreen, theme: &Theme) {
    let lang = app.lang;
    let reasons: Vec<String> = screen.children.iter().map(|c| reasons(lang, c)).collect();
    let reasons_width = reasons
        .iter()
        .map(|r| unicode_width::UnicodeWidthStr::width(r.as_str()))
        .max()
        .unwrap_or(0)
        .min(REASONS_WIDTH.max(usize::from(area.width / 2).saturating_sub(10)));
    let advice_count = |about: Option<Id>| match screen.visit.advice_about(about).count() {
        0 => Span::raw("    "),
        n => Span::styled(format!(" ✎{n:<2}"), theme.key),
    };
    let today = app.today();
    let rows = screen
        .list
        .visible()
        .map(|row| match row.part {
            VisitPart::FollowUp(i) => {
                let f = &screen.visit.follow_ups[i];
                let who = screen
                    .child_name(f.child_id)
                    .unwrap_or_else(|| lang.get(T::VisitGroupSection).to_string());
                let late = !f.done && f.due < today;
                let tick = match f.done {
                    true => Span::styled("[✓] ", theme.ok),
                    false => Span::styled("[ ] ", theme.dim),
                };
                let due_style = if late { theme.error } else { theme.dim };
                SectionedRow {
                    section: lang.get(T::VisitFollowUps).to_string(),
                    text: format!("{} · {who}", on_one_row(&f.text)),
                    right: vec![
                        // `!` as well as the colour, for NO_COLOR and the colour-blind.
                        Span::styled(
                            format!("{}{} ", if late { "! " } else { "" }, lang.date(f.due)),
                            due_style,
                        ),
                        tick,
                    ],
                }
            }
            VisitPart::Child(i) => {
                let c = &screen.children[i];
                let text = shorten(&reasons[i], reasons_width);
                let style = c
                    .reasons
                    .first()
                    .map_or(theme.dim, |r| reason_style(r, theme));
                SectionedRow {
                    section: lang.get(T::VisitChildren).to_string(),
                    text: c.label.text.clone(),
                    right: vec![
                        Span::styled(format!("{text:<reasons_width$}"), style),
                        advice_count(Some(c.child.id)),
                    ],
                }
            }
            VisitPart::Group => SectionedRow {
                section: lang.get(T::VisitGroupSection).to_string(),
                text: lang.get(T::VisitGroupRow).to_string(),
                right: vec![advice_count(None)],
            },
            VisitPart::Advice(i) => {
                let a = &screen.visit.notes[i];
                let who = screen
                    .child_name(a.child_id)
                    .unwrap_or_else(|| lang.get(T::VisitGroupSection).to_string());
                SectionedRow {
                    section: lang.get(T::AdviceHeading).to_string(),
                    text: format!("{} · {who}", on_one_row(&a.text)),
                    right: Vec::new(),
                }
            }
        })
        .collect();
    let visit = &screen.visit;
    let title = lang.visit_title(&screen.group.name, visit.date, &visit.by, visit.is_open());
    let base = match !crate::app::may_lead_visit(app.user.as_ref()) {
        true => SectionedList {
            status: Some(Line::styled(
                format!(" {} ", lang.get(T::VisitReadOnly)),
                theme.dim,
            )),
            ..SectionedList::of(app, &screen.list, theme)
        },
        false => SectionedList::saving(app, &screen.list, &screen.saved, theme),
    };
    SectionedList {
        title,
        rows,
        detail: detail(app, screen, theme),
        // More room for the detail on a taller terminal: 6 rows at 24, 10 at 40.
        detail_rows: (area.height / 4).max(6),
        ..base
    }
    .draw(frame, area, theme);
    modal::draw(frame, app, &screen.modal, theme);
}

/// How a reason is drawn: waiting on the coach as a key, what is late in the error colour.
fn reason_style(reason: &Reason, theme: &Theme) -> ratatui::style::Style {
    match reason {
        Reason::WaitingOnCoach => theme.key,
        Reason::OverdueReview | Reason::ObservationDue(_) => theme.error,
        _ => theme.dim,
    }
}

/// A child's reasons in short, most urgent first.
fn reasons(lang: Lang, child: &VisitChild) -> String {
    let all: Vec<String> = child.reasons.iter().map(|r| lang.reason(r)).collect();
    all.join(" · ")
}

fn detail<'a>(app: &App, screen: &'a VisitScreen, theme: &Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let Some(row) = screen.list.selected() else {
        return Vec::new();
    };
    match row.part {
        VisitPart::FollowUp(i) => {
            let f = &screen.visit.follow_ups[i];
            vec![
                Line::raw(f.text.clone()),
                Line::styled(lang.due(f.due, f.from_visit.is_some()), theme.dim),
                Line::styled(lang.changed_by(&f.by, f.at), theme.dim),
            ]
        }
        VisitPart::Child(i) => {
            // Every reason in full, in one paragraph (the row shows them in short, and cuts what
            // does not fit); then the advice written now, then what changed since the last visit.
            let child = &screen.children[i];
            let mut reasons: Vec<Span> = Vec::new();
            for r in &child.reasons {
                if !reasons.is_empty() {
                    reasons.push(Span::raw(" "));
                }
                reasons.push(Span::styled(lang.reason_in_full(r), reason_style(r, theme)));
            }
            let mut lines: Vec<Line> = Vec::new();
            if !reasons.is_empty() {
                lines.push(Line::from(reasons));
            }
            lines.extend(advice(app, screen, Some(child.child.id), theme));
            lines.extend(changes(app, screen, child, theme));
            lines
        }
        VisitPart::Group => advice(app, screen, None, theme),
        VisitPart::Advice(i) => {
            let a = &screen.visit.notes[i];
            let mut lines = advice_lines(app, screen, a, theme);
            lines.push(Line::styled(lang.changed_by(&a.by, a.at), theme.dim));
            lines
        }
    }
}

/// What changed for the child since the previous visit, or that this is the first.
fn changes<'a>(
    app: &App,
    screen: &VisitScreen,
    child: &'a VisitChild,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let lang = app.lang;
    let Some(previous) = &screen.previous else {
        return vec![Line::styled(lang.get(T::NoPreviousVisit), theme.dim)];
    };
    let record = ChildRecord {
        child: &child.child,
        observations: &child.observations,
        trajectories: &child.trajectories,
    };
    let changes = changes_since(&record, previous.date, &app.catalogue);
    if changes.is_empty() {
        return vec![Line::styled(lang.get(T::NothingChanged), theme.dim)];
    }
    let mut lines = vec![Line::styled(lang.changes_since(previous.date), theme.key)];
    if !changes.observations.is_empty() {
        lines.push(Line::raw(lang.observed_on(&changes.observations)));
    }
    if !changes.new_often.is_empty() {
        let items: Vec<&str> = changes
            .new_often
            .iter()
            .map(|(item, form, version)| {
                let found = app
                    .catalogue
                    .find(form, *version)
                    .and_then(|t| t.item(item));
                found.map_or(*item, |(_, i)| lang.text(&i.text))
            })
            .collect();
        let text = format!("{}: {}", lang.get(T::ChangeNowOften), items.join("; "));
        lines.push(Line::styled(text, theme.error));
    }
    let plan_name = |t: &crate::domain::plan::Trajectory| {
        app.plans
            .find(&t.template, t.version)
            .map_or(t.template.clone(), |p| lang.text(&p.name).to_string())
    };
    for (t, stage) in &changes.stages_done {
        let title = app
            .plans
            .find(&t.template, t.version)
            .and_then(|p| p.stage(stage))
            .map_or(stage.to_string(), |s| lang.text(&s.title).to_string());
        lines.push(Line::raw(format!(
            "{}: {title}",
            lang.get(T::ChangeStageDone)
        )));
    }
    for t in &changes.started {
        lines.push(Line::raw(format!(
            "{}: {}",
            lang.get(T::ChangeStarted),
            plan_name(t)
        )));
    }
    for (t, outcome) in &changes.closed {
        let text = format!(
            "{}: {} ({})",
            lang.get(T::ChangeClosed),
            plan_name(t),
            lang.outcome(*outcome)
        );
        lines.push(Line::raw(text));
    }
    lines
}

/// The advice written in this visit about a child or the group, each with its competencies and
/// whom it was for.
fn advice<'a>(
    app: &App,
    screen: &'a VisitScreen,
    about: Option<Id>,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let lang = app.lang;
    let written: Vec<&Advice> = screen.visit.advice_about(about).collect();
    if written.is_empty() {
        let key = screen
            .writable_by(app.user.as_ref())
            .then(|| app.key_label(&app.screen_contexts(), Action::Note))
            .flatten();
        return vec![Line::styled(lang.no_advice(key), theme.dim)];
    }
    let mut lines = vec![Line::styled(lang.get(T::AdviceHeading), theme.key)];
    for a in written {
        lines.extend(advice_lines(app, screen, a, theme));
    }
    lines
}

/// One advice: its text after a bullet, then its competencies and whom it was for.
fn advice_lines(app: &App, screen: &VisitScreen, a: &Advice, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut advice: Vec<Line<'static>> = text_lines(vec![Span::raw("• ")], &a.text);
    if !a.competencies.is_empty() {
        let tags: Vec<&str> = a.competencies.iter().map(|c| lang.competency(*c)).collect();
        let tags = Span::styled(format!(" [{}]", tags.join(", ")), theme.dim);
        if let Some(last) = advice.last_mut() {
            last.spans.push(tags);
        }
    }
    if !a.with.is_empty() {
        let names = crate::domain::named::names_of(&a.with, &screen.staff);
        let with = Span::styled(format!(" {}", lang.advice_with(&names)), theme.dim);
        if let Some(last) = advice.last_mut() {
            last.spans.push(with);
        }
    }
    advice
}
