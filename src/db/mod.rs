//! All SQL lives here.
//!
//! The database is a build product of `content/`: at start-up the validated content is
//! imported into a brand-new file (the [`schema`], then the data in one transaction)
//! which is then renamed over the configured path. A failed import leaves the previous
//! file untouched, and two servers starting on the same path each rename a complete file
//! into place, so neither ever sees half a site.
//!
//! Each table keeps the columns that queries filter or join on, plus a `data` column with
//! the validated record as JSON, which is what pages are rendered from. After import the
//! file is only read, through a fixed pool of read-only connections opened on the new
//! file before it is renamed into place. A database therefore only ever reads the file it
//! built: when a reload renames a newer file over the same path, a site still answering
//! requests keeps reading its own, whose space is freed when its last connection closes.

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
    /// Imports `content` into a fresh file and atomically moves it to `path`.
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
        let temp = temp_path(path);
        let built = (|| {
            let mut conn = Connection::open(&temp)?;
            // The file is private until renamed into place, and rebuilt from content on
            // any failure, so it needs neither a journal nor syncs while it is built.
            conn.pragma_update(None, "journal_mode", "OFF")?;
            conn.pragma_update(None, "synchronous", "OFF")?;
            schema::create(&mut conn)?;
            import::all(&mut conn, content)?;
            conn.close().map_err(|(_, e)| e)?;
            (0..pool_size()).map(|_| open(&temp)).collect()
        })();
        let pool: Vec<Connection> = match built {
            Ok(pool) => pool,
            Err(source) => {
                let _ = std::fs::remove_file(&temp);
                return Err(DbError::Build { path: temp, source });
            }
        };
        let database = Self {
            idle: Mutex::new(pool),
            returned: Condvar::new(),
        };
        // A file that does not read back is refused before it replaces a good one.
        if let Err(error) = database.with(queries::check_schema) {
            let _ = std::fs::remove_file(&temp);
            return Err(error);
        }
        std::fs::rename(&temp, path).map_err(|source| {
            let _ = std::fs::remove_file(&temp);
            DbError::Rename {
                path: path.to_path_buf(),
                source,
            }
        })?;
        Ok(database)
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

/// A read-only connection to the file at `path`, with a small page cache (128 KiB, for
/// each of the pool's connections): the file is a few megabytes and the operating system
/// caches it anyway.
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
