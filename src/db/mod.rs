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
//! file is only read, through a small pool of read-only connections.

mod import;
pub mod queries;
mod schema;
pub mod search;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OpenFlags};

use crate::content::Content;

pub use queries::ExerciseFilter;

/// Read-only access to an imported database.
pub struct Database {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
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
            conn.close().map_err(|(_, e)| e)
        })();
        if let Err(source) = built {
            let _ = std::fs::remove_file(&temp);
            return Err(DbError::Build { path: temp, source });
        }
        std::fs::rename(&temp, path).map_err(|source| {
            let _ = std::fs::remove_file(&temp);
            DbError::Rename {
                path: path.to_path_buf(),
                source,
            }
        })?;
        let database = Self {
            path: path.to_path_buf(),
            idle: Mutex::new(Vec::new()),
        };
        // Open one connection now so a broken file fails at start-up, not on a request.
        database.with(queries::check_schema)?;
        Ok(database)
    }

    /// Runs `f` with a pooled read-only connection.
    pub fn with<T>(&self, f: impl FnOnce(&Connection) -> Result<T, DbError>) -> Result<T, DbError> {
        let pooled = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let conn = match pooled {
            Some(conn) => conn,
            None => self.open()?,
        };
        let result = f(&conn);
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(conn);
        }
        result
    }

    fn open(&self) -> Result<Connection, DbError> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.pragma_update(None, "query_only", true)?;
        Ok(conn)
    }
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
