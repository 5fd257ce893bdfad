//! "Build my plan" end to end: the rules hold on the rendered page and in the calendar
//! file, the calendar is stable, and bad answers get a 400 that names each problem.

use chrono::{Datelike, Duration, NaiveDate};

use crate::helpers::{Page, calendar_events, spawn_app};

/// Three plans a runner would ask for.
const EXAMPLES: &[&str] = &[
    "/plan?program=auto&goal=posterior-chain&level=beginner&place=home&equipment=swiss-ball&days=mon,wed,fri&long_run=sun&hard=tue&start=2026-12-07&sessions=2",
    "/plan?program=plyometric&place=home&days=tue,thu,sat&long_run=sun&hard=wed&rest=fri&start=2026-12-07&race=2027-04-18&sessions=2&minutes=30",
    "/plan?program=gym&place=gym&days=mon,tue,wed,thu,fri&long_run=sat&hard=tue,thu&start=2027-01-04&sessions=3&minutes=45",
];

/// What a request says about the week, read back from its query.
struct Week {
    start: NaiveDate,
    race: Option<NaiveDate>,
    long_run: Option<u32>,
    hard: Vec<u32>,
    rest: Vec<u32>,
}

fn day_index(name: &str) -> u32 {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .position(|d| name.to_lowercase().starts_with(d))
        .unwrap_or_else(|| panic!("not a day: {name}")) as u32
}

