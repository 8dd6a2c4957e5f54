//! Which characters text that people's names are made of may not hold: control characters, which
//! a terminal takes as commands (ESC starts a colour or moves the cursor, BEL rings) and which no
//! name has. One rule for every place that takes text in (import) or puts it out (a terminal).

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
