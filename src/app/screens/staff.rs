//! The staff screen, an admin's: who works here, in which role, on which groups, and whether they
//! have a PIN. Adding someone and changing their name, role or groups start here; `P` sets the
//! PIN of the person selected (for someone who forgot theirs). The staff form is also how the
//! very first person adds themself (`users.rs`). `L` makes the person selected the
//! aandachtsfunctionaris (safeguarding lead), or no longer; the list marks who is.

use crate::app::popups::pin::PinPopup;
use crate::app::screens::growth::GrowthScreen;
use crate::app::Popup;
use std::convert::Infallible;

use crate::app::fields::{Choice, Fields, Form, Text};
use crate::app::list::{self, ListView, Row};
use crate::app::modal::{self, Modal, Step};
use crate::app::{Action, AppError, Component, Ctx, Msg, Outcome};
use crate::domain::access;
use crate::domain::group::{ids_named, names_of};
use crate::domain::staff::check_role_change;
use crate::domain::{Group, Id, Invalid, Role, Staff};
use crate::i18n::{Lang, T};
use crate::keymap::Context;
use crate::store::Result as StoreResult;

/// The staff screen: everyone, with what the rows show besides the record.
#[derive(Debug, Clone, Default)]
pub struct StaffScreen {
    pub list: ListView<UserRow>,
    /// Every group, to name the ones a person is linked to.
    pub groups: Vec<Group>,
    /// Who has a PIN.
    pub pins: Vec<Id>,
    /// The staff form.
    pub modal: Option<StaffModal>,
}

/// The popup of a screen with the staff form. There are no questions.
pub type StaffModal = Modal<StaffForm, Infallible>;

/// A row of a list of people: someone, or "+ new staff member".
#[derive(Debug, Clone)]
pub enum UserRow {
    Person(Staff),
    /// "+ new staff member": always offered, whatever is typed.
    New,
}

impl Row for UserRow {
    fn id(&self) -> u64 {
        match self {
            UserRow::Person(staff) => staff.id,
            UserRow::New => u64::MAX,
        }
    }
    fn search_text(&self) -> String {
        match self {
            UserRow::Person(staff) => staff.name.clone(),
            UserRow::New => String::new(),
        }
    }
    fn pinned(&self) -> bool {
        matches!(self, UserRow::New)
    }
}

/// Everyone, then "+ new staff member".
///
/// # Errors
/// When the staff cannot be read.
pub fn user_rows(ctx: &Ctx) -> StoreResult<Vec<UserRow>> {
    let mut rows: Vec<UserRow> = ctx
        .store
        .staff()?
        .into_iter()
        .map(UserRow::Person)
        .collect();
    rows.push(UserRow::New);
    Ok(rows)
}

/// Adding a staff member, or editing `editing`. Groups are typed by name, separated by commas.
#[derive(Debug, Clone)]
pub struct StaffForm {
    pub editing: Option<Staff>,
    pub name: Text,
    pub role: Choice<Role>,
    pub groups: Text,
    /// A number to reach them on; the pinned aandachtsfunctionaris card shows a lead's.
    pub phone: Text,
}

impl Fields for StaffForm {
    fn title(&self) -> T {
        match self.editing {
            Some(_) => T::FormEditStaff,
            None => T::FormAddStaff,
        }
    }
    crate::fields!(name, role, groups, phone);
}

impl StaffForm {
    /// The form for a new person, `typed` as their name (what was typed in the picker). The
    /// first person sets the place up, so they are its admin unless they say otherwise; after
    /// them a new person is most likely a pedagogisch medewerker.
    pub fn add(ctx: &Ctx, typed: &str) -> StaffForm {
        let role = match ctx.user {
            None => Role::Admin,
            Some(_) => Role::Staff,
        };
        StaffForm {
            editing: None,
            name: Text::new(T::FieldName, typed),
            role: role_choice(ctx.lang, role),
            groups: Text::new(T::FieldGroups, ""),
            phone: Text::new(T::FieldStaffPhone, ""),
        }
    }

    /// The form for `person`, their groups named.
    ///
    /// # Errors
    /// When the groups cannot be read.
    pub fn edit(ctx: &Ctx, person: Staff) -> Result<StaffForm, AppError> {
        let groups = names_of(&person.groups, &ctx.store.groups()?);
        Ok(StaffForm {
            name: Text::new(T::FieldName, &person.name),
            role: role_choice(ctx.lang, person.role),
            groups: Text::new(T::FieldGroups, &groups),
            phone: Text::new(T::FieldStaffPhone, &person.phone),
            editing: Some(person),
        })
    }

    /// Checks and saves the form; the person as saved. The very first person signs their own
    /// entry: nobody else is there yet.
    ///
    /// # Errors
    /// No name, an unknown group, the last admin losing the role, a name already taken, or the
    /// store's error.
    pub fn save(&self, ctx: &Ctx) -> Result<Staff, AppError> {
        let name = self.name.required(Invalid::NameRequired)?;
        let role = self.role.value().copied().unwrap_or(Role::Staff);
        let groups = ids_named(&self.groups.value, &ctx.store.groups()?)?;
        let phone = self.phone.trimmed().to_string();
        // A number holds digits: "x" is no number to call in a hurry.
        if !phone.is_empty() && !phone.bytes().any(|b| b.is_ascii_digit()) {
            return Err(Invalid::BadPhone.into());
        }
        let mut sig = ctx.signature();
        match &self.editing {
            Some(person) => {
                check_role_change(person, role, &ctx.store.staff()?)?;
                // A lead who becomes the (outside) coach is no longer the aandachtsfunctionaris.
                let lead = person.safeguarding_lead && access::may_be_safeguarding_lead(role);
                let changed = Staff {
                    name,
                    role,
                    groups,
                    phone,
                    safeguarding_lead: lead,
                    ..person.clone()
                };
                Ok(ctx.store.update_staff(&changed, &sig)?)
            }
            None => {
                if ctx.user.is_none() {
                    sig.by = name.clone();
                }
                let person = Staff {
                    id: 0,
                    name,
                    role,
                    groups,
                    safeguarding_lead: false,
                    phone,
                };
                Ok(ctx.store.add_person(&person, &sig)?)
            }
        }
    }
}

