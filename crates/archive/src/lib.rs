//! Gleaner's archive: a local news corpus in one SQLite file, with the queries analysts
//! run — full-text search, quotes by speaker, figures by place, who appears with whom,
//! timelines, near-duplicate clusters — each returning typed rows.
//!
//! ```
//! use gleaner_archive::{Archive, SearchQuery};
//! use gleaner_core::{Config, Extractor, Input};
//!
//! let mut archive = Archive::open_in_memory()?;
//! let extractor = Extractor::new(Config::default());
//! let text = b"Talks resume in Istanbul\n\nKyiv wants security guarantees, officials said.";
//! let outcome = archive.add(&extractor, &Input::new(text.to_vec()))?;
//! let hits = archive.search(&SearchQuery {
//!     query: "\"security guarantees\"".into(),
//!     limit: 10,
//!     ..SearchQuery::default()
//! })?.rows;
//! assert_eq!(hits[0].id, outcome.id());
//! # Ok::<(), gleaner_archive::Error>(())
//! ```
//!
//! One [`Archive`] is one connection: open one per thread. The file is in WAL mode, so
//! readers run while one writer adds articles; each article is one transaction.

mod archive;
mod compress;
mod coverage;
pub mod cursor;
mod error;
mod export;
mod facts;
mod identity;
mod ingest;
pub mod keys;
mod maintenance;
mod migrate;
mod parquet_export;
mod query;
pub mod simhash;
mod story_days;

pub use archive::{Archive, BUSY_TIMEOUT};
pub use cursor::Page;
pub use error::{Error, Result};
pub use export::{ExportFormat, ExportedTable, csv_field};
pub use ingest::{AddOutcome, extractor_version, sha256_hex};
pub use maintenance::{CheckReport, ReindexReport};
pub use migrate::{APPLICATION_ID, LATEST as SCHEMA_VERSION};
pub use query::article::{ArticleBrief, ArticleRecord, DuplicateCluster};
pub use query::entities::{CooccurRow, EntityQuery, EntityRow};
pub use query::figures::{FigureQuery, FigureRow};
pub use query::quotes::{QuoteQuery, QuoteRow};
pub use query::search::{DEFAULT_RANK_WINDOW, SearchHit, SearchPage, SearchQuery};
pub use query::stats::{Gap, SourceCount, SourceDayCount, Stats, VersionCount};
pub use query::timeline::{Timeline, TimelineRow};
pub use query::{ArticleFilter, Period};
