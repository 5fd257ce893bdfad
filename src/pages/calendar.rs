//! Calendar export (RFC 5545) of a program: one event per session, on the runner's
//! chosen weekdays from a start date. UIDs are derived from the program, week and session
//! (never from the request time), so importing the same file again updates the events
//! instead of duplicating them. A personal plan ([`plan_calendar`]) is written the same way.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use icalendar::{Calendar, Component, Event, EventLike};

use super::Pages;
use crate::db::{ExerciseFilter, queries};
use crate::domain::labels::WEEKDAYS;
use crate::domain::planner::Plan;
use crate::domain::{Exercise, Prescription, Program, find_exercise};
use crate::error::AppError;
use crate::params::{QueryParams, parse_date, weekdays};

/// A validated request for a program calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarRequest {
    pub start: NaiveDate,
    pub days: Vec<Weekday>,
}

impl CalendarRequest {
    /// Reads `start=YYYY-MM-DD` and `days=mon,thu`; at least `min_days` distinct days.
    pub fn parse(params: &QueryParams, min_days: usize) -> Result<Self, AppError> {
        let mut problems = Vec::new();
        let start = match params.single("start") {
            Ok(Some(text)) => parse_date("start", text)
                .map_err(|problem| problems.push(problem))
                .ok(),
            Ok(None) => {
                problems.push("start is missing: give the first day as YYYY-MM-DD.".to_string());
                None
            }
            Err(AppError::BadRequest(mut p)) => {
                problems.append(&mut p);
                None
            }
            Err(_) => None,
        };
        let (days, mut unknown) = weekdays(&params.list("days"));
        problems.append(&mut unknown);
        if days.len() < min_days && problems.is_empty() {
            problems.push(format!(
                "days: choose at least {min_days} training day{} (for example days={}).",
                if min_days == 1 { "" } else { "s" },
                example_days(min_days)
            ));
        }
        match (start, problems.is_empty()) {
            (Some(start), true) => Ok(Self { start, days }),
            _ => Err(AppError::BadRequest(problems)),
        }
    }
}

/// `count` days spread over the week, in week order, for an example such as `mon,wed,fri`;
/// also the days a programme's calendar is saved for offline when none are chosen.
pub(super) fn example_days(count: usize) -> String {
    const SPREAD: [&str; 7] = ["mon", "wed", "fri", "sun", "tue", "thu", "sat"];
    let mut days: Vec<&str> = SPREAD.iter().take(count.max(1)).copied().collect();
    days.sort_by_key(|day| WEEKDAYS.iter().position(|(v, _)| v == day));
    days.join(",")
}

/// Dates of each session. Week `w` is the seven days from `start + 7w`; each chosen
/// weekday occurs exactly once in it, and sessions take those days in date order.
pub fn session_dates(
    request: &CalendarRequest,
    weeks: usize,
    sessions_per_week: &[usize],
) -> Vec<Vec<NaiveDate>> {
    (0..weeks)
        .map(|w| {
            let first = request.start + Duration::weeks(w as i64);
            let mut dates: Vec<NaiveDate> = (0..7)
                .map(|d| first + Duration::days(d))
                .filter(|date| request.days.contains(&date.weekday()))
                .collect();
            dates.truncate(sessions_per_week.get(w).copied().unwrap_or(0));
            dates
        })
        .collect()
}

impl Pages {
    /// `/programs/{slug}.ics?start=...&days=...`: the programme's sessions as events.
    pub fn program_calendar(&self, slug: &str, query: &str) -> Result<String, AppError> {
        let (program, exercises) = self.db.with(|conn| {
            Ok((
                queries::program(conn, slug)?,
                queries::exercises(conn, &ExerciseFilter::default())?,
            ))
        })?;
        let program = program.ok_or(AppError::NotFound)?;
        let params = QueryParams::parse(query)?;
        let request = CalendarRequest::parse(&params, program.most_sessions_per_week().max(1))?;
        Ok(programme_ics(
            &program,
            &exercises,
            &request,
            &self.public_url,
        ))
    }
}

