//! The groups list and its popups.

use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row};
use ratatui::Frame;

use crate::app::screens::groups::{GroupRow, GroupsScreen};
use crate::app::{Action, App};
use crate::i18n::T;
use crate::ui::widgets::ListTable;
use crate::ui::widgets::{beside_name, table_room};
use crate::ui::{modal, Theme};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &GroupsScreen, theme: &Theme) {
    let lang = app.lang;
    let row = |row: &GroupRow| {
        let mut name = vec![ratatui::text::Span::raw(row.group.name.clone())];
        if row.group.archived {
            name.push(ratatui::text::Span::styled(
                format!(" ({})", lang.get(T::ArchivedTag)),
                theme.dim,
            ));
        }
        Row::new(vec![
            Cell::from(Line::from(name)),
            Cell::from(row.group.kind.label()),
            Cell::from(row.group.location.clone()),
            Cell::from(Line::from(row.children.to_string()).right_aligned()),
            Cell::from(row.visits.last.map(|d| lang.date(d)).unwrap_or_default()),
        ])
    };
    let mut title = lang.get(T::GroupsTitle).to_string();
    if screen.show_archived {
        title = format!("{title} ({})", lang.get(T::ShowingArchived));
    }
    let widest = screen
        .list
        .items()
        .map(|row| {
            let tag = match row.group.archived {
                true => lang.get(T::ArchivedTag).chars().count() + 3,
                false => 0,
            };
            row.group.name.chars().count() + tag
        })
        .max()
        .unwrap_or(0) as u16;
    let free = table_room(area.width, 5).saturating_sub(12 + 8 + 10);
    // An empty list tells how to add something only to who may.
    let add_key = app
        .key_label(&app.screen_contexts(), Action::Add)
        .filter(|_| app.may(Action::Add));
    ListTable {
        title,
        status: past_retention(app, screen, theme),
        header: vec![
            lang.get(T::ColName),
            lang.get(T::ColKind),
            lang.get(T::ColLocation),
            lang.get(T::ColChildren),
            lang.get(T::ColVisit),
        ],
        widths: vec![
            Constraint::Fill(3),
            Constraint::Length(12),
            beside_name(free, widest, 3, 3),
            Constraint::Length(8),
            // The date of the last coach visit.
            Constraint::Length(10),
        ],
        row: &row,
        list: &screen.list,
        empty: lang.no_items_hint(add_key.as_deref()),
    }
    .draw(frame, area, app, theme);
    modal::draw(frame, app, &screen.modal, theme);
}

/// For an admin, at the right of the title: how many archived children are past the retention
/// term, when there are any.
fn past_retention(app: &App, screen: &GroupsScreen, theme: &Theme) -> Option<Line<'static>> {
    (screen.past_retention > 0)
        .then(|| Line::styled(app.lang.past_retention(screen.past_retention), theme.error))
}
