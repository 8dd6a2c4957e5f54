//! The observation form and the comparison of observations: opening today's form (or a new one),
//! marking and noting items with a flushed write per change, and what changed since last time.

use chrono::{DateTime, FixedOffset};

use super::list::{ListView, Row};
use super::screen::{ChangeRow, CompareScreen, ItemRow, ObserveScreen, PickFormScreen, Screen};
use super::{App, FormKind, Popup};
use crate::app::form::{Field, Form};
use crate::domain::form::{compare, cycle, FormTemplate};
use crate::domain::{Child, Group, Observation};
use crate::i18n::T;

/// Whether the form's latest change reached the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing has been marked on this form yet.
    Nothing,
    /// The last change was written and flushed at this moment.
    Saved(DateTime<FixedOffset>),
    /// The last change could not be written; the screen shows the marks as they are on disk.
    Failed,
}

impl App {
    /// The child the shown screen is about: the selected row of a children list, or the child of
    /// a screen about one child.
    pub(super) fn chosen_child(&self) -> Option<(Child, Group)> {
        let (child, group) = match self.screen() {
            Screen::Children(s) => (&s.list.selected()?.child, &s.group),
            screen => screen.child()?,
        };
        Some((child.clone(), group.clone()))
    }

    /// `o`: today's observation of the child if there is one, else a new one with the group's
    /// form (a picker first when the group uses several).
    pub(super) fn observe(&mut self) {
        let Some((child, group)) = self.chosen_child() else {
            return;
        };
        let Some(observations) = self.ok(self.store.observations_of(child.id)) else {
            return;
        };
        let forms: Vec<FormTemplate> = self
            .catalogue
            .for_group(&group)
            .into_iter()
            .cloned()
            .collect();
        let today = self.today();
        let todays = observations
            .into_iter()
            .rev()
            .find(|o| o.date == today && forms.iter().any(|t| t.id == o.template));
        if let Some(observation) = todays {
            match self
                .catalogue
                .find(&observation.template, observation.version)
            {
                Some(template) => {
                    let template = template.clone();
                    self.open_form_screen(child, group, template, observation, true)
                }
                None => self.complain(self.lang.unknown_template(&observation.template)),
            }
            return;
        }
        match forms.len() {
            0 => self.complain(self.lang.get(T::ErrNoFormForGroup)),
            1 => {
                let template = forms.into_iter().next().expect("one form");
                self.start_observation(child, group, template);
            }
            _ => {
                let list = ListView::of(
                    forms
                        .into_iter()
                        .enumerate()
                        .map(|(index, template)| TemplateRow { index, template })
                        .collect(),
                );
                self.screens
                    .push(Screen::PickForm(PickFormScreen { child, group, list }));
            }
        }
    }

    /// Enter in the form picker: a new observation with the chosen form, in place of the picker.
    pub(super) fn pick_form(&mut self) {
        let Screen::PickForm(s) = self.screen() else {
            return;
        };
        let Some(row) = s.list.selected() else { return };
        let (child, group, template) = (s.child.clone(), s.group.clone(), row.template.clone());
        self.screens.pop();
        self.start_observation(child, group, template);
    }

    /// A new observation, not written until its first mark: a form opened by mistake and left
    /// leaves nothing behind.
    fn start_observation(&mut self, child: Child, group: Group, template: FormTemplate) {
        let Some(id) = self.ok(self.store.new_observation_id()) else {
            return;
        };
        let by = self.signature().by;
        let observation = Observation::new(id, child.id, &template, self.today(), &by);
        self.open_form_screen(child, group, template, observation, false);
    }

    fn open_form_screen(
        &mut self,
        child: Child,
        group: Group,
        template: FormTemplate,
        observation: Observation,
        stored: bool,
    ) {
        let lang = self.lang;
        let rows = template
            .items()
            .enumerate()
            .map(|(index, (section, item))| ItemRow {
                index,
                item: item.id.clone(),
                section: section.id.clone(),
                search: format!("{} {}", lang.text(&item.text), lang.text(&section.title)),
            })
            .collect();
        let list = ListView::of(rows);
        let saved = match stored {
            true => SaveState::Saved(self.latest_change(&observation)),
            false => SaveState::Nothing,
        };
        self.screens.push(Screen::Observe(ObserveScreen {
            child,
            group,
            template,
            observation,
            saved,
            list,
        }));
    }

