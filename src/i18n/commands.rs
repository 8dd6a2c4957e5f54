//! What the non-interactive commands say when they succeed (`import`, `demo`, `contacts import`),
//! in Dutch and English. The commands print these through `commands::say` or
//! `commands::print_user_text`, which show any control character of a file name or a name.

use std::path::Path;

use super::Lang;
use crate::domain::contact::Pinned;
use crate::store::ExportSummary;

/// What `signaal demo` put into a new database, for its summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoCounts {
    pub groups: usize,
    pub children: usize,
    pub staff: usize,
    pub observations: usize,
    pub trajectories: usize,
    pub contacts: usize,
}

/// What `signaal contacts import` did with a file, for its summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactsImported<'a> {
    /// The file read.
    pub file: &'a Path,
    /// Cards added to the directory (pinned cards stored in place of the shipped ones included).
    pub added: usize,
    /// Cards the directory had already.
    pub skipped: usize,
    /// The pinned cards whose directory version was kept although the file's differs.
    pub kept: &'a [Pinned],
    /// The links to groups this database does not have, left out: a group id per link, in the
    /// file's order (a vCard exported at another location names that location's groups).
    pub foreign_groups: &'a [u64],
    /// The CSV columns that held something signaal has no field for.
    pub unused_columns: &'a [String],
}

impl Lang {
    /// `import`'s line once the export is in, naming every kind of record that was stored, with
    /// its count: "3 groups, 41 children, 9 staff, ... and 212 audit entries imported from FILE"
    /// (Dutch) or "imported ... from FILE" (English). Pinned cards as signaal ships them are
    /// not stored, so not counted; kinds with no record are left out.
    pub fn export_imported(self, n: &ExportSummary, file: &Path) -> String {
        let file = file.display();
        let counts = [
            n.groups,
            n.children,
            n.staff,
            n.observations,
            n.trajectories,
            n.contacts,
            n.visits,
            n.handovers,
            n.audit,
        ];
        let mut held: Vec<String> = counts
            .into_iter()
            .zip(self.record_words())
            .filter(|(n, _)| *n > 0)
            .map(|(n, (one, more))| counted(n, one, more))
            .collect();
        let Some(last) = held.pop() else {
            return self.pick(
                format!("niets geïmporteerd uit {file}"),
                format!("imported nothing from {file}"),
            );
        };
        let held = match held.is_empty() {
            true => last,
            false => {
                let and = self.pick("en".into(), "and".into());
                format!("{} {and} {last}", held.join(", "))
            }
        };
        self.pick(
            format!("{held} geïmporteerd uit {file}"),
            format!("imported {held} from {file}"),
        )
    }

    /// `contacts find` found nothing for `query`, which is quoted as typed.
    pub fn no_contact_matches(self, query: &str) -> String {
        self.pick(
            format!("geen contact past bij \"{query}\""),
            format!("no contact matches \"{query}\""),
        )
    }

    /// `report` was given a child's name that no child of the database at `db` has.
    pub fn no_child_called(self, name: &str, db: &Path) -> String {
        let db = db.display();
        self.pick(
            format!("er is geen kind dat \"{name}\" heet in {db}"),
            format!("there is no child called \"{name}\" in {db}"),
        )
    }

    /// `report` was given a name that several children have; `list` has one line for each
    /// (id, name, group), so that the id of one can be given instead.
    pub fn children_called(self, name: &str, list: &[String]) -> String {
        let (n, list) = (list.len(), list.join("\n"));
        self.pick(
            format!("{n} kinderen heten \"{name}\"; geef het id van een van hen:\n{list}"),
            format!("{n} children are called \"{name}\"; give the id of one:\n{list}"),
        )
    }

    /// `contacts find`'s note when the database could not be searched (`why`, a clause).
    pub fn only_pinned_searched(self, why: &str) -> String {
        self.pick(
            format!("{why}; alleen de vaste kaarten zijn doorzocht"),
            format!("{why}; only the pinned cards were searched"),
        )
    }

    /// Why `contacts find` did not search the database at `dir`: a running signaal holds it.
    pub fn contacts_only_in_running(self, dir: &Path) -> String {
        let dir = dir.display();
        self.pick(
            format!(
                "de database {dir} is in gebruik door een draaiende signaal, dus de eigen \
                 contacten zijn alleen daar te zien"
            ),
            format!(
                "the database {dir} is in use by a running signaal, so its own contacts are \
                 available only there"
            ),
        )
    }

    /// `demo`'s line once the demo data is in the database at `dir`.
    pub fn demo_written(self, dir: &Path, n: &DemoCounts) -> String {
        let dir = dir.display();
        let counts = [
            n.groups,
            n.children,
            n.staff,
            n.observations,
            n.trajectories,
            n.contacts,
        ];
        let held: Vec<String> = counts
            .into_iter()
            .zip(self.record_words())
            .map(|(n, (one, more))| counted(n, one, more))
            .collect();
        let held = held.join(", ");
        self.pick(
            format!("demodata in {dir}: {held}"),
            format!("demo data in {dir}: {held}"),
        )
    }

