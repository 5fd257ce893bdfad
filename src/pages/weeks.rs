//! Weeks laid out for the printable week table. Programme weeks and personal plan weeks
//! share the layout, and every row of either is made by [`row`].

use super::figures::still_url;
use crate::domain::dose::rest_label;
use crate::domain::{Exercise, Prescription, Week, find_exercise, foot_contacts};
use crate::views::format::effort_words;
use crate::views::programs::{RowView, SessionView, WeekSummary, WeekView};

/// One exercise of a session as a table row. `id` is unique on the page; `note` is the
/// slot's instruction (or why the exercise was swapped in).
pub fn row(
    id: String,
    item: &impl Prescription,
    note: Option<String>,
    exercises: &[Exercise],
) -> RowView {
    let slug = item.exercise();
    let exercise = find_exercise(exercises, slug);
    let (reps, seconds) = item.dose().amount.split();
    RowView {
        id,
        slug: slug.to_string(),
        sets: item.dose().sets,
        reps,
        seconds,
        per_side: item.dose().per_side,
        rest_seconds: item.rest(),
        href: exercise.map_or_else(
            || crate::domain::page_path("exercises", slug),
            Exercise::url,
        ),
        still: exercise.map(still_url),
        name: exercise.map_or_else(|| slug.to_string(), |e| e.name.clone()),
        note,
        dose: item.dose().label(),
        rest: rest_label(item.rest()),
        rpe: item.rpe(),
        effort_words: effort_words(item.rpe()),
        set_numbers: (1..=item.dose().sets).collect(),
    }
}

/// Week `number` of a programme, as printed.
pub fn programme_week(number: usize, week: &Week, exercises: &[Exercise]) -> WeekView {
    let session_views = week
        .sessions
        .iter()
        .enumerate()
        .map(|(i, session)| SessionView {
            id: format!("w{number}s{}", i + 1),
            name: session.name.clone(),
            contacts: foot_contacts(&session.items, exercises),
            rows: session
                .items
                .iter()
                .enumerate()
                .map(|(r, item)| {
                    let id = format!("w{number}s{}r{}", i + 1, r + 1);
                    row(id, item, item.note.clone(), exercises)
                })
                .collect(),
        })
        .collect();
    WeekView {
        number,
        title: week.title.clone(),
        focus: week.focus.clone(),
        note: week.note.clone(),
        session_views,
    }
}

/// One row of a programme's progression table: the first session's sets and foot
/// contacts, and the range of effort over the week.
pub fn week_summary(number: usize, week: &Week, exercises: &[Exercise]) -> WeekSummary {
    let first = week.sessions.first();
    let rpes: Vec<u8> = week
        .sessions
        .iter()
        .flat_map(|s| s.items.iter().map(|i| i.rpe))
        .collect();
    let (lo, hi) = (
        rpes.iter().min().copied().unwrap_or(0),
        rpes.iter().max().copied().unwrap_or(0),
    );
    WeekSummary {
        number,
        title: week.title.clone(),
        focus: week.focus.clone(),
        sessions: week.sessions.len(),
        sets: first.map_or(0, |s| s.items.iter().map(|i| i.dose.sets).sum()),
        rpe: if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        },
        contacts: first.map_or(0, |s| foot_contacts(&s.items, exercises)),
    }
}
