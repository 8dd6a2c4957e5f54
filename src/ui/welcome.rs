use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::widgets::{block, popup_area};
use super::Theme;
use crate::app::{Action, App};
use crate::i18n::T;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let contexts = app.contexts();
    let option = |action: Action, text: T| {
        let key = app
            .keymap
            .first_key_label(&contexts, action)
            .unwrap_or_default();
        Line::from(vec![
            Span::styled(format!("  {key:<8}"), theme.key),
            Span::raw(lang.get(text)),
        ])
    };
    let text = vec![
        Line::raw(lang.get(T::WelcomeBody)),
        Line::raw(""),
        option(Action::LoadDemo, T::WelcomeDemo),
        option(Action::StartEmpty, T::WelcomeEmpty),
    ];
    let inner = popup_area(frame, area, 72, 12);
    let paragraph = Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .block(block(lang.get(T::WelcomeTitle).into(), theme));
    frame.render_widget(paragraph, inner);
}
