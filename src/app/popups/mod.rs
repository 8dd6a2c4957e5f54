//! The app's own popups that are components: they lie over any screen, belong to no screen, and
//! are handed their messages by `App::update_popup`.

pub mod pin;
