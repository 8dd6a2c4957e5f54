//! A popup a screen opens over itself: one of its forms, or a yes/no question about one of its
//! records. The screen owns it (so a new screen brings its own forms), and [`step`] is how every
//! screen hands it the messages while it is open.

use super::fields::{Fields, Form, FormStep};
use super::Msg;
use crate::keymap::Context;

/// A screen's popup: a form of type `F`, or a question about a `Q`.
#[derive(Debug, Clone)]
pub enum Modal<F, Q> {
    Form(Form<F>),
    Confirm(Confirm<Q>),
}

/// "Archive Zoë de Vries?": answered yes only with a typed `j` or `y` (`confirm::is_yes`).
/// Enter, Esc and any other key answer no, so that no stray key (a split escape sequence, Enter
/// pressed once too often) confirms what cannot be taken back lightly. Drawn as the app's own
/// question (`ui::confirm`).
#[derive(Debug, Clone)]
pub struct Confirm<Q> {
    pub question: String,
    pub about: Q,
}

/// What a message did to the open popup.
#[derive(Debug)]
pub enum Step<F, Q> {
    /// It stays open (typed into, moved in).
    Stay,
    /// It closed without anything done.
    Closed,
    /// Enter on the form: the screen checks and saves it, and opens it again when refused.
    Submit(Form<F>),
    /// Yes to the question.
    Yes(Q),
    /// No to the question: what it was about comes back (a close form, as it was typed).
    No(Q),
}

impl<F, Q> Modal<F, Q> {
    /// The contexts whose keys apply while it is open.
    /// The contexts whose keys apply while it is open: a form's; none for a question, which
    /// takes every key as its answer (see `App::message`).
    pub fn contexts(&self) -> Vec<Context> {
        match self {
            Modal::Form(_) => vec![Context::Form],
            Modal::Confirm(_) => Vec::new(),
        }
    }
}

/// What the app needs to know of a screen's popup, whatever its form and question: which keys
/// apply. While one is open it takes typed text (a question takes `j`/`y` as text, so that
/// those letters never reach the list underneath).
pub trait Popped {
    fn contexts(&self) -> Vec<Context>;
}

impl<F, Q> Popped for Modal<F, Q> {
    fn contexts(&self) -> Vec<Context> {
        Modal::contexts(self)
    }
}

/// Hands a message to the open popup, if there is one (`None`: there is none, the screen handles
/// the message itself).
pub fn step<F: Fields, Q>(modal: &mut Option<Modal<F, Q>>, msg: &Msg) -> Option<Step<F, Q>> {
    let step = match modal.take()? {
        Modal::Form(mut form) => match form.update(msg) {
            FormStep::Stay => {
                *modal = Some(Modal::Form(form));
                Step::Stay
            }
            FormStep::Cancel => Step::Closed,
            FormStep::Submit => Step::Submit(form),
        },
        Modal::Confirm(confirm) => match msg {
            Msg::Type(c) if super::confirm::is_yes(*c) => Step::Yes(confirm.about),
            // A paste, a resize or a tick is no answer.
            Msg::Paste(_) | Msg::Tick { .. } | Msg::Resize { .. } => {
                *modal = Some(Modal::Confirm(confirm));
                Step::Stay
            }
            _ => Step::No(confirm.about),
        },
    };
    Some(step)
}

/// What a screen does first with a message: its popup has it while one is open, then its list
/// (moving, filtering), and an action left over is the screen's own.
#[derive(Debug)]
pub enum First<F, Q> {
    /// The open popup took it, with this step.
    Popup(Step<F, Q>),
    /// An action for the screen itself.
    Action(super::Action),
    /// Taken by the list (moved, filtered).
    Taken,
    /// Nothing for the screen (typed text without a filter, a paste on a list).
    NotMine,
}

/// Hands `msg` to the screen's popup, then its list (`None`: a screen without one).
pub fn first<F: Fields, Q>(
    modal: &mut Option<Modal<F, Q>>,
    list: Option<&mut dyn super::list::ListInput>,
    msg: &Msg,
) -> First<F, Q> {
    if let Some(step) = step(modal, msg) {
        return First::Popup(step);
    }
    if list.is_some_and(|list| super::list::input(list, msg)) {
        return First::Taken;
    }
    match msg {
        Msg::Action(action) => First::Action(*action),
        _ => First::NotMine,
    }
}
