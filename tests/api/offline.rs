//! Installable and offline: the web app manifest and its icons, the service worker's
//! headers and precache list, the offline page, the policy that allows both, the marks
//! the saving script reads on programme and plan pages, and the same files in the export.

use std::io::Read;

use serde_json::Value;

use crate::delivery::export_into;
use crate::helpers::{Page, TestApp, spawn_app};

/// The policy before the manifest and the worker: everything else must stay as it was.
const CSP_BEFORE: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Status, content type and body bytes of `path`, asked for with `accept_encoding`.
async fn bytes(app: &TestApp, path: &str, accept_encoding: &str) -> (u16, String, Vec<u8>) {
    let response = reqwest::Client::new()
        .get(format!("{}{path}", app.address))
        .header("Accept-Encoding", accept_encoding)
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (status, kind, response.bytes().await.expect("body").to_vec())
}

/// The width and height a PNG declares, after checking its signature and that its first
/// chunk is the header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR", "the header comes first");
    let number =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (number(16), number(20))
}

/// The precache list the worker names: the JSON array after `const SHELL =`.
fn shell(worker: &str) -> Vec<String> {
    let line = worker
        .lines()
        .find_map(|line| line.strip_prefix("const SHELL = "))
        .expect("the worker names its shell");
    serde_json::from_str(line.trim_end_matches(';')).expect("the shell is a JSON array")
}

#[tokio::test]
async fn the_worker_is_served_at_the_root_revalidated_on_every_visit() {
    let app = spawn_app().await;
    let worker = app.ok("/sw.js").await;
    assert_eq!(
        worker.header("content-type"),
        "text/javascript; charset=utf-8"
    );
    assert_eq!(worker.header("cache-control"), "no-cache");
    assert!(worker.header("etag").starts_with('"'));
    let again = app
        .get_with("/sw.js", &[("If-None-Match", worker.header("etag"))])
        .await;
    assert_eq!(again.status, 304, "an unchanged worker costs a 304");
    assert!(worker.body.contains("const VERSION = \""));
    let (status, _, gzipped) = bytes(&app, "/sw.js", "gzip").await;
    assert_eq!(status, 200);
    assert!(
        gzipped.len() < 4000,
        "sw.js is {} bytes gzipped",
        gzipped.len()
    );
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(&gzipped[..])
        .read_to_string(&mut unzipped)
        .expect("gzip");
    assert_eq!(unzipped, worker.body);
}

#[tokio::test]
async fn the_worker_precaches_the_shell_and_every_entry_exists() {
    let app = spawn_app().await;
    let shell = shell(&app.ok("/sw.js").await.body);
    let home = app.ok("/").await;
    let mut wanted = vec![app.stylesheet().await, "/offline".to_string()];
    wanted.extend(home.attrs("link[rel=icon]", "href"));
    wanted.extend(home.attrs("script[src]", "src"));
    let manifest: Value =
        serde_json::from_str(&app.ok("/manifest.webmanifest").await.body).expect("JSON");
    for icon in manifest["icons"].as_array().expect("icons") {
        wanted.push(icon["src"].as_str().expect("src").to_string());
    }
    for url in &wanted {
        assert!(shell.contains(url), "the shell lacks {url}: {shell:?}");
    }
    for url in &shell {
        let page = app.ok(url).await;
        if let Some(asset) = url.strip_prefix("/static/") {
            let (_, fingerprint) = asset
                .rsplit_once('.')
                .and_then(|(stem, _)| stem.rsplit_once('.'))
                .expect("a fingerprinted name");
            assert!(
                fingerprint.len() == 8 && fingerprint.chars().all(|c| c.is_ascii_hexdigit()),
                "{url}"
            );
            assert!(page.header("cache-control").contains("immutable"), "{url}");
        }
    }
    // The scripts a page links import their neighbours by fingerprinted address too.
    let programme = app.ok("/programs/home").await;
    let saving = programme
        .attrs("script[src]", "src")
        .into_iter()
        .find(|src| src.starts_with("/static/js/offline-save."))
        .expect("a programme links the saving module");
    let module = app.ok(&saving).await.body;
    assert!(module.contains("\"/static/js/offline-ask."), "{module}");
    assert!(
        !module.contains("\"./"),
        "every import is rewritten: {module}"
    );
}

