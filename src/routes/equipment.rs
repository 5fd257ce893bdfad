//! The equipment guide's parameterised pages.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::AppError;
use crate::query::QueryParams;
use crate::site::equipment::{budget_page, compare_page, guide_page};
use crate::state::{AppState, HTML};

pub async fn guide(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let params = QueryParams::parse(req.query_string())?;
    if let Some(page) = state
        .pages
        .get("/equipment/")
        .filter(|_| req.query_string().is_empty())
    {
        return Ok(page.respond(&req));
    }
    cached(&req, &state, "guide", || {
        Ok(guide_page(&state.db, &params)?.render()?)
    })
}

pub async fn compare(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let params = QueryParams::parse(req.query_string())?;
    cached(&req, &state, "compare", || {
        Ok(compare_page(&state.db, &params)?.render()?)
    })
}

pub async fn budget(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let params = QueryParams::parse(req.query_string())?;
    cached(&req, &state, "budget", || {
        Ok(budget_page(&state.db, &params)?.render()?)
    })
}

/// Serves a page for these exact parameters from the cache, rendering it on a miss.
/// Only successful renders are cached, so a bad request is checked every time.
fn cached(
    req: &HttpRequest,
    state: &AppState,
    kind: &str,
    render: impl FnOnce() -> Result<String, AppError>,
) -> Result<HttpResponse, AppError> {
    let key = format!("{kind}:{}", req.query_string());
    let page = state.dynamic.get_or_render(key, HTML, render)?;
    Ok(page.respond(req))
}
