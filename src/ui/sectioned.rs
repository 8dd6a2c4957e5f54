//! A list of form items grouped under their section titles: the observation form and the
//! comparison both show items this way. The item text gets the width, a few fixed columns sit at
//! the right, the selection stays in view (centred while scrolling), and a detail pane under the
//! list shows the selected item in full, so no wording is lost to a narrow terminal.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use super::widgets::{block, filter_line, shorten};
use super::Theme;
use crate::app::list::ListView;
use crate::app::{App, SaveState};
use crate::i18n::T;

pub struct SectionedList<'a> {
    pub title: String,
    /// Shown at the right of the title bar.
    pub status: Option<Line<'a>>,
    /// The visible rows, in order; rows of one section follow each other (a list with sections
    /// keeps them together when filtered), or a section title comes back.
    pub rows: Vec<SectionedRow>,
    /// Index into `rows`.
    pub selected: Option<usize>,
    /// What the detail pane says about the selected row.
    pub detail: Vec<Line<'a>>,
    /// The rows the detail pane has (under a rule), whatever it says: the list does not jump.
    pub detail_rows: u16,
    /// The filter line, while there is a filter.
    pub filter: Option<Line<'static>>,
    /// Said when there are no rows.
    pub empty: String,
}

pub struct SectionedRow {
    pub section: String,
    pub text: String,
    /// Fixed-width cells at the right, already padded.
    pub right: Vec<Span<'static>>,
}

impl<'a> SectionedList<'a> {
    /// The parts of a sectioned view that come from `list`: the selection and the filter line.
    /// The caller sets the title and the rows (and the rest it needs) with struct update syntax.
    pub fn of<R>(app: &App, list: &ListView<R>, theme: &Theme) -> SectionedList<'a> {
        SectionedList {
            title: String::new(),
            status: None,
            rows: Vec::new(),
            selected: (!list.is_empty()).then(|| list.selected_index()),
            detail: Vec::new(),
            detail_rows: 0,
            filter: filter_line(app, list, theme),
            empty: app.lang.get(T::FilterNoMatch).to_string(),
        }
    }

    /// [`SectionedList::of`] for a screen that writes every change at once (the observation
    /// form, a trajectory): its "saved" state in the title bar.
    pub fn saving<R>(
        app: &App,
        list: &ListView<R>,
        saved: &SaveState,
        theme: &Theme,
    ) -> SectionedList<'a> {
        SectionedList {
            status: Some(save_status(app, saved, theme)),
            ..SectionedList::of(app, list, theme)
        }
    }

    pub fn draw(self, frame: &mut Frame, area: Rect, theme: &Theme) {
        // The status keeps its room; the title gives way (borders, spaces and a gap of 2).
        let status_width = self.status.as_ref().map_or(0, Line::width);
        let room = (area.width as usize).saturating_sub(status_width + 6);
        let mut outer = block(shorten(&self.title, room), theme);
        if let Some(status) = self.status {
            outer = outer.title(status.right_aligned());
        }
        let inner = outer.inner(area);
        frame.render_widget(outer, area);
        let detail_height = if self.detail.is_empty() {
            0
        } else {
            1 + self.detail_rows
        };
        let [list_area, detail_area, filter_area] = Layout::vertical([
            Constraint::Min(1),
            Constraint::Length(detail_height),
            Constraint::Length(u16::from(self.filter.is_some())),
        ])
        .areas(inner);
        if let Some(line) = self.filter {
            frame.render_widget(Paragraph::new(line), filter_area);
        }
        if self.rows.is_empty() {
            let hint =
                Paragraph::new(Line::styled(self.empty, theme.dim)).wrap(Wrap { trim: true });
            return frame.render_widget(hint, list_area);
        }
        let (lines, selected_line) = lines(&self.rows, self.selected, list_area.width, theme);
        let height = list_area.height as usize;
        let offset = selected_line
            .saturating_sub(height / 2)
            .min(lines.len().saturating_sub(height));
        let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
        frame.render_widget(Paragraph::new(shown), list_area);
        if detail_height > 0 {
            let pane = Paragraph::new(self.detail)
                .wrap(Wrap { trim: true })
                .block(Block::new().borders(Borders::TOP).border_style(theme.dim));
            frame.render_widget(pane, detail_area);
        }
    }
}

/// The lines of the list (section titles and rows) and the line of the selected row.
fn lines(
    rows: &[SectionedRow],
    selected: Option<usize>,
    width: u16,
    theme: &Theme,
) -> (Vec<Line<'static>>, usize) {
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let mut section: Option<&str> = None;
    for (index, row) in rows.iter().enumerate() {
        if section != Some(row.section.as_str()) {
            section = Some(&row.section);
            lines.push(Line::styled(row.section.clone(), theme.header));
        }
        let right: usize = row.right.iter().map(|s| s.width()).sum();
        let room = (width as usize).saturating_sub(2 + right + 1);
        let text = shorten(&row.text, room);
        let pad = room.saturating_sub(unicode_width::UnicodeWidthStr::width(text.as_str()));
        let is_selected = selected == Some(index);
        let marker = if is_selected { "▶ " } else { "  " };
        let mut spans = vec![
            Span::raw(marker),
            Span::raw(text),
            Span::raw(" ".repeat(pad + 1)),
        ];
        spans.extend(row.right.iter().cloned());
        let style = if is_selected {
            theme.selected
        } else {
            Style::new()
        };
        if is_selected {
            selected_line = lines.len();
        }
        lines.push(Line::from(spans).style(style));
    }
    (lines, selected_line)
}

/// The title bar's "saved" state of a screen that writes every change at once.
fn save_status(app: &App, saved: &SaveState, theme: &Theme) -> Line<'static> {
    let lang = app.lang;
    let span = match saved {
        SaveState::Nothing => Span::styled(format!(" {} ", lang.get(T::SaveNothing)), theme.dim),
        SaveState::Saved(at) => Span::styled(format!(" ✓ {} ", lang.saved_at(*at)), theme.ok),
        SaveState::Failed => Span::styled(format!(" {} ", lang.get(T::SaveFailed)), theme.error),
    };
    Line::from(span)
}
