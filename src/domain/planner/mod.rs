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
use crate::domain::{Dose, Equipment, Exercise, Program, Session};
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
    /// Whether jumping work was trimmed to respect the growth cap.
    pub contacts_capped: bool,
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
    let exercises = catalogue.exercises;
    let mut notices = Notices::default();
    let most = usize::from(program.sessions_max).max(1);
    let wanted = usize::from(input.sessions).min(most);
    if wanted < usize::from(input.sessions) {
        notices.add(format!(
            "{} has at most {most} session{} a week, so the plan has {most}.",
            program.title,
            if most == 1 { "" } else { "s" }
        ));
    }
    let jumping = program
        .weeks
        .iter()
        .flat_map(|w| &w.sessions)
        .flat_map(|s| &s.items)
        .filter_map(|i| adjust::find(exercises, &i.exercise))
        .any(adjust::is_jumping);
    let pattern = schedule::weekly_pattern(&input.week, wanted, jumping);
    pattern.notices.iter().for_each(|n| notices.add(n.clone()));
    let kit = Kit::new(input.place, &input.equipment, catalogue.equipment);
    let minutes = input
        .minutes
        .map_or(u32::from(program.minutes_max), u32::from);
    let mut seen: Vec<String> = Vec::new();
    let mut previous_contacts: Option<u32> = None;
    let mut weeks = Vec::new();
    let mut taper = season::Taper::default();
    for span in season::week_spans(input.start, input.race, program.weeks.len().max(1)) {
        let program_week = (span.number - 1) % program.weeks.len().max(1);
        let Some(source) = program.weeks.get(program_week) else {
            break;
        };
        let dates: Vec<(NaiveDate, schedule::Slot)> = span
            .dates()
            .filter_map(|d| pattern.slot(d.weekday()).map(|s| (d, s)))
            .collect();
        let keeps: Vec<bool> = dates
            .iter()
            .map(|(date, _)| taper.keeps(*date, input.race))
            .collect();
        let (mut lower_index, mut upper_index) = (0, pattern.lower_count());
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
                race: input.race,
                minutes,
                kit: &kit,
                catalogue,
            };
            if let Some(session) = plan_session(template, &context, &seen, &mut notices) {
                seen.extend(session.items.iter().map(|i| i.exercise.clone()));
                sessions.push(session);
            }
        }
        let contacts_capped = match previous_contacts.filter(|p| *p > 0) {
            Some(previous) => {
                let mut lists: Vec<&mut Vec<PlanItem>> =
                    sessions.iter_mut().map(|s| &mut s.items).collect();
                adjust::cap_contacts(&mut lists, exercises, adjust::contact_allowance(previous))
            }
            None => false,
        };
        sessions.retain(|s| !s.items.is_empty());
        for session in &mut sessions {
            session.foot_contacts = contacts(&session.items, exercises);
            session.kind = kind(&session.items, exercises);
        }
        let foot_contacts = sessions.iter().map(|s| s.foot_contacts).sum();
        previous_contacts = Some(foot_contacts);
        weeks.push(PlanWeek {
            number: span.number,
            starts: span.starts,
            ends: span.ends,
            phase: span.phase,
            program_week,
            half_sets_per_muscle: half_sets(&sessions, exercises),
            sessions,
            foot_contacts,
            contacts_capped,
        });
    }
    Plan {
        program: program.slug.clone(),
        weeks,
        notices: notices.0,
    }
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
    let mut items = Vec::new();
    for item in &template.items {
        let Some(original) = adjust::find(exercises, &item.exercise) else {
            continue;
        };
        let in_session: Vec<&str> = items
            .iter()
            .map(|i: &PlanItem| i.exercise.as_str())
            .collect();
        let mut planned = match adjust::swap(item, exercises, cx.kit, &in_session) {
            Swap::Kept(planned) => planned,
            Swap::Swapped(planned) => {
                let name =
                    adjust::find(exercises, &planned.exercise).map_or("", |e| e.name.as_str());
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
                continue;
            }
        };
        let Some(exercise) = adjust::find(exercises, &planned.exercise) else {
            continue;
        };
        if !cx.slot.lower && works_legs(exercise) {
            continue;
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
            continue;
        }
        items.push(planned);
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
        foot_contacts: contacts(&items, exercises),
        items,
    })
}

fn contacts(items: &[PlanItem], exercises: &[Exercise]) -> u32 {
    items
        .iter()
        .filter_map(|i| adjust::find(exercises, &i.exercise).map(|e| e.contacts_in(&i.dose)))
        .sum()
}

fn kind(items: &[PlanItem], exercises: &[Exercise]) -> SessionKind {
    let found: Vec<&Exercise> = items
        .iter()
        .filter_map(|i| adjust::find(exercises, &i.exercise))
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
                .filter_map(|i| adjust::find(exercises, &i.exercise).map(|e| (e, i.dose.sets)))
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
