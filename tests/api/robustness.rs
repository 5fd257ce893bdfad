//! Hostile requests from a fixed corpus: none may get a 5xx, each gets the status that
//! fits, error pages are HTML in the site's layout, echoed values come back escaped, and
//! every response carries the security headers. Requests that no HTTP client library
//! would send go over a raw socket.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::helpers::{TestApp, spawn_app};

/// The header names the server promises on every response, lowercased.
fn security_header_names() -> Vec<String> {
    runstrong::http::headers::SECURITY_HEADERS
        .iter()
        .map(|(name, _)| name.to_ascii_lowercase())
        .collect()
}

const PAYLOAD: &str = "<script>fz(1)</script>\"'><b>x</b>";

struct Raw {
    status: u16,
    head: String,
    body: String,
}

impl Raw {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().skip(1).find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    }

    fn assert_secured(&self, what: &str) {
        for name in &security_header_names() {
            assert!(
                self.header(name).is_some(),
                "{what}: no {name} in\n{}",
                self.head
            );
        }
    }

    fn assert_error_page(&self, what: &str) {
        self.assert_secured(what);
        let kind = self.header("content-type").unwrap_or_default();
        assert!(kind.starts_with("text/html"), "{what}: {kind}");
        assert!(
            self.body.contains("<nav aria-label=\"Main\">"),
            "{what}: the error page lacks the site layout"
        );
        assert!(!self.body.contains("panicked"), "{what}: {}", self.body);
    }
}

/// Sends raw bytes on a fresh connection and reads the answer until the server closes.
async fn raw(app: &TestApp, request: Vec<u8>) -> Raw {
    let port = app.address.rsplit(':').next().expect("port").to_string();
    tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(format!("127.0.0.1:{port}")).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        let _ = stream.write_all(&request);
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 8192];
        loop {
            match stream.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => bytes.extend_from_slice(&chunk[..n]),
                Err(_) if !bytes.is_empty() => break,
                Err(e) => panic!("read: {e}"),
            }
        }
        let text = String::from_utf8_lossy(&bytes).to_string();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Raw {
            status,
            head: head.to_string(),
            body: body.to_string(),
        }
    })
    .await
    .expect("request thread")
}

