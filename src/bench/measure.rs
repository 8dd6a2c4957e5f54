//! The rounds of keys the bench times, each on the screen a user presses it on, and the rows
//! they give. Every round starts with a few presses left out of the figures (warm-up: caches,
//! the first allocation of a list).

use std::path::Path;

use anyhow::{anyhow, Result};
use crossterm::event::KeyCode;

use super::budgets::{Figure, Row};
use super::drive::{Driver, Press};
use super::stats::{millis, percentile};
use crate::app::Screen;
use crate::store::baseline::{record_len, Bare};

/// Presses timed per key row (Up/Down, typing); fewer for the slow screen changes.
const KEY_SAMPLES: usize = 600;
const SCREEN_CHANGES: usize = 200;
const MARKS: usize = 300;
const LOOKUP_OPENS: usize = 60;
/// Marks made and left with Esc back to the groups.
const AFTER_MARK_ROUNDS: usize = 100;
/// Rounds of typing (and erasing) the query in the filter and the lookup.
const TYPING_ROUNDS: usize = 20;
/// Presses left out of a round's figures before it is timed.
const WARM_UP: usize = 10;
/// What is typed in the lookup: a role many cards have, letter by letter.
const LOOKUP_QUERY: &str = "jeugdverpleegkundige";

/// The timed presses of one figure.
#[derive(Default)]
struct Presses(Vec<Press>);

impl Presses {
    fn time(&mut self, press: Press) {
        self.0.push(press);
    }

    fn total(&self) -> Vec<f64> {
        millis(&self.0.iter().map(|p| p.total).collect::<Vec<_>>())
    }

    fn update(&self) -> Vec<f64> {
        millis(&self.0.iter().map(|p| p.update).collect::<Vec<_>>())
    }

    fn bytes(&self) -> impl Iterator<Item = f64> + '_ {
        self.0.iter().map(|p| p.bytes as f64)
    }
}

/// Times every key figure on `driver` (on the groups list when called), and a durable mark
/// against a bare sled database made at `bare_dir`; the rows, in the table's order. `filter` is
/// what is typed in the groups list's filter (a group's name). Errors: a frame could not be
/// drawn, a screen did not open where a user's key opens it, the bare database failed.
pub fn keys(driver: &mut Driver, filter: &str, bare_dir: &Path) -> Result<Vec<Row>> {
    on(driver, "the groups list", |s| {
        matches!(s, Screen::Groups(_))
    })?;
    let groups = list_len(driver);
    let mut up_down = Presses::default();
    driver.keys(&[KeyCode::Down; WARM_UP])?;
    driver.keys(&[KeyCode::Up; WARM_UP])?;
    bounce(driver, groups, KEY_SAMPLES / 2, KEY_SAMPLES, &mut up_down)?;

    let (mut enter_group, mut esc_groups) = (Presses::default(), Presses::default());
    let mut children_nav = Presses::default();
    for round in 0..SCREEN_CHANGES + WARM_UP {
        let enter = driver.press(KeyCode::Enter)?;
        on(driver, "a group's children", |s| {
            matches!(s, Screen::Children(_))
        })?;
        let children = list_len(driver);
        // A few rows down and back: as far as a user looks for a child.
        let timed = children_nav.0.len();
        bounce(driver, children, 7, timed + 1, &mut children_nav)?;
        let esc = driver.press(KeyCode::Esc)?;
        if round >= WARM_UP {
            enter_group.time(enter);
            esc_groups.time(esc);
        }
        step(driver, round, groups)?;
    }

    driver.press(KeyCode::Enter)?;
    let children = list_len(driver);
    let (mut enter_child, mut esc_children) = (Presses::default(), Presses::default());
    for round in 0..SCREEN_CHANGES + WARM_UP {
        let enter = driver.press(KeyCode::Enter)?;
        on(driver, "a child", |s| matches!(s, Screen::Child(_)))?;
        let esc = driver.press(KeyCode::Esc)?;
        if round >= WARM_UP {
            enter_child.time(enter);
            esc_children.time(esc);
        }
        step(driver, round, children)?;
    }

    let (marks, mark_rows) = marks(driver, bare_dir)?;
    driver.press(KeyCode::Esc)?;
    driver.press(KeyCode::Esc)?;
    on(driver, "the groups list", |s| {
        matches!(s, Screen::Groups(_))
    })?;
    let back_after_mark = back_after_mark(driver, groups)?;
    let filter_keys = filter_keys(driver, filter)?;
    let (lookup_open, lookup_keys) = lookup(driver)?;

    let navigation_bytes: Vec<f64> = up_down.bytes().chain(children_nav.bytes()).collect();
    let screen_bytes: Vec<f64> = [&enter_group, &esc_groups, &enter_child, &esc_children]
        .iter()
        .flat_map(|p| p.bytes())
        .collect();
    let timed = [
        (Figure::GroupsUpDown, up_down.total()),
        (Figure::ChildrenUpDown, children_nav.total()),
        (Figure::EnterGroup, enter_group.total()),
        (Figure::EnterChild, enter_child.total()),
        (Figure::EscToChildren, esc_children.total()),
        (Figure::EscToGroups, esc_groups.total()),
        (Figure::EscToGroupsAfterMark, back_after_mark.total()),
        (Figure::Mark, marks.total()),
        (Figure::FilterKey, filter_keys.total()),
        (Figure::LookupOpen, lookup_open.total()),
        (Figure::LookupKey, lookup_keys.total()),
        (Figure::NavigationBytes, navigation_bytes),
        (Figure::ScreenBytes, screen_bytes),
        (Figure::EnterGroupBytes, enter_group.bytes().collect()),
        (Figure::EnterChildBytes, enter_child.bytes().collect()),
        (Figure::EscToChildrenBytes, esc_children.bytes().collect()),
        (Figure::EscToGroupsBytes, esc_groups.bytes().collect()),
    ];
    let mut rows: Vec<Row> = timed
        .iter()
        .filter_map(|(figure, samples)| Row::of(*figure, samples))
        .collect();
    rows.extend(mark_rows);
    Ok(rows)
}

