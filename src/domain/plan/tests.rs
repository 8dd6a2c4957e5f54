use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;

fn at(minute: u32) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(&format!("2026-11-20T10:{minute:02}:00+01:00")).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn stage(id: &str, kind: StageKind, questions: Vec<Question>) -> StageTemplate {
    StageTemplate {
        id: id.into(),
        title: Text::new(id, id),
        help: Text::new("", ""),
        kind,
        questions,
    }
}

fn question(id: &str, yes_report: bool, no_report: bool) -> Question {
    let consequence = |report| Consequence {
        text: Text::new("x", "x"),
        report,
        ends: false,
    };
    Question {
        id: id.into(),
        text: Text::new(id, id),
        yes: consequence(yes_report),
        no: consequence(no_report),
    }
}

fn plan() -> PlanTemplate {
    PlanTemplate {
        id: "p".into(),
        version: 2,
        name: Text::new("P", "P"),
        stages: vec![
            stage("signal", StageKind::Plain, vec![]),
            stage("parents", StageKind::Parents, vec![]),
            stage("coach", StageKind::Coach, vec![]),
            stage(
                "decide",
                StageKind::Plain,
                vec![question("q1", false, false), question("q2", true, false)],
            ),
        ],
    }
}

fn trajectory() -> Trajectory {
    Trajectory::new(5, 9, &plan(), day("2026-09-01"), "Anouk")
}

#[test]
fn a_new_trajectory_has_every_stage_not_done() {
    let t = trajectory();
    assert_eq!((t.template.as_str(), t.version), ("p", 2));
    let stages: Vec<(&str, bool)> = t
        .stages
        .iter()
        .map(|e| (e.stage.as_str(), e.done))
        .collect();
    assert_eq!(
        stages,
        [
            ("signal", false),
            ("parents", false),
            ("coach", false),
            ("decide", false)
        ]
    );
    assert!(t.is_open());
    let plan = plan();
    assert!(matches!(
        t.progress(&plan),
        Progress::At { number: 1, of: 4, stage } if stage.id == "signal"
    ));
}

#[test]
fn toggling_signs_and_moves_the_progress() {
    let plan = plan();
    let mut t = trajectory();
    assert!(t.toggle("signal", "Bram", at(1)));
    let entry = t.entry("signal").unwrap();
    assert!(entry.done);
    assert_eq!((entry.by.as_str(), entry.at), ("Bram", Some(at(1))));
    assert!(matches!(t.progress(&plan), Progress::At { number: 2, .. }));
    assert!(t.toggle("signal", "Bram", at(2)));
    assert!(!t.entry("signal").unwrap().done);
    assert!(!t.toggle("nope", "Bram", at(3)));
    for id in ["signal", "parents", "coach", "decide"] {
        t.toggle(id, "Bram", at(4));
    }
    assert_eq!(t.progress(&plan), Progress::AllDone { of: 4 });
}

#[test]
fn past_the_first_stage_once_a_later_stage_is_done() {
    let plan = plan();
    let mut t = trajectory();
    assert!(!t.past_first_stage(&plan), "at stage 1");
    t.toggle("signal", "A", at(1));
    assert!(t.past_first_stage(&plan), "stage 1 done: at stage 2");
    t.toggle("parents", "A", at(2));
    t.toggle("signal", "A", at(3));
    assert!(
        t.past_first_stage(&plan),
        "a later stage ticked ahead counts too"
    );
    t.toggle("parents", "A", at(4));
    assert!(!t.past_first_stage(&plan), "nothing done: back at stage 1");
    t.toggle("signal", "A", at(5));
    assert!(t.warns_unobserved(&plan, false));
    assert!(!t.warns_unobserved(&plan, true), "observed: no warning");
}

#[test]
fn ticking_ahead_is_allowed_and_reported() {
    let plan = plan();
    let mut t = trajectory();
    t.toggle("signal", "A", at(1));
    t.toggle("coach", "A", at(2));
    t.toggle("decide", "A", at(3));
    assert_eq!(t.out_of_order(&plan), ["coach", "decide"]);
    t.toggle("parents", "A", at(4));
    assert!(t.out_of_order(&plan).is_empty());
}

