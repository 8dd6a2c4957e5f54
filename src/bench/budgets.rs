//! The budgets of issue 16, at the default size: what each figure of the table is held to.

use std::time::Duration;

use super::stats::percentile;

/// One figure of the table; its words are in `i18n` (`Lang::bench_figure`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    GroupsUpDown,
    ChildrenUpDown,
    EnterGroup,
    EnterChild,
    EscToChildren,
    EscToGroups,
    /// Esc from a group's children list back to the groups, right after a mark on a form
    /// opened from it: the write a user most often makes before going back.
    EscToGroupsAfterMark,
    /// Space on an observation form: a mark written and flushed, and its frame.
    Mark,
    FilterKey,
    LookupOpen,
    LookupKey,
    /// Bytes sent to the terminal for one Up/Down.
    NavigationBytes,
    /// Bytes sent to the terminal for one Enter or Esc.
    ScreenBytes,
    /// The same for each screen change alone, so that the table tells which is over.
    EnterGroupBytes,
    EnterChildBytes,
    EscToChildrenBytes,
    EscToGroupsBytes,
    /// The mark's write alone (the Space's update, without its frame).
    MarkWrite,
    /// A bare sled insert and flush of the observation record's bytes.
    BareWrite,
    /// [`Figure::MarkWrite`] over [`Figure::BareWrite`], at the median.
    MarkRatio,
    FirstFrameAfterOpen,
    FirstFrameFromStart,
    Memory,
    /// The database directory on disk over the export without indentation.
    DiskRatio,
}

/// What a value counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Millis,
    Bytes,
    /// A ratio ("1.4x").
    Times,
    /// Mebibytes.
    Megabytes,
}

/// Which value of a row its budget holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judged {
    P50,
    P99,
    /// The largest sample (shown in the p99 column): every sample is held to the budget.
    Max,
}

/// A figure's limit: the judged value must stay below `limit`, or at most reach it when
/// `inclusive`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    pub judged: Judged,
    pub limit: f64,
    pub inclusive: bool,
}

/// p99 under 1 ms for every navigation key.
const NAVIGATION: Duration = Duration::from_millis(1);
/// p99 under 5 ms for each keystroke of a filter or the lookup, opening it included.
const TYPING: Duration = Duration::from_millis(5);
/// At most 1 KB to the terminal per navigation key, 3 KB per screen change (at 120x40).
const NAVIGATION_BYTES: u64 = 1024;
const SCREEN_BYTES: u64 = 3 * 1024;
/// A durable mark at most 1.5 times a bare insert and flush of its bytes (medians).
const MARK_RATIO: f64 = 1.5;
/// The first frame under 100 ms after the database is open, under 300 ms from the start.
const FIRST_FRAME_AFTER_OPEN: Duration = Duration::from_millis(100);
const FIRST_FRAME_FROM_START: Duration = Duration::from_millis(300);
/// The TUI's peak resident memory under 100 MB.
const MEMORY_MB: f64 = 100.0;
/// The database on disk at most twice its export without indentation.
const DISK_RATIO: f64 = 2.0;

fn ms(limit: Duration) -> f64 {
    limit.as_secs_f64() * 1000.0
}

impl Figure {
    /// The unit of the figure's values.
    pub fn unit(self) -> Unit {
        match self {
            Figure::NavigationBytes
            | Figure::ScreenBytes
            | Figure::EnterGroupBytes
            | Figure::EnterChildBytes
            | Figure::EscToChildrenBytes
            | Figure::EscToGroupsBytes => Unit::Bytes,
            Figure::MarkRatio | Figure::DiskRatio => Unit::Times,
            Figure::Memory => Unit::Megabytes,
            _ => Unit::Millis,
        }
    }

