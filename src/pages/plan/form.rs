//! Reads the plan form from the query string. Every problem is kept beside the field it
//! belongs to, and every answer is kept (shortened if huge) so the form can be shown
//! again filled in. A valid request also has a normalised query, which names the plan:
//! the cache key, the calendar link and the calendar UIDs all come from it.

use chrono::{Duration, NaiveDate, Weekday};

use crate::domain::labels::weekday_slug;
use crate::domain::limits::{MAX_RACE_DAYS, MINUTES_PER_SESSION, SESSIONS_PER_WEEK};
use crate::domain::planner::input::{Goal, PlanInput, ProgramChoice, RunningWeek};
use crate::domain::{Equipment, Level, Place, Program};
use crate::params::{QueryParams, parse_date, unknown_value};
use crate::views::plan::PlanForm;

/// Longest value echoed back into the form.
const MAX_ECHO: usize = 60;

/// Problems found, each with the field it belongs to.
type Errors = Vec<(&'static str, String)>;

pub enum Reading {
    /// No answers yet: show the empty form.
    Blank,
    Invalid(PlanForm),
    Valid(PlanForm, PlanInput),
}

/// Reads `query` against the programs and equipment that exist.
pub fn read(query: &str, programs: &[Program], equipment: &[Equipment]) -> Reading {
    let params = match QueryParams::parse(query) {
        Ok(params) => params,
        Err(error) => {
            let mut form = PlanForm::default();
            form.errors.push(("query", error.into_problems().join(" ")));
            return Reading::Invalid(form);
        }
    };
    // Only the form's own fields count: a shared link with `utm_source` or `fbclid` on it
    // still opens the empty form rather than a list of missing answers.
    if !params.has_any(FIELDS) {
        return Reading::Blank;
    }
    let mut form = PlanForm::default();
    let one = |name: &'static str, errors: &mut Errors| match params.single(name) {
        Ok(value) => value.map(|v| echo(v).to_lowercase()).unwrap_or_default(),
        Err(error) => {
            errors.extend(error.into_problems().into_iter().map(|p| (name, p)));
            String::new()
        }
    };
    let errors = &mut form.errors;
    form.program = one("program", errors);
    form.goal = one("goal", errors);
    form.level = one("level", errors);
    form.place = one("place", errors);
    form.long_run = one("long_run", errors);
    form.start = one("start", errors);
    form.race = one("race", errors);
    form.sessions = one("sessions", errors);
    form.minutes = one("minutes", errors);
    let list = |name: &str| -> Vec<String> { params.list(name).iter().map(|v| echo(v)).collect() };
    form.equipment = list("equipment");
    form.days = list("days");
    form.hard = list("hard");
    form.rest = list("rest");
    match check(&mut form, programs, equipment) {
        Some(input) if form.errors.is_empty() => Reading::Valid(form, input),
        _ => {
            let order = FIELDS;
            form.errors
                .sort_by_key(|(field, _)| order.iter().position(|f| f == field));
            Reading::Invalid(form)
        }
    }
}

/// Field names in form order (plus `query` for the address as a whole).
pub const FIELDS: &[&str] = &[
    "query",
    "program",
    "goal",
    "level",
    "place",
    "equipment",
    "days",
    "long_run",
    "hard",
    "rest",
    "start",
    "race",
    "sessions",
    "minutes",
];

fn echo(value: &str) -> String {
    match value.char_indices().nth(MAX_ECHO) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_string(),
    }
}

/// Checks every field, recording problems in the form; the input if all are valid.
fn check(form: &mut PlanForm, programs: &[Program], equipment: &[Equipment]) -> Option<PlanInput> {
    let mut errors = Errors::new();
    let program = program_choice(form, programs, &mut errors);
    let place = pick(
        &form.place,
        "place",
        Place::Home,
        |s| Place::from_slug(s).filter(|p| *p != Place::Anywhere),
        &["home", "gym"],
        &mut errors,
    );
    let kit: Vec<&str> = equipment.iter().map(|e| e.slug.as_str()).collect();
    for item in form.equipment.iter().filter(|e| !kit.contains(&e.as_str())) {
        errors.push(("equipment", unknown_value("equipment", item, &kit)));
    }
    let week = running_week(form, &mut errors);
    let (start, race) = plan_dates(form, &mut errors);
    let sessions = number(
        "sessions",
        &form.sessions,
        u32::from(*SESSIONS_PER_WEEK.start()),
        u32::from(*SESSIONS_PER_WEEK.end()),
        &mut errors,
    );
    let minutes = number(
        "minutes",
        &form.minutes,
        u32::from(*MINUTES_PER_SESSION.start()),
        u32::from(*MINUTES_PER_SESSION.end()),
        &mut errors,
    );
    form.errors.extend(errors);
    let mut equipment_owned = form.equipment.clone();
    equipment_owned.sort();
    Some(PlanInput {
        program: program?,
        place: place?,
        equipment: equipment_owned,
        week,
        start: start?,
        race,
        sessions: sessions?.map_or(2, |n| n as u8),
        minutes: minutes?.map(|n| n as u16),
    })
}

