//! The locked screen: no child's name or data, only the lock, the pinned emergency cards and the
//! picker that unlocks.

use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::users::picker;
use super::widgets::block;
use super::Theme;
use crate::app::{App, Locked};
use crate::i18n::T;

pub fn draw(frame: &mut Frame, app: &App, locked: &Locked, theme: &Theme) {
    let lang = app.lang;
    let area = frame.area();
    let cards = locked.emergency.len() as u16;
    // Two rows: the sentence wraps on a narrow terminal.
    let notice = 2 * u16::from(locked.draft_of.is_some());
    let [header, draft, emergency, unlock] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(notice),
        Constraint::Length(cards + 2),
        Constraint::Min(0),
    ])
    .areas(area);
    if let Some(name) = &locked.draft_of {
        let line = Line::styled(lang.draft_open(name), theme.error);
        let wrapped = Paragraph::new(line).wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(wrapped, draft);
    }
    let title = Line::from(vec![
        Span::styled(lang.get(T::AppName), theme.title),
        Span::styled(format!(" › {}", lang.get(T::LockedTitle)), theme.header),
    ]);
    frame.render_widget(Paragraph::new(title), header);

    let lines: Vec<Line> = locked
        .emergency
        .iter()
        .map(|card| {
            let phone = card.phone().map(|p| p.number.clone()).unwrap_or_default();
            // An aandachtsfunctionaris' line says what they are; their card says when to call.
            let about = match card.lead {
                Some(_) => lang.get(T::LeadLabel).to_string(),
                None => card.when_to_call.clone(),
            };
            Line::from(vec![
                Span::styled(format!("{phone:<14}"), theme.header),
                Span::raw(format!("{}  ", card.name)),
                Span::styled(about, theme.dim),
            ])
        })
        .collect();
    let block = block(lang.get(T::EmergencyTitle).into(), theme);
    frame.render_widget(Paragraph::new(lines).block(block), emergency);
    picker(
        frame,
        unlock,
        app,
        &locked.picker,
        T::LockedTitle,
        T::LockedHint,
        theme,
    );
    if let Some(form) = &locked.pin {
        super::modal::draw_form(frame, app, form, theme);
    }
}
