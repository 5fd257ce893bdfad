//! Page builders: each reads what a page needs from the database and fills its view
//! ([`crate::views`]). [`Pages`] owns the database and knows the public address of the
//! site, so every page gets its canonical URL without a global.
//!
//! Pages that depend only on `content/` are rendered once by [`Pages::render_static`];
//! pages that take query parameters are listed in [`live::LIVE_PAGES`] and rendered per
//! request by [`Pages::live`]. The same builders serve both, so a page looks the same
//! whichever way it was made.

pub mod api;
pub mod articles;
pub mod calendar;
pub mod equipment;
pub mod exercises;
pub mod feeds;
pub mod figures;
pub mod live;
pub mod muscles;
pub mod offline;
pub mod paging;
pub mod plan;
pub mod programs;
pub mod search;
pub mod selfcheck;
pub mod training;
pub mod weeks;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use askama::Template;

use crate::db::{Database, DbError, queries};
use crate::error::AppError;
use crate::views::PageMeta;

pub const HTML: &str = "text/html; charset=utf-8";
pub const CALENDAR: &str = "text/calendar; charset=utf-8";

/// Where a site comes from and where it is served.
#[derive(Debug, Clone)]
pub struct Source {
    /// The folder of articles, exercises, muscles, equipment and programmes.
    pub content: PathBuf,
    /// The SQLite file built from it.
    pub db: PathBuf,
    /// Absolute URL the site is served at, without a trailing slash.
    pub public_url: String,
}

impl Source {
    /// Removes the database files built from this source, for commands that build one
    /// only as a step.
    pub fn remove_database(&self) {
        Database::remove(&self.db);
    }
}

/// The page builder of one site: its database and its public address.
pub struct Pages {
    db: Database,
    public_url: String,
    /// Pages answered per request carry a notice that they are a saved copy (the export).
    saved_copies: bool,
    /// Time spent reading the content and building the database.
    loaded_in: (Duration, Duration),
    /// The content's version: a hash of its files.
    version: String,
}

/// A rendered page or document and the path it is served at.
pub struct RenderedPage {
    pub path: String,
    pub content_type: &'static str,
    pub body: String,
    pub caching: Caching,
}

/// How long a document may be reused before it is asked for again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caching {
    /// A page: reused for a few minutes, then revalidated with its ETag.
    Page,
    /// Named by a hash of its content, so it never changes under its address.
    Fingerprinted,
    /// Revalidated on every use (the service worker, which browsers look for anew).
    Revalidate,
}

impl RenderedPage {
    /// An HTML page at `path`.
    pub fn html(path: impl Into<String>, body: String) -> Self {
        Self::file(path, HTML, body)
    }

    /// Any document at `path`.
    pub fn file(path: impl Into<String>, content_type: &'static str, body: String) -> Self {
        Self {
            path: path.into(),
            content_type,
            body,
            caching: Caching::Page,
        }
    }

    /// The same, cached as `caching` says.
    pub fn cached(mut self, caching: Caching) -> Self {
        self.caching = caching;
        self
    }

    pub fn is_html(&self) -> bool {
        self.content_type == HTML
    }
}

/// Which of the pages that depend only on the content to render straight away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    /// Every page (the static export, `runstrong urls`).
    Everything,
    /// All but the documents that grow with the library: one page per exercise, and the
    /// exercises' open data. The server renders each when it is first asked for
    /// ([`Pages::render_deferred`]), so it starts fast, and small, at any library size.
    DeferExercises,
}

impl Rendering {
    /// Which pages of the long lists (the library, a muscle's or an item's exercises) to
    /// render straight away: their later pages grow in number with the library.
    fn pages_of_lists(self) -> paging::Which {
        match self {
            Rendering::Everything => paging::Which::All,
            Rendering::DeferExercises => paging::Which::First,
        }
    }
}

/// A page or document left to render when it is first asked for.
pub struct Deferred {
    pub path: String,
    pub content_type: &'static str,
}

/// The groups of pages that depend only on the content, each rendered on its own.
#[derive(Debug, Clone, Copy)]
enum Group {
    Articles,
    Exercises,
    Muscles,
    Programs,
    Equipment,
    Api,
    /// The training log, the offline files and the 404 page.
    Fixed,
}

impl Group {
    /// The longest first, so that no core is left with a long group at the end; the
    /// pages are listed in this order too.
    const ALL: [Group; 7] = [
        Group::Exercises,
        Group::Api,
        Group::Equipment,
        Group::Muscles,
        Group::Programs,
        Group::Articles,
        Group::Fixed,
    ];
}

/// The pages that depend only on the content.
pub struct StaticSite {
    pub pages: Vec<RenderedPage>,
    /// Pages left to render on request.
    pub deferred: Vec<Deferred>,
}

impl From<DbError> for AppError {
    fn from(error: DbError) -> Self {
        Self::Internal(error.into())
    }
}

