//! Corpus identities ranked by coverage, and who appears with whom.

use std::collections::HashMap;

use rusqlite::ToSql;
use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::error::Result;
use crate::identity;
use crate::query::{ArticleFilter, Period, id_list};

/// An entities request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityQuery {
    /// Only this type (`PER`, `ORG`, `LOC`, `MISC`).
    pub kind: Option<String>,
    /// Only identities this name resolves to.
    pub name: Option<String>,
    /// Which articles count.
    #[serde(flatten)]
    pub filter: ArticleFilter,
    /// At most this many.
    pub limit: usize,
    /// Skip this many (pagination).
    pub offset: usize,
}

/// One corpus identity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRow {
    /// Identity id.
    pub id: i64,
    /// `PER`, `ORG`, `LOC` or `MISC`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Canonical name.
    pub name: String,
    /// Every form seen across the corpus.
    pub aliases: Vec<String>,
    /// Stories naming it (near-duplicate copies counted once).
    pub articles: i64,
    /// Mentions in all articles.
    pub mentions: i64,
    /// First day named.
    pub first: Option<String>,
    /// Last day named.
    pub last: Option<String>,
}

/// Who appears with an entity, per period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CooccurRow {
    /// The period (`2022-03-22`, `2022-W12`, `2022-03`).
    pub period: String,
    /// The other identity.
    pub entity_id: i64,
    /// Its name.
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Stories naming both (near-duplicate copies counted once).
    pub articles: i64,
}

impl Archive {
    /// Identities by the number of stories naming them.
    pub fn entities(&self, q: &EntityQuery) -> Result<Vec<EntityRow>> {
        q.filter.validate()?;
        let ids = match &q.name {
            Some(name) => identity::lookup(&self.conn, name, q.kind.as_deref())?,
            None => Vec::new(),
        };
        let name_sql = if q.name.is_some() {
            "e.id IN (SELECT value FROM json_each(:ids))"
        } else {
            "1"
        };
        let sql = format!(
            "SELECT e.id, e.kind, e.name, count(DISTINCT coalesce(a.dup_of, a.id)) AS n,
                    sum(ae.mentions), min(a.day), max(a.day)
             FROM entities e
             JOIN article_entities ae ON ae.entity_id = e.id
             JOIN articles a ON a.id = ae.article_id
             LEFT JOIN sources s ON s.id = a.source_id
             WHERE (:kind IS NULL OR e.kind = :kind) AND {name_sql} AND {}
             GROUP BY e.id ORDER BY n DESC, 5 DESC, e.id
             LIMIT :limit OFFSET :offset",
            ArticleFilter::SQL
        );
        let ids_json = id_list(&ids);
        let limit = q.limit as i64;
        let offset = q.offset as i64;
        let mut params: Vec<(&str, &dyn ToSql)> =
            vec![(":kind", &q.kind), (":limit", &limit), (":offset", &offset)];
        if q.name.is_some() {
            params.push((":ids", &ids_json));
        }
        let filter = q.filter.params();
        for (name, value) in &filter {
            params.push((name, value));
        }
        let mut rows = {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params.as_slice(), |r| {
                Ok(EntityRow {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    name: r.get(2)?,
                    aliases: Vec::new(),
                    articles: r.get(3)?,
                    mentions: r.get(4)?,
                    first: r.get(5)?,
                    last: r.get(6)?,
                })
            })?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY alias",
        )?;
        for row in &mut rows {
            row.aliases = stmt
                .query_map([row.id], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
        }
        Ok(rows)
    }

    /// The identities named in the same stories as `name`, per period, at most `top` per
    /// period, most frequent first.
    pub fn cooccur(
        &self,
        name: &str,
        by: Period,
        top: usize,
        filter: &ArticleFilter,
    ) -> Result<Vec<CooccurRow>> {
        filter.validate()?;
        let ids = identity::lookup(&self.conn, name, None)?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "WITH target AS (
                 SELECT DISTINCT article_id FROM article_entities
                 WHERE entity_id IN (SELECT value FROM json_each(:ids)))
             SELECT {period} AS p, e.id, e.name, e.kind,
                    count(DISTINCT coalesce(a.dup_of, a.id)) AS n
             FROM target t
             JOIN articles a ON a.id = t.article_id
             LEFT JOIN sources s ON s.id = a.source_id
             JOIN article_entities o ON o.article_id = t.article_id
             JOIN entities e ON e.id = o.entity_id
             WHERE a.day IS NOT NULL
               AND o.entity_id NOT IN (SELECT value FROM json_each(:ids)) AND {filter}
             GROUP BY p, e.id ORDER BY p, n DESC, e.id",
            period = by.sql(),
            filter = ArticleFilter::SQL
        );
        let ids_json = id_list(&ids);
        let mut params: Vec<(&str, &dyn ToSql)> = vec![(":ids", &ids_json)];
        let filter_params = filter.params();
        for (name, value) in &filter_params {
            params.push((name, value));
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params.as_slice(), |r| {
            Ok(CooccurRow {
                period: r.get(0)?,
                entity_id: r.get(1)?,
                name: r.get(2)?,
                kind: r.get(3)?,
                articles: r.get(4)?,
            })
        })?;
        let mut per_period: HashMap<String, usize> = HashMap::new();
        let mut out = Vec::new();
        for row in rows {
            let row = row?;
            let seen = per_period.entry(row.period.clone()).or_default();
            if *seen < top {
                *seen += 1;
                out.push(row);
            }
        }
        Ok(out)
    }
}
