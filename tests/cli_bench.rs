//! `signaal bench` as a user runs it: the real binary at a small size. What is asserted is the
//! table's shape and the exit codes, never a time: the bench judges times, the tests behaviour
//! (issue 16, acceptance 3).

mod common {
    pub mod cli;
}

use std::time::Duration;

use common::cli::{describe, run_with_env_within, stderr};

/// A bench run takes a while in a debug build on a busy machine: a bound against a hang.
const BENCH_DEADLINE: Duration = Duration::from_secs(600);

/// Every figure's words in the English table, in order.
const FIGURES: &[&str] = &[
    "Up/Down, groups list",
    "Up/Down, children list",
    "Enter into a group",
    "Enter into a child",
    "Esc back to the children",
    "Esc back to the groups",
    "Esc back to the groups after a mark",
    "Space on an observation form",
    "/ filter, each key (groups)",
    "c who to call, opening",
    "c who to call, each key",
    "bytes per Up/Down (max)",
    "bytes per Enter/Esc (max)",
    "  bytes, into a group",
    "  bytes, into a child",
    "  bytes, back to the children",
    "  bytes, back to the groups",
    "mark write (without frame)",
    "bare sled insert + flush",
    "durable mark / bare insert + flush",
    "first frame, after the database opened",
    "first frame, from the process start",
    "TUI memory (VmHWM)",
    "database on disk / export",
];

/// Runs `signaal bench ARGS` with its temporary files in `tmp`, for an xterm (whose terminfo
/// entry, kept with the tests, has REP); its output.
fn bench(args: &[&str], tmp: &std::path::Path) -> std::process::Output {
    let mut all = vec!["bench"];
    all.extend_from_slice(args);
    let tmp = tmp.to_str().expect("a UTF-8 temp dir");
    let terminfo = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/terminfo");
    let env = [
        ("TMPDIR", tmp),
        ("TERM", "xterm-256color"),
        ("TERMINFO", terminfo),
    ];
    run_with_env_within(&all, &env, BENCH_DEADLINE)
}

#[test]
fn prints_every_figure_with_its_budget_and_leaves_no_files() {
    let tmp = tempfile::TempDir::new().unwrap();
    let args = [
        "--children",
        "300",
        "--groups",
        "20",
        "--observations",
        "3000",
        "--contacts",
        "50",
    ];
    let out = bench(&args, tmp.path());
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "exit 0 or 1: {}",
        describe(&args, &out)
    );
    let table = String::from_utf8(out.stdout.clone()).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        header,
        ["figure", "budget", "p50", "p99", "result", "samples", "detail"],
        "{table}"
    );
    assert_eq!(lines.len(), 1 + FIGURES.len(), "{table}");
    let mut failed = 0;
    for (line, figure) in lines[1..].iter().zip(FIGURES) {
        let rest = line
            .strip_prefix(figure)
            .unwrap_or_else(|| panic!("{figure:?} in its place: {table}"));
        let cells: Vec<&str> = rest.split_whitespace().collect();
        // A budget ("p99 < 1.00 ms", "max <= 1024 B") or "-", then the p50 and p99 values with their units.
        let at = match cells[0] {
            "-" => 1,
            "p50" | "p99" | "max" => 4,
            other => panic!("{figure}: budget {other:?}: {table}"),
        };
        for value in [cells[at], cells[at + 2]] {
            let number: f64 = value
                .parse()
                .unwrap_or_else(|_| panic!("{figure}: a number, not {value:?}: {table}"));
            assert!(number.is_finite() && number >= 0.0, "{figure}: {table}");
        }
        let verdict = cells[at + 4];
        match (at, verdict) {
            (1, "-") | (4, "ok") => {}
            (4, "FAIL") => failed += 1,
            _ => panic!("{figure}: verdict {verdict:?}: {table}"),
        }
    }
    assert_eq!(
        code == Some(1),
        failed > 0,
        "exit 1 exactly when a budget failed: {table}"
    );
    let progress = stderr(&out);
    assert!(progress.contains("building database"), "{progress}");
    assert!(
        progress.contains(
            "bytes counted as this terminal (TERM=xterm-256color) receives them: REP yes, as \
             terminfo says (the terminal not asked: the output does not go to it)"
        ),
        "{progress}"
    );
    let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert!(left.is_empty(), "the temporary database is gone: {left:?}");
}

#[test]
fn refuses_a_size_that_cannot_be_built() {
    let tmp = tempfile::TempDir::new().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (&["--groups", "0"], "--groups must be at least 1"),
        (
            &["--children", "100000000", "--groups", "1"],
            "--children can be at most 100000: the bench builds nothing that large",
        ),
        (
            &["--observations", "3000001"],
            "--observations can be at most 3000000",
        ),
        (
            &["--children", "5", "--groups", "6"],
            "--groups 6 is more than --children 5: every group needs at least one child",
        ),
    ];
    for (args, sentence) in cases {
        let out = bench(args, tmp.path());
        assert_eq!(out.status.code(), Some(2), "{}", describe(args, &out));
        assert!(stderr(&out).contains(sentence), "{}", describe(args, &out));
        assert!(out.stdout.is_empty(), "no table: {}", describe(args, &out));
    }
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn says_in_dutch_why_a_size_is_refused() {
    let tmp = tempfile::TempDir::new().unwrap();
    let out = bench(&["--groups", "0", "--lang", "nl"], tmp.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--groups moet minstens 1 zijn"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn says_where_it_cannot_make_its_temporary_directory() {
    let tmp = tempfile::TempDir::new().unwrap();
    let missing = tmp.path().join("not-there");
    let small = ["--children", "10", "--groups", "1", "--observations", "10"];
    for (lang, sentence) in [
        ("en", "cannot make a temporary directory in"),
        ("nl", "kan geen tijdelijke map maken in"),
    ] {
        let mut args = small.to_vec();
        args.extend(["--lang", lang]);
        let out = bench(&args, &missing);
        assert_eq!(out.status.code(), Some(2), "{}", describe(&args, &out));
        let said = stderr(&out);
        assert!(said.contains(sentence), "{said}");
        assert!(
            said.contains("not-there") && said.contains("TMPDIR"),
            "{said}"
        );
        assert!(out.stdout.is_empty(), "no table: {}", describe(&args, &out));
    }
    assert!(!missing.exists());
}
