//! The exercise library: seed numbers, filters computed from content, the body map.

use std::collections::BTreeSet;

use runstrong::domain::{Category, Exercise, Level};

use crate::helpers::{Page, content, spawn_app};

fn listed(page: &Page) -> BTreeSet<String> {
    page.attrs("ul.exercises a", "href")
        .into_iter()
        .map(|h| h.trim_start_matches("/exercises/").to_string())
        .collect()
}

fn expected(exercises: &[Exercise], keep: impl Fn(&Exercise) -> bool) -> BTreeSet<String> {
    exercises
        .iter()
        .filter(|e| keep(e))
        .map(|e| e.slug.clone())
        .collect()
}

fn works(e: &Exercise, muscle: &str) -> bool {
    e.primary.iter().chain(&e.secondary).any(|m| m == muscle)
}

/// Every page of a list, from `first` on through each `rel="next"` link.
async fn all_pages(app: &crate::helpers::TestApp, first: &str) -> Vec<Page> {
    let mut pages = vec![app.ok(first).await];
    while let Some(next) = pages
        .last()
        .and_then(|p| p.attrs("a[rel=next]", "href").into_iter().next())
    {
        assert!(pages.len() < 100, "the pages of {first} never end");
        pages.push(app.ok(&next).await);
    }
    pages
}

/// The exercises a filtered list shows over all its pages.
async fn listed_everywhere(app: &crate::helpers::TestApp, first: &str) -> BTreeSet<String> {
    all_pages(app, first)
        .await
        .iter()
        .flat_map(listed)
        .collect()
}

#[tokio::test]
async fn the_library_lists_every_exercise_with_a_count() {
    let app = spawn_app().await;
    let all = content().exercises;
    let pages = all_pages(&app, "/exercises/").await;
    let page = &pages[0];
    let every: BTreeSet<String> = pages.iter().flat_map(listed).collect();
    assert_eq!(every, expected(&all, |_| true));
    assert!(
        page.text("p.count")
            .contains(&format!("{} exercises", all.len()))
    );
}

#[tokio::test]
async fn each_filter_and_a_combination_return_exactly_the_right_exercises() {
    let app = spawn_app().await;
    let all = content().exercises;
    for muscle in ["hamstrings", "glutes", "calves", "triceps"] {
        let page = listed_everywhere(&app, &format!("/exercises/?muscle={muscle}")).await;
        assert_eq!(
            page,
            expected(&all, |e| works(e, muscle)),
            "muscle={muscle}"
        );
    }
    for kit in ["swiss-ball", "barbell", "exercise-bands"] {
        let page = listed_everywhere(&app, &format!("/exercises/?equipment={kit}")).await;
        assert_eq!(
            page,
            expected(&all, |e| e.equipment.iter().any(|q| q == kit)),
            "equipment={kit}"
        );
    }
    let page = listed_everywhere(&app, "/exercises/?equipment=none").await;
    let bodyweight = expected(&all, |e| e.equipment.is_empty());
    assert!(!bodyweight.is_empty());
    assert_eq!(page, bodyweight);
    for category in Category::ALL {
        let page =
            listed_everywhere(&app, &format!("/exercises/?category={}", category.slug())).await;
        assert_eq!(
            page,
            expected(&all, |e| e.category == *category),
            "category {category:?}"
        );
    }
    for level in Level::ALL {
        let page = listed_everywhere(&app, &format!("/exercises/?level={}", level.slug())).await;
        assert_eq!(
            page,
            expected(&all, |e| e.level == *level),
            "level {level:?}"
        );
    }
    let combination = "/exercises/?muscle=hamstrings&equipment=none&level=beginner";
    let combined = expected(&all, |e| {
        works(e, "hamstrings") && e.equipment.is_empty() && e.level == Level::Beginner
    });
    assert_eq!(listed_everywhere(&app, combination).await, combined);
    let page = app.ok(combination).await;
    assert!(page.text("p.count").contains("match these filters"));
}

#[tokio::test]
async fn an_empty_result_says_so_and_offers_to_clear() {
    let app = spawn_app().await;
    let all = content().exercises;
    assert!(
        expected(&all, |e| e.category == Category::Mobility
            && e.equipment.iter().any(|q| q == "barbell"))
        .is_empty()
    );
    let page = app
        .ok("/exercises/?category=mobility&equipment=barbell")
        .await;
    assert!(listed(&page).is_empty());
    assert!(page.text("p.count").contains("No exercises"));
    assert!(
        page.attrs("main a", "href")
            .contains(&"/exercises/".to_string())
    );
}

#[tokio::test]
async fn unknown_filter_values_get_a_400_naming_the_value_and_the_valid_ones() {
    let app = spawn_app().await;
    let page = app.get("/exercises/?muscle=wings").await;
    assert_eq!(page.status, 400);
    let text = page.all_text();
    assert!(text.contains("\"wings\""), "{text}");
    assert!(
        text.contains("hamstrings") && text.contains("glutes"),
        "lists valid muscles"
    );
    for query in [
        "equipment=trampoline",
        "category=yoga",
        "level=expert",
        "muscle=glutes&muscle=calves",
    ] {
        assert_eq!(
            app.get(&format!("/exercises/?{query}")).await.status,
            400,
            "{query}"
        );
    }
    let page = app
        .get("/exercises/?level=%3Cscript%3Ealert(1)%3C/script%3E")
        .await;
    assert_eq!(page.status, 400);
    assert!(
        !page.body.contains("<script>alert(1)"),
        "echoed values are escaped"
    );
}

