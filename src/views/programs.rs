//! Program overview, weekly plan and print pages.

use askama::Template;

use super::PageMeta;
use crate::domain::dose::rest_label;
use crate::domain::{Equipment, Exercise, Program, Week};

/// A program with the summaries its pages print.
pub struct ProgramSummary {
    pub program: Program,
    pub equipment: Vec<Equipment>,
    pub sessions_text: String,
    pub minutes_text: String,
    pub equipment_text: String,
}

impl ProgramSummary {
    pub fn new(program: Program, equipment: Vec<Equipment>) -> Self {
        let sessions_text = match (program.sessions_min, program.sessions_max) {
            (a, b) if a == b => format!("{a} a week"),
            (a, b) => format!("{a} to {b} a week"),
        };
        let minutes_text = match (program.minutes_min, program.minutes_max) {
            (a, b) if a == b => format!("{a} minutes"),
            (a, b) => format!("{a} to {b} minutes"),
        };
        let equipment_text = if equipment.is_empty() {
            "None".to_string()
        } else {
            equipment
                .iter()
                .map(|e| e.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        Self {
            program,
            equipment,
            sessions_text,
            minutes_text,
            equipment_text,
        }
    }
}

#[derive(Template)]
#[template(path = "programs.html")]
pub struct ProgramsPage {
    pub meta: PageMeta,
    pub programs: Vec<ProgramSummary>,
}

/// One row of the progression table.
pub struct WeekSummary {
    pub number: usize,
    pub title: String,
    pub focus: String,
    pub sessions: usize,
    pub sets: u32,
    pub rpe: String,
    pub contacts: u32,
}

#[derive(Template)]
#[template(path = "program.html")]
pub struct ProgramPage {
    pub meta: PageMeta,
    pub p: ProgramSummary,
    pub weeks: Vec<WeekSummary>,
    /// Whether to show the foot-contacts column.
    pub has_contacts: bool,
}

/// A week laid out for the plan table.
pub struct WeekView {
    pub number: usize,
    pub title: String,
    pub focus: String,
    pub note: Option<String>,
    pub session_views: Vec<SessionView>,
}

pub struct SessionView {
    pub name: String,
    pub contacts: u32,
    pub rows: Vec<RowView>,
}

pub struct RowView {
    /// Unique within the page: the session id and the row's position.
    pub id: String,
    pub slug: String,
    pub name: String,
    pub note: Option<String>,
    pub dose: String,
    pub rest: String,
    pub rpe: u8,
    pub effort_words: String,
    pub set_numbers: Vec<u32>,
}

impl WeekView {
    pub fn new(number: usize, week: &Week, exercises: &[Exercise]) -> Self {
        let session_views = week
            .sessions
            .iter()
            .enumerate()
            .map(|(i, session)| {
                let rows: Vec<RowView> = session
                    .items
                    .iter()
                    .enumerate()
                    .map(|(r, item)| {
                        let exercise = exercises.iter().find(|e| e.slug == item.exercise);
                        RowView {
                            id: format!("w{number}s{}r{}", i + 1, r + 1),
                            slug: item.exercise.clone(),
                            name: exercise
                                .map_or_else(|| item.exercise.clone(), |e| e.name.clone()),
                            note: item.note.clone(),
                            dose: item.dose.label(),
                            rest: rest_label(item.rest),
                            rpe: item.rpe,
                            effort_words: effort_words(item.rpe),
                            set_numbers: (1..=item.dose.sets).collect(),
                        }
                    })
                    .collect();
                SessionView {
                    name: session.name.clone(),
                    contacts: session_contacts(session, exercises),
                    rows,
                }
            })
            .collect();
        Self {
            number,
            title: week.title.clone(),
            focus: week.focus.clone(),
            note: week.note.clone(),
            session_views,
        }
    }
}

/// Foot contacts in one session: each drill's contacts per rep, times the reps and sets
/// written for this week.
pub fn session_contacts(session: &crate::domain::Session, exercises: &[Exercise]) -> u32 {
    session
        .items
        .iter()
        .filter_map(|item| {
            let exercise = exercises.iter().find(|e| e.slug == item.exercise)?;
            Some(exercise.contacts_in(&item.dose))
        })
        .sum()
}

/// RPE in words, with reps in reserve for lifting.
pub fn effort_words(rpe: u8) -> String {
    let reserve = 10u8.saturating_sub(rpe);
    match rpe {
        0..=4 => "Easy: you could carry on for a long time".to_string(),
        5..=9 => format!("Effort {rpe} out of 10: stop with about {reserve} good reps left"),
        _ => "Maximal effort".to_string(),
    }
}

impl WeekSummary {
    pub fn new(number: usize, week: &Week, exercises: &[Exercise]) -> Self {
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
        Self {
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
            contacts: first.map_or(0, |s| session_contacts(s, exercises)),
        }
    }
}

#[derive(Template)]
#[template(path = "week.html")]
pub struct WeekPage {
    pub meta: PageMeta,
    pub program: Program,
    pub w: WeekView,
}

#[derive(Template)]
#[template(path = "program_print.html")]
pub struct ProgramPrintPage {
    pub meta: PageMeta,
    pub program: Program,
    pub weeks: Vec<WeekView>,
}
