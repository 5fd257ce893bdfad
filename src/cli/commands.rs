//! What each subcommand does. Every command reports a failure as one `runstrong: ...`
//! line (or, for content, one line per problem) and a non-zero exit.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;
use tracing_subscriber::EnvFilter;

use super::{CheckArgs, Cli, Command, DEFAULT_PUBLIC_URL, ExportArgs, Format, NewArgs};
use crate::content::{self, ContentErrors, skeleton};
use crate::http::{Application, Settings};
use crate::pages::{Pages, Source};

/// Carries out the chosen subcommand (plain `runstrong` serves).
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Check(args)) => check(&args),
        Some(Command::Serve(args)) => serve(args.into()),
        Some(Command::Export(args)) => export(args),
        Some(Command::Urls(args)) => urls(&args.content),
        Some(Command::New(args)) => new(&args),
        None => serve(cli.serve.into()),
    }
}

/// `check --format json`: what editors and CI read.
#[derive(Serialize)]
struct Report<'a> {
    ok: bool,
    counts: Option<Counts>,
    problems: Vec<Problem<'a>>,
}

#[derive(Serialize)]
struct Counts {
    articles: usize,
    muscles: usize,
    exercises: usize,
    equipment: usize,
    programs: usize,
}

#[derive(Serialize)]
struct Problem<'a> {
    path: String,
    /// From 1.
    line: usize,
    message: &'a str,
}

fn check(args: &CheckArgs) -> ExitCode {
    let loaded = content::load(&args.content.content);
    let counts = loaded.as_ref().ok().map(|c| Counts {
        articles: c.articles.len(),
        muscles: c.muscles.len(),
        exercises: c.exercises.len(),
        equipment: c.equipment.len(),
        programs: c.programs.len(),
    });
    let no_problems = ContentErrors::default();
    let problems = loaded.as_ref().err().unwrap_or(&no_problems);
    match args.format {
        Format::Json => {
            let report = Report {
                ok: counts.is_some(),
                problems: problems
                    .0
                    .iter()
                    .map(|p| Problem {
                        path: p.path.display().to_string(),
                        line: p.line.max(1),
                        message: &p.message,
                    })
                    .collect(),
                counts,
            };
            match serde_json::to_string_pretty(&report) {
                Ok(json) => println!("{json}"),
                Err(error) => eprintln!("runstrong: {error}"),
            }
        }
        Format::Text => match &counts {
            Some(c) => println!(
                "content OK: {} articles, {} muscles, {} exercises, {} equipment, {} programs",
                c.articles, c.muscles, c.exercises, c.equipment, c.programs
            ),
            None => eprint!("{problems}"),
        },
    }
    if loaded.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn new(args: &NewArgs) -> ExitCode {
    let written = (|| {
        anyhow::ensure!(
            content::is_slug(&args.slug),
            "`{}` is not a slug: use lowercase letters, digits and single hyphens",
            args.slug
        );
        let folder = args.content.content.join(args.kind.section());
        let path = folder.join(format!("{}.md", args.slug));
        anyhow::ensure!(!path.exists(), "{} already exists", path.display());
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();
        std::fs::create_dir_all(&folder)
            .and_then(|()| std::fs::write(&path, skeleton::skeleton(args.kind, &today)))
            .with_context(|| format!("cannot write {}", path.display()))?;
        anyhow::Ok(path)
    })();
    match written {
        Ok(path) => {
            println!(
                "wrote {}: fill in every empty value, then run `runstrong check`",
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("runstrong: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn urls(content: &Path) -> ExitCode {
    // The database is only a build step: a temporary file, removed afterwards.
    let db = std::env::temp_dir().join(format!("runstrong-urls-{}.db", std::process::id()));
    let source = Source {
        content: content.to_path_buf(),
        db,
        public_url: DEFAULT_PUBLIC_URL.to_string(),
    };
    let listed = Pages::open(&source)
        .and_then(|pages| pages.urls().map_err(|error| anyhow::anyhow!("{error}")));
    source.remove_database();
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

fn export(args: ExportArgs) -> ExitCode {
    // The database is only a build step here: it lives in a temporary file beside the
    // export and is removed afterwards.
    let source = Source {
        content: args.content.content,
        db: args.dir.join(".runstrong-export.db"),
        public_url: args
            .public_url
            .unwrap_or_else(|| DEFAULT_PUBLIC_URL.to_string()),
    };
    if let Err(error) = std::fs::create_dir_all(&args.dir) {
        eprintln!("runstrong: cannot create {}: {error}", args.dir.display());
        return ExitCode::FAILURE;
    }
    let result = crate::export::export(&args.dir, &source);
    source.remove_database();
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

fn serve(settings: Settings) -> ExitCode {
    super::malloc::restart_with_settings();
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

fn serve_until_signalled(settings: Settings) -> anyhow::Result<()> {
    // Before the runtime starts any thread: this reads and clears environment variables.
    let inherited = crate::http::inherited_listener()?;
    actix_web::rt::System::new().block_on(async {
        let signals = crate::http::shutdown::Signals::listen()
            .context("cannot listen for SIGTERM and SIGINT")?;
        let hangups = crate::http::reload::Hangups::listen().context("cannot listen for SIGHUP")?;
        let (app, source) = match inherited {
            Some(listener) => (
                Application::build_on(listener, settings)?,
                " (socket passed in by the supervisor; --addr ignored)",
            ),
            None => (Application::build(settings)?, ""),
        };
        println!("listening on {}{source}", app.url());
        app.run_until_signalled(signals, hangups).await?;
        anyhow::Ok(())
    })
}
