//! Request limits checked before routing, so every route gets the same answers to
//! requests the site cannot serve, each as an HTML error page carrying the security
//! headers (this middleware sits inside them):
//!
//! - methods: the site only reads. GET and HEAD are served (HEAD is routed as GET and the
//!   HTTP layer drops the body); anything else is a 405 naming them in `Allow`.
//! - addresses longer than [`MAX_URI_LEN`] are a 414 (the query parsers have their own,
//!   smaller limit, [`crate::params::MAX_QUERY_LEN`], which gives a 400 saying so).
//! - a header value longer than [`MAX_HEADER_VALUE`], or all headers together longer than
//!   [`MAX_HEADERS_LEN`], is a 431.
//! - the site takes no request bodies. A small one (a GET with a few bytes of body) is
//!   ignored; a declared length above [`MAX_BODY`], or a chunked body whose length is
//!   unknown, is a 413 and the connection is closed rather than drained.
//!
//! Requests the HTTP parser itself cannot read never reach this far: actix-http answers
//! a malformed request line or header with a bare 400, and a request head over 128 KiB or
//! with more than 96 headers with a bare 431, then closes the connection.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{Error, HttpResponse};

use crate::error;

/// Longest path plus query string served.
pub const MAX_URI_LEN: usize = 8 * 1024;
/// Longest single header value accepted.
pub const MAX_HEADER_VALUE: usize = 8 * 1024;
/// Most bytes of header names and values accepted in one request.
pub const MAX_HEADERS_LEN: usize = 32 * 1024;
/// Largest request body ignored; above it the request is refused.
pub const MAX_BODY: u64 = 16 * 1024;

/// Applies the limits; wrap the app with `middleware::from_fn(limits::enforce)`.
pub async fn enforce(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    if let Some(refusal) = refusal(&req) {
        return Ok(req.into_response(refusal));
    }
    if req.method() == Method::HEAD {
        req.head_mut().method = Method::GET;
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

fn refusal(req: &ServiceRequest) -> Option<HttpResponse> {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut response = page(
            StatusCode::METHOD_NOT_ALLOWED,
            "Method not allowed",
            &format!(
                "This site only reads pages: {} requests are not accepted.",
                method_name(req.method())
            ),
        );
        response
            .headers_mut()
            .insert(header::ALLOW, header::HeaderValue::from_static("GET, HEAD"));
        return Some(response);
    }
    let uri_len = req.uri().path_and_query().map_or(0, |p| p.as_str().len());
    if uri_len > MAX_URI_LEN {
        return Some(page(
            StatusCode::URI_TOO_LONG,
            "Address too long",
            &format!("Addresses are limited to {MAX_URI_LEN} characters."),
        ));
    }
    let mut headers_len = 0;
    for (name, value) in req.headers() {
        if value.len() > MAX_HEADER_VALUE {
            return Some(headers_too_large());
        }
        headers_len += name.as_str().len() + value.len();
    }
    if headers_len > MAX_HEADERS_LEN {
        return Some(headers_too_large());
    }
    if body_too_large(req) {
        let mut response = page(
            StatusCode::PAYLOAD_TOO_LARGE,
            "Request too large",
            "This site does not accept uploads or request bodies.",
        );
        response
            .head_mut()
            .set_connection_type(actix_web::http::ConnectionType::Close);
        return Some(response);
    }
    None
}

fn headers_too_large() -> HttpResponse {
    page(
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
        "Request headers too large",
        &format!(
            "Each header is limited to {MAX_HEADER_VALUE} bytes and all of them to \
             {MAX_HEADERS_LEN} bytes."
        ),
    )
}

fn body_too_large(req: &ServiceRequest) -> bool {
    let headers = req.headers();
    if headers.contains_key(header::TRANSFER_ENCODING) {
        return true;
    }
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .is_some_and(|len| len > MAX_BODY)
}

/// The method's name if it is a plain token, so a hostile one is never echoed.
fn method_name(method: &Method) -> &str {
    let name = method.as_str();
    if name.len() <= 16 && name.bytes().all(|b| b.is_ascii_alphabetic()) {
        name
    } else {
        "such"
    }
}

/// An error page in the site's layout.
fn page(status: StatusCode, title: &str, problem: &str) -> HttpResponse {
    let view = error::page(
        title,
        title,
        vec![problem.to_string()],
        "Start again from the home page or the exercise library.",
    );
    error::respond(status, &view)
}
