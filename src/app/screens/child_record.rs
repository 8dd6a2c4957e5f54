//! The child's record as its screen keeps it: the parents and guardians, the mentor and the
//! parents' consent per purpose. Each is a typed form; every change is one audited store write
//! (`child.guardians`, `child.mentor`, `child.consent`) on the child as stored now.

use super::handover::HandoverForm;
use crate::app::fields::{Choice, Fields, Form, Text};
use crate::app::modal::{Confirm, Modal, Step};
use crate::app::{AppError, Ctx, Outcome};
use crate::domain::child::Guardian;
use crate::domain::contact::{parse_phones, phones_text};
use crate::domain::{
    consent, AuditAction, Child, ChildConsent, ConsentAnswer, ConsentTo, Given, Id, Invalid, Role,
};
use crate::i18n::{Lang, T};
use crate::store::Signature;

/// A popup of the child's record: one of its forms, or whether to remove the guardian at this
/// place in the child's list.
pub type RecordModal = Modal<RecordForm, usize>;

/// The forms of the child's record (boxed: a screen holds one only while it is open).
#[derive(Debug, Clone)]
pub enum RecordForm {
    Guardian(Box<GuardianForm>),
    Mentor(Box<MentorForm>),
    Consent(Box<ConsentForm>),
    /// The handover to school, or for a BSO child the talk with the school (`handover.rs`).
    Handover(Box<HandoverForm>),
}

impl RecordForm {
    fn inner(&self) -> &dyn Fields {
        match self {
            RecordForm::Guardian(f) => f.as_ref(),
            RecordForm::Mentor(f) => f.as_ref(),
            RecordForm::Consent(f) => f.as_ref(),
            RecordForm::Handover(f) => f.as_ref(),
        }
    }

    fn inner_mut(&mut self) -> &mut dyn Fields {
        match self {
            RecordForm::Guardian(f) => f.as_mut(),
            RecordForm::Mentor(f) => f.as_mut(),
            RecordForm::Consent(f) => f.as_mut(),
            RecordForm::Handover(f) => f.as_mut(),
        }
    }
}

impl Fields for RecordForm {
    fn title(&self) -> T {
        self.inner().title()
    }
    fn fields(&self) -> Vec<&dyn crate::app::fields::Field> {
        self.inner().fields()
    }
    fn fields_mut(&mut self) -> Vec<&mut dyn crate::app::fields::Field> {
        self.inner_mut().fields_mut()
    }
    fn warning(&self, lang: Lang) -> Option<String> {
        self.inner().warning(lang)
    }
    fn hint(&self, lang: Lang) -> Option<String> {
        self.inner().hint(lang)
    }
}

/// Adding a parent or guardian, or changing the one at place `editing` of the child's list.
#[derive(Debug, Clone)]
pub struct GuardianForm {
    pub editing: Option<usize>,
    pub name: Text,
    /// "moeder", "vader", "pleegouder", ...
    pub relation: Text,
    /// Parental authority (gezag).
    pub authority: Choice<bool>,
    /// "label: number; number; ..." as on a contact card.
    pub phones: Text,
    pub email: Text,
}

impl Fields for GuardianForm {
    fn title(&self) -> T {
        match self.editing {
            Some(_) => T::FormEditGuardian,
            None => T::FormAddGuardian,
        }
    }
    crate::fields!(name, relation, authority, phones, email);
}

impl GuardianForm {
    /// The form for the guardian at `editing` of `child` (a new one with gezag when `None`).
    pub fn new(lang: Lang, child: &Child, editing: Option<usize>) -> GuardianForm {
        let g = editing
            .and_then(|i| child.guardians.get(i).cloned())
            .unwrap_or(Guardian {
                authority: true,
                ..Guardian::default()
            });
        GuardianForm {
            editing,
            name: Text::new(T::FieldName, &g.name),
            relation: Text::new(T::FieldRelation, &g.relation),
            authority: Choice::new(T::FieldAuthority, yes_no(lang), |v| *v == g.authority),
            phones: Text::new(T::FieldPhones, &phones_text(&g.phones)),
            email: Text::new(T::FieldEmail, &g.email),
        }
    }

    /// The guardian as typed.
    ///
    /// # Errors
    /// A name is required; phones must be "label: number; ...".
    pub fn guardian(&self) -> Result<Guardian, Invalid> {
        Ok(Guardian {
            name: self.name.required(Invalid::NameRequired)?,
            relation: self.relation.trimmed().to_string(),
            authority: self.authority.value().copied().unwrap_or(false),
            phones: parse_phones(&self.phones.value)?,
            email: self.email.trimmed().to_string(),
        })
    }
}

/// Who is the child's mentor: none, or one of the group's staff.
#[derive(Debug, Clone)]
pub struct MentorForm {
    pub mentor: Choice<Option<Id>>,
}

