//! One contact card, opened from the lookup: the whole card with its phone numbers in full, and
//! what can be done with it (change it in its form, remove it after a `j`/`y`, link it to the
//! child or mark it as serving the group the lookup was opened from).

use crate::app::fields::{Choice, Date, Fields, Form, Text};
use crate::app::modal::{self, Confirm, Modal, Step};
use crate::app::{Action, AppError, Ctx, Msg, Outcome};
use crate::domain::access::{self, Permission};
use crate::domain::contact::{parse_phones, parse_topics, phones_text, Contact, Help};
use crate::domain::{AuditAction, Child, Id, Invalid, Staff};
use crate::i18n::{Lang, T};
use crate::keymap::Context;

/// A card, with its form or the question whether to remove it.
#[derive(Debug, Clone)]
pub struct CardPopup {
    /// The card as stored (a pinned card never edited: as signaal comes with it); `None` while
    /// a new card's form is open for the first time.
    pub contact: Option<Contact>,
    /// The group and child of the screen the lookup was opened from.
    pub group: Option<Id>,
    pub child: Option<Child>,
    /// The card's form, or the question whether to remove the card.
    pub modal: Option<Modal<ContactForm, Contact>>,
    /// On the pinned aandachtsfunctionaris card: the line of every aandachtsfunctionaris among
    /// the staff (`contact::with_leads`), shown with the card's own fields. Empty on any other.
    pub leads: Vec<Contact>,
}

impl CardPopup {
    /// The keys the card offers `user`: only what works here. A pinned card is not removed and
    /// only changed by whoever may; linking needs a child and serving a group a group, from the
    /// screen the lookup was opened on.
    pub fn offers(&self, user: Option<&Staff>) -> Vec<Action> {
        // An aandachtsfunctionaris' line comes from the staff screen: nothing to do with it here.
        if self.contact.as_ref().is_some_and(|c| c.lead.is_some()) {
            return vec![Action::Back];
        }
        let pinned = self.contact.as_ref().is_some_and(|c| c.pinned.is_some());
        let may_edit_pinned =
            user.is_some_and(|u| access::allows(u.role, Permission::EditPinnedCards));
        let offered = [
            (Action::Back, true),
            (Action::Edit, !pinned || may_edit_pinned),
            (Action::Link, self.child.is_some()),
            (Action::ServeGroup, self.group.is_some()),
            (Action::Remove, !pinned),
        ];
        offered
            .into_iter()
            .filter_map(|(action, offered)| offered.then_some(action))
            .collect()
    }
}

/// Adding a card, or changing `editing`.
#[derive(Debug, Clone)]
pub struct ContactForm {
    pub editing: Option<Contact>,
    pub name: Text,
    pub role: Text,
    pub organisation: Text,
    /// "label: number; number; ..."
    pub phones: Text,
    pub email: Text,
    pub availability: Text,
    pub area: Text,
    /// With commas between.
    pub topics: Text,
    pub when_to_call: Text,
    pub help: Choice<Help>,
    pub consent_first: Choice<bool>,
    pub verified: Date,
    pub notes: Text,
}

/// The words for whether a contact gives advice or takes referrals.
pub fn help_label(lang: Lang, help: Help) -> &'static str {
    lang.get(match help {
        Help::Unknown => T::HelpUnknown,
        Help::AdviceOnly => T::HelpAdvice,
        Help::Referral => T::HelpReferral,
    })
}

