//! Writing changed cells in few bytes. Ratatui's crossterm output moves the cursor with an
//! absolute position over every unchanged cell, even one space, and sets colours as 256-colour
//! indices with both colours each time ("\x1b[38;5;8;49m"). Here a short gap of unchanged cells
//! is written again when that is shorter than the move, a move is the shortest of the ones
//! that land there (relative, along the row, line feeds), and a style change is one SGR
//! sequence holding only what changed (or a reset, when that is shorter), the 16 named colours
//! in their classic codes ("\x1b[90m": the same colour, index 8, on every terminal). Where the
//! terminal has REP ([`Caps::repeat`]), a run of one character in one style is printed once and
//! repeated (a row of box drawing: 3 bytes a cell otherwise). Nothing here allocates per cell:
//! moves and SGR sequences are weighed by arithmetic and only the one chosen is formatted.

use std::fmt;
use std::io::{self, Write};

use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::style::{Color, Modifier};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::caps::Caps;

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

    /// Whether a blank cell in this pen looks as one in the reset pen: the default background
    /// and no attribute that shows on a space (a foreground colour, bold or dim do not).
    fn blank_as_reset(self) -> bool {
        const SHOWN_ON_BLANK: Modifier = Modifier::REVERSED
            .union(Modifier::UNDERLINED)
            .union(Modifier::CROSSED_OUT);
        self.bg == Color::Reset && !self.modifier.intersects(SHOWN_ON_BLANK)
    }
}

/// Whether `cell` shows as a blank cell does: a space in a pen in which a blank looks as in
/// the reset one (what an erase leaves).
pub fn looks_blank(cell: &Cell) -> bool {
    cell.symbol() == " " && Pen::of(cell).blank_as_reset()
}

/// The character printed last, in `pen`, and how many cells after it show it again that are
/// not written yet: they go out at once, as REP or printed again, before anything else is
/// written.
#[derive(Debug, Clone, Copy)]
struct Run {
    symbol: char,
    pen: Pen,
    more: u16,
}

/// What a [`CellWriter::trial`] wrote, and where it left the terminal.
pub struct Trial<'b> {
    bytes: &'b [u8],
    pen: Pen,
    at: Option<(u16, u16)>,
}

impl Trial<'_> {
    /// The bytes written.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }
}

/// Writes cells to `out`, from a reset style and an unknown cursor position; [`CellWriter::end`]
/// resets the style again.
pub struct CellWriter<'a, W: Write> {
    out: &'a mut W,
    caps: Caps,
    pen: Pen,
    /// Where the cursor is, when known (counting the cells of `run` as written).
    at: Option<(u16, u16)>,
    /// A run of one character that the next cells may go on; only with [`Caps::repeat`].
    run: Option<Run>,
}

