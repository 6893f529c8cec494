//! Errors as `application/problem+json` (RFC 9457) with stable `type` values.
//!
//! Every error the server sends is a [`Problem`]. Its `type` is a URN that never changes
//! (`urn:gleaner:problem:empty-article`), so clients branch on it; `detail` explains this
//! occurrence in words about the request, never about the server's internals.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::request_id;

/// Media type of problem documents.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The kinds of problem, each with a stable `type` and HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// 400: the body is not well-formed JSON.
    MalformedJson,
    /// 400: a query parameter, JSON field or option has a wrong value.
    InvalidRequest,
    /// 400: a pagination cursor this server did not make for this query.
    InvalidCursor,
    /// 401: a write endpoint was called without the configured bearer token.
    Unauthorized,
    /// 404: no such route or resource.
    NotFound,
    /// 404: an archive endpoint on a server started without `--db`.
    NoArchive,
    /// 405: the route exists but not with this method.
    MethodNotAllowed,
    /// 413: the body (or a batch line) is over `--max-body`.
    TooLarge,
    /// 415: the `Content-Type` is not one the endpoint reads.
    UnsupportedMediaType,
    /// 422: the article has no visible text.
    EmptyArticle,
    /// 422: the body is binary data (an image, an archive), not text.
    NotText,
    /// 503: every worker is busy and the queue is full; retry after `Retry-After`.
    Overloaded,
    /// 503: the server is shutting down.
    ShuttingDown,
    /// 504: the extraction did not finish within `--timeout`.
    Timeout,
    /// 500: the server failed; details are in its log under the request id.
    Internal,
}

impl ProblemKind {
    /// Every kind, for documentation and tests.
    pub const ALL: [ProblemKind; 15] = [
        ProblemKind::MalformedJson,
        ProblemKind::InvalidRequest,
        ProblemKind::InvalidCursor,
        ProblemKind::Unauthorized,
        ProblemKind::NotFound,
        ProblemKind::NoArchive,
        ProblemKind::MethodNotAllowed,
        ProblemKind::TooLarge,
        ProblemKind::UnsupportedMediaType,
        ProblemKind::EmptyArticle,
        ProblemKind::NotText,
        ProblemKind::Overloaded,
        ProblemKind::ShuttingDown,
        ProblemKind::Timeout,
        ProblemKind::Internal,
    ];

    /// The last part of the `type` URN.
    pub fn slug(self) -> &'static str {
        match self {
            ProblemKind::MalformedJson => "malformed-json",
            ProblemKind::InvalidRequest => "invalid-request",
            ProblemKind::InvalidCursor => "invalid-cursor",
            ProblemKind::Unauthorized => "unauthorized",
            ProblemKind::NotFound => "not-found",
            ProblemKind::NoArchive => "no-archive",
            ProblemKind::MethodNotAllowed => "method-not-allowed",
            ProblemKind::TooLarge => "body-too-large",
            ProblemKind::UnsupportedMediaType => "unsupported-media-type",
            ProblemKind::EmptyArticle => "empty-article",
            ProblemKind::NotText => "not-text",
            ProblemKind::Overloaded => "overloaded",
            ProblemKind::ShuttingDown => "shutting-down",
            ProblemKind::Timeout => "timeout",
            ProblemKind::Internal => "internal",
        }
    }

    /// The stable `type` member: `urn:gleaner:problem:<slug>`.
    pub fn type_uri(self) -> String {
        format!("urn:gleaner:problem:{}", self.slug())
    }

    /// The HTTP status this kind is sent with.
    pub fn status(self) -> StatusCode {
        match self {
            ProblemKind::MalformedJson
            | ProblemKind::InvalidRequest
            | ProblemKind::InvalidCursor => StatusCode::BAD_REQUEST,
            ProblemKind::Unauthorized => StatusCode::UNAUTHORIZED,
            ProblemKind::NotFound | ProblemKind::NoArchive => StatusCode::NOT_FOUND,
            ProblemKind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ProblemKind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ProblemKind::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ProblemKind::EmptyArticle | ProblemKind::NotText => StatusCode::UNPROCESSABLE_ENTITY,
            ProblemKind::Overloaded | ProblemKind::ShuttingDown => StatusCode::SERVICE_UNAVAILABLE,
            ProblemKind::Timeout => StatusCode::GATEWAY_TIMEOUT,
            ProblemKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A short summary that is the same for every occurrence.
    pub fn title(self) -> &'static str {
        match self {
            ProblemKind::MalformedJson => "Malformed JSON",
            ProblemKind::InvalidRequest => "Invalid request",
            ProblemKind::InvalidCursor => "Invalid cursor",
            ProblemKind::Unauthorized => "Unauthorized",
            ProblemKind::NotFound => "Not found",
            ProblemKind::NoArchive => "No archive",
            ProblemKind::MethodNotAllowed => "Method not allowed",
            ProblemKind::TooLarge => "Body too large",
            ProblemKind::UnsupportedMediaType => "Unsupported media type",
            ProblemKind::EmptyArticle => "Empty article",
            ProblemKind::NotText => "Not text",
            ProblemKind::Overloaded => "Overloaded",
            ProblemKind::ShuttingDown => "Shutting down",
            ProblemKind::Timeout => "Timed out",
            ProblemKind::Internal => "Internal error",
        }
    }
}

