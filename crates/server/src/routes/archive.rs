//! The archive endpoints (`--db`): ingest one article, read one back, and the queries of
//! `gleaner archive` — search, quotes, entities, figures, timeline — with the same filters,
//! a page at a time (keyset cursors). Without `--db` every one answers 404 `no-archive`.

use std::sync::Arc;

use axum::Json;
use axum::body::Body;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use gleaner_archive::{
    AddOutcome, ArticleFilter, DEFAULT_RANK_WINDOW, EntityQuery, EntityRow, FigureQuery, FigureRow,
    Page, Period, QuoteQuery, QuoteRow, SearchPage, SearchQuery, Timeline, sha256_hex,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::archive::ArchiveStore;
use crate::problem::{Problem, ProblemDocument, ProblemKind};
use crate::request::{self, ArticleJson, ExtractQuery};
use crate::routes::ArticleSchema;
use crate::routes::extract::{
    BodyKind, admit, body_kind, check_content_length, pool_problem, read_body, timeout_problem,
};
use crate::state::AppState;

/// The archive routes.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(add_article))
        .routes(routes!(get_article))
        .routes(routes!(search))
        .routes(routes!(quotes))
        .routes(routes!(entities))
        .routes(routes!(figures))
        .routes(routes!(timeline))
}

/// Rows per page when `limit` is not given.
const DEFAULT_LIMIT: usize = 20;
/// The largest `limit` accepted.
const MAX_LIMIT: usize = 1000;

/// The archive, or 404 `no-archive` on a server without `--db`.
fn store(state: &AppState) -> Result<Arc<ArchiveStore>, Problem> {
    state.archive.clone().ok_or_else(|| {
        Problem::new(
            ProblemKind::NoArchive,
            "this server has no archive; start it with `gleaner serve --db PATH` to use the archive endpoints",
        )
    })
}

