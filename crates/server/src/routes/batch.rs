//! `POST /v1/extract/batch`: NDJSON in, NDJSON out, streamed, in input order.
//!
//! Lines are read from the body as it arrives and extracted a few at a time; each result is
//! written as soon as it and the lines before it are done. A bad line gives an error object
//! on its own output line and the batch goes on. A batch waits for pool slots instead of
//! being shed (its unread body is the back-pressure), and `--timeout` applies to each line.
//! Clients must read the response while they send (curl does), since output is written as
//! input is read.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Instant;

use axum::body::{Body, BodyDataStream, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use futures_util::{Stream, StreamExt};
use serde::Serialize;
use tracing::Instrument;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::metrics::Outcome;
use crate::middleware::WriteAccess;
use crate::problem::{Problem, ProblemDocument, ProblemKind};
use crate::request::{self, ArticleJson, ExtractQuery};
use crate::request_id;
use crate::routes::extract::{
    essence, pool_problem, query_problem, shutting_down, timeout_problem,
};
use crate::state::AppState;

/// The batch route.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(extract_batch))
}

/// NDJSON media types a batch may be sent as.
const NDJSON_TYPES: [&str; 5] = [
    "application/x-ndjson",
    "application/ndjson",
    "application/jsonl",
    "application/x-jsonlines",
    "application/jsonlines",
];

/// The output line for an input line that gave no article.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchError {
    /// 1-based line number in the request body.
    pub line: usize,
    /// The line's `id`, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What went wrong, as a problem document.
    pub error: ProblemDocument,
}

/// Extract many articles.
///
/// The body is NDJSON: one JSON article `{text | html, url, published, as, id, source}` per
/// line (blank lines are skipped). The response is NDJSON, one line per input line in the
/// same order: the article as `gleaner extract --format jsonl` prints it, or
/// `{"line", "id", "error"}` for a line that could not be extracted. Streamed: results are
/// written as they are done. Query parameters are defaults for every line.
#[utoipa::path(
    post,
    path = "/v1/extract/batch",
    tag = "extract",
    params(ExtractQuery),
    request_body(
        description = "NDJSON: one article per line.",
        content((ArticleJson = "application/x-ndjson"))
    ),
    responses(
        (status = 200, description = "NDJSON: per input line, the article or an error object.", body = BatchError, content_type = "application/x-ndjson"),
        (status = 400, description = "Bad query parameters (`invalid-request`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 401, description = "Token required and missing or wrong (`unauthorized`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 415, description = "Not NDJSON (`unsupported-media-type`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 503, description = "Shutting down (`shutting-down`).", body = ProblemDocument, content_type = "application/problem+json"),
    ),
    security((), ("bearer" = []))
)]
pub async fn extract_batch(
    State(state): State<AppState>,
    _access: WriteAccess,
    query: Result<Query<ExtractQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Problem> {
    let Query(query) = query.map_err(query_problem)?;
    if let Some(value) = headers.get(header::CONTENT_TYPE) {
        let essence = essence(value.to_str().unwrap_or_default());
        if !NDJSON_TYPES.contains(&essence.as_str()) {
            return Err(Problem::new(
                ProblemKind::UnsupportedMediaType,
                format!("a batch is NDJSON (application/x-ndjson), not {essence}"),
            ));
        }
    }
    if !state.pool.is_open() || state.is_draining() {
        return Err(shutting_down());
    }
    let request_id = request_id::current();
    let span = tracing::Span::current();
    let in_parallel = state.config.workers * 2;
    let lines = split_lines(body.into_data_stream(), state.config.max_body as usize);
    let output = lines
        .map(move |line| {
            process_line(state.clone(), query.clone(), line, request_id.clone())
                .instrument(span.clone())
        })
        .buffered(in_parallel)
        .map(Ok::<_, Infallible>);
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/x-ndjson"),
        )],
        Body::from_stream(output),
    )
        .into_response())
}

/// One unit read from the body.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Line {
    /// A non-blank line and its 1-based number.
    Text(usize, Bytes),
    /// A line longer than the limit (its bytes were dropped).
    TooLong(usize),
    /// The body broke off while this line was being read.
    Broken(usize),
}

/// Splits a body into lines as it arrives, holding at most one line of `max` bytes.
fn split_lines(body: BodyDataStream, max: usize) -> impl Stream<Item = Line> {
    futures_util::stream::unfold(Splitter::new(body, max), |mut s| async move {
        s.next_line().await.map(|line| (line, s))
    })
}

struct Splitter<S> {
    body: S,
    max: usize,
    buffer: Vec<u8>,
    /// Lines finished so far (blank ones included, for numbering).
    number: usize,
    /// Dropping the rest of an over-long line.
    skipping: bool,
    ready: VecDeque<Line>,
    done: bool,
}

impl<S, E> Splitter<S>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
{
    fn new(body: S, max: usize) -> Self {
        Self {
            body,
            max,
            buffer: Vec::new(),
            number: 0,
            skipping: false,
            ready: VecDeque::new(),
            done: false,
        }
    }