/// One problem: a kind and what went wrong this time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What kind of problem it is.
    pub kind: ProblemKind,
    /// This occurrence, in words about the request.
    pub detail: String,
    /// Seconds a client should wait before retrying (`Retry-After`), for 503s.
    pub retry_after: Option<u32>,
}

impl Problem {
    /// A problem of `kind` with `detail`.
    pub fn new(kind: ProblemKind, detail: impl Into<String>) -> Self {
        Self {
            kind,
            detail: detail.into(),
            retry_after: None,
        }
    }

    /// The server failed. The detail is fixed: what failed goes to the log, not the client.
    pub fn internal() -> Self {
        Self::new(
            ProblemKind::Internal,
            "the server failed to handle this request; its log has the details under the request id",
        )
    }

    /// Every worker is busy and the queue is full.
    pub fn overloaded() -> Self {
        Self {
            retry_after: Some(1),
            ..Self::new(
                ProblemKind::Overloaded,
                "every extraction worker is busy and the queue is full; retry later",
            )
        }
    }

    /// The body as a document, with the request id when one is set.
    pub fn document(&self) -> ProblemDocument {
        ProblemDocument {
            type_uri: self.kind.type_uri(),
            title: self.kind.title().to_string(),
            status: self.kind.status().as_u16(),
            detail: self.detail.clone(),
            request_id: request_id::current(),
        }
    }
}

/// The JSON body of a problem (RFC 9457), with the request id as an extension member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "urn:gleaner:problem:empty-article",
    "title": "Empty article",
    "status": 422,
    "detail": "input is empty (no visible text)",
    "request_id": "5f2c9a1e0b7d4c33-000042"
}))]
pub struct ProblemDocument {
    /// Stable identifier of the problem kind: `urn:gleaner:problem:<slug>`, one of
    /// malformed-json, invalid-request, invalid-cursor, unauthorized, not-found, no-archive,
    /// method-not-allowed,
    /// body-too-large, unsupported-media-type, empty-article, not-text, overloaded,
    /// shutting-down, timeout, internal.
    #[serde(rename = "type")]
    pub type_uri: String,
    /// Short summary of the kind.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request.
    pub detail: String,
    /// The request's id (also in the `x-request-id` header); quote it when reporting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.document()).unwrap_or_default();
        let mut response = (self.kind.status(), body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if self.kind == ProblemKind::Unauthorized {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"gleaner\""),
            );
        }
        response
    }
}

impl From<gleaner_core::Error> for Problem {
    fn from(error: gleaner_core::Error) -> Self {
        use gleaner_core::Error;
        let kind = match &error {
            Error::Empty => ProblemKind::EmptyArticle,
            Error::TooLarge { .. } => ProblemKind::TooLarge,
            Error::NotText { .. } => ProblemKind::NotText,
            Error::InvalidOption { .. } => ProblemKind::InvalidRequest,
        };
        let detail = match error {
            Error::TooLarge { bytes, limit } => {
                format!("the article is {bytes} bytes, over the server's limit of {limit} bytes")
            }
            other => other.to_string(),
        };
        Problem::new(kind, detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_statuses_are_errors() {
        let mut slugs: Vec<&str> = ProblemKind::ALL.iter().map(|k| k.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), ProblemKind::ALL.len());
        for kind in ProblemKind::ALL {
            assert!(kind.status().is_client_error() || kind.status().is_server_error());
        }
    }

    #[test]
    fn core_errors_map_to_kinds() {
        let p = Problem::from(gleaner_core::Error::Empty);
        assert_eq!(p.kind.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(p.kind.type_uri(), "urn:gleaner:problem:empty-article");
        let p = Problem::from(gleaner_core::Error::TooLarge { bytes: 9, limit: 4 });
        assert_eq!(p.kind, ProblemKind::TooLarge);
        assert!(
            !p.detail.contains("--max-bytes"),
            "CLI advice leaked: {}",
            p.detail
        );
    }
}