#[tokio::test]
async fn the_manifest_makes_the_site_installable() {
    let app = spawn_app().await;
    let page = app.ok("/manifest.webmanifest").await;
    assert_eq!(page.header("content-type"), "application/manifest+json");
    let manifest: Value = serde_json::from_str(&page.body).expect("the manifest is JSON");
    assert_eq!(manifest["name"], "runstrong: strength for runners");
    assert_eq!(manifest["short_name"], "runstrong");
    assert_eq!(manifest["start_url"], "/");
    assert_eq!(manifest["scope"], "/");
    assert_eq!(manifest["display"], "standalone");
    // The colours are the light palette's page and header colours.
    let css = app.ok(&app.stylesheet().await).await.body;
    for (key, property) in [("background_color", "--bg"), ("theme_color", "--card")] {
        let colour = manifest[key].as_str().expect("a colour");
        assert!(
            css.contains(&format!("{property}: {colour};")),
            "{key} {colour}"
        );
    }
    let icons = manifest["icons"].as_array().expect("icons");
    let mut found = Vec::new();
    for icon in icons {
        let src = icon["src"].as_str().expect("src");
        let (status, kind, body) = bytes(&app, src, "identity").await;
        assert_eq!((status, kind.as_str()), (200, "image/png"), "{src}");
        assert_eq!(icon["type"], "image/png");
        let (width, height) = png_size(&body);
        assert_eq!(icon["sizes"], format!("{width}x{height}"), "{src}");
        assert_eq!(width, height);
        found.push((
            width,
            icon["purpose"].as_str().expect("purpose").to_string(),
        ));
    }
    found.sort();
    assert_eq!(
        found,
        [
            (192, "any".into()),
            (512, "any".into()),
            (512, "maskable".into())
        ]
    );
}

#[tokio::test]
async fn every_page_links_the_manifest_and_the_offline_module() {
    let app = spawn_app().await;
    let module = app.ok("/").await.attrs("script[type=module]", "src");
    assert_eq!(module.len(), 1);
    for path in [
        "/",
        "/articles/plyometrics",
        "/exercises/squat",
        "/programs/home/week/1",
        "/plan",
        "/offline",
        "/no-such-page",
    ] {
        let page = app.get(path).await;
        assert_eq!(
            page.attrs("link[rel=manifest]", "href"),
            ["/manifest.webmanifest"],
            "{path}"
        );
        // Every page links the offline module; week pages link the training one too.
        let modules = page.attrs("script[type=module]", "src");
        assert_eq!(modules[..1], module[..], "{path}: {modules:?}");
    }
}

#[tokio::test]
async fn the_policy_names_the_manifest_and_the_worker_and_loosens_nothing() {
    let app = spawn_app().await;
    for path in ["/", "/sw.js", "/manifest.webmanifest", "/offline"] {
        let page = app.ok(path).await;
        let csp = page.header("content-security-policy");
        assert_eq!(
            csp.replace(" manifest-src 'self'; worker-src 'self';", ""),
            CSP_BEFORE,
            "{path}"
        );
        assert!(csp.contains("manifest-src 'self'") && csp.contains("worker-src 'self'"));
    }
}

#[tokio::test]
async fn the_offline_page_explains_itself_with_javascript_off() {
    let app = spawn_app().await;
    let page = app.ok("/offline").await;
    assert_eq!(page.text("h1"), "Saved for offline");
    assert!(page.text("#saved").contains("Saving needs JavaScript"));
    assert_eq!(
        page.attrs("#away", "hidden"),
        [""],
        "the offline note waits for the script"
    );
    assert_eq!(page.attrs("meta[name=robots]", "content"), ["noindex"]);
    assert_eq!(page.header("cache-control"), "public, max-age=300");
    let sitemap = app.ok("/sitemap.xml").await.body;
    assert!(
        !sitemap.contains("/offline<"),
        "a device's page is not for search engines"
    );
}