    /// The words for the kinds of record the summaries count, singular and plural, in the order
    /// they are named: groups, children, staff, observations, trajectories, contacts, coach
    /// visits, handovers to school, audit entries.
    fn record_words(self) -> [(&'static str, &'static str); 9] {
        match self {
            Lang::Nl => [
                ("groep", "groepen"),
                ("kind", "kinderen"),
                ("medewerker", "medewerkers"),
                ("observatie", "observaties"),
                ("traject", "trajecten"),
                ("contact", "contacten"),
                ("coachbezoek", "coachbezoeken"),
                ("overdracht naar school", "overdrachten naar school"),
                ("logboekregel", "logboekregels"),
            ],
            Lang::En => [
                ("group", "groups"),
                ("child", "children"),
                ("staff", "staff"),
                ("observation", "observations"),
                ("trajectory", "trajectories"),
                ("contact", "contacts"),
                ("coach visit", "coach visits"),
                ("handover to school", "handovers to school"),
                ("audit entry", "audit entries"),
            ],
        }
    }

    /// `contacts import`'s summary, one line or more, each ending in a line break: how many
    /// cards came in and how many the directory had, each pinned card of the directory that was
    /// kept, and the columns nothing was read from.
    pub fn contacts_imported(self, done: &ContactsImported<'_>) -> String {
        let (added, skipped, file) = (done.added, done.skipped, done.file.display());
        let mut text = self.pick(
            format!(
                "{added} {} geïmporteerd uit {file}",
                plural(added, "contact", "contacten")
            ),
            format!(
                "imported {added} {} from {file}",
                plural(added, "contact", "contacts")
            ),
        );
        if skipped > 0 {
            text.push_str(&self.pick(
                format!(
                    " ({skipped} {} al in de lijst)",
                    plural(skipped, "stond", "stonden")
                ),
                format!(
                    " ({skipped} {} already in the directory)",
                    plural(skipped, "was", "were")
                ),
            ));
        }
        text.push('\n');
        for &pinned in done.kept {
            let name = self.contact(&pinned.card()).name;
            text.push_str(&self.pick(
                format!(
                    "de eigen kaart \"{name}\" van deze lijst is gehouden; die in het bestand \
                     is anders\n"
                ),
                format!("kept this directory's own card \"{name}\"; the file's differs\n"),
            ));
        }
        if !done.foreign_groups.is_empty() {
            let links = done.foreign_groups.len();
            let mut ids = done.foreign_groups.to_vec();
            ids.sort_unstable();
            ids.dedup();
            let list: Vec<String> = ids.iter().map(u64::to_string).collect();
            let list = list.join(", ");
            text.push_str(&self.pick(
                format!(
                    "niet geïmporteerd: {} naar {} die deze database niet heeft ({list})\n",
                    counted(links, "koppeling", "koppelingen"),
                    plural(ids.len(), "een groep", "groepen")
                ),
                format!(
                    "not imported: {} to groups that are not in this database ({} {list})\n",
                    counted(links, "link", "links"),
                    plural(ids.len(), "group", "groups")
                ),
            ));
        }
        if !done.unused_columns.is_empty() {
            let (n, columns) = (done.unused_columns.len(), done.unused_columns.join(", "));
            text.push_str(&self.pick(
                format!(
                    "niet geïmporteerd ({} waarvoor signaal geen veld heeft): {columns}\n",
                    plural(n, "een kolom", "kolommen")
                ),
                format!(
                    "not imported ({} signaal has no field for): {columns}\n",
                    plural(n, "a column", "columns")
                ),
            ));
        }
        text
    }
}

/// "1 group", "3 groups": `n` with `one` for 1, else with `more`.
fn counted(n: usize, one: &str, more: &str) -> String {
    format!("{n} {}", plural(n, one, more))
}

/// `one` for 1, else `more`.
fn plural<'a>(n: usize, one: &'a str, more: &'a str) -> &'a str {
    match n {
        1 => one,
        _ => more,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_summary_names_the_kinds_stored_with_and_before_the_last() {
        let file = Path::new("export.json");
        let mut n = ExportSummary {
            contacts: 1,
            ..ExportSummary::default()
        };
        assert_eq!(
            Lang::En.export_imported(&n, file),
            "imported 1 contact from export.json"
        );
        n.handovers = 2;
        n.visits = 1;
        assert_eq!(
            Lang::Nl.export_imported(&n, file),
            "1 contact, 1 coachbezoek en 2 overdrachten naar school geïmporteerd uit export.json"
        );
        assert_eq!(
            Lang::Nl.export_imported(&ExportSummary::default(), file),
            "niets geïmporteerd uit export.json"
        );
    }
}
