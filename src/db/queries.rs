//! Every query the site runs. Records come back as the validated domain types.

use rusqlite::{Connection, ToSql, params};
use serde::de::DeserializeOwned;

use super::DbError;
use crate::domain::{Article, Category, Equipment, Exercise, ExerciseLink, Level, Muscle, Program};

/// Narrows the exercise library. `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ExerciseFilter {
    /// Works this muscle, as a primary or secondary mover.
    pub muscle: Option<String>,
    /// Needs this equipment; `none` means bodyweight only.
    pub equipment: Option<String>,
    pub category: Option<Category>,
    pub level: Option<Level>,
}

/// The equipment filter value that means "no equipment at all".
pub const NO_EQUIPMENT: &str = "none";

fn records<T: DeserializeOwned>(
    conn: &Connection,
    sql: &str,
    args: &[&dyn ToSql],
) -> Result<Vec<T>, DbError> {
    let mut statement = conn.prepare_cached(sql)?;
    let rows = statement.query_map(args, |row| row.get::<_, String>(0))?;
    let mut out = Vec::new();
    for row in rows {
        out.push(serde_json::from_str(&row?)?);
    }
    Ok(out)
}

fn record<T: DeserializeOwned>(
    conn: &Connection,
    sql: &str,
    key: &str,
) -> Result<Option<T>, DbError> {
    Ok(records(conn, sql, &[&key])?.into_iter().next())
}

/// Fails fast on a file that is not a database of the current schema holding `table`.
pub fn check_schema(conn: &Connection, table: &str) -> Result<(), DbError> {
    let version: usize = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version != super::schema::VERSION {
        return Err(DbError::Sqlite(rusqlite::Error::InvalidQuery));
    }
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
        row.get::<_, i64>(0)
    })?;
    Ok(())
}

pub fn articles(conn: &Connection) -> Result<Vec<Article>, DbError> {
    records(
        conn,
        "SELECT data FROM articles ORDER BY position, title",
        &[],
    )
}

pub fn muscles(conn: &Connection) -> Result<Vec<Muscle>, DbError> {
    records(conn, "SELECT data FROM muscles ORDER BY position", &[])
}

/// The exercises `filter` keeps, by name.
pub fn exercises(conn: &Connection, filter: &ExerciseFilter) -> Result<Vec<Exercise>, DbError> {
    let slugs = exercise_slugs(conn, filter)?;
    exercises_named(conn, &slugs)
}

