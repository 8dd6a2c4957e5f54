//! The help overlay, built from the active keymap so it always tells the truth.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::app::popups::help::{description, wrapped, CHROME_ROWS, KEYS_COLUMNS, WIDTH};
use crate::app::{App, HelpPopup};
use crate::i18n::T;
use crate::ui::widgets::{block, popup_area};
use crate::ui::Theme;

/// The help's lines on a terminal `width` columns wide.
pub fn lines(app: &App, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut lines = vec![Line::styled(lang.get(T::HelpFooter), theme.dim)];
    // The line layout here is what `App::help_lines` counts on.
    for (context, bindings) in app.help_sections() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            lang.context(context).to_string(),
            theme.header,
        ));
        for binding in bindings {
            let keys: Vec<String> = binding.keys.iter().map(|&k| lang.key(k)).collect();
            let what = wrapped(&description(lang, binding), width);
            for (n, part) in what.into_iter().enumerate() {
                let keys = match n {
                    0 => format!("  {:<18}", keys.join(", ")),
                    _ => " ".repeat(KEYS_COLUMNS),
                };
                lines.push(Line::from(vec![
                    Span::styled(keys, theme.key),
                    Span::raw(part),
                ]));
            }
        }
    }
    lines
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, help: &HelpPopup, theme: &Theme) {
    let lines = lines(app, theme, area.width);
    let popup = popup_area(
        frame,
        area,
        WIDTH,
        area.height.saturating_sub(CHROME_ROWS - 2),
    );
    let paragraph = Paragraph::new(lines)
        .scroll((help.scroll, 0))
        .block(block(app.lang.get(T::HelpTitle).into(), theme));
    frame.render_widget(paragraph, popup);
}
