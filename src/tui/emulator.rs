//! Terminal emulators for the tests of what frames write, behind one face: `vt100` for a
//! terminal without REP (the crate has none: its CSI dispatch knows no `b`), asciinema's `avt`
//! for one with it (its REP prints the character before the cursor again, as xterm does
//! right after printing it).

use ratatui::style::{Color, Modifier};

use super::caps::Caps;

/// A terminal emulator that shows what it was sent.
pub enum Emulator {
    Vt100(Box<vt100::Parser>),
    Avt(Box<avt::Terminal>),
}

/// What a cell of the emulator shows: its character (a space for a blank cell or the second
/// column of a wide character), colours as indices (`None`: the terminal's default) and the
/// attributes both emulators keep. A blank cell's foreground and bold do not show and count as
/// the defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub symbol: String,
    pub fg: Option<u8>,
    pub bg: Option<u8>,
    pub bold: bool,
    pub underline: bool,
    pub inverse: bool,
}

impl Shown {
    /// What a cell drawn with `symbol`, `fg`, `bg` and `modifier` should show (the theme's
    /// named colours).
    pub fn drawn(symbol: &str, fg: Color, bg: Color, modifier: Modifier) -> Shown {
        Shown {
            symbol: symbol.to_string(),
            fg: index(fg),
            bg: index(bg),
            bold: modifier.contains(Modifier::BOLD),
            underline: modifier.contains(Modifier::UNDERLINED),
            inverse: modifier.contains(Modifier::REVERSED),
        }
        .seen()
    }

    /// As a user sees it: on a blank cell without underline or inverse, no foreground or bold.
    fn seen(self) -> Shown {
        match self.symbol == " " && !self.underline && !self.inverse {
            true => Shown {
                fg: None,
                bold: false,
                ..self
            },
            false => self,
        }
    }
}

/// The index the emulators read for a named colour.
fn index(colour: Color) -> Option<u8> {
    match colour {
        Color::Reset => None,
        Color::Red => Some(1),
        Color::Green => Some(2),
        Color::Yellow => Some(3),
        Color::Blue => Some(4),
        Color::Cyan => Some(6),
        Color::DarkGray => Some(8),
        Color::White => Some(15),
        other => panic!("{other:?} not in the theme"),
    }
}

impl Emulator {
    /// An emulator of `width` x `height` cells that understands what a terminal with `caps`
    /// is sent.
    pub fn for_caps(caps: Caps, width: u16, height: u16) -> Emulator {
        match caps.repeat {
            false => Emulator::Vt100(Box::new(vt100::Parser::new(height, width, 0))),
            true => {
                let terminal = avt::Terminal::new(usize::from(width), usize::from(height));
                Emulator::Avt(Box::new(terminal.expect("a terminal size")))
            }
        }
    }

    /// Sends `bytes` to the emulator.
    pub fn process(&mut self, bytes: &[u8]) {
        match self {
            Emulator::Vt100(parser) => parser.process(bytes),
            Emulator::Avt(terminal) => {
                terminal.feed(std::str::from_utf8(bytes).expect("frames write UTF-8"))
            }
        }
    }

    /// What cell `x` of row `y` shows.
    pub fn cell(&self, x: u16, y: u16) -> Shown {
        match self {
            Emulator::Vt100(parser) => {
                let cell = parser.screen().cell(y, x).expect("a cell on the screen");
                let colour = |c: vt100::Color| match c {
                    vt100::Color::Default => None,
                    vt100::Color::Idx(i) => Some(i),
                    vt100::Color::Rgb(..) => panic!("no RGB colour in the theme"),
                };
                Shown {
                    symbol: match cell.contents().as_str() {
                        "" => " ".to_string(),
                        text => text.to_string(),
                    },
                    fg: colour(cell.fgcolor()),
                    bg: colour(cell.bgcolor()),
                    bold: cell.bold(),
                    underline: cell.underline(),
                    inverse: cell.inverse(),
                }
                .seen()
            }
            Emulator::Avt(terminal) => {
                let line = terminal.screen().line(usize::from(y)).expect("a row");
                let cell = line.cells()[usize::from(x)];
                let colour = |c: Option<avt::Color>| match c {
                    None => None,
                    Some(avt::Color::Indexed(i)) => Some(i),
                    Some(avt::Color::RGB(_)) => panic!("no RGB colour in the theme"),
                };
                let pen = cell.pen();
                Shown {
                    symbol: match cell.width() {
                        0 => " ".to_string(),
                        _ => cell.char().to_string(),
                    },
                    fg: colour(pen.foreground()),
                    bg: colour(pen.background()),
                    bold: pen.is_bold(),
                    underline: pen.is_underline(),
                    inverse: pen.is_inverse(),
                }
                .seen()
            }
        }
    }

    /// The characters of row `y`, `width` cells wide, without the blanks that end it.
    pub fn row(&self, y: u16, width: u16) -> String {
        let text: String = (0..width)
            .filter_map(|x| {
                let shown = self.cell(x, y);
                // The second column of a wide character is part of the character.
                let tail = x > 0 && self.cell(x - 1, y).symbol.chars().any(is_wide);
                (!tail).then_some(shown.symbol)
            })
            .collect();
        text.trim_end().to_string()
    }
}

fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2)
}
