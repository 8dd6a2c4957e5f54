//! The coach visit of a group: who may lead one, starting or continuing it (a new visit starts
//! from the previous one's open follow-ups), the children in the order they need the coach,
//! advice tagged with competencies, follow-ups with a due date, and closing with the date of the
//! next visit (asked once more, `j`/`y`, before it is written). Every change is one flushed write
//! of the whole visit before the screen shows it (`saving::write_through`).

use crate::app::screens::ChildScreen;
use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::app::fields::{Date, Field, Fields, Form, Text};
use crate::app::list::{ListView, Row};
use crate::app::modal::{first, Confirm, First, Modal, Step};
use crate::app::saving::{write_through, SaveState};
use crate::app::{About, Action, AppError, ChildLabel, Component, Ctx, Msg, Outcome, Screen};
use crate::domain::access::{allows, Permission};
use crate::domain::named::staff_named;
use crate::domain::plan::Trajectory;
use crate::domain::visit::attention::{rank, ChildRecord, Reason, Setting};
use crate::domain::visit::{
    not_past, weeks_after, Advice, Competency, FollowUp, Visit, Written, FOLLOW_UP_WEEKS,
};
use crate::domain::{AuditAction, Child, Group, Id, Invalid, Observation, Role, Staff};
use crate::i18n::{Lang, T};
use crate::keymap::Context;
use crate::store::Signature;

/// Whether this person leads a visit (writes advice and follow-ups, closes it) or only reads
/// the latest one. The one place the visit screen decides it.
pub fn may_lead_visit(user: Option<&Staff>) -> bool {
    user.is_some_and(|u| allows(u.role, Permission::LeadVisit))
}

#[derive(Debug, Clone)]
pub struct VisitScreen {
    pub group: Group,
    /// The visit as it is on disk; a new one is written with its first change (until then
    /// `saved` is `SaveState::Nothing`).
    pub visit: Visit,
    /// The group's visit before this one: what changed is measured from its date.
    pub previous: Option<Visit>,
    /// The group's children (not archived) in the order the coach goes through them.
    pub children: Vec<VisitChild>,
    pub saved: SaveState,
    pub list: ListView<VisitRow>,
    /// Whether the person at the keyboard may lead a visit, as of the last reload (a hand-over
    /// reloads): the footer offers the coach's keys only then.
    pub lead: bool,
    /// One of the visit's forms, or the question whether to close it.
    pub modal: Option<Modal<VisitForm, VisitQuestion>>,
    /// Who works on the group (everyone linked to it but a coach), as of the last reload: whom
    /// an advice can be for.
    pub staff: Vec<Staff>,
}

/// A child of the visited group with what the visit screen shows of it.
#[derive(Debug, Clone)]
pub struct VisitChild {
    pub child: Child,
    /// How the person at the keyboard sees it: its name, or (a coach without the parents'
    /// consent) its alias.
    pub label: ChildLabel,
    pub reasons: Vec<Reason>,
    /// Oldest first.
    pub observations: Vec<Observation>,
    pub trajectories: Vec<Trajectory>,
}

#[derive(Debug, Clone)]
pub struct VisitRow {
    pub part: VisitPart,
    /// Stable across reloads (a follow-up added, the children ranked anew), so the selection
    /// stays on its record.
    pub key: u64,
    pub search: String,
}

/// What a row of the visit screen is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitPart {
    /// A follow-up of the visit, by its place in `follow_ups`.
    FollowUp(usize),
    /// A child, by its place in [`VisitScreen::children`].
    Child(usize),
    /// The group as a whole.
    Group,
    /// An advice of this visit, by its place in `notes`.
    Advice(usize),
}

impl Row for VisitRow {
    fn id(&self) -> u64 {
        self.key
    }
    fn search_text(&self) -> String {
        self.search.clone()
    }
}

/// The visit's forms.
#[derive(Debug, Clone)]
pub enum VisitForm {
    Advice(AdviceForm),
    FollowUp(FollowUpForm),
    Close(CloseForm),
}

/// Advice about a child or (`about: None`) the group, tagged with competencies typed as digits,
/// for the staff members typed by name (the group's, separated by commas).
#[derive(Debug, Clone)]
pub struct AdviceForm {
    pub about: Option<Id>,
    /// The advice corrected (its place in `notes`); `None` for a new one.
    pub editing: Option<usize>,
    pub advice: Text,
    pub competencies: Text,
    pub with: Text,
    /// The group's staff, named in the hint.
    pub staff: Vec<String>,
}

