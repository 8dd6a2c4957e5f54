//! `signaal purge`: removing the data of children who left, after a confirmation.

use std::collections::HashMap;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use chrono::NaiveDate;

use crate::cli::PurgeArgs;
use crate::domain::text::visible_controls;
use crate::domain::{Child, Id};
use crate::store::Store;

/// Who the audit trail names for a purge from the command line.
pub const AUTHOR: &str = "signaal purge";

/// Lists the children who would be removed (stdout), asks unless `--yes` (the question on stderr,
/// the answer from stdin), then removes them. Anything but yes (or ja) cancels: exit code 1 and
/// nothing changed.
pub fn run(store: &Store, args: &PurgeArgs) -> Result<ExitCode> {
    let before = args.left_before.format("%Y-%m-%d");
    let candidates = store.purge_candidates(args.left_before)?;
    if candidates.is_empty() {
        return super::printed(
            super::to_stdout(|out| {
                writeln!(
                    out,
                    "no archived children left before {before}; nothing to remove"
                )
            }),
            "result",
        );
    }
    let dates = store.archive_dates()?;
    let lines = candidates
        .iter()
        .map(|child| line(store, child, &dates))
        .collect::<Result<Vec<_>>>()?;
    let listed = super::to_stdout(|out| {
        writeln!(
            out,
            "{} archived {} left before {before}:",
            candidates.len(),
            plural(candidates.len(), "child", "children")
        )?;
        // The children's names, with any control character shown.
        lines
            .iter()
            .try_for_each(|line| writeln!(out, "{}", visible_controls(line)))
    });
    // Children's data is only removed after the list of them could be shown.
    listed.context("cannot write the list of children to remove, so nothing was removed")?;
    if !args.yes && !confirmed(candidates.len())? {
        super::say("cancelled; nothing was removed");
        return Ok(ExitCode::FAILURE);
    }
    let purged = store.purge_left_before(args.left_before, &super::signature(AUTHOR))?;
    // Always these words, whatever the numbers: scripts read this line.
    let written = super::to_stdout(|out| {
        writeln!(
            out,
            "removed {} children, {} observations, {} trajectories",
            purged.children, purged.observations, purged.trajectories
        )
    });
    super::printed(written, "result of the purge")
}

/// One child to be removed: id, name, group, when archived, and how much goes with it.
fn line(store: &Store, child: &Child, dates: &HashMap<Id, NaiveDate>) -> Result<String> {
    let archived = match dates.get(&child.id) {
        Some(day) => format!("archived on {}", day.format("%Y-%m-%d")),
        None => "archive date unknown".to_string(),
    };
    let observations = store.observations_of(child.id)?.len();
    let trajectories = store.trajectories_of(child.id)?.len();
    Ok(format!(
        "  child {}: {}, group {}, {archived}, {observations} {}, {trajectories} {}",
        child.id,
        child.full_name().trim(),
        child.group_id,
        plural(observations, "observation", "observations"),
        plural(trajectories, "trajectory", "trajectories"),
    ))
}

/// Asks on stderr and reads one line from stdin: yes (or ja), in any case, confirms; anything
/// else, or no answer at all, does not.
fn confirmed(count: usize) -> Result<bool> {
    let mut err = std::io::stderr().lock();
    write!(
        err,
        "Remove the data of these {count} children for good? Type yes to confirm: "
    )
    .and_then(|()| err.flush())
    .context("cannot ask for confirmation")?;
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .context("cannot read the answer")?;
    // A terminal echoed the answer and its Enter; an answer piped in leaves the line open.
    if !std::io::stdin().is_terminal() {
        eprintln!();
    }
    Ok(is_yes(&answer))
}

fn is_yes(answer: &str) -> bool {
    let answer = answer.trim();
    answer.eq_ignore_ascii_case("yes") || answer.eq_ignore_ascii_case("ja")
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_yes_or_ja_confirms() {
        for yes in ["yes\n", "YES", "  Yes \r\n", "ja\n", "JA"] {
            assert!(is_yes(yes), "{yes:?}");
        }
        for no in ["", "\n", "no\n", "y\n", "j", "yes please", "nee"] {
            assert!(!is_yes(no), "{no:?}");
        }
    }
}
