//! A screen's popup: one of its forms, or a yes/no question. A form taller than the screen
//! scrolls to keep the focused field in view, while its error line and its keys stay at the
//! bottom, always visible.

use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::widgets::{block, hints, popup_area, shorten};
use super::Theme;
use crate::app::fields::{Fields, Form};
use crate::app::modal::Modal;
use crate::app::{Action, App};

const FORM_WIDTH: u16 = 72;
/// Columns of a field's label; the value starts after it. A form with a longer label widens
/// its label column to that label (see [`label_width`]).
const LABEL: usize = 28;

/// Draws the open popup of a screen, if any, over the whole terminal.
pub fn draw<F: Fields, Q>(
    frame: &mut Frame,
    app: &App,
    modal: &Option<Modal<F, Q>>,
    theme: &Theme,
) {
    match modal {
        Some(Modal::Form(form)) => draw_form(frame, app, form, theme),
        Some(Modal::Confirm(confirm)) => {
            super::confirm::draw(frame, frame.area(), app, &confirm.question, theme)
        }
        None => {}
    }
}

/// A form: warning, fields (the focused one with its hint), the form's hint, then the error and
/// the keys.
pub fn draw_form<F: Fields>(frame: &mut Frame, app: &App, form: &Form<F>, theme: &Theme) {
    let lang = app.lang;
    // On a terminal narrower than the form, it takes the whole width and wraps to it.
    let width = FORM_WIDTH.min(frame.area().width);
    let inner = usize::from(width.saturating_sub(2));
    let mut lines: Vec<Line<'static>> = Vec::new();
    if let Some(warning) = form.fields.warning(lang) {
        // Prose: wrapped between words (a typed value wraps anywhere, to follow the cursor).
        lines.extend(
            textwrap::wrap(&warning, prose(inner))
                .into_iter()
                .map(|l| Line::styled(l.into_owned(), theme.error)),
        );
        lines.push(Line::raw(""));
    }
    // Where the focused field's lines are, to scroll them into view.
    let mut focused = 0..0;
    let fields = form.fields.fields();
    let labels = fields
        .iter()
        .map(|f| f.shown(lang).label.text(lang).to_string());
    let label_width = label_width(labels, inner);
    for (i, field) in fields.iter().enumerate() {
        let shown = field.shown(lang);
        let is_focused = i == form.focus;
        let start = lines.len();
        let label_style = if is_focused {
            theme.selected
        } else {
            theme.dim
        };
        let label = shorten(shown.label.text(lang), label_width);
        let label = format!("{label}{}", " ".repeat(label_width - label.width()));
        let value = match (shown.choice, is_focused) {
            (true, _) => format!("‹ {} ›", shown.value),
            (false, true) => {
                let at = shown
                    .value
                    .char_indices()
                    .nth(shown.cursor)
                    .map_or(shown.value.len(), |(i, _)| i);
                format!("{}▏{}", &shown.value[..at], &shown.value[at..])
            }
            (false, false) => shown.value,
        };
        let room = inner.saturating_sub(label_width + 1).max(8);
        for (n, part) in wrap(&value, room).into_iter().enumerate() {
            let head = match n {
                0 => Span::styled(label.clone(), label_style),
                _ => Span::raw(" ".repeat(label_width)),
            };
            lines.push(Line::from(vec![head, Span::raw(format!(" {part}"))]));
        }
        // The focused field's hint under its value, wrapped between words, so that it is read
        // whole ("at most 4000 characters", never "at most 400").
        if let (true, Some(hint)) = (is_focused, shown.hint) {
            lines.extend(
                textwrap::wrap(&hint, prose(room))
                    .into_iter()
                    .map(|part| Line::styled(format!("{:label_width$} {part}", ""), theme.dim)),
            );
        }
        if is_focused {
            focused = start..lines.len();
        }
    }
    if let Some(hint) = form.fields.hint(lang) {
        lines.extend(
            textwrap::wrap(&hint, prose(inner))
                .into_iter()
                .map(|l| Line::styled(l.into_owned(), theme.dim)),
        );
    }
    let error: Vec<Line> = form
        .error
        .iter()
        .flat_map(|e| textwrap::wrap(e, prose(inner)))
        .map(|l| Line::styled(l.into_owned(), theme.error))
        .collect();
    // Only the keys this form has use for: moving between fields needs two, choosing a choice.
    let mut actions = vec![Action::Submit, Action::Back];
    if fields.len() > 1 {
        actions.push(Action::NextField);
    }
    if fields.iter().any(|f| f.is_choice()) {
        actions.push(Action::ChoiceNext);
    }
    let keys = hints(app, &actions, width.saturating_sub(2), theme);
    let bottom = error.len() as u16 + 1;
    let wanted = lines.len() as u16 + 1 + bottom + 2;
    let popup = popup_area(frame, frame.area(), width, wanted);
    frame.render_widget(block(lang.get(form.fields.title()).into(), theme), popup);
    let inside = popup.inner(ratatui::layout::Margin::new(1, 1));
    let [body, _, errors, key_line] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(error.len() as u16),
        Constraint::Length(1),
    ])
    .areas(inside);
    let scroll = scroll_to(focused, body.height as usize, lines.len());
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), body);
    frame.render_widget(Paragraph::new(error), errors);
    frame.render_widget(Paragraph::new(keys), key_line);
}

