//! The help overlay, built from the active keymap so it always tells the truth.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::app::popups::help::CHROME_ROWS;
use crate::app::{App, HelpPopup};
use crate::i18n::{Lang, T};
use crate::ui::widgets::{block, popup_area};
use crate::ui::Theme;

pub fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
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

pub fn draw(frame: &mut Frame, area: Rect, app: &App, help: &HelpPopup, theme: &Theme) {
    let lines = lines(app, theme);
    let popup = popup_area(frame, area, 64, area.height.saturating_sub(CHROME_ROWS - 2));
    let paragraph = Paragraph::new(lines)
        .scroll((help.scroll, 0))
        .block(block(app.lang.get(T::HelpTitle).into(), theme));
    frame.render_widget(paragraph, popup);
}