fn week_of(path: &str) -> Week {
    let query = path.split_once('?').map_or("", |(_, q)| q);
    let get = |name: &str| {
        form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    let days = |name: &str| -> Vec<u32> {
        get(name).map_or_else(Vec::new, |v| v.split(',').map(day_index).collect())
    };
    let date = |text: String| NaiveDate::parse_from_str(&text, "%Y-%m-%d").expect("date");
    Week {
        start: date(get("start").expect("start")),
        race: get("race").map(date),
        long_run: get("long_run").map(|d| day_index(&d)),
        hard: days("hard"),
        rest: days("rest"),
    }
}

/// (date, is a leg session, is a jumping session) for every session.
fn check_rules(week: &Week, sessions: &[(NaiveDate, bool, bool)], source: &str) {
    let demanding = |d: u32| week.long_run == Some(d) || week.hard.contains(&d);
    for (date, legs, jumping) in sessions {
        let day = date.weekday().num_days_from_monday();
        assert!(*date >= week.start, "{source}: {date} before the start");
        assert!(!week.rest.contains(&day), "{source}: {date} is a rest day");
        if let Some(race) = week.race {
            assert!(*date < race, "{source}: {date} on or after race day");
        }
        if *legs {
            assert!(
                !demanding((day + 1) % 7),
                "{source}: legs on {date}, the day before a long run or hard session"
            );
        }
        if *jumping {
            assert_ne!(
                week.long_run,
                Some((day + 6) % 7),
                "{source}: jumping on {date}, after the long run"
            );
        }
    }
    let legs: Vec<NaiveDate> = sessions.iter().filter(|s| s.1).map(|s| s.0).collect();
    for pair in legs.windows(2) {
        assert!(
            pair[1] - pair[0] >= Duration::days(2),
            "{source}: legs on {} and {}",
            pair[0],
            pair[1]
        );
    }
}

/// Sessions read off the page: each week's sessions are named "Monday 7 December: ...".
fn page_sessions(page: &Page, week: &Week) -> Vec<(NaiveDate, bool, bool)> {
    part_sessions(page, week, 0)
}

/// Sessions of one part of a plan whose first week is the plan's week `first + 1`.
fn part_sessions(page: &Page, week: &Week, first: usize) -> Vec<(NaiveDate, bool, bool)> {
    let html = page.html();
    let weeks = scraper::Selector::parse(".plan-week").expect("selector");
    let heads = scraper::Selector::parse(".session h3").expect("selector");
    let mut out = Vec::new();
    for (n, section) in html.select(&weeks).enumerate() {
        let starts = week.start + Duration::weeks((first + n) as i64);
        for head in section.select(&heads) {
            let text: String = head.text().collect();
            let date = (0..7)
                .map(|d| starts + Duration::days(d))
                .find(|d| d.weekday().num_days_from_monday() == day_index(&text))
                .expect("a date in the week");
            let upper = text.contains("upper body and core");
            out.push((date, !upper, text.contains("jumping")));
        }
    }
    out
}

fn events(page: &Page) -> Vec<(String, NaiveDate, String)> {
    calendar_events(page)
        .into_iter()
        .map(|e| (e.uid, e.date, e.summary))
        .collect()
}

#[tokio::test]
async fn the_blank_form_is_accessible_and_linked_from_programs() {
    let app = spawn_app().await;
    let page = app.ok("/plan").await;
    for field in ["days", "hard", "rest", "equipment", "place"] {
        assert_eq!(
            page.texts(&format!("fieldset#f-{field} legend")).len(),
            1,
            "{field}"
        );
    }
    for id in [
        "f-program",
        "f-long_run",
        "f-start",
        "f-race",
        "f-sessions",
        "f-minutes",
    ] {
        assert_eq!(
            page.attrs(&format!("label[for={id}]"), "for").len(),
            1,
            "label for {id}"
        );
    }
    assert!(page.text("#rules + ul").contains("48 hours"));
    assert!(
        page.text("#rules + ul").contains("10%"),
        "the contact cap is stated"
    );
    assert!(page.texts(".plan-week").is_empty());
    // Tracking parameters on a shared link still open the blank form.
    let shared = app.ok("/plan?utm_source=newsletter&fbclid=abc").await;
    assert!(
        shared.texts(".field-error").is_empty(),
        "no errors on a shared link"
    );
    assert_eq!(
        shared.texts("fieldset#f-days legend"),
        page.texts("fieldset#f-days legend")
    );
    let programs = app.ok("/programs/").await;
    assert!(programs.attrs("a", "href").contains(&"/plan".to_string()));
}

/// Every part of a plan: the first page, then each part its pager links.
async fn all_parts(app: &crate::helpers::TestApp, path: &str) -> Vec<Page> {
    let first = app.ok(path).await;
    let others: Vec<String> = first
        .attrs("nav.pager a:not([aria-current])", "href")
        .into_iter()
        .filter(|href| !href.ends_with("&part=1"))
        .collect();
    let mut pages = vec![first];
    for href in others {
        pages.push(app.ok(&href).await);
    }
    pages
}

#[tokio::test]
async fn example_plans_keep_the_rules_on_the_page_and_in_the_calendar() {
    let app = spawn_app().await;
    for path in EXAMPLES {
        let parts = all_parts(&app, path).await;
        let page = &parts[0];
        let week = week_of(path);
        let per_part = runstrong::pages::plan::WEEKS_PER_PART;
        let on_page: Vec<(NaiveDate, bool, bool)> = parts
            .iter()
            .enumerate()
            .flat_map(|(i, part)| part_sessions(part, &week, i * per_part))
            .collect();
        assert!(!on_page.is_empty(), "{path}: sessions planned");
        check_rules(&week, &on_page, path);
        let maps = page.texts(".plan-week figure.heatmap").len();
        let weeks = page.texts(".plan-week").len();
        assert!(
            maps > 0 && maps <= weeks,
            "{path}: a heat map per week with sessions"
        );
        let ics_href = page.attrs("a[href^='/plan.ics?']", "href");
        assert_eq!(ics_href.len(), 1, "{path}: calendar link");
        let calendar = app.ok(&ics_href[0]).await;
        assert!(calendar.header("content-type").starts_with("text/calendar"));
        assert_eq!(
            calendar.header("content-disposition"),
            "attachment; filename=\"my-plan.ics\""
        );
        let in_calendar: Vec<(NaiveDate, bool, bool)> = events(&calendar)
            .into_iter()
            .map(|(_, date, summary)| {
                (
                    date,
                    !summary.contains("upper body"),
                    summary.contains("jumping"),
                )
            })
            .collect();
        assert_eq!(
            in_calendar, on_page,
            "{path}: the calendar matches the page"
        );
        check_rules(&week, &in_calendar, &ics_href[0]);
    }
}

#[tokio::test]
async fn the_page_shows_heat_contacts_and_swaps() {
    let app = spawn_app().await;
    let home = app.ok(EXAMPLES[0]).await;
    let legend = home.text(".plan-week figure.heatmap figcaption");
    assert!(
        legend.contains("Glutes") && legend.contains("Hamstrings"),
        "{legend}"
    );
    assert!(
        !home
            .attrs(
                ".bodymap g.heat-4, .bodymap g.heat-3, .bodymap g.heat-2",
                "data-muscle"
            )
            .is_empty()
    );
    assert!(
        home.text(".notices").contains("instead"),
        "swaps are explained"
    );
    assert!(
        home.text(".row-note").contains("Instead of"),
        "swapped rows say so"
    );
    let plyo = all_parts(&app, EXAMPLES[1]).await;
    assert!(plyo[0].text(".session h3").contains("foot contacts"));
    assert!(
        plyo.iter()
            .any(|part| part.text(".week-head").contains("Taper"))
    );
    assert!(plyo[0].all_text().contains("Base strength"));
}

#[tokio::test]
async fn the_calendar_is_stable_and_names_each_plan() {
    let app = spawn_app().await;
    let path = "/plan.ics?program=home&place=home&days=mon,thu&start=2026-12-07&sessions=2";
    let first = app.ok(path).await;
    let again = app.ok(path).await;
    assert_eq!(first.body, again.body, "same request, same bytes");
    // The same plan spelt differently has the same events.
    let reordered = app
        .ok("/plan.ics?sessions=2&days=thu&days=mon&start=2026-12-07&place=home&program=home")
        .await;
    assert_eq!(first.body, reordered.body);
    let uids: Vec<String> = events(&first).into_iter().map(|e| e.0).collect();
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids.len(), "one UID per session");
    let other = app
        .ok("/plan.ics?program=home&place=home&days=tue,fri&start=2026-12-07&sessions=2")
        .await;
    assert!(
        events(&other).iter().all(|e| !uids.contains(&e.0)),
        "another plan, other UIDs"
    );
}

