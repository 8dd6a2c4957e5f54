use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row};
use ratatui::Frame;

use crate::app::{Action, App, ChildRow, ChildrenScreen};
use crate::domain::rhythm::due;
use crate::i18n::{Lang, T};
use unicode_width::UnicodeWidthStr;

use crate::ui::widgets::{name_most, shorten, table_room_with_gap, ListTable, GAP};
use crate::ui::{modal, Theme};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &ChildrenScreen, theme: &Theme) {
    let lang = app.lang;
    let today = app.today();
    // The school column at its widest (tier 0) is headed "Naar school", narrowed "School"; the
    // step plan narrower than "Stappenplan" is headed "Plan" (a header is never cut mid-word).
    let header = |tier: usize, plan: u16| {
        let school = match tier {
            0 | 1 => T::ColToSchool,
            _ => T::ColSchoolShort,
        };
        let plan = match usize::from(plan) < lang.get(T::ColPlan).width() {
            true => T::ColPlanShort,
            false => T::ColPlan,
        };
        [
            lang.get(T::ColName),
            lang.get(T::ColAge),
            lang.get(T::ChildMentor),
            lang.get(T::ColObserved),
            lang.get(T::ColConcernsOften),
            lang.get(school),
            lang.get(plan),
        ]
    };
    // The columns after the name are as wide as what they show in this group (an English age is
    // narrower than a Dutch one, a group without plans needs no room for them), so that the name
    // gets the rest, even at 80 columns. Measured over all rows, so filtering does not shift them.
    // The mentor by full name, or by first name only (`short`) when the columns do not fit; the
    // school column in the width of `tier` (`Lang::to_school`); the name cut to `cut` columns
    // with "…" when the name column gives way (`Layout::names`); the step plan in `plan_room`
    // columns when it gives way.
    let cells =
        |row: &ChildRow, short: bool, tier: usize, cut: Option<u16>, plan_room: Option<u16>| {
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
                plan(row, theme, plan_room),
            ] as [Line<'static>; COLUMNS]
        };
    let measured = Measured::of(
        screen.list.items(),
        |r| cells(r, false, 0, None, None),
        lang,
    );
    let widths_of = |short: bool, tier: usize| {
        let header = header(tier, u16::MAX);
        let width =
            |column: usize, widest: usize| widest.max(header[column].chars().count()) as u16;
        let mentor = match short {
            true => measured.mentor_short,
            false => measured.widest[2],
        };
        (
            width(0, measured.widest[0]),
            [
                width(1, measured.widest[1]),
                width(2, mentor),
                width(3, measured.widest[3]),
                width(4, measured.widest[4]),
                width(5, measured.school[tier]),
                width(6, measured.widest[6]).min(24),
            ],
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
                        && l.gap == without.gap
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
        gap,
        ..
    } = layout;
    let school = tier.is_some();
    let tier = tier.unwrap_or(0);
    let shown = |column: usize| (mentor || column != 2) && (school || column != 5);
    let mut widths = vec![Constraint::Fill(1)];
    widths.extend(others.map(Constraint::Length));
    let widths = (0..COLUMNS)
        .filter(|c| shown(*c))
        .map(|c| widths[c])
        .collect();
    let header = header(tier, others[5]);
    let header = (0..COLUMNS)
        .filter(|c| shown(*c))
        .map(|c| header[c])
        .collect();
    let row = |row: &ChildRow| {
        let cells = cells(row, short, tier, names, Some(others[5]));
        let cells = (0..COLUMNS)
            .filter(|c| shown(*c))
            .map(|c| Cell::from(cells[c].clone()));
        Row::new(cells)
    };
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
        row: &row,
        list: &screen.list,
        empty: lang.no_items_hint(add_key.as_deref()),
    }
    .draw_with_gap(gap, frame, area, app, theme);
    modal::draw(frame, app, &screen.modal, theme);
}

/// The widest cell of each column over all of a group's rows (so that filtering does not shift
/// the columns), measured in one pass: the layout tries up to [`NAME_GIVES`] + 1 times three
/// school tiers, with the mentor in full and by first name, and each try only looks these up.
struct Measured {
    /// The widest cell per column, the mentor in full and the school column in tier 0.
    widest: [usize; COLUMNS],
    /// The widest mentor by first name only.
    mentor_short: usize,
    /// The widest school cell per tier (`Lang::to_school`).
    school: [usize; 3],
}

impl Measured {
    /// Measures `rows`, whose cells (mentor in full, school in tier 0, nothing cut) `cells`
    /// makes.
    fn of<'r>(
        rows: impl Iterator<Item = &'r ChildRow>,
        cells: impl Fn(&ChildRow) -> [Line<'static>; COLUMNS],
        lang: Lang,
    ) -> Measured {
        let mut m = Measured {
            widest: [0; COLUMNS],
            mentor_short: 0,
            school: [0; 3],
        };
        for row in rows {
            for (widest, cell) in m.widest.iter_mut().zip(cells(row)) {
                *widest = (*widest).max(cell.width());
            }
            let mentor = row.mentor.as_deref().unwrap_or_default();
            let first = mentor.split_whitespace().next().unwrap_or_default();
            m.mentor_short = m.mentor_short.max(first.width());
            for (tier, widest) in m.school.iter_mut().enumerate() {
                let school = row
                    .to_school
                    .map(|s| lang.to_school(s.on, s.handover, tier));
                *widest = (*widest).max(school.as_deref().map_or(0, str::width));
            }
        }
        m
    }
}

