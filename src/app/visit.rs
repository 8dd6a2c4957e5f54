//! The coach visit of a group: who may lead one, starting or continuing it (a new visit starts
//! from the previous one's open follow-ups), the children in the order they need the coach,
//! advice tagged with competencies, follow-ups with a due date, and closing with the date of the
//! next visit. Every change is one flushed write of the whole visit before the screen shows it.

use chrono::NaiveDate;

use super::form::{Field, Form};
use super::list::ListView;
use super::saving::SaveState;
use super::screen::{ChildScreen, Screen, VisitChild, VisitPart, VisitRow, VisitScreen};
use super::{Action, App, FormKind, Popup};
use crate::domain::access::{allows, Permission};
use crate::domain::visit::attention::{rank, ChildRecord, Setting};
use crate::domain::visit::{weeks_after, Advice, Competency, FollowUp, Visit, FOLLOW_UP_WEEKS};
use crate::domain::AuditAction;
use crate::domain::{Group, Id, Staff};
use crate::i18n::T;
use crate::store::{Result, Signature};

/// Whether this person leads a visit (writes advice and follow-ups, closes it) or only reads
/// the latest one. The one place the visit screen decides it.
pub fn may_lead_visit(user: Option<&Staff>) -> bool {
    user.is_some_and(|u| allows(u.role, Permission::LeadVisit))
}

impl App {
    /// `v` on a group or among its children: the group's open visit, or a new one dated today
    /// for someone who may lead one; the latest visit, read only, for anyone else.
    pub(super) fn open_visit(&mut self) {
        let group = match self.screen() {
            Screen::Groups(s) => s.list.selected().map(|r| r.group.clone()),
            Screen::Children(s) => Some(s.group.clone()),
            _ => None,
        };
        let Some(group) = group else { return };
        let Some(visits) = self.ok(self.store.visits_of(group.id)) else {
            return;
        };
        let lead = may_lead_visit(self.user.as_ref());
        let (visit, saved) = match (lead, visits.first()) {
            (true, Some(open)) if open.is_open() => {
                (open.clone(), last_change(open, self.clock.now()))
            }
            (true, previous) => match self.start_visit(&group, previous) {
                Some(started) => started,
                None => return,
            },
            (false, Some(latest)) => (latest.clone(), last_change(latest, self.clock.now())),
            (false, None) => return self.say(self.lang.get(T::NoVisitToShow)),
        };
        let Some(screen) = self.ok(self.visit_screen(group, visit, saved)) else {
            return;
        };
        self.screens.push(Screen::Visit(screen));
    }

    /// A new visit by the signed-in coach, carrying over `previous`'s open follow-ups. Like a
    /// new observation form it is written with its first change, not before: a coach who only
    /// looks leaves no empty visit behind.
    fn start_visit(
        &mut self,
        group: &Group,
        previous: Option<&Visit>,
    ) -> Option<(Visit, SaveState)> {
        let coach = self.user.clone()?;
        let id = self.ok(self.store.new_visit_id())?;
        let visit = Visit::start(id, group.id, &coach, self.today(), previous);
        Some((visit, SaveState::Nothing))
    }

