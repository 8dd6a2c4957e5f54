//! `R` on the groups list: the month of the care-team report (default this month, in the shape
//! of the screen's language; MM-YYYY and YYYY-MM are both taken; a month still to come is
//! refused), then the report is written (`app::reports`).

use crate::app::fields::{Fields, Form, FormStep, Text};
use crate::app::{AppError, Ctx, Msg, Outcome};
use crate::domain::invalid::{not_after_this_month, parse_month};
use crate::i18n::T;

/// The month form.
#[derive(Debug, Clone)]
pub struct MonthForm {
    pub month: Text,
}

impl Fields for MonthForm {
    fn title(&self) -> T {
        T::FormCareTeamReport
    }
    crate::fields!(month);
}

/// The popup with the month form.
#[derive(Debug, Clone)]
pub struct ReportPopup {
    pub form: Form<MonthForm>,
}

impl ReportPopup {
    /// The form on this month.
    pub fn new(ctx: &Ctx) -> ReportPopup {
        let month = ctx.lang.month(ctx.today());
        ReportPopup {
            form: Form::new(MonthForm {
                month: Text::new(T::FieldMonth, &month),
            }),
        }
    }

    /// Typing stays in the form, Esc closes it, Enter writes the report (the popup closes and
    /// the status line names the file) or says under the form why not.
    pub fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        match self.form.update(msg) {
            FormStep::Stay => Outcome::Done,
            FormStep::Cancel => Outcome::ClosePopup,
            FormStep::Submit => match write(ctx, &self.form.fields) {
                Ok(said) => Outcome::ClosePopup.and(said),
                Err(e) => {
                    self.form.error = Some(ctx.lang.error(&e));
                    Outcome::Done
                }
            },
        }
    }
}

fn write(ctx: &Ctx, form: &MonthForm) -> Result<Outcome, AppError> {
    let month = not_after_this_month(parse_month(&form.month.value)?, ctx.today())?;
    crate::app::reports::care_team(ctx, month)
}
