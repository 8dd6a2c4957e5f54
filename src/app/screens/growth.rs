//! The coaching one staff member received (`A` on a person of the staff screen, or on the groups
//! list for the person at the keyboard): the coach's advice that was for them, per quarter,
//! newest first, each quarter headed by its count per competency, the advice under it. Only
//! read; who may open whose is `access::sees_coaching_of`, which advice of it
//! `access::sees_coaching_in`. Who may read others' (their coach, the care coordinator, the
//! admin) steps to the next or previous person they may read with `Right` and `Left`.

use crate::app::list::{ListView, Row};
use crate::app::{Action, AppError, Component, Ctx, Msg, Outcome, Screen};
use crate::domain::access::{self, Permission};
use crate::domain::visit::growth::{growth, QuarterGrowth, Received};
use crate::domain::{Group, Id, Role, Staff};
use crate::i18n::{Lang, T};
use crate::keymap::Context;

#[derive(Debug, Clone)]
pub struct GrowthScreen {
    /// Whose coaching this is.
    pub person: Staff,
    /// Newest quarter first; empty for someone the person at the keyboard may not read (after a
    /// hand-over).
    pub quarters: Vec<QuarterGrowth>,
    /// Every group, to name where an advice was given.
    pub groups: Vec<Group>,
    /// The label of each child an advice shown is about, as the person at the keyboard may see
    /// it (a name, or an alias without the parents' coach consent).
    pub children: std::collections::HashMap<Id, String>,
    pub list: ListView<GrowthRow>,
    /// Everyone but the coaches whose coaching the person at the keyboard may read, as of the
    /// last reload: `Right` and `Left` step through them.
    pub people: Vec<Staff>,
}

/// One advice received: its quarter's place in [`GrowthScreen::quarters`] and its own place in
/// that quarter.
#[derive(Debug, Clone)]
pub struct GrowthRow {
    pub quarter: usize,
    pub index: usize,
    pub search: String,
}

impl Row for GrowthRow {
    fn id(&self) -> u64 {
        ((self.quarter as u64) << 32) + self.index as u64
    }
    fn search_text(&self) -> String {
        self.search.clone()
    }
}

impl GrowthScreen {
    /// The coaching `person` received, for the person at the keyboard.
    ///
    /// # Errors
    /// [`AppError::OnlyFor`] when that is someone else's and they may not read it; the store's
    /// error.
    pub fn open(ctx: &Ctx, person: Staff) -> Result<Screen, AppError> {
        if !ctx
            .user
            .is_some_and(|u| access::sees_coaching_of(u, &person))
        {
            ctx.permit(Permission::SeeEveryonesCoaching)?;
        }
        let mut screen = GrowthScreen {
            person,
            quarters: Vec::new(),
            groups: Vec::new(),
            children: std::collections::HashMap::new(),
            list: ListView::default(),
            people: Vec::new(),
        };
        screen.reload(ctx)?;
        // A coach gives coaching rather than receiving it: their own page is empty, so theirs
        // opens on the first person whose coaching they may read.
        if screen.person.role == Role::Coach && !screen.people.is_empty() {
            screen.step(1);
            screen.reload(ctx)?;
        }
        Ok(Screen::Growth(screen))
    }

    /// Moves to the person `by` places further among [`GrowthScreen::people`] (round), to be
    /// read on the next reload.
    fn step(&mut self, by: isize) {
        let count = self.people.len();
        let Some(at) = self.people.iter().position(|p| p.id == self.person.id) else {
            // Someone not among them (a coach looking at their own): the first.
            if let Some(first) = self.people.first() {
                self.person = first.clone();
            }
            return;
        };
        let next = (at as isize + by).rem_euclid(count.max(1) as isize) as usize;
        if let Some(person) = self.people.get(next) {
            self.person = person.clone();
        }
    }

    /// The advice of the selected row.
    pub fn selected(&self) -> Option<&Received> {
        let row = self.list.selected()?;
        self.quarters.get(row.quarter)?.advice.get(row.index)
    }

    /// The name of the group with `id` (empty for one no longer there).
    pub fn group_name(&self, id: crate::domain::Id) -> &str {
        let group = self.groups.iter().find(|g| g.id == id);
        group.map_or("", |g| g.name.as_str())
    }
}

impl Component for GrowthScreen {
    fn title(&self, lang: Lang) -> String {
        lang.get(T::GrowthTitle).to_string()
    }

    fn screen_contexts(&self) -> Vec<Context> {
        vec![Context::Coaching, Context::List, Context::Global]
    }

    fn hints(&self) -> &'static [Action] {
        use Action::*;
        match self.people.len() > 1 {
            true => &[ChoiceNext, ChoicePrev, Back, Filter, Help, Quit],
            false => super::history::READ_ONLY_HINTS,
        }
    }

    fn update(&mut self, _ctx: &Ctx, msg: &Msg) -> Outcome {
        let step = match msg {
            Msg::Action(Action::ChoiceNext) => 1,
            Msg::Action(Action::ChoicePrev) => -1,
            _ => return super::history::read_only_update(&mut self.list, msg),
        };
        self.step(step);
        Outcome::Reload
    }

    /// The advice anew, as the person at the keyboard now may read it (a hand-over to a
    /// colleague shows nothing of someone else's).
    fn reload(&mut self, ctx: &Ctx) -> Result<(), AppError> {
        self.quarters = match ctx.user {
            Some(u) if access::sees_coaching_of(u, &self.person) => {
                let mut visits = ctx.store.visits()?;
                visits.retain(|v| access::sees_coaching_in(u, &self.person, v.group_id));
                growth(self.person.id, &visits)
            }
            _ => Vec::new(),
        };
        self.groups = ctx.store.groups()?;
        self.children.clear();
        let about = self.quarters.iter().flat_map(|q| &q.advice);
        for id in about.filter_map(|a| a.child_id) {
            if self.children.contains_key(&id) {
                continue;
            }
            // A child purged since keeps no label: the advice shows as about "a child".
            if let Some(child) = ctx.store.child(id)? {
                self.children.insert(id, ctx.child_label(&child)?.text);
            }
        }
        let mut people = ctx.store.staff()?;
        people.retain(|p| {
            p.role != Role::Coach && ctx.user.is_some_and(|u| access::sees_coaching_of(u, p))
        });
        self.people = people;
        let rows = self.quarters.iter().enumerate().flat_map(|(quarter, q)| {
            q.advice
                .iter()
                .enumerate()
                .map(move |(index, a)| GrowthRow {
                    quarter,
                    index,
                    search: a.text.clone(),
                })
        });
        self.list.set_items(rows.collect());
        Ok(())
    }

    crate::filtered_list!();
}
