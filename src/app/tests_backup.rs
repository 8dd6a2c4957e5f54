//! Automatic backups as the app runs them, with an injected clock: a change leads to a backup
//! `backup_after` later, not before, and a failing one is said in the header, in words.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::TimeDelta;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use super::test_support::{now, signed_in};
use super::{App, Clock, Msg};
use crate::backup::{self, AutoBackup};
use crate::domain::GroupKind;
use crate::i18n::Lang;
use crate::store::Signature;
use crate::ui::{self, Theme};

const AFTER: Duration = Duration::from_secs(60);

/// A change through the store, as a screen makes one.
fn change(app: &App) {
    let sig = Signature {
        by: "test".into(),
        at: app.clock.now(),
    };
    app.store
        .add_group("Nieuwe groep", GroupKind::Kdv, "", &sig)
        .unwrap();
}

/// The app's clock `seconds` after the test's start, and an idle tick at that moment.
fn idle_at(app: &mut App, seconds: i64) {
    app.clock = Clock::Fixed(now() + TimeDelta::seconds(seconds));
    app.update(Msg::Tick {
        idle: Duration::ZERO,
    });
}

/// Ticks the app (at the same clock) until `done`; a bound, not a timing.
fn tick_until(app: &mut App, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while !done(app) {
        assert!(start.elapsed() < Duration::from_secs(20), "never happened");
        std::thread::yield_now();
        app.update(Msg::Tick {
            idle: Duration::ZERO,
        });
    }
}

fn header(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 24)).unwrap();
    terminal
        .draw(|f| ui::draw(f, app, &Theme::monochrome()))
        .unwrap();
    let text = terminal.backend().to_string();
    text.lines().next().unwrap_or_default().to_string()
}

fn backups_in(dir: &Path) -> usize {
    backup::list(dir).unwrap().len()
}

#[test]
fn a_change_is_backed_up_backup_after_later() {
    let (tmp, mut app) = signed_in(Lang::En);
    let dir = tmp.path().join("backups");
    // What the database holds at the start is in a backup already.
    backup::make(&app.store, &dir, now()).unwrap();
    app.backups = Some(AutoBackup::new(app.store.clone(), dir.clone(), AFTER));
    idle_at(&mut app, 0);
    idle_at(&mut app, 61);
    assert_eq!(backups_in(&dir), 1, "nothing changed, no backup");
    change(&app);
    idle_at(&mut app, 62);
    idle_at(&mut app, 121);
    assert_eq!(backups_in(&dir), 1, "not before backup_after has passed");
    idle_at(&mut app, 122);
    tick_until(&mut app, |_| backups_in(&dir) == 2);
    let newest = backup::list(&dir).unwrap().pop().unwrap();
    let (header, holds) = backup::verify(&newest.path).unwrap();
    assert!(holds);
    assert_eq!(header.at, (now() + TimeDelta::seconds(122)).to_utc());
    let mut json = String::new();
    std::io::Read::read_to_string(&mut backup::export_reader(&newest.path).unwrap(), &mut json)
        .unwrap();
    assert!(json.contains("Nieuwe groep"), "the change is in the backup");
    assert_eq!(app.backup_notice(), None, "all is well: nothing to say");

    // A change just before quitting is in the backup made on the way out.
    change(&app);
    idle_at(&mut app, 130);
    let (path, _) = app.finish_backups().unwrap().unwrap();
    assert_eq!(backups_in(&dir), 3);
    assert_ne!(path, newest.path);
}

#[test]
fn changes_no_backup_holds_from_before_the_start_are_backed_up_without_new_ones() {
    // signaal was killed before its backup: the database holds changes no backup has.
    let (tmp, mut app) = signed_in(Lang::En);
    let dir = tmp.path().join("backups");
    app.backups = Some(AutoBackup::new(app.store.clone(), dir.clone(), AFTER));
    idle_at(&mut app, 0);
    assert_eq!(backups_in(&dir), 0, "not at once: backup_after later");
    idle_at(&mut app, 60);
    tick_until(&mut app, |_| backups_in(&dir) == 1);
}