/// The columns of a form's label column: [`LABEL`], or the widest of `labels` (in columns) when
/// one is longer, so that no label runs into its value; at most three fifths of the form's
/// `inner` width, so that a value keeps room (a longer label is then cut there with "…").
fn label_width(labels: impl Iterator<Item = String>, inner: usize) -> usize {
    let widest = labels.map(|l| l.width()).max().unwrap_or(0);
    widest.max(LABEL).min((inner * 3 / 5).max(LABEL.min(inner)))
}

/// The first line to show so that the end of `focused` (a range of lines: the field, its cursor
/// at the end of its value, its hint) is in view in `rows` rows. A field taller than the view
/// (a long note) shows its last lines, where the typing is.
fn scroll_to(focused: std::ops::Range<usize>, rows: usize, total: usize) -> u16 {
    if total <= rows {
        return 0;
    }
    let end = focused.end.max(focused.start + 1);
    end.saturating_sub(rows).min(total - rows) as u16
}

/// How prose is wrapped: between words only, a hyphenated word ("youth-care") kept whole.
fn prose(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width).word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// `text` in lines of at most `width` columns; its own line breaks are kept.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        let mut current = String::new();
        let mut used = 0;
        for c in line.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width && !current.is_empty() {
                out.push(std::mem::take(&mut current));
                used = 0;
            }
            current.push(c);
            used += w;
        }
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_focused_field_scrolls_into_view() {
        assert_eq!(scroll_to(2..3, 10, 5), 0, "everything fits");
        assert_eq!(scroll_to(2..3, 4, 20), 0, "already in view");
        assert_eq!(scroll_to(12..14, 4, 20), 10);
        assert_eq!(scroll_to(19..20, 4, 20), 16, "the last field at the bottom");
        assert_eq!(
            scroll_to(3..33, 10, 40),
            23,
            "a tall note: its end, where the cursor is"
        );
    }

    #[test]
    fn the_label_column_widens_to_the_longest_label_within_three_fifths() {
        let labels = |l: &[&str]| {
            l.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert_eq!(label_width(labels(&["School", "Datum"]), 70), LABEL);
        let talk = "With whom (intern begeleider)";
        assert_eq!(label_width(labels(&["School", talk]), 70), talk.len());
        let long = "Talk with parents (reaction, or why not) and more";
        assert_eq!(label_width(labels(&[long]), 70), 42, "a value keeps room");
        assert_eq!(label_width(labels(&[long]), 20), 20, "a narrow terminal");
    }

    #[test]
    fn wrapping_keeps_line_breaks_and_counts_wide_characters() {
        assert_eq!(wrap("abcdef", 4), vec!["abcd", "ef"]);
        assert_eq!(wrap("ab\ncd", 10), vec!["ab", "cd"]);
        assert_eq!(wrap("漢字漢字", 5), vec!["漢字", "漢字"]);
        assert_eq!(wrap("", 5), vec![""]);
    }
}
