//! The checked types the site is made of. Content files are validated into these, they
//! are stored in SQLite as JSON beside the columns that queries filter on, and templates
//! render them. Nothing here does I/O.

pub mod dose;
pub mod figure;
pub mod guide;
pub mod labels;
pub mod muscles;
pub mod planner;
pub mod selfcheck;

use serde::{Deserialize, Serialize};

pub use dose::Dose;
pub use labels::{Category, EquipmentKind, Impact, Level, Place};

use crate::markdown::TocEntry;

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
    pub html: String,
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

impl Exercise {
    /// Rest between sets in words.
    pub fn rest_text(&self) -> String {
        dose::rest_label(self.rest)
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

    /// The priority as stars, for sighted readers; pages also print the number.
    pub fn stars(&self) -> String {
        crate::views::stars(self.priority)
    }
}

/// Formats pence as pounds: `399` is `£3.99`.
pub fn pounds(pence: u32) -> String {
    format!("£{}.{:02}", pence / 100, pence % 100)
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