impl Fields for MentorForm {
    fn title(&self) -> T {
        T::FormMentor
    }
    crate::fields!(mentor);
}

impl MentorForm {
    /// "No mentor", then the staff (role staff) who work on the child's group, by name; the
    /// current mentor stays a choice even when they work elsewhere now.
    ///
    /// # Errors
    /// When the store cannot be read.
    pub fn open(ctx: &Ctx, child: &Child) -> Result<MentorForm, AppError> {
        let mut staff: Vec<_> = ctx
            .store
            .staff()?
            .into_iter()
            .filter(|s| {
                let works_here = s.role == Role::Staff && s.groups.contains(&child.group_id);
                works_here || Some(s.id) == child.mentor
            })
            .collect();
        staff.sort_by_cached_key(|s| crate::search::fold(&s.name));
        let none = (ctx.lang.get(T::NoMentor).to_string(), None);
        let options = std::iter::once(none)
            .chain(staff.into_iter().map(|s| (s.name, Some(s.id))))
            .collect();
        Ok(MentorForm {
            mentor: Choice::new(T::FieldMentor, options, |id| *id == child.mentor),
        })
    }
}

/// The parents' answer per purpose, and which guardian with gezag gave it.
#[derive(Debug, Clone)]
pub struct ConsentForm {
    pub coach: Choice<Option<ConsentAnswer>>,
    pub coach_by: Choice<String>,
    pub care_team: Choice<Option<ConsentAnswer>>,
    pub care_team_by: Choice<String>,
    pub school: Choice<Option<ConsentAnswer>>,
    pub school_by: Choice<String>,
}

impl Fields for ConsentForm {
    fn title(&self) -> T {
        T::FormConsent
    }
    crate::fields!(coach, coach_by, care_team, care_team_by, school, school_by);

    fn hint(&self, lang: Lang) -> Option<String> {
        Some(lang.get(T::ConsentFormHint).to_string())
    }
}

impl ConsentForm {
    /// The form with the child's answers as recorded; who gave one is chosen among the
    /// guardians with gezag (and whoever was recorded before, so that it is not lost). `bso`:
    /// the child is in a BSO, and consent to school is to pass information to it.
    pub fn new(lang: Lang, child: &Child, bso: bool) -> ConsentForm {
        let answer = |to: ConsentTo, label: T| {
            let options = [None, Some(ConsentAnswer::Yes), Some(ConsentAnswer::No)]
                .map(|a| (lang.consent_answer(a).to_string(), a))
                .to_vec();
            let now = child.consent.answer(to);
            Choice::new(label, options, |a| *a == now)
        };
        let given_by = |to: ConsentTo| {
            let now = child.consent.get(to).map_or("", |g| g.given_by.as_str());
            let mut names: Vec<&str> = child
                .guardians
                .iter()
                .filter(|g| g.authority)
                .map(|g| g.name.as_str())
                .collect();
            if !now.is_empty() && !names.contains(&now) {
                names.push(now);
            }
            let nobody = (lang.get(T::GivenByNobody).to_string(), String::new());
            let options = std::iter::once(nobody)
                .chain(names.into_iter().map(|n| (n.to_string(), n.to_string())))
                .collect();
            Choice::new(T::FieldGivenBy, options, |n| n == now)
        };
        ConsentForm {
            coach: answer(ConsentTo::Coach, T::consent(ConsentTo::Coach, bso)),
            coach_by: given_by(ConsentTo::Coach),
            care_team: answer(ConsentTo::CareTeam, T::consent(ConsentTo::CareTeam, bso)),
            care_team_by: given_by(ConsentTo::CareTeam),
            school: answer(ConsentTo::School, T::consent(ConsentTo::School, bso)),
            school_by: given_by(ConsentTo::School),
        }
    }

    /// `child`'s consent with the answers as chosen: a purpose whose answer and giver did not
    /// change keeps when and by whom it was recorded; a changed one is recorded now, by `sig`.
    ///
    /// # Errors
    /// A changed yes or no whose giver is not a guardian with gezag
    /// ([`consent::check_giver`]).
    pub fn apply(&self, child: &Child, sig: &Signature) -> Result<ChildConsent, Invalid> {
        let mut changed = child.consent.clone();
        for (to, answer, by) in [
            (ConsentTo::Coach, &self.coach, &self.coach_by),
            (ConsentTo::CareTeam, &self.care_team, &self.care_team_by),
            (ConsentTo::School, &self.school, &self.school_by),
        ] {
            let answer = answer.value().copied().flatten();
            let given_by = by.value().cloned().unwrap_or_default();
            let before = child
                .consent
                .get(to)
                .map(|g| (g.answer, g.given_by.as_str()));
            if answer.is_some() && before != answer.map(|a| (a, given_by.as_str())) {
                consent::check_giver(&given_by, &child.guardians)?;
            }
            set_consent(&mut changed, to, answer, given_by, sig);
        }
        Ok(changed)
    }
}

