//! The warm handover of a child to primary school: a short document written at about 3 years 9
//! months, discussed with the parents (their view added) and passed on only with their consent
//! (`consent.school`), then a spoken ("warm") handover. One per child, rewritten whole.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::child::age_between;
use super::form::{FormTemplate, Section};
use super::{GroupKind, Id, Invalid};

/// From this age (in months, 3 years 9 months) a child in a KDV or peuteropvang is flagged as
/// going to school: time to write and discuss its handover.
pub const SCHOOL_SOON_MONTHS: u32 = 45;

/// The date of the 4th birthday (the day the child may start school) of a child born on `born`
/// in a group of `kind`, once it is [`SCHOOL_SOON_MONTHS`] old on `today`; `None` before that,
/// and always for a BSO, whose children already go to school.
pub fn to_school_on(kind: GroupKind, born: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    if kind == GroupKind::Bso {
        return None;
    }
    let age = age_between(born, today)?;
    (age.in_months() >= SCHOOL_SOON_MONTHS).then(|| born + Months::new(48))
}

/// How far ahead a warm handover (or a talk with the school) may be planned: a year, in months.
/// A date further ahead is a typing error (01-01-2099), not a plan.
pub const PLAN_AHEAD_MONTHS: u32 = 12;

/// Ok for a warm handover on `on` of a child born on `born`, typed on `today`: none yet, or a
/// date on or after the birth and at most [`PLAN_AHEAD_MONTHS`] after today (a date after today
/// is a planned one). `bso`: the date is that of the talk with the school, and the error says so.
///
/// # Errors
/// [`Invalid::HandoverBeforeBirth`] (or [`Invalid::TalkBeforeBirth`] for a BSO child) for a date
/// before the birth, [`Invalid::HandoverTooFarAhead`] for one more than a year after today.
pub fn check_warm_handover(
    on: Option<NaiveDate>,
    born: NaiveDate,
    today: NaiveDate,
    bso: bool,
) -> Result<(), Invalid> {
    let latest = today + Months::new(PLAN_AHEAD_MONTHS);
    match on {
        Some(day) if day < born && bso => Err(Invalid::TalkBeforeBirth),
        Some(day) if day < born => Err(Invalid::HandoverBeforeBirth),
        Some(day) if day > latest => Err(Invalid::HandoverTooFarAhead),
        _ => Ok(()),
    }
}

/// A child's handover to school. Exported as `handovers[]`. For a BSO child, who already goes
/// to school, the same record holds the talk with the school's intern begeleider ("overleg met
/// school"): `school`, `warm_handover_on` (the date of the talk), `spoken_with` (with whom) and
/// `what_helps` (what was discussed and agreed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Handover {
    pub child_id: Id,
    /// The school the child goes to (free text: name and place).
    #[serde(default)]
    pub school: String,
    /// Free text per development domain, keyed by the domain's name as the observation form
    /// names it (e.g. "Sociaal-emotioneel"); ordered by name so the document reads the same each time.
    #[serde(default)]
    pub development: BTreeMap<String, String>,
    #[serde(default)]
    pub interests: String,
    /// What helps the child (in the group, with others, at transitions). For a BSO child: what
    /// was discussed and agreed with the school.
    #[serde(default)]
    pub what_helps: String,
    /// How the parents see their child, in their words.
    #[serde(default)]
    pub parents_view: String,
    /// The date of the spoken handover with the school, once it took place (for a BSO child:
    /// of the talk with the school).
    #[serde(default)]
    pub warm_handover_on: Option<NaiveDate>,
    /// Who at the school was spoken to (name and role, e.g. the intern begeleider).
    #[serde(default)]
    pub spoken_with: String,
    /// Who wrote the last change, and when.
    pub by: String,
    pub at: DateTime<FixedOffset>,
}

/// One development text of a handover, as a document prints it (see
/// [`Handover::development_in_order`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Domain<'a> {
    /// The form's section the text is keyed by; `None` for a key the form does not know (a
    /// handover written with another form, or imported): then `key` is its only name.
    pub section: Option<&'a Section>,
    /// The key as stored (the section's Dutch title).
    pub key: &'a str,
    pub text: &'a str,
}

