//! runstrong: a server-rendered coaching website for runners.
//!
//! Data flows one way: `content/` is read and validated, imported into SQLite, rendered
//! through the templates and served. One module owns each concern (the README's "How the
//! code fits together" gives the same map and the directions each module may import in):
//!
//! - [`domain`]: the checked types and the pure rules (programmes, the planner, the guide).
//! - [`markdown`]: Markdown to safe HTML, with heading ids and internal links.
//! - [`content`]: reads `content/` and validates it into domain types, `path:line` errors.
//! - [`db`]: SQLite: the schema, the import, every query, full-text search.
//! - [`assets`]: the fingerprinted files of `static/`.
//! - [`parallel`]: work spread over every core, results in order.
//! - [`views`]: askama template structs and display formatting.
//! - [`error`]: the error a page can end in, and its page.
//! - [`params`]: query strings, dates and weekdays as pages read them.
//! - [`pages`]: page builders: the database in, views out; the list of live pages.
//! - [`http`]: the server: routes, the built site and its caches, limits, headers, shutdown.
//! - [`export`]: every page and asset written as static files.
//! - [`cli`]: the command line.

pub mod assets;
pub mod cli;
pub mod content;
pub mod db;
pub mod domain;
pub mod error;
pub mod export;
pub mod http;
pub mod markdown;
pub mod pages;
pub mod parallel;
pub mod params;
pub mod views;
