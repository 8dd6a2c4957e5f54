//! The views of the app's own popups, one module per popup, named as its component in
//! `app::popups`.

pub mod card;
pub mod help;
pub mod lookup;
