//! Pieces every screen uses: header, footer with key hints, the filter line, centred popups.

use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Borders, Cell, Clear, HighlightSpacing, Paragraph, Row, Table, TableState,
    Wrap,
};
use ratatui::Frame;

use super::Theme;
use crate::app::list::ListView;
use crate::app::{Action, App, MIN_HEIGHT, MIN_WIDTH};
use crate::i18n::T;

pub fn too_small(frame: &mut Frame, app: &App, theme: &Theme) {
    let text = vec![
        Line::styled(app.lang.too_small(MIN_WIDTH, MIN_HEIGHT), theme.error),
        hints(app, &[Action::Quit], frame.area().width, theme),
    ];
    let paragraph = Paragraph::new(text).wrap(Wrap { trim: true });
    frame.render_widget(paragraph, frame.area());
}

/// "signaal › Groups › De Vlinders › Zoë de Vries" on the left, who is at the keyboard on the
/// right. When both do not fit, the role goes first, then the oldest steps of the trail become "…".
pub fn header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lang = app.lang;
    let label = lang.get(T::UserLabel);
    let (full, short) = match &app.user {
        Some(user) => (
            format!(" {label}: {} ({})", user.name, lang.role(user.role)),
            format!(" {label}: {}", user.name),
        ),
        None => {
            let nobody = format!(" {label}: {}", lang.get(T::NobodyYet));
            (nobody.clone(), nobody)
        }
    };
    let steps: Vec<String> = app
        .screens
        .iter()
        .map(|screen| screen.component().title(lang))
        .collect();
    // The role goes before any step of the trail does; the name stays.
    let whole_trail =
        width(lang.get(T::AppName)) + steps.iter().map(|s| width(s) + 3).sum::<usize>();
    let room = area.width as usize;
    let who = if whole_trail + 1 + width(&full) <= room {
        full
    } else {
        short
    };
    let who = shorten(&who, room * 3 / 5);
    // A backup that failed or is late is said before who is at the keyboard.
    let notice = app
        .backup_notice()
        .map(|text| shorten(&format!("{text} "), room / 2));
    let right_width = width(&who) + notice.as_deref().map_or(0, width);
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(right_width as u16)])
            .areas(area);

    let room = (left.width as usize).saturating_sub(1); // keep a space before the user
    let mut skip = 0;
    let trail = loop {
        let shown = steps[skip..].iter().map(String::as_str);
        let prefix = if skip > 0 { vec!["…"] } else { vec![] };
        let parts: Vec<&str> = prefix.into_iter().chain(shown).collect();
        let trail = format!(" › {}", parts.join(" › "));
        if width(&trail) + width(lang.get(T::AppName)) <= room || skip + 1 >= steps.len() {
            break trail;
        }
        skip += 1;
    };
    let trail = shorten(&trail, room.saturating_sub(width(lang.get(T::AppName))));
    let line = Line::from(vec![
        Span::styled(lang.get(T::AppName), theme.title),
        Span::styled(trail, theme.header),
    ]);
    frame.render_widget(Paragraph::new(line), left);
    let mut spans: Vec<Span> = notice
        .into_iter()
        .map(|text| Span::styled(text, theme.error))
        .collect();
    spans.push(Span::styled(who, theme.dim));
    let who = Paragraph::new(Line::from(spans)).alignment(Alignment::Right);
    frame.render_widget(who, right);
}

fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// A text of several lines on one list row: its lines joined by " / " (a row cannot break, and
/// lines joined as they are read as one run-on word: "regelLange").
pub fn on_one_row(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// `text` cut to at most `max` columns, ending in "…" when it was cut.
pub fn shorten(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if width(&out) + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// The status message of the last action, or else hints for the keys of the shown screen.
pub fn footer(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let line = match &app.status {
        Some(status) => {
            let style = if status.error { theme.error } else { theme.ok };
            Line::styled(status.text.clone(), style)
        }
        // A popup shows its own keys.
        None if app.has_popup() => Line::raw(""),
        None => {
            // Only what the person at the keyboard may do here is offered.
            let offered: Vec<Action> = screen_hints(app)
                .iter()
                .copied()
                .filter(|&action| app.may(action))
                .collect();
            hints(app, &offered, area.width, theme)
        }
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The most used keys of the shown screen, most important first (what does not fit is left
/// out; `?` lists every one); while its filter takes text, the filter's.
fn screen_hints(app: &App) -> &'static [Action] {
    let component = app.screen().component();
    match component.filter_list().is_some_and(|l| l.filtering()) {
        true => &[Action::Submit, Action::Back],
        false => component.hints(),
    }
}

/// "Enter open · / filter · q quit", each key as the active keymap binds it right now; an action
/// without a key is left out, so a hint never names a key that does not work. Hints that do not
/// fit in `max_width` are left out whole, so put the important ones first.
pub fn hints(app: &App, actions: &[Action], max_width: u16, theme: &Theme) -> Line<'static> {
    let contexts = app.contexts();
    let mut spans = Vec::new();
    let mut used = 0;
    for &action in actions {
        let Some(key) = app.key_label(&contexts, action) else {
            continue;
        };
        let separator = if spans.is_empty() { "" } else { " · " };
        let text = format!(" {}", app.lang.action(action));
        let needed = width(separator) + width(&key) + width(&text);
        if used + needed > max_width as usize {
            continue;
        }
        used += needed;
        spans.push(Span::styled(separator, theme.dim));
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::raw(text));
    }
    Line::from(spans)
}

/// The constraint of a list column that shares the free room (`free`: the table's width less
/// borders, selection marker, gaps and fixed columns) with the name column, by `Fill` weights:
/// its `Fill(weight)` while the name column's share holds the widest name, else what the widest
/// name leaves, so that on a narrow terminal the name gives way last.
pub fn beside_name(free: u16, widest_name: u16, name_weight: u16, weight: u16) -> Constraint {
    let name_share = u32::from(free) * u32::from(name_weight) / u32::from(name_weight + weight);
    match name_share >= u32::from(widest_name) {
        true => Constraint::Fill(weight),
        false => Constraint::Length(free.saturating_sub(widest_name)),
    }
}

/// The most columns a list gives way to a name: 40, and never more than half the list's room. A
/// longer name (a paste by mistake) is cut, so that the columns beside it (the signals of a
/// whole group) never disappear for it.
pub fn name_most(room: u16) -> u16 {
    (room / 2).min(40)
}

/// The room a list table of `columns` columns in `area_width` leaves for its columns: less the
/// borders, the selection marker and the gaps between the columns.
pub fn table_room(area_width: u16, columns: u16) -> u16 {
    table_room_with_gap(area_width, columns, GAP)
}

/// As [`table_room`], with `gap` columns between the columns (see [`ListTable::draw_with_gap`]).
pub fn table_room_with_gap(area_width: u16, columns: u16, gap: u16) -> u16 {
    area_width.saturating_sub(2 + 2 + gap * columns.saturating_sub(1))
}

/// The columns between two columns of a list table.
pub const GAP: u16 = 2;

/// The filter line under a list: what is typed, a cursor while typing, "no matches" when empty.
pub fn filter_line<R>(app: &App, list: &ListView<R>, theme: &Theme) -> Option<Line<'static>> {
    if !list.filtering && list.filter.is_empty() {
        return None;
    }
    let cursor = if list.filtering { "▏" } else { "" };
    let mut spans = vec![
        Span::styled(format!("{}: ", app.lang.get(T::FilterLabel)), theme.key),
        Span::raw(format!("{}{cursor}", list.filter)),
    ];
    if list.visible_len() == 0 {
        spans.push(Span::styled(
            format!("  {}", app.lang.get(T::FilterNoMatch)),
            theme.dim,
        ));
    }
    Some(Line::from(spans))
}

/// A bordered block with a title, in the theme's colours.
pub fn block(title: String, theme: &Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.title))
}

