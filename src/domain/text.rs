//! Rules for the text people type, where it comes in and where it goes out: control characters,
//! which a terminal takes as commands (ESC starts a sequence that recolours, moves the cursor or
//! retitles the window, BEL rings, CR overwrites what was printed) and which no name has.
//! Coming in, a name with one is refused ([`first_control_char`]); going out to a terminal, they
//! are shown in `cat -v`'s caret notation ([`visible_controls`]), which people who read terminals
//! know. One rule for both: `char::is_control`.

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

/// The first control character in `s`, if any: the C0 controls (U+0000 to U+001F, among them
/// ESC, BEL, a line break and a tab), DEL (U+007F) and the C1 controls (U+0080 to U+009F).
/// A name must have none; multi-line text (notes) may keep line breaks and tabs, see
/// [`first_control_char_in_text`].
pub fn first_control_char(s: &str) -> Option<char> {
    s.chars().find(|c| c.is_control())
}

/// Like [`first_control_char`], but line breaks (`\n`, and the `\r` of a Windows line end or a
/// pasted text) and tabs are no control characters here: for free text that may run over
/// several lines (a note).
pub fn first_control_char_in_text(s: &str) -> Option<char> {
    s.chars()
        .find(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// The usual short name of a control character (`ESC`, `BEL`, `LF`, `DEL`), or its code point
/// (`U+0085`) for the C1 controls, which have no short name people know.
pub fn control_char_name(c: char) -> String {
    const C0: [&str; 32] = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF",
        "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM",
        "SUB", "ESC", "FS", "GS", "RS", "US",
    ];
    match c {
        '\u{7f}' => "DEL".into(),
        c if (c as u32) < 32 => C0[c as usize].into(),
        c => format!("U+{:04X}", c as u32),
    }
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

    #[test]
    fn control_characters_are_c0_del_and_c1() {
        assert_eq!(first_control_char("Zoë van Dijk-Özdemir 's"), None);
        assert_eq!(first_control_char("A\u{1b}[31mB\u{7}"), Some('\u{1b}'));
        for c in ['\0', '\n', '\t', '\r', '\u{7f}', '\u{85}', '\u{9f}'] {
            assert_eq!(first_control_char(&format!("Ab{c}")), Some(c), "{c:?}");
        }
        // The zero-width joiner and a no-break space are no control characters.
        assert_eq!(first_control_char("A\u{200d}B\u{a0}C"), None);
        assert_eq!(first_control_char_in_text("line\r\nnext\tcolumn"), None);
        assert_eq!(
            first_control_char_in_text("line\n\u{1b}[2J"),
            Some('\u{1b}')
        );
        let names: Vec<String> = ['\u{1b}', '\u{7}', '\n', '\u{7f}', '\u{85}', '\0']
            .map(control_char_name)
            .into();
        assert_eq!(names, ["ESC", "BEL", "LF", "DEL", "U+0085", "NUL"]);
    }
}
