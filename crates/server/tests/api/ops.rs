//! Health, readiness, metrics, version, request ids, unknown routes, CORS.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use gleaner_server::ServerConfig;

use crate::{app, config, get, json, post, problem, send, text};

#[tokio::test]
async fn health_and_readiness() {
    let (state, router) = app(config());
    let response = send(&router, get("/healthz")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(json(response).await["status"], "ok");
    let ready = json(send(&router, get("/readyz")).await).await;
    assert_eq!(ready["status"], "ready");
    assert_eq!(ready["workers"], 2);
    assert_eq!(ready["capacity"], 10);
    state.start_draining();
    let response = send(&router, get("/readyz")).await;
    problem(response, StatusCode::SERVICE_UNAVAILABLE, "shutting-down").await;
    assert_eq!(
        send(&router, get("/healthz")).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn version_names_the_schema() {
    let (_, router) = app(config());
    let doc = json(send(&router, get("/v1/version")).await).await;
    assert_eq!(doc["name"], "gleaner");
    assert_eq!(doc["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(doc["schema_version"], gleaner_core::SCHEMA_VERSION);
}

#[tokio::test]
async fn metrics_count_requests_latency_and_extractions() {
    let (_, router) = app(config());
    send(
        &router,
        post("/v1/extract", "text/plain", "Storm hits coast."),
    )
    .await;
    send(&router, post("/v1/extract", "text/plain", "")).await;
    send(&router, get("/nowhere")).await;
    let response = send(&router, get("/metrics")).await;
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/plain; version=0.0.4; charset=utf-8"
    );
    let body = text(response).await;
    for line in [
        "gleaner_http_requests_total{method=\"POST\",route=\"/v1/extract\",status=\"200\"} 1",
        "gleaner_http_requests_total{method=\"POST\",route=\"/v1/extract\",status=\"422\"} 1",
        "gleaner_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1",
        "gleaner_http_request_duration_seconds_count{route=\"/v1/extract\"} 2",
        "gleaner_http_requests_in_flight 1",
        "gleaner_extraction_duration_seconds_count 2",
        "gleaner_extractions_total{outcome=\"ok\"} 1",
        "gleaner_extractions_total{outcome=\"failed\"} 1",
        "gleaner_pool_workers 2",
        "gleaner_pool_capacity 10",
    ] {
        assert!(
            body.lines().any(|l| l == line),
            "missing {line:?} in\n{body}"
        );
    }
    // Every sample line is `name{labels} value` with a numeric value.
    for line in body.lines().filter(|l| !l.starts_with('#')) {
        let value = line.rsplit(' ').next().unwrap();
        assert!(value.parse::<f64>().is_ok(), "bad sample {line:?}");
    }
}

#[tokio::test]
async fn request_ids_are_echoed_or_made() {
    let (_, router) = app(config());
    let request = Request::get("/healthz")
        .header("x-request-id", "client-id-7")
        .body(Body::empty())
        .unwrap();
    let response = send(&router, request).await;
    assert_eq!(response.headers()["x-request-id"], "client-id-7");
    let a = send(&router, get("/healthz")).await;
    let b = send(&router, get("/healthz")).await;
    assert_ne!(a.headers()["x-request-id"], b.headers()["x-request-id"]);
}

#[tokio::test]
async fn unknown_routes_and_methods_are_problems() {
    let (_, router) = app(config());
    problem(
        send(&router, get("/v1/nothing")).await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    problem(
        send(&router, get("/v1/nothing/123")).await,
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    let response = send(&router, get("/v1/extract")).await;
    problem(
        response,
        StatusCode::METHOD_NOT_ALLOWED,
        "method-not-allowed",
    )
    .await;
    let response = send(&router, post("/healthz", "", "")).await;
    problem(
        response,
        StatusCode::METHOD_NOT_ALLOWED,
        "method-not-allowed",
    )
    .await;
}

fn preflight() -> Request<Body> {
    Request::builder()
        .method(Method::OPTIONS)
        .uri("/v1/extract")
        .header(header::ORIGIN, "https://app.example")
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn cors_is_off_unless_configured() {
    let (_, router) = app(config());
    let response = send(&router, preflight()).await;
    assert!(
        response
            .headers()
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .is_none()
    );
    let request = Request::get("/healthz")
        .header(header::ORIGIN, "https://app.example")
        .body(Body::empty())
        .unwrap();
    let response = send(&router, request).await;
    assert!(
        response
            .headers()
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .is_none()
    );

    let (_, router) = app(ServerConfig {
        cors_origins: vec!["https://app.example".into()],
        ..config()
    });
    let response = send(&router, preflight()).await;
    assert_eq!(
        response.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://app.example"
    );
    let mut other = preflight();
    other
        .headers_mut()
        .insert(header::ORIGIN, "https://evil.example".parse().unwrap());
    let response = send(&router, other).await;
    assert!(
        response
            .headers()
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .is_none()
    );
}
