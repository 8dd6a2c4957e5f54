//! The command line, a contract (DESIGN.md, "Command line"): tests and tools outside signaal drive it.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};

use crate::bench;
use crate::demo;
use crate::domain::Id;
use crate::i18n::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "signaal",
    version,
    about = "Early signalling for childcare groups, in the terminal",
    after_help = "The options --db, --lang, --keymap, --lock-after, --observe-weeks, --backup-dir \
                  and --backup-after can also be set in a config file (keys db, lang, keymap, \
                  lock_after, observe_weeks, backup_dir, backup_after). An option given here comes \
                  first, then SIGNAAL_DB and SIGNAAL_BACKUP_DIR, then the config file, then LANG \
                  (for the language) and the built-in default."
)]
pub struct Cli {
    /// Config file (default: SIGNAAL_CONFIG, else config.toml in the platform config directory,
    /// such as ~/.config/signaal/config.toml; that one may be missing)
    #[arg(long, value_name = "FILE", env = "SIGNAAL_CONFIG")]
    pub config: Option<PathBuf>,
    #[command(flatten)]
    pub db: DbArg,
    /// Interface language (default: lang in the config file, else from LANG; nl* gives Dutch,
    /// anything else English). May also come after the subcommand (`contacts find --lang nl`)
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
    /// Keymap: a preset name (default, vim) or a TOML file that overrides the default (default:
    /// keymap in the config file, else default)
    #[arg(long, value_name = "NAME|FILE")]
    pub keymap: Option<String>,
    /// Who is at the keyboard (a staff member's name)
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Lock the screen after this many idle seconds (0: never; default: lock_after in the config
    /// file, else 300); Ctrl-L locks at once
    #[arg(long, value_name = "SECONDS")]
    pub lock_after: Option<u64>,
    /// Flag a child with an open trajectory, in its group's list and on the coach's visit, when
    /// its latest observation is older than this many weeks (or it has none; default:
    /// observe_weeks in the config file, else 8)
    #[arg(long, value_name = "WEEKS",
          value_parser = clap::value_parser!(u32).range(1..=i64::from(crate::config::defaults::OBSERVE_WEEKS_MAX)))]
    pub observe_weeks: Option<u32>,
    /// Where backups are kept (default: SIGNAAL_BACKUP_DIR, else backup_dir in the config file,
    /// else DIR.backups beside the database directory DIR); a USB stick or a second disk is best
    #[arg(long, value_name = "DIR", env = "SIGNAAL_BACKUP_DIR", global = true)]
    pub backup_dir: Option<PathBuf>,
    /// Make a backup at most this many seconds after a change, and one when signaal stops (0: no
    /// automatic backups; at most 86400, one day; default: backup_after in the config file, else
    /// 60)
    #[arg(long, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(0..=crate::config::defaults::BACKUP_AFTER_MAX_SECONDS))]
    pub backup_after: Option<u64>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Args)]