#[tokio::test]
async fn bad_answers_get_400_with_each_problem_beside_its_field() {
    let app = spawn_app().await;
    let base = "place=home&days=mon,thu&start=2026-12-07";
    let cases: &[(&str, &str)] = &[
        ("program=nope", "program"),
        ("place=moon&days=mon&start=2026-12-07", "place"),
        ("equipment=jetpack", "equipment"),
        ("days=mon,funday&place=home&start=2026-12-07", "days"),
        ("place=home&days=mon&start=2027-02-30", "start"),
        ("race=2026-12-01", "race"),
        ("race=2028-01-01", "race"),
        ("race=someday", "race"),
        ("sessions=9", "sessions"),
        ("minutes=99999999999999999999", "minutes"),
        ("long_run=caturday", "long_run"),
        ("start=2026-12-08&place=home&days=mon", "start"),
    ];
    for (bad, field) in cases {
        let path = format!("/plan?{base}&{bad}");
        let page = app.get(&path).await;
        assert_eq!(page.status, 400, "{path}");
        assert!(
            !page.text(&format!("#err-{field}")).is_empty(),
            "{path}: problem beside {field}"
        );
        assert!(page.text(".problems").len() > 10, "{path}: summary");
        let ics = app.get(&format!("/plan.ics?{base}&{bad}")).await;
        assert_eq!(ics.status, 400, "ics {path}");
        assert!(ics.header("content-type").starts_with("text/html"));
    }
    // Several problems at once: each one named, the good answers kept.
    let page = app
        .get("/plan?program=nope&place=home&days=mon,wed&start=2026-02-30&sessions=9")
        .await;
    assert_eq!(page.status, 400);
    for field in ["program", "start", "sessions"] {
        assert!(!page.text(&format!("#err-{field}")).is_empty(), "{field}");
    }
    assert_eq!(
        page.attrs("#f-days input[checked]", "value"),
        ["mon", "wed"]
    );
    assert_eq!(page.attrs("#f-start", "value"), ["2026-02-30"]);
    assert_eq!(page.attrs("#f-start", "aria-describedby"), ["err-start"]);
    assert!(
        page.text("#err-program")
            .starts_with("Unknown programme \"nope\"."),
        "{}",
        page.text("#err-program")
    );
}

#[tokio::test]
async fn repeated_enormous_and_hostile_answers_are_handled() {
    let app = spawn_app().await;
    let repeated = app
        .get("/plan?place=home&days=mon&start=2026-12-07&start=2026-12-14")
        .await;
    assert_eq!(repeated.status, 400);
    assert!(repeated.text("#err-start").contains("more than once"));
    let enormous = app
        .get(&format!(
            "/plan?place=home&days=mon&start=2026-12-07&goal={}",
            "x".repeat(5000)
        ))
        .await;
    assert_eq!(enormous.status, 400);
    assert!(enormous.text(".problems").contains("too long"));
    let hostile = app
        .get("/plan?place=home&days=mon&start=2026-12-07&program=%3Cscript%3Ealert(1)%3C/script%3E")
        .await;
    assert_eq!(hostile.status, 400);
    assert!(!hostile.body.contains("<script>alert"), "escaped");
    assert!(
        hostile
            .text("#err-program")
            .contains("<script>alert(1)</script>")
    );
}

