//! Corpus identities ranked by coverage, and who appears with whom.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rusqlite::ToSql;
use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::cursor::{self, Page};
use crate::error::Result;
use crate::identity;
use crate::query::{ArticleFilter, CoverageFilter, Period, id_list};

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
    /// Start after the identity this cursor names (a page's `next_cursor`).
    pub cursor: Option<String>,
}

/// One corpus identity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// Identities by the number of stories naming them (then mentions, then id). Without
    /// article filters this reads `entity_stats`, kept at ingest; with them it counts the
    /// matching rows of `entity_articles`.
    pub fn entities(&self, q: &EntityQuery) -> Result<Page<EntityRow>> {
        q.filter.validate()?;
        let after = match &q.cursor {
            Some(c) => {
                let key = cursor::decode(c, "entities", 3)?;
                Some((
                    cursor::int(&key, 0)?,
                    cursor::int(&key, 1)?,
                    cursor::int(&key, 2)?,
                ))
            }
            None => None,
        };
        let ids = match &q.name {
            Some(name) => identity::lookup(&self.conn, name, q.kind.as_deref())?,
            None => Vec::new(),
        };
        let ids_json = id_list(&ids);
        let limit = q.limit as i64 + 1;
        let mut params: Vec<(&str, &dyn ToSql)> = vec![(":limit", &limit)];
        let mut conditions = Vec::new();
        if q.kind.is_some() {
            conditions.push("st.kind = :kind");
            params.push((":kind", &q.kind));
        }
        if q.name.is_some() {
            conditions.push("st.entity_id IN (SELECT value FROM json_each(:ids))");
            params.push((":ids", &ids_json));
        }
        if let Some((articles, mentions, id)) = &after {
            // `articles <= ?` lets SQLite seek into the ranked index; the rest is the keyset.
            conditions.push(
                "st.articles <= :after_articles AND (st.articles < :after_articles
                  OR (st.articles = :after_articles AND (st.mentions < :after_mentions
                      OR (st.mentions = :after_mentions AND st.entity_id > :after_id))))",
            );
            params.push((":after_articles", articles));
            params.push((":after_mentions", mentions));
            params.push((":after_id", id));
        }
        let filter = q.filter.params();
        let stats_sql = if q.filter == ArticleFilter::default() {
            "entity_stats".to_string()
        } else {
            for (name, value) in &filter {
                params.push((name, value));
            }
            format!(
                "(SELECT ea.entity_id, e.kind, count(DISTINCT ea.root_id) AS articles,
                         sum(ea.mentions) AS mentions, min(ea.day) AS first, max(ea.day) AS last
                  FROM entity_articles ea JOIN entities e ON e.id = ea.entity_id
                  WHERE {}
                  GROUP BY ea.entity_id)",
                CoverageFilter::SQL
            )
        };
        let where_sql = if conditions.is_empty() {
            "1".to_string()
        } else {
            conditions.join(" AND ")
        };
        let sql = format!(
            "SELECT st.entity_id, st.kind, e.name, st.articles, st.mentions, st.first, st.last
             FROM {stats_sql} st JOIN entities e ON e.id = st.entity_id
             WHERE {where_sql}
             ORDER BY st.articles DESC, st.mentions DESC, st.entity_id
             LIMIT :limit"
        );
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
        rows.truncate(q.limit + 1);
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY alias",
        )?;
        for row in rows.iter_mut().take(q.limit) {
            row.aliases = stmt
                .query_map([row.id], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
        }
        Ok(Page::from_rows(rows, q.limit, "entities", |r| {
            vec![r.articles.into(), r.mentions.into(), r.id.into()]
        }))
    }

    /// The identities named in the same stories as `name`, per period, at most `top` per
    /// period, most frequent first (then by id). Reads the stories naming `name` from
    /// `entity_articles` by index, then one short row of identity ids per story
    /// (`article_entity_sets`), and counts here: each near-duplicate cluster once per
    /// period and identity.
    pub fn cooccur(
        &self,
        name: &str,
        by: Period,
        top: usize,
        filter: &ArticleFilter,
    ) -> Result<Vec<CooccurRow>> {
        filter.validate()?;
        let ids = identity::lookup(&self.conn, name, None)?;
        if ids.is_empty() || top == 0 {
            return Ok(Vec::new());
        }
        // One row per story naming `name`: its cluster, period, id and identity set.
        let sql = format!(
            "SELECT ea.root_id, {period}, ea.article_id, s.entity_ids
             FROM entity_articles ea
             JOIN article_entity_sets s ON s.article_id = ea.article_id
             WHERE ea.entity_id IN (SELECT value FROM json_each(:ids))
               AND ea.day IS NOT NULL AND {filter}",
            period = by.sql_of("ea.day"),
            filter = CoverageFilter::SQL
        );
        let ids_json = id_list(&ids);
        let mut params: Vec<(&str, &dyn ToSql)> = vec![(":ids", &ids_json)];
        let filter_params = filter.params();
        for (name, value) in &filter_params {
            params.push((name, value));
        }
        let mut periods: Vec<String> = Vec::new();
        let mut stories: Vec<(i64, i64, u32, String)> = Vec::new();
        {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query(params.as_slice())?;
            while let Some(row) = rows.next()? {
                let period = row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
                // Periods repeat in runs and are few: look back, not up.
                let index = match periods.iter().rposition(|p| p == period) {
                    Some(i) => i as u32,
                    None => {
                        periods.push(period.to_string());
                        (periods.len() - 1) as u32
                    }
                };
                stories.push((row.get(0)?, row.get(2)?, index, row.get(3)?));
            }
        }
        // By cluster (the index usually yields this order already; it is not promised).
        stories.sort_unstable_by_key(|s| (s.0, s.1));
        stories.dedup_by_key(|s| s.1);
        // Count each (period, identity) once per cluster: a cluster of one article (most)
        // counts its set directly; a larger one is deduplicated first.
        let mut counts: HashMap<u64, i64, BuildPairHasher> = HashMap::default();
        let others = |set: &str, period: u32| {
            set.split(',')
                .filter_map(|id| id.parse::<i64>().ok())
                .filter(|id| !ids.contains(id))
                .map(move |id| (u64::from(period) << 48) | (id as u64 & 0xffff_ffff_ffff))
                .collect::<Vec<u64>>()
        };
        let mut start = 0;
        while start < stories.len() {
            let root = stories[start].0;
            let end = stories[start..]
                .iter()
                .position(|s| s.0 != root)
                .map_or(stories.len(), |n| start + n);
            let mut keys: Vec<u64> = stories[start..end]
                .iter()
                .flat_map(|s| others(&s.3, s.2))
                .collect();
            if end - start > 1 {
                keys.sort_unstable();
                keys.dedup();
            }
            for key in keys {
                *counts.entry(key).or_default() += 1;
            }
            start = end;
        }
        let mut ranked: Vec<(u32, i64, i64)> = counts
            .into_iter()
            .map(|(key, n)| ((key >> 48) as u32, (key & 0xffff_ffff_ffff) as i64, n))
            .collect();
        ranked.sort_unstable_by(|a, b| {
            periods[a.0 as usize]
                .cmp(&periods[b.0 as usize])
                .then(b.2.cmp(&a.2))
                .then(a.1.cmp(&b.1))
        });
        let mut entity_stmt = self
            .conn
            .prepare_cached("SELECT name, kind FROM entities WHERE id = ?1")?;
        let mut out = Vec::new();
        let mut taken = (u32::MAX, 0usize);
        for (period, entity_id, articles) in ranked {
            if taken.0 != period {
                taken = (period, 0);
            }
            if taken.1 >= top {
                continue;
            }
            taken.1 += 1;
            let (name, kind): (String, String) =
                entity_stmt.query_row([entity_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            out.push(CooccurRow {
                period: periods[period as usize].clone(),
                entity_id,
                name,
                kind,
                articles,
            });
        }
        Ok(out)
    }
}

/// A multiply-shift hash for the (period, identity) keys of `cooccur`: hundreds of thousands
/// of small integer keys, no untrusted input to defend against.
#[derive(Default)]
struct PairHasher(u64);

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }
}

type BuildPairHasher = BuildHasherDefault<PairHasher>;
