//! Every exercise's figure, drawn from the bundled content: small enough, accessible,
//! styled only through classes and stylesheets, and still under reduced motion.

use std::io::Write as _;

use runstrong::views::figure;

use crate::helpers::{TestApp, content, repo_path, spawn_app};

/// A figure served alone must stay under this many bytes, gzipped.
const STANDALONE_BUDGET: usize = 2_500;
/// What a figure may add to its exercise page's first visit, gzipped: the inline
/// drawing plus its own stylesheet. The largest exercise page is about 4 KB and
/// `site.css` about 5 KB, so this keeps the page under 14,000 bytes with room for the
/// stylesheet's response headers.
const PAGE_BUDGET: usize = 2_000;

fn gzipped(text: &str) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(text.as_bytes()).expect("gzip");
    encoder.finish().expect("gzip").len()
}

#[test]
fn every_standalone_figure_is_under_its_budget_and_valid_xml() {
    let mut largest = (0, String::new());
    for exercise in content().exercises {
        let svg = figure::standalone_svg(&exercise.slug, &exercise.figure, "/static/f.css");
        let size = gzipped(&svg);
        assert!(
            size < STANDALONE_BUDGET,
            "{}: {size} bytes gzipped",
            exercise.slug
        );
        largest = largest.max((size, exercise.slug.clone()));
        let doc = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|e| panic!("{}: not XML: {e}", exercise.slug));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(root.attribute("role"), Some("img"));
        assert!(svg.contains(r#"<?xml-stylesheet href="/static/f.css""#));
    }
    println!(
        "largest standalone figure: {} ({} bytes gzipped)",
        largest.1, largest.0
    );
}

#[test]
fn every_page_figure_is_accessible_small_and_styled_by_class_only() {
    for exercise in content().exercises {
        let slug = &exercise.slug;
        let fig = &exercise.figure;
        let html = figure::inline_figure(slug, fig);
        let css = figure::keyframes_css(slug, fig);
        assert!(html.starts_with(r#"<figure class="movement">"#), "{slug}");
        roxmltree::Document::parse(&html).unwrap_or_else(|e| panic!("{slug}: {e}"));
        let thumbnail = figure::thumbnail_svg(fig);
        roxmltree::Document::parse(&thumbnail).unwrap_or_else(|e| panic!("{slug}: {e}"));
        assert!(thumbnail.contains(r#"aria-hidden="true""#), "{slug}");
        assert!(
            html.contains(&format!(
                "<title>{}</title>",
                fig.says.replace('\'', "&#39;")
            )),
            "{slug}: the title says the movement"
        );
        assert_eq!(
            html.matches(r#"role="img""#).count(),
            2,
            "{slug}: moving and still"
        );
        assert!(
            html.contains(">Start</text>") && html.contains(">End</text>"),
            "{slug}"
        );
        assert!(!html.contains("style="), "{slug}: no inline style");
        assert!(!html.contains("<style"), "{slug}: no style element");
        assert!(!html.contains("<script"), "{slug}");
        assert!(css.contains("@keyframes"), "{slug}");
        assert!(css.contains("prefers-reduced-motion:reduce"), "{slug}");
        let size = gzipped(&html) + gzipped(&css);
        assert!(size < PAGE_BUDGET, "{slug}: the figure adds {size} bytes");
    }
}

#[test]
fn the_stylesheets_still_figures_under_reduced_motion_and_in_print() {
    let css = std::fs::read_to_string(repo_path("static/site.css")).expect("site.css");
    assert!(css.contains(".mv-pair { display: none; }"));
    assert!(css.contains(
        "@media (prefers-reduced-motion: reduce) { .mv-anim { display: none; } .mv-pair { display: block; } }"
    ));
    let print = std::fs::read_to_string(repo_path("static/print.css")).expect("print.css");
    assert!(print.contains(".mv-anim { display: none; }"));
    assert!(print.contains(".mv-pair { display: block;"));
}

#[test]
fn the_figure_data_survives_the_database() {
    // Exercises are stored as JSON: a figure must come back as it went in.
    for exercise in content().exercises {
        let json = serde_json::to_string(&exercise).expect("serialises");
        let back: runstrong::domain::Exercise = serde_json::from_str(&json).expect("parses");
        assert_eq!(back.figure, exercise.figure, "{}", exercise.slug);
        assert!(back.figure.poses.len() >= 2);
    }
}

/// The address of the figure's keyframes that `page` links.
fn keyframes_link(page: &crate::helpers::Page, slug: &str) -> String {
    let prefix = format!("/exercises/{slug}/figure.");
    let links: Vec<String> = page
        .attrs("link[rel=stylesheet]", "href")
        .into_iter()
        .filter(|href| href.starts_with(&prefix))
        .collect();
    assert_eq!(
        links.len(),
        1,
        "{slug}: one figure stylesheet, got {links:?}"
    );
    links[0].clone()
}

#[tokio::test]
async fn every_exercise_page_shows_its_movement_moving_and_still() {
    let app = spawn_app().await;
    for exercise in content().exercises {
        let slug = &exercise.slug;
        let page = app.ok(&exercise.url()).await;
        let says = &exercise.figure.says;
        assert_eq!(
            page.texts("figure.movement svg.mv-anim[role=img] > title"),
            vec![says.clone()],
            "{slug}: the moving figure says the movement"
        );
        assert_eq!(page.texts("figure.movement svg.mv-pair[role=img]").len(), 1);
        assert_eq!(page.text("figure.movement figcaption"), *says, "{slug}");
        let css_url = keyframes_link(&page, slug);
        let css = app.ok(&css_url).await;
        assert!(css.header("content-type").starts_with("text/css"), "{slug}");
        assert_eq!(
            css.header("cache-control"),
            "public, max-age=31536000, immutable"
        );
        assert!(css.body.contains("@keyframes"), "{slug}");
        assert!(
            css.body.contains(&figure::scope(slug)),
            "{slug}: the keyframes are the figure's own"
        );
    }
}

#[tokio::test]
async fn each_figure_is_served_alone_as_open_data() {
    let app = spawn_app().await;
    let exercise = content().exercises.remove(0);
    let slug = &exercise.slug;
    let css_url = keyframes_link(&app.ok(&exercise.url()).await, slug);

    let animated = app.ok(&format!("/exercises/{slug}/figure.svg")).await;
    assert_eq!(animated.header("content-type"), "image/svg+xml");
    assert_eq!(animated.header("cache-control"), "public, max-age=300");
    assert!(
        animated
            .body
            .contains(&format!(r#"<?xml-stylesheet href="{css_url}""#)),
        "the file moves through the same keyframes as the page"
    );
    let doc = roxmltree::Document::parse(&animated.body).expect("XML");
    assert_eq!(doc.root_element().attribute("role"), Some("img"));

    let still = app.ok(&format!("/exercises/{slug}/still.svg")).await;
    assert_eq!(still.header("content-type"), "image/svg+xml");
    let doc = roxmltree::Document::parse(&still.body).expect("XML");
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text());
    assert_eq!(title, Some(exercise.figure.says.as_str()));
    let etag = still.header("etag").to_string();
    let again = app
        .get_with(
            &format!("/exercises/{slug}/still.svg"),
            &[("If-None-Match", &etag)],
        )
        .await;
    assert_eq!(again.status, 304);

    for missing in [
        format!("/exercises/{slug}/figure.00000000.css"),
        "/exercises/no-such-exercise/figure.svg".to_string(),
        "/exercises/no-such-exercise/still.svg".to_string(),
        format!("/exercises/{slug}/figure.png"),
    ] {
        assert_eq!(app.get(&missing).await.status, 404, "{missing}");
    }
}

#[tokio::test]
async fn the_api_gives_each_figure_and_its_poses() {
    let app = spawn_app().await;
    let api: serde_json::Value =
        serde_json::from_str(&app.ok("/api/exercises.json").await.body).expect("JSON");
    let listed = api.as_array().expect("a list");
    let exercises = content().exercises;
    assert_eq!(listed.len(), exercises.len());
    for exercise in &exercises {
        let item = listed
            .iter()
            .find(|e| e["slug"] == exercise.slug.as_str())
            .expect("listed");
        let url = item["figure"].as_str().expect("figure");
        assert_eq!(
            url,
            format!(
                "https://runstrong.example/exercises/{}/figure.svg",
                exercise.slug
            )
        );
        assert_eq!(item["figure_view"], exercise.figure.view.name());
        let poses = item["poses"].as_array().expect("poses");
        assert_eq!(
            poses.len(),
            exercise.figure.poses.len(),
            "{}",
            exercise.slug
        );
        for (pose, given) in poses.iter().zip(&exercise.figure.poses) {
            assert_eq!(pose["name"], given.name.as_str());
            let angles = pose["angles"].as_object().expect("angles");
            assert_eq!(angles.len(), 13, "every joint, named");
            let knee = runstrong::domain::figure::Joint::from_name("left_knee").expect("joint");
            assert_eq!(angles["left_knee"].as_f64(), Some(given.angles.get(knee)));
        }
    }
    let first = listed[0]["figure"].as_str().unwrap_or_default();
    let path = first.trim_start_matches("https://runstrong.example");
    assert_eq!(app.ok(path).await.header("content-type"), "image/svg+xml");
}

/// The stills of a week's rows: one per row, the row's exercise's, each served.
async fn stills_resolve(app: &TestApp, path: &str) -> usize {
    let page = app.ok(path).await;
    let html = page.html();
    let rows = scraper::Selector::parse("tr[data-exercise]").expect("selector");
    let img = scraper::Selector::parse("th img.still").expect("selector");
    let mut count = 0;
    for row in html.select(&rows) {
        let slug = row.value().attr("data-exercise").expect("slug");
        let still = row.select(&img).next().expect("a still in every row");
        assert_eq!(still.value().attr("alt"), Some(""), "named beside it");
        let src = still.value().attr("src").expect("src");
        assert_eq!(src, format!("/exercises/{slug}/still.svg"));
        assert_eq!(app.get(src).await.status, 200, "{src}");
        count += 1;
    }
    count
}

#[tokio::test]
async fn week_pages_and_plans_show_a_still_beside_each_exercise() {
    let app = spawn_app().await;
    assert!(stills_resolve(&app, "/programs/posterior-chain-4-week/week/1").await >= 4);
    assert!(stills_resolve(&app, "/programs/home/print").await >= 16);
    let plan = "/plan?program=home&place=home&equipment=swiss-ball&days=mon,wed,fri&long_run=sun&hard=tue&start=2026-12-07&sessions=3&minutes=30";
    assert!(stills_resolve(&app, plan).await >= 4);
}
