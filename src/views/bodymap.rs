//! The body map's view model: which muscles to highlight, and how to say it in words.

use crate::domain::Muscle;
use crate::domain::muscles::MUSCLE_SLUGS;

pub struct BodyMap {
    pub primary: Vec<String>,
    pub secondary: Vec<String>,
    /// Display names by slug.
    names: Vec<(String, String)>,
}

impl BodyMap {
    pub fn new(primary: &[String], secondary: &[String], muscles: &[Muscle]) -> Self {
        Self {
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

    /// CSS class of a muscle's shapes.
    pub fn class(&self, slug: &str) -> &'static str {
        debug_assert!(
            MUSCLE_SLUGS.contains(&slug),
            "{slug} is not on the body map"
        );
        if self.primary.iter().any(|s| s == slug) {
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

    pub fn primary_names(&self) -> Vec<(&str, &str)> {
        self.primary
            .iter()
            .map(|s| (s.as_str(), self.name(s)))
            .collect()
    }

    pub fn secondary_names(&self) -> Vec<(&str, &str)> {
        self.secondary
            .iter()
            .map(|s| (s.as_str(), self.name(s)))
            .collect()
    }

    /// The map in words, for screen readers.
    pub fn description(&self) -> String {
        let list = |names: Vec<(&str, &str)>| {
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
