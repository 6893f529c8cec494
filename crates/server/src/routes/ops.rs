//! Operational endpoints: liveness, readiness, metrics, version.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::problem::{Problem, ProblemDocument, ProblemKind};
use crate::state::AppState;

/// The operational routes.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(healthz))
        .routes(routes!(readyz))
        .routes(routes!(metrics))
        .routes(routes!(version))
}

/// Liveness and readiness answers.
#[derive(Debug, Serialize, ToSchema)]
pub struct Status {
    /// `ok` (alive) or `ready`.
    pub status: &'static str,
}

/// Readiness with the pool's load.
#[derive(Debug, Serialize, ToSchema)]
pub struct Readiness {
    /// `ready`.
    pub status: &'static str,
    /// Extraction worker threads.
    pub workers: usize,
    /// Pool slots taken (running, queued, or reading their body).
    pub admitted: usize,
    /// Pool slots in all (workers + queue); beyond them requests are shed.
    pub capacity: usize,
}

/// What is running.
#[derive(Debug, Serialize, ToSchema)]
pub struct Version {
    /// `gleaner`.
    pub name: &'static str,
    /// The server's version.
    pub version: &'static str,
    /// The output contract's version (`schema_version` in every article).
    pub schema_version: &'static str,
}

/// Liveness: 200 while the process serves requests.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "Alive.", body = Status)))]
pub async fn healthz() -> Json<Status> {
    Json(Status { status: "ok" })
}

/// Readiness: 200 while the server takes extraction requests, 503 once it is shutting down.
#[utoipa::path(get, path = "/readyz", tag = "operations",
    responses(
        (status = 200, description = "Ready.", body = Readiness),
        (status = 503, description = "Shutting down (`shutting-down`).", body = ProblemDocument, content_type = "application/problem+json"),
    ))]
pub async fn readyz(State(state): State<AppState>) -> Result<Json<Readiness>, Problem> {
    if state.is_draining() || !state.pool.is_open() {
        return Err(Problem::new(
            ProblemKind::ShuttingDown,
            "the server is shutting down and takes no new work",
        ));
    }
    let stats = state.pool.stats();
    Ok(Json(Readiness {
        status: "ready",
        workers: stats.workers,
        admitted: stats.admitted,
        capacity: stats.capacity,
    }))
}

/// Metrics in the Prometheus text format: requests, latencies, in-flight requests,
/// extraction time, shed requests, timeouts, pool load.
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses((status = 200, description = "Prometheus text exposition format 0.0.4.",
        body = String, content_type = "text/plain; version=0.0.4")))]
pub async fn metrics(State(state): State<AppState>) -> Response {
    let text = state.metrics.render(&state.pool.stats());
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        text,
    )
        .into_response()
}

/// The server's version and the output schema version.
#[utoipa::path(get, path = "/v1/version", tag = "operations",
    responses((status = 200, description = "Versions.", body = Version)))]
pub async fn version() -> Json<Version> {
    Json(Version {
        name: "gleaner",
        version: env!("CARGO_PKG_VERSION"),
        schema_version: gleaner_core::SCHEMA_VERSION,
    })
}
