//! Which form to observe with, for a group that uses more than one. Picking one starts a new
//! observation in place of the picker, so Esc from the form goes back to where `o` was pressed.

use super::history::{read_only_update, PICKER_HINTS};
use super::observe::ObserveScreen;
use crate::app::list::{ListView, Row};
use crate::app::{About, Action, AppError, ChildLabel, Component, Ctx, Msg, Outcome, Screen};
use crate::domain::form::FormTemplate;
use crate::domain::{Child, Group};
use crate::i18n::{Lang, T};
use crate::keymap::Context;

#[derive(Debug, Clone)]
pub struct PickFormScreen {
    pub child: Child,
    /// How the person at the keyboard sees the child: its name, or its alias.
    pub label: ChildLabel,
    pub group: Group,
    pub list: ListView<TemplateRow>,
}

/// One template in the form picker.
#[derive(Debug, Clone)]
pub struct TemplateRow {
    pub index: usize,
    pub template: FormTemplate,
}

impl Row for TemplateRow {
    fn id(&self) -> u64 {
        self.index as u64
    }
    fn search_text(&self) -> String {
        format!(
            "{} {} {}",
            self.template.name.nl, self.template.name.en, self.template.id
        )
    }
}

impl PickFormScreen {
    pub fn new(
        (child, label): (Child, ChildLabel),
        group: Group,
        forms: Vec<FormTemplate>,
    ) -> PickFormScreen {
        let rows = forms
            .into_iter()
            .enumerate()
            .map(|(index, template)| TemplateRow { index, template })
            .collect();
        PickFormScreen {
            child,
            label,
            group,
            list: ListView::of(rows),
        }
    }

    fn pick(&self, ctx: &Ctx) -> Result<Outcome, AppError> {
        let Some(row) = self.list.selected() else {
            return Ok(Outcome::Done);
        };
        let (child, group) = (self.child.clone(), self.group.clone());
        let form = ObserveScreen::start(ctx, child, group, row.template.clone())?;
        Ok(Outcome::Replace(Screen::Observe(form)))
    }
}

impl Component for PickFormScreen {
    /// The label anew, for whoever is at the keyboard now (a hand-over).
    fn reload(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        self.label = ctx.child_label(&self.child)?;
        Ok(())
    }

    fn title(&self, lang: Lang) -> String {
        lang.get(T::PickFormTitle).to_string()
    }

    fn screen_contexts(&self) -> Vec<Context> {
        vec![Context::List, Context::Global]
    }

    fn hints(&self) -> &'static [Action] {
        PICKER_HINTS
    }

    fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        // A picker: a list that is only read, where Enter picks.
        match read_only_update(&mut self.list, msg) {
            Outcome::Ignored if *msg == Msg::Action(Action::Open) => self.pick(ctx).into(),
            outcome => outcome,
        }
    }

    fn about(&self) -> About<'_> {
        About::child(&self.child)
    }

    crate::filtered_list!();
}
