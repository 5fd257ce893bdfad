//! Program calendar files.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::calendar::{CalendarRequest, program_calendar};
use crate::db::{ExerciseFilter, queries};
use crate::error::AppError;
use crate::query::QueryParams;
use crate::state::AppState;

pub async fn calendar(
    req: HttpRequest,
    slug: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let (program, exercises) = state.db.with(|conn| {
        Ok((
            queries::program(conn, &slug)?,
            queries::exercises(conn, &ExerciseFilter::default())?,
        ))
    })?;
    let program = program.ok_or(AppError::NotFound)?;
    let most_sessions = program
        .weeks
        .iter()
        .map(|w| w.sessions.len())
        .max()
        .unwrap_or(1);
    let params = QueryParams::parse(req.query_string())?;
    let request = CalendarRequest::parse(&params, most_sessions)?;
    let body = program_calendar(&program, &exercises, &request, &state.public_url);
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}.ics\"", program.slug),
        ))
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(body))
}