impl<'a, W: Write> CellWriter<'a, W> {
    /// A writer to a terminal with `caps`.
    pub fn new(out: &'a mut W, caps: Caps) -> CellWriter<'a, W> {
        CellWriter {
            out,
            caps,
            pen: Pen::RESET,
            at: None,
            run: None,
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
    /// reach its end, else ECH), in a style in which they look as `Cell::EMPTY` does (erased
    /// cells take the background; a foreground or bold does not show on them); `row` as for
    /// [`CellWriter::cell`]. The cursor stays at `x`.
    pub fn erase(&mut self, x: u16, y: u16, len: u16, row: &[Cell]) -> io::Result<()> {
        self.go(x, y, row)?;
        if !self.pen.blank_as_reset() {
            self.set_pen(Pen::RESET)?;
        }
        self.flush()?;
        match (usize::from(x + len) >= row.len(), len) {
            (true, _) => self.out.write_all(b"\x1b[K")?,
            (false, 1) => self.out.write_all(b"\x1b[X")?,
            (false, _) => write!(self.out, "\x1b[{len}X")?,
        }
        self.at = Some((x, y));
        Ok(())
    }

    /// Moves the cursor to column `x` of row `y` in the fewest bytes: writing the gap of the
    /// row again when it is shorter than any move.
    fn go(&mut self, x: u16, y: u16, row: &[Cell]) -> io::Result<()> {
        let width = row.len() as u16;
        let moved = shortest_move(self.at, (x, y), width);
        if moved == Move::Stay {
            return Ok(());
        }
        if let Some((from, on)) = self.at {
            if on == y && from < x {
                let gap = &row[usize::from(from)..usize::from(x)];
                if self.gap_bytes(gap).is_some_and(|n| n <= moved.len()) {
                    return gap.iter().try_for_each(|c| self.print(c));
                }
            }
        }
        self.flush()?;
        write!(self.out, "{moved}")
    }

    /// Resets the style.
    pub fn end(mut self) -> io::Result<()> {
        self.flush()?;
        self.set_pen(Pen::RESET)
    }

    /// What `write` writes from where this writer is, kept aside in `bytes` (emptied first; a
    /// buffer reused from one trial to the next) to be weighed against another way and then
    /// written with [`CellWriter::take`] (or dropped).
    pub fn trial<'b>(
        &mut self,
        bytes: &'b mut Vec<u8>,
        write: impl FnOnce(&mut CellWriter<Vec<u8>>) -> io::Result<()>,
    ) -> io::Result<Trial<'b>> {
        self.flush()?;
        bytes.clear();
        let mut writer = CellWriter {
            out: bytes,
            caps: self.caps,
            pen: self.pen,
            at: self.at,
            run: None,
        };
        write(&mut writer)?;
        writer.flush()?;
        let (pen, at) = (writer.pen, writer.at);
        Ok(Trial {
            bytes: writer.out,
            pen,
            at,
        })
    }

    /// Writes what `trial` wrote and goes on from where it left the terminal; `trial` must
    /// have been made from this writer where it is now.
    pub fn take(&mut self, trial: Trial) -> io::Result<()> {
        self.flush()?;
        self.out.write_all(trial.bytes)?;
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
                && self.pen_for(c) == self.pen;
            plain.then(|| bytes + c.symbol().len())
        })
    }

    /// The pen to print `cell` in: the present one for a space that looks the same in it as
    /// in its own (see [`Pen::blank_as_reset`]), which spares an SGR sequence there and back;
    /// else the cell's own.
    fn pen_for(&self, cell: &Cell) -> Pen {
        let own = Pen::of(cell);
        match cell.symbol() == " " && own.blank_as_reset() && self.pen.blank_as_reset() {
            true => self.pen,
            false => own,
        }
    }

    /// Prints `cell` where the cursor is; with REP, a cell that goes on the run of the
    /// character printed last is only counted, to be written with the run.
    fn print(&mut self, cell: &Cell) -> io::Result<()> {
        let pen = self.pen_for(cell);
        let symbol = repeatable(cell);
        if let Some(run) = self.run.as_mut() {
            if run.pen == pen && symbol == Some(run.symbol) {
                run.more += 1;
                return Ok(());
            }
        }
        self.flush()?;
        self.set_pen(pen)?;
        self.out.write_all(cell.symbol().as_bytes())?;
        self.run = match self.caps.repeat {
            true => symbol.map(|symbol| Run {
                symbol,
                pen,
                more: 0,
            }),
            false => None,
        };
        Ok(())
    }

    /// Writes the cells the run still counts, right after the character they repeat: REP when
    /// it is shorter than printing them again. Called before anything else is written.
    fn flush(&mut self) -> io::Result<()> {
        let Some(Run { symbol, more, .. }) = self.run.take() else {
            return Ok(());
        };
        match repeat_len(more) < usize::from(more) * symbol.len_utf8() {
            true => write!(self.out, "\x1b[{more}b"),
            false => {
                let mut utf8 = [0; 4];
                let symbol = symbol.encode_utf8(&mut utf8).as_bytes();
                (0..more).try_for_each(|_| self.out.write_all(symbol))
            }
        }
    }

    /// One SGR sequence from the pen to `to`: only what changed, or from a reset when that is
    /// shorter.
    fn set_pen(&mut self, to: Pen) -> io::Result<()> {
        if to == self.pen {
            return Ok(());
        }
        self.flush()?;
        let sgr = Sgr::between(self.pen, to);
        self.pen = to;
        write!(self.out, "{sgr}")
    }
}

