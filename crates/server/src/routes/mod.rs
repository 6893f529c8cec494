//! The router: route groups, each registered with its OpenAPI description, so the document
//! at `/openapi.json` lists exactly the routes served.

pub mod archive;
pub mod batch;
pub mod docs;
pub mod extract;
pub mod ops;

use std::borrow::Cow;
use std::sync::Arc;

use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Router};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use utoipa::OpenApi;
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{RefOr, Schema};
use utoipa_axum::router::OpenApiRouter;

use crate::problem::{Problem, ProblemKind};
use crate::request_id;
use crate::state::AppState;

/// The document's fixed parts; paths come from the route groups.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Gleaner HTTP API",
        description = "News articles in, structured and attributable facts out. The JSON \
            returned is the same as `gleaner extract --format json` (docs/schema.md). Errors are \
            application/problem+json (RFC 9457) with stable `type` URNs. The server never \
            fetches URLs.",
        license(name = "MIT OR Apache-2.0"),
    ),
    tags(
        (name = "extract", description = "Extraction (write endpoints: need the bearer token when one is configured)."),
        (name = "archive", description = "The archive of `gleaner serve --db PATH`: ingest (a write endpoint) and the queries of `gleaner archive`, paged by cursor. Without --db they answer 404 `no-archive`."),
        (name = "operations", description = "Health, readiness, metrics, version."),
        (name = "documentation", description = "This document and the page that renders it."),
    ),
    components(schemas(crate::problem::ProblemDocument, crate::request::ArticleJson))
)]
struct ApiDoc;

/// The extracted article in the OpenAPI document. Its fields are the JSON contract of
/// `docs/schema.md`; the document describes the envelope and points there rather than
/// restating (and drifting from) the model.
pub struct ArticleSchema;

impl utoipa::PartialSchema for ArticleSchema {
    fn schema() -> RefOr<Schema> {
        let string = || ObjectBuilder::new().schema_type(Type::String);
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "An extracted article: exactly what `gleaner extract --format json` prints. \
                 Every field is documented in docs/schema.md (schema_version \"1\"); fields \
                 are added as pipeline stages land, never renamed. Spans are [start, end) in \
                 Unicode code points into `text`.",
            ))
            .property("schema_version", string())
            .required("schema_version")
            .property(
                "source",
                ObjectBuilder::new()
                    .schema_type(Type::Object)
                    .additional_properties(Some(AdditionalProperties::FreeForm(true))),
            )
            .required("source")
            .property("text", string())
            .required("text")
            .property("body", string())
            .required("body")
            .additional_properties(Some(AdditionalProperties::FreeForm(true)))
            .into()
    }
}

impl utoipa::ToSchema for ArticleSchema {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Article")
    }
}

/// Every route group, merged. The archive's routes are always there (one document for
/// every server); without `--db` they answer 404 `no-archive`.
fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(extract::routes())
        .merge(batch::routes())
        .merge(archive::routes())
        .merge(ops::routes())
        .merge(docs::routes())
}

/// The OpenAPI document of every route served.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, mut doc) = api().split_for_parts();
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    doc.components
        .get_or_insert_with(Default::default)
        .add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    doc
}

/// The whole application: routes, errors for unknown routes and methods, CORS when
/// configured, panic containment, and request ids, logs and metrics around everything.
pub fn router(state: AppState) -> Router {
    let (routes, _) = api().split_for_parts();
    let json = openapi().to_pretty_json().unwrap_or_else(|e| {
        tracing::error!(error = %e, "cannot serialise the OpenAPI document");
        String::from("{}")
    });
    let mut app = routes
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(Extension(docs::OpenApiJson(Arc::new(json))));
    if let Some(cors) = cors(&state.config.cors_origins) {
        app = app.layer(cors);
    }
    app.layer(CatchPanicLayer::custom(|_| {
        tracing::error!("a request handler panicked");
        Problem::internal().into_response()
    }))
    .layer(axum::middleware::from_fn_with_state(
        state.clone(),
        crate::middleware::observe,
    ))
    .with_state(state)
}

/// CORS for the configured origins (`*` allows any), or `None`: no CORS headers at all.
fn cors(origins: &[String]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(
            origins
                .iter()
                .filter_map(|o| HeaderValue::from_str(o).ok())
                .collect::<Vec<_>>(),
        )
    };
    Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([
                header::CONTENT_TYPE,
                header::AUTHORIZATION,
                HeaderName::from_static(request_id::HEADER),
            ])
            .expose_headers([
                header::RETRY_AFTER,
                HeaderName::from_static(request_id::HEADER),
            ]),
    )
}

async fn not_found() -> Problem {
    Problem::new(
        ProblemKind::NotFound,
        "no such route; GET /openapi.json lists the routes this server has",
    )
}

async fn method_not_allowed() -> Response {
    Problem::new(
        ProblemKind::MethodNotAllowed,
        "this route exists but not with this method; GET /openapi.json lists each route's methods",
    )
    .into_response()
}
