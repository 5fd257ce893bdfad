//! Programs: weeks, seed numbers, print pages and calendar files.

use crate::helpers::{calendar_events, content, spawn_app};

fn row<'a>(rows: &'a [String], name: &str) -> &'a str {
    rows.iter()
        .find(|r| r.starts_with(name))
        .map(String::as_str)
        .unwrap_or_else(|| panic!("no row for {name} in {rows:?}"))
}

#[tokio::test]
async fn every_program_and_week_renders() {
    let app = spawn_app().await;
    let content = content();
    let index = app.ok("/programs/").await;
    for slug in [
        "posterior-chain-4-week",
        "plyometric",
        "home",
        "gym",
        "no-kit-beginner",
        "calf-achilles-durability",
        "power-5k-10k",
        "marathon-durability",
        "in-season-maintenance",
    ] {
        assert!(
            index
                .attrs("a", "href")
                .contains(&format!("/programs/{slug}")),
            "{slug} listed"
        );
    }
    for program in &content.programs {
        let base = format!("/programs/{}", program.slug);
        let overview = app.ok(&base).await;
        assert_eq!(
            overview.texts("table.progression tbody tr").len(),
            program.weeks.len()
        );
        for (i, week) in program.weeks.iter().enumerate() {
            let page = app.ok(&format!("{base}/week/{}", i + 1)).await;
            assert!(page.text("section.week h2").contains(&week.title));
            let sets: u32 = week
                .sessions
                .iter()
                .flat_map(|s| &s.items)
                .map(|i| i.dose.sets)
                .sum();
            assert_eq!(
                page.attrs("td.ticks input[type=checkbox]", "id").len() as u32,
                sets,
                "a box per set"
            );
            assert_eq!(
                page.texts("td.write").len(),
                week.sessions.iter().map(|s| s.items.len()).sum::<usize>()
            );
            assert!(page.text(".warmup").contains(&program.warmup[0]));
        }
        let print = app.ok(&format!("{base}/print")).await;
        assert_eq!(print.texts("section.week").len(), program.weeks.len());
    }
}

/// Foot contacts a session, as the week page's session headings state them.
fn session_contacts(page: &crate::helpers::Page) -> Vec<u32> {
    page.texts("h3")
        .iter()
        .filter_map(|h| h.strip_suffix(" foot contacts)"))
        .filter_map(|h| h.rsplit('(').next()?.parse().ok())
        .collect()
}

#[tokio::test]
async fn plyometric_weeks_start_gently_and_grow_within_the_rule() {
    let app = spawn_app().await;
    let first = app.ok("/programs/plyometric/week/1").await;
    let rows = first.texts("table.plan tbody tr");
    row(&rows, "Pogo hop");
    row(&rows, "Drop landing");
    for later in ["Squat jump", "Lateral bound", "Split squat jump"] {
        assert!(
            !rows.iter().any(|r| r.starts_with(later)),
            "{later} waits until week 1 is done"
        );
    }
    // A beginner programme: the advanced drills are for the power block.
    let print = app.ok("/programs/plyometric/print").await.all_text();
    for advanced in ["Tuck jump", "Clap press-up"] {
        assert!(
            !print.contains(advanced),
            "{advanced} in a beginner programme"
        );
    }
    let mut previous: Option<u32> = None;
    for week in 1..=4 {
        let page = app.ok(&format!("/programs/plyometric/week/{week}")).await;
        let contacts = session_contacts(&page);
        assert!(!contacts.is_empty(), "week {week} states its contacts");
        let most = contacts.iter().copied().max().unwrap_or(0);
        if let Some(before) = previous {
            assert!(
                most <= runstrong::domain::landing_allowance(before),
                "week {week}: {before} to {most} foot contacts is more than 10% growth"
            );
        }
        previous = Some(most);
    }
}

#[tokio::test]
async fn seed_numbers_are_on_the_weeks_that_present_them() {
    let app = spawn_app().await;
    // The seed's five-drill routine opens the advanced power block, as one session.
    let plyo = app.ok("/programs/power-5k-10k/week/1").await;
    let rows = plyo.texts("table.plan tbody tr");
    for drill in [
        "Lateral bound",
        "Split squat jump",
        "Clap press-up",
        "Squat jump",
    ] {
        let r = row(&rows, drill);
        assert!(r.contains("2 × 5") && r.contains("45 s"), "{drill}: {r}");
    }
    let tuck = row(&rows, "Tuck jump");
    assert!(tuck.contains("1 × 5") && tuck.contains("45 s"), "{tuck}");
    assert_eq!(
        session_contacts(&plyo),
        [35],
        "one session of 35 foot contacts"
    );

    let home = app.ok("/programs/home/week/1").await;
    let rows = home.texts("table.plan tbody tr");
    assert!(row(&rows, "Band overhead triceps extension").contains("1 × 15"));
    // The two Swiss ball exercises start in week 2, at the seed's doses.
    let home = app.ok("/programs/home/week/2").await;
    let rows = home.texts("table.plan tbody tr");
    assert!(row(&rows, "Swiss ball hamstring curl").contains("2 × 30 s"));
    assert!(row(&rows, "Swiss ball hamstring curl").contains("30 s"));
    assert!(row(&rows, "Swiss ball Russian twist").contains("2 × 15"));
    let overview = app.ok("/programs/home").await.all_text();
    assert!(overview.contains("20 to 30 minutes"));
    assert!(overview.contains("2 to 3 a week"));

    let chain = app.ok("/programs/posterior-chain-4-week").await;
    assert!(
        chain
            .text("table.progression")
            .to_lowercase()
            .contains("deload"),
        "last week marked"
    );
    let plyo_overview = app.ok("/programs/plyometric").await.all_text();
    assert!(plyo_overview.contains("difficulty 2 out of 5"));
}

