//! The URL map. Handlers are thin: they take the request, ask the current site for the
//! page ([`crate::pages`] renders it, [`super::cache`] keeps it) and send it. Pages that
//! take query parameters are routed from [`LIVE_PAGES`]; pages rendered at start-up and
//! assets are served by [`stored::stored`], the default service.

mod calendar;
mod stored;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use super::served::CurrentSite;
use crate::error::AppError;
use crate::pages::HTML;
use crate::pages::live::{LIVE_PAGES, LiveKind};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(health));
    for page in LIVE_PAGES {
        let kind = page.kind;
        cfg.route(
            page.path,
            web::get().to(move |req: HttpRequest, site: CurrentSite| live(req, site, kind)),
        );
    }
    cfg.route("/plan.ics", web::get().to(calendar::plan))
        .route(
            "/programs/{slug:[a-z0-9-]+}.ics",
            web::get().to(calendar::programme),
        )
        .default_service(web::to(stored::stored));
}

/// For load balancers and people: `ok`, then the content's version and when it was
/// loaded, so a reload can be seen to have happened.
async fn health(site: CurrentSite) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(format!(
            "ok\nversion: {}\nloaded: {}\n",
            site.pages.version(),
            site.loaded_at
        ))
}

/// A page rendered for its query parameters (or stored, without them).
async fn live(
    req: HttpRequest,
    site: CurrentSite,
    kind: LiveKind,
) -> Result<HttpResponse, AppError> {
    site.respond(&req, HTML, || site.pages.live(kind, req.query_string()))
}
