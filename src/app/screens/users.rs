//! "Who are you?": the picker that starts a session. Typing narrows the names at once; Enter
//! picks (and the app asks the PIN of someone who has one). Only on the very first run, with
//! nobody in the database, it offers "+ new staff member": the first person adds themself with
//! the staff form and is signed in.

use super::staff::{staff_form_step, user_rows, StaffForm, StaffModal, UserRow};
use crate::app::fields::Form;
use crate::app::list::{self, ListView};
use crate::app::modal::Modal;
use crate::app::{Action, AppError, Component, Ctx, Msg, Outcome};
use crate::domain::access::Permission;
use crate::domain::Staff;
use crate::i18n::{Lang, T};
use crate::keymap::Context;

#[derive(Debug, Clone)]
pub struct UsersScreen {
    /// Always filtering: typed text is a name.
    pub list: ListView<UserRow>,
    /// The staff form of the first person.
    pub modal: Option<StaffModal>,
}

impl UsersScreen {
    /// The picker with `typed` as the name typed so far (a `--user` nobody has); its rows come
    /// with the first reload.
    pub fn new(typed: &str) -> UsersScreen {
        let mut list = ListView::default();
        list.filter = typed.to_string();
        list.filtering = true;
        UsersScreen { list, modal: None }
    }

    fn pick(&mut self, ctx: &Ctx) -> Result<Outcome, AppError> {
        match self.list.selected() {
            Some(UserRow::Person(staff)) => Ok(Outcome::SignIn(staff.clone())),
            Some(UserRow::New) => {
                // The very first person sets the place up; after that adding people is an
                // admin's job (on the staff screen).
                let first = self.list.items().all(|row| matches!(row, UserRow::New));
                if !first {
                    ctx.permit(Permission::ManageStaff)?;
                }
                let form = StaffForm::add(ctx, &self.list.filter);
                self.modal = Some(Modal::Form(Form::new(form)));
                Ok(Outcome::Done)
            }
            None => Ok(Outcome::Done),
        }
    }

    fn act(&mut self, ctx: &Ctx, action: Action) -> Result<Outcome, AppError> {
        if self.list.move_keys(action) {
            return Ok(Outcome::Done);
        }
        match action {
            Action::Open => self.pick(ctx),
            Action::Back if !self.list.filter.is_empty() => {
                self.list.clear_filter_keep_typing();
                Ok(Outcome::Done)
            }
            // Esc with nothing typed is the way out: it asks, as `q` does, since data is behind it.
            Action::Back => Ok(Outcome::Quit),
            _ => Ok(Outcome::Ignored),
        }
    }
}

impl Component for UsersScreen {
    fn title(&self, lang: Lang) -> String {
        lang.get(T::UsersTitle).to_string()
    }

    fn screen_contexts(&self) -> Vec<Context> {
        vec![Context::Users]
    }

    /// The picker always takes text, so its filter never has the keys: its own do.
    fn contexts(&self) -> Vec<Context> {
        match &self.modal {
            Some(modal) => modal.contexts(),
            None => self.screen_contexts(),
        }
    }

    fn hints(&self) -> &'static [Action] {
        &[Action::Open, Action::Back]
    }

    fn takes_text(&self) -> bool {
        true
    }

    fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        let saved = |staff: Staff| match ctx.user {
            // Nobody was at the keyboard: the one who added themself is now.
            None => Outcome::SignIn(staff),
            Some(_) => Outcome::Reload.and(Outcome::Say(ctx.lang.saved(&staff.name))),
        };
        if let Some(outcome) = staff_form_step(ctx, &mut self.modal, msg, saved) {
            return outcome;
        }
        // Typed text, Backspace and pastes go to the name; the filter's own keys do not apply
        // (Esc would stop the typing).
        if !matches!(msg, Msg::Action(_)) && list::input(&mut self.list, msg) {
            return Outcome::Done;
        }
        match msg {
            Msg::Action(action) => self.act(ctx, *action).into(),
            _ => Outcome::Ignored,
        }
    }

    /// Everyone, and "+ new staff member" only while there is nobody yet.
    fn reload(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        let mut rows = user_rows(ctx)?;
        if rows.iter().any(|row| matches!(row, UserRow::Person(_))) {
            rows.retain(|row| matches!(row, UserRow::Person(_)));
        }
        self.list.set_items(rows);
        Ok(())
    }

    crate::own_popup!();
}