    /// The screen of `visit`: the visit before it, and the group's children ranked.
    fn visit_screen(&self, group: Group, visit: Visit, saved: SaveState) -> Result<VisitScreen> {
        let previous = self
            .store
            .visits_of(group.id)?
            .into_iter()
            .find(|v| v.id < visit.id);
        let mut children = Vec::new();
        for child in self.store.children_of(group.id)? {
            if child.archived {
                continue;
            }
            children.push(VisitChild {
                observations: self.store.observations_of(child.id)?,
                trajectories: self.store.trajectories_of(child.id)?,
                reasons: Vec::new(),
                child,
            });
        }
        let setting = Setting {
            today: self.today(),
            observe_weeks: self.observe_weeks,
            since: previous.as_ref().map(|v| v.date),
            forms: &self.catalogue,
            plans: &self.plans,
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
        let mut screen = VisitScreen {
            group,
            visit,
            previous,
            children: ordered,
            saved,
            list: ListView::default(),
        };
        screen.list.set_items(visit_rows(&screen));
        Ok(screen)
    }

    /// Back on the visit (from a child, say): the children ranked anew, the selection kept.
    pub(super) fn reload_visit(&mut self) {
        let Some(Screen::Visit(s)) = self.screens.last() else {
            return;
        };
        let (group, visit, saved) = (s.group.clone(), s.visit.clone(), s.saved.clone());
        let Some(mut fresh) = self.ok(self.visit_screen(group, visit, saved)) else {
            return;
        };
        if let Some(Screen::Visit(s)) = self.screens.last_mut() {
            let rows = fresh.list.items().cloned().collect();
            fresh.list = std::mem::take(&mut s.list);
            fresh.list.set_items(rows);
            *s = fresh;
        }
    }

    /// The shown visit, when it may be written in: by someone who may lead a visit (whoever is
    /// at the keyboard now, not who opened it), and not closed.
    fn writable_visit(&mut self, action: Action) -> Option<&VisitScreen> {
        let closed = match self.screen() {
            Screen::Visit(s) => !s.visit.is_open(),
            _ => return None,
        };
        if !self.may_here(action) {
            return None;
        }
        if closed {
            self.complain(self.lang.get(T::VisitClosedErr));
            return None;
        }
        match self.screen() {
            Screen::Visit(s) => Some(s),
            _ => None,
        }
    }

    /// `n`: advice on the selected child (or a follow-up's child), or on the group.
    pub(super) fn visit_advice(&mut self) {
        let Some(child) = self
            .writable_visit(Action::Note)
            .and_then(VisitScreen::selected_about)
        else {
            return;
        };
        let form = Form::new(
            FormKind::VisitAdvice { child },
            T::FormAdvice,
            vec![
                Field::text(T::FieldAdvice, ""),
                Field::text(T::FieldCompetencies, ""),
            ],
        )
        .with_hint(self.lang.competency_hint());
        self.popup = Some(Popup::Form(form));
    }

    /// `f`: a follow-up about the selected child or the group, due in four weeks unless changed.
    pub(super) fn visit_follow_up(&mut self) {
        let Some(child) = self
            .writable_visit(Action::FollowUp)
            .and_then(VisitScreen::selected_about)
        else {
            return;
        };
        let due = weeks_after(self.today(), FOLLOW_UP_WEEKS);
        self.popup = Some(Popup::Form(Form::new(
            FormKind::VisitFollowUp { child },
            T::FormFollowUp,
            vec![
                Field::text(T::FieldFollowUp, ""),
                Field::text(T::FieldDue, &due.to_string()),
            ],
        )));
    }

    /// Space on a follow-up: done, or not done after all.
    pub(super) fn visit_mark(&mut self) {
        let Some(s) = self.writable_visit(Action::Mark) else {
            return;
        };
        let Some(VisitPart::FollowUp(index)) = s.list.selected().map(|r| r.part) else {
            return self.complain(self.lang.get(T::SelectFollowUp));
        };
        let result = self.change_visit(AuditAction::VisitFollowUp, |visit, sig| {
            visit.toggle_follow_up(index, &sig.by, sig.at);
            Ok(())
        });
        if let Err(message) = result {
            self.complain(message);
        }
    }

    /// `x`: close, with the next visit's date (the earliest open follow-up ahead, or six weeks).
    pub(super) fn visit_close(&mut self) {
        let today = self.today();
        let Some(s) = self.writable_visit(Action::CloseVisit) else {
            return;
        };
        let next = s.visit.proposed_next_visit(today);
        self.popup = Some(Popup::Form(Form::new(
            FormKind::CloseVisit,
            T::FormCloseVisit,
            vec![Field::text(T::FieldNextVisit, &next.to_string())],
        )));
    }

    /// Enter on a child: the child's screen; Esc comes back to the visit.
    pub(super) fn visit_open_child(&mut self) {
        let Some(Screen::Visit(s)) = self.screens.last() else {
            return;
        };
        let Some(VisitPart::Child(index)) = s.list.selected().map(|r| r.part) else {
            return;
        };
        let Some(id) = s.children.get(index).map(|c| c.child.id) else {
            return;
        };
        let ctx = super::ctx_of!(self);
        match ChildScreen::load(&ctx, id) {
            Ok(Some(screen)) => self.screens.push(Screen::Child(screen)),
            Ok(None) => {}
            Err(e) => self.complain(self.lang.error(&e)),
        }
    }

    /// Saves one of the visit's forms; what was saved, or why not (the form stays open, with
    /// everything typed).
    pub(super) fn submit_visit_form(
        &mut self,
        form: &Form<FormKind>,
    ) -> std::result::Result<String, String> {
        let lang = self.lang;
        let today = self.today();
        let text = form.text(0).trim().to_string();
        match &form.kind {
            FormKind::VisitAdvice { child } => {
                if text.is_empty() {
                    return Err(lang.get(T::ErrAdviceRequired).into());
                }
                let competencies = Competency::parse_numbers(form.text(1))
                    .map_err(|typed| lang.bad_competency(&typed))?;
                self.change_visit(AuditAction::VisitAdvice, |visit, sig| {
                    visit.notes.push(Advice {
                        child_id: *child,
                        text,
                        competencies,
                        by: sig.by.clone(),
                        at: sig.at,
                    });
                    Ok(())
                })?;
                Ok(lang.get(T::FormAdvice).into())
            }
            FormKind::VisitFollowUp { child } => {
                if text.is_empty() {
                    return Err(lang.get(T::ErrFollowUpRequired).into());
                }
                let due = future_date(lang, form.text(1), today)?;
                self.change_visit(AuditAction::VisitFollowUp, |visit, sig| {
                    visit.follow_ups.push(FollowUp {
                        child_id: *child,
                        text,
                        due,
                        done: false,
                        by: sig.by.clone(),
                        at: sig.at,
                        from_visit: None,
                    });
                    Ok(())
                })?;
                Ok(lang.get(T::FormFollowUp).into())
            }
            FormKind::CloseVisit => {
                let next = future_date(lang, form.text(0), today)?;
                self.change_visit(AuditAction::VisitClose, |visit, sig| {
                    visit.close(next, sig.at);
                    Ok(())
                })?;
                Ok(lang.get(T::VisitTitle).into())
            }
            _ => Ok(String::new()),
        }
    }

    /// "Close the visit? The next one on <date>.", asked before the close form is saved; or why
    /// the form does not do.
    pub(super) fn close_visit_question(
        &self,
        form: &Form<FormKind>,
    ) -> std::result::Result<String, String> {
        let next = future_date(self.lang, form.text(0), self.today())?;
        Ok(self.lang.close_visit_question(&self.lang.date(next)))
    }

    /// Applies `change` to a copy of the shown visit and writes it; the screen takes the copy
    /// only once the write is flushed.
    fn change_visit(
        &mut self,
        action: AuditAction,
        change: impl FnOnce(&mut Visit, &Signature) -> std::result::Result<(), String>,
    ) -> std::result::Result<(), String> {
        let sig = self.signature();
        let Some(Screen::Visit(s)) = self.screens.last_mut() else {
            return Ok(());
        };
        let mut changed = s.visit.clone();
        change(&mut changed, &sig)?;
        // Nothing saved yet means the visit is not on disk: its start is written first, so the
        // audit says when the visit began.
        let started = match s.saved {
            SaveState::Nothing => self
                .store
                .save_visit(&s.visit, AuditAction::VisitStart, &sig),
            _ => Ok(()),
        };
        match started.and_then(|()| self.store.save_visit(&changed, action, &sig)) {
            Ok(()) => {
                s.visit = changed;
                s.saved = SaveState::Saved(sig.at);
                let rows = visit_rows(s);
                s.list.set_items(rows);
                Ok(())
            }
            Err(e) => {
                s.saved = SaveState::Failed;
                Err(self.lang.store_error(&e))
            }
        }
    }
}

/// A date typed as YYYY-MM-DD that is not before `today`.
fn future_date(
    lang: crate::i18n::Lang,
    text: &str,
    today: NaiveDate,
) -> std::result::Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| lang.get(T::ErrBadDate).to_string())?;
    if date < today {
        return Err(lang.get(T::ErrPastDate).into());
    }
    Ok(date)
}

/// The rows: the follow-ups (carried over first, as agreed), the children in attention order,
/// then the group.
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
        search: c.child.full_name(),
    });
    let group = VisitRow {
        part: VisitPart::Group,
        key: u64::MAX,
        search: s.group.name.clone(),
    };
    follow_ups.chain(children).chain([group]).collect()
}

/// When a visit last changed, for the "saved" badge of one opened again (`now` for one with
/// nothing in it: it was saved when it started).
fn last_change(visit: &Visit, now: chrono::DateTime<chrono::FixedOffset>) -> SaveState {
    let advice = visit.notes.iter().map(|a| a.at);
    let follow_ups = visit.follow_ups.iter().map(|f| f.at);
    let at = advice.chain(follow_ups).chain(visit.closed_at).max();
    SaveState::Saved(at.unwrap_or(now))
}
