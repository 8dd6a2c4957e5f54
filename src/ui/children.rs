use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row};
use ratatui::Frame;

use super::widgets::ListTable;
use super::Theme;
use crate::app::{Action, App, ChildRow, ChildrenScreen};
use crate::domain::observation::overdue;
use crate::i18n::T;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &ChildrenScreen, theme: &Theme) {
    let lang = app.lang;
    let today = app.today();
    let rows = screen
        .list
        .visible()
        .map(|row| {
            let child = &row.child;
            let mut name = vec![Span::raw(child.full_name())];
            if child.archived {
                name.push(Span::styled(
                    format!(" ({})", lang.get(T::ArchivedTag)),
                    theme.dim,
                ));
            }
            let often = row
                .latest
                .map(|l| l.concerns_often.to_string())
                .unwrap_or_default();
            Row::new(vec![
                Cell::from(Line::from(name)),
                Cell::from(lang.age(child.age_on(today))),
                Cell::from(observed(app, row, theme)),
                Cell::from(often),
            ])
        })
        .collect();
    let group = &screen.group;
    let mut title = format!(
        "{} · {} · {}",
        lang.group_title(&group.name),
        group.kind.label(),
        group.location
    );
    if screen.show_archived {
        title = format!("{title} ({})", lang.get(T::ShowingArchived));
    }
    let add_key = app
        .keymap
        .first_key_label(&app.screen_contexts(), Action::Add)
        .unwrap_or_default();
    ListTable {
        title,
        status: None,
        header: vec![
            lang.get(T::ColName),
            lang.get(T::ColAge),
            lang.get(T::ColObserved),
            lang.get(T::ColConcernsOften),
        ],
        widths: vec![
            Constraint::Fill(3),
            Constraint::Length(12),
            Constraint::Length(24),
            Constraint::Length(11),
        ],
        rows,
        list: &screen.list,
        empty: lang.no_items_hint(&add_key),
    }
    .draw(frame, area, app, theme);
}

/// The date of the latest observation; a child not observed for longer than `--observe-weeks`
/// weeks, or never, stands out so that no child is forgotten.
fn observed(app: &App, row: &ChildRow, theme: &Theme) -> Line<'static> {
    let lang = app.lang;
    let today = app.today();
    let date = row.latest.map(|l| l.date);
    let text = match date {
        None => lang.get(T::NeverObserved).to_string(),
        Some(date) => lang.date(date),
    };
    if !overdue(date, today, app.observe_weeks) {
        return Line::raw(text);
    }
    let weeks = date.map(|d| format!(" {}", lang.weeks_ago((today - d).num_weeks())));
    Line::styled(
        format!("! {text}{}", weeks.unwrap_or_default()),
        theme.error,
    )
}
