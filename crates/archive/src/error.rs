//! The archive's typed errors.

use std::path::PathBuf;

/// Everything that can go wrong opening, writing or querying an archive.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file exists but is not an SQLite database; it is left untouched.
    #[error(
        "{path}: not a Gleaner archive (the file is not an SQLite database); refusing to overwrite it"
    )]
    NotADatabase {
        /// The file given as the archive.
        path: PathBuf,
    },
    /// An SQLite database that some other program wrote.
    #[error(
        "{path}: an SQLite database, but not a Gleaner archive (application id {found:#x}); refusing to change it"
    )]
    ForeignDatabase {
        /// The file given as the archive.
        path: PathBuf,
        /// The `application_id` found in the file.
        found: i64,
    },
    /// The archive was written by a newer Gleaner.
    #[error(
        "{path}: archive schema version {found} is newer than this gleaner supports ({supported}); upgrade gleaner to open it"
    )]
    NewerSchema {
        /// The file given as the archive.
        path: PathBuf,
        /// Schema version in the file.
        found: i64,
        /// Newest version this build knows.
        supported: i64,
    },
    /// A full-text query SQLite's FTS5 cannot parse.
    #[error("invalid search query {query:?}: {reason}")]
    InvalidQuery {
        /// The query as given.
        query: String,
        /// SQLite's explanation.
        reason: String,
    },
    /// A filter or option value that cannot be used.
    #[error("invalid {field}: {problem}")]
    InvalidOption {
        /// Which option.
        field: &'static str,
        /// What is wrong with it.
        problem: String,
    },
    /// A pagination cursor that this archive did not make for this query (cut, altered,
    /// or from another query).
    #[error("invalid cursor: {problem}")]
    InvalidCursor {
        /// What is wrong with it.
        problem: String,
    },
    /// Extraction of an input failed.
    #[error("extraction failed: {0}")]
    Extract(#[from] gleaner_core::Error),
    /// Re-extraction of a stored input failed.
    #[error("article {id}: re-extraction failed: {source}")]
    Reextract {
        /// The article.
        id: i64,
        /// The extractor's error.
        source: gleaner_core::Error,
    },
    /// A stored blob could not be decompressed or parsed (a damaged archive).
    #[error("article {id}: stored {what} is damaged: {problem}")]
    Damaged {
        /// The article.
        id: i64,
        /// Which column.
        what: &'static str,
        /// What failed.
        problem: String,
    },
    /// A derived index table holds what cannot be read (a damaged archive; `reindex`
    /// rebuilds it).
    #[error("index table {table} is damaged: {problem}")]
    DamagedIndex {
        /// The table.
        table: &'static str,
        /// What failed.
        problem: String,
    },
    /// No article with this id.
    #[error("no article with id {0}")]
    NotFound(i64),
    /// An error from SQLite.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// An I/O error (export files, compression).
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Shorthand for the archive's results.
pub type Result<T, E = Error> = std::result::Result<T, E>;
