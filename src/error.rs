//! The error policy.
//!
//! Handlers return `Result<_, AppError>`. A request the site cannot answer is a 404 or a
//! 400 that says what was wrong, rendered as a normal page with the site's navigation.
//! Anything else is an internal fault: it is logged with its cause and the runner sees a
//! plain 500 page that leaks nothing. Content problems never reach here: they stop
//! start-up (see [`crate::content`]).

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use crate::views::{ErrorPage, PageMeta};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("page not found")]
    NotFound,
    /// Each entry says what was wrong with one input.
    #[error("bad request: {}", .0.join("; "))]
    BadRequest(Vec<String>),
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    pub fn bad_request(problem: impl Into<String>) -> Self {
        Self::BadRequest(vec![problem.into()])
    }

    /// What to tell the runner: each problem of a bad request, or the error in words.
    pub fn into_problems(self) -> Vec<String> {
        match self {
            Self::BadRequest(problems) => problems,
            other => vec![other.to_string()],
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        Self::Internal(error.into())
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(cause) = self {
            tracing::error!(error = format!("{cause:#}"), "internal error");
        }
        respond(self.status_code(), &error_page(self))
    }
}

/// The page shown for an error; also used for the exported `404.html`.
pub fn error_page(error: &AppError) -> ErrorPage {
    match error {
        AppError::NotFound => page(
            "Page not found",
            "We could not find that page",
            vec!["The address may be mistyped, or the page may have moved.".to_string()],
            "Try the exercise library or the programmes, or start again from the home page.",
        ),
        AppError::BadRequest(problems) => page(
            "Please check your request",
            "Something in the request needs fixing",
            problems.clone(),
            "Change the highlighted value and try again.",
        ),
        AppError::Internal(_) => page(
            "Something went wrong",
            "Something went wrong on our side",
            vec!["The fault has been logged. Please try again in a moment.".to_string()],
            "If it keeps happening, the rest of the site still works.",
        ),
    }
}

/// An error page in the site's layout.
pub fn page(title: &str, heading: &str, problems: Vec<String>, advice: &str) -> ErrorPage {
    ErrorPage {
        meta: PageMeta::new(title, heading, "/", ""),
        heading: heading.to_string(),
        problems,
        advice: advice.to_string(),
    }
}

/// Sends an error page with `status`. Error answers are never cached: the same address
/// may work a moment later. Every error response of the site is made here.
pub fn respond(status: StatusCode, page: &ErrorPage) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((header::CACHE_CONTROL, HeaderValue::from_static("no-store")));
    match page.render() {
        Ok(html) => response.content_type("text/html; charset=utf-8").body(html),
        Err(_) => response
            .content_type("text/plain; charset=utf-8")
            .body(page.heading.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::body::MessageBody;

    fn body_of(error: &AppError) -> (u16, String) {
        let response = error.error_response();
        let status = response.status().as_u16();
        let bytes = response.into_body().try_into_bytes().unwrap_or_default();
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }

    #[test]
    fn an_internal_fault_is_a_plain_500_page_that_leaks_nothing() {
        let (status, html) = body_of(&AppError::Internal(anyhow::anyhow!(
            "disk on fire at /secret/path"
        )));
        assert_eq!(status, 500);
        assert!(html.contains("Something went wrong on our side"), "{html}");
        assert!(
            html.contains("<nav aria-label=\"Main\">"),
            "the error page keeps the navigation"
        );
        assert!(!html.contains("secret"), "the cause is logged, never shown");
    }

    #[test]
    fn bad_requests_list_every_problem() {
        let (status, html) = body_of(&AppError::BadRequest(vec![
            "first <b>".into(),
            "second".into(),
        ]));
        assert_eq!(status, 400);
        assert!(
            html.contains("first &#60;b&#62;") || html.contains("first &lt;b&gt;"),
            "{html}"
        );
        assert!(html.contains("second"));
    }
}
