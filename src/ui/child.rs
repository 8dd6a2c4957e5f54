//! One child: details, and the sections later capabilities fill (observations, step plan, notes,
//! parents and consent). Each section says plainly that nothing is recorded yet.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::widgets::block;
use super::Theme;
use crate::app::{App, ChildScreen};
use crate::i18n::T;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &ChildScreen, theme: &Theme) {
    let lang = app.lang;
    let child = &screen.child;
    let [details_area, rest] =
        Layout::vertical([Constraint::Length(6), Constraint::Min(0)]).areas(area);

    let field = |label: T, value: String| {
        Line::from(vec![
            Span::styled(format!("{:<16}", lang.get(label)), theme.dim),
            Span::raw(value),
        ])
    };
    let mut name = child.full_name();
    if child.archived {
        name = format!("{name} ({})", lang.get(T::ArchivedTag));
    }
    let group = format!("{} ({})", screen.group.name, screen.group.kind.label());
    let details = vec![
        field(T::FieldName, name),
        field(T::ColBirthDate, lang.date(child.birth_date)),
        field(T::ColAge, lang.age(child.age_on(app.today()))),
        field(T::ChildGroup, group),
    ];
    let title = lang.get(T::ChildDetails).to_string();
    frame.render_widget(
        Paragraph::new(details).block(block(title, theme)),
        details_area,
    );

    let sections = [
        (T::ChildObservations, T::ChildNoObservations),
        (T::ChildPlan, T::ChildNoPlan),
        (T::ChildNotes, T::ChildNoNotes),
        (T::ChildParents, T::ChildNoParents),
    ];
    let [top, bottom] = Layout::vertical([Constraint::Fill(1); 2]).areas(rest);
    let [a, b] = Layout::horizontal([Constraint::Fill(1); 2]).areas(top);
    let [c, d] = Layout::horizontal([Constraint::Fill(1); 2]).areas(bottom);
    for ((title, empty), cell) in sections.into_iter().zip([a, b, c, d]) {
        let body = Paragraph::new(Line::styled(lang.get(empty), theme.dim));
        frame.render_widget(body.block(block(lang.get(title).into(), theme)), cell);
    }
}
