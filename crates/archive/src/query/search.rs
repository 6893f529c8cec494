//! Full-text search (FTS5): phrases, AND/OR/NOT, prefix `word*`, `title:` — ranked by BM25
//! with the headline weighted above the body.
//!
//! Ranking is the cost: FTS5's `bm25()` reads each match's column sizes with a statement of
//! its own (1.5–4 µs a match), so a word most stories contain ("trump" in 75% of an election
//! corpus) costs 100–300 ms to rank exactly in a 100k archive. By default a search ranks the
//! [`DEFAULT_RANK_WINDOW`] most recently added matches (found in rowid order, without
//! scoring: ~0.1 µs a match) and says so in [`SearchPage::ranked_newest`]; a query matching
//! fewer is ranked exactly, and `rank_window: None` ranks every match.

use rusqlite::ToSql;
use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::cursor::{self, Page};
use crate::error::{Error, Result};
use crate::query::ArticleFilter;

/// How many of a query's matches a search ranks by default: the most recently added ones.
/// Ranking 10,000 matches takes 15–40 ms here, inside the 50 ms a query may take.
pub const DEFAULT_RANK_WINDOW: usize = 10_000;

/// A search request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// Rank only this many of the most recently added matches (when more match); `None`
    /// ranks every match. A cursor keeps the window of its first page.
    pub rank_window: Option<usize>,
}

impl Default for SearchQuery {
    fn default() -> Self {
        Self {
            query: String::new(),
            filter: ArticleFilter::default(),
            highlight: (String::new(), String::new()),
            limit: 0,
            cursor: None,
            rank_window: Some(DEFAULT_RANK_WINDOW),
        }
    }
}

/// One page of search hits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchPage {
    /// The hits of this page, best first.
    pub rows: Vec<SearchHit>,
    /// Pass as `cursor` to get the next page; `None` on the last page.
    pub next_cursor: Option<String>,
    /// `Some(n)` when more articles matched than the ranking window: the hits are the best
    /// of the `n` most recently added matches, not of all. `None`: every match was ranked.
    pub ranked_newest: Option<usize>,
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

impl From<SearchPage> for Page<SearchHit> {
    /// The hits and cursor alone, without the window note.
    fn from(page: SearchPage) -> Self {
        Page {
            rows: page.rows,
            next_cursor: page.next_cursor,
        }
    }
}

