//! The observation form: the items under their section titles with their marks (✎ for a note),
//! the selected item in full below; the title bar names child, date and observer, and says
//! whether the last change is on disk.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::domain::access::{self, MeldcodeView};
use crate::domain::form::Item;
use crate::domain::Observation;
use crate::app::screens::observe::ObserveScreen;
use crate::app::{Action, App};
use crate::domain::form::Mark;
use crate::i18n::T;
use crate::ui::sectioned::{SectionedList, SectionedRow};
use crate::ui::widgets::text_lines;
use crate::ui::{modal, Theme};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &ObserveScreen, theme: &Theme) {
    let lang = app.lang;
    let observation = &screen.observation;
    let items: Vec<_> = screen.template.items().collect();
    let rows = screen
        .list
        .visible()
        .filter_map(|row| {
            let (section, item) = items.get(row.index)?;
            let view = view(app, observation, item);
            // The coach knows nothing of the Meldcode: not even that an item is marked.
            let mark = match view {
                MeldcodeView::Nothing => None,
                _ => observation.mark(&item.id),
            };
            let hidden = view == MeldcodeView::ThatItIsOpen;
            let (mark_text, mark_style) = match mark {
                _ if hidden => (lang.get(T::MeldcodeHidden), theme.dim),
                None => ("·", theme.dim),
                Some(Mark::Sometimes) => (lang.mark(mark), Style::new()),
                Some(Mark::Often) => (lang.mark(mark), theme.header),
            };
            let noted = if hidden || screen.note_for(&item.id, app.user.as_ref()).is_empty() {
                " "
            } else {
                "✎"
            };
            Some(SectionedRow {
                section: lang.text(&section.title).to_string(),
                text: lang.text(&item.text).to_string(),
                right: vec![
                    Span::styled(format!("{mark_text:<10}"), mark_style),
                    Span::styled(format!("{noted} "), theme.key),
                ],
            })
        })
        .collect();
    let title = format!(
        "{} · {} · {}: {}",
        screen.label.text.clone(),
        lang.date(observation.date),
        lang.get(T::ObserverLabel),
        observation.by
    );
    SectionedList {
        title,
        rows,
        detail: detail(app, screen, theme),
        detail_rows: 3,
        ..SectionedList::saving(app, &screen.list, &screen.saved, theme)
    }
    .draw(frame, area, theme);
    modal::draw(frame, app, &screen.modal, theme);
}

/// The selected item in full: its text (with the Meldcode tag), its mark and its note; then the
/// parents' view, when written.
fn detail<'a>(app: &App, screen: &'a ObserveScreen, theme: &Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let Some(row) = screen.list.selected() else {
        return Vec::new();
    };
    let Some((_, item)) = screen.template.item(&row.item) else {
        return Vec::new();
    };
    // What someone else wrote on a Meldcode-flagged item is for who must know; the coach
    // does not even learn that something was.
    let view = view(app, &screen.observation, item);
    if view == MeldcodeView::Nothing {
        return vec![Line::raw(lang.text(&item.text))];
    }
    if view != MeldcodeView::Details {
        let by = screen.observation.written_by(&item.id).unwrap_or_default();
        return vec![
            Line::from(vec![
                Span::styled(format!("{}: ", lang.get(T::MeldcodeHidden)), theme.key),
                Span::raw(lang.text(&item.text)),
            ]),
            Line::styled(lang.meldcode_open(by), theme.dim),
        ];
    }
    let mut text = vec![
        Span::styled(
            format!("{}: ", lang.mark(screen.observation.mark(&item.id))),
            theme.key,
        ),
        Span::raw(lang.text(&item.text)),
    ];
    if item.meldcode {
        text.push(Span::styled(
            format!("  [{}]", lang.get(T::MeldcodeTag)),
            theme.error,
        ));
    }
    let note = screen.note_for(&item.id, app.user.as_ref());
    let mut lines = vec![Line::from(text)];
    if note.is_empty() {
        let key = app.key_label(&app.contexts(), Action::Note);
        lines.push(Line::styled(lang.no_note(key), theme.dim));
    } else {
        let label = Span::styled(format!("{}: ", lang.get(T::FieldNote)), theme.key);
        lines.extend(text_lines(vec![label], note));
    }
    // The parents' view is of the whole observation talk: under whichever item is selected.
    let view = &screen.observation.parents_view;
    if !view.is_empty() {
        let label = Span::styled(format!("{}: ", lang.get(T::FieldParentsView)), theme.key);
        lines.extend(text_lines(vec![label], view));
    }
    lines
}

/// What the person at the keyboard may know of what was written on `item`
/// (`domain::access::item_view`).
fn view(app: &App, observation: &Observation, item: &Item) -> MeldcodeView {
    let by = observation.written_by(&item.id);
    access::item_view(app.user.as_ref(), item, by)
}