/// A follow-up about a child or (`about: None`) the group, with its due date.
#[derive(Debug, Clone)]
pub struct FollowUpForm {
    pub about: Option<Id>,
    /// The follow-up corrected (its place in `follow_ups`); `None` for a new one.
    pub editing: Option<usize>,
    pub agreed: Text,
    pub due: Date,
}

/// Closing the visit with the date of the next one.
#[derive(Debug, Clone)]
pub struct CloseForm {
    pub next: Date,
}

/// The visit's yes/no questions.
#[derive(Debug, Clone)]
pub enum VisitQuestion {
    /// Boxed: it holds the close form as typed.
    Close(Box<Closing>),
    /// Remove the advice or follow-up at this place.
    Remove(Written, usize),
}

/// What the question "Close the visit?" is about: the next visit's date as checked, and the
/// form as typed, which comes back on a no.
#[derive(Debug, Clone)]
pub struct Closing {
    pub next: NaiveDate,
    pub form: Form<VisitForm>,
}

impl Fields for AdviceForm {
    fn title(&self) -> T {
        T::FormAdvice
    }
    crate::fields!(advice, competencies, with);
    fn hint(&self, lang: Lang) -> Option<String> {
        Some(format!(
            "{}\n{}",
            lang.competency_hint(),
            lang.advice_with_hint(&self.staff.join(", "))
        ))
    }
}

impl Fields for FollowUpForm {
    fn title(&self) -> T {
        T::FormFollowUp
    }
    crate::fields!(agreed, due);
}

impl Fields for CloseForm {
    fn title(&self) -> T {
        T::FormCloseVisit
    }
    crate::fields!(next);
}

impl VisitForm {
    fn form(&self) -> &dyn Fields {
        match self {
            VisitForm::Advice(f) => f,
            VisitForm::FollowUp(f) => f,
            VisitForm::Close(f) => f,
        }
    }

    fn form_mut(&mut self) -> &mut dyn Fields {
        match self {
            VisitForm::Advice(f) => f,
            VisitForm::FollowUp(f) => f,
            VisitForm::Close(f) => f,
        }
    }
}

impl Fields for VisitForm {
    fn title(&self) -> T {
        self.form().title()
    }
    fn fields(&self) -> Vec<&dyn Field> {
        self.form().fields()
    }
    fn fields_mut(&mut self) -> Vec<&mut dyn Field> {
        self.form_mut().fields_mut()
    }
    fn hint(&self, lang: Lang) -> Option<String> {
        self.form().hint(lang)
    }
}

impl VisitScreen {
    /// `v` on a group (from the groups list or the group's children): the group's open visit,
    /// or a new one dated today, for someone who may lead one; the latest visit, read only, for
    /// anyone else.
    ///
    /// # Errors
    /// [`AppError::NoVisitYet`] for someone who may not lead a visit, of a group without any;
    /// the store's error.
    pub fn open(ctx: &Ctx, group: Group) -> Result<Screen, AppError> {
        let visits = ctx.store.visits_of(group.id)?;
        let coach = ctx.user.filter(|u| may_lead_visit(Some(u)));
        let now = ctx.now();
        let (visit, saved) = match (coach, visits.first()) {
            (Some(_), Some(open)) if open.is_open() => (open.clone(), last_change(open, now)),
            // Like a new observation it is written with its first change, not before: a coach
            // who only looks leaves no empty visit behind.
            (Some(coach), previous) => {
                let id = ctx.store.new_visit_id()?;
                let visit = Visit::start(id, group.id, coach, ctx.today(), previous);
                (visit, SaveState::Nothing)
            }
            (None, Some(latest)) => (latest.clone(), last_change(latest, now)),
            (None, None) => return Err(AppError::NoVisitYet),
        };
        let previous = visits.iter().find(|v| v.id < visit.id).cloned();
        let mut screen = VisitScreen {
            group,
            visit,
            previous,
            children: Vec::new(),
            saved,
            list: ListView::default(),
            lead: false,
            modal: None,
            staff: Vec::new(),
        };
        screen.reload(ctx)?;
        Ok(Screen::Visit(screen))
    }

