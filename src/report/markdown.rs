//! User text in the Markdown documents, shown as typed: every report writer passes each name,
//! note, advice, school or other free text through [`inline`] (or [`block`] for a text that
//! keeps its lines) before it goes into the document, so that `*x*`, `_x_`, `<b>`, `[a](b)`, a
//! leading `#`, `-` or `1.`, a `|` in a table cell or a backtick is text, never markup.
//!
//! No crate escapes Markdown for Markdown (pulldown-cmark-escape escapes HTML): this is the
//! reports' own output format. The escaping is the part that every common renderer reads the
//! same way: CommonMark (GitHub, pulldown-cmark, markdown-it) honours a backslash before any
//! ASCII punctuation, but Python-Markdown (many wikis, MkDocs) only before
//! ``\ ` * _ { } [ ] ( ) > # + - . !`` and shows any other backslash as typed; both read HTML
//! character references. So the characters of that list are backslash-escaped, and `<`, `&`,
//! `|`, `~`, and a leading `=` or `:` are written as references (`&lt;`, `&amp;`, `&#124;`,
//! `&#126;`, `&#61;`, `&#58;`). `{` and `}` are escaped so that an `attr_list` renderer
//! (MkDocs) takes no `{: onclick=...}` from user text. Only what could start markup is escaped,
//! so that the Markdown stays readable as plain text. Control characters are shown as
//! [`crate::domain::text::visible_controls`] shows them: the documents are printed to terminals.

use crate::domain::text::visible_controls;

/// Backslash-escaped wherever they stand: emphasis, code, links and images, headings' closing
/// `#`, attribute lists, and the backslash itself. All are in Python-Markdown's list.
const BACKSLASHED: &[char] = &['\\', '`', '*', '_', '[', ']', '{', '}', '#'];

/// Written as a character reference wherever they stand: raw HTML and autolinks (`<`),
/// character references (`&`), table cells (`|`), strikethrough (`~`, GitHub).
fn reference(c: char) -> Option<&'static str> {
    match c {
        '<' => Some("&lt;"),
        '&' => Some("&amp;"),
        '|' => Some("&#124;"),
        '~' => Some("&#126;"),
        _ => None,
    }
}

/// `text` as inline Markdown on one line: runs of whitespace (line breaks, tabs) become one
/// space, the ends are trimmed, and markup characters are escaped, those that start a block
/// (`>`, `-`, `+`, `=`, `:`, `1.`, `1)`) when they open the text. Fit for a list item, a
/// heading, a table cell or a line of its own.
pub fn inline(text: &str) -> String {
    escape_line(&visible_controls(&one_line(text)))
}

/// Free text on one line, not escaped: runs of whitespace (a note's line breaks would end a
/// list item) become one space, the ends trimmed. For a text that is cut before [`inline`].
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The hard line break between the lines of a [`block`]: two trailing spaces. Markdown.pl,
/// CommonMark and Python-Markdown all read it, and it is no HTML (a `<br>` is shown as text
/// where a renderer drops raw HTML); CommonMark's backslash break is shown as a backslash by
/// Python-Markdown.
const HARD_BREAK: &str = "  \n";

/// `text` as a Markdown paragraph that keeps its lines: each line trimmed and escaped as by
/// [`inline`], ended by a hard line break (two spaces, see [`HARD_BREAK`]) when another line
/// follows, and blank lines between paragraphs kept (several as one). Empty when `text` holds
/// only whitespace.
pub fn block(text: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in text.lines().map(inline) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        match (out.is_empty(), blank) {
            (true, _) => {}
            (false, true) => out.push_str("\n\n"),
            (false, false) => out.push_str(HARD_BREAK),
        }
        blank = false;
        out.push_str(&line);
    }
    out
}

/// Escapes one trimmed line with no line breaks.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 4);
    for c in line.chars() {
        match reference(c) {
            Some(written) => out.push_str(written),
            None if BACKSLASHED.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            None => out.push(c),
        }
    }
    escape_start(out)
}

