//! `R`: a report written into the reports directory while the TUI runs (`crate::report::files`),
//! the same documents `signaal report` prints: the parents' report of a child (child screen,
//! children list) and the care-team report of a month (groups list, after the month form). Who
//! may is `access::needed`; the status line shows the file's path.

use chrono::NaiveDate;

use super::{AppError, Ctx, Outcome};
use crate::backup::unsafe_dir;
use crate::domain::Child;
use crate::report::care_team::{care_team_report, Which};
use crate::report::{child_report, files};

/// Writes the parents' report of `child`; the status line names the file.
///
/// # Errors
/// [`AppError::ReportNotWritten`] when the report cannot be made or written,
/// [`AppError::ReportsDirRefused`] when the reports directory is not safe to use.
pub fn parents_report(ctx: &Ctx, child: &Child) -> Result<Outcome, AppError> {
    let today = ctx.today();
    let text = child_report(ctx.store, child.id, ctx.lang, today).map_err(not_written)?;
    write(
        ctx,
        &files::parents_report_name(ctx.now().naive_local(), child.id),
        &text,
    )
}

/// Writes the care-team report of `month` (its first day), Markdown; the status line names the
/// file.
///
/// # Errors
/// [`AppError::ReportNotWritten`] when the report cannot be made or written,
/// [`AppError::ReportsDirRefused`] when the reports directory is not safe to use.
pub fn care_team(ctx: &Ctx, month: NaiveDate) -> Result<Outcome, AppError> {
    let today = ctx.today();
    let which = Which::CareTeam;
    let text = care_team_report(ctx.store, which, Some(month), None, ctx.lang, today)
        .map_err(not_written)?;
    write(
        ctx,
        &files::care_team_name(ctx.now().naive_local(), month),
        &text,
    )
}

fn write(ctx: &Ctx, name: &str, text: &str) -> Result<Outcome, AppError> {
    let dir = ctx.reports_dir;
    let path = files::write_private(dir, name, text).map_err(|e| match unsafe_dir(&e) {
        Some(why) => AppError::ReportsDirRefused(dir.to_path_buf(), why),
        None => AppError::ReportNotWritten(format!("{}: {e}", dir.display())),
    })?;
    Ok(Outcome::Say(ctx.lang.report_written(&path)))
}

fn not_written(e: impl std::fmt::Display) -> AppError {
    AppError::ReportNotWritten(e.to_string())
}
