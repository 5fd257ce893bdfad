//! The muscle groups drawn on the body map. The SVG in `templates/partials/bodymap.html`
//! has one shape per slug here (`data-muscle="…"`), and `content/muscles/` one file per
//! slug; both are checked against this list.

/// Slugs in the order the site lists them: the posterior chain first.
pub const MUSCLE_SLUGS: &[&str] = &[
    "glutes",
    "hamstrings",
    "calves",
    "lower-back",
    "quadriceps",
    "shins",
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

/// How many of [`MUSCLE_SLUGS`], from the start, are legs, hips and lower back.
const LOWER_BODY_COUNT: usize = 9;

/// Whether work for this muscle makes a session a leg session.
pub fn is_lower_body(slug: &str) -> bool {
    MUSCLE_SLUGS[..LOWER_BODY_COUNT].contains(&slug)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lower_body_is_the_legs_hips_and_lower_back() {
        for slug in [
            "glutes",
            "hamstrings",
            "calves",
            "lower-back",
            "quadriceps",
            "shins",
            "hip-flexors",
            "adductors",
            "abductors",
        ] {
            assert!(is_lower_body(slug), "{slug}");
        }
        for slug in [
            "abdominals",
            "obliques",
            "chest",
            "shoulders",
            "upper-back",
            "biceps",
            "triceps",
        ] {
            assert!(!is_lower_body(slug), "{slug}");
        }
    }
}
