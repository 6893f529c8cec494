//! Corpus identities ranked by coverage, and who appears with whom.

use rusqlite::ToSql;
use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::cursor::{self, Page};
use crate::error::Result;
use crate::identity;
use crate::query::{ArticleFilter, CoverageFilter, Period, id_list};
use crate::story_days;

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
    /// period, most frequent first (then by id). Reads the day blobs of `story_days` (every
    /// day in the filter's range for a name in more stories than there are days, else the
    /// days the name's `entity_articles` rows give) in period order, keeps the stories that
    /// name `name` and pass the filter, and counts each near-duplicate cluster once per
    /// period and identity.
    pub fn cooccur(
        &self,
        name: &str,
        by: Period,
        top: usize,
        filter: &ArticleFilter,
    ) -> Result<Vec<CooccurRow>> {
        self.cooccur_reading(name, by, top, filter, None)
    }

    /// [`Archive::cooccur`], reading every day in range (`Some(true)`), only the name's days
    /// (`Some(false)`), or whichever is less work (`None`).
    fn cooccur_reading(
        &self,
        name: &str,
        by: Period,
        top: usize,
        filter: &ArticleFilter,
        whole_range: Option<bool>,
    ) -> Result<Vec<CooccurRow>> {
        filter.validate()?;
        let mut ids = identity::lookup(&self.conn, name, None)?;
        if ids.is_empty() || top == 0 {
            return Ok(Vec::new());
        }
        ids.sort_unstable();
        let ids_json = id_list(&ids);
        let filter_params = filter.params();
        let [since, until, source, lang] = filter_params.map(|(_, v)| v);
        let sources: Option<Vec<i64>> = match source {
            Some(source) => Some(
                self.conn
                    .prepare_cached("SELECT id FROM sources WHERE name = ?1 COLLATE NOCASE")?
                    .query_map([source], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?,
            ),
            None => None,
        };
        // Which day blobs: a hub's stories are on nearly every day, so it reads the range;
        // anyone else reads only the days its own rows name (the stories are filtered below,
        // so both read the same stories).
        let whole_range = match whole_range {
            Some(whole) => whole,
            None => {
                let stories: i64 = self.conn.query_row(
                    "SELECT coalesce(sum(articles), 0) FROM entity_stats
                     WHERE entity_id IN (SELECT value FROM json_each(?1))",
                    [&ids_json],
                    |r| r.get(0),
                )?;
                let days: i64 =
                    self.conn
                        .query_row("SELECT count(*) FROM story_days", [], |r| r.get(0))?;
                stories > days
            }
        };
        let days_sql = if whole_range {
            "1".to_string()
        } else {
            format!(
                "d.day IN (SELECT ea.day FROM entity_articles ea
                           WHERE ea.entity_id IN (SELECT value FROM json_each(:ids))
                             AND ea.day IS NOT NULL AND {})",
                CoverageFilter::SQL
            )
        };
        let sql = format!(
            "SELECT d.day, {period} AS p, d.stories FROM story_days d
             WHERE (:since IS NULL OR d.day >= :since)
               AND (:until IS NULL OR d.day <= substr(:until, 1, 10)) AND {days_sql}
             ORDER BY p, d.day",
            period = by.sql_of("d.day"),
        );
        let mut params: Vec<(&str, &dyn ToSql)> = vec![(":since", &since), (":until", &until)];
        if !whole_range {
            params.push((":ids", &ids_json));
            params.push((":source", &source));
            params.push((":lang", &lang));
        }
        let mut counter = PeriodCounter::new(top);
        let mut buffer = Vec::new();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params.as_slice())?;
        while let Some(row) = rows.next()? {
            let day = row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            let period = row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            let blob = row.get_ref(2)?.as_blob().map_err(rusqlite::Error::from)?;
            counter.enter(period);
            story_days::for_each(day, blob, &mut buffer, |story, set| {
                let wanted = sources
                    .as_ref()
                    .is_none_or(|s| story.source_id.is_some_and(|id| s.contains(&id)))
                    && lang.is_none_or(|l| story.language == Some(l.as_bytes()))
                    && ids.iter().any(|id| set.binary_search(id).is_ok());
                if wanted {
                    counter.add(story.root_id, story.article_id, set, &ids);
                }
                Ok(())
            })?;
        }
        let ranked = counter.finish();
        let mut entity_stmt = self
            .conn
            .prepare_cached("SELECT name, kind FROM entities WHERE id = ?1")?;
        let mut out = Vec::with_capacity(ranked.len());
        for (period, entity_id, articles) in ranked {
            let (name, kind): (String, String) =
                entity_stmt.query_row([entity_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            out.push(CooccurRow {
                period,
                entity_id,
                name,
                kind,
                articles,
            });
        }
        Ok(out)
    }
}

/// `cooccur`'s counting, one period at a time (periods arrive in order): the period's
/// stories are buffered, grouped by cluster, and each cluster adds one to each identity it
/// names; the period's top identities are kept when the next period starts.
struct PeriodCounter {
    top: usize,
    period: Option<String>,
    /// (root, article, start, end) into `ids`.
    stories: Vec<(i64, i64, usize, usize)>,
    ids: Vec<i64>,
    /// Stories naming each identity, by identity id; `touched` lists the non-zero ones.
    counts: Vec<u32>,
    touched: Vec<usize>,
    cluster: Vec<i64>,
    out: Vec<(String, i64, i64)>,
}

