//! The printed table: one line per figure, columns aligned, in the user's language.

use super::budgets::{Budget, Row, Unit};
use crate::i18n::Lang;

/// A value and its unit: "0.42 ms", "812 B", "1.38 x", "38.2 MB".
pub fn value(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Millis => format!("{value:.2} ms"),
        Unit::Bytes => format!("{value:.0} B"),
        Unit::Times => format!("{value:.2} x"),
        Unit::Megabytes => format!("{value:.1} MB"),
    }
}

/// A budget as the table shows it: "p99 < 1.00 ms", "p50 <= 1.50 x".
fn budget(unit: Unit, budget: Budget) -> String {
    let judged = match budget.judged {
        super::budgets::Judged::P50 => "p50",
        super::budgets::Judged::P99 => "p99",
        super::budgets::Judged::Max => "max",
    };
    let relation = if budget.inclusive { "<=" } else { "<" };
    format!("{judged} {relation} {}", value(unit, budget.limit))
}

/// The table of `rows` with its header, a line per row, each line ending in a line break.
pub fn table(rows: &[Row], lang: Lang) -> String {
    let header = lang.bench_header().map(str::to_string);
    let lines: Vec<[String; 7]> = rows
        .iter()
        .map(|row| {
            let unit = row.figure.unit();
            [
                lang.bench_figure(row.figure),
                row.figure
                    .budget()
                    .map_or_else(|| "-".into(), |b| budget(unit, b)),
                value(unit, row.p50),
                value(unit, row.p99),
                lang.bench_verdict(row.passes()).to_string(),
                row.samples.to_string(),
                row.detail.clone(),
            ]
        })
        .collect();
    let mut widths = header.clone().map(|h| h.chars().count());
    for line in &lines {
        for (width, cell) in widths.iter_mut().zip(line) {
            *width = (*width).max(cell.chars().count());
        }
    }
    std::iter::once(header)
        .chain(lines)
        .map(|cells| {
            let padded: Vec<String> = cells
                .iter()
                .zip(widths)
                .map(|(cell, width)| format!("{cell:<width$}"))
                .collect();
            format!("{}\n", padded.join("  ").trim_end())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::budgets::Figure;
    use super::*;

    #[test]
    fn every_row_under_the_header_with_its_budget_and_verdict() {
        let rows = [
            Row::of(Figure::GroupsUpDown, &[0.3, 0.4, 2.0]).unwrap(),
            Row::single(Figure::BareWrite, 0.25, String::new()),
            Row::single(Figure::MarkRatio, 1.2, "0.30 ms / 0.25 ms".into()),
        ];
        let table = table(&rows, Lang::En);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 4, "{table}");
        assert!(lines[0].starts_with("figure"), "{table}");
        assert!(lines[0].contains("budget") && lines[0].contains("p99"));
        assert!(lines[1].contains("p99 < 1.00 ms") && lines[1].contains("2.00 ms"));
        assert!(lines[1].contains("FAIL"), "{table}");
        assert!(lines[2].contains(" - "), "no budget: {table}");
        assert!(lines[3].contains("p50 <= 1.50 x") && lines[3].contains("1.20 x"));
        assert!(lines[3].contains("ok") && lines[3].ends_with("0.30 ms / 0.25 ms"));
    }
}
