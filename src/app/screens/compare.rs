//! What changed between a child's latest observation and the one before it with the same form
//! (`w`): per item, what appeared, what is no longer seen, and what changed.

use super::history::{read_only_update, READ_ONLY_HINTS};
use crate::app::list::{ListView, Row};
use crate::app::{Action, AppError, ChildLabel, Component, Ctx, Msg, Outcome};
use crate::domain::form::{compare, Change, FormTemplate};
use crate::domain::observation::previous_on_same_form;
use crate::domain::{Child, Observation};
use crate::i18n::Lang;
use crate::keymap::Context;

#[derive(Debug, Clone)]
pub struct CompareScreen {
    pub child: Child,
    /// How the person at the keyboard sees the child: its name, or its alias.
    pub label: ChildLabel,
    /// The template of the latest observation, for the items' wording.
    pub template: FormTemplate,
    pub previous: Observation,
    pub latest: Observation,
    pub list: ListView<ChangeRow>,
}

#[derive(Debug, Clone)]
pub struct ChangeRow {
    pub index: usize,
    pub change: Change,
    pub search: String,
}

impl Row for ChangeRow {
    fn id(&self) -> u64 {
        self.index as u64
    }
    fn search_text(&self) -> String {
        self.search.clone()
    }
}

impl CompareScreen {
    /// The comparison of `child`'s two latest observations with the same form.
    ///
    /// # Errors
    /// [`AppError::NotObservedYet`], [`AppError::OnlyOneObservation`], an unknown template, or
    /// the store's error.
    pub fn open(ctx: &Ctx, child: Child) -> Result<CompareScreen, AppError> {
        // Only what the person at the keyboard may know of the Meldcode (`Ctx::known_*`), and
        // under an alias not the notes of others (`ChildLabel::observations`).
        let label = ctx.child_label(&child)?;
        let observations = ctx.known_observations(ctx.store.observations_of(child.id)?);
        let observations = label.observations(ctx, observations);
        let latest = observations
            .last()
            .cloned()
            .ok_or(AppError::NotObservedYet)?;
        let previous = previous_on_same_form(&observations)
            .cloned()
            .ok_or(AppError::OnlyOneObservation)?;
        let template = ctx
            .catalogue
            .find(&latest.template, latest.version)
            .cloned()
            .ok_or_else(|| AppError::UnknownTemplate(latest.template.clone()))?;
        let lang = ctx.lang;
        let rows = compare(&template, &previous.mark_map(), &latest.mark_map())
            .into_iter()
            .enumerate()
            .map(|(index, change)| {
                let search = template
                    .item(&change.item)
                    .map(|(section, item)| {
                        format!("{} {}", lang.text(&item.text), lang.text(&section.title))
                    })
                    .unwrap_or_else(|| change.item.clone());
                ChangeRow {
                    index,
                    change,
                    search,
                }
            })
            .collect();
        Ok(CompareScreen {
            label,
            child,
            template,
            previous,
            latest,
            list: ListView::of(rows),
        })
    }
}

impl Component for CompareScreen {
    fn title(&self, lang: Lang) -> String {
        lang.action(Action::Compare).to_string()
    }

    fn screen_contexts(&self) -> Vec<Context> {
        vec![Context::List, Context::Global]
    }

    fn hints(&self) -> &'static [Action] {
        READ_ONLY_HINTS
    }

    fn update(&mut self, _ctx: &Ctx, msg: &Msg) -> Outcome {
        read_only_update(&mut self.list, msg)
    }

    /// Compared anew, as whoever is at the keyboard now may know it (a hand-over). Should
    /// that fail (they may know of one observation only), nothing of the rows stays.
    fn reload(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        self.label = ctx.child_label(&self.child)?;
        self.list = ListView::default();
        *self = CompareScreen::open(ctx, self.child.clone())?;
        Ok(())
    }

    fn about(&self) -> crate::app::About<'_> {
        crate::app::About::child(&self.child)
    }

    crate::filtered_list!();
}
