//! The filtered exercise library.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::AppError;
use crate::query::QueryParams;
use crate::site::library::{exercises_page, parse_filter};
use crate::state::AppState;

pub async fn exercises(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    if let Some(page) = state
        .pages
        .get("/exercises/")
        .filter(|_| req.query_string().is_empty())
    {
        return Ok(page.respond(&req));
    }
    state.cached_page(&req, "exercises", || {
        let params = QueryParams::parse(req.query_string())?;
        let filter = parse_filter(&state.db, &params)?;
        Ok(exercises_page(&state.db, &filter)?.render()?)
    })
}
