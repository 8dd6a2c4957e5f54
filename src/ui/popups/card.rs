//! One contact card: every field that is filled in, the phone numbers in full and standing out,
//! and the keys of the card; its form (`ui::modal`) is drawn over it.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::lookup::WIDTH;
use crate::app::{help_label, Action, App, CardPopup};
use crate::domain::contact::{Contact, Help};
use crate::i18n::T;
use crate::ui::widgets::{block, hints, popup_area};
use crate::ui::{modal, Theme};

/// The card, with its form or question over it; a new card shows only its form.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, card: &CardPopup, theme: &Theme) {
    if let Some(contact) = &card.contact {
        let offered = card.offers(app.user.as_ref());
        // A pinned card in the user's language; the form keeps what is stored.
        let shown = app.lang.contact(contact);
        draw_card(frame, area, app, &shown, &card.leads, &offered, theme);
    }
    modal::draw(frame, app, &card.modal, theme);
}

fn draw_card(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    contact: &Contact,
    leads: &[Contact],
    offered: &[Action],
    theme: &Theme,
) {
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
    // Every aandachtsfunctionaris: name and number, standing out like the card's own numbers.
    for lead in leads {
        let number = lead.phone().map(|p| p.number.as_str()).unwrap_or_default();
        let line = format!("{}  {number}", lead.name);
        rows.push((
            lang.get(T::LeadLabel).to_string(),
            line.trim().to_string(),
            true,
        ));
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
    // The values start in one column, two spaces after the widest label (at least 24 columns,
    // so short labels keep one layout). A value of several lines (a note imported from an
    // address book) keeps its lines, and a long one wraps, all in the value's column.
    let inner = usize::from(WIDTH - 2);
    let label_width = rows
        .iter()
        .map(|(label, value, _)| {
            if value.trim().is_empty() {
                0
            } else {
                label.width()
            }
        })
        .max()
        .map_or(24, |widest| (widest + 2).max(24))
        .min(inner / 2);
    let value_width = inner - label_width;
    let mut lines: Vec<Line> = Vec::new();
    for (label, value, stands_out) in rows {
        let style = if stands_out {
            theme.header
        } else {
            ratatui::style::Style::new()
        };
        let parts = value.lines().filter(|p| !p.trim().is_empty());
        let wrapped = parts.flat_map(|part| textwrap::wrap(part, value_width));
        for (n, part) in wrapped.enumerate() {
            let label = if n == 0 { label.as_str() } else { "" };
            let pad = label_width.saturating_sub(label.width());
            lines.push(Line::from(vec![
                Span::styled(format!("{label}{}", " ".repeat(pad)), theme.dim),
                Span::styled(part.into_owned(), style),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(hints(app, offered, WIDTH - 2, theme));
    // The hints may still wrap: count the rows every line takes.
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
