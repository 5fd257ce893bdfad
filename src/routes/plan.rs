//! "Build my plan": the page and its calendar file, both from the query string alone.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::AppError;
use crate::site::plan::form::{Reading, filled, read};
use crate::site::plan::{PlanContent, part, plan_ics, plan_page};
use crate::state::{AppState, CALENDAR, HTML};

/// The form, the form with its problems (400), or the plan (cached by its normalised query).
pub async fn page(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    // A plan already rendered for this exact query is served before anything is loaded.
    let raw_key = format!("plan?{}", req.query_string());
    if let Some(hit) = state.dynamic.get(&raw_key) {
        return Ok(hit.respond(&req));
    }
    let content = PlanContent::load(&state.db)?;
    match read(req.query_string(), &content.programs, &content.equipment) {
        Reading::Blank => {
            let page = state.dynamic.get_or_render(raw_key, HTML, || {
                Ok(plan_page(&content, Default::default(), None)?.render()?)
            })?;
            Ok(page.respond(&req))
        }
        Reading::Invalid(form) => {
            let html = plan_page(&content, form, None)?.render()?;
            Ok(HttpResponse::BadRequest()
                .content_type(HTML)
                .insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
                .body(html))
        }
        Reading::Valid(_, input) => {
            let page = state.dynamic.get_or_render(raw_key, HTML, || {
                let form = filled(&input, &content.programs, &content.equipment);
                Ok(
                    plan_page(&content, form, Some((&input, part(req.query_string())?)))?
                        .render()?,
                )
            })?;
            Ok(page.respond(&req))
        }
    }
}

/// The plan as an iCalendar file (cached by its query); bad answers get the 400 page
/// listing each problem.
pub async fn calendar(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let mut response = state.cached(&req, "plan.ics", CALENDAR, || {
        let content = PlanContent::load(&state.db)?;
        match read(req.query_string(), &content.programs, &content.equipment) {
            Reading::Valid(_, input) => Ok(plan_ics(&content, &input, &state.public_url)?),
            Reading::Blank => Err(AppError::bad_request(
                "The plan's answers are missing: build a plan first, then use its calendar link.",
            )),
            Reading::Invalid(form) => Err(AppError::BadRequest(
                form.errors.into_iter().map(|(_, p)| p).collect(),
            )),
        }
    })?;
    super::attachment(&mut response, "my-plan.ics");
    Ok(response)
}
