//! `content/programs/*.md`: multi-week programs; front matter holds every week, the
//! Markdown body holds the reasoning.

use serde::Deserialize;
use toml::Spanned;

use super::check;
use super::slug_override_from_field;
use super::source::SourceFile;
use super::{ContentErrors, Index, Parsed, final_slug};
use crate::domain::limits::{
    EXERCISES_PER_SESSION, MINUTES_PER_SESSION, PROGRAMME_WEEKS, SESSIONS_PER_WEEK,
};
use crate::domain::{Exercise, Level, Place, Program, Session, SessionItem, Week};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Front {
    title: Spanned<String>,
    summary: Spanned<String>,
    /// What it builds.
    goal: Spanned<String>,
    /// Who it is for.
    audience: Spanned<String>,
    level: Level,
    place: Place,
    sessions_min: Spanned<u32>,
    sessions_max: Spanned<u32>,
    minutes_min: Spanned<u32>,
    minutes_max: Spanned<u32>,
    /// Difficulty out of 5.
    difficulty: Option<Spanned<u32>>,
    /// Printed at the top of every week.
    warmup: Spanned<Vec<String>>,
    weeks: Spanned<Vec<WeekFront>>,
    slug: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WeekFront {
    title: Spanned<String>,
    focus: Spanned<String>,
    note: Option<Spanned<String>>,
    sessions: Spanned<Vec<SessionFront>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SessionFront {
    name: Spanned<String>,
    items: Spanned<Vec<ItemFront>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemFront {
    exercise: Spanned<String>,
    sets: Spanned<u32>,
    reps: Option<Spanned<u32>>,
    seconds: Option<Spanned<u32>>,
    #[serde(default)]
    per_side: bool,
    rest: Spanned<u32>,
    /// Effort target, rate of perceived exertion 1-10.
    rpe: Spanned<u32>,
    note: Option<Spanned<String>>,
}

slug_override_from_field!(Front);

pub fn validate(
    parsed: Vec<Parsed<Front>>,
    index: &Index,
    exercises: &[Exercise],
    errors: &mut ContentErrors,
) -> Vec<Program> {
    let mut list: Vec<Program> = parsed
        .iter()
        .map(|page| one(page, index, exercises, errors))
        .collect();
    list.sort_by(|a, b| a.title.cmp(&b.title));
    list
}

fn one(
    page: &Parsed<Front>,
    index: &Index,
    exercises: &[Exercise],
    errors: &mut ContentErrors,
) -> Program {
    let (file, f) = (&page.file, &page.front);
    let (sessions_min, sessions_max) = check::bounds(
        file,
        (&f.sessions_min, &f.sessions_max),
        u32::from(*SESSIONS_PER_WEEK.start())..=u32::from(*SESSIONS_PER_WEEK.end()),
        "sessions",
        errors,
    );
    let (minutes_min, minutes_max) = check::bounds(
        file,
        (&f.minutes_min, &f.minutes_max),
        u32::from(*MINUTES_PER_SESSION.start())..=u32::from(*MINUTES_PER_SESSION.end()),
        "minutes",
        errors,
    );
    let weeks_front = f.weeks.get_ref();
    if !PROGRAMME_WEEKS.contains(&weeks_front.len()) {
        errors.push(file.error_at(
            &f.weeks.span(),
            format!(
                "a program needs {} to {} weeks",
                PROGRAMME_WEEKS.start(),
                PROGRAMME_WEEKS.end()
            ),
        ));
    }
    let weeks = weeks_front
        .iter()
        .map(|w| week(file, w, sessions_max as usize, index, exercises, errors))
        .collect();
    Program {
        slug: final_slug(page),
        title: check::text(file, &f.title, "title", errors),
        summary: check::text(file, &f.summary, "summary", errors),
        goal: check::text(file, &f.goal, "goal", errors),
        audience: check::text(file, &f.audience, "audience", errors),
        level: f.level,
        place: f.place,
        sessions_min: sessions_min as u8,
        sessions_max: sessions_max as u8,
        minutes_min: minutes_min as u16,
        minutes_max: minutes_max as u16,
        difficulty: f
            .difficulty
            .as_ref()
            .map(|d| check::range(file, d, 1, 5, "difficulty", errors) as u8),
        warmup: check::list(file, &f.warmup, "warmup", true, errors),
        weeks,
        html: check::body(file, index, errors).html,
    }
}

fn week(
    file: &SourceFile,
    w: &WeekFront,
    sessions_max: usize,
    index: &Index,
    exercises: &[Exercise],
    errors: &mut ContentErrors,
) -> Week {
    let sessions = w.sessions.get_ref();
    let limit = sessions_max;
    if sessions.is_empty() {
        errors.push(file.error_at(&w.title.span(), "this week has no sessions"));
    } else if sessions.len() > limit {
        errors.push(file.error_at(
            &w.sessions.span(),
            format!(
                "this week has {} sessions; the program allows at most {limit}",
                sessions.len()
            ),
        ));
    }
    Week {
        title: check::text(file, &w.title, "week title", errors),
        focus: check::text(file, &w.focus, "week focus", errors),
        note: w
            .note
            .as_ref()
            .map(|n| check::text(file, n, "week note", errors)),
        sessions: sessions
            .iter()
            .map(|s| session(file, s, index, exercises, errors))
            .collect(),
    }
}

fn session(
    file: &SourceFile,
    s: &SessionFront,
    index: &Index,
    exercises: &[Exercise],
    errors: &mut ContentErrors,
) -> Session {
    let items = s.items.get_ref();
    if items.is_empty() {
        errors.push(file.error_at(&s.name.span(), "this session has no exercises"));
    } else if items.len() > EXERCISES_PER_SESSION {
        errors.push(file.error_at(
            &s.name.span(),
            format!("a session holds at most {EXERCISES_PER_SESSION} exercises, so a week prints on one page"),
        ));
    }
    Session {
        name: check::text(file, &s.name, "session name", errors),
        items: items
            .iter()
            .map(|i| item(file, i, index, exercises, errors))
            .collect(),
    }
}

fn item(
    file: &SourceFile,
    i: &ItemFront,
    index: &Index,
    exercises: &[Exercise],
    errors: &mut ContentErrors,
) -> SessionItem {
    let exercise = check::references(
        file,
        std::slice::from_ref(&i.exercise),
        index,
        "exercises",
        "exercise",
        errors,
    )
    .remove(0);
    // A unilateral exercise is always dosed per side, whether or not the slot says so.
    let unilateral = exercises
        .iter()
        .any(|e| e.slug == exercise && e.dose.per_side);
    SessionItem {
        dose: check::dose(
            file,
            &i.sets,
            i.reps.as_ref(),
            i.seconds.as_ref(),
            i.per_side || unilateral,
            errors,
        ),
        rest: check::range(file, &i.rest, 0, 600, "rest", errors),
        rpe: check::range(file, &i.rpe, 1, 10, "rpe", errors) as u8,
        note: i
            .note
            .as_ref()
            .map(|n| check::text(file, n, "note", errors)),
        exercise,
    }
}
