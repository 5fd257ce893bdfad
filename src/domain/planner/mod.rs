//! "Build my plan": a program fitted around a runner's own running week.
//!
//! Pure and deterministic: [`build_plan`] takes a checked [`PlanInput`] and the content,
//! and the same input always gives the same plan. The pieces, in the order they act:
//!
//! - [`input`]: the checked request, and the `program=auto` table;
//! - [`schedule`]: which weekdays take leg sessions (rules about the long run, hard days
//!   and 48 hours between leg sessions), with upper-body sessions for any left over;
//! - [`season`]: the plan's weeks and, before a race, its phases and taper;
//! - [`adjust`]: equipment swaps, the taper's lighter dose, the time limit, and the cap
//!   on week-on-week growth in foot contacts.
//!
//! When the request cannot all be met, the plan is the closest one that keeps every rule,
//! and [`Plan::notices`] says which rule won.

pub mod adjust;
pub mod input;
pub mod schedule;
pub mod season;

#[cfg(test)]
mod tests;

use chrono::{Datelike, NaiveDate};

use self::adjust::{Kit, Swap};
use self::season::{Phase, RaceCountdown};
use crate::domain::muscles::{self, MUSCLE_SLUGS};
use crate::domain::{
    Dose, Equipment, Exercise, Program, Session, SessionItem, Week, find_exercise, foot_contacts,
    landing_allowance, landing_load,
};
pub use input::{PlanInput, ProgramChoice, RunningWeek};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub program: String,
    pub weeks: Vec<PlanWeek>,
    /// Which rule won where the request could not all be met, and what was swapped.
    pub notices: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanWeek {
    pub number: usize,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    /// Only with a race date.
    pub phase: Option<Phase>,
    /// Which of the program's weeks this one follows (0-based).
    pub program_week: usize,
    pub sessions: Vec<PlanSession>,
    pub foot_contacts: u32,
    /// Foot contacts weighted by impact ([`crate::domain::landing_load`]).
    pub landing_load: u32,
    /// Whether jumping work was trimmed to keep the landing load's growth within
    /// [`crate::domain::LANDING_GROWTH_PERCENT`].
    pub jumping_capped: bool,
    /// Working sets per muscle, counted in halves: a main mover counts a set as 2, a
    /// helping muscle as 1. Body-map order; muscles with no sets are left out.
    pub half_sets_per_muscle: Vec<(String, u32)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionKind {
    Strength,
    Plyometric,
    Upper,
}

impl SessionKind {
    /// Leg and jumping sessions are the ones the scheduling rules protect.
    pub fn is_lower(self) -> bool {
        self != SessionKind::Upper
    }

    pub fn label(self) -> &'static str {
        match self {
            SessionKind::Strength => "strength",
            SessionKind::Plyometric => "jumping",
            SessionKind::Upper => "upper body and core",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanSession {
    pub date: NaiveDate,
    pub kind: SessionKind,
    /// The program session it follows, such as "Session A".
    pub name: String,
    pub items: Vec<PlanItem>,
    pub foot_contacts: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    pub exercise: String,
    pub dose: Dose,
    pub rest: u32,
    pub rpe: u8,
    pub note: Option<String>,
    /// The program's exercise, when this one replaces it.
    pub swapped_from: Option<String>,
}

crate::domain::prescription_from_fields!(PlanItem);

/// What the planner reads from the content.
pub struct Catalogue<'a> {
    pub exercises: &'a [Exercise],
    pub equipment: &'a [Equipment],
}

/// Whether an exercise loads the legs (any lower-body main mover, or foot contacts).
pub fn works_legs(exercise: &Exercise) -> bool {
    exercise.primary.iter().any(|m| muscles::is_lower_body(m))
        || exercise.contacts_in(&exercise.dose) > 0
}

/// Builds the plan for `input` from `program`.
pub fn build_plan(input: &PlanInput, program: &Program, catalogue: &Catalogue) -> Plan {
    let mut notices = Notices::default();
    let wanted = sessions_wanted(input, program, &mut notices);
    let jumping = has_jumping(program, catalogue.exercises);
    let pattern = schedule::weekly_pattern(&input.week, wanted, jumping);
    pattern.notices.iter().for_each(|n| notices.add(n.clone()));
    let cx = PlanContext {
        input,
        program,
        catalogue,
        kit: Kit::new(input.place, &input.equipment, catalogue.equipment),
        minutes: input
            .minutes
            .map_or(u32::from(program.minutes_max), u32::from),
        pattern,
    };
    let mut carry = Carry::default();
    let weeks = season::week_spans(input.start, input.race, program.weeks.len().max(1))
        .into_iter()
        .map_while(|span| plan_week(&cx, span, &mut carry, &mut notices))
        .collect();
    Plan {
        program: program.slug.clone(),
        weeks,
        notices: notices.0,
    }
}

/// What stays the same for every week of one plan.
struct PlanContext<'a> {
    input: &'a PlanInput,
    program: &'a Program,
    catalogue: &'a Catalogue<'a>,
    pattern: schedule::WeeklyPattern,
    kit: Kit,
    /// The longest a session may take, warm-up included.
    minutes: u32,
}

/// What one week hands on to the next.
#[derive(Default)]
struct Carry {
    /// Exercises already in the plan: race week keeps only these.
    seen: Vec<String>,
    /// Last week's landing load, for the growth cap.
    previous_load: Option<u32>,
    taper: season::Taper,
}

/// The sessions a week the runner asked for, within what the programme offers.
fn sessions_wanted(input: &PlanInput, program: &Program, notices: &mut Notices) -> usize {
    let most = usize::from(program.sessions_max).max(1);
    let wanted = usize::from(input.sessions).min(most);
    if wanted < usize::from(input.sessions) {
        notices.add(format!(
            "{} has at most {most} session{} a week, so the plan has {most}.",
            program.title,
            if most == 1 { "" } else { "s" }
        ));
    }
    wanted
}

/// Whether any week of the programme has a jumping drill.
fn has_jumping(program: &Program, exercises: &[Exercise]) -> bool {
    program
        .weeks
        .iter()
        .flat_map(|w| &w.sessions)
        .flat_map(|s| &s.items)
        .filter_map(|i| find_exercise(exercises, &i.exercise))
        .any(adjust::is_jumping)
}

/// One plan week from the programme week it follows, or `None` past the programme's end.
fn plan_week(
    cx: &PlanContext,
    span: season::WeekSpan,
    carry: &mut Carry,
    notices: &mut Notices,
) -> Option<PlanWeek> {
    let exercises = cx.catalogue.exercises;
    let program_week = (span.number - 1) % cx.program.weeks.len().max(1);
    let source = cx.program.weeks.get(program_week)?;
    let mut sessions = week_sessions(cx, &span, source, carry, notices);
    let jumping_capped = match carry.previous_load.filter(|p| *p > 0) {
        Some(previous) => {
            let mut lists: Vec<&mut Vec<PlanItem>> =
                sessions.iter_mut().map(|s| &mut s.items).collect();
            adjust::cap_landing_load(&mut lists, exercises, landing_allowance(previous))
        }
        None => false,
    };
    sessions.retain(|s| !s.items.is_empty());
    for session in &mut sessions {
        session.foot_contacts = foot_contacts(&session.items, exercises);
        session.kind = kind(&session.items, exercises);
    }
    let foot_contacts = sessions.iter().map(|s| s.foot_contacts).sum();
    let landing_load = landing_load(sessions.iter().flat_map(|s| &s.items), exercises);
    carry.previous_load = Some(landing_load);
    Some(PlanWeek {
        number: span.number,
        starts: span.starts,
        ends: span.ends,
        phase: span.phase,
        program_week,
        half_sets_per_muscle: half_sets(&sessions, exercises),
        sessions,
        foot_contacts,
        landing_load,
        jumping_capped,
    })
}

/// The week's sessions on the pattern's days: leg days take the programme's sessions in
/// order, upper-body days the ones after them.
fn week_sessions(
    cx: &PlanContext,
    span: &season::WeekSpan,
    source: &Week,
    carry: &mut Carry,
    notices: &mut Notices,
) -> Vec<PlanSession> {
    let dates: Vec<(NaiveDate, schedule::Slot)> = span
        .dates()
        .filter_map(|d| cx.pattern.slot(d.weekday()).map(|s| (d, s)))
        .collect();
    let keeps: Vec<bool> = dates
        .iter()
        .map(|(date, _)| carry.taper.keeps(*date, cx.input.race))
        .collect();
    let (mut lower_index, mut upper_index) = (0, cx.pattern.lower_count());
    let mut sessions = Vec::new();
    for ((date, slot), keep) in dates.into_iter().zip(keeps) {
        let index = if slot.lower {
            &mut lower_index
        } else {
            &mut upper_index
        };
        let Some(template) = source.sessions.get(*index % source.sessions.len().max(1)) else {
            continue;
        };
        *index += 1;
        if !keep {
            continue;
        }
        let context = SessionContext {
            date,
            slot,
            race: cx.input.race,
            minutes: cx.minutes,
            kit: &cx.kit,
            catalogue: cx.catalogue,
        };
        if let Some(session) = plan_session(template, &context, &carry.seen, notices) {
            carry
                .seen
                .extend(session.items.iter().map(|i| i.exercise.clone()));
            sessions.push(session);
        }
    }
    sessions
}

struct SessionContext<'a> {
    date: NaiveDate,
    slot: schedule::Slot,
    race: Option<NaiveDate>,
    minutes: u32,
    kit: &'a Kit,
    catalogue: &'a Catalogue<'a>,
}

