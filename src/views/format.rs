//! Display formatting shared by the templates: dates, stars and effort in words.

/// `2026-11-28` as `28 November 2026`; other text unchanged.
pub fn long_date(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%-d %B %Y").to_string())
        .unwrap_or_else(|_| iso.to_string())
}

/// Filled and empty stars for a 1-5 rating, for sighted readers; the number is always
/// written beside them.
pub fn stars(rating: u8) -> String {
    let filled = usize::from(rating.min(5));
    format!("{}{}", "★".repeat(filled), "☆".repeat(5 - filled))
}

/// RPE in words, with reps in reserve for lifting.
pub fn effort_words(rpe: u8) -> String {
    let reserve = 10u8.saturating_sub(rpe);
    match rpe {
        0..=4 => "Easy: you could carry on for a long time".to_string(),
        5..=9 => format!("Effort {rpe} out of 10: stop with about {reserve} good reps left"),
        _ => "Maximal effort".to_string(),
    }
}

/// "1 week", "3 weeks": a count with its noun.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_stars_read_well() {
        assert_eq!(long_date("2026-11-28"), "28 November 2026");
        assert_eq!(stars(4), "★★★★☆");
        assert_eq!(stars(9), "★★★★★");
    }

    #[test]
    fn effort_names_the_reps_in_reserve() {
        assert_eq!(
            effort_words(7),
            "Effort 7 out of 10: stop with about 3 good reps left"
        );
        assert_eq!(effort_words(3), "Easy: you could carry on for a long time");
    }
}
