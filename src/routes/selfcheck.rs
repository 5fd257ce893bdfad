//! The posterior-chain self-check.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::AppError;
use crate::query::QueryParams;
use crate::site::selfcheck::self_check_page;
use crate::state::{AppState, HTML};

/// Answers form a small closed set, so every valid page is cached; an incomplete form is
/// rendered each time and sent back as a 400 with the problems marked.
pub async fn self_check(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let params = QueryParams::parse(req.query_string())?;
    let (page, valid) = self_check_page(&params)?;
    if !valid {
        return Ok(HttpResponse::build(StatusCode::BAD_REQUEST)
            .content_type(HTML)
            .body(page.render()?));
    }
    let key = format!("self-check:{}", req.query_string());
    let stored = state
        .dynamic
        .get_or_render(key, HTML, || Ok(page.render()?))?;
    Ok(stored.respond(&req))
}
