//! `POST /v1/extract`: one article in, the CLI's JSON out.

use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::metrics::Outcome;
use crate::middleware::WriteAccess;
use crate::pool::PoolError;
use crate::problem::{Problem, ProblemDocument, ProblemKind};
use crate::request::{self, ArticleJson, ExtractQuery};
use crate::routes::ArticleSchema;
use crate::state::AppState;

/// The single-article route.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(extract))
}

/// How the body carries the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyKind {
    /// `application/json`: an [`ArticleJson`].
    Json,
    /// The article itself, with the request's media type (`None`: detect).
    Article(Option<String>),
}

/// Extract one article.
///
/// The body is the article itself (`text/plain` or `text/html`, in any charset: the
/// `Content-Type` charset is used to decode it) or a JSON object `{text | html, url,
/// published, as, id, source}`. The response is exactly what `gleaner extract --format json`
/// prints for the same input. Never fetches `url`.
#[utoipa::path(
    post,
    path = "/v1/extract",
    tag = "extract",
    params(ExtractQuery),
    request_body(
        description = "The article: plain text or HTML in any charset, or JSON.",
        content(
            (String = "text/plain", example = "Storm hits coast\n\nLONDON (Reuters) - A storm hit the coast on Monday."),
            (String = "text/html"),
            (ArticleJson = "application/json"),
        )
    ),
    responses(
        (status = 200, description = "The article (docs/schema.md), as `gleaner extract --format json` prints it.", body = ArticleSchema),
        (status = 400, description = "Malformed JSON (`malformed-json`) or a bad option (`invalid-request`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 401, description = "Token required and missing or wrong (`unauthorized`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 413, description = "Body over `--max-body` (`body-too-large`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 415, description = "Content-Type not text/plain, text/html or application/json (`unsupported-media-type`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, description = "No visible text (`empty-article`) or binary data (`not-text`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 503, description = "Overloaded (`overloaded`, with Retry-After) or shutting down (`shutting-down`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 504, description = "Not finished within `--timeout` (`timeout`).", body = ProblemDocument, content_type = "application/problem+json"),
    ),
    security((), ("bearer" = []))
)]
pub async fn extract(
    State(state): State<AppState>,
    _access: WriteAccess,
    query: Result<Query<ExtractQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Problem> {
    let Query(query) = query.map_err(query_problem)?;
    let kind = body_kind(&headers)?;
    check_content_length(&headers, state.config.max_body)?;
    let slot = admit(&state)?;
    let work = async {
        let bytes = read_body(body, state.config.max_body).await?;
        let job_state = state.clone();
        state
            .pool
            .run(slot, move || {
                run_extraction(&job_state, kind, bytes, &query)
            })
            .await
            .map_err(pool_problem)?
    };
    match tokio::time::timeout(state.config.timeout, work).await {
        Ok(Ok(json)) => Ok((
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            json,
        )
            .into_response()),
        Ok(Err(problem)) => Err(problem),
        Err(_) => {
            state.metrics.timeout();
            Err(timeout_problem(&state))
        }
    }
}

/// A pool slot, or the 503 that sheds the request at once.
pub fn admit(state: &AppState) -> Result<crate::pool::Slot, Problem> {
    if let Some(slot) = state.pool.try_reserve() {
        return Ok(slot);
    }
    if !state.pool.is_open() || state.is_draining() {
        return Err(shutting_down());
    }
    state.metrics.shed();
    Err(Problem::overloaded())
}

/// Runs on a worker: body → input → article → JSON, timed for the metrics.
fn run_extraction(
    state: &AppState,
    kind: BodyKind,
    bytes: Bytes,
    query: &ExtractQuery,
) -> Result<String, Problem> {
    let started = Instant::now();
    let result = (|| {
        let input = match kind {
            BodyKind::Json => request::input_from_json(&bytes, query)?,
            BodyKind::Article(media_type) => {
                request::input_from_body(bytes.into(), media_type, query)
            }
        };
        let article = request::extract(state.extractor(query.tokens), &input)?;
        Ok(request::article_json(&article))
    })();
    let outcome = if result.is_ok() {
        Outcome::Ok
    } else {
        Outcome::Failed
    };
    state.metrics.extraction(outcome, started.elapsed());
    result
}

/// The body's kind from `Content-Type`; 415 for anything but text, HTML and JSON.
pub fn body_kind(headers: &HeaderMap) -> Result<BodyKind, Problem> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Ok(BodyKind::Article(None));
    };
    let media_type = value
        .to_str()
        .map_err(|_| unsupported("a non-ASCII Content-Type"))?;
    let essence = essence(media_type);
    match essence.as_str() {
        "application/json" => Ok(BodyKind::Json),
        "text/plain" | "text/html" | "application/xhtml+xml" => {
            Ok(BodyKind::Article(Some(media_type.to_string())))
        }
        _ => Err(unsupported(&format!("Content-Type {essence}"))),
    }
}

