//! The words about the aandachtsfunctionaris (safeguarding lead) and the retention term.

use super::Lang;

impl Lang {
    /// The status line after `L` on the staff screen; a new lead without a phone number is
    /// told to get one, since the pinned card shows their name for people to call.
    pub fn lead_status(self, name: &str, lead: bool, phone: bool) -> String {
        match (lead, phone) {
            (true, true) => self.pick(
                format!("{name} is nu aandachtsfunctionaris."),
                format!("{name} is now the safeguarding lead (aandachtsfunctionaris)."),
            ),
            (true, false) => self.pick(
                format!(
                    "{name} is nu aandachtsfunctionaris, maar zonder telefoonnummer: vul het in \
                     met e, want de kaart met wie te bellen toont het."
                ),
                format!(
                    "{name} is now the safeguarding lead, but without a phone number: add it \
                     with e, as the who-to-call card shows it."
                ),
            ),
            (false, _) => self.pick(
                format!("{name} is geen aandachtsfunctionaris meer."),
                format!("{name} is no longer a safeguarding lead (aandachtsfunctionaris)."),
            ),
        }
    }

    /// What the admin's groups list says when `count` (more than 0) archived children were
    /// archived longer ago than the retention term.
    pub fn past_retention(self, count: usize) -> String {
        self.pick(
            format!(
                "{} voorbij de bewaartermijn",
                count_of(count, "gearchiveerd kind", "gearchiveerde kinderen")
            ),
            format!(
                "{} past the retention term",
                count_of(count, "archived child", "archived children")
            ),
        )
    }

    /// Asked before the children past the retention term are removed for good.
    pub fn confirm_purge(self, names: &[String], open: usize) -> String {
        // Up to three names, then how many more: the question must fit one line or two.
        let shown = names.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
        let more = names.len().saturating_sub(3);
        let (nl_more, en_more) = match more {
            0 => (String::new(), String::new()),
            n => (format!(" en {n} meer"), format!(" and {n} more")),
        };
        let count = names.len();
        let (nl_open, en_open) = match open {
            0 => (String::new(), String::new()),
            n => (
                format!(
                    " Let op: {} nog een open traject.",
                    count_of(n, "kind heeft", "kinderen hebben")
                ),
                format!(
                    " Mind: {} still open.",
                    count_of(n, "child has a trajectory", "children have a trajectory")
                ),
            ),
        };
        self.pick(
            format!(
                "{} definitief verwijderen ({shown}{nl_more})?{nl_open}",
                count_of(count, "kind", "kinderen")
            ),
            format!(
                "Remove {} for good ({shown}{en_more})?{en_open}",
                count_of(count, "child", "children")
            ),
        )
    }

    /// The status line after the purge: how much went.
    pub fn purged(self, children: usize, observations: usize, trajectories: usize) -> String {
        self.pick(
            format!(
                "Definitief verwijderd: {}, {}, {}.",
                count_of(children, "kind", "kinderen"),
                count_of(observations, "observatie", "observaties"),
                count_of(trajectories, "traject", "trajecten"),
            ),
            format!(
                "Removed for good: {}, {}, {}.",
                count_of(children, "child", "children"),
                count_of(observations, "observation", "observations"),
                count_of(trajectories, "trajectory", "trajectories"),
            ),
        )
    }
}

/// "1 kind", "3 kinderen".
fn count_of(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}
