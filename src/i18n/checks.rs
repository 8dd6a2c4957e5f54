//! What the consistency checks of an export or a database found, in Dutch and English: the
//! sentences `import`, `check` and `restore` give for an [`Inconsistency`].

use chrono::SecondsFormat;

use super::Lang;
use crate::export::inconsistency::RecordKind;
use crate::export::{Inconsistency, FORMAT};

impl Lang {
    /// One problem the checks found, as one sentence without a final full stop.
    pub fn inconsistency(self, problem: &Inconsistency) -> String {
        match problem {
            Inconsistency::Format { found } => self.pick(
                format!("het formaat is \"{found}\", niet \"{FORMAT}\""),
                format!("the format is {found:?}, not {FORMAT:?}"),
            ),
            Inconsistency::Version { found, supported } => self.pick(
                format!(
                    "de export heeft versie {found}, deze signaal leest tot en met versie \
                     {supported}"
                ),
                format!("the export has version {found}, this signaal reads up to {supported}"),
            ),
            Inconsistency::IdTaken { kind, id, path } => {
                let what = self.record_kind(kind);
                self.pick(
                    format!("een {what} met id {id} gebruikt een id dat al bezet is ({path})"),
                    format!("the {what} with id {id} uses an id that is already taken ({path})"),
                )
            }
            Inconsistency::Orphan {
                kind,
                id,
                name,
                parent,
                parent_id,
            } => {
                let (what, of) = (self.record_kind(kind), self.record_kind(parent));
                let name = name.as_ref().map(|n| format!(" ({n})")).unwrap_or_default();
                self.pick(
                    format!("{what} {id}{name} hoort bij {of} {parent_id}, die niet bestaat"),
                    format!("{what} {id}{name} belongs to {of} {parent_id}, which does not exist"),
                )
            }
            Inconsistency::NoName { kind, id } => {
                let what = self.record_kind(kind);
                self.pick(
                    format!("{what} {id} heeft geen naam"),
                    format!("{what} {id} has no name"),
                )
            }
            Inconsistency::NoFirstName(child) => self.pick(
                format!("kind {child} heeft geen voornaam"),
                format!("child {child} has no first name"),
            ),
            Inconsistency::StaffNameTwice(name) => self.pick(
                format!("twee medewerkers heten {name}"),
                format!("two staff members are called {name}"),
            ),
            Inconsistency::PinnedTwice(name) => self.pick(
                format!("de vaste kaart {name} staat er twee keer in"),
                format!("the pinned card {name} is there twice"),
            ),
            Inconsistency::PinnedNumberMissing { name, number } => self.pick(
                format!("de vaste kaart {name} heeft haar nummer {number} niet"),
                format!("the pinned card {name} does not have its number {number}"),
            ),
            Inconsistency::MentorUnknown { child, mentor } => self.pick(
                format!("kind {child} heeft mentor {mentor}, die geen medewerker is"),
                format!("child {child} has mentor {mentor}, which is not a staff member"),
            ),
            Inconsistency::MentorIsCoach { child, mentor } => self.pick(
                format!(
                    "kind {child} heeft mentor {mentor}, die coach is: een mentor is een van de \
                     medewerkers van de groep"
                ),
                format!(
                    "child {child} has mentor {mentor}, who is a coach: a mentor is one of the \
                     group's staff"
                ),
            ),
            Inconsistency::UnknownItem {
                observation,
                item,
                template,
                version,
            } => self.pick(
                format!(
                    "observatie {observation} markeert onderdeel \"{item}\", dat sjabloon \
                     {template} versie {version} niet heeft"
                ),
                format!(
                    "observation {observation} marks item {item:?}, which template {template} \
                     version {version} does not have"
                ),
            ),
            Inconsistency::ChainBroken(broken) => match self {
                Lang::En => broken.to_string(),
                Lang::Nl => {
                    let at = broken.at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
                    let entry = format!(
                        "logboekregel {} ({} door {} om {at}, over {})",
                        broken.position, broken.action, broken.by, broken.target
                    );
                    match broken.missing {
                        true => format!(
                            "{entry} heeft geen hash, dus het logboek kan niet worden \
                             gecontroleerd (geschreven door een signaal van voor de hashketen, of \
                             de hashes zijn weggehaald; `signaal import --unverified-trail` neemt \
                             een export van voor de keten aan en legt vast dat het logboek niet \
                             gecontroleerd is)"
                        ),
                        false => format!(
                            "{entry} klopt niet met zijn hash: deze regel, of een regel ervoor, \
                             is buiten signaal veranderd, toegevoegd of weggehaald"
                        ),
                    }
                }
            },
            Inconsistency::SealedTrailHasHash { position } => self.pick(
                format!(
                    "logboekregel {position} heeft een hash, dus deze export is niet van voor de \
                     hashketen; importeer hem zonder --unverified-trail"
                ),
                format!(
                    "audit entry {position} carries a hash, so this export is not from before \
                     the hash chain; import it without --unverified-trail"
                ),
            ),
            Inconsistency::UidTwice { name, uid } => self.pick(
                format!(
                    "het contact {name} heeft de uid \"{uid}\", die een ander contact ook heeft; \
                     een uid hoort bij één contact"
                ),
                format!(
                    "the contact {name} has the uid {uid:?}, which another contact has too; a \
                     uid names one contact"
                ),
            ),
            Inconsistency::GroupSummaryDiffers(group) => self.pick(
                format!(
                    "de telling van groep {group} (kinderen, bezoeken) klopt niet met de \
                     gegevens; signaal check bouwt haar opnieuw op"
                ),
                format!(
                    "the tally of group {group} (children, visits) does not match the records; \
                     signaal check rebuilds it"
                ),
            ),
            Inconsistency::ArchiveDateDiffers(child) => self.pick(
                format!(
                    "de archiefdatum van kind {child} klopt niet met het logboek; signaal check \
                     bouwt haar opnieuw op"
                ),
                format!(
                    "the day child {child} was archived does not match the audit trail; signaal \
                     check rebuilds it"
                ),
            ),
            Inconsistency::NewestObservationDiffers(child) => self.pick(
                format!(
                    "de kopie van de nieuwste observatie van kind {child} klopt niet met de \
                     observaties; signaal check bouwt haar opnieuw op"
                ),
                format!(
                    "the copy of child {child}'s newest observation does not match its \
                     observations; signaal check rebuilds it"
                ),
            ),
            Inconsistency::DerivedKeyUnreadable { tree } => self.pick(
                format!(
                    "de afgeleide tabel {tree} heeft een sleutel die geen groep of kind noemt; \
                     signaal check bouwt haar opnieuw op"
                ),
                format!(
                    "the derived table {tree} has a key that names no group or child; signaal \
                     check rebuilds it"
                ),
            ),
            Inconsistency::Untranslated(sentence) => sentence.clone(),
        }
    }