    /// Whether `user` may write in this visit: someone who may lead one, while it is open.
    /// Asked of whoever is at the keyboard now, so a hand-over on this screen counts.
    pub fn writable_by(&self, user: Option<&Staff>) -> bool {
        may_lead_visit(user) && self.visit.is_open()
    }

    /// Who the selected row is about: a child, or (`None`) the group; a follow-up is about
    /// whom it names.
    pub fn selected_about(&self) -> Option<Option<Id>> {
        Some(match self.list.selected()?.part {
            VisitPart::FollowUp(i) => self.visit.follow_ups.get(i)?.child_id,
            VisitPart::Child(i) => Some(self.children.get(i)?.child.id),
            VisitPart::Group => None,
            VisitPart::Advice(i) => self.visit.notes.get(i)?.child_id,
        })
    }

    /// The label of the child with `id` for the person at the keyboard (its name or its
    /// alias); `None` for the group or a child no longer in it.
    pub fn child_name(&self, id: Option<Id>) -> Option<String> {
        let id = id?;
        let found = self.children.iter().find(|c| c.child.id == id);
        found.map(|c| c.label.text.clone())
    }

    /// Applies `change` to the visit, written and flushed before it shows. A visit not on disk
    /// yet has its start written first, so that the audit says when it began.
    fn change(
        &mut self,
        ctx: &Ctx,
        action: AuditAction,
        change: impl FnOnce(&mut Visit, &Signature),
    ) -> Result<(), AppError> {
        let sig = ctx.signature();
        let start = (self.saved == SaveState::Nothing).then(|| self.visit.clone());
        write_through(
            &mut self.visit,
            &mut self.saved,
            sig.at,
            |visit| {
                change(visit, &sig);
                Ok(())
            },
            |changed| {
                if let Some(start) = &start {
                    ctx.store.save_visit(start, AuditAction::VisitStart, &sig)?;
                }
                ctx.store.save_visit(changed, action, &sig)
            },
        )?;
        self.list.set_items(visit_rows(self));
        Ok(())
    }

    /// Ok when the person at the keyboard may run `action` here and the visit is open.
    fn writable(&self, ctx: &Ctx, action: Action) -> Result<(), AppError> {
        ctx.permit_action(Context::Visit, action)?;
        match self.visit.is_open() {
            true => Ok(()),
            false => Err(AppError::VisitClosed),
        }
    }

    fn open_form(&mut self, form: VisitForm) {
        self.modal = Some(Modal::Form(Form::new(form)));
    }

    fn act(&mut self, ctx: &Ctx, action: Action) -> Result<Outcome, AppError> {
        let lang = ctx.lang;
        match action {
            // `n`: advice on the selected child (or a follow-up's child), or on the group.
            Action::Note => {
                self.writable(ctx, action)?;
                if let Some(about) = self.selected_about() {
                    self.open_form(VisitForm::Advice(AdviceForm {
                        about,
                        editing: None,
                        advice: Text::note(T::FieldAdvice, ""),
                        competencies: Text::new(T::FieldCompetencies, ""),
                        with: Text::new(T::FieldAdviceWith, ""),
                        staff: self.staff.iter().map(|s| s.name.clone()).collect(),
                    }));
                }
            }
            // `f`: a follow-up about the selected child or the group, due in four weeks unless
            // changed.
            Action::FollowUp => {
                self.writable(ctx, action)?;
                if let Some(about) = self.selected_about() {
                    let due = weeks_after(ctx.today(), FOLLOW_UP_WEEKS);
                    self.open_form(VisitForm::FollowUp(FollowUpForm {
                        about,
                        editing: None,
                        agreed: Text::new(T::FieldFollowUp, ""),
                        due: Date::new(T::FieldDue, lang, Some(due)),
                    }));
                }
            }
            // `e` on an advice or follow-up: its form, filled in, to correct it.
            Action::Edit => {
                self.writable(ctx, action)?;
                let form = match self.selected_written() {
                    Some((Written::Advice, i)) => self.advice_form(i),
                    Some((Written::FollowUp, i)) => self.follow_up_form(lang, i),
                    None => None,
                };
                self.open_form(form.ok_or(AppError::SelectWritten)?);
            }
            // `D` on an advice or follow-up: removed, once asked.
            Action::Remove => {
                self.writable(ctx, action)?;
                let (what, index) = self.selected_written().ok_or(AppError::SelectWritten)?;
                let text = match what {
                    Written::Advice => self.visit.notes.get(index).map(|a| &a.text),
                    Written::FollowUp => self.visit.follow_ups.get(index).map(|f| &f.text),
                };
                let question = lang.remove_written(what, text.map_or("", |t| t.as_str()));
                let about = VisitQuestion::Remove(what, index);
                self.modal = Some(Modal::Confirm(Confirm { question, about }));
            }
            // Space on a follow-up: done, or not done after all.
            Action::Mark => {
                self.writable(ctx, action)?;
                let Some(VisitPart::FollowUp(index)) = self.list.selected().map(|r| r.part) else {
                    return Err(AppError::SelectFollowUp);
                };
                self.change(ctx, AuditAction::VisitFollowUp, |visit, sig| {
                    visit.toggle_follow_up(index, &sig.by, sig.at);
                })?;
            }
            // `x`: close, with the next visit's date (the earliest open follow-up ahead, or six
            // weeks).
            Action::CloseVisit => {
                self.writable(ctx, action)?;
                let next = self.visit.proposed_next_visit(ctx.today());
                self.open_form(VisitForm::Close(CloseForm {
                    next: Date::new(T::FieldNextVisit, lang, Some(next)),
                }));
            }
            Action::Back => return Ok(Outcome::Pop),
            // Enter on a child: the child's screen; Esc comes back to the visit.
            Action::Open => {
                let Some(VisitPart::Child(index)) = self.list.selected().map(|r| r.part) else {
                    return Ok(Outcome::Done);
                };
                let Some(id) = self.children.get(index).map(|c| c.child.id) else {
                    return Ok(Outcome::Done);
                };
                if let Some(screen) = ChildScreen::load(ctx, id)? {
                    return Ok(Outcome::Push(Screen::Child(screen)));
                }
            }
            _ => return Ok(Outcome::Ignored),
        }
        Ok(Outcome::Done)
    }

