//! `content/exercises/*.md`: one file per movement.

use serde::Deserialize;
use toml::Spanned;

use super::check;
use super::figure::{self, FigureFront};
use super::slug_override_from_field;
use super::source::SourceFile;
use super::{ContentErrors, Index, Parsed, final_slug};
use crate::domain::{Category, Exercise, Impact, Level, Plyometric};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Front {
    name: Spanned<String>,
    /// One line for lists.
    summary: Spanned<String>,
    category: Category,
    level: Level,
    /// Equipment slugs; empty for bodyweight.
    equipment: Vec<Spanned<String>>,
    /// Muscles doing most of the work.
    primary: Spanned<Vec<Spanned<String>>>,
    /// Muscles helping.
    #[serde(default)]
    secondary: Vec<Spanned<String>>,
    sets: Spanned<u32>,
    reps: Option<Spanned<u32>>,
    seconds: Option<Spanned<u32>>,
    /// Reps or time are for each side.
    #[serde(default)]
    per_side: bool,
    /// Rest between sets, in seconds.
    rest: Spanned<u32>,
    steps: Spanned<Vec<String>>,
    cues: Spanned<Vec<String>>,
    mistakes: Spanned<Vec<String>>,
    /// Why it helps runners.
    why: Spanned<String>,
    /// Who should take care, and when to stop.
    safety: Spanned<String>,
    #[serde(default)]
    easier: Vec<Spanned<String>>,
    #[serde(default)]
    harder: Vec<Spanned<String>>,
    /// What to do instead when the equipment is missing.
    #[serde(default)]
    substitutes: Vec<Spanned<String>>,
    /// Plyometrics only: landing impact.
    impact: Option<Impact>,
    /// Plyometrics only: foot contacts per set.
    contacts: Option<Spanned<u32>>,
    slug: Option<Spanned<String>>,
    /// The movement drawn: poses and props. Last in the front matter (it is a table).
    figure: Option<FigureFront>,
}

slug_override_from_field!(Front);

pub fn validate(
    parsed: Vec<Parsed<Front>>,
    index: &Index,
    errors: &mut ContentErrors,
) -> Vec<Exercise> {
    let mut list: Vec<Exercise> =
        super::in_parallel(parsed, errors, |page, errors| one(&page, index, errors));
    list.sort_by(|a, b| a.name.cmp(&b.name));
    list
}

/// What only jumping drills have: `impact` and `contacts`, both required there.
fn plyometric(file: &SourceFile, f: &Front, errors: &mut ContentErrors) -> Option<Plyometric> {
    match (f.category, f.impact, &f.contacts) {
        (Category::Plyometric, Some(impact), Some(contacts)) => Some(Plyometric {
            impact,
            contacts: check::range(file, contacts, 0, 100, "contacts", errors),
        }),
        (Category::Plyometric, _, _) => {
            errors.push(file.error("plyometric exercises need `impact` and `contacts`"));
            None
        }
        (_, None, None) => None,
        _ => {
            errors.push(file.error("only plyometric exercises have `impact` and `contacts`"));
            None
        }
    }
}

fn one(page: &Parsed<Front>, index: &Index, errors: &mut ContentErrors) -> Exercise {
    let (file, f) = (&page.file, &page.front);
    let slug = final_slug(page);
    if f.primary.get_ref().is_empty() {
        errors.push(file.error_at(&f.primary.span(), "primary must name at least one muscle"));
    }
    let plyometric = plyometric(file, f, errors);
    let links = |values: &[Spanned<String>], errors: &mut ContentErrors| {
        for value in values {
            if value.get_ref() == &slug {
                errors.push(file.error_at(&value.span(), "an exercise cannot list itself"));
            }
        }
        check::references(file, values, index, "exercises", "exercise", errors)
    };
    Exercise {
        name: check::text(file, &f.name, "name", errors),
        summary: check::text(file, &f.summary, "summary", errors),
        category: f.category,
        level: f.level,
        equipment: check::references(file, &f.equipment, index, "equipment", "equipment", errors),
        primary: check::references(
            file,
            f.primary.get_ref(),
            index,
            "muscles",
            "muscle",
            errors,
        ),
        secondary: check::references(file, &f.secondary, index, "muscles", "muscle", errors),
        dose: check::dose(
            file,
            &f.sets,
            f.reps.as_ref(),
            f.seconds.as_ref(),
            f.per_side,
            errors,
        ),
        rest: check::rest(file, &f.rest, errors),
        steps: check::list(file, &f.steps, "steps", true, errors),
        cues: check::list(file, &f.cues, "cues", true, errors),
        mistakes: check::list(file, &f.mistakes, "mistakes", true, errors),
        why: check::text(file, &f.why, "why", errors),
        safety: check::text(file, &f.safety, "safety", errors),
        easier: links(&f.easier, errors),
        harder: links(&f.harder, errors),
        substitutes: links(&f.substitutes, errors),
        plyometric,
        html: check::body(file, index, errors).html,
        figure: figure::validate(file, f.figure.as_ref(), f.primary.get_ref(), errors),
        slug,
    }
}
