//! Serving: conditional requests, encodings, fingerprinted assets and the static export.

use std::collections::BTreeSet;
use std::path::Path;

use runstrong::pages::Source;

use crate::helpers::{repo_path, spawn_app};

#[tokio::test]
async fn pages_answer_304_to_a_matching_etag() {
    let app = spawn_app().await;
    for path in [
        "/articles/plyometrics",
        "/exercises/?muscle=glutes",
        "/api/programs.json",
    ] {
        let first = app.ok(path).await;
        let etag = first.header("etag").to_string();
        assert!(etag.starts_with('"'), "{path} has a strong ETag: {etag}");
        assert_eq!(first.header("vary"), "Accept-Encoding");
        let again = app.get_with(path, &[("If-None-Match", &etag)]).await;
        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty());
        let stale = app.get_with(path, &[("If-None-Match", "\"other\"")]).await;
        assert_eq!(stale.status, 200);
    }
}

#[tokio::test]
async fn encodings_are_negotiated() {
    let app = spawn_app().await;
    let plain = app.ok("/exercises/squat").await;
    assert!(plain.header("content-encoding").is_empty());
    let plain_etag = plain.header("etag").to_string();
    let client = reqwest::Client::new();
    let url = format!("{}/exercises/squat", app.address);
    let mut etags = BTreeSet::new();
    for (accept, expected) in [
        ("br, gzip", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("identity", ""),
    ] {
        let response = client
            .get(&url)
            .header("Accept-Encoding", accept)
            .send()
            .await
            .expect("request");
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string()
        };
        let encoding = header("content-encoding");
        assert_eq!(encoding, expected, "Accept-Encoding: {accept}");
        // A strong ETag names exact bytes, so each coding has its own; any of them
        // revalidates, in any coding, since they are the same page.
        let etag = header("etag");
        let expected_etag = match expected {
            "" => plain_etag.clone(),
            coding => plain_etag.replace("\"", "") + "-" + coding,
        };
        assert_eq!(etag.trim_matches('"'), expected_etag.trim_matches('"'));
        etags.insert(etag.clone());
        for other_accept in ["br", "gzip", "identity"] {
            let again = client
                .get(&url)
                .header("Accept-Encoding", other_accept)
                .header("If-None-Match", &etag)
                .send()
                .await
                .expect("request");
            assert_eq!(again.status(), 304, "{etag} with {other_accept}");
        }
        let body = response.bytes().await.expect("body");
        if expected == "gzip" {
            let mut decoded = String::new();
            std::io::Read::read_to_string(
                &mut flate2::read::GzDecoder::new(&body[..]),
                &mut decoded,
            )
            .expect("valid gzip");
            assert_eq!(decoded, plain.body);
        }
        if expected == "br" {
            let mut decoded = Vec::new();
            brotli::BrotliDecompress(&mut &body[..], &mut decoded).expect("valid brotli");
            assert_eq!(String::from_utf8(decoded).expect("utf-8"), plain.body);
        }
    }
    assert_eq!(etags.len(), 3, "one ETag per coding: {etags:?}");
}

#[tokio::test]
async fn assets_are_fingerprinted_and_immutable() {
    let app = spawn_app().await;
    let css = app.stylesheet().await;
    assert!(
        css.starts_with("/static/site.")
            && css.ends_with(".css")
            && css.len() > "/static/site..css".len() + 7,
        "{css}"
    );
    let asset = app.ok(&css).await;
    assert_eq!(
        asset.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert!(asset.header("content-type").starts_with("text/css"));
    assert_eq!(
        app.get("/static/site.css").await.status,
        404,
        "only the fingerprinted name is served"
    );
}

/// The file a site link resolves to in an export, following the documented rules
/// (later pages of a list, `?page=N`, are `page-N.html` beside the first).
fn exported(dir: &Path, link: &str) -> bool {
    let link = link.split('#').next().unwrap_or_default();
    if let Some((base, page)) = link.split_once("?page=")
        && page != "1"
    {
        let folder = base.trim_start_matches('/').trim_end_matches('/');
        return dir.join(format!("{folder}/page-{page}.html")).is_file();
    }
    let path = link
        .split('?')
        .next()
        .unwrap_or_default()
        .trim_start_matches('/');
    let candidates = [
        path.to_string(),
        format!("{path}.html"),
        format!("{path}index.html"),
        format!("{path}/index.html"),
    ];
    candidates
        .iter()
        .any(|c| !c.is_empty() && dir.join(c).is_file())
}

/// Exports the bundled content into `dir/site`, as the public site would be served.
pub(crate) fn export_into(dir: &Path) -> (std::path::PathBuf, runstrong::export::ExportSummary) {
    let source = Source {
        content: repo_path("content"),
        db: dir.join("build.db"),
        public_url: "https://runstrong.example".into(),
    };
    let out = dir.join("site");
    let summary = runstrong::export::export(&out, &source).expect("export succeeds");
    (out, summary)
}

#[test]
fn the_export_writes_every_page_with_links_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (out, summary) = export_into(dir.path());
    assert!(summary.files > 300, "{} files", summary.files);
    for file in [
        "index.html",
        "index.html.gz",
        "index.html.br",
        "articles/index.html",
        "articles/plyometrics.html",
        "programs/home/week/1.html",
        "programs/home/print.html",
        "sitemap.xml",
        "404.html",
        "search.html",
    ] {
        assert!(out.join(file).is_file(), "{file} exported");
    }
    let mut checked = BTreeSet::new();
    let mut stack = vec![out.clone()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let html =
                    scraper::Html::parse_document(&std::fs::read_to_string(&path).expect("read"));
                let selector =
                    scraper::Selector::parse("a[href], link[href], script[src], img[src]")
                        .expect("selector");
                for element in html.select(&selector) {
                    let link = element
                        .value()
                        .attr("href")
                        .or(element.value().attr("src"))
                        .unwrap_or_default();
                    if link.starts_with('/') && !link.contains(".ics") {
                        assert!(
                            exported(&out, link),
                            "{} links {link}, which is not exported",
                            path.display()
                        );
                        checked.insert(link.to_string());
                    }
                }
            }
        }
    }
    assert!(
        checked.len() > 100,
        "{} distinct links checked",
        checked.len()
    );
}

#[tokio::test]
async fn pages_rendered_on_request_match_the_export_byte_for_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (out, _) = export_into(dir.path());
    let app = crate::helpers::spawn_app().await;
    let exercises = crate::helpers::content().exercises;
    for exercise in &exercises {
        let served = app.ok(&exercise.url()).await;
        let file = out.join(format!("exercises/{}.html", exercise.slug));
        assert_eq!(
            served.body,
            std::fs::read_to_string(&file).expect("exported page"),
            "{}",
            exercise.slug
        );
        let again = app
            .get_with(&exercise.url(), &[("If-None-Match", served.header("etag"))])
            .await;
        assert_eq!(again.status, 304, "{} revalidates", exercise.slug);
    }
}