impl Archive {
    /// Runs a full-text search over current articles, best first (ties by id): over all
    /// matches, or over the most recently added ones when more than `q.rank_window` match.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchPage> {
        q.filter.validate()?;
        let (open, close) = if q.highlight.0.is_empty() {
            ("[", "]")
        } else {
            (q.highlight.0.as_str(), q.highlight.1.as_str())
        };
        // The cursor carries the window of the first page, so every page ranks the same
        // matches even when articles are added in between.
        let (after_rank, after_id, below) = match &q.cursor {
            Some(c) => {
                let key = cursor::decode(c, "search", 3)?;
                let below = match key.get(2) {
                    Some(serde_json::Value::Null) => None,
                    _ => Some(cursor::int(&key, 2)?),
                };
                (
                    Some(cursor::float(&key, 0)?),
                    Some(cursor::int(&key, 1)?),
                    below,
                )
            }
            None => {
                let below = match q.rank_window {
                    Some(window) => self.window_floor(q, window)?,
                    None => None,
                };
                (None, None, below)
            }
        };
        // Two steps: rank the matches (ids and scores only), then build snippets for the
        // page's rows alone — a snippet costs far more than a score. The score is named
        // `score`: `rank` is a hidden column of every FTS5 table.
        let (join, condition) = self.match_scope(&q.filter);
        // A plain rowid bound (no `IS NULL OR`) so that FTS5 starts its doclists there.
        let window = if below.is_some() {
            "AND articles_fts.rowid > :below"
        } else {
            ""
        };
        // The page's snippets: SQLite cannot know the page is small (its LIMIT is bound),
        // and would walk every match to join the page's rows. Looking each row up is cheaper
        // — except for a prefix term, which FTS5 expands (merging every matching word's
        // doclist) anew for each lookup, so there one walk is cheaper.
        let snippet_join = if q.query.contains('*') {
            "page JOIN articles_fts ON articles_fts.rowid = page.id"
        } else {
            "page CROSS JOIN articles_fts ON articles_fts.rowid = page.id"
        };
        let sql = format!(
            "WITH page AS (
                 SELECT articles_fts.rowid AS id, bm25(articles_fts, 4.0, 1.0) AS score
                 FROM articles_fts
                 {join}
                 WHERE articles_fts MATCH :query AND {condition} {window}
                   AND (:after_rank IS NULL OR (bm25(articles_fts, 4.0, 1.0), articles_fts.rowid)
                        > (:after_rank, :after_id))
                 ORDER BY score, id LIMIT :limit)
             SELECT a.id, a.day, s.name, a.headline, a.url,
                    snippet(articles_fts, 1, :open, :close, '…', 16), page.score
             FROM {snippet_join}
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
        if below.is_some() {
            params.push((":below", &below));
        }
        let filter = q.filter.params();
        bind_filter(&q.filter, &filter, &mut params);
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
        let page = Page::from_rows(rows, q.limit, "search", |h| {
            vec![h.rank.into(), h.id.into(), below.into()]
        });
        Ok(SearchPage {
            rows: page.rows,
            next_cursor: page.next_cursor,
            ranked_newest: below.and(q.rank_window),
        })
    }

    /// The join and condition that keep a match: a current article passing the filter.
    /// Without filters only `latest` matters, and superseded revisions come from their
    /// small partial index, so the articles' (large) rows are never read.
    fn match_scope(&self, filter: &ArticleFilter) -> (&'static str, &'static str) {
        if *filter != ArticleFilter::default() {
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
        }
    }

    /// When more than `window` articles match, the rowid just below the `window` most
    /// recently added of them (matches above it are ranked); `None` when all fit. Neither
    /// walk scores a match.
    ///
    /// Without filters the matches are counted and the floor found walking forwards (FTS5
    /// reads doclists forwards; walking backwards first loads each doclist whole, several
    /// milliseconds even for a rare word); superseded revisions are counted here as
    /// matches and left out when ranking, so a window ranks up to `window` articles. With
    /// filters counting every match would join each to its article, and a prefix term is
    /// expanded (every matching word's doclist merged) anew by each statement, so there one
    /// walk goes newest first and stops after `window` matches that pass.
    fn window_floor(&self, q: &SearchQuery, window: usize) -> Result<Option<i64>> {
        let window = i64::try_from(window.max(1)).unwrap_or(i64::MAX);
        let run = || -> rusqlite::Result<Option<i64>> {
            if q.filter == ArticleFilter::default() && !q.query.contains('*') {
                let mut count = self.conn.prepare_cached(
                    "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1",
                )?;
                let total: i64 = count.query_row([&q.query], |r| r.get(0))?;
                if total <= window {
                    return Ok(None);
                }
                let mut floor = self.conn.prepare_cached(
                    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1
                     ORDER BY rowid LIMIT 1 OFFSET ?2",
                )?;
                let mut rows = floor.query(rusqlite::params![q.query, total - window - 1])?;
                return rows.next()?.map(|r| r.get(0)).transpose();
            }
            let (join, condition) = self.match_scope(&q.filter);
            let sql = format!(
                "SELECT articles_fts.rowid FROM articles_fts {join}
                 WHERE articles_fts MATCH :query AND {condition}
                 ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET :window"
            );
            let mut params: Vec<(&str, &dyn ToSql)> =
                vec![(":query", &q.query), (":window", &window)];
            let filter = q.filter.params();
            bind_filter(&q.filter, &filter, &mut params);
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query(params.as_slice())?;
            rows.next()?.map(|r| r.get(0)).transpose()
        };
        run().map_err(|e| fts_error(e, &q.query))
    }
}

/// Adds the filter's parameters to a statement's, when the filter is set: only then does
/// the statement name them ([`Archive::match_scope`]).
fn bind_filter<'a>(
    filter: &ArticleFilter,
    values: &'a [(&'static str, Option<&'a str>)],
    params: &mut Vec<(&'a str, &'a dyn ToSql)>,
) {
    if *filter != ArticleFilter::default() {
        for (name, value) in values {
            params.push((name, value));
        }
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