#[tokio::test]
async fn unknown_programs_and_weeks_are_404() {
    let app = spawn_app().await;
    for path in [
        "/programs/nope",
        "/programs/home/week/0",
        "/programs/home/week/5",
        "/programs/home/week/x",
        "/programs/nope/print",
    ] {
        assert_eq!(app.get(path).await.status, 404, "{path}");
    }
}

#[tokio::test]
async fn the_calendar_has_stable_uids_and_the_right_dates() {
    let app = spawn_app().await;
    // 2026-11-30 is a Monday.
    let path = "/programs/posterior-chain-4-week.ics?start=2026-11-30&days=mon,thu";
    let first = app.ok(path).await;
    assert!(first.header("content-type").starts_with("text/calendar"));
    assert_eq!(
        first.header("content-disposition"),
        "attachment; filename=\"posterior-chain-4-week.ics\""
    );
    let again = app
        .get_with(path, &[("If-None-Match", first.header("etag"))])
        .await;
    assert_eq!(again.status, 304, "a calendar file revalidates like a page");
    let a = calendar_events(&first);
    let b = calendar_events(&app.ok(path).await);
    assert_eq!(
        a.iter().map(|e| &e.uid).collect::<Vec<_>>(),
        b.iter().map(|e| &e.uid).collect::<Vec<_>>(),
        "same UIDs twice"
    );
    let program = content()
        .programs
        .into_iter()
        .find(|p| p.slug == "posterior-chain-4-week")
        .expect("program");
    let sessions: usize = program.weeks.iter().map(|w| w.sessions.len()).sum();
    assert_eq!(a.len(), sessions);
    let dates: Vec<String> = a.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(
        dates[..3],
        ["2026-11-30", "2026-12-03", "2026-12-07"],
        "{dates:?}"
    );
    assert!(
        a[0].description.contains("Romanian deadlift"),
        "exercises in description: {}",
        a[0].description
    );
    assert!(
        a[0].description
            .contains("https://runstrong.example/programs/posterior-chain-4-week/week/1")
    );
}

#[tokio::test]
async fn bad_calendar_parameters_get_400() {
    let app = spawn_app().await;
    for query in [
        "",
        "start=2026-02-30&days=mon,thu",
        "start=tomorrow&days=mon,thu",
        "start=2026-12-01&days=mon,funday",
        "start=2026-12-01&days=mon",
        "start=2026-12-01",
    ] {
        let page = app.get(&format!("/programs/gym.ics?{query}")).await;
        assert_eq!(page.status, 400, "{query}");
        assert!(page.header("content-type").starts_with("text/html"));
    }
    assert_eq!(
        app.get("/programs/nope.ics?start=2026-12-01&days=mon,thu")
            .await
            .status,
        404
    );
    // Too few days: the message asks for the programme's sessions a week, and its
    // example is a query that works.
    let home = content()
        .programs
        .into_iter()
        .find(|p| p.slug == "home")
        .expect("the home programme");
    let needed = home.most_sessions_per_week();
    let too_few = app
        .get("/programs/home.ics?start=2026-12-07&days=mon")
        .await;
    assert_eq!(too_few.status, 400);
    let message = too_few.text("main p");
    assert!(
        message.contains(&format!("at least {needed} training days")),
        "{message}"
    );
    let example = message
        .split("days=")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .expect("an example")
        .to_string();
    assert_eq!(example.split(',').count(), needed, "{message}");
    app.ok(&format!(
        "/programs/home.ics?start=2026-12-07&days={example}"
    ))
    .await;
}