/// The program as an iCalendar file.
fn programme_ics(
    program: &Program,
    exercises: &[Exercise],
    request: &CalendarRequest,
    site: &str,
) -> String {
    let counts: Vec<usize> = program.weeks.iter().map(|w| w.sessions.len()).collect();
    let dates = session_dates(request, program.weeks.len(), &counts);
    let mut calendar = Calendar::new();
    calendar.name(&program.title);
    for (w, (week, week_dates)) in program.weeks.iter().zip(&dates).enumerate() {
        let url = format!("{site}{}", program.week_url(w + 1));
        for (s, (session, date)) in week.sessions.iter().zip(week_dates).enumerate() {
            let lines: Vec<String> = session
                .items
                .iter()
                .map(|item| item_line(exercises, item))
                .collect();
            let description = format!(
                "{}\n{}\n\nWarm up first. Full plan: {url}",
                week.title,
                lines.join("\n")
            );
            let event = Event::new()
                .uid(&format!("{}-w{}-s{}@runstrong", program.slug, w + 1, s + 1))
                .summary(&format!("{}: {}", program.title, session.name))
                .description(&description)
                .starts(*date)
                .ends(day_after(*date))
                .url(&url)
                .done();
            calendar.push(event);
        }
    }
    calendar.done().to_string()
}

/// The end of an all-day event: RFC 5545 makes DTEND exclusive, so a one-day event ends
/// the next day (icalendar's `all_day` writes the same date twice, an empty event).
fn day_after(date: NaiveDate) -> NaiveDate {
    // Dates come from `parse_date` (years up to 2099) plus at most a year of plan.
    date + Duration::days(1)
}

/// One exercise as a line of an event's description.
fn item_line(exercises: &[Exercise], item: &impl Prescription) -> String {
    let slug = item.exercise();
    let name = find_exercise(exercises, slug).map_or(slug, |e| e.name.as_str());
    format!(
        "- {name}: {}, rest {} s, RPE {}",
        item.dose().label(),
        item.rest(),
        item.rpe()
    )
}

/// A built plan as an iCalendar file. `key` identifies the request (a hash of its
/// normalised query), so UIDs are stable for the same inputs and differ between plans;
/// the timestamp is the plan's start, so the same request gives the same bytes.
pub fn plan_calendar(
    plan: &Plan,
    title: &str,
    exercises: &[Exercise],
    key: &str,
    url: &str,
) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&format!("My plan: {title}"));
    let stamp = plan
        .weeks
        .first()
        .and_then(|w| w.starts.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc());
    for week in &plan.weeks {
        for (s, session) in week.sessions.iter().enumerate() {
            let lines: Vec<String> = session
                .items
                .iter()
                .map(|item| item_line(exercises, item))
                .collect();
            let description = format!(
                "Week {}: {} ({})\n{}\n\nWarm up first. Full plan: {url}",
                week.number,
                session.name,
                session.kind.label(),
                lines.join("\n")
            );
            let mut event = Event::new();
            event
                .uid(&format!("plan-{key}-w{}-s{}@runstrong", week.number, s + 1))
                .summary(&format!(
                    "Strength: {} ({})",
                    session.name,
                    session.kind.label()
                ))
                .description(&description)
                .starts(session.date)
                .ends(day_after(session.date))
                .url(url);
            if let Some(stamp) = stamp {
                event.timestamp(stamp);
            }
            calendar.push(event.done());
        }
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("valid test date")
    }

    #[test]
    fn sessions_land_on_chosen_days() {
        // 2026-11-30 is a Monday.
        let request = CalendarRequest {
            start: date("2026-11-30"),
            days: vec![Weekday::Mon, Weekday::Thu],
        };
        let dates = session_dates(&request, 2, &[2, 2]);
        assert_eq!(dates[0], [date("2026-11-30"), date("2026-12-03")]);
        assert_eq!(dates[1], [date("2026-12-07"), date("2026-12-10")]);
    }

    #[test]
    fn a_mid_week_start_counts_weeks_from_the_start() {
        // 2026-12-02 is a Wednesday: week 1 runs Wednesday to Tuesday.
        let request = CalendarRequest {
            start: date("2026-12-02"),
            days: vec![Weekday::Mon, Weekday::Thu],
        };
        let dates = session_dates(&request, 2, &[2, 1]);
        assert_eq!(dates[0], [date("2026-12-03"), date("2026-12-07")]);
        assert_eq!(dates[1], [date("2026-12-10")]);
    }
}
