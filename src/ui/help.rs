//! The help overlay, built from the active keymap so it always tells the truth.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::widgets::{block, popup_area};
use super::Theme;
use crate::app::App;
use crate::i18n::{Lang, T};
use crate::keymap::Context;

pub fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut lines = vec![Line::styled(lang.get(T::HelpFooter), theme.dim)];
    for context in Context::ALL {
        let bindings = app.keymap.bindings(context);
        if bindings.is_empty() {
            continue;
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(lang.context(context).to_string(), theme.header));
        for binding in bindings {
            let keys: Vec<String> = binding.keys.iter().map(|k| k.to_string()).collect();
            // Keymap files describe bindings in English; in Dutch the action's own name is shown.
            let what = match lang {
                Lang::En => binding.desc.clone(),
                Lang::Nl => lang.action(binding.action).to_string(),
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<18}", keys.join(", ")), theme.key),
                Span::raw(what),
            ]));
        }
    }
    lines
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Theme) {
    let lines = lines(app, theme);
    let popup = popup_area(frame, area, 64, area.height.saturating_sub(2));
    let visible = popup.height.saturating_sub(2);
    let max_scroll = (lines.len() as u16).saturating_sub(visible);
    let paragraph = Paragraph::new(lines)
        .scroll((scroll.min(max_scroll), 0))
        .block(block(app.lang.get(T::HelpTitle).into(), theme));
    frame.render_widget(paragraph, popup);
}
