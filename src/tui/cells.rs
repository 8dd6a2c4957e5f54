//! Writing changed cells in few bytes. Ratatui's crossterm output moves the cursor with an
//! absolute position over every unchanged cell, even one space, and sets colours as 256-colour
//! indices with both colours each time ("\x1b[38;5;8;49m"). Here a short gap of unchanged cells
//! is written again when that is shorter than the move, a move along the row is relative, and a
//! style change is one SGR sequence holding only what changed, the 16 named colours in their
//! classic codes ("\x1b[90m": the same colour, index 8, on every terminal).

use std::io::{self, Write};

use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// The style the terminal writes the next character in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

impl Pen {
    /// What SGR 0 leaves.
    const RESET: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }
}

/// Writes cells to `out`, from a reset style and an unknown cursor position; [`CellWriter::end`]
/// resets the style again.
pub struct CellWriter<'a, W: Write> {
    out: &'a mut W,
    pen: Pen,
    /// Where the cursor is, when known.
    at: Option<(u16, u16)>,
}

impl<'a, W: Write> CellWriter<'a, W> {
    pub fn new(out: &'a mut W) -> CellWriter<'a, W> {
        CellWriter {
            out,
            pen: Pen::RESET,
            at: None,
        }
    }

    /// Writes `cell` at column `x` of row `y`; `row` is the whole row of the frame, whose cells
    /// before `x` the terminal already shows (a gap may be written again instead of moved over).
    pub fn cell(&mut self, x: u16, y: u16, cell: &Cell, row: &[Cell]) -> io::Result<()> {
        match self.at {
            Some(at) if at == (x, y) => {}
            Some((from, on)) if on == y && from < x => {
                let gap = &row[usize::from(from)..usize::from(x)];
                let forward = format!("\x1b[{}C", x - from);
                match self.gap_bytes(gap).filter(|&n| n <= forward.len()) {
                    Some(_) => gap.iter().try_for_each(|c| self.print(c))?,
                    None => self.out.write_all(forward.as_bytes())?,
                }
            }
            _ => write!(self.out, "\x1b[{};{}H", y + 1, x + 1)?,
        }
        self.print(cell)?;
        self.at = Some((x + cell.symbol().width().max(1) as u16, y));
        Ok(())
    }

    /// Resets the style.
    pub fn end(mut self) -> io::Result<()> {
        self.set_pen(Pen::RESET)
    }

    /// The bytes writing `gap` again costs, when it can be written again: cells one column
    /// wide in the present style (anything else costs a move anyway).
    fn gap_bytes(&self, gap: &[Cell]) -> Option<usize> {
        gap.iter().try_fold(0, |bytes, c| {
            let plain = c.diff_option == CellDiffOption::None
                && c.symbol().width() == 1
                && Pen::of(c) == self.pen;
            plain.then(|| bytes + c.symbol().len())
        })
    }

    fn print(&mut self, cell: &Cell) -> io::Result<()> {
        self.set_pen(Pen::of(cell))?;
        self.out.write_all(cell.symbol().as_bytes())
    }

    /// One SGR sequence from the pen to `to`: only what changed, or from a reset when an
    /// attribute goes.
    fn set_pen(&mut self, to: Pen) -> io::Result<()> {
        if to == self.pen {
            return Ok(());
        }
        let mut from = self.pen;
        let mut params: Vec<String> = Vec::new();
        if !(from.modifier - to.modifier).is_empty() {
            params.push("0".into());
            from = Pen::RESET;
        }
        params.extend(attributes(to.modifier - from.modifier).map(|n| n.to_string()));
        if to.fg != from.fg {
            params.push(colour(to.fg, false));
        }
        if to.bg != from.bg {
            params.push(colour(to.bg, true));
        }
        self.pen = to;
        write!(self.out, "\x1b[{}m", params.join(";"))
    }
}

/// The SGR parameters that set `modifier`'s attributes.
fn attributes(modifier: Modifier) -> impl Iterator<Item = u8> {
    const CODES: [(Modifier, u8); 9] = [
        (Modifier::BOLD, 1),
        (Modifier::DIM, 2),
        (Modifier::ITALIC, 3),
        (Modifier::UNDERLINED, 4),
        (Modifier::SLOW_BLINK, 5),
        (Modifier::RAPID_BLINK, 6),
        (Modifier::REVERSED, 7),
        (Modifier::HIDDEN, 8),
        (Modifier::CROSSED_OUT, 9),
    ];
    CODES
        .into_iter()
        .filter(move |(m, _)| modifier.contains(*m))
        .map(|(_, code)| code)
}

/// The SGR parameter of a foreground (or `background`) colour.
fn colour(colour: Color, background: bool) -> String {
    let (base, bright, extended) = match background {
        false => (30, 90, 38),
        true => (40, 100, 48),
    };
    let named = |n: u8| n + base;
    let code = match colour {
        Color::Reset => base + 9,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => bright,
        Color::LightRed => bright + 1,
        Color::LightGreen => bright + 2,
        Color::LightYellow => bright + 3,
        Color::LightBlue => bright + 4,
        Color::LightMagenta => bright + 5,
        Color::LightCyan => bright + 6,
        Color::White => bright + 7,
        Color::Indexed(i) => return format!("{extended};5;{i}"),
        Color::Rgb(r, g, b) => return format!("{extended};2;{r};{g};{b}"),
    };
    code.to_string()
}
