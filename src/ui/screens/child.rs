//! One child: details with the mentor, the parents and guardians with their numbers (the most
//! called people of a group: at the top), the observations made (newest first: date, observer,
//! marks per domain), its trajectories, the outside contacts linked to it, and the parents'
//! consent per purpose. Guardians and consent only for who may see the child by name
//! (`access::sees_child_name`).

use ratatui::layout::{Constraint, Layout, Rect, Spacing};
use ratatui::symbols::merge::MergeStrategy;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::app::{Action, App, ChildScreen};
use crate::domain::access::Permission;
use crate::domain::access::{self, MeldcodeView};
use crate::domain::form::Mark;
use crate::domain::{ConsentTo, GroupKind};
use crate::i18n::T;
use crate::keymap::Context;
use crate::ui::widgets::block;
use crate::ui::{modal, Theme};

/// Between two panels: they overlap by their borders, drawn once.
const SHARED: Spacing = Spacing::Overlap(1);

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &ChildScreen, theme: &Theme) {
    let lang = app.lang;
    let child = &screen.child;
    let named = app
        .user
        .as_ref()
        .is_some_and(|u| access::sees_child_name(u, child));
    let guardian_lines = guardians(app, screen, theme, named);

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
    // Under an alias no birth date nor start in the group: they would go a long way to name
    // the child.
    let born = match screen.label.anonymous() {
        true => None,
        false => Some(field(T::ColBirthDate, lang.date(child.birth_date))),
    };
    let started = match (screen.label.anonymous(), child.started) {
        (false, Some(day)) => Some(field(T::FieldInGroupSince, lang.date(day))),
        _ => None,
    };
    let details = [field(T::FieldName, name)]
        .into_iter()
        .chain(born)
        .chain([
            field(T::ColAge, lang.age(child.age_on(app.today()))),
            field(T::ChildGroup, group),
        ])
        .chain(started)
        .chain([field(T::ChildMentor, mentor(app, screen))])
        .chain(
            handover(app, screen)
                .into_iter()
                .map(|(label, value)| field(label, value)),
        )
        .collect::<Vec<_>>();
    // Room for every guardian's lines and the details when there is room at all; at least 8.
    let top = (guardian_lines.len().max(details.len()) as u16 + 2).clamp(8, 12);
    // The panels share their borders (one line between two, with junctions): two more rows
    // for what they hold, and fewer cells to write when the screen opens.
    let [top_area, rest] = Layout::vertical([Constraint::Length(top), Constraint::Min(0)])
        .spacing(SHARED)
        .areas(area);
    let [details_area, guardians_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)])
            .spacing(SHARED)
            .areas(top_area);
    let title = lang.get(T::ChildDetails).to_string();
    frame.render_widget(
        Paragraph::new(details).block(block(title, theme).merge_borders(MergeStrategy::Fuzzy)),
        details_area,
    );
    let no_guardians = match named {
        true => T::ChildNoGuardians,
        false => T::HiddenWithoutConsent,
    };
    panel(
        frame,
        guardians_area,
        lang.get(T::ChildGuardians),
        guardian_lines,
        lang.get(no_guardians),
        theme,
    );

    // The consent's six lines (answer and giver, when and by whom, per purpose) fit whole.
    let bottom = match named {
        true => Constraint::Min(8),
        false => Constraint::Fill(1),
    };
    let [history_area, rest] = Layout::vertical([Constraint::Fill(1), bottom])
        .spacing(SHARED)
        .areas(rest);
    let [plan_area, contacts_area, parents_area] = Layout::horizontal([
        Constraint::Fill(2),
        Constraint::Fill(1),
        Constraint::Fill(3),
    ])
    .spacing(SHARED)
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
            history(app, screen, theme, history_area.height),
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
            T::ChildConsent,
            consent(app, screen, theme, named),
            lang.get(T::HiddenWithoutConsent).to_string(),
        ),
    ];
    // On a low terminal the observations get a row or two, all border: drawn there, their title
    // would be left in pieces under the next panel's, whose border it shares.
    for (area, title, lines, empty) in panels.into_iter().filter(|p| p.0.height >= 3) {
        panel(frame, area, lang.get(title), lines, &empty, theme);
    }
    modal::draw(frame, app, &screen.modal, theme);
    modal::draw(frame, app, &screen.record, theme);
}

