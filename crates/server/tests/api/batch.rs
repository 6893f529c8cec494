//! `POST /v1/extract/batch`: NDJSON in, NDJSON out, in order, streamed; bad lines give error
//! lines.

use axum::body::{Body, Bytes};
use axum::http::{StatusCode, header};
use futures_util::StreamExt;
use gleaner_server::ServerConfig;

use crate::{app, config, post, problem, send, text};

fn lines(body: &str) -> Vec<serde_json::Value> {
    body.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[tokio::test]
async fn each_line_gives_an_article_or_an_error_in_order() {
    let (_, router) = app(ServerConfig {
        max_body: 2000,
        ..config()
    });
    let input = [
        r#"{"id": "a", "text": "Storm hits coast\n\nLONDON (Reuters) - A storm hit the coast on Monday."}"#.to_string(),
        r#"{"id": "b", "text": "#.to_string(),
        String::new(),
        r#"{"id": "c", "text": "   "}"#.to_string(),
        format!(r#"{{"id": "d", "text": "{}"}}"#, "long ".repeat(500)),
        r#"{"id": 5, "html": "<html><body><h1>Rain</h1><p>PARIS (AP) — It rained on Tuesday in Paris and people stayed in.</p></body></html>"}"#.to_string(),
    ]
    .join("\n");
    let response = send(
        &router,
        post(
            "/v1/extract/batch?published=2022-03-22",
            "application/x-ndjson",
            input,
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "application/x-ndjson"
    );
    let request_id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_string();
    let out = lines(&text(response).await);
    assert_eq!(out.len(), 5, "{out:?}");
    assert_eq!(out[0]["source"]["id"], "a");
    assert_eq!(out[0]["headline"], "Storm hits coast");
    assert_eq!(out[0]["published"], "2022-03-22");
    assert_eq!(out[1]["line"], 2);
    assert_eq!(
        out[1]["error"]["type"],
        "urn:gleaner:problem:malformed-json"
    );
    assert_eq!(out[1]["error"]["request_id"], request_id.as_str());
    assert_eq!(out[2]["line"], 4);
    assert_eq!(out[2]["id"], "c");
    assert_eq!(out[2]["error"]["type"], "urn:gleaner:problem:empty-article");
    assert_eq!(out[2]["error"]["status"], 422);
    assert_eq!(out[3]["line"], 5);
    assert_eq!(
        out[3]["error"]["type"],
        "urn:gleaner:problem:body-too-large"
    );
    assert_eq!(out[4]["source"]["id"], "5");
    assert_eq!(out[4]["source"]["media_type"], "text/html");
}

#[tokio::test]
async fn lines_are_written_as_they_are_done() {
    let (_, router) = app(config());
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    let body = Body::from_stream(tokio_stream(rx));
    let response = send(
        &router,
        post("/v1/extract/batch", "application/x-ndjson", body),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let mut output = response.into_body().into_data_stream();
    tx.send(Ok(Bytes::from_static(
        b"{\"id\": 1, \"text\": \"First story here.\"}\n",
    )))
    .await
    .unwrap();
    // The first result arrives while the request body is still open.
    let first = output.next().await.unwrap().unwrap();
    let first: serde_json::Value = serde_json::from_slice(&first).unwrap();
    assert_eq!(first["source"]["id"], "1");
    tx.send(Ok(Bytes::from_static(
        b"{\"id\": 2, \"text\": \"Second story here.\"}",
    )))
    .await
    .unwrap();
    drop(tx);
    let second = output.next().await.unwrap().unwrap();
    let second: serde_json::Value = serde_json::from_slice(&second).unwrap();
    assert_eq!(second["source"]["id"], "2");
    assert!(output.next().await.is_none());
}

/// A `Stream` over a tokio receiver.
fn tokio_stream<T>(rx: tokio::sync::mpsc::Receiver<T>) -> impl futures_util::Stream<Item = T> {
    futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    })
}

#[tokio::test]
async fn a_batch_must_be_ndjson() {
    let (_, router) = app(config());
    let response = send(
        &router,
        post("/v1/extract/batch", "text/plain", "{\"text\": \"a\"}"),
    )
    .await;
    problem(
        response,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
    )
    .await;
    let response = send(
        &router,
        post("/v1/extract/batch?bogus=1", "application/x-ndjson", ""),
    )
    .await;
    problem(response, StatusCode::BAD_REQUEST, "invalid-request").await;
    let response = send(
        &router,
        post("/v1/extract/batch", "application/x-ndjson", ""),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(text(response).await, "");
}
