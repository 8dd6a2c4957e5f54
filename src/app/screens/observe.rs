//! A child's observation form: the items of the form, marked with Space (not seen, sometimes,
//! often) and noted with `n`, each change written and flushed before the screen shows it. `o`
//! opens today's observation if there is one, else a new one, which is written only with its
//! first mark; a group that uses several forms gets a picker first (`pick_form.rs`). `W` writes
//! what the parents see of this observation talk (the parents' view), shown in their report.
//!
//! The form shows the items meant for the child's age on the observation day (`min_months`,
//! `max_months` of an item); an item outside it that has a mark or a note the person at the
//! keyboard may know of comes last, under "buiten leeftijd", so nothing written is lost from view
//! (a birth date corrected afterwards, say).

use std::convert::Infallible;

use chrono::{DateTime, FixedOffset};

use super::pick_form::PickFormScreen;
use crate::app::fields::{Fields, Form, Text};
use crate::app::list::{ListView, Row};
use crate::app::modal::{first, First, Modal, Step};
use crate::app::saving::{write_through, SaveState};
use crate::app::screens::compare::CompareScreen;
use crate::app::{About, Action, AppError, ChildLabel, Component, Ctx, Msg, Outcome, Screen};
use crate::domain::access::{self, MeldcodeView};
use crate::domain::form::{cycle, FormTemplate, Mark};
use crate::domain::{AuditAction, Child, Group, Observation, Role, Staff};
use crate::i18n::{Lang, T};
use crate::keymap::Context;

#[derive(Debug, Clone)]
pub struct ObserveScreen {
    pub child: Child,
    /// How the person at the keyboard sees the child: its name, or its alias.
    pub label: ChildLabel,
    pub group: Group,
    /// The exact template version the observation was made with.
    pub template: FormTemplate,
    /// The observation as it is on disk (or, before its first mark, as it will be).
    pub observation: Observation,
    pub saved: SaveState,
    /// The form's items, in form order; filtering finds an item by its words.
    pub list: ListView<ItemRow>,
    /// The note form of an item or the parents' view. There are no questions on this screen.
    pub modal: Option<Modal<NoteForm, Infallible>>,
}

/// One item of the form. `index` is its place in [`FormTemplate::items`].
#[derive(Debug, Clone)]
pub struct ItemRow {
    pub index: usize,
    pub item: String,
    /// The id of the item's section: a filtered form keeps a section's matches together. For an
    /// item outside the child's age it is [`OUTSIDE_AGE`], so those stay together at the end.
    pub section: String,
    pub search: String,
    /// The item is not meant for the child's age on the observation day; it is shown for what
    /// was written on it, under "buiten leeftijd".
    pub outside_age: bool,
}

/// The section of the rows outside the child's age. Section ids in a template cannot hold `~`,
/// so it never meets a real one.
pub const OUTSIDE_AGE: &str = "~outside-age";

impl Row for ItemRow {
    fn id(&self) -> u64 {
        self.index as u64
    }
    fn search_text(&self) -> String {
        self.search.clone()
    }
    fn section(&self) -> Option<&str> {
        Some(&self.section)
    }
}

/// What a note form writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteOn {
    /// The note of an item: its id in the template.
    Item(String),
    /// The parents' view of the whole observation (`Observation::parents_view`).
    ParentsView,
}

impl NoteOn {
    /// The part of the audit target after the observation: the item's id, or `parents_view`.
    fn part(&self) -> &str {
        match self {
            NoteOn::Item(item) => item,
            NoteOn::ParentsView => "parents_view",
        }
    }
}

/// The note of one item, or the parents' view.
#[derive(Debug, Clone)]
pub struct NoteForm {
    pub on: NoteOn,
    pub note: Text,
}

impl Fields for NoteForm {
    fn title(&self) -> T {
        match self.on {
            NoteOn::Item(_) => T::FormNote,
            NoteOn::ParentsView => T::FieldParentsView,
        }
    }
    crate::fields!(note);
}

