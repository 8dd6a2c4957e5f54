//! The trajectory screen's forms: one struct of named fields per form, and the one type its
//! popup holds ([`TrajectoryForm`]).

use chrono::NaiveDate;

use super::{field_label, PlanField};
use crate::app::fields::{Choice, Date, Field, Fields, Form, Text};
use crate::domain::plan::Outcome as Ending;
use crate::domain::{Child, ConsentAnswer, ConsentTo, Id};
use crate::i18n::{Lang, T};

/// The note on a stage.
#[derive(Debug, Clone)]
pub struct NoteForm {
    /// The stage's id in the template.
    pub stage: String,
    pub note: Text,
}

impl Fields for NoteForm {
    fn title(&self) -> T {
        T::FormStageNote
    }
    crate::fields!(note);
}

/// Why the coach stage is ticked although the parents did not consent.
#[derive(Debug, Clone)]
pub struct ReasonForm {
    pub stage: String,
    pub reason: Text,
}

impl Fields for ReasonForm {
    fn title(&self) -> T {
        T::FormCoachWithoutConsent
    }
    fn warning(&self, lang: Lang) -> Option<String> {
        Some(lang.get(T::ConsentWarning).to_string())
    }
    crate::fields!(reason);
}

/// The child's question, the goals or the actions.
#[derive(Debug, Clone)]
pub struct TextEdit {
    pub field: PlanField,
    pub text: Text,
}

impl Fields for TextEdit {
    fn title(&self) -> T {
        field_label(self.field)
    }
    crate::fields!(text);
}

/// The start, the expected end or the review date (the last two may be emptied).
#[derive(Debug, Clone)]
pub struct DateEdit {
    pub field: PlanField,
    pub date: Date,
}

impl Fields for DateEdit {
    fn title(&self) -> T {
        field_label(self.field)
    }
    crate::fields!(date);
}

/// Closing: the outcome and the day.
#[derive(Debug, Clone)]
pub struct CloseForm {
    pub outcome: Choice<Ending>,
    pub date: Date,
}

impl CloseForm {
    /// The outcomes `offered` to choose from, on `proposed`, and the day `today` in the
    /// screen's shape.
    pub fn new(lang: Lang, offered: &[Ending], proposed: Ending, today: NaiveDate) -> CloseForm {
        let outcomes = offered
            .iter()
            .map(|o| (lang.outcome(*o).to_string(), *o))
            .collect();
        CloseForm {
            outcome: Choice::new(T::FieldOutcome, outcomes, |o| *o == proposed),
            date: Date::new(T::FieldCloseDate, lang, Some(today)),
        }
    }
}

impl Fields for CloseForm {
    fn title(&self) -> T {
        T::FormCloseTrajectory
    }
    crate::fields!(outcome, date);
}

/// Who gave the parents' answer on a consent row, asked when one key cannot tell (several
/// guardians with gezag and none recorded before): chosen among the guardians with gezag.
#[derive(Debug, Clone)]
pub struct GiverForm {
    pub to: ConsentTo,
    pub answer: ConsentAnswer,
    pub giver: Choice<String>,
}

impl GiverForm {
    /// The form for `answer` to `to`, the guardians of `child` with gezag to choose from; `None`
    /// when it has none (then nobody can give consent yet).
    pub fn new(child: &Child, to: ConsentTo, answer: ConsentAnswer) -> Option<GiverForm> {
        let names: Vec<(String, String)> = child
            .guardians
            .iter()
            .filter(|g| g.authority)
            .map(|g| (g.name.clone(), g.name.clone()))
            .collect();
        (!names.is_empty()).then(|| GiverForm {
            to,
            answer,
            giver: Choice::new(T::FieldGivenBy, names, |_| false),
        })
    }
}

impl Fields for GiverForm {
    fn title(&self) -> T {
        T::FormConsentGiver
    }
    crate::fields!(giver);
}

/// The observations that prompted the trajectory, typed by their numbers in the list the hint
/// shows: the child's observations the person at the keyboard may see, newest first.
#[derive(Debug, Clone)]
pub struct PromptsForm {
    /// The observations on offer, newest first: each one's id and how the list names it
    /// ("12-10-2026 · Anouk Jansen").
    pub offered: Vec<(Id, String)>,
    pub numbers: Text,
}

impl Fields for PromptsForm {
    fn title(&self) -> T {
        T::FormPromptedBy
    }
    crate::fields!(numbers);
    fn hint(&self, lang: Lang) -> Option<String> {
        let list = self
            .offered
            .iter()
            .enumerate()
            .map(|(i, (_, label))| format!("{}  {label}", i + 1));
        let how = std::iter::once(lang.get(T::PromptsHowTo).to_string());
        Some(list.chain(how).collect::<Vec<_>>().join("\n"))
    }
}

/// The close as checked, asked once more before it is written, with the form as it was typed
/// (back on a "no", or with the reason when the write fails). Boxed: the screens share one
/// enum, sized by its largest.
#[derive(Debug, Clone)]
pub struct Closing {
    pub outcome: Ending,
    pub date: NaiveDate,
    pub form: Box<Form<TrajectoryForm>>,
}

/// The forms of the trajectory screen.
#[derive(Debug, Clone)]
pub enum TrajectoryForm {
    Note(NoteForm),
    Reason(ReasonForm),
    Text(TextEdit),
    Date(DateEdit),
    Close(CloseForm),
    Giver(GiverForm),
    Prompts(PromptsForm),
}

/// `$body` with `$form` bound to the form inside, whichever it is.
macro_rules! inside {
    ($self:expr, $form:ident => $body:expr) => {
        match $self {
            TrajectoryForm::Note($form) => $body,
            TrajectoryForm::Reason($form) => $body,
            TrajectoryForm::Text($form) => $body,
            TrajectoryForm::Date($form) => $body,
            TrajectoryForm::Close($form) => $body,
            TrajectoryForm::Giver($form) => $body,
            TrajectoryForm::Prompts($form) => $body,
        }
    };
}

impl Fields for TrajectoryForm {
    fn title(&self) -> T {
        inside!(self, form => form.title())
    }
    fn fields(&self) -> Vec<&dyn Field> {
        inside!(self, form => form.fields())
    }
    fn fields_mut(&mut self) -> Vec<&mut dyn Field> {
        inside!(self, form => form.fields_mut())
    }
    fn warning(&self, lang: Lang) -> Option<String> {
        inside!(self, form => form.warning(lang))
    }
    fn hint(&self, lang: Lang) -> Option<String> {
        inside!(self, form => form.hint(lang))
    }
}