#[test]
fn the_coach_stage_needs_the_childs_coach_consent() {
    use crate::domain::consent::{ChildConsent, ConsentAnswer, ConsentTo, Given};
    let plan = plan();
    let mut t = trajectory();
    let mut consent = ChildConsent::default();
    let answer = |answer| {
        Some(Given {
            answer,
            at: at(0),
            by: "A".into(),
            given_by: String::new(),
        })
    };
    assert!(t.needs_consent(&plan, "coach", &consent));
    assert!(!t.needs_consent(&plan, "signal", &consent));
    *consent.slot(ConsentTo::Coach) = answer(ConsentAnswer::No);
    assert!(
        t.needs_consent(&plan, "coach", &consent),
        "a refusal is no consent"
    );
    *consent.slot(ConsentTo::School) = answer(ConsentAnswer::Yes);
    assert!(
        t.needs_consent(&plan, "coach", &consent),
        "school is another purpose"
    );
    t.tick_without_consent("coach", "  acute zorg  ", "A", at(1));
    let entry = t.entry("coach").unwrap();
    assert!(entry.done);
    assert_eq!(entry.without_consent, "acute zorg");
    assert!(!t.needs_consent(&plan, "coach", &consent), "already done");
    t.toggle("coach", "A", at(2));
    assert!(t.entry("coach").unwrap().without_consent.is_empty());
    *consent.slot(ConsentTo::Coach) = answer(ConsentAnswer::Yes);
    assert!(!t.needs_consent(&plan, "coach", &consent));
}

#[test]
fn answers_decide_whether_a_report_follows() {
    let plan = plan();
    let mut t = trajectory();
    assert!(t.reports(&plan).is_empty());
    t.set_answer("q1", Some(true), "A", at(1));
    t.set_answer("q2", Some(false), "A", at(2));
    assert_eq!(t.answer("q2"), Some(false));
    assert!(t.reports(&plan).is_empty());
    t.set_answer("q2", Some(true), "A", at(3));
    let reports: Vec<&str> = t.reports(&plan).iter().map(|q| q.id.as_str()).collect();
    assert_eq!(reports, ["q2"]);
    assert_eq!(t.answers.len(), 2, "one answer per question");
    t.set_answer("q2", None, "A", at(4));
    assert_eq!(t.answer("q2"), None);
    assert_eq!(plan.question("q2").unwrap().0.id, "decide");
}

#[test]
fn overdue_review_and_end_only_while_open() {
    let mut t = trajectory();
    let today = day("2026-11-20");
    assert!(!t.overdue(today).any(), "no dates, nothing late");
    t.review = Some(day("2026-11-19"));
    t.expected_end = Some(day("2026-11-20"));
    assert_eq!(
        t.overdue(today),
        Overdue {
            review: true,
            end: false
        }
    );
    t.expected_end = Some(day("2026-11-01"));
    assert!(t.overdue(today).end);
    assert_eq!(t.days_open(today), 80);
    t.close(Outcome::CareRoute, day("2026-11-10"), "A");
    assert!(!t.overdue(today).any());
    assert_eq!(t.days_open(today), 70);
}

#[test]
fn serializes_with_the_contract_field_names() {
    let mut t = trajectory();
    t.toggle("signal", "Anouk", at(1));
    t.set_note("signal", "ë en ĳ", "Anouk", at(2));
    let json = serde_json::to_value(&t).unwrap();
    for field in ["id", "child_id", "template", "started", "stages"] {
        assert!(json.get(field).is_some(), "missing {field}");
    }
    assert_eq!(json["started"], "2026-09-01");
    let stage = &json["stages"][0];
    assert_eq!(stage["stage"], "signal");
    assert_eq!(stage["done"], true);
    assert_eq!(stage["by"], "Anouk");
    assert_eq!(stage["at"], "2026-11-20T10:02:00+01:00");
    assert_eq!(stage["note"], "ë en ĳ");
    assert_eq!(json["stages"][1]["done"], false);
    assert_eq!(json["stages"][1]["at"], serde_json::Value::Null);
    let back: Trajectory = serde_json::from_value(json).unwrap();
    assert_eq!(back, t);
    t.close(Outcome::WarmHandover, day("2026-12-01"), "Anouk");
    let json = serde_json::to_value(&t).unwrap();
    assert_eq!(json["closed"]["outcome"], "warm_handover");
}