#[test]
fn a_failing_backup_is_said_in_the_header_in_words() {
    let (tmp, mut app) = signed_in(Lang::En);
    // The backup dir cannot be made: a file is in the way.
    let blocked = tmp.path().join("file");
    std::fs::write(&blocked, b"not a dir").unwrap();
    app.backups = Some(AutoBackup::new(
        app.store.clone(),
        blocked.join("backups"),
        AFTER,
    ));
    change(&app);
    idle_at(&mut app, 0);
    idle_at(&mut app, 60);
    tick_until(&mut app, |app| app.backup_notice().is_some());
    let notice = app.backup_notice().unwrap();
    assert!(notice.starts_with("Backup failed: "), "{notice}");
    assert!(header(&app).contains("Backup failed"), "{}", header(&app));
    app.lang = Lang::Nl;
    assert!(header(&app).contains("Back-up mislukt"), "{}", header(&app));
}

/// A symbolic link in place of the backup folder: no backup goes where it points, and the
/// header says which folder and why, in words.
#[cfg(unix)]
#[test]
fn a_backup_folder_that_is_a_symlink_is_refused_and_said_so() {
    let (tmp, mut app) = signed_in(Lang::En);
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let link = tmp.path().join("backups");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    app.backups = Some(AutoBackup::new(app.store.clone(), link.clone(), AFTER));
    change(&app);
    idle_at(&mut app, 0);
    idle_at(&mut app, 60);
    tick_until(&mut app, |app| app.backup_notice().is_some());
    let notice = app.backup_notice().unwrap();
    let expected = format!(
        "Backup failed: the folder {} is a symbolic link; name the directory itself.",
        link.display()
    );
    assert_eq!(notice, expected);
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
}

#[test]
fn changes_that_wait_too_long_are_said_with_the_last_backup_time() {
    let (tmp, mut app) = signed_in(Lang::En);
    let dir = tmp.path().join("backups");
    app.backups = Some(AutoBackup::new(app.store.clone(), dir.clone(), AFTER));
    change(&app);
    idle_at(&mut app, 0);
    assert_eq!(app.backup_notice(), None);
    // No tick comes (a busy app) while the clock runs well past backup_after and the grace.
    app.clock = Clock::Fixed(now() + TimeDelta::seconds(200));
    let late = app.backups.as_ref().unwrap().status(app.clock.now());
    assert_eq!(late, Some(backup::BackupStatus::Late(None)));
    assert_eq!(
        app.backup_notice().as_deref(),
        Some("No backup of the changes yet")
    );
}

#[test]
fn the_last_backup_time_is_local_and_in_minutes() {
    let status = backup::BackupStatus::Late(Some((now() - TimeDelta::minutes(12)).to_utc()));
    assert_eq!(
        Lang::En.backup_status(&status, now()),
        "Last backup: 09:48 (12 min ago)"
    );
    assert_eq!(
        Lang::Nl.backup_status(&status, now()),
        "Laatste back-up: 09:48 (12 min geleden)"
    );
    let full = backup::BackupStatus::Failed(backup::Failure::DiskFull("/media/usb".into()));
    assert_eq!(
        Lang::Nl.backup_status(&full, now()),
        "Back-up mislukt: de schijf van /media/usb is vol."
    );
}

#[test]
fn a_backup_after_beyond_any_date_is_never_late_and_never_panics() {
    let (tmp, mut app) = signed_in(Lang::En);
    let dir = tmp.path().join("backups");
    // What `--backup-after 9223372036854775807` once reached: `after + grace` overflowed.
    let forever = Duration::from_secs(i64::MAX as u64);
    app.backups = Some(AutoBackup::new(app.store.clone(), dir.clone(), forever));
    change(&app);
    idle_at(&mut app, 0);
    idle_at(&mut app, 86_400 * 365);
    assert_eq!(app.backup_notice(), None);
    assert_eq!(backups_in(&dir), 0);
}
