//! The checked types the site is made of. Content files are validated into these, they
//! are stored in SQLite as JSON beside the columns that queries filter on, and templates
//! render them. Nothing here does I/O.

pub mod dose;
pub mod figure;
pub mod guide;
pub mod labels;
pub mod limits;
pub mod muscles;
pub mod planner;
pub mod selfcheck;

use serde::{Deserialize, Serialize};

pub use dose::Dose;
pub use labels::{Category, EquipmentKind, Impact, Level, Place};

/// One `##` or `###` heading of an article, for its table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Article {
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// ISO date, `2026-11-28`.
    pub updated: String,
    pub order: i64,
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub reading_minutes: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Muscle {
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub posterior_chain: bool,
    pub html: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Exercise {
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub category: Category,
    pub level: Level,
    pub equipment: Vec<String>,
    pub primary: Vec<String>,
    pub secondary: Vec<String>,
    pub dose: Dose,
    pub rest: u32,
    pub steps: Vec<String>,
    pub cues: Vec<String>,
    pub mistakes: Vec<String>,
    pub why: String,
    pub safety: String,
    pub easier: Vec<String>,
    pub harder: Vec<String>,
    pub substitutes: Vec<String>,
    pub plyometric: Option<Plyometric>,
    pub html: String,
    /// The movement drawn: poses, props and what works.
    pub figure: figure::Figure,
}

/// An exercise as a link in a list: enough to name it and point at its page, for lists
/// that would otherwise read whole records they do not show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseLink {
    pub slug: String,
    pub name: String,
}

/// An exercise as a card in the library: what the list shows of it. Read from the same
/// record as [`Exercise`], skipping the rest, so a page of cards costs a page of reads.
#[derive(Debug, Clone, Deserialize)]
pub struct ExerciseCard {
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub category: Category,
    pub level: Level,
    pub dose: Dose,
    pub rest: u32,
}

impl ExerciseCard {
    /// Rest between sets in words.
    pub fn rest_text(&self) -> String {
        dose::rest_label(self.rest)
    }
}

