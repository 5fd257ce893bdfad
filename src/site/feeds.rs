//! Documents for machines: the sitemap, the Atom feed of articles, robots.txt and the
//! open-data JSON files under `/api/`. Their fields are documented in the README and are
//! kept stable: add fields, never rename or remove them.

use askama::Template;
use serde::Serialize;

use super::RenderedPage;
use crate::db::{Database, ExerciseFilter, queries};
use crate::domain::dose::Amount;
use crate::domain::{Article, Equipment, Exercise, Program};
use crate::error::AppError;
use crate::views::site_url;

/// Pages that answer without parameters but are rendered per request, so the sitemap
/// lists them beside the pages rendered at start-up.
pub const LIVE_PAGES: &[&str] = &["/plan", "/search", "/self-check"];

#[derive(Template)]
#[template(path = "sitemap.xml")]
struct Sitemap {
    urls: Vec<String>,
}

#[derive(Template)]
#[template(path = "feed.xml")]
struct Feed<'a> {
    site: &'a str,
    updated: String,
    articles: &'a [Article],
}

fn document(path: &str, content_type: &'static str, body: String) -> RenderedPage {
    RenderedPage {
        path: path.to_string(),
        content_type,
        body,
    }
}

fn json<T: Serialize>(path: &str, value: &T) -> Result<RenderedPage, AppError> {
    let body = serde_json::to_string_pretty(value).map_err(|e| AppError::Internal(e.into()))?;
    Ok(document(path, "application/json", body))
}

pub fn render_static(db: &Database, pages: &[RenderedPage]) -> Result<Vec<RenderedPage>, AppError> {
    let site = site_url();
    let mut paths: Vec<&str> = pages
        .iter()
        .filter(|p| p.is_html() && p.path != "/404.html")
        .map(|p| p.path.as_str())
        .chain(LIVE_PAGES.iter().copied())
        .collect();
    paths.sort_unstable();
    let sitemap = Sitemap {
        urls: paths.iter().map(|p| format!("{site}{p}")).collect(),
    };
    let (articles, exercises, programs, equipment, unlocks) = db.with(|conn| {
        let equipment = queries::equipment(conn)?;
        let mut unlocks = Vec::new();
        for item in &equipment {
            unlocks.push(
                queries::exercises_using(conn, &item.slug)?
                    .into_iter()
                    .map(|e| e.slug)
                    .collect::<Vec<_>>(),
            );
        }
        Ok((
            queries::articles(conn)?,
            queries::exercises(conn, &ExerciseFilter::default())?,
            queries::programs(conn)?,
            equipment,
            unlocks,
        ))
    })?;
    let updated = articles
        .iter()
        .map(|a| a.updated.clone())
        .max()
        .unwrap_or_default();
    let feed = Feed {
        site,
        updated,
        articles: &articles,
    };
    Ok(vec![
        document(
            "/sitemap.xml",
            "application/xml; charset=utf-8",
            sitemap.render()?,
        ),
        document(
            "/feed.atom",
            "application/atom+xml; charset=utf-8",
            feed.render()?,
        ),
        document(
            "/robots.txt",
            "text/plain; charset=utf-8",
            format!("User-agent: *\nAllow: /\n\nSitemap: {site}/sitemap.xml\n"),
        ),
        json(
            "/api/exercises.json",
            &exercises.iter().map(api_exercise).collect::<Vec<_>>(),
        )?,
        json(
            "/api/programs.json",
            &programs.iter().map(api_program).collect::<Vec<_>>(),
        )?,
        json(
            "/api/equipment.json",
            &equipment
                .iter()
                .zip(unlocks)
                .map(|(e, u)| api_equipment(e, u))
                .collect::<Vec<_>>(),
        )?,
    ])
}

#[derive(Serialize)]
struct ApiExercise<'a> {
    slug: &'a str,
    url: String,
    name: &'a str,
    summary: &'a str,
    category: &'static str,
    level: &'static str,
    equipment: &'a [String],
    primary_muscles: &'a [String],
    secondary_muscles: &'a [String],
    sets: u32,
    reps: Option<u32>,
    seconds: Option<u32>,
    per_side: bool,
    rest_seconds: u32,
    impact: Option<&'static str>,
    foot_contacts_per_set: Option<u32>,
    easier: &'a [String],
    harder: &'a [String],
    substitutes: &'a [String],
}

fn split(amount: Amount) -> (Option<u32>, Option<u32>) {
    match amount {
        Amount::Reps(n) => (Some(n), None),
        Amount::Seconds(n) => (None, Some(n)),
    }
}

