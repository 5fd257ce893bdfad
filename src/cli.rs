//! The command line: `serve` (the default), `check` and `export`. Every `serve` flag can
//! also be set with a `RUNSTRONG_*` environment variable.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

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
    Check(ContentArgs),
    /// Write every page and asset as static files (with .gz and .br siblings) into DIR.
    Export(ExportArgs),
    /// Print the path of every page the site serves, one a line: the pages rendered at
    /// start-up, and example queries of the pages rendered per request.
    Urls(ContentArgs),
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
        }
    }
}
