//! "Build my plan": reads the form ([`form`]), builds the plan with the pure planner in
//! [`crate::domain::planner`], and lays it out as the page or the calendar file.

pub mod form;

use askama::Template;
use chrono::Datelike;
use sha2::{Digest, Sha256};

use super::Pages;
use super::live::Answer;
use super::weeks::row;
use crate::db::{Database, ExerciseFilter, queries};
use crate::domain::labels::weekday_name;
use crate::domain::planner::input::auto_program;
use crate::domain::planner::season::Phase;
use crate::domain::planner::{
    Catalogue, Plan, PlanInput, PlanSession, PlanWeek, ProgramChoice, build_plan,
};
use crate::domain::{Equipment, Exercise, Muscle, Program, find_exercise};
use crate::error::AppError;
use crate::params::QueryParams;
use crate::views::bodymap::BodyMap;
use crate::views::plan::{PlanForm, PlanPage, PlanView, rules};
use crate::views::programs::{SessionView, WeekView};
use form::Reading;

/// The content the planner and its page read.
pub struct PlanContent {
    pub programs: Vec<Program>,
    pub exercises: Vec<Exercise>,
    pub equipment: Vec<Equipment>,
    pub muscles: Vec<Muscle>,
}

impl PlanContent {
    fn load(db: &Database) -> Result<Self, AppError> {
        Ok(db.with(|conn| {
            Ok(Self {
                programs: queries::programs(conn)?,
                exercises: queries::exercises(conn, &ExerciseFilter::default())?,
                equipment: queries::equipment(conn)?,
                muscles: queries::muscles(conn)?,
            })
        })?)
    }

    /// The program a valid request follows.
    fn program(&self, input: &PlanInput) -> Option<&Program> {
        match &input.program {
            ProgramChoice::Named(slug) => self.programs.iter().find(|p| &p.slug == slug),
            ProgramChoice::Auto { goal, level } => auto_program(
                *goal,
                *level,
                input.place,
                !input.equipment.is_empty(),
                &self.programs,
            ),
        }
    }

    /// The plan for a valid request, with the program it follows.
    pub fn plan(&self, input: &PlanInput) -> Result<(Plan, &Program), AppError> {
        let program = self
            .program(input)
            .ok_or_else(|| AppError::bad_request("There is no programme to build a plan from."))?;
        let catalogue = Catalogue {
            exercises: &self.exercises,
            equipment: &self.equipment,
        };
        Ok((build_plan(input, program, &catalogue), program))
    }
}

