//! Small validation helpers shared by the section loaders.

use std::collections::HashMap;

use toml::Spanned;

use super::Index;
use super::error::{ContentError, ContentErrors};
use super::source::SourceFile;
use crate::domain::dose::{Amount, Dose};
use crate::markdown::{self, Rendered};

pub fn is_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Reports a number outside `min..=max` at its line.
pub fn range(
    file: &SourceFile,
    value: &Spanned<u32>,
    min: u32,
    max: u32,
    what: &str,
    errors: &mut ContentErrors,
) -> u32 {
    let n = *value.get_ref();
    if !(min..=max).contains(&n) {
        errors.push(file.error_at(
            &value.span(),
            format!("{what} must be between {min} and {max}, not {n}"),
        ));
    }
    n
}

/// A `{what}_min` and `{what}_max` pair: each within `range`, the maximum not below the
/// minimum.
pub fn bounds(
    file: &SourceFile,
    (min, max): (&Spanned<u32>, &Spanned<u32>),
    range: std::ops::RangeInclusive<u32>,
    what: &str,
    errors: &mut ContentErrors,
) -> (u32, u32) {
    let (lo, hi) = (*range.start(), *range.end());
    let low = self::range(file, min, lo, hi, &format!("{what}_min"), errors);
    let high = self::range(file, max, lo, hi, &format!("{what}_max"), errors);
    if high < low {
        errors.push(file.error_at(&max.span(), format!("{what}_max is lower than {what}_min")));
    }
    (low, high)
}

/// Reports an empty string at its line and returns it trimmed.
pub fn text(
    file: &SourceFile,
    value: &Spanned<String>,
    what: &str,
    errors: &mut ContentErrors,
) -> String {
    let text = value.get_ref().trim();
    if text.is_empty() {
        errors.push(file.error_at(&value.span(), format!("{what} must not be empty")));
    }
    text.to_string()
}

/// Reports an empty list or an empty entry, and returns the entries.
pub fn list(
    file: &SourceFile,
    value: &Spanned<Vec<String>>,
    what: &str,
    required: bool,
    errors: &mut ContentErrors,
) -> Vec<String> {
    if required && value.get_ref().is_empty() {
        errors.push(file.error_at(
            &value.span(),
            format!("{what} must list at least one entry"),
        ));
    }
    if value.get_ref().iter().any(|s| s.trim().is_empty()) {
        errors.push(file.error_at(&value.span(), format!("{what} has an empty entry")));
    }
    value
        .get_ref()
        .iter()
        .map(|s| s.trim().to_string())
        .collect()
}

/// Checks that every slug exists in `section`, and returns the slugs.
pub fn references(
    file: &SourceFile,
    values: &[Spanned<String>],
    index: &Index,
    section: &str,
    what: &str,
    errors: &mut ContentErrors,
) -> Vec<String> {
    for value in values {
        if !index.has(section, value.get_ref()) {
            errors.push(file.error_at(
                &value.span(),
                format!(
                    "unknown {what} `{}`: no such file in {section}/",
                    value.get_ref()
                ),
            ));
        }
    }
    values.iter().map(|v| v.get_ref().clone()).collect()
}

/// Validates an ISO date (`2026-11-28`) and returns it as text.
pub fn date(
    file: &SourceFile,
    value: &Spanned<toml::value::Datetime>,
    what: &str,
    errors: &mut ContentErrors,
) -> String {
    let datetime = value.get_ref();
    match (datetime.date, datetime.time) {
        (Some(date), None) => date.to_string(),
        _ => {
            errors.push(file.error_at(
                &value.span(),
                format!("{what} must be a date such as 2026-11-28"),
            ));
            String::new()
        }
    }
}

/// Builds a dose from `sets` and exactly one of `reps` and `seconds`.
pub fn dose(
    file: &SourceFile,
    sets: &Spanned<u32>,
    reps: Option<&Spanned<u32>>,
    seconds: Option<&Spanned<u32>>,
    per_side: bool,
    errors: &mut ContentErrors,
) -> Dose {
    let sets_n = range(file, sets, 1, 10, "sets", errors);
    let amount = match (reps, seconds) {
        (Some(reps), None) => Amount::Reps(range(file, reps, 1, 50, "reps", errors)),
        (None, Some(seconds)) => Amount::Seconds(range(file, seconds, 5, 300, "seconds", errors)),
        (Some(reps), Some(_)) => {
            errors.push(file.error_at(&reps.span(), "give either `reps` or `seconds`, not both"));
            Amount::Reps(*reps.get_ref())
        }
        (None, None) => {
            errors.push(file.error_at(&sets.span(), "missing `reps` or `seconds` after `sets`"));
            Amount::Reps(1)
        }
    };
    Dose {
        sets: sets_n,
        amount,
        per_side,
    }
}

/// Rest between sets, in seconds: up to ten minutes, for exercises and programmes alike.
pub fn rest(file: &SourceFile, rest: &Spanned<u32>, errors: &mut ContentErrors) -> u32 {
    range(file, rest, 0, 600, "rest", errors)
}

/// Renders a Markdown body, reporting broken internal links at their file line.
pub fn body(file: &SourceFile, index: &Index, errors: &mut ContentErrors) -> Rendered {
    render_at(file, &file.body, file.body_line, &index.links, errors)
}

fn render_at(
    file: &SourceFile,
    markdown: &str,
    first_line: usize,
    links: &HashMap<String, String>,
    errors: &mut ContentErrors,
) -> Rendered {
    let (rendered, problems) = markdown::render(markdown, links);
    for problem in problems {
        errors.push(ContentError::new(
            &file.path,
            first_line + problem.line - 1,
            problem.message,
        ));
    }
    rendered
}
