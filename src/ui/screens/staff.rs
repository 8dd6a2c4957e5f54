//! The staff screen: name, role, groups, whether a PIN is set (never the PIN itself) and who is
//! the aandachtsfunctionaris.

use ratatui::layout::{Constraint, Rect};
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
    let rows = screen
        .list
        .visible()
        .map(|row| match row {
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
                let lead = match access::is_safeguarding_lead(p) {
                    true => "✓",
                    false => "",
                };
                Row::new(vec![
                    Cell::from(p.name.clone()),
                    Cell::from(lang.role(p.role)),
                    Cell::from(groups),
                    Cell::from(pin),
                    Cell::from(lead),
                ])
            }
            UserRow::New => Row::new(vec![Cell::from(lang.get(T::UsersNew))]),
        })
        .collect();
    let widest = screen
        .list
        .items()
        .map(|row| match row {
            UserRow::Person(p) => p.name.chars().count(),
            UserRow::New => lang.get(T::UsersNew).chars().count(),
        })
        .max()
        .unwrap_or(0) as u16;
    let free = table_room(area.width, 5).saturating_sub(17 + 7 + 11);
    ListTable {
        title: lang.get(T::StaffTitle).to_string(),
        status: None,
        header: vec![
            lang.get(T::FieldName),
            lang.get(T::FieldRole),
            lang.get(T::ColGroups),
            lang.get(T::ColPin),
            lang.get(T::ColLead),
        ],
        widths: vec![
            Constraint::Fill(1),
            Constraint::Length(17),
            beside_name(free, widest, 1, 2),
            Constraint::Length(7),
            // Whether they are the aandachtsfunctionaris.
            Constraint::Length(11),
        ],
        rows,
        list: &screen.list,
        empty: String::new(),
    }
    .draw(frame, area, app, theme);
    modal::draw(frame, app, &screen.modal, theme);
}
