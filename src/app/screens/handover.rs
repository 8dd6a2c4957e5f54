//! The handover form on the child's screen (`s`): for a KDV or peuteropvang child its handover
//! to primary school (school, development per domain of its observation form, interests, what
//! helps, the parents' view, the warm handover's date and who was spoken to); for a BSO child,
//! who already goes to school, the talk with the school's intern begeleider (school, date, with
//! whom, what was discussed and agreed). Both are the one [`Handover`] record of the child,
//! saved whole as one audited `handover.save`.

use std::collections::BTreeMap;

use crate::app::fields::{Date, Field, Fields, Text};
use crate::app::{AppError, Ctx};
use crate::domain::access::{self, Permission};
use crate::domain::form::FormTemplate;
use crate::domain::handover::{check_warm_handover, Handover};
use crate::domain::{Child, ConsentTo, Group, GroupKind, Observation};
use crate::i18n::{Lang, T};

/// The handover of one child as a form. Which fields it shows depends on `bso`.
#[derive(Debug, Clone)]
pub struct HandoverForm {
    /// A BSO child: the talk with the school instead of a handover to it.
    pub bso: bool,
    pub school: Text,
    /// One text per domain: the key it is saved under (the domain's Dutch name, so that the
    /// record reads the same whoever wrote it) and its field, labelled in the screen's language.
    pub development: Vec<(String, Text)>,
    pub interests: Text,
    /// What helps the child; for a BSO child what was discussed and agreed with the school.
    pub what_helps: Text,
    pub parents_view: Text,
    /// The warm handover's date; for a BSO child the date of the talk.
    pub warm_handover_on: Date,
    pub spoken_with: Text,
    /// The parents' answer on passing information to the school, shown read-only.
    consent: Option<crate::domain::ConsentAnswer>,
}

impl Fields for HandoverForm {
    fn title(&self) -> T {
        match self.bso {
            true => T::FormSchoolTalk,
            false => T::FormHandover,
        }
    }

    fn fields(&self) -> Vec<&dyn Field> {
        let mut fields: Vec<&dyn Field> = vec![&self.school];
        if self.bso {
            fields.extend([
                &self.warm_handover_on as &dyn Field,
                &self.spoken_with,
                &self.what_helps,
            ]);
            return fields;
        }
        fields.extend(self.development.iter().map(|(_, t)| t as &dyn Field));
        fields.extend([
            &self.interests as &dyn Field,
            &self.what_helps,
            &self.parents_view,
            &self.warm_handover_on,
            &self.spoken_with,
        ]);
        fields
    }

    fn fields_mut(&mut self) -> Vec<&mut dyn Field> {
        let mut fields: Vec<&mut dyn Field> = vec![&mut self.school];
        if self.bso {
            fields.extend([
                &mut self.warm_handover_on as &mut dyn Field,
                &mut self.spoken_with,
                &mut self.what_helps,
            ]);
            return fields;
        }
        fields.extend(
            self.development
                .iter_mut()
                .map(|(_, t)| t as &mut dyn Field),
        );
        fields.extend([
            &mut self.interests as &mut dyn Field,
            &mut self.what_helps,
            &mut self.parents_view,
            &mut self.warm_handover_on,
            &mut self.spoken_with,
        ]);
        fields
    }

    /// The parents' consent to pass it to the school, read-only here (`t` records it): above
    /// the fields while it is not yes, for then nothing goes to the school.
    fn warning(&self, lang: Lang) -> Option<String> {
        let yes = self.consent == Some(crate::domain::ConsentAnswer::Yes);
        (!yes).then(|| lang.handover_consent_hint(self.consent, self.bso))
    }

    /// With the parents' yes, that yes under the fields.
    fn hint(&self, lang: Lang) -> Option<String> {
        let yes = self.consent == Some(crate::domain::ConsentAnswer::Yes);
        yes.then(|| lang.handover_consent_hint(self.consent, self.bso))
    }
}

impl HandoverForm {
    /// The form for `child` of `group`: its handover as stored, or a new one whose development
    /// per domain is prefilled from the child's latest observation the person at the keyboard
    /// may know of, without any Meldcode-flagged item.
    ///
    /// # Errors
    /// [`AppError::OnlyFor`] for who may not read or write handovers, or the store's error.
    pub fn open(ctx: &Ctx, child: &Child, group: &Group) -> Result<HandoverForm, AppError> {
        ctx.permit(Permission::Handover)?;
        let lang = ctx.lang;
        let stored = ctx.store.handover(child.id)?;
        // The latest observation with something to pass on: one holding only Meldcode marks
        // (which never go to a school) would otherwise leave the form empty.
        let latest = ctx
            .known_observations(ctx.store.observations_of(child.id)?)
            .into_iter()
            .rev()
            .find_map(|o| {
                let template = ctx.catalogue.find(&o.template, o.version)?;
                let texts = prefill(lang, template, &o);
                (!texts.is_empty()).then_some((template, texts))
            });
        let template = latest
            .as_ref()
            .map(|(template, _)| *template)
            .or_else(|| ctx.catalogue.for_group(group).first().copied());
        let development = match (&stored, latest) {
            (Some(h), _) => development_fields(lang, template, &h.development),
            (None, Some((_, texts))) => development_fields(lang, template, &texts),
            (None, None) => development_fields(lang, template, &BTreeMap::new()),
        };
        let h = stored.unwrap_or_else(|| Handover {
            child_id: child.id,
            school: String::new(),
            development: BTreeMap::new(),
            interests: String::new(),
            what_helps: String::new(),
            parents_view: String::new(),
            warm_handover_on: None,
            spoken_with: String::new(),
            by: String::new(),
            at: ctx.now(),
        });
        let bso = group.kind == GroupKind::Bso;
        let (on, with, helps) = match bso {
            true => (T::FieldTalkOn, T::FieldTalkWith, T::FieldTalkAgreed),
            false => (T::FieldWarmHandover, T::FieldSpokenWith, T::FieldWhatHelps),
        };
        Ok(HandoverForm {
            bso,
            school: Text::new(T::FieldSchool, &h.school),
            development,
            interests: Text::note(T::FieldInterests, &h.interests),
            what_helps: Text::note(helps, &h.what_helps),
            parents_view: Text::note(T::FieldParentsView, &h.parents_view),
            warm_handover_on: Date::optional(on, lang, h.warm_handover_on),
            spoken_with: Text::new(with, &h.spoken_with),
            consent: child.consent.answer(ConsentTo::School),
        })
    }

