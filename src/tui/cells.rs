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

/// What a [`CellWriter::trial`] wrote, and where it left the terminal.
pub struct Trial {
    bytes: Vec<u8>,
    pen: Pen,
    at: Option<(u16, u16)>,
}

impl Trial {
    /// The bytes written.
    pub fn len(&self) -> usize {
        self.bytes.len()
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
        self.go(x, y, row)?;
        self.print(cell)?;
        self.at = Some((x + cell.symbol().width().max(1) as u16, y));
        Ok(())
    }

    /// Erases `len` cells from column `x` of row `y` (the rest of the row with EL when they
    /// reach its end, else ECH), in the reset style so that they are blank as `Cell::EMPTY` is;
    /// `row` as for [`CellWriter::cell`]. The cursor stays at `x`.
    pub fn erase(&mut self, x: u16, y: u16, len: u16, row: &[Cell]) -> io::Result<()> {
        self.go(x, y, row)?;
        self.set_pen(Pen::RESET)?;
        match usize::from(x + len) >= row.len() {
            true => self.out.write_all(b"\x1b[K")?,
            false => write!(self.out, "\x1b[{len}X")?,
        }
        self.at = Some((x, y));
        Ok(())
    }

    /// Moves the cursor to column `x` of row `y` in the fewest bytes: writing the gap of the
    /// row again when it is shorter than any move.
    fn go(&mut self, x: u16, y: u16, row: &[Cell]) -> io::Result<()> {
        let width = row.len() as u16;
        let moved = shortest_move(self.at, (x, y), width);
        if let Some((from, on)) = self.at {
            if on == y && from < x {
                let gap = &row[usize::from(from)..usize::from(x)];
                if self.gap_bytes(gap).is_some_and(|n| n <= moved.len()) {
                    return gap.iter().try_for_each(|c| self.print(c));
                }
            }
        }
        self.out.write_all(moved.as_bytes())
    }

    /// Resets the style.
    pub fn end(mut self) -> io::Result<()> {
        self.set_pen(Pen::RESET)
    }

    /// What `write` writes from where this writer is, kept aside to be weighed against another
    /// way and then written with [`CellWriter::take`] (or dropped).
    pub fn trial(
        &self,
        write: impl FnOnce(&mut CellWriter<Vec<u8>>) -> io::Result<()>,
    ) -> io::Result<Trial> {
        let mut bytes = Vec::new();
        let mut writer = CellWriter {
            out: &mut bytes,
            pen: self.pen,
            at: self.at,
        };
        write(&mut writer)?;
        let (pen, at) = (writer.pen, writer.at);
        Ok(Trial { bytes, pen, at })
    }

