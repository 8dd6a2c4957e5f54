//! A group's children, each with its latest observation and where its step plan stands. Adding,
//! editing and archiving a child start here (and the child form and archive question are shared
//! with the child's own screen, `child.rs`).

use crate::app::screens::{PlansScreen, VisitScreen};
use crate::domain::access::{MeldcodeView, Permission};
use crate::domain::handover::to_school_on;
use chrono::NaiveDate;

use super::child::ChildScreen;
use super::VisitDates;
use crate::app::fields::{Choice, Date, Fields, Form, Text};
use crate::app::list::{ListView, Row};
use crate::app::modal::{first, Confirm, First, Modal, Step};
use crate::app::screens::compare::CompareScreen;
use crate::app::screens::observe::ObserveScreen;
use crate::app::{About, Action, AppError, ChildLabel, Component, Ctx, Msg, Outcome, Screen};
use crate::domain::child::{check_birth_date, check_started};
use crate::domain::plan::Trajectory;
use crate::domain::{AuditAction, Child, Group, Id, Invalid};
use crate::i18n::{Lang, T};
use crate::keymap::Context;

#[derive(Debug, Clone)]
pub struct ChildrenScreen {
    pub group: Group,
    pub list: ListView<ChildRow>,
    pub show_archived: bool,
    pub visits: VisitDates,
    /// The child form, or the question whether to archive (or bring back) a child.
    pub modal: Option<ChildModal>,
}

/// The popup of a screen about children: the child form, or the archive question.
pub type ChildModal = Modal<ChildForm, Child>;

/// A child in its group's list, with what the overview shows of its latest observation and its
/// step plan.
#[derive(Debug, Clone)]
pub struct ChildRow {
    pub child: Child,
    /// The mentor's name (`None`: none set, or no longer in the database).
    pub mentor: Option<String>,
    /// How the person at the keyboard sees it: its name, or its alias (`Ctx::child_label`).
    pub label: ChildLabel,
    pub latest: Option<LatestObservation>,
    pub plan: Option<PlanSummary>,
    /// Going to school soon: KDV and peuteropvang children from 3 years 9 months.
    pub to_school: Option<ToSchool>,
}

/// The list's flag of a child going to school (`handover::to_school_on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ToSchool {
    /// The 4th birthday; `None` for a child shown under an alias, whose birthday it would give
    /// away.
    pub on: Option<NaiveDate>,
    /// Whether its handover is written (`Handover::is_written`); always false for who may not
    /// read handovers.
    pub handover: bool,
}

/// The overview's view of a child's open trajectories: where the first stands ("4/8 Advies
/// coach"), how many more are open, and whether any is overdue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSummary {
    pub progress: String,
    pub more: usize,
    pub overdue: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LatestObservation {
    pub date: NaiveDate,
    /// Worry items marked "often".
    pub concerns_often: usize,
}

impl Row for ChildRow {
    fn id(&self) -> u64 {
        self.child.id
    }
    /// The label, so that a coach cannot find a child under an alias by typing its name.
    fn search_text(&self) -> String {
        self.label.text.clone()
    }
}

/// Adding a child, or editing `editing`.
#[derive(Debug, Clone)]
pub struct ChildForm {
    pub editing: Option<Child>,
    pub first_name: Text,
    pub last_name: Text,
    pub birth_date: Date,
    /// When the child began in the group: optional.
    pub started: Date,
    pub group: Choice<Id>,
}

impl Fields for ChildForm {
    fn title(&self) -> T {
        match self.editing {
            Some(_) => T::FormEditChild,
            None => T::FormAddChild,
        }
    }
    crate::fields!(first_name, last_name, birth_date, started, group);
}

impl ChildForm {
    /// The form for `child` (or a new child in `group`), with the groups the person at the
    /// keyboard sees to choose from. Archived groups take no new children, but a child already
    /// in one keeps it as a choice: editing a name must never move a child.
    ///
    /// # Errors
    /// [`AppError::NoGroup`] when there is no group to put a child in, or the store's error.
    pub fn open(ctx: &Ctx, child: Option<Child>, group: Id) -> Result<Form<ChildForm>, AppError> {
        let groups: Vec<Group> = ctx
            .visible_groups(ctx.store.groups()?)
            .into_iter()
            .filter(|g| !g.archived || child.as_ref().is_some_and(|c| c.group_id == g.id))
            .collect();
        if groups.is_empty() {
            return Err(AppError::NoGroup);
        }
        let options = groups.iter().map(|g| (g.name.clone(), g.id)).collect();
        let (first, last, born, started) = match &child {
            Some(c) => (
                c.first_name.as_str(),
                c.last_name.as_str(),
                Some(c.birth_date),
                c.started,
            ),
            None => ("", "", None, None),
        };
        Ok(Form::new(ChildForm {
            first_name: Text::new(T::FieldFirstName, first),
            last_name: Text::new(T::FieldLastName, last),
            birth_date: Date::new(T::FieldBirthDate, ctx.lang, born),
            started: Date::optional(T::FieldInGroupSince, ctx.lang, started),
            group: Choice::new(T::FieldGroup, options, |id| *id == group),
            editing: child,
        }))
    }

