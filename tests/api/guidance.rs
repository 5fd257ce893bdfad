//! The articles runners arrive with questions for: injuries, the running week, effort,
//! warm-ups, older and women runners. Each page is served and structured as promised;
//! `discovery` checks that search finds them by the words runners type.

use crate::helpers::spawn_app;

const INJURIES: &[&str] = &[
    "achilles-pain",
    "runners-knee",
    "it-band-pain",
    "shin-pain",
    "plantar-heel-pain",
    "high-hamstring-pain",
];

#[tokio::test]
async fn every_injury_page_explains_helps_and_says_when_to_get_help() {
    let app = spawn_app().await;
    for slug in INJURIES {
        let page = app.ok(&format!("/articles/{slug}")).await;
        let headings = page.texts(".prose h2");
        assert!(
            headings.iter().any(|h| h.starts_with("What it is")),
            "{slug}: {headings:?}"
        );
        assert!(
            headings.iter().any(|h| h.starts_with("What helps")),
            "{slug}: {headings:?}"
        );
        assert_eq!(
            page.attrs(".prose h2#when-to-see-a-physiotherapist-or-doctor", "id")
                .len(),
            1,
            "{slug} has its red-flags section: {headings:?}"
        );
        let text = page.text(".prose");
        assert!(
            text.contains("cannot diagnose you"),
            "{slug} is not a diagnosis"
        );
        // Strength advice links to exercises a runner can look up.
        assert!(
            page.attrs(".prose a", "href")
                .iter()
                .filter(|h| h.starts_with("/exercises/"))
                .count()
                >= 3,
            "{slug} links its exercises"
        );
    }
    let shins = app.ok("/articles/shin-pain").await;
    assert!(
        shins
            .texts(".prose h2")
            .iter()
            .any(|h| h.contains("Bone stress injuries")),
        "bone stress injury is named as the red flag"
    );
}

#[tokio::test]
async fn the_guidance_articles_cover_what_runners_ask() {
    let app = spawn_app().await;
    let week = app.ok("/articles/running-week").await.all_text();
    for words in [
        "Three runs",
        "Four runs",
        "Five runs",
        "Six runs",
        "Hard days hard",
        "In season",
        "Taper",
        "one-slot",
    ] {
        assert!(week.contains(words), "running week covers {words}");
    }
    let effort = app.ok("/articles/effort").await;
    let rows = effort.texts(".prose table tbody tr");
    assert!(rows.iter().any(|r| r.starts_with("6 4 ")), "{rows:?}");
    assert!(rows.iter().any(|r| r.starts_with("8 2 ")), "{rows:?}");
    // Week 1 of every programme and the basics article agree on RPE 6.
    let basics = app
        .ok("/articles/strength-training-basics")
        .await
        .all_text();
    assert!(basics.contains("about four left in reserve (RPE 6)"));
    // `content_depth` checks every programme's week 1 against the same RPE 6.
    let women = app.ok("/articles/women-runners").await.all_text();
    for topic in [
        "menstrual cycle",
        "RED-S",
        "Pregnancy",
        "pelvic floor",
        "Bone health",
    ] {
        assert!(women.contains(topic), "women runners covers {topic}");
    }
    let quads = app.ok("/muscles/quadriceps").await.all_text();
    assert!(!quads.contains("rarely weak"));
    assert!(quads.contains("first-line treatment"));
}
