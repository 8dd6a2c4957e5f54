//! A child's trajectories (open ones first) and the plans to start a new one with. Enter opens
//! the trajectory, or starts one with the plan, in place of the picker: Esc from the trajectory
//! goes back to where `p` was pressed.

use super::history::{read_only_update, PICKER_HINTS};
use super::trajectory::TrajectoryScreen;
use crate::app::list::{ListView, Row};
use crate::app::{About, Action, AppError, ChildLabel, Component, Ctx, Msg, Outcome, Screen};
use crate::domain::access::{self, MeldcodeView};
use crate::domain::plan::{PlanTemplate, Trajectory};
use crate::domain::{rhythm, AuditAction, Child, Group, Id, Role};
use crate::i18n::{Lang, T};
use crate::keymap::Context;

#[derive(Debug, Clone)]
pub struct PlansScreen {
    pub child: Child,
    /// How the person at the keyboard sees the child: its name, or its alias.
    pub label: ChildLabel,
    pub group: Group,
    pub list: ListView<PlanRow>,
}

/// A line of the plans picker: a trajectory of the child, or a plan to start a new one with.
#[derive(Debug, Clone)]
pub struct PlanRow {
    pub index: usize,
    pub choice: PlanChoice,
    pub search: String,
}

impl Row for PlanRow {
    fn id(&self) -> u64 {
        self.index as u64
    }
    fn search_text(&self) -> String {
        self.search.clone()
    }
}

#[derive(Debug, Clone)]
pub enum PlanChoice {
    /// Boxed: a trajectory is many times the size of a template.
    Existing(Box<Trajectory>),
    New(PlanTemplate),
}

impl PlansScreen {
    /// `p` on a child: the child's open trajectories, then the plans without an open
    /// trajectory (the early-signalling plan first), then the closed trajectories, newest first.
    ///
    /// # Errors
    /// When the child's trajectories cannot be read.
    pub fn open(ctx: &Ctx, child: Child, group: Group) -> Result<Screen, AppError> {
        let trajectories = ctx.known_trajectories(ctx.store.trajectories_of(child.id)?);
        let lang = ctx.lang;
        let current = ctx.plans.current();
        let plan_name = |id: &str| {
            current
                .iter()
                .find(|p| p.id == id)
                .map_or(id.to_string(), |p| lang.text(&p.name).to_string())
        };
        let (open, closed): (Vec<Trajectory>, Vec<Trajectory>) = trajectories
            .into_iter()
            .rev()
            .partition(Trajectory::is_open);
        let mut choices: Vec<(PlanChoice, String)> = Vec::new();
        for t in &open {
            choices.push((
                PlanChoice::Existing(Box::new(t.clone())),
                plan_name(&t.template),
            ));
        }
        // A coach starts no Meldcode trajectory: they are to know nothing of one.
        let may_start = |template: &PlanTemplate| {
            let coach = ctx.user.is_some_and(|u| u.role == Role::Coach);
            !(coach && access::is_meldcode_plan(&template.id))
        };
        for &template in &current {
            if !open.iter().any(|t| t.template == template.id) && may_start(template) {
                let name = lang.text(&template.name).to_string();
                choices.push((PlanChoice::New(template.clone()), name));
            }
        }
        for t in closed {
            let name = plan_name(&t.template);
            choices.push((PlanChoice::Existing(Box::new(t)), name));
        }
        let rows = choices
            .into_iter()
            .enumerate()
            .map(|(index, (choice, search))| PlanRow {
                index,
                choice,
                search,
            })
            .collect();
        Ok(Screen::Plans(PlansScreen {
            label: ctx.child_label(&child)?,
            child,
            group,
            list: ListView::of(rows),
        }))
    }

    /// Enter: the selected trajectory, or a new one with the selected plan (written at once).
    fn pick(&self, ctx: &Ctx) -> Result<Outcome, AppError> {
        let Some(row) = self.list.selected() else {
            return Ok(Outcome::Done);
        };
        let (child, group) = (self.child.clone(), self.group.clone());
        let screen = match row.choice.clone() {
            PlanChoice::Existing(t) => {
                // Staff who did not start it know that it is open and who coordinates it.
                if ctx.trajectory_view(&t) != MeldcodeView::Details {
                    return Err(AppError::MeldcodeForWhoMustKnow(t.by.clone()));
                }
                let template = ctx
                    .plans
                    .find(&t.template, t.version)
                    .cloned()
                    .ok_or_else(|| AppError::UnknownTemplate(t.template.clone()))?;
                let label = self.label.clone();
                TrajectoryScreen::new(ctx, (child, label), group, template, *t, true)
            }
            PlanChoice::New(template) => {
                let sig = ctx.signature();
                let id = ctx.store.new_trajectory_id()?;
                let mut t = Trajectory::new(id, child.id, &template, ctx.today(), &sig.by);
                if t.takes_prompts() {
                    t.set_prompted_by(recent_observation(ctx, child.id)?);
                }
                ctx.store
                    .save_trajectory(&t, &template, AuditAction::TrajectoryStart, "", &sig)?;
                TrajectoryScreen::new(ctx, (child, self.label.clone()), group, template, t, false)
            }
        };
        Ok(Outcome::Replace(Screen::Trajectory(screen)))
    }
}

/// The child's latest observation the person at the keyboard may know of, when it is recent
/// (`rhythm::recent`: within `observe_weeks` weeks): what a trajectory started now most likely
/// followed from, so it is named as what prompted it (changed on the trajectory with `o`).
fn recent_observation(ctx: &Ctx, child: Id) -> Result<Option<Id>, AppError> {
    let known = ctx.known_observations(ctx.store.observations_of(child)?);
    let latest = known.iter().max_by_key(|o| (o.date, o.id));
    let recent = latest.filter(|o| rhythm::recent(o.date, ctx.today(), ctx.observe_weeks));
    Ok(recent.map(|o| o.id))
}

impl Component for PlansScreen {
    /// The choices anew, as whoever is at the keyboard now may know them (a hand-over).
    fn reload(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        let fresh = PlansScreen::open(ctx, self.child.clone(), self.group.clone())?;
        if let Screen::Plans(fresh) = fresh {
            *self = fresh;
        }
        Ok(())
    }

    fn title(&self, lang: Lang) -> String {
        lang.get(T::PlansTitle).to_string()
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
