//! signaal: early signalling for childcare groups, in the terminal.
//!
//! Data flows one way: key -> keymap -> Action -> App::update (state change + store write) -> view.
//! `ui` renders from state and never writes; `app` never touches the terminal; only `store` knows
//! sled; every string a user sees goes through `i18n`.

pub mod app;
pub mod backup;
pub mod bench;
pub mod cli;
pub mod commands;
pub mod config;
pub mod contacts_io;
pub mod demo;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod keymap;
pub(crate) mod problem;
pub mod report;
pub mod search;
pub mod store;
pub mod templates;
pub(crate) mod toml_file;
pub mod tui;
pub mod ui;
