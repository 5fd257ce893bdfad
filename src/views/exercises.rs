//! The exercise library and muscle pages.

use askama::Template;

use super::bodymap::BodyMap;
use super::{PageMeta, Pager};
use crate::domain::{Equipment, Exercise, ExerciseCard, ExerciseLink, Muscle, Program};

#[derive(Template)]
#[template(path = "exercises.html")]
pub struct ExercisesPage {
    pub meta: PageMeta,
    pub filters: Vec<FilterView>,
    pub filtered: bool,
    pub count_text: String,
    /// The exercises on this page.
    pub exercises: Vec<ExerciseCard>,
    pub pager: Option<Pager>,
}

/// One `<select>` of the filter form.
pub struct FilterView {
    pub name: &'static str,
    pub label: &'static str,
    pub options: Vec<OptionView>,
}

pub struct OptionView {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "exercise.html")]
pub struct ExercisePage {
    pub meta: PageMeta,
    pub exercise: Exercise,
    /// The movement drawn: its `<figure>`, already escaped markup.
    pub figure_html: String,
    /// The figure's fingerprinted keyframes.
    pub figure_css: String,
    pub map: BodyMap,
    pub equipment: Vec<Equipment>,
    pub easier: Vec<Exercise>,
    pub harder: Vec<Exercise>,
    pub substitutes: Vec<Exercise>,
    pub programs: Vec<Program>,
}

#[derive(Template)]
#[template(path = "muscles.html")]
pub struct MusclesPage {
    pub meta: PageMeta,
    pub muscles: Vec<Muscle>,
}

#[derive(Template)]
#[template(path = "muscle.html")]
pub struct MusclePage {
    pub meta: PageMeta,
    pub muscle: Muscle,
    pub map: BodyMap,
    /// This page's share of the exercises that train the muscle.
    pub primary: Vec<ExerciseLink>,
    pub secondary: Vec<ExerciseLink>,
    /// The first page carries the body map and the explanation; later ones only the list.
    pub first: bool,
    pub pager: Option<Pager>,
}

/// "24 exercises", "1 exercise", "No exercises".
pub fn count_text(n: usize, filtered: bool) -> String {
    let what = match n {
        0 => "No exercises".to_string(),
        1 => "1 exercise".to_string(),
        n => format!("{n} exercises"),
    };
    if filtered {
        format!("{what} match these filters.")
    } else {
        format!("{what} in the library.")
    }
}
