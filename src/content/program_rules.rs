//! Rules that hold a programme to what its exercises demand: the level of each exercise,
//! the side-by-side dosing of one-legged work, and how fast jumping grows from week to
//! week. Each problem is reported at the line that causes it.

use std::ops::Range;

use super::source::SourceFile;
use super::{ContentError, ContentErrors};
use crate::domain::{
    Exercise, LANDING_GROWTH_PERCENT, Level, Week, landing_allowance, landing_load,
};

/// A programme may use an exercise one level above its own once the first week has
/// taught the basics, and never one two levels above.
pub fn level(
    file: &SourceFile,
    span: &Range<usize>,
    exercise: &Exercise,
    program: Level,
    week: usize,
    errors: &mut ContentErrors,
) {
    let above = exercise.level as i32 - program as i32;
    let (name, level) = (&exercise.slug, exercise.level.slug());
    let own = match program {
        Level::Intermediate | Level::Advanced => format!("an {}", program.slug()),
        Level::Beginner => format!("a {}", program.slug()),
    };
    if above >= 2 {
        errors.push(file.error_at(
            span,
            format!("`{name}` is {level}: too hard for {own} programme in any week"),
        ));
    } else if above == 1 && week == 1 {
        errors.push(file.error_at(
            span,
            format!("`{name}` is {level}: {own} programme may use it from week 2, not in week 1"),
        ));
    }
}

/// One-legged (or one-armed) work must say so, so the printed dose reads "each side".
pub fn per_side(
    file: &SourceFile,
    span: &Range<usize>,
    exercise: &Exercise,
    per_side: bool,
    errors: &mut ContentErrors,
) {
    if exercise.dose.per_side && !per_side {
        errors.push(file.error_at(
            span,
            format!(
                "`{}` is done one side at a time: add `per_side = true` to this item",
                exercise.slug
            ),
        ));
    }
}

/// Landing load grows by at most [`LANDING_GROWTH_PERCENT`] a week. A drop is always
/// fine. The first week with any jumping sets the base; after a week without jumping,
/// a programme may start again at no more than that first week's load.
pub fn landing_growth(
    file: &SourceFile,
    weeks: &[Week],
    title_lines: &[usize],
    exercises: &[Exercise],
    errors: &mut ContentErrors,
) {
    let loads: Vec<u32> = weeks
        .iter()
        .map(|w| landing_load(w.sessions.iter().flat_map(|s| &s.items), exercises))
        .collect();
    let Some(first) = loads.iter().position(|&load| load > 0) else {
        return;
    };
    for (i, pair) in loads.windows(2).enumerate().skip(first) {
        let (before, now) = (pair[0], pair[1]);
        let (week, line) = (i + 2, title_lines.get(i + 1).copied().unwrap_or(0));
        let message = if before > 0 && now > landing_allowance(before) {
            format!(
                "week {week}'s landing load is {now}, more than {LANDING_GROWTH_PERCENT}% above week {}'s {before} (foot contacts × impact weight: low 1, moderate 2, high 3)",
                week - 1
            )
        } else if before == 0 && now > loads[first] {
            format!(
                "week {week} starts jumping again at a landing load of {now}, above the {} of week {}, the programme's first jumping week",
                loads[first],
                first + 1
            )
        } else {
            continue;
        };
        errors.push(ContentError::new(&file.path, line, message));
    }
}