/// `Text/HTML; charset=x` → `text/html`.
pub fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

fn unsupported(what: &str) -> Problem {
    Problem::new(
        ProblemKind::UnsupportedMediaType,
        format!(
            "this endpoint reads text/plain or text/html (any charset) or application/json, not {what}"
        ),
    )
}

/// 413 at once when `Content-Length` already says the body is too large.
pub fn check_content_length(headers: &HeaderMap, max_body: u64) -> Result<(), Problem> {
    let length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    match length {
        Some(n) if n > max_body => Err(too_large(max_body)),
        _ => Ok(()),
    }
}

/// Reads the whole body, refusing it (413) as soon as it passes `limit` bytes.
pub async fn read_body(body: Body, limit: u64) -> Result<Bytes, Problem> {
    let mut stream = body.into_data_stream();
    let mut buffer = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| {
            Problem::new(
                ProblemKind::InvalidRequest,
                "the request body could not be read to its end",
            )
        })?;
        if (buffer.len() + chunk.len()) as u64 > limit {
            return Err(too_large(limit));
        }
        buffer.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(buffer))
}

/// 413 `body-too-large`.
pub fn too_large(limit: u64) -> Problem {
    Problem::new(
        ProblemKind::TooLarge,
        format!("the body is over this server's limit of {limit} bytes"),
    )
}

/// 400 for query parameters that do not parse (unknown names, bad values).
pub fn query_problem(rejection: QueryRejection) -> Problem {
    Problem::new(
        ProblemKind::InvalidRequest,
        format!(
            "invalid query (parameters: as=text|html|verbatim, published, url, tokens=true|false): {}",
            rejection.body_text()
        ),
    )
}

/// 503 `shutting-down`.
pub fn shutting_down() -> Problem {
    Problem {
        retry_after: Some(1),
        ..Problem::new(ProblemKind::ShuttingDown, "the server is shutting down")
    }
}

/// 504 `timeout`.
pub fn timeout_problem(state: &AppState) -> Problem {
    Problem::new(
        ProblemKind::Timeout,
        format!(
            "the extraction did not finish within this server's timeout of {} ms",
            state.config.timeout.as_millis()
        ),
    )
}

/// A job that gave no result: the pool shut down, or the job panicked (logged by the pool).
pub fn pool_problem(error: PoolError) -> Problem {
    match error {
        PoolError::Closed => shutting_down(),
        PoolError::Panicked => Problem::internal(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types() {
        let mut headers = HeaderMap::new();
        assert_eq!(body_kind(&headers), Ok(BodyKind::Article(None)));
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("Text/HTML; charset=windows-1252"),
        );
        assert_eq!(
            body_kind(&headers),
            Ok(BodyKind::Article(Some(
                "Text/HTML; charset=windows-1252".into()
            )))
        );
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        assert_eq!(body_kind(&headers), Ok(BodyKind::Json));
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/png"));
        assert_eq!(
            body_kind(&headers).unwrap_err().kind,
            ProblemKind::UnsupportedMediaType
        );
    }
}
