//! Thin entry point: logging, arguments, then the chosen subcommand.

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use runstrong::cli::{Cli, Command};
use runstrong::http::Application;
use runstrong::pages::Source;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => check(&args.content),
        Some(Command::Serve(args)) => serve(args.into()),
        Some(Command::Export(args)) => export(args),
        Some(Command::Urls(args)) => urls(&args.content),
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

fn urls(content: &std::path::Path) -> ExitCode {
    // The database is only a build step: a temporary file, removed afterwards.
    let db = std::env::temp_dir().join(format!("runstrong-urls-{}.db", std::process::id()));
    let source = Source {
        content: content.to_path_buf(),
        db: db.clone(),
        public_url: runstrong::cli::DEFAULT_PUBLIC_URL.to_string(),
    };
    let listed = runstrong::pages::Pages::open(&source)
        .and_then(|pages| pages.urls().map_err(|error| anyhow::anyhow!("{error}")));
    let _ = std::fs::remove_file(&db);
    match listed {
        Ok(urls) => {
            println!("{}", urls.join("\n"));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("runstrong: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn export(args: runstrong::cli::ExportArgs) -> ExitCode {
    // The database is only a build step here: it lives in a temporary file beside the
    // export and is removed afterwards.
    let db = args.dir.join(".runstrong-export.db");
    let source = Source {
        content: args.content.content,
        db: db.clone(),
        public_url: args
            .public_url
            .unwrap_or_else(|| runstrong::cli::DEFAULT_PUBLIC_URL.to_string()),
    };
    if let Err(error) = std::fs::create_dir_all(&args.dir) {
        eprintln!("runstrong: cannot create {}: {error}", args.dir.display());
        return ExitCode::FAILURE;
    }
    let result = runstrong::export::export(&args.dir, &source);
    let _ = std::fs::remove_file(&db);
    match result {
        Ok(summary) => {
            println!(
                "exported {} files ({} bytes) to {} in {} ms",
                summary.files,
                summary.bytes,
                args.dir.display(),
                summary.millis
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("runstrong: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn serve(settings: runstrong::http::Settings) -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    match serve_until_signalled(settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("runstrong: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn serve_until_signalled(settings: runstrong::http::Settings) -> anyhow::Result<()> {
    // Before the runtime starts any thread: this reads and clears environment variables.
    let inherited = runstrong::http::inherited_listener()?;
    actix_web::rt::System::new().block_on(async {
        let signals = runstrong::http::shutdown::Signals::listen()
            .context("cannot listen for SIGTERM and SIGINT")?;
        let (app, source) = match inherited {
            Some(listener) => (
                Application::build_on(listener, settings)?,
                " (socket passed in by the supervisor; --addr ignored)",
            ),
            None => (Application::build(settings)?, ""),
        };
        println!("listening on {}{source}", app.url());
        app.run_until_signalled(signals).await?;
        anyhow::Ok(())
    })
}
