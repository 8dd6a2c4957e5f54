//! Who to call: the lookup (`c` from any screen that is not taking text), the card, and adding,
//! changing, removing and linking cards. The lookup narrows at every keystroke; Esc on the lookup
//! or the card returns to where `c` was pressed.

use chrono::NaiveDate;

use super::form::{Field, Form};
use super::screen::Screen;
use super::{App, ArchiveTarget, FormKind, Popup};
use crate::domain::contact::{reuse, Contact, Help, Lookup, Phone, Reuse};
use crate::domain::AuditAction;
use crate::domain::{Child, Id};
use crate::i18n::{Lang, T};

/// The lookup popup: what is typed, the cards found (best first), the selection, and the group
/// and child the lookup was opened from.
#[derive(Debug, Clone)]
pub struct LookupPopup {
    pub query: String,
    pub lookup: Lookup,
    /// Indices into `lookup.contacts`, best first; one row more is "+ new contact".
    pub found: Vec<usize>,
    pub selected: usize,
    pub group: Option<Id>,
    pub child: Option<Child>,
    /// What earlier queries found, so that Backspace needs no search.
    earlier: Vec<(String, Vec<usize>)>,
}

impl LookupPopup {
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
                Reuse::Nothing => self.lookup.find(&self.query, self.group),
                how => {
                    let lookup = &self.lookup;
                    lookup.find_extending(&self.query, self.group, &self.found, how)
                }
            },
        };
        self.selected = 0;
    }

    /// The selected card; `None` on the "+ new contact" row.
    pub fn selected_contact(&self) -> Option<&Contact> {
        let index = *self.found.get(self.selected)?;
        self.lookup.contacts.get(index)
    }

    /// Rows: the cards found and "+ new contact".
    pub fn rows(&self) -> usize {
        self.found.len() + 1
    }

    pub fn type_char(&mut self, c: char) {
        let previous = self.query.clone();
        self.earlier.push((previous.clone(), self.found.clone()));
        self.query.push(c);
        self.refresh(&previous);
    }

    pub fn backspace(&mut self) {
        let previous = self.query.clone();
        self.query.pop();
        self.refresh(&previous);
    }

    fn step(&mut self, by: isize) {
        let last = self.rows() - 1;
        self.selected = self.selected.saturating_add_signed(by).min(last);
    }
}

impl App {
    /// The group and child the shown screen is about, for ranking and linking.
    fn context_of_screen(&self) -> (Option<Id>, Option<Child>) {
        match self.screen() {
            Screen::Children(s) => (Some(s.group.id), None),
            screen => match screen.child() {
                Some((child, group)) => (Some(group.id), Some(child.clone())),
                None => (None, None),
            },
        }
    }

    /// `c`: the lookup, with the whole directory and the cursor in the search field.
    pub(super) fn open_lookup(&mut self) {
        let Some(directory) = self.ok(self.store.directory()) else {
            return;
        };
        let (group, child) = self.context_of_screen();
        let mut popup = LookupPopup {
            query: String::new(),
            lookup: Lookup::new(directory),
            found: Vec::new(),
            selected: 0,
            group,
            child,
            earlier: Vec::new(),
        };
        popup.refresh("");
        self.popup = Some(Popup::Lookup(popup));
    }

    /// Keys on the lookup: move, open the card (or the form for a new one), close.
    pub(super) fn update_lookup(&mut self, mut popup: LookupPopup, action: super::Action) {
        use super::Action;
        match action {
            Action::Up => popup.step(-1),
            Action::Down => popup.step(1),
            Action::PageUp => popup.step(-10),
            Action::PageDown => popup.step(10),
            Action::Back => return,
            Action::Open => {
                let child = popup.child.clone();
                let group = popup.group;
                return match popup.selected_contact().cloned() {
                    Some(contact) => {
                        self.popup = Some(Popup::Card {
                            contact,
                            group,
                            child,
                        })
                    }
                    None => self.open_contact_form(None, &popup.query),
                };
            }
            _ => {}
        }
        self.popup = Some(Popup::Lookup(popup));
    }

