//! Percentiles of measured samples.

use std::time::Duration;

/// The `p`-th quantile (0 < p <= 1; 0.5 the median, 0.99 the 99th percentile) of `samples` by
/// nearest rank: the smallest sample with at least a fraction `p` of all samples at or below
/// it. `None` without samples; a `p` outside (0, 1] is taken as the nearest end.
pub fn percentile(samples: &[f64], p: f64) -> Option<f64> {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = (p.clamp(0.0, 1.0) * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len().max(1)) - 1).copied()
}

/// Durations as milliseconds, for [`percentile`].
pub fn millis(times: &[Duration]) -> Vec<f64> {
    times.iter().map(|t| t.as_secs_f64() * 1000.0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_of_a_hundred_samples() {
        let samples: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        assert_eq!(percentile(&samples, 0.5), Some(50.0));
        assert_eq!(percentile(&samples, 0.99), Some(99.0));
        assert_eq!(percentile(&samples, 1.0), Some(100.0));
    }

    #[test]
    fn small_and_empty_sets() {
        assert_eq!(percentile(&[], 0.5), None);
        assert_eq!(percentile(&[7.0], 0.99), Some(7.0));
        assert_eq!(percentile(&[3.0, 1.0, 2.0], 0.5), Some(2.0));
        // Out of range: the nearest end.
        assert_eq!(percentile(&[3.0, 1.0, 2.0], 0.0), Some(1.0));
        assert_eq!(percentile(&[3.0, 1.0, 2.0], 2.0), Some(3.0));
    }

    #[test]
    fn the_tail_shows_one_slow_sample_in_fifty() {
        let mut samples = vec![1.0; 49];
        samples.push(40.0);
        assert_eq!(percentile(&samples, 0.5), Some(1.0));
        assert_eq!(percentile(&samples, 0.99), Some(40.0));
    }

    #[test]
    fn durations_become_milliseconds() {
        let ms = millis(&[Duration::from_micros(1500), Duration::from_millis(2)]);
        assert_eq!(ms, [1.5, 2.0]);
    }
}
