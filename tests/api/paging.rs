//! Long lists split into pages: links between them, their addresses, and what a page
//! that does not exist answers.

use runstrong::pages::paging::CARDS_PER_PAGE;

use crate::helpers::{content, content_copy, spawn_app, spawn_app_with};

#[tokio::test]
async fn the_library_pages_link_each_other_and_name_their_neighbours() {
    let app = spawn_app().await;
    let first = app.ok("/exercises/").await;
    assert_eq!(
        first.attrs("link[rel=next]", "href"),
        ["/exercises/?page=2"]
    );
    assert!(first.attrs("link[rel=prev]", "href").is_empty());
    assert!(first.text("nav.pager").contains("Page 1 of"));
    assert_eq!(
        first.attrs("nav.pager a[aria-current=page]", "href"),
        ["/exercises/"]
    );

    let second = app.ok("/exercises/?page=2").await;
    assert_eq!(second.attrs("link[rel=prev]", "href"), ["/exercises/"]);
    assert_eq!(second.attrs("a[rel=prev]", "href"), ["/exercises/"]);
    assert_eq!(
        second.attrs("link[rel=canonical]", "href"),
        ["https://runstrong.example/exercises/?page=2"]
    );
    let cards = |page: &crate::helpers::Page| page.attrs("ul.exercises a", "href");
    assert!(
        cards(&first).iter().all(|c| !cards(&second).contains(c)),
        "no exercise is on two pages"
    );
    assert_eq!(
        cards(&first).len(),
        runstrong::pages::paging::CARDS_PER_PAGE
    );
}

#[tokio::test]
async fn filters_carry_into_the_links_between_pages() {
    let app = spawn_app().await;
    let strength = content()
        .exercises
        .iter()
        .filter(|e| e.category == runstrong::domain::Category::Strength)
        .count();
    assert!(
        strength > CARDS_PER_PAGE,
        "strength work fills more than a page"
    );
    let first = app.ok("/exercises/?category=strength").await;
    let links = first.attrs("nav.pager a", "href");
    assert!(!links.is_empty());
    for link in &links {
        assert!(link.starts_with("/exercises/?category=strength"), "{link}");
    }
    assert_eq!(
        first.attrs("a[rel=next]", "href"),
        ["/exercises/?category=strength&page=2"]
    );
    let second = app.ok("/exercises/?category=strength&page=2").await;
    assert_eq!(
        second.texts("ul.exercises > li").len(),
        strength - CARDS_PER_PAGE
    );
}

#[tokio::test]
async fn a_page_past_the_end_is_not_found_and_a_bad_number_is_explained() {
    let app = spawn_app().await;
    assert_eq!(app.get("/exercises/?page=99").await.status, 404);
    assert_eq!(app.get("/muscles/glutes?page=2").await.status, 404);
    let bad = app.get("/exercises/?page=zero").await;
    assert_eq!(bad.status, 400);
    assert!(
        bad.all_text()
            .contains("page \"zero\" is not a page number")
    );
    assert_eq!(app.get("/exercises/?page=0").await.status, 400);
    // Page 1 is the bare address, however it is asked for.
    assert_eq!(
        app.ok("/muscles/glutes?page=1").await.body,
        app.ok("/muscles/glutes").await.body
    );
}

#[tokio::test]
async fn search_results_come_a_page_at_a_time() {
    let app = spawn_app().await;
    // Nearly every page mentions running.
    let first = app.ok("/search?q=run").await;
    let count = first.text("p.count");
    let total: usize = count
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a result count: {count}"));
    assert!(total > 30, "{count}");
    assert_eq!(first.attrs("ol.results > li", "class").len(), 0);
    assert_eq!(first.texts("ol.results > li").len(), 30);
    let next = first.attrs("a[rel=next]", "href");
    assert_eq!(next, ["/search?q=run&page=2"]);
    let second = app.ok(&next[0]).await;
    let last_page = total.div_ceil(30);
    assert!(
        second
            .text("nav.pager")
            .contains(&format!("Page 2 of {last_page}"))
    );
    assert_ne!(
        first.texts("ol.results > li"),
        second.texts("ol.results > li")
    );
}

#[tokio::test]
async fn a_later_page_of_a_muscle_is_rendered_when_first_asked_for() {
    // Forty more glute exercises give the glutes a second page of links, which the
    // server renders on its first request rather than at start-up.
    let dir = content_copy();
    let exercises = dir.path().join("exercises");
    let source = std::fs::read_to_string(exercises.join("glute-bridge.md")).expect("read");
    for n in 1..=40 {
        let copy = source.replacen(
            "name = \"Glute bridge\"",
            &format!("name = \"Glute bridge, copy {n}\""),
            1,
        );
        std::fs::write(exercises.join(format!("glute-bridge-copy-{n}.md")), copy).expect("write");
    }
    let app = spawn_app_with(dir.path()).await;
    let first = app.ok("/muscles/glutes").await;
    assert_eq!(
        first.attrs("link[rel=next]", "href"),
        ["/muscles/glutes?page=2"]
    );
    let second = app.ok("/muscles/glutes?page=2").await;
    assert_eq!(
        second.attrs("link[rel=canonical]", "href"),
        ["https://runstrong.example/muscles/glutes?page=2"]
    );
    assert!(second.text("nav.pager").contains("Page 2 of 2"));
    let links = |page: &crate::helpers::Page| page.attrs("ul.movers a", "href");
    assert!(!links(&second).is_empty());
    assert!(links(&second).iter().all(|l| !links(&first).contains(l)));
    assert_eq!(
        second.header("etag"),
        app.ok("/muscles/glutes?page=2").await.header("etag")
    );
    assert_eq!(app.get("/muscles/glutes?page=3").await.status, 404);
    assert_eq!(app.get("/muscles/no-such-muscle?page=2").await.status, 404);
}

#[test]
fn later_pages_export_beside_the_first() {
    use runstrong::export::file_for;
    assert_eq!(
        file_for("/exercises/?page=2"),
        std::path::PathBuf::from("exercises/page-2.html")
    );
    assert_eq!(
        file_for("/muscles/glutes?page=3"),
        std::path::PathBuf::from("muscles/glutes/page-3.html")
    );
}
