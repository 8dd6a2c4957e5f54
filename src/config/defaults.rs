//! The built-in defaults and limits of the settings. `config` owns them because it decides every
//! setting (command line, environment, file, then these, see [`super::layer`]); the command
//! line's checks and the app take them from here.

/// The default of `--observe-weeks`: weeks without an observation after which a child is flagged.
pub const OBSERVE_WEEKS: u32 = 8;
/// The most `--observe-weeks` (and `observe_weeks` in the config file) allows: two years.
pub const OBSERVE_WEEKS_MAX: u32 = 104;
/// The default of `--lock-after`, in seconds.
pub const LOCK_AFTER_SECONDS: u64 = 300;
/// The default of `--backup-after`, in seconds.
pub const BACKUP_AFTER_SECONDS: u64 = 60;
/// The largest `--backup-after` (and config `backup_after`), in seconds: one day. A backup that
/// waits longer is no backup, and the limit keeps the time arithmetic far from overflowing.
pub const BACKUP_AFTER_MAX_SECONDS: u64 = 86_400;
/// The default of `retention_years`: years after a child was archived (left) before its data is
/// past the retention term and the admin's groups list offers to remove it.
pub const RETENTION_YEARS: u32 = 2;
/// The most `retention_years` allows.
pub const RETENTION_YEARS_MAX: u32 = 30;
