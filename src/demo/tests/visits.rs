//! The demo's coach visits.

use super::*;

#[test]
fn every_group_has_a_closed_visit_and_a_child_waiting_on_the_coach() {
    use crate::domain::visit::attention::waiting_on_coach;
    let today = now().date_naive();
    let plans = Catalogue::plans(Vec::new());
    for seed in 0..20 {
        let data = generate(&args(seed, 3, None), now());
        let coach = data.staff.iter().find(|s| s.role == Role::Coach).unwrap();
        assert!(data.problems().is_empty(), "seed {seed}");
        assert_eq!(data.visits.len(), data.groups.len(), "seed {seed}");
        for (group, visit) in data.groups.iter().zip(&data.visits) {
            assert_eq!(visit.group_id, group.id);
            assert_eq!(
                (visit.by.as_str(), visit.by_id),
                (coach.name.as_str(), coach.id)
            );
            let ago = (today - visit.date).num_days();
            assert!((21..=42).contains(&ago), "seed {seed}: {ago} days ago");
            assert!(!visit.is_open() && visit.next_visit > Some(visit.date));
            assert_eq!(visit.advice_about(None).count(), 1, "one group advice");
            let about_children = visit.notes.len() - 1;
            assert!((1..=2).contains(&about_children), "seed {seed}");
            assert!(visit.notes.iter().all(|a| !a.competencies.is_empty()));
            let done: Vec<bool> = visit.follow_ups.iter().map(|f| f.done).collect();
            assert_eq!(done, [true, false]);
            let waiting = data
                .trajectories
                .iter()
                .filter(|t| t.is_open())
                .filter_map(|t| Some((t, data.children.iter().find(|c| c.id == t.child_id)?)))
                .filter(|(t, c)| waiting_on_coach(t, &c.consent, &plans))
                .any(|(_, c)| c.group_id == group.id);
            assert!(
                waiting,
                "seed {seed}: group {} has a child waiting",
                group.name
            );
        }
    }
    let again = generate(&args(3, 3, None), now());
    assert_eq!(
        json(&again.visits),
        json(&generate(&args(3, 3, None), now()).visits)
    );
}
