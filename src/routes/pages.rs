//! Pages rendered at start-up, assets, redirects and 404s.

use actix_web::http::{Method, header};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::AppError;
use crate::state::AppState;

pub async fn health() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ok\n")
}

/// Serves a stored page or asset; otherwise redirects to the canonical spelling of the
/// path, or answers 404.
pub async fn stored(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return Ok(HttpResponse::MethodNotAllowed()
            .insert_header((header::ALLOW, "GET, HEAD"))
            .finish());
    }
    let path = req.path();
    if let Some(page) = state.pages.get(path) {
        return Ok(page.respond(&req));
    }
    let alternative = match path.strip_suffix('/') {
        Some(trimmed) if !trimmed.is_empty() => trimmed.to_string(),
        _ => format!("{path}/"),
    };
    if state.pages.get(&alternative).is_some() {
        let location = match req.query_string() {
            "" => alternative,
            query => format!("{alternative}?{query}"),
        };
        return Ok(HttpResponse::PermanentRedirect()
            .insert_header((header::LOCATION, location))
            .finish());
    }
    Err(AppError::NotFound)
}
