//! All SQL lives here.
//!
//! The database is a build product of `content/`: at start-up the validated content is
//! imported into brand-new files (the [`schema`], then the data in one transaction),
//! which are then renamed over the configured path: the content tables there, and the
//! full-text index beside it ([`search_path`], `site.db-search`), written at the same
//! time on another thread and attached to every connection. A failed import leaves the
//! previous files untouched, and two servers starting on the same path each rename
//! complete files into place, so neither ever sees half a site.
//!
//! Each table keeps the columns that queries filter or join on, plus a `data` column with
//! the validated record as JSON, which is what pages are rendered from. After import the
//! files are only read, through a fixed pool of read-only connections opened on the new
//! files before they are renamed into place. A database therefore only ever reads the
//! files it built: when a reload renames newer files over the same paths, a site still
//! answering requests keeps reading its own, whose space is freed when its last
//! connection closes.

mod import;
pub mod queries;
mod schema;
pub mod search;

use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard};

use rusqlite::{Connection, OpenFlags};

use crate::content::Content;

pub use queries::ExerciseFilter;

/// Read-only access to an imported database.
pub struct Database {
    idle: Mutex<Vec<Connection>>,
    /// Signalled when a connection is put back.
    returned: Condvar,
}

/// Connections in the pool: more than the threads that render at once (a worker per
/// core, the warm-up and the export), so a request rarely waits for one.
fn pool_size() -> usize {
    std::thread::available_parallelism().map_or(2, usize::from) * 2 + 2
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database folder {0} does not exist")]
    MissingFolder(PathBuf),
    #[error("database folder {0} is not a folder")]
    NotAFolder(PathBuf),
    #[error("cannot build the database at {path}: {source}")]
    Build {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("cannot replace {path}: {source}")]
    Rename {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored record is not valid: {0}")]
    Record(#[from] serde_json::Error),
}

impl Database {
    /// Imports `content` into fresh files and atomically moves them to `path` and
    /// [`search_path`]`(path)`.
    pub fn build(path: &Path, content: &Content) -> Result<Self, DbError> {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if folder.exists() && !folder.is_dir() {
            return Err(DbError::NotAFolder(folder));
        }
        if !folder.is_dir() {
            return Err(DbError::MissingFolder(folder));
        }
        let (temp, search_temp) = (temp_path(path), temp_path(&search_path(path)));
        let remove_temps = || {
            let _ = std::fs::remove_file(&temp);
            let _ = std::fs::remove_file(&search_temp);
        };
        let pool = write_both(&temp, &search_temp, content).and_then(|()| {
            (0..pool_size())
                .map(|_| open(&temp, &search_temp))
                .collect()
        });
        let pool: Vec<Connection> = match pool {
            Ok(pool) => pool,
            Err(source) => {
                remove_temps();
                return Err(DbError::Build { path: temp, source });
            }
        };
        let database = Self {
            idle: Mutex::new(pool),
            returned: Condvar::new(),
        };
        // Files that do not read back are refused before they replace good ones.
        if let Err(error) = database.with(queries::check_schema) {
            remove_temps();
            return Err(error);
        }
        let renamed = std::fs::rename(&search_temp, search_path(path))
            .and_then(|()| std::fs::rename(&temp, path));
        renamed.map_err(|source| {
            remove_temps();
            DbError::Rename {
                path: path.to_path_buf(),
                source,
            }
        })?;
        Ok(database)
    }

    /// Removes the files [`Database::build`] wrote at `path`, for commands that build
    /// a database only as a step.
    pub fn remove(path: &Path) {
        let _ = std::fs::remove_file(path);
        let _ = std::fs::remove_file(search_path(path));
    }

    /// Runs `f` with a pooled read-only connection, waiting for one if all are busy.
    pub fn with<T>(&self, f: impl FnOnce(&Connection) -> Result<T, DbError>) -> Result<T, DbError> {
        let conn = {
            let mut idle = self.lock();
            loop {
                if let Some(conn) = idle.pop() {
                    break conn;
                }
                idle = self
                    .returned
                    .wait(idle)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
        };
        let result = f(&conn);
        self.lock().push(conn);
        self.returned.notify_one();
        result
    }

    /// The idle connections. A panic while the lock was held cannot leave the list half
    /// changed (it is only pushed to and popped from), so a poisoned lock is still good.
    fn lock(&self) -> MutexGuard<'_, Vec<Connection>> {
        self.idle
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Writes the content tables at `path` and the full-text index at `search`. SQLite
/// writes a file on one thread: the index, a third of the work, is written to its own
/// file on another.
fn write_both(path: &Path, search: &Path, content: &Content) -> rusqlite::Result<()> {
    std::thread::scope(|scope| {
        let indexed = scope.spawn(|| {
            write(search, |conn| {
                schema::create_search(conn)?;
                import::search(conn, content)
            })
        });
        let built = write(path, |conn| {
            schema::create(conn)?;
            import::all(conn, content)
        });
        let indexed = indexed
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        built.and(indexed)
    })
}

/// Writes a new database at `path` with `fill`. The file is private until renamed into
/// place, and rebuilt from content on any failure, so it needs neither a journal nor
/// syncs while it is written.
fn write(
    path: &Path,
    fill: impl FnOnce(&mut Connection) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    let mut conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "OFF")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    fill(&mut conn)?;
    conn.close().map_err(|(_, e)| e)
}

/// The name the full-text index's file is attached under.
const FULLTEXT: &str = "fulltext";

/// The full-text index's file beside the database at `path`: `site.db-search`.
pub fn search_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push("-search");
    path.with_file_name(name)
}

/// A read-only connection to the database at `path` with its full-text index at
/// `search` attached, and a small page cache (128 KiB, for each of the pool's
/// connections): the files are a few megabytes and the operating system caches them
/// anyway.
fn open(path: &Path, search: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let search_name = search
        .to_str()
        .ok_or_else(|| rusqlite::Error::InvalidPath(search.to_path_buf()))?;
    // Attached, its `search` table is found by name like the others'.
    conn.execute(&format!("ATTACH DATABASE ?1 AS {FULLTEXT}"), [search_name])?;
    conn.pragma_update(None, "query_only", true)?;
    for schema in ["main", FULLTEXT] {
        conn.pragma_update(Some(schema), "cache_size", -128)?;
    }
    Ok(conn)
}

/// A sibling of `path` unique to this process and moment.
fn temp_path(path: &Path) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{}-{nanos}.tmp", std::process::id()));
    path.with_file_name(name)
}