pub struct DbArg {
    /// Database directory (default: SIGNAAL_DB, else db in the config file, else the platform data
    /// directory)
    #[arg(long, value_name = "DIR", env = "SIGNAAL_DB", global = true)]
    pub db: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill an empty database with fictional demo data
    Demo(DemoArgs),
    /// Write the whole database as JSON to stdout
    Export,
    /// Load an export file into an empty database
    Import {
        /// The JSON file written by `signaal export`
        file: PathBuf,
        /// For an export made by a signaal from before the audit trail's hash chain (none of its
        /// audit entries has a hash): its trail is sealed as it is, and the import's own audit
        /// entry records that it was not verified (trail=unverified)
        #[arg(long)]
        unverified_trail: bool,
    },
    /// Verify the database's integrity (exit code 0 when sound, 1 when not)
    Check,
    /// Write a report as Markdown to stdout: one child, for a conversation with the parents (or
    /// its dossier), a child's handover to primary school (for the school or the parents), the
    /// open trajectories for the care-team meeting, or the Meldcode trajectories for the
    /// aandachtsfunctionaris (these two also as CSV)
    Report(ReportArgs),
    /// Work with observation form templates: import an organisation's own, list them, choose a
    /// group's
    Forms {
        #[command(subcommand)]
        command: FormsCommand,
    },
    /// The contact directory (who to call): find a contact, import an address book (vCard or
    /// CSV), export the directory as vCard
    Contacts {
        #[command(subcommand)]
        command: ContactsCommand,
    },
    /// Remove for good the data of children who left: archived before a date
    ///
    /// Lists the archived children whose archiving (the last "child.archive" in the audit trail,
    /// not followed by a "child.restore") lies before --left-before, with their observations and
    /// trajectories, and asks to confirm (type yes) unless --yes is given. Then removes each
    /// child's record, observations and trajectories in one go. An archived child whose archiving
    /// the audit trail does not show (imported archived) left at an unknown time and is included.
    /// The audit trail records "child.purge" with the child's id only, never a name or content.
    /// Exit code 1 when the question is not answered yes (nothing is changed then).
    Purge(PurgeArgs),
    /// Make a backup now, into the backup directory (or to FILE)
    ///
    /// While a running signaal holds the database this cannot read it; with --to it then copies
    /// the newest automatic backup to FILE and says how old it is.
    Backup {
        /// Write the backup to this file instead of the backup directory
        #[arg(long, value_name = "FILE")]
        to: Option<PathBuf>,
    },
    /// List the backups: when (local time), size, the children, observations and trajectories in
    /// each, and whether its checksum holds
    Backups,
    /// Bring the database back from a backup: the newest one whose checksum holds, or BACKUP
    ///
    /// The backup is restored into a new directory beside the database first, so a failed restore
    /// changes nothing. A database already there is never deleted: it is moved aside to
    /// DIR.damaged-<time>. A healthy one (it opens and passes check) is only replaced with --force.
    /// Afterwards it says what the backup holds and how old it is: what was entered after it must
    /// be entered again.
    Restore {
        /// A backup file, or the name of one in the backup directory (default: the newest good one)
        backup: Option<PathBuf>,
        /// Replace a database that is not damaged
        #[arg(long)]
        force: bool,
    },
    /// Work with keymap files
    Keymap {
        #[command(subcommand)]
        command: KeymapCommand,
    },
    /// Work with config files
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Measure signaal's speed against its budgets on a generated database
    ///
    /// Builds a database of fictional data of the given size in a temporary directory (removed
    /// afterwards), drives the screens as a 120x40 terminal would, and prints a table: each
    /// figure, its budget, its median (p50) and 99th percentile (p99), and whether it holds.
    /// Exit code 1 when a budget fails, 2 for a size that cannot be built or no temporary
    /// directory to build it in (set TMPDIR). Run it on a release build (`cargo run --release
    /// -- bench`).
    Bench(BenchArgs),
    /// The first frame of `bench`, in a fresh process: see `bench::frame` (not for use by hand)
    #[command(hide = true)]
    BenchFrame,
}

#[derive(Debug, Clone, Args)]
pub struct BenchArgs {
    /// Children in all, spread over the groups (at most 100000)
    #[arg(long, value_name = "N", default_value_t = bench::Size::default().children)]
    pub children: usize,
    /// Groups (at least 1, at most as many as children and 7000)
    #[arg(long, value_name = "N", default_value_t = bench::Size::default().groups)]
    pub groups: usize,
    /// Observations in all, spread over the children (at most 3000000)
    #[arg(long, value_name = "N", default_value_t = bench::Size::default().observations)]
    pub observations: usize,
    /// Contact cards in the directory (at most 50000)
    #[arg(long, value_name = "N", default_value_t = bench::Size::default().contacts)]
    pub contacts: usize,
}

