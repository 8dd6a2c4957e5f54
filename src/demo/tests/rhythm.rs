//! The rhythm of practice in the demo: every flag shows.

use super::*;
use crate::config::defaults::OBSERVE_WEEKS;
use crate::domain::rhythm::{due, Due};

/// Which flags of `rhythm::due` the group lists of `data` show on `today`: first observation,
/// yearly, trajectory.
fn flags(data: &Export, today: NaiveDate) -> [usize; 3] {
    let mut counts = [0; 3];
    for child in data.children.iter().filter(|c| !c.archived) {
        let latest = data
            .observations
            .iter()
            .filter(|o| o.child_id == child.id)
            .map(|o| o.date)
            .max();
        let open = data
            .trajectories
            .iter()
            .any(|t| t.child_id == child.id && t.is_open());
        match due(child, latest, open, today, OBSERVE_WEEKS) {
            Some(Due::First) => counts[0] += 1,
            Some(Due::Yearly { .. }) => counts[1] += 1,
            Some(Due::Trajectory { .. }) => counts[2] += 1,
            None => {}
        }
    }
    counts
}

#[test]
fn the_demo_shows_every_flag_of_the_rhythm_of_practice_on_any_day() {
    for day in ["2025-06-15", "2026-02-28", "2026-10-31"] {
        let now = DateTime::parse_from_rfc3339(&format!("{day}T09:30:00+01:00")).unwrap();
        for options in [
            defaults(),
            with_observations(7, 3, 2),
            with_observations(12, 5, 3),
        ] {
            let data = generate(&options, now);
            let counts = flags(&data, now.date_naive());
            assert!(
                counts.iter().all(|&n| n > 0),
                "first, yearly, trajectory: {counts:?} on {day} (seed {})",
                options.seed
            );
            // Moved observations are still ones the checks accept, and few are flagged.
            assert_eq!(data.problems(), Vec::<String>::new());
            let flagged: usize = counts.iter().sum();
            assert!(flagged * 3 < data.children.len(), "{counts:?}");
        }
    }
}
