//! "Who are you?": the picker, and the staff form of the first person over it.

use ratatui::layout::Rect;
use ratatui::Frame;

use crate::app::screens::users::UsersScreen;
use crate::app::App;
use crate::i18n::T;
use crate::ui::users::picker;
use crate::ui::widgets::popup_area;
use crate::ui::{modal, Theme};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, screen: &UsersScreen, theme: &Theme) {
    let popup = popup_area(frame, area, 60, area.height.saturating_sub(2));
    picker(
        frame,
        popup,
        app,
        &screen.list,
        T::UsersTitle,
        T::UsersHint,
        theme,
    );
    modal::draw(frame, app, &screen.modal, theme);
}
