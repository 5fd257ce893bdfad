//! Builds the application: content to database to rendered pages, then an HTTP server
//! on a bound listener. Tests call [`Application::build`] with port 0 and read
//! [`Application::port`].

use std::net::TcpListener;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use actix_web::dev::Server;
use actix_web::middleware::DefaultHeaders;
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use tracing_actix_web::TracingLogger;

use crate::content;
use crate::db::Database;
use crate::state::AppState;

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
    /// Compress every page in the background right after start-up (off in tests, which
    /// only ask for uncompressed bodies).
    pub warm: bool,
}

pub struct Application {
    port: u16,
    url: String,
    server: Server,
}

/// Headers on every response, pages, assets and errors alike.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
    frame-ancestors 'none'";

/// Headers on every response, pages, assets and errors alike. Tests and the fuzzer
/// check for exactly these.
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
];

fn security_headers(hsts: bool) -> DefaultHeaders {
    let headers = SECURITY_HEADERS
        .iter()
        .fold(DefaultHeaders::new(), |headers, pair| headers.add(*pair));
    if hsts {
        headers.add((
            "Strict-Transport-Security",
            "max-age=31536000; includeSubDomains",
        ))
    } else {
        headers
    }
}

/// Validates content, builds the database and renders every static page.
pub fn prepare(settings: &Settings, public_url: String) -> anyhow::Result<AppState> {
    let started = Instant::now();
    let content = content::load(&settings.content)
        .map_err(|errors| anyhow::anyhow!("{errors}"))
        .context("content has errors")?;
    let loaded = started.elapsed();
    let db = Database::build(&settings.db, &content)?;
    let imported = started.elapsed();
    crate::views::set_site_url(&public_url);
    let state = AppState::new(db, public_url).map_err(|e| anyhow::anyhow!("{e}"))?;
    tracing::info!(
        content_ms = loaded.as_millis(),
        database_ms = (imported - loaded).as_millis(),
        pages_ms = (started.elapsed() - imported).as_millis(),
        pages = state.pages.len(),
        "site prepared"
    );
    Ok(state)
}

impl Application {
    pub fn build(settings: Settings) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(&settings.addr)
            .with_context(|| format!("cannot listen on {}", settings.addr))?;
        let local = listener.local_addr()?;
        let url = format!("http://{local}");
        let public_url = settings.public_url.clone().unwrap_or_else(|| url.clone());
        let state = web::Data::new(prepare(
            &settings,
            public_url.trim_end_matches('/').to_string(),
        )?);
        if settings.warm {
            let pages = state.clone();
            // One thread, so the warm-up never takes both cores from live requests.
            std::thread::spawn(move || pages.pages.warm(1));
        }
        let hsts = settings.hsts;
        let mut server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .wrap(actix_web::middleware::from_fn(crate::limits::enforce))
                .wrap(security_headers(hsts))
                .wrap(TracingLogger::default())
                .configure(crate::routes::configure)
        })
        .listen(listener)?
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
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