    /// Checks the form and saves it as `child`'s handover (one audited `handover.save`).
    /// Returns false, having written nothing, when the form is empty and no handover was written
    /// before ([`Handover::is_written`]): an empty form is no handover. Emptying one that was
    /// written is saved, a change like any other.
    ///
    /// # Errors
    /// A date that is no date, lies before the child was born or more than a year ahead, who
    /// may not write handovers, or the store's error.
    pub fn save(&self, ctx: &Ctx, child: &Child) -> Result<bool, AppError> {
        ctx.permit(Permission::Handover)?;
        let on = self.warm_handover_on.value()?;
        check_warm_handover(on, child.birth_date, ctx.today(), self.bso)?;
        let text = |t: &Text| t.trimmed().to_string();
        // A BSO talk keeps whatever a handover had before (a child moved from the KDV).
        let before = ctx.store.handover(child.id)?;
        let kept =
            |f: fn(&Handover) -> &String| before.as_ref().map(f).cloned().unwrap_or_default();
        let (development, interests, parents_view) = match self.bso {
            true => (
                before
                    .as_ref()
                    .map(|h| h.development.clone())
                    .unwrap_or_default(),
                kept(|h| &h.interests),
                kept(|h| &h.parents_view),
            ),
            false => (
                self.development
                    .iter()
                    .filter(|(_, t)| !t.trimmed().is_empty())
                    .map(|(key, t)| (key.clone(), text(t)))
                    .collect(),
                text(&self.interests),
                text(&self.parents_view),
            ),
        };
        let handover = Handover {
            child_id: child.id,
            school: text(&self.school),
            development,
            interests,
            what_helps: text(&self.what_helps),
            parents_view,
            warm_handover_on: on,
            spoken_with: text(&self.spoken_with),
            by: String::new(),
            at: ctx.now(),
        };
        if !handover.is_written() && !before.as_ref().is_some_and(Handover::is_written) {
            return Ok(false);
        }
        ctx.store.save_handover(&handover, &ctx.signature())?;
        Ok(true)
    }
}

/// One field per domain of `template` (labelled in `lang`, keyed by its Dutch name) with its
/// text in `texts`, then one for every text in `texts` under a name the form does not have (a
/// handover written with another form), so that nothing written is lost.
fn development_fields(
    lang: Lang,
    template: Option<&FormTemplate>,
    texts: &BTreeMap<String, String>,
) -> Vec<(String, Text)> {
    let sections = template.map(|t| t.sections.as_slice()).unwrap_or_default();
    // A domain of Meldcode signals only (the circumstances at home) is no development domain
    // and never leaves the group.
    let mut fields: Vec<(String, Text)> = sections
        .iter()
        .filter(|s| s.items.iter().any(access::shared_outside))
        .map(|s| {
            let key = s.title.nl.clone();
            let value = texts.get(&key).map(String::as_str).unwrap_or_default();
            let field = Text::note(lang.text(&s.title).to_string(), value);
            (key, field)
        })
        .collect();
    for (key, value) in texts {
        if !fields.iter().any(|(k, _)| k == key) {
            fields.push((key.clone(), Text::note(key.clone(), value)));
        }
    }
    fields
}

/// The development per domain as `observation` (made with `template`) shows it: the items
/// marked, with their mark ("Speelt samen met een ander kind (vaak)"), one domain per key.
/// Never an item the Meldcode flags (`access::shared_outside`): a handover leaves the group.
pub fn prefill(
    lang: Lang,
    template: &FormTemplate,
    observation: &Observation,
) -> BTreeMap<String, String> {
    let mut texts = BTreeMap::new();
    for section in &template.sections {
        let marked: Vec<String> = section
            .items
            .iter()
            .filter(|item| access::shared_outside(item))
            .filter_map(|item| {
                let mark = observation.marks.iter().find(|m| m.item == item.id)?;
                Some(format!(
                    "{} ({})",
                    lang.text(&item.text),
                    lang.mark(Some(mark.mark))
                ))
            })
            .collect();
        if !marked.is_empty() {
            texts.insert(section.title.nl.clone(), marked.join("; "));
        }
    }
    texts
}
