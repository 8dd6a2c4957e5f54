//! CSV as the reports write it (`report --care-team --csv`, `report --meldcode --csv`), for the
//! spreadsheet that opens it: written by the `csv` crate (RFC 4180: CRLF line ends, a field
//! quoted when it holds the delimiter, a quote or a line break, quotes doubled).
//!
//! - Dutch Excel reads a file by the Windows list separator, `;` in the Netherlands, and a file
//!   without a byte order mark as Windows-1252: a Dutch report is `;`-separated, an English one
//!   `,`-separated, unless the delimiter is given ([`CsvStyle::for_report`]); every file starts
//!   with the UTF-8 byte order mark.
//! - A cell that starts with `=`, `+`, `-`, `@`, a tab or a CR is run as a formula by Excel,
//!   LibreOffice and Google Sheets (CSV injection): it gets a `'` in front, as OWASP advises, which
//!   the spreadsheet hides and keeps the cell text. This holds for every cell, a phone number
//!   such as "+31 30 123 45 67" too (no report has one yet): unguarded, Excel reads that as a sum.
//! - Control characters are shown as [`visible_controls`] shows them: the CSV may be printed to
//!   a terminal.

use csv::{QuoteStyle, Terminator, WriterBuilder};

use crate::domain::text::visible_controls;
use crate::i18n::Lang;

/// The UTF-8 byte order mark, first in every CSV file: Excel then reads the file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// The characters a spreadsheet takes as the start of a formula at the start of a cell.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// How a CSV report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvStyle {
    /// The field delimiter, one ASCII byte: `,`, `;`, `|` or a tab (see [`parse_delimiter`]).
    pub delimiter: u8,
}

impl CsvStyle {
    /// The style of a report in `lang`: `delimiter` when one is given, else `;` for Dutch (what
    /// Dutch Excel splits on) and `,` for English.
    pub fn for_report(lang: Lang, delimiter: Option<u8>) -> CsvStyle {
        let delimiter = delimiter.unwrap_or(match lang {
            Lang::Nl => b';',
            Lang::En => b',',
        });
        CsvStyle { delimiter }
    }
}

/// Reads a `--delimiter` value: `,`, `;`, `|`, a tab, or the word `tab`.
///
/// # Errors
/// Anything else, in one sentence naming what was given and what may be.
pub fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "," | ";" | "|" | "\t" => Ok(text.as_bytes()[0]),
        "tab" => Ok(b'\t'),
        _ => Err(format!(
            "{text:?} cannot separate the fields; give one of \",\", \";\", \"|\" or \"tab\""
        )),
    }
}

/// A CSV file: the byte order mark, `header`, then each row, every field made safe
/// ([`safe_cell`]), in `style`. The header names are written as they are.
pub fn write(
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
    style: CsvStyle,
) -> String {
    let mut writer = WriterBuilder::new()
        .delimiter(style.delimiter)
        .terminator(Terminator::CRLF)
        .quote_style(QuoteStyle::Necessary)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail, and every row has the header's length (the callers build
    // them from one list of columns): `csv` errors only on an I/O error or unequal rows.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(row.iter().map(|field| safe_cell(field)));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// A cell as a spreadsheet may read it: control characters shown ([`visible_controls`]), and a
/// `'` before one that starts with a formula character (`=`, `+`, `-`, `@`, tab, CR).
pub fn safe_cell(field: &str) -> String {
    let shown = visible_controls(field);
    match shown.starts_with(FORMULA_START) {
        true => format!("'{shown}"),
        false => shown.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(fields: &[&str]) -> Vec<Vec<String>> {
        vec![fields.iter().map(|f| f.to_string()).collect()]
    }

    #[test]
    fn a_formula_is_text_and_a_control_character_is_shown() {
        let formulas = ["=1+1", "+31 30 123 45 67", "-2", "@SUM(A1)", "\tx", "\r\nx"];
        for formula in formulas {
            assert_eq!(safe_cell(formula), format!("'{formula}"), "{formula:?}");
        }
        for plain in ["Anna", "1+1=2", "", "06-12345678", "'al"] {
            assert_eq!(safe_cell(plain), plain);
        }
        assert_eq!(safe_cell("\x1b[2J"), "^[[2J");
        assert_eq!(safe_cell("a\rb"), "a^Mb");
    }

    #[test]
    fn dutch_is_split_on_semicolons_behind_a_byte_order_mark() {
        let nl = CsvStyle::for_report(Lang::Nl, None);
        let text = write(&["a", "b"], rows(&["x;y", "=HYPERLINK(\"e\")"]), nl);
        assert_eq!(
            text,
            "\u{feff}a;b\r\n\"x;y\";\"'=HYPERLINK(\"\"e\"\")\"\r\n"
        );
        let en = CsvStyle::for_report(Lang::En, None);
        assert_eq!(
            write(&["a", "b"], rows(&["x;y", "z"]), en),
            "\u{feff}a,b\r\nx;y,z\r\n"
        );
        let given = CsvStyle::for_report(Lang::En, Some(b';'));
        assert_eq!(given.delimiter, b';');
        assert_eq!(CsvStyle::for_report(Lang::Nl, Some(b',')).delimiter, b',');
    }

    #[test]
    fn a_delimiter_is_one_of_four() {
        assert_eq!(parse_delimiter(";"), Ok(b';'));
        assert_eq!(parse_delimiter("tab"), Ok(b'\t'));
        assert_eq!(parse_delimiter("\t"), Ok(b'\t'));
        assert_eq!(
            parse_delimiter("::"),
            Err(
                "\"::\" cannot separate the fields; give one of \",\", \";\", \"|\" or \"tab\""
                    .into()
            )
        );
        assert!(parse_delimiter("\"").is_err() && parse_delimiter("").is_err());
    }
}