/// The one character a cell shows, when REP can repeat it: a single character one column
/// wide (REP repeats a character, not a cluster with combining marks).
fn repeatable(cell: &Cell) -> Option<char> {
    let mut chars = cell.symbol().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.width() == Some(1) => Some(c),
        _ => None,
    }
}

/// The bytes of REP with count `n`: `\x1b[{n}b`.
fn repeat_len(n: u16) -> usize {
    3 + digits(n)
}

/// The decimal digits of `n`.
fn digits(n: u16) -> usize {
    n.checked_ilog10().map_or(1, |log| log as usize + 1)
}

/// The bytes of a parameter whose default is 1: none for 1.
fn count_len(n: u16) -> usize {
    match n {
        1 => 0,
        n => digits(n),
    }
}

/// Writes `n` as a parameter whose default is 1 (nothing for 1).
fn write_count(f: &mut fmt::Formatter, n: u16) -> fmt::Result {
    match n {
        1 => Ok(()),
        n => write!(f, "{n}"),
    }
}

/// A cursor move, one of those [`shortest_move`] weighs; written with `Display`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Move {
    /// Already there: nothing to write.
    Stay,
    /// CUP to column `x`, row `y`, from 0.
    To { x: u16, y: u16 },
    /// A carriage return or not, then up or down the column, then along the row.
    Path { cr: bool, rows: Rows, along: Along },
}

/// A move up or down the column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rows {
    Stay,
    /// Line feeds: down, and to the first column on a terminal that adds a carriage return
    /// (LNM), so only followed by a carriage return before or CHA after.
    Feeds(u16),
    /// CUD.
    Down(u16),
    /// CUU.
    Up(u16),
}

/// A move along the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Along {
    Stay,
    /// CUF.
    Right(u16),
    /// A backspace: one column left.
    Back,
    /// CUB.
    Left(u16),
    /// CHA to column `x`, from 0.
    Column(u16),
}

impl Rows {
    /// From row `from` to row `to`, with CUD or CUU.
    fn between(from: u16, to: u16) -> Rows {
        match from.cmp(&to) {
            std::cmp::Ordering::Equal => Rows::Stay,
            std::cmp::Ordering::Less => Rows::Down(to - from),
            std::cmp::Ordering::Greater => Rows::Up(from - to),
        }
    }

    /// Down from row `from` to row `to` with line feeds when that is shorter (one or two
    /// rows), else [`Rows::between`]. Line feeds never scroll here: the rows moved to are on
    /// the screen and no scroll region is set.
    fn feeding(from: u16, to: u16) -> Rows {
        match to.checked_sub(from) {
            Some(rows @ 1..=2) => Rows::Feeds(rows),
            _ => Rows::between(from, to),
        }
    }

    fn len(self) -> usize {
        match self {
            Rows::Stay => 0,
            Rows::Feeds(n) => usize::from(n),
            Rows::Down(n) | Rows::Up(n) => 3 + count_len(n),
        }
    }
}

impl Along {
    /// Along the row from column `from` to column `to`, relative.
    fn between(from: u16, to: u16) -> Along {
        match from.cmp(&to) {
            std::cmp::Ordering::Equal => Along::Stay,
            std::cmp::Ordering::Less => Along::Right(to - from),
            std::cmp::Ordering::Greater if from - to == 1 => Along::Back,
            std::cmp::Ordering::Greater => Along::Left(from - to),
        }
    }

    fn len(self) -> usize {
        match self {
            Along::Stay => 0,
            Along::Back => 1,
            Along::Right(n) | Along::Left(n) => 3 + count_len(n),
            Along::Column(x) => 3 + count_len(x + 1),
        }
    }
}