    async fn next_line(&mut self) -> Option<Line> {
        loop {
            if let Some(line) = self.ready.pop_front() {
                return Some(line);
            }
            if self.done {
                return None;
            }
            match self.body.next().await {
                Some(Ok(chunk)) => self.push(&chunk),
                Some(Err(_)) => {
                    self.ready.push_back(Line::Broken(self.number + 1));
                    self.done = true;
                }
                None => {
                    self.finish_line();
                    self.done = true;
                }
            }
        }
    }

    fn push(&mut self, mut chunk: &[u8]) {
        while !chunk.is_empty() {
            let (part, rest, ends_line) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], &chunk[i + 1..], true),
                None => (chunk, &[][..], false),
            };
            if !self.skipping {
                if self.buffer.len() + part.len() > self.max {
                    self.ready.push_back(Line::TooLong(self.number + 1));
                    self.buffer.clear();
                    self.skipping = true;
                } else {
                    self.buffer.extend_from_slice(part);
                }
            }
            if ends_line {
                self.finish_line();
            }
            chunk = rest;
        }
    }

    fn finish_line(&mut self) {
        self.number += 1;
        if self.skipping {
            self.skipping = false;
        } else if !self.buffer.trim_ascii().is_empty() {
            let text = Bytes::from(std::mem::take(&mut self.buffer));
            self.ready.push_back(Line::Text(self.number, text));
        }
        self.buffer.clear();
    }
}

/// One line's output: the article line or an error line.
async fn process_line(
    state: AppState,
    query: ExtractQuery,
    line: Line,
    request_id: Option<String>,
) -> String {
    let (number, text) = match line {
        Line::Text(number, text) => (number, text),
        Line::TooLong(number) => {
            let problem = Problem::new(
                ProblemKind::TooLarge,
                format!(
                    "the line is over this server's limit of {} bytes",
                    state.config.max_body
                ),
            );
            return error_line(number, None, &problem, request_id);
        }
        Line::Broken(number) => {
            let problem = Problem::new(
                ProblemKind::InvalidRequest,
                "the request body broke off before this line ended",
            );
            return error_line(number, None, &problem, request_id);
        }
    };
    let work = async {
        let Some(slot) = state.pool.reserve().await else {
            return Err((None, shutting_down()));
        };
        let job_state = state.clone();
        match state
            .pool
            .run(slot, move || run_line(&job_state, &text, &query))
            .await
        {
            Ok(result) => result,
            Err(error) => Err((None, pool_problem(error))),
        }
    };
    match tokio::time::timeout(state.config.timeout, work).await {
        Ok(Ok(json)) => json,
        Ok(Err((id, problem))) => error_line(number, id, &problem, request_id),
        Err(_) => {
            state.metrics.timeout();
            error_line(number, None, &timeout_problem(&state), request_id)
        }
    }
}

/// Runs on a worker: line → input → article → JSON line, timed for the metrics. An error
/// carries the line's id when the line could be read.
fn run_line(
    state: &AppState,
    line: &[u8],
    query: &ExtractQuery,
) -> Result<String, (Option<String>, Problem)> {
    let started = Instant::now();
    let mut id = None;
    let result = (|| {
        let article: ArticleJson = serde_json::from_slice(line).map_err(request::json_problem)?;
        let input = request::input_from_article_json(article, query)?;
        id.clone_from(&input.id);
        let article = request::extract(state.extractor(query.tokens), &input)?;
        Ok(request::article_json_line(&article))
    })();
    let outcome = if result.is_ok() {
        Outcome::Ok
    } else {
        Outcome::Failed
    };
    state.metrics.extraction(outcome, started.elapsed());
    result.map_err(|problem| (id, problem))
}

/// `{"line": n, "id": …, "error": {problem}}` and a newline.
fn error_line(
    line: usize,
    id: Option<String>,
    problem: &Problem,
    request_id: Option<String>,
) -> String {
    let mut error = problem.document();
    error.request_id = request_id;
    let mut json = serde_json::to_string(&BatchError { line, id, error }).unwrap_or_default();
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn split(chunks: &[&str], max: usize) -> Vec<Line> {
        let chunks: Vec<Result<Bytes, Infallible>> = chunks
            .iter()
            .map(|c| Ok(Bytes::copy_from_slice(c.as_bytes())))
            .collect();
        let mut splitter = Splitter::new(futures_util::stream::iter(chunks), max);
        let mut lines = Vec::new();
        while let Some(line) = splitter.next_line().await {
            lines.push(line);
        }
        lines
    }

    fn text(n: usize, s: &str) -> Line {
        Line::Text(n, Bytes::copy_from_slice(s.as_bytes()))
    }

    #[tokio::test]
    async fn lines_across_chunks() {
        assert_eq!(
            split(&["{\"a\"", ":1}\n\n  \n{\"b\":2}\r\n", "{\"c\":3}"], 100).await,
            vec![
                text(1, "{\"a\":1}"),
                text(4, "{\"b\":2}\r"),
                text(5, "{\"c\":3}")
            ]
        );
    }

    #[tokio::test]
    async fn over_long_lines_are_reported_and_skipped() {
        assert_eq!(
            split(&["0123", "456789\nok\n", "0123456789abc"], 8).await,
            vec![Line::TooLong(1), text(2, "ok"), Line::TooLong(3)]
        );
    }
}