/// A short, stable name for a request: the start of a hash of its normalised query.
pub fn plan_key(query: &str) -> String {
    Sha256::digest(query.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Weeks shown on one page: one four-week block. Longer plans are split into parts (`part=2`, ...), which
/// keeps every page within the first-visit size budget; the calendar file holds them all.
pub const WEEKS_PER_PART: usize = 4;

/// Reads the optional `part` parameter: a page number from 1.
pub fn part(query: &str) -> Result<usize, AppError> {
    match QueryParams::parse(query)?.single("part")? {
        None => Ok(1),
        Some(text) => match text.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(n),
            _ => Err(AppError::bad_request(format!(
                "part \"{text}\" is not a page number: use 1, 2, 3 and so on."
            ))),
        },
    }
}

impl Pages {
    /// `/plan?...`: the blank form, the form with its problems (a bad request, shown as
    /// the page), or the form and one part of the plan.
    pub fn plan(&self, query: &str) -> Result<Answer, AppError> {
        let content = PlanContent::load(&self.db)?;
        Ok(
            match form::read(query, &content.programs, &content.equipment) {
                Reading::Blank => {
                    Answer::Page(self.plan_page(&content, PlanForm::default(), None)?)
                }
                Reading::Invalid(form) => Answer::Invalid(self.plan_page(&content, form, None)?),
                Reading::Valid(_, input) => {
                    let form = form::filled(&input, &content.programs, &content.equipment);
                    let part = part(query)?;
                    Answer::Page(self.plan_page(&content, form, Some((&input, part)))?)
                }
            },
        )
    }

    /// The plan of a valid request as an iCalendar file; bad answers are a bad request
    /// listing each problem.
    pub fn plan_calendar(&self, query: &str) -> Result<String, AppError> {
        let content = PlanContent::load(&self.db)?;
        match form::read(query, &content.programs, &content.equipment) {
            Reading::Valid(_, input) => plan_ics(&content, &input, &self.public_url),
            Reading::Blank => Err(AppError::bad_request(
                "The plan's answers are missing: build a plan first, then use its calendar link.",
            )),
            Reading::Invalid(form) => Err(AppError::BadRequest(
                form.errors.into_iter().map(|(_, p)| p).collect(),
            )),
        }
    }

    /// The page: the form alone, the form with problems, or the form and one part of the plan.
    fn plan_page(
        &self,
        content: &PlanContent,
        form: PlanForm,
        input: Option<(&PlanInput, usize)>,
    ) -> Result<String, AppError> {
        let plan = match input {
            Some((input, part)) => Some(plan_view(content, input, part)?),
            None => None,
        };
        // A plan is its own page: its canonical address is the plan's (and its part's),
        // and the training script keeps what the runner ticks under that address.
        let path = match (&plan, input) {
            (Some(view), Some((_, part))) if part > 1 => format!("{}&part={part}", view.href),
            (Some(view), _) => view.href.clone(),
            _ => "/plan".to_string(),
        };
        let page = PlanPage {
            meta: self.live_only(self.meta(
                "Build my plan",
                "A strength plan around your own running week: your days, your long run and hard sessions, your equipment and your race, to print and put in your calendar.",
                path,
                "programs",
            )),
            form,
            programs: content.programs.clone(),
            equipment: content.equipment.clone(),
            rules: rules(),
            plan,
        };
        Ok(page.render()?)
    }
}

fn plan_view(content: &PlanContent, input: &PlanInput, part: usize) -> Result<PlanView, AppError> {
    let (plan, program) = content.plan(input)?;
    let parts = plan.weeks.len().div_ceil(WEEKS_PER_PART).max(1);
    if part > parts {
        return Err(AppError::bad_request(format!(
            "part {part} does not exist: this plan has {parts} part{}.",
            if parts == 1 { "" } else { "s" }
        )));
    }
    let query = form::canonical_query(input);
    let sessions: usize = plan.weeks.iter().map(|w| w.sessions.len()).sum();
    let summary = format!(
        "{} weeks following {}, {sessions} sessions in all, from {}{}.",
        plan.weeks.len(),
        program.title,
        input.start.format("%-d %B %Y"),
        input
            .race
            .map(|r| format!(" to the day before your race on {}", r.format("%-d %B %Y")))
            .unwrap_or_default()
    );
    let shown = (part - 1) * WEEKS_PER_PART..(part * WEEKS_PER_PART).min(plan.weeks.len());
    let weeks = plan.weeks[shown.clone()]
        .iter()
        .map(|week| {
            let map = BodyMap::heat(
                format!("map-w{}", week.number),
                &week.half_sets_per_muscle,
                &content.muscles,
            );
            (week_view(week, program, &content.exercises), map)
        })
        .collect();
    Ok(PlanView {
        program: program.clone(),
        summary,
        notices: plan.notices,
        weeks,
        ics_href: format!("/plan.ics?{query}"),
        href: format!("/plan?{query}"),
        shown: if parts > 1 {
            Some(format!(
                "Weeks {} to {} of {}",
                shown.start + 1,
                shown.end,
                plan.weeks.len()
            ))
        } else {
            None
        },
        parts: if parts > 1 {
            (1..=parts)
                .map(|n| (n, format!("/plan?{query}&part={n}"), n == part))
                .collect()
        } else {
            Vec::new()
        },
    })
}

/// A plan week in the programs' week layout.
fn week_view(week: &PlanWeek, program: &Program, exercises: &[Exercise]) -> WeekView {
    let source = program.weeks.get(week.program_week);
    let phase = week
        .phase
        .filter(|p| *p != Phase::Taper)
        .map(|p| format!("{}: {} ", p.label(), p.purpose()))
        .unwrap_or_default();
    let contacts = match (week.foot_contacts, week.jumping_capped) {
        (0, _) => String::new(),
        (n, false) => format!("{n} foot contacts this week."),
        (n, true) => format!("{n} foot contacts this week, trimmed to keep growth within the cap."),
    };
    let rest_note = if week.sessions.is_empty() {
        "No strength session this week. "
    } else {
        ""
    };
    let session_views = week
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| session_view(week.number, i + 1, s, exercises))
        .collect();
    WeekView {
        number: week.number,
        title: format!(
            "Week {}: {} to {}",
            week.number,
            week.starts.format("%-d %B"),
            week.ends.format("%-d %B %Y")
        ),
        // The program's focus talks of adding work, which the taper does not do.
        focus: match (week.phase, source) {
            (Some(Phase::Taper), _) => format!("Taper: {}", Phase::Taper.purpose()),
            (_, Some(w)) => w.focus.clone(),
            (_, None) => String::new(),
        },
        note: Some(format!("{rest_note}{phase}{contacts}").trim().to_string())
            .filter(|n| !n.is_empty()),
        session_views,
    }
}

/// A plan session in the week table: its day and kind, and a row per exercise (one swapped
/// in says what it replaces).
fn session_view(
    week: usize,
    number: usize,
    session: &PlanSession,
    exercises: &[Exercise],
) -> SessionView {
    SessionView {
        id: format!("w{week}s{number}"),
        name: format!(
            "{} {}: {}, {}",
            weekday_name(session.date.weekday()),
            session.date.format("%-d %B"),
            session.name,
            session.kind.label()
        ),
        contacts: session.foot_contacts,
        rows: session
            .items
            .iter()
            .enumerate()
            .map(|(r, item)| {
                let note = match &item.swapped_from {
                    Some(original) => Some(format!(
                        "Instead of {}",
                        find_exercise(exercises, original).map_or(original.as_str(), |e| &e.name)
                    )),
                    None => item.note.clone(),
                };
                row(format!("w{week}s{number}r{}", r + 1), item, note, exercises)
            })
            .collect(),
    }
}

/// The calendar file of a valid request.
fn plan_ics(content: &PlanContent, input: &PlanInput, site: &str) -> Result<String, AppError> {
    let (plan, program) = content.plan(input)?;
    let query = form::canonical_query(input);
    let url = format!("{site}/plan?{query}");
    Ok(super::calendar::plan_calendar(
        &plan,
        &program.title,
        &content.exercises,
        &plan_key(&query),
        &url,
    ))
}