/// The slugs of the exercises `filter` keeps, by name: enough to count and page a list
/// without reading every record.
pub fn exercise_slugs(conn: &Connection, filter: &ExerciseFilter) -> Result<Vec<String>, DbError> {
    let category = filter.category.map(Category::slug);
    let level = filter.level.map(Level::slug);
    let mut statement = conn.prepare_cached(
        "SELECT slug FROM exercises e
         WHERE (?1 IS NULL OR EXISTS (
                   SELECT 1 FROM exercise_muscles m WHERE m.exercise = e.slug AND m.muscle = ?1))
           AND (?2 IS NULL
                OR (?2 = 'none' AND NOT EXISTS (
                   SELECT 1 FROM exercise_equipment q WHERE q.exercise = e.slug))
                OR EXISTS (
                   SELECT 1 FROM exercise_equipment q WHERE q.exercise = e.slug AND q.equipment = ?2))
           AND (?3 IS NULL OR e.category = ?3)
           AND (?4 IS NULL OR e.level = ?4)
         ORDER BY e.name",
    )?;
    let rows = statement.query_map(
        params![filter.muscle, filter.equipment, category, level],
        |row| row.get(0),
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The exercises with these slugs, in the same order, whole ([`Exercise`]) or as much
/// of them as `T` reads ([`crate::domain::ExerciseCard`]); a slug that names none is
/// skipped.
pub fn exercises_named<T: DeserializeOwned>(
    conn: &Connection,
    slugs: &[String],
) -> Result<Vec<T>, DbError> {
    let mut out = Vec::with_capacity(slugs.len());
    for slug in slugs {
        out.extend(record(conn, EXERCISE, slug)?);
    }
    Ok(out)
}

const EXERCISE: &str = "SELECT data FROM exercise_records WHERE slug = ?1";

pub fn exercise(conn: &Connection, slug: &str) -> Result<Option<Exercise>, DbError> {
    record(conn, EXERCISE, slug)
}

/// Exercises that train a muscle, as links: primary movers first (`true`), then by name.
pub fn exercise_links_for_muscle(
    conn: &Connection,
    muscle: &str,
) -> Result<Vec<(ExerciseLink, bool)>, DbError> {
    let mut statement = conn.prepare_cached(
        "SELECT e.slug, e.name, m.role = 'primary' FROM exercise_muscles m
         JOIN exercises e ON e.slug = m.exercise
         WHERE m.muscle = ?1
         ORDER BY m.role = 'primary' DESC, e.name",
    )?;
    let rows = statement.query_map([muscle], |row| {
        Ok((
            ExerciseLink {
                slug: row.get(0)?,
                name: row.get(1)?,
            },
            row.get::<_, bool>(2)?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Exercises that need this item (what it unlocks), as links by name.
pub fn exercise_links_using(
    conn: &Connection,
    equipment: &str,
) -> Result<Vec<ExerciseLink>, DbError> {
    let mut statement = conn.prepare_cached(
        "SELECT e.slug, e.name FROM exercise_equipment q JOIN exercises e ON e.slug = q.exercise
         WHERE q.equipment = ?1 ORDER BY e.name",
    )?;
    let rows = statement.query_map([equipment], |row| {
        Ok(ExerciseLink {
            slug: row.get(0)?,
            name: row.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// What to do without this item: the substitutes named by the exercises that need it,
/// except those that need it too, as links by name.
pub fn substitutes_without(
    conn: &Connection,
    equipment: &str,
) -> Result<Vec<ExerciseLink>, DbError> {
    let mut statement = conn.prepare_cached(
        "SELECT DISTINCT s.slug, s.name FROM exercise_equipment q
         JOIN exercise_substitutes named ON named.exercise = q.exercise
         JOIN exercises s ON s.slug = named.substitute
         WHERE q.equipment = ?1 AND NOT EXISTS (
             SELECT 1 FROM exercise_equipment n WHERE n.exercise = s.slug AND n.equipment = ?1)
         ORDER BY s.name, s.slug",
    )?;
    let rows = statement.query_map([equipment], |row| {
        Ok(ExerciseLink {
            slug: row.get(0)?,
            name: row.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The exercises some programme uses, whole: what programme pages print.
pub fn exercises_in_programs(conn: &Connection) -> Result<Vec<Exercise>, DbError> {
    records(
        conn,
        "SELECT r.data FROM exercises e JOIN exercise_records r ON r.slug = e.slug
         WHERE EXISTS (SELECT 1 FROM program_exercises x WHERE x.exercise = e.slug)
         ORDER BY e.name",
        &[],
    )
}

pub fn equipment(conn: &Connection) -> Result<Vec<Equipment>, DbError> {
    records(
        conn,
        "SELECT data FROM equipment ORDER BY kind DESC, name",
        &[],
    )
}

/// Programs with at least one exercise that needs this item.
pub fn programs_using_equipment(
    conn: &Connection,
    equipment: &str,
) -> Result<Vec<Program>, DbError> {
    records(
        conn,
        "SELECT p.data FROM programs p WHERE EXISTS (
             SELECT 1 FROM program_exercises x JOIN exercise_equipment q ON q.exercise = x.exercise
             WHERE x.program = p.slug AND q.equipment = ?1)
         ORDER BY p.title",
        &[&equipment],
    )
}

pub fn programs(conn: &Connection) -> Result<Vec<Program>, DbError> {
    records(conn, "SELECT data FROM programs ORDER BY title", &[])
}

pub fn program(conn: &Connection, slug: &str) -> Result<Option<Program>, DbError> {
    record(conn, "SELECT data FROM programs WHERE slug = ?1", slug)
}

/// Programs that include an exercise.
pub fn programs_using_exercise(conn: &Connection, exercise: &str) -> Result<Vec<Program>, DbError> {
    records(
        conn,
        "SELECT p.data FROM program_exercises x JOIN programs p ON p.slug = x.program
         WHERE x.exercise = ?1 ORDER BY p.title",
        &[&exercise],
    )
}

/// Equipment slugs every program needs, derived from its exercises.
pub fn program_equipment(conn: &Connection, program: &str) -> Result<Vec<Equipment>, DbError> {
    records(
        conn,
        "SELECT DISTINCT q.data FROM program_exercises x
         JOIN exercise_equipment e ON e.exercise = x.exercise
         JOIN equipment q ON q.slug = e.equipment
         WHERE x.program = ?1 ORDER BY q.name",
        &[&program],
    )
}