/// Up and Down over a list of `len` rows from its top: Down at most `reach`
/// rows and Up again, until at least `samples` presses are timed into `into`; ends where it
/// started.
fn bounce(
    driver: &mut Driver,
    len: usize,
    reach: usize,
    samples: usize,
    into: &mut Presses,
) -> Result<()> {
    let reach = len.saturating_sub(1).clamp(1, reach);
    while into.0.len() < samples {
        for code in [KeyCode::Down, KeyCode::Up] {
            for _ in 0..reach {
                into.time(driver.press(code)?);
            }
        }
    }
    Ok(())
}

/// One row further down (back to the top after the last of `len`), unmeasured, so the next
/// round opens another group or child.
fn step(driver: &mut Driver, round: usize, len: usize) -> Result<()> {
    match (round + 1) % len.max(1) {
        0 => driver.keys(&[KeyCode::Up; 1].repeat(len)),
        _ => driver.keys(&[KeyCode::Down]),
    }
    .map_err(Into::into)
}

/// Space on the observation form of the children list's selected child (`o`, and the first
/// form when the group offers several): the marks, timed, and the rows of the durable mark
/// against a bare insert and flush of the observation record's bytes in a sled database at
/// `bare_dir`, timed in turns with the marks so that both meet the same disk.
fn marks(driver: &mut Driver, bare_dir: &Path) -> Result<(Presses, Vec<Row>)> {
    open_form(driver)?;
    let mut bare = Bare::open(bare_dir)?;
    let (mut marks, mut bare_times) = (Presses::default(), Vec::new());
    let mut len = 0;
    for round in 0..MARKS + WARM_UP {
        let mark = driver.press(KeyCode::Char(' '))?;
        if let Screen::Observe(s) = driver.app.screen() {
            len = len.max(record_len(&s.observation));
        }
        let bare_time = bare.insert_and_flush(len)?;
        if round >= WARM_UP {
            marks.time(mark);
            bare_times.push(bare_time);
        }
    }
    let writes = marks.update();
    let bare_ms = millis(&bare_times);
    let mut rows: Vec<Row> = [(Figure::MarkWrite, &writes), (Figure::BareWrite, &bare_ms)]
        .into_iter()
        .filter_map(|(figure, samples)| Row::of(figure, samples))
        .collect();
    if let (Some(write), Some(bare)) = (percentile(&writes, 0.5), percentile(&bare_ms, 0.5)) {
        let detail = format!("{write:.3} ms / {bare:.3} ms, {len} B");
        rows.push(Row::single(Figure::MarkRatio, write / bare, detail));
    }
    Ok((marks, rows))
}

