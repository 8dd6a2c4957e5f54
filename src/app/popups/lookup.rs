//! "Who to call?" (`c` from any screen that is not taking text): the directory narrowed at every
//! keystroke, typos and accents forgiven, the cards serving the shown group first. Enter opens
//! the card (`card.rs`), or a new card's form from the last row; Esc returns to the screen.
//! Every aandachtsfunctionaris among the staff has a line of their own under the pinned card.
//! The pinned cards are searched and shown in the user's language (`Lang::contact`); a card
//! opens as stored, so that its form changes what is stored.

use std::sync::Arc;

use super::card::CardPopup;
use crate::app::directory::Directory;
use crate::app::fields::pasted;
use crate::app::{Action, Ctx, Msg, Outcome, Popup};
use crate::domain::contact::{reuse, Contact, Pinned, Reuse};
use crate::domain::{Child, Id};
use crate::keymap::Context;

/// The lookup: what is typed, the cards found (best first), the selection, and the group and
/// child the lookup was opened from.
#[derive(Debug, Clone)]
pub struct LookupPopup {
    pub query: String,
    /// The directory as shown and as stored, kept by the app between openings.
    directory: Arc<Directory>,
    /// Indices into [`LookupPopup::contacts`], best first; one row more is "+ new contact".
    pub found: Vec<usize>,
    pub selected: usize,
    pub group: Option<Id>,
    pub child: Option<Child>,
    /// What earlier queries found, so that Backspace needs no search.
    earlier: Vec<(String, Vec<usize>)>,
}

impl LookupPopup {
    /// The whole `directory`, nothing typed yet; `group` and `child` are what the shown screen
    /// is about (the group's cards rank first, a card is linked to the child).
    pub fn open(directory: Arc<Directory>, group: Option<Id>, child: Option<Child>) -> Popup {
        let mut popup = LookupPopup {
            query: String::new(),
            directory,
            found: Vec::new(),
            selected: 0,
            group,
            child,
            earlier: Vec::new(),
        };
        popup.refresh("");
        Popup::Lookup(Box::new(popup))
    }

    /// The directory as shown: the pinned cards in the user's language.
    pub fn contacts(&self) -> &[Contact] {
        &self.directory.lookup.contacts
    }

    /// Searches again after the query changed. Typing on narrows the previous matches; a
    /// Backspace goes back to what was found before.
    fn refresh(&mut self, previous: &str) {
        self.found = match self.earlier.iter().rposition(|(q, _)| *q == self.query) {
            Some(at) => {
                let (_, found) = self.earlier.swap_remove(at);
                self.earlier.truncate(at);
                found
            }
            None => match reuse(previous, &self.query) {
                Reuse::Nothing => self.directory.lookup.find(&self.query, self.group),
                how => {
                    let lookup = &self.directory.lookup;
                    lookup.find_extending(&self.query, self.group, &self.found, how)
                }
            },
        };
        self.selected = 0;
    }

    /// The selected card as shown; `None` on the "+ new contact" row.
    pub fn selected_contact(&self) -> Option<&Contact> {
        let index = *self.found.get(self.selected)?;
        self.contacts().get(index)
    }

    /// The selected card as stored.
    fn selected_stored(&self) -> Option<&Contact> {
        self.directory.stored(*self.found.get(self.selected)?)
    }

    /// The lines of the aandachtsfunctionarissen when `contact` is the pinned
    /// aandachtsfunctionaris card (its card lists them), else none.
    fn leads_of(&self, contact: &Contact) -> Vec<Contact> {
        if contact.pinned != Some(Pinned::Aandachtsfunctionaris) {
            return Vec::new();
        }
        let leads = self.contacts().iter().filter(|c| c.lead.is_some());
        leads.cloned().collect()
    }

    /// Rows: the cards found and "+ new contact".
    pub fn rows(&self) -> usize {
        self.found.len() + 1
    }

    fn type_char(&mut self, c: char) {
        let previous = self.query.clone();
        self.earlier.push((previous.clone(), self.found.clone()));
        self.query.push(c);
        self.refresh(&previous);
    }

    fn backspace(&mut self) {
        let previous = self.query.clone();
        self.query.pop();
        self.refresh(&previous);
    }

    fn step(&mut self, by: isize) {
        let last = self.rows() - 1;
        self.selected = self.selected.saturating_add_signed(by).min(last);
    }

    pub fn contexts(&self) -> Vec<Context> {
        vec![Context::Lookup]
    }

    /// Typed text (a paste too, on one line) narrows; the keys move, open the card (or the form
    /// of a new one), or close.
    pub fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        match msg {
            Msg::Type(c) => self.type_char(*c),
            Msg::Erase => self.backspace(),
            Msg::Paste(text) => pasted(text, false).chars().for_each(|c| self.type_char(c)),
            Msg::Action(Action::Up) => self.step(-1),
            Msg::Action(Action::Down) => self.step(1),
            Msg::Action(Action::PageUp) => self.step(-10),
            Msg::Action(Action::PageDown) => self.step(10),
            Msg::Action(Action::Back) => return Outcome::ClosePopup,
            Msg::Action(Action::Open) => {
                let (group, child) = (self.group, self.child.clone());
                let card = match self.selected_stored() {
                    Some(contact) => CardPopup::of(contact.clone(), group, child)
                        .with_leads(self.leads_of(contact)),
                    None => CardPopup::adding(ctx.lang, &self.query, group, child),
                };
                return Outcome::Popup(Popup::Card(Box::new(card)));
            }
            _ => {}
        }
        Outcome::Done
    }
}