/// The columns: name, age, mentor, observed, concerns often, to school, step plan.
const COLUMNS: usize = 7;
/// The step plan is not cut below this many columns ("! 2/8 +1") to make room for any other
/// column, nor for the narrower gaps between them (see [`fit`]).
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
    /// The columns between two columns: `GAP`, or one when that makes the columns fit.
    gap: u16,
    /// Whether nothing but the step plan was cut, and that not below `PLAN_MIN`.
    fits: bool,
}

/// The columns on a terminal `width` wide, with the school column in `tier` or without it, the
/// name column narrowed by `give` columns (no further than `NAME_LEAST`); `widths_of(short)`
/// measures the name and the other columns.
///
/// On a narrow terminal the columns give way in this order, so that the step plan keeps
/// `PLAN_MIN` columns ("! 2/8 +1") and no header is cut mid-word: the step plan narrows to
/// `PLAN_MIN` (its stage name cut between words), the school column narrows or is left out (the
/// callers' choice of `tier`), the mentor goes to first name, then the mentor's column goes
/// (all of it: a name cut short is no name), then the gaps between the columns narrow from two
/// to one. Only when even then the longest name does not fit whole does the name give way (with
/// "…", down to `NAME_LEAST`), then the step plan below `PLAN_MIN`, the school column, the
/// concerns, the observed date and the age.
fn fit(
    width: u16,
    tier: Option<usize>,
    give: u16,
    widths_of: impl Fn(bool) -> (u16, [u16; COLUMNS - 1]),
) -> Layout {
    let school = tier.is_some();
    let (widest_name, full) = widths_of(false);
    // The widths of the other columns, the room for the columns, the longest name's width and
    // the name column's width (narrowed by `give`), with the mentor `short` or not `mentor` at
    // all and `gap` columns between the columns.
    let measure = |short: bool, mentor: bool, gap: u16| {
        let mut others = match short {
            true => widths_of(true).1,
            false => full,
        };
        if !school {
            others[4] = 0;
        }
        if !mentor {
            others[1] = 0;
        }
        let columns = COLUMNS as u16 - u16::from(!school) - u16::from(!mentor);
        let room = table_room_with_gap(width, columns, gap);
        let whole = widest_name.min(name_most(room));
        let names = whole.saturating_sub(give).max(NAME_LEAST.min(whole));
        (others, room, whole, names)
    };
    let ways = [
        (false, true, GAP),
        (true, true, GAP),
        (true, false, GAP),
        (true, false, 1),
    ];
    for (short, mentor, gap) in ways {
        let (mut others, room, whole, names) = measure(short, mentor, gap);
        let before_plan: u16 = others[..COLUMNS - 2].iter().sum();
        if names + before_plan + others[5].min(PLAN_MIN) <= room {
            others[5] = others[5].min(room - names - before_plan);
            return Layout {
                names: (names < whole).then_some(names),
                short,
                tier,
                others,
                mentor,
                gap,
                fits: true,
            };
        }
    }
    let (mut others, room, whole, _) = measure(true, false, 1);
    let wanted = others[..COLUMNS - 2].iter().sum::<u16>() + others[5].min(PLAN_MIN);
    let names = room
        .saturating_sub(wanted)
        .clamp(NAME_LEAST.min(whole), whole);
    give_way(&mut others, [5, 4, 3, 2, 0, 1], room.saturating_sub(names));
    Layout {
        names: (names < whole).then_some(names),
        short: true,
        tier,
        others,
        mentor: false,
        gap: 1,
        fits: false,
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
/// open, and "!" first when a review date or expected end has passed. In `room` columns the
/// stage's name is cut between words ("! 4/8 Advies +1"), so that "!", "4/8" and "+1" stay.
fn plan(row: &ChildRow, theme: &Theme, room: Option<u16>) -> Line<'static> {
    let Some(plan) = &row.plan else {
        return Line::raw("");
    };
    let more = match plan.more {
        0 => String::new(),
        n => format!(" +{n}"),
    };
    let flag = match plan.overdue {
        true => "! ",
        false => "",
    };
    let room = room.map_or(usize::MAX, usize::from);
    let mut words = plan.progress.split(' ');
    let mut text = format!("{flag}{}", words.next().unwrap_or_default());
    for word in words {
        let longer = format!("{text} {word}");
        if longer.width() + more.width() > room {
            break;
        }
        text = longer;
    }
    let text = format!("{text}{more}");
    match plan.overdue {
        true => Line::styled(text, theme.error),
        false => Line::raw(text),
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
