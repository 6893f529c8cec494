//! `POST /v1/extract`: bodies, options, and every error it can give.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode, header};
use gleaner_core::{Extractor, Input};
use gleaner_server::ServerConfig;

use crate::{app, config, fixture, json, post, problem, send, text};

#[tokio::test]
async fn plain_text_gives_the_cli_json() {
    let (_, router) = app(config());
    let seed = fixture("kyiv-talks.txt");
    let response = send(
        &router,
        post(
            "/v1/extract?published=2022-03-22",
            "text/plain",
            seed.clone(),
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    let body = text(response).await;
    // What `gleaner extract - --format json --published 2022-03-22` prints for these bytes.
    let input = Input {
        published: Some("2022-03-22".into()),
        media_type: Some("text/plain".into()),
        ..Input::new(seed)
    };
    let article = Extractor::default().extract(&input).unwrap();
    let expected = format!("{}\n", gleaner_core::json::to_pretty(&article));
    assert_eq!(body, expected);
    let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(doc["dateline"]["place"], "Kyiv");
    assert_eq!(doc["published"], "2022-03-22");
    assert_eq!(doc["source"]["path"], serde_json::Value::Null);
}

#[tokio::test]
async fn the_content_type_charset_decodes_the_body() {
    let (_, router) = app(config());
    let bytes = fixture("latin1-undeclared.txt");
    let declared = json(
        send(
            &router,
            post(
                "/v1/extract",
                "text/plain; charset=windows-1252",
                bytes.clone(),
            ),
        )
        .await,
    )
    .await;
    assert_eq!(declared["source"]["encoding"], "windows-1252");
    assert_eq!(declared["source"]["encoding_from"], "declared");
    assert_eq!(declared["source"]["media_type"], "text/plain");
    let detected = json(send(&router, post("/v1/extract", "", bytes)).await).await;
    assert_eq!(detected["source"]["encoding_from"], "detected");
    assert_eq!(detected["text"], declared["text"]);
}

#[tokio::test]
async fn html_is_read_as_html() {
    let (_, router) = app(config());
    let doc = json(
        send(
            &router,
            post(
                "/v1/extract?url=https://news.example/x",
                "text/html; charset=windows-1252",
                fixture("windows-1252.html"),
            ),
        )
        .await,
    )
    .await;
    assert_eq!(doc["source"]["media_type"], "text/html");
    assert_eq!(doc["source"]["url"], "https://news.example/x");
    assert_eq!(
        doc["headline"],
        "Café Lúnasa to open 40 UK branches as Irish coffee chain bets on high streets"
    );
}

#[tokio::test]
async fn json_bodies_and_query_options() {
    let (_, router) = app(config());
    let body = serde_json::json!({
        "id": 42,
        "source": "Example Wire",
        "published": "2024-05-01",
        "text": "Storm hits coast\n\nLONDON (Reuters) - A storm hit the coast on Monday.",
    });
    let doc = json(
        send(
            &router,
            post(
                "/v1/extract?tokens=true",
                "application/json",
                body.to_string(),
            ),
        )
        .await,
    )
    .await;
    assert_eq!(doc["source"]["id"], "42");
    assert_eq!(doc["source"]["name"], "Example Wire");
    assert_eq!(doc["published"], "2024-05-01");
    assert_eq!(doc["headline"], "Storm hits coast");
    assert_eq!(doc["dateline"]["place"], "London");
    assert!(doc["tokens"].as_array().is_some_and(|t| !t.is_empty()));

    let verbatim = "  Line one.\r\n\r\nSecond para.  \n";
    let doc = json(
        send(
            &router,
            post("/v1/extract?as=verbatim", "text/plain", verbatim),
        )
        .await,
    )
    .await;
    assert_eq!(doc["text"], verbatim);
    assert_eq!(doc["source"]["media_type"], "text/plain; verbatim");
    assert!(doc.get("tokens").is_none());
}

#[tokio::test]
async fn malformed_json_is_400() {
    let (_, router) = app(config());
    let response = send(
        &router,
        post("/v1/extract", "application/json", "{\"text\": "),
    )
    .await;
    let doc = problem(response, StatusCode::BAD_REQUEST, "malformed-json").await;
    assert!(doc["detail"].as_str().unwrap().contains("line 1"), "{doc}");
    let response = send(
        &router,
        post("/v1/extract", "application/json", "{\"text\": 5}"),
    )
    .await;
    problem(response, StatusCode::BAD_REQUEST, "invalid-request").await;
    let response = send(
        &router,
        post("/v1/extract", "application/json", "{\"url\": \"x\"}"),
    )
    .await;
    problem(response, StatusCode::BAD_REQUEST, "invalid-request").await;
}

#[tokio::test]
async fn bad_options_are_400() {
    let (_, router) = app(config());
    let response = send(
        &router,
        post("/v1/extract?colour=red", "text/plain", "Some text."),
    )
    .await;
    let doc = problem(response, StatusCode::BAD_REQUEST, "invalid-request").await;
    assert!(doc["detail"].as_str().unwrap().contains("colour"), "{doc}");
    let response = send(
        &router,
        post("/v1/extract?as=pdf", "text/plain", "Some text."),
    )
    .await;
    problem(response, StatusCode::BAD_REQUEST, "invalid-request").await;
    let response = send(
        &router,
        post(
            "/v1/extract?published=yesterday",
            "text/plain",
            "Some text.",
        ),
    )
    .await;
    let doc = problem(response, StatusCode::BAD_REQUEST, "invalid-request").await;
    assert!(
        doc["detail"].as_str().unwrap().contains("published"),
        "{doc}"
    );
}

#[tokio::test]
async fn oversized_bodies_are_413() {
    let (_, router) = app(ServerConfig {
        max_body: 1000,
        ..config()
    });
    let big = "word ".repeat(400);
    // Refused from Content-Length, before the body is read.
    let response = send(&router, post("/v1/extract", "text/plain", big.clone())).await;
    problem(response, StatusCode::PAYLOAD_TOO_LARGE, "body-too-large").await;
    // Refused while reading a body of unknown length (chunked).
    let chunks: Vec<Result<Bytes, std::io::Error>> = big
        .as_bytes()
        .chunks(300)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    let body = Body::from_stream(futures_util::stream::iter(chunks));
    let response = send(&router, post("/v1/extract", "text/plain", body)).await;
    problem(response, StatusCode::PAYLOAD_TOO_LARGE, "body-too-large").await;
    // Just under the limit is fine.
    let response = send(
        &router,
        post("/v1/extract", "text/plain", "word ".repeat(199)),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn other_media_types_are_415() {
    let (_, router) = app(config());
    for content_type in [
        "image/png",
        "application/x-www-form-urlencoded",
        "application/pdf",
    ] {
        let response = send(&router, post("/v1/extract", content_type, "Some text.")).await;
        let doc = problem(
            response,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
        )
        .await;
        assert!(
            doc["detail"].as_str().unwrap().contains(content_type),
            "{doc}"
        );
    }
}

#[tokio::test]
async fn empty_and_binary_articles_are_422() {
    let (_, router) = app(config());
    for body in ["", "  \n\u{a0}\n"] {
        let response = send(&router, post("/v1/extract", "text/plain", body)).await;
        problem(response, StatusCode::UNPROCESSABLE_ENTITY, "empty-article").await;
    }
    let response = send(
        &router,
        post("/v1/extract", "application/json", "{\"text\": \"   \"}"),
    )
    .await;
    problem(response, StatusCode::UNPROCESSABLE_ENTITY, "empty-article").await;
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0".to_vec();
    let response = send(&router, post("/v1/extract", "", png)).await;
    let doc = problem(response, StatusCode::UNPROCESSABLE_ENTITY, "not-text").await;
    assert!(doc["detail"].as_str().unwrap().contains("PNG"), "{doc}");
}

#[tokio::test]
async fn a_full_pool_sheds_at_once_with_retry_after() {
    let (state, router) = app(ServerConfig {
        workers: 1,
        queue: 0,
        ..config()
    });
    let held = state.pool.try_reserve().expect("the only slot");
    let started = std::time::Instant::now();
    let response = send(
        &router,
        post("/v1/extract", "text/plain", "Some text here."),
    )
    .await;
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(response.headers()[header::RETRY_AFTER], "1");
    problem(response, StatusCode::SERVICE_UNAVAILABLE, "overloaded").await;
    drop(held);
    let response = send(
        &router,
        post("/v1/extract", "text/plain", "Some text here."),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let metrics = text(send(&router, crate::get("/metrics")).await).await;
    assert!(metrics.contains("gleaner_shed_total 1"), "{metrics}");
}

#[tokio::test]
async fn a_request_waiting_past_the_timeout_is_504() {
    let (state, router) = app(ServerConfig {
        workers: 1,
        queue: 1,
        timeout: Duration::from_millis(100),
        ..config()
    });
    // Occupy the only worker until the test ends; the request waits in the queue.
    let slot = state.pool.try_reserve().unwrap();
    let (release, blocked) = std::sync::mpsc::channel::<()>();
    let busy = {
        let state = state.clone();
        tokio::spawn(async move { state.pool.run(slot, move || blocked.recv().is_ok()).await })
    };
    while state.pool.stats().running == 0 {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let response = send(
        &router,
        post("/v1/extract", "text/plain", "Some text here."),
    )
    .await;
    problem(response, StatusCode::GATEWAY_TIMEOUT, "timeout").await;
    release.send(()).unwrap();
    busy.await.unwrap().unwrap();
}

#[tokio::test]
async fn a_token_guards_write_endpoints_only() {
    let (_, router) = app(ServerConfig {
        token: Some("s3cret".into()),
        ..config()
    });
    let response = send(
        &router,
        post("/v1/extract", "text/plain", "Some text here."),
    )
    .await;
    assert_eq!(
        response.headers()[header::WWW_AUTHENTICATE],
        "Bearer realm=\"gleaner\""
    );
    problem(response, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let wrong = Request::post("/v1/extract")
        .header(header::AUTHORIZATION, "Bearer guess")
        .body(Body::from("Some text here."))
        .unwrap();
    problem(
        send(&router, wrong).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    let batch = post(
        "/v1/extract/batch",
        "application/x-ndjson",
        "{\"text\": \"a\"}\n",
    );
    problem(
        send(&router, batch).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    let right = Request::post("/v1/extract")
        .header(header::AUTHORIZATION, "bearer s3cret")
        .body(Body::from("Some text here."))
        .unwrap();
    assert_eq!(send(&router, right).await.status(), StatusCode::OK);
    for path in [
        "/healthz",
        "/readyz",
        "/metrics",
        "/v1/version",
        "/openapi.json",
        "/docs",
    ] {
        assert_eq!(
            send(&router, crate::get(path)).await.status(),
            StatusCode::OK,
            "{path}"
        );
    }
}
