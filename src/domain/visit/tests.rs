use chrono::{DateTime, FixedOffset, NaiveDate};

use super::attention::{changes_since, rank, reasons, ChildRecord, Reason, Setting};
use super::*;
use crate::domain::form::{FormTemplate, Mark};
use crate::domain::plan::{PlanTemplate, StageKind, Trajectory};
use crate::domain::rhythm::Due;
use crate::domain::{Catalogue, Child, Observation, Role, Staff};

fn day(d: &str) -> NaiveDate {
    NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
}

fn at(d: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("{d}T10:00:00+01:00")).unwrap()
}

const TODAY: &str = "2026-11-20";

fn coach() -> Staff {
    Staff {
        id: 9,
        name: "Coach Ĳsselmeer".into(),
        role: Role::Coach,
        groups: vec![1],
        safeguarding_lead: false,
        phone: String::new(),
    }
}

/// `child` with the parents' answer to consulting the coach.
fn consenting(mut child: Child, answer: crate::domain::ConsentAnswer) -> Child {
    child.consent.coach = Some(crate::domain::Given {
        answer,
        at: at("2026-09-10"),
        by: "Anouk".into(),
        given_by: String::new(),
    });
    child
}

fn child(id: Id, first: &str) -> Child {
    Child::new(id, 1, first, "Jansen", day("2024-01-01"))
}

struct Fixture {
    forms: Catalogue<FormTemplate>,
    plans: Catalogue<PlanTemplate>,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture {
            forms: Catalogue::forms(Vec::new()),
            plans: Catalogue::plans(Vec::new()),
        }
    }

    fn form(&self) -> &FormTemplate {
        &self.forms.all()[0]
    }

    /// The first `n` worry items of the form.
    fn worries(&self, n: usize) -> Vec<String> {
        let items = self.form().items().filter(|(_, i)| i.concern);
        items.take(n).map(|(_, i)| i.id.clone()).collect()
    }

    fn observation(&self, child: Id, date: &str, often: &[String]) -> Observation {
        let mut obs = Observation::new(1, child, self.form(), day(date), "Anouk");
        for item in often {
            obs.set_mark(item, Some(Mark::Often), "Anouk", at(date));
        }
        obs
    }

    fn plan(&self) -> &PlanTemplate {
        self.plans
            .find("vroegsignalering", 1)
            .expect("the early plan")
    }

    /// An early-signalling trajectory with every stage before the coach stage done (the
    /// parents' consent to the coach is the child's: [`consenting`]).
    fn at_coach(&self, child: Id) -> Trajectory {
        let plan = self.plan();
        let mut t = Trajectory::new(1, child, plan, day("2026-09-01"), "Anouk");
        for stage in plan
            .stages
            .iter()
            .take_while(|s| s.kind != StageKind::Coach)
        {
            t.toggle(&stage.id, "Anouk", at("2026-09-10"));
        }
        t
    }

    fn setting(&self, since: Option<&str>) -> Setting<'_> {
        Setting {
            today: day(TODAY),
            observe_weeks: 8,
            since: since.map(day),
            forms: &self.forms,
            plans: &self.plans,
        }
    }
}

#[test]
fn competencies_are_typed_as_their_numbers() {
    use Competency::*;
    assert_eq!(
        Competency::parse_numbers("1 4"),
        Ok(vec![Development, Parents])
    );
    assert_eq!(
        Competency::parse_numbers("4,1 4"),
        Ok(vec![Development, Parents])
    );
    assert_eq!(
        Competency::parse_numbers("23"),
        Ok(vec![Behaviour, OutsideHelp])
    );
    assert_eq!(Competency::parse_numbers("  "), Ok(vec![]));
    assert_eq!(
        Competency::parse_numbers("1 5"),
        Err(Invalid::BadCompetency("5".into()))
    );
    assert_eq!(
        Competency::parse_numbers("0"),
        Err(Invalid::BadCompetency("0".into()))
    );
    assert_eq!(
        Competency::parse_numbers("ouders"),
        Err(Invalid::BadCompetency("o".into()))
    );
    assert_eq!(Parents.number(), 4);
    let json = serde_json::to_value(Competency::ALL).unwrap();
    assert_eq!(
        json,
        serde_json::json!(["development", "behaviour", "outside_help", "parents"])
    );
}

