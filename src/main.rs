//! Thin entry point: the arguments, then the chosen subcommand (see [`runstrong::cli`]).

use std::process::ExitCode;

use clap::Parser;
use runstrong::cli::Cli;

/// jemalloc, for reading a large library on every core at once; `src/cli/malloc.rs`
/// says why, and how the server tunes it.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    runstrong::cli::run(Cli::parse())
}