    /// Keys on a card: change, remove, link to the child, serve the group, close.
    pub(super) fn update_card(
        &mut self,
        contact: Contact,
        group: Option<Id>,
        child: Option<Child>,
        action: super::Action,
    ) {
        use super::Action;
        let keep = |contact| Popup::Card {
            contact,
            group,
            child: child.clone(),
        };
        match action {
            Action::Back => {}
            Action::Edit => self.open_contact_form(Some(contact), ""),
            Action::Remove if contact.pinned.is_some() => {
                self.complain(self.lang.get(T::ErrPinned));
                self.popup = Some(keep(contact));
            }
            Action::Remove => self.confirm_archive(Some(ArchiveTarget::Contact(contact))),
            Action::Link => match &child {
                Some(c) => {
                    let contact = self.toggle_link(c, contact);
                    self.popup = Some(keep(contact));
                }
                None => {
                    self.complain(self.lang.get(T::ErrNoChild));
                    self.popup = Some(keep(contact));
                }
            },
            Action::ServeGroup => match group {
                Some(g) => {
                    let mut changed = contact.clone();
                    match changed.groups.iter().position(|id| *id == g) {
                        Some(at) => {
                            changed.groups.remove(at);
                        }
                        None => changed.groups.push(g),
                    }
                    let saved = self.store.save_contact(&changed, &self.signature());
                    let shown = self.ok(saved).unwrap_or(contact);
                    self.popup = Some(keep(shown));
                }
                None => {
                    self.complain(self.lang.get(T::ErrNoGroup2));
                    self.popup = Some(keep(contact));
                }
            },
            _ => self.popup = Some(keep(contact)),
        }
    }

    /// Links the card to the child, or unlinks it; a pinned card that was never edited is stored
    /// first, so that it has an id to link to. Returns the card as it is now.
    fn toggle_link(&mut self, child: &Child, contact: Contact) -> Contact {
        let sig = self.signature();
        let contact = match contact.id {
            0 => match self.ok(self.store.save_contact(&contact, &sig)) {
                Some(stored) => stored,
                None => return contact,
            },
            _ => contact,
        };
        let Some(Some(mut fresh)) = self.ok(self.store.child(child.id)) else {
            return contact;
        };
        match fresh.contacts.iter().position(|id| *id == contact.id) {
            Some(at) => {
                fresh.contacts.remove(at);
            }
            None => fresh.contacts.push(contact.id),
        }
        let action = AuditAction::ChildContacts;
        if self
            .ok(self.store.save_child(&fresh, action, &sig))
            .is_some()
        {
            self.say(self.lang.linked(
                &contact.name,
                &fresh.first_name,
                fresh.contacts.contains(&contact.id),
            ));
            self.reload();
        }
        contact
    }

    /// The card form: empty for a new card (the typed search as its name), or the card's values.
    fn open_contact_form(&mut self, contact: Option<Contact>, typed: &str) {
        let lang = self.lang;
        let c = contact.clone().unwrap_or_else(|| Contact::named(0, typed));
        let helps = [Help::Unknown, Help::AdviceOnly, Help::Referral];
        let help_options = helps
            .iter()
            .map(|h| help_label(lang, *h).to_string())
            .collect();
        let help_index = helps.iter().position(|h| *h == c.help).unwrap_or(0);
        let yes_no = vec![lang.get(T::No).to_string(), lang.get(T::Yes).to_string()];
        let fields = vec![
            Field::text(T::FieldName, &c.name),
            Field::text(T::FieldRoleText, &c.role),
            Field::text(T::FieldOrganisation, &c.organisation),
            Field::text(T::FieldPhones, &phones_text(&c.phones)),
            Field::text(T::FieldEmail, &c.email),
            Field::text(T::FieldAvailability, &c.availability),
            Field::text(T::FieldArea, &c.area),
            Field::text(T::FieldTopics, &c.topics.join(", ")),
            Field::text(T::FieldWhenToCall, &c.when_to_call),
            Field::choice(T::FieldHelp, help_options, help_index),
            Field::choice(T::FieldConsentFirst, yes_no, usize::from(c.consent_first)),
            Field::text(
                T::FieldVerified,
                &c.verified.map(|d| d.to_string()).unwrap_or_default(),
            ),
            Field::text(T::FieldNotes, &c.notes),
        ];
        let (kind, title) = match contact {
            Some(c) => (FormKind::EditContact(Box::new(c)), T::FormEditContact),
            None => (FormKind::AddContact, T::FormAddContact),
        };
        self.popup = Some(Popup::Form(Form::new(kind, title, fields)));
    }

