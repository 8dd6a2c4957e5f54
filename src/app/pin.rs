//! Setting a PIN: everyone sets or removes their own (`P`); an admin, on the staff screen, that
//! of the person selected, for someone who forgot theirs.

use super::edit::FormKind;
use super::form::{Field, Form};
use super::{App, Popup};
use crate::domain::pin::Pin;
use crate::domain::Staff;
use crate::i18n::T;

impl App {
    pub(super) fn open_pin_form(&mut self) {
        let Some(person) = self.pin_target() else {
            return;
        };
        let fields = vec![
            Field::secret(T::FieldNewPin),
            Field::secret(T::FieldPinAgain),
        ];
        let form = Form::new(FormKind::SetPin(person), T::FormSetPin, fields);
        self.popup = Some(Popup::Form(form));
    }

    /// Whose PIN `P` sets: the person selected on the staff screen (only an admin gets
    /// there), anywhere else your own.
    fn pin_target(&self) -> Option<Staff> {
        match self.screen() {
            super::screen::Screen::Staff(s) => s.selected_person().cloned(),
            _ => self.user.clone(),
        }
    }

    /// Both fields empty removes the PIN; otherwise they must agree and be 4 to 6 digits.
    pub(super) fn submit_pin_form(
        &mut self,
        person: &Staff,
        form: &Form<FormKind>,
    ) -> Result<String, String> {
        let lang = self.lang;
        let (typed, again) = (form.text(0), form.text(1));
        if typed != again {
            return Err(lang.get(T::ErrPinMismatch).to_string());
        }
        let pin = match typed.is_empty() {
            true => None,
            false => Some(Pin::parse(typed).map_err(|_| lang.get(T::ErrPinShape).to_string())?),
        };
        let sig = self.signature();
        self.store
            .set_pin(person.id, pin.as_ref(), &sig)
            .map_err(|e| lang.store_error(&e))?;
        Ok(lang.pin_saved(&person.name, pin.is_some()))
    }
}
