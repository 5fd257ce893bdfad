//! What every handler shares: the database, the pages rendered at start-up, and a bounded
//! cache of pages rendered for query parameters.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use actix_web::{HttpRequest, HttpResponse};

use crate::db::Database;
use crate::error::AppError;
use crate::store::{IMMUTABLE, PAGE_CACHE, PageStore, Stored};

pub const HTML: &str = "text/html; charset=utf-8";
pub const CALENDAR: &str = "text/calendar; charset=utf-8";

pub struct AppState {
    pub db: Database,
    pub pages: PageStore,
    pub dynamic: DynamicCache,
    /// Absolute URL of the site, for links that leave it (calendar events).
    pub public_url: String,
}

impl AppState {
    /// Renders every static page and asset once.
    pub fn new(db: Database, public_url: String) -> Result<Self, AppError> {
        let mut pages = PageStore::default();
        for page in crate::site::render_static(&db)? {
            pages.insert(
                page.path,
                Stored::new(page.content_type, page.body.into_bytes(), PAGE_CACHE),
            );
        }
        for asset in crate::assets::all() {
            pages.insert(
                asset.url.clone(),
                Stored::new(asset.content_type, asset.bytes.clone(), IMMUTABLE),
            );
        }
        Ok(Self {
            db,
            pages,
            dynamic: DynamicCache::new(DYNAMIC_CAPACITY),
            public_url,
        })
    }
}

impl AppState {
    /// Serves the page for exactly these query parameters from the cache, running
    /// `render` (which also validates them) only on a miss. Only successful renders are
    /// cached, so a bad request is checked, and answered with its error, every time.
    pub fn cached_page(
        &self,
        req: &HttpRequest,
        kind: &str,
        render: impl FnOnce() -> Result<String, AppError>,
    ) -> Result<HttpResponse, AppError> {
        self.cached(req, kind, HTML, render)
    }

    /// [`Self::cached_page`] for any content type.
    pub fn cached(
        &self,
        req: &HttpRequest,
        kind: &str,
        content_type: &'static str,
        render: impl FnOnce() -> Result<String, AppError>,
    ) -> Result<HttpResponse, AppError> {
        let key = format!("{kind}?{}", req.query_string());
        let page = self.dynamic.get_or_render(key, content_type, render)?;
        Ok(page.respond(req))
    }
}

/// Most parameterised pages kept at once; about 10 KB each with their compressed copies.
const DYNAMIC_CAPACITY: usize = 512;

/// Pages rendered for query parameters, keyed by their normalised parameters. When full,
/// it starts afresh: simple, and memory stays bounded whatever clients send.
pub struct DynamicCache {
    entries: Mutex<HashMap<String, Arc<Stored>>>,
    capacity: usize,
}

impl DynamicCache {
    pub fn new(capacity: usize) -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
            capacity,
        }
    }

    /// The cached page for `key`, if any.
    pub fn get(&self, key: &str) -> Option<Arc<Stored>> {
        self.entries
            .lock()
            .ok()
            .and_then(|map| map.get(key).cloned())
    }

    /// The cached page for `key`, or the result of `render`, stored for next time.
    pub fn get_or_render(
        &self,
        key: String,
        content_type: &'static str,
        render: impl FnOnce() -> Result<String, AppError>,
    ) -> Result<Arc<Stored>, AppError> {
        if let Some(hit) = self.get(&key) {
            return Ok(hit);
        }
        let stored = Arc::new(Stored::new(
            content_type,
            render()?.into_bytes(),
            PAGE_CACHE,
        ));
        if let Ok(mut map) = self.entries.lock() {
            if map.len() >= self.capacity {
                map.clear();
            }
            map.insert(key, stored.clone());
        }
        Ok(stored)
    }
}
