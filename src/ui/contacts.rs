//! "Who to call?": the lookup popup (the search field, the cards found with role, organisation
//! and the phone number in full) and the whole card.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use super::widgets::{block, hints, popup_area, shorten};
use super::Theme;
use crate::app::{help_label, Action, App, LookupPopup};
use crate::domain::contact::{Contact, Help};
use crate::domain::Id;
use crate::i18n::T;

/// Both popups leave a column of the screen's frame visible on either side.
const WIDTH: u16 = 76;

pub fn draw_lookup(frame: &mut Frame, area: Rect, app: &App, popup: &LookupPopup, theme: &Theme) {
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
        let line = match popup.found.get(row).map(|i| &popup.lookup.contacts[*i]) {
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

pub fn draw_card(frame: &mut Frame, area: Rect, app: &App, contact: &Contact, theme: &Theme) {
    let lang = app.lang;
    // (label, value, stands out): the phone numbers stand out, empty fields are left out.
    let mut rows: Vec<(String, String, bool)> = Vec::new();
    let mut add = |label: T, value: String| rows.push((lang.get(label).to_string(), value, false));
    add(T::FieldRoleText, contact.role.clone());
    add(T::FieldOrganisation, contact.organisation.clone());
    for phone in &contact.phones {
        let label = match phone.label.as_str() {
            "" => lang.get(T::Phone).to_string(),
            label => label.to_string(),
        };
        rows.push((label, phone.number.clone(), true));
    }
    let consent = contact.consent_first.then(|| lang.get(T::Yes).to_string());
    let mut add = |label: T, value: String| rows.push((lang.get(label).to_string(), value, false));
    add(T::FieldEmail, contact.email.clone());
    add(T::FieldAvailability, contact.availability.clone());
    add(T::FieldWhenToCall, contact.when_to_call.clone());
    add(T::FieldArea, contact.area.clone());
    add(T::Topics, contact.topics.join(", "));
    if contact.help != Help::Unknown {
        add(T::FieldHelp, help_label(lang, contact.help).to_string());
    }
    add(T::FieldConsentFirst, consent.unwrap_or_default());
    add(
        T::FieldVerified,
        contact.verified.map(|d| lang.date(d)).unwrap_or_default(),
    );
    add(T::FieldNotes, contact.notes.clone());
    // A value of several lines (a note imported from an address book) keeps its lines, under
    // its label.
    let mut lines: Vec<Line> = Vec::new();
    for (label, value, stands_out) in rows {
        let style = if stands_out {
            theme.header
        } else {
            ratatui::style::Style::new()
        };
        for (n, part) in value.lines().filter(|p| !p.trim().is_empty()).enumerate() {
            let label = if n == 0 { label.as_str() } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("{label:<24}"), theme.dim),
                Span::styled(part.to_string(), style),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(hints(
        app,
        &[
            Action::Back,
            Action::Edit,
            Action::Link,
            Action::ServeGroup,
            Action::Remove,
        ],
        WIDTH - 2,
        theme,
    ));
    // Long values wrap: count the rows they take.
    let inner = usize::from(WIDTH - 2);
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let outer = popup_area(frame, area, WIDTH, rows as u16 + 2);
    let mut title = contact.name.clone();
    if contact.pinned.is_some() {
        title = format!("{title} [{}]", lang.get(T::PinnedTag));
    }
    let body = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block(title, theme));
    frame.render_widget(body, outer);
}
