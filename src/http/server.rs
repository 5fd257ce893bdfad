//! Builds the application: a [`Site`] from the content, then an HTTP server on a
//! listener, bound here or handed over by a supervisor ([`inherited_listener`]). Tests
//! call [`Application::build`] with port 0 and read [`Application::port`]. Stopping is
//! [`super::shutdown`]'s concern.

use std::net::TcpListener;
use std::path::PathBuf;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{Condition, from_fn};
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use tracing_actix_web::TracingLogger;

use super::headers::security_headers;
use super::reload::{self, Hangups};
use super::served::ServedSite;
use super::shutdown::{self, Draining, Shutdown, Signals};
use super::site::Site;
use crate::pages::{Rendering, Source};

/// Everything `serve` needs, read once by the CLI.
#[derive(Debug, Clone)]
pub struct Settings {
    pub addr: String,
    pub content: PathBuf,
    pub db: PathBuf,
    /// Absolute URL the site is reached at; defaults to `http://` plus the bound address.
    pub public_url: Option<String>,
    /// Send `Strict-Transport-Security` (only behind an HTTPS proxy).
    pub hsts: bool,
    pub workers: Option<usize>,
    /// Write the search index and compress every page in the background right after
    /// start-up (off in tests, which only ask for uncompressed bodies; there the first
    /// search writes the index).
    pub warm: bool,
    /// Rebuild the site when the content changes, with a reload script and an error
    /// banner on every page (for authors; see [`super::watch`]).
    pub watch: bool,
}

impl Settings {
    /// Serving `content` with its database at `db` on a free loopback port, one worker,
    /// nothing warmed, at a fixed public address: what tests and tools start.
    pub fn local(content: impl Into<PathBuf>, db: impl Into<PathBuf>) -> Self {
        Self {
            addr: "127.0.0.1:0".into(),
            content: content.into(),
            db: db.into(),
            public_url: Some("https://runstrong.example".into()),
            hsts: false,
            workers: Some(1),
            warm: false,
            watch: false,
        }
    }

    /// Where the site comes from, served at `url` unless a public URL is set.
    fn source(&self, url: &str) -> Source {
        Source {
            content: self.content.clone(),
            db: self.db.clone(),
            public_url: self.public_url.clone().unwrap_or_else(|| url.to_string()),
        }
    }
}

pub struct Application {
    port: u16,
    url: String,
    server: Server,
    draining: web::Data<Draining>,
    served: web::Data<ServedSite>,
    /// Watches the content in watch mode, for as long as the server runs.
    _watcher: Option<notify::RecommendedWatcher>,
}

/// The listening socket a supervisor passed in, if any, by the systemd socket-activation
/// protocol (`LISTEN_FDS`, `LISTEN_PID`, the socket at descriptor 3). Because the
/// supervisor keeps the socket open while one instance stops and the next starts,
/// connections that arrive in between wait in its queue instead of being refused.
///
/// Call it before any thread starts: it reads and clears those environment variables.
pub fn inherited_listener() -> anyhow::Result<Option<TcpListener>> {
    listenfd::ListenFd::from_env()
        .take_tcp_listener(0)
        .context("the socket passed in LISTEN_FDS is not a listening TCP socket")
}

impl Application {
    /// Binds `settings.addr`, then [`Self::build_on`].
    pub fn build(settings: Settings) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(&settings.addr)
            .with_context(|| format!("cannot listen on {}", settings.addr))?;
        Self::build_on(listener, settings)
    }

    /// Prepares the site and serves it on `listener`; `settings.addr` is not used.
    pub fn build_on(listener: TcpListener, settings: Settings) -> anyhow::Result<Self> {
        let local = listener.local_addr()?;
        let url = format!("http://{local}");
        let source = settings.source(&url);
        let site = Site::build(&source, Rendering::DeferExercises)?;
        let served = web::Data::new(ServedSite::new(site, source, settings.warm));
        let watcher = match settings.watch {
            true => Some(reload::watch_content(&settings.content, served.clone())?),
            false => None,
        };
        let (hsts, watch) = (settings.hsts, settings.watch);
        let draining = web::Data::new(Draining::default());
        let state = (served.clone(), draining.clone());
        let mut server = HttpServer::new(move || {
            App::new()
                .app_data(state.0.clone())
                .app_data(state.1.clone())
                .wrap(Condition::new(watch, from_fn(super::watch::annotate)))
                .wrap(from_fn(super::limits::enforce))
                .wrap(security_headers(hsts))
                .wrap(from_fn(shutdown::close_when_draining))
                .wrap(TracingLogger::default())
                .configure(|cfg| {
                    if watch {
                        cfg.route(super::watch::EVENTS, web::get().to(super::watch::events));
                    }
                    super::routes::configure(cfg);
                })
        })
        .listen(listener)?
        // Signals are handled by `shutdown::Signals`, which drains before stopping.
        .disable_signals()
        .client_request_timeout(Duration::from_secs(5))
        .client_disconnect_timeout(Duration::from_secs(1))
        .keep_alive(Duration::from_secs(30))
        .shutdown_timeout(10);
        if let Some(workers) = settings.workers {
            server = server.workers(workers);
        }
        Ok(Self {
            port: local.port(),
            url,
            server: server.run(),
            draining,
            served,
            _watcher: watcher,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// Stops the server from outside, as SIGTERM would.
    pub fn shutdown(&self) -> Shutdown {
        Shutdown::new(self.server.handle(), self.draining.clone())
    }

    /// Serves until stopped through [`Self::shutdown`]; signals are left alone (tests).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }

    /// The site being served, which [`ServedSite::reload`] rebuilds.
    pub fn served(&self) -> web::Data<ServedSite> {
        self.served.clone()
    }

    /// Serves until SIGTERM or SIGINT, then drains (see [`super::shutdown`]); reloads the
    /// content at every SIGHUP (see [`super::served`]).
    pub async fn run_until_signalled(
        self,
        signals: Signals,
        hangups: Hangups,
    ) -> std::io::Result<()> {
        actix_web::rt::spawn(signals.drain_on_signal(self.shutdown()));
        actix_web::rt::spawn(hangups.reload_on_hangup(self.served.clone()));
        self.server.await
    }
}