/// A named programme, or `auto` with a goal and a level.
fn program_choice(
    form: &PlanForm,
    programs: &[Program],
    errors: &mut Errors,
) -> Option<ProgramChoice> {
    let goal = pick(
        &form.goal,
        "goal",
        Goal::General,
        Goal::from_slug,
        &slugs(Goal::ALL.iter().map(|g| g.slug())),
        errors,
    );
    let level = pick(
        &form.level,
        "level",
        Level::Beginner,
        Level::from_slug,
        &slugs(Level::ALL.iter().map(|l| l.slug())),
        errors,
    );
    match form.program.as_str() {
        "" | "auto" => goal
            .zip(level)
            .map(|(goal, level)| ProgramChoice::Auto { goal, level }),
        slug if programs.iter().any(|p| p.slug == slug) => {
            Some(ProgramChoice::Named(slug.to_string()))
        }
        slug => {
            let mut valid = vec!["auto"];
            valid.extend(programs.iter().map(|p| p.slug.as_str()));
            errors.push(("program", unknown_value("programme", slug, &valid)));
            None
        }
    }
}

/// The running week: strength days, long run, hard and rest days.
fn running_week(form: &PlanForm, errors: &mut Errors) -> RunningWeek {
    let days = weekdays("days", &form.days, errors);
    if form.days.is_empty() {
        errors.push((
            "days",
            "days: choose at least one day for strength work (for example days=mon,thu)."
                .to_string(),
        ));
    }
    let long_run = match form.long_run.as_str() {
        "" => None,
        text => weekdays("long_run", &[text.to_string()], errors)
            .first()
            .copied(),
    };
    RunningWeek {
        days,
        long_run,
        hard: weekdays("hard", &form.hard, errors),
        rest: weekdays("rest", &form.rest, errors),
    }
}

/// The start (required) and the race (optional, after the start, within a year).
fn plan_dates(form: &PlanForm, errors: &mut Errors) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let start = match form.start.as_str() {
        "" => {
            errors.push((
                "start",
                "start is missing: give the first day as YYYY-MM-DD.".to_string(),
            ));
            None
        }
        text => parse_date("start", text)
            .map_err(|p| errors.push(("start", p)))
            .ok(),
    };
    let race = match form.race.as_str() {
        "" => None,
        text => parse_date("race", text)
            .map_err(|p| errors.push(("race", p)))
            .ok(),
    };
    if let (Some(start), Some(race)) = (start, race) {
        check_race(start, race, errors);
    }
    (start, race)
}

fn slugs<'a>(values: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    values.collect()
}

/// An optional choice from a closed list: the default when empty, `None` when unknown.
fn pick<T>(
    text: &str,
    field: &'static str,
    default: T,
    parse: impl Fn(&str) -> Option<T>,
    valid: &[&str],
    errors: &mut Errors,
) -> Option<T> {
    if text.is_empty() {
        return Some(default);
    }
    let value = parse(text);
    if value.is_none() {
        errors.push((field, unknown_value(field, text, valid)));
    }
    value
}

/// Weekdays of one field; each unknown value is a problem of that field.
fn weekdays(field: &'static str, values: &[String], errors: &mut Errors) -> Vec<Weekday> {
    let (days, problems) = crate::params::weekdays(values);
    errors.extend(problems.into_iter().map(|p| (field, p)));
    days
}

fn check_race(start: NaiveDate, race: NaiveDate, errors: &mut Errors) {
    if race <= start {
        errors.push(("race", format!("race {race} is not after the start ({start}): the plan ends the day before the race.")));
    } else if race - start > Duration::days(MAX_RACE_DAYS) {
        errors.push(("race", format!("race {race} is more than a year after the start ({start}): plan the last year before it.")));
    }
}

/// An optional whole number in `min..=max`: `Some(None)` when empty.
fn number(
    field: &'static str,
    text: &str,
    min: u32,
    max: u32,
    errors: &mut Errors,
) -> Option<Option<u32>> {
    if text.is_empty() {
        return Some(None);
    }
    match text.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Some(Some(n)),
        _ => {
            errors.push((
                field,
                format!("{field} \"{text}\" must be a whole number from {min} to {max}."),
            ));
            None
        }
    }
}

/// The form as the normalised query fills it, so every spelling of the same request
/// shows the same page.
pub fn filled(input: &PlanInput, programs: &[Program], equipment: &[Equipment]) -> PlanForm {
    match read(&canonical_query(input), programs, equipment) {
        Reading::Valid(form, _) => form,
        _ => PlanForm::default(),
    }
}

/// The query that names a valid plan: fixed order, lists sorted, defaults written out.
pub fn canonical_query(input: &PlanInput) -> String {
    let day = |d: &Weekday| weekday_slug(*d);
    let days = |list: &[Weekday]| list.iter().map(day).collect::<Vec<_>>().join(",");
    let mut query = form_urlencoded::Serializer::new(String::new());
    match &input.program {
        ProgramChoice::Named(slug) => query.append_pair("program", slug),
        ProgramChoice::Auto { goal, level } => query
            .append_pair("program", "auto")
            .append_pair("goal", goal.slug())
            .append_pair("level", level.slug()),
    };
    query.append_pair("place", input.place.slug());
    if !input.equipment.is_empty() {
        query.append_pair("equipment", &input.equipment.join(","));
    }
    query.append_pair("days", &days(&input.week.days));
    if let Some(long_run) = &input.week.long_run {
        query.append_pair("long_run", day(long_run));
    }
    for (name, list) in [("hard", &input.week.hard), ("rest", &input.week.rest)] {
        if !list.is_empty() {
            query.append_pair(name, &days(list));
        }
    }
    query.append_pair("start", &input.start.to_string());
    if let Some(race) = input.race {
        query.append_pair("race", &race.to_string());
    }
    query.append_pair("sessions", &input.sessions.to_string());
    if let Some(minutes) = input.minutes {
        query.append_pair("minutes", &minutes.to_string());
    }
    query.finish()
}
