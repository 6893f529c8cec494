//! Full-text search (FTS5): phrases, AND/OR/NOT, prefix `word*`, `title:` — ranked by BM25
//! with the headline weighted above the body.

use rusqlite::ToSql;
use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::cursor::{self, Page};
use crate::error::{Error, Result};
use crate::query::ArticleFilter;

/// A search request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    /// FTS5 query: `"security guarantees"`, `ceasefire AND NOT gaza`, `negotiat*`,
    /// `title:talks`.
    pub query: String,
    /// Which articles.
    #[serde(flatten)]
    pub filter: ArticleFilter,
    /// Markers around matched words in snippets (`[`, `]` when empty).
    pub highlight: (String, String),
    /// At most this many hits.
    pub limit: usize,
    /// Start after the hit this cursor names (a page's `next_cursor`).
    pub cursor: Option<String>,
}

/// One ranked hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    /// Article id.
    pub id: i64,
    /// Publication date (`YYYY-MM-DD`).
    pub day: Option<String>,
    /// Source name.
    pub source: Option<String>,
    /// Headline.
    pub headline: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Text around the match, matched words between the highlight markers.
    pub snippet: String,
    /// BM25 score (lower is better, as SQLite reports it).
    pub rank: f64,
}

impl Archive {
    /// Runs a full-text search over current articles, best first (ties by id).
    pub fn search(&self, q: &SearchQuery) -> Result<Page<SearchHit>> {
        q.filter.validate()?;
        let (open, close) = if q.highlight.0.is_empty() {
            ("[", "]")
        } else {
            (q.highlight.0.as_str(), q.highlight.1.as_str())
        };
        let (after_rank, after_id) = match &q.cursor {
            Some(c) => {
                let key = cursor::decode(c, "search", 2)?;
                (Some(cursor::float(&key, 0)?), Some(cursor::int(&key, 1)?))
            }
            None => (None, None),
        };
        // Two steps: rank every match (ids and scores only), then build snippets for the
        // page's rows alone — a snippet costs far more than a score. The score is named
        // `score`: `rank` is a hidden column of every FTS5 table. Without filters, only
        // `latest` matters: superseded revisions come from their small partial index, so
        // ranking never reads the matched articles' (large) rows.
        let filtered = q.filter != ArticleFilter::default();
        let (join, condition) = if filtered {
            (
                "JOIN articles a INDEXED BY articles_listing ON a.id = articles_fts.rowid
                 LEFT JOIN sources s ON s.id = a.source_id",
                ArticleFilter::SQL,
            )
        } else {
            (
                "",
                "articles_fts.rowid NOT IN (SELECT id FROM articles WHERE latest = 0)",
            )
        };
        let sql = format!(
            "WITH page AS (
                 SELECT articles_fts.rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score
                 FROM articles_fts
                 {join}
                 WHERE articles_fts MATCH :query AND {condition}
                   AND (:after_rank IS NULL OR (bm25(articles_fts, 4.0, 1.0), articles_fts.rowid)
                        > (:after_rank, :after_id))
                 ORDER BY score, id LIMIT :limit)
             SELECT a.id, a.day, s.name, a.headline, a.url,
                    snippet(articles_fts, 1, :open, :close, '…', 16), page.score
             FROM page
             JOIN articles_fts ON articles_fts.rowid = page.id
             JOIN articles a ON a.id = page.id
             LEFT JOIN sources s ON s.id = a.source_id
             WHERE articles_fts MATCH :query
             ORDER BY page.score, page.id"
        );
        let limit = q.limit as i64 + 1;
        let mut params: Vec<(&str, &dyn ToSql)> = vec![
            (":open", &open),
            (":close", &close),
            (":query", &q.query),
            (":limit", &limit),
            (":after_rank", &after_rank),
            (":after_id", &after_id),
        ];
        let filter = q.filter.params();
        if filtered {
            for (name, value) in &filter {
                params.push((name, value));
            }
        }
        let run = || -> rusqlite::Result<Vec<SearchHit>> {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params.as_slice(), |r| {
                Ok(SearchHit {
                    id: r.get(0)?,
                    day: r.get(1)?,
                    source: r.get(2)?,
                    headline: r.get(3)?,
                    url: r.get(4)?,
                    snippet: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                    rank: r.get(6)?,
                })
            })?;
            rows.collect()
        };
        let rows = run().map_err(|e| fts_error(e, &q.query))?;
        Ok(Page::from_rows(rows, q.limit, "search", |h| {
            vec![h.rank.into(), h.id.into()]
        }))
    }
}

/// FTS5 reports a malformed query as SQLite's generic error (our statements are fixed, so
/// at run time that error is the user's query); name it as such.
pub(crate) fn fts_error(e: rusqlite::Error, query: &str) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::Unknown) => Error::InvalidQuery {
            query: query.to_string(),
            reason: e.to_string(),
        },
        _ => Error::Sqlite(e),
    }
}