#[test]
fn a_new_visit_carries_the_follow_ups_not_done() {
    let mut first = Visit::start(3, 1, &coach(), day("2026-10-01"), None);
    let follow_up = |text: &str, done: bool, from_visit: Option<Id>| FollowUp {
        child_id: Some(5),
        text: text.into(),
        due: day("2026-11-01"),
        done,
        by: "Coach".into(),
        at: at("2026-10-01"),
        from_visit,
    };
    first.follow_ups = vec![
        follow_up("done already", true, None),
        follow_up("still open", false, None),
        follow_up("from long ago", false, Some(1)),
    ];
    let next = Visit::start(4, 1, &coach(), day("2026-11-20"), Some(&first));
    assert_eq!(next.follow_ups.len(), 2);
    assert_eq!(next.follow_ups[0].text, "still open");
    assert_eq!(
        next.follow_ups[0].due,
        day("2026-11-01"),
        "keeps its due date"
    );
    assert_eq!(next.follow_ups[0].from_visit, Some(3));
    assert_eq!(
        next.follow_ups[1].from_visit,
        Some(1),
        "where it was agreed"
    );
    assert!(next.notes.is_empty() && next.is_open());
    assert_eq!((next.by.as_str(), next.by_id), ("Coach Ĳsselmeer", 9));
}

#[test]
fn the_next_visit_is_the_earliest_open_follow_up_ahead_or_six_weeks() {
    let today = day(TODAY);
    let mut visit = Visit::start(3, 1, &coach(), today, None);
    assert_eq!(visit.proposed_next_visit(today), day("2027-01-01"));
    for (due, done) in [
        ("2026-12-10", true),
        ("2026-12-20", false),
        ("2026-11-01", false),
    ] {
        visit.follow_ups.push(FollowUp {
            child_id: None,
            text: due.into(),
            due: day(due),
            done,
            by: "Coach".into(),
            at: at(TODAY),
            from_visit: None,
        });
    }
    assert_eq!(visit.proposed_next_visit(today), day("2026-12-20"));
    assert!(visit.toggle_follow_up(1, "Coach", at(TODAY)));
    assert!(!visit.toggle_follow_up(7, "Coach", at(TODAY)));
    assert_eq!(visit.proposed_next_visit(today), day("2027-01-01"));
    visit.close(day("2027-01-01"), at(TODAY));
    assert!(!visit.is_open());
}

