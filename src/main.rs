use std::process::ExitCode;

use clap::Parser;

use signaal::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match signaal::commands::run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("signaal: {error:#}");
            ExitCode::FAILURE
        }
    }
}