#[test]
fn an_end_a_review_or_a_close_before_the_start_is_refused() {
    use crate::domain::Invalid;
    let (born, today) = (day("2023-04-17"), day("2026-11-29"));
    let mut t = trajectory();
    assert_eq!(t.check_edited(DateField::Review, born, today), Ok(()));
    t.review = Some(day("2026-09-01"));
    let review = DateField::Review;
    assert_eq!(
        t.check_edited(review, born, today),
        Ok(()),
        "the start day itself will do"
    );
    t.expected_end = Some(day("2026-08-31"));
    assert_eq!(
        t.check_edited(DateField::ExpectedEnd, born, today),
        Err(Invalid::BeforeStart)
    );
    // A start moved past a set date is refused too.
    t.expected_end = None;
    t.started = day("2026-09-02");
    assert_eq!(
        t.check_edited(DateField::Started, born, today),
        Err(Invalid::BeforeStart)
    );
    t.started = day("2026-09-01");
    assert_eq!(t.check_close(day("2026-09-01"), born, today), Ok(()));
    assert_eq!(
        t.check_close(day("2026-08-31"), born, today),
        Err(Invalid::BeforeStart)
    );
}

#[test]
fn a_report_without_a_ticked_stage_or_its_day_is_unrecorded() {
    let mut t = trajectory();
    assert!(t.report_unrecorded(Outcome::MeldcodeReport));
    assert!(!t.report_unrecorded(Outcome::NoSuspicion));
    t.toggle("signal", "Anouk", on("2026-09-10T10:00:00+02:00"));
    assert!(
        t.report_unrecorded(Outcome::MeldcodeReport),
        "no day of the report"
    );
    t.meldcode.reported_on = Some(day("2026-09-12"));
    assert!(!t.report_unrecorded(Outcome::MeldcodeReport));
}

#[test]
fn each_date_follows_its_own_rule() {
    use crate::domain::Invalid;
    let (born, today) = (day("2023-04-17"), day("2026-11-29"));
    let t = trajectory();
    let check = |field, date: &str| t.check_date(field, day(date), born, today);
    // What happened: not after today, not before the birth (nor the start, but for the start).
    for field in [
        DateField::Started,
        DateField::VeiligThuisConsulted,
        DateField::ReportedOn,
        DateField::Closed,
    ] {
        assert_eq!(
            check(field, "2999-01-01"),
            Err(Invalid::DateInFuture),
            "{field:?}"
        );
        assert_eq!(
            check(field, "2026-11-29"),
            Ok(()),
            "{field:?}: today will do"
        );
    }
    assert_eq!(
        check(DateField::Started, "1900-01-01"),
        Err(Invalid::BeforeBirth)
    );
    assert_eq!(check(DateField::Started, "2023-04-17"), Ok(()));
    assert_eq!(
        check(DateField::ReportedOn, "1900-01-01"),
        Err(Invalid::BeforeStart)
    );
    // Planned: ahead, but at most two years.
    for field in [DateField::Review, DateField::ExpectedEnd] {
        assert_eq!(check(field, "2028-11-29"), Ok(()), "{field:?}");
        assert_eq!(
            check(field, "2028-11-30"),
            Err(Invalid::TooFarAhead(day("2028-11-29"))),
            "{field:?}"
        );
    }
    // Import and check: every broken date, with its field.
    let mut bad = trajectory();
    bad.started = day("2999-01-01");
    bad.meldcode.reported_on = Some(day("1900-01-01"));
    assert_eq!(
        bad.date_problems(born, today),
        [
            (DateField::Started, Invalid::DateInFuture),
            (DateField::ReportedOn, Invalid::BeforeStart),
        ]
    );
    assert_eq!(DateField::ReportedOn.name(), "meldcode.reported_on");
}