impl Move {
    /// The bytes the move writes.
    fn len(self) -> usize {
        match self {
            Move::Stay => 0,
            Move::To { x, y } => match x {
                0 => 3 + count_len(y + 1),
                x => 4 + digits(y + 1) + digits(x + 1),
            },
            Move::Path { cr, rows, along } => usize::from(cr) + rows.len() + along.len(),
        }
    }
}

impl fmt::Display for Move {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match *self {
            Move::Stay => Ok(()),
            // The column's default (1) can go, the row's only with it.
            Move::To { x: 0, y } => {
                f.write_str("\x1b[")?;
                write_count(f, y + 1)?;
                f.write_str("H")
            }
            Move::To { x, y } => write!(f, "\x1b[{};{}H", y + 1, x + 1),
            Move::Path { cr, rows, along } => {
                if cr {
                    f.write_str("\r")?;
                }
                let (n, end) = match rows {
                    Rows::Stay => (0, ""),
                    Rows::Feeds(n) => {
                        (0..n).try_for_each(|_| f.write_str("\n"))?;
                        (0, "")
                    }
                    Rows::Down(n) => (n, "B"),
                    Rows::Up(n) => (n, "A"),
                };
                if !end.is_empty() {
                    f.write_str("\x1b[")?;
                    write_count(f, n)?;
                    f.write_str(end)?;
                }
                let (n, end) = match along {
                    Along::Stay => return Ok(()),
                    Along::Back => return f.write_str("\x08"),
                    Along::Right(n) => (n, "C"),
                    Along::Left(n) => (n, "D"),
                    Along::Column(x) => (x + 1, "G"),
                };
                f.write_str("\x1b[")?;
                write_count(f, n)?;
                f.write_str(end)
            }
        }
    }
}

/// The shortest move of the cursor from `from` (unknown: `None`) to `to`, both (column, row)
/// from 0, on a terminal `width` columns wide: [`Move::Stay`] when it is there; else the
/// shortest of an absolute move (CUP), a move along the row (CUF, CUB, a backspace, CHA), a
/// move up or down the column (CUU, CUD) and along, a carriage return with a move down (line
/// feeds or CUD) and along, and line feeds with CHA.
/// A column at or past `width` (after the last cell of a row, where a terminal waits to wrap)
/// counts as unknown: only moves that do not start from it are used there.
fn shortest_move(from: Option<(u16, u16)>, to: (u16, u16), width: u16) -> Move {
    let (x, y) = to;
    let absolute = Move::To { x, y };
    let Some((fx, fy)) = from else {
        return absolute;
    };
    let known = fx < width;
    if (fx, fy) == to && known {
        return Move::Stay;
    }
    let path = |cr, rows, along| Move::Path { cr, rows, along };
    let feeds = Rows::feeding(fy, y);
    let candidates = [
        Some(path(true, feeds, Along::between(0, x))),
        known.then(|| path(false, Rows::between(fy, y), Along::between(fx, x))),
        (fy == y).then(|| path(false, Rows::Stay, Along::Column(x))),
        (known && matches!(feeds, Rows::Feeds(_))).then(|| path(false, feeds, Along::Column(x))),
    ];
    candidates
        .into_iter()
        .flatten()
        .fold(absolute, |best, m| match m.len() < best.len() {
            true => m,
            false => best,
        })
}

/// An SGR sequence from one pen to another; written with `Display`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sgr {
    from: Pen,
    to: Pen,
    /// From a reset (parameter 0, or no parameter at all for the reset pen itself).
    reset: bool,
}

/// One SGR parameter (a colour may be several, joined with ';').
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Param {
    Code(u8),
    /// 38 or 48, `;5;` and the index.
    Indexed(u8, u8),
    /// 38 or 48, `;2;` and red, green and blue.
    Rgb(u8, [u8; 3]),
}

impl Param {
    fn len(self) -> usize {
        let digits = |n: u8| digits(u16::from(n));
        match self {
            Param::Code(n) => digits(n),
            Param::Indexed(base, i) => digits(base) + 3 + digits(i),
            Param::Rgb(base, rgb) => {
                digits(base) + 2 + rgb.iter().map(|&c| 1 + digits(c)).sum::<usize>()
            }
        }
    }
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match *self {
            Param::Code(n) => write!(f, "{n}"),
            Param::Indexed(base, i) => write!(f, "{base};5;{i}"),
            Param::Rgb(base, [r, g, b]) => write!(f, "{base};2;{r};{g};{b}"),
        }
    }
}

