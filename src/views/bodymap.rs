//! The body map's view model: which muscles to highlight, and how to say it in words.
//! An exercise highlights its main and helping muscles; a plan week draws a heat map of
//! the sets each muscle gets ([`BodyMap::heat`]).

use crate::domain::muscles::MUSCLE_SLUGS;
use crate::domain::{Muscle, page_path};

pub struct BodyMap {
    /// Prefix of the SVG's element ids, unique on the page.
    pub id: String,
    pub primary: Vec<String>,
    pub secondary: Vec<String>,
    /// Heat-map mode: muscles with sets, in body-map order.
    pub heat: Vec<HeatEntry>,
    /// Display names by slug.
    names: Vec<(String, String)>,
}

pub struct HeatEntry {
    pub slug: String,
    /// The muscle's page.
    pub href: String,
    pub name: String,
    /// 1 (a little) to 4 (a lot).
    pub level: u8,
    /// Sets as printed: `6` or `6.5`.
    pub sets: String,
}

/// Weekly sets at which a muscle reaches each heat level above 1: under 3 sets is a
/// touch, 10 or more is a full growth dose for one muscle.
const HEAT_STEPS: [u32; 3] = [3, 6, 10];
const HEAT_CLASSES: [&str; 5] = ["", "heat-1", "heat-2", "heat-3", "heat-4"];

/// Half-sets as printed sets: `13` is `6.5`.
pub fn sets_text(half_sets: u32) -> String {
    if half_sets.is_multiple_of(2) {
        (half_sets / 2).to_string()
    } else {
        format!("{}.5", half_sets / 2)
    }
}

impl BodyMap {
    pub fn new(primary: &[String], secondary: &[String], muscles: &[Muscle]) -> Self {
        Self {
            id: "bodymap".to_string(),
            heat: Vec::new(),
            primary: primary.to_vec(),
            secondary: secondary
                .iter()
                .filter(|s| !primary.contains(s))
                .cloned()
                .collect(),
            names: muscles
                .iter()
                .map(|m| (m.slug.clone(), m.name.clone()))
                .collect(),
        }
    }

    /// A heat map of weekly sets per muscle, counted in halves (see
    /// [`crate::domain::planner::PlanWeek::half_sets_per_muscle`]).
    pub fn heat(id: impl Into<String>, half_sets: &[(String, u32)], muscles: &[Muscle]) -> Self {
        let mut map = Self::new(&[], &[], muscles);
        map.id = id.into();
        map.heat = half_sets
            .iter()
            .filter(|(_, half)| *half > 0)
            .map(|(slug, half)| HeatEntry {
                slug: slug.clone(),
                href: page_path("muscles", slug),
                name: map.name(slug).to_string(),
                level: 1 + HEAT_STEPS.iter().filter(|step| *half >= 2 * **step).count() as u8,
                sets: sets_text(*half),
            })
            .collect();
        map
    }

    pub fn is_heat(&self) -> bool {
        !self.heat.is_empty()
    }

    /// CSS class of a muscle's shapes.
    pub fn class(&self, slug: &str) -> &'static str {
        debug_assert!(
            MUSCLE_SLUGS.contains(&slug),
            "{slug} is not on the body map"
        );
        if let Some(entry) = self.heat.iter().find(|h| h.slug == slug) {
            HEAT_CLASSES[usize::from(entry.level.min(4))]
        } else if self.primary.iter().any(|s| s == slug) {
            "primary"
        } else if self.secondary.iter().any(|s| s == slug) {
            "secondary"
        } else {
            ""
        }
    }

    fn name<'a>(&'a self, slug: &'a str) -> &'a str {
        self.names
            .iter()
            .find(|(s, _)| s == slug)
            .map_or(slug, |(_, n)| n.as_str())
    }

    /// (page, name) of each main mover.
    pub fn primary_names(&self) -> Vec<(String, &str)> {
        self.linked(&self.primary)
    }

    /// (page, name) of each helping muscle.
    pub fn secondary_names(&self) -> Vec<(String, &str)> {
        self.linked(&self.secondary)
    }

    fn linked<'a>(&'a self, slugs: &'a [String]) -> Vec<(String, &'a str)> {
        slugs
            .iter()
            .map(|s| (page_path("muscles", s), self.name(s)))
            .collect()
    }

    /// The map in words, for screen readers.
    pub fn description(&self) -> String {
        if self.is_heat() {
            let sets: Vec<String> = self
                .heat
                .iter()
                .map(|h| format!("{} {}", h.name, h.sets))
                .collect();
            return format!("Working sets this week: {}.", sets.join(", "));
        }
        let list = |names: Vec<(String, &str)>| {
            names
                .into_iter()
                .map(|(_, n)| n)
                .collect::<Vec<_>>()
                .join(", ")
        };
        match (self.primary.is_empty(), self.secondary.is_empty()) {
            (true, true) => {
                "Front and back views of the body with no muscle highlighted.".to_string()
            }
            (false, true) => format!("Highlighted strongly: {}.", list(self.primary_names())),
            (true, false) => format!("Highlighted lightly: {}.", list(self.secondary_names())),
            (false, false) => format!(
                "Highlighted strongly: {}. Highlighted lightly: {}.",
                list(self.primary_names()),
                list(self.secondary_names())
            ),
        }
    }
}
