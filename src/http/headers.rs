//! Headers on every response, pages, assets and errors alike.

use actix_web::middleware::DefaultHeaders;

/// The Content-Security-Policy: everything from this origin only, no inline script or
/// style, no framing. The manifest and the service worker are named too, also from this
/// origin only.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
    base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Headers on every response. Tests and the fuzzer check for exactly these.
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
];

/// The security headers as middleware, with `Strict-Transport-Security` when `hsts`.
pub fn security_headers(hsts: bool) -> DefaultHeaders {
    let headers = SECURITY_HEADERS
        .iter()
        .fold(DefaultHeaders::new(), |headers, pair| headers.add(*pair));
    if hsts {
        headers.add((
            "Strict-Transport-Security",
            "max-age=31536000; includeSubDomains",
        ))
    } else {
        headers
    }
}