impl Handover {
    /// The development texts that say something, in the order of `template`'s sections (the
    /// child's observation form, as the handover form shows them), then those under a key the
    /// form does not know, by key. The map itself is ordered by its Dutch keys, which reads as
    /// noise in any other language and order.
    pub fn development_in_order<'a>(
        &'a self,
        template: Option<&'a FormTemplate>,
    ) -> Vec<Domain<'a>> {
        let sections = template.map(|t| t.sections.as_slice()).unwrap_or_default();
        let said = |text: &String| !text.trim().is_empty();
        let known = sections.iter().filter_map(|section| {
            let (key, text) = self.development.get_key_value(&section.title.nl)?;
            said(text).then_some(Domain {
                section: Some(section),
                key,
                text,
            })
        });
        let unknown = self
            .development
            .iter()
            .filter(|(key, text)| said(text) && !sections.iter().any(|s| &s.title.nl == *key))
            .map(|(key, text)| Domain {
                section: None,
                key,
                text,
            });
        known.chain(unknown).collect()
    }

    /// Whether anything is written in it: a school, any text, or a date. The one definition of
    /// a written handover: a record with nothing in it is none (the group list shows no ✓, the
    /// child screen "not written yet"), and saving an empty form writes none.
    pub fn is_written(&self) -> bool {
        let texts = [
            &self.school,
            &self.interests,
            &self.what_helps,
            &self.parents_view,
            &self.spoken_with,
        ];
        texts.iter().any(|t| !t.trim().is_empty())
            || self.development.values().any(|t| !t.trim().is_empty())
            || self.warm_handover_on.is_some()
    }

    /// The problems with this handover's dates for a child born on `birth_date`, checked on
    /// `today`, one sentence each: a warm handover or a change before the child was born cannot
    /// be, and a warm handover is planned at most [`PLAN_AHEAD_MONTHS`] ahead (as the form
    /// allows, `check_warm_handover`).
    pub fn date_problems(&self, birth_date: NaiveDate, today: NaiveDate) -> Vec<String> {
        let mut problems = Vec::new();
        let latest = today + Months::new(PLAN_AHEAD_MONTHS);
        if let Some(on) = self.warm_handover_on.filter(|d| *d > latest) {
            problems.push(format!(
                "the handover of child {} has its warm handover on {on}, more than \
                 {PLAN_AHEAD_MONTHS} months ahead",
                self.child_id
            ));
        }
        if self.warm_handover_on.is_some_and(|d| d < birth_date) {
            problems.push(format!(
                "the handover of child {} has its warm handover before the child was born",
                self.child_id
            ));
        }
        if self.at.date_naive() < birth_date {
            problems.push(format!(
                "the handover of child {} was written before the child was born",
                self.child_id
            ));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handover(on: Option<&str>, at: &str) -> Handover {
        Handover {
            child_id: 7,
            school: "Basisschool De Linde".into(),
            development: BTreeMap::new(),
            interests: String::new(),
            what_helps: String::new(),
            parents_view: String::new(),
            warm_handover_on: on.map(|d| d.parse().unwrap()),
            spoken_with: String::new(),
            by: "Anouk".into(),
            at: DateTime::parse_from_rfc3339(at).unwrap(),
        }
    }

    #[test]
    fn kdv_and_peuteropvang_children_go_to_school_from_3_years_9_months_bso_children_never() {
        let born: NaiveDate = "2023-02-28".parse().unwrap();
        let day = |d: &str| d.parse::<NaiveDate>().unwrap();
        let fourth = Some(day("2027-02-28"));
        for kind in [GroupKind::Kdv, GroupKind::Peuteropvang] {
            assert_eq!(to_school_on(kind, born, day("2026-11-27")), None);
            assert_eq!(to_school_on(kind, born, day("2026-11-28")), fourth);
            assert_eq!(to_school_on(kind, born, day("2027-03-01")), fourth);
        }
        assert_eq!(to_school_on(GroupKind::Bso, born, day("2026-12-01")), None);
    }

    #[test]
    fn dates_after_the_birth_are_sane_and_dates_before_it_are_named() {
        let born: NaiveDate = "2022-12-10".parse().unwrap();
        let fine = handover(Some("2026-12-01"), "2026-11-20T10:00:00+01:00");
        let today: NaiveDate = "2026-11-29".parse().unwrap();
        assert!(fine.date_problems(born, today).is_empty());
        let bad = handover(Some("2020-01-01"), "2021-11-20T10:00:00+01:00");
        let problems = bad.date_problems(born, today);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("warm handover before the child was born"));
        assert!(problems[1].contains("written before the child was born"));
        let planned = handover(Some("2027-11-29"), "2026-11-20T10:00:00+01:00");
        assert!(
            planned.date_problems(born, today).is_empty(),
            "a year ahead"
        );
        let far = handover(Some("2999-01-01"), "2026-11-20T10:00:00+01:00");
        let problems = far.date_problems(born, today);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("warm handover on 2999-01-01, more than 12 months ahead"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_warm_handover_before_the_birth_or_more_than_a_year_ahead_is_refused() {
        let born: NaiveDate = "2022-12-10".parse().unwrap();
        let today: NaiveDate = "2026-11-20".parse().unwrap();
        let check = |on: Option<NaiveDate>, bso| check_warm_handover(on, born, today, bso);
        assert_eq!(check(None, false), Ok(()));
        assert_eq!(check(Some(born), false), Ok(()));
        let before = born.pred_opt();
        assert_eq!(check(before, false), Err(Invalid::HandoverBeforeBirth));
        assert_eq!(check(before, true), Err(Invalid::TalkBeforeBirth));
        let in_a_year: NaiveDate = "2027-11-20".parse().unwrap();
        assert_eq!(check(Some(in_a_year), false), Ok(()), "planned");
        for bso in [false, true] {
            assert_eq!(
                check(in_a_year.succ_opt(), bso),
                Err(Invalid::HandoverTooFarAhead)
            );
        }
    }

    #[test]
    fn a_handover_is_written_once_anything_is_in_it() {
        let mut h = handover(None, "2026-11-20T10:00:00+01:00");
        assert!(h.is_written(), "a school");
        h.school = "  ".into();
        assert!(!h.is_written(), "nothing but blanks");
        h.development.insert("Taal".into(), "Vertelt veel.".into());
        assert!(h.is_written(), "a domain's text");
        h.development.clear();
        h.warm_handover_on = "2026-12-01".parse().ok();
        assert!(h.is_written(), "a date");
    }

    #[test]
    fn a_handover_reads_back_from_json_with_only_its_required_fields() {
        let json = r#"{"child_id": 7, "by": "Anouk", "at": "2026-11-20T10:00:00+01:00"}"#;
        let h: Handover = serde_json::from_str(json).unwrap();
        assert_eq!(h.child_id, 7);
        assert!(h.warm_handover_on.is_none() && h.development.is_empty());
    }

    #[test]
    fn development_follows_the_forms_sections_then_keys_it_does_not_know() {
        let mut h = handover(None, "2026-11-20T10:00:00+01:00");
        for (key, text) in [
            ("Motoriek", "Klimt en rent."),
            ("Eigen kopje", "Iets anders."),
            ("Sociaal-emotioneel", "Speelt samen."),
            ("Spel", "  "),
        ] {
            h.development.insert(key.into(), text.into());
        }
        let form = crate::commands::test_support::kdv();
        let order = |template| -> Vec<(bool, String)> {
            h.development_in_order(template)
                .iter()
                .map(|d| (d.section.is_some(), d.key.to_string()))
                .collect()
        };
        let known = |key: &str| (true, key.to_string());
        let other = |key: &str| (false, key.to_string());
        assert_eq!(
            order(Some(&form)),
            [
                known("Sociaal-emotioneel"),
                known("Motoriek"),
                other("Eigen kopje")
            ],
            "the form's order, an empty text left out, an unknown key last"
        );
        assert_eq!(
            order(None),
            [
                other("Eigen kopje"),
                other("Motoriek"),
                other("Sociaal-emotioneel")
            ]
        );
    }
}