    /// Checks and saves the form; the child as saved.
    ///
    /// # Errors
    /// What the domain refuses (no first name, no date, a birth date to come), or the store's
    /// error.
    pub fn save(&self, ctx: &Ctx) -> Result<Child, AppError> {
        let first = self.first_name.required(Invalid::FirstNameRequired)?;
        let last = self.last_name.trimmed().to_string();
        let born = check_birth_date(self.birth_date.date()?, ctx.today())?;
        let started = match self.started.value()? {
            Some(day) => Some(check_started(day, born, ctx.today())?),
            None => None,
        };
        let group_id = *self.group.value().ok_or(AppError::NoGroup)?;
        let sig = ctx.signature();
        let child = match &self.editing {
            Some(old) => {
                let child = Child {
                    first_name: first,
                    last_name: last,
                    birth_date: born,
                    started,
                    group_id,
                    ..old.clone()
                };
                ctx.store.save_child(&child, AuditAction::ChildEdit, &sig)?;
                child
            }
            None => {
                let child = Child {
                    started,
                    ..Child::new(0, group_id, first, last, born)
                };
                ctx.store.insert_child(child, &sig)?
            }
        };
        Ok(child)
    }
}

/// The child form to edit `child`, or the question whether to archive it, for `e` and `D` on a
/// screen about children (the list, or one child).
///
/// # Errors
/// [`AppError::Anonymous`] for a child the person at the keyboard sees under an alias: the form
/// would show its name; [`ChildForm::open`]'s errors.
pub fn edit_or_archive(ctx: &Ctx, action: Action, child: Child) -> Result<ChildModal, AppError> {
    let label = ctx.child_label(&child)?;
    if label.anonymous() {
        return Err(AppError::Anonymous);
    }
    match action {
        Action::Archive => Ok(Modal::Confirm(Confirm {
            question: ctx.lang.confirm_archive(&label.text, child.archived),
            about: child,
        })),
        _ => {
            let group = child.group_id;
            Ok(Modal::Form(ChildForm::open(ctx, Some(child), group)?))
        }
    }
}

/// What the child form or the archive question did, on either screen about children: saved
/// (the screen reloads), refused (the form opens again, saying why), or archived.
pub fn child_popup_step(
    ctx: &Ctx,
    modal: &mut Option<ChildModal>,
    step: Step<ChildForm, Child>,
) -> Outcome {
    match step {
        Step::Stay | Step::Closed | Step::No(_) => Outcome::Done,
        Step::Submit(form) => match form.fields.save(ctx) {
            Ok(child) => ctx
                .child_label(&child)
                .map(|label| Outcome::Reload.and(Outcome::Say(ctx.lang.saved(&label.text))))
                .into(),
            Err(e) => {
                *modal = Some(Modal::Form(form.refused(ctx.lang.error(&e))));
                Outcome::Done
            }
        },
        Step::Yes(mut child) => {
            child.archived = !child.archived;
            let action = match child.archived {
                true => AuditAction::ChildArchive,
                false => AuditAction::ChildRestore,
            };
            let saved = ctx.store.save_child(&child, action, &ctx.signature());
            let said = saved
                .map_err(AppError::from)
                .and_then(|()| ctx.child_label(&child))
                .map(|label| ctx.lang.archived_status(&label.text, child.archived));
            said.map(|said| Outcome::Reload.and(Outcome::Say(said)))
                .into()
        }
    }
}

/// `o` and `w` on a screen about a child: its observation form, or what changed since the
/// observation before; `None` for any other action.
pub fn observe_or_compare(
    ctx: &Ctx,
    action: Action,
    child: Child,
    group: Group,
) -> Option<Result<Outcome, AppError>> {
    match action {
        Action::Observe => Some(ObserveScreen::open(ctx, child, group).map(Outcome::Push)),
        Action::Compare => {
            Some(CompareScreen::open(ctx, child).map(|c| Outcome::Push(Screen::Compare(c))))
        }
        _ => None,
    }
}

impl ChildrenScreen {
    /// The children list of `group`, empty until it is shown (and reloaded).
    pub fn new(group: Group) -> ChildrenScreen {
        ChildrenScreen {
            group,
            list: ListView::default(),
            show_archived: false,
            visits: VisitDates::default(),
            modal: None,
        }
    }

    fn selected(&self) -> Option<Child> {
        self.list.selected().map(|row| row.child.clone())
    }

