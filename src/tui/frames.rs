//! What a frame writes to the terminal. Ratatui's own output writes every changed cell; on a list
//! that scrolls by a row every row changes (35 rows of groups: 2.4 KB per key), and a screen
//! change rewrites emptied rows a space at a time (5-6 KB per Enter or Esc). Here the frame is
//! drawn as ratatui draws it, into a buffer, and then written as the changes from what the
//! terminal shows, with two cheaper means that every VT100 descendant knows: rows that moved up
//! or down together are scrolled within a scroll region (DECSTBM, line feeds or RI), and a run of blank
//! cells is erased at once (ECH, or EL when it ends the row) instead of written; the other
//! changed cells are written in few bytes, with the shortest cursor moves, and a run of one
//! character as the character and REP where the terminal has it (`cells`, `caps`). What the
//! terminal then shows is the frame, cell for cell (the tests check this on terminal emulators,
//! with REP and without).

use std::io::{self, Write};

use crossterm::cursor::Hide;
use crossterm::style::{Attribute, SetAttribute};
use crossterm::terminal::{BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::{Frame, Terminal};

use unicode_width::UnicodeWidthStr;

use super::caps::Caps;
use super::cells::{looks_blank, CellWriter};

/// The fewest rows a scroll must spare from being written again to be worth its escapes.
const SCROLL_GAIN: usize = 3;
/// The furthest a scroll looks: rows moved by more (a page) are written as they are.
const SCROLL_MOST: usize = 3;
/// The shortest run of blank cells erased at once (ECH): shorter runs cost less written as
/// spaces.
const ERASE_LEAST: usize = 8;
/// The same for a run that ends the row, erased with EL (three bytes).
const ERASE_END_LEAST: usize = 4;

/// The frames of one terminal: drawn into a buffer, written to `out` as the changes from the
/// last one written.
pub struct Frames<W: Write> {
    /// Draws a frame the way the app's view draws it; its own output goes nowhere.
    render: Terminal<TestBackend>,
    out: W,
    /// What the terminal can do beyond VT100 (see [`Caps`]).
    caps: Caps,
    /// What the terminal shows; `None` when unknown (at the start, after a resize).
    shown: Option<Buffer>,
    /// The two ways of writing a row, weighed against each other (kept to be reused).
    trials: [Vec<u8>; 2],
}

impl<W: Write> Frames<W> {
    /// Frames for a terminal of `width` x `height` cells with `caps` (usually
    /// [`Caps::from_env`]) written to `out`; the first one is written whole, on a cleared
    /// screen.
    pub fn new(out: W, width: u16, height: u16, caps: Caps) -> io::Result<Frames<W>> {
        let render = Terminal::new(TestBackend::new(width, height)).map_err(io::Error::other)?;
        Ok(Frames {
            render,
            out,
            caps,
            shown: None,
            trials: Default::default(),
        })
    }

    /// The terminal is now `width` x `height`: the next frame is written whole, on a cleared
    /// screen (a terminal may have lost part of what it showed while it was smaller).
    pub fn resize(&mut self, width: u16, height: u16) -> io::Result<()> {
        self.render.backend_mut().resize(width, height);
        let area = Rect::new(0, 0, width, height);
        self.render.resize(area).map_err(io::Error::other)?;
        self.shown = None;
        Ok(())
    }

    /// Where the frames are written.
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// Draws a frame with `draw` and writes it as one synchronized update (DEC mode 2026): a
    /// terminal that knows it shows the frame at once, never half of it.
    pub fn draw(&mut self, draw: impl FnOnce(&mut Frame)) -> io::Result<()> {
        // Drawn straight into the buffer (`get_frame`, ratatui's documented way to present a
        // frame oneself): `Terminal::draw` would also diff it and copy it into the backend,
        // work the writing below does its own way.
        self.render.current_buffer_mut().reset();
        draw(&mut self.render.get_frame());
        let next = self.render.current_buffer_mut();
        queue!(self.out, BeginSynchronizedUpdate)?;
        let shown = match self.shown.as_mut() {
            Some(shown) if shown.area == next.area => shown,
            _ => {
                // The cursor is hidden here, with the screen cleared, and stays hidden (frames
                // never show it) until `tui::restore`.
                queue!(
                    self.out,
                    Hide,
                    SetAttribute(Attribute::Reset),
                    Clear(ClearType::All)
                )?;
                self.shown.insert(Buffer::empty(next.area))
            }
        };
        write_changes(&mut self.out, self.caps, &mut self.trials, shown, next)?;
        // The frame is what the terminal shows now; the old one is reset before the next draw.
        std::mem::swap(shown, next);
        execute!(self.out, EndSynchronizedUpdate)
    }
}

/// Writes to `out` what turns the terminal (with `caps`) showing `shown` into showing `next`
/// (same size), and leaves the attributes reset; each row is tried out two ways, in `trials`.
/// `shown` is left in an unspecified state.
fn write_changes(
    out: &mut impl Write,
    caps: Caps,
    trials: &mut [Vec<u8>; 2],
    shown: &mut Buffer,
    next: &Buffer,
) -> io::Result<()> {
    if let Some(scroll) = Scroll::find(shown, next) {
        scroll.write(out, shown)?;
    }
    let width = usize::from(next.area.width);
    let mut changes = shown.diff(next);
    // A blank that turns into a blank of another foreground (or bold) looks the same: unless
    // it is the second column of a wide character, which the terminal shows.
    changes.retain(|&(x, y, cell)| {
        let was = row(shown, width, usize::from(y));
        let x = usize::from(x);
        let wide_before = x > 0 && was[x - 1].symbol().width() > 1;
        !(looks_blank(cell) && looks_blank(&was[x]) && !wide_before)
    });
    let [one_by_one_bytes, stretch_bytes] = trials;
    let mut cells = CellWriter::new(out, caps);
    // Row by row, the cheaper of two ways: the changes one by one, or the stretch from the
    // first change to the last erased at once and its cells that are not blank written again
    // (a row whose text moved: fewer erases and moves than the gaps between the changes).
    for changed in changes.chunk_by(|a, b| a.1 == b.1) {
        let y = changed[0].1;
        let row = row(next, width, usize::from(y));
        let one_by_one = cells.trial(one_by_one_bytes, |cells| {
            write_one_by_one(cells, y, changed, row)
        })?;
        let stretch = cells.trial(stretch_bytes, |cells| write_stretch(cells, y, changed, row))?;
        cells.take(match stretch.len() < one_by_one.len() {
            true => stretch,
            false => one_by_one,
        })?;
    }
    cells.end()
}

/// Writes the `changed` cells of row `y` of the frame (`row`) one by one, a long enough run
/// of blank cells erased at once.
fn write_one_by_one<W: Write>(
    cells: &mut CellWriter<W>,
    y: u16,
    changed: &[(u16, u16, &Cell)],
    row: &[Cell],
) -> io::Result<()> {
    let mut erased_to = 0;
    for &(x, _, cell) in changed {
        if x < erased_to {
            continue;
        }
        if looks_blank(cell) {
            let run = row[usize::from(x)..]
                .iter()
                .take_while(|c| looks_blank(c))
                .count();
            let least = match usize::from(x) + run == row.len() {
                true => ERASE_END_LEAST,
                false => ERASE_LEAST,
            };
            if run >= least {
                cells.erase(x, y, run as u16, row)?;
                erased_to = x + run as u16;
                continue;
            }
        }
        cells.cell(x, y, cell, row)?;
    }
    Ok(())
}

/// Erases row `y` from its first `changed` cell to the end of its last, and writes the cells
/// of the frame (`row`) there that are not blank.
fn write_stretch<W: Write>(
    cells: &mut CellWriter<W>,
    y: u16,
    changed: &[(u16, u16, &Cell)],
    row: &[Cell],
) -> io::Result<()> {
    let (Some(&(start, ..)), Some(&(last, _, cell))) = (changed.first(), changed.last()) else {
        return Ok(());
    };
    let end = last + cell.symbol().width().max(1) as u16;
    cells.erase(start, y, end - start, row)?;
    let mut x = start;
    while x < end {
        let cell = &row[usize::from(x)];
        if !looks_blank(cell) {
            cells.cell(x, y, cell, row)?;
        }
        // The cells a wide character covers are not written.
        x += cell.symbol().width().max(1) as u16;
    }
    Ok(())
}

/// Row `y` of `buffer`, `width` cells wide.
fn row(buffer: &Buffer, width: usize, y: usize) -> &[Cell] {
    &buffer.content[y * width..(y + 1) * width]
}

/// Rows that moved together between two frames: the rows `top..=bottom` of the terminal moved
/// `by` rows up (negative: down).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Scroll {
    top: usize,
    bottom: usize,
    by: isize,
}