fn api_exercise(e: &Exercise) -> ApiExercise<'_> {
    let (reps, seconds) = split(e.dose.amount);
    ApiExercise {
        slug: &e.slug,
        url: format!("{}/exercises/{}", site_url(), e.slug),
        name: &e.name,
        summary: &e.summary,
        category: e.category.slug(),
        level: e.level.slug(),
        equipment: &e.equipment,
        primary_muscles: &e.primary,
        secondary_muscles: &e.secondary,
        sets: e.dose.sets,
        reps,
        seconds,
        per_side: e.dose.per_side,
        rest_seconds: e.rest,
        impact: e.plyometric.map(|p| p.impact.slug()),
        foot_contacts_per_set: e.plyometric.map(|p| p.contacts),
        easier: &e.easier,
        harder: &e.harder,
        substitutes: &e.substitutes,
    }
}

#[derive(Serialize)]
struct ApiProgram<'a> {
    slug: &'a str,
    url: String,
    title: &'a str,
    summary: &'a str,
    goal: &'a str,
    audience: &'a str,
    level: &'static str,
    place: &'static str,
    sessions_per_week: [u8; 2],
    minutes_per_session: [u16; 2],
    difficulty: Option<u8>,
    warmup: &'a [String],
    weeks: Vec<ApiWeek<'a>>,
}

#[derive(Serialize)]
struct ApiWeek<'a> {
    number: usize,
    title: &'a str,
    focus: &'a str,
    sessions: Vec<ApiSession<'a>>,
}

#[derive(Serialize)]
struct ApiSession<'a> {
    name: &'a str,
    items: Vec<ApiItem<'a>>,
}

#[derive(Serialize)]
struct ApiItem<'a> {
    exercise: &'a str,
    sets: u32,
    reps: Option<u32>,
    seconds: Option<u32>,
    per_side: bool,
    rest_seconds: u32,
    rpe: u8,
}

fn api_program(p: &Program) -> ApiProgram<'_> {
    ApiProgram {
        slug: &p.slug,
        url: format!("{}/programs/{}", site_url(), p.slug),
        title: &p.title,
        summary: &p.summary,
        goal: &p.goal,
        audience: &p.audience,
        level: p.level.slug(),
        place: p.place.slug(),
        sessions_per_week: [p.sessions_min, p.sessions_max],
        minutes_per_session: [p.minutes_min, p.minutes_max],
        difficulty: p.difficulty,
        warmup: &p.warmup,
        weeks: p
            .weeks
            .iter()
            .enumerate()
            .map(|(i, w)| ApiWeek {
                number: i + 1,
                title: &w.title,
                focus: &w.focus,
                sessions: w
                    .sessions
                    .iter()
                    .map(|s| ApiSession {
                        name: &s.name,
                        items: s
                            .items
                            .iter()
                            .map(|item| {
                                let (reps, seconds) = split(item.dose.amount);
                                ApiItem {
                                    exercise: &item.exercise,
                                    sets: item.dose.sets,
                                    reps,
                                    seconds,
                                    per_side: item.dose.per_side,
                                    rest_seconds: item.rest,
                                    rpe: item.rpe,
                                }
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct ApiEquipment<'a> {
    slug: &'a str,
    url: String,
    name: &'a str,
    summary: &'a str,
    kind: &'static str,
    price_min_gbp: Option<String>,
    price_max_gbp: Option<String>,
    prices_checked: Option<&'a str>,
    priority: Option<u8>,
    alternatives: Option<&'a [String]>,
    unlocks: Vec<String>,
}

fn api_equipment(e: &Equipment, unlocks: Vec<String>) -> ApiEquipment<'_> {
    let guide = e.buying_guide.as_ref();
    let gbp = |pence: u32| format!("{}.{:02}", pence / 100, pence % 100);
    ApiEquipment {
        slug: &e.slug,
        url: format!("{}/equipment/{}", site_url(), e.slug),
        name: &e.name,
        summary: &e.summary,
        kind: e.kind.slug(),
        price_min_gbp: guide.map(|g| gbp(g.price_min)),
        price_max_gbp: guide.map(|g| gbp(g.price_max)),
        prices_checked: guide.map(|g| g.prices_checked.as_str()),
        priority: guide.map(|g| g.priority),
        alternatives: guide.map(|g| g.alternatives.as_slice()),
        unlocks,
    }
}
