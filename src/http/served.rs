//! The site being served, and how it is replaced without a restart.
//!
//! [`ServedSite`] holds the current [`Site`]. A reload (SIGHUP, or a saved file in watch
//! mode) builds a whole new site from the content while the old one goes on answering,
//! then swaps it in with one assignment. Each request takes the site that is current when
//! it starts ([`CurrentSite`]) and keeps it until it is answered, so no request ever sees
//! half an old site and half a new one, and no request fails because of a reload. Broken
//! content never replaces a working site: the reload is refused, its problems are logged
//! as `path:line: message`, and [`ServedSite::problem`] keeps them for watch mode's banner.

use std::future::{Ready, ready};
use std::ops::Deref;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use tokio::sync::watch;

use super::site::Site;
use crate::pages::{Rendering, Source};

pub struct ServedSite {
    current: RwLock<Arc<Site>>,
    /// Where a reload reads the content from.
    source: Source,
    /// Compress every page of a new site in the background, as at start-up.
    warm: bool,
    /// One reload at a time: a second waits for the first and then builds afresh.
    reloading: Mutex<()>,
    /// The problems that stopped the last reload, until one succeeds.
    problem: RwLock<Option<String>>,
    /// Counts reloads, successful or not, for whoever waits for the next one.
    reloads: watch::Sender<u64>,
}

impl ServedSite {
    /// Serves `site`, compressing its pages in the background when `warm` says so.
    pub fn new(site: Site, source: Source, warm: bool) -> Self {
        Self {
            current: RwLock::new(start(site, warm)),
            source,
            warm,
            reloading: Mutex::new(()),
            problem: RwLock::new(None),
            reloads: watch::channel(0).0,
        }
    }

    /// The site serving now.
    pub fn current(&self) -> Arc<Site> {
        // A poisoned lock still holds a whole site: a swap is a single assignment.
        self.current
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// What stopped the last reload, if it failed and none has succeeded since.
    pub fn problem(&self) -> Option<String> {
        self.problem
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// A receiver that wakes at every reload, successful or not.
    pub fn reloads(&self) -> watch::Receiver<u64> {
        self.reloads.subscribe()
    }

    /// Builds the site again from the content and serves it, or, if the content has
    /// errors, logs them and goes on serving the current site. Blocks while it builds:
    /// call it from a thread of its own. Returns whether the new site is served.
    pub fn reload(&self) -> bool {
        let _one_at_a_time = self
            .reloading
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let started = Instant::now();
        let built = Site::build(&self.source, Rendering::DeferExercises);
        let outcome = match built {
            Ok(site) => {
                tracing::info!(
                    version = site.pages.version(),
                    ms = started.elapsed().as_millis(),
                    "content reloaded"
                );
                self.swap(site);
                None
            }
            Err(error) => {
                let problems = format!("{error:#}");
                tracing::error!("reload refused; still serving the previous content");
                for line in problems.lines() {
                    tracing::error!("{line}");
                }
                Some(problems)
            }
        };
        let served = outcome.is_none();
        *self
            .problem
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = outcome;
        self.reloads.send_modify(|n| *n += 1);
        served
    }

    /// Serves `site` from now on; requests already started finish with the old one.
    fn swap(&self, site: Site) {
        let site = start(site, self.warm);
        *self
            .current
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = site;
    }
}

/// `site`, ready to share; with `warm`, a thread writes the search index and compresses
/// every page the site stores. One thread, so the warm-up never takes both cores from
/// live requests, and it starts a moment later ([`WARM_AFTER`]), so the server's workers
/// start and answer the requests that waited for the site without it (about 6 ms sooner
/// at 1,040 exercises, measured with `bench/scale.sh 13`). Without the warm-up, the
/// first search writes the index.
fn start(site: Site, warm: bool) -> Arc<Site> {
    let site = Arc::new(site);
    if warm {
        let warming = site.clone();
        std::thread::spawn(move || {
            std::thread::sleep(WARM_AFTER);
            if let Err(error) = warming.pages.prepare_search() {
                tracing::error!("search is unavailable: {error}");
            }
            warming.store.warm();
        });
    }
    site
}

/// How long the warm-up waits after a site is ready.
const WARM_AFTER: std::time::Duration = std::time::Duration::from_millis(50);

/// The site a request is answered from, taken when it starts.
pub struct CurrentSite(Arc<Site>);

impl Deref for CurrentSite {
    type Target = Site;

    fn deref(&self) -> &Site {
        &self.0
    }
}

impl FromRequest for CurrentSite {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.app_data::<web::Data<ServedSite>>()
                .map(|served| CurrentSite(served.current()))
                .ok_or_else(|| actix_web::error::ErrorInternalServerError("no site is served")),
        )
    }
}