    /// Several problems in one line, separated by "; ".
    pub fn inconsistencies(self, problems: &[Inconsistency]) -> String {
        let sentences: Vec<String> = problems.iter().map(|p| self.inconsistency(p)).collect();
        sentences.join("; ")
    }

    /// A record kind as a noun.
    fn record_kind(self, kind: RecordKind) -> &'static str {
        match (self, kind) {
            (Lang::Nl, "staff") => "medewerker",
            (Lang::Nl, "group") => "groep",
            (Lang::Nl, "child") => "kind",
            (Lang::Nl, "observation") => "observatie",
            (Lang::Nl, "trajectory") => "traject",
            (Lang::Nl, "contact") => "contact",
            (Lang::Nl, "visit") => "bezoek",
            (Lang::En, "staff") => "staff member",
            (_, kind) => kind,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each problem in both languages, word for word.
    #[test]
    fn problems_read_in_dutch_and_english() {
        let cases = [
            (
                Inconsistency::IdTaken {
                    kind: "staff",
                    id: 4,
                    path: "staff[2].id".into(),
                },
                "een medewerker met id 4 gebruikt een id dat al bezet is (staff[2].id)",
                "the staff member with id 4 uses an id that is already taken (staff[2].id)",
            ),
            (
                Inconsistency::Orphan {
                    kind: "child",
                    id: 13,
                    name: Some("Tim Jansen".into()),
                    parent: "group",
                    parent_id: 99,
                },
                "kind 13 (Tim Jansen) hoort bij groep 99, die niet bestaat",
                "child 13 (Tim Jansen) belongs to group 99, which does not exist",
            ),
            (
                Inconsistency::MentorUnknown {
                    child: 13,
                    mentor: 7,
                },
                "kind 13 heeft mentor 7, die geen medewerker is",
                "child 13 has mentor 7, which is not a staff member",
            ),
            (
                Inconsistency::UnknownItem {
                    observation: 20,
                    item: "taal-1".into(),
                    template: "kdv".into(),
                    version: 2,
                },
                "observatie 20 markeert onderdeel \"taal-1\", dat sjabloon kdv versie 2 niet \
                 heeft",
                "observation 20 marks item \"taal-1\", which template kdv version 2 does not \
                 have",
            ),
            (
                Inconsistency::NoName {
                    kind: "group",
                    id: 5,
                },
                "groep 5 heeft geen naam",
                "group 5 has no name",
            ),
            (
                Inconsistency::StaffNameTwice("Anouk Jansen".into()),
                "twee medewerkers heten Anouk Jansen",
                "two staff members are called Anouk Jansen",
            ),
            (
                Inconsistency::PinnedNumberMissing {
                    name: "112".into(),
                    number: "112".into(),
                },
                "de vaste kaart 112 heeft haar nummer 112 niet",
                "the pinned card 112 does not have its number 112",
            ),
            (
                Inconsistency::SealedTrailHasHash { position: 3 },
                "logboekregel 3 heeft een hash, dus deze export is niet van voor de hashketen; \
                 importeer hem zonder --unverified-trail",
                "audit entry 3 carries a hash, so this export is not from before the hash \
                 chain; import it without --unverified-trail",
            ),
            (
                Inconsistency::GroupSummaryDiffers(12),
                "de telling van groep 12 (kinderen, bezoeken) klopt niet met de gegevens; \
                 signaal check bouwt haar opnieuw op",
                "the tally of group 12 (children, visits) does not match the records; signaal \
                 check rebuilds it",
            ),
            (
                Inconsistency::DerivedKeyUnreadable {
                    tree: "archived_on",
                },
                "de afgeleide tabel archived_on heeft een sleutel die geen groep of kind noemt; \
                 signaal check bouwt haar opnieuw op",
                "the derived table archived_on has a key that names no group or child; signaal \
                 check rebuilds it",
            ),
            (
                Inconsistency::NewestObservationDiffers(14),
                "de kopie van de nieuwste observatie van kind 14 klopt niet met de observaties; \
                 signaal check bouwt haar opnieuw op",
                "the copy of child 14's newest observation does not match its observations; \
                 signaal check rebuilds it",
            ),
            (
                Inconsistency::ArchiveDateDiffers(13),
                "de archiefdatum van kind 13 klopt niet met het logboek; signaal check bouwt \
                 haar opnieuw op",
                "the day child 13 was archived does not match the audit trail; signaal check \
                 rebuilds it",
            ),
        ];
        for (problem, nl, en) in cases {
            assert_eq!(Lang::Nl.inconsistency(&problem), nl);
            assert_eq!(Lang::En.inconsistency(&problem), en);
            assert_eq!(problem.to_string(), en);
        }
    }

    #[test]
    fn a_broken_chain_reads_in_dutch() {
        let broken = crate::domain::audit::ChainBreak {
            position: 2,
            at: chrono::DateTime::parse_from_rfc3339("2026-11-29T10:15:00+01:00").unwrap(),
            by: "Anouk Jansen".into(),
            action: "group.add".into(),
            target: "group:3".into(),
            missing: false,
        };
        let problem = Inconsistency::ChainBroken(broken.clone());
        assert_eq!(
            Lang::Nl.inconsistency(&problem),
            "logboekregel 2 (group.add door Anouk Jansen om 2026-11-29T10:15:00+01:00, over \
             group:3) klopt niet met zijn hash: deze regel, of een regel ervoor, is buiten \
             signaal veranderd, toegevoegd of weggehaald"
        );
        assert_eq!(Lang::En.inconsistency(&problem), broken.to_string());
    }
}
