//! A sink that only counts: what a terminal would have received, byte for byte.

use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;

/// A [`Write`] that keeps nothing and counts every byte written to it. Its clones share the
/// count: one goes into a terminal's backend, another reads it.
#[derive(Debug, Default, Clone)]
pub struct Counter {
    written: Rc<Cell<u64>>,
}

impl Counter {
    /// Bytes written so far, through this counter or any of its clones.
    pub fn written(&self) -> u64 {
        self.written.get()
    }
}

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.written.set(self.written.get() + buf.len() as u64);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_every_byte_of_every_write() {
        let mut counter = Counter::default();
        counter.write_all(b"\x1b[?2026h").unwrap();
        counter.write_all("é".as_bytes()).unwrap();
        counter.flush().unwrap();
        assert_eq!(counter.written(), 8 + 2);
    }

    #[test]
    fn counts_a_frame_as_the_backend_writes_it() {
        use ratatui::backend::CrosstermBackend;
        use ratatui::layout::Rect;
        use ratatui::widgets::Paragraph;
        use ratatui::{Terminal, TerminalOptions, Viewport};
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 10, 2)),
        };
        let counter = Counter::default();
        let mut terminal =
            Terminal::with_options(CrosstermBackend::new(counter.clone()), options).unwrap();
        terminal
            .draw(|frame| frame.render_widget(Paragraph::new("hallo"), frame.area()))
            .unwrap();
        let first = counter.written();
        assert!(first >= 5, "at least the five letters: {first}");
        // The same frame again: ratatui sends only what changed, which is nothing to print.
        terminal
            .draw(|frame| frame.render_widget(Paragraph::new("hallo"), frame.area()))
            .unwrap();
        let again = counter.written() - first;
        assert!(again < first, "{again} bytes for an unchanged frame");
    }
}
