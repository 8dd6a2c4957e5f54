use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row};
use ratatui::Frame;

use crate::app::{Action, App, ChildRow, ChildrenScreen};
use crate::domain::rhythm::due;
use crate::i18n::T;
use crate::ui::widgets::{name_most, shorten, table_room, ListTable};
use crate::ui::{modal, Theme};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &ChildrenScreen, theme: &Theme) {
    let lang = app.lang;
    let today = app.today();
    // The school column at its widest (tier 0) is headed "Naar school", narrowed "School".
    let header = |tier: usize| {
        let school = match tier {
            0 | 1 => T::ColToSchool,
            _ => T::ColSchoolShort,
        };
        [
            lang.get(T::ColName),
            lang.get(T::ColAge),
            lang.get(T::ChildMentor),
            lang.get(T::ColObserved),
            lang.get(T::ColConcernsOften),
            lang.get(school),
            lang.get(T::ColPlan),
        ]
    };
    // The columns after the name are as wide as what they show in this group (an English age is
    // narrower than a Dutch one, a group without plans needs no room for them), so that the name
    // gets the rest, even at 80 columns. Measured over all rows, so filtering does not shift them.
    // The mentor by full name, or by first name only (`short`) when the columns do not fit; the
    // school column in the width of `tier` (`Lang::to_school`); the name cut to `cut` columns
    // with "…" when the name column gives way (`Layout::names`).
    let cells = |row: &ChildRow, short: bool, tier: usize, cut: Option<u16>| {
        let child = &row.child;
        let label = match cut {
            Some(cut) => shorten(&row.label.text, usize::from(cut)),
            None => row.label.text.clone(),
        };
        let mut name = vec![Span::raw(label)];
        if child.archived {
            name.push(Span::styled(
                format!(" ({})", lang.get(T::ArchivedTag)),
                theme.dim,
            ));
        }
        let often = row
            .latest
            .map(|l| l.concerns_often.to_string())
            .unwrap_or_default();
        let mentor = row.mentor.as_deref().unwrap_or_default();
        let mentor = match short {
            true => mentor.split_whitespace().next().unwrap_or_default(),
            false => mentor,
        };
        let school = row
            .to_school
            .map(|s| lang.to_school(s.on, s.handover, tier))
            .unwrap_or_default();
        [
            Line::from(name),
            Line::raw(lang.age(row.child.age_on(today))),
            Line::raw(mentor.to_string()),
            observed(app, row, theme),
            Line::raw(often),
            Line::raw(school),
            plan(row, theme),
        ] as [Line<'static>; COLUMNS]
    };
    let widths_of = |short: bool, tier: usize| {
        let all: Vec<[Line<'static>; COLUMNS]> = screen
            .list
            .items()
            .map(|r| cells(r, short, tier, None))
            .collect();
        let header = header(tier);
        let width = |column: usize| {
            let widest = all.iter().map(|c| c[column].width()).max().unwrap_or(0);
            widest.max(header[column].chars().count()) as u16
        };
        (
            width(0),
            [width(1), width(2), width(3), width(4), width(5), width(6).min(24)],
        )
    };
    let going = screen.list.items().any(|r| r.to_school.is_some());
    let fit = |tier: Option<usize>, give: u16| {
        fit(area.width, tier, give, |short| {
            widths_of(short, tier.unwrap_or(0))
        })
    };
    let without = fit(None, 0);
    // The school column as wide as fits without cutting more than the step plan (down to
    // PLAN_MIN), or left out. Rather a narrower school column than the mentor by first name
    // only; rather the mentor by first name than a name cut short; rather the longest names
    // cut by a few columns (NAME_GIVES) than no school column (an 80-column terminal).
    let layout = (0..=NAME_GIVES)
        .filter(|_| going)
        .find_map(|give| {
            let tiers: Vec<Layout> = (0..3).map(|t| fit(Some(t), give)).collect();
            let fitting = |same_mentor: bool| {
                tiers.iter().copied().find(|l| {
                    l.fits
                        && l.mentor == without.mentor
                        && (!same_mentor || l.short == without.short)
                })
            };
            fitting(true).or_else(|| fitting(false))
        })
        .unwrap_or(without);
    let Layout {
        short,
        tier,
        others,
        mentor,
        names,
        ..
    } = layout;
    let school = tier.is_some();
    let tier = tier.unwrap_or(0);
    let shown = |column: usize| (mentor || column != 2) && (school || column != 5);
    let mut widths = vec![Constraint::Fill(1)];
    widths.extend(others.map(Constraint::Length));
    let widths = (0..COLUMNS).filter(|c| shown(*c)).map(|c| widths[c]).collect();
    let header = header(tier);
    let header = (0..COLUMNS).filter(|c| shown(*c)).map(|c| header[c]).collect();
    let rows = screen
        .list
        .visible()
        .map(|row| {
            let cells = cells(row, short, tier, names);
            let cells = (0..COLUMNS)
                .filter(|c| shown(*c))
                .map(|c| Cell::from(cells[c].clone()));
            Row::new(cells)
        })
        .collect();
    let group = &screen.group;
    let mut title = format!(
        "{} · {} · {}",
        lang.group_title(&group.name),
        group.kind.label(),
        group.location
    );
    if screen.show_archived {
        title = format!("{title} ({})", lang.get(T::ShowingArchived));
    }
    // An empty list tells how to add something only to who may.
    let add_key = app
        .key_label(&app.screen_contexts(), Action::Add)
        .filter(|_| app.may(Action::Add));
    // When the coach was last and comes next keeps its room; the title gives way.
    let visits = lang.visit_summary(screen.visits.last, screen.visits.next);
    let status = Line::styled(format!(" {visits} "), theme.dim);
    let room = (area.width as usize).saturating_sub(status.width() + 6);
    ListTable {
        title: shorten(&title, room),
        status: Some(status),
        header,
        widths,
        rows,
        list: &screen.list,
        empty: lang.no_items_hint(add_key.as_deref()),
    }
    .draw(frame, area, app, theme);
    modal::draw(frame, app, &screen.modal, theme);
}

/// The columns: name, age, mentor, observed, concerns often, to school, step plan.
const COLUMNS: usize = 7;
/// The step plan is not cut below this many columns to make room for the school column.
const PLAN_MIN: u16 = 8;

/// The most columns the name column gives way to show the school column: the longest names
/// of a group cut by a few characters ("Mohammed van L…"), never below `NAME_LEAST` columns.
const NAME_GIVES: u16 = 6;
/// The name column is never cut below this many columns to make room for the school column.
const NAME_LEAST: u16 = 14;

/// How the columns after the name are laid out.
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// The name column's width when it gives way (names longer are cut with "…"); `None`: the
    /// longest name is whole.
    names: Option<u16>,
    /// The mentor by first name only.
    short: bool,
    /// The school column's width tier (`Lang::to_school`), `None`: left out.
    tier: Option<usize>,
    /// The widths of age, mentor, observed, often, school and step plan.
    others: [u16; COLUMNS - 1],
    /// Whether the mentor's column is shown.
    mentor: bool,
    /// Whether nothing but the step plan was cut, and that not below `PLAN_MIN`.
    fits: bool,
}

/// The columns on a terminal `width` wide, with the school column in `tier` or without it, the
/// name column narrowed by `give` columns (no further than `NAME_LEAST`); `widths_of(short)`
/// measures the name and the other columns.
fn fit(
    width: u16,
    tier: Option<usize>,
    give: u16,
    widths_of: impl Fn(bool) -> (u16, [u16; COLUMNS - 1]),
) -> Layout {
    let school = tier.is_some();
    let columns = COLUMNS as u16 - u16::from(!school);
    let room = table_room(width, columns);
    let (widest_name, mut others) = widths_of(false);
    if !school {
        others[4] = 0;
    }
    let whole = widest_name.min(name_most(room));
    let names = whole.saturating_sub(give).max(NAME_LEAST.min(whole));
    // Narrow: the mentor by first name first.
    let short = names + others.iter().sum::<u16>() > room;
    if short {
        others = widths_of(true).1;
        if !school {
            others[4] = 0;
        }
    }
    // The name gives way last: on a narrow terminal the step plan shrinks first, then the
    // school column, the concerns, the mentor (all of it, column and all: a name cut short is
    // no name), the observed date and the age, until the longest name fits.
    let wanted = others;
    give_way(&mut others, [5, 4, 3, 1, 2, 0], room.saturating_sub(names));
    let mentor = others[1] == wanted[1];
    if !mentor {
        let room = table_room(width, columns - 1);
        let mut rest = [wanted[0], wanted[2], wanted[3], wanted[4], wanted[5]];
        give_way(&mut rest, [4, 3, 2, 1, 0], room.saturating_sub(names));
        others = [rest[0], 0, rest[1], rest[2], rest[3], rest[4]];
    }
    let intact = (0..5).all(|c| c == 1 || others[c] == wanted[c]);
    let fits = intact && others[5] >= wanted[5].min(PLAN_MIN);
    Layout {
        names: (names < whole).then_some(names),
        short,
        tier,
        others,
        mentor,
        fits,
    }
}

/// The date of the latest observation, or, when the rhythm of practice asks for one
/// (`domain::rhythm::due`), which rule does ("! eerste obs", "! jaarlijks", "! traj. 8 wk";
/// the date is on the child's screen), so that no child is forgotten.
fn observed(app: &App, row: &ChildRow, theme: &Theme) -> Line<'static> {
    let lang = app.lang;
    let date = row.latest.map(|l| l.date);
    let open = row.plan.is_some();
    match due(&row.child, date, open, app.today(), app.observe_weeks) {
        None => Line::raw(date.map(|d| lang.date(d)).unwrap_or_default()),
        Some(due) => Line::styled(format!("! {}", lang.observation_due(due)), theme.error),
    }
}

/// Where the child's step plan stands ("4/8 Advies coach"), "+1" when more trajectories are
/// open, and "!" first when a review date or expected end has passed.
fn plan(row: &ChildRow, theme: &Theme) -> Line<'static> {
    let Some(plan) = &row.plan else {
        return Line::raw("");
    };
    let more = match plan.more {
        0 => String::new(),
        n => format!(" +{n}"),
    };
    match plan.overdue {
        true => Line::styled(format!("! {}{more}", plan.progress), theme.error),
        false => Line::raw(format!("{}{more}", plan.progress)),
    }
}

/// Narrows `widths` until together they take at most `room` columns, the one at `order[0]`
/// first (down to nothing), then the next.
fn give_way<const N: usize>(widths: &mut [u16; N], order: [usize; N], room: u16) {
    let mut excess = widths.iter().sum::<u16>().saturating_sub(room);
    for column in order {
        let cut = excess.min(widths[column]);
        widths[column] -= cut;
        excess -= cut;
    }
}
