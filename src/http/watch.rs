//! Watch mode's additions to every page, for authors editing content with the site open:
//! a banner naming the problems while the last edit is broken, and a small script from
//! `/static` that reloads the page when the site is rebuilt, told by server-sent events
//! from [`EVENTS`]. None of this exists outside watch mode: production pages, their
//! caching and their Content-Security-Policy are untouched.

use std::time::Duration;

use actix_web::body::{self, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::{Error, HttpResponse, web};

use super::served::ServedSite;
use super::shutdown::Draining;

/// The event stream the reload script listens to.
pub const EVENTS: &str = "/_watch/events";

/// How often an idle event stream sends a comment, so proxies keep it open.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// Middleware: in watch mode, pages are sent uncompressed and never cached, with the
/// reload script and, while the content is broken, the banner.
pub async fn annotate(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let served = req.app_data::<web::Data<ServedSite>>().cloned();
    // The page is rewritten below, so ask for it whole and uncompressed.
    req.headers_mut().remove(header::ACCEPT_ENCODING);
    req.headers_mut().remove(header::IF_NONE_MATCH);
    let response = next.call(req).await?;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return Ok(response.map_into_boxed_body());
    }
    let (request, response) = response.into_parts();
    let (mut head, page) = response.into_parts();
    let page = body::to_bytes(page).await.unwrap_or_default();
    let problem = served.and_then(|s| s.problem());
    let html = with_watch_markup(&String::from_utf8_lossy(&page), problem.as_deref());
    let headers = head.headers_mut();
    headers.remove(header::ETAG);
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(ServiceResponse::new(
        request,
        head.set_body(BoxBody::new(html)),
    ))
}

/// `page` with the reload script at the end of its head and, when `problem` is given,
/// the banner at the top of its main content.
pub fn with_watch_markup(page: &str, problem: Option<&str>) -> String {
    let script = format!(
        "<link rel=\"stylesheet\" href=\"{}\">\n<script type=\"module\" src=\"{}\"></script>\n</head>",
        crate::assets::url("watch.css"),
        crate::assets::url("js/watch.js")
    );
    let mut html = page.replacen("</head>", &script, 1);
    if let Some(problem) = problem {
        let lines: String = problem
            .lines()
            .map(|line| format!("<li>{}</li>", escape(line)))
            .collect();
        let banner = format!(
            "<main id=\"main\">\n<div class=\"watch-banner\" role=\"alert\"><p><strong>Your last edit has errors; the site shows the last content that worked.</strong></p><ul>{lines}</ul></div>"
        );
        html = html.replacen("<main id=\"main\">", &banner, 1);
    }
    html
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `GET /_watch/events`: a `reload` event after every rebuild, successful or not (a
/// failed one brings the banner), until the server drains.
pub async fn events(served: web::Data<ServedSite>, draining: web::Data<Draining>) -> HttpResponse {
    let mut reloads = served.reloads();
    reloads.mark_unchanged();
    let stream = futures_util::stream::unfold(
        (reloads, draining, Duration::ZERO),
        |(mut reloads, draining, mut idle)| async move {
            // Wakes every second to notice draining, which ends the stream.
            let tick = Duration::from_secs(1);
            while !draining.is_set() {
                let message: &'static [u8] =
                    match tokio::time::timeout(tick, reloads.changed()).await {
                        Ok(Ok(())) => b"event: reload\ndata: rebuilt\n\n",
                        Ok(Err(_)) => return None,
                        Err(_) if idle + tick >= HEARTBEAT => b": still watching\n\n",
                        Err(_) => {
                            idle += tick;
                            continue;
                        }
                    };
                let next = (reloads, draining, Duration::ZERO);
                return Some((Ok::<_, Error>(Bytes::from_static(message)), next));
            }
            None
        },
    );
    HttpResponse::Ok()
        .content_type("text/event-stream")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(stream)
}
