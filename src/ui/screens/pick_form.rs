//! Which form to observe with, for a group that uses several: the forms with their kinds of
//! group and number of items.

use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Cell, Row};
use ratatui::Frame;

use crate::app::screens::pick_form::{PickFormScreen, TemplateRow};
use crate::app::App;
use crate::i18n::T;
use crate::ui::widgets::ListTable;
use crate::ui::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &PickFormScreen, theme: &Theme) {
    let lang = app.lang;
    let row = |row: &TemplateRow| {
        let kinds: Vec<&str> = row.template.kinds.iter().map(|k| k.label()).collect();
        Row::new(vec![
            Cell::from(lang.text(&row.template.name).to_string()),
            Cell::from(kinds.join(", ")),
            Cell::from(row.template.item_count().to_string()),
        ])
    };
    ListTable {
        title: format!(
            "{} · {}",
            screen.label.text.clone(),
            lang.get(T::PickFormTitle)
        ),
        status: None,
        header: vec![
            lang.get(T::ColName),
            lang.get(T::ColKind),
            lang.get(T::ColItems),
        ],
        widths: vec![
            Constraint::Fill(3),
            Constraint::Length(24),
            Constraint::Length(8),
        ],
        row: &row,
        list: &screen.list,
        empty: lang.get(T::FilterNoMatch).to_string(),
    }
    .draw(frame, area, app, theme);
}