    /// The figure's budget; `None` for a figure shown only as a reference (the bare write, the
    /// mark's write alone).
    pub fn budget(self) -> Option<Budget> {
        let below = |judged, limit| Budget {
            judged,
            limit,
            inclusive: false,
        };
        let at_most = |judged, limit| Budget {
            judged,
            limit,
            inclusive: true,
        };
        match self {
            Figure::GroupsUpDown
            | Figure::ChildrenUpDown
            | Figure::EnterGroup
            | Figure::EnterChild
            | Figure::EscToChildren
            | Figure::EscToGroups
            | Figure::EscToGroupsAfterMark
            | Figure::Mark => Some(below(Judged::P99, ms(NAVIGATION))),
            Figure::FilterKey | Figure::LookupOpen | Figure::LookupKey => {
                Some(below(Judged::P99, ms(TYPING)))
            }
            Figure::NavigationBytes => Some(at_most(Judged::Max, NAVIGATION_BYTES as f64)),
            Figure::ScreenBytes
            | Figure::EnterGroupBytes
            | Figure::EnterChildBytes
            | Figure::EscToChildrenBytes
            | Figure::EscToGroupsBytes => Some(at_most(Judged::Max, SCREEN_BYTES as f64)),
            Figure::MarkWrite | Figure::BareWrite => None,
            Figure::MarkRatio => Some(at_most(Judged::P50, MARK_RATIO)),
            Figure::FirstFrameAfterOpen => Some(below(Judged::P99, ms(FIRST_FRAME_AFTER_OPEN))),
            Figure::FirstFrameFromStart => Some(below(Judged::P99, ms(FIRST_FRAME_FROM_START))),
            Figure::Memory => Some(below(Judged::P99, MEMORY_MB)),
            Figure::DiskRatio => Some(at_most(Judged::P50, DISK_RATIO)),
        }
    }
}

/// One row of the table: a figure's median and 99th percentile (the largest sample instead for
/// a figure judged on it, [`Judged::Max`]), how many samples, and a detail in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub figure: Figure,
    pub p50: f64,
    pub p99: f64,
    pub samples: usize,
    /// Anything the reader needs besides (e.g. the two times of a ratio); empty for none.
    pub detail: String,
}

impl Row {
    /// A row of `samples` (in the figure's unit): their median and 99th percentile, or the
    /// largest for a figure judged on it. `None` without samples.
    pub fn of(figure: Figure, samples: &[f64]) -> Option<Row> {
        let top = match figure.budget().map(|b| b.judged) {
            Some(Judged::Max) => 1.0,
            _ => 0.99,
        };
        Some(Row {
            figure,
            p50: percentile(samples, 0.5)?,
            p99: percentile(samples, top)?,
            samples: samples.len(),
            detail: String::new(),
        })
    }

    /// A row of one value (a ratio, a size): it is its own median and 99th percentile.
    pub fn single(figure: Figure, value: f64, detail: String) -> Row {
        Row {
            figure,
            p50: value,
            p99: value,
            samples: 1,
            detail,
        }
    }

    /// Whether the row keeps its budget; `None` for a row without one.
    pub fn passes(&self) -> Option<bool> {
        let budget = self.figure.budget()?;
        let value = match budget.judged {
            Judged::P50 => self.p50,
            Judged::P99 | Judged::Max => self.p99,
        };
        Some(match budget.inclusive {
            true => value <= budget.limit,
            false => value < budget.limit,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_navigation_key_is_held_to_its_tail() {
        let mut samples = vec![0.2; 99];
        samples.push(3.0);
        let row = Row::of(Figure::GroupsUpDown, &samples).unwrap();
        assert_eq!((row.p50, row.p99), (0.2, 0.2));
        assert_eq!(row.passes(), Some(true));
        samples.push(3.0);
        let row = Row::of(Figure::GroupsUpDown, &samples).unwrap();
        assert_eq!(row.passes(), Some(false), "{row:?}");
    }

    #[test]
    fn a_bytes_row_is_held_to_its_largest_sample() {
        let mut samples = vec![300.0; 999];
        samples.push(1025.0);
        let row = Row::of(Figure::NavigationBytes, &samples).unwrap();
        assert_eq!(row.p99, 1025.0);
        assert_eq!(row.passes(), Some(false));
        let row = Row::of(Figure::ScreenBytes, &samples).unwrap();
        assert_eq!(row.passes(), Some(true));
    }

    #[test]
    fn ratios_may_reach_their_limit_and_references_have_none() {
        let row = |figure, value| Row::single(figure, value, String::new());
        assert_eq!(row(Figure::MarkRatio, 1.5).passes(), Some(true));
        assert_eq!(row(Figure::MarkRatio, 1.51).passes(), Some(false));
        assert_eq!(row(Figure::DiskRatio, 2.0).passes(), Some(true));
        assert_eq!(row(Figure::BareWrite, 99.0).passes(), None);
        assert_eq!(Row::of(Figure::Memory, &[]), None);
    }
}
