//! What a runner tells the planner, already checked: every value here is known to be
//! valid, so the planner itself never has to reject anything.

use chrono::{NaiveDate, Weekday};

use crate::domain::{Level, Place, Program};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanInput {
    pub program: ProgramChoice,
    /// Home or gym (never `Anywhere`: the runner is somewhere).
    pub place: Place,
    /// Equipment slugs the runner owns, sorted.
    pub equipment: Vec<String>,
    pub week: RunningWeek,
    pub start: NaiveDate,
    /// The race day; the plan ends the day before.
    pub race: Option<NaiveDate>,
    /// Strength sessions wanted each week, within [`crate::domain::limits::SESSIONS_PER_WEEK`].
    pub sessions: u8,
    /// Longest session; `None` means the program's own maximum.
    pub minutes: Option<u16>,
}

/// The runner's running week, by weekday. Lists are in Monday-first order without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunningWeek {
    /// Days free for strength work.
    pub days: Vec<Weekday>,
    pub long_run: Option<Weekday>,
    /// Interval and tempo days.
    pub hard: Vec<Weekday>,
    /// Days with no training at all.
    pub rest: Vec<Weekday>,
}

impl RunningWeek {
    /// A day with a hard run or the long run.
    pub fn is_demanding(&self, day: Weekday) -> bool {
        self.long_run == Some(day) || self.hard.contains(&day)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgramChoice {
    Named(String),
    /// Let the planner choose from the goal and level (see [`auto_program`]).
    Auto {
        goal: Goal,
        level: Level,
    },
}

/// What a runner wants most from strength work, for `program=auto`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    General,
    PosteriorChain,
    Power,
}

impl Goal {
    pub const ALL: &[Goal] = &[Goal::General, Goal::PosteriorChain, Goal::Power];

    pub fn slug(self) -> &'static str {
        match self {
            Goal::General => "general",
            Goal::PosteriorChain => "posterior-chain",
            Goal::Power => "power",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Goal::General => "All-round strength",
            Goal::PosteriorChain => "Stronger glutes and hamstrings",
            Goal::Power => "A springier stride (jumping drills)",
        }
    }

    /// Accepts `plyometric` as another name for `power`.
    pub fn from_slug(slug: &str) -> Option<Self> {
        match slug {
            "plyometric" => Some(Goal::Power),
            _ => Self::ALL.iter().copied().find(|g| g.slug() == slug),
        }
    }
}

/// The program `program=auto` picks, by this table:
///
/// | goal | place, level | program |
/// |---|---|---|
/// | posterior-chain | any | `posterior-chain-4-week` (swaps make it work at home) |
/// | power | any | `plyometric` (needs no equipment) |
/// | general | gym, intermediate or advanced | `gym` |
/// | general | home, or a beginner | `home` |
///
/// If the table's program is missing from the content, the first program by title is used.
pub fn auto_program(
    goal: Goal,
    level: Level,
    place: Place,
    programs: &[Program],
) -> Option<&Program> {
    let slug = match goal {
        Goal::PosteriorChain => "posterior-chain-4-week",
        Goal::Power => "plyometric",
        Goal::General if place == Place::Gym && level != Level::Beginner => "gym",
        Goal::General => "home",
    };
    programs
        .iter()
        .find(|p| p.slug == slug)
        .or_else(|| programs.first())
}