impl Sgr {
    /// From `from` to `to`: the shorter of only what changed (an attribute that goes turned
    /// off with its own code) and from a reset; the reset on a tie, as every terminal has it.
    fn between(from: Pen, to: Pen) -> Sgr {
        let reset = Sgr {
            from,
            to,
            reset: true,
        };
        let changes = Sgr {
            reset: false,
            ..reset
        };
        match changes.len() < reset.len() {
            true => changes,
            false => reset,
        }
    }

    /// Calls `each` with every parameter, in order.
    fn params(&self, mut each: impl FnMut(Param) -> fmt::Result) -> fmt::Result {
        let Sgr { to, .. } = *self;
        let from = match self.reset {
            true if to == Pen::RESET => return Ok(()),
            true => {
                each(Param::Code(0))?;
                Pen::RESET
            }
            false => {
                let mut from = self.from;
                for (group, code) in OFF {
                    if (from.modifier - to.modifier).intersects(group) {
                        each(Param::Code(code))?;
                        // The attributes of the group that stay are set again below.
                        from.modifier -= group;
                    }
                }
                from
            }
        };
        attributes(to.modifier - from.modifier).try_for_each(|code| each(Param::Code(code)))?;
        if to.fg != from.fg {
            each(colour(to.fg, false))?;
        }
        if to.bg != from.bg {
            each(colour(to.bg, true))?;
        }
        Ok(())
    }

    /// The bytes the sequence writes.
    fn len(&self) -> usize {
        let (mut bytes, mut count) = (0, 0usize);
        let _ = self.params(|param| {
            bytes += param.len();
            count += 1;
            Ok(())
        });
        3 + bytes + count.saturating_sub(1)
    }
}

impl fmt::Display for Sgr {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("\x1b[")?;
        let mut first = true;
        self.params(|param| {
            if !std::mem::take(&mut first) {
                f.write_str(";")?;
            }
            write!(f, "{param}")
        })?;
        f.write_str("m")
    }
}

