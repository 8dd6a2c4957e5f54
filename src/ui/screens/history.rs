//! A child's audit trail: every change to the child, its observations and its trajectories,
//! newest first, with who made it and when. It cannot be edited.

use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Cell, Row};
use ratatui::Frame;

use crate::app::screens::history::{HistoryRow, HistoryScreen};
use crate::app::App;
use crate::i18n::T;
use crate::ui::widgets::ListTable;
use crate::ui::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &HistoryScreen, theme: &Theme) {
    let lang = app.lang;
    let row = |row: &HistoryRow| {
        let e = &row.entry;
        let when = format!("{} {}", lang.date(e.at.date_naive()), e.at.format("%H:%M"));
        Row::new(vec![
            Cell::from(when),
            Cell::from(e.by.clone()),
            Cell::from(e.action.clone()),
            Cell::from(e.target.clone()),
        ])
    };
    ListTable {
        title: format!(
            "{} · {}",
            screen.label.text.clone(),
            lang.get(T::HistoryTitle)
        ),
        status: None,
        header: vec![
            lang.get(T::ColDate),
            lang.get(T::ColObserver),
            lang.get(T::ColAction),
            lang.get(T::ColRecord),
        ],
        widths: vec![
            Constraint::Length(16),
            Constraint::Fill(1),
            Constraint::Length(26),
            Constraint::Fill(1),
        ],
        row: &row,
        list: &screen.list,
        empty: lang.get(T::NoHistory).to_string(),
    }
    .draw(frame, area, app, theme);
}