impl ContactForm {
    /// The form of `editing`, or of a new card named `typed` (what was searched for).
    pub fn new(lang: Lang, editing: Option<Contact>, typed: &str) -> ContactForm {
        let c = editing.clone().unwrap_or_else(|| Contact::named(0, typed));
        let helps = [Help::Unknown, Help::AdviceOnly, Help::Referral]
            .map(|h| (help_label(lang, h).to_string(), h))
            .to_vec();
        let yes_no = vec![
            (lang.get(T::No).to_string(), false),
            (lang.get(T::Yes).to_string(), true),
        ];
        ContactForm {
            name: Text::new(T::FieldName, &c.name),
            role: Text::new(T::FieldRoleText, &c.role),
            organisation: Text::new(T::FieldOrganisation, &c.organisation),
            phones: Text::new(T::FieldPhones, &phones_text(&c.phones)),
            email: Text::new(T::FieldEmail, &c.email),
            availability: Text::new(T::FieldAvailability, &c.availability),
            area: Text::new(T::FieldArea, &c.area),
            topics: Text::new(T::FieldTopics, &c.topics.join(", ")),
            when_to_call: Text::new(T::FieldWhenToCall, &c.when_to_call),
            help: Choice::new(T::FieldHelp, helps, |h| *h == c.help),
            consent_first: Choice::new(T::FieldConsentFirst, yes_no, |v| *v == c.consent_first),
            verified: Date::optional(T::FieldVerified, lang, c.verified),
            notes: Text::note(T::FieldNotes, &c.notes),
            editing,
        }
    }

    /// The card as typed.
    ///
    /// # Errors
    /// A name is required; phones must be "label: number"; the check date must be a date.
    pub fn contact(&self) -> Result<Contact, Invalid> {
        let original = self
            .editing
            .clone()
            .unwrap_or_else(|| Contact::named(0, ""));
        let text = |field: &Text| field.trimmed().to_string();
        Ok(Contact {
            name: self.name.required(Invalid::NameRequired)?,
            role: text(&self.role),
            organisation: text(&self.organisation),
            phones: match (parse_phones(&self.phones.value)?, &original.pinned) {
                // An emergency card without a number helps nobody.
                (phones, Some(_)) if phones.is_empty() => return Err(Invalid::PinnedNeedsNumber),
                (phones, _) => phones,
            },
            email: text(&self.email),
            availability: text(&self.availability),
            area: text(&self.area),
            topics: parse_topics(&self.topics.value),
            when_to_call: text(&self.when_to_call),
            help: self.help.value().copied().unwrap_or_default(),
            consent_first: self.consent_first.value().copied().unwrap_or(false),
            verified: self.verified.value()?,
            notes: text(&self.notes),
            ..original
        })
    }
}

impl Fields for ContactForm {
    fn title(&self) -> T {
        match self.editing {
            Some(_) => T::FormEditContact,
            None => T::FormAddContact,
        }
    }
    crate::fields!(
        name,
        role,
        organisation,
        phones,
        email,
        availability,
        area,
        topics,
        when_to_call,
        help,
        consent_first,
        verified,
        notes
    );
}

impl CardPopup {
    /// The card of `contact`.
    pub fn of(contact: Contact, group: Option<Id>, child: Option<Child>) -> CardPopup {
        CardPopup {
            contact: Some(contact),
            group,
            child,
            modal: None,
            leads: Vec::new(),
        }
    }

    /// The card of `contact` with `leads` to show on it (see [`CardPopup::leads`]).
    pub fn with_leads(self, leads: Vec<Contact>) -> CardPopup {
        CardPopup { leads, ..self }
    }

    /// The form of a new card named `typed`; saved, it becomes the card.
    pub fn adding(lang: Lang, typed: &str, group: Option<Id>, child: Option<Child>) -> CardPopup {
        CardPopup {
            contact: None,
            group,
            child,
            modal: Some(Modal::Form(Form::new(ContactForm::new(lang, None, typed)))),
            leads: Vec::new(),
        }
    }

    pub fn contexts(&self) -> Vec<Context> {
        match &self.modal {
            Some(modal) => modal.contexts(),
            None => vec![Context::Card],
        }
    }

    /// True while its form or question is open.
    pub fn takes_text(&self) -> bool {
        self.modal.is_some()
    }

