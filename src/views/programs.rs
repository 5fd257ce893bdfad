//! Program overview, weekly plan and print pages.

use askama::Template;

use super::PageMeta;
use crate::domain::{Equipment, Program};

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
    /// Training days spread over the week, such as `mon,wed`: the calendar saved for
    /// offline use takes them when the runner has chosen none.
    pub usual_days: String,
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
    /// Unique within the page: `w1s2` is week 1, session 2.
    pub id: String,
    pub name: String,
    pub contacts: u32,
    pub rows: Vec<RowView>,
}

/// One exercise of a session. Besides what the table prints, it carries the dose as
/// numbers, which the page exposes as data attributes for the training script.
pub struct RowView {
    /// Unique within the page: the session id and the row's position.
    pub id: String,
    pub slug: String,
    pub sets: u32,
    /// Reps per set, or seconds per set for timed work: exactly one is present.
    pub reps: Option<u32>,
    pub seconds: Option<u32>,
    pub per_side: bool,
    pub rest_seconds: u32,
    /// The exercise's page.
    pub href: String,
    /// The exercise's key pose as an image, when the exercise is in the library.
    pub still: Option<String>,
    pub name: String,
    pub note: Option<String>,
    pub dose: String,
    pub rest: String,
    pub rpe: u8,
    pub effort_words: String,
    pub set_numbers: Vec<u32>,
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
