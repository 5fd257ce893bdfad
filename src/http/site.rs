//! A built site: the page builder with its database, every page that depends only on the
//! content rendered and stored with its compressed copies, every asset, and a cache of
//! the pages rendered for query parameters. Handlers share one through actix's app data.

use std::time::Instant;

use actix_web::{HttpRequest, HttpResponse};

use super::cache::{IMMUTABLE, PAGE_CACHE, PageStore, ResponseCache, Stored};
use crate::error::AppError;
use crate::pages::live::Answer;
use crate::pages::{Pages, Source};

pub struct Site {
    pub pages: Pages,
    /// Pages, documents and assets by path.
    pub store: PageStore,
    /// Pages and files rendered for query parameters.
    pub responses: ResponseCache,
}

impl Site {
    /// Reads the content, builds its database and renders every static page and asset.
    pub fn build(source: &Source) -> anyhow::Result<Self> {
        let pages = Pages::open(source)?;
        let started = Instant::now();
        let mut store = PageStore::default();
        let rendered = pages.render_static().map_err(|e| anyhow::anyhow!("{e}"))?;
        for page in rendered {
            let stored = Stored::new(page.content_type, page.body.into_bytes(), PAGE_CACHE);
            store.insert(page.path, stored);
        }
        for asset in crate::assets::all() {
            let stored = Stored::new(asset.content_type, asset.bytes.clone(), IMMUTABLE);
            store.insert(asset.url.clone(), stored);
        }
        let (content, database) = pages.loaded_in();
        tracing::info!(
            content_ms = content.as_millis(),
            database_ms = database.as_millis(),
            pages_ms = started.elapsed().as_millis(),
            pages = store.len(),
            "site prepared"
        );
        Ok(Self {
            pages,
            store,
            responses: ResponseCache::default(),
        })
    }

    /// Answers `req` from the store when its path is stored and it has no query;
    /// otherwise from the response cache, rendering with `render` on a miss.
    pub fn respond(
        &self,
        req: &HttpRequest,
        content_type: &'static str,
        render: impl FnOnce() -> Result<Answer, AppError>,
    ) -> Result<HttpResponse, AppError> {
        if req.query_string().is_empty()
            && let Some(page) = self.store.get(req.path())
        {
            return Ok(page.respond(req));
        }
        self.responses.respond(req, content_type, render)
    }
}
