//! Each identity's coverage — `entity_articles` (one row per identity per current article)
//! and `entity_stats` (stories, mentions, first and last day per identity) — kept in step
//! with the articles inside the transaction that adds, supersedes or re-extracts one.
//!
//! A story is a near-duplicate cluster (`root_id`): an identity's `articles` count is the
//! number of distinct roots among its rows, maintained by checking, on each insert or
//! delete, whether another row of the same root remains.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;
use crate::story_days;

/// What coverage needs of an article: its cluster, day, source, language, and whether it is
/// current.
type ArticleFacts = (i64, Option<String>, Option<i64>, Option<String>, bool);

/// Counts article `article_id` (already stored with its `article_entities`) when it is a
/// current article.
pub(crate) fn add_article(conn: &Connection, article_id: i64) -> Result<()> {
    let article: Option<ArticleFacts> = conn
        .prepare_cached(
            "SELECT coalesce(dup_of, id), day, source_id, language, latest FROM articles
             WHERE id = ?1",
        )?
        .query_row([article_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    let Some((root, day, source, language, true)) = article else {
        return Ok(());
    };
    let entities: Vec<(i64, i64)> = conn
        .prepare_cached(
            "SELECT entity_id, sum(mentions) FROM article_entities WHERE article_id = ?1
             GROUP BY entity_id",
        )?
        .query_map([article_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut known_story = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM entity_articles WHERE entity_id = ?1 AND root_id = ?2)",
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO entity_articles (entity_id, root_id, article_id, day, source_id, language,
             mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut stats = conn.prepare_cached(
        "INSERT INTO entity_stats (entity_id, kind, articles, mentions, first, last)
         SELECT id, kind, ?2, ?3, ?4, ?4 FROM entities WHERE id = ?1
         ON CONFLICT (entity_id) DO UPDATE SET
             articles = articles + excluded.articles,
             mentions = mentions + excluded.mentions,
             first = CASE WHEN first IS NULL OR excluded.first < first
                          THEN coalesce(excluded.first, first) ELSE first END,
             last = CASE WHEN last IS NULL OR excluded.last > last
                         THEN coalesce(excluded.last, last) ELSE last END",
    )?;
    for (entity, mentions) in &entities {
        let known: bool = known_story.query_row(params![entity, root], |r| r.get(0))?;
        insert.execute(params![
            entity, root, article_id, day, source, language, mentions
        ])?;
        stats.execute(params![entity, i64::from(!known), mentions, day])?;
    }
    if let Some(day) = &day
        && !entities.is_empty()
    {
        let mut entity_ids: Vec<i64> = entities.iter().map(|e| e.0).collect();
        entity_ids.sort_unstable();
        story_days::add(
            conn,
            day,
            story_days::Story {
                article_id,
                root_id: root,
                source_id: source,
                language,
                entity_ids,
            },
        )?;
    }
    Ok(())
}

/// Stops counting article `article_id` (superseded by a revision, or about to be
/// re-extracted).
pub(crate) fn remove_article(conn: &Connection, article_id: i64) -> Result<()> {
    let rows: Vec<(i64, i64, Option<String>, i64)> = conn
        .prepare_cached(
            "SELECT entity_id, root_id, day, mentions FROM entity_articles WHERE article_id = ?1",
        )?
        .query_map([article_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    if let Some((_, _, Some(day), _)) = rows.first() {
        story_days::remove(conn, day, article_id)?;
    }
    let mut delete = conn.prepare_cached(
        "DELETE FROM entity_articles WHERE entity_id = ?1 AND root_id = ?2 AND article_id = ?3",
    )?;
    let mut story_left = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM entity_articles WHERE entity_id = ?1 AND root_id = ?2)",
    )?;
    let mut update = conn.prepare_cached(
        "UPDATE entity_stats SET articles = articles - ?2, mentions = mentions - ?3
         WHERE entity_id = ?1 RETURNING articles, first, last",
    )?;
    for (entity, root, day, mentions) in rows {
        delete.execute(params![entity, root, article_id])?;
        let left: bool = story_left.query_row(params![entity, root], |r| r.get(0))?;
        let after: Option<(i64, Option<String>, Option<String>)> = update
            .query_row(params![entity, i64::from(!left), mentions], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        match after {
            Some((0, _, _)) => {
                conn.prepare_cached("DELETE FROM entity_stats WHERE entity_id = ?1")?
                    .execute([entity])?;
            }
            // The first or last day may have gone with this article.
            Some((_, first, last)) if day.is_some() && (day == first || day == last) => {
                conn.prepare_cached(
                    "UPDATE entity_stats SET
                         first = (SELECT min(day) FROM entity_articles WHERE entity_id = ?1),
                         last = (SELECT max(day) FROM entity_articles WHERE entity_id = ?1)
                     WHERE entity_id = ?1",
                )?
                .execute([entity])?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// `entity_articles` as it should be, from the articles and their entities.
const EXPECTED_ARTICLES: &str = "
    SELECT ae.entity_id, coalesce(a.dup_of, a.id), a.id, a.day, a.source_id, a.language,
           sum(ae.mentions)
    FROM article_entities ae JOIN articles a ON a.id = ae.article_id
    WHERE a.latest = 1
    GROUP BY ae.entity_id, a.id";

/// `entity_stats` as it should be, from `entity_articles`.
const EXPECTED_STATS: &str = "
    SELECT ea.entity_id, e.kind, count(DISTINCT ea.root_id), sum(ea.mentions), min(ea.day),
           max(ea.day)
    FROM entity_articles ea JOIN entities e ON e.id = ea.entity_id
    GROUP BY ea.entity_id";

/// Problems with the coverage tables, in words (empty when they match the articles).
pub(crate) fn check(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let differ = |actual: &str, expected: &str| -> Result<i64> {
        let sql = format!(
            "SELECT (SELECT count(*) FROM ({actual} EXCEPT {expected}))
                  + (SELECT count(*) FROM ({expected} EXCEPT {actual}))"
        );
        Ok(conn.query_row(&sql, [], |r| r.get(0))?)
    };
    let articles = differ(
        "SELECT entity_id, root_id, article_id, day, source_id, language, mentions
         FROM entity_articles",
        EXPECTED_ARTICLES,
    )?;
    if articles > 0 {
        problems.push(format!(
            "entity coverage: {articles} entity_articles rows differ from the articles (reindex rebuilds them)"
        ));
    }
    let stats = differ(
        "SELECT entity_id, kind, articles, mentions, first, last FROM entity_stats",
        EXPECTED_STATS,
    )?;
    if stats > 0 {
        problems.push(format!(
            "entity coverage: {stats} entity_stats rows differ from entity_articles (reindex rebuilds them)"
        ));
    }
    problems.extend(story_days::check(conn)?);
    Ok(problems)
}

/// Rebuilds the coverage tables from the articles (after a reindex, or to repair).
pub(crate) fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute_batch(&format!(
        "DELETE FROM entity_stats;
         DELETE FROM entity_articles;
         INSERT INTO entity_articles (entity_id, root_id, article_id, day, source_id, language,
             mentions) {EXPECTED_ARTICLES};
         INSERT INTO entity_stats (entity_id, kind, articles, mentions, first, last)
             {EXPECTED_STATS};"
    ))?;
    story_days::rebuild(conn)
}
