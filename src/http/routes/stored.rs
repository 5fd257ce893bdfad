//! Pages rendered at start-up and assets; redirects to a path's canonical spelling; 404s.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};

use crate::error::AppError;
use crate::http::served::CurrentSite;

/// Serves a stored page or asset; otherwise redirects to the canonical spelling of the
/// path (with or without the final `/`), or answers 404.
pub async fn stored(req: HttpRequest, site: CurrentSite) -> Result<HttpResponse, AppError> {
    if let Some(answer) = site.content_page(&req) {
        return answer;
    }
    let path = req.path();
    let alternative = match path.strip_suffix('/') {
        Some(trimmed) if !trimmed.is_empty() => trimmed.to_string(),
        _ => format!("{path}/"),
    };
    if site.serves(&alternative) {
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
