//! The parents' consent, kept on the child: staff may discuss a named child with the youth-care
//! coach, in the care-team meeting or with the school only when the parents said yes. It is given
//! by a parent with parental authority (gezag); who gave it, when, and who recorded it are kept
//! (DOMAIN.md, "Consent, confidentiality and the parents"; the Wet kinderopvang and the AVG).
//!
//! A trajectory's consent rows read and write these same fields: there is one answer per child
//! and purpose, not one per trajectory.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{Child, Guardian, Invalid};

/// What the parents are asked to consent to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentTo {
    /// Discussing the child by name with the youth-care coach.
    Coach,
    /// Discussing the child by name in the care-team meeting (zorgteamoverleg).
    CareTeam,
    /// Passing information to the school (the warm handover).
    School,
}

impl ConsentTo {
    pub const ALL: [ConsentTo; 3] = [ConsentTo::Coach, ConsentTo::CareTeam, ConsentTo::School];

    /// Its name in the export (`consent.care_team`).
    pub fn key(self) -> &'static str {
        match self {
            ConsentTo::Coach => "coach",
            ConsentTo::CareTeam => "care_team",
            ConsentTo::School => "school",
        }
    }
}

/// The parents' answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentAnswer {
    Yes,
    No,
}

/// One recorded answer: `{ "answer": "yes"|"no", "at", "by", "given_by" }` in the export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Given {
    pub answer: ConsentAnswer,
    /// When it was recorded.
    pub at: DateTime<FixedOffset>,
    /// The staff member who recorded it (the name changes are signed with).
    pub by: String,
    /// The guardian who gave it (a name from the child's guardians; empty when not recorded).
    #[serde(default)]
    pub given_by: String,
}

/// The parents' consent per purpose; `None` means not asked yet, which counts as no.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildConsent {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coach: Option<Given>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub care_team: Option<Given>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school: Option<Given>,
}

impl ChildConsent {
    /// The recorded answer for `to`, if any.
    pub fn get(&self, to: ConsentTo) -> Option<&Given> {
        match to {
            ConsentTo::Coach => self.coach.as_ref(),
            ConsentTo::CareTeam => self.care_team.as_ref(),
            ConsentTo::School => self.school.as_ref(),
        }
    }

    /// The answer slot for `to`, to record or clear an answer.
    pub fn slot(&mut self, to: ConsentTo) -> &mut Option<Given> {
        match to {
            ConsentTo::Coach => &mut self.coach,
            ConsentTo::CareTeam => &mut self.care_team,
            ConsentTo::School => &mut self.school,
        }
    }

    /// The answer for `to`: `None` when not asked yet.
    pub fn answer(&self, to: ConsentTo) -> Option<ConsentAnswer> {
        self.get(to).map(|g| g.answer)
    }

    /// Whether the parents said yes to `to`. Not asked yet is no.
    pub fn allows(&self, to: ConsentTo) -> bool {
        self.answer(to) == Some(ConsentAnswer::Yes)
    }

    /// Whether nothing was asked yet.
    pub fn is_empty(&self) -> bool {
        ConsentTo::ALL.iter().all(|to| self.get(*to).is_none())
    }

    /// Moves what an older signaal recorded on `trajectory` (its `consent`) onto this, the
    /// consent of its child (see [`ChildConsent::adopt_legacy`]; without a time of its own an
    /// answer counts from the day the trajectory started, at midnight UTC). The trajectory keeps
    /// none. True when the trajectory held any: then both changed and are to be written.
    pub fn adopt_from(&mut self, trajectory: &mut crate::domain::plan::Trajectory) -> bool {
        let legacy = std::mem::take(&mut trajectory.consent);
        let started = trajectory
            .started
            .and_time(chrono::NaiveTime::MIN)
            .and_utc()
            .fixed_offset();
        self.adopt_legacy(&legacy, started);
        !legacy.is_empty()
    }

    /// Takes over what an older signaal recorded on a trajectory (`Trajectory.consent`, yes/no
    /// per coach and school): an answer there fills a purpose the child has no answer for yet,
    /// with the trajectory's `by` and `at` (`started`, the start of the trajectory, when it had
    /// none) and an empty `given_by` (it was never recorded). An answer the child already has
    /// wins. True when anything was taken over.
    pub fn adopt_legacy(
        &mut self,
        legacy: &crate::domain::plan::Consent,
        started: DateTime<FixedOffset>,
    ) -> bool {
        let mut adopted = false;
        for (to, answer) in [
            (ConsentTo::Coach, legacy.coach),
            (ConsentTo::School, legacy.school),
        ] {
            let (slot, Some(yes)) = (self.slot(to), answer) else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(Given {
                    answer: if yes {
                        ConsentAnswer::Yes
                    } else {
                        ConsentAnswer::No
                    },
                    at: legacy.at.unwrap_or(started),
                    by: legacy.by.clone(),
                    given_by: String::new(),
                });
                adopted = true;
            }
        }
        adopted
    }
}

/// Whether `given_by` may give the parents' consent for a child with `guardians`: a parent or
/// guardian of the child with parental authority (gezag), named as recorded. Source: the Wet
/// kinderopvang and the AVG leave consent for a child to who holds parental authority
/// (Burgerlijk Wetboek 1:245); DOMAIN.md, "Consent, confidentiality and the parents".
///
/// # Errors
/// [`Invalid::ConsentGiverRequired`] for an empty name; [`Invalid::GiverNotAGuardian`] for a
/// name that is none of `guardians`; [`Invalid::GiverWithoutAuthority`] for a guardian without
/// gezag.
pub fn check_giver(given_by: &str, guardians: &[Guardian]) -> Result<(), Invalid> {
    let given_by = given_by.trim();
    if given_by.is_empty() {
        return Err(Invalid::ConsentGiverRequired);
    }
    match guardians.iter().find(|g| g.name.trim() == given_by) {
        None => Err(Invalid::GiverNotAGuardian(given_by.to_string())),
        Some(g) if !g.authority => Err(Invalid::GiverWithoutAuthority(given_by.to_string())),
        Some(_) => Ok(()),
    }
}

