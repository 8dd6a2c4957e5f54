//! The first start: what signaal is, where its database goes, and the two ways to begin.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::app::screens::WelcomeScreen;
use crate::app::{Action, App};
use crate::i18n::T;
use crate::ui::widgets::{block, popup_area};
use crate::ui::Theme;

/// The welcome popup's width, borders included.
const POPUP_WIDTH: u16 = 72;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, _screen: &WelcomeScreen, theme: &Theme) {
    let lang = app.lang;
    let contexts = app.contexts();
    let option = |action: Action, text: T| {
        let key = app.key_label(&contexts, action).unwrap_or_default();
        Line::from(vec![
            Span::styled(format!("  {key:<8}"), theme.key),
            Span::raw(lang.get(text)),
        ])
    };
    // Where the database is, whole and absolute, so a mistyped `--db` shows before anything
    // goes into it. Cut into rows of the popup's width: a path wraps, its end is never cut.
    let width = usize::from(POPUP_WIDTH.min(area.width).saturating_sub(2)).max(1);
    let path = std::path::absolute(app.store.path()).unwrap_or_else(|_| app.store.path().into());
    let chars: Vec<char> = path.display().to_string().chars().collect();
    let path_rows = chars
        .chunks(width)
        .map(|row| Line::styled(row.iter().collect::<String>(), theme.key));
    let mut text = vec![
        Line::raw(lang.get(T::WelcomeBody)),
        Line::raw(""),
        Line::raw(lang.get(T::WelcomeWhere)),
    ];
    text.extend(path_rows);
    text.extend([
        Line::raw(""),
        option(Action::LoadDemo, T::WelcomeDemo),
        option(Action::StartEmpty, T::WelcomeEmpty),
    ]);
    let height = 10 + chars.len().div_ceil(width) as u16;
    let inner = popup_area(frame, area, POPUP_WIDTH, height);
    let paragraph = Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .block(block(lang.get(T::WelcomeTitle).into(), theme));
    frame.render_widget(paragraph, inner);
}
