//! The form popup (add or edit a record).

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::widgets::{block, hints, popup_area};
use super::Theme;
use crate::app::form::{FieldValue, Form};
use crate::app::{Action, App};

const FORM_WIDTH: u16 = 72;

pub fn draw<K>(frame: &mut Frame, area: Rect, app: &App, form: &Form<K>, theme: &Theme) {
    let mut lines = Vec::new();
    if let Some(warning) = &form.warning {
        lines.push(Line::styled(warning.clone(), theme.error));
        lines.push(Line::raw(""));
    }
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let label_style = if focused { theme.selected } else { theme.dim };
        let label = Span::styled(format!("{:<28}", app.lang.get(field.label)), label_style);
        let shown = |text: &str| match field.secret {
            true => "•".repeat(text.chars().count()),
            false => text.to_string(),
        };
        let value = match &field.value {
            FieldValue::Text(text) if focused => format!(" {}▏", shown(text)),
            FieldValue::Text(text) => format!(" {}", shown(text)),
            FieldValue::Choice { options, index } => {
                format!(
                    " ‹ {} ›",
                    options.get(*index).map(String::as_str).unwrap_or("")
                )
            }
        };
        lines.push(Line::from(vec![label, Span::raw(value)]));
    }
    if let Some(hint) = &form.hint {
        lines.push(Line::styled(hint.clone(), theme.dim));
    }
    lines.push(Line::raw(""));
    if let Some(error) = &form.error {
        lines.push(Line::styled(error.clone(), theme.error));
    }
    // Only the keys this form has use for: moving between fields needs two, choosing a choice.
    let mut actions = vec![Action::Submit, Action::Back];
    if form.fields.len() > 1 {
        actions.push(Action::NextField);
    }
    if form
        .fields
        .iter()
        .any(|f| matches!(f.value, FieldValue::Choice { .. }))
    {
        actions.push(Action::ChoiceNext);
    }
    lines.push(hints(app, &actions, FORM_WIDTH - 2, theme));
    // A long warning or hint wraps; word wrapping may need a row more than the plain division
    // says.
    let inner = usize::from(FORM_WIDTH - 2);
    let wrapped_rows: usize = [&form.warning, &form.hint]
        .into_iter()
        .flatten()
        .map(|w| unicode_width::UnicodeWidthStr::width(w.as_str()).div_ceil(inner))
        .sum();
    let height = (lines.len() + wrapped_rows) as u16 + 2;
    let popup = popup_area(frame, area, FORM_WIDTH, height);
    let paragraph = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block(app.lang.get(form.title).into(), theme));
    frame.render_widget(paragraph, popup);
}