impl ObserveScreen {
    /// `o` on a child: today's observation with one of the group's forms if there is one, else a
    /// new one with the group's form, or the picker when the group uses several.
    ///
    /// # Errors
    /// [`AppError::NoFormForGroup`], an unknown template, or the store's error.
    pub fn open(ctx: &Ctx, child: Child, group: Group) -> Result<Screen, AppError> {
        let forms: Vec<FormTemplate> = ctx
            .catalogue
            .for_group(&group)
            .into_iter()
            .cloned()
            .collect();
        let today = ctx.today();
        let label = ctx.child_label(&child)?;
        // Today's observation the reader may know of: one wholly hidden from them (a
        // colleague's Meldcode marks only) is not theirs to add to. Their marks start one of
        // their own, so nothing shows them that, or by whom, something was recorded today.
        let todays = ctx
            .store
            .observations_of(child.id)?
            .into_iter()
            .rev()
            .filter(|o| o.date == today && forms.iter().any(|t| t.id == o.template))
            .find(|o| {
                let template = ctx.catalogue.find(&o.template, o.version);
                access::visible_observation(ctx.user, o.clone(), template).is_some()
            });
        if let Some(observation) = todays {
            let template = ctx
                .catalogue
                .find(&observation.template, observation.version)
                .cloned()
                .ok_or_else(|| AppError::UnknownTemplate(observation.template.clone()))?;
            let saved = SaveState::Saved(latest_change(&observation, ctx.now()));
            return Ok(Screen::Observe(Self::of(
                ctx,
                (child, label),
                group,
                template,
                observation,
                saved,
            )));
        }
        let mut forms = forms.into_iter();
        match (forms.next(), forms.next()) {
            (None, _) => Err(AppError::NoFormForGroup),
            (Some(template), None) => Self::start(ctx, child, group, template).map(Screen::Observe),
            (Some(first), Some(second)) => {
                let all = [first, second].into_iter().chain(forms).collect();
                Ok(Screen::PickForm(PickFormScreen::new(
                    (child, label),
                    group,
                    all,
                )))
            }
        }
    }

    /// A new observation with `template`, not written until its first mark: a form opened by
    /// mistake and left leaves nothing behind.
    ///
    /// # Errors
    /// When the store cannot hand out an id.
    pub fn start(
        ctx: &Ctx,
        child: Child,
        group: Group,
        template: FormTemplate,
    ) -> Result<ObserveScreen, AppError> {
        let id = ctx.store.new_observation_id()?;
        let by = ctx.signature().by;
        let observation = Observation::new(id, child.id, &template, ctx.today(), &by);
        let label = ctx.child_label(&child)?;
        Ok(Self::of(
            ctx,
            (child, label),
            group,
            template,
            observation,
            SaveState::Nothing,
        ))
    }

    /// Handed over to someone from whom the open observation is wholly hidden (a colleague's
    /// Meldcode marks only, `access::visible_observation`): the form becomes a new one of
    /// theirs, not written until its first mark, as `open` would give them.
    ///
    /// # Errors
    /// When the store cannot hand out an id.
    fn start_over_if_hidden(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        let observation = self.observation.clone();
        if access::visible_observation(ctx.user, observation, Some(&self.template)).is_some() {
            return Ok(());
        }
        let id = ctx.store.new_observation_id()?;
        let by = ctx.signature().by;
        self.observation = Observation::new(id, self.child.id, &self.template, ctx.today(), &by);
        self.saved = SaveState::Nothing;
        Ok(())
    }

    fn of(
        ctx: &Ctx,
        (child, label): (Child, ChildLabel),
        group: Group,
        template: FormTemplate,
        observation: Observation,
        saved: SaveState,
    ) -> ObserveScreen {
        let mut screen = ObserveScreen {
            child,
            label,
            group,
            template,
            observation,
            saved,
            list: ListView::default(),
            modal: None,
        };
        screen.list.set_items(screen.rows(ctx.lang, ctx.user));
        screen
    }

    /// The child's age in whole months on the observation day; `None` when the birth date lies
    /// after it (a typo), and then every item is shown.
    pub fn age_in_months(&self) -> Option<u32> {
        let age = self.child.age_on(self.observation.date)?;
        Some(age.in_months())
    }