#[tokio::test]
async fn week_rows_carry_their_dose_as_data_for_the_training_script() {
    let app = spawn_app().await;
    for program in content().programs {
        for (w, week) in program.weeks.iter().enumerate() {
            let page = app.ok(&program.week_url(w + 1)).await;
            let html = page.html();
            let sessions = scraper::Selector::parse("[data-session]").expect("selector");
            let rows = scraper::Selector::parse("tr[data-exercise]").expect("selector");
            let ticks = scraper::Selector::parse("input[type=checkbox]").expect("selector");
            let found: Vec<_> = html.select(&sessions).collect();
            assert_eq!(found.len(), week.sessions.len(), "{}", program.slug);
            for (session, element) in week.sessions.iter().zip(found) {
                let shown: Vec<_> = element.select(&rows).collect();
                assert_eq!(shown.len(), session.items.len());
                for (item, row) in session.items.iter().zip(shown) {
                    let attr = |name: &str| row.value().attr(name).map(str::to_string);
                    let (reps, seconds) = item.dose.amount.split();
                    assert_eq!(attr("data-exercise").as_deref(), Some(&*item.exercise));
                    assert_eq!(attr("data-sets"), Some(item.dose.sets.to_string()));
                    assert_eq!(attr("data-reps"), reps.map(|n| n.to_string()));
                    assert_eq!(attr("data-seconds"), seconds.map(|n| n.to_string()));
                    assert_eq!(attr("data-rest"), Some(item.rest.to_string()));
                    assert_eq!(attr("data-per-side").is_some(), item.dose.per_side);
                    assert_eq!(row.select(&ticks).count(), item.dose.sets as usize);
                }
            }
        }
    }
}

#[tokio::test]
async fn every_programme_says_what_comes_next_and_links_it_by_title() {
    let app = spawn_app().await;
    let content = content();
    for program in &content.programs {
        let page = app.ok(&format!("/programs/{}", program.slug)).await;
        assert_eq!(page.texts("h2#next"), ["What next"], "{}", program.slug);
        let text = page.all_text();
        assert!(
            text.contains(&program.next_step),
            "{} next step",
            program.slug
        );
        assert!(!program.next_programs.is_empty(), "{}", program.slug);
        for next in &program.next_programs {
            let target = content
                .programs
                .iter()
                .find(|p| p.slug == next.slug)
                .expect("next programme exists");
            assert_eq!(next.title, target.title, "title resolved from the file");
            let href = format!("/programs/{}", next.slug);
            let linked = page
                .html()
                .select(&scraper::Selector::parse("a").expect("selector"))
                .any(|a| {
                    a.value().attr("href") == Some(&href)
                        && a.text().collect::<String>() == next.title
                });
            assert!(linked, "{} links {} by its title", program.slug, next.slug);
        }
        // Every programme sets RPE targets, and says what they mean.
        assert!(
            page.attrs(".prose a", "href")
                .contains(&"/articles/effort".to_string()),
            "{} links the effort article from its body",
            program.slug
        );
    }
}

#[tokio::test]
async fn new_programme_weeks_show_the_doses_from_their_files() {
    let app = spawn_app().await;
    let no_kit = app.ok("/programs/no-kit-beginner/week/1").await;
    let rows = no_kit.texts("table.plan tbody tr");
    let squat = row(&rows, "Bodyweight squat");
    assert!(
        squat.contains("2 × 10") && squat.contains("1 min") && squat.contains("RPE 6"),
        "{squat}"
    );
    assert!(row(&rows, "Clamshell").contains("2 × 12 each side"));
    assert!(row(&rows, "Isometric calf hold").contains("3 × 30 s"));
    assert_eq!(
        no_kit.texts("div.session h3").len(),
        2,
        "two sessions a week"
    );
    let facts = app.ok("/programs/no-kit-beginner").await.text("dl.facts");
    assert!(facts.contains("Equipment None"), "no kit needed: {facts}");

    let in_season = app.ok("/programs/in-season-maintenance/week/1").await;
    assert_eq!(
        in_season.texts("div.session h3").len(),
        1,
        "one session a week"
    );
    let rows = in_season.texts("table.plan tbody tr");
    assert!(row(&rows, "Bulgarian split squat").contains("2 × 6 each side"));
    assert!(row(&rows, "Copenhagen plank (short lever)").contains("2 × 20 s each side"));
    let overview = app.ok("/programs/in-season-maintenance").await.all_text();
    assert!(overview.contains("20 minutes"), "one 20-minute session");

    // The power block goes from one session to two without repeating the jumps.
    let week1 = app.ok("/programs/power-5k-10k/week/1").await;
    let week2 = app.ok("/programs/power-5k-10k/week/2").await;
    assert_eq!(session_contacts(&week1), [35]);
    assert_eq!(session_contacts(&week2), [18, 18]);

    let calf = app.ok("/programs/calf-achilles-durability/week/3").await;
    let rows = calf.texts("table.plan tbody tr");
    assert!(row(&rows, "Weighted single-leg calf raise").contains("3 × 8 each side"));
    assert!(row(&rows, "Pogo hop").contains("2 × 11"));
    let deload = app.ok("/programs/calf-achilles-durability").await;
    assert!(
        deload
            .text("table.progression")
            .to_lowercase()
            .contains("deload")
    );
}
