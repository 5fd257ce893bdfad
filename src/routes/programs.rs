//! Program calendar files.

use actix_web::{HttpRequest, HttpResponse, web};

use crate::calendar::{CalendarRequest, program_calendar};
use crate::db::{ExerciseFilter, queries};
use crate::error::AppError;
use crate::query::QueryParams;
use crate::state::{AppState, CALENDAR};

pub async fn calendar(
    req: HttpRequest,
    slug: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let kind = format!("programs/{slug}.ics");
    let mut response = state.cached(&req, &kind, CALENDAR, || {
        let (program, exercises) = state.db.with(|conn| {
            Ok((
                queries::program(conn, &slug)?,
                queries::exercises(conn, &ExerciseFilter::default())?,
            ))
        })?;
        let program = program.ok_or(AppError::NotFound)?;
        let params = QueryParams::parse(req.query_string())?;
        let request = CalendarRequest::parse(&params, program.most_sessions_per_week().max(1))?;
        Ok(program_calendar(
            &program,
            &exercises,
            &request,
            &state.public_url,
        ))
    })?;
    super::attachment(&mut response, &format!("{slug}.ics"));
    Ok(response)
}
