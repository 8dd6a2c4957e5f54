//! What changed between a child's two latest observations with the same form: per item, what
//! appeared, what is no longer seen, and what changed (sometimes -> often), in form order under
//! the section titles. A strength not marked this time says so, not that it is no longer seen.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::app::screens::compare::CompareScreen;
use crate::app::App;
use crate::domain::form::{Change, ChangeKind};
use crate::i18n::T;
use crate::ui::sectioned::{SectionedList, SectionedRow};
use crate::ui::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &CompareScreen, theme: &Theme) {
    let lang = app.lang;
    let not_marked_this_time = |change: &Change| {
        let item = screen.template.item(&change.item);
        item.is_some_and(|(_, item)| change.kind.not_marked_this_time(item))
    };
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
            // A strength not marked this time is not said to be gone.
            let (now_text, kind) = match not_marked_this_time(&row.change) {
                true => (lang.get(T::MarkNotMarked), T::ChangeNotMarked),
                false => (lang.mark(now), kind),
            };
            let (section, text) = wording(&row.change.item);
            let change = format!("{} → {now_text}", lang.mark(before));
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
            if not_marked_this_time(&row.change) {
                lines.push(Line::styled(lang.get(T::NotMarkedMeans), theme.dim));
            }
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