/// A popup of at most `width` x `height` centred in `area`, with what was behind it cleared.
pub fn popup_area(frame: &mut Frame, area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    frame.render_widget(Clear, popup);
    popup
}

/// A list screen: a titled table of the visible rows with the selection highlighted and kept in
/// view, the filter line under it, and `empty` when there are no rows at all. Only the rows in
/// view are made (`row`), so that a list of hundreds of groups costs a frame what a list of a
/// screenful does.
pub struct ListTable<'a, R> {
    pub title: String,
    /// Shown at the right of the title bar (a form's "saved" state).
    pub status: Option<Line<'a>>,
    pub header: Vec<&'a str>,
    pub widths: Vec<Constraint>,
    /// The table row of a list row; called for the rows in view only.
    pub row: &'a dyn Fn(&R) -> Row<'a>,
    pub list: &'a ListView<R>,
    pub empty: String,
}

impl<R> ListTable<'_, R> {
    pub fn draw(self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        self.draw_with_gap(GAP, frame, area, app, theme);
    }

    /// As [`ListTable::draw`], with `gap` columns between the columns instead of [`GAP`]: a
    /// narrow terminal's last resort before a column is cut.
    pub fn draw_with_gap(self, gap: u16, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        let mut block = block(self.title, theme);
        if let Some(status) = self.status {
            block = block.title(status.right_aligned());
        }
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let filter = filter_line(app, self.list, theme);
        let [table_area, filter_area] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(u16::from(filter.is_some())),
        ])
        .areas(inner);
        if let Some(line) = filter {
            frame.render_widget(Paragraph::new(line), filter_area);
        }
        if self.list.is_empty() {
            let hint =
                Paragraph::new(Line::styled(self.empty, theme.dim)).wrap(Wrap { trim: true });
            return frame.render_widget(hint, table_area);
        }
        let header = Row::new(self.header.into_iter().map(Cell::from)).style(theme.header);
        // The rows in view: from the top, or, once the selection is further down, ending with
        // the selection, as `Table` scrolls rows of one line (under the header) by itself.
        let in_view = usize::from(table_area.height.saturating_sub(1)).max(1);
        let selected = self.list.selected_index();
        let first = (selected + 1).saturating_sub(in_view);
        let rows = self.list.visible_window(first, in_view).map(self.row);
        let table = Table::new(rows, self.widths)
            .header(header)
            .column_spacing(gap)
            .row_highlight_style(theme.selected)
            .highlight_symbol("▶ ")
            .highlight_spacing(HighlightSpacing::Always);
        let selected = (self.list.visible_len() > 0).then(|| selected - first);
        let mut state = TableState::default().with_selected(selected);
        frame.render_stateful_widget(table, table_area, &mut state);
    }
}

/// A text that may hold line breaks (a note, advice), as lines: `head` before the first, its
/// own line breaks kept (a `Span` would drop them and run the lines together), each next line
/// indented as wide as `head`.
pub fn text_lines(head: Vec<Span<'static>>, text: &str) -> Vec<Line<'static>> {
    let indent = " ".repeat(head.iter().map(|s| s.width()).sum());
    let mut lines = Vec::new();
    for (n, part) in text.split('\n').enumerate() {
        let lead = match n {
            0 => head.clone(),
            _ => vec![Span::raw(indent.clone())],
        };
        let mut spans = lead;
        spans.push(Span::raw(part.to_string()));
        lines.push(Line::from(spans));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_lines_read_as_parts_of_one_row() {
        assert_eq!(
            on_one_row("Eerste regel\nLange tekst"),
            "Eerste regel / Lange tekst"
        );
        assert_eq!(on_one_row("  een  \n\n twee\n"), "een / twee");
        assert_eq!(on_one_row("één regel"), "één regel");
    }
}
