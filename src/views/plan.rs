//! The "Build my plan" page: the form (kept filled in, problems beside their fields), the
//! rules in plain words, and each plan week in the programs' printable week layout with a
//! heat map of sets per muscle.

use askama::Template;

use super::PageMeta;
use super::bodymap::BodyMap;
use super::programs::WeekView;
use crate::domain::LANDING_GROWTH_PERCENT;
use crate::domain::labels::WEEKDAYS;
use crate::domain::limits::{MINUTES_PER_SESSION, SESSIONS_PER_WEEK};
use crate::domain::planner::adjust::{TAPER_MAX_RPE, WARM_UP_MINUTES};
use crate::domain::planner::input::Goal;
use crate::domain::planner::season::{FRESH_DAYS, TAPER_DAYS};
use crate::domain::{Equipment, Level, Program};

/// The answers as typed, for refilling the form, and the problems found.
#[derive(Debug, Default, Clone)]
pub struct PlanForm {
    pub program: String,
    pub goal: String,
    pub level: String,
    pub place: String,
    pub equipment: Vec<String>,
    pub days: Vec<String>,
    pub long_run: String,
    pub hard: Vec<String>,
    pub rest: Vec<String>,
    pub start: String,
    pub race: String,
    pub sessions: String,
    pub minutes: String,
    /// (field name, what is wrong), in form order.
    pub errors: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "plan.html")]
pub struct PlanPage {
    pub meta: PageMeta,
    pub form: PlanForm,
    pub programs: Vec<Program>,
    pub equipment: Vec<Equipment>,
    pub rules: Vec<String>,
    /// Present once the answers are valid.
    pub plan: Option<PlanView>,
}

pub struct PlanView {
    /// The program the plan follows; its warm-up is printed on every week.
    pub program: Program,
    pub summary: String,
    pub notices: Vec<String>,
    pub weeks: Vec<(WeekView, BodyMap)>,
    /// `/plan.ics?` and `/plan?` with the normalised query.
    pub ics_href: String,
    pub href: String,
    /// "Weeks 17 to 32 of 49" when the plan is split into parts.
    pub shown: Option<String>,
    /// (number, href, current) for each part of a long plan; empty for short ones.
    pub parts: Vec<(usize, String, bool)>,
}

/// Checkbox groups of the form: (field, legend, hint).
pub const DAY_GROUPS: &[(&str, &str, &str)] = &[
    (
        "days",
        "Days free for strength work",
        "Tick every day you could fit a session in.",
    ),
    ("hard", "Hard running days", "Intervals, tempo runs, races."),
    (
        "rest",
        "Rest days",
        "No training at all: nothing is planned here.",
    ),
];

impl PlanPage {
    /// The problems for one field, joined.
    pub fn error(&self, field: &str) -> Option<String> {
        let problems: Vec<&str> = self
            .form
            .errors
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|(_, p)| p.as_str())
            .collect();
        (!problems.is_empty()).then(|| problems.join(" "))
    }

    /// Whether a single-choice field (select or radio) has `value`.
    pub fn is(&self, field: &str, value: &str) -> bool {
        let chosen = match field {
            "program" => &self.form.program,
            "goal" => &self.form.goal,
            "level" => &self.form.level,
            "place" => &self.form.place,
            "long_run" => &self.form.long_run,
            _ => return false,
        };
        chosen == value
    }

    /// The problem summary: (anchor of the field, if it has one, problem).
    pub fn summary(&self) -> Vec<(Option<String>, &str)> {
        self.form
            .errors
            .iter()
            .map(|(field, problem)| {
                let anchor = (*field != "query").then(|| format!("#f-{field}"));
                (anchor, problem.as_str())
            })
            .collect()
    }

    /// Whether a checkbox of a list field is ticked.
    pub fn ticked(&self, field: &str, value: &str) -> bool {
        let list = match field {
            "equipment" => &self.form.equipment,
            "days" => &self.form.days,
            "hard" => &self.form.hard,
            "rest" => &self.form.rest,
            _ => return false,
        };
        list.iter().any(|v| v == value)
    }

    pub fn weekdays(&self) -> &'static [(&'static str, &'static str)] {
        WEEKDAYS
    }

    /// The range of sessions a week the form accepts, for the input's `min` and `max`.
    pub fn sessions_range(&self) -> (u8, u8) {
        (*SESSIONS_PER_WEEK.start(), *SESSIONS_PER_WEEK.end())
    }

    /// The range of minutes a session the form accepts.
    pub fn minutes_range(&self) -> (u16, u16) {
        (*MINUTES_PER_SESSION.start(), *MINUTES_PER_SESSION.end())
    }

    /// (value, label) choices for the goal and level selects.
    pub fn goals(&self) -> Vec<(&'static str, &'static str)> {
        Goal::ALL.iter().map(|g| (g.slug(), g.label())).collect()
    }

    pub fn levels(&self) -> Vec<(&'static str, &'static str)> {
        Level::ALL.iter().map(|l| (l.slug(), l.label())).collect()
    }

    pub fn day_groups(&self) -> &'static [(&'static str, &'static str, &'static str)] {
        DAY_GROUPS
    }
}

/// The planner's rules in plain words, with the numbers the planner uses.
pub fn rules() -> Vec<String> {
    vec![
        "No leg or jumping session on the day before your long run or a hard session: you want fresh legs for those. Leg work goes on an easy day, or after an easy run on the same day.".to_string(),
        "At least 48 hours between two leg sessions, so the muscles recover; the plan never puts them on consecutive days, even across the change of week.".to_string(),
        "No jumping drills on the day after your long run, when tired legs land badly.".to_string(),
        "When a day cannot take leg work, it may still take an upper-body and core session.".to_string(),
        format!("Foot contacts (landings in jumping drills) are counted per session and per week. Each is weighted by how hard it lands (low impact 1, moderate 2, high 3), and a week's weighted total may be at most {LANDING_GROWTH_PERCENT}% more than the week before, also when a week adds a second jumping session: tendons and bones adapt more slowly than muscles, so jumping grows gently."),
        format!("With a race date, the weeks are counted back from the race: base strength, then strength, then power, then a {TAPER_DAYS}-day taper. In the taper there are at most two sessions, with about half the sets and effort no higher than {TAPER_MAX_RPE} out of 10; race week has no jumping and nothing you have not done before, and the last {FRESH_DAYS} days before the race are free. The plan ends the day before the race."),
        format!("Sessions are fitted to your time ({WARM_UP_MINUTES} minutes of warm-up included) by taking away sets, then the last exercises."),
        "At a gym, everything in the equipment guide is assumed to be there; at home, only what you tick. An exercise that needs something you lack becomes its first substitute that you can do, and the plan says so.".to_string(),
    ]
}
