//! What `signaal bench` says: its progress lines, its refusals and its table.

use super::Lang;
use crate::bench::{Figure, Size, SizeProblem};
use crate::tui::Caps;

impl Lang {
    /// Why `bench` refuses a size (exit code 2).
    pub fn bench_bad_size(self, problem: SizeProblem) -> String {
        match problem {
            SizeProblem::NoGroups => self.pick(
                "--groups moet minstens 1 zijn: zonder groep is er niets te meten".into(),
                "--groups must be at least 1: without a group there is nothing to measure".into(),
            ),
            SizeProblem::GroupsOverChildren { groups, children } => self.pick(
                format!(
                    "--groups {groups} is meer dan --children {children}: elke groep heeft \
                     minstens één kind nodig"
                ),
                format!(
                    "--groups {groups} is more than --children {children}: every group needs \
                     at least one child"
                ),
            ),
            SizeProblem::TooLarge { option, most } => self.pick(
                format!("{option} mag hoogstens {most} zijn: zo groot bouwt de bench niet"),
                format!("{option} can be at most {most}: the bench builds nothing that large"),
            ),
        }
    }

    pub fn bench_building(self, size: &Size) -> String {
        let Size {
            children,
            groups,
            observations,
            contacts,
        } = *size;
        self.pick(
            format!(
                "database bouwen: {children} kinderen in {groups} groepen, {observations} \
                 observaties, {contacts} contacten..."
            ),
            format!(
                "building database: {children} children in {groups} groups, {observations} \
                 observations, {contacts} contacts..."
            ),
        )
    }

    /// The temporary directory cannot be made in `dir` (the system's, `TMPDIR` on Unix).
    pub fn bench_no_temp(self, dir: &std::path::Path, error: &std::io::Error) -> String {
        let dir = dir.display();
        self.pick(
            format!(
                "kan geen tijdelijke map maken in {dir} ({error}); zet TMPDIR op een map met \
                 een paar honderd MB vrij"
            ),
            format!(
                "cannot make a temporary directory in {dir} ({error}); set TMPDIR to a folder \
                 with a few hundred MB free"
            ),
        )
    }

    pub fn bench_driving(self) -> String {
        self.pick(
            "toetsen meten op de schermen...".into(),
            "timing keys on the screens...".into(),
        )
    }

    /// Which terminal the bytes are counted for: `term` (`$TERM`, `None` when unset) and
    /// whether it gets REP.
    /// For which terminal the bytes are counted: `TERM` (unset: none), whether REP is used, and
    /// whether the terminal was `asked` (else its terminfo entry alone said so).
    pub fn bench_counted_as(self, term: Option<&str>, caps: Caps, asked: bool) -> String {
        let term = term.map_or_else(|| "(unset)".to_string(), str::to_string);
        let (nl, en) = match (caps.repeat, asked) {
            (true, true) => ("ja (de terminal gevraagd)", "yes (the terminal asked)"),
            (true, false) => (
                "ja, volgens terminfo (de terminal niet gevraagd: de uitvoer gaat niet naar de \
                 terminal)",
                "yes, as terminfo says (the terminal not asked: the output does not go to it)",
            ),
            (false, _) => ("nee", "no"),
        };
        self.pick(
            format!("bytes geteld zoals deze terminal (TERM={term}) ze krijgt: REP {nl}"),
            format!("bytes counted as this terminal (TERM={term}) receives them: REP {en}"),
        )
    }

    pub fn bench_starting(self, times: usize) -> String {
        self.pick(
            format!("signaal {times} keer starten voor het eerste beeld..."),
            format!("starting signaal {times} times for the first frame..."),
        )
    }

    /// The last line: every budget kept, or how many failed.
    pub fn bench_outcome(self, failed: usize) -> String {
        match failed {
            0 => self.pick("alle budgetten gehaald".into(), "every budget kept".into()),
            n => self.pick(
                format!("{n} budget(ten) niet gehaald"),
                format!("{n} budget(s) failed"),
            ),
        }
    }

    /// The table's header: figure, budget, p50, p99, result, samples, detail.
    pub fn bench_header(self) -> [&'static str; 7] {
        match self {
            Lang::Nl => [
                "meting",
                "budget",
                "p50",
                "p99",
                "uitkomst",
                "metingen",
                "toelichting",
            ],
            Lang::En => [
                "figure", "budget", "p50", "p99", "result", "samples", "detail",
            ],
        }
    }

    /// A row's verdict: kept, failed, or no budget (a reference figure).
    pub fn bench_verdict(self, passes: Option<bool>) -> &'static str {
        match (passes, self) {
            (Some(true), _) => "ok",
            (Some(false), Lang::Nl) => "TE HOOG",
            (Some(false), Lang::En) => "FAIL",
            (None, _) => "-",
        }
    }

    /// The name of a figure in the table.
    pub fn bench_figure(self, figure: Figure) -> String {
        let (nl, en) = match figure {
            Figure::GroupsUpDown => ("Op/Neer, groepenlijst", "Up/Down, groups list"),
            Figure::ChildrenUpDown => ("Op/Neer, kinderlijst", "Up/Down, children list"),
            Figure::EnterGroup => ("Enter, een groep in", "Enter into a group"),
            Figure::EnterChild => ("Enter, een kind in", "Enter into a child"),
            Figure::EscToChildren => ("Esc, terug naar de kinderen", "Esc back to the children"),
            Figure::EscToGroups => ("Esc, terug naar de groepen", "Esc back to the groups"),
            Figure::EscToGroupsAfterMark => (
                "Esc, terug naar de groepen na een markering",
                "Esc back to the groups after a mark",
            ),
            Figure::Mark => (
                "Spatie, observatieformulier",
                "Space on an observation form",
            ),
            Figure::FilterKey => (
                "/ filter, per toets (groepen)",
                "/ filter, each key (groups)",
            ),
            Figure::LookupOpen => ("c wie bellen, openen", "c who to call, opening"),
            Figure::LookupKey => ("c wie bellen, per toets", "c who to call, each key"),
            Figure::NavigationBytes => ("bytes per Op/Neer (max)", "bytes per Up/Down (max)"),
            Figure::ScreenBytes => ("bytes per Enter/Esc (max)", "bytes per Enter/Esc (max)"),
            Figure::EnterGroupBytes => ("  bytes, een groep in", "  bytes, into a group"),
            Figure::EnterChildBytes => ("  bytes, een kind in", "  bytes, into a child"),
            Figure::EscToChildrenBytes => (
                "  bytes, terug naar de kinderen",
                "  bytes, back to the children",
            ),
            Figure::EscToGroupsBytes => (
                "  bytes, terug naar de groepen",
                "  bytes, back to the groups",
            ),
            Figure::MarkWrite => (
                "markering schrijven (zonder beeld)",
                "mark write (without frame)",
            ),
            Figure::BareWrite => ("kale sled insert + flush", "bare sled insert + flush"),
            Figure::MarkRatio => (
                "markering / kale insert + flush",
                "durable mark / bare insert + flush",
            ),
            Figure::FirstFrameAfterOpen => (
                "eerste beeld, na openen database",
                "first frame, after the database opened",
            ),
            Figure::FirstFrameFromStart => (
                "eerste beeld, vanaf start proces",
                "first frame, from the process start",
            ),
            Figure::Memory => ("geheugen TUI (VmHWM)", "TUI memory (VmHWM)"),
            Figure::DiskRatio => ("database op schijf / export", "database on disk / export"),
        };
        self.pick(nl.into(), en.into())
    }
}
