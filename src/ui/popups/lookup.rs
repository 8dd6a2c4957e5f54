//! "Who to call?": the lookup popup (the search field, the cards found with role, organisation
//! and the phone number in full).

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::app::{Action, App, LookupPopup};
use crate::domain::contact::Contact;
use crate::domain::Id;
use crate::i18n::T;
use crate::ui::widgets::{block, hints, popup_area, shorten};
use crate::ui::Theme;

/// The lookup and the card leave a column of the screen's frame visible on either side.
pub const WIDTH: u16 = 76;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, popup: &LookupPopup, theme: &Theme) {
    let lang = app.lang;
    let height = area.height.saturating_sub(2).max(8);
    let outer = popup_area(frame, area, WIDTH, height);
    let frame_block = block(lang.get(T::LookupTitle).into(), theme);
    let inner = frame_block.inner(outer);
    frame.render_widget(frame_block, outer);
    let [field, list, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);

    let typed = Line::from(vec![
        Span::styled("> ", theme.key),
        Span::raw(format!("{}▏", popup.query)),
    ]);
    frame.render_widget(Paragraph::new(typed), field);

    // Keep the selection in view: scroll by whole pages of the list's height.
    let rows = list.height as usize;
    let first = (popup.selected / rows.max(1)) * rows.max(1);
    let width = list.width as usize;
    let mut lines = Vec::new();
    for row in first..(first + rows).min(popup.rows()) {
        let selected = row == popup.selected;
        let style = if selected {
            theme.selected
        } else {
            ratatui::style::Style::new()
        };
        let marker = if selected { "▶ " } else { "  " };
        let line = match popup.found.get(row).map(|i| &popup.contacts()[*i]) {
            Some(contact) => found_line(app, contact, popup.group, width - 2),
            None => {
                let text = if popup.found.is_empty() {
                    lang.get(T::LookupNothing)
                } else {
                    lang.get(T::LookupNew)
                };
                Line::styled(text.to_string(), theme.dim)
            }
        };
        let mut spans = vec![Span::raw(marker)];
        spans.extend(line.spans);
        lines.push(Line::from(spans).style(style));
    }
    frame.render_widget(Paragraph::new(lines), list);
    let keys = hints(
        app,
        &[Action::Open, Action::Back, Action::Up, Action::Down],
        footer.width,
        theme,
    );
    frame.render_widget(Paragraph::new(keys), footer);
}

/// One card found: its phone number in full first (that is what people look up), then the
/// name, role and organisation as far as they fit.
fn found_line(app: &App, contact: &Contact, group: Option<Id>, width: usize) -> Line<'static> {
    let lang = app.lang;
    let phone = contact
        .phone()
        .map(|p| p.number.clone())
        .unwrap_or_default();
    let mut about = contact.name.clone();
    for part in [&contact.role, &contact.organisation] {
        if !part.is_empty() {
            about = format!("{about} · {part}");
        }
    }
    let mut tag = String::new();
    if contact.pinned.is_some() {
        tag = format!(" [{}]", lang.get(T::PinnedTag));
    }
    if group.is_some_and(|g| contact.serves(g)) {
        tag = format!("{tag} *");
    }
    let room = width.saturating_sub(16 + tag.chars().count());
    Line::from(vec![
        Span::raw(format!("{phone:<15} ")),
        Span::raw(shorten(&about, room)),
        Span::raw(tag),
    ])
}
