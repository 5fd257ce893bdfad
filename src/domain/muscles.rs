//! The muscle groups drawn on the body map. The SVG in `templates/partials/bodymap.svg`
//! has one shape per slug here (`data-muscle="…"`), and `content/muscles/` one file per
//! slug; both are checked against this list.

/// Slugs in the order the site lists them: the posterior chain first.
pub const MUSCLE_SLUGS: &[&str] = &[
    "glutes",
    "hamstrings",
    "calves",
    "lower-back",
    "quadriceps",
    "hip-flexors",
    "adductors",
    "abductors",
    "abdominals",
    "obliques",
    "chest",
    "shoulders",
    "upper-back",
    "biceps",
    "triceps",
];

pub fn is_muscle(slug: &str) -> bool {
    MUSCLE_SLUGS.contains(&slug)
}

/// Position of a muscle in the site's order (unknown slugs last).
pub fn order(slug: &str) -> usize {
    MUSCLE_SLUGS
        .iter()
        .position(|s| *s == slug)
        .unwrap_or(MUSCLE_SLUGS.len())
}
