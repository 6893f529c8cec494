//! In-process tests of the router: every endpoint and every error, through the same
//! `Router` that `gleaner serve` runs (no sockets), plus the server's shutdown over TCP.

mod archive;
mod batch;
mod extract;
mod openapi;
mod ops;
mod serve;

use std::path::Path;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode, header};
use gleaner_server::{AppState, ServerConfig, router};
use tower::ServiceExt;

/// A test configuration: small pool, generous timeout, loopback.
pub fn config() -> ServerConfig {
    ServerConfig {
        workers: 2,
        queue: 8,
        timeout: Duration::from_secs(30),
        ..ServerConfig::default()
    }
}

/// The state and router for `config`.
pub fn app(config: ServerConfig) -> (AppState, Router) {
    let state = AppState::new(config).expect("pool starts");
    let router = router(state.clone());
    (state, router)
}

/// A fixture article's bytes.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/articles")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Sends one request through the router.
pub async fn send(router: &Router, request: Request<Body>) -> Response<Body> {
    router.clone().oneshot(request).await.expect("infallible")
}

/// A POST of `body` with `content_type` (none when empty).
pub fn post(uri: &str, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    let mut builder = Request::post(uri);
    if !content_type.is_empty() {
        builder = builder.header(header::CONTENT_TYPE, content_type);
    }
    builder.body(body.into()).expect("valid request")
}

/// A GET.
pub fn get(uri: &str) -> Request<Body> {
    Request::get(uri)
        .body(Body::empty())
        .expect("valid request")
}

/// The body as text.
pub async fn text(response: Response<Body>) -> String {
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body");
    String::from_utf8(bytes.to_vec()).expect("UTF-8 body")
}

/// The body as JSON.
pub async fn json(response: Response<Body>) -> serde_json::Value {
    let body = text(response).await;
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

/// Asserts `response` is a problem of `status` and `slug`, and returns its document.
pub async fn problem(
    response: Response<Body>,
    status: StatusCode,
    slug: &str,
) -> serde_json::Value {
    assert_eq!(response.status(), status);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/problem+json"
    );
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .expect("ASCII id")
        .to_string();
    let doc = json(response).await;
    assert_eq!(doc["type"], format!("urn:gleaner:problem:{slug}"), "{doc}");
    assert_eq!(doc["status"], status.as_u16(), "{doc}");
    assert!(
        doc["title"].as_str().is_some_and(|t| !t.is_empty()),
        "{doc}"
    );
    assert!(
        doc["detail"].as_str().is_some_and(|t| !t.is_empty()),
        "{doc}"
    );
    assert_eq!(doc["request_id"], request_id.as_str(), "{doc}");
    doc
}