/// What only jumping drills carry.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Plyometric {
    pub impact: Impact,
    /// Foot contacts per set (0 for upper-body drills that land on the hands).
    pub contacts: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Equipment {
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub kind: EquipmentKind,
    /// Present for home kit only: the buying guide's facts.
    pub buying_guide: Option<BuyingGuide>,
    pub html: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BuyingGuide {
    /// Prices in pence, so sums and comparisons are exact.
    pub price_min: u32,
    pub price_max: u32,
    pub price_note: Option<String>,
    pub prices_checked: String,
    pub priority: u8,
    pub best_for: String,
    pub uses: Vec<String>,
    pub alternatives: Vec<String>,
    pub alternatives_note: String,
    pub buying: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Program {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub goal: String,
    pub audience: String,
    pub level: Level,
    pub place: Place,
    pub sessions_min: u8,
    pub sessions_max: u8,
    pub minutes_min: u16,
    pub minutes_max: u16,
    pub difficulty: Option<u8>,
    pub warmup: Vec<String>,
    pub weeks: Vec<Week>,
    /// What to do when the last week is done: the deload or retest, and why.
    pub next_step: String,
    /// The programmes that can follow this one, with their titles, in the order given.
    pub next_programs: Vec<ProgramLink>,
    pub html: String,
}

/// A link to another programme, its title resolved when the content is validated so a
/// page can name it without a second lookup.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProgramLink {
    pub slug: String,
    pub title: String,
}

impl Program {
    /// The most sessions any week asks for: the training days a calendar needs.
    pub fn most_sessions_per_week(&self) -> usize {
        self.weeks
            .iter()
            .map(|w| w.sessions.len())
            .max()
            .unwrap_or(0)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Week {
    pub title: String,
    pub focus: String,
    pub note: Option<String>,
    pub sessions: Vec<Session>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Session {
    pub name: String,
    pub items: Vec<SessionItem>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionItem {
    pub exercise: String,
    pub dose: Dose,
    pub rest: u32,
    pub rpe: u8,
    pub note: Option<String>,
}

/// The path of a page: `/exercises/squat`. Every link to a content page is built here, so
/// the URL scheme lives in one place.
pub fn page_path(section: &str, slug: &str) -> String {
    format!("/{section}/{slug}")
}

/// Gives a content type its `url()`: the path of its page.
macro_rules! page_url {
    ($($kind:ty => $section:literal),+ $(,)?) => {$(
        impl $kind {
            pub fn url(&self) -> String {
                page_path($section, &self.slug)
            }
        }
    )+};
}

page_url!(
    Article => "articles",
    Muscle => "muscles",
    Exercise => "exercises",
    ExerciseCard => "exercises",
    ExerciseLink => "exercises",
    Equipment => "equipment",
    Program => "programs",
);

impl Program {
    /// The printable page of week `number` (from 1).
    pub fn week_url(&self, number: usize) -> String {
        format!("{}/week/{number}", self.url())
    }

    /// Every week, one printed page each.
    pub fn print_url(&self) -> String {
        format!("{}/print", self.url())
    }

    /// The programme's sessions as a calendar file (it takes `start` and `days`).
    pub fn calendar_url(&self) -> String {
        format!("{}.ics", self.url())
    }
}

/// Finds an exercise by slug.
pub fn find_exercise<'a>(exercises: &'a [Exercise], slug: &str) -> Option<&'a Exercise> {
    exercises.iter().find(|e| e.slug == slug)
}

/// One exercise at a dose: what a programme's session item and a personal plan's item
/// share, so tables, calendars and counts are written once for both.
pub trait Prescription {
    /// The exercise's slug.
    fn exercise(&self) -> &str;
    fn dose(&self) -> &Dose;
    /// Rest between sets, in seconds.
    fn rest(&self) -> u32;
    /// Effort target, 1 to 10.
    fn rpe(&self) -> u8;
}

/// Implements [`Prescription`] for a struct with `exercise`, `dose`, `rest` and `rpe`
/// fields.
macro_rules! prescription_from_fields {
    ($item:ty) => {
        impl $crate::domain::Prescription for $item {
            fn exercise(&self) -> &str {
                &self.exercise
            }
            fn dose(&self) -> &$crate::domain::Dose {
                &self.dose
            }
            fn rest(&self) -> u32 {
                self.rest
            }
            fn rpe(&self) -> u8 {
                self.rpe
            }
        }
    };
}
pub(crate) use prescription_from_fields;

prescription_from_fields!(SessionItem);

/// Landing load may grow by at most this many percent from one week to the next:
/// tendons and bones adapt more slowly than muscles, so jumping grows gently.
pub const LANDING_GROWTH_PERCENT: u32 = 10;

/// The most landing load a week may hold after a week with `previous`.
pub fn landing_allowance(previous: u32) -> u32 {
    previous + previous * LANDING_GROWTH_PERCENT / 100
}

/// Landing load in a list of prescriptions: each jumping drill's foot contacts for the
/// dose written, times its impact weight ([`Impact::weight`]), summed. Programme checks
/// and the planner's weekly cap both count with this.
pub fn landing_load<'a, P: Prescription + 'a>(
    items: impl IntoIterator<Item = &'a P>,
    exercises: &[Exercise],
) -> u32 {
    sum_of(items, exercises, Exercise::landing_load_in)
}

/// Foot contacts in a list of prescriptions: each jumping drill's contacts for the dose
/// written, summed. Programme weeks and plan weeks print this.
pub fn foot_contacts<'a, P: Prescription + 'a>(
    items: impl IntoIterator<Item = &'a P>,
    exercises: &[Exercise],
) -> u32 {
    sum_of(items, exercises, Exercise::contacts_in)
}

/// `count` of each prescription's exercise at its dose, summed.
fn sum_of<'a, P: Prescription + 'a>(
    items: impl IntoIterator<Item = &'a P>,
    exercises: &[Exercise],
    count: impl Fn(&Exercise, &Dose) -> u32,
) -> u32 {
    items
        .into_iter()
        .filter_map(|item| find_exercise(exercises, item.exercise()).map(|e| count(e, item.dose())))
        .sum()
}

impl Exercise {
    /// Rest between sets in words.
    pub fn rest_text(&self) -> String {
        dose::rest_label(self.rest)
    }

    /// Foot contacts in `dose` of this exercise weighted by how hard they land: the
    /// landing load. Zero for anything but a jumping drill.
    pub fn landing_load_in(&self, dose: &Dose) -> u32 {
        self.plyometric
            .map_or(0, |plyo| self.contacts_in(dose) * plyo.impact.weight())
    }

    /// Foot contacts in `dose` of this exercise: the drill's contacts per set, scaled by
    /// the reps written against its default reps. Zero for anything but a jumping drill.
    pub fn contacts_in(&self, dose: &Dose) -> u32 {
        let Some(plyo) = self.plyometric else {
            return 0;
        };
        let per_set = match (dose.amount, self.dose.amount) {
            (dose::Amount::Reps(reps), dose::Amount::Reps(default)) if default > 0 => {
                plyo.contacts * reps / default
            }
            _ => plyo.contacts,
        };
        per_set * dose.sets
    }
}

impl BuyingGuide {
    /// The price range as printed.
    pub fn price_text(&self) -> String {
        price_range(self.price_min, self.price_max)
    }
}

/// Formats pence as pounds: `399` is `£3.99`.
pub fn pounds(pence: u32) -> String {
    format!("£{}", decimal_pounds(pence))
}

/// Pence as a decimal amount of pounds without the sign, as open data gives it: `399` is
/// `3.99`.
pub fn decimal_pounds(pence: u32) -> String {
    format!("{}.{:02}", pence / 100, pence % 100)
}

/// A price range as the buying guide prints it: `£3.99–£7.39`, or one price.
pub fn price_range(min: u32, max: u32) -> String {
    if min == max {
        pounds(min)
    } else {
        format!("{}–{}", pounds(min), pounds(max))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_print_in_pounds() {
        assert_eq!(pounds(399), "£3.99");
        assert_eq!(pounds(1500), "£15.00");
        assert_eq!(price_range(399, 739), "£3.99–£7.39");
        assert_eq!(price_range(1599, 1599), "£15.99");
    }
}
