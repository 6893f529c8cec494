//! Opening an archive: refusing what is not one, migrating, connection settings.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use crate::compress::BlobCompressor;
use crate::error::{Error, Result};
use crate::migrate;

/// How long a statement waits for another connection's write lock before failing. Long
/// enough that readers during an import never see "database is locked".
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Prepared statements kept per connection. An article's insert alone runs ~30 distinct
/// statements; rusqlite's default of 16 would evict and re-prepare them for every article.
const STATEMENT_CACHE: usize = 128;

/// One connection to an archive file. Open one per thread; SQLite's WAL mode lets readers
/// run while one writer writes.
#[derive(Debug)]
pub struct Archive {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// Built on the first blob written (reading connections never need one), then reused.
    pub(crate) compressor: Option<BlobCompressor>,
}

impl Archive {
    /// Opens (creating if absent) the archive at `path` and migrates it to the current
    /// schema. Refuses a file that is not an SQLite database, an SQLite database of another
    /// program, and an archive of a newer schema version.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        refuse_non_database(&path)?;
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(|e| classify_open_error(e, &path))?;
        Self::setup(conn, path)
    }

    /// Opens an existing archive for reading only (never migrates or creates).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        refuse_non_database(&path)?;
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| classify_open_error(e, &path))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        check_identity(&conn, &path)?;
        conn.pragma_update(None, "cache_size", -65_536)?;
        conn.execute_batch("PRAGMA mmap_size = 268435456")?;
        Ok(Self {
            conn,
            path,
            compressor: None,
        })
    }

    /// A fresh archive in memory (tests, scratch work).
    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    /// The file this archive lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open archive.
    pub fn schema_version(&self) -> Result<i64> {
        migrate::version(&self.conn)
    }

    fn setup(mut conn: Connection, path: PathBuf) -> Result<Self> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        // Plans that never depend on bound values: without this, SQLite marks some
        // parameters (e.g. of `min()` lookups by key) as plan-relevant and re-prepares the
        // cached statement whenever a new value is bound — ~40 re-prepares per stored
        // article, a fifth of its storing cost. No query here has a plan that a bound value
        // could improve (no `sqlite_stat4`, partial indexes on literals, `LIKE '%…%'`).
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        check_identity(&conn, &path)?;
        // WAL: readers never block the writer nor each other. NORMAL sync never corrupts;
        // a power loss may drop the last commits, which a re-run of the import restores.
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .map_err(|e| classify_open_error(e, &path))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // A 64 MiB page cache keeps the indexes of a large archive in memory; memory-mapped
        // reads spare a copy per page; checkpoints (each an fsync) every ~40 MB of WAL.
        conn.pragma_update(None, "cache_size", -65_536)?;
        conn.execute_batch("PRAGMA mmap_size = 268435456")?;
        conn.pragma_update(None, "wal_autocheckpoint", 10_000)?;
        if migrate::version(&conn)? < migrate::LATEST {
            migrate::migrate_to(&mut conn, migrate::LATEST)?;
        }
        Ok(Self {
            conn,
            path,
            compressor: None,
        })
    }
}

/// Refuses databases of other programs and of newer schemas.
fn check_identity(conn: &Connection, path: &Path) -> Result<()> {
    let app_id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| classify_open_error(e, path))?;
    let version = migrate::version(conn)?;
    if app_id != migrate::APPLICATION_ID {
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if app_id != 0 || tables > 0 || version != 0 {
            return Err(Error::ForeignDatabase {
                path: path.to_path_buf(),
                found: app_id,
            });
        }
    }
    if version > migrate::LATEST {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: migrate::LATEST,
        });
    }
    Ok(())
}

/// A non-empty file that does not start with SQLite's header is refused before SQLite
/// touches it (SQLite would otherwise only fail at the first read, after creating a WAL).
fn refuse_non_database(path: &Path) -> Result<()> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(Error::Io {
                context: format!("cannot open {}", path.display()),
                source: e,
            });
        }
    };
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => {
                return Err(Error::Io {
                    context: format!("cannot read {}", path.display()),
                    source: e,
                });
            }
        }
    }
    if read == 0 || header == *b"SQLite format 3\0" {
        Ok(())
    } else {
        Err(Error::NotADatabase {
            path: path.to_path_buf(),
        })
    }
}

fn classify_open_error(e: rusqlite::Error, path: &Path) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Error::NotADatabase {
            path: path.to_path_buf(),
        },
        _ => Error::Sqlite(e),
    }
}