impl From<&BenchArgs> for bench::Size {
    fn from(args: &BenchArgs) -> bench::Size {
        bench::Size {
            children: args.children,
            groups: args.groups,
            observations: args.observations,
            contacts: args.contacts,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    /// Seed for the generator: the same seed gives the same data (on the same day)
    #[arg(long, default_value_t = demo::Options::default().seed)]
    pub seed: u64,
    /// Number of groups (the first three are a KDV, a peuteropvang and a BSO group)
    #[arg(long, default_value_t = demo::Options::default().groups)]
    pub groups: usize,
    /// Children per group (default: 8 to 16, varying per group)
    #[arg(long)]
    pub children_per_group: Option<usize>,
    /// Observations per child, dated some weeks apart up to a few weeks ago (about one child in
    /// eight gets none or only an old one, so "not observed for long" shows too)
    #[arg(long, value_name = "N", default_value_t = demo::Options::default().observations_per_child)]
    pub observations_per_child: usize,
}

impl From<&DemoArgs> for demo::Options {
    fn from(args: &DemoArgs) -> demo::Options {
        demo::Options {
            seed: args.seed,
            groups: args.groups,
            children_per_group: args.children_per_group,
            observations_per_child: args.observations_per_child,
            ..demo::Options::default()
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct PurgeArgs {
    /// Children archived before this day (not on it) are removed
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub left_before: NaiveDate,
    /// Do not ask for confirmation
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Subcommand)]
pub enum KeymapCommand {
    /// Validate a keymap file and report every problem with its line number
    Check { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Validate a config file (and the keymap it names) and report every problem with its line
    /// number
    Check { file: PathBuf },
}

/// What `signaal report` reports on. Exactly one kind of report is asked for at a time: the
/// options that name one are in the `what` group, so a further kind of report is one more option
/// there and one more [`Report`] variant. Options that only fit one kind conflict with the others
/// (`requires` cannot do it: a flag's default `false` counts as given for clap), which with the
/// required group means they come only with their kind.
#[derive(Debug, Clone, Args)]
#[command(group(ArgGroup::new("what").required(true).multiple(false)))]
pub struct ReportArgs {
    /// The child whose latest observation, what changed since the one before, and step plans go
    /// into a document for a conversation with the parents: its id (as in the export) or its
    /// name (case and accents do not matter; a name that fits several children lists them)
    #[arg(long, value_name = "ID|NAME", group = "what", value_parser = parse_child)]
    pub child: Option<ChildRef>,
    /// With --child: instead of the document for the talk, everything about the child that the
    /// parents may see, for their right of access (observations, step plans, consent, guardians,
    /// mentor, the handover to school, the audit entries about the child; never the Meldcode)
    #[arg(long, conflicts_with_all = ["care_team", "meldcode", "handover"])]
    pub dossier: bool,
    /// The handover to primary school of a child (its id or name, as with --child): the document
    /// for the school, about the child (school, development per domain, interests, what helps,
    /// the parents' view, the warm handover, and an open step plan's question, goals and what is
    /// done; never a Meldcode trajectory). Refused (exit 1) until the handover is written (s on
    /// the child's screen) with its school, and unless the parents consented (consent.school =
    /// yes). For a BSO child: the talk with the school's intern begeleider
    #[arg(long, value_name = "ID|NAME", group = "what", value_parser = parse_child)]
    pub handover: Option<ChildRef>,
    /// With --handover: the document for the parents instead, in words to them and with their
    /// step plans, to discuss before it goes to the school; always allowed (before the handover
    /// is written it says so)
    #[arg(long, conflicts_with_all = ["child", "care_team", "meldcode"])]
    pub for_parents: bool,
    /// The open trajectories of every child, for the monthly care-team meeting (zorgoverleg);
    /// Meldcode trajectories are left out
    #[arg(long, group = "what")]
    pub care_team: bool,
    /// The Meldcode trajectories, for the aandachtsfunctionaris, in the shape of --care-team
    /// (open ones; with --month as they stood then): the one report that lists them (every other
    /// report leaves them out)
    #[arg(long, group = "what")]
    pub meldcode: bool,
    /// With --care-team or --meldcode: the trajectories as they stood at the end of this month (of
    /// the current month: today): open then, the stage reached then, what was overdue then, and
    /// what started and closed in it (default: this month); a month still to come is refused
    #[arg(long, value_name = "YYYY-MM", conflicts_with_all = ["child", "handover"], value_parser = parse_month)]
    pub month: Option<NaiveDate>,
    /// With --care-team or --meldcode: CSV (RFC 4180, English column names, UTF-8 with a byte
    /// order mark, separated by ";" in a Dutch report and by "," in an English one, so that
    /// Excel opens it in columns) instead of Markdown. A cell that starts with =, +, -, @ or a
    /// tab gets a ' in front, so that a spreadsheet does not run it as a formula
    #[arg(long, conflicts_with_all = ["child", "handover"])]
    pub csv: bool,
    /// With --csv: what separates the fields: ",", ";", "|" or "tab" (default: ";" for a Dutch
    /// report, "," for an English one)
    #[arg(long, value_name = "CHAR", requires = "csv", value_parser = crate::report::sheet::parse_delimiter)]
    pub delimiter: Option<u8>,
}

/// A child named on the command line: by its id, or by (part of) its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChildRef {
    Id(Id),
    Name(String),
}

/// A number is an id; anything else a name.
fn parse_child(text: &str) -> Result<ChildRef, String> {
    match text.trim() {
        "" => Err("name a child: its id or its name".to_string()),
        text => Ok(text
            .parse()
            .map_or_else(|_| ChildRef::Name(text.to_string()), ChildRef::Id)),
    }
}

/// The report asked for, from [`ReportArgs`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    Child(ChildRef),
    /// Everything about the child the parents may see (`--child ... --dossier`).
    Dossier(ChildRef),
    /// The handover to school (`--handover ... [--for-parents]`).
    Handover {
        child: ChildRef,
        for_parents: bool,
    },
    /// The care-team overview; `month` is the first day of the month asked for.
    CareTeam {
        month: Option<NaiveDate>,
        csv: bool,
    },
    /// The aandachtsfunctionaris' overview of the open Meldcode trajectories, in the same shape.
    Meldcode {
        month: Option<NaiveDate>,
        csv: bool,
    },
}

impl ReportArgs {
    /// The report asked for; `None` only for a `ReportArgs` built by hand without one (clap
    /// requires one option of the `what` group).
    pub fn report(&self) -> Option<Report> {
        let (month, csv) = (self.month, self.csv);
        if let Some(child) = self.handover.clone() {
            let for_parents = self.for_parents;
            return Some(Report::Handover { child, for_parents });
        }
        match (self.child.clone(), self.care_team, self.meldcode) {
            (Some(child), _, _) if self.dossier => Some(Report::Dossier(child)),
            (Some(child), _, _) => Some(Report::Child(child)),
            (None, true, _) => Some(Report::CareTeam { month, csv }),
            (None, false, true) => Some(Report::Meldcode { month, csv }),
            (None, false, false) => None,
        }
    }
}

/// A month written `YYYY-MM` (2026-11), as the first day of that month. Whether it is still to
/// come is the report command's to say, in the user's language (`--lang` is not known yet
/// while the arguments are parsed).
pub fn parse_month(text: &str) -> Result<NaiveDate, String> {
    let bad = || format!("{text:?} is not a month; write it as YYYY-MM, for example 2026-11");
    let (year, month) = text.trim().split_once('-').ok_or_else(bad)?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(year, 4) || !digits(month, 2) {
        return Err(bad());
    }
    let (year, month) = (
        year.parse().map_err(|_| bad())?,
        month.parse().map_err(|_| bad())?,
    );
    NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)
}

/// A day written `YYYY-MM-DD` (2026-06-01).
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let bad = || format!("{text:?} is not a date; write it as YYYY-MM-DD, for example 2026-06-01");
    let text = text.trim();
    let shape = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape {
        return Err(bad());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad())
}

#[derive(Debug, Subcommand)]
pub enum FormsCommand {
    /// Add an organisation's own template from a TOML file (the format is described at the top
    /// of the built-in kdv.toml); a file with mistakes is refused whole, with every problem's line
    Import { file: PathBuf },
    /// List the templates on offer: the newest version of each, built in or imported
    List,
    /// Choose the templates a group uses for new observations
    Use(FormsUseArgs),
}

#[derive(Debug, Subcommand)]
pub enum ContactsCommand {
    /// Print the contacts matching QUERY, best first, one a line
    ///
    /// Each line has four fields separated by tabs: NAME, PHONES, ROLE, ORGANISATION. PHONES is
    /// every number with its label in brackets, separated by "; ", the one to call first first; a
    /// field a card does not have is empty. Case, accents and small typos do not matter; no QUERY
    /// lists every contact. Exit code 1 when nothing matches (like grep). Without the database
    /// (none at --db, or one in use by a running signaal) the pinned cards (112, Veilig Thuis, the
    /// vertrouwensinspecteur, the aandachtsfunctionaris) are still searched, with a note on stderr.
    Find(ContactsFindArgs),
    /// Add the contacts of a vCard or CSV file
    ///
    /// vCard 2.1, 3.0 and 4.0 and CSV (Dutch or English column names) are read; which one a file
    /// is, is told by its content, not its name. The whole file is checked first: a file with
    /// mistakes is refused whole, with every problem's line, and the database is left as it was.
    /// Cards already in the directory (the same name and phone numbers) are skipped, so importing
    /// a file twice adds its contacts once.
    Import {
        /// The .vcf or .csv file
        file: PathBuf,
    },
    /// Write the whole directory, pinned cards included, to stdout (--vcf)
    Export(ContactsExportArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ContactsFindArgs {
    /// At most this many contacts, the best ones (default: all that match)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,
    /// What to look for in the name, role, organisation and topics; several words are one query
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
}

impl ContactsFindArgs {
    /// The words of the query as one query.
    pub fn query(&self) -> String {
        self.query.join(" ")
    }
}

#[derive(Debug, Clone, Args)]
pub struct ContactsExportArgs {
    /// As vCard 4.0 (RFC 6350: CRLF line ends, lines folded at 75 octets), which address books
    /// and phones import; the only format for now, so it must be given
    #[arg(long, required = true)]
    pub vcf: bool,
}

#[derive(Debug, Clone, Args)]
pub struct FormsUseArgs {
    /// The group (by id, as in the export)
    #[arg(long, value_name = "ID")]
    pub group: Id,
    /// Go back to the default: every template meant for the group's kind
    #[arg(long, conflicts_with = "templates")]
    pub all: bool,
    /// The template ids, in the order the group sees them; none means the default, as --all
    #[arg(value_name = "TEMPLATE_ID")]
    pub templates: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(args: &[&str]) -> Result<Option<Report>, clap::Error> {
        let cli = Cli::try_parse_from(["signaal", "report"].iter().chain(args))?;
        match cli.command {
            Some(Command::Report(args)) => Ok(args.report()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn plain_demo_generates_the_default_options() {
        let cli = Cli::try_parse_from(["signaal", "demo"]).unwrap();
        match cli.command {
            Some(Command::Demo(args)) => {
                assert_eq!(demo::Options::from(&args), demo::Options::default())
            }
            other => panic!("{other:?}"),
        }
        let cli = Cli::try_parse_from(["signaal", "demo", "--seed", "7", "--groups", "5"]).unwrap();
        match cli.command {
            Some(Command::Demo(args)) => {
                let options = demo::Options::from(&args);
                assert_eq!((options.seed, options.groups), (7, 5));
            }
            other => panic!("{other:?}"),
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn months_are_written_yyyy_mm() {
        assert_eq!(parse_month("2026-11"), Ok(d("2026-11-01")));
        assert_eq!(parse_month("1999-01"), Ok(d("1999-01-01")));
        assert_eq!(
            parse_month("2999-01"),
            Ok(d("2999-01-01")),
            "refused later, in --lang"
        );
        for bad in [
            "2026-13",
            "2026-00",
            "2026-1",
            "26-11",
            "2026/11",
            "2026-11-01",
            "",
            "nov",
        ] {
            let err = parse_month(bad).unwrap_err();
            assert!(err.contains("YYYY-MM"), "{bad}: {err}");
        }
    }

    #[test]
    fn dates_are_written_yyyy_mm_dd() {
        assert_eq!(parse_date("2026-06-01"), Ok(d("2026-06-01")));
        assert_eq!(parse_date("2024-02-29"), Ok(d("2024-02-29")));
        for bad in [
            "2026-6-1",
            "2025-02-29",
            "2026-13-01",
            "01-06-2026",
            "2026/06/01",
            "2026-06",
            "+2026-06-01",
            "",
        ] {
            let err = parse_date(bad).unwrap_err();
            assert!(err.contains("YYYY-MM-DD"), "{bad}: {err}");
        }
    }

    #[test]
    fn report_takes_exactly_one_kind() {
        assert_eq!(
            report(&["--child", "7"]).unwrap(),
            Some(Report::Child(ChildRef::Id(7)))
        );
        assert_eq!(
            report(&["--child", "zoe de vries"]).unwrap(),
            Some(Report::Child(ChildRef::Name("zoe de vries".into())))
        );
        assert_eq!(
            report(&["--child", "7", "--dossier"]).unwrap(),
            Some(Report::Dossier(ChildRef::Id(7)))
        );
        assert!(report(&["--care-team", "--dossier"]).is_err());
        assert!(report(&["--dossier"]).is_err());
        assert_eq!(
            report(&["--care-team"]).unwrap(),
            Some(Report::CareTeam {
                month: None,
                csv: false
            })
        );
        assert_eq!(
            report(&["--care-team", "--month", "2026-11", "--csv"]).unwrap(),
            Some(Report::CareTeam {
                month: Some(d("2026-11-01")),
                csv: true
            })
        );
        assert_eq!(
            report(&["--meldcode", "--csv"]).unwrap(),
            Some(Report::Meldcode {
                month: None,
                csv: true
            })
        );
        assert!(report(&[]).is_err());
        assert!(report(&["--child", "7", "--care-team"]).is_err());
        assert!(report(&["--care-team", "--meldcode"]).is_err());
        assert!(report(&["--child", "7", "--csv"]).is_err());
        assert!(report(&["--care-team", "--delimiter", ";"]).is_err());
        assert!(report(&["--care-team", "--csv", "--delimiter", ":"]).is_err());
        assert!(report(&["--care-team", "--csv", "--delimiter", "tab"]).is_ok());
        assert!(report(&["--child", "7", "--month", "2026-11"]).is_err());
        assert!(report(&["--care-team", "--month", "2026-13"]).is_err());
    }
}