    /// The form's rows for `user`: the items for the child's age in form order, then those
    /// outside it on which `user` may see a mark or a note.
    fn rows(&self, lang: Lang, user: Option<&Staff>) -> Vec<ItemRow> {
        let age = self.age_in_months();
        let written = |item: &str| {
            self.mark_for(item, user).is_some() || !self.note_for(item, user).is_empty()
        };
        let (mut rows, outside): (Vec<ItemRow>, Vec<ItemRow>) = self
            .template
            .items()
            .enumerate()
            .map(|(index, (section, item))| {
                let outside_age = age.is_some_and(|months| !item.fits_age(months));
                ItemRow {
                    index,
                    item: item.id.clone(),
                    section: match outside_age {
                        true => OUTSIDE_AGE.to_string(),
                        false => section.id.clone(),
                    },
                    search: format!("{} {}", lang.text(&item.text), lang.text(&section.title)),
                    outside_age,
                }
            })
            .filter(|row| !row.outside_age || written(&row.item))
            .partition(|row| !row.outside_age);
        rows.extend(outside);
        rows
    }

    /// What `user` (who is at the keyboard) may know of what is written on `item`
    /// (`access::item_view`); everything of an item the form lacks.
    pub fn item_view(&self, item: &str, user: Option<&Staff>) -> MeldcodeView {
        let by = self.observation.written_by(item);
        self.template
            .item(item)
            .map_or(MeldcodeView::Details, |(_, flagged)| {
                access::item_view(user, flagged, by)
            })
    }

    /// The mark on `item` as `user` may know it: none when they may know nothing of it, so a
    /// hidden mark looks to them exactly like an item nobody marked.
    pub fn mark_for(&self, item: &str, user: Option<&Staff>) -> Option<Mark> {
        match self.item_view(item, user) {
            MeldcodeView::Nothing => None,
            _ => self.observation.mark(item),
        }
    }

    /// The note on `item` as `user` may read it: none when they may know nothing of it; under
    /// an alias only their own, for staff write the child's name in notes.
    pub fn note_for(&self, item: &str, user: Option<&Staff>) -> &str {
        let by = self.observation.written_by(item);
        let own = by.is_some_and(|by| user.is_some_and(|u| u.name == by));
        let nothing = self.item_view(item, user) == MeldcodeView::Nothing;
        match nothing || (self.label.anonymous() && !own) {
            true => "",
            false => self.observation.note(item),
        }
    }

    fn selected_item(&self) -> Option<String> {
        self.list.selected().map(|row| row.item.clone())
    }

    /// Applies `change` to `item` of the observation, written and flushed before it shows.
    fn change(
        &mut self,
        ctx: &Ctx,
        item: &str,
        action: AuditAction,
        change: impl FnOnce(&mut Observation, &str, &str, DateTime<FixedOffset>),
    ) -> Result<(), AppError> {
        let sig = ctx.signature();
        let template = &self.template;
        write_through(
            &mut self.observation,
            &mut self.saved,
            sig.at,
            |observation| {
                change(observation, item, &sig.by, sig.at);
                Ok(())
            },
            |changed| {
                ctx.store
                    .save_observation(changed, template, action, item, &sig)
            },
        )
    }

    /// The selected item, refused when it is Meldcode-flagged and the person at the keyboard is
    /// a coach (`access::writes_meldcode_items`) or someone else wrote on it that they may not
    /// know of (`access::item_view`).
    fn writable_item(&self, ctx: &Ctx) -> Result<Option<String>, AppError> {
        let Some(item) = self.selected_item() else {
            return Ok(None);
        };
        let by = self.observation.written_by(&item);
        if let Some((_, flagged)) = self.template.item(&item) {
            // The coach is told only who may, whatever is written there.
            let role = ctx.user.map(|u| u.role);
            if flagged.meldcode && !role.is_some_and(access::writes_meldcode_items) {
                let may = Role::ALL
                    .into_iter()
                    .filter(|r| access::writes_meldcode_items(*r));
                return Err(AppError::OnlyFor(may.collect()));
            }
            if access::item_view(ctx.user, flagged, by) != MeldcodeView::Details {
                return Err(AppError::HiddenMark);
            }
        }
        Ok(Some(item))
    }