impl Pages {
    /// Reads and validates the content, then builds its database.
    pub fn open(source: &Source) -> anyhow::Result<Self> {
        let started = Instant::now();
        let content = crate::content::load(&source.content)
            .map_err(|errors| anyhow::anyhow!("{errors}"))
            .context("content has errors")?;
        let read_in = started.elapsed();
        let started = Instant::now();
        let version = content.version.clone();
        let db = Database::build(&source.db, content)?;
        Ok(Self {
            db,
            public_url: source.public_url.trim_end_matches('/').to_string(),
            saved_copies: false,
            loaded_in: (read_in, started.elapsed()),
            version,
        })
    }

    /// Marks pages answered per request as saved copies, for the static export.
    pub fn as_saved_copies(mut self) -> Self {
        self.saved_copies = true;
        self
    }

    pub fn public_url(&self) -> &str {
        &self.public_url
    }

    /// The version of the content the pages come from (a hash of its files).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Time spent reading the content, and building the database.
    pub fn loaded_in(&self) -> (Duration, Duration) {
        self.loaded_in
    }

    /// Every page and document whose content depends only on `content/`, rendered or
    /// (as `rendering` says) left to render on request. The groups of pages are rendered
    /// on every core; the feeds and the sitemap, which list the others, come last.
    pub fn render_static(&self, rendering: Rendering) -> Result<StaticSite, AppError> {
        let groups = crate::parallel::map(Group::ALL.to_vec(), |group| {
            self.render_group(group, rendering)
        });
        let mut pages = Vec::new();
        let mut deferred = Vec::new();
        for group in groups {
            let group = group?;
            pages.extend(group.pages);
            deferred.extend(group.deferred);
        }
        pages.extend(self.feeds(&pages, &deferred)?);
        Ok(StaticSite { pages, deferred })
    }

    fn render_group(&self, group: Group, rendering: Rendering) -> Result<StaticSite, AppError> {
        let lists = rendering.pages_of_lists();
        let (pages, deferred) = match group {
            Group::Exercises => return self.exercise_pages(rendering),
            Group::Api => return self.api(rendering),
            Group::Muscles => self.muscle_pages(lists)?,
            Group::Equipment => self.equipment_pages(lists)?,
            Group::Articles => (self.articles()?, Vec::new()),
            Group::Programs => (self.program_pages()?, Vec::new()),
            Group::Fixed => (self.fixed_pages()?, Vec::new()),
        };
        Ok(StaticSite { pages, deferred })
    }

    /// The training log, the offline files and the 404 page.
    fn fixed_pages(&self) -> Result<Vec<RenderedPage>, AppError> {
        let mut pages = vec![self.training_log()?];
        pages.extend(self.offline_files()?);
        let missing = crate::error::error_page(&AppError::NotFound);
        pages.push(page("/404.html", &missing)?);
        Ok(pages)
    }

    /// A page [`Rendering::DeferExercises`] left out, or `None` when `path` is not one.
    pub fn render_deferred(&self, path: &str) -> Result<Option<String>, AppError> {
        if path == api::EXERCISES {
            return self.exercises_api().map(Some);
        }
        match path.split_once("?page=") {
            Some((list, number)) => self.later_page_at(list, number),
            None => self.exercise_page_at(path),
        }
    }

    /// Page `number` (from 2) of the long list at `list`, if there is one.
    fn later_page_at(&self, list: &str, number: &str) -> Result<Option<String>, AppError> {
        let Some(number) = number.parse().ok().filter(|n| *n > 1) else {
            return Ok(None);
        };
        let which = paging::Which::Only(number);
        let rendered = if list == "/exercises/" {
            let params = crate::params::QueryParams::parse(&format!("page={number}"))?;
            vec![page(list, &self.exercise_list(&params)?)?]
        } else if let Some(slug) = list.strip_prefix("/muscles/") {
            let muscles = self.db.with(queries::muscles)?;
            match muscles.iter().find(|m| m.slug == slug) {
                Some(muscle) => self.muscle_page(muscle, &muscles, which)?.0,
                None => Vec::new(),
            }
        } else if let Some(slug) = list.strip_prefix("/equipment/") {
            let all = self.db.with(queries::equipment)?;
            match all.iter().find(|e| e.slug == slug) {
                Some(item) => self.equipment_item(item, which)?.0,
                None => Vec::new(),
            }
        } else {
            Vec::new()
        };
        Ok(rendered.into_iter().next().map(|page| page.body))
    }

    /// What the layout needs for the page at `path`, with its canonical URL.
    fn meta(
        &self,
        title: impl Into<String>,
        description: impl Into<String>,
        path: impl Into<String>,
        section: &'static str,
    ) -> PageMeta {
        PageMeta::new(title, description, path, section).at(&self.public_url)
    }

    /// Marks `meta` as a page only the live server can answer fully: in the export it
    /// says where the live version is.
    fn live_only(&self, mut meta: PageMeta) -> PageMeta {
        if self.saved_copies {
            let live = meta.path.split('?').next().unwrap_or_default();
            meta.notice = Some(format!(
                "This is a saved copy. For live results with your own choices, use {}{live}",
                self.public_url
            ));
        }
        meta
    }
}

/// An HTML page at `path`.
fn page(path: impl Into<String>, template: &impl Template) -> Result<RenderedPage, AppError> {
    Ok(RenderedPage::html(path, template.render()?))
}