    pub fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        if let Some(step) = modal::step(&mut self.modal, msg) {
            return self.popup_step(ctx, step);
        }
        match (msg, self.contact.clone()) {
            (Msg::Action(action), Some(contact)) => self.act(ctx, *action, contact).into(),
            _ => Outcome::Done,
        }
    }

    /// Keys on the card: change, remove, link to the child, serve the group, close.
    fn act(&mut self, ctx: &Ctx, action: Action, contact: Contact) -> Result<Outcome, AppError> {
        match action {
            Action::Back => return Ok(Outcome::ClosePopup),
            _ if contact.lead.is_some() => return Err(AppError::LeadLine),
            Action::Edit => {
                if contact.pinned.is_some() {
                    ctx.permit(Permission::EditPinnedCards)?;
                }
                let form = ContactForm::new(ctx.lang, Some(contact), "");
                self.modal = Some(Modal::Form(Form::new(form)));
            }
            Action::Remove => {
                if contact.pinned.is_some() {
                    return Err(AppError::PinnedCard);
                }
                let question = ctx.lang.confirm_remove(&contact.name);
                self.modal = Some(Modal::Confirm(Confirm {
                    question,
                    about: contact,
                }));
            }
            Action::Link => {
                let child = self.child.clone().ok_or(AppError::OpenChildFirst)?;
                return self.toggle_link(ctx, &child, contact);
            }
            Action::ServeGroup => {
                let group = self.group.ok_or(AppError::OpenGroupFirst)?;
                let mut changed = contact;
                match changed.groups.iter().position(|id| *id == group) {
                    Some(at) => {
                        changed.groups.remove(at);
                    }
                    None => changed.groups.push(group),
                }
                self.contact = Some(ctx.store.save_contact(&changed, &ctx.signature())?);
            }
            _ => {}
        }
        Ok(Outcome::Done)
    }

    /// Links the card to the child, or unlinks it; a pinned card that was never edited is stored
    /// first, so that it has an id to link to.
    fn toggle_link(
        &mut self,
        ctx: &Ctx,
        child: &Child,
        contact: Contact,
    ) -> Result<Outcome, AppError> {
        let sig = ctx.signature();
        let contact = match contact.id {
            0 => ctx.store.save_contact(&contact, &sig)?,
            _ => contact,
        };
        self.contact = Some(contact.clone());
        let Some(mut fresh) = ctx.store.child(child.id)? else {
            return Ok(Outcome::Done);
        };
        match fresh.contacts.iter().position(|id| *id == contact.id) {
            Some(at) => {
                fresh.contacts.remove(at);
            }
            None => fresh.contacts.push(contact.id),
        }
        ctx.store
            .save_child(&fresh, AuditAction::ChildContacts, &sig)?;
        let linked = fresh.contacts.contains(&contact.id);
        let said = ctx
            .lang
            .linked(&contact.name, &ctx.child_label(&fresh)?.text, linked);
        Ok(Outcome::Reload.and(Outcome::Say(said)))
    }

    fn popup_step(&mut self, ctx: &Ctx, step: Step<ContactForm, Contact>) -> Outcome {
        let lang = ctx.lang;
        match step {
            Step::Stay | Step::No(_) => Outcome::Done,
            // Esc on a new card's form: there is no card to go back to.
            Step::Closed if self.contact.is_none() => Outcome::ClosePopup,
            Step::Closed => Outcome::Done,
            Step::Yes(contact) => match ctx.store.remove_contact(contact.id, &ctx.signature()) {
                Ok(_) => Outcome::ClosePopup
                    .and(Outcome::Reload)
                    .and(Outcome::Say(lang.removed(&contact.name))),
                Err(e) => Outcome::Fail(e.into()),
            },
            Step::Submit(form) => {
                let saved = form
                    .fields
                    .contact()
                    .map_err(AppError::from)
                    .and_then(|c| Ok(ctx.store.save_contact(&c, &ctx.signature())?));
                match saved {
                    // The card as saved shows: what was changed is there to check.
                    Ok(saved) => {
                        let said = lang.saved(&saved.name);
                        self.contact = Some(saved);
                        Outcome::Reload.and(Outcome::Say(said))
                    }
                    Err(e) => {
                        self.modal = Some(Modal::Form(form.refused(lang.error(&e))));
                        Outcome::Done
                    }
                }
            }
        }
    }
}
