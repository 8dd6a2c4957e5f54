//! Which backups are kept: the last 20, plus the newest of each of the last 30 days and of each of
//! the last 12 months. Days and months are those of `now`'s time zone, today and this month
//! included. A backup dated after `now` (a clock that was wrong) is kept.

use chrono::{DateTime, Datelike, FixedOffset, Utc};

/// How many of the newest backups are always kept.
pub const LAST: usize = 20;
/// For how many days, today included, the newest backup of each day is kept.
pub const DAYS: i64 = 30;
/// For how many months, this month included, the newest backup of each month is kept.
pub const MONTHS: i32 = 12;

/// For each of `times` (when each backup was made, in any order), whether it is kept at `now`.
pub fn kept(times: &[DateTime<Utc>], now: DateTime<FixedOffset>) -> Vec<bool> {
    let mut newest_first: Vec<usize> = (0..times.len()).collect();
    newest_first.sort_by(|&a, &b| times[b].cmp(&times[a]));
    let mut keep = vec![false; times.len()];
    let today = now.date_naive();
    let this_month = today.year() * 12 + today.month0() as i32;
    let mut days_seen = Vec::new();
    let mut months_seen = Vec::new();
    for (rank, &i) in newest_first.iter().enumerate() {
        let date = times[i].with_timezone(now.offset()).date_naive();
        let month = date.year() * 12 + date.month0() as i32;
        let new_day = (0..DAYS).contains(&(today - date).num_days()) && !days_seen.contains(&date);
        let new_month =
            (0..MONTHS).contains(&(this_month - month)) && !months_seen.contains(&month);
        keep[i] = rank < LAST || times[i] > now || new_day || new_month;
        days_seen.push(date);
        months_seen.push(month);
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn now() -> DateTime<FixedOffset> {
        FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 29, 10, 0, 0)
            .unwrap()
    }

    fn kept_times(times: &[DateTime<Utc>]) -> Vec<DateTime<Utc>> {
        times
            .iter()
            .zip(kept(times, now()))
            .filter(|(_, k)| *k)
            .map(|(t, _)| *t)
            .collect()
    }

    #[test]
    fn a_few_backups_are_all_kept() {
        let times: Vec<_> = (0..LAST as i64)
            .map(|m| now().to_utc() - Duration::minutes(m))
            .collect();
        assert!(kept(&times, now()).iter().all(|k| *k));
        assert_eq!(kept(&[], now()), Vec::<bool>::new());
    }

    #[test]
    fn the_last_20_of_a_busy_day_are_kept_and_the_rest_of_it_goes() {
        // One a minute for 100 minutes, this morning: all the same day and month.
        let times: Vec<_> = (0..100)
            .map(|m| now().to_utc() - Duration::minutes(m))
            .collect();
        let keep = kept(&times, now());
        assert_eq!(keep.iter().filter(|k| **k).count(), LAST);
        assert!(keep[..LAST].iter().all(|k| *k), "the newest 20");
    }

    #[test]
    fn the_newest_of_each_of_30_days_and_12_months_are_kept() {
        let start = now().to_utc();
        let mut times = Vec::new();
        // 30 backups just now, then for 400 days back two a day (morning and evening).
        for m in 0..30 {
            times.push(start - Duration::seconds(m));
        }
        for day in 1..400 {
            times.push(start - Duration::days(day));
            times.push(start - Duration::days(day) - Duration::hours(8));
        }
        let kept = kept_times(&times);
        // 20 newest (all today) + 29 earlier days (today is already in) + the months before
        // those 30 days back to 11 months ago.
        let days: Vec<_> = kept
            .iter()
            .map(|t| t.with_timezone(now().offset()).date_naive())
            .collect();
        for back in 0..DAYS {
            let day = now().date_naive() - Duration::days(back);
            assert_eq!(
                days.iter().filter(|d| **d == day).count(),
                if back == 0 { LAST } else { 1 },
                "{day}"
            );
        }
        // The newest of a day kept is its morning one (the evening one is 8 hours earlier).
        assert!(kept.contains(&(start - Duration::days(3))));
        assert!(!kept.contains(&(start - Duration::days(3) - Duration::hours(8))));
        let months: std::collections::BTreeSet<_> =
            days.iter().map(|d| (d.year(), d.month())).collect();
        assert_eq!(months.len(), MONTHS as usize);
        assert!(!months.contains(&(2025, 11)), "12 months back is too old");
        // Per older month exactly one: the newest of that month.
        let in_june: Vec<_> = days
            .iter()
            .filter(|d| (d.year(), d.month()) == (2026, 6))
            .collect();
        assert_eq!(in_june.len(), 1);
        assert_eq!(in_june[0].day(), 30);
        assert_eq!(kept.len(), LAST + (DAYS as usize - 1) + 10);
    }

    #[test]
    fn a_backup_dated_after_now_is_kept() {
        let mut times: Vec<_> = (0..40)
            .map(|m| now().to_utc() - Duration::minutes(m))
            .collect();
        let future = now().to_utc() + Duration::days(400);
        times.push(future);
        assert!(kept_times(&times).contains(&future));
    }

    #[test]
    fn days_are_those_of_the_local_time_zone() {
        // 23:30 UTC on the 27th is 00:30 on the 28th in UTC+1: one day apart from 22:30 UTC.
        let late = Utc.with_ymd_and_hms(2026, 11, 27, 23, 30, 0).unwrap();
        let earlier = Utc.with_ymd_and_hms(2026, 11, 27, 22, 30, 0).unwrap();
        let mut times: Vec<_> = (0..LAST as i64)
            .map(|m| now().to_utc() - Duration::minutes(m))
            .collect();
        times.extend([late, earlier]);
        let kept = kept_times(&times);
        assert!(kept.contains(&late) && kept.contains(&earlier));
    }
}
