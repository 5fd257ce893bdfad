//! Thin entry point: logging, arguments, then the chosen subcommand.

use std::process::ExitCode;

use clap::Parser;
use runstrong::cli::{Cli, Command};
use runstrong::startup::Application;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => check(&args.content),
        Some(Command::Serve(args)) => serve(args.into()),
        None => serve(cli.serve.into()),
    }
}

fn check(dir: &std::path::Path) -> ExitCode {
    match runstrong::content::load(dir) {
        Ok(content) => {
            println!(
                "content OK: {} articles, {} muscles, {} exercises, {} equipment, {} programs",
                content.articles.len(),
                content.muscles.len(),
                content.exercises.len(),
                content.equipment.len(),
                content.programs.len()
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprint!("{errors}");
            ExitCode::FAILURE
        }
    }
}

fn serve(settings: runstrong::startup::Settings) -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match actix_web::rt::System::new().block_on(async {
        let app = Application::build(settings)?;
        println!("listening on {}", app.url());
        app.run_until_stopped().await?;
        anyhow::Ok(())
    }) {
        Ok(()) => return ExitCode::SUCCESS,
        Err(error) => error,
    };
    eprintln!("runstrong: {runtime:#}");
    ExitCode::FAILURE
}