/// Escapes what would open a block at the start of a line: a quote (`>`), a list item (`-`,
/// `+`, `1.` or `1)` before a space or alone), a rule or a heading underline (a line of only
/// `-` or `=`), a definition (`:` before a space, Python-Markdown's `def_list`). "+31 6 ..." and
/// "-3 graden" stay as they are: they open nothing.
fn escape_start(line: String) -> String {
    let marker = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = |at: usize| line[at..].chars().next();
    let opens_item = |at: usize| rest(at).is_none_or(char::is_whitespace);
    let only = |c: char| line.chars().all(|l| l == c || l == ' ');
    let (at, written) = match (marker, rest(marker)) {
        (0, Some('>')) => (0, "&gt;"),
        (0, Some('-')) if opens_item(1) || only('-') => (0, "\\-"),
        (0, Some('+')) if opens_item(1) => (0, "\\+"),
        (0, Some('=')) if only('=') => (0, "&#61;"),
        (0, Some(':')) if opens_item(1) => (0, "&#58;"),
        (1.., Some('.')) if opens_item(marker + 1) => (marker, "\\."),
        (1.., Some(')')) if opens_item(marker + 1) => (marker, "\\)"),
        _ => return line,
    };
    format!("{}{written}{}", &line[..at], &line[at + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    /// What a Markdown reader makes of `doc` (tables and strikethrough on, as on GitHub): the
    /// text it shows, with a marker for anything else than text, a paragraph, a soft or a hard
    /// line break, or a table.
    fn read(doc: &str) -> (String, Vec<String>) {
        let mut text = String::new();
        let mut other = Vec::new();
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        for event in Parser::new_ext(doc, options) {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::SoftBreak => text.push(' '),
                Event::HardBreak => text.push('\n'),
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
                e => other.push(format!("{e:?}")),
            }
        }
        (text, other)
    }

    const TRICKY: [&str; 21] = [
        "*x*",
        "_x_",
        "**vet**",
        "<b>vet</b>",
        "[a](https://example.org)",
        "![plaatje](a.png)",
        "# kop",
        "kop #",
        "- lijst",
        "+ lijst",
        "1. lijst",
        "2) lijst",
        "> citaat",
        "`code`",
        "~~weg~~",
        "&amp; &#35; a\\b",
        "a | b",
        "kop {: onclick=\"x\" }",
        ": definitie",
        "<https://example.org>",
        "~weg~",
    ];

    /// The characters Python-Markdown honours a backslash before (its `ESCAPED_CHARS`); before
    /// any other it shows the backslash.
    const PYTHON_MARKDOWN_ESCAPES: &str = "\\`*_{}[]()>#+-.!";

    #[test]
    fn inline_text_reads_back_as_typed() {
        let more = [
            "===",
            "= =",
            "---",
            "- - -",
            "***",
            "-",
            "1.",
            "Jansen & Co",
            "+31 6",
        ];
        for typed in TRICKY.into_iter().chain(more) {
            let (text, other) = read(&inline(typed));
            assert_eq!(text, typed, "{typed:?} as {:?}", inline(typed));
            assert!(other.is_empty(), "{typed:?}: {other:?}");
        }
        assert_eq!(inline("  Anna\n\tde  Vries "), "Anna de Vries");
        assert_eq!(inline("Jansen & Co"), "Jansen &amp; Co");
        assert_eq!(inline("<b>a|b</b>"), "&lt;b>a&#124;b&lt;/b>");
        // What opens no block is left as it is.
        for plain in ["+31 6 12345678", "-3 graden", "2.5 jaar", "=x", "1.a"] {
            assert_eq!(inline(plain), plain);
        }
        for start in ["> a", "- a", "+ a", "1. a", "2) a", "===", ": a", "---"] {
            assert_ne!(inline(start), start);
        }
        // A control character is shown, and what shows it is text too.
        assert_eq!(read(&inline("An\x1bna")).0, "An^[na");
    }

    /// A backslash that Python-Markdown does not honour would be shown there; every escape
    /// written is one it honours (the rest are character references, read by both).
    #[test]
    fn every_backslash_escape_is_one_python_markdown_honours() {
        let more = ["===", "---", "a\\\\b", "x\n\ny"];
        for typed in TRICKY.into_iter().chain(more) {
            for written in [inline(typed), block(typed)] {
                let mut chars = written.chars();
                while let Some(c) = chars.next() {
                    if c == '\\' {
                        let escaped = chars.next();
                        assert!(
                            escaped.is_some_and(|e| PYTHON_MARKDOWN_ESCAPES.contains(e)),
                            "{typed:?} as {written:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_table_cell_keeps_its_bars_and_stays_one_cell() {
        let cells = ["a | b", "regel\nnieuwe regel", "`x|y`", "<i>"];
        let row = cells.map(inline).join(" | ");
        let doc = format!("| 1 | 2 | 3 | 4 |\n|---|---|---|---|\n| {row} |\n");
        let options = Options::ENABLE_TABLES;
        let mut texts: Vec<String> = Vec::new();
        let mut in_body_cell = false;
        let mut in_body = false;
        for event in Parser::new_ext(&doc, options) {
            match event {
                Event::Start(Tag::TableRow) => in_body = true,
                Event::Start(Tag::TableCell) if in_body => {
                    in_body_cell = true;
                    texts.push(String::new());
                }
                Event::End(TagEnd::TableCell) => in_body_cell = false,
                Event::Text(t) if in_body_cell => texts.last_mut().unwrap().push_str(&t),
                Event::Start(Tag::TableCell) | Event::End(_) | Event::Text(_) => {}
                Event::Start(Tag::Table(_) | Tag::TableHead) => {}
                e => panic!("{e:?} in {doc}"),
            }
        }
        assert_eq!(
            texts,
            ["a | b", "regel nieuwe regel", "`x|y`", "<i>"],
            "{doc}"
        );
    }

    #[test]
    fn a_block_keeps_its_lines_and_paragraphs() {
        let typed = "  - eet goed\n# slaapt *slecht*\n\n\n1. praat  \n";
        let written = block(typed);
        assert_eq!(
            written,
            "\\- eet goed  \n\\# slaapt \\*slecht\\*\n\n1\\. praat"
        );
        let (text, other) = read(&written);
        assert_eq!(text, "- eet goed\n# slaapt *slecht*1. praat");
        assert!(other.is_empty(), "{other:?}");
        assert_eq!(block(" \n\t\n"), "");
    }
}
