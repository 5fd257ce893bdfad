//! Home, articles, errors, headers and Markdown handling, through the real server.

use std::collections::HashSet;

use crate::helpers::{content, content_copy, spawn_app, spawn_app_with};

#[tokio::test]
async fn home_says_what_the_site_is_and_links_every_starting_point() {
    let app = spawn_app().await;
    let page = app.ok("/").await;
    assert_eq!(page.texts("h1").len(), 1);
    assert!(page.text("h1").contains("Stronger legs"));
    let links = page.attrs("main a", "href");
    for target in [
        "/programs/home",
        "/programs/gym",
        "/programs/plyometric",
        "/articles/",
    ] {
        assert!(
            links.iter().any(|l| l == target),
            "home links {target}: {links:?}"
        );
    }
    assert!(
        links
            .iter()
            .any(|l| l.starts_with("/articles/posterior-chain"))
    );
}

#[tokio::test]
async fn every_article_is_listed_and_served_with_its_facts() {
    let app = spawn_app().await;
    let content = content();
    let index = app.ok("/articles/").await;
    let listed = index.attrs("main ul.cards a", "href");
    assert_eq!(listed.len(), content.articles.len());
    for article in &content.articles {
        let path = format!("/articles/{}", article.slug);
        assert!(listed.contains(&path), "{path} listed on /articles/");
        assert!(index.all_text().contains(&article.summary));
        let page = app.ok(&path).await;
        assert_eq!(page.texts("h1"), std::slice::from_ref(&article.title));
        assert!(
            page.text("p.meta").contains("min read"),
            "{path} shows reading time"
        );
        assert_eq!(
            page.attrs("p.meta time", "datetime"),
            std::slice::from_ref(&article.updated),
            "{path} dates itself"
        );
        assert!(
            page.text("p.meta")
                .contains(&runstrong::views::format::long_date(&article.updated)),
            "{path} shows its date"
        );
    }
    let slugs: HashSet<_> = content.articles.iter().map(|a| a.slug.as_str()).collect();
    for slug in [
        "posterior-chain",
        "plyometrics",
        "running-mechanics",
        "free-weights-vs-machines",
        "strength-training-basics",
    ] {
        assert!(slugs.contains(slug), "article {slug} exists");
    }
}

#[tokio::test]
async fn articles_state_the_seed_facts_correctly() {
    let app = spawn_app().await;
    let plyo = app.ok("/articles/plyometrics").await.all_text();
    assert!(
        plyo.contains("20") && plyo.contains("30 minute"),
        "session length"
    );
    assert!(
        plyo.contains("2 out of 5") || plyo.contains("2 of 5"),
        "difficulty"
    );
    assert!(plyo.contains("17"), "60% to 70% is about 17% more force");
    assert!(!plyo.contains("10% extra force") && !plyo.contains("10% more force"));
    let chain = app.ok("/articles/posterior-chain").await.all_text();
    for muscle in ["calves", "hamstrings", "glutes", "lower back"] {
        assert!(
            chain.to_lowercase().contains(muscle),
            "posterior chain names {muscle}"
        );
    }
}

#[tokio::test]
async fn article_headings_have_unique_ids_and_the_toc_points_at_them() {
    let app = spawn_app().await;
    for article in content().articles {
        let page = app.ok(&format!("/articles/{}", article.slug)).await;
        let ids = page.attrs("[id]", "id");
        let unique: HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "duplicate ids on {}", article.slug);
        let toc = page.attrs("nav.toc a", "href");
        assert!(!toc.is_empty(), "{} has a table of contents", article.slug);
        for href in toc {
            let id = href.trim_start_matches('#');
            assert!(
                ids.iter().any(|i| i == id),
                "toc target {href} exists on {}",
                article.slug
            );
        }
    }
}

#[tokio::test]
async fn titles_and_descriptions_are_unique() {
    let app = spawn_app().await;
    let mut titles = HashSet::new();
    let mut paths = vec![
        "/".to_string(),
        "/articles/".into(),
        "/exercises/".into(),
        "/programs/".into(),
        "/equipment/".into(),
        "/muscles/".into(),
    ];
    paths.extend(
        content()
            .articles
            .iter()
            .map(|a| format!("/articles/{}", a.slug)),
    );
    for path in paths {
        let page = app.ok(&path).await;
        let title = page.text("title");
        assert!(
            titles.insert(title.clone()),
            "title {title} repeated on {path}"
        );
        assert!(
            !page
                .attrs("meta[name=description]", "content")
                .join("")
                .is_empty(),
            "{path} has a description"
        );
        assert_eq!(page.texts("h1").len(), 1, "{path} has one h1");
    }
}