    fn act(&mut self, ctx: &Ctx, action: Action) -> Result<Outcome, AppError> {
        ctx.permit_action(Context::Children, action)?;
        if let Some(child) = self.selected() {
            if let Some(opened) = observe_or_compare(ctx, action, child, self.group.clone()) {
                return opened;
            }
        }
        match action {
            Action::ShowArchived => {
                self.show_archived = !self.show_archived;
                return Ok(Outcome::Reload);
            }
            Action::Back => return Ok(Outcome::Pop),
            Action::Open => {
                if let Some(child) = self.selected() {
                    let screen = ChildScreen::with_child(ctx, child, self.group.clone())?;
                    return Ok(Outcome::Push(Screen::Child(screen)));
                }
            }
            Action::Add => {
                let form = ChildForm::open(ctx, None, self.group.id)?;
                self.modal = Some(Modal::Form(form));
            }
            Action::Edit | Action::Archive => {
                if let Some(child) = self.selected() {
                    self.modal = Some(edit_or_archive(ctx, action, child)?);
                }
            }
            Action::Plan => {
                if let Some(child) = self.selected() {
                    let plans = PlansScreen::open(ctx, child, self.group.clone())?;
                    return Ok(Outcome::Push(plans));
                }
            }
            Action::Visit => {
                return VisitScreen::open(ctx, self.group.clone()).map(Outcome::Push);
            }
            Action::Report => {
                if let Some(child) = self.selected() {
                    return crate::app::reports::parents_report(ctx, &child);
                }
            }
            _ => return Ok(Outcome::Ignored),
        }
        Ok(Outcome::Done)
    }
}

/// Where the child's open trajectories stand, for the group overview: the first in the order of
/// the plans (the early-signalling plan first).
fn plan_summary(ctx: &Ctx, trajectories: Vec<Trajectory>) -> Option<PlanSummary> {
    let mut open: Vec<_> = trajectories.into_iter().filter(|t| t.is_open()).collect();
    let current = ctx.plans.current();
    let order = |t: &Trajectory| {
        current
            .iter()
            .position(|p| p.id == t.template)
            .unwrap_or(usize::MAX)
    };
    open.sort_by_key(order);
    let first = open.first()?;
    let progress = match ctx.plans.find(&first.template, first.version) {
        Some(template) => ctx.lang.progress(first.progress(template)),
        None => first.template.clone(),
    };
    let today = ctx.today();
    Some(PlanSummary {
        progress,
        more: open.len() - 1,
        overdue: open.iter().any(|t| t.overdue(today).any()),
    })
}

impl Component for ChildrenScreen {
    fn title(&self, _lang: Lang) -> String {
        self.group.name.clone()
    }

    fn screen_contexts(&self) -> Vec<Context> {
        vec![Context::Children, Context::List, Context::Global]
    }

    fn hints(&self) -> &'static [Action] {
        use Action::*;
        &[
            Open, Observe, Plan, Back, Filter, Help, Quit, Compare, Add, Visit, Report,
        ]
    }

    fn update(&mut self, ctx: &Ctx, msg: &Msg) -> Outcome {
        match first(&mut self.modal, Some(&mut self.list), msg) {
            First::Popup(step) => child_popup_step(ctx, &mut self.modal, step),
            First::Action(action) => self.act(ctx, action).into(),
            First::Taken => Outcome::Done,
            First::NotMine => Outcome::Ignored,
        }
    }

    /// The group (its name may have changed) and its children (names, then aliases:
    /// `ChildLabel::order`), each with its latest observation.
    fn reload(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        let Some(group) = ctx.store.group(self.group.id)? else {
            return Ok(());
        };
        // All of them, archived ones included, number the aliases (`domain::alias`).
        let all = ctx.store.children_of(group.id)?;
        let mut children: Vec<(Child, ChildLabel)> = all
            .iter()
            .filter(|c| self.show_archived || !c.archived)
            .map(|c| (c.clone(), ctx.child_label_among(c, &all)))
            .collect();
        children.sort_by_cached_key(|(_, label)| label.order());
        let staff = ctx.store.staff()?;
        let mut rows = Vec::new();
        for (child, label) in children {
            // Counted as the person at the keyboard may know it: no Meldcode mark they may not
            // see, and the latest observation they may know of, read newest first and only as
            // far back as that one.
            let latest = ctx.store.newest_observation(child.id, |obs| {
                let obs = ctx.known_observation(obs)?;
                let template = ctx.catalogue.find(&obs.template, obs.version);
                Some(LatestObservation {
                    date: obs.date,
                    concerns_often: template.map_or(0, |t| obs.concerns_often(t)),
                })
            })?;
            // Where a plan stands only for what they may read in full: a Meldcode trajectory
            // they did not start shows on the child's screen as open, nothing more.
            let readable = ctx
                .store
                .trajectories_of(child.id)?
                .into_iter()
                .filter(|t| ctx.trajectory_view(t) == MeldcodeView::Details)
                .collect();
            let plan = plan_summary(ctx, readable);
            let mentor = staff
                .iter()
                .find(|s| Some(s.id) == child.mentor)
                .map(|s| s.name.clone());
            let to_school = match to_school_on(group.kind, child.birth_date, ctx.today()) {
                Some(on) => Some(ToSchool {
                    on: (!label.anonymous()).then_some(on),
                    handover: ctx.may(Permission::Handover)
                        && ctx
                            .store
                            .handover(child.id)?
                            .is_some_and(|h| h.is_written()),
                }),
                None => None,
            };
            rows.push(ChildRow {
                child,
                mentor,
                label,
                latest,
                plan,
                to_school,
            });
        }
        self.visits = ctx.store.group_summary(group.id)?.visits;
        self.group = group;
        self.list.set_items(rows);
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