    /// Saves the card form; the name saved, or why not.
    pub(super) fn submit_contact_form(&mut self, form: &Form<FormKind>) -> Result<String, String> {
        let lang = self.lang;
        let original = match &form.kind {
            FormKind::EditContact(c) => (**c).clone(),
            _ => Contact::named(0, ""),
        };
        let text = |i: usize| form.text(i).trim().to_string();
        if text(0).is_empty() {
            return Err(lang.get(T::ErrNameRequired).into());
        }
        let phones = parse_phones(&text(3)).ok_or_else(|| lang.get(T::ErrBadPhone).to_string())?;
        let verified = match text(11) {
            t if t.is_empty() => None,
            t => Some(
                NaiveDate::parse_from_str(&t, "%Y-%m-%d")
                    .map_err(|_| lang.get(T::ErrBadDate).to_string())?,
            ),
        };
        let contact = Contact {
            name: text(0),
            role: text(1),
            organisation: text(2),
            phones,
            email: text(4),
            availability: text(5),
            area: text(6),
            topics: text(7)
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect(),
            when_to_call: text(8),
            help: [Help::Unknown, Help::AdviceOnly, Help::Referral][form.choice(9).min(2)],
            consent_first: form.choice(10) == 1,
            verified,
            notes: text(12),
            ..original
        };
        let saved = self
            .store
            .save_contact(&contact, &self.signature())
            .map_err(|e| self.lang.store_error(&e))?;
        let (group, child) = self.context_of_screen();
        let name = saved.name.clone();
        // The card as saved stays open: what was changed is there to check.
        self.popup = Some(Popup::Card {
            contact: saved,
            group,
            child,
        });
        Ok(name)
    }

    /// After the confirmation: removes the card.
    pub(super) fn remove_contact(&mut self, contact: &Contact) {
        if self
            .ok(self.store.remove_contact(contact.id, &self.signature()))
            .is_some()
        {
            self.say(self.lang.removed(&contact.name));
            self.reload();
        }
    }
}

pub fn help_label(lang: Lang, help: Help) -> &'static str {
    lang.get(match help {
        Help::Unknown => T::HelpUnknown,
        Help::AdviceOnly => T::HelpAdvice,
        Help::Referral => T::HelpReferral,
    })
}

/// "werk: 030-1234567; mobiel: 06-12345678"
fn phones_text(phones: &[Phone]) -> String {
    phones
        .iter()
        .map(|p| match p.label.as_str() {
            "" => p.number.clone(),
            label => format!("{label}: {}", p.number),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The phones typed as "label: number; number; ...". `None` when a part has a label but no
/// number.
fn parse_phones(text: &str) -> Option<Vec<Phone>> {
    text.split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (label, number) = match part.rsplit_once(':') {
                Some((label, number)) => (label.trim(), number.trim()),
                None => ("", part),
            };
            (!number.is_empty()).then(|| Phone {
                label: label.to_string(),
                number: number.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_written_and_read_as_label_and_number() {
        let phones = parse_phones(" werk: 030-1234567 ; 06-12345678;").unwrap();
        assert_eq!(phones.len(), 2);
        assert_eq!(
            (phones[0].label.as_str(), phones[0].number.as_str()),
            ("werk", "030-1234567")
        );
        assert_eq!(
            (phones[1].label.as_str(), phones[1].number.as_str()),
            ("", "06-12345678")
        );
        assert_eq!(phones_text(&phones), "werk: 030-1234567; 06-12345678");
        assert!(parse_phones("werk:").is_none());
        assert_eq!(parse_phones("").unwrap(), Vec::new());
    }
}