/// Hands a message to the open staff form, if there is one (`None`: there is none). A submitted
/// form is saved, and `saved` says what then happens; refused, it opens again saying why.
pub fn staff_form_step(
    ctx: &Ctx,
    modal: &mut Option<StaffModal>,
    msg: &Msg,
    saved: impl FnOnce(Staff) -> Outcome,
) -> Option<Outcome> {
    let outcome = match modal::step(modal, msg)? {
        Step::Submit(form) => match form.fields.save(ctx) {
            Ok(staff) => saved(staff),
            Err(e) => {
                *modal = Some(Modal::Form(form.refused(ctx.lang.error(&e))));
                Outcome::Done
            }
        },
        Step::Yes(never) => match never {},
        Step::Stay | Step::Closed => Outcome::Done,
    };
    Some(outcome)
}

/// The role choice of the staff form, on `role`.
fn role_choice(lang: Lang, role: Role) -> Choice<Role> {
    let roles = Role::ALL
        .iter()
        .map(|r| (lang.role(*r).to_string(), *r))
        .collect();
    Choice::new(T::FieldRole, roles, |r| *r == role)
}

impl StaffScreen {
    /// The person selected (not "+ new").
    pub fn selected_person(&self) -> Option<&Staff> {
        match self.list.selected() {
            Some(UserRow::Person(p)) => Some(p),
            _ => None,
        }
    }

    fn act(&mut self, ctx: &Ctx, action: Action) -> Result<Outcome, AppError> {
        ctx.permit_action(Context::Staff, action)?;
        let form = match (action, self.selected_person()) {
            (Action::Back, _) => return Ok(Outcome::Pop),
            (Action::Edit | Action::Open, Some(person)) => StaffForm::edit(ctx, person.clone())?,
            (Action::Add | Action::Edit | Action::Open, _) => StaffForm::add(ctx, ""),
            // `P` sets the PIN of the person selected, who forgot theirs.
            (Action::Pin, Some(person)) => {
                let pin = PinPopup::new(person.clone());
                return Ok(Outcome::Popup(Popup::Pin(Box::new(pin))));
            }
            (Action::SafeguardingLead, Some(person)) => return toggle_lead(ctx, person),
            // `A`: the coaching the person selected received.
            (Action::Coaching, Some(person)) => {
                return GrowthScreen::open(ctx, person.clone()).map(Outcome::Push);
            }
            _ => return Ok(Outcome::Ignored),
        };
        self.modal = Some(Modal::Form(Form::new(form)));
        Ok(Outcome::Done)
    }
}

/// Makes `person` aandachtsfunctionaris, or no longer (`L`); a coach cannot be one. The status
/// line says which; the person at the keyboard changing themself reads the Meldcode as lead (or
/// no longer) from now on.
fn toggle_lead(ctx: &Ctx, person: &Staff) -> Result<Outcome, AppError> {
    let lead = !person.safeguarding_lead;
    if lead && !access::may_be_safeguarding_lead(person.role) {
        return Err(Invalid::CoachAsLead.into());
    }
    let saved = ctx
        .store
        .set_safeguarding_lead(person, lead, &ctx.signature())?;
    let said = ctx
        .lang
        .lead_status(&saved.name, lead, !saved.phone.trim().is_empty());
    let outcome = Outcome::Reload.and(Outcome::Say(said));
    Ok(match ctx.user.is_some_and(|u| u.id == saved.id) {
        true => outcome.and(Outcome::UserChanged(saved)),
        false => outcome,
    })
}

impl Component for StaffScreen {
    fn title(&self, lang: Lang) -> String {
        lang.get(T::StaffTitle).to_string()
    }

    fn screen_contexts(&self) -> Vec<Context> {
        vec![Context::Staff, Context::List, Context::Global]
    }

    fn hints(&self) -> &'static [Action] {
        use Action::*;
        &[
            Edit,
            Add,
            Pin,
            SafeguardingLead,
            Coaching,
            Back,
            Filter,
            Help,
        ]
    }

    fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        let saved = |saved: Staff| {
            let me = ctx.user.is_some_and(|u| u.id == saved.id);
            let said = Outcome::Reload.and(Outcome::Say(ctx.lang.saved(&saved.name)));
            // The person at the keyboard edited themself: the role and groups count from now on.
            match me {
                true => said.and(Outcome::UserChanged(saved)),
                false => said,
            }
        };
        if let Some(outcome) = staff_form_step(ctx, &mut self.modal, msg, saved) {
            return outcome;
        }
        if list::input(&mut self.list, msg) {
            return Outcome::Done;
        }
        match msg {
            Msg::Action(action) => self.act(ctx, *action).into(),
            _ => Outcome::Ignored,
        }
    }

    fn reload(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        let rows = user_rows(ctx)?;
        let mut pins = Vec::new();
        for row in &rows {
            if let UserRow::Person(p) = row {
                if ctx.store.has_pin(p.id)? {
                    pins.push(p.id);
                }
            }
        }
        self.list.set_items(rows);
        self.groups = ctx.store.groups()?;
        self.pins = pins;
        Ok(())
    }

    fn admin_only(&self) -> bool {
        true
    }

    crate::own_popup!();

    crate::filtered_list!();
}
