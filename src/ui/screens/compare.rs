//! What changed between a child's two latest observations with the same form: per item, what
//! appeared, what is no longer seen, and what changed (sometimes -> often), in form order under
//! the section titles.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::app::screens::compare::CompareScreen;
use crate::app::App;
use crate::domain::form::ChangeKind;
use crate::i18n::T;
use crate::ui::sectioned::{SectionedList, SectionedRow};
use crate::ui::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &CompareScreen, theme: &Theme) {
    let lang = app.lang;
    let wording = |item: &str| match screen.template.item(item) {
        Some((section, item)) => (
            lang.text(&section.title).to_string(),
            lang.text(&item.text).to_string(),
        ),
        // An item of an older version of the form, which this version no longer has.
        None => (String::new(), item.to_string()),
    };
    let rows = screen
        .list
        .visible()
        .map(|row| {
            let (before, now, kind) = match row.change.kind {
                ChangeKind::Appeared(mark) => (None, Some(mark), T::ChangeAppeared),
                ChangeKind::Disappeared(mark) => (Some(mark), None, T::ChangeDisappeared),
                ChangeKind::Changed { from, to } => (Some(from), Some(to), T::ChangeChanged),
            };
            let (section, text) = wording(&row.change.item);
            let change = format!("{} → {}", lang.mark(before), lang.mark(now));
            let style = if now.is_some() {
                theme.header
            } else {
                theme.dim
            };
            SectionedRow {
                section,
                text,
                right: vec![
                    Span::styled(format!("{change:<23}"), style),
                    Span::styled(format!("{:<17}", lang.get(kind)), theme.dim),
                ],
            }
        })
        .collect();
    // The selected item in full, with what the observers noted on it either time.
    let detail = screen
        .list
        .selected()
        .map(|row| {
            let item = &row.change.item;
            let mut lines = vec![Line::raw(wording(item).1)];
            for obs in [&screen.previous, &screen.latest] {
                let note = obs.note(item);
                if !note.is_empty() {
                    lines.push(Line::from(vec![
                        Span::styled(format!("{}: ", lang.date(obs.date)), theme.key),
                        Span::raw(note.to_string()),
                    ]));
                }
            }
            lines
        })
        .unwrap_or_default();
    let title = format!(
        "{} · {}",
        screen.label.text.clone(),
        lang.compare_title(screen.previous.date, screen.latest.date)
    );
    SectionedList {
        title,
        rows,
        detail,
        detail_rows: 3,
        empty: lang.get(T::NoChanges).to_string(),
        ..SectionedList::of(app, &screen.list, theme)
    }
    .draw(frame, area, theme);
}
