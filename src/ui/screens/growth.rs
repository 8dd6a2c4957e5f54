//! The coaching a staff member received: per quarter, newest first, a heading with the count per
//! competency, then the advice of that quarter (date and text, the group at the right). The
//! detail pane shows the selected advice in full with its competencies and the coach.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::app::list::ListInput;
use crate::app::screens::growth::GrowthScreen;
use crate::app::App;
use crate::domain::visit::Competency;
use crate::i18n::T;
use crate::ui::sectioned::{SectionedList, SectionedRow};
use crate::ui::widgets::{on_one_row, shorten, text_lines};
use crate::ui::Theme;

/// The widest a group's name takes at the right of a row.
const GROUP_WIDTH: usize = 16;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &GrowthScreen, theme: &Theme) {
    let lang = app.lang;
    let rows = screen
        .list
        .visible()
        .filter_map(|row| {
            let quarter = screen.quarters.get(row.quarter)?;
            let advice = quarter.advice.get(row.index)?;
            let counts = Competency::ALL
                .iter()
                .map(|c| format!("{} {}", lang.competency(*c), quarter.counts[c.number() - 1]));
            let section = format!(
                "{} · {}",
                lang.quarter(quarter.quarter.year, quarter.quarter.quarter),
                counts.collect::<Vec<_>>().join(" · ")
            );
            let group = shorten(screen.group_name(advice.group_id), GROUP_WIDTH);
            Some(SectionedRow {
                section,
                text: format!("{} · {}", lang.date(advice.date), on_one_row(&advice.text)),
                right: vec![Span::styled(format!("{group:<GROUP_WIDTH$} "), theme.dim)],
            })
        })
        .collect();
    let title = format!("{} · {}", lang.get(T::GrowthTitle), screen.person.name);
    SectionedList {
        title,
        rows,
        detail: detail(app, screen, theme),
        detail_rows: 5,
        empty: match screen.list.filtering() {
            true => lang.get(T::FilterNoMatch).to_string(),
            false => lang.get(T::NoCoaching).to_string(),
        },
        ..SectionedList::of(app, &screen.list, theme)
    }
    .draw(frame, area, theme);
}

/// The selected advice in full, its competencies, and the coach who gave it when.
fn detail<'a>(app: &App, screen: &'a GrowthScreen, theme: &Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let Some(advice) = screen.selected() else {
        return Vec::new();
    };
    let mut lines = text_lines(Vec::new(), &advice.text);
    if !advice.competencies.is_empty() {
        let tags: Vec<&str> = advice
            .competencies
            .iter()
            .map(|c| lang.competency(*c))
            .collect();
        lines.push(Line::styled(format!("[{}]", tags.join(", ")), theme.key));
    }
    let about = match advice.child_id {
        None => lang.get(T::AboutTheGroup).to_string(),
        Some(id) => screen
            .children
            .get(&id)
            .cloned()
            .unwrap_or_else(|| lang.get(T::AboutAChild).to_string()),
    };
    lines.push(Line::styled(
        format!("{}: {about}", lang.get(T::AdviceAbout)),
        theme.dim,
    ));
    let group = screen.group_name(advice.group_id);
    lines.push(Line::styled(
        format!("{} · {}", group, lang.changed_by(&advice.by, advice.at)),
        theme.dim,
    ));
    lines
}
