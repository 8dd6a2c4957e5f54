//! The locked screen: no child's name or data, only the lock, the pinned emergency cards and the
//! picker that unlocks.

use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

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
            // What does not fit beside the number and name ends at a word, marked "…" (the whole
            // card is one `c` away), rather than mid-word ("misbr").
            let used = 2 + 14 + card.name.width() + 2;
            let about = at_a_word(&about, usize::from(emergency.width).saturating_sub(used));
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

/// `text` on one line of `room` columns: whole when it fits, else its first words that fit
/// followed by "…" (nothing when not even a word does).
fn at_a_word(text: &str, room: usize) -> String {
    if text.width() <= room {
        return text.to_string();
    }
    let words_whole = textwrap::Options::new(room.saturating_sub(1).max(1)).break_words(false);
    let lines = textwrap::wrap(text, words_whole);
    match lines.first() {
        Some(first) if first.width() < room && lines.len() > 1 => format!("{first}…"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::at_a_word;

    #[test]
    fn a_cut_ends_at_a_word_and_says_so() {
        let text = "bij vermoeden van huiselijk geweld of kindermishandeling";
        assert_eq!(at_a_word(text, 80), text);
        assert_eq!(at_a_word(text, 30), "bij vermoeden van huiselijk…");
        assert_eq!(at_a_word(text, 3), "");
    }
}
