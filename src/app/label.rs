//! How the person at the keyboard sees a child: by name, or (a coach without the parents'
//! `coach` consent) under an alias, with nothing that names it. The one place a screen gets a
//! child's label from; whether it is an alias is decided by `domain::access::sees_child_name`,
//! its number by `domain::alias`.

use super::{AppError, Ctx};
use crate::domain::access;
use crate::domain::alias::alias_number;
use crate::domain::plan::Trajectory;
use crate::domain::{Child, Observation};

/// A child's label for the person at the keyboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildLabel {
    /// The full name, or the alias ("Kind 3 · 2 jr 4 mnd").
    pub text: String,
    /// The alias's number (`domain::alias`), or `None` for the name.
    pub alias: Option<usize>,
}

impl Ctx<'_> {
    /// `child`'s label for the person at the keyboard (nobody signed in: the alias), its alias
    /// numbered among `group`, the children of its group (archived ones included).
    pub fn child_label_among(&self, child: &Child, group: &[Child]) -> ChildLabel {
        let named = self.user.is_some_and(|u| access::sees_child_name(u, child));
        match named {
            true => ChildLabel {
                text: child.full_name(),
                alias: None,
            },
            false => {
                let number = alias_number(child, group);
                ChildLabel {
                    text: (self.lang).child_alias(number, child.age_on(self.today())),
                    alias: Some(number),
                }
            }
        }
    }

    /// `child`'s label for the person at the keyboard, its group read from the store when it
    /// is an alias.
    ///
    /// # Errors
    /// When the group's children cannot be read.
    pub fn child_label(&self, child: &Child) -> Result<ChildLabel, AppError> {
        let named = self.user.is_some_and(|u| access::sees_child_name(u, child));
        let group = match named {
            true => Vec::new(),
            false => self.store.children_of(child.group_id)?,
        };
        Ok(self.child_label_among(child, &group))
    }
}

impl ChildLabel {
    /// Where a child goes in a list of children as the person at the keyboard sees them: the
    /// names first, alphabetically (accent- and case-blind), then the aliases by their number.
    /// Sorted among the names, an alias would give away where its hidden name falls. The one
    /// ordering of the children list and of every section of the visit.
    pub fn order(&self) -> (Option<usize>, String) {
        (self.alias, crate::search::fold(&self.text))
    }

    /// True under an alias: then no birth date, guardians or notes of others are shown either.
    pub fn anonymous(&self) -> bool {
        self.alias.is_some()
    }

    /// `observations` as they may be shown with this label: under an alias without the notes
    /// of others, for staff write a child's name in them. The marks stay: anonymous
    /// consultation is about them.
    pub fn observations(&self, ctx: &Ctx, mut observations: Vec<Observation>) -> Vec<Observation> {
        if self.anonymous() {
            for observation in &mut observations {
                observation.notes.retain(|n| own(ctx, &n.by));
                for mark in &mut observation.marks {
                    if !own(ctx, &mark.by) {
                        mark.note.clear();
                    }
                }
            }
        }
        observations
    }

    /// `trajectories` as they may be shown with this label: under an alias without the free
    /// text of others (the child's question, goals, actions, stage notes), which may name the
    /// child. Where each stands stays.
    pub fn trajectories(&self, ctx: &Ctx, mut trajectories: Vec<Trajectory>) -> Vec<Trajectory> {
        if self.anonymous() {
            for t in &mut trajectories {
                if !own(ctx, &t.by) {
                    t.question.clear();
                    t.goals.clear();
                    t.actions.clear();
                }
                for stage in &mut t.stages {
                    if !own(ctx, &stage.by) {
                        stage.note.clear();
                        stage.without_consent.clear();
                    }
                }
            }
        }
        trajectories
    }
}

/// Whether the person at the keyboard wrote it (signed `by`): their own words they may read.
fn own(ctx: &Ctx, by: &str) -> bool {
    ctx.user.is_some_and(|u| u.name == by)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{app, now, User};
    use super::*;
    use crate::app::ctx_of;
    use crate::domain::form::Mark;
    use crate::domain::{ConsentAnswer, Given, Role};
    use crate::i18n::Lang;

    #[test]
    fn a_coach_without_consent_gets_the_alias_and_only_their_own_notes() {
        let (_dir, mut app) = app(true, Lang::En, User::FirstWith(Role::Coach));
        let coach = app.user.clone().unwrap();
        let group = coach.groups[0];
        let mut children = app.store.children_of(group).unwrap();
        children.sort_by_key(|c| c.id);
        let mut child = children[1].clone();
        child.consent = Default::default();

        let ctx = ctx_of!(app);
        let label = ctx.child_label(&child).unwrap();
        assert_eq!(label.alias, Some(2));
        let age = Lang::En.age(child.age_on(now().date_naive()));
        assert_eq!(label.text, format!("Child 2 · {age}"));

        // Someone else's note goes, the coach's own stays; the marks stay.
        let form = app.catalogue.current()[0].clone();
        let items: Vec<String> = form.items().map(|(_, i)| i.id.clone()).take(2).collect();
        let mut o = Observation::new(1, child.id, &form, now().date_naive(), "Anouk Jansen");
        o.set_mark(&items[0], Some(Mark::Often), "Anouk Jansen", now());
        o.set_note(&items[0], "Noor huilt", "Anouk Jansen", now());
        o.set_note(&items[1], "Eigen notitie", &coach.name, now());
        let shown = label.observations(&ctx, vec![o]).remove(0);
        assert_eq!(shown.mark(&items[0]), Some(Mark::Often));
        assert_eq!(shown.note(&items[0]), "");
        assert_eq!(shown.note(&items[1]), "Eigen notitie");

        // With the parents' consent: the name, and everything.
        child.consent.coach = Some(Given {
            answer: ConsentAnswer::Yes,
            at: now(),
            by: "Anouk Jansen".into(),
            given_by: "Ouder".into(),
        });
        let label = ctx.child_label(&child).unwrap();
        assert_eq!((label.text, label.alias), (child.full_name(), None));
        app.user = None;
        let ctx = ctx_of!(app);
        assert!(
            ctx.child_label(&child).unwrap().anonymous(),
            "nobody signed in"
        );
    }
}
