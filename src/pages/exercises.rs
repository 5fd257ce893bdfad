//! The exercise library: the list with its filters, and one page per exercise.

use super::figures;
use super::paging::{CARDS_PER_PAGE, page_href, page_param, slice};
use super::{Deferred, HTML, Pages, RenderedPage, Rendering, StaticSite, page};
use crate::db::queries::{self, NO_EQUIPMENT};
use crate::db::{Database, ExerciseFilter};
use crate::domain::muscles::MUSCLE_SLUGS;
use crate::domain::{Category, Equipment, Exercise, Level, Muscle, find_exercise, page_path};
use crate::error::AppError;
use crate::params::{QueryParams, unknown_value};
use crate::views::bodymap::BodyMap;
use crate::views::exercises::{ExercisePage, ExercisesPage, FilterView, OptionView, count_text};
use crate::views::figure;
use crate::views::structured;
use askama::Template;

impl Pages {
    /// Every page of the unfiltered library and every exercise's page, or with
    /// [`Rendering::DeferExercises`] the exercises' paths, to render when asked for.
    pub(super) fn exercise_pages(&self, rendering: Rendering) -> Result<StaticSite, AppError> {
        let library = self.library(&ExerciseFilter::default())?;
        let pages_of_list = slice(library.slugs.len(), CARDS_PER_PAGE, 1)?.pages;
        let which = rendering.pages_of_lists();
        let mut pages = Vec::new();
        for number in which.numbers(pages_of_list) {
            let list = self.library_page(&library, number)?;
            pages.push(page(page_href("/exercises/", "", number), &list)?);
        }
        if rendering == Rendering::DeferExercises {
            let mut deferred = which.deferred_after_first("/exercises/", pages_of_list);
            deferred.extend(library.slugs.iter().map(|slug| Deferred {
                path: page_path("exercises", slug),
                content_type: HTML,
            }));
            return Ok(StaticSite { pages, deferred });
        }
        let exercises = self
            .db
            .with(|conn| queries::exercises_named(conn, &library.slugs))?;
        let (muscles, equipment) = (&library.muscles, &library.equipment);
        let rendered = crate::parallel::map(exercises.iter().collect(), |exercise| {
            let html = self.exercise_page(exercise, &exercises, muscles, equipment)?;
            let mut files = vec![RenderedPage::html(exercise.url(), html)];
            files.extend(figures::files(exercise));
            Ok::<_, AppError>(files)
        });
        for files in rendered {
            pages.extend(files?);
        }
        Ok(StaticSite {
            pages,
            deferred: Vec::new(),
        })
    }

    /// The page of the exercise at `path`, if there is one: what a deferred page
    /// renders when it is first asked for.
    pub fn exercise_page_at(&self, path: &str) -> Result<Option<String>, AppError> {
        let Some(slug) = path.strip_prefix("/exercises/") else {
            return Ok(None);
        };
        let found = self.db.with(|conn| {
            let Some(exercise) = queries::exercise(conn, slug)? else {
                return Ok(None);
            };
            let named: Vec<String> = exercise
                .easier
                .iter()
                .chain(&exercise.harder)
                .chain(&exercise.substitutes)
                .cloned()
                .collect();
            Ok(Some((
                exercise,
                queries::exercises_named(conn, &named)?,
                queries::muscles(conn)?,
                queries::equipment(conn)?,
            )))
        })?;
        match found {
            Some((exercise, related, muscles, equipment)) => Ok(Some(
                self.exercise_page(&exercise, &related, &muscles, &equipment)?,
            )),
            None => Ok(None),
        }
    }

    /// One exercise's page; `related` holds at least the exercises it names.
    fn exercise_page(
        &self,
        exercise: &Exercise,
        related: &[Exercise],
        muscles: &[Muscle],
        equipment: &[Equipment],
    ) -> Result<String, AppError> {
        let exercises = related;
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
            figure_html: figure::inline_figure(&exercise.slug, &exercise.figure),
            figure_css: figures::keyframes(exercise).0,
            exercise: exercise.clone(),
        };
        Ok(template.render()?)
    }

    /// One page of the library narrowed by the filters in `params` (`muscle`,
    /// `equipment`, `category`, `level`, and `page`); values that name nothing are a bad
    /// request.
    pub fn exercise_list(&self, params: &QueryParams) -> Result<ExercisesPage, AppError> {
        let filter = parse_filter(&self.db, params)?;
        let number = page_param(params)?;
        self.library_page(&self.library(&filter)?, number)
    }

    /// The exercises `filter` keeps, with what the filter form offers.
    fn library(&self, filter: &ExerciseFilter) -> Result<Library, AppError> {
        Ok(self.db.with(|conn| {
            Ok(Library {
                filter: filter.clone(),
                slugs: queries::exercise_slugs(conn, filter)?,
                muscles: queries::muscles(conn)?,
                equipment: queries::equipment(conn)?,
            })
        })?)
    }

    /// Page `number` of a library: only its exercises are read in full.
    fn library_page(&self, library: &Library, number: usize) -> Result<ExercisesPage, AppError> {
        let filter = &library.filter;
        let shown = slice(library.slugs.len(), CARDS_PER_PAGE, number)?;
        let exercises = self
            .db
            .with(|conn| queries::exercises_named(conn, &library.slugs[shown.range.clone()]))?;
        let base = filter_query(filter);
        let pager = shown.pager("/exercises/", &base);
        let filtered = *filter != ExerciseFilter::default();
        Ok(ExercisesPage {
            meta: self
                .meta(
                    "Exercise library",
                    "Every exercise with steps, muscles worked on a body map, sets, reps and rest, and easier and harder variations.",
                    page_href("/exercises/", &base, number),
                    "exercises",
                )
                .paged(pager.as_ref()),
            filters: filter_views(filter, &library.muscles, &library.equipment),
            filtered,
            count_text: count_text(library.slugs.len(), filtered),
            exercises,
            pager,
        })
    }
}

/// The library for one filter: its exercises' slugs in order, and the muscles and kit
/// the form offers.
struct Library {
    filter: ExerciseFilter,
    slugs: Vec<String>,
    muscles: Vec<Muscle>,
    equipment: Vec<Equipment>,
}

/// A filter as the query that asks for it, in a fixed order.
fn filter_query(filter: &ExerciseFilter) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    let pairs = [
        ("muscle", filter.muscle.as_deref()),
        ("equipment", filter.equipment.as_deref()),
        ("category", filter.category.map(Category::slug)),
        ("level", filter.level.map(Level::slug)),
    ];
    for (name, value) in pairs {
        if let Some(value) = value {
            query.append_pair(name, value);
        }
    }
    query.finish()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_is_asked_for_in_one_spelling() {
        let filter = ExerciseFilter {
            muscle: Some("glutes".into()),
            equipment: None,
            category: Some(Category::Strength),
            level: Some(Level::Beginner),
        };
        assert_eq!(
            filter_query(&filter),
            "muscle=glutes&category=strength&level=beginner"
        );
        assert_eq!(filter_query(&ExerciseFilter::default()), "");
    }
}
