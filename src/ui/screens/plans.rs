//! The plans picker: a child's trajectories (open ones with where they stand, flagged when
//! overdue; closed ones with their outcome) and the plans to start a new one with.

use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Row};
use ratatui::Frame;

use crate::app::screens::plans::{PlanChoice, PlanRow, PlansScreen};
use crate::app::App;
use crate::domain::access::MeldcodeView;
use crate::i18n::T;
use crate::ui::widgets::ListTable;
use crate::ui::Theme;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &PlansScreen, theme: &Theme) {
    let lang = app.lang;
    let today = app.today();
    let row = |row: &PlanRow| {
        let state = match &row.choice {
            PlanChoice::New(_) => Line::styled(format!("+ {}", lang.get(T::PlanNew)), theme.dim),
            PlanChoice::Existing(t) => {
                match (&t.closed, app.plans.find(&t.template, t.version)) {
                    (Some(c), _) => Line::styled(lang.closed_on(c.outcome, c.date), theme.dim),
                    // Of a Meldcode trajectory they did not start, staff see only that
                    // it is open and who coordinates it: no stage, no count
                    // (`domain::access::meldcode_view`).
                    (None, _)
                        if crate::app::ctx_of!(app).trajectory_view(t) != MeldcodeView::Details =>
                    {
                        Line::raw(lang.meldcode_open(&t.by))
                    }
                    (None, template) => {
                        let progress = template.map(|p| lang.progress(t.progress(p)));
                        let open = format!(
                            "{} · {}",
                            lang.get(T::PlanOpen),
                            progress.unwrap_or_default()
                        );
                        match t.overdue(today).any() {
                            true => Line::styled(format!("! {open}"), theme.error),
                            false => Line::raw(open),
                        }
                    }
                }
            }
        };
        Row::new(vec![Cell::from(row.search.clone()), Cell::from(state)])
    };
    ListTable {
        title: format!(
            "{} · {}",
            screen.label.text.clone(),
            lang.get(T::PlansTitle)
        ),
        status: None,
        header: vec![lang.get(T::ColName), ""],
        widths: vec![Constraint::Fill(1), Constraint::Fill(1)],
        row: &row,
        list: &screen.list,
        empty: lang.get(T::FilterNoMatch).to_string(),
    }
    .draw(frame, area, app, theme);
}
