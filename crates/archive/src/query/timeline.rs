//! How often a story or a name appears, per period.

use rusqlite::ToSql;
use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::cursor::{self, Page};
use crate::error::Result;
use crate::identity;
use crate::query::search::fts_error;
use crate::query::{ArticleFilter, CoverageFilter, Period, id_list};

/// What a timeline counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Timeline {
    /// `entity` when the term is a known name, else `search` (an FTS5 query).
    pub matched: String,
    /// The identities counted, when `matched` is `entity`.
    pub entity_ids: Vec<i64>,
    /// One row per period with articles.
    pub rows: Vec<TimelineRow>,
    /// When the rows were limited ([`Archive::timeline_page`]) and more periods follow: the
    /// cursor of the next page.
    pub next_cursor: Option<String>,
}

/// One period of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineRow {
    /// The period.
    pub period: String,
    /// Stories (near-duplicate copies counted once).
    pub articles: i64,
    /// Articles including copies.
    pub copies: i64,
    /// Distinct sources.
    pub sources: i64,
}

impl Archive {
    /// Stories per period naming `term` (an entity name) or, when no entity has that name,
    /// matching it as a full-text query.
    pub fn timeline(&self, term: &str, by: Period, filter: &ArticleFilter) -> Result<Timeline> {
        self.timeline_page(term, by, filter, usize::MAX, None)
    }

    /// [`Archive::timeline`] a page at a time: at most `limit` periods, after the period
    /// `cursor` names. The counts are one aggregation, so each page costs the whole of it;
    /// periods are few (one per day at most), so pages are for clients that want them small.
    pub fn timeline_page(
        &self,
        term: &str,
        by: Period,
        filter: &ArticleFilter,
        limit: usize,
        cursor: Option<&str>,
    ) -> Result<Timeline> {
        filter.validate()?;
        let after = match cursor {
            Some(c) => Some(cursor::text(&cursor::decode(c, "timeline", 1)?, 0)?),
            None => None,
        };
        let ids = identity::lookup(&self.conn, term, None)?;
        // A name counts its stories from `entity_articles` (which carries day, source and
        // cluster); a search joins the articles.
        let (matched, sql) = if ids.is_empty() {
            (
                "search",
                format!(
                    "SELECT {period} AS p, count(DISTINCT coalesce(a.dup_of, a.id)), count(*),
                            count(DISTINCT a.source_id)
                     FROM (SELECT rowid AS article_id FROM articles_fts
                           WHERE articles_fts MATCH :term) t
                     JOIN articles a ON a.id = t.article_id
                     LEFT JOIN sources s ON s.id = a.source_id
                     WHERE a.day IS NOT NULL AND {filter}
                     GROUP BY p ORDER BY p",
                    period = by.sql(),
                    filter = ArticleFilter::SQL
                ),
            )
        } else {
            (
                "entity",
                format!(
                    "SELECT {period} AS p, count(DISTINCT ea.root_id),
                            count(DISTINCT ea.article_id), count(DISTINCT ea.source_id)
                     FROM entity_articles ea
                     WHERE ea.entity_id IN (SELECT value FROM json_each(:term))
                       AND ea.day IS NOT NULL AND {filter}
                     GROUP BY p ORDER BY p",
                    period = by.sql_of("ea.day"),
                    filter = CoverageFilter::SQL
                ),
            )
        };
        let term_param = if ids.is_empty() {
            term.to_string()
        } else {
            id_list(&ids)
        };
        let mut params: Vec<(&str, &dyn ToSql)> = vec![(":term", &term_param)];
        let filter_params = filter.params();
        for (name, value) in &filter_params {
            params.push((name, value));
        }
        let run = || -> rusqlite::Result<Vec<TimelineRow>> {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params.as_slice(), |r| {
                Ok(TimelineRow {
                    period: r.get(0)?,
                    articles: r.get(1)?,
                    copies: r.get(2)?,
                    sources: r.get(3)?,
                })
            })?;
            rows.collect()
        };
        let mut rows = run().map_err(|e| fts_error(e, term))?;
        if let Some(after) = after {
            rows.retain(|r| r.period > after);
        }
        let page = Page::from_rows(rows, limit, "timeline", |r| vec![r.period.clone().into()]);
        Ok(Timeline {
            matched: matched.to_string(),
            entity_ids: ids,
            rows: page.rows,
            next_cursor: page.next_cursor,
        })
    }
}