    fn popup_step(&mut self, ctx: &Ctx, step: Step<VisitForm, VisitQuestion>) -> Outcome {
        let lang = ctx.lang;
        let (form, saved) = match step {
            Step::Stay | Step::Closed | Step::No(VisitQuestion::Remove(..)) => {
                return Outcome::Done
            }
            // "No" brings the close form back as it was typed.
            Step::No(VisitQuestion::Close(closing)) => {
                let closing = *closing;
                self.modal = Some(Modal::Form(closing.form));
                return Outcome::Done;
            }
            Step::Yes(VisitQuestion::Remove(what, index)) => {
                let removed = self.change(ctx, AuditAction::VisitRemove, |visit, _| {
                    visit.remove(what, index);
                });
                return match removed {
                    Ok(()) => Outcome::Reload.and(Outcome::Say(lang.removed_written(what))),
                    Err(e) => Outcome::Say(lang.error(&e)),
                };
            }
            Step::Yes(VisitQuestion::Close(closing)) => {
                let Closing { next, form } = *closing;
                let closed = self.change(ctx, AuditAction::VisitClose, |visit, sig| {
                    visit.close(next, sig.at)
                });
                (form, closed.map(|()| T::VisitTitle))
            }
            Step::Submit(form) => {
                let saved = match &form.fields {
                    VisitForm::Advice(f) => self.save_advice(ctx, f).map(|()| T::FormAdvice),
                    VisitForm::FollowUp(f) => self.save_follow_up(ctx, f).map(|()| T::FormFollowUp),
                    // Closing is asked once more, with the date checked.
                    VisitForm::Close(f) => match next_visit(ctx, f) {
                        Ok(next) => {
                            let question = lang.close_visit_question(&lang.date(next));
                            let about = VisitQuestion::Close(Box::new(Closing { next, form }));
                            self.modal = Some(Modal::Confirm(Confirm { question, about }));
                            return Outcome::Done;
                        }
                        Err(e) => Err(e),
                    },
                };
                (form, saved)
            }
        };
        match saved {
            Ok(what) => Outcome::Reload.and(Outcome::Say(lang.saved(lang.get(what)))),
            Err(e) => {
                self.modal = Some(Modal::Form(form.refused(lang.error(&e))));
                Outcome::Done
            }
        }
    }

