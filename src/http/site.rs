//! A built site: the page builder with its database, every page that depends only on the
//! content rendered and stored with its compressed copies, every asset, and a cache of
//! the pages rendered for query parameters. The server holds the one it serves in a
//! [`super::served::ServedSite`], which a reload replaces whole.

use std::collections::HashMap;
use std::time::Instant;

use actix_web::{HttpRequest, HttpResponse};

use super::cache::{IMMUTABLE, NO_CACHE, PAGE_CACHE, PageStore, ResponseCache, Stored};
use crate::error::AppError;
use crate::pages::figures::{self, FigureFile};
use crate::pages::live::Answer;
use crate::pages::{Caching, Pages, Rendering, Source};

pub struct Site {
    pub pages: Pages,
    /// Pages, documents and assets by path.
    pub store: PageStore,
    /// Pages rendered when first asked for, by path, with their content type.
    deferred: HashMap<String, &'static str>,
    /// Deferred pages once rendered, and pages and files rendered for query parameters.
    pub responses: ResponseCache,
    /// When this site was built, as RFC 3339.
    pub loaded_at: String,
}

impl Site {
    /// Reads the content, builds its database and renders the static pages (as
    /// `rendering` says) and every asset.
    pub fn build(source: &Source, rendering: Rendering) -> anyhow::Result<Self> {
        let pages = Pages::open(source)?;
        let started = Instant::now();
        let mut store = PageStore::default();
        let rendered = pages
            .render_static(rendering)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        for page in rendered.pages {
            let cache = cache_control(page.caching);
            let stored = Stored::new(page.content_type, page.body.into_bytes(), cache);
            store.insert(page.path, stored);
        }
        for asset in crate::assets::all() {
            let stored = Stored::new(asset.content_type, asset.bytes.to_vec(), IMMUTABLE);
            store.insert(asset.url.to_string(), stored);
        }
        let (content, database) = pages.loaded_in();
        tracing::info!(
            content_ms = content.as_millis(),
            database_ms = database.as_millis(),
            pages_ms = started.elapsed().as_millis(),
            pages = store.len(),
            version = pages.version(),
            "site prepared"
        );
        Ok(Self {
            pages,
            store,
            deferred: rendered
                .deferred
                .into_iter()
                .map(|d| (d.path, d.content_type))
                .collect(),
            responses: ResponseCache::default(),
            loaded_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        })
    }

    /// Whether the site has a page at `path` that depends only on the content.
    pub fn serves(&self, path: &str) -> bool {
        self.store.get(path).is_some() || self.deferred.contains_key(path)
    }

    /// Answers `req` with the page at its path that depends only on the content, stored
    /// or deferred, if there is one. Queries other than a page number do not change such
    /// a page, so a deferred page is kept by its path (and page number) alone.
    pub fn content_page(&self, req: &HttpRequest) -> Option<Result<HttpResponse, AppError>> {
        let path = req.path();
        if let Some(page) = self.store.lookup(path, req.query_string()) {
            return Some(Ok(page.respond(req)));
        }
        if let Some((slug, file)) = figures::requested(path) {
            return Some(self.figure_file(req, slug, &file));
        }
        let (key, content_type) = self.deferred_at(path, req.query_string())?;
        let kind = (content_type, PAGE_CACHE);
        Some(self.responses.respond(req, key.clone(), kind, || {
            found(self.pages.render_deferred(key)?)
        }))
    }

    /// The deferred page answering `path?query`, found as [`PageStore::lookup`] finds
    /// a stored one: a later page of a list by its page number, anything else by its
    /// path alone.
    fn deferred_at(&self, path: &str, query: &str) -> Option<(&String, &'static str)> {
        let paged = query.split('&').any(|pair| pair.starts_with("page="));
        let key = match paged && query != "page=1" {
            true => format!("{path}?{query}"),
            false => path.to_string(),
        };
        self.deferred.get_key_value(&key).map(|(k, t)| (k, *t))
    }

    /// Answers `req` with one of an exercise's figure files, made when first asked for.
    fn figure_file(
        &self,
        req: &HttpRequest,
        slug: &str,
        file: &FigureFile,
    ) -> Result<HttpResponse, AppError> {
        let kind = (file.content_type(), cache_control(file.caching()));
        self.responses
            .respond(req, req.path().to_string(), kind, || {
                found(self.pages.figure_file(slug, file)?)
            })
    }

    /// Answers `req` from the store when the page it asks for was rendered at
    /// start-up; otherwise from the response cache, rendering with `render` on a miss.
    pub fn respond(
        &self,
        req: &HttpRequest,
        content_type: &'static str,
        render: impl FnOnce() -> Result<Answer, AppError>,
    ) -> Result<HttpResponse, AppError> {
        let query = req.query_string();
        let key = format!("{}?{query}", req.path());
        let stored = match query {
            "" => self.store.get(req.path()),
            // Only an exact match: any other query is for the page builder to read.
            _ => self.store.get(&key),
        };
        if let Some(page) = stored {
            return Ok(page.respond(req));
        }
        self.responses
            .respond(req, key, (content_type, PAGE_CACHE), render)
    }
}

/// A document rendered, or a 404 when there is nothing at its address.
fn found(document: Option<String>) -> Result<Answer, AppError> {
    document.map(Answer::Page).ok_or(AppError::NotFound)
}

/// The `Cache-Control` of a document cached as `caching` says.
pub fn cache_control(caching: Caching) -> &'static str {
    match caching {
        Caching::Page => PAGE_CACHE,
        Caching::Fingerprinted => IMMUTABLE,
        Caching::Revalidate => NO_CACHE,
    }
}
