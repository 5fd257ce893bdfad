//! Calendar files: a programme's and a personal plan's, each cached by its query and
//! sent as a file to save.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::AppError;
use crate::http::served::CurrentSite;
use crate::pages::CALENDAR;
use crate::pages::live::Answer;

pub async fn programme(
    req: HttpRequest,
    slug: web::Path<String>,
    site: CurrentSite,
) -> Result<HttpResponse, AppError> {
    let mut response = site.respond(&req, CALENDAR, || {
        Ok(Answer::Page(
            site.pages.program_calendar(&slug, req.query_string())?,
        ))
    })?;
    attachment(&mut response, &format!("{slug}.ics"));
    Ok(response)
}

pub async fn plan(req: HttpRequest, site: CurrentSite) -> Result<HttpResponse, AppError> {
    let mut response = site.respond(&req, CALENDAR, || {
        Ok(Answer::Page(site.pages.plan_calendar(req.query_string())?))
    })?;
    attachment(&mut response, "my-plan.ics");
    Ok(response)
}

/// Marks `response` as a file to save as `filename` (route patterns keep it to
/// `[a-z0-9.-]`, always a valid header value).
fn attachment(response: &mut HttpResponse, filename: &str) {
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
}
