use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row};
use ratatui::Frame;

use super::widgets::ListTable;
use super::Theme;
use crate::app::{Action, App, ChildrenScreen};
use crate::i18n::T;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &ChildrenScreen, theme: &Theme) {
    let lang = app.lang;
    let today = app.today();
    let rows = screen
        .list
        .visible()
        .map(|child| {
            let mut name = vec![Span::raw(child.full_name())];
            if child.archived {
                name.push(Span::styled(
                    format!(" ({})", lang.get(T::ArchivedTag)),
                    theme.dim,
                ));
            }
            Row::new(vec![
                Cell::from(Line::from(name)),
                Cell::from(lang.age(child.age_on(today))),
                Cell::from(lang.date(child.birth_date)),
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
        header: vec![
            lang.get(T::ColName),
            lang.get(T::ColAge),
            lang.get(T::ColBirthDate),
        ],
        widths: vec![
            Constraint::Fill(3),
            Constraint::Length(14),
            Constraint::Length(13),
        ],
        rows,
        list: &screen.list,
        empty: lang.no_items_hint(&add_key),
    }
    .draw(frame, area, app, theme);
}
