//! The "who are you" picker, drawn by the first-run picker (`screens::users`) and the lock
//! screen.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};
use ratatui::Frame;

use super::widgets::block;
use super::Theme;
use crate::app::list::ListView;
use crate::app::{App, UserRow};
use crate::i18n::T;

/// The "who are you" picker in `area`: a title, a hint, the typed name and the people matching
/// it. The first-run picker and the lock screen both use it.
pub fn picker(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    list: &ListView<UserRow>,
    title: T,
    hint: T,
    theme: &Theme,
) {
    let lang = app.lang;
    let outer = block(lang.get(title).into(), theme);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let hint_rows = if hint == T::UsersHint { 1 } else { 2 };
    let [hint_area, input, rows] = Layout::vertical([
        Constraint::Length(hint_rows),
        Constraint::Length(2),
        Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(Line::styled(lang.get(hint), theme.dim))
            .wrap(ratatui::widgets::Wrap { trim: true }),
        hint_area,
    );
    let typed = Line::from(vec![
        Span::styled("> ", theme.key),
        Span::raw(format!("{}▏", list.filter)),
    ]);
    frame.render_widget(Paragraph::new(typed), input);

    let items: Vec<ListItem> = list
        .visible()
        .map(|row| match row {
            UserRow::Person(staff) => ListItem::new(Line::from(vec![
                Span::raw(staff.name.clone()),
                Span::styled(format!("  {}", lang.role(staff.role)), theme.dim),
            ])),
            UserRow::New => ListItem::new(Line::styled(lang.get(T::UsersNew), theme.key)),
        })
        .collect();
    let widget = List::new(items)
        .highlight_style(theme.selected)
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(list.selected_index()));
    frame.render_stateful_widget(widget, rows, &mut state);
}
