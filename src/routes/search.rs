//! Site search.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::AppError;
use crate::query::QueryParams;
use crate::site::search::{query, search_page};
use crate::state::AppState;

pub async fn search(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    state.cached_page(&req, "search", || {
        let q = query(&QueryParams::parse(req.query_string())?)?;
        Ok(search_page(&state.db, &q)?.render()?)
    })
}