impl Scroll {
    /// The scroll that spares the most rows from being written again, when it spares at least
    /// [`SCROLL_GAIN`]: a run of rows of `next` that `shown` has some rows lower (or higher).
    fn find(shown: &Buffer, next: &Buffer) -> Option<Scroll> {
        let width = usize::from(next.area.width);
        let height = usize::from(next.area.height);
        let in_place = |y: usize| row(next, width, y) == row(shown, width, y);
        // Most frames change a row or two (a selection moved): no scroll can spare three.
        (0..height).filter(|&y| !in_place(y)).nth(SCROLL_GAIN - 1)?;
        let mut best: Option<(usize, Scroll)> = None;
        for by in (1..=SCROLL_MOST as isize).flat_map(|k| [k, -k]) {
            let moved = |y: usize| {
                let from = y as isize + by;
                (0..height as isize).contains(&from)
                    && row(next, width, y) == row(shown, width, from as usize)
            };
            let mut y = 0;
            while y < height {
                if !moved(y) {
                    y += 1;
                    continue;
                }
                let start = y;
                while y < height && moved(y) {
                    y += 1;
                }
                let end = y - 1;
                // The region scrolled: the run and the rows it moves from; as many rows as it
                // moved by come in blank at the other end, to be written again.
                let (top, bottom, blanked) = match by > 0 {
                    true => (start, end + by as usize, end + 1..end + 1 + by as usize),
                    false => (
                        start - by.unsigned_abs(),
                        end,
                        start - by.unsigned_abs()..start,
                    ),
                };
                let spared = (start..=end).filter(|&y| !in_place(y)).count();
                let lost = blanked.filter(|&y| in_place(y)).count();
                let gain = spared.saturating_sub(lost);
                if gain >= SCROLL_GAIN && best.is_none_or(|(most, _)| gain > most) {
                    best = Some((gain, Scroll { top, bottom, by }));
                }
            }
        }
        best.map(|(_, scroll)| scroll)
    }