/// `o` on the children list's selected child, and Enter on the first form when the group
/// offers several: the observation form, unmeasured.
fn open_form(driver: &mut Driver) -> Result<()> {
    driver.press(KeyCode::Char('o'))?;
    if matches!(driver.app.screen(), Screen::PickForm(_)) {
        driver.press(KeyCode::Enter)?;
    }
    on(driver, "an observation form", |s| {
        matches!(s, Screen::Observe(_))
    })
}

/// From the groups list (of `groups` rows), in rounds, each in another group: into the group,
/// `o` on its first child's observation form, Space (a mark written), Esc to the children and
/// Esc back to the groups, the last timed. Ends on the groups list.
fn back_after_mark(driver: &mut Driver, groups: usize) -> Result<Presses> {
    let mut backs = Presses::default();
    for round in 0..AFTER_MARK_ROUNDS + WARM_UP {
        driver.press(KeyCode::Enter)?;
        open_form(driver)?;
        driver.press(KeyCode::Char(' '))?;
        driver.press(KeyCode::Esc)?;
        on(driver, "a group's children", |s| {
            matches!(s, Screen::Children(_))
        })?;
        let back = driver.press(KeyCode::Esc)?;
        on(driver, "the groups list", |s| {
            matches!(s, Screen::Groups(_))
        })?;
        if round >= WARM_UP {
            backs.time(back);
        }
        step(driver, round, groups)?;
    }
    Ok(backs)
}

/// `/` on the groups list, then `filter` typed and erased letter by letter, in rounds: each
/// letter and Backspace timed.
fn filter_keys(driver: &mut Driver, filter: &str) -> Result<Presses> {
    let mut keys = Presses::default();
    for round in 0..TYPING_ROUNDS + 1 {
        driver.press(KeyCode::Char('/'))?;
        let typed = type_and_erase(driver, filter)?;
        driver.press(KeyCode::Esc)?;
        if round > 0 {
            keys.0.extend(typed.0);
        }
    }
    Ok(keys)
}

/// `c` (who to call) opened and closed, timed, then the lookup query typed and erased in rounds:
/// the openings and the keystrokes.
fn lookup(driver: &mut Driver) -> Result<(Presses, Presses)> {
    let (mut opens, mut keys) = (Presses::default(), Presses::default());
    for round in 0..LOOKUP_OPENS + WARM_UP {
        let open = driver.press(KeyCode::Char('c'))?;
        if driver.app.popup.is_none() {
            return Err(anyhow!("bench: `c` did not open the lookup"));
        }
        if round >= WARM_UP {
            opens.time(open);
        }
        if round <= TYPING_ROUNDS {
            let typed = type_and_erase(driver, LOOKUP_QUERY)?;
            if round > 0 {
                keys.0.extend(typed.0);
            }
        }
        close(driver)?;
    }
    Ok((opens, keys))
}

/// Types `text` and erases it letter by letter, each key timed.
fn type_and_erase(driver: &mut Driver, text: &str) -> Result<Presses> {
    let mut keys = Presses::default();
    for c in text.chars() {
        keys.time(driver.press(KeyCode::Char(c))?);
    }
    for _ in text.chars() {
        keys.time(driver.press(KeyCode::Backspace)?);
    }
    Ok(keys)
}

/// Esc until the app's popup is gone (a lookup with text in it may take two).
fn close(driver: &mut Driver) -> Result<()> {
    for _ in 0..3 {
        if driver.app.popup.is_none() {
            return Ok(());
        }
        driver.press(KeyCode::Esc)?;
    }
    Err(anyhow!("bench: Esc did not close the lookup"))
}

/// An error unless the app shows the screen `is` tells (`what`, in words for the error).
fn on(driver: &Driver, what: &str, is: impl Fn(&Screen) -> bool) -> Result<()> {
    match is(driver.app.screen()) {
        true => Ok(()),
        false => Err(anyhow!(
            "bench: expected {what} on the screen, but the app shows another"
        )),
    }
}

/// The rows of the list the app shows (groups or children), 0 on another screen.
fn list_len(driver: &Driver) -> usize {
    match driver.app.screen() {
        Screen::Groups(s) => s.list.visible_len(),
        Screen::Children(s) => s.list.visible_len(),
        _ => 0,
    }
}
