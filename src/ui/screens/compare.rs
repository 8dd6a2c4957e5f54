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
use crate::ui::widgets::shorten;
use crate::ui::Theme;
use unicode_width::UnicodeWidthStr;

/// The columns between an item's text and its marks, besides the one every list row keeps: an
/// item text that ends right before "vaak → niet gezien" would read on into it.
const GAP: usize = 2;

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
    // What a row says at the right: the marks before and now, and the kind of change.
    let columns = |change: &Change| {
        let (before, now, kind) = match change.kind {
            ChangeKind::Appeared(mark) => (None, Some(mark), T::ChangeAppeared),
            ChangeKind::Disappeared(mark) => (Some(mark), None, T::ChangeDisappeared),
            ChangeKind::Changed { from, to } => (Some(from), Some(to), T::ChangeChanged),
        };
        // A strength not marked this time is not said to be gone.
        let (now_text, kind) = match not_marked_this_time(change) {
            true => (lang.get(T::MarkNotMarked), T::ChangeNotMarked),
            false => (lang.mark(now), kind),
        };
        let marks = format!("{} → {now_text}", lang.mark(before));
        (marks, lang.get(kind), now.is_some())
    };
    // Both columns as wide as their longest text in this comparison (measured over every row, so
    // that filtering does not shift them), together at most three fifths of the list (in Dutch
    // at 80 columns both whole): the kind gives way first, cut with "…".
    let widest = |pick: fn(&(String, &str, bool)) -> usize| {
        let all = screen.list.items().map(|r| columns(&r.change));
        all.map(|c| pick(&c)).max().unwrap_or(0)
    };
    let marks_width = widest(|c| c.0.width());
    let kind_width = widest(|c| c.1.width());
    let most = usize::from(area.width.saturating_sub(4)) * 3 / 5;
    let marks_width = marks_width.min(most.saturating_sub(GAP + 2));
    let kind_width = kind_width.min(most.saturating_sub(GAP + 2 + marks_width));
    let rows = screen
        .list
        .visible()
        .map(|row| {
            let (marks, kind, now) = columns(&row.change);
            let (section, text) = wording(&row.change.item);
            let style = if now { theme.header } else { theme.dim };
            let pad = |text: &str, width: usize| {
                let text = shorten(text, width);
                let fill = width.saturating_sub(text.width());
                format!("{text}{}", " ".repeat(fill))
            };
            SectionedRow {
                section,
                text,
                // Apart from the item's text (cut with "…" before them) and from each other.
                right: vec![
                    Span::raw(" ".repeat(GAP)),
                    Span::styled(pad(&marks, marks_width), style),
                    Span::raw(" "),
                    Span::styled(pad(kind, kind_width), theme.dim),
                    Span::raw(" "),
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