    /// Scrolls the terminal's rows and `shown` with them; the rows scrolled in are blank.
    fn write(self, out: &mut impl Write, shown: &mut Buffer) -> io::Result<()> {
        let Scroll { top, bottom, by } = self;
        // SGR without a parameter is a reset (0) on every terminal.
        out.write_all(b"\x1b[m")?;
        let amount = by.unsigned_abs();
        // DECSTBM counts rows from 1; it moves the cursor home, and `\x1b[r` ends the region.
        // The rows move as on a VT100: line feeds on the region's bottom row (up) or reverse
        // index (RI) on its top row (down). SU/SD would be shorter, but the Linux console has
        // neither.
        let (row, step) = match by > 0 {
            true => (bottom, "\n"),
            false => (top, "\x1bM"),
        };
        write!(
            out,
            "\x1b[{};{}r\x1b[{}H{}\x1b[r",
            top + 1,
            bottom + 1,
            row + 1,
            step.repeat(amount)
        )?;
        let width = usize::from(shown.area.width);
        let region = &mut shown.content[top * width..(bottom + 1) * width];
        let blank = amount * width;
        match by > 0 {
            true => {
                region.rotate_left(blank);
                let len = region.len();
                region[len - blank..].fill(Cell::EMPTY);
            }
            false => {
                region.rotate_right(blank);
                region[..blank].fill(Cell::EMPTY);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::emulator::{Emulator, Shown};
    use ratatui::style::Style;
    use ratatui::text::{Line, Span};
    use ratatui::widgets::Paragraph;

    const WIDTH: u16 = 40;
    const HEIGHT: u16 = 12;

    /// Both kinds of terminal: without REP and with it.
    const BOTH: [Caps; 2] = [Caps { repeat: false }, Caps { repeat: true }];

    /// Draws `lines` into frames written for a terminal with `caps` to an emulator of one,
    /// one frame after the other, and checks after each that the emulator shows the frame;
    /// returns the bytes each wrote.
    fn shown_as_drawn(caps: Caps, frames: &[Vec<String>]) -> Vec<usize> {
        let mut out = Frames::new(Vec::new(), WIDTH, HEIGHT, caps).expect("frames");
        let mut terminal = Emulator::for_caps(caps, WIDTH, HEIGHT);
        let mut written = Vec::new();
        for lines in frames {
            let text: Vec<Line> = lines.iter().map(|l| Line::raw(l.clone())).collect();
            out.draw(|frame| frame.render_widget(Paragraph::new(text), frame.area()))
                .expect("draw");
            let bytes = std::mem::take(out.writer_mut());
            written.push(bytes.len());
            terminal.process(&bytes);
            let screen: Vec<String> = (0..HEIGHT).map(|y| terminal.row(y, WIDTH)).collect();
            let expected: Vec<String> = (0..usize::from(HEIGHT))
                .map(|y| lines.get(y).map_or("", |l| l.trim_end()).to_string())
                .collect();
            assert_eq!(screen, expected, "{caps:?}");
        }
        written
    }

    fn numbered(from: usize, rows: usize) -> Vec<String> {
        let mut lines = vec!["| Groups".to_string()];
        // Every row unlike the next, so that a row moved is a row changed in every cell, and
        // no two cells alike next to each other (which REP would write in a few bytes).
        let row = |n: usize| {
            (0..30)
                .map(|i| char::from(b'a' + ((n + i) % 26) as u8))
                .collect::<String>()
        };
        lines.extend((from..from + rows).map(|n| format!("| {}", row(n))));
        lines.push("| footer".to_string());
        lines
    }

    #[test]
    fn a_list_scrolled_by_a_row_shows_the_next_frame_and_writes_little() {
        let frames: Vec<Vec<String>> = [0, 1, 2, 3, 2, 1, 0, 3, 0]
            .iter()
            .map(|&from| numbered(from, 10))
            .collect();
        for caps in BOTH {
            let written = shown_as_drawn(caps, &frames);
            // A scroll writes the one row scrolled in, not the ten.
            assert!(written[1] < written[0] / 4, "{written:?}");
            assert!(written[4] < written[0] / 4, "{written:?}");
        }
    }

    /// Scrolled as a VT100 scrolls (line feeds, reverse index), never with SU/SD (`CSI n S`,
    /// `CSI n T`), which the Linux console does not know.
    #[test]
    fn a_scroll_uses_line_feeds_and_reverse_index_only() {
        let mut frames = Frames::new(Vec::new(), WIDTH, HEIGHT, Caps::default()).expect("frames");
        let mut scrolls = Vec::new();
        for from in [0, 2, 0] {
            let text: Vec<Line> = numbered(from, 10).into_iter().map(Line::raw).collect();
            frames
                .draw(|frame| frame.render_widget(Paragraph::new(text), frame.area()))
                .expect("draw");
            scrolls.push(String::from_utf8(std::mem::take(frames.writer_mut())).unwrap());
        }
        assert!(
            scrolls[1].contains("\x1b[2;11r\x1b[11H\n\n\x1b[r"),
            "{:?}",
            scrolls[1]
        );
        assert!(
            scrolls[2].contains("\x1b[2;11r\x1b[2H\x1bM\x1bM\x1b[r"),
            "{:?}",
            scrolls[2]
        );
        for written in &scrolls {
            let csi_st = written.split("\x1b[").skip(1).any(|seq| {
                let end = seq.find(|c: char| !c.is_ascii_digit() && c != ';');
                end.is_some_and(|at| matches!(seq.as_bytes()[at], b'S' | b'T'))
            });
            assert!(!csi_st, "no SU/SD: {written:?}");
        }
    }

    #[test]
    fn emptied_rows_are_erased_and_show_blank() {
        let long = "x".repeat(usize::from(WIDTH));
        let full: Vec<String> = (0..HEIGHT).map(|_| long.clone()).collect();
        let sparse = vec!["a".to_string(), String::new(), "  b      c".to_string()];
        for caps in BOTH {
            let written = shown_as_drawn(caps, &[full.clone(), sparse.clone(), full.clone()]);
            // Not a space per emptied cell: 480 cells emptied.
            assert!(written[1] < usize::from(WIDTH * HEIGHT) / 2, "{written:?}");
        }
    }

    #[test]
    fn rows_whose_words_moved_show_the_next_frame() {
        // As a list's columns move when another list replaces it: the words of each row
        // elsewhere, with blanks between them where there was text.
        let wide = |a: &str, b: &str, c: &str| format!("{a:<14}{b:<12}{c}");
        let before: Vec<String> = (0..HEIGHT)
            .map(|y| wide(&format!("Naam {y}"), "Zoë 日本", "2026-11-30 x"))
            .collect();
        let after: Vec<String> = (0..HEIGHT)
            .map(|y| format!("De Egeltjes {y}{}KDV  15", " ".repeat(usize::from(y))))
            .collect();
        for caps in BOTH {
            let written = shown_as_drawn(caps, &[before.clone(), after.clone(), before.clone()]);
            assert!(written[1] < written[0], "{written:?}");
        }
    }

    #[test]
    fn styles_and_wide_characters_survive_erasing_and_scrolling() {
        let frames = vec![
            vec!["Zoë 日本 naam".to_string(), "regel twee".to_string()],
            vec![String::new(), "Zoë 日本 naam".to_string(), "x".repeat(30)],
            vec!["日本".to_string(), String::new(), "日本 ".repeat(6)],
        ];
        for caps in BOTH {
            shown_as_drawn(caps, &frames);
        }
    }

    #[test]
    fn every_cell_keeps_its_style() {
        for caps in BOTH {
            every_cell_keeps_its_style_on(caps);
        }
    }

    fn every_cell_keeps_its_style_on(caps: Caps) {
        let theme = crate::ui::Theme::colour();
        let styles = [
            theme.title,
            theme.header,
            theme.selected,
            theme.dim,
            theme.error,
            theme.ok,
            theme.key,
            theme.border,
            Style::new(),
        ];
        let mut out = Frames::new(Vec::new(), WIDTH, HEIGHT, caps).expect("frames");
        let mut terminal = Emulator::for_caps(caps, WIDTH, HEIGHT);
        // Frames whose rows mix the styles differently, moved and shortened from one to the
        // next; runs of one character (a border, spaces) in one style and across styles.
        for round in 0..12usize {
            let lines: Vec<Line> = (0..usize::from(HEIGHT))
                .map(|y| {
                    let spans = (0..4).map(|i| {
                        let style = styles[(y * 3 + i + round * 5) % styles.len()];
                        let text = ["Zoë ", "de Vries  ", "12-03-2026", "  ", "──────"]
                            [(i + y + round) % 5];
                        Span::styled(text.repeat(1 + (y + round) % 3), style)
                    });
                    Line::from(spans.collect::<Vec<_>>())
                })
                .collect();
            let lines = lines[round % 3..].to_vec();
            let mut drawn = None;
            out.draw(|frame| {
                frame.render_widget(Paragraph::new(lines), frame.area());
                drawn = Some(frame.buffer_mut().clone());
            })
            .expect("draw");
            terminal.process(&std::mem::take(out.writer_mut()));
            let drawn = drawn.unwrap();
            for y in 0..HEIGHT {
                for x in 0..WIDTH {
                    let want = &drawn[(x, y)];
                    let want = Shown::drawn(want.symbol(), want.fg, want.bg, want.modifier);
                    let at = format!("({x}, {y}) in round {round}, {caps:?}");
                    assert_eq!(terminal.cell(x, y), want, "{at}");
                }
            }
        }
    }

    #[test]
    fn blanks_that_only_change_foreground_are_not_written() {
        let mut out = Frames::new(Vec::new(), WIDTH, HEIGHT, Caps::default()).expect("frames");
        let mut draw = |style: Style| {
            let line = Line::from(vec![Span::raw("x"), Span::styled(" ".repeat(20), style)]);
            out.draw(|frame| frame.render_widget(Paragraph::new(line), frame.area()))
                .expect("draw");
            std::mem::take(out.writer_mut())
        };
        let grey = Style::new().fg(ratatui::style::Color::DarkGray);
        draw(grey);
        let unchanged = draw(grey).len();
        // The same blanks in the default foreground, and bold: nothing to see, nothing written.
        assert_eq!(draw(Style::new()).len(), unchanged);
        assert_eq!(draw(Style::new().bold()).len(), unchanged);
        // Underlined blanks show: written.
        assert!(draw(Style::new().underlined()).len() > unchanged);
    }

    #[test]
    fn a_resize_writes_the_whole_frame_again() {
        let mut out = Frames::new(Vec::new(), WIDTH, HEIGHT, Caps::default()).expect("frames");
        let draw = |out: &mut Frames<Vec<u8>>| {
            out.draw(|frame| frame.render_widget(Paragraph::new("signaal"), frame.area()))
                .expect("draw");
            std::mem::take(out.writer_mut()).len()
        };
        let first = draw(&mut out);
        assert!(draw(&mut out) < first, "an unchanged frame writes less");
        out.resize(WIDTH, HEIGHT).expect("resize");
        assert_eq!(draw(&mut out), first);
    }
}
