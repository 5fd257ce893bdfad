//! URL map. Handlers are thin: read the request, call [`crate::site`], send the page.
//! Pages rendered at start-up are served by [`pages::stored`], the default service.

mod equipment;
mod library;
mod pages;
mod plan;
mod programs;
mod search;
mod selfcheck;

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, web};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(pages::health))
        .route("/exercises/", web::get().to(library::exercises))
        .route("/search", web::get().to(search::search))
        .route("/self-check", web::get().to(selfcheck::self_check))
        .route("/equipment/", web::get().to(equipment::guide))
        .route("/equipment/compare", web::get().to(equipment::compare))
        .route("/equipment/budget", web::get().to(equipment::budget))
        .route("/plan", web::get().to(plan::page))
        .route("/plan.ics", web::get().to(plan::calendar))
        .route(
            "/programs/{slug:[a-z0-9-]+}.ics",
            web::get().to(programs::calendar),
        )
        .default_service(web::to(pages::stored));
}

/// Marks `response` as a file to save as `filename` (route patterns keep it to
/// `[a-z0-9.-]`, always a valid header value).
fn attachment(response: &mut HttpResponse, filename: &str) {
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
}