fn request(method: &str, target: &[u8], headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut out = format!("{method} ").into_bytes();
    out.extend_from_slice(target);
    out.extend_from_slice(b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for header in headers {
        out.extend_from_slice(header.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

async fn get_raw(app: &TestApp, target: &str) -> Raw {
    raw(app, request("GET", target.as_bytes(), &[], b"")).await
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn traversal_attempts_find_nothing() {
    let app = spawn_app().await;
    let asset = app.ok("/").await.attrs("link[rel=stylesheet]", "href")[0].clone();
    let targets = [
        "/static/../Cargo.toml",
        "/static/%2e%2e/Cargo.toml",
        "/static/%2E%2E%2FCargo.toml",
        "/static/%252e%252e/Cargo.toml",
        "/static/..%5cCargo.toml",
        "/static/..\\Cargo.toml",
        "/articles/../../../../etc/passwd",
        "/..%2f..%2f..%2fetc%2fpasswd",
        "//etc/passwd",
        "/static/%00",
        "/%c0%ae%c0%ae/Cargo.toml",
        &format!("{asset}/../../Cargo.toml"),
        &asset.replace('/', "\\"),
    ];
    for target in targets {
        let page = get_raw(&app, target).await;
        assert!(
            [400, 404].contains(&page.status),
            "{target}: {}",
            page.status
        );
        assert!(!page.body.contains("[package]") && !page.body.contains("root:"));
        if !page.body.is_empty() {
            page.assert_error_page(target);
        }
    }
}

#[tokio::test]
async fn bad_bytes_and_encodings_are_client_errors() {
    let app = spawn_app().await;
    let targets: [&[u8]; 9] = [
        b"/search?q=\xff\xfe",
        b"/exercises/\xc3\x28",
        b"/search?q=%ff%fe%",
        b"/exercises/?muscle=%zz",
        b"/%zz",
        b"/equipment/compare?items=%",
        b"/search?q=%00%0d%0aSet-Cookie:x=1",
        b"/search?=&&=&q",
        b"/programs/%2e.ics?start=2025-03-03",
    ];
    for target in targets {
        let what = String::from_utf8_lossy(target).to_string();
        let page = raw(&app, request("GET", target, &[], b"")).await;
        assert!(
            [200, 400, 404].contains(&page.status),
            "{what}: {}",
            page.status
        );
        assert!(page.header("set-cookie").is_none(), "{what}");
        // The HTTP parser refuses raw non-ASCII bytes with a bare 400 before the app.
        if !page.body.is_empty() {
            page.assert_secured(&what);
        }
    }
}

#[tokio::test]
async fn oversized_requests_get_the_matching_status() {
    let app = spawn_app().await;
    let long_path = format!("/{}", "a".repeat(10_000));
    let page = get_raw(&app, &long_path).await;
    assert_eq!(page.status, 414);
    page.assert_error_page("10 KB path");

    let long_query = format!("/search?q={}", "x".repeat(3_000));
    let page = get_raw(&app, &long_query).await;
    assert_eq!(page.status, 400);
    page.assert_error_page("3 KB query");
    assert!(page.body.contains("too long"));

    let big_header = format!("X-Padding: {}", "h".repeat(20_000));
    let page = raw(&app, request("GET", b"/", &[&big_header], b"")).await;
    assert_eq!(page.status, 431);
    page.assert_error_page("20 KB header");

    let cookies: Vec<String> = (0..6)
        .map(|i| format!("Cookie: c{i}={}", "v".repeat(7_000)))
        .collect();
    let cookies: Vec<&str> = cookies.iter().map(String::as_str).collect();
    let page = raw(&app, request("GET", b"/", &cookies, b"")).await;
    assert_eq!(page.status, 431, "42 KB of headers");

    // Past the parser's own limits there is no application to render a page.
    let many: Vec<String> = (0..120).map(|i| format!("X-Many-{i}: {i}")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    let page = raw(&app, request("GET", b"/", &many, b"")).await;
    assert_eq!(page.status, 431, "120 headers");
}

#[tokio::test]
async fn only_get_and_head_are_served_everywhere() {
    let app = spawn_app().await;
    let asset = app.ok("/").await.attrs("link[rel=stylesheet]", "href")[0].clone();
    let slug = first_program_slug(&app).await;
    let paths = [
        "/".to_string(),
        "/articles/".into(),
        "/exercises/".into(),
        "/search?q=squat".into(),
        "/equipment/".into(),
        "/equipment/compare".into(),
        "/equipment/budget?gbp=50".into(),
        format!("/programs/{slug}.ics?start=2025-03-03&days=mon,wed,fri"),
        "/healthz".into(),
        "/no-such-page".into(),
        asset,
    ];
    for path in &paths {
        for method in [
            "POST", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "OPTIONS",
        ] {
            let page = raw(&app, request(method, path.as_bytes(), &[], b"")).await;
            assert_eq!(page.status, 405, "{method} {path}");
            assert_eq!(page.header("allow").as_deref(), Some("GET, HEAD"));
            page.assert_error_page(&format!("{method} {path}"));
        }
        let head = raw(&app, request("HEAD", path.as_bytes(), &[], b"")).await;
        let get = get_raw(&app, path).await;
        assert_eq!(head.status, get.status, "HEAD {path}");
        assert!(head.body.is_empty(), "HEAD {path} has a body");
        head.assert_secured(&format!("HEAD {path}"));
    }
}

#[tokio::test]
async fn request_bodies_are_ignored_or_refused() {
    let app = spawn_app().await;
    let page = raw(
        &app,
        request(
            "GET",
            b"/search?q=squat",
            &["Content-Length: 10"],
            b"q=<script>",
        ),
    )
    .await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("<script>"));

    let page = raw(
        &app,
        request("GET", b"/", &["Content-Length: 100000000"], b"x"),
    )
    .await;
    assert_eq!(page.status, 413);
    page.assert_error_page("declared 100 MB body");

    let page = raw(
        &app,
        request(
            "GET",
            b"/",
            &["Transfer-Encoding: chunked"],
            b"5\r\nhello\r\n0\r\n\r\n",
        ),
    )
    .await;
    assert_eq!(page.status, 413);
    page.assert_error_page("chunked body");
}

#[tokio::test]
async fn range_requests_get_the_whole_page() {
    let app = spawn_app().await;
    for range in ["bytes=0-10", "bytes=-5", "bytes=99999-", "bytes=abc"] {
        let page = app.get_with("/", &[("Range", range)]).await;
        assert_eq!(page.status, 200, "{range}");
        assert!(page.body.contains("</html>"));
    }
}

#[tokio::test]
async fn every_echoed_value_is_escaped() {
    let app = spawn_app().await;
    let slug = first_program_slug(&app).await;
    let p = encode(PAYLOAD);
    let targets = [
        format!("/exercises/?muscle={p}"),
        format!("/exercises/?equipment={p}"),
        format!("/exercises/?category={p}"),
        format!("/exercises/?level={p}"),
        format!("/equipment/?sort={p}"),
        format!("/equipment/?order={p}"),
        format!("/equipment/?max_price={p}"),
        format!("/equipment/compare?items={p}"),
        format!("/equipment/budget?gbp={p}"),
        format!("/search?q={p}"),
        format!("/programs/{slug}.ics?start={p}&days=mon,wed,fri"),
        format!("/programs/{slug}.ics?start=2025-03-03&days={p}"),
        format!("/{p}"),
        format!("/articles/{p}"),
        format!("/exercises/?muscle=glutes&muscle={p}"),
    ];
    for target in &targets {
        let page = app.get(target).await;
        assert!(
            [200, 400, 404].contains(&page.status),
            "{target}: {}",
            page.status
        );
        assert!(
            !page.body.contains("<script>fz") && !page.body.contains("<b>x</b>"),
            "{target} echoed the payload unescaped"
        );
        for name in &security_header_names() {
            assert!(!page.header(name).is_empty(), "{target}: no {name}");
        }
        let echoes = ["muscle=", "items=", "gbp=", "q=", "start=", "days="];
        // A conflicting repeat is refused without quoting either value.
        let repeated = target.contains("glutes&");
        if !repeated && echoes.iter().any(|e| target.contains(&format!("{e}{p}"))) {
            assert!(
                page.body.contains("&#60;script&#62;fz(1)"),
                "{target} should say which value was wrong, escaped"
            );
        }
    }
}

#[tokio::test]
async fn dates_at_the_edge_of_the_calendar_are_bad_requests() {
    let app = spawn_app().await;
    let slug = first_program_slug(&app).await;
    // %2B is a plus sign: chrono reads "+262142-12-31" as its last representable year.
    for start in [
        "262142-12-31",
        "%2B262142-12-31",
        "%2B262143-12-31",
        "-262144-01-01",
        "0000-00-00",
        "9999-12-31",
        "1999-12-31",
        "2100-01-01",
    ] {
        let plan = format!("/plan?program=home&place=home&days=mon,thu&start={start}&sessions=2");
        for path in [
            format!("/programs/{slug}.ics?start={start}&days=mon,wed,fri"),
            format!(
                "/plan?program=home&place=home&days=mon,thu&start=2026-12-07&race={start}&sessions=2"
            ),
            plan.clone(),
        ] {
            assert_eq!(app.get(&path).await.status, 400, "{path}");
        }
        assert!(
            app.get(&plan).await.body.contains("start"),
            "{start}: the error names the field"
        );
    }
    let last = app
        .get(&format!(
            "/programs/{slug}.ics?start=2099-12-28&days=mon,wed,fri"
        ))
        .await;
    assert_eq!(last.status, 200, "a plan may run past 2099");
}

#[tokio::test]
async fn repeated_and_unknown_parameters_are_handled() {
    let app = spawn_app().await;
    let page = app.get("/exercises/?muscle=glutes&muscle=calves").await;
    assert_eq!(page.status, 400);
    assert!(page.body.contains("more than once"));
    assert_eq!(app.get("/exercises/?utm_source=x&x=1").await.status, 200);
    let many = vec!["a=1"; 400].join("&");
    assert_eq!(
        app.get(&format!("/search?{many}&q=squat")).await.status,
        200
    );
}

#[tokio::test]
async fn security_headers_are_on_every_kind_of_response() {
    let app = spawn_app().await;
    let home = app.ok("/").await;
    let asset = home.attrs("link[rel=stylesheet]", "href")[0].clone();
    let etag = home.header("etag").to_string();
    let slug = first_program_slug(&app).await;
    let cases: Vec<Case> = vec![
        ("/".into(), vec![], 200),
        ("/".into(), vec![("If-None-Match", etag.as_str())], 304),
        ("/articles".into(), vec![], 308),
        (asset, vec![], 200),
        ("/healthz".into(), vec![], 200),
        ("/no-such-page".into(), vec![], 404),
        ("/exercises/?muscle=nope".into(), vec![], 400),
        (
            format!("/programs/{slug}.ics?start=2025-03-03&days=mon,wed,fri"),
            vec![],
            200,
        ),
        ("/".into(), vec![("Accept-Encoding", "br")], 200),
    ];
    for (path, headers, status) in cases {
        let page = app.get_with(&path, &headers).await;
        assert_eq!(page.status, status, "{path}");
        for name in &security_header_names() {
            assert!(
                !page.header(name).is_empty(),
                "{path} ({status}): no {name}"
            );
        }
        assert!(
            !page
                .header("content-security-policy")
                .contains("unsafe-inline")
        );
    }
}

/// A path, request headers, and the status expected.
type Case<'a> = (String, Vec<(&'a str, &'a str)>, u16);

async fn first_program_slug(app: &TestApp) -> String {
    let links = app
        .ok("/programs/")
        .await
        .attrs("main a[href^='/programs/']", "href");
    links
        .iter()
        .map(|l| l.trim_start_matches("/programs/"))
        .find(|s| !s.is_empty() && !s.contains(['/', '.', '?']))
        .expect("a program")
        .to_string()
}