    /// When an observation last changed, for the "saved" state of a form that is continued.
    fn latest_change(&self, observation: &Observation) -> DateTime<FixedOffset> {
        let marks = observation.marks.iter().map(|m| m.at);
        let notes = observation.notes.iter().map(|n| n.at);
        marks.chain(notes).max().unwrap_or_else(|| self.clock.now())
    }

    /// Space: the selected item's next mark, written and flushed before the screen shows it.
    pub(super) fn mark_selected(&mut self) {
        self.change_selected("observation.mark", |observation, item, by, at| {
            let next = cycle(observation.mark(item));
            observation.set_mark(item, next, by, at);
        });
    }

    /// `n`: a one-field form with the selected item's note.
    pub(super) fn open_note(&mut self) {
        let Some(Screen::Observe(s)) = self.screens.last() else {
            return;
        };
        let Some(row) = s.list.selected() else { return };
        let note = s.observation.note(&row.item).to_string();
        let item = row.item.clone();
        self.popup = Some(Popup::Form(Form::new(
            FormKind::ItemNote { item },
            T::FormNote,
            vec![Field::text(T::FieldNote, &note)],
        )));
    }

    /// Saves a note typed in the note form on `item` of the shown observation.
    pub(super) fn save_note(&mut self, item: &str, note: &str) -> Result<(), String> {
        let item = item.to_string();
        let note = note.to_string();
        self.change_item(&item, "observation.note", |observation, item, by, at| {
            observation.set_note(item, &note, by, at)
        })
    }

    fn change_selected(
        &mut self,
        action: &str,
        change: impl FnOnce(&mut Observation, &str, &str, DateTime<FixedOffset>),
    ) {
        let Some(Screen::Observe(s)) = self.screens.last() else {
            return;
        };
        let Some(item) = s.list.selected().map(|row| row.item.clone()) else {
            return;
        };
        if let Err(message) = self.change_item(&item, action, change) {
            self.complain(message);
        }
    }

    /// Applies `change` to a copy of the shown observation and writes it; only when the write is
    /// flushed does the screen take the copy. On a failed write the screen keeps what is on disk.
    fn change_item(
        &mut self,
        item: &str,
        action: &str,
        change: impl FnOnce(&mut Observation, &str, &str, DateTime<FixedOffset>),
    ) -> Result<(), String> {
        let sig = self.signature();
        let Some(Screen::Observe(s)) = self.screens.last_mut() else {
            return Ok(());
        };
        let mut changed = s.observation.clone();
        change(&mut changed, item, &sig.by, sig.at);
        match self
            .store
            .save_observation(&changed, &s.template, action, item, &sig)
        {
            Ok(()) => {
                s.observation = changed;
                s.saved = SaveState::Saved(sig.at);
                Ok(())
            }
            Err(e) => {
                s.saved = SaveState::Failed;
                Err(self.lang.store_error(&e))
            }
        }
    }

    /// `w`: what changed between the child's latest observation and the one before it with the
    /// same form.
    pub(super) fn open_compare(&mut self) {
        let Some((child, _)) = self.chosen_child() else {
            return;
        };
        let Some(mut observations) = self.ok(self.store.observations_of(child.id)) else {
            return;
        };
        let Some(latest) = observations.pop() else {
            return self.complain(self.lang.get(T::NotObservedYet));
        };
        let Some(previous) = observations
            .into_iter()
            .rev()
            .find(|o| o.template == latest.template)
        else {
            return self.complain(self.lang.get(T::OnlyOneObservation));
        };
        let Some(template) = self
            .catalogue
            .find(&latest.template, latest.version)
            .cloned()
        else {
            return self.complain(self.lang.unknown_template(&latest.template));
        };
        let lang = self.lang;
        let rows = compare(&template, &previous.mark_map(), &latest.mark_map())
            .into_iter()
            .enumerate()
            .map(|(index, change)| {
                let text = template
                    .item(&change.item)
                    .map(|(section, item)| {
                        format!("{} {}", lang.text(&item.text), lang.text(&section.title))
                    })
                    .unwrap_or_else(|| change.item.clone());
                ChangeRow {
                    index,
                    change,
                    search: text,
                }
            })
            .collect();
        let list = ListView::of(rows);
        self.screens.push(Screen::Compare(CompareScreen {
            child,
            template,
            previous,
            latest,
            list,
        }));
    }
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