    fn save_advice(&mut self, ctx: &Ctx, form: &AdviceForm) -> Result<(), AppError> {
        let text = form.advice.required(Invalid::AdviceRequired)?;
        let competencies = Competency::parse_numbers(&form.competencies.value)?;
        let with = staff_named(&form.with.value, &self.staff)?;
        // Every advice is for someone: the coaching follows the staff (a group with no staff yet
        // takes advice for nobody).
        if with.is_empty() && !self.staff.is_empty() {
            return Err(Invalid::WithRequired.into());
        }
        let action = match form.editing {
            Some(_) => AuditAction::VisitEdit,
            None => AuditAction::VisitAdvice,
        };
        self.change(ctx, action, |visit, sig| {
            let advice = Advice {
                child_id: form.about,
                text,
                competencies,
                with,
                by: sig.by.clone(),
                at: sig.at,
            };
            match form.editing.and_then(|i| visit.notes.get_mut(i)) {
                Some(written) => *written = advice,
                None => visit.notes.push(advice),
            }
        })
    }

    fn save_follow_up(&mut self, ctx: &Ctx, form: &FollowUpForm) -> Result<(), AppError> {
        let text = form.agreed.required(Invalid::FollowUpRequired)?;
        let due = not_past(form.due.date()?, ctx.today())?;
        if let Some(index) = form.editing {
            return self.change(ctx, AuditAction::VisitEdit, |visit, sig| {
                if let Some(f) = visit.follow_ups.get_mut(index) {
                    f.text = text;
                    f.due = due;
                    f.by = sig.by.clone();
                    f.at = sig.at;
                }
            });
        }
        self.change(ctx, AuditAction::VisitFollowUp, |visit, sig| {
            visit.follow_ups.push(FollowUp {
                child_id: form.about,
                text,
                due,
                done: false,
                by: sig.by.clone(),
                at: sig.at,
                from_visit: None,
            })
        })
    }

    /// The advice or follow-up the selected row is, with its place.
    fn selected_written(&self) -> Option<(Written, usize)> {
        match self.list.selected()?.part {
            VisitPart::Advice(i) => Some((Written::Advice, i)),
            VisitPart::FollowUp(i) => Some((Written::FollowUp, i)),
            VisitPart::Child(_) | VisitPart::Group => None,
        }
    }

    /// The advice form filled in with the advice at `index`, to correct it.
    fn advice_form(&self, index: usize) -> Option<VisitForm> {
        let advice = self.visit.notes.get(index)?;
        let digits: Vec<String> = advice
            .competencies
            .iter()
            .map(|c| c.number().to_string())
            .collect();
        let with = crate::domain::named::names_of(&advice.with, &self.staff);
        Some(VisitForm::Advice(AdviceForm {
            about: advice.child_id,
            editing: Some(index),
            advice: Text::note(T::FieldAdvice, &advice.text),
            competencies: Text::new(T::FieldCompetencies, &digits.join(" ")),
            with: Text::new(T::FieldAdviceWith, &with),
            staff: self.staff.iter().map(|s| s.name.clone()).collect(),
        }))
    }

    /// The follow-up form filled in with the follow-up at `index`, to correct it.
    fn follow_up_form(&self, lang: Lang, index: usize) -> Option<VisitForm> {
        let f = self.visit.follow_ups.get(index)?;
        Some(VisitForm::FollowUp(FollowUpForm {
            about: f.child_id,
            editing: Some(index),
            agreed: Text::new(T::FieldFollowUp, &f.text),
            due: Date::new(T::FieldDue, lang, Some(f.due)),
        }))
    }

    /// The group's children, not archived, ranked by how much they need the coach.
    fn ranked_children(&self, ctx: &Ctx) -> Result<Vec<VisitChild>, AppError> {
        let mut children = Vec::new();
        // Archived children count for the aliases' numbers (`domain::alias`).
        let all = ctx.store.children_of(self.group.id)?;
        for child in all.iter().filter(|c| !c.archived) {
            let label = ctx.child_label_among(child, &all);
            // What the person at the keyboard may not know of the Meldcode is not counted
            // either: a coach sees nothing of it.
            let observations = ctx.known_observations(ctx.store.observations_of(child.id)?);
            let trajectories = ctx.known_trajectories(ctx.store.trajectories_of(child.id)?);
            children.push(VisitChild {
                observations: label.observations(ctx, observations),
                trajectories: label.trajectories(ctx, trajectories),
                reasons: Vec::new(),
                child: child.clone(),
                label,
            });
        }
        // Within a rank the children keep this order: an alias never sits where its name would.
        children.sort_by_cached_key(|c| c.label.order());
        let setting = Setting {
            today: ctx.today(),
            observe_weeks: ctx.observe_weeks,
            since: self.previous.as_ref().map(|v| v.date),
            forms: ctx.catalogue,
            plans: ctx.plans,
        };
        let records: Vec<ChildRecord> = children
            .iter()
            .map(|c| ChildRecord {
                child: &c.child,
                observations: &c.observations,
                trajectories: &c.trajectories,
            })
            .collect();
        let ranked = rank(&records, &setting);
        let mut ordered = Vec::with_capacity(children.len());
        for attention in ranked {
            if let Some(at) = children
                .iter()
                .position(|c| c.child.id == attention.child_id)
            {
                let mut child = children.swap_remove(at);
                child.reasons = attention.reasons;
                ordered.push(child);
            }
        }
        Ok(ordered)
    }
}

