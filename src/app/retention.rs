//! The retention term on the admin's groups list: how many archived children are past it, and
//! removing them for good after a yes. The count and the removal ask the same store query
//! (`Store::past_retention`), so the question's number is what goes.

use super::{AppError, Ctx, Outcome};
use crate::domain::access::Permission;
use crate::domain::retention::term_start;

/// How many archived children are past the retention term (`ctx.retention_years` after their
/// archiving): 0 for someone who may not remove them.
///
/// # Errors
/// When the children or the audit trail cannot be read.
pub fn past_retention(ctx: &Ctx) -> Result<usize, AppError> {
    if !ctx.may(Permission::Purge) {
        return Ok(0);
    }
    let start = term_start(ctx.today(), ctx.retention_years);
    Ok(ctx.store.past_retention(start)?.len())
}

/// The question before the purge ("2 kinderen definitief verwijderen (Stijn Kramer, Mila
/// Visser)? Let op: 1 kind heeft nog een open traject."); `None` when there is nothing to
/// remove.
///
/// # Errors
/// Someone who may not purge, or the store's error.
pub fn purge_question(ctx: &Ctx) -> Result<Option<String>, AppError> {
    ctx.permit(Permission::Purge)?;
    let start = term_start(ctx.today(), ctx.retention_years);
    let children = ctx.store.past_retention(start)?;
    if children.is_empty() {
        return Ok(None);
    }
    // Named, so that the admin sees whom a yes removes; an open trajectory is said, as a child
    // who left with one (a Meldcode above all) may need a look before it goes.
    let names: Vec<String> = children.iter().map(|c| c.full_name()).collect();
    let mut open = 0;
    for child in &children {
        if ctx
            .store
            .trajectories_of(child.id)?
            .iter()
            .any(|t| t.is_open())
        {
            open += 1;
        }
    }
    Ok(Some(ctx.lang.confirm_purge(&names, open)))
}

/// Removes the children past the retention term, after the yes: every record about them goes,
/// the audit trail keeps one `child.purge` entry each without a name. The status line says how
/// much was removed.
pub fn purge(ctx: &Ctx) -> Outcome {
    let start = term_start(ctx.today(), ctx.retention_years);
    let purged = ctx
        .permit(Permission::Purge)
        .and_then(|()| Ok(ctx.store.purge_past_retention(start, &ctx.signature())?));
    match purged {
        Ok(p) => Outcome::Reload.and(Outcome::Say(ctx.lang.purged(
            p.children,
            p.observations,
            p.trajectories,
        ))),
        Err(e) => Outcome::Fail(e),
    }
}