/// Records `answer` (`None`: not asked) for `to`, given by `given_by`: kept as it was when
/// neither changed, else recorded now by `sig`.
pub fn set_consent(
    consent: &mut ChildConsent,
    to: ConsentTo,
    answer: Option<ConsentAnswer>,
    given_by: String,
    sig: &Signature,
) {
    let slot = consent.slot(to);
    let same = slot.as_ref().map(|g| (g.answer, g.given_by.as_str()));
    if same == answer.map(|a| (a, given_by.as_str())) {
        return;
    }
    *slot = answer.map(|answer| Given {
        answer,
        at: sig.at,
        by: sig.by.clone(),
        given_by,
    });
}

fn yes_no(lang: Lang) -> Vec<(String, bool)> {
    vec![
        (lang.get(T::Yes).to_string(), true),
        (lang.get(T::No).to_string(), false),
    ]
}

/// Changes the child with `id` as stored now and writes it as one audited change; the child as
/// saved. Nothing is written when `change` leaves it as it was.
///
/// # Errors
/// What `change` refuses, or the store's error; [`AppError::ChildGone`] when the child is gone.
pub fn change_child(
    ctx: &Ctx,
    id: Id,
    action: AuditAction,
    change: impl FnOnce(&mut Child, &Signature) -> Result<(), AppError>,
) -> Result<Child, AppError> {
    let child = ctx.store.child(id)?.ok_or(AppError::ChildGone)?;
    let sig = ctx.signature();
    let mut changed = child.clone();
    change(&mut changed, &sig)?;
    if changed != child {
        ctx.store.save_child(&changed, action, &sig)?;
    }
    Ok(changed)
}

/// The question whether to remove the guardian at `index` of `child`.
pub fn confirm_remove(lang: Lang, child: &Child, index: usize) -> Option<RecordModal> {
    let guardian = child.guardians.get(index)?;
    Some(Modal::Confirm(Confirm {
        question: lang.confirm_remove(&guardian.name),
        about: index,
    }))
}

/// What a form or the question of the child's record did: saved (the screen reloads and says
/// so), refused (the form opens again, saying why), removed, or nothing.
pub fn record_step(
    ctx: &Ctx,
    child: Id,
    modal: &mut Option<RecordModal>,
    step: Step<RecordForm, usize>,
) -> Outcome {
    let lang = ctx.lang;
    let saved = |what: &str| Outcome::Reload.and(Outcome::Say(lang.saved(what)));
    match step {
        Step::Stay | Step::Closed | Step::No(_) => Outcome::Done,
        Step::Yes(index) => {
            let mut name = String::new();
            let removed = change_child(ctx, child, AuditAction::ChildGuardians, |c, _| {
                name = c.remove_guardian(index).map(|g| g.name).unwrap_or_default();
                Ok(())
            });
            match removed {
                Ok(_) => Outcome::Reload.and(Outcome::Say(lang.removed(&name))),
                Err(e) => Outcome::Fail(e),
            }
        }
        Step::Submit(form) => {
            let result = match &form.fields {
                RecordForm::Guardian(f) => f.guardian().map_err(AppError::from).and_then(|g| {
                    let name = g.name.clone();
                    change_child(ctx, child, AuditAction::ChildGuardians, |c, _| {
                        c.set_guardian(f.editing, g);
                        Ok(())
                    })
                    .map(|_| name)
                }),
                RecordForm::Mentor(f) => {
                    let mentor = f.mentor.value().copied().flatten();
                    change_child(ctx, child, AuditAction::ChildMentor, |c, _| {
                        c.mentor = mentor;
                        Ok(())
                    })
                    .map(|_| lang.get(T::FieldMentor).to_string())
                }
                RecordForm::Consent(f) => {
                    change_child(ctx, child, AuditAction::ChildConsent, |c, sig| {
                        c.consent = f.apply(c, sig)?;
                        Ok(())
                    })
                    .map(|_| lang.get(T::ChildConsent).to_string())
                }
                RecordForm::Handover(f) => {
                    let written = ctx
                        .store
                        .child(child)
                        .map_err(AppError::from)
                        .and_then(|c| c.ok_or(AppError::ChildGone))
                        .and_then(|c| f.save(ctx, &c));
                    if let Ok(false) = written {
                        return Outcome::Say(lang.get(T::HandoverNothingSaved).to_string());
                    }
                    written.map(|_| lang.get(f.title()).to_string())
                }
            };
            match result {
                Ok(what) => saved(&what),
                Err(e) => {
                    *modal = Some(Modal::Form(form.refused(lang.error(&e))));
                    Outcome::Done
                }
            }
        }
    }
}

/// Opens a form of the record.
pub fn open(form: RecordForm) -> Option<RecordModal> {
    Some(Modal::Form(Form::new(form)))
}
