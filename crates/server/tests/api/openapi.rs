//! `/openapi.json` is a valid document of exactly the routes served; `/docs` renders it from
//! assets the server itself serves.

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};

use crate::{app, config, get, json, send, text};

/// Every route the server has, by method.
const ROUTES: [(&str, &str); 17] = [
    ("post", "/v1/articles"),
    ("get", "/v1/articles/{id}"),
    ("get", "/v1/search"),
    ("get", "/v1/quotes"),
    ("get", "/v1/entities"),
    ("get", "/v1/figures"),
    ("get", "/v1/timeline"),
    ("post", "/v1/extract"),
    ("post", "/v1/extract/batch"),
    ("get", "/healthz"),
    ("get", "/readyz"),
    ("get", "/metrics"),
    ("get", "/v1/version"),
    ("get", "/openapi.json"),
    ("get", "/docs"),
    ("get", "/docs/docs.js"),
    ("get", "/docs/docs.css"),
];

#[tokio::test]
async fn the_document_lists_every_route_and_only_those() {
    let dir = tempfile::tempdir().unwrap();
    let (_, router) = app(gleaner_server::ServerConfig {
        db: Some(dir.path().join("archive.db")),
        ..config()
    });
    let response = send(&router, get("/openapi.json")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    let doc = json(response).await;
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
    assert!(doc["info"]["title"].is_string());

    let mut listed = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            listed.insert((method.clone(), path.clone()));
            let responses = operation["responses"].as_object().unwrap();
            assert!(!responses.is_empty(), "{method} {path} has no responses");
            assert!(
                responses.contains_key("200"),
                "{method} {path} documents no success response"
            );
        }
    }
    let expected: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(listed, expected);

    // Every documented route is served with its method.
    for (method, path) in ROUTES {
        let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let request = Request::builder()
            .method(method.clone())
            .uri(path.replace("{id}", "x"))
            .body(Body::empty())
            .unwrap();
        let status = send(&router, request).await.status();
        assert!(
            status != StatusCode::NOT_FOUND && status != StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path} → {status}"
        );
    }

    // Every reference resolves inside the document.
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(refs.len() >= 5, "{refs:?}");
    for reference in refs {
        let pointer = reference.strip_prefix('#').expect("local reference");
        assert!(doc.pointer(pointer).is_some(), "dangling {reference}");
    }
    assert!(doc.pointer("/components/securitySchemes/bearer").is_some());
    assert_eq!(
        doc.pointer("/paths/~1v1~1extract/post/security/1/bearer"),
        Some(&serde_json::json!([]))
    );
}

fn collect_refs(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                if key == "$ref" {
                    out.push(v.as_str().unwrap().to_string());
                } else {
                    collect_refs(v, out);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn the_docs_page_is_self_contained() {
    let (_, router) = app(config());
    let response = send(&router, get("/docs")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/html; charset=utf-8"
    );
    let csp = response.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let page = text(response).await;
    assert!(page.contains("src=\"docs/docs.js\""));
    assert!(page.contains("href=\"docs/docs.css\""));
    for (path, kind) in [
        ("/docs/docs.js", "text/javascript"),
        ("/docs/docs.css", "text/css"),
    ] {
        let response = send(&router, get(path)).await;
        assert!(
            response.headers()[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with(kind)
        );
        let asset = text(response).await;
        assert!(asset.len() > 500, "{path} is nearly empty");
        for body in [&asset, &page] {
            assert!(
                !body.contains("http://") && !body.contains("https://"),
                "{path} loads from elsewhere"
            );
        }
    }
}