/// The SGR parameters that turn attributes off (ECMA-48), each with the attributes it ends:
/// 22, normal intensity, ends both bold and dim.
const OFF: [(Modifier, u8); 7] = [
    (Modifier::BOLD.union(Modifier::DIM), 22),
    (Modifier::ITALIC, 23),
    (Modifier::UNDERLINED, 24),
    (Modifier::SLOW_BLINK.union(Modifier::RAPID_BLINK), 25),
    (Modifier::REVERSED, 27),
    (Modifier::HIDDEN, 28),
    (Modifier::CROSSED_OUT, 29),
];

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
fn colour(colour: Color, background: bool) -> Param {
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
        Color::Indexed(i) => return Param::Indexed(extended, i),
        Color::Rgb(r, g, b) => return Param::Rgb(extended, [r, g, b]),
    };
    Param::Code(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::emulator::Emulator;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

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
        terminal.process(shortest_move(from, to, WIDTH).to_string().as_bytes());
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

    /// The bytes of the shortest move from `from` to `to`, checked against its length.
    fn move_bytes(from: Option<(u16, u16)>, to: (u16, u16)) -> String {
        let moved = shortest_move(from, to, WIDTH);
        let bytes = moved.to_string();
        assert_eq!(bytes.len(), moved.len(), "{moved:?}");
        bytes
    }

    #[test]
    fn moves_are_short() {
        assert_eq!(move_bytes(Some((3, 2)), (3, 2)), "");
        assert_eq!(move_bytes(Some((4, 2)), (3, 2)), "\x08");
        assert_eq!(move_bytes(Some((15, 2)), (0, 3)), "\r\n");
        assert_eq!(move_bytes(Some((7, 1)), (7, 4)), "\x1b[3B");
        assert_eq!(move_bytes(Some((WIDTH, 1)), (0, 2)), "\r\n");
        // A parameter of 1 is the default and goes.
        assert_eq!(move_bytes(Some((7, 4)), (7, 3)), "\x1b[A");
        assert_eq!(move_bytes(Some((2, 1)), (4, 1)), "\x1b[2C");
        assert_eq!(move_bytes(None, (0, 0)), "\x1b[H");
        assert_eq!(move_bytes(None, (0, 4)), "\x1b[5H");
        assert_eq!(move_bytes(None, (4, 0)), "\x1b[1;5H");
        // Down a row to another column: a line feed and CHA.
        assert_eq!(move_bytes(Some((15, 1)), (4, 2)), "\n\x1b[5G");
        // Not from the end of a row, where a terminal waits to wrap.
        assert_eq!(move_bytes(Some((WIDTH, 1)), (4, 2)), "\x1b[3;5H");
    }

    #[test]
    fn every_move_is_as_long_as_it_says() {
        for y in 0..HEIGHT {
            for x in 0..=WIDTH {
                for to in [(0, 0), (1, 2), (19, 5), (9, 3), (x.min(WIDTH - 1), y)] {
                    move_bytes(Some((x, y)), to);
                }
            }
        }
    }

    /// Writes `cells` of `row` (a frame row on a blank screen) and erases `erase` (column and
    /// length) with a [`CellWriter`] for a terminal with `caps`: what an emulator of such a
    /// terminal shows of the row, and the bytes.
    fn written(caps: Caps, row: &[Cell], cells: &[u16], erase: (u16, u16)) -> (String, Vec<u8>) {
        let mut terminal = Emulator::for_caps(caps, WIDTH, HEIGHT);
        terminal.process(format!("\x1b[2;1H{}", "#".repeat(usize::from(WIDTH))).as_bytes());
        let mut out = Vec::new();
        let mut writer = CellWriter::new(&mut out, caps);
        for &x in cells {
            writer.cell(x, 1, &row[usize::from(x)], row).expect("cell");
        }
        if erase.1 > 0 {
            writer.erase(erase.0, 1, erase.1, row).expect("erase");
        }
        writer.end().expect("end");
        terminal.process(&out);
        (terminal.row(1, WIDTH), out)
    }

    const BOTH: [Caps; 2] = [Caps { repeat: false }, Caps { repeat: true }];
    const REPEAT: Caps = Caps { repeat: true };

    /// A row of the frame holding `text` from its first column in `style`.
    fn frame_row(text: &str, style: Style) -> Vec<Cell> {
        let mut buffer = Buffer::empty(Rect::new(0, 0, WIDTH, 1));
        buffer.set_string(0, 0, text, style);
        buffer.content
    }

    #[test]
    fn erasing_the_end_of_a_row_and_a_stretch_in_it_shows_blanks() {
        let row = &frame_row("ab", Style::new());
        for caps in BOTH {
            // The rest of the row: EL.
            let (shown, bytes) = written(caps, row, &[0, 1], (2, WIDTH - 2));
            assert_eq!(shown, "ab");
            assert!(bytes.len() < 20, "{bytes:?}");
            // A stretch: ECH, the cells after it kept.
            let (shown, _) = written(caps, row, &[0, 1], (2, 10));
            assert_eq!(shown, format!("ab{}{}", " ".repeat(10), "#".repeat(8)));
        }
    }

    #[test]
    fn a_run_of_one_character_is_repeated_where_the_terminal_can() {
        let border = "─".repeat(12);
        let row = &frame_row(&border, Style::new());
        let all: Vec<u16> = (0..12).collect();
        let (shown, bytes) = written(REPEAT, row, &all, (0, 0));
        assert_eq!(shown, format!("{border}{}", "#".repeat(8)));
        assert_eq!(bytes, b"\x1b[2H\xe2\x94\x80\x1b[11b");
        // Without REP, never: the border written whole.
        let (shown, bytes) = written(Caps::default(), row, &all, (0, 0));
        assert_eq!(shown, format!("{border}{}", "#".repeat(8)));
        assert_eq!(bytes, format!("\x1b[2H{border}").as_bytes());
    }

    #[test]
    fn a_short_run_is_printed_and_a_run_stops_at_a_style_or_a_move() {
        // Four more letters cost what REP costs: printed.
        let row = &frame_row("aaaaa", Style::new());
        let (_, bytes) = written(REPEAT, row, &[0, 1, 2, 3, 4], (0, 0));
        assert_eq!(bytes, b"\x1b[2Haaaaa");
        // Five more: REP.
        let row = &frame_row("aaaaaab", Style::new());
        let (shown, bytes) = written(REPEAT, row, &[0, 1, 2, 3, 4, 5, 6], (0, 0));
        assert_eq!(shown, format!("aaaaaab{}", "#".repeat(13)));
        assert_eq!(bytes, b"\x1b[2Ha\x1b[5bb");
        // A style in between: two runs, each repeated in its own style.
        let mut row = frame_row("======", Style::new());
        let bold = Style::new().add_modifier(Modifier::BOLD);
        row[3].set_style(bold);
        row[4].set_style(bold);
        row[5].set_style(bold);
        let (_, bytes) = written(REPEAT, &row, &[0, 1, 2, 3, 4, 5], (0, 0));
        assert_eq!(bytes, b"\x1b[2H===\x1b[1m===\x1b[m");
        // A move in between: the run written before it, nothing repeated after it.
        let row = &frame_row(&"-".repeat(WIDTH.into()), Style::new());
        let (shown, bytes) = written(REPEAT, row, &[0, 1, 2, 3, 4, 5, 15, 16], (0, 0));
        assert_eq!(bytes, b"\x1b[2H-\x1b[5b\x1b[9C--");
        assert_eq!(
            shown,
            format!("{}{}{}###", "-".repeat(6), "#".repeat(9), "-".repeat(2))
        );
    }

    #[test]
    fn going_back_to_the_plain_style_is_the_shortest_reset() {
        let pen = |fg, bg, modifier| Pen { fg, bg, modifier };
        let (none, bold, dim) = (Modifier::empty(), Modifier::BOLD, Modifier::DIM);
        let plain = Pen::RESET;
        let red = pen(Color::Red, Color::Reset, none);
        let bold_plain = pen(Color::Reset, Color::Reset, bold);
        let both = pen(Color::Red, Color::Blue, none);
        let bold_red = pen(Color::Red, Color::Reset, bold);
        let dim_plain = pen(Color::Reset, Color::Reset, dim);
        let bold_dim = pen(Color::Reset, Color::Reset, bold | dim);
        let dim_red = pen(Color::Red, Color::Reset, dim);
        let bold_dim_red = pen(Color::Red, Color::Reset, bold | dim);
        let sgr = |from, to| Sgr::between(from, to).to_string();
        assert_eq!(sgr(red, plain), "\x1b[m");
        assert_eq!(sgr(bold_plain, plain), "\x1b[m");
        assert_eq!(sgr(plain, red), "\x1b[31m");
        assert_eq!(sgr(bold_plain, red), "\x1b[0;31m");
        // Two colours back to default and an attribute on: from a reset is shorter.
        assert_eq!(sgr(both, bold_plain), "\x1b[0;1m");
        // An attribute that goes, the colour kept: its own code off.
        assert_eq!(sgr(bold_red, red), "\x1b[22m");
        // 22 ends dim too: dim set again, or from a reset when that is shorter.
        assert_eq!(sgr(bold_dim, dim_plain), "\x1b[0;2m");
        assert_eq!(sgr(bold_dim_red, dim_red), "\x1b[22;2m");
        let pens = [
            plain,
            red,
            bold_plain,
            both,
            bold_red,
            dim_plain,
            bold_dim,
            dim_red,
            bold_dim_red,
        ];
        for from in pens {
            for to in pens {
                assert_eq!(sgr(from, to).len(), Sgr::between(from, to).len());
            }
        }
    }
}