#[tokio::test]
async fn impossible_weeks_give_the_closest_plan_not_an_error() {
    let app = spawn_app().await;
    let one_day = app
        .ok("/plan?program=home&place=home&days=wed&start=2026-12-07&sessions=3")
        .await;
    assert!(one_day.text(".notices").contains("One session a day wins"));
    let before_hard = app
        .ok("/plan?program=gym&place=gym&days=mon,wed,fri&hard=tue,thu&long_run=sat&start=2026-12-07&sessions=2")
        .await;
    assert!(
        before_hard
            .text(".notices")
            .contains("the day before a hard session")
    );
    assert!(
        before_hard
            .text(".session h3")
            .contains("upper body and core")
    );
    let race_soon = app
        .ok("/plan?program=plyometric&place=home&days=mon,tue,wed,thu,fri,sat,sun&start=2026-12-07&race=2026-12-16&sessions=2")
        .await;
    let week = week_of("/plan?start=2026-12-07&race=2026-12-16");
    let sessions = page_sessions(&race_soon, &week);
    assert!(sessions.len() <= 2, "{sessions:?}");
    check_rules(&week, &sessions, "race in nine days");
}

#[tokio::test]
async fn long_plans_are_split_into_parts_and_the_calendar_keeps_every_week() {
    let app = spawn_app().await;
    let base = "/plan?program=home&place=home&equipment=swiss-ball&days=mon,wed,fri&long_run=sun&hard=tue&start=2026-12-07&race=2027-11-20&sessions=2";
    let first = app.ok(base).await;
    let weeks_on_first = first.texts("section.week").len();
    assert_eq!(weeks_on_first, runstrong::pages::plan::WEEKS_PER_PART);
    let parts = first.attrs("nav.pager a", "href");
    assert!(parts.len() >= 4, "a year is split into parts: {parts:?}");
    let second = app.ok(&format!("{base}&part=2")).await;
    let first_title = second.texts("section.week h2").remove(0);
    assert!(
        first_title.contains(&format!("Week {}", weeks_on_first + 1)),
        "{first_title}"
    );
    assert_eq!(app.get(&format!("{base}&part=99")).await.status, 400);
    assert_eq!(app.get(&format!("{base}&part=zero")).await.status, 400);
    let calendar = app.ok(&base.replace("/plan?", "/plan.ics?")).await;
    let events = events(&calendar);
    let last = events.iter().map(|e| e.1).max().expect("events");
    assert!(
        last > NaiveDate::from_ymd_opt(2027, 10, 1).expect("date"),
        "the calendar covers the whole plan: {last}"
    );
}

#[tokio::test]
async fn auto_picks_among_the_new_goals_by_level() {
    let app = spawn_app().await;
    let week = "place=home&days=mon,wed,fri&long_run=sun&start=2026-12-07&sessions=2";
    for (goal, level, programme) in [
        (
            "durability",
            "intermediate",
            "Marathon and ultra durability block",
        ),
        ("durability", "beginner", "No-kit strength for new runners"),
        ("calves", "advanced", "Calf and Achilles durability block"),
        (
            "achilles",
            "intermediate",
            "Calf and Achilles durability block",
        ),
        ("power", "advanced", "5K and 10K power block"),
        ("power", "beginner", "Plyometric power for runners"),
        ("maintenance", "intermediate", "In-season maintenance"),
        ("in-season", "beginner", "In-season maintenance"),
        ("general", "beginner", "No-kit strength for new runners"),
    ] {
        let page = app
            .ok(&format!(
                "/plan?program=auto&goal={goal}&level={level}&{week}"
            ))
            .await;
        assert!(
            page.text("section.plan-result")
                .contains(&format!("following {programme}")),
            "goal={goal} level={level}: {}",
            page.text("section.plan-result > p")
        );
    }
    let offered = app.ok("/plan").await.attrs("#f-goal option", "value");
    for goal in ["durability", "calves", "maintenance", "power"] {
        assert!(offered.iter().any(|v| v == goal), "{goal} in {offered:?}");
    }
}
