//! The staff screen: name, role, groups, whether a PIN is set (never the PIN itself) and who is
//! the aandachtsfunctionaris.

use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row};
use ratatui::Frame;

use crate::app::{App, StaffScreen, UserRow};
use crate::domain::access::{self, Permission};
use crate::domain::group;
use crate::i18n::T;
use crate::ui::widgets::{beside_name, table_room, ListTable};
use crate::ui::{modal, Theme};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &StaffScreen, theme: &Theme) {
    let lang = app.lang;
    let row = |row: &UserRow| match row {
        UserRow::Person(p) => {
            let groups = match access::allows(p.role, Permission::SeeAllGroups) {
                true => lang.get(T::AllGroups).to_string(),
                false => group::names_of(&p.groups, &screen.groups),
            };
            let pin = if screen.pins.contains(&p.id) {
                "✓"
            } else {
                ""
            };
            let mut name = vec![Span::raw(p.name.clone())];
            if access::is_safeguarding_lead(p) {
                name.push(Span::styled(
                    format!(" {}", lang.get(T::LeadTag)),
                    theme.header,
                ));
            }
            Row::new(vec![
                Cell::from(Line::from(name)),
                Cell::from(lang.role(p.role)),
                Cell::from(groups),
                Cell::from(pin),
            ])
        }
        UserRow::New => Row::new(vec![Cell::from(lang.get(T::UsersNew))]),
    };
    let widest = screen
        .list
        .items()
        .map(|row| match row {
            UserRow::Person(p) => p.name.chars().count() + lead_tag(p),
            UserRow::New => lang.get(T::UsersNew).chars().count(),
        })
        .max()
        .unwrap_or(0) as u16;
    let free = table_room(area.width, 4).saturating_sub(17 + 7);
    // The tag beside a lead's name is explained in the title, once anyone has it.
    let mut title = lang.get(T::StaffTitle).to_string();
    let any_lead = screen.list.items().any(|row| match row {
        UserRow::Person(p) => access::is_safeguarding_lead(p),
        UserRow::New => false,
    });
    if any_lead {
        title = format!("{title} · {}", lang.get(T::LeadTagExplained));
    }
    ListTable {
        title,
        status: None,
        header: vec![
            lang.get(T::FieldName),
            lang.get(T::FieldRole),
            lang.get(T::ColGroups),
            lang.get(T::ColPin),
        ],
        widths: vec![
            Constraint::Fill(1),
            Constraint::Length(17),
            beside_name(free, widest, 1, 2),
            Constraint::Length(7),
        ],
        row: &row,
        list: &screen.list,
        empty: String::new(),
    }
    .draw(frame, area, app, theme);
    modal::draw(frame, app, &screen.modal, theme);
}

/// The width of the tag beside the name of an aandachtsfunctionaris (a space and "AF").
fn lead_tag(person: &crate::domain::Staff) -> usize {
    match access::is_safeguarding_lead(person) {
        true => 3,
        false => 0,
    }
}
