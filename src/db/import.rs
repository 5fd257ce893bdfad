//! Writes validated content into freshly created databases, each in one transaction:
//! the content tables into one, the full-text index into the other.

use rusqlite::{Connection, Transaction, params};

use super::search;
use crate::content::Content;
use crate::domain::{Exercise, Program, muscles};

pub fn all(conn: &mut Connection, content: &Content) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    pages(&tx, content)?;
    exercises(&tx, &content.exercises)?;
    programs(&tx, &content.programs)?;
    tx.commit()
}

/// The full-text index of every page.
pub fn search(conn: &mut Connection, content: &Content) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    search::index(&tx, content)?;
    tx.commit()
}

/// Articles, muscles and equipment: one row each.
fn pages(tx: &Transaction, content: &Content) -> rusqlite::Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO articles (slug, title, position, updated, data) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for a in &content.articles {
        insert.execute(params![a.slug, a.title, a.order, a.updated, json(a)])?;
    }
    let mut insert =
        tx.prepare("INSERT INTO muscles (slug, name, position, data) VALUES (?1, ?2, ?3, ?4)")?;
    for m in &content.muscles {
        insert.execute(params![m.slug, m.name, muscles::order(&m.slug), json(m)])?;
    }
    let mut insert =
        tx.prepare("INSERT INTO equipment (slug, name, kind, data) VALUES (?1, ?2, ?3, ?4)")?;
    for e in &content.equipment {
        insert.execute(params![e.slug, e.name, e.kind.slug(), json(e)])?;
    }
    Ok(())
}

/// Exercises, with the muscles they work and the equipment they need, for the filters,
/// and the substitutes they name, for the equipment pages.
fn exercises(tx: &Transaction, exercises: &[Exercise]) -> rusqlite::Result<()> {
    let mut insert =
        tx.prepare("INSERT INTO exercises (slug, name, category, level) VALUES (?1, ?2, ?3, ?4)")?;
    let mut record = tx.prepare("INSERT INTO exercise_records (slug, data) VALUES (?1, ?2)")?;
    let mut muscle = tx.prepare(
        "INSERT OR IGNORE INTO exercise_muscles (exercise, muscle, role) VALUES (?1, ?2, ?3)",
    )?;
    let mut kit = tx.prepare(
        "INSERT OR IGNORE INTO exercise_equipment (exercise, equipment) VALUES (?1, ?2)",
    )?;
    let mut substitute = tx.prepare(
        "INSERT OR IGNORE INTO exercise_substitutes (exercise, substitute) VALUES (?1, ?2)",
    )?;
    // SQLite writes on one thread; the records are serialised on every core first.
    let records = crate::parallel::map(exercises.iter().collect(), json);
    for (x, data) in exercises.iter().zip(records) {
        insert.execute(params![x.slug, x.name, x.category.slug(), x.level.slug()])?;
        record.execute(params![x.slug, data])?;
        for m in &x.primary {
            muscle.execute(params![x.slug, m, "primary"])?;
        }
        for m in &x.secondary {
            muscle.execute(params![x.slug, m, "secondary"])?;
        }
        for e in &x.equipment {
            kit.execute(params![x.slug, e])?;
        }
    }
    // A substitute may come later by name: every exercise is in before any is named.
    for x in exercises {
        for s in &x.substitutes {
            substitute.execute(params![x.slug, s])?;
        }
    }
    Ok(())
}

/// Programmes, with the exercises they use.
fn programs(tx: &Transaction, programs: &[Program]) -> rusqlite::Result<()> {
    let mut insert = tx.prepare("INSERT INTO programs (slug, title, data) VALUES (?1, ?2, ?3)")?;
    let mut uses =
        tx.prepare("INSERT OR IGNORE INTO program_exercises (program, exercise) VALUES (?1, ?2)")?;
    for p in programs {
        insert.execute(params![p.slug, p.title, json(p)])?;
        let items = p
            .weeks
            .iter()
            .flat_map(|w| &w.sessions)
            .flat_map(|s| &s.items);
        for item in items {
            uses.execute(params![p.slug, item.exercise])?;
        }
    }
    Ok(())
}

fn json<T: serde::Serialize>(value: &T) -> String {
    // Serialising plain data structs cannot fail: they hold only strings, numbers and lists.
    serde_json::to_string(value).unwrap_or_default()
}