#[test]
fn waiting_on_the_coach_comes_first_then_overdue_new_many_and_an_observation_due() {
    let f = Fixture::new();
    let kids: Vec<Child> = ["Zoë", "Yara", "Xander", "Wim", "Vera", "Ugo", "Anna"]
        .iter()
        .enumerate()
        .map(|(i, name)| child(i as Id + 1, name))
        .map(|c| match c.id {
            1 => consenting(c, crate::domain::ConsentAnswer::Yes),
            6 => consenting(c, crate::domain::ConsentAnswer::No),
            _ => c,
        })
        .collect();
    let worries = f.worries(3);
    let recent = |id| vec![f.observation(id, "2026-11-10", &[])];
    let observations = [
        recent(1),
        recent(2),
        vec![
            f.observation(3, "2026-09-01", &[]),
            f.observation(3, "2026-11-10", &worries[..1]),
        ],
        vec![
            f.observation(4, "2026-09-01", &worries),
            f.observation(4, "2026-11-10", &worries),
        ],
        // Born 2024-01-01: the second birthday came with nothing since 2025-10-01.
        vec![f.observation(5, "2025-09-30", &[])],
        recent(6),
        recent(7),
    ];
    let mut overdue = f.at_coach(2);
    overdue.review = Some(day("2026-11-01"));
    let trajectories = [
        vec![f.at_coach(1)],
        vec![overdue],
        vec![],
        vec![],
        vec![],
        // Parents said no: not the coach's turn.
        vec![f.at_coach(6)],
        vec![],
    ];
    let records: Vec<ChildRecord> = kids
        .iter()
        .enumerate()
        .map(|(i, child)| ChildRecord {
            child,
            observations: &observations[i],
            trajectories: &trajectories[i],
        })
        .collect();
    let ranked = rank(&records, &f.setting(Some("2026-10-01")));
    let order: Vec<Id> = ranked.iter().map(|a| a.child_id).collect();
    // Within a rank the given order stays (6 before 7, whatever their names).
    assert_eq!(order, [1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(ranked[0].reasons, [Reason::WaitingOnCoach]);
    assert_eq!(ranked[1].reasons, [Reason::OverdueReview]);
    assert_eq!(ranked[2].reasons, [Reason::NewOften(1)]);
    assert_eq!(ranked[3].reasons, [Reason::ManyOften(3)], "not new");
    assert_eq!(
        ranked[4].reasons,
        [Reason::ObservationDue(Due::Yearly { years: 2 })]
    );
    assert!(ranked[5].reasons.is_empty() && ranked[6].reasons.is_empty());
}

#[test]
fn without_a_previous_visit_nothing_is_new_but_many_still_counts() {
    let f = Fixture::new();
    let kid = child(1, "Zoë");
    let observations = [f.observation(1, "2026-11-10", &f.worries(3))];
    let record = ChildRecord {
        child: &kid,
        observations: &observations,
        trajectories: &[],
    };
    assert_eq!(reasons(&record, &f.setting(None)), [Reason::ManyOften(3)]);
    assert_eq!(
        reasons(&record, &f.setting(Some("2026-10-01"))),
        [Reason::NewOften(3), Reason::ManyOften(3)]
    );
    let never = ChildRecord {
        observations: &[],
        ..record
    };
    assert_eq!(
        reasons(&never, &f.setting(None)),
        [Reason::ObservationDue(Due::First)]
    );
}

/// The visit asks the group list's question (`rhythm::due`): a recent observation is not
/// enough when the birthday's has not been made, and a long-ago one is in time when nothing
/// is due yet.
#[test]
fn an_observation_is_due_by_the_rhythm_of_practice_not_by_weeks_alone() {
    let f = Fixture::new();
    let mut kid = child(1, "Zoë");
    let reasons_with = |kid: &Child, dates: &[&str], open: bool| {
        let observations: Vec<Observation> =
            dates.iter().map(|d| f.observation(1, d, &[])).collect();
        let trajectories = match open {
            true => vec![f.at_coach(1)],
            false => Vec::new(),
        };
        let record = ChildRecord {
            child: kid,
            observations: &observations,
            trajectories: &trajectories,
        };
        reasons(&record, &f.setting(None))
    };
    // Observed 20 weeks ago and past no birthday since: nothing due (8 weeks alone would flag).
    assert_eq!(reasons_with(&kid, &["2026-07-03"], false), []);
    // The same with an open trajectory: every 8 weeks.
    assert_eq!(
        reasons_with(&kid, &["2026-07-03"], true),
        [Reason::ObservationDue(Due::Trajectory { weeks: 8 })]
    );
    // Started in the group a month ago, never observed: the first is not due yet.
    kid.started = Some(day("2026-10-20"));
    assert_eq!(reasons_with(&kid, &[], false), []);
    kid.started = Some(day("2026-08-20"));
    assert_eq!(
        reasons_with(&kid, &[], false),
        [Reason::ObservationDue(Due::First)]
    );
}

#[test]
fn changes_since_the_previous_visit() {
    let f = Fixture::new();
    let kid = child(1, "Zoë");
    let worries = f.worries(2);
    let observations = [
        f.observation(1, "2026-09-01", &worries[..1]),
        f.observation(1, "2026-10-15", &worries),
    ];
    let old = f.at_coach(1);
    let mut new = Trajectory::new(2, 1, f.plan(), day("2026-10-20"), "Anouk");
    new.toggle(&f.plan().stages[0].id, "Anouk", at("2026-10-21"));
    new.close(
        crate::domain::plan::Outcome::CareRoute,
        day("2026-11-01"),
        "Anouk",
    );
    let trajectories = [old, new];
    let record = ChildRecord {
        child: &kid,
        observations: &observations,
        trajectories: &trajectories,
    };
    let changes = changes_since(&record, day("2026-10-01"), &f.forms);
    assert_eq!(changes.observations, [day("2026-10-15")]);
    let new_often: Vec<&str> = changes.new_often.iter().map(|n| n.0).collect();
    assert_eq!(new_often, [worries[1].as_str()]);
    assert_eq!(changes.stages_done.len(), 1, "the old ticks were before");
    assert_eq!(changes.stages_done[0].0.id, 2);
    assert_eq!(changes.started.len(), 1);
    assert_eq!(changes.closed.len(), 1);
    assert!(changes_since(&record, day("2026-11-15"), &f.forms).is_empty());
}

#[test]
fn advice_without_staff_reads_and_writes_without_with() {
    let old = r#"{"child_id":null,"text":"Dagritme","competencies":["development"],"by":"C","at":"2026-11-20T10:00:00+01:00"}"#;
    let advice: Advice = serde_json::from_str(old).unwrap();
    assert!(advice.with.is_empty(), "older advice has no one in `with`");
    let written = serde_json::to_value(&advice).unwrap();
    assert!(written.get("with").is_none(), "an empty list is left out");
    let given = Advice {
        with: vec![3, 5],
        ..advice
    };
    assert_eq!(
        serde_json::to_value(&given).unwrap()["with"],
        serde_json::json!([3, 5])
    );
}

#[test]
fn growth_counts_the_advice_for_a_person_per_competency_per_quarter_newest_first() {
    use super::growth::{growth, Quarter};
    let advice = |text: &str, competencies: &[Competency], with: &[Id], when: &str| Advice {
        child_id: None,
        text: text.into(),
        competencies: competencies.to_vec(),
        with: with.to_vec(),
        by: "Coach".into(),
        at: at(when),
    };
    let mut summer = Visit::start(20, 1, &coach(), day("2026-08-14"), None);
    summer.notes = vec![
        advice(
            "Benoem wat je ziet",
            &[Competency::Development],
            &[3, 5],
            "2026-08-14",
        ),
        advice(
            "Alleen voor Bram",
            &[Competency::Parents],
            &[5],
            "2026-08-14",
        ),
    ];
    let mut autumn = Visit::start(30, 2, &coach(), day("2026-10-02"), None);
    autumn.notes = vec![
        advice(
            "Rustig aankondigen",
            &[Competency::Behaviour, Competency::Development],
            &[3],
            "2026-10-02",
        ),
        advice(
            "Niemand genoemd",
            &[Competency::Behaviour],
            &[],
            "2026-10-02",
        ),
    ];
    let anna = growth(3, &[summer.clone(), autumn.clone()]);
    let quarters: Vec<Quarter> = anna.iter().map(|q| q.quarter).collect();
    assert_eq!(
        quarters,
        [
            Quarter {
                year: 2026,
                quarter: 4
            },
            Quarter {
                year: 2026,
                quarter: 3
            }
        ],
        "newest first"
    );
    assert_eq!(anna[0].counts, [1, 1, 0, 0]);
    assert_eq!(anna[0].advice[0].group_id, 2);
    assert_eq!(anna[1].counts, [1, 0, 0, 0]);
    let texts: Vec<&str> = anna[1].advice.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(texts, ["Benoem wat je ziet"]);
    let bram = growth(5, &[autumn, summer]);
    assert_eq!(bram.len(), 1);
    assert_eq!(bram[0].counts, [1, 0, 0, 1], "both advice of the summer");
    assert!(growth(9, &[]).is_empty());
}
