//! The filtered exercise library.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::AppError;
use crate::query::QueryParams;
use crate::site::library::{exercises_page, parse_filter};
use crate::state::{AppState, HTML};

pub async fn exercises(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let params = QueryParams::parse(req.query_string())?;
    let filter = parse_filter(&state.db, &params)?;
    let unfiltered = filter == Default::default();
    if let Some(page) = state.pages.get("/exercises/").filter(|_| unfiltered) {
        return Ok(page.respond(&req));
    }
    let key = format!("exercises:{filter:?}");
    let page = state.dynamic.get_or_render(key, HTML, || {
        Ok(exercises_page(&state.db, &filter)?.render()?)
    })?;
    Ok(page.respond(&req))
}
