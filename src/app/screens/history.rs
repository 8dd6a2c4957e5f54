//! A child's audit trail (`A` on a child): every change to the child, its observations and its
//! trajectories, newest first, with who made it and when. It cannot be edited.

use crate::app::list::{ListInput, ListView, Row};
use crate::app::{Action, AppError, ChildLabel, Component, Ctx, Msg, Outcome};
use crate::domain::access::{self, MeldcodeView};
use crate::domain::plan::Trajectory;
use crate::domain::{AuditEntry, Child, Observation};
use crate::i18n::{Lang, T};
use crate::keymap::Context;

#[derive(Debug, Clone)]
pub struct HistoryScreen {
    pub child: Child,
    /// How the person at the keyboard sees the child: its name, or its alias.
    pub label: ChildLabel,
    pub list: ListView<HistoryRow>,
}

/// One audit entry about the child (its record, its observations, its trajectories).
#[derive(Debug, Clone)]
pub struct HistoryRow {
    pub index: usize,
    pub entry: AuditEntry,
    pub search: String,
}

impl Row for HistoryRow {
    fn id(&self) -> u64 {
        self.index as u64
    }
    fn search_text(&self) -> String {
        self.search.clone()
    }
}

impl HistoryScreen {
    /// The trail of `child`, whose observations and trajectories these are.
    ///
    /// # Errors
    /// When the audit trail cannot be read.
    pub fn new(
        ctx: &Ctx,
        child: Child,
        observations: &[Observation],
        trajectories: &[Trajectory],
    ) -> Result<HistoryScreen, AppError> {
        let mut targets = vec![format!("child:{}", child.id)];
        targets.extend(observations.iter().map(|o| format!("observation:{}", o.id)));
        targets.extend(trajectories.iter().map(|t| format!("trajectory:{}", t.id)));
        // A target is `kind:id`, optionally followed by `/part`.
        let about_child = |target: &str| {
            let record = target.split('/').next().unwrap_or(target);
            targets.iter().any(|t| t == record)
        };
        // Of a Meldcode trajectory they may only know is open, no more than its start and
        // close; of a Meldcode-flagged item nothing someone else wrote (`access::item_view`).
        let restricted: Vec<String> = trajectories
            .iter()
            .filter(|t| ctx.trajectory_view(t) != MeldcodeView::Details)
            .map(|t| format!("trajectory:{}/", t.id))
            .collect();
        let hidden_mark = |target: &str, by: &str| {
            let Some((record, item)) = target.split_once('/') else {
                return false;
            };
            let observation = observations
                .iter()
                .find(|o| format!("observation:{}", o.id) == record);
            let flagged = observation
                .and_then(|o| ctx.catalogue.find(&o.template, o.version))
                .and_then(|t| t.item(item));
            flagged.is_some_and(|(_, item)| {
                access::item_view(ctx.user, item, Some(by)) != MeldcodeView::Details
            })
        };
        let known = |e: &crate::domain::AuditEntry| {
            let details = restricted.iter().any(|r| e.target.starts_with(r.as_str()));
            !details && !hidden_mark(&e.target, &e.by)
        };
        let rows = ctx
            .store
            .audit()?
            .into_iter()
            .rev()
            .filter(|e| about_child(&e.target) && known(e))
            .enumerate()
            .map(|(index, entry)| HistoryRow {
                index,
                search: format!("{} {} {}", entry.by, entry.action, entry.target),
                entry,
            })
            .collect();
        Ok(HistoryScreen {
            label: ctx.child_label(&child)?,
            child,
            list: ListView::of(rows),
        })
    }
}

impl Component for HistoryScreen {
    fn title(&self, lang: Lang) -> String {
        lang.get(T::HistoryTitle).to_string()
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

    /// The trail anew, as whoever is at the keyboard now may know it (a hand-over).
    fn reload(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        if let Some(shown) = super::ChildScreen::load(ctx, self.child.id)? {
            let observations = super::all_observations(ctx, &shown.label, shown.child.id)?;
            let trajectories = &shown.trajectories;
            *self = HistoryScreen::new(ctx, shown.child.clone(), &observations, trajectories)?;
        }
        Ok(())
    }

    fn about(&self) -> crate::app::About<'_> {
        crate::app::About::child(&self.child)
    }

    crate::filtered_list!();
}

/// The keys of a list that is only read (the trail, a comparison): moving, filtering, back.
pub(super) const READ_ONLY_HINTS: &[Action] =
    &[Action::Back, Action::Filter, Action::Help, Action::Quit];

/// The keys of a picker (which form, which plan).
pub(super) const PICKER_HINTS: &[Action] =
    &[Action::Open, Action::Back, Action::Help, Action::Quit];

/// A list that is only read: its own keys, and Esc back.
pub(super) fn read_only_update(list: &mut dyn ListInput, msg: &Msg) -> Outcome {
    if crate::app::list::input(list, msg) {
        return Outcome::Done;
    }
    match msg {
        Msg::Action(Action::Back) => Outcome::Pop,
        _ => Outcome::Ignored,
    }
}
