//! Training on the device, as the server sees it: "Your training" (`/log`) explains itself
//! with JavaScript off and is listed in the sitemap; week pages and plans link it and load
//! the training module; a plan is its own canonical address, which the module keys its
//! record by; the modules arrive with their imports fingerprinted and without comments.

use crate::helpers::{TestApp, spawn_app};

const PLAN: &str = "/plan?program=home&place=home&days=mon,wed,fri&long_run=sun&hard=tue&start=2026-12-07&sessions=2";

/// The `src` of the page's module scripts.
/// The modules `path` links besides the offline module every page links (tested with
/// the offline work).
async fn modules(app: &TestApp, path: &str) -> Vec<String> {
    app.ok(path)
        .await
        .attrs("script[type=module]", "src")
        .into_iter()
        .filter(|src| !src.starts_with("/static/js/offline."))
        .collect()
}

#[tokio::test]
async fn the_log_says_what_it_does_and_that_the_record_stays_on_the_device() {
    let app = spawn_app().await;
    let page = app.ok("/log").await;
    assert!(page.header("set-cookie").is_empty(), "no cookie");
    assert_eq!(page.text("h1"), "Your training");
    let text = page.all_text();
    for said in [
        "The sets you tick and the loads you write",
        "Showing the record needs JavaScript, which is off.",
        "Only in this browser, on this device.",
        "Nothing you tick or type is sent to runstrong",
        "no cookie and no analytics",
        "a page makes no request while you train",
        "Safari removes it after seven days without a visit",
    ] {
        assert!(text.contains(said), "/log says {said:?}: {text}");
    }
    // The record's own controls are hidden until the script shows them.
    assert_eq!(page.attrs("#log[hidden]", "id"), ["log"]);
    assert_eq!(page.texts("label[for=log-import]"), ["Import"]);
    let scripts = modules(&app, "/log").await;
    assert_eq!(scripts.len(), 1);
    assert!(scripts[0].starts_with("/static/js/log."), "{scripts:?}");
}

#[tokio::test]
async fn the_log_is_in_the_sitemap() {
    let app = spawn_app().await;
    let sitemap = app.ok("/sitemap.xml").await.body;
    assert!(
        sitemap.contains("<loc>https://runstrong.example/log</loc>"),
        "{sitemap}"
    );
}

#[tokio::test]
async fn week_pages_and_plans_link_the_log_and_load_the_training_module() {
    let app = spawn_app().await;
    // A plan can also be saved for offline use; a week page is saved with its programme.
    for (path, expected) in [
        ("/programs/home/week/1", &["training"][..]),
        ("/programs/gym/week/4", &["training"]),
        (PLAN, &["training", "offline-save"]),
    ] {
        let page = app.ok(path).await;
        assert!(
            page.attrs("a", "href").iter().any(|href| href == "/log"),
            "{path} links /log"
        );
        let scripts = modules(&app, path).await;
        let names: Vec<&str> = scripts
            .iter()
            .filter_map(|src| src.strip_prefix("/static/js/")?.split('.').next())
            .collect();
        assert_eq!(names, expected, "{path}: {scripts:?}");
        // One place kept for the module's settings, so that nothing moves when they come.
        assert_eq!(page.attrs(".training-slot", "class").len(), 1, "{path}");
        assert!(
            !page
                .attrs("[data-session] tr[data-exercise]", "data-rest")
                .is_empty(),
            "{path} holds sessions for the module to read"
        );
    }
    // The form alone has no session to train, and paper has no settings.
    assert!(modules(&app, "/plan").await.is_empty());
    for path in ["/plan", "/programs/home/print"] {
        let page = app.ok(path).await;
        assert!(page.attrs(".training-slot", "class").is_empty(), "{path}");
    }
}

#[tokio::test]
async fn a_plan_is_its_own_canonical_address() {
    let app = spawn_app().await;
    let canonical = |page: crate::helpers::Page| page.attrs("link[rel=canonical]", "href");
    assert_eq!(
        canonical(app.ok("/plan").await),
        ["https://runstrong.example/plan"]
    );
    let plan = canonical(app.ok(PLAN).await).remove(0);
    assert!(
        plan.starts_with("https://runstrong.example/plan?program=home&")
            && plan.contains("days=mon%2Cwed%2Cfri")
            && !plan.contains("part="),
        "{plan}"
    );
    // The same plan asked in another order has the same address.
    let reordered = "/plan?start=2026-12-07&days=mon,wed,fri&program=home&sessions=2&hard=tue&long_run=sun&place=home";
    assert_eq!(canonical(app.ok(reordered).await), [plan]);
    let long = "/plan?program=plyometric&place=home&days=tue,thu,sat&long_run=sun&hard=wed&rest=fri&start=2026-12-07&race=2027-04-18&sessions=2&minutes=30&part=2";
    let second = canonical(app.ok(long).await).remove(0);
    assert!(second.ends_with("&part=2"), "{second}");
}

#[tokio::test]
async fn modules_arrive_fingerprinted_with_their_imports_and_without_comment_lines() {
    let app = spawn_app().await;
    let training = modules(&app, "/programs/home/week/1").await.remove(0);
    let module = app.ok(&training).await;
    assert!(module.header("content-type").starts_with("text/javascript"));
    assert!(module.header("cache-control").contains("immutable"));
    for neighbour in ["dom", "session", "store", "timer"] {
        let import = format!("\"/static/js/{neighbour}.");
        assert!(module.body.contains(&import), "imports {neighbour}");
    }
    assert!(!module.body.contains("\"./"), "every import is rewritten");
    assert!(
        module
            .body
            .lines()
            .all(|line| !line.trim_start().starts_with("//")),
        "comment lines stay in static/"
    );
}