/// Store one article in the archive.
///
/// The body is the same as for `POST /v1/extract`: the article itself (`text/plain`,
/// `text/html`, any charset) or JSON `{text | html, url, published, as, id, source}`.
/// Idempotent: the same bytes again change nothing and return the stored id (200); new
/// content is stored (201), as a revision when its URL is known.
#[utoipa::path(
    post,
    path = "/v1/articles",
    tag = "archive",
    params(ExtractQuery),
    request_body(
        description = "The article: plain text or HTML in any charset, or JSON.",
        content(
            (String = "text/plain"),
            (String = "text/html"),
            (ArticleJson = "application/json"),
        )
    ),
    responses(
        (status = 200, description = "Already stored (`status: unchanged`).", body = AddOutcome),
        (status = 201, description = "Stored (`status: added` or `revision`); `Location` names it.", body = AddOutcome),
        (status = 400, description = "Malformed JSON (`malformed-json`) or a bad option (`invalid-request`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 401, description = "Token required and missing or wrong (`unauthorized`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 404, description = "The server has no archive (`no-archive`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 413, description = "Body over `--max-body` (`body-too-large`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 415, description = "Unsupported Content-Type (`unsupported-media-type`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, description = "No visible text (`empty-article`) or binary data (`not-text`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 503, description = "Overloaded (`overloaded`, with Retry-After) or shutting down.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 504, description = "Not finished within `--timeout` (`timeout`).", body = ProblemDocument, content_type = "application/problem+json"),
    ),
    security((), ("bearer" = []))
)]
pub async fn add_article(
    State(state): State<AppState>,
    _access: crate::middleware::WriteAccess,
    query: Result<Query<ExtractQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Problem> {
    let store = store(&state)?;
    let Query(query) = query.map_err(crate::routes::extract::query_problem)?;
    let kind = body_kind(&headers)?;
    check_content_length(&headers, state.config.max_body)?;
    let slot = admit(&state)?;
    let work = async {
        let bytes = read_body(body, state.config.max_body).await?;
        let job_state = state.clone();
        state
            .pool
            .run(slot, move || {
                ingest(&job_state, &store, kind, bytes, &query)
            })
            .await
            .map_err(pool_problem)?
    };
    let outcome = match tokio::time::timeout(state.config.timeout, work).await {
        Ok(result) => result?,
        Err(_) => {
            state.metrics.timeout();
            return Err(timeout_problem(&state));
        }
    };
    let status = match outcome {
        AddOutcome::Unchanged { .. } => StatusCode::OK,
        AddOutcome::Added { .. } | AddOutcome::Revision { .. } => StatusCode::CREATED,
    };
    let mut response = (status, Json(outcome)).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/v1/articles/{}", outcome.id())) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// Runs on an extraction worker: input → (stored already? else extract) → store. Only the
/// store holds the writer connection.
fn ingest(
    state: &AppState,
    store: &ArchiveStore,
    kind: BodyKind,
    bytes: axum::body::Bytes,
    query: &ExtractQuery,
) -> Result<AddOutcome, Problem> {
    let input = match kind {
        BodyKind::Json => request::input_from_json(&bytes, query)?,
        BodyKind::Article(media_type) => request::input_from_body(bytes.into(), media_type, query),
    };
    if let Some(id) = store.find_sha256(&sha256_hex(&input.bytes))? {
        return Ok(AddOutcome::Unchanged { id });
    }
    let article = request::extract(state.extractor(false), &input)?;
    store.write(|archive| archive.add_extracted(&input, &article))
}

/// A stored article.
#[derive(Debug, Serialize, ToSchema)]
pub struct StoredArticle {
    /// Article id.
    pub id: i64,
    /// SHA-256 of the raw input.
    pub sha256: String,
    /// URL.
    pub url: Option<String>,
    /// Source name.
    pub source: Option<String>,
    /// Publication date as extracted.
    pub published: Option<String>,
    /// Headline.
    pub headline: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// Extractor that produced `extraction`.
    pub extractor_version: String,
    /// When it was stored (UTC).
    pub added: String,
    /// Whether this is its URL's newest revision.
    pub latest: bool,
    /// The revision it superseded.
    pub revision_of: Option<i64>,
    /// The first article of its near-duplicate cluster, when it is a copy.
    pub dup_of: Option<i64>,
    /// Size of the raw input in bytes.
    pub raw_bytes: i64,
    /// The extraction: the JSON `gleaner extract --format json` printed for it.
    #[schema(value_type = ArticleSchema)]
    pub extraction: serde_json::Value,
}

/// One stored article with its extraction.
#[utoipa::path(
    get,
    path = "/v1/articles/{id}",
    tag = "archive",
    params(("id" = i64, Path, description = "Article id (as `POST /v1/articles` returned it).")),
    responses(
        (status = 200, description = "The article.", body = StoredArticle),
        (status = 400, description = "The id is not an integer (`invalid-request`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 404, description = "No article with this id (`not-found`), or no archive (`no-archive`).", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn get_article(
    State(state): State<AppState>,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<StoredArticle>, Problem> {
    let store = store(&state)?;
    let Path(id) = id.map_err(|e| {
        Problem::new(
            ProblemKind::InvalidRequest,
            format!("the article id must be an integer: {}", e.body_text()),
        )
    })?;
    let record = store.read(move |archive| archive.article(id)).await?;
    let extraction = serde_json::from_str(&record.extraction).map_err(|e| {
        tracing::error!(id, error = %e, "stored extraction is not JSON");
        Problem::internal()
    })?;
    Ok(Json(StoredArticle {
        id: record.id,
        sha256: record.sha256,
        url: record.url,
        source: record.source,
        published: record.published,
        headline: record.headline,
        language: record.language,
        extractor_version: record.extractor_version,
        added: record.added,
        latest: record.latest,
        revision_of: record.revision_of,
        dup_of: record.dup_of,
        raw_bytes: record.raw_bytes,
        extraction,
    }))
}

/// 400 for query parameters that do not parse.
fn bad_query(rejection: QueryRejection) -> Problem {
    Problem::new(
        ProblemKind::InvalidRequest,
        format!(
            "invalid query parameters (see /openapi.json): {}",
            rejection.body_text()
        ),
    )
}

/// `limit`, defaulted and bounded.
fn limit(limit: Option<usize>) -> Result<usize, Problem> {
    match limit.unwrap_or(DEFAULT_LIMIT) {
        0 => Err(Problem::new(
            ProblemKind::InvalidRequest,
            "limit must be at least 1",
        )),
        n if n > MAX_LIMIT => Err(Problem::new(
            ProblemKind::InvalidRequest,
            format!("limit must be at most {MAX_LIMIT}"),
        )),
        n => Ok(n),
    }
}

fn filter(
    since: Option<String>,
    until: Option<String>,
    source: Option<String>,
    lang: Option<String>,
) -> ArticleFilter {
    ArticleFilter {
        since,
        until,
        source,
        lang,
    }
}

/// Parameters of `GET /v1/search`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// FTS5 query: `"security guarantees"`, `ceasefire AND NOT gaza`, `negotiat*`,
    /// `title:talks`.
    pub q: String,
    /// Articles published on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Articles published on or before this date.
    pub until: Option<String>,
    /// Articles of this source (case-insensitive).
    pub source: Option<String>,
    /// Articles in this language (ISO 639-1).
    pub lang: Option<String>,
    /// Rows per page (1–1000, default 20).
    pub limit: Option<usize>,
    /// The previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// Rank every match (`true`). By default, when more than 10,000 articles match, the
    /// hits are the best of the 10,000 most recently added, and `ranked_newest` says so.
    pub exact: Option<bool>,
}

/// Full-text search, best first; matched words in `snippet` between `[` and `]`.
#[utoipa::path(
    get,
    path = "/v1/search",
    tag = "archive",
    params(SearchParams),
    responses(
        (status = 200, description = "One page of hits.", body = SearchPage),
        (status = 400, description = "A bad parameter or FTS5 query (`invalid-request`) or cursor (`invalid-cursor`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 404, description = "No archive (`no-archive`).", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn search(
    State(state): State<AppState>,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<SearchPage>, Problem> {
    let store = store(&state)?;
    let Query(p) = params.map_err(bad_query)?;
    let query = SearchQuery {
        query: p.q,
        filter: filter(p.since, p.until, p.source, p.lang),
        highlight: ("[".into(), "]".into()),
        limit: limit(p.limit)?,
        cursor: p.cursor,
        rank_window: (p.exact != Some(true)).then_some(DEFAULT_RANK_WINDOW),
    };
    Ok(Json(store.read(move |a| a.search(&query)).await?))
}

/// Parameters of `GET /v1/quotes`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct QuoteParams {
    /// Speaker, any form of the name ("Zelensky" finds "Volodymyr Zelenskyy").
    pub speaker: Option<String>,
    /// Words the quote contains.
    pub about: Option<String>,
    /// Articles published on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Articles published on or before this date.
    pub until: Option<String>,
    /// Articles of this source (case-insensitive).
    pub source: Option<String>,
    /// Articles in this language (ISO 639-1).
    pub lang: Option<String>,
    /// Rows per page (1–1000, default 20).
    pub limit: Option<usize>,
    /// The previous page's `next_cursor`.
    pub cursor: Option<String>,
}

/// Quotes by speaker and topic, newest first.
#[utoipa::path(
    get,
    path = "/v1/quotes",
    tag = "archive",
    params(QuoteParams),
    responses(
        (status = 200, description = "One page of quotes.", body = Page<QuoteRow>),
        (status = 400, description = "A bad parameter (`invalid-request`) or cursor (`invalid-cursor`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 404, description = "No archive (`no-archive`).", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn quotes(
    State(state): State<AppState>,
    params: Result<Query<QuoteParams>, QueryRejection>,
) -> Result<Json<Page<QuoteRow>>, Problem> {
    let store = store(&state)?;
    let Query(p) = params.map_err(bad_query)?;
    let query = QuoteQuery {
        speaker: p.speaker,
        about: p.about,
        filter: filter(p.since, p.until, p.source, p.lang),
        limit: limit(p.limit)?,
        cursor: p.cursor,
    };
    Ok(Json(store.read(move |a| a.quotes(&query)).await?))
}

/// Entity types.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
pub enum EntityType {
    /// People.
    #[serde(rename = "PER")]
    Per,
    /// Organisations.
    #[serde(rename = "ORG")]
    Org,
    /// Places.
    #[serde(rename = "LOC")]
    Loc,
    /// Other names.
    #[serde(rename = "MISC")]
    Misc,
}

/// Parameters of `GET /v1/entities`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EntityParams {
    /// Only this type.
    #[serde(rename = "type")]
    #[param(rename = "type", inline)]
    pub kind: Option<EntityType>,
    /// Only the identity this name resolves to.
    pub name: Option<String>,
    /// Count articles published on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Count articles published on or before this date.
    pub until: Option<String>,
    /// Count articles of this source (case-insensitive).
    pub source: Option<String>,
    /// Count articles in this language (ISO 639-1).
    pub lang: Option<String>,
    /// Rows per page (1–1000, default 20).
    pub limit: Option<usize>,
    /// The previous page's `next_cursor`.
    pub cursor: Option<String>,
}

/// People, organisations and places by the number of stories naming them.
#[utoipa::path(
    get,
    path = "/v1/entities",
    tag = "archive",
    params(EntityParams),
    responses(
        (status = 200, description = "One page of identities, most covered first.", body = Page<EntityRow>),
        (status = 400, description = "A bad parameter (`invalid-request`) or cursor (`invalid-cursor`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 404, description = "No archive (`no-archive`).", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn entities(
    State(state): State<AppState>,
    params: Result<Query<EntityParams>, QueryRejection>,
) -> Result<Json<Page<EntityRow>>, Problem> {
    let store = store(&state)?;
    let Query(p) = params.map_err(bad_query)?;
    let kind = p.kind.map(|k| {
        match k {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
        .to_string()
    });
    let query = EntityQuery {
        kind,
        name: p.name,
        filter: filter(p.since, p.until, p.source, p.lang),
        limit: limit(p.limit)?,
        cursor: p.cursor,
    };
    Ok(Json(store.read(move |a| a.entities(&query)).await?))
}

/// Parameters of `GET /v1/figures`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct FigureParams {
    /// casualties, displacement, damage, arrests, money, distance, duration, percentage,
    /// other.
    pub category: Option<String>,
    /// Figures about this place (any form of its name).
    pub place: Option<String>,
    /// Words in what is counted, the event, or the figure as printed.
    pub about: Option<String>,
    /// Articles published on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Articles published on or before this date.
    pub until: Option<String>,
    /// Articles of this source (case-insensitive).
    pub source: Option<String>,
    /// Articles in this language (ISO 639-1).
    pub lang: Option<String>,
    /// Rows per page (1–1000, default 20).
    pub limit: Option<usize>,
    /// The previous page's `next_cursor`.
    pub cursor: Option<String>,
}

/// The claim timeline: figures in date order, copies of a story shown once, and where
/// sources disagree on the same page.
#[utoipa::path(
    get,
    path = "/v1/figures",
    tag = "archive",
    params(FigureParams),
    responses(
        (status = 200, description = "One page of figures.", body = Page<FigureRow>),
        (status = 400, description = "A bad parameter (`invalid-request`) or cursor (`invalid-cursor`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 404, description = "No archive (`no-archive`).", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn figures(
    State(state): State<AppState>,
    params: Result<Query<FigureParams>, QueryRejection>,
) -> Result<Json<Page<FigureRow>>, Problem> {
    let store = store(&state)?;
    let Query(p) = params.map_err(bad_query)?;
    let query = FigureQuery {
        category: p.category,
        place: p.place,
        about: p.about,
        filter: filter(p.since, p.until, p.source, p.lang),
        limit: limit(p.limit)?,
        cursor: p.cursor,
    };
    Ok(Json(store.read(move |a| a.figures(&query)).await?))
}

/// Periods of a timeline.
#[derive(Debug, Clone, Copy, Default, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum By {
    /// Days (`2022-03-22`).
    #[default]
    Day,
    /// ISO weeks (`2022-W12`).
    Week,
    /// Months (`2022-03`).
    Month,
}

/// Parameters of `GET /v1/timeline`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct TimelineParams {
    /// A name (any form of it), or else a full-text query.
    pub term: String,
    /// Period (default `day`).
    #[param(inline)]
    pub by: Option<By>,
    /// Articles published on or after this date (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Articles published on or before this date.
    pub until: Option<String>,
    /// Articles of this source (case-insensitive).
    pub source: Option<String>,
    /// Articles in this language (ISO 639-1).
    pub lang: Option<String>,
    /// Periods per page (1–1000, default 1000).
    pub limit: Option<usize>,
    /// The previous page's `next_cursor`.
    pub cursor: Option<String>,
}

/// Stories per period naming `term` (an entity) or else matching it as a search; copies
/// of a story counted once.
#[utoipa::path(
    get,
    path = "/v1/timeline",
    tag = "archive",
    params(TimelineParams),
    responses(
        (status = 200, description = "One page of periods, oldest first.", body = Timeline),
        (status = 400, description = "A bad parameter or query (`invalid-request`) or cursor (`invalid-cursor`).", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 404, description = "No archive (`no-archive`).", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn timeline(
    State(state): State<AppState>,
    params: Result<Query<TimelineParams>, QueryRejection>,
) -> Result<Json<Timeline>, Problem> {
    let store = store(&state)?;
    let Query(p) = params.map_err(bad_query)?;
    let by = match p.by.unwrap_or_default() {
        By::Day => Period::Day,
        By::Week => Period::Week,
        By::Month => Period::Month,
    };
    let limit = limit(Some(p.limit.unwrap_or(MAX_LIMIT)))?;
    let filter = filter(p.since, p.until, p.source, p.lang);
    let (term, cursor) = (p.term, p.cursor);
    Ok(Json(
        store
            .read(move |a| a.timeline_page(&term, by, &filter, limit, cursor.as_deref()))
            .await?,
    ))
}