/// Who gave `child`'s answer for `to` when it is set with one key (a trajectory's consent row):
/// the guardian recorded before, else the only guardian with gezag. `None` when that cannot be
/// told: then the answer is recorded on the child's screen, where the giver is chosen.
pub fn default_giver(child: &Child, to: ConsentTo) -> Option<String> {
    let recorded = child.consent.get(to).map(|g| g.given_by.as_str());
    if let Some(name) = recorded.filter(|n| check_giver(n, &child.guardians).is_ok()) {
        return Some(name.to_string());
    }
    match child
        .guardians
        .iter()
        .filter(|g| g.authority)
        .collect::<Vec<_>>()[..]
    {
        [only] => Some(only.name.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_legacy_trajectory_answer_fills_only_what_the_child_lacks() {
        let at = DateTime::parse_from_rfc3339("2025-03-01T09:00:00+01:00").unwrap();
        let mut consent = ChildConsent {
            coach: Some(Given {
                answer: ConsentAnswer::No,
                at,
                by: "Anouk Jansen".into(),
                given_by: "Mirjam de Vries".into(),
            }),
            ..ChildConsent::default()
        };
        let legacy = crate::domain::plan::Consent {
            coach: Some(true),
            school: Some(true),
            by: "Sanne Bakker".into(),
            at: None,
        };
        assert!(consent.adopt_legacy(&legacy, at));
        assert_eq!(
            consent.answer(ConsentTo::Coach),
            Some(ConsentAnswer::No),
            "the child's wins"
        );
        let school = consent.get(ConsentTo::School).unwrap();
        assert_eq!(
            (school.answer, school.by.as_str()),
            (ConsentAnswer::Yes, "Sanne Bakker")
        );
        assert_eq!((school.at, school.given_by.as_str()), (at, ""));
        assert!(
            !consent.adopt_legacy(&legacy, at),
            "nothing left to take over"
        );
        assert_eq!(consent.get(ConsentTo::CareTeam), None);
    }

    #[test]
    fn not_asked_counts_as_no_and_is_left_out_of_the_export() {
        let mut consent = ChildConsent::default();
        assert!(consent.is_empty());
        assert!(ConsentTo::ALL.iter().all(|to| !consent.allows(*to)));
        assert_eq!(serde_json::to_string(&consent).unwrap(), "{}");
        *consent.slot(ConsentTo::CareTeam) = Some(Given {
            answer: ConsentAnswer::Yes,
            at: DateTime::parse_from_rfc3339("2026-09-01T10:00:00+02:00").unwrap(),
            by: "Anouk Jansen".into(),
            given_by: "Mirjam de Vries".into(),
        });
        assert!(consent.allows(ConsentTo::CareTeam) && !consent.allows(ConsentTo::Coach));
        let json = serde_json::to_value(&consent).unwrap();
        for to in ConsentTo::ALL {
            assert_eq!(serde_json::to_value(to).unwrap(), to.key(), "{to:?}");
        }
        assert_eq!(json["care_team"]["answer"], "yes");
        assert_eq!(json["care_team"]["given_by"], "Mirjam de Vries");
        let back: ChildConsent = serde_json::from_value(json).unwrap();
        assert_eq!(back, consent);
    }

    fn guardian(name: &str, authority: bool) -> Guardian {
        Guardian {
            name: name.into(),
            relation: "ouder".into(),
            authority,
            ..Guardian::default()
        }
    }

    #[test]
    fn only_a_guardian_with_gezag_gives_consent() {
        let guardians = [
            guardian("Mirjam Bakker", true),
            guardian("Ruud Bakker", false),
        ];
        assert_eq!(check_giver("Mirjam Bakker", &guardians), Ok(()));
        assert_eq!(
            check_giver(" ", &guardians),
            Err(Invalid::ConsentGiverRequired)
        );
        assert_eq!(
            check_giver("Ruud Bakker", &guardians),
            Err(Invalid::GiverWithoutAuthority("Ruud Bakker".into()))
        );
        assert_eq!(
            check_giver("Buurvrouw", &guardians),
            Err(Invalid::GiverNotAGuardian("Buurvrouw".into()))
        );
    }

    #[test]
    fn one_key_takes_the_recorded_giver_or_the_only_one_with_gezag() {
        let mut child: Child = serde_json::from_str(
            r#"{"id":5,"group_id":1,"first_name":"Sara","last_name":"Bakker","birth_date":"2024-01-02"}"#,
        )
        .unwrap();
        assert_eq!(default_giver(&child, ConsentTo::Coach), None);
        child.guardians = vec![
            guardian("Mirjam Bakker", true),
            guardian("Ruud Bakker", false),
        ];
        let only = Some("Mirjam Bakker".to_string());
        assert_eq!(default_giver(&child, ConsentTo::Coach), only);
        child.guardians.push(guardian("Kees Bakker", true));
        assert_eq!(
            default_giver(&child, ConsentTo::Coach),
            None,
            "two with gezag"
        );
        child.consent.coach = Some(Given {
            answer: ConsentAnswer::Yes,
            at: DateTime::parse_from_rfc3339("2026-09-01T10:00:00+02:00").unwrap(),
            by: "Anouk Jansen".into(),
            given_by: "Kees Bakker".into(),
        });
        assert_eq!(
            default_giver(&child, ConsentTo::Coach),
            Some("Kees Bakker".into())
        );
    }
}
