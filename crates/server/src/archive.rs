//! The archive behind `--db`: one writer connection and a small pool of read-only ones,
//! used off the async runtime.
//!
//! SQLite calls block, so every one runs on tokio's blocking threads (reads) or on an
//! extraction worker (ingest). Reads take a read-only connection from the pool — WAL
//! readers never wait for the writer — and at most [`ArchiveStore::READERS`] run at once;
//! the rest wait their turn. Writes share the one writer connection (SQLite has one writer
//! at a time anyway), which each ingest holds only to store an article already extracted.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use gleaner_archive::{Archive, Error as ArchiveError};
use tokio::sync::Semaphore;

use crate::problem::{Problem, ProblemKind};

/// The open archive of a server started with `--db`.
#[derive(Debug)]
pub struct ArchiveStore {
    path: PathBuf,
    writer: Mutex<Archive>,
    readers: Mutex<Vec<Archive>>,
    permits: Arc<Semaphore>,
}

impl ArchiveStore {
    /// Read queries that may run at once.
    pub const READERS: usize = 4;

    /// Opens (creating and migrating when needed) the archive at `path`.
    pub fn open(path: &Path) -> Result<Self, ArchiveError> {
        let writer = Archive::open(path)?;
        Ok(Self {
            path: path.to_path_buf(),
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
            permits: Arc::new(Semaphore::new(Self::READERS)),
        })
    }

    /// The archive file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `query` on a read-only connection on a blocking thread.
    pub async fn read<T, F>(self: &Arc<Self>, query: F) -> Result<T, Problem>
    where
        T: Send + 'static,
        F: FnOnce(&Archive) -> Result<T, ArchiveError> + Send + 'static,
    {
        let _permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|_| Problem::internal())?;
        let store = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let archive = store.take_reader()?;
            let result = query(&archive);
            store.give_back(archive);
            result
        })
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "an archive query panicked");
            Problem::internal()
        })?
        .map_err(archive_problem)
    }

    /// Runs `write` with the writer connection (call it on a blocking thread).
    pub fn write<T>(
        &self,
        write: impl FnOnce(&mut Archive) -> Result<T, ArchiveError>,
    ) -> Result<T, Problem> {
        let mut archive = self.writer.lock().map_err(|_| Problem::internal())?;
        write(&mut archive).map_err(archive_problem)
    }

    /// The id of the stored article with this SHA-256, read without the writer.
    pub fn find_sha256(&self, sha256: &str) -> Result<Option<i64>, Problem> {
        let archive = self.take_reader().map_err(archive_problem)?;
        let found = archive.find_sha256(sha256);
        self.give_back(archive);
        found.map_err(archive_problem)
    }

    fn take_reader(&self) -> Result<Archive, ArchiveError> {
        let pooled = self.readers.lock().ok().and_then(|mut r| r.pop());
        match pooled {
            Some(archive) => Ok(archive),
            None => Archive::open_read_only(&self.path),
        }
    }

    fn give_back(&self, archive: Archive) {
        if let Ok(mut readers) = self.readers.lock()
            && readers.len() < Self::READERS
        {
            readers.push(archive);
        }
    }
}

/// An archive error as the problem a client sees: its own mistakes (a bad cursor, query or
/// filter, an unknown id) in words; the server's failures as `internal`, logged.
pub fn archive_problem(error: ArchiveError) -> Problem {
    match error {
        ArchiveError::InvalidCursor { .. } => {
            Problem::new(ProblemKind::InvalidCursor, error.to_string())
        }
        ArchiveError::InvalidQuery { .. } | ArchiveError::InvalidOption { .. } => {
            Problem::new(ProblemKind::InvalidRequest, error.to_string())
        }
        ArchiveError::NotFound(id) => Problem::new(
            ProblemKind::NotFound,
            format!("the archive has no article with id {id}"),
        ),
        ArchiveError::Extract(e) => Problem::from(e),
        other => {
            tracing::error!(error = %other, "archive failure");
            Problem::internal()
        }
    }
}
