//! `GET /openapi.json` and `GET /docs`: the API described by the code, and a small page that
//! renders it. The page's assets are compiled into the binary (no CDN, ~7 KB).

use std::sync::Arc;

use axum::Extension;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// The OpenAPI document, serialised once when the router is built.
#[derive(Debug, Clone)]
pub struct OpenApiJson(pub Arc<String>);

const DOCS_HTML: &str = include_str!("../../assets/docs.html");
const DOCS_JS: &str = include_str!("../../assets/docs.js");
const DOCS_CSS: &str = include_str!("../../assets/docs.css");

/// Only this server's own script, style and `openapi.json`; nothing inline, nothing remote.
const DOCS_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The documentation routes.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(openapi_json))
        .routes(routes!(docs_page))
        .routes(routes!(docs_script))
        .routes(routes!(docs_style))
}

/// This API as an OpenAPI 3.1 document, generated from the code.
#[utoipa::path(get, path = "/openapi.json", tag = "documentation",
    responses((status = 200, description = "The OpenAPI document.", body = Object)))]
pub async fn openapi_json(Extension(json): Extension<OpenApiJson>) -> Response {
    asset("application/json", json.0.as_str().to_owned())
}

/// A page that renders `openapi.json` for people.
#[utoipa::path(get, path = "/docs", tag = "documentation",
    responses((status = 200, description = "HTML page.", body = String, content_type = "text/html")))]
pub async fn docs_page() -> Response {
    let mut response = asset("text/html; charset=utf-8", DOCS_HTML.to_owned());
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DOCS_CSP),
    );
    response
}

/// The docs page's script.
#[utoipa::path(get, path = "/docs/docs.js", tag = "documentation",
    responses((status = 200, description = "JavaScript.", body = String, content_type = "text/javascript")))]
pub async fn docs_script() -> Response {
    asset("text/javascript; charset=utf-8", DOCS_JS.to_owned())
}

/// The docs page's style sheet.
#[utoipa::path(get, path = "/docs/docs.css", tag = "documentation",
    responses((status = 200, description = "CSS.", body = String, content_type = "text/css")))]
pub async fn docs_style() -> Response {
    asset("text/css; charset=utf-8", DOCS_CSS.to_owned())
}

fn asset(content_type: &'static str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                HeaderName::from_static("x-content-type-options"),
                HeaderValue::from_static("nosniff"),
            ),
        ],
        body,
    )
        .into_response()
}
