//! The words about the aandachtsfunctionaris (safeguarding lead) and the retention term.

use super::Lang;

impl Lang {
    /// The status line after `L` on the staff screen.
    pub fn lead_status(self, name: &str, lead: bool) -> String {
        match lead {
            true => self.pick(
                format!("{name} is nu aandachtsfunctionaris."),
                format!("{name} is now the safeguarding lead (aandachtsfunctionaris)."),
            ),
            false => self.pick(
                format!("{name} is geen aandachtsfunctionaris meer."),
                format!("{name} is no longer a safeguarding lead (aandachtsfunctionaris)."),
            ),
        }
    }

    /// What the admin's groups list says when `count` (more than 0) archived children were
    /// archived longer ago than the retention term.
    pub fn past_retention(self, count: usize) -> String {
        match count {
            1 => self.pick(
                "1 gearchiveerd kind voorbij de bewaartermijn".into(),
                "1 archived child past the retention term".into(),
            ),
            n => self.pick(
                format!("{n} gearchiveerde kinderen voorbij de bewaartermijn"),
                format!("{n} archived children past their retention term"),
            ),
        }
    }

    /// Asked before the children past the retention term are removed for good.
    pub fn confirm_purge(self, count: usize) -> String {
        self.pick(
            format!("{count} kinderen definitief verwijderen?"),
            format!("Remove {count} children for good?"),
        )
    }

    /// The status line after the purge: how much went.
    pub fn purged(self, children: usize, observations: usize, trajectories: usize) -> String {
        self.pick(
            format!(
                "Definitief verwijderd: {children} kinderen, {observations} observaties, \
                 {trajectories} trajecten."
            ),
            format!(
                "Removed for good: {children} children, {observations} observations, \
                 {trajectories} trajectories."
            ),
        )
    }
}
