//! One child: details, the observations made (newest first: date, observer, marks per domain),
//! its trajectories, the outside contacts linked to it, and the parents' consent.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::domain::access::MeldcodeView;
use crate::app::{Action, App, ChildScreen};
use crate::domain::form::Mark;
use crate::i18n::T;
use crate::keymap::Context;
use crate::ui::widgets::block;
use crate::ui::{modal, Theme};

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
    let mut name = screen.label.text.clone();
    if child.archived {
        name = format!("{name} ({})", lang.get(T::ArchivedTag));
    }
    let group = format!("{} ({})", screen.group.name, screen.group.kind.label());
    // Under an alias no birth date: it would go a long way to name the child.
    let born = match screen.label.anonymous() {
        true => None,
        false => Some(field(T::ColBirthDate, lang.date(child.birth_date))),
    };
    let details = [field(T::FieldName, name)]
        .into_iter()
        .chain(born)
        .chain([
            field(T::ColAge, lang.age(child.age_on(app.today()))),
            field(T::ChildGroup, group),
        ])
        .collect::<Vec<_>>();
    let title = lang.get(T::ChildDetails).to_string();
    frame.render_widget(
        Paragraph::new(details).block(block(title, theme)),
        details_area,
    );

    let [history_area, rest] =
        Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(rest);
    let [plan_area, contacts_area, parents_area] = Layout::horizontal([
        Constraint::Fill(2),
        Constraint::Fill(1),
        Constraint::Fill(1),
    ])
    .areas(rest);
    // Nobody linked yet: say how to link, with the keys of the keymap in use.
    let link_keys = [Action::Contacts, Action::Open, Action::Link]
        .map(|action| {
            let contexts = [Context::Global, Context::Lookup, Context::Card];
            app.key_label(&contexts, action).unwrap_or_default()
        })
        .join(", ");
    let panels = [
        (
            history_area,
            T::ChildObservations,
            history(app, screen, theme),
            lang.get(T::ChildNoObservations).to_string(),
        ),
        (
            plan_area,
            T::ChildPlan,
            trajectories(app, screen, theme),
            lang.get(T::ChildNoPlan).to_string(),
        ),
        (
            contacts_area,
            T::ChildContacts,
            contacts(screen),
            lang.no_contacts(&link_keys),
        ),
        (
            parents_area,
            T::ChildParents,
            consent(app, screen),
            lang.get(T::ChildNoParents).to_string(),
        ),
    ];
    for (area, title, lines, empty) in panels {
        panel(frame, area, lang.get(title), lines, &empty, theme);
    }
    modal::draw(frame, app, &screen.modal, theme);
}

/// The contacts linked to the child: name, then the first phone number and the role.
fn contacts(screen: &ChildScreen) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for contact in &screen.contacts {
        lines.push(Line::raw(contact.name.clone()));
        let phone = contact
            .phone()
            .map(|p| p.number.clone())
            .unwrap_or_default();
        lines.push(Line::raw(format!("  {phone} {}", contact.role)));
    }
    lines
}

/// A titled panel with `lines`, or `empty` (dimmed) when there are none.
fn panel(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    mut lines: Vec<Line<'static>>,
    empty: &str,
    theme: &Theme,
) {
    if lines.is_empty() {
        lines.push(Line::styled(empty.to_string(), theme.dim));
    }
    let body = Paragraph::new(lines).wrap(Wrap { trim: false });
    frame.render_widget(body.block(block(title.to_string(), theme)), area);
}

/// The child's trajectories, open ones first: where each stands, its plan, what is late, and the
/// child's question.
fn trajectories(app: &App, screen: &ChildScreen, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let today = app.today();
    let mut lines = Vec::new();
    for t in &screen.trajectories {
        let template = app.plans.find(&t.template, t.version);
        let name = template.map_or(t.template.clone(), |p| lang.text(&p.name).to_string());
        // Of a Meldcode trajectory they did not start, staff see only that it is open and who
        // coordinates it (`domain::access::meldcode_view`).
        if crate::app::ctx_of!(app).trajectory_view(t) != MeldcodeView::Details {
            lines.push(Line::from(vec![
                Span::styled(lang.meldcode_open(&t.by), theme.header),
                Span::styled(format!("  {name}"), theme.dim),
            ]));
            continue;
        }
        let state = match (&t.closed, template) {
            (Some(c), _) => lang.closed_on(c.outcome, c.date),
            (None, Some(p)) => lang.progress(t.progress(p)),
            (None, None) => String::new(),
        };
        let style = if t.is_open() { theme.header } else { theme.dim };
        lines.push(Line::from(vec![
            Span::styled(state, style),
            Span::styled(format!("  {name}"), theme.dim),
        ]));
        let overdue = t.overdue(today);
        for (late, text) in [
            (overdue.review, T::ReviewPassed),
            (overdue.end, T::EndPassed),
        ] {
            if late {
                lines.push(Line::styled(format!("  ! {}", lang.get(text)), theme.error));
            }
        }
        if !t.question.is_empty() && t.is_open() {
            lines.push(Line::raw(format!("  {}", t.question)));
        }
    }
    lines
}

/// The parents' consent as recorded in the child's open trajectories (of a Meldcode trajectory only
/// for who may read it).
fn consent(app: &App, screen: &ChildScreen) -> Vec<Line<'static>> {
    let lang = app.lang;
    let recorded = screen
        .trajectories
        .iter()
        .filter(|t| crate::app::ctx_of!(app).trajectory_view(t) == MeldcodeView::Details)
        .find(|t| t.is_open() && (t.consent.coach.is_some() || t.consent.school.is_some()));
    let Some(t) = recorded else {
        return Vec::new();
    };
    [
        (T::ConsentCoachShort, t.consent.coach),
        (T::ConsentSchoolShort, t.consent.school),
    ]
    .into_iter()
    .map(|(label, value)| {
        Line::raw(format!(
            "{}: {}",
            lang.get(label),
            lang.yes_no(value, T::NotYet)
        ))
    })
    .collect()
}

/// The child's observations, newest first: date, observer and marks (how many "often") on one
/// line, the marks per domain of the form under it.
fn history(app: &App, screen: &ChildScreen, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut lines = Vec::new();
    for obs in &screen.observations {
        let often = obs.marks.iter().filter(|m| m.mark == Mark::Often).count();
        lines.push(Line::from(vec![
            Span::styled(lang.date(obs.date), theme.header),
            Span::raw(format!("  {}  ", obs.by)),
            Span::raw(lang.mark_count(obs.marks.len(), often)),
        ]));
        let per_domain = match app.catalogue.find(&obs.template, obs.version) {
            Some(template) => template
                .sections
                .iter()
                .zip(obs.marks_per_section(template))
                .filter(|(_, count)| *count > 0)
                .map(|(section, count)| format!("{} {count}", lang.text(&section.title)))
                .collect::<Vec<_>>()
                .join(" · "),
            None => lang.unknown_template(&obs.template),
        };
        lines.push(Line::styled(format!("  {per_domain}"), theme.dim));
    }
    lines
}