/// One session from the program's `template`, or `None` when nothing is left of it.
fn plan_session(
    template: &Session,
    cx: &SessionContext,
    seen: &[String],
    notices: &mut Notices,
) -> Option<PlanSession> {
    let exercises = cx.catalogue.exercises;
    let countdown = season::countdown(cx.date, cx.race);
    let mut items: Vec<PlanItem> = Vec::new();
    for item in &template.items {
        let in_session: Vec<&str> = items.iter().map(|i| i.exercise.as_str()).collect();
        if let Some(planned) = plan_item(item, cx, &in_session, countdown, seen, notices) {
            items.push(planned);
        }
    }
    if adjust::fit_minutes(&mut items, cx.minutes) {
        notices.add(format!(
            "Some sessions are shortened to fit {} minutes (warm-up included): fewer sets first, then the last exercises.",
            cx.minutes
        ));
    }
    if items.is_empty() {
        return None;
    }
    Some(PlanSession {
        date: cx.date,
        kind: kind(&items, exercises),
        name: template.name.clone(),
        foot_contacts: foot_contacts(&items, exercises),
        items,
    })
}

/// One programme item as the plan holds it: swapped for the runner's kit, lightened in
/// the taper, or left out (upper-body days, race week, nothing that fits).
fn plan_item(
    item: &SessionItem,
    cx: &SessionContext,
    in_session: &[&str],
    countdown: RaceCountdown,
    seen: &[String],
    notices: &mut Notices,
) -> Option<PlanItem> {
    let exercises = cx.catalogue.exercises;
    let original = find_exercise(exercises, &item.exercise)?;
    let mut planned = match adjust::swap(item, exercises, cx.kit, in_session) {
        Swap::Kept(planned) => planned,
        Swap::Swapped(planned) => {
            let name = find_exercise(exercises, &planned.exercise).map_or("", |e| e.name.as_str());
            notices.add(format!(
                "{} needs {}, which you did not list: {name} instead.",
                original.name,
                adjust::missing_kit(original, cx.kit, cx.catalogue.equipment)
            ));
            planned
        }
        Swap::Dropped => {
            notices.add(format!(
                "{} is left out: it needs {} and none of its substitutes fits your equipment.",
                original.name,
                adjust::missing_kit(original, cx.kit, cx.catalogue.equipment)
            ));
            return None;
        }
    };
    let exercise = find_exercise(exercises, &planned.exercise)?;
    if !cx.slot.lower && works_legs(exercise) {
        return None;
    }
    if countdown != RaceCountdown::Training {
        adjust::lighten(&mut planned);
    }
    if countdown == RaceCountdown::RaceWeek
        && (adjust::is_jumping(exercise) || !seen.contains(&planned.exercise))
    {
        notices.add(
            "Race week keeps only exercises you have already done in this plan, and no jumping drills."
                .to_string(),
        );
        return None;
    }
    Some(planned)
}

