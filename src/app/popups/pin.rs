//! Setting a PIN (`P`): everyone sets or removes their own; an admin, on the staff screen, that
//! of the person selected, for someone who forgot theirs. The PIN typed twice is checked by
//! `domain::pin::new_pin`; both fields empty removes the PIN.

use crate::app::fields::{Fields, Form, FormStep, Text};
use crate::app::{AppError, Ctx, Msg, Outcome};
use crate::domain::pin::new_pin;
use crate::domain::Staff;
use crate::i18n::T;

/// The PIN form: whose PIN, and the new one typed twice (drawn as dots).
#[derive(Debug, Clone)]
pub struct PinForm {
    pub person: Staff,
    pub pin: Text,
    pub again: Text,
}

impl Fields for PinForm {
    fn title(&self) -> T {
        T::FormSetPin
    }
    crate::fields!(pin, again);
}

/// The popup with the PIN form of `person`.
#[derive(Debug, Clone)]
pub struct PinPopup {
    pub form: Form<PinForm>,
}

impl PinPopup {
    pub fn new(person: Staff) -> PinPopup {
        PinPopup {
            form: Form::new(PinForm {
                person,
                pin: Text::secret(T::FieldNewPin),
                again: Text::secret(T::FieldPinAgain),
            }),
        }
    }

    /// Handles a message: typing and moving stay in the form, Esc closes it, Enter saves it (the
    /// popup closes, the screen reloads and the status line says so) or says under it why not.
    pub fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        match self.form.update(msg) {
            FormStep::Stay => Outcome::Done,
            FormStep::Cancel => Outcome::ClosePopup,
            FormStep::Submit => match save(ctx, &self.form.fields) {
                Ok(said) => Outcome::ClosePopup
                    .and(Outcome::Reload)
                    .and(Outcome::Say(said)),
                Err(e) => {
                    self.form.error = Some(ctx.lang.error(&e));
                    Outcome::Done
                }
            },
        }
    }
}

/// Sets or removes the PIN; what to say about it.
fn save(ctx: &Ctx, form: &PinForm) -> Result<String, AppError> {
    let pin = new_pin(&form.pin.value, &form.again.value)?;
    ctx.store
        .set_pin(form.person.id, pin.as_ref(), &ctx.signature())?;
    Ok(ctx.lang.pin_saved(&form.person.name, pin.is_some()))
}
