//! Rules for user text that leaves the app: what a terminal must never be sent raw.
//!
//! A name or note can hold control characters (an import, a pasted escape sequence). Written raw
//! to a terminal, ESC starts a sequence that recolours, moves the cursor or retitles the window,
//! BEL rings and CR overwrites what was printed before. The command line shows them instead, in
//! `cat -v`'s caret notation, which people who read terminals know.

use std::borrow::Cow;

/// `text` with every C0 and C1 control character shown visibly, in `cat -v`'s caret notation:
/// U+0000..U+001F as `^@`..`^_` (ESC is `^[`, BEL `^G`), DEL (U+007F) as `^?`, and
/// U+0080..U+009F as `M-^@`..`M-^_` (CSI, U+009B, is `M-^[`). Kept as they are: a line break
/// (`\n`, and a CR directly before it, so CRLF text stays whole) and a tab, which multi-line
/// text and tab-separated output need. Borrows `text` when it has nothing to show.
pub fn visible_controls(text: &str) -> Cow<'_, str> {
    let shown = |(at, c): &(usize, char)| {
        c.is_control() && !matches!(c, '\n' | '\t') && !is_crlf(text, *at, *c)
    };
    if !text.char_indices().any(|ic| shown(&ic)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (at, c) in text.char_indices() {
        if !shown(&(at, c)) {
            out.push(c);
            continue;
        }
        let code = u32::from(c);
        if code >= 0x80 {
            out.push_str("M-");
        }
        match code & 0x7f {
            0x7f => out.push_str("^?"),
            low => {
                out.push('^');
                // 0x00..=0x1f become '@'..='_': inside ASCII, so the conversion cannot fail.
                out.extend(char::from_u32(low + 0x40));
            }
        }
    }
    Cow::Owned(out)
}

/// Whether `c` at byte `at` is a CR that begins a CRLF line end.
fn is_crlf(text: &str, at: usize, c: char) -> bool {
    c == '\r' && text.as_bytes().get(at + 1) == Some(&b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_as_it_is() {
        for text in [
            "Anna de Vries",
            "regel 1\nregel 2",
            "a\tb",
            "a\r\nb",
            "Zoë ✓",
            "",
        ] {
            assert!(matches!(visible_controls(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn c0_del_and_c1_are_shown_in_caret_notation() {
        assert_eq!(visible_controls("An\x1b[31mna"), "An^[[31mna");
        assert_eq!(visible_controls("\x07\x00\x1f\x7f"), "^G^@^_^?");
        assert_eq!(visible_controls("a\rb"), "a^Mb");
        assert_eq!(visible_controls("a\r"), "a^M");
        assert_eq!(visible_controls("\u{9b}31m\u{85}\u{80}"), "M-^[31mM-^EM-^@");
        assert_eq!(visible_controls("x\x0by\x0c"), "x^Ky^L");
        // What is kept, beside what is shown.
        assert_eq!(visible_controls("a\tb\r\nc\n\x1b"), "a\tb\r\nc\n^[");
    }

    #[test]
    fn nothing_shown_is_a_control_character_any_more() {
        let all: String = (0u32..0xa0).filter_map(char::from_u32).collect();
        let shown = visible_controls(&all);
        let left: Vec<char> = shown.chars().filter(|c| c.is_control()).collect();
        assert_eq!(left, ['\t', '\n']);
    }
}
