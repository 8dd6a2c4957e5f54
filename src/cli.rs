//! The command line, a contract (DESIGN.md, "Command line"): tests and tools outside signaal drive it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "signaal",
    version,
    about = "Early signalling for childcare groups, in the terminal"
)]
pub struct Cli {
    #[command(flatten)]
    pub db: DbArg,
    /// Interface language (default: from LANG; nl* gives Dutch, anything else English)
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Keymap: a preset name (default, vim) or a TOML file that overrides the default
    #[arg(long, value_name = "NAME|FILE")]
    pub keymap: Option<String>,
    /// Who is at the keyboard (a staff member's name)
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Lock the screen after this many idle seconds (accepted now; the lock itself comes with the
    /// shared-terminal work)
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub lock_after: u64,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Args)]
pub struct DbArg {
    /// Database directory (default: SIGNAAL_DB, else the platform data directory)
    #[arg(long, value_name = "DIR", env = "SIGNAAL_DB", global = true)]
    pub db: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
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
    },
    /// Verify the database's integrity (exit code 0 when sound, 1 when not)
    Check,
    /// Work with keymap files
    Keymap {
        #[command(subcommand)]
        command: KeymapCommand,
    },
}

#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    /// Seed for the generator: the same seed gives the same data (on the same day)
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Number of groups (the first three are a KDV, a peuteropvang and a BSO group)
    #[arg(long, default_value_t = 3)]
    pub groups: usize,
    /// Children per group (default: 8 to 16, varying per group)
    #[arg(long)]
    pub children_per_group: Option<usize>,
    /// Observations per child (accepted for the contract; observations arrive with observation forms)
    #[arg(long, default_value_t = 0)]
    pub observations_per_child: usize,
}

impl Default for DemoArgs {
    /// What plain `signaal demo` generates; read from the attributes above, so the defaults are
    /// written in one place (the welcome screen's demo data and the tests use this too).
    fn default() -> DemoArgs {
        #[derive(Parser)]
        struct Demo {
            #[command(flatten)]
            args: DemoArgs,
        }
        Demo::parse_from(["demo"]).args
    }
}

#[derive(Debug, Subcommand)]
pub enum KeymapCommand {
    /// Validate a keymap file and report every problem with its line number
    Check { file: PathBuf },
}
