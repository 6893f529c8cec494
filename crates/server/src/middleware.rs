//! Cross-cutting request handling: request ids, one log line per request, metrics, and the
//! bearer-token check of write endpoints.

use std::time::Instant;

use axum::extract::{FromRequestParts, MatchedPath, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

use crate::problem::{Problem, ProblemKind};
use crate::request_id;
use crate::state::AppState;

/// Wraps every request: assigns its id (echoed in `x-request-id`), runs it inside a tracing
/// span carrying the id, method and path, logs its status and latency, and records metrics.
pub async fn observe(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let client_id = request
        .headers()
        .get(request_id::HEADER)
        .and_then(|v| v.to_str().ok());
    let id = state.ids.for_request(client_id);
    let method = method_label(request.method());
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |m| m.as_str())
        .to_string();
    let span = tracing::info_span!(
        "request",
        id = %id,
        method,
        path = %request.uri().path(),
    );
    state.metrics.request_started();
    let mut response = request_id::scope(id.clone(), next.run(request))
        .instrument(span.clone())
        .await;
    let elapsed = started.elapsed();
    let status = response.status();
    state
        .metrics
        .request_finished(method, &route, status.as_u16(), elapsed);
    span.in_scope(|| {
        let latency_ms = elapsed.as_micros() as f64 / 1000.0;
        // Shedding (503) is the server working as designed under load: counted in the
        // metrics, logged at info so overload does not flood the log with warnings.
        if status.is_server_error() && status != StatusCode::SERVICE_UNAVAILABLE {
            tracing::warn!(status = status.as_u16(), latency_ms, "request failed");
        } else {
            tracing::info!(status = status.as_u16(), latency_ms, "request handled");
        }
    });
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(request_id::HEADER, value);
    }
    response
}

/// A bounded set of method labels for metrics.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        _ => "other",
    }
}

/// Proof that the caller may use a write endpoint: it sent the configured bearer token, or
/// the server runs without one. Rejects with 401 `unauthorized`.
#[derive(Debug, Clone, Copy)]
pub struct WriteAccess;

impl FromRequestParts<AppState> for WriteAccess {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let Some(expected) = state.config.token.as_deref() else {
            return Ok(WriteAccess);
        };
        let given = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                let (scheme, token) = v.split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
            });
        match given {
            Some(token) if constant_time_eq(token.as_bytes(), expected.as_bytes()) => {
                Ok(WriteAccess)
            }
            Some(_) => Err(Problem::new(
                ProblemKind::Unauthorized,
                "the bearer token is not the one this server was started with",
            )),
            None => Err(Problem::new(
                ProblemKind::Unauthorized,
                "this endpoint needs an `Authorization: Bearer <token>` header",
            )),
        }
    }
}

/// Compares without an early exit, so timing does not reveal how much of a guess matched.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_comparison() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
    }
}
