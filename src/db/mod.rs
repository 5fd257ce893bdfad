//! All SQL lives here.
//!
//! The database is a build product of `content/`: at start-up the validated content is
//! imported into a brand-new file (the [`schema`], then the data in one transaction),
//! which is then renamed over the configured path. A failed import leaves the previous
//! file untouched, and two servers starting on the same path each rename a complete file
//! into place, so neither ever sees half a site.
//!
//! The full-text index is a file of its own beside it ([`search_path`], `site.db-search`),
//! written when it is first needed ([`Database::with_search`]): by the server's warm-up
//! a moment after the site is ready, or by the first search. It was half the time of
//! building the database at start-up, and no page rendered at start-up reads it.
//!
//! Each table keeps the columns that queries filter or join on, plus a `data` column with
//! the validated record as JSON, which is what pages are rendered from. After import the
//! files are only read, through fixed pools of read-only connections opened on the new
//! files before they are renamed into place. A database therefore only ever reads the
//! files it built: when a reload renames newer files over the same paths, a site still
//! answering requests keeps reading its own, whose space is freed when its last
//! connection closes.

mod import;
pub mod queries;
mod schema;
pub mod search;

use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};

use rusqlite::{Connection, OpenFlags};

use crate::content::Content;

pub use queries::ExerciseFilter;

/// Read-only access to an imported database, and its full-text index once written.
pub struct Database {
    tables: Pool,
    index: OnceLock<Result<Pool, String>>,
    /// What the index is written from, until it is.
    pending: Mutex<Option<PendingIndex>>,
}

/// The content the full-text index is made from, and where it goes.
struct PendingIndex {
    content: Content,
    path: PathBuf,
}

/// Read-only connections to one file, taken in turn.
struct Pool {
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
    #[error("the search index could not be built: {0}")]
    Index(String),
}

impl Database {
    /// Imports `content` into a fresh file and atomically moves it to `path`; keeps
    /// `content` to write the full-text index from when it is first needed.
    pub fn build(path: &Path, content: Content) -> Result<Self, DbError> {
        check_folder(path)?;
        let tables = build_file(path, "exercises", |conn| {
            schema::create(conn)?;
            import::all(conn, &content)
        })?;
        Ok(Self {
            tables,
            index: OnceLock::new(),
            pending: Mutex::new(Some(PendingIndex {
                content,
                path: search_path(path),
            })),
        })
    }

    /// Removes the files [`Database::build`] wrote at `path`, for commands that build
    /// a database only as a step.
    pub fn remove(path: &Path) {
        let _ = std::fs::remove_file(path);
        let _ = std::fs::remove_file(search_path(path));
    }

    /// Runs `f` with a pooled read-only connection to the content tables, waiting for
    /// one if all are busy.
    pub fn with<T>(&self, f: impl FnOnce(&Connection) -> Result<T, DbError>) -> Result<T, DbError> {
        self.tables.with(f)
    }

    /// Runs `f` with a pooled read-only connection to the full-text index, writing the
    /// index first if this is the first call (calls meanwhile wait for it).
    pub fn with_search<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        match self.index.get_or_init(|| self.write_index()) {
            Ok(index) => index.with(f),
            Err(message) => Err(DbError::Index(message.clone())),
        }
    }

    /// Writes the full-text index now, unless it is written already.
    pub fn prepare_search(&self) -> Result<(), DbError> {
        self.with_search(|_| Ok(()))
    }

    fn write_index(&self) -> Result<Pool, String> {
        let pending = lock(&self.pending).take();
        let Some(PendingIndex { content, path }) = pending else {
            return Err("an earlier attempt to write it failed".to_string());
        };
        build_file(&path, "search", |conn| {
            schema::create_search(conn)?;
            import::search(conn, &content)
        })
        .map_err(|error| error.to_string())
    }
}

impl Pool {
    fn new(connections: Vec<Connection>) -> Self {
        Self {
            idle: Mutex::new(connections),
            returned: Condvar::new(),
        }
    }

    /// Runs `f` with an idle connection, waiting for one if all are busy.
    fn with<T>(&self, f: impl FnOnce(&Connection) -> Result<T, DbError>) -> Result<T, DbError> {
        let conn = {
            let mut idle = lock(&self.idle);
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
        lock(&self.idle).push(conn);
        self.returned.notify_one();
        result
    }
}

/// A lock whose data a panic cannot leave half changed (a list only pushed to and popped
/// from, a value only taken), so a poisoned lock is still good.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Refuses a path whose folder is missing or is not a folder.
fn check_folder(path: &Path) -> Result<(), DbError> {
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
    Ok(())
}

/// Writes a new file with `fill` beside `path`, opens the pool on it, checks that it
/// reads back (its `table` among others), and renames it over `path`. On any failure
/// the new file is removed and `path` is left as it was.
fn build_file(
    path: &Path,
    table: &str,
    fill: impl FnOnce(&mut Connection) -> rusqlite::Result<()>,
) -> Result<Pool, DbError> {
    let temp = temp_path(path);
    let built = write(&temp, fill)
        .and_then(|()| (0..pool_size()).map(|_| open(&temp)).collect())
        .map(Pool::new)
        .map_err(|source| DbError::Build {
            path: temp.clone(),
            source,
        })
        // Files that do not read back are refused before they replace good ones.
        .and_then(|pool| {
            pool.with(|conn| queries::check_schema(conn, table))
                .map(|()| pool)
        });
    let renamed = built.and_then(|pool| {
        std::fs::rename(&temp, path)
            .map(|()| pool)
            .map_err(|source| DbError::Rename {
                path: path.to_path_buf(),
                source,
            })
    });
    if renamed.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    renamed
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

/// The full-text index's file beside the database at `path`: `site.db-search`.
pub fn search_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push("-search");
    path.with_file_name(name)
}

/// A read-only connection to the file at `path`, with a small page cache (128 KiB, for
/// each of the pool's connections): the files are a few megabytes and the operating
/// system caches them anyway.
fn open(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.pragma_update(None, "query_only", true)?;
    conn.pragma_update(None, "cache_size", -128)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Content {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        crate::content::load(&dir).expect("bundled content is valid")
    }

    fn hits(database: &Database, words: &str) -> Result<usize, DbError> {
        database.with_search(|conn| search::count(conn, words))
    }

    #[test]
    fn the_search_index_is_written_at_the_first_search() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("site.db");
        let database = Database::build(&path, bundled()).expect("database");
        assert!(path.is_file(), "the content tables are in place");
        assert!(!search_path(&path).exists(), "no index before it is needed");

        assert!(hits(&database, "hamstrings").expect("a search") > 0);
        assert!(search_path(&path).is_file(), "the index is in place");
        assert_eq!(hits(&database, "zzzz").expect("another search"), 0);
    }

    #[test]
    fn an_index_that_cannot_be_written_fails_every_search_and_leaves_no_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("site.db");
        let database = Database::build(&path, bundled()).expect("database");
        // A folder where the index should go: the finished file cannot be renamed there.
        std::fs::create_dir(search_path(&path)).expect("folder");

        for _ in 0..2 {
            let error = hits(&database, "glutes").expect_err("no index");
            assert!(matches!(error, DbError::Index(_)), "{error}");
        }
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("listing")
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left.len(), 2, "only the database and the folder: {left:?}");
    }
}