    /// Writes what `trial` wrote and goes on from where it left the terminal; `trial` must
    /// have been made from this writer where it is now.
    pub fn take(&mut self, trial: Trial) -> io::Result<()> {
        self.out.write_all(&trial.bytes)?;
        self.pen = trial.pen;
        self.at = trial.at;
        Ok(())
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

/// The shortest sequence that moves the cursor from `from` (unknown: `None`) to `to`, both
/// (column, row) from 0, on a terminal `width` columns wide: empty when it is there; else the
/// shortest of an absolute move (CUP), a move along the row (CUF, CUB, a backspace, CHA), a
/// move up or down the column (CUU, CUD) and a carriage return with a move down (line feeds
/// or CUD) and along.
/// A column at or past `width` (after the last cell of a row, where a terminal waits to wrap)
/// counts as unknown: only moves that do not start from it are used there.
fn shortest_move(from: Option<(u16, u16)>, to: (u16, u16), width: u16) -> String {
    let (x, y) = to;
    let absolute = format!("\x1b[{};{}H", y + 1, x + 1);
    let Some((fx, fy)) = from else {
        return absolute;
    };
    if (fx, fy) == to && fx < width {
        return String::new();
    }
    let along = |from: u16| match from.cmp(&x) {
        std::cmp::Ordering::Equal => String::new(),
        std::cmp::Ordering::Less => format!("\x1b[{}C", x - from),
        std::cmp::Ordering::Greater if from - x == 1 => "\x08".to_string(),
        std::cmp::Ordering::Greater => format!("\x1b[{}D", from - x),
    };
    let vertical = match fy.cmp(&y) {
        std::cmp::Ordering::Equal => String::new(),
        std::cmp::Ordering::Less => format!("\x1b[{}B", y - fy),
        std::cmp::Ordering::Greater => format!("\x1b[{}A", fy - y),
    };
    // Down a row or two from the start of the row, line feeds are shorter than CUD; after a
    // carriage return they land on the first column whether or not the terminal adds one of
    // its own (LNM), and never scroll: the rows moved to are on the screen.
    let down = match y.checked_sub(fy) {
        Some(rows @ 1..=2) => "\n".repeat(usize::from(rows)),
        _ => vertical.clone(),
    };
    let mut moves = vec![absolute, format!("\r{down}{}", along(0))];
    if fx < width {
        moves.push(format!("{vertical}{}", along(fx)));
    }
    if fy == y {
        moves.push(format!("\x1b[{}G", x + 1));
    }
    moves
        .into_iter()
        .min_by_key(String::len)
        .unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    const WIDTH: u16 = 20;
    const HEIGHT: u16 = 6;

    /// The cursor of a terminal emulator sent to `from` (or left at its start when `None`),
    /// then moved with [`shortest_move`] to `to`: where it ends, as (column, row).
    fn moved(from: Option<(u16, u16)>, to: (u16, u16)) -> (u16, u16) {
        let mut terminal = vt100::Parser::new(HEIGHT, WIDTH, 0);
        if let Some((x, y)) = from {
            match x >= WIDTH {
                // After the last cell of a row, where the terminal waits to wrap.
                true => terminal.process(format!("\x1b[{};{WIDTH}Hx", y + 1).as_bytes()),
                false => terminal.process(format!("\x1b[{};{}H", y + 1, x + 1).as_bytes()),
            }
        }
        terminal.process(shortest_move(from, to, WIDTH).as_bytes());
        let (row, column) = terminal.screen().cursor_position();
        (column, row)
    }

    #[test]
    fn every_move_lands_where_it_should() {
        let columns = [0, 1, 2, 5, 9, 18, 19];
        let places: Vec<(u16, u16)> = (0..HEIGHT)
            .flat_map(|y| columns.iter().map(move |&x| (x, y)))
            .collect();
        for &to in &places {
            assert_eq!(moved(None, to), to, "from an unknown place");
            for &from in &places {
                assert_eq!(moved(Some(from), to), to, "from {from:?}");
            }
            for y in 0..HEIGHT {
                assert_eq!(moved(Some((WIDTH, y)), to), to, "from the end of row {y}");
            }
        }
    }

    #[test]
    fn moves_are_short() {
        assert_eq!(shortest_move(Some((3, 2)), (3, 2), WIDTH), "");
        assert_eq!(shortest_move(Some((4, 2)), (3, 2), WIDTH), "\x08");
        assert_eq!(shortest_move(Some((15, 2)), (0, 3), WIDTH), "\r\n");
        assert_eq!(shortest_move(Some((7, 1)), (7, 4), WIDTH), "\x1b[3B");
        assert_eq!(shortest_move(Some((WIDTH, 1)), (0, 2), WIDTH), "\r\n");
    }

    /// Writes `cells` of `row` (a frame row on a blank screen) and erases `erase` (column and
    /// length) with a [`CellWriter`]: what the terminal shows of the row, and the bytes.
    fn written(row: &[Cell], cells: &[u16], erase: (u16, u16)) -> (String, usize) {
        let mut terminal = vt100::Parser::new(HEIGHT, WIDTH, 0);
        terminal.process(format!("\x1b[2;1H{}", "#".repeat(usize::from(WIDTH))).as_bytes());
        let mut out = Vec::new();
        let mut writer = CellWriter::new(&mut out);
        for &x in cells {
            writer.cell(x, 1, &row[usize::from(x)], row).expect("cell");
        }
        writer.erase(erase.0, 1, erase.1, row).expect("erase");
        writer.end().expect("end");
        terminal.process(&out);
        let shown = terminal.screen().rows(0, WIDTH).nth(1).unwrap_or_default();
        (shown, out.len())
    }

    #[test]
    fn erasing_the_end_of_a_row_and_a_stretch_in_it_shows_blanks() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, WIDTH, 1));
        buffer.set_string(0, 0, "ab", ratatui::style::Style::new());
        let row = &buffer.content;
        // The rest of the row: EL.
        let (shown, bytes) = written(row, &[0, 1], (2, WIDTH - 2));
        assert_eq!(shown, "ab");
        assert!(bytes < 20, "{bytes} bytes");
        // A stretch: ECH, the cells after it kept.
        let (shown, _) = written(row, &[0, 1], (2, 10));
        assert_eq!(shown, format!("ab{}{}", " ".repeat(10), "#".repeat(8)));
    }
}