    fn act(&mut self, ctx: &Ctx, action: Action) -> Result<Outcome, AppError> {
        match action {
            // Space: the selected item's next mark.
            Action::Mark => {
                if let Some(item) = self.writable_item(ctx)? {
                    self.change(
                        ctx,
                        &item,
                        AuditAction::ObservationMark,
                        |observation, item, by, at| {
                            let next = cycle(observation.mark(item));
                            observation.set_mark(item, next, by, at);
                        },
                    )?;
                }
            }
            Action::Note => {
                if let Some(item) = self.writable_item(ctx)? {
                    // Under an alias someone else's note is neither shown nor overwritten.
                    let shown = self.note_for(&item, ctx.user);
                    if shown != self.observation.note(&item) {
                        return Err(AppError::Anonymous);
                    }
                    let note = Text::note(T::FieldNote, shown);
                    let on = NoteOn::Item(item);
                    self.modal = Some(Modal::Form(Form::new(NoteForm { on, note })));
                }
            }
            Action::ParentsView => {
                let note = Text::note(T::FieldParentsView, &self.observation.parents_view);
                let on = NoteOn::ParentsView;
                self.modal = Some(Modal::Form(Form::new(NoteForm { on, note })));
            }
            Action::Compare => {
                let compare = CompareScreen::open(ctx, self.child.clone())?;
                return Ok(Outcome::Push(Screen::Compare(compare)));
            }
            Action::Back => return Ok(Outcome::Pop),
            _ => return Ok(Outcome::Ignored),
        }
        Ok(Outcome::Done)
    }

    fn popup_step(&mut self, ctx: &Ctx, step: Step<NoteForm, Infallible>) -> Outcome {
        match step {
            Step::Stay | Step::Closed => Outcome::Done,
            Step::Yes(never) | Step::No(never) => match never {},
            Step::Submit(form) => {
                let NoteForm { on, note } = &form.fields;
                let text = note.value.clone();
                // The parents' view is audited as the notes are.
                let saved = self.change(
                    ctx,
                    on.part(),
                    AuditAction::ObservationNote,
                    |observation, part, by, at| match on {
                        NoteOn::Item(_) => observation.set_note(part, &text, by, at),
                        NoteOn::ParentsView => observation.parents_view = text.trim().to_string(),
                    },
                );
                let label = match on {
                    NoteOn::Item(_) => T::FieldNote,
                    NoteOn::ParentsView => T::FieldParentsView,
                };
                match saved {
                    Ok(()) => Outcome::Say(ctx.lang.saved(ctx.lang.get(label))),
                    Err(e) => {
                        self.modal = Some(Modal::Form(form.refused(ctx.lang.error(&e))));
                        Outcome::Done
                    }
                }
            }
        }
    }
}

/// When an observation last changed, for the "saved" state of a form that is continued.
fn latest_change(observation: &Observation, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let marks = observation.marks.iter().map(|m| m.at);
    let notes = observation.notes.iter().map(|n| n.at);
    marks.chain(notes).max().unwrap_or(now)
}

impl Component for ObserveScreen {
    /// The label anew, for whoever is at the keyboard now (a hand-over); the observation
    /// stays as it is on the screen.
    fn reload(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        self.label = ctx.child_label(&self.child)?;
        self.start_over_if_hidden(ctx)?;
        // What of the items outside the child's age shows depends on who may see it.
        self.list.set_items(self.rows(ctx.lang, ctx.user));
        Ok(())
    }

    fn title(&self, lang: Lang) -> String {
        lang.get(T::CtxObservation).to_string()
    }

    fn screen_contexts(&self) -> Vec<Context> {
        vec![Context::Observation, Context::List, Context::Global]
    }

    fn hints(&self) -> &'static [Action] {
        use Action::*;
        &[Mark, Note, Back, Filter, Help, Quit, Compare, ParentsView]
    }

    fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        match first(&mut self.modal, Some(&mut self.list), msg) {
            First::Popup(step) => self.popup_step(ctx, step),
            First::Action(action) => self.act(ctx, action).into(),
            First::Taken => Outcome::Done,
            First::NotMine => Outcome::Ignored,
        }
    }

    fn about(&self) -> About<'_> {
        About::child(&self.child)
    }

    crate::own_popup!();

    crate::filtered_list!();
}
