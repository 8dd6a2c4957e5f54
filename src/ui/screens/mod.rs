//! The views of the screens, one module per screen, named as its component in `app::screens`.

use ratatui::layout::Rect;
use ratatui::Frame;

use super::Theme;
use crate::app::{App, Screen};

/// The views, one line each: the variant of [`Screen`] and the module whose `draw(frame, area,
/// app, screen, theme)` draws it. This is the view's one dispatch; a new screen is a line here.
macro_rules! views {
    ($($variant:ident($module:ident),)+) => {
        $(pub mod $module;)+

        /// Draws `screen` in `area`, with a popup of its own over the whole terminal.
        pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &Screen, theme: &Theme) {
            match screen {
                $(Screen::$variant(screen) => $module::draw(frame, area, app, screen, theme),)+
            }
        }
    };
}

views! {
    Welcome(welcome),
    Users(users),
    Groups(groups),
    Children(children),
    Child(child),
    Observe(observe),
    PickForm(pick_form),
    Compare(compare),
    Plans(plans),
    Trajectory(trajectory),
    History(history),
    Staff(staff),
    Visit(visit),
    Growth(growth),
}
