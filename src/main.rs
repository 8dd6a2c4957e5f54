use std::process::ExitCode;

use clap::Parser;

use signaal::cli::Cli;
use signaal::domain::text::visible_controls;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match signaal::commands::run(cli) {
        Ok(code) => code,
        Err(error) => {
            // A message may quote a name or a file's content: its control characters are shown,
            // never sent to the terminal.
            let message = format!("{error:#}");
            eprintln!("signaal: {}", visible_controls(&message));
            ExitCode::FAILURE
        }
    }
}
