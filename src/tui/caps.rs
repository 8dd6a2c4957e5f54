//! What the terminal can do beyond what every VT100 descendant does, read from its terminfo
//! entry the way ncurses decides: a capability is used only where `$TERM`'s entry has it.
//! Frames write the same screen in fewer bytes where it does (see `cells`).

use std::io::{self, Write};

use termini::{StringCapability, TermInfo};

/// The capabilities frames use where the terminal has them. `Caps::default()` has none: what
/// every terminal understands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Caps {
    /// REP (`CSI n b`, ECMA-48): repeat the character just printed `n` times.
    pub repeat: bool,
}

impl Caps {
    /// The capabilities of the terminal `$TERM` names; none without `TERM`, for a name without
    /// a terminfo entry, or an entry that cannot be read.
    pub fn from_env() -> Caps {
        Caps::of_term(std::env::var("TERM").ok().as_deref())
    }

    /// The capabilities of the terminal called `term` in the terminfo database (`$TERMINFO`,
    /// `~/.terminfo`, `$TERMINFO_DIRS`, then the system's directories); none for `None`, an
    /// empty name, a name holding a path separator, or a name without a readable entry.
    pub fn of_term(term: Option<&str>) -> Caps {
        term.filter(|name| !name.is_empty() && !name.contains(['/', '\\']))
            .and_then(|name| TermInfo::from_name(name).ok())
            .map_or_else(Caps::default, |entry| Caps::of_entry(&entry))
    }

    /// These capabilities, with REP kept only where the terminal on `out` really repeats a
    /// character outside ASCII. The terminfo entry is not enough: ncurses sends REP only for
    /// ASCII, and terminals that call themselves xterm have repeated only ASCII (tmux before
    /// 3.5 under `TERM=xterm-256color`, Windows Terminal 1.16) or nothing (JetBrains'
    /// terminal), which would leave the box borders signaal repeats full of gaps. So `─` and a
    /// REP of one more are printed at the start of the cursor's row and `position` asks where
    /// the cursor went (crossterm's cursor position report): the third column when it repeated.
    /// The row is erased again. No REP when it did not repeat, or when no answer comes (crossterm
    /// waits up to 2 s). Without REP in the entry nothing is written or asked.
    pub fn confirmed(
        self,
        out: &mut impl Write,
        position: impl FnOnce() -> io::Result<(u16, u16)>,
    ) -> Caps {
        if !self.repeat {
            return self;
        }
        let asked = out
            .write_all(REPEAT_PROBE.as_bytes())
            .and_then(|()| out.flush());
        let repeat = asked.and_then(|()| position()).is_ok_and(|(x, _)| x == 2);
        let _ = out
            .write_all(PROBE_ERASED.as_bytes())
            .and_then(|()| out.flush());
        Caps { repeat }
    }

    fn of_entry(entry: &TermInfo) -> Caps {
        Caps {
            repeat: entry
                .raw_string_cap(StringCapability::RepeatChar)
                .is_some_and(is_ecma_repeat),
        }
    }
}

/// The start of the row, a box-drawing character and REP for one more: on a terminal that
/// repeats it, the cursor ends in the third column.
const REPEAT_PROBE: &str = "\r─\x1b[b";
/// What the probe printed, erased.
const PROBE_ERASED: &str = "\r\x1b[K";

/// Whether a terminfo `rep` string is ECMA-48's REP (`%p1%c\E[%p2%{1}%-%db` in every entry
/// that has one today: the character, then CSI with the count less one and `b`), the one
/// sequence frames write; any other form of `rep` counts as none.
fn is_ecma_repeat(rep: &[u8]) -> bool {
    rep.starts_with(b"%p1%c\x1b[") && rep.ends_with(b"b")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    impl Caps {
        /// The capabilities of the compiled terminfo entry in the file at `path`; none when it
        /// cannot be read.
        fn of_file(path: &Path) -> Caps {
            TermInfo::from_path(path)
                .map_or_else(|_| Caps::default(), |entry| Caps::of_entry(&entry))
        }
    }

    /// A compiled entry kept with the tests (copied from ncurses' database), so that they do
    /// not depend on the terminfo database of the machine they run on.
    fn fixture(name: &str) -> PathBuf {
        let first = &name[..1];
        [
            env!("CARGO_MANIFEST_DIR"),
            "tests/fixtures/terminfo",
            first,
            name,
        ]
        .iter()
        .collect()
    }

    #[test]
    fn repeat_is_kept_only_where_the_terminal_repeats_a_border_character() {
        let has = Caps { repeat: true };
        for (answer, repeats) in [
            (Ok((2, 0)), true),
            (Ok((1, 0)), false),
            (Ok((0, 0)), false),
            (Err(io::Error::other("no answer in time")), false),
        ] {
            let mut out = Vec::new();
            let caps = has.confirmed(&mut out, || answer);
            assert_eq!(caps.repeat, repeats);
            assert_eq!(out, "\r─\x1b[b\r\x1b[K".as_bytes());
        }
        // A terminal whose entry has no REP is not asked.
        let mut out = Vec::new();
        let none = Caps::default().confirmed(&mut out, || panic!("asked"));
        assert_eq!((none, out.len()), (Caps::default(), 0));
    }

    #[test]
    fn a_terminal_emulator_with_rep_puts_the_cursor_in_the_third_column() {
        let mut terminal = avt::Terminal::new(10, 2).expect("a terminal size");
        terminal.feed(REPEAT_PROBE);
        assert_eq!(terminal.cursor().col, 2);
        assert_eq!(terminal.screen().text()[0].trim_end(), "──");
        let mut without = vt100::Parser::new(2, 10, 0);
        without.process(REPEAT_PROBE.as_bytes());
        assert_eq!(without.screen().cursor_position(), (0, 1));
    }

    #[test]
    fn xterm_has_repeat() {
        assert_eq!(
            Caps::of_file(&fixture("xterm-256color")),
            Caps { repeat: true }
        );
    }

    #[test]
    fn the_console_screen_tmux_and_vt100_have_none() {
        for name in ["linux", "vt100", "screen-256color", "tmux-256color"] {
            assert_eq!(Caps::of_file(&fixture(name)), Caps::default(), "{name}");
        }
    }

    #[test]
    fn no_term_an_unknown_one_or_a_path_have_none() {
        assert_eq!(Caps::of_term(None), Caps::default());
        assert_eq!(Caps::of_term(Some("")), Caps::default());
        assert_eq!(
            Caps::of_term(Some("signaal-no-such-terminal")),
            Caps::default()
        );
        assert_eq!(Caps::of_term(Some("../x/xterm-256color")), Caps::default());
        let missing = fixture("signaal-no-such-terminal");
        assert_eq!(Caps::of_file(&missing), Caps::default());
        // Not a terminfo entry at all.
        let this_file: PathBuf = [env!("CARGO_MANIFEST_DIR"), "Cargo.toml"].iter().collect();
        assert_eq!(Caps::of_file(&this_file), Caps::default());
    }

    #[test]
    fn only_ecma_48_repeat_counts() {
        assert!(is_ecma_repeat(b"%p1%c\x1b[%p2%{1}%-%db"));
        assert!(!is_ecma_repeat(b"%p1%c%p2%c"));
        assert!(!is_ecma_repeat(b""));
    }
}
