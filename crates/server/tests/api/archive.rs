//! The archive endpoints (`--db`): ingest, read back, the queries with their cursors, and
//! every error they send.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use gleaner_server::{AppState, ServerConfig};

use crate::{app, config, fixture, get, json, post, problem, send};

/// A server over a fresh archive in `dir`, with `token` when given.
fn archive_app(dir: &tempfile::TempDir, token: Option<&str>) -> (AppState, Router) {
    app(ServerConfig {
        db: Some(dir.path().join("archive.db")),
        token: token.map(str::to_string),
        ..config()
    })
}

/// Posts the seed article; returns the response's status and JSON.
async fn post_seed(router: &Router) -> (StatusCode, serde_json::Value) {
    let response = send(
        router,
        post(
            "/v1/articles?published=2022-03-22",
            "text/plain; charset=utf-8",
            fixture("kyiv-talks.txt"),
        ),
    )
    .await;
    let status = response.status();
    (status, json(response).await)
}

#[tokio::test]
async fn ingest_is_idempotent_and_the_article_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = archive_app(&dir, None);
    let response = send(
        &router,
        post(
            "/v1/articles?published=2022-03-22",
            "text/plain",
            fixture("kyiv-talks.txt"),
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = response.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    let added = json(response).await;
    assert_eq!(added["status"], "added");
    let id = added["id"].as_i64().unwrap();
    assert_eq!(location, format!("/v1/articles/{id}"));

    let (status, again) = post_seed(&router).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again, serde_json::json!({"status": "unchanged", "id": id}));

    // JSON bodies too; a new URL with new content is a new article.
    let body = serde_json::json!({
        "url": "https://example.org/storm",
        "source": "Daily",
        "published": "2024-03-18",
        "text": "Storm hits coast\n\nA storm hit the coast on Monday, officials said."
    });
    let response = send(
        &router,
        post("/v1/articles", "application/json", body.to_string()),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let storm = json(response).await["id"].as_i64().unwrap();
    assert_ne!(storm, id);

    let article = json(send(&router, get(&location)).await).await;
    assert_eq!(article["id"], id);
    assert_eq!(article["published"], "2022-03-22");
    assert!(
        article["extraction"]["headline"]
            .as_str()
            .unwrap()
            .starts_with("Too Early to Arrive at Conclusion")
    );
    assert_eq!(article["extraction"]["schema_version"], "1");
    let storm = json(send(&router, get(&format!("/v1/articles/{storm}"))).await).await;
    assert_eq!(storm["source"], "Daily");
}

#[tokio::test]
async fn ingest_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = archive_app(&dir, Some("s3cret"));
    let unauthenticated = send(
        &router,
        post("/v1/articles", "text/plain", fixture("kyiv-talks.txt")),
    )
    .await;
    problem(unauthenticated, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let wrong = Request::post("/v1/articles")
        .header(header::CONTENT_TYPE, "text/plain")
        .header(header::AUTHORIZATION, "Bearer guess")
        .body(Body::from(fixture("kyiv-talks.txt")))
        .unwrap();
    problem(
        send(&router, wrong).await,
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    let authorised = |content_type: &str, body: &'static str| {
        Request::post("/v1/articles")
            .header(header::CONTENT_TYPE, content_type)
            .header(header::AUTHORIZATION, "Bearer s3cret")
            .body(Body::from(body))
            .unwrap()
    };
    let response = send(&router, authorised("text/plain", "Storm\n\nA storm hit.")).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    problem(
        send(&router, authorised("application/json", "{\"text\": ")).await,
        StatusCode::BAD_REQUEST,
        "malformed-json",
    )
    .await;
    problem(
        send(&router, authorised("text/plain", "   \n  ")).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "empty-article",
    )
    .await;
    problem(
        send(&router, authorised("image/png", "x")).await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
    )
    .await;
}

#[tokio::test]
async fn the_queries_mirror_the_cli_and_page_by_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = archive_app(&dir, None);
    let (_, seed) = post_seed(&router).await;
    let id = seed["id"].as_i64().unwrap();

    let hits = json(send(&router, get("/v1/search?q=%22security%20guarantees%22")).await).await;
    assert_eq!(hits["rows"].as_array().unwrap().len(), 1, "{hits}");
    assert_eq!(hits["rows"][0]["id"], id);
    assert!(
        hits["rows"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("[security guarantees]")
    );
    assert_eq!(hits["next_cursor"], serde_json::Value::Null);

    // Zelensky's quotes by another spelling, one per page, all of them once.
    let all = json(send(&router, get("/v1/quotes?speaker=Zelenskyy&limit=100")).await).await;
    let all = all["rows"].as_array().unwrap().clone();
    assert!(all.len() >= 3, "{all:?}");
    let mut walked = Vec::new();
    let mut uri = "/v1/quotes?speaker=Zelenskyy&limit=1".to_string();
    loop {
        let page = json(send(&router, get(&uri)).await).await;
        walked.extend(page["rows"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(next) => {
                assert!(
                    next.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                );
                uri = format!("/v1/quotes?speaker=Zelenskyy&limit=1&cursor={next}");
            }
            None => break,
        }
        assert!(walked.len() <= all.len());
    }
    assert_eq!(walked, all);

    let people = json(send(&router, get("/v1/entities?type=PER&limit=1")).await).await;
    assert_eq!(people["rows"].as_array().unwrap().len(), 1);
    assert!(
        people["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["type"] == "PER")
    );
    let next = people["next_cursor"].as_str().unwrap();
    let more = json(
        send(
            &router,
            get(&format!("/v1/entities?type=PER&limit=1&cursor={next}")),
        )
        .await,
    )
    .await;
    assert_ne!(more["rows"][0]["id"], people["rows"][0]["id"]);
    let zelensky = json(send(&router, get("/v1/entities?name=Zelensky")).await).await;
    assert!(
        zelensky["rows"][0]["name"]
            .as_str()
            .unwrap()
            .contains("Zelensk")
    );

    let figures = json(send(&router, get("/v1/figures?place=Mariupol")).await).await;
    let rows = figures["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{figures}");
    assert_eq!(
        (&rows[0]["value"], &rows[0]["bound"], &rows[0]["day"]),
        (
            &serde_json::json!(2300.0),
            &serde_json::json!("at_least"),
            &serde_json::json!("2022-03-22")
        )
    );
    let since = json(send(&router, get("/v1/figures?place=Mariupol&since=2022-04-01")).await).await;
    assert!(since["rows"].as_array().unwrap().is_empty());

    let timeline = json(send(&router, get("/v1/timeline?term=Zelensky&by=month")).await).await;
    assert_eq!(timeline["matched"], "entity");
    assert_eq!(timeline["rows"][0]["period"], "2022-03");
    assert_eq!(timeline["rows"][0]["articles"], 1);
    let searched = json(send(&router, get("/v1/timeline?term=surrender&limit=1")).await).await;
    assert_eq!(searched["matched"], "search");
    assert_eq!(searched["rows"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn query_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = archive_app(&dir, None);
    post_seed(&router).await;
    for (uri, status, slug) in [
        ("/v1/articles/999", StatusCode::NOT_FOUND, "not-found"),
        (
            "/v1/articles/first",
            StatusCode::BAD_REQUEST,
            "invalid-request",
        ),
        ("/v1/search", StatusCode::BAD_REQUEST, "invalid-request"),
        (
            "/v1/search?q=%22unterminated",
            StatusCode::BAD_REQUEST,
            "invalid-request",
        ),
        (
            "/v1/search?q=talks&colour=red",
            StatusCode::BAD_REQUEST,
            "invalid-request",
        ),
        (
            "/v1/search?q=talks&limit=0",
            StatusCode::BAD_REQUEST,
            "invalid-request",
        ),
        (
            "/v1/search?q=talks&limit=5000",
            StatusCode::BAD_REQUEST,
            "invalid-request",
        ),
        (
            "/v1/search?q=talks&limit=many",
            StatusCode::BAD_REQUEST,
            "invalid-request",
        ),
        (
            "/v1/search?q=talks&since=yesterday",
            StatusCode::BAD_REQUEST,
            "invalid-request",
        ),
        (
            "/v1/search?q=talks&cursor=bogus",
            StatusCode::BAD_REQUEST,
            "invalid-cursor",
        ),
        (
            "/v1/quotes?cursor=eyJxIjoic2VhcmNoIiwiayI6WzEsMl19",
            StatusCode::BAD_REQUEST,
            "invalid-cursor",
        ),
        (
            "/v1/entities?type=PERSON",
            StatusCode::BAD_REQUEST,
            "invalid-request",
        ),
        (
            "/v1/entities?cursor=%21%21",
            StatusCode::BAD_REQUEST,
            "invalid-cursor",
        ),
        (
            "/v1/figures?cursor=AAAA",
            StatusCode::BAD_REQUEST,
            "invalid-cursor",
        ),
        (
            "/v1/timeline?term=Putin&by=year",
            StatusCode::BAD_REQUEST,
            "invalid-request",
        ),
        (
            "/v1/timeline?term=Putin&cursor=x",
            StatusCode::BAD_REQUEST,
            "invalid-cursor",
        ),
        ("/v1/timeline", StatusCode::BAD_REQUEST, "invalid-request"),
    ] {
        let response = send(&router, get(uri)).await;
        let doc = problem(response, status, slug).await;
        assert!(
            !doc["detail"].as_str().unwrap().contains("database"),
            "{uri}: {doc}"
        );
    }
}

#[tokio::test]
async fn without_an_archive_the_routes_say_so() {
    let (_, router) = app(config());
    for uri in [
        "/v1/search?q=talks",
        "/v1/quotes",
        "/v1/entities",
        "/v1/figures",
        "/v1/timeline?term=Putin",
        "/v1/articles/1",
    ] {
        let doc = problem(
            send(&router, get(uri)).await,
            StatusCode::NOT_FOUND,
            "no-archive",
        )
        .await;
        assert!(doc["detail"].as_str().unwrap().contains("--db"), "{doc}");
    }
    let response = send(
        &router,
        post("/v1/articles", "text/plain", fixture("kyiv-talks.txt")),
    )
    .await;
    problem(response, StatusCode::NOT_FOUND, "no-archive").await;
}

/// Queries while articles are being stored: WAL readers never see "database is locked".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_run_while_articles_are_stored() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = archive_app(&dir, None);
    post_seed(&router).await;
    let mut tasks = Vec::new();
    for n in 0..12 {
        let router = router.clone();
        tasks.push(tokio::spawn(async move {
            let request = if n % 3 == 0 {
                post(
                    "/v1/articles",
                    "text/plain",
                    format!(
                        "Talks resume, round {n}\n\nKYIV (Reuters) - President Volodymyr \
                         Zelensky said on Monday talks would resume, round {n}."
                    ),
                )
            } else {
                get(match n % 3 {
                    1 => "/v1/search?q=talks",
                    _ => "/v1/entities?type=PER",
                })
            };
            let response = send(&router, request).await;
            (response.status(), crate::text(response).await)
        }));
    }
    for task in tasks {
        let (status, body) = task.await.unwrap();
        assert!(status.is_success(), "{status}: {body}");
    }
    let hits = json(send(&router, get("/v1/search?q=round&limit=100")).await).await;
    assert_eq!(hits["rows"].as_array().unwrap().len(), 4, "{hits}");
}
