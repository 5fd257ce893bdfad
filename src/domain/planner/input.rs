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
    Durability,
    Calves,
    Maintenance,
}

impl Goal {
    pub const ALL: &[Goal] = &[
        Goal::General,
        Goal::PosteriorChain,
        Goal::Power,
        Goal::Durability,
        Goal::Calves,
        Goal::Maintenance,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Goal::General => "general",
            Goal::PosteriorChain => "posterior-chain",
            Goal::Power => "power",
            Goal::Durability => "durability",
            Goal::Calves => "calves",
            Goal::Maintenance => "maintenance",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Goal::General => "All-round strength",
            Goal::PosteriorChain => "Stronger glutes and hamstrings",
            Goal::Power => "A springier stride (jumping drills)",
            Goal::Durability => "Legs that last a marathon or ultra",
            Goal::Calves => "Stronger calves and Achilles",
            Goal::Maintenance => "Keep strength through a racing season",
        }
    }

    /// Also accepts the words runners use: `plyometric` for power, `achilles` for calves,
    /// `in-season` for maintenance.
    pub fn from_slug(slug: &str) -> Option<Self> {
        match slug {
            "plyometric" => Some(Goal::Power),
            "achilles" => Some(Goal::Calves),
            "in-season" => Some(Goal::Maintenance),
            _ => Self::ALL.iter().copied().find(|g| g.slug() == slug),
        }
    }
}

/// The program `program=auto` picks, by this table:
///
/// | goal | level, place, kit | program |
/// |---|---|---|
/// | general | intermediate or advanced, in a gym | `gym` |
/// | general | at home with some home kit, or a beginner in a gym | `home` |
/// | general | at home with no kit | `no-kit-beginner` |
/// | posterior-chain | any | `posterior-chain-4-week` (swaps make it work at home) |
/// | power | beginner or intermediate | `plyometric` |
/// | power | advanced | `power-5k-10k` |
/// | durability | beginner | `no-kit-beginner` (the base a durability block builds on) |
/// | durability | intermediate or advanced | `marathon-durability` |
/// | calves | beginner | `no-kit-beginner` (it has calf work from week 1) |
/// | calves | intermediate or advanced | `calf-achilles-durability` |
/// | maintenance | any | `in-season-maintenance` |
///
/// If the table's program is missing from the content, the first program by title is used.
pub fn auto_program(
    goal: Goal,
    level: Level,
    place: Place,
    owns_kit: bool,
    programs: &[Program],
) -> Option<&Program> {
    let slug = auto_slug(goal, level, place, owns_kit);
    programs
        .iter()
        .find(|p| p.slug == slug)
        .or_else(|| programs.first())
}

/// The slug [`auto_program`]'s table gives.
pub fn auto_slug(goal: Goal, level: Level, place: Place, owns_kit: bool) -> &'static str {
    let beginner = level == Level::Beginner;
    match goal {
        Goal::General if place == Place::Gym && !beginner => "gym",
        Goal::General if owns_kit || place == Place::Gym => "home",
        Goal::General => "no-kit-beginner",
        Goal::PosteriorChain => "posterior-chain-4-week",
        Goal::Power if level == Level::Advanced => "power-5k-10k",
        Goal::Power => "plyometric",
        Goal::Durability | Goal::Calves if beginner => "no-kit-beginner",
        Goal::Durability => "marathon-durability",
        Goal::Calves => "calf-achilles-durability",
        Goal::Maintenance => "in-season-maintenance",
    }
}
