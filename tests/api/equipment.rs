//! The equipment guide: seed prices and priorities, sorting, comparison and budget.

use crate::helpers::{Page, content, spawn_app};

/// Slug, price as printed, priority, words from each household alternative.
type Item = (&'static str, &'static str, u8, &'static [&'static str]);

/// The buying guide's first five items, with prices checked on 28 November 2026.
const SEED: &[Item] = &[
    ("exercise-bands", "£3.99–£7.39", 4, &[]),
    ("resistance-tubes", "£8.95–£13.99", 3, &[]),
    (
        "aerobic-step",
        "£15.99",
        1,
        &["chair", "low table", "Swiss ball"],
    ),
    ("swiss-ball", "£9.95–£15.95", 5, &["football"]),
    (
        "medicine-ball",
        "£8.95–£24.95",
        2,
        &["plant pot", "vacuum cleaner", "5-litre water bottle"],
    ),
];

/// Items added later, with typical price ranges dated 4 December 2026.
const ADDED: &[Item] = &[
    (
        "dumbbells",
        "£20.00–£70.00",
        4,
        &["water bottles", "rucksack"],
    ),
    ("kettlebell", "£15.00–£50.00", 3, &["dumbbell", "rucksack"]),
    ("plyo-box", "£45.00–£130.00", 1, &["bottom stair", "bench"]),
    ("loop-band", "£4.99–£14.99", 3, &["exercise band"]),
];

fn table_order(page: &Page) -> Vec<String> {
    page.attrs("table.compare tbody th a", "href")
        .into_iter()
        .map(|h| h.trim_start_matches("/equipment/").to_string())
        .collect()
}

#[tokio::test]
async fn every_seed_price_priority_and_alternative_is_shown() {
    let app = spawn_app().await;
    let table = app.ok("/equipment/").await;
    let rows = table.texts("table.compare tbody tr");
    assert_eq!(rows.len(), SEED.len() + ADDED.len());
    let dated = SEED
        .iter()
        .map(|item| (item, "28 November 2026"))
        .chain(ADDED.iter().map(|item| (item, "4 December 2026")));
    for ((slug, price, priority, alternatives), checked) in dated {
        let row = rows
            .iter()
            .find(|r| r.contains(price))
            .unwrap_or_else(|| panic!("{price} in {rows:?}"));
        assert!(
            row.contains(&format!("{priority} out of 5")),
            "{slug}: {row}"
        );
        let page = app.ok(&format!("/equipment/{slug}")).await;
        let facts = page.text("dl.facts");
        assert!(
            facts.contains(price) && facts.contains(&format!("{priority} out of 5")),
            "{slug}: {facts}"
        );
        assert!(
            facts.contains(&format!("checked on {checked}")),
            "{slug} shows the price date"
        );
        let text = page.all_text();
        for alternative in *alternatives {
            assert!(text.contains(alternative), "{slug} names {alternative}");
            assert!(
                row.contains(alternative),
                "table row for {slug} names {alternative}"
            );
        }
        if alternatives.is_empty() {
            assert!(row.ends_with("None"), "{slug}: {row}");
        }
    }
    assert!(
        app.ok("/equipment/medicine-ball")
            .await
            .text("dl.facts")
            .contains("depending on weight")
    );
    for (slug, ..) in ADDED {
        let facts = app.ok(&format!("/equipment/{slug}")).await.text("dl.facts");
        assert!(
            facts.contains("typical UK range") && facts.contains("check current prices"),
            "{slug} says its price is a typical range to check: {facts}"
        );
    }
}

#[tokio::test]
async fn unlock_counts_and_item_pages_are_derived_from_the_library() {
    let app = spawn_app().await;
    let content = content();
    for (slug, ..) in SEED.iter().chain(ADDED) {
        let needing: Vec<_> = content
            .exercises
            .iter()
            .filter(|e| e.equipment.iter().any(|q| q == slug))
            .collect();
        let page = app.ok(&format!("/equipment/{slug}")).await;
        assert!(
            page.text("h2#unlocks")
                .contains(&format!("({})", needing.len())),
            "{slug}"
        );
        let links = page.attrs("a", "href");
        for exercise in needing {
            assert!(
                links.contains(&format!("/exercises/{}", exercise.slug)),
                "{slug} unlocks {}",
                exercise.slug
            );
        }
    }
    let ball = app.ok("/equipment/swiss-ball").await;
    assert!(
        ball.attrs("a", "href")
            .contains(&"/programs/home".to_string()),
        "the home program uses the ball"
    );
}

