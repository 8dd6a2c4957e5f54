//! The observation form: the items under their section titles with their marks (✎ for a note),
//! those outside the child's age last under "buiten leeftijd"; the selected item in full below; the title bar names child, date and observer, and says
//! whether the last change is on disk.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::app::screens::observe::ObserveScreen;
use crate::app::{Action, App};
use crate::domain::access::MeldcodeView;
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
            let user = app.user.as_ref();
            // The coach knows nothing of the Meldcode: not even that an item is marked.
            let mark = screen.mark_for(&item.id, user);
            let hidden = screen.item_view(&item.id, user) == MeldcodeView::ThatItIsOpen;
            let (mark_text, mark_style) = match mark {
                _ if hidden => (lang.get(T::MeldcodeHidden), theme.dim),
                None => ("·", theme.dim),
                Some(Mark::Sometimes) => (lang.mark(mark), Style::new()),
                Some(Mark::Often) => (lang.mark(mark), theme.header),
            };
            let noted = match hidden || screen.note_for(&item.id, user).is_empty() {
                true => " ",
                false => "✎",
            };
            // Items outside the child's age come last, under one title of their own.
            let section = match row.outside_age {
                true => lang.get(T::OutsideAge),
                false => lang.text(&section.title),
            };
            Some(SectionedRow {
                section: section.to_string(),
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
    // What someone else wrote on a Meldcode-flagged item is for who must know: staff learn only
    // that something is hidden, the coach not even that (a hidden item shows as untouched).
    let user = app.user.as_ref();
    if screen.item_view(&item.id, user) == MeldcodeView::ThatItIsOpen {
        return vec![
            Line::from(vec![
                Span::styled(format!("{}: ", lang.get(T::MeldcodeHidden)), theme.key),
                Span::raw(lang.text(&item.text)),
            ]),
            Line::styled(lang.get(T::ForWhoMustKnow), theme.dim),
        ];
    }
    let mut text = vec![
        Span::styled(
            format!("{}: ", lang.mark(screen.mark_for(&item.id, user))),
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
    if row.outside_age {
        let ages = lang.item_ages(item.min_months, item.max_months);
        text.push(Span::styled(
            format!("  [{}: {ages}]", lang.get(T::OutsideAge).to_lowercase()),
            theme.dim,
        ));
    }
    let note = screen.note_for(&item.id, user);
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
