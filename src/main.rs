//! Thin entry point: the arguments, then the chosen subcommand (see [`runstrong::cli`]).

use std::process::ExitCode;

use clap::Parser;
use runstrong::cli::Cli;

fn main() -> ExitCode {
    runstrong::cli::run(Cli::parse())
}