#[tokio::test]
async fn the_table_sorts_by_each_key_in_both_orders() {
    let app = spawn_app().await;
    // Equal priorities are ordered by name, in both directions.
    let by_priority = [
        "swiss-ball",
        "dumbbells",
        "exercise-bands",
        "kettlebell",
        "loop-band",
        "resistance-tubes",
        "medicine-ball",
        "aerobic-step",
        "plyo-box",
    ];
    assert_eq!(table_order(&app.ok("/equipment/").await), by_priority);
    assert_eq!(
        table_order(&app.ok("/equipment/?sort=priority&order=desc").await),
        by_priority
    );
    assert_eq!(
        table_order(&app.ok("/equipment/?sort=priority&order=asc").await),
        [
            "aerobic-step",
            "plyo-box",
            "medicine-ball",
            "kettlebell",
            "loop-band",
            "resistance-tubes",
            "dumbbells",
            "exercise-bands",
            "swiss-ball",
        ]
    );
    // Tubes and the medicine ball both start at £8.95; the lower top price comes first.
    let by_price = [
        "exercise-bands",
        "loop-band",
        "resistance-tubes",
        "medicine-ball",
        "swiss-ball",
        "kettlebell",
        "aerobic-step",
        "dumbbells",
        "plyo-box",
    ];
    assert_eq!(
        table_order(&app.ok("/equipment/?sort=price&order=asc").await),
        by_price
    );
    let mut dearest = by_price;
    dearest.reverse();
    assert_eq!(
        table_order(&app.ok("/equipment/?sort=price&order=desc").await),
        dearest
    );
    let content = content();
    let unlocks = |slug: &str| {
        content
            .exercises
            .iter()
            .filter(|e| e.equipment.iter().any(|q| q == slug))
            .count()
    };
    let order = table_order(&app.ok("/equipment/?sort=unlocks&order=desc").await);
    assert!(
        order.windows(2).all(|w| unlocks(&w[0]) >= unlocks(&w[1])),
        "{order:?}"
    );
    let order = table_order(&app.ok("/equipment/?sort=unlocks&order=asc").await);
    assert!(
        order.windows(2).all(|w| unlocks(&w[0]) <= unlocks(&w[1])),
        "{order:?}"
    );
}

#[tokio::test]
async fn max_price_filters_by_the_lowest_price() {
    let app = spawn_app().await;
    let page = app.ok("/equipment/?max_price=9").await;
    let mut order = table_order(&page);
    order.sort();
    assert_eq!(
        order,
        [
            "exercise-bands",
            "loop-band",
            "medicine-ball",
            "resistance-tubes"
        ]
    );
    assert!(page.text("p.count").contains("4 of 9"));
    let none = app.ok("/equipment/?max_price=1").await;
    assert!(table_order(&none).is_empty());
}

#[tokio::test]
async fn the_comparison_shows_the_same_rows_and_marks_differences() {
    let app = spawn_app().await;
    let page = app
        .ok("/equipment/compare?items=swiss-ball,medicine-ball")
        .await;
    assert_eq!(page.texts("table.side-by-side thead th").len(), 3);
    let rows = page.texts("table.side-by-side tbody tr");
    let price = rows
        .iter()
        .find(|r| r.starts_with("Price"))
        .expect("price row");
    assert!(price.contains("£9.95–£15.95") && price.contains("£8.95–£24.95"));
    assert!(
        page.texts("tr.differs")
            .iter()
            .any(|r| r.starts_with("Priority"))
    );
    assert!(
        !page
            .texts("tr.differs")
            .iter()
            .any(|r| r.starts_with("Prices checked")),
        "same date is not a difference"
    );
    let five = app.ok("/equipment/compare?items=swiss-ball,medicine-ball,aerobic-step,exercise-bands,resistance-tubes").await;
    assert_eq!(five.texts("table.side-by-side thead th").len(), 6);
}

#[tokio::test]
async fn the_budget_buys_by_priority_within_the_money() {
    let app = spawn_app().await;
    let page = app.ok("/equipment/budget?gbp=20").await;
    let order: Vec<String> = page.attrs("table.compare tbody th a", "href");
    // Dumbbells share the bands' four stars but do not fit what is left; the loop band,
    // at three stars, unlocks the most per pound of what still fits.
    assert_eq!(
        order,
        [
            "/equipment/swiss-ball",
            "/equipment/exercise-bands",
            "/equipment/loop-band"
        ]
    );
    assert!(
        page.text("p.total").contains("£18.93"),
        "{}",
        page.text("p.total")
    );
    assert!(page.text("p.total").contains("£1.07"));
    let all = app.ok("/equipment/budget?gbp=100").await;
    // Everything but the plyo box, which no longer fits.
    assert_eq!(all.attrs("table.compare tbody th a", "href").len(), 8);
    assert!(
        all.text("p.total").contains("£87.82"),
        "{}",
        all.text("p.total")
    );
    let little = app.ok("/equipment/budget?gbp=2").await;
    assert!(little.attrs("table.compare tbody th a", "href").is_empty());
    assert!(
        app.ok("/equipment/budget?gbp=20")
            .await
            .all_text()
            .contains("priority"),
        "rule explained"
    );
}

#[tokio::test]
async fn bad_input_gets_a_400_that_says_what_was_wrong() {
    let app = spawn_app().await;
    let cases = [
        ("/equipment/compare?items=swiss-ball", "choose 2 to 5"),
        ("/equipment/compare?items=swiss-ball,jetpack", "\"jetpack\""),
        ("/equipment/compare?items=a,b,c,d,e,f", "choose 2 to 5"),
        ("/equipment/budget?gbp=-5", "negative"),
        ("/equipment/budget?gbp=", "missing or empty"),
        ("/equipment/budget?gbp=lots", "not an amount"),
        ("/equipment/?sort=colour", "\"colour\""),
        ("/equipment/?max_price=cheap", "not an amount"),
        ("/equipment/?max_price=", "empty"),
        ("/equipment/?order=sideways", "\"sideways\""),
        ("/equipment/nothing-here", "could not find"),
    ];
    for (path, message) in cases {
        let page = app.get(path).await;
        let expected = if path.ends_with("nothing-here") {
            404
        } else {
            400
        };
        assert_eq!(page.status, expected, "{path}");
        assert!(
            page.all_text().contains(message),
            "{path}: {}",
            page.all_text()
        );
    }
}
