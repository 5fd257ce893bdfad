//! Exercise library and muscle pages.

use crate::db::queries::{self, NO_EQUIPMENT};
use crate::db::{Database, ExerciseFilter};
use crate::domain::muscles::MUSCLE_SLUGS;
use crate::domain::{Category, Equipment, Exercise, Level, Muscle};
use crate::error::AppError;
use crate::query::{QueryParams, unknown_value};
use crate::views::bodymap::BodyMap;
use crate::views::library::{
    ExercisePage, ExercisesPage, FilterView, MusclePage, MusclesPage, OptionView, count_text,
};
use crate::views::{PageMeta, structured};

use super::{RenderedPage, page};

pub fn render_static(db: &Database) -> Result<Vec<RenderedPage>, AppError> {
    let mut pages = vec![page(
        "/exercises/",
        &exercises_page(db, &ExerciseFilter::default())?,
    )];
    db.with(|conn| {
        let muscles = queries::muscles(conn)?;
        let exercises = queries::exercises(conn, &ExerciseFilter::default())?;
        let equipment = queries::equipment(conn)?;
        let find = |slugs: &[String]| -> Vec<Exercise> {
            slugs
                .iter()
                .filter_map(|s| exercises.iter().find(|e| &e.slug == s).cloned())
                .collect()
        };
        for exercise in &exercises {
            let path = format!("/exercises/{}", exercise.slug);
            let kit: Vec<Equipment> = equipment
                .iter()
                .filter(|e| exercise.equipment.contains(&e.slug))
                .cloned()
                .collect();
            let template = ExercisePage {
                meta: PageMeta::new(&exercise.name, &exercise.summary, &path, "exercises")
                    .with_json_ld(structured::exercise(exercise, &kit), "article"),
                map: BodyMap::new(&exercise.primary, &exercise.secondary, &muscles),
                equipment: kit,
                easier: find(&exercise.easier),
                harder: find(&exercise.harder),
                substitutes: find(&exercise.substitutes),
                programs: queries::programs_using_exercise(conn, &exercise.slug)?,
                exercise: exercise.clone(),
            };
            pages.push(page(path, &template));
        }
        pages.push(page(
            "/muscles/",
            &MusclesPage {
                meta: PageMeta::new(
                    "Muscles",
                    "What each muscle group does when you run, and the exercises that train it.",
                    "/muscles/",
                    "exercises",
                ),
                muscles: muscles.clone(),
            },
        ));
        for muscle in &muscles {
            pages.push(muscle_page(conn, muscle, &muscles));
        }
        Ok(())
    })?;
    pages.into_iter().collect()
}

fn muscle_page(
    conn: &rusqlite::Connection,
    muscle: &Muscle,
    all: &[Muscle],
) -> Result<RenderedPage, AppError> {
    let path = format!("/muscles/{}", muscle.slug);
    let (primary, secondary): (Vec<_>, Vec<_>) = queries::exercises_for_muscle(conn, &muscle.slug)?
        .into_iter()
        .partition(|(_, is_primary)| *is_primary);
    let template = MusclePage {
        meta: PageMeta::new(&muscle.name, &muscle.summary, &path, "exercises"),
        map: BodyMap::new(std::slice::from_ref(&muscle.slug), &[], all),
        primary: primary.into_iter().map(|(e, _)| e).collect(),
        secondary: secondary.into_iter().map(|(e, _)| e).collect(),
        muscle: muscle.clone(),
    };
    page(path, &template)
}

/// Reads the library's filters, rejecting values that name nothing.
pub fn parse_filter(db: &Database, params: &QueryParams) -> Result<ExerciseFilter, AppError> {
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

/// The library, narrowed by `filter`.
pub fn exercises_page(db: &Database, filter: &ExerciseFilter) -> Result<ExercisesPage, AppError> {
    let (exercises, muscles, equipment) = db.with(|conn| {
        Ok((
            queries::exercises(conn, filter)?,
            queries::muscles(conn)?,
            queries::equipment(conn)?,
        ))
    })?;
    let filtered = *filter != ExerciseFilter::default();
    Ok(ExercisesPage {
        meta: PageMeta::new(
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
