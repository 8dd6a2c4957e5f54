//! The yes/no question (`app::confirm`): drawn over everything, the lock screen and the "too
//! small" notice included, with the keys that answer it in the user's language.

use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::widgets::{block, popup_area};
use super::Theme;
use crate::app::App;
use crate::i18n::T;

/// The widest the popup gets; on a narrower terminal it takes the whole width.
const WIDTH: u16 = 60;

/// Draws the question `text` with the keys that answer it.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, text: &str, theme: &Theme) {
    let lines = vec![
        Line::raw(text.to_string()),
        Line::raw(""),
        Line::styled(app.lang.get(T::ConfirmKeys), theme.dim),
    ];
    let inner = usize::from(WIDTH.min(area.width).saturating_sub(2)).max(1);
    // A long question (a plan's name, an outcome) wraps; the division may need a row more.
    let wrapped = unicode_width::UnicodeWidthStr::width(text).div_ceil(inner);
    let height = (wrapped.max(1) + 2 + 1 + 2) as u16;
    let popup = popup_area(frame, area, WIDTH, height);
    let title = app.lang.get(T::ConfirmTitle).to_string();
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(title, theme)),
        popup,
    );
}
