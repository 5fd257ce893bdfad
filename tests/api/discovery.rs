//! Finding your way: search, the self-check, sitemap, feed, open data and page metadata.

use std::collections::{BTreeSet, VecDeque};

use crate::helpers::{TestApp, calendar_events, content, spawn_app};

async fn search_urls(app: &TestApp, q: &str) -> Vec<String> {
    let page = app.ok(&format!("/search?q={}", urlencode(q))).await;
    page.attrs("ol.results a", "href")
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn search_finds_the_right_pages() {
    let app = spawn_app().await;
    let cases = [
        ("hamstr", "/muscles/hamstrings"),
        ("bum", "/muscles/glutes"),
        ("jumps", "/exercises/squat-jump"),
        ("glute bridge", "/exercises/glute-bridge"),
        ("swiss ball", "/equipment/swiss-ball"),
        ("plyometrics", "/articles/plyometrics"),
        ("posterior chain", "/programs/posterior-chain-4-week"),
        ("quads", "/muscles/quadriceps"),
        // The words runners use for the problems they arrive with.
        ("shin splints", "/articles/shin-pain"),
        ("runner's knee", "/articles/runners-knee"),
        ("ITB", "/articles/it-band-pain"),
        ("IT band", "/articles/it-band-pain"),
        ("achilles", "/articles/achilles-pain"),
        ("plantar", "/articles/plantar-heel-pain"),
        ("heel drop", "/exercises/eccentric-heel-drop"),
        ("taper", "/articles/running-week"),
        ("in-season", "/programs/in-season-maintenance"),
        ("tibialis", "/exercises/tibialis-raise"),
        ("copenhagen", "/exercises/copenhagen-plank-short"),
        ("hip hike", "/exercises/hip-hike"),
        ("RPE", "/articles/effort"),
    ];
    for (query, expected) in cases {
        let urls = search_urls(&app, query).await;
        assert!(
            urls.iter().take(8).any(|u| u == expected),
            "{query} → {expected}: {urls:?}"
        );
    }
    let page = app.ok("/search?q=hamstrings").await;
    assert!(page.body.contains("<mark>"), "snippets highlight matches");
    assert!(page.texts("ol.results .tag").iter().any(|t| t == "Muscle"));
    let page = app.ok("/search?q=posterior%20chain").await;
    assert!(
        page.texts("ol.results .tag")
            .iter()
            .any(|t| t == "Programme")
    );
}

#[tokio::test]
async fn the_words_runners_use_put_their_problem_near_the_top() {
    let app = spawn_app().await;
    for (query, expected) in [
        ("achilles", "/articles/achilles-pain"),
        ("Achilles tendon pain", "/articles/achilles-pain"),
        ("runner's knee", "/articles/runners-knee"),
        ("runners knee", "/articles/runners-knee"),
        ("IT band", "/articles/it-band-pain"),
        ("ITB", "/articles/it-band-pain"),
        ("shin splints", "/articles/shin-pain"),
        ("plantar fasciitis", "/articles/plantar-heel-pain"),
        ("heel drop", "/exercises/eccentric-heel-drop"),
    ] {
        let urls = search_urls(&app, query).await;
        assert!(
            urls.iter().take(3).any(|u| u == expected),
            "{query} → {expected}: {urls:?}"
        );
    }
}

#[tokio::test]
async fn hostile_queries_never_error_and_are_escaped() {
    let app = spawn_app().await;
    for query in [
        "\"",
        "*",
        "NEAR(a b)",
        "a AND OR NOT",
        "title:glutes",
        "\"unclosed",
        "(((",
        "^x",
        "-",
        "glute*",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
    ] {
        let page = app.get(&format!("/search?q={}", urlencode(query))).await;
        assert_eq!(page.status, 200, "{query}");
        assert!(!page.body.contains("<script>alert(1)"), "{query} escaped");
    }
    let empty = app.ok("/search?q=zzzzqqq").await;
    assert!(empty.text("p.count").contains("Nothing found"));
    assert!(
        !empty.attrs("ul.suggestions a", "href").is_empty(),
        "helpful empty state"
    );
    let long = "a".repeat(201);
    assert_eq!(app.get(&format!("/search?q={long}")).await.status, 400);
    assert_eq!(
        app.get(&format!("/search?q={}", "a".repeat(200)))
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn the_self_check_maps_answers_to_advice() {
    let app = spawn_app().await;
    let blank = app.ok("/self-check").await;
    assert_eq!(
        blank.attrs("fieldset", "class").len(),
        0,
        "no errors on a blank form"
    );
    assert!(blank.all_text().contains("not medical advice"));

    let weak = app
        .ok("/self-check?sitting=over-8&knee_pain=often&back_pain=sometimes&glutes=yes&hip_flexors=yes")
        .await;
    assert!(weak.text("section.result h2").contains("Many signs"));
    let links = weak.attrs("section.result a", "href");
    assert!(links.contains(&"/programs/posterior-chain-4-week".to_string()));
    assert!(links.contains(&"/exercises/hip-flexor-stretch".to_string()));
    assert!(weak.all_text().contains("physiotherapist"));

    let calm = app
        .ok("/self-check?sitting=under-4&knee_pain=no&back_pain=no&glutes=no&hip_flexors=no")
        .await;
    assert!(calm.text("section.result h2").contains("Few signs"));

    let partial = app.get("/self-check?sitting=over-8&knee_pain=banana").await;
    assert_eq!(partial.status, 400);
    assert_eq!(
        partial.attrs("fieldset.invalid", "aria-describedby").len(),
        4,
        "four problems marked"
    );
    assert_eq!(
        partial.attrs("input[name=sitting][checked]", "value"),
        ["over-8"],
        "answers kept"
    );
}

/// Follows links from `/` as a crawler would: links without query strings, and the
/// pages of long lists (`?page=N`).
async fn crawl(app: &TestApp) -> BTreeSet<String> {
    let mut seen = BTreeSet::from(["/".to_string()]);
    let mut queue = VecDeque::from(["/".to_string()]);
    while let Some(path) = queue.pop_front() {
        let page = app.get(&path).await;
        assert_eq!(page.status, 200, "crawled {path}");
        for href in page.attrs("a[href]", "href") {
            let target = href.split('#').next().unwrap_or_default().to_string();
            let query = target.split_once('?').map(|(_, q)| q);
            let paged = query.is_some_and(|q| {
                q.strip_prefix("page=")
                    .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
            });
            if target.starts_with('/')
                && (query.is_none() || paged)
                && !target.contains('.')
                && seen.insert(target.clone())
            {
                queue.push_back(target);
            }
        }
    }
    seen
}

/// Whether `text` says "program" or "programs" as a word, where British English wants
/// "programme".
fn says_program(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.match_indices("program").any(|(at, word)| {
        let before = lower[..at].chars().next_back();
        !before.is_some_and(char::is_alphanumeric) && !lower[at + word.len()..].starts_with("me")
    })
}

#[test]
fn says_program_finds_the_american_spelling_only() {
    assert!(says_program("Training programs"));
    assert!(says_program("Program: home"));
    assert!(!says_program("Training programmes"));
    assert!(!says_program("the programme's time"));
    assert!(!says_program("Deprogram"));
}

#[tokio::test]
async fn pages_say_programme_wherever_a_runner_reads_it() {
    let app = spawn_app().await;
    let mut paths: Vec<String> = crawl(&app).await.into_iter().collect();
    paths.extend(
        [
            "/search?q=posterior%20chain",
            "/plan?program=auto&goal=posterior-chain&level=beginner&place=home&equipment=swiss-ball&days=mon,wed,fri&long_run=sun&hard=tue&start=2026-12-07&sessions=2",
            "/plan?program=nope&place=home&days=mon,thu&start=2026-12-07",
            "/self-check?sitting=over-8&knee_pain=often&back_pain=sometimes&glutes=yes&hip_flexors=yes",
            "/no-such-page",
        ]
        .map(String::from),
    );
    for path in &paths {
        let page = app.get(path).await;
        let words = [
            page.all_text(),
            page.text("title"),
            page.attrs("meta[name=description]", "content").join(" "),
            page.attrs("meta[property=\"og:description\"]", "content")
                .join(" "),
            page.attrs("[aria-label]", "aria-label").join(" "),
            page.attrs("img[alt]", "alt").join(" "),
        ];
        for text in words {
            assert!(!says_program(&text), "{path} says program: {text}");
        }
    }
    for path in [
        "/programs/posterior-chain-4-week.ics?start=2026-11-30&days=mon,thu",
        "/plan.ics?program=home&place=home&days=mon,thu&start=2026-12-07&sessions=2",
    ] {
        let events = calendar_events(&app.ok(path).await);
        assert!(!events.is_empty(), "{path}");
        for event in events {
            // Addresses keep their /programs/ paths and program= parameter.
            let description = event
                .description
                .replace("/programs/", "/")
                .replace("program=", "=");
            assert!(!says_program(&event.summary), "{path}: {}", event.summary);
            assert!(!says_program(&description), "{path}: {description}");
        }
    }
    let feed = app.ok("/feed.atom").await.body.replace("/programs/", "/");
    assert!(!says_program(&feed), "the feed says program");
}

#[tokio::test]
async fn the_sitemap_lists_exactly_the_pages_a_crawler_finds() {
    let app = spawn_app().await;
    let xml = app.ok("/sitemap.xml").await.body;
    let doc = roxmltree::Document::parse(&xml).expect("sitemap parses");
    let listed: BTreeSet<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .map(|url| {
            url.trim_start_matches("https://runstrong.example")
                .to_string()
        })
        .collect();
    assert_eq!(listed, crawl(&app).await);
}

#[tokio::test]
async fn every_url_the_site_lists_for_its_checks_answers() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let source = runstrong::pages::Source {
        content: crate::helpers::repo_path("content"),
        db: dir.path().join("urls.db"),
        public_url: "https://runstrong.example".into(),
    };
    let urls = runstrong::pages::Pages::open(&source)
        .expect("content builds")
        .urls()
        .expect("urls render");
    let live = urls.iter().filter(|u| u.contains('?')).count();
    assert!(live >= 8, "every live page lists an example: {live}");
    for url in &urls {
        app.ok(url).await;
    }
    let sitemap = app.ok("/sitemap.xml").await.body;
    // The offline page shows what one device holds: listed for the checks, not the sitemap.
    for url in urls.iter().filter(|u| !u.contains('?') && *u != "/offline") {
        assert!(
            sitemap.contains(&format!("<loc>https://runstrong.example{url}</loc>")),
            "{url} is listed but not in the sitemap"
        );
    }
}

#[tokio::test]
async fn the_feed_and_open_data_parse() {
    let app = spawn_app().await;
    let content = content();
    let feed = app.ok("/feed.atom").await;
    assert!(
        feed.header("content-type")
            .starts_with("application/atom+xml")
    );
    let doc = roxmltree::Document::parse(&feed.body).expect("feed parses");
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("entry"))
            .count(),
        content.articles.len()
    );

    // Rendered when first asked for, then kept: the same bytes, type and ETag each time.
    let first = app.ok("/api/exercises.json").await;
    let again = app.ok("/api/exercises.json").await;
    assert_eq!(first.header("content-type"), "application/json");
    assert_eq!(first.header("etag"), again.header("etag"));
    assert_eq!(first.body, again.body);
    let sitemap = app.ok("/sitemap.xml").await;
    assert!(!sitemap.body.contains("/api/"), "open data is not a page");
    let exercises: serde_json::Value = serde_json::from_str(&first.body).expect("json");
    assert_eq!(
        exercises.as_array().map(Vec::len),
        Some(content.exercises.len())
    );
    let tuck = exercises
        .as_array()
        .and_then(|a| a.iter().find(|e| e["slug"] == "tuck-jump"))
        .expect("tuck jump");
    assert_eq!(
        (
            tuck["sets"].as_u64(),
            tuck["reps"].as_u64(),
            tuck["rest_seconds"].as_u64()
        ),
        (Some(1), Some(5), Some(45))
    );

    let equipment = app.ok("/api/equipment.json").await;
    assert!(!equipment.header("etag").is_empty() && !equipment.header("cache-control").is_empty());
    let equipment: serde_json::Value = serde_json::from_str(&equipment.body).expect("json");
    let bands = equipment
        .as_array()
        .and_then(|a| a.iter().find(|e| e["slug"] == "exercise-bands"))
        .expect("bands");
    assert_eq!(bands["price_min_gbp"], "3.99");
    assert_eq!(bands["price_max_gbp"], "7.39");
    assert_eq!(bands["priority"], 4);

    let programs: serde_json::Value =
        serde_json::from_str(&app.ok("/api/programs.json").await.body).expect("json");
    assert_eq!(
        programs.as_array().map(Vec::len),
        Some(content.programs.len())
    );
    assert!(
        app.ok("/robots.txt")
            .await
            .body
            .contains("Sitemap: https://runstrong.example/sitemap.xml")
    );
}