#[tokio::test]
async fn seed_numbers_appear_on_exercise_pages() {
    let app = spawn_app().await;
    let cases = [
        ("lateral-bound", "2 × 5", "45 s"),
        ("split-squat-jump", "2 × 5", "45 s"),
        ("clap-press-up", "2 × 5", "45 s"),
        ("squat-jump", "2 × 5", "45 s"),
        ("tuck-jump", "1 × 5", "45 s"),
        ("tube-upright-row", "2 × 15", "45 s"),
        ("medicine-ball-squat-to-reach", "2 × 15", "45 s"),
        ("swiss-ball-hamstring-curl", "2 × 30 s", "30 s"),
        ("swiss-ball-russian-twist", "2 × 15", "45 s"),
        ("band-overhead-triceps-extension", "1 × 15", "45 s"),
    ];
    for (slug, dose, rest) in cases {
        let page = app.ok(&format!("/exercises/{slug}")).await;
        let facts = page.text("dl.facts");
        assert!(facts.contains(dose), "{slug}: {dose} in {facts}");
        assert!(
            facts.contains(&format!("{rest} between sets")),
            "{slug}: {rest} in {facts}"
        );
    }
    let clap = app.ok("/exercises/clap-press-up").await;
    assert!(
        clap.attrs("section a", "href")
            .contains(&"/exercises/press-up".to_string()),
        "regression to press-ups"
    );
}

#[tokio::test]
async fn every_exercise_page_shows_its_parts_and_links_resolve() {
    let app = spawn_app().await;
    for exercise in content().exercises {
        let path = format!("/exercises/{}", exercise.slug);
        let page = app.ok(&path).await;
        assert_eq!(page.texts("h1"), std::slice::from_ref(&exercise.name));
        assert_eq!(
            page.texts("ol.steps li").len(),
            exercise.steps.len(),
            "{path} steps"
        );
        let text = page.all_text();
        assert!(text.contains(&exercise.safety), "{path} safety note");
        for slug in exercise
            .easier
            .iter()
            .chain(&exercise.harder)
            .chain(&exercise.substitutes)
        {
            assert!(
                page.attrs("a", "href")
                    .contains(&format!("/exercises/{slug}")),
                "{path} links {slug}"
            );
        }
        if let Some(plyo) = exercise.plyometric {
            assert!(
                page.text("dl.facts")
                    .contains(&format!("{} per set", plyo.contacts)),
                "{path} contacts"
            );
        }
    }
}

#[tokio::test]
async fn the_body_map_highlights_exactly_the_exercise_muscles() {
    let app = spawn_app().await;
    let mut every_muscle = runstrong::domain::muscles::MUSCLE_SLUGS.to_vec();
    every_muscle.sort_unstable();
    assert_eq!(every_muscle.len(), 16);
    for exercise in content().exercises {
        let page = app.ok(&format!("/exercises/{}", exercise.slug)).await;
        let strong: BTreeSet<String> = page
            .attrs("svg g.m.primary", "data-muscle")
            .into_iter()
            .collect();
        let light: BTreeSet<String> = page
            .attrs("svg g.m.secondary", "data-muscle")
            .into_iter()
            .collect();
        let primary: BTreeSet<String> = exercise.primary.iter().cloned().collect();
        let secondary: BTreeSet<String> = exercise
            .secondary
            .iter()
            .filter(|m| !primary.contains(*m))
            .cloned()
            .collect();
        assert_eq!(strong, primary, "{} primary", exercise.slug);
        assert_eq!(light, secondary, "{} secondary", exercise.slug);
        let mut drawn = page.attrs("svg g.m", "data-muscle");
        drawn.sort();
        assert_eq!(drawn, every_muscle, "all 16 muscles drawn, once each");
        let legend = page.text("figure.bodymap figcaption");
        assert!(
            legend.contains("Main movers"),
            "text legend, not colour alone"
        );
    }
}

#[tokio::test]
async fn muscle_pages_list_primary_movers_first() {
    let app = spawn_app().await;
    let all = content().exercises;
    let index = app.ok("/muscles/").await;
    assert_eq!(index.attrs("ul.cards a", "href").len(), 16);
    for muscle in ["hamstrings", "glutes", "calves", "shins"] {
        let page = app.ok(&format!("/muscles/{muscle}")).await;
        let primary: BTreeSet<String> = page
            .attrs("ul.movers.primary a", "href")
            .into_iter()
            .collect();
        let expected_primary: BTreeSet<String> = all
            .iter()
            .filter(|e| e.primary.iter().any(|m| m == muscle))
            .map(|e| format!("/exercises/{}", e.slug))
            .collect();
        assert_eq!(primary, expected_primary, "{muscle} main movers");
    }
}

#[tokio::test]
async fn the_body_map_svg_stays_small() {
    let app = spawn_app().await;
    let page = app.ok("/exercises/squat").await;
    let start = page.body.find("<svg").expect("svg present");
    let end = page.body.find("</svg>").expect("svg closed") + "</svg>".len();
    assert!(end - start < 15_000, "body map is {} bytes", end - start);
}