fn on(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

#[test]
fn as_on_a_day_a_later_tick_an_answer_or_a_close_did_not_happen_yet() {
    let mut t = trajectory();
    t.toggle("signal", "Anouk", on("2026-09-10T10:00:00+02:00"));
    // Late on the last day of September in its own offset: still September.
    t.toggle("parents", "Anouk", on("2026-09-30T23:30:00+02:00"));
    t.toggle("coach", "Anouk", on("2026-10-01T00:30:00+02:00"));
    t.set_answer("q1", Some(true), "Anouk", on("2026-10-03T09:00:00+02:00"));
    t.close(Outcome::CareRoute, day("2026-11-18"), "Anouk");
    let then = t.as_on(day("2026-09-30"));
    let done: Vec<bool> = then.stages.iter().map(|e| e.done).collect();
    assert_eq!(done, [true, true, false, false]);
    assert_eq!(then.answer("q1"), None);
    assert!(then.is_open());
    assert!(matches!(
        then.progress(&plan()),
        Progress::At { number: 3, .. }
    ));
    // The close counts from its own day on; ticks and answers before it stay.
    let closed = t.as_on(day("2026-11-18"));
    assert!(!closed.is_open());
    assert_eq!(closed.answer("q1"), Some(true));
    assert_eq!(closed, t);
    // A done stage the record gives no time counts as done; an untick is not done either way.
    let mut old = trajectory();
    old.stages[0].done = true;
    old.toggle("parents", "Anouk", on("2026-09-02T10:00:00+02:00"));
    old.toggle("parents", "Anouk", on("2026-10-02T10:00:00+02:00"));
    let then = old.as_on(day("2026-09-30"));
    assert!(then.stages[0].done && !then.stages[1].done);
}

#[test]
fn a_note_added_later_keeps_the_day_a_stage_was_ticked() {
    let mut t = trajectory();
    t.toggle("signal", "Anouk", on("2026-09-20T10:00:00+02:00"));
    t.set_note(
        "signal",
        "Gesprek gepland",
        "Bram",
        on("2026-11-29T09:00:00+01:00"),
    );
    let entry = &t.stages[0];
    assert_eq!(entry.done_at, Some(on("2026-09-20T10:00:00+02:00")));
    assert_eq!(entry.at, Some(on("2026-11-29T09:00:00+01:00")));
    assert!(t.as_on(day("2026-09-30")).stages[0].done);
    // Unticking clears the day; ticking again counts from then.
    t.toggle("signal", "Anouk", on("2026-11-30T09:00:00+01:00"));
    assert_eq!(t.stages[0].done_at, None);
    t.toggle("signal", "Anouk", on("2026-12-01T09:00:00+01:00"));
    assert!(!t.as_on(day("2026-11-30")).stages[0].done);
    assert!(t.as_on(day("2026-12-01")).stages[0].done);
}

#[test]
fn a_stage_ticked_before_done_at_was_kept_keeps_its_tick_day_through_a_note() {
    // A record from an older signaal: done, `at` the tick, no `done_at`.
    let mut t = trajectory();
    t.stages[0].done = true;
    t.stages[0].at = Some(on("2026-09-20T10:00:00+02:00"));
    assert!(t.as_on(day("2026-09-30")).stages[0].done);
    t.set_note(
        "signal",
        "Later note",
        "Bram",
        on("2026-11-29T09:00:00+01:00"),
    );
    assert_eq!(t.stages[0].done_at, Some(on("2026-09-20T10:00:00+02:00")));
    assert!(t.as_on(day("2026-09-30")).stages[0].done);
    // A note on a stage not done leaves it without a tick day.
    t.set_note(
        "parents",
        "Nog niet",
        "Bram",
        on("2026-11-29T09:00:00+01:00"),
    );
    assert_eq!(t.stages[1].done_at, None);
}

/// A plan whose three questions sit on two stages; "no" to q2 means a report.
fn afwegingskader() -> PlanTemplate {
    PlanTemplate {
        id: "m".into(),
        version: 1,
        name: Text::new("M", "M"),
        stages: vec![
            stage(
                "wegen",
                StageKind::Plain,
                vec![question("q1", false, false)],
            ),
            stage(
                "beslissen",
                StageKind::Plain,
                vec![question("q2", false, true), question("q3", false, true)],
            ),
        ],
    }
}

#[test]
fn questions_are_answered_in_the_plans_order() {
    let plan = afwegingskader();
    let mut t = Trajectory::new(1, 2, &plan, day("2026-09-01"), "Anouk");
    assert_eq!(plan.question_number("q3"), Some(3));
    assert_eq!(t.may_answer(&plan, "q1"), Ok(()));
    assert_eq!(
        t.may_answer(&plan, "q2"),
        Err(Invalid::AnswerEarlierFirst(1))
    );
    assert_eq!(
        t.may_answer(&plan, "q3"),
        Err(Invalid::AnswerEarlierFirst(1))
    );
    t.set_answer("q1", Some(true), "Anouk", at(1));
    assert_eq!(t.may_answer(&plan, "q2"), Ok(()));
    assert_eq!(
        t.may_answer(&plan, "q3"),
        Err(Invalid::AnswerEarlierFirst(2))
    );
    t.set_answer("q2", Some(false), "Anouk", at(2));
    t.set_answer("q3", Some(true), "Anouk", at(3));
    // An earlier answer changes, or is taken back, only once the later ones are open again.
    assert_eq!(t.may_answer(&plan, "q1"), Err(Invalid::LaterAnswered(3)));
    assert_eq!(t.may_answer(&plan, "q2"), Err(Invalid::LaterAnswered(3)));
    assert_eq!(t.may_answer(&plan, "q3"), Ok(()));
    // A question the plan does not have is not this rule's to refuse.
    assert_eq!(t.may_answer(&plan, "nope"), Ok(()));
}

#[test]
fn an_answer_goes_back_to_open_always_and_straight_away_when_out_of_order() {
    let plan = afwegingskader();
    // Imported out of order: q2 and q3 answered, q1 open.
    let mut t = Trajectory::new(1, 2, &plan, day("2026-09-01"), "Anouk");
    t.set_answer("q2", Some(true), "Anouk", at(1));
    t.set_answer("q3", Some(true), "Anouk", at(2));
    assert_eq!(t.next_answer(&plan, "q1"), Err(Invalid::LaterAnswered(3)));
    // Out of order: open in one step, whatever the answer.
    assert_eq!(t.next_answer(&plan, "q3"), Ok(None));
    assert_eq!(t.next_answer(&plan, "q2"), Ok(None));
    t.set_answer("q3", None, "Anouk", at(3));
    t.set_answer("q2", None, "Anouk", at(4));
    assert_eq!(t.next_answer(&plan, "q1"), Ok(Some(true)));
    // In order: yes, no, open; a no taken back while a later one is answered is allowed.
    t.set_answer("q1", Some(false), "Anouk", at(5));
    t.set_answer("q2", Some(true), "Anouk", at(6));
    assert_eq!(t.next_answer(&plan, "q1"), Ok(None));
    assert_eq!(t.next_answer(&plan, "q2"), Ok(Some(false)));
    t.set_answer("q1", Some(true), "Anouk", at(7));
    assert_eq!(t.next_answer(&plan, "q1"), Err(Invalid::LaterAnswered(2)));
    assert_eq!(t.next_answer(&plan, "q3"), Ok(Some(true)));
    assert_eq!(next_yes_no(Some(false)), None);
}

#[test]
fn after_an_answer_that_means_a_report_the_rest_is_weighed_with_veilig_thuis() {
    let plan = afwegingskader();
    let mut t = Trajectory::new(1, 2, &plan, day("2026-09-01"), "Anouk");
    t.set_answer("q1", Some(true), "Anouk", at(1));
    assert!(["q1", "q2", "q3"]
        .iter()
        .all(|q| !t.with_veilig_thuis(&plan, q)));
    t.set_answer("q2", Some(false), "Anouk", at(2));
    assert!(!t.with_veilig_thuis(&plan, "q1"));
    assert!(
        !t.with_veilig_thuis(&plan, "q2"),
        "not the reporting question itself"
    );
    assert!(t.with_veilig_thuis(&plan, "q3"));
    assert!(!t.with_veilig_thuis(&plan, "nope"));
    t.set_answer("q2", Some(true), "Anouk", at(3));
    assert!(
        !t.with_veilig_thuis(&plan, "q3"),
        "a yes to q2 means no report"
    );
}

#[test]
fn the_meldcode_closes_with_its_own_outcomes_and_the_export_keeps_the_old_names() {
    use Outcome::*;
    assert_eq!(
        Outcome::offered("meldcode"),
        [NoSuspicion, HelpOrganised, MeldcodeReport]
    );
    assert_eq!(
        Outcome::offered("vroegsignalering"),
        [ContinuesInGroup, CareRoute, WarmHandover]
    );
    let names: Vec<String> = Outcome::ALL
        .iter()
        .map(|o| {
            serde_json::to_value(o)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        [
            "continues_in_group",
            "care_route",
            "warm_handover",
            "meldcode_report",
            "no_suspicion",
            "help_organised"
        ]
    );
}

#[test]
fn closing_proposes_what_the_answers_point_to() {
    let meldcode = PlanTemplate {
        id: "meldcode".into(),
        ..afwegingskader()
    };
    let mut t = Trajectory::new(1, 2, &meldcode, day("2026-09-01"), "Anouk");
    assert_eq!(t.proposed_outcome(&meldcode), Outcome::NoSuspicion);
    t.set_answer("q1", Some(false), "Anouk", at(1));
    assert_eq!(t.proposed_outcome(&meldcode), Outcome::NoSuspicion);
    t.set_answer("q1", Some(true), "Anouk", at(2));
    assert_eq!(t.proposed_outcome(&meldcode), Outcome::HelpOrganised);
    t.set_answer("q2", Some(false), "Anouk", at(3));
    assert_eq!(t.proposed_outcome(&meldcode), Outcome::MeldcodeReport);
    let early = trajectory();
    assert_eq!(early.proposed_outcome(&plan()), Outcome::ContinuesInGroup);
}

#[test]
fn the_meldcode_record_is_written_only_when_filled_and_reads_back() {
    let mut t = trajectory();
    let json = serde_json::to_value(&t).unwrap();
    assert!(
        json.get("meldcode").is_none(),
        "an empty record is not written: {json}"
    );
    t.meldcode = MeldcodeRecord {
        signals: "12-11: blauwe plek op de bovenarm".into(),
        consulted: "13-11 aandachtsfunctionaris: Veilig Thuis bellen".into(),
        veilig_thuis_consulted: Some(day("2026-11-14")),
        veilig_thuis_advice: "melden".into(),
        parents_talk: "overgeslagen: onveilig voor het kind".into(),
        decision: "melden, acute onveiligheid".into(),
        reported_on: Some(day("2026-11-15")),
        parents_told: Some(false),
        parents_not_told_why: "de veiligheid van het kind".into(),
    };
    let json = serde_json::to_value(&t).unwrap();
    let record = &json["meldcode"];
    assert_eq!(record["veilig_thuis_consulted"], "2026-11-14");
    assert_eq!(record["reported_on"], "2026-11-15");
    assert_eq!(record["parents_told"], false);
    assert_eq!(record["parents_not_told_why"], "de veiligheid van het kind");
    let back: Trajectory = serde_json::from_value(json).unwrap();
    assert_eq!(back, t);
}

#[test]
fn an_answer_that_ends_the_questions_leaves_the_rest_unanswerable() {
    let mut plan = afwegingskader();
    plan.stages[0].questions[0].no.ends = true;
    let mut t = Trajectory::new(1, 2, &plan, day("2026-09-01"), "Anouk");
    t.set_answer("q1", Some(false), "Anouk", at(1));
    assert_eq!(t.may_answer(&plan, "q2"), Err(Invalid::AnsweredToAnEnd(1)));
    assert_eq!(
        t.may_answer(&plan, "q3"),
        Err(Invalid::AnswerEarlierFirst(2))
    );
    // The answer itself may change: a yes goes on.
    assert_eq!(t.may_answer(&plan, "q1"), Ok(()));
    t.set_answer("q1", Some(true), "Anouk", at(2));
    assert_eq!(t.may_answer(&plan, "q2"), Ok(()));
}

/// What the trajectory screen marks: answers the screen could not have given in that order (an
/// older record's), each with the question and why.
#[test]
fn answers_out_of_order_are_found_with_the_question_and_why() {
    let mut plan = afwegingskader();
    plan.stages[0].questions[0].no.ends = true;
    let mut t = Trajectory::new(1, 2, &plan, day("2026-09-01"), "Anouk");
    let found = |t: &Trajectory| -> Vec<(String, Invalid)> {
        t.answers_out_of_order(&plan)
            .into_iter()
            .map(|(q, why)| (q.id.clone(), why))
            .collect()
    };
    assert_eq!(found(&t), [], "none answered");
    t.set_answer("q2", Some(true), "Anouk", at(1));
    assert_eq!(found(&t), [("q2".into(), Invalid::AnswerEarlierFirst(1))]);
    t.set_answer("q1", Some(true), "Anouk", at(2));
    assert_eq!(found(&t), [], "1 and 2, in order");
    t.set_answer("q1", Some(false), "Anouk", at(3));
    assert_eq!(
        found(&t),
        [("q2".into(), Invalid::AnsweredToAnEnd(1))],
        "no suspicion ends them"
    );
    t.set_answer("q3", Some(true), "Anouk", at(4));
    assert_eq!(
        found(&t),
        [
            ("q2".into(), Invalid::AnsweredToAnEnd(1)),
            ("q3".into(), Invalid::AnsweredToAnEnd(1))
        ],
        "every answer after the end, not only the first"
    );
    t.set_answer("q2", None, "Anouk", at(5));
    t.set_answer("q3", None, "Anouk", at(6));
    assert_eq!(found(&t), [], "ended where it should");
    t.set_answer("q1", Some(true), "Anouk", at(7));
    t.set_answer("q3", Some(true), "Anouk", at(8));
    assert_eq!(found(&t), [("q3".into(), Invalid::AnswerEarlierFirst(2))]);
}