/// The next visit's date typed in the close form: a date, not in the past.
fn next_visit(ctx: &Ctx, form: &CloseForm) -> Result<NaiveDate, AppError> {
    Ok(not_past(form.next.date()?, ctx.today())?)
}

/// The rows: the follow-ups (carried over first, as agreed), the children in attention order,
/// the group, then the advice written in this visit.
fn visit_rows(s: &VisitScreen) -> Vec<VisitRow> {
    let about = |child: Option<Id>| s.child_name(child).unwrap_or_default();
    let follow_ups = s
        .visit
        .follow_ups
        .iter()
        .enumerate()
        .map(|(i, f)| VisitRow {
            part: VisitPart::FollowUp(i),
            key: i as u64,
            search: format!("{} {}", f.text, about(f.child_id)),
        });
    let children = s.children.iter().enumerate().map(|(i, c)| VisitRow {
        part: VisitPart::Child(i),
        key: (1 << 32) + c.child.id,
        search: c.label.text.clone(),
    });
    let group = VisitRow {
        part: VisitPart::Group,
        key: u64::MAX,
        search: s.group.name.clone(),
    };
    let advice = s.visit.notes.iter().enumerate().map(|(i, a)| VisitRow {
        part: VisitPart::Advice(i),
        key: (2 << 32) + i as u64,
        search: format!("{} {}", a.text, about(a.child_id)),
    });
    follow_ups
        .chain(children)
        .chain([group])
        .chain(advice)
        .collect()
}

/// When a visit last changed, for the "saved" badge of one opened again (`now` for one with
/// nothing in it: it was saved when it started).
fn last_change(visit: &Visit, now: DateTime<FixedOffset>) -> SaveState {
    let advice = visit.notes.iter().map(|a| a.at);
    let follow_ups = visit.follow_ups.iter().map(|f| f.at);
    let at = advice.chain(follow_ups).chain(visit.closed_at).max();
    SaveState::Saved(at.unwrap_or(now))
}

impl Component for VisitScreen {
    fn title(&self, lang: Lang) -> String {
        lang.get(T::VisitTitle).to_string()
    }

    fn screen_contexts(&self) -> Vec<Context> {
        vec![Context::Visit, Context::List, Context::Global]
    }

    fn hints(&self) -> &'static [Action] {
        use Action::*;
        match self.lead && self.visit.is_open() {
            true => &[
                Note, FollowUp, Mark, Edit, Remove, CloseVisit, Back, Help, Quit,
            ],
            false => &[Open, Back, Help, Quit],
        }
    }

    fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        match first(&mut self.modal, Some(&mut self.list), msg) {
            First::Popup(step) => self.popup_step(ctx, step),
            First::Action(action) => self.act(ctx, action).into(),
            First::Taken => Outcome::Done,
            First::NotMine => Outcome::Ignored,
        }
    }

    /// The children ranked anew (back from a child, say), the selection kept.
    fn reload(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        self.lead = may_lead_visit(ctx.user);
        self.staff = ctx.store.staff()?;
        self.staff
            .retain(|s| s.groups.contains(&self.group.id) && s.role != Role::Coach);
        self.children = self.ranked_children(ctx)?;
        self.list.set_items(visit_rows(self));
        Ok(())
    }

    fn about(&self) -> About<'_> {
        About {
            group: Some(self.group.id),
            child: None,
        }
    }

    crate::own_popup!();

    crate::filtered_list!();
}
