//! Gleaner over HTTP: the axum router, the bounded extraction pool and the server behind
//! `gleaner serve`.
//!
//! ```no_run
//! # async fn run() -> Result<(), gleaner_server::ServeError> {
//! use gleaner_server::{ServerConfig, serve, shutdown_signal};
//!
//! serve(ServerConfig::default(), shutdown_signal()).await
//! # }
//! ```
//!
//! Endpoints: `POST /v1/extract` (one article: the same JSON as `gleaner extract --format
//! json`), `POST /v1/extract/batch` (NDJSON in and out, streamed), `GET /healthz`, `/readyz`,
//! `/metrics` (Prometheus), `/v1/version`, `/openapi.json` and `/docs`; with an archive
//! (`--db`, [`archive`]): `POST /v1/articles`, `GET /v1/articles/{id}`, `/v1/search`,
//! `/v1/quotes`, `/v1/entities`, `/v1/figures` and `/v1/timeline`, paged by cursor. Errors are
//! `application/problem+json` ([`problem`]). Extraction runs on a fixed pool of worker
//! threads behind a bounded queue ([`pool`]); requests beyond it are shed with 503 at once.
//! The server never fetches URLs.

pub mod archive;
pub mod config;
pub mod metrics;
pub mod middleware;
pub mod pool;
pub mod problem;
pub mod request;
pub mod request_id;
pub mod routes;
pub mod serve;
pub mod state;

pub use config::{ConfigError, ServerConfig, parse_duration, parse_size};
pub use routes::{openapi, router};
pub use serve::{ServeError, serve, serve_on, shutdown_signal};
pub use state::AppState;
