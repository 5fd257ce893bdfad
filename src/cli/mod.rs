//! The command line: `serve` (the default), `check`, `export`, `urls` and `new`, parsed
//! here and carried out by [`commands`]. Every `serve` flag can also be set with a
//! `RUNSTRONG_*` environment variable.

mod commands;
mod malloc;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use commands::run;

use crate::content::skeleton::Kind;
use crate::http::Settings;

/// Where an export is assumed to be served when no public URL is given.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";

#[derive(Debug, Parser)]
#[command(
    name = "runstrong",
    version,
    about = "A coaching website for runners who want stronger legs."
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site (the default).
    Serve(ServeArgs),
    /// Validate the content and report every problem as `path:line: message`.
    Check(CheckArgs),
    /// Write every page and asset as static files (with .gz and .br siblings) into DIR.
    Export(ExportArgs),
    /// Print the path of every page the site serves, one a line: the pages rendered at
    /// start-up, and example queries of the pages rendered per request.
    Urls(ContentArgs),
    /// Write a new exercise, article or programme to fill in: every key, with a comment
    /// saying what goes there. `check` points at each line still to fill.
    New(NewArgs),
}

#[derive(Debug, Args, Clone)]
pub struct CheckArgs {
    #[command(flatten)]
    pub content: ContentArgs,
    /// `text`: one `path:line: message` line per problem; `json`: one object for
    /// editors and CI (`ok`, `counts`, `problems` with `path`, `line`, `message`).
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Args, Clone)]
pub struct NewArgs {
    /// What to write.
    pub kind: Kind,
    /// The slug: the file name and the page's address (lowercase words and hyphens).
    pub slug: String,
    #[command(flatten)]
    pub content: ContentArgs,
}

#[derive(Debug, Args, Clone)]
pub struct ExportArgs {
    /// Folder to write the site into (created if missing).
    pub dir: PathBuf,
    #[command(flatten)]
    pub content: ContentArgs,
    /// Public URL the export will be served at, for canonical links and feeds.
    #[arg(long, env = "RUNSTRONG_PUBLIC_URL")]
    pub public_url: Option<String>,
}

#[derive(Debug, Args, Clone)]
pub struct ContentArgs {
    /// Folder holding articles/, exercises/, muscles/, equipment/ and programs/.
    #[arg(long, env = "RUNSTRONG_CONTENT", default_value = "content")]
    pub content: PathBuf,
}

#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, env = "RUNSTRONG_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: String,
    #[command(flatten)]
    pub content: ContentArgs,
    /// SQLite file, rebuilt from the content at every start.
    #[arg(long, env = "RUNSTRONG_DB", default_value = "runstrong.db")]
    pub db: PathBuf,
    /// Public URL of the site, used in calendar links (for example https://runstrong.example).
    #[arg(long, env = "RUNSTRONG_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Send Strict-Transport-Security; enable only when served over HTTPS.
    #[arg(long, env = "RUNSTRONG_HSTS")]
    pub hsts: bool,
    /// Worker threads (default: one per core).
    #[arg(long, env = "RUNSTRONG_WORKERS")]
    pub workers: Option<usize>,
    /// For authors: rebuild the site when a content file changes, reload open pages, and
    /// show content errors in a banner on every page.
    #[arg(long, env = "RUNSTRONG_WATCH")]
    pub watch: bool,
}

impl From<ServeArgs> for Settings {
    fn from(args: ServeArgs) -> Self {
        Settings {
            addr: args.addr,
            content: args.content.content,
            db: args.db,
            public_url: args.public_url,
            hsts: args.hsts,
            workers: args.workers,
            warm: true,
            watch: args.watch,
        }
    }
}
