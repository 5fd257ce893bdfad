//! The open data under `/api/`: exercises, programmes and equipment as JSON. The fields
//! are documented in the README and kept stable: add fields, never rename or remove them.

use serde::Serialize;

use super::figures::animated_url;
use super::{Deferred, Pages, RenderedPage, Rendering, StaticSite};
use crate::db::{ExerciseFilter, queries};
use crate::domain::figure::OpenPose;
use crate::domain::{Equipment, Exercise, Program, SessionItem, Week, decimal_pounds};
use crate::error::AppError;

/// The exercises' open data: it grows with the library, so the server renders it when
/// first asked for ([`super::Rendering::DeferExercises`]).
pub const EXERCISES: &str = "/api/exercises.json";
const JSON: &str = "application/json";

fn json<T: Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string_pretty(value).map_err(|e| AppError::Internal(e.into()))
}

impl Pages {
    /// `/api/exercises.json` (or, as `rendering` says, its place to render on request),
    /// `/api/programs.json` and `/api/equipment.json`.
    pub(super) fn api(&self, rendering: Rendering) -> Result<StaticSite, AppError> {
        let site = self.public_url.as_str();
        let programs = self.db.with(queries::programs)?;
        let equipment = self.equipment_unlocking()?;
        let mut pages = vec![
            RenderedPage::file(
                "/api/programs.json",
                JSON,
                json(
                    &programs
                        .iter()
                        .map(|p| api_program(p, site))
                        .collect::<Vec<_>>(),
                )?,
            ),
            RenderedPage::file(
                "/api/equipment.json",
                JSON,
                json(
                    &equipment
                        .iter()
                        .map(|u| api_equipment(&u.item, &u.unlocks, site))
                        .collect::<Vec<_>>(),
                )?,
            ),
        ];
        let mut deferred = Vec::new();
        match rendering {
            Rendering::Everything => {
                pages.push(RenderedPage::file(EXERCISES, JSON, self.exercises_api()?));
            }
            Rendering::DeferExercises => deferred.push(Deferred {
                path: EXERCISES.to_string(),
                content_type: JSON,
            }),
        }
        Ok(StaticSite { pages, deferred })
    }

    /// The body of `/api/exercises.json`.
    pub(super) fn exercises_api(&self) -> Result<String, AppError> {
        let site = self.public_url.as_str();
        let exercises = self
            .db
            .with(|conn| queries::exercises(conn, &ExerciseFilter::default()))?;
        json(
            &exercises
                .iter()
                .map(|e| api_exercise(e, site))
                .collect::<Vec<_>>(),
        )
    }
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
    /// The animated drawing's own file.
    figure: String,
    /// `side` or `front`: where the poses are seen from.
    figure_view: &'static str,
    poses: Vec<OpenPose<'a>>,
}

fn api_exercise<'a>(e: &'a Exercise, site: &str) -> ApiExercise<'a> {
    let (reps, seconds) = e.dose.amount.split();
    ApiExercise {
        slug: &e.slug,
        url: format!("{site}{}", e.url()),
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
        figure: format!("{site}{}", animated_url(e)),
        figure_view: e.figure.view.name(),
        poses: e.figure.open_poses(),
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

fn api_program<'a>(p: &'a Program, site: &str) -> ApiProgram<'a> {
    ApiProgram {
        slug: &p.slug,
        url: format!("{site}{}", p.url()),
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
            .map(|(i, w)| api_week(i + 1, w))
            .collect(),
    }
}

fn api_week(number: usize, week: &Week) -> ApiWeek<'_> {
    ApiWeek {
        number,
        title: &week.title,
        focus: &week.focus,
        sessions: week
            .sessions
            .iter()
            .map(|s| ApiSession {
                name: &s.name,
                items: s.items.iter().map(api_item).collect(),
            })
            .collect(),
    }
}

fn api_item(item: &SessionItem) -> ApiItem<'_> {
    let (reps, seconds) = item.dose.amount.split();
    ApiItem {
        exercise: &item.exercise,
        sets: item.dose.sets,
        reps,
        seconds,
        per_side: item.dose.per_side,
        rest_seconds: item.rest,
        rpe: item.rpe,
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
    unlocks: &'a [String],
}

fn api_equipment<'a>(e: &'a Equipment, unlocks: &'a [String], site: &str) -> ApiEquipment<'a> {
    let guide = e.buying_guide.as_ref();
    ApiEquipment {
        slug: &e.slug,
        url: format!("{site}{}", e.url()),
        name: &e.name,
        summary: &e.summary,
        kind: e.kind.slug(),
        price_min_gbp: guide.map(|g| decimal_pounds(g.price_min)),
        price_max_gbp: guide.map(|g| decimal_pounds(g.price_max)),
        prices_checked: guide.map(|g| g.prices_checked.as_str()),
        priority: guide.map(|g| g.priority),
        alternatives: guide.map(|g| g.alternatives.as_slice()),
        unlocks,
    }
}
