//! The equipment guide's parameterised pages.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::AppError;
use crate::query::QueryParams;
use crate::site::equipment::{budget_page, compare_page, guide_page};
use crate::state::AppState;

pub async fn guide(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    if let Some(page) = state
        .pages
        .get("/equipment/")
        .filter(|_| req.query_string().is_empty())
    {
        return Ok(page.respond(&req));
    }
    state.cached_page(&req, "guide", || {
        let params = QueryParams::parse(req.query_string())?;
        Ok(guide_page(&state.db, &params)?.render()?)
    })
}

pub async fn compare(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    state.cached_page(&req, "compare", || {
        let params = QueryParams::parse(req.query_string())?;
        Ok(compare_page(&state.db, &params)?.render()?)
    })
}

pub async fn budget(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    state.cached_page(&req, "budget", || {
        let params = QueryParams::parse(req.query_string())?;
        Ok(budget_page(&state.db, &params)?.render()?)
    })
}
