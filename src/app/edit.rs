//! The forms of the screens that are not components yet (a trajectory, a visit, a contact card):
//! their kinds, the app popup's keys, and saving them; and removing a card.

use super::confirm::OnYes;
use super::form::Form;
use super::{Action, App, Popup};
use crate::domain::Id;

#[derive(Debug, Clone)]
pub enum FormKind {
    /// The note on a stage of the shown trajectory.
    StageNote {
        stage: String,
    },
    /// Why the coach stage is ticked without the parents' consent.
    CoachWithoutConsent {
        stage: String,
    },
    /// One field of the shown trajectory.
    TrajectoryField {
        field: super::PlanField,
    },
    CloseTrajectory,
    /// Advice in the shown visit, about a child or (`None`) the group.
    VisitAdvice {
        child: Option<Id>,
    },
    /// A follow-up in the shown visit, about a child or (`None`) the group.
    VisitFollowUp {
        child: Option<Id>,
    },
    /// Closing the shown visit with the date of the next.
    CloseVisit,
    AddContact,
    /// Boxed: a card is much larger than what the other forms hold.
    EditContact(Box<crate::domain::Contact>),
}

#[derive(Debug, Clone)]
pub enum ArchiveTarget {
    /// Contacts are removed, not archived: a card holds no child's data.
    Contact(crate::domain::Contact),
}

impl App {
    pub(super) fn confirm_archive(&mut self, target: Option<ArchiveTarget>) {
        let Some(target) = target else { return };
        let question = match &target {
            ArchiveTarget::Contact(c) => self.lang.confirm_remove(&c.name),
        };
        self.ask(question, OnYes::Archive(target));
    }

    pub(super) fn update_popup(&mut self, popup: Popup, action: Action) {
        let keep = match popup {
            Popup::Help { scroll } => match action {
                Action::Back | Action::Help | Action::Quit => None,
                Action::Up => Some(Popup::Help {
                    scroll: scroll.saturating_sub(1),
                }),
                Action::Down => Some(Popup::Help {
                    scroll: (scroll + 1).min(self.help_max_scroll()),
                }),
                _ => Some(Popup::Help { scroll }),
            },
            Popup::Pin(pin) => {
                self.popup = Some(Popup::Pin(pin));
                return self.update_pin(&super::Msg::Action(action));
            }
            Popup::Lookup(lookup) => return self.update_lookup(lookup, action),
            Popup::Card {
                contact,
                group,
                child,
            } => return self.update_card(contact, group, child, action),
            Popup::Form(mut form) => {
                match action {
                    Action::NextField => form.next_field(),
                    Action::PrevField => form.prev_field(),
                    Action::ChoiceNext => form.cycle(1),
                    Action::ChoicePrev => form.cycle(-1),
                    Action::Back => return,
                    // Closing a trajectory or a visit is asked once more, after the checks.
                    Action::Submit => match self.close_question(&form) {
                        Some(Ok(question)) => return self.ask(question, OnYes::Save(form)),
                        Some(Err(message)) => form.error = Some(message),
                        None => return self.save_popup_form(form),
                    },
                    _ => {}
                }
                Some(Popup::Form(form))
            }
        };
        self.popup = keep;
    }

    /// Saves the form of the popup: said on the status line, or the form stays open with why
    /// not.
    pub(super) fn save_popup_form(&mut self, mut form: Form<FormKind>) {
        match self.submit(&form) {
            Ok(message) => {
                self.reload();
                self.say(message);
            }
            Err(message) => {
                form.error = Some(message);
                self.popup = Some(Popup::Form(form));
            }
        }
    }

    /// The question asked before a form that closes something is saved, once its fields are
    /// valid (or why they are not); `None` for the forms that are saved at once.
    fn close_question(&self, form: &Form<FormKind>) -> Option<Result<String, String>> {
        match form.kind {
            FormKind::CloseTrajectory => Some(self.close_trajectory_question(form)),
            FormKind::CloseVisit => Some(self.close_visit_question(form)),
            _ => None,
        }
    }

    /// Checks and saves a form; what to tell about it, or why not (the form stays open).
    fn submit(&mut self, form: &Form<FormKind>) -> Result<String, String> {
        let name = self.save_form(form)?;
        Ok(self.lang.saved(&name))
    }

    /// Saves a form of a record; the name of what was saved.
    fn save_form(&mut self, form: &Form<FormKind>) -> Result<String, String> {
        match &form.kind {
            FormKind::StageNote { .. }
            | FormKind::CoachWithoutConsent { .. }
            | FormKind::TrajectoryField { .. }
            | FormKind::CloseTrajectory => self.submit_trajectory_form(form),
            FormKind::VisitAdvice { .. }
            | FormKind::VisitFollowUp { .. }
            | FormKind::CloseVisit => self.submit_visit_form(form),
            FormKind::AddContact | FormKind::EditContact(_) => self.submit_contact_form(form),
        }
    }

    pub(super) fn toggle_archived(&mut self, target: ArchiveTarget) {
        match target {
            ArchiveTarget::Contact(contact) => self.remove_contact(&contact),
        }
    }
}