fn json_ld(page: &crate::helpers::Page) -> serde_json::Value {
    let scripts = page.texts("script[type=\"application/ld+json\"]");
    serde_json::from_str(scripts.first().expect("JSON-LD present")).expect("JSON-LD parses")
}

#[tokio::test]
async fn pages_carry_metadata_and_structured_data() {
    let app = spawn_app().await;
    let article = app.ok("/articles/plyometrics").await;
    assert_eq!(json_ld(&article)["@type"], "Article");
    assert_eq!(
        article.attrs("link[rel=canonical]", "href"),
        ["https://runstrong.example/articles/plyometrics"]
    );
    assert_eq!(
        article.attrs("meta[property=\"og:url\"]", "content"),
        ["https://runstrong.example/articles/plyometrics"]
    );
    let exercise = app.ok("/exercises/glute-bridge").await;
    let howto = json_ld(&exercise);
    assert_eq!(howto["@type"], "HowTo");
    assert!(howto["step"].as_array().is_some_and(|s| !s.is_empty()));
    let product = json_ld(&app.ok("/equipment/medicine-ball").await);
    assert_eq!(product["@type"], "Product");
    assert_eq!(product["offers"]["@type"], "AggregateOffer");
    assert_eq!(product["offers"]["lowPrice"], "8.95");
    assert_eq!(product["offers"]["highPrice"], "24.95");
    assert_eq!(product["offers"]["priceCurrency"], "GBP");
    for path in [
        "/",
        "/exercises/",
        "/programs/home",
        "/equipment/",
        "/self-check",
        "/search",
    ] {
        let page = app.ok(path).await;
        assert!(
            !page
                .attrs("meta[property=\"og:title\"]", "content")
                .join("")
                .is_empty(),
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_self_check_offers_benchmarks_with_targets_and_a_place_to_start() {
    let app = spawn_app().await;
    let page = app.ok("/self-check").await;
    let names = page.texts("section.benchmarks h3");
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(names[0].starts_with("Calf endurance"));
    let text = page.text("section.benchmarks");
    assert!(text.contains("25 or more on each leg"), "{text}");
    assert!(text.contains("skip any test that hurts"));
    let links = page.attrs("section.benchmarks a", "href");
    assert_eq!(links.len(), 8, "an exercise and a programme each");
    for href in links {
        app.ok(&href).await;
    }
    assert!(
        page.attrs("section.benchmarks a", "href")
            .contains(&"/programs/calf-achilles-durability".to_string())
    );
}