fn kind(items: &[PlanItem], exercises: &[Exercise]) -> SessionKind {
    let found: Vec<&Exercise> = items
        .iter()
        .filter_map(|i| find_exercise(exercises, &i.exercise))
        .collect();
    if found.iter().any(|e| e.contacts_in(&e.dose) > 0) {
        SessionKind::Plyometric
    } else if found.iter().any(|e| works_legs(e)) {
        SessionKind::Strength
    } else {
        SessionKind::Upper
    }
}

fn half_sets(sessions: &[PlanSession], exercises: &[Exercise]) -> Vec<(String, u32)> {
    MUSCLE_SLUGS
        .iter()
        .map(|muscle| {
            let total = sessions
                .iter()
                .flat_map(|s| &s.items)
                .filter_map(|i| find_exercise(exercises, &i.exercise).map(|e| (e, i.dose.sets)))
                .map(|(e, sets)| {
                    if e.primary.iter().any(|m| m == muscle) {
                        2 * sets
                    } else if e.secondary.iter().any(|m| m == muscle) {
                        sets
                    } else {
                        0
                    }
                })
                .sum();
            ((*muscle).to_string(), total)
        })
        .filter(|(_, total)| *total > 0)
        .collect()
}

/// Notices in the order they arose, each once.
#[derive(Default)]
struct Notices(Vec<String>);

impl Notices {
    fn add(&mut self, notice: String) {
        if !self.0.contains(&notice) {
            self.0.push(notice);
        }
    }
}