/// The handover section of the details, for who may read handovers: the school (that none is
/// written yet, by `Handover::is_written` as the group list's ✓, or that a written one names no
/// school yet) and the warm handover's date ("nog niet", or "gepland op" for a date after today);
/// for a BSO child the talk with the school, once one is recorded. The parents' consent to
/// school is in the consent panel.
fn handover(app: &App, screen: &ChildScreen) -> Vec<(T, String)> {
    let lang = app.lang;
    let may = app
        .user
        .as_ref()
        .is_some_and(|u| access::allows(u.role, Permission::Handover));
    let bso = screen.group.kind == GroupKind::Bso;
    let shown = may && (screen.to_school.is_some() || screen.handover.is_some());
    if !shown {
        return Vec::new();
    }
    let h = screen.handover.as_deref().filter(|h| h.is_written());
    let school = match h.map(|h| h.school.trim()) {
        None => lang.get(T::HandoverNotWritten).to_string(),
        Some("") => lang.get(T::HandoverNoSchool).to_string(),
        Some(school) => school.to_string(),
    };
    let when = match h.and_then(|h| h.warm_handover_on) {
        None => lang.get(T::HandoverWarmNotYet).to_string(),
        Some(d) if d > app.today() => format!("{} {}", lang.get(T::HandoverPlanned), lang.date(d)),
        Some(d) => lang.date(d),
    };
    let (first, second) = match bso {
        true => (T::ChildSchoolTalk, T::ChildTalkOn),
        false => (T::ChildHandover, T::ChildWarm),
    };
    vec![(first, school), (second, when)]
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
    let block = block(title.to_string(), theme).merge_borders(MergeStrategy::Fuzzy);
    frame.render_widget(body.block(block), area);
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

/// The mentor's name, or that none is set.
fn mentor(app: &App, screen: &ChildScreen) -> String {
    match &screen.mentor {
        Some(staff) => staff.name.clone(),
        None => app.lang.get(T::NoMentor).to_string(),
    }
}

/// The parents and guardians, the selected one marked: name with relation and gezag, then each
/// phone number on its own line (label, number) and the e-mail. Nothing for who may not see the
/// child by name.
fn guardians(app: &App, screen: &ChildScreen, theme: &Theme, named: bool) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut lines = Vec::new();
    if !named {
        return lines;
    }
    for (i, g) in screen.child.guardians.iter().enumerate() {
        let authority = lang.get(match g.authority {
            true => T::Authority,
            false => T::NoAuthority,
        });
        let about = match g.relation.as_str() {
            "" => format!("  ({authority})"),
            relation => format!("  ({relation}, {authority})"),
        };
        let (mark, style) = match i == screen.guardian && screen.child.guardians.len() > 1 {
            true => ("▸ ", theme.selected),
            false => ("  ", theme.header),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark}{}", g.name), style),
            Span::styled(about, theme.dim),
        ]));
        for phone in &g.phones {
            lines.push(Line::from(vec![
                Span::styled(format!("    {:<12}", phone.label), theme.dim),
                Span::styled(phone.number.clone(), theme.key),
            ]));
        }
        if !g.email.is_empty() {
            lines.push(Line::raw(format!("    {}", g.email)));
        }
    }
    lines
}

/// The parents' consent per purpose: the answer (ja / nee / nog niet gevraagd), then who gave
/// it and who recorded it when. Nothing for who may not see the child by name.
fn consent(app: &App, screen: &ChildScreen, theme: &Theme, named: bool) -> Vec<Line<'static>> {
    let lang = app.lang;
    if !named {
        return Vec::new();
    }
    let consent = &screen.child.consent;
    let mut lines = Vec::new();
    for (to, label) in [
        (ConsentTo::Coach, T::ConsentCoachShort),
        (ConsentTo::CareTeam, T::ConsentCareTeamShort),
        (ConsentTo::School, T::ConsentSchoolShort),
    ] {
        let mut line = vec![Span::raw(format!(
            "{}: {}",
            lang.get(label),
            lang.consent_answer(consent.answer(to))
        ))];
        let given = consent.get(to);
        if let Some(giver) = given.map(|g| g.given_by.as_str()).filter(|g| !g.is_empty()) {
            line.push(Span::raw(format!(" · {giver}")));
        }
        lines.push(Line::from(line));
        if let Some(given) = given {
            lines.push(Line::styled(
                format!("  {}", lang.consent_given(given)),
                theme.dim,
            ));
        }
    }
    lines
}

/// The child's observations, newest first: date, observer and marks (how many "often") on one
/// line, the marks per domain of the form under it. Only as many as `rows` rows can show: every
/// line takes at least a row, and a child observed monthly for years has dozens.
fn history(app: &App, screen: &ChildScreen, theme: &Theme, rows: u16) -> Vec<Line<'static>> {
    let lang = app.lang;
    let mut lines = Vec::new();
    let shown = usize::from(rows).div_ceil(2);
    for obs in screen.observations.iter().take(shown) {
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
