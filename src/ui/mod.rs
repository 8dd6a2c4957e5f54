//! The view: draws the app's state, never changes it. One module per screen or popup, shared
//! pieces in `widgets`.

mod confirm;
mod lock;
mod modal;
mod popups;
mod screens;
mod sectioned;
mod theme;
mod users;
mod widgets;

use ratatui::layout::{Constraint, Layout};
use ratatui::Frame;

pub use theme::Theme;

#[cfg(test)]
mod tests;

use crate::app::{App, Popup, MIN_HEIGHT, MIN_WIDTH};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    draw_below_question(frame, app, theme);
    if let Some(question) = &app.question {
        confirm::draw(frame, frame.area(), app, &question.text, theme);
    }
}

/// Everything but the question: the notice, the lock or the screen with its popup.
fn draw_below_question(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return widgets::too_small(frame, app, theme);
    }
    // Locked, nothing of the screens (child names, the trail) is drawn at all.
    if let Some(locked) = &app.locked {
        return lock::draw(frame, app, locked, theme);
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    widgets::header(frame, header, app, theme);
    screens::draw(frame, body, app, app.screen(), theme);
    widgets::footer(frame, footer, app, theme);
    match &app.popup {
        Some(Popup::Help(help)) => popups::help::draw(frame, area, app, help, theme),
        Some(Popup::Pin(pin)) => modal::draw_form(frame, app, &pin.form, theme),
        Some(Popup::Report(report)) => modal::draw_form(frame, app, &report.form, theme),
        Some(Popup::Lookup(lookup)) => popups::lookup::draw(frame, area, app, lookup, theme),
        Some(Popup::Card(card)) => popups::card::draw(frame, area, app, card, theme),
        None => {}
    }
}