#[tokio::test]
async fn unknown_pages_get_a_404_page_with_a_way_back() {
    let app = spawn_app().await;
    let page = app.get("/no/such/page").await;
    assert_eq!(page.status, 404);
    assert!(page.header("content-type").starts_with("text/html"));
    assert!(page.text("h1").contains("could not find"));
    assert!(page.attrs("main a", "href").contains(&"/".to_string()));
    assert!(
        page.attrs("nav a", "href")
            .contains(&"/exercises/".to_string()),
        "404 keeps the navigation"
    );
}

#[tokio::test]
async fn list_pages_redirect_to_their_trailing_slash() {
    let app = spawn_app().await;
    for path in [
        "/articles",
        "/exercises",
        "/programs",
        "/equipment",
        "/muscles",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 308, "{path}");
        assert_eq!(page.header("location"), format!("{path}/"));
    }
    let page = app.get("/exercises?muscle=glutes").await;
    assert_eq!(page.header("location"), "/exercises/?muscle=glutes");
}

#[tokio::test]
async fn health_check_answers() {
    let app = spawn_app().await;
    let health = app.get("/healthz").await;
    assert_eq!(health.status, 200);
    // The content's version and when it was loaded, so a reload can be seen.
    let lines: Vec<&str> = health.body.lines().collect();
    assert_eq!(lines[0], "ok");
    let version = lines[1].strip_prefix("version: ").expect("a version line");
    assert_eq!(version.len(), 16);
    assert!(version.chars().all(|c| c.is_ascii_hexdigit()), "{version}");
    let loaded = lines[2].strip_prefix("loaded: ").expect("a loaded line");
    assert!(
        chrono::DateTime::parse_from_rfc3339(loaded).is_ok(),
        "{loaded}"
    );
    assert_eq!(health.header("cache-control"), "no-store");
    // The same content gives the same version on every instance.
    let other = spawn_app().await;
    assert_eq!(
        other.get("/healthz").await.body.lines().nth(1),
        Some(lines[1])
    );
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    let css = app.stylesheet().await;
    for path in [
        "/",
        "/no/such/page",
        "/exercises/?muscle=nonsense",
        css.as_str(),
        "/healthz",
    ] {
        let page = app.get(path).await;
        let csp = page.header("content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert_eq!(page.header("x-content-type-options"), "nosniff", "{path}");
        assert!(!page.header("referrer-policy").is_empty(), "{path}");
        assert!(!page.header("permissions-policy").is_empty(), "{path}");
    }
}

#[tokio::test]
async fn raw_html_in_content_is_sanitised_on_the_page() {
    let dir = content_copy();
    std::fs::write(
        dir.path().join("articles/hostile.md"),
        "+++\ntitle = \"Hostile\"\nsummary = \"Tries to run script.\"\nupdated = 2026-11-28\n+++\n## Hello\n\n<script>alert(1)</script>\n\n<img src=\"x.png\" alt=\"x\" onerror=\"alert(2)\">\n\n[click](javascript:alert(3)) and <a href=\"javascript:alert(4)\" onclick=\"alert(5)\">this</a>\n",
    )
    .expect("write fixture");
    let app = spawn_app_with(dir.path()).await;
    let page = app.ok("/articles/hostile").await;
    let prose = page
        .html()
        .select(&scraper::Selector::parse(".prose").expect("selector"))
        .next()
        .expect("prose")
        .html()
        .to_lowercase();
    assert!(!prose.contains("<script"), "{prose}");
    assert!(
        !prose.contains("onerror") && !prose.contains("onclick"),
        "{prose}"
    );
    assert!(!prose.contains("javascript:"), "{prose}");
    assert!(prose.contains(r#"<h2 id="hello">"#), "{prose}");
}

#[tokio::test]
async fn internal_links_in_content_become_site_urls() {
    let app = spawn_app().await;
    let page = app.ok("/articles/posterior-chain").await;
    let links = page.attrs(".prose a", "href");
    assert!(!links.is_empty());
    assert!(links.iter().all(|l| !l.starts_with("@/")), "{links:?}");
    for link in links.iter().filter(|l| l.starts_with('/')) {
        let path = link.split('#').next().unwrap_or_default();
        assert_eq!(app.get(path).await.status, 200, "link {link} resolves");
    }
}
