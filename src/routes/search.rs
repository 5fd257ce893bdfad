//! Site search.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::AppError;
use crate::query::QueryParams;
use crate::site::search::{query, search_page};
use crate::state::{AppState, HTML};

pub async fn search(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let params = QueryParams::parse(req.query_string())?;
    let q = query(&params)?;
    // Different spellings of the same words share one cached page.
    let key = format!("search:{}", crate::db::search::words(&q).join(" "));
    let page = state
        .dynamic
        .get_or_render(key, HTML, || Ok(search_page(&state.db, &q)?.render()?))?;
    Ok(page.respond(&req))
}
