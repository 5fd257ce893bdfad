//! Changes to a program's prescriptions: equipment swaps, the taper's lighter dose, the
//! runner's time limit and the cap on jumping volume. Each returns what it changed so the
//! page can say so.

use super::PlanItem;
use crate::domain::dose::Amount;
use crate::domain::{
    Category, Equipment, EquipmentKind, Exercise, Place, SessionItem, find_exercise,
};

/// Highest effort in the taper: nothing maximal before a race.
pub const TAPER_MAX_RPE: u8 = 6;
/// Minutes counted for the warm-up when fitting a session into the runner's time.
pub const WARM_UP_MINUTES: u32 = 5;
/// Seconds a repetition takes, and to set up each exercise, for time estimates.
const SECONDS_PER_REP: u32 = 4;
const SETUP_SECONDS: u32 = 30;

/// The equipment a runner can use: at a gym, everything in the guide; at home, only what
/// they own.
pub struct Kit {
    available: Vec<String>,
}

impl Kit {
    pub fn new(place: Place, owned: &[String], equipment: &[Equipment]) -> Self {
        let available = equipment
            .iter()
            .filter(|e| place == Place::Gym || owned.contains(&e.slug))
            .map(|e| e.slug.clone())
            .collect();
        Self { available }
    }

    pub fn allows(&self, exercise: &Exercise) -> bool {
        exercise
            .equipment
            .iter()
            .all(|e| self.available.contains(e))
    }
}

/// What happened to a program item on its way into the plan.
pub enum Swap {
    Kept(PlanItem),
    Swapped(PlanItem),
    /// Nothing fits the runner's equipment.
    Dropped,
}

/// The program's item, or its first substitute the runner's kit allows and the session
/// does not already hold, at the program's sets and effort with the substitute's own reps
/// and rest.
pub fn swap(item: &SessionItem, exercises: &[Exercise], kit: &Kit, in_session: &[&str]) -> Swap {
    let Some(exercise) = find_exercise(exercises, &item.exercise) else {
        return Swap::Dropped;
    };
    if kit.allows(exercise) {
        return Swap::Kept(PlanItem {
            exercise: item.exercise.clone(),
            dose: item.dose,
            rest: item.rest,
            rpe: item.rpe,
            note: item.note.clone(),
            swapped_from: None,
        });
    }
    let substitute = exercise
        .substitutes
        .iter()
        .filter(|slug| !in_session.contains(&slug.as_str()))
        .filter_map(|slug| find_exercise(exercises, slug))
        .find(|s| kit.allows(s));
    match substitute {
        Some(s) => Swap::Swapped(PlanItem {
            exercise: s.slug.clone(),
            dose: crate::domain::Dose {
                sets: item.dose.sets,
                ..s.dose
            },
            rest: s.rest,
            rpe: item.rpe,
            note: None,
            swapped_from: Some(item.exercise.clone()),
        }),
        None => Swap::Dropped,
    }
}

/// Why an exercise needs swapping, in words: the equipment it needs that the runner lacks.
pub fn missing_kit(exercise: &Exercise, kit: &Kit, equipment: &[Equipment]) -> String {
    let missing: Vec<String> = exercise
        .equipment
        .iter()
        .filter(|e| !kit.available.contains(e))
        .map(|slug| {
            let item = equipment.iter().find(|e| &e.slug == slug);
            let name = item
                .map_or(slug.as_str(), |e| e.name.as_str())
                .to_lowercase();
            match item.map(|e| e.kind) {
                Some(EquipmentKind::Gym) => format!("{name} (gym kit)"),
                _ => name,
            }
        })
        .collect();
    missing.join(" and ")
}

pub fn is_jumping(exercise: &Exercise) -> bool {
    exercise.category == Category::Plyometric
}

/// The taper's dose: about half the sets, effort at most [`TAPER_MAX_RPE`].
pub fn lighten(item: &mut PlanItem) {
    item.dose.sets = item.dose.sets.div_ceil(2);
    item.rpe = item.rpe.min(TAPER_MAX_RPE);
}

/// Estimated minutes for a session, warm-up included.
pub fn session_minutes(items: &[PlanItem]) -> u32 {
    let seconds: u32 = items
        .iter()
        .map(|item| {
            let work = match item.dose.amount {
                Amount::Reps(reps) => reps * SECONDS_PER_REP,
                Amount::Seconds(seconds) => seconds,
            } * if item.dose.per_side { 2 } else { 1 };
            item.dose.sets * work + item.dose.sets.saturating_sub(1) * item.rest + SETUP_SECONDS
        })
        .sum();
    WARM_UP_MINUTES + seconds.div_ceil(60)
}

/// Takes sets away (from the exercise with most sets, later ones first, so the main lift
/// at the start stays whole), then whole exercises from the end, until the session fits
/// `minutes`. Always keeps one exercise. Returns whether anything changed.
pub fn fit_minutes(items: &mut Vec<PlanItem>, minutes: u32) -> bool {
    let mut changed = false;
    while session_minutes(items) > minutes {
        let most = items
            .iter()
            .enumerate()
            .max_by_key(|(_, item)| item.dose.sets)
            .map(|(i, item)| (i, item.dose.sets));
        match most {
            Some((i, sets)) if sets > 1 => items[i].dose.sets -= 1,
            _ if items.len() > 1 => {
                items.pop();
            }
            _ => break,
        }
        changed = true;
    }
    changed
}

/// Trims jumping work, heaviest first, until `items` hold at most `allowed` landing load
/// ([`crate::domain::landing_load`]): a rep at a time, then a set, then the drill.
/// Returns whether anything changed.
pub fn cap_landing_load(
    items: &mut [&mut Vec<PlanItem>],
    exercises: &[Exercise],
    allowed: u32,
) -> bool {
    let load = |item: &PlanItem| {
        find_exercise(exercises, &item.exercise).map_or(0, |e| e.landing_load_in(&item.dose))
    };
    let mut changed = false;
    loop {
        let total: u32 = items.iter().flat_map(|s| s.iter()).map(load).sum();
        if total <= allowed {
            return changed;
        }
        let heaviest = items
            .iter()
            .enumerate()
            .flat_map(|(s, list)| list.iter().enumerate().map(move |(i, item)| (s, i, item)))
            .filter(|(_, _, item)| load(item) > 0)
            .max_by_key(|(_, _, item)| load(item))
            .map(|(s, i, _)| (s, i));
        let Some((s, i)) = heaviest else {
            return changed;
        };
        let dose = &mut items[s][i].dose;
        match dose.amount {
            Amount::Reps(reps) if reps > 1 => dose.amount = Amount::Reps(reps - 1),
            _ if dose.sets > 1 => dose.sets -= 1,
            _ => {
                items[s].remove(i);
            }
        }
        changed = true;
    }
}
