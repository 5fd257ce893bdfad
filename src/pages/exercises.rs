//! The exercise library: the list with its filters, and one page per exercise.

use super::{Pages, RenderedPage, page};
use crate::db::queries::{self, NO_EQUIPMENT};
use crate::db::{Database, ExerciseFilter};
use crate::domain::muscles::MUSCLE_SLUGS;
use crate::domain::{Category, Equipment, Exercise, Level, Muscle, find_exercise};
use crate::error::AppError;
use crate::params::{QueryParams, unknown_value};
use crate::views::bodymap::BodyMap;
use crate::views::exercises::{ExercisePage, ExercisesPage, FilterView, OptionView, count_text};
use crate::views::structured;

impl Pages {
    /// The unfiltered library and every exercise's page.
    pub(super) fn exercise_pages(&self) -> Result<Vec<RenderedPage>, AppError> {
        let mut pages = vec![page(
            "/exercises/",
            &self.exercise_list_for(&ExerciseFilter::default())?,
        )?];
        let (exercises, muscles, equipment) = self.db.with(|conn| {
            Ok((
                queries::exercises(conn, &ExerciseFilter::default())?,
                queries::muscles(conn)?,
                queries::equipment(conn)?,
            ))
        })?;
        for exercise in &exercises {
            pages.push(self.exercise_page(exercise, &exercises, &muscles, &equipment)?);
        }
        Ok(pages)
    }

    fn exercise_page(
        &self,
        exercise: &Exercise,
        exercises: &[Exercise],
        muscles: &[Muscle],
        equipment: &[Equipment],
    ) -> Result<RenderedPage, AppError> {
        let path = exercise.url();
        let kit: Vec<Equipment> = equipment
            .iter()
            .filter(|e| exercise.equipment.contains(&e.slug))
            .cloned()
            .collect();
        let find = |slugs: &[String]| -> Vec<Exercise> {
            slugs
                .iter()
                .filter_map(|s| find_exercise(exercises, s).cloned())
                .collect()
        };
        let template = ExercisePage {
            meta: self
                .meta(&exercise.name, &exercise.summary, &path, "exercises")
                .with_json_ld(
                    structured::exercise(exercise, &kit, &self.public_url),
                    "article",
                ),
            map: BodyMap::new(&exercise.primary, &exercise.secondary, muscles),
            equipment: kit,
            easier: find(&exercise.easier),
            harder: find(&exercise.harder),
            substitutes: find(&exercise.substitutes),
            programs: self
                .db
                .with(|conn| queries::programs_using_exercise(conn, &exercise.slug))?,
            exercise: exercise.clone(),
        };
        page(path, &template)
    }

    /// The library narrowed by the filters in `params` (`muscle`, `equipment`, `category`,
    /// `level`); values that name nothing are a bad request.
    pub fn exercise_list(&self, params: &QueryParams) -> Result<ExercisesPage, AppError> {
        let filter = parse_filter(&self.db, params)?;
        self.exercise_list_for(&filter)
    }

    /// The library, narrowed by `filter`.
    fn exercise_list_for(&self, filter: &ExerciseFilter) -> Result<ExercisesPage, AppError> {
        let (exercises, muscles, equipment) = self.db.with(|conn| {
            Ok((
                queries::exercises(conn, filter)?,
                queries::muscles(conn)?,
                queries::equipment(conn)?,
            ))
        })?;
        let filtered = *filter != ExerciseFilter::default();
        Ok(ExercisesPage {
            meta: self.meta(
                "Exercise library",
                "Every exercise with steps, muscles worked on a body map, sets, reps and rest, and easier and harder variations.",
                "/exercises/",
                "exercises",
            ),
            filters: filter_views(filter, &muscles, &equipment),
            filtered,
            count_text: count_text(exercises.len(), filtered),
            exercises,
        })
    }
}

/// Reads the library's filters, rejecting values that name nothing.
fn parse_filter(db: &Database, params: &QueryParams) -> Result<ExerciseFilter, AppError> {
    let equipment = db.with(queries::equipment)?;
    let mut problems = Vec::new();
    let mut filter = ExerciseFilter::default();
    let mut read = |name: &str| match params.single(name) {
        Ok(value) => value.map(str::to_lowercase),
        Err(AppError::BadRequest(mut p)) => {
            problems.append(&mut p);
            None
        }
        Err(_) => None,
    };
    let (muscle, kit, category, level) = (
        read("muscle"),
        read("equipment"),
        read("category"),
        read("level"),
    );
    if let Some(m) = muscle {
        if MUSCLE_SLUGS.contains(&m.as_str()) {
            filter.muscle = Some(m);
        } else {
            problems.push(unknown_value("muscle", &m, MUSCLE_SLUGS));
        }
    }
    if let Some(e) = kit {
        let mut valid: Vec<&str> = vec![NO_EQUIPMENT];
        valid.extend(equipment.iter().map(|e| e.slug.as_str()));
        if valid.contains(&e.as_str()) {
            filter.equipment = Some(e);
        } else {
            problems.push(unknown_value("equipment", &e, &valid));
        }
    }
    if let Some(c) = category {
        filter.category = Category::from_slug(&c);
        if filter.category.is_none() {
            let valid: Vec<&str> = Category::ALL.iter().map(|c| c.slug()).collect();
            problems.push(unknown_value("category", &c, &valid));
        }
    }
    if let Some(l) = level {
        filter.level = Level::from_slug(&l);
        if filter.level.is_none() {
            let valid: Vec<&str> = Level::ALL.iter().map(|l| l.slug()).collect();
            problems.push(unknown_value("level", &l, &valid));
        }
    }
    if problems.is_empty() {
        Ok(filter)
    } else {
        Err(AppError::BadRequest(problems))
    }
}

fn filter_views(
    filter: &ExerciseFilter,
    muscles: &[Muscle],
    equipment: &[Equipment],
) -> Vec<FilterView> {
    let options = |pairs: Vec<(String, String)>, selected: Option<&str>| -> Vec<OptionView> {
        pairs
            .into_iter()
            .map(|(value, label)| OptionView {
                selected: selected == Some(value.as_str()),
                value,
                label,
            })
            .collect()
    };
    let mut kit = vec![(NO_EQUIPMENT.to_string(), "None (bodyweight)".to_string())];
    kit.extend(equipment.iter().map(|e| (e.slug.clone(), e.name.clone())));
    vec![
        FilterView {
            name: "muscle",
            label: "Muscle",
            options: options(
                muscles
                    .iter()
                    .map(|m| (m.slug.clone(), m.name.clone()))
                    .collect(),
                filter.muscle.as_deref(),
            ),
        },
        FilterView {
            name: "equipment",
            label: "Equipment",
            options: options(kit, filter.equipment.as_deref()),
        },
        FilterView {
            name: "category",
            label: "Kind",
            options: options(
                Category::ALL
                    .iter()
                    .map(|c| (c.slug().to_string(), c.label().to_string()))
                    .collect(),
                filter.category.map(Category::slug),
            ),
        },
        FilterView {
            name: "level",
            label: "Level",
            options: options(
                Level::ALL
                    .iter()
                    .map(|l| (l.slug().to_string(), l.label().to_string()))
                    .collect(),
                filter.level.map(Level::slug),
            ),
        },
    ]
}
