//! The schema. The database is rebuilt from `content/` at every start, so there is no
//! history to migrate: the schema is simply the one below, and a change to it is a change
//! to this text. `PRAGMA user_version` records [`VERSION`] so that a file written by a
//! different build is recognised and rebuilt rather than misread.

use rusqlite::Connection;

/// Bump when the schema changes.
pub const VERSION: usize = 6;

/// Content tables and the joins that filters use.
const SCHEMA: &str = "
    CREATE TABLE articles (
        slug TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        position INTEGER NOT NULL,
        updated TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE muscles (
        slug TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    -- What lists, filters and links read of an exercise: small rows, many to a page.
    CREATE TABLE exercises (
        slug TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        category TEXT NOT NULL,
        level TEXT NOT NULL
    );
    -- The library lists exercises by name under any filter: this index saves the sort.
    CREATE INDEX exercises_by_name ON exercises(name);
    -- Each exercise's whole record, a few kilobytes, in a table of its own: a page of
    -- links then reads a few small pages of `exercises`, not a page per exercise.
    CREATE TABLE exercise_records (
        slug TEXT PRIMARY KEY REFERENCES exercises(slug),
        data TEXT NOT NULL
    );
    CREATE TABLE exercise_muscles (
        exercise TEXT NOT NULL REFERENCES exercises(slug),
        muscle TEXT NOT NULL REFERENCES muscles(slug),
        role TEXT NOT NULL CHECK (role IN ('primary', 'secondary')),
        PRIMARY KEY (exercise, muscle)
    );
    CREATE INDEX exercise_muscles_by_muscle ON exercise_muscles(muscle);
    CREATE TABLE equipment (
        slug TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE exercise_equipment (
        exercise TEXT NOT NULL REFERENCES exercises(slug),
        equipment TEXT NOT NULL REFERENCES equipment(slug),
        PRIMARY KEY (exercise, equipment)
    );
    CREATE INDEX exercise_equipment_by_equipment ON exercise_equipment(equipment);
    -- What each exercise names as a substitute: an item's page lists what to do without it.
    CREATE TABLE exercise_substitutes (
        exercise TEXT NOT NULL REFERENCES exercises(slug),
        substitute TEXT NOT NULL REFERENCES exercises(slug),
        PRIMARY KEY (exercise, substitute)
    ) WITHOUT ROWID;
    CREATE TABLE programs (
        slug TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE program_exercises (
        program TEXT NOT NULL REFERENCES programs(slug),
        exercise TEXT NOT NULL REFERENCES exercises(slug),
        PRIMARY KEY (program, exercise)
    );
    CREATE INDEX program_exercises_by_exercise ON program_exercises(exercise);
";

/// The full-text index, in a file of its own so that it is built beside the rest.
const SEARCH_SCHEMA: &str = "
    -- Full-text search over every page a runner might look for. Porter stemming makes
    -- `jumps` find `jump`. There are no prefix indexes: at a thousand exercises a prefix
    -- query (`hamstr*`) scans the terms in a few milliseconds either way, and the
    -- indexes made the database take a quarter longer to build at every start.
    CREATE VIRTUAL TABLE search USING fts5(
        kind UNINDEXED,
        slug UNINDEXED,
        url UNINDEXED,
        title,
        body,
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
";

/// Creates the content tables in an empty database.
pub fn create(conn: &mut Connection) -> rusqlite::Result<()> {
    create_with(conn, SCHEMA)
}

/// Creates the full-text index in an empty database.
pub fn create_search(conn: &mut Connection) -> rusqlite::Result<()> {
    create_with(conn, SEARCH_SCHEMA)
}

fn create_with(conn: &mut Connection, schema: &str) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    tx.execute_batch(schema)?;
    tx.pragma_update(None, "user_version", VERSION)?;
    tx.commit()
}
