//! Colours and emphasis. With `NO_COLOR` set everything is monochrome; the selection then relies on
//! reverse video, which every terminal shows.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub title: Style,
    pub header: Style,
    pub selected: Style,
    pub dim: Style,
    pub error: Style,
    pub ok: Style,
    pub key: Style,
    pub border: Style,
}

impl Theme {
    /// Honours `NO_COLOR` (https://no-color.org): any non-empty value means monochrome.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::monochrome(),
            _ => Theme::colour(),
        }
    }

    pub fn colour() -> Theme {
        Theme {
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            header: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Green),
            key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::Cyan),
        }
    }

    pub fn monochrome() -> Theme {
        let plain = Style::new();
        Theme {
            title: plain.add_modifier(Modifier::BOLD),
            header: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            dim: plain.add_modifier(Modifier::DIM),
            error: plain.add_modifier(Modifier::BOLD),
            ok: plain,
            key: plain.add_modifier(Modifier::BOLD),
            border: plain,
        }
    }
}