impl PeriodCounter {
    /// A counter keeping the `top` (at least one) identities of each period.
    fn new(top: usize) -> Self {
        Self {
            top: top.max(1),
            period: None,
            stories: Vec::new(),
            ids: Vec::new(),
            counts: Vec::new(),
            touched: Vec::new(),
            cluster: Vec::new(),
            out: Vec::new(),
        }
    }

    fn enter(&mut self, period: &str) {
        if self.period.as_deref() != Some(period) {
            self.flush();
            self.period = Some(period.to_string());
        }
    }

    /// A story of the current period naming the queried identities `exclude`.
    fn add(&mut self, root: i64, article: i64, set: &[i64], exclude: &[i64]) {
        let start = self.ids.len();
        self.ids
            .extend(set.iter().filter(|id| exclude.binary_search(id).is_err()));
        self.stories.push((root, article, start, self.ids.len()));
    }

    fn count(&mut self, id: i64) {
        // Identity ids are positive rowids; anything else cannot be counted densely.
        let Ok(slot) = usize::try_from(id) else {
            return;
        };
        if slot >= self.counts.len() {
            self.counts.resize(slot + 1, 0);
        }
        if self.counts[slot] == 0 {
            self.touched.push(slot);
        }
        self.counts[slot] += 1;
    }

    fn flush(&mut self) {
        let Some(period) = self.period.take() else {
            return;
        };
        let mut stories = std::mem::take(&mut self.stories);
        let ids = std::mem::take(&mut self.ids);
        stories.sort_unstable_by_key(|s| (s.0, s.1));
        let mut start = 0;
        while start < stories.len() {
            let root = stories[start].0;
            let end = stories[start..]
                .iter()
                .position(|s| s.0 != root)
                .map_or(stories.len(), |n| start + n);
            if end - start == 1 {
                let (_, _, a, b) = stories[start];
                for &id in &ids[a..b] {
                    self.count(id);
                }
            } else {
                let mut cluster = std::mem::take(&mut self.cluster);
                cluster.clear();
                for &(_, _, a, b) in &stories[start..end] {
                    cluster.extend_from_slice(&ids[a..b]);
                }
                cluster.sort_unstable();
                cluster.dedup();
                for &id in &cluster {
                    self.count(id);
                }
                self.cluster = cluster;
            }
            start = end;
        }
        let mut ranked: Vec<(i64, i64)> = self
            .touched
            .iter()
            .map(|&slot| (slot as i64, i64::from(self.counts[slot])))
            .collect();
        for &slot in &self.touched {
            self.counts[slot] = 0;
        }
        self.touched.clear();
        // Most stories first, then by id (ids are unique: a total order). Thousands of
        // identities per period, a few kept: select the head, then sort only it.
        let order = |a: &(i64, i64), b: &(i64, i64)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        if ranked.len() > self.top {
            ranked.select_nth_unstable_by(self.top - 1, order);
            ranked.truncate(self.top);
        }
        ranked.sort_unstable_by(order);
        self.out
            .extend(ranked.into_iter().map(|(id, n)| (period.clone(), id, n)));
        stories.clear();
        self.stories = stories;
        let mut ids = ids;
        ids.clear();
        self.ids = ids;
    }

    /// (period, identity, stories), by period, then most stories, then id.
    fn finish(mut self) -> Vec<(String, i64, i64)> {
        self.flush();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gleaner_core::{Config, Extractor, Input, InputFormat};

    /// Reading every day in range and reading only the name's days give the same rows.
    #[test]
    fn both_ways_of_reading_the_days_agree() -> std::result::Result<(), Box<dyn std::error::Error>>
    {
        let mut archive = Archive::open_in_memory()?;
        let extractor = Extractor::new(Config::default());
        let seed = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/articles/kyiv-talks.txt"
        ))?;
        for n in 0..12u8 {
            let mut bytes = seed.clone();
            bytes.extend(std::iter::repeat_n(b' ', usize::from(n)));
            if n % 3 == 0 {
                bytes = format!("Storm in Odesa {n}\n\nOfficials in Odesa said the storm passed.")
                    .into_bytes();
            }
            archive.add(
                &extractor,
                &Input {
                    bytes,
                    format: Some(InputFormat::Text),
                    published: Some(format!("2022-0{}-{:02}", 3 + n % 2, 10 + n)),
                    source_name: Some(if n % 2 == 0 { "Wire" } else { "Daily" }.into()),
                    ..Input::default()
                },
            )?;
        }
        let filters = [
            ArticleFilter::default(),
            ArticleFilter {
                source: Some("WIRE".into()),
                since: Some("2022-03-12".into()),
                ..ArticleFilter::default()
            },
        ];
        for name in ["Zelensky", "Mariupol", "Odesa"] {
            for by in [Period::Day, Period::Week, Period::Month] {
                for filter in &filters {
                    let range = archive.cooccur_reading(name, by, 5, filter, Some(true))?;
                    let own = archive.cooccur_reading(name, by, 5, filter, Some(false))?;
                    assert_eq!(range, own, "{name} {by:?} {filter:?}");
                    if *filter == ArticleFilter::default() && name != "Odesa" {
                        assert!(!range.is_empty(), "{name} {by:?}");
                    }
                }
            }
        }
        Ok(())
    }
}