/// The marks the saving script reads: what to save, and what the copy is called.
fn save_marks(page: &Page) -> (Vec<String>, Vec<String>) {
    (
        page.attrs("[data-offline]", "data-offline"),
        page.attrs("a[data-save]", "href"),
    )
}

#[tokio::test]
async fn programme_pages_mark_their_weeks_print_page_and_calendar_for_saving() {
    let app = spawn_app().await;
    for program in crate::helpers::content().programs {
        let page = app.ok(&program.url()).await;
        let (key, links) = save_marks(&page);
        assert_eq!(key, [program.url()]);
        let mut wanted: Vec<String> = (1..=program.weeks.len())
            .map(|n| program.week_url(n))
            .collect();
        wanted.push(program.print_url());
        assert_eq!(links, wanted, "{}", program.slug);
        let form = "form[data-offline]";
        assert_eq!(page.attrs(form, "action"), [program.calendar_url()]);
        assert_eq!(
            page.attrs(form, "data-title"),
            std::slice::from_ref(&program.title)
        );
        let days = page.attrs(form, "data-days").remove(0);
        assert_eq!(
            days.split(',').count(),
            usize::from(program.sessions_max),
            "{days}"
        );
        // The calendar the script saves when the form is left empty: the form's own
        // encoding of the start and the usual days.
        let query: String = days.split(',').map(|d| format!("&days={d}")).collect();
        let calendar = app
            .ok(&format!(
                "{}?start=2026-12-07{query}",
                program.calendar_url()
            ))
            .await;
        assert!(calendar.body.contains("BEGIN:VEVENT"), "{}", program.slug);
    }
}

#[tokio::test]
async fn plan_pages_mark_every_part_and_the_calendar_for_saving() {
    let app = spawn_app().await;
    let query = "program=home&place=home&days=mon,wed,fri&long_run=sun&hard=tue&start=2026-12-07&race=2027-11-20&sessions=3&minutes=30";
    let page = app.ok(&format!("/plan?{query}")).await;
    let (key, links) = save_marks(&page);
    assert_eq!(key.len(), 1);
    assert!(key[0].starts_with("/plan?"), "{key:?}");
    assert!(links.contains(&key[0]), "the plan's own address is saved");
    assert!(
        links.contains(&key[0].replacen("/plan?", "/plan.ics?", 1)),
        "{links:?}"
    );
    let parts = links.iter().filter(|l| l.contains("&part=")).count();
    assert!(parts >= 2, "every part of a long plan: {links:?}");
    for link in &links {
        app.ok(link).await;
    }
    let blank = app.ok("/plan").await;
    assert_eq!(
        save_marks(&blank),
        (vec![], vec![]),
        "nothing to save before a plan"
    );
}

#[tokio::test]
async fn the_export_holds_the_manifest_the_worker_and_the_offline_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (out, _) = export_into(dir.path());
    let app = spawn_app().await;
    for (path, file) in [
        ("/sw.js", "sw.js"),
        ("/manifest.webmanifest", "manifest.webmanifest"),
        ("/offline", "offline.html"),
    ] {
        for sibling in ["", ".gz", ".br"] {
            assert!(
                out.join(format!("{file}{sibling}")).is_file(),
                "{file}{sibling}"
            );
        }
        let exported = std::fs::read_to_string(out.join(file)).expect("exported");
        if path != "/offline" {
            assert_eq!(exported, app.ok(path).await.body, "{path} as served");
        }
    }
    for url in shell(&std::fs::read_to_string(out.join("sw.js")).expect("sw.js")) {
        let file = match url.as_str() {
            "/offline" => "offline.html".to_string(),
            asset => asset.trim_start_matches('/').to_string(),
        };
        assert!(
            out.join(&file).is_file(),
            "the export lacks {file}, which the worker precaches"
        );
    }
}
